#!/bin/sh
# courtside-sim's ShotTracker side, seen by third-party clients: curl with
# signatures computed by openssl, and python3-websockets on the socket.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null && command -v openssl >/dev/null ||
	tap_skip_all "curl and openssl are needed"
"$PY" -c 'import websockets' 2>/dev/null || tap_skip_all "python3-websockets is needed"

tap_ok "starts with --require-auth and prints its port and ids" \
	sim_start st --require-auth "$ST_USER:$ST_SECRET" --speed 20 --start-at 2/6:00 --seed 5
[ -n "$SIM_PORT" ] || { tap_done; }
port=$SIM_PORT
B=$sim_tmp/body

# --- HMAC (shottracker-api.md section 1, Kong's answers) ---
code=$(st_get "/v1/data/games/$SIM_ST")
tap_is "$code" 200 "a signed GET of the game event gets 200"
tap_ok "the body is the game event with its id" json_check "$B" "d['id'] == '$SIM_ST'"
cp "$B" "$sim_tmp/event.json"

path=/v1/data/games/$SIM_ST
date=$(http_date)
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: $date" \
	-H "Authorization: $(st_auth wrong-secret "$ST_USER" "$path" "$date")" "http://127.0.0.1:$port$path")
tap_is "$code $(cat "$B")" '401 {"message":"HMAC signature does not match"}' \
	"a wrong signature gets 401, signature does not match"
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: $date" \
	-H "Authorization: $(st_auth "$ST_SECRET" someone-else "$path" "$date")" "http://127.0.0.1:$port$path")
tap_is "$code $(cat "$B")" '401 {"message":"HMAC signature does not match"}' \
	"an unknown user gets 401, signature does not match"
datemsg='{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}'
code=$(curl -s -o "$B" -w '%{http_code}' \
	-H "Authorization: $(st_auth "$ST_SECRET" "$ST_USER" "$path" "$date")" "http://127.0.0.1:$port$path")
tap_is "$code $(cat "$B")" "401 $datemsg" "a missing date gets 401 with Kong's date message"
old=$(http_date -600)
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: $old" \
	-H "Authorization: $(st_auth "$ST_SECRET" "$ST_USER" "$path" "$old")" "http://127.0.0.1:$port$path")
tap_is "$code $(cat "$B")" "401 $datemsg" "a date 10 minutes off (signed) gets 401 with the date message"
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: not a date" \
	-H "Authorization: $(st_auth "$ST_SECRET" "$ST_USER" "$path" "not a date")" "http://127.0.0.1:$port$path")
tap_is "$code $(cat "$B")" "401 $datemsg" "a malformed date gets the date message"
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: $date" "http://127.0.0.1:$port$path")
tap_is "$code $(cat "$B")" '401 {"message":"Unauthorized"}' "no Authorization gets 401 Unauthorized"
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: $date" -H "Authorization: Basic dTpz" \
	"http://127.0.0.1:$port$path")
tap_is "$code" 401 "a non-hmac Authorization gets 401"

# the query is not signed
code=$(st_get "/v1/data/games/$SIM_ST/lineups?timestamp=1700000000000")
tap_is "$code" 200 "a query string is not signed: signing the path alone works"
tap_ok "lineups come back as a list" json_check "$B" "isinstance(d['lineups'], list)"
lpath="/v1/data/games/$SIM_ST/lineups?timestamp=1700000000000"
code=$(curl -s -o "$B" -w '%{http_code}' -H "Date: $date" \
	-H "Authorization: $(printf 'hmac username="%s",algorithm="hmac-sha1",headers="date host request-line",signature="%s"' \
	    "$ST_USER" "$(printf 'date: %s\nhost: 127.0.0.1:%s\nGET %s HTTP/1.1' "$date" "$port" "$lpath" |
	    openssl dgst -sha1 -hmac "$ST_SECRET" -binary | base64)")" "http://127.0.0.1:$port$lpath")
tap_is "$code" 401 "a signature over path and query does not match"
code=$(st_get "/v1/data/games/$SIM_ST/lineups")
tap_is "$code" 200 "the lineup history without timestamp"

