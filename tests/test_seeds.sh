#!/bin/sh
# The vendor's own example payloads (tests/data/seeds, from ../shared/seeds):
# each fixture is the page's text byte for byte; a real local server serves
# them (courtside-sim --serve-seed-examples, the bytes checked) and the
# real courtside reads them: the Game Event gives its teams,
# names, halves and status; its 404 and 500 bodies give one line with the
# status, message and request id; possessions and videos are read with no
# field lost.  Then courtside-sim serves the Game Event in the vendor's
# shape (--st-game-shape seed), and courtside follows that game, once and
# live, to exactly the simulator's truth.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

SEEDS=${CS_SEEDS_DIR:-$top_srcdir/../shared/seeds}
DATA=$top_srcdir/tests/data/seeds
FIX=$top_srcdir/tests/seed_fixtures.py
SC=$top_builddir/tests/seeds_client
GAME=cf3ba789-06c4-11e8-bb65-0242286dfad2
ROUND=cf56d0aa-06c4-11e8-bb65-0242286dfad2
RID=f1e80480-e1d5-4684-a619-402984b5c9ba
client_setup

[ -x "$CS" ] && [ -x "$SC" ] && [ -x "$SIM" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim, tests/seeds_client and tests/json_equal"
"$PY" -c 'import websockets' 2>/dev/null || tap_skip_all "python3-websockets is needed"

# --- the fixtures are the pages' text (when the pages are beside the clone) ---
fixture_lines() {   # fixture_lines SEEDS DATA: one TAP line per check of seed_fixtures.py
	"$PY" "$FIX" check "$1" "$2" >"$t/fixtures" 2>&1
	while read -r word name; do
		[ "$word" = ok ]
		tap_result $? "$name"
	done <"$t/fixtures"
}
if [ -d "$SEEDS" ]; then
	fixture_lines "$SEEDS" "$DATA"
	cp -r "$DATA" "$t/altered"
	sed -i 's/"home_team_id": 461/"home_team_id": 462/' "$t/altered/st_game_event.json"
	"$PY" "$FIX" check "$SEEDS" "$t/altered" >"$t/altered.out" 2>&1
	tap_ok "one changed byte in a fixture is caught" \
		grep -q "^fail page 000: st_game_event.json" "$t/altered.out"
else
	echo "# $SEEDS not found: the fixtures are not compared with the pages"
fi

# --- the real simulator with the vendor's bytes (--serve-seed-examples) ---
tap_ok "courtside-sim serves the seed examples, signatures verified" \
	sim_start seeds --provider shottracker --require-auth U:S --speed 0 \
	--serve-seed-examples "$DATA"
BASE=http://127.0.0.1:$SIM_PORT

# Each example as the simulator answers it: its status and its bytes.
served() {   # served STATUS PATH FIXTURE: true when the answer is the fixture
	[ "$(st_get "$2")" = "$1" ] && cmp -s "$sim_tmp/body" "$3"
}
while read -r status path fixture; do
	tap_ok "HTTP $status $path is $fixture byte for byte" \
		served "$status" "$path" "$DATA/$fixture"
done <<EOF_ROUTES
200 /v1/data/games/$GAME st_game_event.json
404 /v1/data/games/missing-game st_game_event_404.json
500 /v1/data/games/broken-game st_game_event_500.json
200 /v1/data/stats/$ROUND/possessions st_stats_possessions.json
403 /v1/data/stats/forbidden/possessions st_stats_possessions_403.json
404 /v1/data/stats/nope/possessions st_stats_possessions_404.json
500 /v1/data/stats/broken/possessions st_stats_possessions_500.json
200 /v1/data/stats/games/$GAME/videos st_game_videos.json
403 /v1/data/stats/games/forbidden/videos st_game_videos_403.json
500 /v1/data/stats/games/broken/videos st_game_videos_500.json
EOF_ROUTES
cp "$DATA/st_game_event.json" "$t/changed_event.json"
sed -i 's/"away_team_id": 469/"away_team_id": 468/' "$t/changed_event.json"
tap_ok "a served body one byte off its fixture is caught" \
	sh -c '! cmp -s "$1" "$2"' - "$t/changed_event.json" "$DATA/st_game_event.json"
tap_ok "an unsigned request is refused (401)" \
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v1/data/games/$GAME")" = 401 ]

st_once() {   # st_once GAME OUT: courtside --once --export - against it
	timeout 120 "$CS" --provider shottracker --game "$1" --base-url "$BASE" --once \
	    --export - --log "$t/$2.log" >"$t/$2.json" 2>"$t/$2.err"
}

st_once "$GAME" seed
tap_is "$?" 0 "courtside --once reads the published Game Event (teams only under game_attributes)"
tap_ok "the export names the game, closed (ended_at), in its second half (game_type HALF)" \
	json_check "$t/seed.json" "d['game']['id'] == '$GAME' and d['game']['status'] == 'closed' \
	and d['game']['period'] == {'type': 'half', 'number': 2, 'sequence': 2}"
tap_ok "home is team 461 TeamAppTeam, away 469 TestTeamAlpha (game_attributes)" \
	json_check "$t/seed.json" "[(x['side'], x['id'], x['name']) for x in d['teams']] == \
	[('home', '461', 'TeamAppTeam'), ('away', '469', 'TestTeamAlpha')]"
tap_ok "both halves are periods of the line score" \
	json_check "$t/seed.json" "all([p['sequence'] for p in x['periods']] == [1, 2] for x in d['teams'])"
