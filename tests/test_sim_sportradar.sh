#!/bin/sh
# courtside-sim's Sportradar side, seen by curl: REST play-by-play and
# summary with x-api-key, and the push stream (302, chunked NDJSON,
# heartbeats, resumeSessionId).
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"
KEY=sr-test-key

# Streams are read until something ends them (the server's drop, a
# heartbeat), never for a while: --max-time only bounds a stream that
# would otherwise never end, and only complete lines are messages.

# A frozen feed: the push stream has nothing to say but heartbeats.
tap_ok "a frozen server starts (--speed 0, a bare API key)" \
	sim_start hb --provider sportradar --speed 0 --start-at 2/6:00 --require-auth "$KEY"
hb_port=$SIM_PORT
loc=$(curl -s -D - -o /dev/null -H "x-api-key: $KEY" \
	"http://127.0.0.1:$hb_port/nba/trial/stream/en/events/subscribe" | tr -d '\r' |
	sed -n 's/^[Ll]ocation: //p')
curl -s -N --max-time 120 "$loc" >"$sim_tmp/hb.ndjson" 2>/dev/null &
hb_curl=$!

# drop=12 ends each push connection after 12 messages, every one sent
# whole: the reader sees all that the session delivered.  (A reader that
# hangs up itself may lose lines still in flight, more than the two a
# resume sends again.)
tap_ok "the main server starts" sim_start sr --provider sportradar --speed 40 \
	--start-at 1/10:00 --require-auth "user:$KEY" --seed 9 --faults drop=12
port=$SIM_PORT
base=http://127.0.0.1:$port
B=$sim_tmp/body
get() {   # get URL [curl args]: status; body in $B
	local u=$1
	shift
	curl -s -o "$B" -w '%{http_code}' "$@" "$u"
}

# --- REST (sections 9 and 15) ---
code=$(get "$base/nba/trial/v8/en/games/$SIM_SR/pbp.json" -H "x-api-key: $KEY")
tap_is "$code" 200 "pbp.json with the key"
tap_ok "pbp.json parses, is this game and has periods" json_check "$B" \
	"d['id'] == '$SIM_SR' and isinstance(d['periods'], list)"
tap_ok "python3 -m json.tool agrees" "$PY" -m json.tool "$B"
code=$(get "$base/nba/trial/v8/en/games/$SIM_SR/summary.json" -H "x-api-key: $KEY")
tap_is "$code" 200 "summary.json with the key"
tap_ok "summary.json parses and is this game" json_check "$B" "d['id'] == '$SIM_SR'"
code=$(get "$base/nbdl/production/v7/en/games/$SIM_SR/pbp.json" -H "x-api-key: $KEY")
tap_is "$code" 200 "nbdl, production and v7 in the path are accepted"
code=$(get "$base/nba/trial/v8/en/games/$SIM_SR/pbp.json?api_key=$KEY")
tap_is "$code" 200 "the legacy ?api_key= works too"
code=$(get "$base/nba/trial/v8/en/games/$SIM_SR/pbp.json")
tap_is "$code" 401 "no x-api-key gets 401"
tap_ok "with a JSON message" json_check "$B" "isinstance(d['message'], str) and d['message']"
code=$(get "$base/nba/trial/v8/en/games/$SIM_SR/pbp.json" -H "x-api-key: wrong")
tap_is "$code" 403 "a wrong key gets 403"
tap_ok "with a JSON message" json_check "$B" "isinstance(d['message'], str) and d['message']"
code=$(get "$base/nba/trial/v8/en/games/00000000-0000-0000-0000-000000000000/pbp.json" -H "x-api-key: $KEY")
tap_is "$code" 404 "an unknown game id gets 404"
code=$(get "$base/wnba/trial/v8/en/games/$SIM_SR/pbp.json" -H "x-api-key: $KEY")
tap_is "$code" 404 "an unknown league gets 404"
code=$(get "$base/v1/data/games/x")
tap_is "$code" 404 "--provider sportradar serves no ShotTracker path"

# --- push: subscribe (section 2) ---
sub=$base/nba/trial/stream/en/events/subscribe
code=$(get "$sub")
tap_is "$code" 401 "subscribe without a key gets 401"

# match filter: another match gives no events, up to its first heartbeat
# (5 s of a feed at speed 40); read beside everything below
curl -s -D "$sim_tmp/h5" -o /dev/null -H "x-api-key: $KEY" "$sub?match=sd:match:00000000-0000-0000-0000-000000000000"
loc5=$(tr -d '\r' <"$sim_tmp/h5" | sed -n 's/^[Ll]ocation: //p')
curl -s -N --max-time 120 "$loc5" >"$sim_tmp/s5.ndjson" 2>/dev/null &
s5_curl=$!

curl -s -D "$sim_tmp/h1" -o /dev/null -H "x-api-key: $KEY" "$sub"
tap_ok "subscribe answers 302" grep -q "^HTTP/1.1 302" "$sim_tmp/h1"
loc1=$(tr -d '\r' <"$sim_tmp/h1" | sed -n 's/^[Ll]ocation: //p')
tap_ok "the Location names this host, the stream path, a sessionId and a token" \
	sh -c "echo '$loc1' | grep -Eq '^http://127\\.0\\.0\\.1:$port/stream/nba/trial\\?sessionId=[0-9a-f-]{36}&token=[0-9a-f]{32}\$'"
sid1=$(echo "$loc1" | sed 's/.*sessionId=\([^&]*\).*/\1/')

