#!/bin/sh
# courtside-sim's command line: usage errors, offline printing, providers,
# --quiet, and what never reaches the log.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"

usage() {   # usage ARGS...: exits 2 with one line on stderr, nothing on stdout
	"$SIM" "$@" >"$sim_tmp/u.out" 2>"$sim_tmp/u.err"
	[ $? -eq 2 ] && [ ! -s "$sim_tmp/u.out" ] && [ "$(wc -l <"$sim_tmp/u.err")" -eq 1 ] &&
	    grep -q '^courtside-sim: ' "$sim_tmp/u.err"
}

tap_ok "--help prints the usage and exits 0" sh -c "'$SIM' --help | grep -q 'usage: courtside-sim'"
tap_ok "--version" sh -c "'$SIM' --version | grep -Eq '^courtside-sim [0-9]'"
tap_ok "an unknown option: exit 2, one line" usage --frobnicate
tap_ok "a missing value: exit 2" usage --port
tap_ok "--port 70000: exit 2" usage --port 70000
tap_ok "--port abc: exit 2" usage --port abc
tap_ok "--speed -1: exit 2" usage --speed -1
tap_ok "--provider espn: exit 2" usage --provider espn
tap_ok "--seed x: exit 2" usage --seed x
tap_ok "--faults bogus=1: exit 2" usage --faults bogus=1
tap_ok "--faults drop=0: exit 2" usage --faults drop=0
tap_ok "--start-at Q9/1:00: exit 2" usage --start-at Q9/1:00
tap_ok "--start-at 2/xx: exit 2" usage --start-at 2/xx
tap_ok "--start-at with --start-ms: exit 2" usage --start-at 2/1:00 --start-ms 5
tap_ok "--seed with --capture: exit 2" usage --seed 3 --capture x.cap
tap_ok "--at without --print-truth: exit 2" usage --at end
tap_ok "--games 0: exit 2" usage --games 0
tap_ok "--games 17: exit 2" usage --games 17
tap_ok "--games with --capture: exit 2" usage --games 3 --capture x.cap
tap_ok "--games 3 --print-ids: three games" sh -c "'$SIM' --games 3 --print-ids | wc -l | grep -qx 3"
tap_ok "--print-truth espn: exit 2" usage --print-truth espn
tap_ok "a stray argument: exit 2" usage extra
tap_ok "--capture with --halves: exit 2" usage --halves --capture x.cap
tap_ok "--capture with --print-truth: exit 2" usage --print-truth sportradar --capture x.cap
"$SIM" --port 0 --capture "$sim_tmp/none.cap" >/dev/null 2>"$sim_tmp/u.err"
tap_is "$?" 1 "--capture of a missing file: exit 1"
tap_ok "with one line naming the file" sh -c \
	"test \$(wc -l <'$sim_tmp/u.err') -eq 1 && grep -q 'none.cap' '$sim_tmp/u.err'"
"$SIM" --provider "$(printf 'x\033[2Jy')" >"$sim_tmp/esc" 2>&1
tap_ok "an escape sequence in an argument is not echoed" sh -c \
	"grep -q 'unknown provider' '$sim_tmp/esc' && ! grep -q \"\$(printf '\\033')\" '$sim_tmp/esc'"

ids=$("$SIM" --print-ids --seed 4)
tap_ok "--print-ids names both games" sh -c \
	"echo '$ids' | grep -Eq '^shottracker=[^ ]+ sportradar=[^ ]+\$'"
tap_is "$("$SIM" --print-ids --seed 4)" "$ids" "the same seed gives the same ids"
tap_ok "another seed gives another game" sh -c "[ \"\$('$SIM' --print-ids --seed 5)\" != '$ids' ]"
sr=$(echo "$ids" | sed 's/.*sportradar=//')
"$SIM" --seed 4 --print-truth sportradar >"$sim_tmp/end.json"
tap_ok "--print-truth sportradar prints the export JSON of this game" json_check "$sim_tmp/end.json" \
	"d['game']['provider'] == 'sportradar' and d['game']['id'] == '$sr' and len(d['teams']) == 2"
"$SIM" --seed 4 --print-truth shottracker --at 2/0:00 >"$sim_tmp/half.json"
tap_ok "--print-truth shottracker --at 2/0:00" json_check "$sim_tmp/half.json" \
	"d['game']['provider'] == 'shottracker' and len(d['teams']) == 2"
tap_ok "halftime points are at most the final points" "$PY" -c 'import json, sys
h = json.load(open(sys.argv[1])); e = json.load(open(sys.argv[2]))
hp = sorted(t["points"] for t in h["teams"]); ep = sorted(t["points"] for t in e["teams"])
assert sum(hp) <= sum(ep) and sum(hp) > 0, (hp, ep)' "$sim_tmp/half.json" "$sim_tmp/end.json"

# providers
tap_ok "--provider shottracker starts at a period and clock" \
	sim_start sto --provider shottracker --start-at Q3/7:21 --quiet
tap_is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SIM_PORT/v1/data/games/$SIM_ST")" 200 \
	"it serves ShotTracker"
tap_is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SIM_PORT/nba/trial/v8/en/games/$SIM_SR/pbp.json")" 404 \
	"and not Sportradar"
tap_ok "--quiet: no request log" sh -c "! grep -q 'GET ' '$sim_tmp/sto.log'"
tap_ok "the start line is flushed at once, with the address" \
	grep -q "^courtside-sim: listening on 127.0.0.1:$SIM_PORT shottracker=$SIM_ST sportradar=$SIM_SR\$" \
	"$sim_tmp/sto.out"

tap_ok "--bind 127.0.0.1 --halves --overtime starts" \
	sim_start bind --bind 127.0.0.1 --halves --overtime --require-auth u:secret-cli
code=$(ST_USER=u ST_SECRET=secret-cli st_get "/v1/data/games/$SIM_ST")
tap_is "$code" 200 "signed with the --require-auth credentials"
tap_ok "and the event says HALF" json_check "$sim_tmp/body" "d['game_type'] == 'HALF'"
tap_ok "the secret never reaches the log or the output" sh -c \
	"! grep -q secret-cli '$sim_tmp/bind.log' '$sim_tmp/bind.out' '$sim_tmp/bind.err'"
port=$SIM_PORT
kill -INT "$SIM_PID"
wait "$SIM_PID"
tap_is "$?" 0 "SIGINT stops it with status 0"
tap_ok "and the port is free again" sh -c \
	"! curl -s -o /dev/null --max-time 2 http://127.0.0.1:$port/"
busy=$(sed -n 's/.*listening on [^ ]*:\([0-9][0-9]*\) .*/\1/p' "$sim_tmp/sto.out")
"$SIM" --port "$busy" >/dev/null 2>"$sim_tmp/busy.err"
tap_is "$?" 1 "a port in use: exit 1"
tap_ok "with a one-line message" grep -q "^courtside-sim: cannot listen" "$sim_tmp/busy.err"
tap_ok "every server stops cleanly on SIGTERM (status 0, no sanitizer report)" sim_stop_all
tap_done
