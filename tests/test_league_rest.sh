#!/bin/sh
# Issue 19: a league night is never stuck behind one game's REST.  One
# game's token requests (ShotTracker _subscribe) are refused or never
# answered (courtside-sim --faults refuse=G:N, freeze=G:N); meanwhile the
# other games' sockets are serviced: they receive frames (the simulator
# drops each socket every few frames, and each resuming reconnect names the
# seq it received), logged while the failing game is still waiting.  What
# is checked is the order of log lines, never a duration.  Then the failing
# game recovers, and every game's export equals its solo run.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup

# between LOG FROM TO PATTERN: a line matching PATTERN comes after the first
# line matching FROM and before the first line after it matching TO
between() {
	awk -v from="$2" -v to="$3" -v pat="$4" '
	    state == 0 && $0 ~ from { state = 1; next }
	    state == 1 && $0 ~ to { exit }
	    state == 1 && $0 ~ pat { found = 1; exit }
	    END { exit found ? 0 : 1 }' "$1"
}

# before LOG A B: the first line matching A comes before the first one
# matching B
before() {
	awk -v a="$2" -v b="$3" '$0 ~ b { exit } $0 ~ a { found = 1; exit }
	    END { exit found ? 0 : 1 }' "$1"
}

# wait_for FILE PATTERN: true once a line of FILE matches (bounded: ~180 s)
wait_for() {
	local i
	for i in $(seq 1 1800); do
		grep -q -e "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# --- ShotTracker, --once over a frozen night: game 3's catch-up is
# refused three times; it gets its four attempts as a solo run does (its
# turn comes again, the others' meanwhile) and every export equals its
# solo run's.
sim_start once --games 3 --seed 90 --speed 0 --start-ms 1500000 --require-auth U:S \
    --faults refuse=3:3 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
set -- $("$SIM" --games 3 --seed 90 --print-ids | sed -n 's/^shottracker=\([^ ]*\).*/\1/p')
g1=$1 g2=$2 g3=$3
"$CS" --provider shottracker --base-url "$base" --game "$g1,$g2,$g3" --once \
    --export "$t/once.json" --log "$t/once.log" >"$t/once.out" 2>"$t/once.err"
tap_is "$?" 0 "once: three games, one's catch-up refused three times, exit 0"
tap_ok "once: game 3's catch-up was retried, in its turns" \
    grep -q "shottracker: $g3: ShotTracker: server error for game statistics .*retry 3 in" \
    "$t/once.log"
tap_ok "once: game 3's catch-up, spread over turns, was read again as one sweep" \
    grep -q "shottracker: $g3: reading the catch-up again as one sweep" "$t/once.log"
: >"$t/diff"
tap_ok "once: each game's export equals its solo run" same_as_solo shottracker "$t/once" 3
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all

# --- ShotTracker, live, two games never catch up: game 3's catch-up is
# refused with 503 (Retry-After: 1) and game 2's never answered, for good.
# Game 1 plays to its end meanwhile (before the fix, the thread slept in
# game 2's retries, in turn before any socket opened, and game 1 waited).
sim_start stuck --games 3 --seed 90 --speed 300 --start-ms 600000 --require-auth U:S \
    --faults refuse=3:1000000,freeze=2:1000000 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider shottracker --base-url "$base" --game "$g1,$g2,$g3" --headless \
    --duration 600 --log "$t/stuck.log" >"$t/stuck.out" 2>"$t/stuck.err" &
cs_pid=$!
wait_for "$t/stuck.log" "shottracker: $g1: the game is over$"
tap_ok "stuck: game 1 plays to its end while games 2 and 3 cannot catch up" \
    grep -q "shottracker: $g1: the game is over$" "$t/stuck.log"
kill "$cs_pid" 2>/dev/null
wait "$cs_pid" 2>/dev/null
tap_ok "stuck: game 3's catch-up was refused again and again" \
    grep -q "shottracker: $g3: ShotTracker: server error for game statistics .*retry 3 in" \
    "$t/stuck.log"
tap_is "$(grep "shottracker: $g3: .*game statistics.*retry [0-9]* in" "$t/stuck.log" |
    sed 's/.* in \([0-9]*\) ms$/\1/' | awk '$1 < 1000' | wc -l | tr -d ' ')" 0 \
    "stuck: each of game 3's retries waits at least its Retry-After (1 s)"
