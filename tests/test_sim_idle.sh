#!/bin/sh
# courtside-sim and idle clients (issue 14, item 6): 300 connections that
# never finish a request, hold a kept-alive connection, or stop reading a
# live stream cannot lock real clients out -- curl, courtside --once and a
# WebSocket client are served while they are open -- and the server closes
# every one of them in the end.  Loopback only.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
client_setup

# wait_file FILE SECONDS: true once FILE exists.
wait_file() {
	i=0
	while [ $i -lt $(($2 * 5)) ]; do
		[ -e "$1" ] && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# wait_log PATTERN SECONDS: true once the server log has PATTERN.
wait_log() {
	i=0
	while [ $i -lt $(($2 * 5)) ]; do
		grep -q "$1" "$t/idle.log" 2>/dev/null && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# Speed 100: the live stream has plenty to send to a client that stops reading.
sim_start idle --seed 5 --speed 100 --start-at 1/12:00 || tap_skip_all "simulator did not start"
tok=$(st_token)
push=$(curl -s -o /dev/null -w '%{redirect_url}' -H 'x-api-key: S' \
    "http://127.0.0.1:$SIM_PORT/nba/trial/stream/en/events/subscribe")
push=/${push#http://*/}
tap_ok "a socket token and a push session for the clients that stop reading" \
    test -n "$tok" -a "$push" != /

"$PY" "$top_srcdir/tests/sim_idle_clients.py" "$SIM_PORT" 300 "$tok" "$push" \
    "$t/idle.json" "$t/ready" "$t/drain" &
helper=$!
tap_ok "300 idle connections and 2 live streams that are never read are open" \
    wait_file "$t/ready" 120

# Real clients, while all of that is open.
code=$(curl -s -o "$t/game.json" -w '%{http_code}' --max-time 30 \
    "http://127.0.0.1:$SIM_PORT/v1/data/games/$SIM_ST")
tap_is "$code" 200 "curl gets the game"
timeout 120 "$CS" --provider shottracker --game "$SIM_ST" \
    --base-url "http://127.0.0.1:$SIM_PORT" --once --export "$t/once.json" \
    --log "$t/once.log" 2>"$t/once.err"
tap_is "$?" 0 "courtside --once catches up ($(head -c 200 "$t/once.err"))"
tap_ok "with a box score" json_check "$t/once.json" 'len(d["teams"]) == 2'
r=$(ws_client "token=$(st_token)" --timeout 20 --max 5)
tap_ok "a WebSocket client gets live frames ($r)" \
    test "$(jget "$r" 'd["frames"] >= 1 and d["refused"] is None')" = True
tap_ok "the server made room by closing idle connections" \
    grep -q "closed an idle connection (no request) to make room" "$t/idle.log"

# The clients that stopped reading are closed (after 20 s of not reading).
tap_ok "a socket whose client stopped reading is closed" \
    wait_log "stream closed: shottracker conn=[0-9]* has not read for" 120
tap_ok "a push stream whose client stopped reading is closed" \
    wait_log "stream closed: sportradar conn=[0-9]* has not read for" 60
touch "$t/drain"
wait "$helper"
r=$(cat "$t/idle.json")
echo "# $r"
tap_is "$(jget "$r" 'd["streams_started"]')" 2 "both non-reading streams had started"
tap_is "$(jget "$r" 'd["streams_closed"]')" 2 "and both were closed by the server"
tap_is "$(jget "$r" 'sum(d["closed"].values())')" 300 \
    "every idle connection was closed by the server (timed out or made room)"
tap_ok "of each of the four kinds" \
    test "$(jget "$r" 'all(v == 75 for v in d["closed"].values())')" = True
tap_ok "the server stops cleanly, sanitizers quiet" sim_stop_all
tap_done
