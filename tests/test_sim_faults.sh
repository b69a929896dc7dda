#!/bin/sh
# courtside-sim --faults: every kind is injected, counted from the log
# ("fault: <kind> ..."), seen on the wire, and loses nothing for a client
# that follows the protocol.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sim_common.sh"

command -v curl >/dev/null || tap_skip_all "curl is needed"
"$PY" -c 'import websockets' 2>/dev/null || tap_skip_all "python3-websockets is needed"

count() {   # count FILE PATTERN
	grep -c -e "$2" "$1"
}

# --- message faults: the same game with and without them ---
# Streams end on a condition, never on a silence: drop=800 closes each
# socket after 800 whole messages of the ShotTracker history (every batch
# sent whole; a reorder's pair may make it 801), and the Sportradar
# session (~100 messages, never dropped) is read until a heartbeat.  The
# ShotTracker games are frozen, so that both sockets open on the same
# history (~900 messages: the sequenced ones, the latest clock and stats).
faults=malformed=0.08,truncate=0.08,duplicate=0.08,reorder=0.08,drop=800,seed=11

# Sportradar first, on its own server started just for it: a push session
# carries only what happens after it subscribed, so the game must still be
# on when it does.  From Q4 6:00 at speed 12 the game lasts 30 s (at 400x
# it lasted under a second, and a busy machine subscribed after its end:
# no events at all); then 5 s of silence until a heartbeat says that
# everything was sent.
tap_ok "a Sportradar server with malformed, truncate, duplicate, reorder starts" \
	sim_start push --provider sportradar --seed 3 --speed 12 --start-at 4/6:00 --faults "$faults"