tap_ok "stuck: game 2's unanswered request is a failed attempt, tried again" \
    grep -q "shottracker: $g2: .*stats,details: no data for .*retry 2 in" "$t/stuck.log"
tap_is "$(grep -c "_subscribe -> 200" "$t/stuck.log"):$(grep -c \
    "shottracker: $g3: live\|shottracker: $g2: live" "$t/stuck.log")" "1:0" \
    "stuck: only game 1 had a token and a socket"
tap_ok "stuck: the simulator kept refusing and freezing" \
    grep -q "fault: freeze game=2 request=2 " "$sim_tmp/stuck.log"
tap_ok "the simulator exits cleanly" sim_stop_all

# --- ShotTracker, tokens, the night frozen (nothing ends, so nothing
# races): game 3's catch-up, then its token, refused three times each,
# game 2's first of each never answered; both come through, in their
# turns, and every game goes live.
sim_start tokens --games 3 --seed 90 --speed 0 --start-ms 1500000 --require-auth U:S \
    --faults refuse=3:3,freeze=2:1 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider shottracker --base-url "$base" --game "$g1,$g2,$g3" --headless \
    --duration 600 --log "$t/tokens.log" >"$t/tokens.out" 2>"$t/tokens.err" &
cs_pid=$!
wait_for "$t/tokens.log" "shottracker: $g3: live$" &&
    wait_for "$t/tokens.log" "shottracker: $g2: live$"
tap_ok "tokens: game 3's token was refused three times, retried in its turns" \
    grep -q "shottracker: $g3: ShotTracker: server error for the subscription token .*retry 3 in" \
    "$t/tokens.log"
tap_ok "tokens: game 2's unanswered token request was one failed attempt" \
    grep -q "shottracker: $g2: .*_subscribe: no data for .*retry 1 in" "$t/tokens.log"
tap_is "$(grep -c 'shottracker: [0-9a-f-]*: live$' "$t/tokens.log")" 3 \
    "tokens: every game went live"
kill "$cs_pid" 2>/dev/null
wait "$cs_pid" 2>/dev/null
tap_ok "the simulator exits cleanly" sim_stop_all

# --- ShotTracker, the night to its end at 300x with the same faults (the
# games tip off 1 and 2 wall seconds in and last about 18): the refused
# and the frozen games recover, and every game's export equals its solo run.
sim_start st --games 3 --seed 90 --speed 300 --require-auth U:S \
    --faults refuse=3:3,freeze=2:1 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider shottracker --base-url "$base" --game "$g1,$g2,$g3" --headless \
    --duration 600 --export "$t/st.json" --log "$t/st.log" >"$t/st.out" 2>"$t/st.err"
tap_is "$?" 0 "shottracker: three games, one refused and one frozen a while, end, exit 0"
tap_ok "shottracker: the simulator refused game 3 three times" \
    grep -q "fault: refuse game=3 request=3 " "$sim_tmp/st.log"
: >"$t/diff"
tap_ok "shottracker: each game's export equals its solo run" same_as_solo shottracker "$t/st" 3
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all

# --- Sportradar: the league's one push stream, and game 3's first pbp.json
# (its catch-up, once the stream is up) refused three times: each refusal
# is one attempt, the game tries again after its own backoff (Retry-After
# honoured), never sleeping on the stream's thread, and recovers at its
# fourth, as a solo run would; every game's export equals its solo run.
sim_start sr --games 3 --seed 90 --speed 600 --require-auth U:S \
    --faults refuse=3:3 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
set -- $("$SIM" --games 3 --seed 90 --print-ids | sed -n 's/.* sportradar=//p')
s3=$3
"$CS" --provider sportradar --base-url "$base" --game "$1,$2,$3" --headless \
    --duration 600 --export "$t/sr.json" --log "$t/sr.log" >"$t/sr.out" 2>"$t/sr.err"
