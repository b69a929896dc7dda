#!/bin/bash
# The Sportradar provider on a real feed thread against a scripted server
# (tests/sportradar_fake_server.py): the REST catch-up, every HTTP failure's
# one-line message, then the push stream with a drop, a resume, a stall
# (the 20 s watchdog), deletes, garbage and the end of the game from REST.
. "$top_srcdir/tests/tap.sh"

PY=/usr/bin/python3
[ -x "$PY" ] || tap_skip_all "no /usr/bin/python3"
CLIENT="$top_builddir/tests/sportradar_client"
[ -x "$CLIENT" ] || tap_skip_all "tests/sportradar_client is not built"
SERVER="$top_srcdir/tests/sportradar_fake_server.py"
GID=26e0906a-a222-4013-a9c8-dea6a8fe1f4f
export SPORTRADAR_API_KEY=test-key-123

tmp=$(mktemp -d)
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

start_server() {   # start_server SCENARIO
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	port=$(tap_free_port)
	: > "$tmp/server.log"
	"$PY" "$SERVER" "$port" "$1" "$tmp/server.log" &
	server_pid=$!
	tap_wait_port "$port" || echo "# the fake server did not start"
	base="http://127.0.0.1:$port"
}

run_client() {     # run_client ARGS... ; sets rc, out, err
	SR_CLIENT_LOG="$tmp/client.log" "$CLIENT" --base-url "$base" --game "$GID" "$@" \
	    > "$tmp/out.json" 2> "$tmp/err.txt"
	rc=$?
	err=$(grep '^sportradar_client:' "$tmp/err.txt" | tail -n 1)
}

# run_until COND [ARGS...]: the client on the push stream until COND (a
# command) holds, then SIGTERM: it exits 0 with the export, like at its
# --duration, which stays as a safety net.  Sets rc, out, err like
# run_client; $tmp/live.json is the export after every batch.
run_until() {
	local cond=$1 pid
	shift
	rm -f "$tmp/live.json" "$tmp/client.log"
	SR_CLIENT_LOG="$tmp/client.log" "$CLIENT" --base-url "$base" --game "$GID" \
	    --duration 120 --export-each "$tmp/live.json" "$@" \
	    > "$tmp/out.json" 2> "$tmp/err.txt" &
	pid=$!
	tap_wait_until 120 $cond || echo "# never: $cond"
	kill -TERM "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	err=$(grep '^sportradar_client:' "$tmp/err.txt" | tail -n 1)
}

# Conditions for run_until.
client_logged() {   # client_logged TEXT
	grep -q "$1" "$tmp/client.log" 2>/dev/null
}
live_score() {      # live_score "(H, A)": the export has that score
	[ -f "$tmp/live.json" ] &&
	    [ "$(json_get "$tmp/live.json" 'd["teams"][0]["points"], d["teams"][1]["points"]')" = "$1" ]
}

# json_get FILE EXPR: a value from the export, e.g. 'teams[0]["points"]'
json_get() {
	"$PY" -c 'import json,sys
d=json.load(open(sys.argv[1]))
def player(side, pid):
    for p in d["teams"][side]["players"]:
        if p["id"] == pid: return p
    return {}
print(eval(sys.argv[2]))' "$1" "$2" 2>/dev/null
}

H1=84215e01-6108-4fd0-9a11-19e9518ab378
H2=3a6c2262-7f48-4f0e-996e-3e774e822783
A1=db72e294-1c54-454a-96b9-0b4fd2f38112

# --- the REST catch-up (--once) ---
start_server ok
run_client --once
tap_is "$rc" 0 "once: exit 0"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["points"], d["teams"][1]["points"]')" \
    "(2, 1)" "once: the final score from the statistics"
tap_is "$(json_get "$tmp/out.json" 'player(0, "'$H1'").get("fgm"), player(0, "'$H2'").get("ast")')" \
    "(1, 1)" "once: FGM and AST credited"
