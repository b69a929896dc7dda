#!/bin/sh
# A ShotTracker socket's opening (shottracker-api.md §2.3, §10.3; issue 19):
# the sequenced sources (details, shots, marker, possessions) from the
# start or after last_seq, and of the non-sequence ones only the latest
# value: one clock frame, the latest stats line of each player and team,
# then live.  Seen by python3-websockets; a frozen game (--speed 0) sends
# its history and nothing more, so every count below is exact.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"
"$PY" -c 'import websockets' 2>/dev/null || tap_skip_all "python3-websockets is needed"

tap_ok "a frozen game in the third quarter" \
	sim_start frozen --speed 0 --start-at 3/6:00 --seed 5
[ -n "$SIM_PORT" ] || tap_done
log=$sim_tmp/frozen.log
token=$(st_token)
st_get "/v1/data/stats/games/$SIM_ST/stats" >/dev/null
cp "$sim_tmp/body" "$sim_tmp/rest_stats.json"

# From the wire alone: before the fix, a clock frame a game second and a
# stats line a play came first (~1,200 clock frames of history here).
r=$(ws_client "token=$token" --max 300 --timeout 120)
tap_is "$(jget "$r" "d['ended']")" max "a fresh subscriber gets 300 frames of history"
tap_is "$(jget "$r" "d['sources'].get('clock', 0) <= 1")" True \
	"among them at most one clock frame ($(jget "$r" "d['sources'].get('clock', 0)"))"

# The server's log says what each opening holds; the wire must agree.
history() {   # history CONN: "SEQUENCED CLOCK STATS" of that socket's opening
	sed -n "s/.*GET \/live\/v2\/games 101 conn=$1 from=[0-9]*[^;]*; history: \([0-9]*\) sequenced, \([0-9]*\) clock, \([0-9]*\) stats, 0 other.*/\1 \2 \3/p" "$log"
}
frames() {   # frames CONN: how many frames that opening's history holds
	history "$1" | awk '{ print $1 + $2 + $3 }'
}
tap_ok "the log accounts for the first opening" sh -c "[ -n \"$(history 1)\" ]"

n=$(frames 1)
r=$(ws_client "token=$token" --max "${n:-1}" --timeout 120 --out "$sim_tmp/fresh")
tap_is "$(jget "$r" "d['ended']")" max "a second fresh subscriber gets the whole history"
on_frames() {   # on_frames FILE EXPR: EXPR printed, on one socket's frames
	"$PY" - "$1" "$sim_tmp/rest_stats.json" "$2" <<'EOF'
import json, sys
d = [json.loads(l) for l in open(sys.argv[1])]
rest = json.load(open(sys.argv[2]))["stats"]
clocks = [f for f in d if f["source"] == "clock"]
stats = [f["data"] for f in d if f["source"] == "stats"]
seqs = [f["seq"] for f in d if "seq" in f]
whose = lambda team, player: (str(team), None if player is None else str(player))
lines = {whose(s["team_id"], s["player_id"]): s for s in stats}
latest = {whose(s["teamId"], s.get("playerId")): s["version"] for s in rest if s["version"] > 0}
print(eval(sys.argv[3]))
EOF
}
check() {   # check FILE EXPR: true when EXPR holds on that socket's frames
	[ "$(on_frames "$1" "$2")" = True ]
}
fresh=$sim_tmp/fresh
tap_ok "every sequenced frame from seq 1, in order, none missing" \
	check "$fresh" "seqs == list(range(1, $(history 1 | cut -d' ' -f1) + 1))"
tap_ok "one clock frame, in the third quarter" \
	check "$fresh" "len(clocks) == 1 and clocks[0]['data']['period'] == 'Q3'"
tap_ok "one stats line per player and team line" \
	check "$fresh" "len(lines) == len(stats) > 10"
tap_ok "each the latest: the version the REST stats resource has" \
	check "$fresh" "{k: s['version'] for k, s in lines.items()} == latest"

# Resuming: the sequenced sources after last_seq, the same latest values.
half=$(on_frames "$fresh" "seqs[len(seqs) // 2]")
last=$(on_frames "$fresh" "seqs[-1]")
n=$(on_frames "$fresh" "$last - $half + len(clocks) + len(stats)")
r=$(ws_client "token=$token&last_seq=$half" --max "$n" --timeout 120 --out "$sim_tmp/resumed")
tap_is "$(jget "$r" "d['ended']")" max "a resumed subscriber gets its history (last_seq=$half)"
tap_is "$(frames 3)" "$n" "which the log accounts for"
tap_ok "the sequenced frames after last_seq only" \
	check "$sim_tmp/resumed" "seqs == list(range($half + 1, $last + 1))"
tap_ok "and the same clock frame and stats lines as a fresh one" \
	"$PY" -c 'import json, sys
def latest(p):
    return sorted(l for l in open(p) if "\"seq\"" not in l)
sys.exit(0 if latest(sys.argv[1]) == latest(sys.argv[2]) else 1)' "$fresh" "$sim_tmp/resumed"

r=$(ws_client "token=$token&source=clock" --max 1 --timeout 120 --out "$sim_tmp/clock")
tap_is "$(history 4)" "0 1 0" "source=clock: its history is the latest clock frame"
tap_ok "the same one" sh -c "grep '\"source\":\"clock\"' '$fresh' | cmp -s - '$sim_tmp/clock'"
tap_ok "the frozen server stops cleanly" sim_stop_all

# A running game: after the history, live frames (the clock among them).
tap_ok "a running game" sim_start running --speed 20 --start-at 2/6:00 --seed 5
log=$sim_tmp/running.log
r=$(ws_client "token=$(st_token)" --max 900 --timeout 120 --out "$sim_tmp/live")
tap_is "$(jget "$r" "d['ended']")" max "a subscriber gets 900 frames"
n=$(frames 1)
tap_ok "its history ($n frames) holds one clock frame" \
	sh -c "[ $n -lt 900 ] && head -n $n '$sim_tmp/live' | grep -c '\"source\":\"clock\"' | grep -qx 1"
tap_ok "then live, a clock frame each second of the game" \
	sh -c "[ \$(tail -n +$((n + 1)) '$sim_tmp/live' | grep -c '\"source\":\"clock\"') -gt 10 ]"
tap_ok "it stops cleanly" sim_stop_all
tap_done
