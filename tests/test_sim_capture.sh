#!/bin/sh
# courtside-sim --capture (issue 7): a game recorded live from the simulator
# (with faults) is served again over the provider's own protocol, and
# courtside following it -- from the start, joining late, through new faults,
# two at once -- ends with exactly the live run's export.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
client_setup

cap_py() {   # cap_py CAPTURE EXPR: python on recs = [(t_ms, channel, bytes)]
	"$PY" -c 'import json, sys
data = open(sys.argv[1], "rb").read()
pos = data.index(b"\n") + 1
recs = []
while pos < len(data):
    nl = data.index(b"\n", pos)
    t, ch, n = data[pos:nl].split()[:3]
    recs.append((int(t), ch.decode(), data[nl + 1:nl + 1 + int(n)]))
    pos = nl + 2 + int(n)
exec(sys.argv[2])' "$@"
}

# The number of times a ShotTracker frame's seq came below the one before it
# (first copies only) on the recorded wire.
inversions='seen = set(); seqs = []
for t, ch, b in recs:
    try:
        s = json.loads(b).get("seq") if ch == "ws" else None
    except ValueError:
        s = None
    if s and s not in seen:
        seen.add(s); seqs.append(s)
print(sum(1 for a, b in zip(seqs, seqs[1:]) if b < a))'

follow() {   # follow PROVIDER GAME EXPORT LOG [courtside args]: --headless to the end
	local p=$1 g=$2 out=$3 log=$4
	shift 4
	timeout 120 "$CS" --provider "$p" --game "$g" --base-url "http://127.0.0.1:$SIM_PORT" \
	    --headless --export "$out" --log "$log" "$@" 2>/dev/null
}

# 1. ShotTracker: record a live game with faults on the wire.
sim_start st_live --provider shottracker --seed 21 --speed 400 --require-auth U:S \
    --faults drop=70,duplicate=0.04,malformed=0.01,reorder=0.05,seed=5 ||
    tap_skip_all "simulator did not start"
GAME=$SIM_ST
follow shottracker "$GAME" "$t/st_live.json" "$t/st_live.clog" --record "$t/st.cap"
tap_is "$?" 0 "shottracker: the live run with faults records and exits 0"

# 2. Served again.
sim_start st_cap --capture "$t/st.cap" --speed 4 --require-auth U:S ||
    tap_skip_all "the capture server did not start"
tap_is "$SIM_ST" "$GAME" "the start line names the recorded game"
tap_is "$SIM_SR" "-" "and no Sportradar game"
tap_ok "the log counts the malformed frames left out" \
    grep -q "left out [1-9][0-9]* not JSON" "$t/st_cap.log"
tap_ok "and the duplicates" grep -q ", [1-9][0-9]* duplicates" "$t/st_cap.log"
tap_is "$("$SIM" --capture "$t/st.cap" --print-ids)" "shottracker=$GAME sportradar=-" \
    "--print-ids reads the capture"

n=$(cap_py "$t/st.cap" "$inversions")
tap_ok "the recorded wire had frames out of seq order ($n)" test "${n:-0}" -gt 0
token=$(st_token)
r=$(ws_client "token=$token" --timeout 20 --idle 3)
tap_ok "a third-party client gets the frames in seq order" \
    test "$(jget "$r" 'd["increasing"] and d["inversions"] == 0')" = True
tap_ok "each once" test "$(jget "$r" 'len(d["seqs"]) == len(set(d["seqs"])) and d["invalid"] == 0')" = True
tap_ok "and every seq of the game ($(jget "$r" 'len(d["seqs"])'))" \
    test "$(jget "$r" 'd["seqs"] == list(range(1, len(d["seqs"]) + 1))')" = True

follow shottracker "$GAME" "$t/st_a.json" "$t/st_a.clog" &
a=$!
sleep 1
follow shottracker "$GAME" "$t/st_b.json" "$t/st_b.clog"
tap_is "$?" 0 "a second laptop joining a second later follows to the end"
wait "$a"
tap_is "$?" 0 "the first laptop follows to the end"
tap_ok "the first laptop's export equals the live export" "$EQ" "$t/st_a.json" "$t/st_live.json"
tap_ok "the second laptop's export equals the live export" "$EQ" "$t/st_b.json" "$t/st_live.json"