loc=$(curl -s -D - -o /dev/null "http://127.0.0.1:$SIM_PORT/nba/trial/stream/en/events/subscribe" |
	tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
curl -s -N --max-time 300 "$loc" >"$sim_tmp/sr.ndjson" 2>/dev/null &
sr_curl=$!
push_port=$SIM_PORT
push_sr=$SIM_SR

common="--seed 3 --speed 0 --start-at 4/6:00"
tap_ok "a clean server starts" sim_start clean $common --faults drop=800
clean_port=$SIM_PORT
clean_st=$SIM_ST
tap_ok "a server with malformed, truncate, duplicate, reorder starts" sim_start msg $common \
	--faults "$faults"
log=$sim_tmp/msg.log

token=$(st_token)
r=$(ws_client "token=$token" --timeout 120)
SIM_PORT=$clean_port
SIM_ST=$clean_st
clean_token=$(st_token)
c=$(ws_client "token=$clean_token" --timeout 120)
tap_is "$(jget "$r" "d['ended']") $(jget "$c" "d['ended']")" "closed closed" \
	"both sockets were read to their drop"
tap_is "$(jget "$c" "d['invalid'] + d['duplicates'] + d['inversions']")" 0 \
	"the clean replay has no invalid, duplicate or out-of-order frame"

n=$(( $(count "$log" 'fault: malformed stream=shottracker') + $(count "$log" 'fault: truncate stream=shottracker') ))
tap_ok "malformed and truncated frames were injected ($n)" test "$n" -gt 0
tap_is "$(jget "$r" "d['invalid']")" "$n" "each one is one invalid JSON frame on the wire"
n=$(count "$log" 'fault: duplicate stream=shottracker')
tap_ok "duplicates were injected ($n)" test "$n" -gt 0
tap_is "$(jget "$r" "d['duplicates']")" "$n" "each one is a repeated frame on the wire"
n=$(grep 'fault: reorder stream=shottracker' "$log" | grep -vc -e 'seq=0<->' -e '<->0$')
tap_ok "reorders of two sequenced frames were injected ($n)" test "$n" -gt 0
tap_is "$(jget "$r" "d['inversions']")" "$n" "each one is a seq inversion on the wire"
# (the faulty socket may hold one message more: a reorder's pair at the drop)
tap_is "$(jget "$r" "set($(jget "$c" "d['seqs']")) <= set(d['seqs']) and len(set(d['seqs'])) - len($(jget "$c" "d['seqs']")) <= 1")" True \
	"nothing is lost: the seqs of the clean replay"
tap_is "$(jget "$r" "d['json'] - d['duplicates'] - $(jget "$c" "d['json']") in (0, 1)")" True \
	"and the same number of whole frames"

heartbeats_above() {   # heartbeats_above FILE N
	test "$(push_heartbeats "$1")" -gt "$2"
}
sr_closed() {   # the push server's REST says the game is over
	curl -s "http://127.0.0.1:$push_port/nba/trial/v8/en/games/$push_sr/summary.json" |
		grep -q '"status":"closed"'
}
# the end of the game, then the silence after it (the next heartbeat): a
# heartbeat alone may also come in a pause of the game at speed 12
tap_wait_until 180 sr_closed
tap_wait_until 60 heartbeats_above "$sim_tmp/sr.ndjson" "$(push_heartbeats "$sim_tmp/sr.ndjson")"
log=$sim_tmp/push.log
kill "$sr_curl" 2>/dev/null
wait "$sr_curl"
"$PY" - "$sim_tmp/sr.ndjson" >"$sim_tmp/sr.sum" <<'EOF'
import json, sys
invalid = dups = events = 0
prev = None
ids = set()
heartbeats = 0
for line in open(sys.argv[1]):
    if not line.endswith("\n"):
        break   # cut when curl was stopped
    line = line.rstrip("\n")
    try:
        d = json.loads(line)
    except ValueError:
        invalid += 1
        continue
    if "heartbeat" in d:
        heartbeats += 1
        continue
    if line == prev:
        dups += 1
        continue
    prev = line
    events += 1
print(invalid, dups, events, heartbeats)
EOF
read sr_invalid sr_dups sr_events sr_heartbeats <"$sim_tmp/sr.sum"
tap_ok "push: the game ended and the stream went quiet (a heartbeat came)" \
	test "$sr_heartbeats" -ge 1
n=$(( $(count "$log" 'fault: malformed stream=sportradar') + $(count "$log" 'fault: truncate stream=sportradar') ))
tap_is "$sr_invalid" "$n" "push: each malformed or truncated injection is one invalid line ($n)"
tap_is "$sr_dups" "$(count "$log" 'fault: duplicate stream=sportradar')" \
	"push: each duplicate is a repeated line"
tap_ok "push: reorders are injected too ($(count "$log" 'fault: reorder stream=sportradar'))" \
	test "$(count "$log" 'fault: reorder stream=sportradar')" -gt 0
tap_ok "push: the stream carried events to the end of the game ($sr_events)" test "$sr_events" -gt 10

# --- drop and 5xx ---
tap_ok "a server with drop=25 and 5xx=0.3 starts" sim_start drop --seed 3 --speed 300 \
	--start-at 2/0:00 --faults drop=25,5xx=0.3,seed=5
log=$sim_tmp/drop.log
loc=$(curl -s -D - -o /dev/null "http://127.0.0.1:$SIM_PORT/nba/trial/stream/en/events/subscribe" |
	tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
tries=0
while [ -z "$loc" ] && [ $tries -lt 50 ]; do   # the subscribe itself may get a 5xx
	tries=$((tries + 1))
	loc=$(curl -s -D - -o /dev/null "http://127.0.0.1:$SIM_PORT/nba/trial/stream/en/events/subscribe" |
		tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
done
curl -s -N --max-time 120 "$loc" >"$sim_tmp/drop.ndjson" 2>/dev/null &
sr_curl=$!
token=""
tries=0
while [ -z "$token" ] && [ $tries -lt 50 ]; do   # so may _subscribe
	tries=$((tries + 1))
	token=$(st_token 2>/dev/null)
done
r=$(ws_client "token=$token" --timeout 120)
tap_is "$(jget "$r" "d['ended'] + ' ' + str(d['frames'])")" "closed 25" \
	"drop=25: the socket closes after 25 frames"
last=$(jget "$r" "d['seqs'][-1]")
r2=$(ws_client "token=$token&last_seq=$last" --timeout 120)
tap_is "$(jget "$r2" "d['ended'] + ' ' + str(d['frames'])")" "closed 25" \
	"a resumed socket closes after 25 more"
tap_is "$(jget "$r2" "d['seqs'][0] > $last and d['increasing']")" True \
	"and it went on after seq $last"
wait "$sr_curl"
sr_rc=$?
tap_is "$(grep -vc heartbeat "$sim_tmp/drop.ndjson") $sr_rc" "25 18" \
	"the push stream closes after 25 lines (curl: transfer closed early)"
tap_is "$(count "$log" 'fault: drop')" 3 "three drops are logged"

i=0
: >"$sim_tmp/codes"
while [ $i -lt 40 ]; do
	if [ $((i % 2)) -eq 0 ]; then
		u="/v1/data/games/$SIM_ST"
	else
		u="/nba/trial/v8/en/games/$SIM_SR/summary.json"
	fi
	echo "$i $(curl -s -o "$sim_tmp/5xx.$i" -w '%{http_code}' "http://127.0.0.1:$SIM_PORT$u")" \
	    >>"$sim_tmp/codes"
	i=$((i + 1))
done
n5=$(grep -c ' 50[03]$' "$sim_tmp/codes")
tap_ok "5xx=0.3: some REST calls fail with 500 or 503 ($n5 of 40)" sh -c "[ $n5 -gt 2 ] && [ $n5 -lt 30 ]"
tap_is "$(grep -c ' 200$' "$sim_tmp/codes")" "$((40 - n5))" "the others succeed"
tap_ok "each 5xx is logged" sh -c "[ $(count "$log" 'fault: 5xx') -ge $n5 ]"
tap_ok "a ShotTracker 5xx has the error shape, a Sportradar one a message" "$PY" -c 'import json, sys
seen = 0
for line in open(sys.argv[1] + "/codes"):
    i, code = map(int, line.split())
    if code < 500:
        continue
    d = json.load(open("%s/5xx.%d" % (sys.argv[1], i)))
    if i % 2 == 0:
        assert d["status"] == code and d["shottrackerRequestId"] and d["message"], d
    else:
        assert d["message"], d
    seen += 1
assert seen > 0' "$sim_tmp"

# --- stall ---
tap_ok "a frozen server with stall=2@0 starts" sim_start stall --seed 3 --speed 0 \
	--start-at 2/0:00 --faults stall=2@0
token=$(st_token)
r=$(ws_client "token=$token" --ping --max 102 --timeout 120)
tap_is "$(jget "$r" "d['first_frame_s'] >= 1.8")" True \
	"stall=2: the first frame comes after 2 s ($(jget "$r" "d['first_frame_s']") s)"
tap_is "$(jget "$r" "(d['pong_s'] or 0) >= 1.8")" True \
	"and the pong too ($(jget "$r" "d['pong_s']") s)"
tap_ok "then everything arrives" test "$(jget "$r" "d['frames']")" -gt 100
tap_is "$(count "$sim_tmp/stall.log" 'fault: stall')" 1 "the stall is logged once"
r=$(ws_client "token=$token" --max 20 --timeout 120)
tap_is "$(jget "$r" "d['ended']") $(count "$sim_tmp/stall.log" 'fault: stall')" "max 1" \
	"a stall@ happens once: a later socket is served, and no stall is logged for it ($(jget "$r" "d['first_frame_s']") s)"

# stall=S/T repeats every T feed seconds.  At speed 60 the game lasts 48 s
# (at 300x a busy machine connected after its end: the whole game came as
# one replay, with no stall in it)
tap_ok "a server with stall=0.5/60 starts" sim_start every --seed 3 --speed 60 \
	--start-at 1/12:00 --faults stall=0.5/60
token=$(st_token)
r=$(ws_client "token=$token" --gap 0.4 --until-gaps 2 --timeout 120)
tap_ok "stall=0.5/60 at speed 60: a silence every second ($(jget "$r" "d['gaps']"))" \
	test "$(jget "$r" "len([g for g in d['gaps'] if g[1] >= 0.4])")" -ge 2
tap_ok "each one is logged" test "$(count "$sim_tmp/every.log" 'fault: stall')" -ge 2

# the same seed injects the same faults; another seed others (each socket
# read to its drop: the faults of the same 300 messages)
for n in 1 2 3; do
	seed=11
	[ $n -eq 3 ] && seed=12
	sim_start "det$n" --seed 3 --speed 0 --start-at 2/0:00 \
		--faults malformed=0.05,duplicate=0.05,reorder=0.05,drop=300,seed=$seed
	token=$(st_token)
	ws_client "token=$token" --timeout 120 >/dev/null   # to the drop
	sed -n 's/^[^ ]* \(fault: .*\)/\1/p' "$sim_tmp/det$n.log" >"$sim_tmp/det$n.faults"
done
tap_ok "two runs with one seed log the very same faults ($(wc -l <"$sim_tmp/det1.faults"))" \
	sh -c "[ -s '$sim_tmp/det1.faults' ] && cmp -s '$sim_tmp/det1.faults' '$sim_tmp/det2.faults'"
tap_ok "another fault seed, other faults" sh -c \
	"! cmp -s '$sim_tmp/det1.faults' '$sim_tmp/det3.faults'"
tap_ok "every server stops cleanly on SIGTERM (status 0, no sanitizer report)" sim_stop_all
tap_done
