# Helpers of the tests that break the network on purpose (issue 14):
# sourced after tests/sim_common.sh and client_setup.

st_client() {   # st_client ARGS...: courtside as the ShotTracker client
	timeout 300 "$CS" --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" \
	    --game "$SIM_ST" "$@"
}

# wait_log FILE PATTERN SECONDS: true once FILE holds PATTERN
wait_log() {
	local i
	for i in $(seq 1 $(($3 * 10))); do
		grep -q -e "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# max_per_second FILE PATTERN: the most lines matching PATTERN whose log
# timestamps fall within any one second
max_per_second() {
	"$PY" - "$1" "$2" <<'PYEOF'
import re, sys, datetime
ts = []
for line in open(sys.argv[1]):
    if sys.argv[2] in line:
        t = datetime.datetime.strptime(line[:23], "%Y-%m-%dT%H:%M:%S.%f")
        ts.append(t.timestamp())
best, j = 0, 0
for i in range(len(ts)):
    while ts[i] - ts[j] >= 1.0:
        j += 1
    best = max(best, i - j + 1)
print(best)
PYEOF
}

# all_under FILE REGEX LIMIT: every number captured by REGEX is below LIMIT
# (and there is at least one)
all_under() {
	"$PY" - "$@" <<'PYEOF'
import re, sys
vals = [float(m.group(1)) for m in re.finditer(sys.argv[2], open(sys.argv[1]).read())]
print(" ".join("%g" % v for v in vals))
sys.exit(0 if vals and max(vals) < float(sys.argv[3]) else 1)
PYEOF
}
