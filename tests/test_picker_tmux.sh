#!/bin/sh
# The game picker on a real terminal (tmux): courtside --provider P with no
# --game, against courtside-sim --games 8, lists the night's games; /
# searches a team, Enter opens the game under the cursor (its teams in the
# header), q leaves the game with status 0.  Then ShotTracker's picker (its
# schedule has no score: n/a, and why), and q in the picker itself.  Last,
# the open picker refreshes its scores, and says when it cannot; started
# while the server is down, it waits for it.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
client_setup
midday_tz

tmux_sock=$t/sock
trap 'tm_stop; sim_cleanup' EXIT

sim_start night --games 8 --seed 40 --speed 1 --start-ms 120000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider sportradar --base-url "$base" --list >"$t/list" 2>/dev/null
second=$(sed -n 2p "$t/list")
id2=${second%% *}
away2=$(echo "$second" | sed -n 's/.*  \([A-Z]*\) at .*/\1/p')

tm_start 80 24 "$CS" --provider sportradar --base-url "$base" --log "$t/cs.log"
tap_ok "the picker lists the night's games" wait_for ": 8 games"
tap_ok "with the first game's score" wait_for "inprogress"
tm send-keys -t cs j Enter
tap_ok "Enter opens the second game: its team in the header" wait_for "$away2 "
tap_ok "and its plays come in" wait_for "2 Plays"
tap_ok "the log names the game opened" grep -q "$id2" "$t/cs.log"
tm send-keys -t cs q
tap_ok "q quits with status 0" wait_for "EXIT=0"
tm_stop

tm_start 160 45 "$CS" --provider shottracker --base-url "$base" --log "$t/st.log"
tap_ok "ShotTracker: the picker lists the night (signed schedule)" wait_for ": 8 games"
tap_ok "at 160 columns the ids show" wait_for "GAME ID"
# ShotTracker's schedule has no score (shottracker-api.md 3.9): the game
# under way says so rather than showing a blank, or a score made up
st_active_row() { screen | grep -F ACTIVE | head -1; }
st_no_score() { st_active_row | grep -q ' n/a *[0-9a-f-]*$' && has "n/a: not in the schedule"; }
tap_ok "ShotTracker: the game under way reads n/a for its score, and says why" \
    tap_wait_until 60 st_no_score
# a team of the night and how many of its games the search should keep
"$CS" --provider sportradar --base-url "$base" --list --export-format json >"$t/list.json"
set -- $($PY -c '
import json, sys
g = json.load(open(sys.argv[1]))["games"]
name = g[0]["away"]["name"]
print(name.split()[0], sum(1 for x in g if any(name.split()[0].lower() in x[s]["name"].lower()
    for s in ("home", "away"))))' "$t/list.json")
word=$1 count=$2
tm send-keys -t cs / "$word" Enter
tap_ok "/ keeps a team's games ($word: $count)" wait_for ": $count game"
tm send-keys -t cs q
tap_ok "q in the picker leaves with status 0" wait_for "EXIT=0"
tm_stop

# --all: every game in one window, the strip above the focused one
tm_start 160 45 "$CS" --provider sportradar --base-url "$base" --all --log "$t/all.log"
first=$(sed -n 1p "$t/list" | sed -n 's/.*  \([A-Z]*\) at .*/\1/p')
strip_has() { screen | head -1 | grep -qF -- "$1"; }
header_has() { screen | sed -n 2p | grep -qF -- "$1"; }
tap_ok "--all: the strip names the night's games" tap_wait_until 60 strip_has "$away2 "
tap_ok "the first game is on screen" tap_wait_until 60 header_has "$first "
tm send-keys -t cs ')'
tap_ok ") switches to the next game at once" tap_wait_until 60 header_has "$away2 "
tm send-keys -t cs '(' '('
last=$(sed -n 8p "$t/list" | sed -n 's/.*  \([A-Z]*\) at .*/\1/p')
tap_ok "( twice wraps round to the last" tap_wait_until 60 header_has "$last "
tm send-keys -t cs q
tap_ok "q quits with status 0" wait_for "EXIT=0"
tm_stop

tm_start 80 24 "$CS" --provider sportradar --base-url "$base" --list
tap_ok "--list on a terminal prints, no picker" wait_for "EXIT=0"
tm_stop
SPORTRADAR_API_KEY=bad "$CS" --provider sportradar --base-url "$base" \
    >"$t/bad.out" 2>"$t/bad.err" </dev/null
tap_is "$?" 1 "the schedule refused: exit 1 before any terminal is taken"
tap_is "$(wc -l <"$t/bad.err" | tr -d ' ')" 1 "in one line"

# Live scores: the open picker fetches the schedule again on its timer; a
# game under way at 60x shows a new score with no key pressed.
sim_start scores --games 2 --seed 41 --speed 60 --start-ms 300000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
tm_start 80 24 "$CS" --provider sportradar --base-url "$base" --log "$t/live.log"
tap_ok "the picker shows the game under way" wait_for "inprogress"
row() { screen | grep -F inprogress | head -1 | sed 's/  */ /g'; }
score0=$(row)
moved() { [ -n "$(row)" ] && [ "$(row)" != "$score0" ]; }
tap_ok "its score moves while the picker is open (no key pressed)" tap_wait_until 90 moved
tap_ok "the picker asked the simulator for the schedule again" \
    sh -c "[ \$(grep -c 'schedule.json 200' '$sim_tmp/scores.log') -ge 2 ]"
# The server gone, the scores on screen stop moving: the picker says so
# (they had read as live), and stops saying so once it is back.
port=$SIM_PORT
kill "$SIM_PID"
wait "$SIM_PID" 2>/dev/null
tap_ok "the server gone: the picker says its scores are not refreshed" \
    wait_for "scores not refreshed"
"$SIM" --port "$port" --log "$sim_tmp/back.log" --games 2 --seed 41 --speed 60 \
    --start-ms 300000 --require-auth U:S >"$sim_tmp/back.out" 2>"$sim_tmp/back.err" &
back_pid=$!
sim_pids="$sim_pids $back_pid"
tap_ok "back on the same port: the next refresh takes the note away" \
    wait_gone "scores not refreshed"
tm send-keys -t cs q
tap_ok "q leaves the refreshing picker with status 0" wait_for "EXIT=0"
tm_stop

# The server down when the picker starts: it opens and says so (before,
# courtside exited at once), then its refresh brings the games once the
# server is up, as a game's feed waits for its server.
kill "$back_pid"
wait "$back_pid" 2>/dev/null
tm_start 80 24 "$CS" --provider sportradar --base-url "$base" --log "$t/down.log"
tap_ok "the server down at the start: the picker opens and says so" \
    wait_for "no schedule yet: the server did not give it; trying again every 10 s"
tap_ok "and counts no games" hasnt "0 games"
"$SIM" --port "$port" --log "$sim_tmp/up.log" --games 2 --seed 41 --speed 60 \
    --start-ms 300000 --require-auth U:S >"$sim_tmp/up.out" 2>"$sim_tmp/up.err" &
sim_pids="$sim_pids $!"
tap_ok "the server up: a refresh brings the night's games" wait_for ": 2 games"
tm send-keys -t cs q
tap_ok "q leaves it with status 0" wait_for "EXIT=0"
tm_stop
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
