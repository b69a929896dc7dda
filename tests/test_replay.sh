#!/bin/sh
# Record and replay (issue 7): a game recorded live from the simulator (with
# faults) replays to exactly the live export, at max speed and at 1x; --until
# gives the box score of that moment; a damaged capture is refused out loud
# (issue 14; tests/test_capture_damage.sh has the rest); a recorder killed
# with SIGKILL leaves a capture that replays.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
client_setup

# 1. ShotTracker, live with faults, recorded.
sim_start st --provider shottracker --seed 11 --speed 400 --require-auth U:S \
    --faults drop=80,duplicate=0.03,malformed=0.01,seed=3 || tap_skip_all "simulator did not start"
timeout 180 "$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
    --headless --record "$t/st.cap" --export "$t/st_live.json" --log "$t/st.log" 2>/dev/null
tap_is "$?" 0 "shottracker: live run with faults records and exits 0"
"$SIM" --seed 11 --print-truth shottracker >"$t/st_truth.json"
tap_ok "shottracker: the live export equals the ground truth" "$EQ" "$t/st_live.json" "$t/st_truth.json"
if grep -qi 'token=\|hmac \|signature' "$t/st.cap"; then
	tap_result 1 "the capture holds no token, signature or header"
else
	tap_result 0 "the capture holds no token, signature or header"
fi
tap_ok "the capture header names the provider and game" \
    grep -q "^courtside-capture 2 provider=shottracker game=$SIM_ST " "$t/st.cap"

start=$(date +%s%N)
"$CS" --replay "$t/st.cap" --once --export "$t/st_replay.json" --log "$t/r.log" 2>/dev/null
tap_is "$?" 0 "replay --once exits 0"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
# a figure, not a check: no check depends on timing (make bench measures it)
echo "# a full game replayed at max speed in $ms ms"
tap_ok "replay at max speed equals the live export" "$EQ" "$t/st_replay.json" "$t/st_live.json"

"$CS" --replay "$t/st.cap" --headless --speed max --export "$t/st_replay2.json" --log "$t/r.log" 2>/dev/null
tap_ok "replay --headless --speed max equals the live export" "$EQ" "$t/st_replay2.json" "$t/st_live.json"

# 2. --until: the box score as of 3/5:00 equals the truth of that moment.
"$CS" --replay "$t/st.cap" --once --until 3/5:00 --export "$t/st_until.json" --log "$t/r.log" 2>/dev/null
tap_is "$?" 0 "--until exits 0"
"$SIM" --seed 11 --print-truth shottracker --at 3/5:00 >"$t/st_truth_35.json"
# The game clock is left out: the replay shows the live clock of that moment
# (5:00.0), the truth the clock of the last play before it.
tap_ok "--until 3/5:00 equals the ground truth at 3/5:00" \
    "$EQ" --ignore clock "$t/st_until.json" "$t/st_truth_35.json"

# --until takes the simulator's forms too (one parser), and refuses out loud
# a moment the game never had.
"$CS" --replay "$t/st.cap" --once --until Q3/5:00 --export "$t/st_until_q.json" --log "$t/r.log" 2>/dev/null
tap_is "$?" 0 "--until Q3/5:00 is accepted"
tap_ok "--until Q3/5:00 is 3/5:00" "$EQ" "$t/st_until_q.json" "$t/st_until.json"
refused() {   # NAME SPEC WORDS: exit 1 (2: a usage error), one line on stderr, no export
	rm -f "$t/refused.json"
	"$CS" --replay "$t/st.cap" --once --until "$2" --export "$t/refused.json" \
	    --log "$t/r.log" 2>"$t/refused.err"
	tap_ok "--until $2 ($1) fails" test "$?" -ge 1
	tap_ok "--until $2: one line saying so" sh -c \
	    "test \$(wc -l <'$t/refused.err') -eq 1 && grep -q -e '$3' '$t/refused.err'"
	tap_ok "--until $2: no export" test ! -e "$t/refused.json"
}
refused "no period lasts 99 minutes" 9/99:99 "--until takes PERIOD/CLOCK"
refused "the game has four quarters" 9/5:00 "never gets there"
refused "a quarter lasts 12:00" 1/15:00 "lasts 12:00"
refused "no halves in a game of quarters" H2/5:00 "played in quarters"

# --demo --speed max: the bundled simulator runs as fast as it can (it used
# to be handed speed 0, which freezes it at Q1 12:00); the bound only
# catches a freeze.
"$CS" --demo --speed max --headless --duration 100 --export "$t/demo_max.json" \
    --log "$t/demo.log" 2>/dev/null
tap_is "$?" 0 "--demo --speed max runs headless"
tap_ok "--demo --speed max plays the game to its end" /usr/bin/python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))["game"]
sys.exit(0 if g["status"] in ("closed", "complete") and g["period"]["sequence"] >= 4 else 1)' \
    "$t/demo_max.json"

