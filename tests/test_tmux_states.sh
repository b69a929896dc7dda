#!/bin/sh
# The header says what state the feed is in, against servers that freeze
# (tmux, detached, 100x30): a courtside-sim with its clock stopped
# (--speed 0) keeps both providers' connections up and sends no play, so
# after 20 s the data is "stale Ns", whichever provider; Sportradar's
# catch-up comes over REST only (its messages carry no receive time), and
# its header used to say "live" for ever.
# A game the server does not know: the header says "failed: " and why,
# cut to the width with an ellipsis (it was cut mid-word, no mark).
# At 60x20 a note longer than the status row is cut the same way: V on
# a play of a Sportradar game ("no video for this game (ShotTracker sent
# none)").
# Then a league night (--all, 3 games) whose server goes away and comes
# back on the same port: every game's cell of the strip says it is
# reconnecting (its score is the last it had), and stops saying so once
# the server is back.  Last, a night whose first game's pbp.json never
# answers: its header counts the retries while the others are live.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
client_setup
midday_tz

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

# the header (the first row) ends in an ellipsis and blanks
header_ends_in_ellipsis() {
	screen | head -n 1 | grep -q "$(printf '\342\200\246') *\$"
}

tm_start 80 24 "$CS" --provider sportradar --game 00000000-0000-0000-0000-000000000000 \
    --base-url "$base" --log "$t/unknown.log"
tap_ok "unknown game: the header says failed" wait_for " failed: "
tap_ok "unknown game: the reason ends in an ellipsis where the row ends" \
    header_ends_in_ellipsis
tm send-keys -t cs q
tap_ok "unknown game: q quits" wait_for "EXIT="
tm_stop

# the status row (the second) ends in an ellipsis and blanks
status_ends_in_ellipsis() {
	screen | sed -n 2p | grep -q "$(printf '\342\200\246') *\$"
}

tm_start 60 20 "$CS" --provider sportradar --game "$SIM_SR" --base-url "$base" \
    --log "$t/note.log"
tap_ok "60x20: the game is on screen" wait_for " live"
tm send-keys -t cs 2 V
tap_ok "60x20: V says there is no video" wait_for "no video"
tap_ok "60x20: the note ends in an ellipsis where the row ends" status_ends_in_ellipsis
tm send-keys -t cs q
tap_ok "60x20: q quits" wait_for "EXIT=0"
tm_stop

# how many times the strip (the first row) says TEXT
strip_has() {   # strip_has COUNT TEXT
	[ "$(screen | head -n 1 | grep -oF -- "$2" | wc -l)" -ge "$1" ]
}

night="--games 3 --seed 40 --speed 0 --start-ms 600000 --require-auth U:S"
# shellcheck disable=SC2086
sim_start night $night || tap_skip_all "courtside-sim did not start"
port=$SIM_PORT
tm_start 200 50 "$CS" --provider sportradar --all --base-url "http://127.0.0.1:$port" \
    --log "$t/night.log"
tap_ok "league: the strip and the game are live" wait_for " live"
tap_ok "league: no game reconnecting" tap_wait_until 60 strip_has 3 " Q"
kill "$SIM_PID"
wait "$SIM_PID" 2>/dev/null
tap_ok "server gone: the header says so" wait_for "reconnecting"
tap_ok "server gone: the games off screen say so in the strip" \
    tap_wait_until 60 strip_has 2 "reconnecting"
# shellcheck disable=SC2086
"$SIM" --port "$port" --log "$t/night2.log" $night >"$t/night2.out" 2>&1 &
sim_pids="$sim_pids $!"
tap_ok "server back: no game says reconnecting" wait_gone "reconnecting"
tap_ok "server back: the game is live again" wait_for " live"
tm send-keys -t cs q
tap_ok "league: q quits with status 0" wait_for "EXIT=0"
tm_stop
sim_stop_all

# A night whose first game's pbp.json never answers: the others go live on
# the league's stream, and that game's header counts its failed attempts
# as a solo run's does, where it said "catching up" with no sign of
# trouble for as long as its server stayed silent.
# shellcheck disable=SC2086
sim_start frozen1 $night --faults freeze=1:3 || tap_skip_all "courtside-sim did not start"
tm_start 200 50 "$CS" --provider sportradar --all --base-url "http://127.0.0.1:$SIM_PORT" \
    --log "$t/frozen1.log"
tap_ok "first game frozen: the other games are live" tap_wait_until 60 strip_has 2 " Q"
tap_ok "first game frozen: its header counts the retries" wait_for "catching up, retry"
tm send-keys -t cs q
tap_ok "first game frozen: q quits with status 0" wait_for "EXIT=0"
tm_stop

tap_done
