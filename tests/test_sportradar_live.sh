#!/bin/bash
# courtside against courtside-sim over Sportradar: the --once REST catch-up
# equals the simulator's ground truth (quarters, halves, overtime); a whole
# game over the push stream with every fault ends with exactly the clean
# run's export; failures give one line naming the cause and exit non-zero.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

CS=$top_builddir/courtside
JE=$top_builddir/tests/json_equal
[ -x "$CS" ] || tap_skip_all "courtside is not built"
[ -x "$SIM" ] || tap_skip_all "courtside-sim is not built"
[ -x "$JE" ] || tap_skip_all "tests/json_equal is not built"
KEY=sr-live-key
tmp=$sim_tmp

courtside() {   # courtside NAME ARGS...: stdout NAME.json, stderr NAME.stderr; sets rc
	local name=$1
	shift
	SPORTRADAR_API_KEY=${KEY_OVERRIDE-$KEY} "$CS" --provider sportradar \
	    --log "$tmp/$name.cs.log" "$@" >"$tmp/$name.json" 2>"$tmp/$name.stderr"
	rc=$?
}

last_line() { tail -n 1 "$tmp/$1.stderr"; }

# same_json NAME A B: json_equal, showing the first differences on failure
same_json() {
	if "$JE" "$2" "$3" >"$tmp/je.out" 2>&1; then
		tap_result 0 "$1"
	else
		tap_result 1 "$1"
		head -n 5 "$tmp/je.out" | sed 's/^/#   /'
	fi
}

# --- the REST catch-up (--once) equals the truth at the same game time ---
frozen() {   # frozen NAME SEED AT [sim flags]
	local name=$1 seed=$2 at=$3
	shift 3
	if ! sim_start "$name" --provider sportradar --seed "$seed" --speed 0 \
	    --start-at "$at" --require-auth "user:$KEY" "$@"; then
		tap_result 1 "$name: the simulator starts"
		return
	fi
	courtside "$name" --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" \
	    --once --export -
	tap_is "$rc" 0 "$name: --once exits 0"
	"$SIM" --print-truth sportradar --seed "$seed" --at "$at" "$@" >"$tmp/$name.truth"
	same_json "$name: the export equals the truth at $at" "$tmp/$name.truth" "$tmp/$name.json"
	kill "$SIM_PID" 2>/dev/null
}

frozen quarters 11 3/7:21
frozen halves 12 2/10:00 --halves
frozen overtime 13 OT1/2:00 --overtime

# --- failures: non-zero, and the last line names the cause ---
sim_start errors --provider sportradar --seed 11 --speed 0 --start-at 2/6:00 \
    --require-auth "user:$KEY"
base=http://127.0.0.1:$SIM_PORT

KEY_OVERRIDE=not-the-key courtside wrongkey --game "$SIM_SR" --base-url "$base" --once --export -
tap_ok "wrong key: a non-zero exit" test "$rc" -ne 0
case $(last_line wrongkey) in
*"(HTTP 40"[13]")"*SPORTRADAR_API_KEY*) r=0 ;; *) r=1 ;; esac
tap_result $r "wrong key: one line naming the status and SPORTRADAR_API_KEY"
[ $r -eq 0 ] || echo "#   $(last_line wrongkey)"
tap_ok "wrong key: the key is never printed or logged" \
    sh -c "! grep -q -e '$KEY' -e not-the-key '$tmp/wrongkey.stderr' '$tmp/wrongkey.cs.log'"

courtside unknown --game 00000000-0000-4000-8000-000000000000 --base-url "$base" --once --export -
tap_ok "unknown game: a non-zero exit" test "$rc" -ne 0
case $(last_line unknown) in
*"game not found (HTTP 404)"*) r=0 ;; *) r=1 ;; esac
tap_result $r "unknown game: one line saying the game was not found"
[ $r -eq 0 ] || echo "#   $(last_line unknown)"
kill "$SIM_PID" 2>/dev/null

sim_start fivexx --provider sportradar --seed 11 --speed 0 --start-at 2/6:00 \
    --require-auth "user:$KEY" --faults 5xx=1
courtside fivexx --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" --once --export -
tap_ok "5xx only: a non-zero exit" test "$rc" -ne 0
case $(last_line fivexx) in
*"server error (HTTP 5"[0-9][0-9]") for pbp.json after"*) r=0 ;; *) r=1 ;; esac
tap_result $r "5xx only: one line naming the status after the retries"
[ $r -eq 0 ] || echo "#   $(last_line fivexx)"
kill "$SIM_PID" 2>/dev/null