# --- errors (section 6) ---
code=$(st_get "/v1/data/games/00000000-0000-0000-0000-000000000000")
tap_is "$code" 404 "an unknown event id gets 404"
tap_ok "in the ShotTracker error shape" json_check "$B" \
	"d['status'] == 404 and d['message'] == 'Invalid id' and len(d['shottrackerRequestId']) == 36"
rid=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["shottrackerRequestId"])' "$B")
tap_ok "the request id is also a response header" grep -qi "^x-request-id: $rid" "$sim_tmp/headers"
code=$(st_get "/v1/data/nothing/here")
tap_is "$code" 404 "an unknown path gets 404"

# --- rosters, catch-up, subscribe (section 2) ---
home=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["home_team_id"])' "$sim_tmp/event.json")
away=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["away_team_id"])' "$sim_tmp/event.json")
code=$(st_get "/v1/data/teams/$home,SHOTTRACKER")
tap_is "$code" 200 "the home roster with ,SHOTTRACKER"
tap_ok "is JSON" json_check "$B" "isinstance(d, (dict, list))"
code=$(st_get "/v1/data/teams/$away")
tap_is "$code" 200 "the away roster without ,SHOTTRACKER"
code=$(st_get "/v1/data/teams/999999,SHOTTRACKER")
tap_is "$code" 404 "an unknown team gets 404"
code=$(st_get "/v1/data/stats/games/$SIM_ST/stats,details,shots,possessions")
tap_is "$code" 200 "the catch-up call"
tap_ok "carries the four resources" json_check "$B" \
	"all(isinstance(d[k], list) for k in ('stats', 'details', 'shots', 'possessions'))"
for r in stats details shots possessions; do
	code=$(st_get "/v1/data/stats/games/$SIM_ST/$r")
	tap_ok "the $r resource alone" json_check "$B" "$code == 200 and '$r' in d"
done
code=$(st_get "/v1/data/stats/games/$SIM_ST/stats,bogus")
tap_is "$code" 400 "an unknown resource is refused"
code=$(st_get "/v1/data/schedule/games/$SIM_ST/_subscribe")
tap_is "$code" 200 "_subscribe"
tap_ok "gives a token and a future expires_at" json_check "$B" \
	"isinstance(d['token'], str) and len(d['token']) >= 16 and d['expires_at'] > $(date +%s)000"
token=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$B")
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/data/schedule/games/$SIM_ST/_subscribe")
tap_is "$code" 401 "_subscribe unsigned gets 401"

# --- the Live Data V2 socket (section 4) ---
r=$(ws_client "token=$token" --max 400 --timeout 120)
tap_is "$(jget "$r" "d['ended']")" max "the socket replays from the start (400 frames)"
tap_is "$(jget "$r" "d['json'] == d['frames'] and d['envelope_bad'] == 0")" True \
	"every frame is one JSON object in the section 4 envelope"
tap_is "$(jget "$r" "d['increasing'] and len(d['seqs']) > 50 and d['duplicates'] == 0")" True \
	"seq is strictly increasing"
tap_is "$(jget "$r" "d['seqs'][0]")" 1 "the replay starts at seq 1"
k=$(jget "$r" "d['seqs'][len(d['seqs']) // 2]")
next=$(jget "$r" "d['seqs'][len(d['seqs']) // 2 + 1]")
r2=$(ws_client "token=$token&last_seq=$k" --max 60 --timeout 120)
tap_is "$(jget "$r2" "min(d['seqs']) > $k")" True "last_seq=$k resumes with later seqs only"
tap_is "$(jget "$r2" "d['seqs'][0]")" "$next" "and picks up right after it"
r3=$(ws_client "token=$token&source=clock" --max 30 --timeout 120)
tap_is "$(jget "$r3" "list(d['sources']) == ['clock'] and d['frames'] == 30 and d['seqs'] == []")" True \
	"source=clock sends clock frames only, without seq"