st_get "/v1/data/teams/999,SHOTTRACKER" >"$t/code"
tap_is "$(cat "$t/code")" 404 "a resource the capture lacks answers 404"
SHOTTRACKER_SECRET=wrong follow shottracker "$GAME" "$t/wrong.json" "$t/wrong.clog"
tap_is "$?" 1 "a wrong secret is still refused"

# 3. With new faults on top, and joining late.
sim_start st_faults --capture "$t/st.cap" --speed 4 --require-auth U:S \
    --faults drop=40,duplicate=0.05,malformed=0.02,stall=3@2,seed=8 ||
    tap_skip_all "the capture server did not start"
follow shottracker "$GAME" "$t/st_f.json" "$t/st_f.clog"
tap_is "$?" 0 "shottracker: served with new faults, followed to the end"
tap_ok "to the live export" "$EQ" "$t/st_f.json" "$t/st_live.json"
tap_ok "the faults were on the wire" grep -q "fault: drop" "$t/st_faults.log"

# 4. Sportradar push: record, serve, follow.
sim_start sr_live --provider sportradar --seed 22 --speed 400 --require-auth U:S \
    --faults drop=60,duplicate=0.04,reorder=0.02,malformed=0.01,seed=6 ||
    tap_skip_all "simulator did not start"
SRGAME=$SIM_SR
follow sportradar "$SRGAME" "$t/sr_live.json" "$t/sr_live.clog" --record "$t/sr.cap"
tap_is "$?" 0 "sportradar: the live run with faults records and exits 0"

sim_start sr_cap --capture "$t/sr.cap" --speed 4 --require-auth U:S \
    --faults drop=50,duplicate=0.05,seed=9 || tap_skip_all "the capture server did not start"
tap_is "$SIM_SR" "$SRGAME" "sportradar: the start line names the recorded game"
follow sportradar "$SRGAME" "$t/sr_a.json" "$t/sr_a.clog"
tap_is "$?" 0 "sportradar: served with faults, followed to the end"
tap_ok "to the live export" "$EQ" "$t/sr_a.json" "$t/sr_live.json"
code=$(curl -s -o "$t/pbp.json" -w '%{http_code}' -H 'x-api-key: S' \
    "http://127.0.0.1:$SIM_PORT/nba/production/v8/en/games/$SRGAME/pbp.json")
tap_is "$code" 200 "pbp.json is served (by another access level too)"
tap_ok "with the recorded body" grep -qF "$(head -c 200 "$t/pbp.json")" "$t/sr.cap"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'x-api-key: wrong' \
    "http://127.0.0.1:$SIM_PORT/nba/trial/v8/en/games/$SRGAME/pbp.json")
tap_is "$code" 403 "a wrong API key is still refused"

# Joining half-way: REST shows the snapshot recorded at the start, so the
# push session starts right after it and re-sends everything since; the
# final pbp.json then confirms the end.  At 0.25x the second half of the
# capture (~5 s) lasts ~20 s: the laptop joins while it is still on (at 4x
# it was over in about a second, and a busy machine joined after the end:
# REST said closed, and no push session at all).
len_s=$(sed -n 's/.*REST bodies, \([0-9]*\) s;.*/\1/p' "$t/sr_cap.log")
nmsg=$(sed -n 's/.*: \([0-9]*\) stream messages.*/\1/p' "$t/sr_cap.log")
sim_start sr_late --capture "$t/sr.cap" --speed 0.25 --start-ms $(( ${len_s:-4} * 500 )) \
    --require-auth U:S || tap_skip_all "the capture server did not start"
follow sportradar "$SRGAME" "$t/sr_late.json" "$t/sr_late.clog"
tap_is "$?" 0 "sportradar: a laptop joining half-way follows to the end"
tap_ok "to the live export" "$EQ" "$t/sr_late.json" "$t/sr_live.json"
from=$(sed -n 's/.* push conn=1 from=\([0-9]*\).*/\1/p' "$t/sr_late.log")
tap_ok "its push session re-sent from the REST snapshot (message ${from:-?} of ${nmsg:-?}), not from the join" \
    test "${from:-999999}" -lt $(( ${nmsg:-0} / 4 ))