# a non-JSON body: the simulator never sends one, the scripted server does
port=$(tap_free_port)
"$PY" "$top_srcdir/tests/sportradar_fake_server.py" "$port" html "$tmp/fake.log" &
sim_pids="$sim_pids $!"
tap_wait_port "$port"
KEY_OVERRIDE=test-key-123 courtside html --game 26e0906a-a222-4013-a9c8-dea6a8fe1f4f \
    --base-url "http://127.0.0.1:$port" --once --export -
tap_ok "non-JSON body: a non-zero exit" test "$rc" -ne 0
tap_is "$(last_line html)" \
    "courtside: Sportradar sent a non-JSON body for pbp.json (text/html)" \
    "non-JSON body: one line naming it"

# --- a whole game over the push stream: faults change nothing ---
# A push session carries only what happens after it subscribed: the faults
# run's game must outlast a late subscription (at 1500x the game took ~2 s,
# and a busy machine's client subscribed with too little left to be dropped
# or to see a bad line); at 300x it takes ~10 s, besides the stall.
whole_game() {   # whole_game NAME [faults [speed]]
	local name=$1 faults=$2 speed=${3:-1500}
	sim_start "$name" --provider sportradar --seed 21 --speed "$speed" --start-at 1/12:00 \
	    --require-auth "user:$KEY" ${faults:+--faults "$faults"} || return 1
	courtside "$name" --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" \
	    --headless --duration 300 --export "$tmp/$name.export"
	kill "$SIM_PID" 2>/dev/null
}

whole_game clean
tap_is "$rc" 0 "clean run: --headless exits 0"
tap_ok "clean run: the stream ended with the game, from pbp.json's status" \
    grep -q "the game is \(closed\|complete\)" "$tmp/clean.cs.log"
"$SIM" --print-truth sportradar --seed 21 --at end >"$tmp/end.truth"
same_json "clean run: the export equals the truth at the end" "$tmp/end.truth" "$tmp/clean.export"

whole_game faults "drop=100,stall=21@2400,5xx=0.1,malformed=0.02,truncate=0.02,duplicate=0.05,reorder=0.03,seed=4" 300
tap_is "$rc" 0 "faults: --headless exits 0"
same_json "faults: the export equals the clean run's" "$tmp/clean.export" "$tmp/faults.export"
tap_ok "faults: the stream was resumed" grep -q "(resume) -> HTTP 302" "$tmp/faults.cs.log"
tap_ok "faults: the stall was noticed" grep -q "went silent" "$tmp/faults.cs.log"
tap_ok "faults: bad lines were skipped with a warning" grep -q "push line skipped" "$tmp/faults.cs.log"

# the push stream alone (before the final pbp.json is applied) adds up to
# the truth too: nothing lost to drops, nothing counted twice
CLIENT=$top_builddir/tests/sportradar_client
if [ -x "$CLIENT" ] && sim_start pushonly --provider sportradar --seed 21 --speed 300 \
    --start-at 1/12:00 --require-auth "user:$KEY" \
    --faults "drop=80,5xx=0.1,malformed=0.02,truncate=0.02,duplicate=0.05,reorder=0.03,seed=9"; then
	SPORTRADAR_API_KEY=$KEY SR_CLIENT_LOG="$tmp/pushonly.cs.log" "$CLIENT" \
	    --base-url "http://127.0.0.1:$SIM_PORT" --game "$SIM_SR" --duration 300 \
	    --export-live "$tmp/pushonly.live" >"$tmp/pushonly.json" 2>"$tmp/pushonly.stderr"
	rc=$?
	# the game's end, not the --duration bound, ends the run
	tap_ok "push only: the run ends with the game ($rc)" \
	    sh -c "[ $rc -eq 0 ] && grep -q 'ended=yes' '$tmp/pushonly.stderr'"
	n=$(grep -c "(resume) -> HTTP 302" "$tmp/pushonly.cs.log")
	tap_ok "push only: it resumed after every drop ($n times)" test "$n" -ge 3
	if "$JE" --ignore status "$tmp/end.truth" "$tmp/pushonly.live" >"$tmp/je.out" 2>&1; then
		tap_result 0 "push only: the export before the final pbp.json equals the truth"
	else
		tap_result 1 "push only: the export before the final pbp.json equals the truth"
		head -n 5 "$tmp/je.out" | sed 's/^/#   /'
	fi
	kill "$SIM_PID" 2>/dev/null
else
	tap_result 1 "push only: the client and the simulator start"
fi

tap_done