tap_ok "the rosters it names were asked for" \
	grep -q "GET /v1/data/teams/469,SHOTTRACKER " "$sim_tmp/seeds.log"

st_once missing-game missing
tap_ok "the 404 body: courtside fails" [ "$?" -ne 0 ]
tap_is "$(cat "$t/missing.err")" \
	"courtside: ShotTracker: game not found (HTTP 404: game event not found, request id $RID) — check --game" \
	"the 404 body: one line with status, message and request id"
st_once broken-game broken
tap_ok "the 500 body: courtside fails after its retries" [ "$?" -ne 0 ]
tap_is "$(cat "$t/broken.err")" \
	"courtside: ShotTracker: server error for game (HTTP 500: <General System Error Message>, request id $RID) (after 4 attempts)" \
	"the 500 body: one line with status, message and request id"

# --- possessions and videos: every field of the example, through the server ---
fields_match() {   # fields_match KIND PATH FIXTURE
	"$SC" "$1" "$BASE$2" >"$t/got" 2>&1
	"$PY" "$FIX" fields "$DATA/$3" | sort >"$t/want"
	sed 1d "$t/got" | sort | diff "$t/want" - >"$t/diff"
}
tap_ok "Stats Possessions: every field served is read (team, players, fives, stats, shot, ball screens)" \
	fields_match possessions "/v1/data/stats/$ROUND/possessions" st_stats_possessions.json
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff"
tap_is "$(wc -l <"$t/want")" 74 "that is 73 fields of page 002"
tap_ok "Game Videos: every field served is read (hlsFile and its alignment fields too)" \
	fields_match videos "/v1/data/stats/games/$GAME/videos" st_game_videos.json
[ -s "$t/diff" ] && sed 's/^/# /' "$t/diff"

error_line() {   # error_line KIND PATH: the cause the parser gives for that body
	"$SC" "$1" "$BASE$2" | sed -n 's/^error=//p'
}
tap_is "$(error_line possessions /v1/data/stats/forbidden/possessions)" \
	"ShotTracker possessions: an error instead (HTTP 403: No access to STATS data, request id $RID)" \
	"possessions 403 body: status, message, request id"
tap_is "$(error_line possessions /v1/data/stats/nope/possessions)" \
	"ShotTracker possessions: an error instead (HTTP 404: Invalid id, request id $RID)" \
	"possessions 404 body"
tap_is "$(error_line possessions /v1/data/stats/broken/possessions)" \
	"ShotTracker possessions: an error instead (HTTP 500: <General System Error Message>, request id $RID)" \
	"possessions 500 body"
tap_is "$(error_line videos /v1/data/stats/games/forbidden/videos)" \
	"ShotTracker videos: an error instead (HTTP 403: Access denied to resource, request id $RID)" \
	"videos 403 body"
tap_is "$(error_line videos /v1/data/stats/games/broken/videos)" \
	"ShotTracker videos: an error instead (HTTP 500: <General System Error Message>, request id $RID)" \
	"videos 500 body"


# --- courtside-sim in the vendor's shape, followed to its truth ---
SEED=${SEEDS_SIM_SEED:-9}
tap_ok "courtside-sim serves the game frozen at 2/6:00 in the vendor's shape" \
	sim_start frozen --provider shottracker --require-auth U:S --seed "$SEED" --halves \
	--speed 0 --start-at 2/6:00 --st-game-shape seed
st_get "/v1/data/games/$SIM_ST" >/dev/null
cp "$sim_tmp/body" "$t/sim_event.json"
shape() {   # the key set of the Game Event, its first round, totals, game_attributes
	"$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(sorted(d), sorted(d["results"][0]), sorted(d["totals"]), sorted(d["game_attributes"]))' "$1"
}
tap_is "$(shape "$t/sim_event.json")" "$(shape "$DATA/st_game_event.json")" \
	"its Game Event has exactly the keys of the published one"
tap_ok "in progress: started_at set, ended_at null, HALF" json_check "$t/sim_event.json" \
	"d['started_at'] > 0 and d['ended_at'] is None and d['game_type'] == 'HALF'"
"$SIM" --print-truth shottracker --seed "$SEED" --halves --at 2/6:00 >"$t/truth_frozen.json"
timeout 120 "$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
	--once --export "$t/frozen.json" --log "$t/frozen.log" 2>"$t/frozen.err"
tap_is "$?" 0 "courtside --once reads it"
tap_ok "and its export equals the simulator's truth at 2/6:00" "$EQ" "$t/frozen.json" "$t/truth_frozen.json"

tap_ok "courtside-sim serves the whole game live in the vendor's shape" \
	sim_start live --provider shottracker --require-auth U:S --seed "$SEED" --halves \
	--speed 600 --st-game-shape seed
"$SIM" --print-truth shottracker --seed "$SEED" --halves --at end >"$t/truth_end.json"
timeout 150 "$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
	--headless --export "$t/live.json" --log "$t/live.log" 2>"$t/live.err"
tap_is "$?" 0 "courtside follows it to the end of the game"
tap_ok "the export equals the simulator's truth at the end" "$EQ" "$t/live.json" "$t/truth_end.json"
st_get "/v1/data/games/$SIM_ST" >/dev/null
tap_ok "and its Game Event then says ended_at" json_check "$sim_tmp/body" \
	"d['ended_at'] >= d['started_at'] > 0 and 'status' not in d and 'home_team_id' not in d"

tap_ok "no sanitizer report, every server stops cleanly" sim_stop_all
tap_done
