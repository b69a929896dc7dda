#!/bin/sh
# What the sensors saw, end to end (issue 18 item 2 and 3): courtside-sim
# serves presence, the fives at a time and the sensor assignment history
# from its own game; they agree with its truth (minutes to the tenth, the
# fives on court); the real courtside fetches them after its catch-up, in
# a real terminal (tmux): the box score shows no difference when they
# agree, and "! N totals differ" when the simulator is told to bend one
# (--st-disagree presence: one player's minutes; lineups: one of a five).
# The player's detail (Enter on a box score row) lists the sensors he
# wore, as the simulator's history says.  Skipped without tmux.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"
. "$top_srcdir/tests/tmux_common.sh"

client_setup
command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
[ -x "$CS" ] && [ -x "$SIM" ] || tap_skip_all "needs courtside and courtside-sim"

SEED=${PRESENCE_SEED:-9}
AT=3/6:00   # the second period over: its sensor changes are in

# --- the simulator's sensors agree with its truth ---
tap_ok "courtside-sim serves the game frozen at $AT" \
	sim_start agree --provider shottracker --require-auth U:S --seed "$SEED" --speed 0 \
	--start-at "$AT"
"$SIM" --print-truth shottracker --seed "$SEED" --at "$AT" >"$t/truth.json"
tap_is "$(st_get "/v1/data/stats/games/$SIM_ST/stats/presence")" 200 "presence: 200"
cp "$sim_tmp/body" "$t/presence.json"
tap_is "$(st_get "/v1/data/games/$SIM_ST/lineups?timestamp=4000000000000")" 200 \
	"lineups at a time: 200"
cp "$sim_tmp/body" "$t/lineup_at.json"
tap_is "$(st_get "/v1/data/games/$SIM_ST/sensor/assignments/history")" 200 \
	"sensor assignments: 200"
cp "$sim_tmp/body" "$t/sensors.json"

# seconds on court per player id: the truth's, and the sensors' rounded
check_minutes() {   # check_minutes PRESENCE TRUTH
	"$PY" - "$1" "$2" <<'PY'
import json, sys
pres = json.load(open(sys.argv[1]))
truth = json.load(open(sys.argv[2]))
want = {p["id"]: p["seconds"] for t in truth["teams"] for p in t["players"]}
bad = 0
for r in pres["presence"]:
    m, s = r["MIN"].split(":")
    secs = int(m) * 60 + float(s)
    if abs(secs - want.get(r["playerId"], 0)) > 1:
        print("# %s: sensors %.1f s, truth %s s" % (r["playerId"], secs, want.get(r["playerId"])))
        bad += 1
sys.exit(1 if bad or len(pres["presence"]) != len(want) else 0)
PY
}
tap_ok "every player's MIN is the truth's time on court (to the second)" \
	check_minutes "$t/presence.json" "$t/truth.json"
tap_ok "the fives at the time are the truth's players on court" json_check \
	"$t/lineup_at.json" "sorted(sorted(x['playerIds']) for x in d['lineups']) == \
	sorted(sorted(p['id'] for p in tm['players'] if p.get('on_court')) \
	for tm in json.load(open('$t/truth.json'))['teams'])"
tap_ok "as of the game time it was counted at" json_check "$t/presence.json" \
	"d['period'] == 'Q3' and d['gameClock'] == json.load(open('$t/lineup_at.json'))['gameClock']"
tap_ok "every player wears a sensor from the first period's start" json_check \
	"$t/sensors.json" "len(d['sensor_assignments_history']) >= 2 * 10"

# --- courtside in a terminal ---
tmux_sock=$t/tmux
start_cs() {   # start_cs NAME: courtside on the running simulator at 160x45
	tm_start 160 45 XDG_STATE_HOME="$t/state" XDG_CONFIG_HOME="$t/config" \
	    SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S "$CS" --provider shottracker \
	    --game "$SIM_ST" --base-url "http://127.0.0.1:$SIM_PORT" --log "$t/$1.log"
}
trap 'tm_stop; sim_cleanup' EXIT

