#!/bin/bash
# ShotTracker against courtside-sim frozen (issue 14): a game with drops,
# and the server stopped (SIGSTOP) while the client is live, until a
# reconnect handshake has been given up too: each stall is noticed in
# under 30 s, and after SIGCONT the game runs to its end with an export
# equal to the simulator's truth.
# Every duration checked is one the client measured and logged itself.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
. "$top_srcdir/tests/net_common.sh"
[ -x "$SIM" ] && [ -x "$CS" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"

# --- drops and a frozen server, live then in a handshake ---
SEED=7
"$SIM" --print-truth shottracker --seed $SEED --at end >"$t/truth.json"
# from Q1 10:00 the first socket's replay (~200 frames) stays under the
# drop, so the client is surely live when the server freezes
tap_ok "a game from Q1 10:00 at speed 120 with drop=400 starts" \
	sim_start freeze --provider shottracker --require-auth U:S --seed $SEED --speed 120 \
	--start-at 1/10:00 --faults drop=400
st_client --headless --log "$t/freeze.log" --export "$t/freeze.json" 2>"$t/freeze.err" &
cpid=$!
tap_ok "the client goes live" wait_log "$t/freeze.log" "shottracker: live" 60
kill -STOP "$SIM_PID"
tap_ok "frozen while live: the client declares the connection dead" \
	wait_log "$t/freeze.log" "nothing received for .*the connection is dead" 90
tap_ok "and gives up the reconnect handshake the frozen server never answers" \
	wait_log "$t/freeze.log" "no answer to the WebSocket upgrade within\|could not connect within" 60
kill -CONT "$SIM_PID"
wait "$cpid"
tap_is "$?" 0 "--headless runs to the end of the game and exits 0"
tap_ok "silence while live noticed in under 30 s ($(all_under "$t/freeze.log" \
	"nothing received for ([0-9.]+) s" 30))" \
	all_under "$t/freeze.log" "nothing received for ([0-9.]+) s" 30
tap_ok "the stalled handshake given up in under 30 s ($(all_under "$t/freeze.log" \
	"(?:upgrade|connect) within ([0-9.]+) s" 30))" \
	all_under "$t/freeze.log" "(?:upgrade|connect) within ([0-9.]+) s" 30
tap_ok "it resumed after the freeze" grep -q "connecting to .*(resuming)" "$t/freeze.log"
drops=$(grep -c "fault: drop" "$sim_tmp/freeze.log")
tap_ok "the server dropped the socket on the way ($drops times)" test "$drops" -ge 1
if "$EQ" "$t/freeze.json" "$t/truth.json" >"$t/je.out" 2>&1; then
	tap_result 0 "the export after drops and a freeze equals the truth"
else
	tap_result 1 "the export after drops and a freeze equals the truth"
	head -n 5 "$t/je.out" | sed 's/^/#   /'
fi
tap_ok "the token never reached the log" sh -c '! grep -q "token=[^.]" "$1"' - "$t/freeze.log"
tap_ok "every server stops cleanly" sim_stop_all
tap_done
