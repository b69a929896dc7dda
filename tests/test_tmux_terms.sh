#!/bin/sh
# courtside under terminal types that cannot draw a screen (tmux, detached):
# TERM=dumb has no cursor addressing, so curses can only print one cell
# after the other; the UI and the game picker refuse it in one line and
# exit 1, rather than print a stale header on the bottom row and sit
# there.  The terminals that can (xterm, screen, vt100, linux) still run.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

CAP=$top_srcdir/tests/data/capture/v1_shottracker.cap

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
client_setup
midday_tz

tmux_sock=$t/sock
trap 'tm_stop; sim_cleanup' EXIT

# --duration: a UI that does start ends on its own (EXIT=0), not a hang
tm_start 80 24 env TERM=dumb "$CS" --replay "$CAP" --speed max --duration 20 \
    --log "$t/dumb.log"
tap_ok "TERM=dumb: courtside ends" wait_for "EXIT="
tap_ok "with status 1" has "EXIT=1"
tap_ok "saying why in one line" has "TERM=dumb cannot move the cursor"
tm_stop

sim_start night --games 2 --seed 40 --speed 0 --start-ms 120000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
tm_start 80 24 env TERM=dumb "$CS" --provider sportradar \
    --base-url "http://127.0.0.1:$SIM_PORT" --log "$t/pick.log"
tap_ok "TERM=dumb: the game picker ends" wait_for "EXIT="
tap_ok "with status 1, saying why" has "TERM=dumb cannot move the cursor"
tm_stop

for term in xterm screen vt100 linux; do
	tm_start 80 24 env TERM=$term "$CS" --replay "$CAP" --speed max --log "$t/$term.log"
	tap_ok "TERM=$term: the replay runs to its end on screen" wait_for "replay at end"
	tm send-keys -t cs q
	tap_ok "TERM=$term: q quits with status 0" wait_for "EXIT=0"
	tm_stop
done

tap_done
