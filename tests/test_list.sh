#!/bin/sh
# courtside --list against courtside-sim --games 8: both providers'
# schedules (ShotTracker's signed), one line per game beginning with its
# id, --export-format json, --team, --date, and the failures in one line.
# Tip-offs are minutes apart: a night that crosses midnight is read as
# today plus tomorrow.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"
client_setup

"$SIM" --games 8 --seed 40 --print-ids >"$t/ids" 2>/dev/null
tap_is "$(wc -l <"$t/ids" | tr -d ' ')" 8 "courtside-sim --games 8 --print-ids: eight games"
sed -n 's/^shottracker=\([^ ]*\) .*/\1/p' "$t/ids" | sort >"$t/st.want"
sed -n 's/.* sportradar=\(.*\)$/\1/p' "$t/ids" | sort >"$t/sr.want"

sim_start night --games 8 --seed 40 --speed 0 --start-ms 120000 --require-auth U:S ||
    tap_skip_all "courtside-sim did not start"
base=http://127.0.0.1:$SIM_PORT
today=$(date +%Y-%m-%d)
tomorrow=$($PY -c 'import datetime; print(datetime.date.today() + datetime.timedelta(days=1))')

list() {   # list PROVIDER OUT [ARGS...]: today's and tomorrow's lines into OUT
	p=$1 out=$2
	shift 2
	"$CS" --provider "$p" --base-url "$base" --list "$@" >"$out" 2>"$out.err" &&
	    "$CS" --provider "$p" --base-url "$base" --list --date "$tomorrow" "$@" \
	    >>"$out" 2>>"$out.err"
}

for p in shottracker sportradar; do
	s=st; [ $p = sportradar ] && s=sr
	list $p "$t/$s.out"
	tap_is "$?" 0 "$p: --list exits 0"
	tap_is "$(wc -l <"$t/$s.out" | tr -d ' ')" 8 "$p: one line per game"
	cut -d' ' -f1 "$t/$s.out" | sort >"$t/$s.got"
	tap_ok "$p: each line begins with a game's id" cmp -s "$t/$s.got" "$t/$s.want"
	tap_ok "$p: then the tip-off, the teams and a status" \
	    grep -Eq '^[^ ]+  [0-9][0-9]:[0-9][0-9]  .+ at .+  [A-Za-z]+  ' "$t/$s.out"
	tap_is "$(cat "$t/$s.out.err")" "" "$p: nothing on stderr"
done
for s in st sr; do
	tap_is "$(awk -F'  ' '{ n = split($3, tm, " at "); for (i = 1; i <= n; i++) print tm[i] }' \
	    "$t/$s.out" | sort -u | wc -l | tr -d ' ')" 16 \
	    "$s: sixteen teams in eight games, none playing twice"
done
tap_ok "sportradar: the game under way has its score" \
    grep -Eq '  inprogress  [0-9]+-[0-9]+$' "$t/sr.out"
tap_ok "sportradar: a game not yet started has none" grep -Eq '  scheduled  -$' "$t/sr.out"
tap_ok "the simulator verified the signed schedule requests" \
    grep -q 'GET /v1/data/schedule/games 200' "$sim_tmp/night.log"

"$CS" --provider sportradar --base-url "$base" --list --date "$today" \
    --export-format json >"$t/sr.json" 2>/dev/null
tap_ok "--export-format json: one document with the day's games" json_check "$t/sr.json" \
    "d['provider'] == 'sportradar' and d['date'] == '$today' and \
     all(g['id'] and g['home']['name'] and g['away']['alias'] for g in d['games'])"
team=$(sed -n '1s/.*  \([A-Z]*\) at .*/\1/p' "$t/sr.out")
list sportradar "$t/team.out" --team "$team"
tap_is "$(wc -l <"$t/team.out" | tr -d ' ')" 1 "--team $team: that team's game only"
"$CS" --provider shottracker --base-url "$base" --list --date 2001-01-01 >"$t/old.out" 2>&1
tap_ok "--date of another day: no games, exit 0" sh -c "[ $? -eq 0 ] && [ ! -s '$t/old.out' ]"

SHOTTRACKER_SECRET=wrong-secret "$CS" --provider shottracker --base-url "$base" --list \
    >"$t/bad.out" 2>"$t/bad.err"
tap_is "$?" 1 "a wrong secret: exit 1"
tap_is "$(wc -l <"$t/bad.err" | tr -d ' ')" 1 "in one line"
tap_ok "naming the credentials" grep -q "SHOTTRACKER_SECRET" "$t/bad.err"
tap_ok "the secret is never printed" sh -c "! grep -q wrong-secret '$t/bad.err' '$t/bad.out'"
SPORTRADAR_API_KEY=nope "$CS" --provider sportradar --base-url "$base" --list \
    >"$t/bad.out" 2>"$t/bad.err"
tap_is "$?" 1 "a wrong API key: exit 1"
tap_ok "the key is never printed" sh -c "! grep -q nope '$t/bad.err' '$t/bad.out'"
"$CS" --provider sportradar --base-url http://127.0.0.1:$(tap_free_port) --list \
    >"$t/bad.out" 2>"$t/bad.err"
tap_is "$?" 1 "nobody listening: exit 1"
tap_is "$(wc -l <"$t/bad.err" | tr -d ' ')" 1 "in one line"


# A schedule's passing failure is tried again, as every other request of a
# run is: one 503 ended --list (and a night's --all: exit 1, no game
# followed).  The simulator's 5xx draws are fixed by its seed: with seed
# 70 its first and third requests answer 5xx, the second and fourth do not.
"$CS" --provider shottracker --base-url "$base" --list >"$t/st.today" 2>/dev/null
"$CS" --provider sportradar --base-url "$base" --list >"$t/sr.today" 2>/dev/null
sim_start flaky --games 8 --seed 40 --speed 0 --start-ms 120000 --require-auth U:S \
    --faults 5xx=0.5,seed=70 || tap_skip_all "courtside-sim did not start"
for p in shottracker sportradar; do
	s=st; [ $p = sportradar ] && s=sr
	"$CS" --provider $p --base-url "http://127.0.0.1:$SIM_PORT" --list \
	    --log "$t/$s.flaky.log" >"$t/$s.flaky" 2>"$t/$s.flaky.err"
	tap_is "$?" 0 "$p: a schedule that answered 5xx once: --list exits 0"
	tap_ok "$p: ... with the day's games" cmp -s "$t/$s.flaky" "$t/$s.today"
	tap_ok "$p: ... having been told 5xx and tried again" \
	    grep -q "schedule: GET .*trying again (attempt 2 of 3)" "$t/$s.flaky.log"
done
tap_is "$(grep -c 'fault: 5xx' "$sim_tmp/flaky.log")" 2 "the simulator answered 5xx twice"
tap_ok "the simulator exits cleanly" sim_stop_all
tap_done
