#!/bin/sh
# Several games in one process, against courtside-sim --games 8: each
# game's export from the one run equals the game's own solo run, for both
# providers -- the REST catch-up (--once, frozen night) and the live
# streams to the end (--headless: Sportradar's games on one push
# subscription, ShotTracker's a socket each), then --export writes one
# file per game -- and the same through the simulator's faults.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"
client_setup
midday_tz

# A frozen night, 25 minutes after the first tip-off: six games under way.
sim_start frozen --games 8 --seed 50 --speed 0 --start-ms 1500000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
for p in sportradar shottracker; do
	"$CS" --provider $p --base-url "$base" --all --once --export "$t/$p.once.json" \
	    --log "$t/$p.log" 2>"$t/$p.err"
	tap_is "$?" 0 "$p: --all --once over eight games exits 0"
	tap_is "$(ls "$t/$p.once".*.json 2>/dev/null | wc -l | tr -d ' ')" 8 \
	    "$p: --export writes one file per game"
	tap_ok "$p: each game's export equals its solo run" same_as_solo $p "$t/$p.once"
done
ids=$("$SIM" --games 3 --seed 50 --print-ids | sed -n 's/.* sportradar=//p' | paste -sd, -)
"$CS" --provider sportradar --base-url "$base" --game "$ids" --once --export - \
    --log "$t/list.log" >"$t/three.out" 2>&1
tap_is "$(grep -c '"provider"' "$t/three.out")" 3 "--game A,B,C --export -: three exports in turn"
sim_stop_all

# The live night at 600x, both providers at once, to the last game's end.
sim_start live --games 8 --seed 60 --speed 600 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
# The league-wide push stream: no match filter, every game's events.
curl -s -D "$t/h" -o /dev/null -H "x-api-key: S" "$base/nba/trial/stream/en/events/subscribe"
loc=$(tr -d '\r' <"$t/h" | sed -n 's/^[Ll]ocation: //p')
curl -s -N --max-time 20 "$loc" >"$t/league.ndjson" 2>/dev/null &
curl_pid=$!

"$CS" --provider shottracker --base-url "$base" --all --headless --duration 600 \
    --export "$t/st.live.json" --log "$t/st.live.log" 2>"$t/st.live.err" &
st_pid=$!
"$CS" --provider sportradar --base-url "$base" --all --headless --duration 600 \
    --export "$t/sr.live.json" --log "$t/sr.live.log" 2>"$t/sr.live.err"
tap_is "$?" 0 "sportradar: eight live games in one process end, exit 0"
tap_is "$(grep -c 'events/subscribe -> HTTP 302' "$t/sr.live.log")" 1 \
    "sportradar: the eight games share one push subscription"
tap_is "$(grep -c 'sportradar: [0-9a-f-]*: the game is closed$' "$t/sr.live.log")" 8 \
    "sportradar: each game of the league ends on its own"
wait $st_pid
tap_is "$?" 0 "shottracker: eight live games in one process end, exit 0"
tap_is "$(grep -c 'feed: a thread started' "$t/st.live.log")" 1 \
    "shottracker: one feed thread for the league"
tap_ok "shottracker: ... carrying the eight games" \
    grep -q 'feed: a thread started for 8 shottracker games$' "$t/st.live.log"
tap_is "$(grep 'shottracker: [0-9a-f-]*: connecting to ws://' "$t/st.live.log" |
    sed 's/.*shottracker: \([0-9a-f-]*\):.*/\1/' | sort -u | wc -l | tr -d ' ')" 8 \
    "shottracker: a socket for each of the eight games"
tap_is "$(grep -c 'shottracker: [0-9a-f-]*: the game is over$' "$t/st.live.log")" 8 \
    "shottracker: each game of the league ends on its own"
wait $curl_pid
"$SIM" --games 8 --seed 60 --print-ids | sed -n 's/.* sportradar=//p' >"$t/sr.ids"
complete_lines "$t/league.ndjson" >"$t/league.lines"
tap_ok "the push stream without a match carries several games, all of the night" \
    "$PY" -c 'import json, sys
ids = set(open(sys.argv[2]).read().split())
seen = set()
for line in open(sys.argv[1]):
    d = json.loads(line)
    if "payload" in d:
        g = d["payload"]["game"]["id"]
        assert g in ids and d["metadata"]["match"] == "sd:match:" + g, g
        seen.add(g)
sys.exit(0 if len(seen) >= 2 else 1)' "$t/league.lines" "$t/sr.ids"

tap_ok "sportradar: each live game's export equals its solo run" \
    same_as_solo sportradar "$t/sr.live"
tap_ok "shottracker: each live game's export equals its solo run" \
    same_as_solo shottracker "$t/st.live"
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the simulator exits cleanly" sim_stop_all

