#!/bin/sh
# The UI in a real terminal: tmux runs it detached at fixed sizes,
# send-keys drives it and capture-pane -p checks the screen.
#
#  1. tests/ui_drive (the real ui_run loop on the hand-built game, fed by a
#     real feed thread with a fake provider): live updates and the data's
#     age, keys, the terminal title, --bell, resizes 200x50 -> 120x40 -> 80x24 ->
#     50x15 and back, q and SIGTERM leave the terminal restored.
#  2. courtside --demo at 200x50, 120x40, 80x24 and 50x15: every pane
#     shows, keys work, resizing keeps the screen right.
#  3. courtside against a frozen courtside-sim: the header's score equals
#     the --once export of the same game.
#  4. courtside --replay of a recorded game: the header follows + - and
#     space, the replay stays at its end with the final score, and seeks
#     back from there.
#
# Parts 2 and 3 are skipped (TAP "# SKIP") when courtside --demo or
# courtside-sim cannot run here; everything is skipped without tmux.
# Every process lives under one private tmux server, killed on exit.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/tmux_common.sh"

CS=$top_builddir/courtside
SIM=$top_builddir/courtside-sim
DRIVE=$top_builddir/tests/ui_drive
PY=/usr/bin/python3

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
[ -x "$DRIVE" ] || tap_skip_all "tests/ui_drive is not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-tmux.XXXXXX")
tmux_sock=$tmp/sock
sim_pid=""
cleanup() {
	tm kill-server >/dev/null 2>&1
	if [ -n "$sim_pid" ]; then
		kill "$sim_pid" 2>/dev/null
		wait "$sim_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; }

# Every check of the screen waits for what it expects (the UI redraws when
# it gets to it, later on a busy machine): wait_for, wait_gone and
# wait_value; ~60 s is only a safety net.

# Waits until CMD prints WANT, then prints what it printed last.
wait_value() {   # wait_value WANT CMD...
	local want=$1
	shift
	tap_wait_until 60 value_is "$want" "$@"
	"$@"
}
value_is() {   # value_is WANT CMD...
	local want=$1
	shift
	[ "$("$@" 2>/dev/null)" = "$want" ]
}

# The longest row on the screen, in characters.
widest() {
	screen | $PY -c 'import sys; print(max([len(l.rstrip("\n")) for l in sys.stdin] + [0]))'
}

# The header's score as "AWAY n HOME n".
header_score() {
	screen | head -1 | $PY -c '
import re, sys
m = re.match(r"\s*(\S+)\s+(\d+).*?[\u2502|]\s+(\S+)\s+(\d+)", sys.stdin.read())
print("%s %s %s %s" % m.groups() if m else "no score")'
}

# The score of an export as "AWAY n HOME n", to compare with the header's.
export_score() {
	$PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
t = {x["side"]: x for x in d["teams"]}
print("%s %d %s %d" % (t["away"]["alias"], t["away"]["points"], t["home"]["alias"], t["home"]["points"]))
' "$1" 2>/dev/null
}

# A ShotTracker courtside-sim (U:S) on a free port: sets sim_pid, port, game.
sim_up() {   # sim_up NAME ARGS...
	local name=$1
	shift
	port=$(tap_free_port)
	"$SIM" --provider shottracker --port "$port" --require-auth U:S "$@" \
	    --log "$tmp/$name.log" >"$tmp/$name.out" 2>&1 &
	sim_pid=$!
	tap_wait_port "$port" || return 1
	game=$(sed -n 's/.* shottracker=\([^ ]*\).*/\1/p' "$tmp/$name.out")
}

spans() {   # spans COLS: the widest row is within 5 columns of COLS, not wider
	local wd
	wd=$(widest)
	[ "$wd" -ge $(($1 - 5)) ] && [ "$wd" -le "$1" ]
}
wait_until_spans() { tap_wait_until 60 spans "$1"; }

# Walks the sizes and keys that every build of the UI must survive.
sizes_and_keys() {   # sizes_and_keys WHAT
	w=$1
	for title in "1 Box score" "2 Plays" "3 Shot chart" "4 Lineups"; do
		tap_ok "$w 200x50 shows $title" has "$title"
	done
	# capture-pane drops trailing blanks, so the last column shows only when
	# something is drawn there: the layout must come within a few columns.
	tap_ok "$w 200x50: rows span the width, never wider" wait_until_spans 200
	tm send-keys -t cs '?'
	tap_ok "$w ? opens the help" wait_for "Everywhere"
	tm send-keys -t cs q
	tap_ok "$w q closes the help, not the program" wait_gone "Everywhere"
	tm send-keys -t cs t
	tap_ok "$w t shows the team filter" wait_for "filter:"
	tm send-keys -t cs c

	resize 120 40
	tap_ok "$w 120x40: shot chart" wait_for "3 Shot chart"
	tap_ok "$w 120x40: plays" wait_for "2 Plays"
	tap_ok "$w 120x40: box score on the left" wait_for "1 Box score"
	tap_ok "$w 120x40: nothing wider than the terminal" test "$(widest)" -le 120

	resize 80 24
	tap_is "$(screen | wc -l)" "24" "$w 80x24: 24 rows"
	tap_ok "$w 80x24: nothing wider than the terminal" test "$(widest)" -le 80
	for k in "2:2 Plays" "3:3 Shot chart" "5:5 Team" "4:4 Lineups" "1:1 Box score"; do
		tm send-keys -t cs "${k%%:*}"
		tap_ok "$w 80x24: key ${k%%:*} shows ${k#*:}" wait_for "${k#*:}"
	done

	resize 50 15
	tap_ok "$w 50x15: the too-small message" wait_for "terminal too small (50x15), need 60x16"
	resize 200 50
	tap_ok "$w back at 200x50: every pane" wait_for "4 Lineups"
	tap_ok "$w back at 200x50: the message is gone" wait_gone "too small"
	tap_ok "$w back at 200x50: the box score too" wait_for "1 Box score"
}

# ---- 1. ui_drive ----
tm_start 200 50 "$DRIVE" --live --title --duration 600
tap_ok "ui_drive: the UI starts" wait_for "1 Box score"
tap_ok "plays arrive live through the feed" \
    wait_for "Jalen Brunson makes 24-foot step back jumper"
tap_ok "the header shows live with the data's age" wait_for "live "
tap_is "$(wait_value "BOS 9 NYK 10" header_score)" "BOS 9 NYK 10" "the header has the final score"
# (past 20 s the age is shown as "stale": still the age, counting)
aged() { screen | head -1 | grep -Eq '(live|stale) [1-9]'; }
tap_ok "the data's age keeps counting" tap_wait_until 60 aged
title=$(tm display -p -t cs '#{pane_title}')
case $title in
*"BOS 9 NYK 10"*) tap_result 0 "--title: the score is in the terminal title" ;;
*) tap_result 1 "--title: the score is in the terminal title"; echo "#   title: $title" ;;
esac
tm send-keys -t cs r
tap_ok "r: reconnect now" wait_for "reconnecting 1"
tm send-keys -t cs r   # ui_drive stays reconnecting until the next r
tap_ok "back to live after the reconnect" wait_for "live "
sizes_and_keys "ui_drive:"
tm send-keys -t cs q
tap_ok "q quits with status 0" wait_for "EXIT=0"
tap_ok "q: the terminal is restored" hasnt "1 Box score"
tap_ok "q: the final score printed after the UI" has "ui_drive: exit 0 BOS 9 NYK 10"
tap_ok "no sanitizer report" hasnt "Sanitizer"
tm kill-session -t cs