tap_is "$(json_get "$tmp/out.json" 'player(1, "ref:1628976").get("ftm")')" "1" \
    "once: a player without id is ref:<reference>"
tap_is "$(json_get "$tmp/out.json" 'player(1, "'$A1'").get("pts", 0)')" "0" \
    "once: a deleted event does not count"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["alias"], len(d["teams"][0]["players"])')" \
    "('NYK', 2)" "once: roster from summary.json kept after pbp.json"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["team_rebounds"]')" "1" "once: a team rebound"
cp "$tmp/out.json" "$tmp/once.json"
tap_is "$(grep -c 'apikeyquery=yes' "$tmp/server.log")" "0" "once: the key is never in a URL"
tap_is "$(grep -c 'key=yes' "$tmp/server.log")" "2" "once: the key in the x-api-key header"
tap_ok "once: the key is not in the log" sh -c "! grep -q test-key-123 '$tmp/client.log' '$tmp/err.txt'"

start_server nosummary
run_client --once
tap_is "$rc" 0 "no summary.json (404): still caught up"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["points"]')" "2" "no summary.json: the score"

# --- failures: one line naming status, cause and request id; exit 1 ---
start_server 401
run_client --once
tap_is "$rc" 1 "401: exit 1"
case $err in *"HTTP 401"*SPORTRADAR_API_KEY*"request id req-401"*) r=0 ;; *) r=1 ;; esac
tap_result $r "401: names the status, the key variable and the request id"
[ $r -eq 0 ] || echo "#   $err"

start_server 403
run_client --once
tap_is "$rc" 1 "403: exit 1"
case $err in *"HTTP 403"*) r=0 ;; *) r=1 ;; esac
tap_result $r "403: names the status"

start_server 404
run_client --once
tap_is "$rc" 1 "404: exit 1"
case $err in *"game not found (HTTP 404)"*"pbp.json"*) r=0 ;; *) r=1 ;; esac
tap_result $r "404: says the game was not found"
[ $r -eq 0 ] || echo "#   $err"

start_server 503
t0=$(date +%s)
run_client --once
t1=$(date +%s)
tap_is "$rc" 1 "5xx only: exit 1"
case $err in *"server error (HTTP 503) for pbp.json after 4 attempts"*) r=0 ;; *) r=1 ;; esac
tap_result $r "5xx only: retried, then a message"
[ $r -eq 0 ] || echo "#   $err"
tap_is "$(grep -c 'pbp.json' "$tmp/server.log")" "4" "5xx only: four attempts at pbp.json"
tap_ok "5xx only: backoff waited (took $((t1 - t0)) s)" test $((t1 - t0)) -ge 2

start_server html
run_client --once
tap_is "$rc" 1 "html: exit 1"
tap_is "$err" "sportradar_client: Sportradar sent a non-JSON body for pbp.json (text/html)" \
    "html: names the body"

unset SPORTRADAR_API_KEY
run_client --once
tap_is "$rc" 1 "no key: exit 1"
case $err in *SPORTRADAR_API_KEY*) r=0 ;; *) r=1 ;; esac
tap_result $r "no key: names SPORTRADAR_API_KEY"
export SPORTRADAR_API_KEY=test-key-123

# --- the push stream ---
start_server sub403
run_client --duration 120
tap_is "$rc" 1 "push 403: exit 1"
case $err in *"HTTP 403"*"paid add-on"*) r=0 ;; *) r=1 ;; esac
tap_result $r "push 403: says push is a paid add-on"

start_server noloc
noloc_twice() { [ "$(grep -c 'no Location header' "$tmp/client.log" 2>/dev/null)" -ge 2 ]; }
run_until noloc_twice
tap_is "$rc" 0 "302 without Location: keeps retrying until told to stop"
tap_ok "302 without Location: a message naming it" grep -q "no Location header" "$tmp/client.log"

