#!/bin/sh
# A league night on a real terminal (tmux) at the edge sizes: courtside
# --all against courtside-sim --games 8.  At 80x24 the strip of games shows
# whole games and counts the ones past its edge; ) to the last game counts
# those before it.  At 60x16 the strip leaves the frame 15 rows: the
# message names the terminal's size and asks for 60x17 (it asked for 60x16
# at 60x16); at 60x17 the game is back.  At 20x6 no word is cut.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
client_setup
midday_tz

tmux_sock=$t/sock
strip() { screen 2>/dev/null | head -1 | sed 's/ *$//'; }
strip_ends() { strip | grep -q -- "$1\$"; }
strip_starts() { strip | grep -q -- "^$1"; }
trap 'tm_stop; sim_cleanup' EXIT

sim_start night --games 8 --seed 40 --speed 1 --start-ms 120000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
tm_start 80 24 "$CS" --provider sportradar --base-url "http://127.0.0.1:$SIM_PORT" \
    --all --log "$t/cs.log"

tap_ok "80x24: the game and its strip" wait_for "1 Box"
tap_ok "80x24: the strip ends with the count of games past its edge, a game before it whole" \
    tap_wait_until 60 sh -c "tmux -S '$t/sock' capture-pane -p -t cs | head -1 |
    sed 's/ *\$//' | grep -q '[0-9]:[0-9][0-9] [*]* *│ [0-9]▸\$'"
tm send-keys -t cs '(' 
tap_ok "( to the last game: the strip counts the games before it" \
    tap_wait_until 60 strip_starts " ◂[0-9] │"
resize 60 16
tap_ok "60x16 under the strip: the terminal's size, and the size it needs" \
    wait_for "terminal too small (60x16), need 60x17"
resize 60 17
tap_ok "60x17: the game again" wait_for "1 Box"
resize 20 6
tap_ok "20x6: what it needs, whole" wait_for "need 60x17"
tap_ok "20x6: no cut word" sh -c "! tmux -S '$t/sock' capture-pane -p -t cs | grep -q 'small ($'"
resize 80 24
tap_ok "back at 80x24: the game" wait_for "1 Box"
tm send-keys -t cs q
tap_ok "q quits with status 0" wait_for "EXIT=0"
tm_stop
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
