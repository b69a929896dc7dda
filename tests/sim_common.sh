# Helpers for the courtside-sim tests; sourced after tests/tap.sh.
#
#   sim_start NAME ARGS...   start courtside-sim on a free port; sets SIM_PID,
#                            SIM_PORT, SIM_ST, SIM_SR; stdout, stderr and log
#                            in $sim_tmp/NAME.{out,err,log}
#   st_auth SECRET USER PATH [DATE]   an Authorization value for ShotTracker
#   st_get PATH [curl args]  signed GET as U:S (the tests' credentials); body
#                            in $sim_tmp/body, headers in $sim_tmp/headers,
#                            prints the status
#   json_check FILE EXPR     python3 expression on d = the parsed JSON
#   sim_stop_all             SIGTERM every server; true if all exit 0, clean
#   client_setup             CS, EQ, t=$sim_tmp, private XDG dirs, and the
#                            tests' credentials (U:S, key S) in the environment
#   complete_lines FILE      the newline-terminated lines of a stream still
#                            being written (the last one may be cut)
#   push_events FILE         how many complete push lines carry an event
#   push_heartbeats FILE     how many complete push lines are heartbeats
#   same_as_solo PROVIDER PREFIX [COUNT]   every PREFIX.ID.json (COUNT of
#                            them, 8 by default) equals a --once of game ID
#                            against $base; what differs goes to $t/diff
#
# Every process started here is killed on exit; files live in a mktemp dir.
# SIM may point at another build of the binary.

SIM=${SIM:-$top_builddir/courtside-sim}
PY=/usr/bin/python3
sim_tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-sim-test.XXXXXX")
sim_pids=""
ST_USER=U
ST_SECRET=S

sim_cleanup() {
	local p
	for p in $sim_pids; do
		kill "$p" 2>/dev/null
	done
	for p in $sim_pids; do
		wait "$p" 2>/dev/null
	done
	rm -rf "$sim_tmp"
}
trap sim_cleanup EXIT

client_setup() {
	CS=$top_builddir/courtside
	EQ=$top_builddir/tests/json_equal
	t=$sim_tmp
	export XDG_STATE_HOME="$t/state" XDG_CONFIG_HOME="$t/config"
	export SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S SPORTRADAR_API_KEY=S
}

# midday_tz: the client, the simulator and this script in a time zone
# where it is now between 12:00 and 13:00, for tests of "today's games"
# (--all, the picker): the simulator's night tips off around now, and
# run near midnight it would be two local days, whatever the code does.
midday_tz() {
	local h
	h=$(date -u +%H)
	export TZ="MID$((${h#0} - 12))"
}