# SIGTERM ends the UI cleanly too
tm_start 100 30 "$DRIVE"
wait_for "1 Box score" >/dev/null
pid=$(pgrep -P "$(tm display -p -t cs '#{pane_pid}')" ui_drive | head -1)
if [ -n "$pid" ]; then
	kill -TERM "$pid"
	tap_ok "SIGTERM: exit 0" wait_for "EXIT=0"
	tap_ok "SIGTERM: the terminal is restored" hasnt "1 Box score"
else
	tap_result 1 "SIGTERM: found the ui_drive process"
fi
tm kill-session -t cs

# --bell: BEL on live baskets, lead changes, foul trouble (not in the
# catch-up); tmux flags a bell in a window that is not the current one
tm -f /dev/null new-session -d -s bell -x 100 -y 30 \
    "env TERM=tmux-256color $DRIVE --live --bell --duration 300; sleep 300"
tm new-window -t bell "env TERM=tmux-256color $DRIVE --live --duration 300; sleep 300"
tm set-option -g monitor-bell on >/dev/null
tm set-option -g bell-action any >/dev/null
# --burst: the UI's first drain holds the catch-up, the caught-up marker
# and every live play at once (a UI thread starved on a busy machine)
tm new-window -t bell "env TERM=tmux-256color $DRIVE --live --burst --bell --duration 300; sleep 300"
tm new-window -t bell "sleep 300"
bell_flag() { tm display -p -t "bell:$1" '#{window_bell_flag}'; }
# the last play is NYK's three: the final score is on once all plays are in
# (the box score at this size shows no play-by-play)
all_plays_in() { tm capture-pane -p -t bell:1 | head -n 1 | grep -Eq 'NYK +10 '; }
tap_is "$(wait_value 1 bell_flag 0)" "1" "--bell: the terminal bell rings on live plays"
tap_ok "without --bell: all plays in" tap_wait_until 60 all_plays_in
tap_is "$(bell_flag 1)" "0" "without --bell: silence"
tap_is "$(wait_value 1 bell_flag 2)" "1" \
    "--bell: live plays drained together with the catch-up ring too"
