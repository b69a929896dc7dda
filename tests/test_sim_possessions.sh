#!/bin/bash
# The simulator's possessions and videos (issue 18) over real signed HTTP:
# possessions in the vendor's shape (seeds page 002, plus teamId) whose
# shots and free throws are the game's own (their FGA, FG, FTA and FT add
# up to the box score's, team by team, at the end of the game); one video
# per possession (page 003) whose HLS fields place the possession's start
# at hlsStartOffset of its hlsFile (the formula of src/video.c); unsigned
# requests refused.  Then courtside follows the game to its end and
# fetches the videos.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
command -v curl >/dev/null && command -v openssl >/dev/null ||
	tap_skip_all "curl and openssl are needed"
[ -x "$CS" ] || tap_skip_all "needs courtside"

tap_ok "the simulator starts at the end of a game, signatures required" \
	sim_start st --require-auth "$ST_USER:$ST_SECRET" --speed 0 --start-ms 86400000 --seed 11
[ -n "$SIM_PORT" ] || tap_done
B=$sim_tmp/body

code=$(curl -s -o "$B" -w '%{http_code}' "http://127.0.0.1:$SIM_PORT/v1/data/stats/games/$SIM_ST/videos")
tap_is "$code" 401 "videos unsigned: 401"
code=$(st_get "/v1/data/stats/games/$SIM_ST/stats,possessions")
tap_is "$code" 200 "signed catch-up of stats and possessions: 200"
cp "$B" "$sim_tmp/catchup.json"
tap_ok "every possession has the vendor's fields, a teamId, stats and attributes" \
	json_check "$sim_tmp/catchup.json" "len(d['possessions']) > 100 and all(
	    set(p) >= {'teamId', '_locations', 'start_timestamp', 'end_timestamp', 'start_game_clock',
	    'end_game_clock', 'period', 'player_ids', 'opposing_player_ids', 'stats',
	    'possession_attributes'} and len(p['player_ids']) == 5 and
	    len(p['possession_attributes']) == 26 for p in d['possessions'])"
# a team's FGA, FG, FTA, FT in its possessions = its box score's
tap_ok "the possessions' shots and free throws are the box score's, team by team" \
	"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
box = {s["teamId"]: s["stats"] for s in d["stats"] if s.get("playerId") is None}
for team, line in box.items():
    n = {"FGA": 0, "FG": 0, "FTA": 0, "FT": 0}
    for p in d["possessions"]:
        if p["teamId"] != team:
            continue
        for st in p["stats"]:
            for k in n:
                n[k] += k in st["details"]
    want = {k: int(line.get(k, 0)) for k in n}
    if n != want:
        sys.exit("team %s: possessions %s, box score %s" % (team, n, want))
' "$sim_tmp/catchup.json"
tap_ok "ball screens come only in half-court possessions" \
	json_check "$sim_tmp/catchup.json" "all(p['possession_attributes']['ball_screens'] == 0 or
	    p['possession_attributes']['half_court'] for p in d['possessions'])"

code=$(st_get "/v1/data/stats/games/$SIM_ST/videos")
tap_is "$code" 200 "signed videos: 200"
cp "$B" "$sim_tmp/videos.json"
tap_ok "one video per possession, each with the HLS fields" \
	"$PY" -c '
import json, sys
v = json.load(open(sys.argv[1]))["videos"]
p = json.load(open(sys.argv[2]))["possessions"]
sys.exit(0 if len(v) == len(p) and all(x["hlsFile"].startswith("https://") and
    x["sourceKey"]["source"] == "POSSESSION" for x in v) else 1)' "$sim_tmp/videos.json" "$sim_tmp/catchup.json"
tap_ok "each video places its possession: start + delay - stream start = offset, end - start = duration" \
	"$PY" -c '
import json, sys
v = json.load(open(sys.argv[1]))["videos"]
p = json.load(open(sys.argv[2]))["possessions"]
for x, q in zip(v, p):
    pos = q["start_timestamp"] + x["hlsVideoDelayMs"] - x["hlsVideoStartTimestamp"]
    if abs(pos - x["hlsStartOffset"] * 1000) > 0.5 or \
       abs(q["end_timestamp"] - q["start_timestamp"] - x["hlsDuration"] * 1000) > 0.5:
        sys.exit("possession at %d: position %d, offset %s" % (q["start_timestamp"], pos, x["hlsStartOffset"]))
' "$sim_tmp/videos.json" "$sim_tmp/catchup.json"

timeout 120 "$CS" --provider shottracker --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" \
    --once --export "$sim_tmp/export.json" --log "$sim_tmp/cs.log" 2>"$sim_tmp/cs.err"
tap_is "$?" 0 "courtside --once follows the game"
tap_ok "it asked for the videos, signed, and got them" \
	grep -q "GET .*/v1/data/stats/games/$SIM_ST/videos -> 200" "$sim_tmp/cs.log"
tap_ok "its export has both teams' possessions" \
	json_check "$sim_tmp/export.json" "all(t['possessions']['count'] > 40 for t in d['teams'])"
tap_done
