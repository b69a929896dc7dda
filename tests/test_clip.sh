#!/bin/bash
# The CLIP video action (issue 18; seeds page 001: PUT
# /v1/data/games/{event_id}/video/_action with {"action":"CLIP","start":MS,
# "end":MS}, "returns a url to the video clip"): the simulator answers a
# signed PUT with a URL beside its HLS files, refuses unsigned ones and
# signatures made for another method, and bad bodies with a clear 400.
# Then the real ShotTracker provider asks for a clip on its feed thread
# (tests/shottracker_client --clip) and gets the URL back through the queue.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
command -v curl >/dev/null && command -v openssl >/dev/null ||
	tap_skip_all "curl and openssl are needed"
CLIENT=$top_builddir/tests/shottracker_client

tap_ok "the simulator starts, signatures required" \
	sim_start st --require-auth "$ST_USER:$ST_SECRET" --speed 0 --start-ms 86400000 --seed 11
[ -n "$SIM_PORT" ] || tap_done
B=$sim_tmp/body
P=/v1/data/games/$SIM_ST/video/_action

# st_auth signs GET; the action's signature names PUT
put_auth() {   # put_auth METHOD DATE
	local sig
	sig=$(printf 'date: %s\nhost: 127.0.0.1:%s\n%s %s HTTP/1.1' "$2" "$SIM_PORT" "$1" "$P" |
	    openssl dgst -sha1 -hmac "$ST_SECRET" -binary | base64)
	printf 'hmac username="%s",algorithm="hmac-sha1",headers="date host request-line",signature="%s"' \
	    "$ST_USER" "$sig"
}
clip_put() {   # clip_put SIGNED_METHOD BODY: prints the status
	local date
	date=$(http_date)
	curl -s -o "$B" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
	    -H "Date: $date" -H "Authorization: $(put_auth "$1" "$date")" --data-binary "$2" \
	    "http://127.0.0.1:$SIM_PORT$P"
}

body='{"action":"CLIP","start":1663870476541,"end":1663870490000}'
tap_is "$(clip_put PUT "$body")" 200 "signed CLIP: 200"
tap_is "$(cat "$B")" \
	"{\"url\":\"https://video.courtside-sim.invalid/$SIM_ST/clips/1663870476541-1663870490000.mp4\"}" \
	"the clip's URL sits beside the game's HLS files"
code=$(curl -s -o "$B" -w '%{http_code}' -X PUT --data-binary "$body" "http://127.0.0.1:$SIM_PORT$P")
tap_is "$code" 401 "unsigned CLIP: 401"
tap_is "$(clip_put GET "$body")" 401 "a signature made for GET does not pass for PUT"
tap_is "$(clip_put PUT '{"action":"CLIP","start":5,"end":4}')" 400 "an end before the start: 400"
tap_ok "... with a message saying so" grep -q '"message":"Invalid clip span"' "$B"
tap_is "$(clip_put PUT '{"action":"DISCOVER_STREAMS"}')" 400 "another action: 400"
tap_is "$(clip_put PUT 'not json')" 400 "a body that is not JSON: 400"
tap_ok "... with a message saying so" grep -q '"message":"Invalid request body"' "$B"
date=$(http_date)
code=$(curl -s -m 60 -o "$B" -w '%{http_code}' -X PUT -H "Date: $date" \
	-H "Authorization: $(put_auth PUT "$date")" "http://127.0.0.1:$SIM_PORT$P")
tap_is "$code" 400 "a PUT without a body: 400 at once"
P=/v1/data/games/no-such-game/video/_action
tap_is "$(clip_put PUT "$body")" 404 "an unknown game: 404"

# --- the real provider, live: C's path without the terminal ---
tap_ok "a live game starts, signatures required" \
	sim_start live --require-auth "$ST_USER:$ST_SECRET" --speed 0 --start-ms 900000 --seed 11
"$CLIENT" "http://127.0.0.1:$SIM_PORT" "$SIM_ST" --clip --duration 120 \
	--log "$sim_tmp/client.log" >"$sim_tmp/client.out" 2>"$sim_tmp/client.err"
span=$(sed -n 's/^clip_span=//p' "$sim_tmp/client.out")
tap_ok "the client asked for a clip of a play's span" test -n "$span"
tap_is "$(sed -n 's/^clip=//p' "$sim_tmp/client.out")" \
	"https://video.courtside-sim.invalid/$SIM_ST/clips/$span.mp4" \
	"the clip's URL came back through the feed queue"
tap_ok "the request was a signed PUT, logged without a secret" \
	grep -q "shottracker: PUT http://127.0.0.1:$SIM_PORT/v1/data/games/$SIM_ST/video/_action -> 200" \
	"$sim_tmp/client.log"
# the span: the ShotTracker possession that holds the play, else 8 s
# before to 4 s after it (the live possession is not published yet); the
# game is frozen (--speed 0), so the possessions read are the ones it had
play=$(sed -n 's/^clip_play_ms=//p' "$sim_tmp/client.out")
tap_is "$(st_get "/v1/data/stats/games/$SIM_ST/possessions")" 200 "the possessions, signed: 200"
tap_ok "the span is the play's possession, or around the play when none holds it" \
	json_check "$B" "([('%d-%d' % (p['start_timestamp'], p['end_timestamp'])) for p in
	    d['possessions'] if p['start_timestamp'] <= $play <= p['end_timestamp']][:1] or
	    ['%d-%d' % ($play - 8000, $play + 4000)]) == ['$span']"

tap_ok "the simulators exit cleanly" sim_stop_all
tap_done
