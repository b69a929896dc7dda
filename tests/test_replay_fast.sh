#!/bin/sh
# The replay to the end (issue 20 item 3): `courtside --replay FILE --once`
# runs in courtside itself (src/front.c, providers/replay_once.c), with no
# feed thread and no network or terminal library; every other command line
# runs courtside-full.  Its export must be byte for byte the normal path's:
# the replay provider behind the feed (--headless --speed max, and
# courtside-full's own --once), for both providers over several simulator
# seeds, each a real recording (a catch-up, then the stream; some with
# faults that duplicate, reorder, cut or garble messages; overtimes,
# halves; the simulator's corrections and deletes are in every game).
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
client_setup
FULL=$top_builddir/courtside-full

# record PROVIDER SEED START_MS [FAULTS|-] [SIM ARGS...]: $t/PROVIDER-SEED.cap,
# from the simulator joined START_MS into the game
record() {
	local prov=$1 seed=$2 start=$3 cap="$t/$1-$2.cap" faults=
	[ -n "$4" ] && [ "$4" != - ] && faults="--faults $4"
	shift 3
	[ $# -gt 0 ] && shift
	sim_start "$prov-$seed" --provider "$prov" --seed "$seed" --speed 2000 \
	    --start-ms "$start" --require-auth U:S $faults "$@" || return 1
	if [ "$prov" = shottracker ]; then game=$SIM_ST; else game=$SIM_SR; fi
	timeout 180 "$CS" --provider "$prov" --game "$game" \
	    --base-url "http://127.0.0.1:$SIM_PORT" --headless --record "$cap" \
	    --export "$t/live.json" --log "$t/record.log" 2>/dev/null
	local rc=$?
	kill "$SIM_PID" 2>/dev/null
	wait "$SIM_PID" 2>/dev/null
	return $rc
}

# same PROVIDER SEED: the fast path's exports equal the normal path's
same() {
	local cap="$t/$1-$2.cap" name="$1 seed $2"
	"$CS" --replay "$cap" --once --export "$t/fast.json" --log "$t/r.log" 2>"$t/fast.err"
	tap_is "$?" 0 "$name: courtside --replay --once exits 0"
	"$FULL" --replay "$cap" --headless --speed max --export "$t/normal.json" \
	    --log "$t/r.log" 2>/dev/null
	tap_ok "$name: the export is byte for byte the replay provider's (--headless --speed max)" \
	    cmp -s "$t/fast.json" "$t/normal.json"
	"$FULL" --replay "$cap" --once --export "$t/full_once.json" --log "$t/r.log" 2>/dev/null
	tap_ok "$name: and courtside-full's own --once replay's" \
	    cmp -s "$t/fast.json" "$t/full_once.json"
	"$CS" --replay "$cap" --once --export - --export-format csv --log "$t/r.log" \
	    >"$t/fast.csv" 2>/dev/null
	"$FULL" --replay "$cap" --once --export - --export-format csv --log "$t/r.log" \
	    >"$t/full.csv" 2>/dev/null
	tap_ok "$name: the CSV to stdout too" cmp -s "$t/fast.csv" "$t/full.csv"
	tap_ok "$name: the export is not empty" test -s "$t/fast.json"
	[ "$1" = shottracker ] && same_as_json_c "$cap" "$name"
}

# same_as_json_c CAP NAME: the export equals that of a replay that reads
# every frame with json-c (each behind a space, which no scanner takes)
same_as_json_c() {
	rm -f "$t/spaced.cap" "$t/spaced.json"
	"$top_builddir/tests/st_spaced_capture" "$1" "$t/spaced.cap" &&
	    "$CS" --replay "$t/spaced.cap" --once --export "$t/spaced.json" --log "$t/r.log" \
	    2>/dev/null
	tap_ok "$2: the export is byte for byte a replay's that reads every frame with json-c" \
	    cmp -s "$t/fast.json" "$t/spaced.json"
}

for spec in "shottracker 21 0" "shottracker 22 900000 duplicate=0.03,reorder=0.02,seed=5" \
    "shottracker 23 1800000" "sportradar 21 0" \
    "sportradar 22 900000 duplicate=0.03,reorder=0.02,seed=5" "sportradar 23 1800000" \
    "sportradar 24 0 - --overtimes 2" "sportradar 25 0 - --halves --overtime" \
    "sportradar 26 600000 malformed=0.03,truncate=0.03,duplicate=0.05,reorder=0.03,seed=9" \
    "sportradar 27 2400000 duplicate=0.1,reorder=0.05,seed=11 --overtime"; do
	set -- $spec
	if record "$@"; then
		same "$1" "$2"
	else
		tap_result 1 "$1 seed $2: recorded from the simulator"
	fi
done

# ShotTracker's frames are read by the allocation-free scanner (details,
# stats, shots, clock) or by json-c (anything unusual): more games for it,
# each with the simulator's corrections, re-sends and deletes; overtimes,
# halves, and faults that break frames (malformed, truncated) so that the
# fallback is taken mid-stream.
for spec in "shottracker 24 0 - --overtimes 2" "shottracker 25 600000 - --halves --overtime" \
    "shottracker 26 0 malformed=0.03,truncate=0.03,duplicate=0.05,reorder=0.03,seed=9" \
    "shottracker 27 2400000 duplicate=0.05,reorder=0.05,seed=11 --overtimes 1"; do
	set -- $spec
	if record "$@"; then
		same "$1" "$2"
	else
		tap_result 1 "$1 seed $2: recorded from the simulator"
	fi
done

# A damaged ShotTracker capture (a frame's bytes changed under its
# checksum): both paths fail alike, one line, no export.
awk '!done && NR >= 400 && /^\{"source"/ {sub(/"source"/, "\"sourcE\""); done = 1} {print}' \
    "$t/shottracker-21.cap" >"$t/st_bad.cap"
if cmp -s "$t/st_bad.cap" "$t/shottracker-21.cap"; then
	tap_result 1 "the ShotTracker capture was damaged"
else
	tap_result 0 "the ShotTracker capture was damaged"
fi
"$CS" --replay "$t/st_bad.cap" --once --export "$t/st_bad.json" --log "$t/r.log" 2>"$t/st_bad_fast.err"
tap_is "$?" 1 "a damaged ShotTracker capture: exit 1"
"$FULL" --replay "$t/st_bad.cap" --once --export "$t/st_bad_full.json" --log "$t/r.log" \
    2>"$t/st_bad_full.err"
tap_ok "the same one line as courtside-full's" cmp -s "$t/st_bad_fast.err" "$t/st_bad_full.err"
tap_ok "no export" test ! -e "$t/st_bad.json"

# The garbled recording holds lines the scanner hands to json-c, which
# warns about them (a fault run that garbled nothing would prove little).
"$CS" --replay "$t/sportradar-26.cap" --once --export "$t/garbled.json" --log "$t/garbled.log" \
    2>/dev/null
tap_ok "the garbled sportradar recording has push lines skipped as bad JSON" \
    grep -q "push line skipped" "$t/garbled.log"

# The two paths fail alike: a damaged capture, one line, no export.
awk 'NR==300 {print "THIS LINE IS DAMAGED"; next} {print}' "$t/sportradar-21.cap" >"$t/bad.cap"
"$CS" --replay "$t/bad.cap" --once --export "$t/bad.json" --log "$t/r.log" 2>"$t/bad_fast.err"
tap_is "$?" 1 "a damaged capture: exit 1"
"$FULL" --replay "$t/bad.cap" --once --export "$t/bad_full.json" --log "$t/r.log" 2>"$t/bad_full.err"
tap_ok "the same one line as courtside-full's" cmp -s "$t/bad_fast.err" "$t/bad_full.err"
tap_ok "no export" test ! -e "$t/bad.json"

# What makes it fast stays: courtside loads no network, TLS or terminal
# library (the dynamic loader's ~20 ms were most of a short replay).
needed=$(LC_ALL=C readelf -d "$CS" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')
case $needed in
*curl* | *websockets* | *ncurses* | *tinfo* | *libssl*) tap_result 1 "courtside links no network or terminal library ($needed)" ;;
*) tap_result 0 "courtside links no network or terminal library ($needed)" ;;
esac
# ... and hands every other command line to courtside-full
"$CS" --replay "$t/shottracker-21.cap" --once --until 3/5:00 --export "$t/until.json" \
    --log "$t/r.log" 2>/dev/null
tap_is "$?" 0 "--until goes to courtside-full"
tap_ok "which exports the moment" test -s "$t/until.json"
tap_done
