#!/bin/bash
# Any number of overtimes (issue 20 item 6): a game forced to ten
# overtimes by courtside-sim --overtimes 10 reaches courtside over real
# HTTP from both providers, and --once exports exactly the simulator's
# truth: fourteen periods in the line score and the analytics, the
# status Final/10OT.  Past the model's limit of 100 periods the sim says so.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
[ -x "$CS" ] && [ -x "$SIM" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"

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
		timeout 120 "$CS" --provider $p --game "$id" --base-url "http://127.0.0.1:$SIM_PORT" \
		    --once --export "$t/$p.json" --log "$t/$p.log" 2>"$t/$p.err"
		"$SIM" --print-truth $p --seed "$seed" --at "$at" "$@" >"$t/$p.truth"
		tap_ok "seed $seed $p at $at $*: the truth has $PERIODS periods" json_check \
		    "$t/$p.truth" "all(len(x['periods']) == $PERIODS for x in d['teams'])"
		compare "seed $seed $p at $at $*: the export equals the truth" \
		    "$t/$p.json" "$t/$p.truth"
		tap_ok "seed $seed $p at $at: the export has $PERIODS periods for both teams" \
		    json_check "$t/$p.json" \
		    "all(len(x['periods']) == $PERIODS for x in d['teams'])"
		if [ "$at" = end ]; then
			tap_ok "seed $seed $p: the export's periods add up to the score" \
			    json_check "$t/$p.json" \
			    "all(sum(p['points'] for p in x['periods']) == x['points'] for x in d['teams'])"
		fi
		cp "$t/$p.json" "$t/$p.$seed.json"
		rm -f "$t/$p.json"
	done
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
}

PERIODS=14
once 5 end --overtimes 10
tap_ok "the tenth overtime is the last period, as the sim played it" json_check \
    "$t/sportradar.5.json" "d['game']['period']['sequence'] == 14 and \
d['game']['period']['type'] == 'overtime' and d['game']['period']['number'] == 10"
# the CSV's line score: Q1..Q4, OT1..OT10, the total; the sim still running
if sim_start csv --provider sportradar --seed 5 --speed 0 --start-ms 86400000 --overtimes 10; then
	timeout 120 "$CS" --provider sportradar --game "$SIM_SR" --base-url "http://127.0.0.1:$SIM_PORT" \
	    --once --export "$t/ot.csv" --export-format csv --log "$t/csv.log" 2>"$t/csv.err"
	tap_ok "the CSV's line score names Q1 to OT10 and the total" \
	    grep -qx 'side,team,Q1,Q2,Q3,Q4,OT1,OT2,OT3,OT4,OT5,OT6,OT7,OT8,OT9,OT10,total' "$t/ot.csv"
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
else
	tap_result 1 "the simulator starts for the CSV"
fi
# mid-game, in the ninth overtime: the periods so far
PERIODS=13
once 6 OT9/2:00 --overtimes 10
PERIODS=12
once 7 end --halves --overtimes 10

# live, over ShotTracker's WebSocket and Sportradar's push stream, to the end
live() {   # live PROVIDER SEED
	local p=$1 seed=$2 id
	if ! sim_start "live$p" --provider "$p" --seed "$seed" --speed 2000 --overtimes 10; then
		tap_result 1 "live $p: the simulator starts"
		return
	fi
	id=$SIM_ST
	[ "$p" = sportradar ] && id=$SIM_SR
	timeout 150 "$CS" --provider "$p" --game "$id" --base-url "http://127.0.0.1:$SIM_PORT" \
	    --headless --duration 120 --export "$t/live.json" --log "$t/live.log" 2>/dev/null
	tap_is "$?" 0 "live $p, 10 overtimes: runs to the end"
	"$SIM" --print-truth "$p" --seed "$seed" --at end --overtimes 10 >"$t/live.truth"
	compare "live $p, 10 overtimes: the export equals the truth at the end" \
	    "$t/live.json" "$t/live.truth"
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
	rm -f "$t/live.json"
}
live shottracker 8
live sportradar 9

# the hard limit, said in one line
out=$("$SIM" --overtimes 97 --print-truth sportradar 2>&1)
tap_is "$?" 2 "--overtimes 97 after quarters is refused"
tap_ok "... in one line saying the range" sh -c '[ "$(printf "%s\n" "$1" | wc -l)" = 1 ] &&
    printf "%s" "$1" | grep -q "1 to 96"' _ "$out"
tap_ok "--overtimes 0 is refused" sh -c '! "$1" --overtimes 0 --print-truth sportradar 2>/dev/null' _ "$SIM"
tap_done
