#!/bin/bash
# pbp.json read as it arrives, over real HTTP: courtside --once against a
# server that hands courtside-sim's finished game out in 97-byte chunks
# exports exactly what it exports reading the simulator itself; the same
# document cut in half is refused with one line naming why, whether HTTP
# can tell it is short (a length, chunked) or only the parser can (a
# connection closed early), and is never exported as a game.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

CS=$top_builddir/courtside
JE=$top_builddir/tests/json_equal
SERVER=$top_srcdir/tests/sportradar_pbp_server.py
[ -x "$PY" ] || tap_skip_all "no /usr/bin/python3"
[ -x "$CS" ] || tap_skip_all "courtside is not built"
[ -x "$SIM" ] || tap_skip_all "courtside-sim is not built"
[ -x "$JE" ] || tap_skip_all "tests/json_equal is not built"
KEY=sr-chunk-key
tmp=$sim_tmp
server_pid=
stop_server() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	server_pid=
}
trap 'stop_server; sim_cleanup' EXIT

courtside() {   # courtside NAME BASE: stdout NAME.json, stderr NAME.stderr; sets rc
	SPORTRADAR_API_KEY=$KEY "$CS" --provider sportradar --game "$SIM_SR" \
	    --base-url "$2" --once --export - --log "$tmp/$1.log" \
	    >"$tmp/$1.json" 2>"$tmp/$1.stderr"
	rc=$?
}

serve() {       # serve MODE: the replaying server on $port
	stop_server
	port=$(tap_free_port)
	: >"$tmp/server.log"
	"$PY" "$SERVER" "$port" "http://127.0.0.1:$SIM_PORT" "$SIM_SR" "$KEY" "$1" \
	    "$tmp/server.log" 2>"$tmp/server.err" &
	server_pid=$!
	tap_wait_port "$port" || echo "# the server did not start: $(cat "$tmp/server.err")"
}

same_json() {   # same_json NAME A B
	if "$JE" "$2" "$3" >"$tmp/je.out" 2>&1; then
		tap_result 0 "$1"
	else
		tap_result 1 "$1"
		head -n 5 "$tmp/je.out" | sed 's/^/#   /'
	fi
}

if ! sim_start sr --provider sportradar --seed 3 --speed 0 --start-ms 86400000 \
    --require-auth "user:$KEY"; then
	tap_result 1 "the simulator starts"
	tap_done
	exit
fi

courtside direct "http://127.0.0.1:$SIM_PORT"
tap_is "$rc" 0 "from the simulator: --once exits 0"
tap_ok "from the simulator: a whole game ($(wc -c <"$tmp/direct.json") bytes of export)" \
    test "$(wc -c <"$tmp/direct.json")" -gt 10000

serve whole
courtside whole "http://127.0.0.1:$port"
tap_is "$rc" 0 "whole, with a length: exit 0"
same_json "whole: the export is the simulator's" "$tmp/direct.json" "$tmp/whole.json"

serve chunks
courtside chunks "http://127.0.0.1:$port"
tap_is "$rc" 0 "in 97-byte chunks: exit 0"
same_json "in 97-byte chunks: the export is the simulator's" "$tmp/direct.json" "$tmp/chunks.json"
tap_ok "in 97-byte chunks: the server sent $(sed -n 's/^pbp.json: //p' "$tmp/server.log")" \
    grep -q "^pbp.json: [0-9]* chunks" "$tmp/server.log"
size=$(grep -o 'pbp.json -> HTTP 200 ([0-9]* bytes)' "$tmp/whole.log" | head -n 1)
tap_ok "in 97-byte chunks: as many bytes read as whole ($size)" \
    grep -q "$size" "$tmp/chunks.log"

# recorded (--record): the body is kept too, and its record is the
# document byte for byte, then a replay of it exports the same game
SPORTRADAR_API_KEY=$KEY "$CS" --provider sportradar --game "$SIM_SR" \
    --base-url "http://127.0.0.1:$port" --once --export - --record "$tmp/rec.cap" \
    --log "$tmp/rec.log" >"$tmp/rec.json" 2>"$tmp/rec.stderr"