# 5. --start-at: the capture's own parsers find the moment; a laptop that
# follows the frozen server there has the box score of --replay --until.
for p in shottracker sportradar; do
	cap=$t/st.cap id=$GAME
	[ $p = sportradar ] && cap=$t/sr.cap id=$SRGAME
	sim_start "at_$p" --capture "$cap" --start-at 3/5:00 --speed 0 --require-auth U:S ||
	    tap_skip_all "the capture server did not start"
	"$CS" --replay "$cap" --once --until 3/5:00 --export "$t/until_$p.json" --log "$t/u.log" 2>/dev/null
	# the frozen game never ends: follow it for a while, longer each time
	# a busy machine has not delivered everything yet (no check on time)
	for d in 2 5 10 20 40; do
		follow $p "$id" "$t/at_$p.json" "$t/at_$p.clog" --duration $d
		"$EQ" "$t/at_$p.json" "$t/until_$p.json" >/dev/null 2>&1 && break
	done
	tap_ok "$p: --start-at 3/5:00 serves the box score of --replay --until 3/5:00" \
	    "$EQ" "$t/at_$p.json" "$t/until_$p.json"
	tap_ok "$p: which is in the third quarter" \
	    json_check "$t/at_$p.json" 'd["game"]["period"]["sequence"] == 3'
done
"$SIM" --port 0 --capture "$t/sr.cap" --start-at OT4/1:00 >/dev/null 2>"$t/never.err"
tap_is "$?" 1 "--start-at a moment the recorded game never reaches: exit 1"
tap_ok "saying so" grep -q "never reaches OT4/1:00" "$t/never.err"

# 6. Captures that cannot be served, or only in part.
"$SIM" --port 0 --capture "$t/sr.cap" --provider shottracker >/dev/null 2>"$t/mismatch.err"
tap_is "$?" 1 "a Sportradar capture served as ShotTracker: exit 1"
tap_ok "saying what the capture is" grep -q "is a sportradar game" "$t/mismatch.err"
printf 'hello\n' >"$t/not.cap"
"$SIM" --port 0 --capture "$t/not.cap" >/dev/null 2>"$t/not.err"
tap_is "$?" 1 "a file that is not a capture: exit 1"
tap_ok "with one line saying so" sh -c \
    "test \$(wc -l <'$t/not.err') -eq 1 && grep -q 'not a courtside capture' '$t/not.err'"
sed '1s/courtside-capture 2/courtside-capture 9/' "$t/sr.cap" >"$t/v9.cap"
"$SIM" --port 0 --capture "$t/v9.cap" >/dev/null 2>"$t/v9.err"
tap_is "$?" 1 "an unknown capture version: exit 1"
tap_ok "naming the version" grep -q "version 9" "$t/v9.err"
# Damage: served up to it (every record before it is proven intact), and
# said on the operator's terminal, not only in the log.
head -c -100 "$t/st.cap" >"$t/trunc.cap"
sim_start trunc --capture "$t/trunc.cap" --speed 0 --require-auth U:S ||
    tap_skip_all "the capture server did not start"
tap_ok "a truncated capture is served" test -n "$SIM_PORT"
tap_ok "stderr says where it is damaged and that it is served only up to it" \
    grep -q "^courtside-sim: warning: .*trunc.cap: capture damaged at line [0-9]*: cut short; serving the recorded game only up to it" \
    "$t/trunc.err"
tap_ok "and the log names the damage" grep -q "capture damaged at line [0-9]*: cut short: served up to it" "$t/trunc.log"
tap_is "$(st_get "/v1/data/games/$GAME")" 200 "what came before the damage is served"
# The first record damaged: nothing intact to serve.
awk 'NR==2 {$3 = "-5"} {print}' "$t/st.cap" >"$t/minus5.cap"
"$SIM" --port 0 --capture "$t/minus5.cap" >/dev/null 2>"$t/minus5.err"
tap_is "$?" 1 "a capture damaged at its first record: exit 1"
tap_ok "with one line naming the damage" sh -c \
    "test \$(wc -l <'$t/minus5.err') -eq 1 && grep -q 'capture damaged at line 2: bad record header' '$t/minus5.err'"

tap_ok "every server stops cleanly, sanitizers quiet" sim_stop_all
tap_done
