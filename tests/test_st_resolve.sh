#!/bin/bash
# ShotTracker when the WebSocket host's name never resolves (issue 14):
# the lookup goes (through the test hook CS_TEST_DNS_SERVER) to a loopback
# DNS server that never answers.  Each connect gives the lookup up within
# the connect limit, logs why, backs off and tries again; the run ends on
# time (--duration) while a lookup hangs, and --headless, never live, exits
# non-zero naming the host.  The durations checked are the client's own.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
. "$top_srcdir/tests/net_common.sh"
[ -x "$SIM" ] && [ -x "$CS" ] || tap_skip_all "needs courtside and courtside-sim"

# a DNS server that reads every question and never answers
"$PY" - "$t/dns.port" 120 >"$t/dns.out" <<'PYEOF' &
import os, socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d\n" % s.getsockname()[1])
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
s.settimeout(0.5)
end = time.monotonic() + float(sys.argv[2])
while time.monotonic() < end:
    try:
        s.recvfrom(512)
        print("question", flush=True)
    except socket.timeout:
        pass
PYEOF
dns_pid=$!
sim_pids="$sim_pids $dns_pid"
tap_ok "a DNS server that never answers starts" wait_log "$t/dns.port" "[0-9]" 30
dns=$(cat "$t/dns.port")

tap_ok "a frozen game serves the REST part" \
	sim_start rest --provider shottracker --seed 7 --speed 0 --start-at 2/6:00
# timeout(1) only catches a hang: a lookup left blocking would hold the
# exit for its 60 s, past the bound
CS_TEST_DNS_SERVER=127.0.0.1:$dns timeout 55 "$CS" --provider shottracker \
	--base-url "http://127.0.0.1:$SIM_PORT" --game "$SIM_ST" \
	--ws-url "ws://never.courtside.test:$SIM_PORT" --headless --duration 26 \
	--log "$t/dns.log" --export "$t/dns.json" 2>"$t/dns.err"
rc=$?
tap_ok "the run ends by its --duration while a lookup hangs (exit $rc, not 124)" \
	test "$rc" -ne 124
tap_ok "a run that never went live exits non-zero ($rc)" test "$rc" -ne 0
tap_is "$(wc -l <"$t/dns.err")" 1 "with one line on stderr"
tap_ok "naming the host: $(head -c 160 "$t/dns.err")" \
	grep -q "never went live: could not resolve never.courtside.test within" "$t/dns.err"
tap_ok "the questions went to the test server ($(grep -c question "$t/dns.out"))" \
	test "$(grep -c question "$t/dns.out")" -ge 1
tap_ok "the client backs off and tries again (2 lookups given up or more)" \
	test "$(grep -c "shottracker: could not resolve never.courtside.test" "$t/dns.log")" -ge 2
tap_ok "each time with a backoff that counts on" \
	grep -q "reconnect [0-9]* (could not resolve never.courtside.test within 10.0 s); no progress; attempt 2 in" "$t/dns.log"
kill "$SIM_PID" "$dns_pid" 2>/dev/null
wait "$dns_pid" 2>/dev/null

tap_ok "every server stops cleanly" sim_stop_all
tap_done