# The player's detail on the first player row, once the UI has drawn the
# whole catch-up (its log says so): keys sent before it land on the rows
# of a box score still filling, and a total compared before its plays are
# in differs for a moment.  The sensor history is the last thing the
# catch-up fetches: once the detail shows it, presence and the five at
# the time are in the model too.
player_detail() {   # player_detail LOG
	tap_wait_until 60 grep -q "startup: the caught-up game is on screen" "$1" || return 1
	tap_wait_until 60 has "Box score" || return 1
	tm send-keys -t cs Down
	tm send-keys -t cs Enter
	tap_wait_until 60 has "  sensors "
}

start_cs agree
tap_ok "courtside shows the player's detail with his sensors" player_detail "$t/agree.log"
screen >"$t/agree.screen"
tap_ok "agreeing sensors: no difference shown" sh -c '! grep -q "differ from" "$1"' - \
	"$t/agree.screen"

# The name in the filter line, and the sensors the simulator assigned him.
want_sensors() {   # want_sensors SCREEN: "sensors A, B" for the player shown
	"$PY" - "$1" "$t/sensors.json" "$t/roster_home.json" "$t/roster_away.json" <<'PY'
import json, re, sys
line = [l for l in open(sys.argv[1]) if "filter: " in l][0]
name = re.search(r"filter: (.*?)  sensors", line).group(1).strip()
ids = [p["id"] for f in sys.argv[3:] for p in json.load(open(f))["players"]
       if p["display_name"] == name]
hist = json.load(open(sys.argv[2]))["sensor_assignments_history"]
seq = [str(a["sensor"]) for a in hist if str(ids[0]) == a["playerId"]]
out = [s for i, s in enumerate(seq) if i == 0 or seq[i - 1] != s]
print("sensors " + ", ".join(out))
PY
}
st_get "/v1/data/teams/$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["lineups"][0]["teamId"])' "$t/lineup_at.json"),SHOTTRACKER" >/dev/null
cp "$sim_tmp/body" "$t/roster_home.json"
st_get "/v1/data/teams/$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["lineups"][1]["teamId"])' "$t/lineup_at.json"),SHOTTRACKER" >/dev/null
cp "$sim_tmp/body" "$t/roster_away.json"
want=$(want_sensors "$t/agree.screen")
tap_ok "the detail lists the sensors of the simulator's history ($want)" \
	grep -qF -- "$want" "$t/agree.screen"
tap_ok "the first starter's sensor changed during Q2: two sensors" \
	sh -c 'echo "$1" | grep -q "^sensors [0-9]*, [0-9]*$"' - "$want"
tm_stop
tap_ok "the simulator stops cleanly" sim_stop_all

# --- told to disagree ---
disagree() {   # disagree WHAT TEXT
	sim_start "bent-$1" --provider shottracker --require-auth U:S --seed "$SEED" \
	    --speed 0 --start-at "$AT" --st-disagree "$1" || return 1
	start_cs "bent-$1"
	tap_wait_until 60 has "$2"
	local rc=$?
	screen >"$t/bent-$1.screen"
	tm_stop
	sim_stop_all
	return $rc
}
tap_ok "a player's minutes bent by a minute: '! 1 total differ' in the box score" \
	disagree presence "! 1 total differ from the provider's"
tap_ok "one of a five swapped for a bench player: two differences" \
	disagree lineups "! 2 totals differ from the provider's"
tap_ok "both: three" disagree presence,lineups "! 3 totals differ from the provider's"
"$SIM" --st-disagree nonsense --port 0 >/dev/null 2>"$t/bad.err"
tap_ok "--st-disagree nonsense: refused, saying what it wants" \
	grep -q "presence, lineups or presence,lineups" "$t/bad.err"
tap_done
