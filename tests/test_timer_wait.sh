#!/bin/sh
# Waiting sleeps: neither courtside's socket thread nor the simulator's
# server thread spins in poll().  lws 4.1 sleeps until its next timer in
# whole milliseconds, rounded down, then polls without waiting until the
# timer is due: up to a millisecond of spinning before each one.  Both
# threads sleep through that last stretch themselves.  Each counts its
# service rounds in which nothing ran (no callback, no tick) and logs them
# at the end: about one a tick when it sleeps, hundreds a tick when it
# spins (10,035 for 33 ticks, and 280,654 for 155, before).  Counts, not
# times: a busy machine only lowers them.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
client_setup

# idle_ok LINE: "N ... R idle; T ticks" with T >= 10 and R <= 2 T + 50
idle_ok() {
	echo "$1" | awk '{
		for (i = 1; i <= NF; i++) {
			if ($i == "idle;") idle = $(i - 3)
			if ($i == "ticks") ticks = $(i - 1)
		}
		exit !(ticks >= 10 && idle != "" && idle <= 2 * ticks + 50)
	}'
}

tap_ok "a live game at speed 20" \
	sim_start live --seed 5 --speed 20 --start-at 1/10:00
[ -n "$SIM_PORT" ] || tap_done

"$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
	--headless --duration 6 --log "$t/client.log" >/dev/null 2>"$t/client.err"
tap_is "$?" 0 "courtside follows the game's socket for 6 s ($(head -c 200 "$t/client.err"))"
line=$(grep "ws: .* service rounds" "$t/client.log")
tap_ok "its socket thread logs its rounds ($line)" test -n "$line"
tap_ok "and sleeps to its ticks: at most two idle rounds a tick" idle_ok "$line"

# A Sportradar push stream from the same server: its history at the
# opening fills the socket, and the rest lws holds is sent at POLLOUT,
# which lws 4.1 serves only with rx on (the server spun a core for ~1 s
# at each opening and close: 2,043,121 idle rounds for 22 ticks).
"$CS" --provider sportradar --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" \
	--headless --duration 6 --log "$t/push.log" >/dev/null 2>"$t/push.err"
tap_is "$?" 0 "courtside follows the game's push stream for 6 s ($(head -c 200 "$t/push.err"))"

tap_ok "the simulator ends cleanly" sim_stop_all
line=$(grep "service: .* rounds" "$t/live.log")
tap_ok "its server thread logs its rounds ($line)" test -n "$line"
tap_ok "and sleeps to its ticks: at most two idle rounds a tick" idle_ok "$line"

tap_done