tap_is "$?" 0 "in chunks, recorded: exit 0"
"$PY" - "$tmp/rec.cap" "$tmp/rec.pbp" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
pos = data.index(b"\n") + 1
while pos < len(data):
    end = data.index(b"\n", pos)
    head = data[pos:end].split(b" ")
    n = int(head[2])
    if head[1].endswith(b"/pbp.json"):
        open(sys.argv[2], "wb").write(data[end + 1:end + 1 + n])
    pos = end + 1 + n + 1
PY
"$PY" -c 'import sys, urllib.request
r = urllib.request.Request(sys.argv[1], headers={"x-api-key": sys.argv[2]})
sys.stdout.buffer.write(urllib.request.urlopen(r).read())' \
    "http://127.0.0.1:$SIM_PORT/nba/trial/v8/en/games/$SIM_SR/pbp.json" "$KEY" >"$tmp/sim.pbp"
tap_ok "in chunks, recorded: the rest: record is the document byte for byte ($(wc -c <"$tmp/sim.pbp") bytes)" \
    cmp -s "$tmp/rec.pbp" "$tmp/sim.pbp"
"$CS" --replay "$tmp/rec.cap" --once --export - >"$tmp/replay.json" 2>"$tmp/replay.stderr"
same_json "in chunks, recorded: its replay exports the same game" "$tmp/direct.json" "$tmp/replay.json"

# cut in half, the connection closed: HTTP sees a whole body, the parser not
serve cut-close
courtside cut-close "http://127.0.0.1:$port"
tap_ok "cut, closed early: a non-zero exit ($rc)" test "$rc" -ne 0
tap_is "$(tail -n 1 "$tmp/cut-close.stderr")" \
    "courtside: Sportradar sent a pbp.json that is not a play-by-play document (application/json)" \
    "cut, closed early: one line naming it"
tap_ok "cut, closed early: the log says truncated" grep -q "pbp.json skipped: truncated JSON" \
    "$tmp/cut-close.log"
tap_ok "cut, closed early: no export" test ! -s "$tmp/cut-close.json"

# cut in half under a length, or without the last chunk: a failed
# transfer, retried, then one line
for mode in cut-length cut-chunked; do
	serve $mode
	courtside $mode "http://127.0.0.1:$port"
	tap_ok "$mode: a non-zero exit ($rc)" test "$rc" -ne 0
	case $(tail -n 1 "$tmp/$mode.stderr") in
	"courtside: Sportradar: pbp.json failed: "*) r=0 ;;
	*) r=1 ;;
	esac
	tap_result $r "$mode: one line naming the failed transfer"
	[ $r -eq 0 ] || echo "#   $(tail -n 1 "$tmp/$mode.stderr")"
	tap_is "$(grep -c '/pbp.json' "$tmp/server.log")" 4 "$mode: four attempts"
	tap_ok "$mode: no export" test ! -s "$tmp/$mode.json"
done

stop_server

# A summary.json that never comes, then a pbp.json that fails once: the
# count of failed attempts the header shows goes on (retry 5), where it
# went back to 1 when pbp.json's turn began, which looked like progress.
# The simulator's 5xx draws are fixed by its seed: with seed 19 its first
# five requests fail and the sixth does not.
if sim_start flaky --provider sportradar --seed 3 --speed 0 --start-ms 86400000 \
    --require-auth "user:$KEY" --faults 5xx=0.5,seed=19; then
	courtside flaky "http://127.0.0.1:$SIM_PORT"
	tap_is "$rc" 0 "summary.json failing 4 times, pbp.json once: --once exits 0"
	tap_is "$(sed -n 's/.*status: catching up, retry \([0-9]*\):.*/\1/p' \
	    "$tmp/flaky.log" | tr '\n' ' ')" "1 2 3 5 " \
	    "the retries shown count on from summary.json's into pbp.json's"
else
	tap_result 1 "the flaky simulator starts"
fi
tap_ok "the simulator stops cleanly" sim_stop_all
tap_done
