#!/bin/sh
# The header says what state the feed is in, against servers that freeze
# (tmux, detached, 100x30): a courtside-sim with its clock stopped
# (--speed 0) keeps both providers' connections up and sends no play, so
# after 20 s the data is "stale Ns", whichever provider; Sportradar's
# catch-up comes over REST only (its messages carry no receive time), and
# its header used to say "live" for ever.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
client_setup

tmux_sock=$t/sock
trap 'tm_stop; sim_cleanup' EXIT

sim_start frozen --seed 3 --speed 0 --start-ms 900000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT

for p in sportradar shottracker; do
	[ "$p" = sportradar ] && id=$SIM_SR || id=$SIM_ST
	tm_start 100 30 "$CS" --provider $p --game "$id" --base-url "$base" --log "$t/$p.log"
	tap_ok "$p, frozen server: the game is on screen, live" wait_for " live"
	tap_ok "$p, frozen server: no play for 20 s says stale" wait_for " stale "
	tm send-keys -t cs q
	tap_ok "$p: q quits with status 0" wait_for "EXIT=0"
	tm_stop
done

tap_done
