#!/bin/bash
# The simulator's possessions and videos (issue 18) over real signed HTTP:
# possessions in the vendor's shape (seeds page 002, plus teamId) whose
# shots and free throws are the game's own (their FGA, FG, FTA and FT add
# up to the box score's, team by team, at the end of the game); one video
# per possession (page 003) whose HLS fields place the possession's start
# at hlsStartOffset of its hlsFile (the formula of src/video.c); unsigned
# requests refused.  Then courtside follows the game to its end and
# fetches the videos.  Last, for 20 seeds, every figure of the
# Possessions pane in courtside's export (PPP overall, transition and half
# court, paint touch or not, per ball-screen type, per number of passes,
# per shot-clock band with its FG, per five-man unit for and against)
# equals the simulator's truth.
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
kill "$SIM_PID"
wait "$SIM_PID" 2>/dev/null

# figures_equal EXPORT TRUTH: each figure of each team's possessions, one
# "# seed S side key" line per difference; prints how many were compared
figures_equal() {
	"$PY" - "$1" "$2" <<'PY'
import json, sys
got = {t["side"]: t.get("possessions") for t in json.load(open(sys.argv[1]))["teams"]}
want = {t["side"]: t.get("possessions") for t in json.load(open(sys.argv[2]))["teams"]}
figures = bad = 0
def leaves(path, v, out):
    if isinstance(v, dict):
        for k, x in v.items():
            leaves(path + "." + k, x, out)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            leaves("%s[%d]" % (path, i), x, out)
    else:
        out[path] = v
for side in ("home", "away"):
    g, w = {}, {}
    leaves(side, got.get(side) or {}, g)
    leaves(side, want.get(side) or {}, w)
    figures += len(w)
    for k in sorted(set(g) | set(w)):
        if g.get(k) != w.get(k):
            bad += 1
            if bad <= 5:
                print("# %s: courtside %s, truth %s" % (k, g.get(k), w.get(k)))
for key in ("passes", "shot_clock", "units"):
    if not all(key in (want[s] or {}) for s in want):
        bad += 1
        print("# the truth has no %s" % key)
print("figures %d" % figures)
sys.exit(1 if bad or figures == 0 else 0)
PY
}
seed_figures() {   # seed_figures SEED: the game at its end, courtside's export against the truth
	local rc
	sim_start "seed$1" --require-auth "$ST_USER:$ST_SECRET" --speed 0 --start-ms 86400000 \
	    --seed "$1" --provider shottracker || return 1
	"$SIM" --print-truth shottracker --seed "$1" --at end >"$sim_tmp/truth$1.json"
	timeout 120 "$CS" --provider shottracker --game "$SIM_ST" \
	    --base-url "http://127.0.0.1:$SIM_PORT" --once --export "$sim_tmp/export$1.json" \
	    --log "$sim_tmp/cs$1.log" 2>"$sim_tmp/cs$1.err"
	rc=$?
	kill "$SIM_PID"
	wait "$SIM_PID" 2>/dev/null
	[ "$rc" -eq 0 ] && figures_equal "$sim_tmp/export$1.json" "$sim_tmp/truth$1.json" \
	    >"$sim_tmp/figures$1"
	rc=$?
	grep '^#' "$sim_tmp/figures$1"
	return $rc
}
for seed in $(seq 1 20); do
	seed_figures "$seed"
	tap_result $? "seed $seed: every figure of the Possessions pane is the truth's ($(sed -n 's/^figures //p' "$sim_tmp/figures$seed") figures)"
done
# a figure that differs is caught: one unit's points against changed
"$PY" - "$sim_tmp/export1.json" "$sim_tmp/bent1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["teams"][0]["possessions"]["units"][0]["against"]["points"] += 1
json.dump(d, open(sys.argv[2], "w"))
PY
differs() { ! figures_equal "$@" >/dev/null; }
tap_ok "one unit's points against one off: caught" \
	differs "$sim_tmp/bent1.json" "$sim_tmp/truth1.json"
tap_done
