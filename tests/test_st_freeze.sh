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
tap_ok "a game from Q1 10:00 at speed 120 with drop=400 starts" \
	sim_start freeze --provider shottracker --require-auth U:S --seed $SEED --speed 120 \
	--start-at 1/10:00 --faults drop=400
slog=$sim_tmp/freeze.log    # the server's log
clog=$t/freeze.clog         # the client's
st_client --headless --log "$clog" --export "$t/freeze.json" 2>"$t/freeze.err" &
cpid=$!

# The client is live on the server's newest socket, and the server has not
# dropped it: read once the server is stopped, so that neither can change.
client_live() {   # its last connection state is "live"
	grep -e "shottracker: live" -e "shottracker: reconnect" -e "shottracker: connecting" \
	    "$clog" 2>/dev/null | tail -n 1 | grep -q "shottracker: live"
}
live_on_open_socket() {
	local conn
	conn=$(sed -n 's/.*GET \/live\/v2\/games 101 conn=\([0-9]*\).*/\1/p' "$slog" | tail -n 1)
	[ -n "$conn" ] && ! grep -q "fault: drop stream=shottracker conn=$conn after=" "$slog" &&
	    client_live
}
# Freeze the server while the client is live.  A socket lasts 400 frames,
# about 2 s at speed 120: a busy machine may stop the server just after a
# drop, with the client reconnecting.  Then it is thawed at once and
# stopped again once the client is live again (the game has ~20 s to go:
# many chances; the bound only ends a run that never goes live).
sockets() { grep -c "GET /live/v2/games 101 conn=" "$slog"; }
live_on_a_new_socket() {   # live on a socket the server opened after the $1th
	[ "$(sockets)" -gt "$1" ] && client_live
}
went_live=1 frozen_live=1 seen=0
for attempt in $(seq 1 50); do
	tap_wait_until 60 live_on_a_new_socket "$seen" || break
	went_live=0
	kill -STOP "$SIM_PID"
	if live_on_open_socket; then
		frozen_live=0
		break
	fi
	seen=$(sockets)
	kill -CONT "$SIM_PID"
done
tap_is "$went_live" 0 "the client goes live"
tap_is "$frozen_live" 0 "the server is stopped while the client is live on an open socket ($attempt tries)"
tap_ok "frozen while live: the client declares the connection dead" \
	wait_log "$clog" "nothing received for .*the connection is dead" 90
tap_ok "and gives up the reconnect handshake the frozen server never answers" \
	wait_log "$clog" "no answer to the WebSocket upgrade within\|could not connect within" 60
kill -CONT "$SIM_PID"
wait "$cpid"
tap_is "$?" 0 "--headless runs to the end of the game and exits 0"
tap_ok "silence while live noticed in under 30 s ($(all_under "$clog" \
	"nothing received for ([0-9.]+) s" 30))" \
	all_under "$clog" "nothing received for ([0-9.]+) s" 30
tap_ok "the stalled handshake given up in under 30 s ($(all_under "$clog" \
	"(?:upgrade|connect) within ([0-9.]+) s" 30))" \
	all_under "$clog" "(?:upgrade|connect) within ([0-9.]+) s" 30
tap_ok "it resumed after the freeze" grep -q "connecting to .*(resuming)" "$clog"
drops=$(grep -c "fault: drop" "$slog")
tap_ok "the server dropped the socket on the way ($drops times)" test "$drops" -ge 1
if "$EQ" "$t/freeze.json" "$t/truth.json" >"$t/je.out" 2>&1; then
	tap_result 0 "the export after drops and a freeze equals the truth"
else
	tap_result 1 "the export after drops and a freeze equals the truth"
	head -n 5 "$t/je.out" | sed 's/^/#   /'
fi
tap_ok "the token never reached the log" sh -c '! grep -q "token=[^.]" "$1" "$2"' - "$clog" "$slog"
tap_ok "every server stops cleanly" sim_stop_all
tap_done
