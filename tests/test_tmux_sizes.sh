#!/bin/sh
# The box score in a real terminal at three sizes (issue 17 item 1):
# courtside --replay of a game recorded from courtside-sim (the capture
# in tests/data, so the screen is the same on every run), run to its end
# in a detached tmux at 160x45, 120x35 and 80x24.  Both teams' totals rows
# and each team's top scorer (from the --once export of the same capture)
# are on the first screen at 160x45 and 120x35; at 80x24 T shows one team
# whole, says so, and a second T the other.  Skipped without tmux.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/tmux_common.sh"

CS=$top_builddir/courtside
CAP=$top_srcdir/tests/data/capture/v1_shottracker.cap
PY=/usr/bin/python3

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
[ -x "$PY" ] || tap_skip_all "python3 is needed"
[ -x "$CS" ] || tap_skip_all "courtside is not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-sizes.XXXXXX")
cleanup() {
	for tmux_sock in "$tmp"/sock-*; do
		[ -S "$tmux_sock" ] && tm kill-server >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

# one tmux server per size: a new session on the socket of a server being
# killed can find it still going away ("server exited unexpectedly")
tmux_sock=$tmp/sock-none
count() { screen 2>/dev/null | grep -cF -- "$1"; }
count_is() { [ "$(count "$1")" -eq "$2" ]; }

start() {   # start COLS LINES
	tm_start "$1" "$2" "$CS" --replay "$CAP" --speed max --log "$tmp/cs.log"
}

# Each side's top scorers as the box score may print them: the full name,
# or its initial and the start of the surname ("J.Mitc"), one per line.
"$CS" --replay "$CAP" --once --export "$tmp/box.json" --log "$tmp/once.log" 2>/dev/null
tap_ok "the capture replays to an export" test -s "$tmp/box.json"
$PY - "$tmp/box.json" >"$tmp/top" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for t in d["teams"]:
    best = max(p["pts"] for p in t["players"])
    names = [p["name"] for p in t["players"] if p["pts"] == best]
    print(t["side"] + "\t" + "\t".join(names))
PY

# top_scorer_shown SIDE: one of the side's top scorers is on the screen
top_scorer_shown() {
	screen >"$tmp/screen"
	grep "^$1	" "$tmp/top" | cut -f2- | tr '\t' '\n' | while read -r name; do
		short=$($PY -c 'import sys; n = sys.argv[1].split(); print((n[0][0] + "." + n[-1])[:6] if len(n) > 1 else n[0])' "$name")
		if grep -qF -- "$name" "$tmp/screen" || grep -qF -- "$short" "$tmp/screen"; then
			echo yes
			break
		fi
	done | grep -q yes
}

for size in 160x45 120x35 80x24; do
	cols=${size%x*}
	lines=${size#*x}
	tm kill-server >/dev/null 2>&1
	tmux_sock=$tmp/sock-$size
	start "$cols" "$lines"
	tap_ok "$size: the replay reaches its end" wait_for "replay at end"
	if [ "$size" = 80x24 ]; then
		tap_ok "$size: the box score is the pane shown" has "1 Box score"
		tm send-keys -t cs T
		tap_ok "$size: T shows one team whole, and says so" wait_for "only (T)"
		tap_ok "$size: with its totals" count_is Totals 1
		first=$(screen | grep -o '[A-Z]* only (T)')
		tm send-keys -t cs T
		tap_ok "$size: T again, the other team" tap_wait_until 60 sh -c \
		    "tmux -S '$tmux_sock' capture-pane -p -t cs | grep 'only (T)' | grep -qv '$first'"
		tm send-keys -t cs q
		tap_ok "$size: q quits" wait_for "EXIT=0"
		continue
	fi
	tap_ok "$size: both teams' totals rows" tap_wait_until 60 count_is Totals 2
	tap_ok "$size: the away team's top scorer" top_scorer_shown away
	tap_ok "$size: the home team's top scorer" top_scorer_shown home
	tm send-keys -t cs q
	tap_ok "$size: q quits" wait_for "EXIT=0"
done
tap_done
