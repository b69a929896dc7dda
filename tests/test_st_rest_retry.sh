#!/bin/sh
# ShotTracker's REST catch-up through 5xx answers (courtside-sim 5xx=0.3):
# each resource, required or optional, is retried to its answer and the
# game equals a clean run's.  Under ASan the retried optional resources
# (presence, lineups at a time, sensor assignments) once leaked the first
# failure's cause; a leak or any sanitizer report fails the last check.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

client_setup
once() {   # once NAME: a --once export of the frozen game from server NAME
	"$CS" --provider shottracker --base-url "http://127.0.0.1:$SIM_PORT" \
	    --game "$SIM_ST" --once --export "$t/$1.json" --log "$t/$1.cs.log" \
	    2>"$t/$1.cs.err"
}

common="--seed 3 --speed 0 --start-at 2/0:00 --require-auth U:S"
sim_start clean $common || tap_skip_all "courtside-sim did not start"
once clean
tap_is "$?" 0 "a clean catch-up exits 0"
# seed=1 of the fault draws: the request order of --once is fixed, so the
# same requests fail every run (lineups at a time among them).
sim_start flaky $common --faults 5xx=0.3,seed=1 || tap_skip_all "courtside-sim did not start"
once flaky
tap_is "$?" 0 "through 5xx answers the catch-up exits 0"
tap_ok "an optional resource was refused and retried" \
    grep -q 'server error for lineups at a time.*retry 1' "$t/flaky.cs.log"
tap_ok "and other resources too" sh -c "[ \$(grep -c 'retry [0-9]' '$t/flaky.cs.log') -gt 1 ]"
tap_ok "the game equals the clean run's" "$EQ" "$t/clean.json" "$t/flaky.json"
tap_ok "no sanitizer report, the servers exit cleanly" sim_stop_all
tap_ok "and the client's either" \
    sh -c "! grep -l -e Sanitizer -e 'runtime error' '$t'/*.cs.err"
tap_done