# 3. Sportradar push, recorded and replayed.
sim_start sr --provider sportradar --seed 12 --speed 400 --require-auth U:S \
    --faults drop=60,duplicate=0.03,reorder=0.02,seed=4 || tap_skip_all "simulator did not start"
timeout 180 "$CS" --provider sportradar --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" \
    --headless --record "$t/sr.cap" --export "$t/sr_live.json" --log "$t/sr.log" 2>/dev/null
tap_is "$?" 0 "sportradar: live run records and exits 0"
"$CS" --replay "$t/sr.cap" --once --export "$t/sr_replay.json" --log "$t/r.log" 2>/dev/null
tap_ok "sportradar: replay equals the live export" "$EQ" "$t/sr_replay.json" "$t/sr_live.json"

# 4. At 1x over a short stretch: the last 20 s of game clock, recorded at the
# simulator's real speed x10, replay at 1x (the game clock's pace: 20 s and
# more, where the live run took about a tenth of the stoppages too) to the
# same export.
sim_start short --provider shottracker --seed 13 --speed 10 --start-at 4/0:20 --require-auth U:S ||
    tap_skip_all "simulator did not start"
start=$(date +%s)
timeout 120 "$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
    --headless --record "$t/short.cap" --export "$t/short_live.json" --log "$t/short.log" 2>/dev/null
live_s=$(( $(date +%s) - start ))
start=$(date +%s%N)
timeout 120 "$CS" --replay "$t/short.cap" --headless --speed 1 --export "$t/short_replay.json" \
    --log "$t/r1.log" 2>/dev/null
replay_ms=$(( ($(date +%s%N) - start) / 1000000 ))
# what its pace waited on: the capture's timeline (from one record to the
# next, the game clock run or the capture's time, whichever is less)
paced_ms=$(sed -n 's/.*replay: paced \([0-9]*\) ms of the capture.s timeline at 1x.*/\1/p' "$t/r1.log")
echo "# live $live_s s, replay at 1x $replay_ms ms, its timeline ${paced_ms:-?} ms"
tap_ok "a replay at 1x equals the live export" "$EQ" "$t/short_replay.json" "$t/short_live.json"
tap_ok "a replay at 1x is paced (its timeline said in the log)" test -n "$paced_ms"
# a busy machine can only make it slower: the lower bound is the check,
# against the timeline the replay waited on, not the live run's time
tap_ok "a replay at 1x takes its timeline's time (${paced_ms:-?} ms at least)" \
    test "$replay_ms" -ge "${paced_ms:-999999}"

# 5. Damaged captures: refused out loud, with no export.
head -c -40 "$t/sr.cap" >"$t/trunc.cap"
"$CS" --replay "$t/trunc.cap" --once --export "$t/trunc.json" --log "$t/trunc.log" 2>"$t/trunc.err"
tap_is "$?" 1 "a truncated capture fails"
tap_ok "saying where, in one line" sh -c \
    "test \$(wc -l <'$t/trunc.err') -eq 1 && grep -q 'capture damaged at line [0-9]*: cut short' '$t/trunc.err'"
tap_ok "and writes no export" test ! -e "$t/trunc.json"
tap_ok "the log says so too" grep -q "cut short" "$t/trunc.log"
awk 'NR==400 {print "THIS LINE IS DAMAGED"; next} {print}' "$t/st.cap" >"$t/corrupt.cap"
"$CS" --replay "$t/corrupt.cap" --once --export "$t/corrupt.json" --log "$t/corrupt.log" 2>"$t/corrupt.err"
tap_is "$?" 1 "a capture with a corrupt line fails"
tap_ok "naming the line" grep -q "capture damaged at line 400: " "$t/corrupt.err"
sed '1s/courtside-capture 2/courtside-capture 7/' "$t/sr.cap" >"$t/v7.cap"
"$CS" --replay "$t/v7.cap" --once --log "$t/v7.log" >/dev/null 2>"$t/v7.err"
tap_is "$?" 1 "an unknown capture version fails"
tap_ok "with a message naming the version" grep -q "version 7" "$t/v7.err"

# 6. SIGKILL mid-game: the capture replays up to the kill.
sim_start kill --provider sportradar --seed 14 --speed 200 --require-auth U:S ||
    tap_skip_all "simulator did not start"
"$CS" --provider sportradar --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" \
    --headless --record "$t/kill.cap" --export "$t/kill.json" --log "$t/kill.log" 2>/dev/null &
rec=$!
sleep 4
kill -9 "$rec"
wait "$rec" 2>/dev/null
records=$(grep -ac '^[0-9]* push [0-9]* [0-9a-f]\{16\}$' "$t/kill.cap")
"$CS" --replay "$t/kill.cap" --once --export "$t/kill_replay.json" --log "$t/kr.log" 2>/dev/null
tap_is "$?" 0 "a capture cut by SIGKILL replays"
tap_ok "it holds the live messages received before the kill ($records)" test "$records" -gt 10
pts=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(t["points"] for t in d["teams"]))' "$t/kill_replay.json")
tap_ok "and the game up to the kill ($pts points)" test "${pts:-0}" -gt 0
tap_done