# The same night through faults: dropped connections (the league's one
# push stream drops all eight games at once), duplicates, reordering,
# malformed lines and 5xx answers; each game still equals its solo run.
sim_start faulty --games 8 --seed 80 --speed 600 --require-auth U:S \
    --faults drop=80,duplicate=0.03,reorder=0.02,malformed=0.01,5xx=0.05,seed=12 ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
: >"$t/diff"
"$CS" --provider shottracker --base-url "$base" --all --headless --duration 900 \
    --export "$t/stf.live.json" --log "$t/stf.live.log" 2>"$t/stf.live.err" &
st_pid=$!
"$CS" --provider sportradar --base-url "$base" --all --headless --duration 900 \
    --export "$t/srf.live.json" --log "$t/srf.live.log" 2>"$t/srf.live.err"
tap_is "$?" 0 "faults: sportradar's eight games end, exit 0"
wait $st_pid
tap_is "$?" 0 "faults: shottracker's eight games end, exit 0"
for k in drop duplicate reorder malformed 5xx; do
	tap_ok "faults: the simulator injected $k" grep -q "fault: $k" "$sim_tmp/faulty.log"
done
tap_ok "faults: the league's push stream dropped and came back" \
    grep -q "sportradar: reconnecting" "$t/srf.live.log"
tap_ok "faults: sportradar: each game's export equals its solo run" \
    same_as_solo sportradar "$t/srf.live"
tap_ok "faults: shottracker: each game's export equals its solo run" \
    same_as_solo shottracker "$t/stf.live"
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff" | head -20
tap_ok "the faulty simulator exits cleanly" sim_stop_all

# One socket drops, the others stay: game 1 is live (the simulator drops
# its socket after every 5 frames), games 2 and 3 tip off 5 feed minutes
# apart, well after this run, so their sockets carry no frame to drop.
sim_start drop --games 3 --seed 70 --speed 5 --start-ms 60000 --require-auth U:S \
    --faults drop=5 || tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
set -- $("$SIM" --games 3 --seed 70 --print-ids | sed -n 's/^shottracker=\([^ ]*\).*/\1/p')
"$CS" --provider shottracker --base-url "$base" --game "$1,$2,$3" --headless --duration 8 \
    --log "$t/drop.log" >"$t/drop.out" 2>"$t/drop.err"
tap_is "$?" 0 "drop: three games followed for 8 s, exit 0"
tap_is "$(grep -c 'feed: a thread started' "$t/drop.log")" 1 \
    "drop: one feed thread for the three games"
tap_ok "drop: the simulator dropped the live game's socket" grep -q "fault: drop" \
    "$sim_tmp/drop.log"
tap_ok "drop: the live game reconnected, resuming" \
    grep -q "shottracker: $1: connecting to .*(resuming)" "$t/drop.log"
for g in "$2" "$3"; do
	tap_is "$(grep -c "shottracker: $g: connecting to" "$t/drop.log"):$(grep -c \
	    "shottracker: $g: reconnect" "$t/drop.log")" "1:0" \
	    "drop: another game's socket stayed up (one connection, no reconnect)"
done
[ -s "$t/drop.err" ] && sed 's/^/# /' "$t/drop.err" | head -5
tap_ok "the dropping simulator exits cleanly" sim_stop_all

# Two games whose sockets accept and never answer the upgrade: in the
# league's one WebSocket context, each stalled handshake is given up on
# its own (its socket shut down; the context, shared, stays) and tried again.
"$PY" "$top_srcdir/tests/silent_server.py" "$t/silent.port" 60 >"$t/silent.out" &
silent_pid=$!
sim_pids="$sim_pids $silent_pid"
for i in $(seq 1 100); do [ -s "$t/silent.port" ] && break; sleep 0.1; done
sim_start silent --games 2 --seed 70 --speed 0 --start-ms 60000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
set -- $("$SIM" --games 2 --seed 70 --print-ids | sed -n 's/^shottracker=\([^ ]*\).*/\1/p')
"$CS" --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" --game "$1,$2" \
    --ws-url "ws://127.0.0.1:$(cat "$t/silent.port")" --headless --duration 24 \
    --log "$t/silent.log" >"$t/silent.json" 2>"$t/silent.err"
tap_is "$(grep -c 'feed: a thread started' "$t/silent.log")" 1 \
    "stalled: one feed thread for the two games"
for g in "$1" "$2"; do
	tap_ok "stalled: a game's upgrade given up on its own" grep -q \
	    "shottracker: $g: no answer to the WebSocket upgrade within [0-9.]* s: the connection is dead" \
	    "$t/silent.log"
	tap_ok "stalled: ... and tried again" \
	    test "$(grep -c "shottracker: $g: connecting to" "$t/silent.log")" -ge 2
done
tap_ok "stalled: the silent server saw the sockets come again" \
    test "$(grep -c accepted "$t/silent.out")" -ge 4
kill "$silent_pid" 2>/dev/null
wait "$silent_pid" 2>/dev/null
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