tm kill-session -t bell

# ---- 2. courtside --demo ----
demo=no
if [ -x "$CS" ]; then
	tm_start 200 50 "$CS" --demo --log "$tmp/demo.log" --duration 600
	if wait_for "1 Box score"; then
		demo=yes
	fi
fi
if [ $demo = yes ]; then
	conn() { screen | head -1 | grep -Eq 'live|catching up|connecting|ended|stale|failed'; }
	tap_ok "demo: the header has a connection state" conn
	sizes_and_keys "demo:"
	tm send-keys -t cs q
	tap_ok "demo: q quits with status 0" wait_for "EXIT=0"
else
	skip "courtside --demo cannot start here (part 2)"
fi
tm kill-session -t cs 2>/dev/null

# ---- 3. the header score equals the --once export ----
if [ -x "$CS" ] && [ -x "$SIM" ]; then
	if sim_up sim --seed 7 --speed 0 --start-at 3/5:00; then
		SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S "$CS" --provider shottracker \
		    --game "$game" --base-url "http://127.0.0.1:$port" \
		    --once --export "$tmp/once.json" --log "$tmp/once.log" >/dev/null 2>&1
		want=$(export_score "$tmp/once.json")
		tm_start 200 50 env SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S "$CS" \
		    --provider shottracker --game "$game" --base-url "http://127.0.0.1:$port" \
		    --log "$tmp/ui.log" --duration 300
		wait_for "1 Box score" >/dev/null
		tap_ok "the --once export has a score" test -n "$want"
		tap_is "$(wait_value "$want" header_score)" "$want" "the header score equals the --once export"
		# make bench reads this line for the start-up time
		startup_logged() { grep -q 'startup: the caught-up game is on screen' "$tmp/ui.log"; }
		tap_wait_until 60 startup_logged
		shown=$(grep -c 'startup: the caught-up game is on screen, [1-9][0-9]* events, [0-9.]* ms after start (monotonic [0-9]* us)' "$tmp/ui.log")
		tap_is "$shown" 1 "the log says once when the caught-up game is on screen"
		tm send-keys -t cs q
	else
		skip "courtside-sim did not start (part 3)"
	fi
else
	skip "courtside or courtside-sim is not built (part 3)"
fi
# 4. A replay in the UI.
if [ -x "$CS" ] && [ -x "$SIM" ]; then
	# a new session on a server still going away fails ("server exited
	# unexpectedly"): the next one gets a socket path of its own
	tm_stop
	kill "$sim_pid" 2>/dev/null
	wait "$sim_pid" 2>/dev/null
	if sim_up sim4 --seed 8 --speed 40 --start-at 4/2:00; then
		SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S timeout 300 "$CS" --provider shottracker \
		    --game "$game" --base-url "http://127.0.0.1:$port" --headless \
		    --record "$tmp/ui.cap" --export "$tmp/rec.json" --log "$tmp/rec.log" >/dev/null 2>&1
		want=$(export_score "$tmp/rec.json")
		tm_start 120 40 "$CS" --replay "$tmp/ui.cap" --speed 1 --log "$tmp/replay.log"
		tap_ok "replay: the header says replay" wait_for "replay"
		# at 1x the recorded game is over in seconds, before a busy
		# machine delivers a key: pause, then { back to the period's
		# start (keys are read in order), from where it runs or from
		# its end alike
		tm send-keys -t cs ' '
		tm send-keys -t cs '{'
		tap_ok "replay: space pauses, at 1x" wait_for "replay 1x, paused"
		tm send-keys -t cs +
		tap_ok "replay: + makes it 2x" wait_for "replay 2x, paused"
		tm send-keys -t cs + + + + + + +
		tap_ok "replay: + stops at 64x" wait_for "replay 64x, paused"
		tm send-keys -t cs ' '
		tap_ok "replay: it stays at its end" wait_for "replay at end"
		tap_ok "replay: the program is still there" hasnt "EXIT="
		tap_is "$(wait_value "$want" header_score)" "$want" "replay: the header score at the end equals the recorded export"
		# (the UI reads keys in order: the pause is asked before the seek)
		tm send-keys -t cs ' '
		tm send-keys -t cs '{'
		tap_ok "replay: paused at the end, { seeks back to the period's start" \
		    wait_for "replay 64x, paused"
		tm send-keys -t cs ' '
		tap_ok "replay: and reaches the end again" wait_for "replay at end"
		tap_is "$(wait_value "$want" header_score)" "$want" "replay: with the same score"
		tm send-keys -t cs q
		tap_ok "replay: q quits" wait_for "EXIT=0"
	else
		skip "courtside-sim did not start (part 4)"
	fi
else
	skip "courtside or courtside-sim is not built (part 4)"
fi
tap_done
