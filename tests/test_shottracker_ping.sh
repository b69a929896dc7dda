#!/bin/sh
# The ShotTracker keep-alive (shottracker_ping in the config file): after
# 20 s without a frame the client pings, as a control frame (the default),
# a text "ping", or both; the simulator's answer keeps the connection alive,
# and a text "pong" is traffic, not data: never parsed, never recorded.
# Two frozen games run side by side, one per kind, until each client has
# pinged twice (~40 s): the second ping comes only when the first one's
# answer kept the connection alive past the 30 s after which a silent one
# counts as dead.  Then SIGTERM; --duration is only a safety net.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

CS=$top_builddir/courtside
JE=$top_builddir/tests/json_equal
[ -x "$SIM" ] && [ -x "$CS" ] && [ -x "$JE" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"

config() {   # config NAME [ping kind]: a private config dir with credentials
	mkdir -p "$sim_tmp/$1/courtside"
	{
		echo "shottracker_username = U"
		echo "shottracker_secret = S"
		[ -n "$2" ] && echo "shottracker_ping = $2"
	} >"$sim_tmp/$1/courtside/config"
	chmod 600 "$sim_tmp/$1/courtside/config"
}

quiet_start() {   # quiet_start NAME PORT GAME: follow a frozen game; sets qpid
	env -u SHOTTRACKER_USERNAME -u SHOTTRACKER_SECRET \
	    XDG_CONFIG_HOME="$sim_tmp/$1" XDG_STATE_HOME="$sim_tmp/state" \
	    "$CS" --provider shottracker --game "$3" \
	    --base-url "http://127.0.0.1:$2" --headless --duration 300 \
	    --record "$sim_tmp/$1.cap" --export "$sim_tmp/$1.json" \
	    --log "$sim_tmp/$1.clog" 2>/dev/null &
	qpid=$!
}

pinged_twice() {   # pinged_twice NAME
	[ "$(grep -c 'quiet: ping' "$sim_tmp/$1.clog" 2>/dev/null)" -ge 2 ]
}

config text text
config control
sim_start text --provider shottracker --seed 5 --speed 0 --start-at 2/6:00 \
    --require-auth U:S || tap_skip_all "simulator did not start"
text_port=$SIM_PORT game=$SIM_ST
sim_start control --provider shottracker --seed 5 --speed 0 --start-at 2/6:00 \
    --require-auth U:S || tap_skip_all "simulator did not start"
quiet_start text "$text_port" "$game"
text_run=$qpid
quiet_start control "$SIM_PORT" "$game"
control_run=$qpid
tap_wait_until 150 pinged_twice text
tap_wait_until 150 pinged_twice control
kill -TERM "$text_run" "$control_run"
wait "$text_run"
echo $? >"$sim_tmp/text.rc"
wait "$control_run"
echo $? >"$sim_tmp/control.rc"
"$SIM" --print-truth shottracker --seed 5 --at 2/6:00 >"$sim_tmp/truth.json"

for kind in text control; do
	tap_ok "$kind: a frozen game until the second ping" pinged_twice "$kind"
	tap_is "$(cat "$sim_tmp/$kind.rc")" 0 "$kind: exit 0 on SIGTERM"
	tap_ok "$kind: the client pinged after 20 s quiet" \
	    grep -q "20 s quiet: ping" "$sim_tmp/$kind.clog"
	tap_ok "$kind: the connection stayed up (no dead connection)" \
	    sh -c "! grep -q 'connection is dead' '$sim_tmp/$kind.clog'"
	tap_is "$(grep -c 'GET /live/v2/games 101' "$sim_tmp/$kind.log")" 1 \
	    "$kind: one socket the whole time"
	# (the clock aside: the client shows the live clock frame, 6:00.0,
	# the truth the clock of the last play before it)
	tap_ok "$kind: the export equals the ground truth" \
	    "$JE" --ignore clock "$sim_tmp/$kind.json" "$sim_tmp/truth.json"
done
tap_ok "text: the simulator got a text ping" grep -q "ws: text ping" "$sim_tmp/text.log"
tap_ok "text: the client says so" grep -q "ping (text)" "$sim_tmp/text.clog"
tap_is "$(grep -ac '^[0-9]* ws 4 [0-9a-f]*$' "$sim_tmp/text.cap")" 0 "text: the pong is not recorded"
tap_ok "text: nor reported as a bad frame" sh -c "! grep -qi 'pong' '$sim_tmp/text.clog'"
tap_ok "control: no text ping by default" sh -c "! grep -q 'ws: text ping' '$sim_tmp/control.log'"
tap_ok "control: a control frame" grep -q "ping (control frame)" "$sim_tmp/control.clog"

config bad sometimes
env -u SHOTTRACKER_USERNAME -u SHOTTRACKER_SECRET XDG_CONFIG_HOME="$sim_tmp/bad" \
    "$CS" --provider shottracker --game "$game" --base-url "http://127.0.0.1:$SIM_PORT" \
    --once --log "$sim_tmp/bad.clog" >/dev/null 2>"$sim_tmp/bad.err"
tap_is "$?" 2 "a bad shottracker_ping: exit 2"
tap_ok "with one line naming the key and its values" sh -c \
    "test \$(wc -l <'$sim_tmp/bad.err') -eq 1 && grep -q 'shottracker_ping is control, text or both' '$sim_tmp/bad.err'"
tap_ok "every server stops cleanly" sim_stop_all
tap_done