tap_is "$?" 0 "sportradar: three games, one's pbp.json refused a while, end, exit 0"
tap_ok "sportradar: the simulator refused game 3's pbp.json three times" \
    grep -q "fault: refuse game=3 request=3 " "$sim_tmp/sr.log"
tap_ok "sportradar: each refusal is one attempt, tried again at a later tick" \
    test "$(grep -c "sportradar: $s3: pbp.json again in [0-9]* ms; the other games go on" \
    "$t/sr.log")" -ge 2
tap_is "$(grep "sportradar: $s3: pbp.json again in" "$t/sr.log" |
    sed 's/.* in \([0-9]*\) ms.*/\1/' | awk '$1 < 1000' | wc -l | tr -d ' ')" 0 \
    "sportradar: ... each after at least its Retry-After (1 s)"
tap_is "$(grep -c 'sportradar: [0-9a-f-]*: the game is closed$' "$t/sr.log")" 3 \
    "sportradar: each game, the refused one too, ends on its own"
: >"$t/diff"
tap_ok "sportradar: each game's export equals its solo run" same_as_solo sportradar "$t/sr" 3
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all

# --- Sportradar, the league's stream opens first: game 3's first pbp.json
# is never answered three times (freeze=3:3; the fourth attempt, as a solo
# run's, goes through).  The push stream opens at once; games 1-2, and
# 4-8 once their own catch-up is done, are live and read push events while
# game 3 still waits; game 3's lines are held meanwhile, read after its
# catch-up.  Before, the stream opened only after the last game's catch-up,
# so every game waited for game 3.  At 30x the night lasts minutes: no
# game ends before its catch-up, however slow the machine.
sim_start srfirst --games 8 --seed 90 --speed 30 --start-ms 1500000 --require-auth U:S \
    --faults freeze=3:3 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
set -- $("$SIM" --games 8 --seed 90 --print-ids | sed -n 's/.* sportradar=//p')
s3=$3
"$CS" --provider sportradar --base-url "$base" --game "$(echo "$@" | tr ' ' ,)" --headless \
    --duration 600 --log "$t/sf.log" >"$t/sf.out" 2>"$t/sf.err" &
cs_pid=$!
# game 3's held lines, read after its catch-up, are its last word here
wait_for "$t/sf.log" "sportradar: $s3: [0-9]* push lines came during its REST call; read now"
kill "$cs_pid" 2>/dev/null
wait "$cs_pid" 2>/dev/null
tap_ok "stream first: the simulator froze game 3's first pbp.json three times" \
    grep -q "fault: freeze game=3 request=3 GET .*pbp.json" "$sim_tmp/srfirst.log"
g3="GET .*/games/$s3/pbp.json -> HTTP 200"
tap_ok "stream first: the push stream opened before game 3 was caught up" \
    before "$t/sf.log" "sportradar: streaming " "$g3"
for g in "$1" "$2"; do
	tap_ok "stream first: a game caught up read push events while game 3 waited" \
	    before "$t/sf.log" "sportradar: $g: its first push event" "$g3"
done
for g in "$4" "$5" "$6" "$7" "$8"; do
	tap_ok "stream first: a game after game 3 was caught up, live, while game 3 waited" \
	    before "$t/sf.log" "sportradar: $g: caught up; live" "$g3"
done
for g in "$4" "$5"; do
	tap_ok "stream first: ... and read push events while game 3 waited" \
	    before "$t/sf.log" "sportradar: $g: its first push event" "$g3"
done
tap_ok "stream first: game 3's push lines were held, read after its catch-up" \
    grep -q "sportradar: $s3: [0-9]* push lines came during its REST call; read now" \
    "$t/sf.log"
tap_ok "the simulator exits cleanly" sim_stop_all