sim_start() {
	local name=$1 i
	shift
	"$SIM" --port 0 --log "$sim_tmp/$name.log" "$@" \
	    >"$sim_tmp/$name.out" 2>"$sim_tmp/$name.err" &
	SIM_PID=$!
	sim_pids="$sim_pids $SIM_PID"
	for i in $(seq 1 600); do   # ~60 s: a safety net for a busy machine
		if grep -q "listening on" "$sim_tmp/$name.out" 2>/dev/null; then
			SIM_PORT=$(sed -n 's/.*listening on [^ ]*:\([0-9][0-9]*\) .*/\1/p' \
			    "$sim_tmp/$name.out")
			SIM_ST=$(sed -n 's/.* shottracker=\([^ ]*\).*/\1/p' "$sim_tmp/$name.out")
			SIM_SR=$(sed -n 's/.* sportradar=\([^ ]*\).*/\1/p' "$sim_tmp/$name.out")
			return 0
		fi
		kill -0 "$SIM_PID" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# Stops every server still running with SIGTERM: true when each exits 0
# and no stderr shows a sanitizer report.
sim_stop_all() {
	local p rc=0
	for p in $sim_pids; do
		kill -0 "$p" 2>/dev/null || continue
		kill -TERM "$p"
		wait "$p" || rc=1
	done
	sim_pids=""
	if grep -l -e 'Sanitizer' -e 'runtime error' "$sim_tmp"/*.err 2>/dev/null; then
		rc=1
	fi
	return $rc
}

http_date() {   # http_date [OFFSET_SECONDS]
	LC_ALL=C date -u -d "@$(( $(date +%s) + ${1:-0} ))" +"%a, %d %b %Y %H:%M:%S GMT"
}

st_auth() {   # st_auth SECRET USER PATH [DATE]
	local secret=$1 user=$2 path=$3 date=${4:-$(http_date)} sig
	sig=$(printf 'date: %s\nhost: 127.0.0.1:%s\nGET %s HTTP/1.1' "$date" \
	    "$SIM_PORT" "$path" | openssl dgst -sha1 -hmac "$secret" -binary | base64)
	printf 'hmac username="%s",algorithm="hmac-sha1",headers="date host request-line",signature="%s"' \
	    "$user" "$sig"
}

st_get() {   # st_get PATH[?QUERY] [curl args...]: signed as U:S over the path
	local url=$1 path=${1%%\?*} date
	shift
	date=$(http_date)
	curl -s -o "$sim_tmp/body" -D "$sim_tmp/headers" -w '%{http_code}' \
	    -H "Date: $date" -H "Authorization: $(st_auth "$ST_SECRET" "$ST_USER" "$path" "$date")" \
	    "$@" "http://127.0.0.1:$SIM_PORT$url"
}

complete_lines() {   # complete_lines FILE
	head -n "$(tr -cd '\n' <"$1" | wc -c)" "$1"
}

push_events() {   # push_events FILE
	complete_lines "$1" | grep -c '"payload"'
}

push_heartbeats() {   # push_heartbeats FILE
	complete_lines "$1" | grep -c '"heartbeat"'
}

json_check() {   # json_check FILE EXPR: true when EXPR holds for d = JSON of FILE
	"$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}

ws_client() {   # ws_client QUERY [client args]: the Live Data V2 socket
	local q=$1
	shift
	"$PY" "$top_srcdir/tests/sim_ws_client.py" \
	    "ws://127.0.0.1:$SIM_PORT/live/v2/games?$q" "$@"
}

st_token() {   # a fresh socket token (the server must not require auth, or sign)
	st_get "/v1/data/schedule/games/$SIM_ST/_subscribe" >/dev/null &&
	    "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' \
	    "$sim_tmp/body"
}

# One field of a JSON summary line (python expression on d).
jget() {   # jget JSON EXPR
	"$PY" -c 'import json, sys
d = json.loads(sys.argv[1])
print(eval(sys.argv[2]))' "$1" "$2"
}

# The league tests' check: each game's export from one run equals the
# game's own solo run (--once against $base), and there are COUNT of them.
same_as_solo() {   # same_as_solo PROVIDER PREFIX [COUNT]
	local p=$1 prefix=$2 want=${3:-8} f id bad=0 n=0
	for f in "$prefix".*.json; do
		id=${f#"$prefix".}
		id=${id%.json}
		n=$((n + 1))
		if ! "$CS" --provider "$p" --base-url "$base" --game "$id" --once \
		    --export "$t/solo.json" --log "$t/solo.log" 2>"$t/solo.err"; then
			# say why in the diff the test prints (a solo run that failed)
			echo "$p $id: the solo run failed: $(tail -n 2 "$t/solo.err")" >>"$t/diff"
			bad=$((bad + 1))
		elif ! "$EQ" "$f" "$t/solo.json" >>"$t/diff" 2>&1; then
			echo "$p $id: the export differs from the solo run's" >>"$t/diff"
			bad=$((bad + 1))
		fi
	done
	[ "$n" -eq "$want" ] || echo "$p: $n exports, not $want" >>"$t/diff"
	[ "$n" -eq "$want" ] && [ "$bad" -eq 0 ]
}
