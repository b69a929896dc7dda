#!/bin/sh
# Captures that prove their integrity (issue 14, item 4): a damaged capture
# is refused out loud -- --once exits 1 with one line and writes no export,
# the UI says why in its header -- never replayed as a plausible wrong game;
# an old (version 1) capture still replays to the same export.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
client_setup
DATA=$top_srcdir/tests/data/capture

# refused NAME FILE: --once exits 1, one line on stderr naming the damage,
# and no export.
refused() {
	rm -f "$t/out.json"
	"$CS" --replay "$2" --once --export "$t/out.json" --log "$t/refused.log" \
	    >/dev/null 2>"$t/refused.err"
	rc=$?
	tap_is "$rc" 1 "$1: --once exits 1"
	tap_is "$(wc -l <"$t/refused.err")" 1 "$1: with one line on stderr"
	tap_ok "$1: naming the damage ($(cat "$t/refused.err"))" \
	    grep -q "capture damaged at line [0-9]" "$t/refused.err"
	tap_ok "$1: and no export" test ! -e "$t/out.json"
}

# edit_record CAPTURE OUT INDEX PYTHON: rewrites the INDEX-th record's header
# fields f (a list of bytes) with PYTHON, the rest of the file as it was.
edit_record() {
	"$PY" -c 'import sys
data = open(sys.argv[1], "rb").read()
pos = data.index(b"\n") + 1
for i in range(int(sys.argv[3]) + 1):
    nl = data.index(b"\n", pos)
    f = data[pos:nl].split(b" ")
    if i == int(sys.argv[3]):
        exec(sys.argv[4])
        data = data[:pos] + b" ".join(f) + data[nl:]
        break
    pos = nl + 2 + int(f[2])
open(sys.argv[2], "wb").write(data)' "$@"
}

# 1. A short ShotTracker game, recorded live: REST catch-up, then about a
# second of frames (how many depends on the machine; nothing below does).
sim_start rec --provider shottracker --seed 41 --speed 60 --start-at 4/1:00 \
    --require-auth U:S || tap_skip_all "simulator did not start"
timeout 120 "$CS" --provider shottracker --game "$SIM_ST" \
    --base-url "http://127.0.0.1:$SIM_PORT" --headless --record "$t/g.cap" \
    --export "$t/live.json" --log "$t/live.log" 2>/dev/null
tap_is "$?" 0 "a live game records and exits 0"
"$CS" --replay "$t/g.cap" --once --export "$t/good.json" --log "$t/good.log" 2>/dev/null
tap_is "$?" 0 "the undamaged capture replays"
tap_ok "to the live export" "$EQ" "$t/good.json" "$t/live.json"
tap_ok "captures are written in format version 2" \
    grep -q "^courtside-capture 2 provider=shottracker game=$SIM_ST started=[0-9]* sum=[0-9a-f]\{16\}\$" \
    "$t/g.cap"
tap_ok "every record header carries a 16-digit checksum" "$PY" -c 'import re, sys
data = open(sys.argv[1], "rb").read()
pos, n = data.index(b"\n") + 1, 0
while pos < len(data):
    nl = data.index(b"\n", pos)
    f = data[pos:nl].split(b" ")
    assert len(f) == 4 and re.fullmatch(rb"[0-9a-f]{16}", f[3]), f
    pos, n = nl + 2 + int(f[2]), n + 1
assert n >= 5' "$t/g.cap"

# 2. The issue's case: the first record's length is -5.
edit_record "$t/g.cap" "$t/minus5.cap" 0 'f[2] = b"-5"'
refused "a first record of length -5" "$t/minus5.cap"
# A length that is off by one lands inside the next record.
edit_record "$t/g.cap" "$t/short.cap" 2 'f[2] = str(int(f[2]) - 1).encode()'
refused "a record one byte short" "$t/short.cap"
head -c -40 "$t/g.cap" >"$t/trunc.cap"
refused "a capture cut inside its last record" "$t/trunc.cap"
awk 'NR==9 {print "THIS LINE IS DAMAGED"; next} {print}' "$t/g.cap" >"$t/corrupt.cap"
refused "a line replaced by garbage" "$t/corrupt.cap"
# Two records swapped: each is intact, but not where it was written.
"$PY" -c 'import sys
data = open(sys.argv[1], "rb").read()
head = data.index(b"\n") + 1
recs, pos = [], head
while pos < len(data):
    nl = data.index(b"\n", pos)
    end = nl + 2 + int(data[pos:nl].split(b" ")[2])
    recs.append(data[pos:end])
    pos = end
