#!/bin/sh
# A league's frames on a real terminal (tmux): a game off screen that
# changes redraws its strip cell alone, not the focused game's frame.
# courtside --game B,A against courtside-sim --games 8: A (the night's
# first game) is under way, B (the second) has not tipped off, so nothing
# of the focused game moves while A's clock and plays change its strip
# cell; the UI's own count (its log at exit) says how its turns drew.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
client_setup
midday_tz

tmux_sock=$t/sock
strip() { screen 2>/dev/null | head -1; }
strip_moved() { [ -n "$strip0" ] && [ "$(strip)" != "$strip0" ]; }
strip_has() { strip | grep -qF -- "$1"; }
trap 'tm_stop; sim_cleanup' EXIT

# B tips off 3 feed minutes after the start: 36 s away at --speed 5
sim_start night --games 8 --seed 40 --speed 5 --start-ms 120000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider shottracker --base-url "$base" --list >"$t/list" 2>/dev/null
a=$(sed -n 1p "$t/list") b=$(sed -n 2p "$t/list")
listed() { [ -n "${a%% *}" ] && [ -n "${b%% *}" ]; }
tap_ok "two games listed" listed
tm_start 160 45 "$CS" --provider shottracker --base-url "$base" \
    --game "${b%% *},${a%% *}" --log "$t/cs.log"
caught_up() { [ "$(grep -c 'caught up' "$t/cs.log" 2>/dev/null)" -ge 2 ]; }
tap_ok "both games caught up" tap_wait_until 60 caught_up
live() { grep -q "${a%% *}: live" "$t/cs.log" 2>/dev/null; }
tap_ok "the game under way is live" tap_wait_until 60 live
strip0=$(strip)
tap_ok "its strip cell moves" tap_wait_until 60 strip_moved
tm send-keys -t cs q
tap_ok "q quits with status 0" tap_wait_until 60 has "EXIT=0"
loop=$(grep -F "of the strip alone" "$t/cs.log")
strip_only=$(echo "$loop" | sed -n 's/.* \([0-9][0-9]*\) of the strip alone.*/\1/p')
tap_ok "the off-screen game's turns drew its strip cell alone ($loop)" \
    [ "${strip_only:-0}" -ge 1 ]
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
