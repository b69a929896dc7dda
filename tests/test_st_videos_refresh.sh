#!/bin/sh
# Videos during a live game (issue 18, the rest of item 3): the list is
# fetched at the catch-up and again on a bounded schedule while the socket
# is live (every 30 s, one attempt, on the feed thread), so a play of the
# last minutes finds its segment.  courtside-sim plays the game live; the
# real courtside follows it, recording; we wait (for the condition, not a
# time) until the simulator has answered the videos list twice, and check
# that the second answer courtside recorded holds more segments than the
# first, and that nothing asked for it more often than the schedule says.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
[ -x "$CS" ] && [ -x "$SIM" ] || tap_skip_all "needs courtside and courtside-sim"

tap_ok "courtside-sim plays a game live" \
	sim_start live --provider shottracker --require-auth U:S --seed 4 --speed 8 \
	--start-at 1/9:00
"$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
	--headless --record "$t/live.cap" --log "$t/cs.log" >"$t/cs.out" 2>"$t/cs.err" &
cs_pid=$!
videos_gets() {
	grep -c "GET /v1/data/stats/games/$SIM_ST/videos 200" "$sim_tmp/live.log"
}
twice() { [ "$(videos_gets)" -ge 2 ]; }
tap_ok "the videos list is asked for again while live" tap_wait_until 150 twice
kill -TERM "$cs_pid"
wait "$cs_pid"
tap_is "$?" 0 "courtside stops cleanly"
tap_is "$(videos_gets)" 2 "twice, not more: the schedule is 30 s"

# segments in each recorded videos body, in order
"$PY" - "$t/live.cap" >"$t/counts" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
pos = data.index(b"\n") + 1
while pos < len(data):
    end = data.index(b"\n", pos)
    t, channel, n, _ = data[pos:end].split(b" ")
    body = data[end + 1:end + 1 + int(n)]
    pos = end + 1 + int(n) + 1
    if channel.endswith(b"/videos"):
        print(len(json.loads(body)["videos"]))
PY
tap_is "$(wc -l <"$t/counts")" 2 "both answers are recorded (a replay reads them too)"
tap_ok "the second holds more segments than the first ($(tr '\n' ' ' <"$t/counts"))" \
	[ "$(sed -n 2p "$t/counts")" -gt "$(sed -n 1p "$t/counts")" ]
tap_ok "no sanitizer report, the simulator stops cleanly" sim_stop_all
tap_done