# ... and the night to its end at 600x, game 3's first pbp.json never
# answered five times: more than its four attempts, so live, they start
# over (before, the game ended there, failed, and the run exited 1); every
# game's export equals its solo run.
sim_start srfirstend --games 8 --seed 90 --speed 600 --start-ms 1500000 --require-auth U:S \
    --faults freeze=3:5 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider sportradar --base-url "$base" --game "$(echo "$@" | tr ' ' ,)" --headless \
    --duration 600 --export "$t/sfe.json" --log "$t/sfe.log" >"$t/sfe.out" 2>"$t/sfe.err"
tap_is "$?" 0 "stream first: game 3's first pbp.json frozen five times, the night ends, exit 0"
tap_ok "stream first: the simulator froze it five times" \
    grep -q "fault: freeze game=3 request=5 GET .*pbp.json" "$sim_tmp/srfirstend.log"
tap_ok "stream first: game 3's four attempts failed, and started over" \
    grep -q "sportradar: $s3: its first catch-up failed: .*; it starts over" "$t/sfe.log"
tap_is "$(grep -c 'sportradar: [0-9a-f-]*: the game is closed$' "$t/sfe.log")" 8 \
    "stream first: each game ends on its own"
: >"$t/diff"
tap_ok "stream first: each game's export equals its solo run" same_as_solo sportradar "$t/sfe"
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all

# --- Sportradar's rosters (summary.json) are retried like the play-by-play:
# a game whose summary.json is refused three times still has every player
# of both rosters (the bench that never played too) after --once: its
# export equals its solo run's (with two attempts it went on without them).
sim_start rosters --games 3 --seed 90 --speed 0 --start-ms 1500000 --require-auth U:S \
    --faults rosters=2:3 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
set -- $("$SIM" --games 3 --seed 90 --print-ids | sed -n 's/.* sportradar=//p')
"$CS" --provider sportradar --base-url "$base" --game "$1,$2,$3" --once \
    --export "$t/ro.json" --log "$t/ro.log" >"$t/ro.out" 2>"$t/ro.err"
tap_is "$?" 0 "rosters: --once with game 2's summary.json refused three times, exit 0"
tap_ok "rosters: the simulator refused it three times" \
    grep -q "fault: refuse game=2 request=3 GET .*summary.json" "$sim_tmp/rosters.log"
: >"$t/diff"
tap_ok "rosters: each game's export equals its solo run" same_as_solo sportradar "$t/ro" 3
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all

# --- Sportradar, live, game 2's summary.json (the rosters) refused four
# times: its first catch-up goes on without them and the plays come
# first; its rosters are read at a later REST call (the stream's refresh,
# or the final pbp.json's), so that its export equals its solo run's,
# the bench that never played and every player's seconds too (a second
# tied on remainder went by the order the model met the players in).
sim_start late --games 3 --seed 90 --speed 600 --require-auth U:S \
    --faults rosters=2:4 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
set -- $("$SIM" --games 3 --seed 90 --print-ids | sed -n 's/.* sportradar=//p')
s2=$2
"$CS" --provider sportradar --base-url "$base" --game "$1,$2,$3" --headless \
    --duration 600 --export "$t/late.json" --log "$t/late.log" >"$t/late.out" 2>"$t/late.err"
tap_is "$?" 0 "late rosters: game 2's summary.json refused four times, the night ends, exit 0"
tap_ok "late rosters: the simulator refused it four times" \
    grep -q "fault: refuse game=2 request=4 GET .*summary.json" "$sim_tmp/late.log"
tap_ok "late rosters: game 2 went on without them" \
    grep -q "sportradar: going on without rosters: .*summary.json after 4 attempts" "$t/late.log"
tap_ok "late rosters: ... and read them later" \
    grep -q "GET .*/games/$s2/summary.json -> HTTP 200" "$t/late.log"
tap_ok "late rosters: its retries say summary.json, not pbp.json" sh -c \
    "grep -q 'sportradar: $s2: summary.json again in' '$t/late.log' &&
     ! grep -q 'sportradar: $s2: pbp.json again in' '$t/late.log'"
: >"$t/diff"
tap_ok "late rosters: each game's export equals its solo run" same_as_solo sportradar "$t/late" 3
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
