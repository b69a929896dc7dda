#!/bin/sh
# Minutes add up (issue 17 item 8), against the simulator's own tally: in
# the ground truth of whole generated games, each team's players' seconds
# sum to exactly 5 x the game's length (14,400 for NBA regulation, 300 s
# more per overtime), and the client's live export equals that truth
# (tests/test_replay.sh), so the client's seconds add up too.
. "$top_srcdir/tests/tap.sh"
SIM=${SIM:-$top_builddir/courtside-sim}

command -v python3 >/dev/null || tap_skip_all "python3 is needed"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

sums() {   # sums FILE: "ok" when both teams sum to 5 x the game length
	python3 - "$1" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
for team in g["teams"]:
    n = len(team["periods"])
    length = sum(720 if i < 4 else 300 for i in range(n))
    got = sum(p["seconds"] for p in team["players"])
    if got != 5 * length:
        print("%s: %d, want %d" % (team["alias"], got, 5 * length))
        sys.exit(1)
print("ok")
PY
}

for seed in 1 2 3 4 5 11; do
	for prov in shottracker sportradar; do
		"$SIM" --seed "$seed" --print-truth "$prov" >"$t/truth.json" 2>/dev/null
		tap_is "$(sums "$t/truth.json")" ok "seed $seed $prov: seconds sum to 5 x the game"
	done
done
tap_done
