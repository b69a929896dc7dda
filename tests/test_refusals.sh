#!/bin/bash
# Errors no retry heals, against real local servers (issue 14): a
# self-signed certificate (made here) in front of courtside-sim, on the
# REST path (libcurl, both providers) and the WebSocket path
# (libwebsockets), and a ShotTracker upgrade refused with HTTP 403
# (tests/shottracker_fake_server.py ws403).  Each is refused with one line
# naming the cause, tried once only (the servers count the attempts), and
# a --headless run exits non-zero; with --cacert the same certificate works.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
. "$top_srcdir/tests/net_common.sh"
[ -x "$SIM" ] && [ -x "$CS" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"
command -v openssl >/dev/null || tap_skip_all "needs openssl"
"$PY" -c 'import websockets' 2>/dev/null || tap_skip_all "python3-websockets is needed"

# --- a self-signed certificate for 127.0.0.1, and a TLS front for the sim ---
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
	-keyout "$t/key.pem" -out "$t/cert.pem" 2>"$t/openssl.err"
tap_ok "a self-signed certificate is made" test -s "$t/cert.pem"
tap_ok "a frozen game" sim_start game --provider both --seed 5 --speed 0 --start-at 2/6:00
"$PY" "$top_srcdir/tests/tls_proxy.py" "$t/cert.pem" "$t/key.pem" "$SIM_PORT" \
	"$t/tls.port" 150 >"$t/tls.out" 2>"$t/tls.err" &
sim_pids="$sim_pids $!"
tap_ok "a TLS front for it starts" wait_log "$t/tls.port" "[0-9]" 30
tls=$(cat "$t/tls.port")
handshakes() { grep -c "^handshake" "$t/tls.out"; }

# refused NAME ARGS...: a headless run that must end refused, once
refused() {
	local name=$1 before
	shift
	before=$(handshakes)
	timeout 100 "$CS" "$@" --headless --duration 40 --log "$t/$name.log" \
		--export "$t/$name.json" 2>"$t/$name.err"
	rc=$?
	tap_ok "$name: refused, exit non-zero ($rc, not the timeout's 124)" \
		test "$rc" -ne 0 -a "$rc" -ne 124
	tap_is "$(wc -l <"$t/$name.err")" 1 "$name: one line on stderr"
	tap_ok "$name: naming the certificate: $(head -c 200 "$t/$name.err")" \
		grep -q -i "certificate" "$t/$name.err"
	tap_is "$(( $(handshakes) - before ))" 1 "$name: one connection only (not retried)"
}

refused st-rest --provider shottracker --base-url "https://127.0.0.1:$tls" --game "$SIM_ST"
refused sr-rest --provider sportradar --base-url "https://127.0.0.1:$tls" --game "$SIM_SR"
refused st-ws --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" --game "$SIM_ST" \
	--ws-url "wss://127.0.0.1:$tls"

# --- with --cacert, the same certificate is trusted ---
st_client --once --export "$t/plain.json" --log "$t/plain.log" 2>"$t/plain.err"
tap_is "$?" 0 "the game over plain HTTP"
timeout 100 "$CS" --provider shottracker --base-url "https://127.0.0.1:$tls" --game "$SIM_ST" \
	--cacert "$t/cert.pem" --once --export "$t/tls-rest.json" --log "$t/tls-rest.log" \
	2>"$t/tls-rest.err"
tap_is "$?" 0 "REST over TLS with --cacert works ($(head -c 160 "$t/tls-rest.err"))"
tap_ok "and reads the same game" "$EQ" "$t/plain.json" "$t/tls-rest.json"
timeout 100 "$CS" --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" \
	--game "$SIM_ST" --ws-url "wss://127.0.0.1:$tls" --cacert "$t/cert.pem" \
	--headless --duration 30 --log "$t/tls-ws.log" 2>"$t/tls-ws.err" &
cpid=$!
tap_ok "the WebSocket over TLS with --cacert goes live" wait_log "$t/tls-ws.log" "shottracker: live" 60
kill -TERM "$cpid"
wait "$cpid"
tap_is "$?" 0 "and ends cleanly"

# --- HTTP 403 on the ShotTracker upgrade ---
GAME=062a3726-3b0f-11eb-86c4-02420043683b
"$PY" "$top_srcdir/tests/shottracker_fake_server.py" "$top_srcdir/tests/data/shottracker" \
	"$t/ws403.log" U:S ws403 >"$t/ws403.out" 2>"$t/ws403.err" &
sim_pids="$sim_pids $!"
tap_ok "a server that refuses every upgrade with 403 starts" wait_log "$t/ws403.out" "^port " 60
port=$(sed -n 's/^port //p' "$t/ws403.out")
timeout 100 "$CS" --provider shottracker --base-url "http://127.0.0.1:$port" --game "$GAME" \
	--headless --duration 40 --log "$t/403.log" 2>"$t/403.err"
rc=$?
tap_ok "403 on the upgrade: exit non-zero ($rc, not 124)" test "$rc" -ne 0 -a "$rc" -ne 124
tap_is "$(wc -l <"$t/403.err")" 1 "one line on stderr"
tap_ok "naming the cause: $(head -c 240 "$t/403.err")" \
	grep -q "HTTP 403.*SHOTTRACKER_USERNAME" "$t/403.err"
tap_is "$(grep -c "^WS refused" "$t/ws403.log")" 1 "one upgrade only (not retried)"
tap_is "$(grep -c "_subscribe" "$t/ws403.log")" 1 "one subscription token only"

for p in $sim_pids; do   # the python servers first: SIGTERM is not their clean exit
	[ "$p" = "$SIM_PID" ] || { kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; }
done
sim_pids=$SIM_PID
tap_ok "every server stops cleanly" sim_stop_all
tap_done
