#!/bin/sh
# The ShotTracker provider on a real feed thread against a scripted server
# (tests/shottracker_fake_server.py): signed REST start-up, refusals with one
# clear line, and every recovery path of the socket (a dropped connection, a
# duplicate, a missing seq, close 4001, HTTP 401 on the upgrade, close 4002)
# ending with every play counted exactly once.
. "$top_srcdir/tests/tap.sh"

PY=/usr/bin/python3
CLIENT=$top_builddir/tests/shottracker_client
GAME=062a3726-3b0f-11eb-86c4-02420043683b
"$PY" -c 'import websockets' 2>/dev/null || tap_skip_all "python3-websockets is needed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/st-provider.XXXXXX")
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

start_server() {
	local i
	: >"$tmp/server.log"
	"$PY" "$top_srcdir/tests/shottracker_fake_server.py" "$top_srcdir/tests/data/shottracker" \
	    "$tmp/server.log" U:S >"$tmp/server.out" 2>"$tmp/server.err" &
	server_pid=$!
	for i in $(seq 1 600); do   # ~60 s: a safety net for a busy machine
		port=$(sed -n 's/^port //p' "$tmp/server.out")
		[ -n "$port" ] && return 0
		sleep 0.1
	done
	return 1
}

field() {   # field NAME FILE
	sed -n "s/^$1=//p" "$2"
}

tap_ok "the scripted server starts" start_server

# --- REST: --once, and the refusals ---
SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S "$CLIENT" "http://127.0.0.1:$port/" "$GAME" \
	--once --log "$tmp/once.log" >"$tmp/once.out"
tap_is "$?" 0 "--once ends"
tap_is "$(field end "$tmp/once.out") $(field caught_up "$tmp/once.out")" "ENDED 1" "caught up, then ended"
tap_is "$(field points "$tmp/once.out")" "4-4" "the catch-up's score"
tap_is "$(field home "$tmp/once.out")/$(field away "$tmp/once.out")" "Home Team/Away Team" \
	"both rosters (team ids from the game event)"
tap_is "$(grep -c '^REST ' "$tmp/server.log")" 10 \
	"ten signed GETs: game, two rosters, lineups, catch-up in two, videos, presence, lineups at a time, sensors"
# issue 20: the catch-up in two documents, each freed before the next,
# so that no one body holds the whole game; no shots (details say it all)
tap_is "$(sed -n 's|^REST /v1/data/stats/games/[^/]*/||p' "$tmp/server.log" | tr '\n' ' ')" \
	"stats,details possessions videos stats/presence " \
	"the catch-up: plays first, then possessions, then videos, then presence"
tap_ok "no _subscribe with --once" sh -c '! grep -q _subscribe "$1"' - "$tmp/server.log"

SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=Wr0ng-Secret-XYZ "$CLIENT" "http://127.0.0.1:$port" \
	"$GAME" --once --log "$tmp/bad.log" >"$tmp/bad.out"
tap_ok "a wrong secret fails" [ "$?" -ne 0 ]
tap_is "$(field message "$tmp/bad.out")" \
	"ShotTracker refused the request signature (HTTP 401: HMAC signature does not match, request id req-401) — check SHOTTRACKER_SECRET and the system clock" \
	"the refused signature, in one line"
tap_ok "neither the secret nor a signature is logged" \
	sh -c '! grep -q -e Wr0ng-Secret-XYZ -e "signature=" "$@"' - "$tmp/bad.log" "$tmp/bad.out" "$tmp/once.log"

SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S "$CLIENT" "http://127.0.0.1:$port" \
	nope --once >"$tmp/nogame.out"
tap_ok "an unknown game fails" [ "$?" -ne 0 ]
tap_is "$(field message "$tmp/nogame.out")" \
	"ShotTracker: game not found (HTTP 404: Invalid id, request id 0f0f0f0f-1111-2222-3333-444444444444) — check --game" \
	"not found, with shottrackerRequestId"

SHOTTRACKER_USERNAME= SHOTTRACKER_SECRET= "$CLIENT" "http://127.0.0.1:$port" \
	"$GAME" --once >"$tmp/nocred.out"
tap_ok "no credentials fails" [ "$?" -ne 0 ]
tap_ok "naming both variables" grep -q "SHOTTRACKER_USERNAME and SHOTTRACKER_SECRET" "$tmp/nocred.out"

# --- live: every recovery path, in one game ---
: >"$tmp/server.log"
SHOTTRACKER_USERNAME=U SHOTTRACKER_SECRET=S "$CLIENT" "http://127.0.0.1:$port" "$GAME" \
	--duration 300 --log "$tmp/live.log" --record "$tmp/live.cap" >"$tmp/live.out"
tap_is "$?" 0 "the live run ends at GAME_END"
tap_is "$(field end "$tmp/live.out")" ENDED "ENDED, not failed or timed out"
tap_is "$(field points "$tmp/live.out")" "28-4" \
	"twelve streamed plays counted once each through every fault (4 + 24)"
tap_is "$(field warnings "$tmp/live.out")" 0 "no warnings"
got=$(sed -n 's/^WS \(conn=[0-9]* \)\{0,1\}\(refused-once \)\{0,1\}last_seq=\([0-9a-z]*\)$/\3/p' \
	"$tmp/server.log" | tr '\n' ' ')
tap_is "$got" "none 3 3 7 7 none " \
	"resume points: 3 after the drop, 3 again for the missing 4, 7 after the refusals, none after 4002"
tap_ok "a missing seq is refetched" grep -q "seq 4 is missing; refetching" "$tmp/live.log"
tap_is "$(grep -c _subscribe "$tmp/server.log")" 3 "close 4001 and the 401 upgrade each renew the token"
tap_is "$(sed -n '/WS conn=4 closed/,$p' "$tmp/server.log" | grep -c 'stats,details$')" 1 \
	"close 4002 runs the catch-up again"
tap_ok "the percent-encoded token was accepted every time" \
	sh -c '! grep -q "WS refused token" "$1"' - "$tmp/server.log"
got=$(sed -n 's/.*(the subscription token was refused); .* in \([0-9]*\) ms.*/\1/p' \
	"$tmp/live.log" | sed 's/^0$/at once/; s/^[1-9][0-9]*$/backing off/' | tr '\n' ' ')
tap_is "$got" "at once backing off " \
	"a token the server no longer takes is renewed at once, a fresh one refused backs off"
tap_is "$(grep -c 'shottracker: reconnect [0-9]' "$tmp/live.log")" 5 "five reconnects logged"
tap_ok "the token is never logged" sh -c '! grep -q "tok/" "$1"' - "$tmp/live.log"

# --- the capture of that run replays to the same model ---
"$CLIENT" --replay-check "$tmp/live.cap" >"$tmp/replay.out"
tap_is "$(field points "$tmp/replay.out") $(field events "$tmp/replay.out")" \
	"$(field points "$tmp/live.out") $(field events "$tmp/live.out")" \
	"the recorded messages rebuild the same score and events"
tap_ok "the capture holds neither the token nor the secret" \
	sh -c '! grep -a -q -e "tok/" -e "signature" "$1"' - "$tmp/live.cap"

tap_done