# live-open: the game never ends; everything must come from the push stream.
# The second session's last line deletes E2: until then the score is not
# (2, 1); then a heartbeat follows the duplicate delete.
start_server live-open
open_done() {
	live_score "(2, 1)" && [ "$(grep -c '^GET /stream/.*session=S2' "$tmp/server.log")" -eq 1 ]
}
run_until open_done
tap_is "$rc" 0 "push: exit 0 when told to stop"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["points"], d["teams"][1]["points"]')" \
    "(2, 1)" "push: the score after a drop, a resume, duplicates and deletes"
tap_is "$(json_get "$tmp/out.json" 'player(0, "'$H1'").get("fgm"), player(0, "'$H1'").get("fga"), player(0, "'$H2'").get("ast")')" \
    "(1, 1, 1)" "push: the enriched play counts once, with its assist"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["totals"]["fga"]')" "1" \
    "push: the team-only first pass is replaced"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][0]["team_rebounds"]')" "1" "push: team rebound"
tap_is "$(grep -c 'subscribe key=yes' "$tmp/server.log")" "3" \
    "push: subscribe refused once (503), then subscribed, then resubscribed"
tap_ok "push: the resume names the first session" grep -q 'subscribe key=yes apikeyquery=no resume=S1' "$tmp/server.log"
tap_ok "push: the stream request carries no key" sh -c "grep '^GET /stream/' '$tmp/server.log' | grep -q 'key=no'"
tap_ok "push: the stream request never has the key" sh -c "! grep '^GET /stream/' '$tmp/server.log' | grep -q 'key=yes'"
tap_ok "push: a warning for the garbage line" grep -q "push line skipped" "$tmp/client.log"
tap_ok "push: the Location token is not logged" sh -c "! grep -q 'tokS' '$tmp/client.log'"

# a Location without a sessionId: after the drop, pbp.json first, then a fresh session
start_server nosession
third_pbp() { [ "$(grep -c '/pbp.json' "$tmp/server.log")" -ge 3 ]; }
run_until third_pbp
tap_is "$rc" 0 "no sessionId: exit 0"
tap_is "$(grep -c '^GET /nba/trial/v8/en/games/'$GID'/pbp.json' "$tmp/server.log")" "3" \
    "no sessionId: pbp.json read again once each fresh stream is up"
tap_is "$(grep -c 'subscribe key=yes apikeyquery=no resume=-' "$tmp/server.log")" "2" \
    "no sessionId: both subscriptions fresh"
tap_is "$(sed -n 's/^GET \([^ ]*\) .*/\1/p' "$tmp/server.log" | tr '\n' ' ')" \
    "/nba/trial/v8/en/games/$GID/summary.json /nba/trial/v8/en/games/$GID/pbp.json /nba/trial/stream/en/events/subscribe /stream/nba/trial /nba/trial/v8/en/games/$GID/pbp.json /nba/trial/stream/en/events/subscribe /stream/nba/trial /nba/trial/v8/en/games/$GID/pbp.json " \
    "no sessionId: the order of the requests"

# live: the end of the game comes from REST after the deciding endperiod
start_server live
run_client --duration 120
tap_is "$rc" 0 "live: exit 0"
tap_ok "live: ended by the final status, not by --duration" grep -q 'ended=yes' "$tmp/err.txt"
tap_ok "live: the export equals the clean --once export" cmp -s "$tmp/out.json" "$tmp/once.json"
tap_ok "live: the final status was read from pbp.json" grep -q "the game is closed" "$tmp/client.log"

# stall: no byte for 20 s is a dead stream
start_server stall
stall_done() { client_logged "went silent" && live_score "(2, 1)"; }
run_until stall_done
tap_is "$rc" 0 "stall: exit 0"
tap_ok "stall: noticed by the watchdog" grep -q "went silent" "$tmp/client.log"
tap_is "$(json_get "$tmp/out.json" 'd["teams"][1]["points"]')" "1" \
    "stall: events after the reconnect arrive"

tap_done
