#!/bin/bash
# Sportradar against courtside-sim when the network misbehaves (issue 14):
#  - a game with drops and the server frozen (SIGSTOP) while the push
#    stream is live, until the resubscribe (the 302 handshake) has been
#    given up too: each stall is noticed in under 30 s, and after SIGCONT
#    the game runs to its end with an export equal to the simulator's truth;
#  - a server that accepts and never answers: the REST call is given up in
#    under 30 s, and --headless exits 1 saying why.
# Every duration checked is one the client measured and logged itself.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
. "$top_srcdir/tests/net_common.sh"
[ -x "$SIM" ] && [ -x "$CS" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"
KEY=sr-freeze-key

sr_client() {   # sr_client BASE ARGS...
	local base=$1
	shift
	SPORTRADAR_API_KEY=$KEY timeout 300 "$CS" --provider sportradar --base-url "$base" "$@"
}

# --- drops and a frozen server, live then in the resubscribe ---
SEED=21
"$SIM" --print-truth sportradar --seed $SEED --at end >"$t/truth.json"
tap_ok "a game from Q1 10:00 at speed 120 with drop=60 starts" \
	sim_start freeze --provider sportradar --require-auth "user:$KEY" --seed $SEED \
	--speed 120 --start-at 1/10:00 --faults drop=60
sr_client "http://127.0.0.1:$SIM_PORT" --game "$SIM_SR" --headless \
	--log "$t/freeze.log" --export "$t/freeze.json" 2>"$t/freeze.err" &
cpid=$!
# live, dropped once, resumed: then the server freezes
tap_ok "the client's push stream goes live" \
	wait_log "$t/freeze.log" "streaming http" 60
tap_ok "the server drops it after 60 lines" \
	wait_log "$sim_tmp/freeze.log" "fault: drop" 90
tap_ok "and the client resumes the session" \
	wait_log "$t/freeze.log" "(resume) -> HTTP 302" 60
kill -STOP "$SIM_PID"
tap_ok "frozen while live: the stream is declared silent" \
	wait_log "$t/freeze.log" "went silent for" 90
tap_ok "and the resubscribe the frozen server never answers is given up" \
	wait_log "$t/freeze.log" "subscribing to the push feed failed" 60
kill -CONT "$SIM_PID"
wait "$cpid"
tap_is "$?" 0 "--headless runs to the end of the game and exits 0"
tap_ok "the silence noticed in under 30 s ($(all_under "$t/freeze.log" \
	"went silent for ([0-9.]+) s" 30))" \
	all_under "$t/freeze.log" "went silent for ([0-9.]+) s" 30
tap_ok "the resubscribe given up within its 15 s" \
	grep -q "subscribing to the push feed failed: .*no answer within 15 s" "$t/freeze.log"
tap_ok "it subscribed again after the freeze" \
	test "$(grep -c "events/subscribe.* -> HTTP 302" "$t/freeze.log")" -ge 2
if "$EQ" "$t/freeze.json" "$t/truth.json" >"$t/je.out" 2>&1; then
	tap_result 0 "the export after drops and a freeze equals the truth"
else
	tap_result 1 "the export after drops and a freeze equals the truth"
	head -n 5 "$t/je.out" | sed 's/^/#   /'
fi
tap_ok "the key never reached the log" sh -c "! grep -q '$KEY' '$t/freeze.log'"

# --- a server that accepts and never answers ---
"$PY" "$top_srcdir/tests/silent_server.py" "$t/silent.port" 90 >"$t/silent.out" &
silent_pid=$!
sim_pids="$sim_pids $silent_pid"
wait_log "$t/silent.port" "[0-9]" 10
sr_client "http://127.0.0.1:$(cat "$t/silent.port")" \
	--game 26e0906a-a222-4013-a9c8-dea6a8fe1f4f --headless --duration 23 \
	--log "$t/silent.log" --export "$t/silent.json" 2>"$t/silent.err"
rc=$?
kill "$silent_pid" 2>/dev/null
wait "$silent_pid" 2>/dev/null
tap_ok "a run that never went live exits non-zero ($rc)" test "$rc" -ne 0
tap_is "$(wc -l <"$t/silent.err")" 1 "with one line on stderr"
tap_ok "naming why: $(head -c 160 "$t/silent.err")" \
	grep -q "never went live: retrying summary.json: .*no data for 20 s (no answer)" \
	"$t/silent.err"
tap_ok "the unanswered request was given up in under 30 s" \
	grep -q "GET .*summary.json failed: .*no data for 20 s" "$t/silent.log"
tap_ok "every server stops cleanly" sim_stop_all

# --- a server down at tip-off: nothing listens on its port at first ---
SEED=23
"$SIM" --print-truth sportradar --seed $SEED --at end >"$t/truth_down.json"
tap_ok "a port to leave closed, and the game's id (the same seed, the same id)" \
	sim_start probe --provider sportradar --seed $SEED
port=$SIM_PORT
game=$SIM_SR
sim_stop_all
# --once: summary.json's four tries find no server; pbp.json gets one,
# not four more (against a silent one, ~100 s rather than ~170)
sr_client "http://127.0.0.1:$port" --game "$game" --once --log "$t/down.log" \
	--export "$t/down.json" 2>"$t/down.err"
rc=$?
tap_ok "--once against no server exits non-zero ($(head -c 160 "$t/down.err"))" \
	test "$rc" -ne 0
tap_is "$(grep -c "GET .*summary.json failed" "$t/down.log"):$(grep -c \
	"GET .*pbp.json failed" "$t/down.log")" "4:1" \
	"summary.json tried 4 times, then pbp.json once"
# live: the run waits for the server (it ended at the first catch-up)
sr_client "http://127.0.0.1:$port" --game "$game" --headless --log "$t/up.log" \
	--export "$t/up.json" >/dev/null 2>"$t/up.err" &
cpid=$!
tap_ok "live, the failed catch-up is tried again after a wait" \
	wait_log "$t/up.log" "sportradar: reconnecting (attempt 1; " 120
tap_ok "the server comes up on its port" \
	sim_start up --port "$port" --provider sportradar --require-auth "user:$KEY" \
	--seed $SEED --speed 100 --start-at 4/3:00
wait "$cpid"
tap_is "$?" 0 "then the game is followed to its end ($(head -c 160 "$t/up.err"))"
# the first catch-up made 5 tries (4 + 1): the next one counts on from them
tap_ok "the header's retry count went on into the next catch-up" \
	awk '/sportradar: reconnecting \(attempt 1; / { on = 1 }
	    on && /status: catching up, retry [0-9]+:/ {
		n = $0; sub(/.*retry /, "", n); sub(/:.*/, "", n); ok = n + 0 >= 5; exit }
	    END { exit !ok }' "$t/up.log"
tap_ok "the export equals the simulator's truth" "$EQ" "$t/truth_down.json" "$t/up.json"
tap_ok "every server stops cleanly" sim_stop_all
tap_done