recs[1], recs[2] = recs[2], recs[1]
open(sys.argv[2], "wb").write(data[:head] + b"".join(recs))' "$t/g.cap" "$t/swap.cap"
refused "two records swapped" "$t/swap.cap"

# 3. 200 seeded random byte flips: each refused out loud, or the very same
# export; never a different game with exit 0.
r=$("$PY" "$top_srcdir/tests/capture_flips.py" "$CS" "$t/g.cap" "$t/good.json" "$t" 200 14)
rc=$?
echo "$r" | grep '^#'
r=$(echo "$r" | grep -v '^#')
tap_is "$rc" 0 "200 byte flips: each refused out loud or the undamaged export ($r)"
tap_ok "and the flips were refused, not missed" \
    test "$(jget "$r" 'd["refused"]')" -ge 190

# 4. An old capture (version 1, no checksums) still replays, to the export
# the version 1 reader gave (which had no coach's numbers nor ShotTracker's
# own possessions yet).
"$CS" --replay "$DATA/v1_shottracker.cap" --once --export "$t/v1.json" \
    --log "$t/v1.log" 2>"$t/v1.err"
tap_is "$?" 0 "a version 1 capture replays"
tap_ok "to the export it gave before checksums" "$EQ" --ignore analytics --ignore possessions \
    --ignore lead_changes --ignore times_tied "$t/v1.json" "$DATA/v1_shottracker.json"
tap_ok "the log says it carries no checksums" grep -q "version 1.*no checksums" "$t/v1.log"
edit_record "$DATA/v1_shottracker.cap" "$t/v1minus5.cap" 0 'f[2] = b"-5"'
refused "a version 1 capture with a length of -5" "$t/v1minus5.cap"

# 5. The UI says why, on screen: the damage is in the last record, so the
# game up to it plays and then the header names the damage.
if command -v tmux >/dev/null 2>&1; then
	n=$(grep -c "" "$t/g.cap")
	awk -v n="$n" 'NR==n-1 {sub(/[0-9]/, "x")} {print}' "$t/g.cap" >"$t/late.cap"
	tm() { tmux -S "$t/sock" "$@"; }
	tm -f /dev/null new-session -d -s cs -x 120 -y 40 \
	    "env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $CS --replay $t/late.cap --speed max --log $t/ui.log --export $t/ui.json; echo EXIT=\$?; sleep 60"
	tm set-option -g status off >/dev/null
	# wait_screen TEXT TENTHS: until the screen shows TEXT (at most TENTHS
	# tenths of a second), then the screen into screen.txt
	wait_screen() {
		i=0
		while [ $i -lt "$2" ] && ! tm capture-pane -p -t cs | grep -q "$1"; do
			sleep 0.1
			i=$((i + 1))
		done
		tm capture-pane -p -t cs >"$t/screen.txt"
	}
	wait_screen "capture damaged" 200
	tap_ok "the UI header says the replay failed on the damage" \
	    sh -c "head -1 '$t/screen.txt' | grep -q 'failed: capture damaged at line [0-9]*: '"
	tap_ok "and still shows the game up to it" grep -q "Box score" "$t/screen.txt"
	tap_ok "the program is still there to read it" sh -c "! grep -q EXIT= '$t/screen.txt'"
	# q: refused as --once refuses it; it had exited 0 and written the
	# game up to the damage to --export, a plausible in-progress game
	tm send-keys -t cs q
	wait_screen "EXIT=" 600
	tap_ok "q: the UI exits 1" grep -q "^EXIT=1" "$t/screen.txt"
	tap_ok "with the one line that names the damage" \
	    grep -q "^courtside: capture damaged at line [0-9]*: " "$t/screen.txt"
	tap_ok "and writes no export" test ! -e "$t/ui.json"
	tm kill-server >/dev/null 2>&1
else
	for i in 1 2 3 4 5 6; do
		tap_result 0 "# SKIP tmux is not installed"
	done
fi

tap_ok "the simulator stops cleanly" sim_stop_all
tap_done
