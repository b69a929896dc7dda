#!/bin/sh
# Sportradar's push filters and locale (issue 19): courtside puts --status,
# --team (with --all) and --locale on its one league subscription, and the
# simulator honours them -- status=created carries no game of a live
# night, team=T only T's game -- so a team's night run through the filtered
# league stream sees no other game and still equals its solo run.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"
client_setup
midday_tz

# subscribe N QUERY: the Location of a league subscription with QUERY
subscribe() {
	curl -s -D "$t/h$1" -o /dev/null -H "x-api-key: S" \
	    "$base/nba/trial/stream/en/events/subscribe?$2"
	tr -d '\r' <"$t/h$1" | sed -n 's/^[Ll]ocation: //p'
}

# payload_games FILE: the game id of each complete line with a payload
payload_games() {
	complete_lines "$1" | "$PY" -c 'import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if "payload" in d:
        print(d["payload"]["game"]["id"])'
}

sim_start night --games 4 --seed 70 --speed 600 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
"$CS" --provider sportradar --base-url "$base" --list --export-format json >"$t/list.json"
game=$("$PY" -c 'import json, sys; print(json.load(sys.stdin)["games"][0]["id"])' <"$t/list.json")
team=$("$PY" -c 'import json, sys; print(json.load(sys.stdin)["games"][0]["home"]["id"])' <"$t/list.json")
tap_ok "the night's first game and its home team" [ -n "$game" ] && [ -n "$team" ]

loc_created=$(subscribe 1 "status=created")
loc_team=$(subscribe 2 "team=sd:team:$team")
curl -s -N --max-time 15 "$loc_created" >"$t/created.ndjson" 2>/dev/null &
c1=$!
curl -s -N --max-time 15 "$loc_team" >"$t/team.ndjson" 2>/dev/null &
c2=$!

# Meanwhile two games of the four: the others' lines on the one stream
# are ignored, named in the log once and counted at the end.
second=$("$PY" -c 'import json, sys; print(json.load(sys.stdin)["games"][1]["id"])' <"$t/list.json")
"$CS" --provider sportradar --base-url "$base" --game "$game,$second" --headless \
    --duration 600 --export "$t/two.json" --log "$t/two.log" 2>"$t/two.err" &
two=$!

"$CS" --provider sportradar --base-url "$base" --all --team "$team" --status inprogress \
    --locale fr --headless --duration 600 --export "$t/team.json" --log "$t/cs.log" \
    2>"$t/cs.err"
tap_is "$?" 0 "--all --team --status --locale: the team's game ends, exit 0"
tap_is "$(grep -c "push: subscribe locale=fr status=inprogress team=$team\$" \
    "$sim_tmp/night.log")" 1 "the one subscription carries the locale and both filters"
tap_is "$(grep -c 'events/subscribe -> HTTP 302' "$t/cs.log")" 1 \
    "one subscription for the filtered league"
tap_ok "the filtered stream brought no other game" sh -c \
    "! grep -q 'games not followed' '$t/cs.log'"
"$CS" --provider sportradar --base-url "$base" --game "$game" --once \
    --export "$t/solo.json" --log "$t/solo.log" 2>"$t/solo.err"
tap_ok "the team's game equals its solo run" "$EQ" "$t/team.json" "$t/solo.json"

wait $two
tap_is "$?" 0 "two games of the night on the league stream end, exit 0"
tap_is "$(grep -c 'ignoring the push lines of games not followed' "$t/two.log")" 1 \
    "the other games' lines: logged once"
tap_ok "and counted at the end" grep -q 'push lines skipped: [1-9][0-9]* of games not followed' \
    "$t/two.log"
# a game id no one knows fails alone, its own line; its partner catches up
"$CS" --provider sportradar --base-url "$base" --game "$second,no-such-game" --once \
    --export "$t/bad.json" --log "$t/bad.log" 2>"$t/bad.err"
tap_is "$?" 1 "a league with an unknown game: exit 1"
tap_ok "one line names the unknown game" sh -c \
    "[ \$(wc -l <'$t/bad.err') -eq 1 ] && grep -q '^courtside: no-such-game: ' '$t/bad.err'"
tap_ok "its partner caught up all the same" grep -q "$second.*pbp.json -> HTTP 200\|games/$second/pbp.json -> 200" \
    "$t/bad.log"

wait $c1 $c2
payload_games "$t/team.ndjson" | sort -u >"$t/team.games"
tap_is "$(cat "$t/team.games")" "$game" "the simulator: team=T streams T's game only"
tap_is "$(payload_games "$t/created.ndjson" | wc -l | tr -d ' ')" 0 \
    "the simulator: status=created streams no game of a live night"
tap_ok "the simulator: status=created still sends heartbeats" \
    grep -q heartbeat "$t/created.ndjson"
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
