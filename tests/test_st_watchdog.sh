#!/bin/bash
# ShotTracker against courtside-sim when the network misbehaves (issue 14):
#  - a server that drops every socket after 5 frames, at speed 60, so that
#    now and then a socket gets only clock frames and the resume point stops
#    moving: connects stay under a few a second, and reconnects that made no
#    progress back off;
#  - a socket that accepts and never answers the upgrade: each attempt is
#    given up within its limit, and --headless exits 1 saying why.
# Every duration checked is one the client measured and logged itself.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
. "$top_srcdir/tests/net_common.sh"
[ -x "$SIM" ] && [ -x "$CS" ] && [ -x "$EQ" ] ||
	tap_skip_all "needs courtside, courtside-sim and tests/json_equal"

# --- the storm: drop=5 at speed 60 (most frames are clock frames, which
# carry no seq: five in a row are common, whatever the seed) ---
tap_ok "a server that drops every socket after 5 frames starts" \
	sim_start storm --provider shottracker --seed 23 --speed 60 --faults drop=5
# (not under timeout(1): the SIGTERM below is for courtside itself;
# --duration bounds it)
"$CS" --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" --game "$SIM_ST" \
	--headless --duration 90 --log "$t/storm.log" --export "$t/storm.json" \
	2>"$t/storm.err" &
cpid=$!
# run until the client waits over 1.5 s after a connection without progress
tap_ok "reconnects that made no progress back off (a wait over 1.5 s)" \
	wait_log "$t/storm.log" "; no progress; attempt [0-9]* in [1-9][0-9][0-9][0-9][0-9]* ms" 60
kill -TERM "$cpid"
wait "$cpid"
tap_is "$?" 0 "--headless stopped by SIGTERM exits 0 (it went live)"
connects=$(grep -c "shottracker: connecting to" "$t/storm.log")
peak=$(max_per_second "$t/storm.log" "shottracker: connecting to")
echo "# $connects connects, at most $peak in one second"
tap_ok "at most 5 connects in any one second ($peak)" test "$peak" -le 5
# a connection that made no progress never resets the backoff: each
# "no progress" attempt is the one before plus one, and waits no less
tap_ok "no progress never resets the backoff (attempts count on, waits grow)" \
	"$PY" - "$t/storm.log" <<'PYEOF'
import re, sys
prev = None
seen = 0
for m in re.finditer(r"; (no progress|progress); attempt (\d+) in (\d+) ms", open(sys.argv[1]).read()):
    kind, n, ms = m.group(1), int(m.group(2)), int(m.group(3))
    if kind == "no progress" and prev is not None:
        assert n == prev[0] + 1, (n, prev)
        assert ms >= prev[1] * 0.5 or ms >= 25000, (ms, prev)   # jitter, the 30 s cap
        seen += 1
    prev = (n, ms)
assert seen >= 2, seen
PYEOF
# the log grows with the run, not with the faults: under 1 KB a connect
# once the first catch-up (ten GETs and what they found) is logged
bytes=$(sed -n '/shottracker: caught up/,$p' "$t/storm.log" | wc -c)
tap_ok "the log stays small ($bytes bytes after the catch-up for $connects connects)" \
	test "$bytes" -lt $(( (connects + 1) * 1000 ))
kill "$SIM_PID" 2>/dev/null

# --- a socket that accepts and never answers the upgrade ---
"$PY" "$top_srcdir/tests/silent_server.py" "$t/silent.port" 90 >"$t/silent.out" &
silent_pid=$!
sim_pids="$sim_pids $silent_pid"
wait_log "$t/silent.port" "[0-9]" 10
silent=$(cat "$t/silent.port")
tap_ok "a frozen game serves the REST part" \
	sim_start rest --provider shottracker --seed 7 --speed 0 --start-at 2/6:00
st_client --ws-url "ws://127.0.0.1:$silent" --headless --duration 24 \
	--log "$t/silent.log" --export "$t/silent.json" 2>"$t/silent.err"
rc=$?
tap_ok "a run that never went live exits non-zero ($rc)" test "$rc" -ne 0
tap_is "$(wc -l <"$t/silent.err")" 1 "with one line on stderr"
tap_ok "naming why: $(head -c 160 "$t/silent.err")" \
	grep -q "never went live: no answer to the WebSocket upgrade within" "$t/silent.err"
v=$(all_under "$t/silent.log" "no answer to the WebSocket upgrade within ([0-9.]+) s: the connection is dead" 30)
tap_ok "every stalled upgrade is given up in under 30 s ($v)" \
	all_under "$t/silent.log" "no answer to the WebSocket upgrade within ([0-9.]+) s: the connection is dead" 30
tap_ok "and tried again ($(grep -c accepted "$t/silent.out") sockets accepted)" \
	test "$(grep -c accepted "$t/silent.out")" -ge 2
kill "$SIM_PID" "$silent_pid" 2>/dev/null
wait "$silent_pid" 2>/dev/null

tap_ok "every server stops cleanly" sim_stop_all
tap_done