r4=$(ws_client "token=$token&last_seq=999999999" --ping --until-pong --timeout 120)
tap_is "$(jget "$r4" "d['pongs']")" 1 'a text "ping" is answered with "pong"'
r5=$(ws_client "token=not-a-token" --timeout 120)
tap_is "$(jget "$r5" "d['refused']")" 401 "a bad token is refused with 401"
r5=$(ws_client "source=details" --timeout 120)
tap_is "$(jget "$r5" "d['refused']")" 401 "no token is refused with 401"
r5=$(ws_client "token=$token&last_seq=abc" --timeout 120)
tap_is "$(jget "$r5" "d['refused']")" 400 "a bad last_seq is refused with 400"

# --- robustness ---
"$PY" - "$port" >"$sim_tmp/robust" 2>&1 <<'EOF'
import socket, sys
port = int(sys.argv[1])
def ask(data):
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    try:
        s.sendall(data)
        return s.recv(200)
    except OSError:
        return b""
    finally:
        s.close()
print("big-header", ask(b"GET /v1/data/games/x HTTP/1.1\r\nHost: h\r\nX-Big: " +
                        b"a" * 9000 + b"\r\n\r\n")[:12])
print("big-url", ask(b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: h\r\n\r\n")[:12])
print("garbage", ask(b"\x00\x01\xff\xfe garbage\r\n\r\n")[:12])
print("post", ask(b"POST /v1/data/games/x HTTP/1.1\r\nHost: h\r\n"
                  b"Content-Length: 3\r\n\r\nabc")[:12])
EOF
tap_ok "requests over 8 KB get no answer but a refusal" sh -c \
	"! grep -q \"big-header b'HTTP/1.1 200\" $sim_tmp/robust && ! grep -q \"big-url b'HTTP/1.1 200\" $sim_tmp/robust"
tap_ok "a POST gets 405" grep -q "post b'HTTP/1.1 405" "$sim_tmp/robust"
"$PY" - "$port" >"$sim_tmp/cap" 2>&1 <<'EOF'
import socket, sys, time
port = int(sys.argv[1])
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(300)]
time.sleep(0.3)   # not a check: lets the server meet all 300 first
answered = 0
for s in socks:
    s.settimeout(10)
    try:
        s.sendall(b"GET /none HTTP/1.1\r\nHost: h\r\n\r\n")
        if s.recv(12).startswith(b"HTTP/1.1 404"):
            answered += 1
    except OSError:
        pass
for s in socks:
    s.close()
print(answered)
EOF
served=$(cat "$sim_tmp/cap")
# the cap is 256 sockets; idle ones make room for new ones (test_sim_idle.sh)
tap_ok "of 300 idle connections at once at most 256 stay to be served ($served)" \
	sh -c "[ '$served' -ge 1 ] && [ '$served' -le 256 ]"
# the 300 connections are gone once a request is served again
served() { [ "$(st_get "/v1/data/games/$SIM_ST")" = 200 ]; }
tap_wait_until 60 served
tap_ok "300 rounds of malformed requests and frames leave it standing" \
	"$PY" "$top_srcdir/tests/sim_fuzz.py" "$port" "$token" "$SIM_ST" 300
code=$(st_get "/v1/data/games/$SIM_ST")
tap_is "$code" 200 "the server still answers afterwards"

# --- the log: one line per request, never a secret ---
log=$sim_tmp/st.log
tap_ok "the request log has method, path and status" \
	grep -q "GET /v1/data/games/$SIM_ST 200" "$log"
tap_ok "the log never shows a token, a signature or the secret" sh -c \
	"! grep -q -e '$token' -e 'signature' -e 'hmac' -e 'token=' -e 'Authorization' '$log'"

kill -TERM "$SIM_PID"
tap_ok "SIGTERM stops it" tap_wait_until 60 sh -c "! kill -0 $SIM_PID 2>/dev/null"
wait "$SIM_PID"
tap_is "$?" 0 "and it exits 0"
tap_ok "no sanitizer report" sim_stop_all
tap_done
