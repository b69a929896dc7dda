#!/bin/bash
# The coach's numbers (issue 16) end to end: for 50 seeds, courtside --once
# against courtside-sim (both providers, real HTTP) at a moment of the game
# exports exactly the simulator's ground truth: lead changes, times tied,
# and every team's analytics with its periods (the truth counts them with
# its own code, from its own plays).  Quarters, halves and overtime games,
# mid-game and at the end.  Then a few whole games live over both streams
# through drops, duplicates, reorders, malformed and truncated messages
# end at the truth too.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
[ -x "$CS" ] && [ -x "$SIM" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"
SEEDS=${SIM_ANALYTICS_SEEDS:-50}

# compare NAME EXPORT TRUTH: json_equal, the first differences on failure
compare() {
	if [ -s "$2" ] && "$EQ" "$2" "$3" >"$t/je.out" 2>&1; then
		tap_result 0 "$1"
	else
		tap_result 1 "$1"
		head -n 3 "$t/je.out" | sed 's/^/#   /'
	fi
}

# once SEED AT [sim flags]: both providers' --once exports at AT vs the truth
once() {
	local seed=$1 at=$2 from p id
	shift 2
	from="--start-at $at"
	[ "$at" = end ] && from="--start-ms 86400000"
	if ! sim_start "s$seed" --provider both --seed "$seed" --speed 0 $from "$@"; then
		tap_result 1 "seed $seed: the simulator starts"
		return
	fi
	for p in shottracker sportradar; do
		id=$SIM_ST
		[ $p = sportradar ] && id=$SIM_SR
		timeout 60 "$CS" --provider $p --game "$id" --base-url "http://127.0.0.1:$SIM_PORT" \
		    --once --export "$t/$p.json" --log "$t/$p.log" 2>"$t/$p.err"
		"$SIM" --print-truth $p --seed "$seed" --at "$at" "$@" >"$t/$p.truth"
		compare "seed $seed $p at $at $*: the export equals the truth" \
		    "$t/$p.json" "$t/$p.truth"
		rm -f "$t/$p.json"
	done
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
}

for seed in $(seq 1 "$SEEDS"); do
	case $((seed % 3)) in
	0) at=end ;;
	1) at=2/4:30 ;;
	*) at=1/0:20 ;;
	esac
	case $((seed % 10)) in
	3) once "$seed" "$at" --halves ;;
	7) once "$seed" end --overtime ;;
	*) once "$seed" "$at" ;;
	esac
done

# the truth is not trivially equal: the figures vary and add up
"$SIM" --print-truth sportradar --seed 4 >"$t/sr4.json"
tap_ok "a truth carries every figure, and they are not all zero" json_check "$t/sr4.json" \
	"all(t['analytics'][k] > 0 for t in d['teams'] for k in ('points_in_paint', \
'fast_break_pts', 'second_chance_pts', 'points_off_turnovers', 'bench_points', \
'possessions', 'offensive_rating', 'effective_fg_pct', 'true_shooting_pct', 'tov_pct', \
'oreb_pct', 'ft_rate', 'most_unanswered')) and d['game']['lead_changes'] >= 0"

# live ones
live() {   # live PROVIDER SEED FAULT_SEED
	local p=$1 seed=$2 fs=$3 id
	if ! sim_start "live$p$seed" --provider "$p" --seed "$seed" --speed 2000 \
	    --faults "drop=80,duplicate=0.05,reorder=0.03,malformed=0.02,truncate=0.02,seed=$fs"; then
		tap_result 1 "live $p seed $seed: the simulator starts"
		return
	fi
	id=$SIM_ST
	[ "$p" = sportradar ] && id=$SIM_SR
	timeout 150 "$CS" --provider "$p" --game "$id" --base-url "http://127.0.0.1:$SIM_PORT" \
	    --headless --duration 120 --export "$t/live.json" --log "$t/live.log" 2>/dev/null
	tap_is "$?" 0 "live $p seed $seed with faults: runs to the end"
	"$SIM" --print-truth "$p" --seed "$seed" --at end >"$t/live.truth"
	compare "live $p seed $seed with faults: the export equals the truth at the end" \
	    "$t/live.json" "$t/live.truth"
	tap_ok "live $p seed $seed: faults were injected" grep -q "fault: " "$sim_tmp/live$p$seed.log"
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
	rm -f "$t/live.json"
}
live shottracker 31 5
live sportradar 32 6
live shottracker 33 7
live sportradar 34 8

tap_done