curl -s -N --max-time 120 -D "$sim_tmp/h2" "$loc1" >"$sim_tmp/s1.ndjson" 2>/dev/null
tap_ok "the stream is 200 application/x-ndjson, chunked" sh -c \
	"grep -q '^HTTP/1.1 200' $sim_tmp/h2 && grep -qi '^content-type: application/x-ndjson' $sim_tmp/h2 && grep -qi '^transfer-encoding: chunked' $sim_tmp/h2"
n1=$(push_events "$sim_tmp/s1.ndjson")
tap_ok "it carries event lines ($n1 before the drop)" test "$n1" -ge 3
complete_lines "$sim_tmp/s1.ndjson" >"$sim_tmp/s1.lines"
tap_ok "every line is one JSON object: an event of this game or a heartbeat" \
	"$PY" -c 'import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    if "heartbeat" in d:
        continue
    assert d["payload"]["game"]["id"] == sys.argv[2], d
    assert d["payload"]["event"]["id"]
    assert d["metadata"]["match"] == "sd:match:" + sys.argv[2]' "$sim_tmp/s1.lines" "$SIM_SR"
code=$(get "$loc1")
tap_is "$code" 401 "the Location token is single use"

# --- resume ---
# Away until pbp.json (the same feed time) has two events after the last
# one the stream brought: their ids go to $sim_tmp/missed.
pbp_moved_on() {   # pbp_moved_on: true once two events follow the last seen
	get "$base/nba/trial/v8/en/games/$SIM_SR/pbp.json" -H "x-api-key: $KEY" >/dev/null &&
	    "$PY" -c 'import json, sys
seen = [json.loads(l)["payload"]["event"]["id"] for l in open(sys.argv[1]) if "payload" in l]
ids = [e["id"] for p in json.load(open(sys.argv[2]))["periods"] for e in p.get("events", [])]
if seen[-1] not in ids or len(ids) - ids.index(seen[-1]) <= 2:
    sys.exit(1)
print("\n".join(ids[ids.index(seen[-1]) + 1:]))' "$sim_tmp/s1.lines" "$B" >"$sim_tmp/missed"
}
tap_ok "events happen while we are away (two more in pbp.json)" tap_wait_until 60 pbp_moved_on
curl -s -D "$sim_tmp/h3" -o /dev/null -H "x-api-key: $KEY" "$sub?resumeSessionId=$sid1"
loc2=$(tr -d '\r' <"$sim_tmp/h3" | sed -n 's/^[Ll]ocation: //p')
sid2=$(echo "$loc2" | sed 's/.*sessionId=\([^&]*\).*/\1/')
tap_ok "a resume gets a new session and token" sh -c "[ -n '$sid2' ] && [ '$sid2' != '$sid1' ]"
curl -s -N --max-time 120 "$loc2" >"$sim_tmp/s2.ndjson" 2>/dev/null
complete_lines "$sim_tmp/s2.ndjson" >"$sim_tmp/s2.lines"
tap_ok "resumeSessionId replays from where the session was: the first line was already seen" \
	"$PY" -c 'import json, sys
old = [l for l in open(sys.argv[1]) if "heartbeat" not in l]
new = [l for l in open(sys.argv[2]) if "heartbeat" not in l]
assert new and new[0] in old, (len(new), len(old))' "$sim_tmp/s1.lines" "$sim_tmp/s2.lines"
tap_ok "and then delivers the events missed while away (the first two, in order)" \
	"$PY" -c 'import json, sys
old = set(json.loads(l)["payload"]["event"]["id"] for l in open(sys.argv[1]) if "heartbeat" not in l)
new = [json.loads(l)["payload"]["event"]["id"] for l in open(sys.argv[2]) if "heartbeat" not in l]
missed = open(sys.argv[3]).read().split()[:2]
fresh = list(dict.fromkeys(i for i in new if i not in old))
assert len(missed) == 2 and fresh[:2] == missed, (fresh, missed)' \
	"$sim_tmp/s1.lines" "$sim_tmp/s2.lines" "$sim_tmp/missed"
tap_ok "the resume is in the log" grep -q "session resumed" "$sim_tmp/sr.log"
curl -s -D "$sim_tmp/h4" -o /dev/null -H "x-api-key: $KEY" "$sub?resumeSessionId=no-such-session"
tap_ok "an unknown resumeSessionId still gets a (new) session" grep -q "^HTTP/1.1 302" "$sim_tmp/h4"
tap_ok "and the log says the resume was refused" grep -q "resume refused" "$sim_tmp/sr.log"

heartbeat_came() {   # heartbeat_came FILE
	test "$(push_heartbeats "$1")" -ge 1
}
tap_ok "a stream for another match stays open to its first heartbeat" \
	tap_wait_until 60 heartbeat_came "$sim_tmp/s5.ndjson"
kill "$s5_curl" 2>/dev/null
wait "$s5_curl"
tap_is "$(push_events "$sim_tmp/s5.ndjson")" 0 "match= another game carries no events"

# --- heartbeats (from the frozen server) ---
tap_wait_until 60 heartbeat_came "$sim_tmp/hb.ndjson"
kill "$hb_curl" 2>/dev/null
wait "$hb_curl"
complete_lines "$sim_tmp/hb.ndjson" >"$sim_tmp/hb.lines"
tap_ok "a quiet stream sends heartbeats every 5 s" \
	grep -qx '{"heartbeat":{"interval":5000}}' "$sim_tmp/hb.lines"
tap_is "$(grep -vc heartbeat "$sim_tmp/hb.lines")" 0 "and nothing else while the feed is frozen"

tap_ok "the log never shows the key or a token" sh -c \
	"! grep -q -e '$KEY' -e 'token=' -e 'sessionId=' $sim_tmp/sr.log $sim_tmp/hb.log"
tap_ok "every server stops cleanly on SIGTERM (status 0, no sanitizer report)" sim_stop_all
tap_done
