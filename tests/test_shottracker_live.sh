#!/bin/sh
# The ShotTracker client end to end against courtside-sim: signed REST
# catch-up (--once) equals the simulator's ground truth; refused
# signatures, missing credentials and unknown games fail with one clear
# line; a whole game over the WebSocket through drops, a 40 s stall,
# duplicates, reorders, malformed and truncated frames ends with exactly
# the box score of a clean run.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

CS=$top_builddir/courtside
JE=$top_builddir/tests/json_equal
SEED=${ST_LIVE_SEED:-7}
SPEED=${ST_LIVE_SPEED:-600}
STALL_AT=${ST_LIVE_STALL_AT:-1500}   # feed seconds: well inside the game
FAULTS="drop=50,stall=40@$STALL_AT,duplicate=0.05,reorder=0.02,malformed=0.02,truncate=0.02,seed=3"

[ -x "$SIM" ] && [ -x "$CS" ] && [ -x "$JE" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"
"$SIM" --print-ids >/dev/null 2>&1 ||
	tap_skip_all "courtside-sim cannot generate a game"

# Runs courtside as the ShotTracker client; $1 = user, $2 = secret, rest = args.
client() {
	local user=$1 secret=$2
	shift 2
	SHOTTRACKER_USERNAME=$user SHOTTRACKER_SECRET=$secret \
	    XDG_CONFIG_HOME=$sim_tmp/nocfg XDG_STATE_HOME=$sim_tmp/state \
	    timeout 150 "$CS" --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" "$@"
}

# --- the REST catch-up, frozen at 3/5:00 ---
tap_ok "courtside-sim serves the game frozen at 3/5:00" \
	sim_start once --provider shottracker --require-auth U:S --seed "$SEED" \
	--speed 0 --start-at 3/5:00
"$SIM" --print-truth shottracker --seed "$SEED" --at 3/5:00 >"$sim_tmp/truth_once.json"
client U S --game "$SIM_ST" --once --export "$sim_tmp/once.json" \
	--log "$sim_tmp/client-once.log" 2>"$sim_tmp/once.err"
tap_is "$?" 0 "--once exits 0"
tap_ok "--once export equals the ground truth at 3/5:00" \
	"$JE" "$sim_tmp/once.json" "$sim_tmp/truth_once.json"
tap_ok "the start-up is signed REST: game, rosters, lineups, catch-up" \
	grep -q "GET .*/v1/data/stats/games/$SIM_ST/stats,details -> 200" \
	"$sim_tmp/client-once.log"
tap_ok "the catch-up's possessions come in their own GET (issue 20)" \
	grep -q "GET .*/v1/data/stats/games/$SIM_ST/possessions -> 200" \
	"$sim_tmp/client-once.log"

# --- refusals: one line that names the cause, never a secret ---
client U 'Wr0ng-Secret-XYZ' --game "$SIM_ST" --once --export "$sim_tmp/bad.json" \
	--log "$sim_tmp/client-bad.log" 2>"$sim_tmp/bad.err"
rc=$?
tap_ok "a wrong secret exits non-zero" [ "$rc" -ne 0 ]
last=$(tail -n 1 "$sim_tmp/bad.err")
case $last in
*"refused the request signature"*"HTTP 401"*"SHOTTRACKER_SECRET"*) r=0 ;;
*) r=1; echo "# got: $last" ;;
esac
tap_result $r "the reason says the signature was refused (HTTP 401)"
tap_ok "the reason is one line" [ "$(printf '%s\n' "$last" | wc -l)" -eq 1 ]
tap_ok "no export on failure" [ ! -s "$sim_tmp/bad.json" ]
tap_ok "the secret and the signature are in no output" \
	sh -c '! grep -q -e "Wr0ng-Secret-XYZ" -e "signature=" "$@"' - \
	"$sim_tmp/bad.err" "$sim_tmp/client-bad.log" "$sim_tmp/client-once.log" "$sim_tmp/once.err"

client "" "" --game "$SIM_ST" --once --export "$sim_tmp/nocred.json" \
	2>"$sim_tmp/nocred.err"
rc=$?
tap_ok "missing credentials exit non-zero" [ "$rc" -ne 0 ]
tap_ok "and name SHOTTRACKER_USERNAME and SHOTTRACKER_SECRET" \
	grep -q "SHOTTRACKER_USERNAME.*SHOTTRACKER_SECRET" "$sim_tmp/nocred.err"

client U S --game 00000000-0000-0000-0000-000000000000 --once \
	--export "$sim_tmp/nogame.json" 2>"$sim_tmp/nogame.err"
rc=$?
tap_ok "an unknown game exits non-zero" [ "$rc" -ne 0 ]
tap_ok "saying the game was not found, with the request id" \
	sh -c 'tail -n 1 "$1" | grep -q "game not found (HTTP 404.*request id [0-9a-f-]*)"' - \
	"$sim_tmp/nogame.err"

# --- a whole game live, through faults ---
"$SIM" --print-truth shottracker --seed "$SEED" --at end >"$sim_tmp/truth_end.json"
tap_ok "courtside-sim serves the game live with faults" \
	sim_start live --provider shottracker --require-auth U:S --seed "$SEED" \
	--speed "$SPEED" --faults "$FAULTS"
t0=$(date +%s)
client U S --game "$SIM_ST" --headless --export "$sim_tmp/live.json" \
	--log "$sim_tmp/client-live.log" 2>/dev/null
rc=$?
t1=$(date +%s)
tap_is "$rc" 0 "--headless runs to the end of the game and exits 0"
tap_ok "the export after the faults equals the clean ground truth" \
	"$JE" "$sim_tmp/live.json" "$sim_tmp/truth_end.json"
reconnects=$(grep -c "shottracker: reconnect [0-9]" "$sim_tmp/client-live.log")
drops=$(grep -c "fault: drop" "$sim_tmp/live.log" 2>/dev/null)
echo "# $reconnects reconnects in $((t1 - t0)) s; the server dropped $drops times"
tap_ok "the client reconnected after the drops ($reconnects times)" [ "$reconnects" -ge 2 ]
dead=$(sed -n 's/.*nothing received for \([0-9.]*\) s.*: the connection is dead.*/\1/p' \
	"$sim_tmp/client-live.log" | head -n 1)
tap_ok "the 40 s stall was noticed as a dead connection (after ${dead:-?} s of silence)" \
	test -n "$dead"
# measured by the client itself, from its own clock: a busy machine can
# only make the silence it sees shorter, never the check longer
tap_ok "and under 30 s, all included (${dead:-?} s)" \
	"$PY" -c 'import sys; sys.exit(0 if 0 < float(sys.argv[1]) < 30 else 1)' "${dead:-0}"
tap_ok "it resumed with last_seq" grep -q "(resuming)" "$sim_tmp/client-live.log"
tap_ok "the token never reached the log" \
	sh -c '! grep -q "token=[^.]" "$1"' - "$sim_tmp/client-live.log"

tap_done
