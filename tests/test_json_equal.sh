#!/bin/sh
# tests/json_equal: semantic JSON comparison used by the integration tests.
. "$top_srcdir/tests/tap.sh"

je="$top_builddir/tests/json_equal"
[ -x "$je" ] || tap_skip_all "tests/json_equal not built"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

doc() { printf '%s\n' "$2" > "$dir/$1.json"; }
# run NAME: exit status and first output line of json_equal on a.json b.json
run() {
	out=$("$je" "$@" 2>&1 | head -n 1)
	"$je" "$@" >/dev/null 2>&1
	rc=$?
}

doc a '{"game":{"id":"g","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":12},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,2,3]}'
doc same '{"teams":[{"side":"away","players":[],"points":3.0,"id":"T2"},{"players":[{"pts":0,"id":"1"},{"id":"7269","pts":12}],"points":12,"id":"T1","side":"home"}],"list":[1,2,3],"game":{"clock":"1:00.0","id":"g"}}'
run "$dir/a.json" "$dir/same.json"
tap_is "$rc" 0 "key order, id order, side order and 3 = 3.0 are equal"

doc pts '{"game":{"id":"g","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":14},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,2,3]}'
run "$dir/a.json" "$dir/pts.json"
tap_is "$rc" 1 "a different value exits 1"
tap_is "$out" "teams[home].players[id=7269].pts: 12 != 14" "the difference names its path"

run --ignore pts "$dir/a.json" "$dir/pts.json"
tap_is "$rc" 0 "--ignore skips a key anywhere"

doc order '{"game":{"id":"g","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":12},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,3,2]}'
run "$dir/a.json" "$dir/order.json"
tap_is "$out" "list[1]: 2 != 3" "plain arrays compare in order"

doc short '{"game":{"id":"g","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":12},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,2]}'
run "$dir/a.json" "$dir/short.json"
tap_is "$out" "list[2]: 3 != (missing)" "a shorter array"

doc gone '{"game":{"id":"g"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":12},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,2,3]}'
run "$dir/a.json" "$dir/gone.json"
tap_is "$out" 'game.clock: "1:00.0" != (missing)' "a missing key"
run "$dir/gone.json" "$dir/a.json"
tap_is "$out" 'game.clock: (missing) != "1:00.0"' "an extra key"

doc extra '{"game":{"id":"g","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":12},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[{"id":"9","pts":0}]}],"list":[1,2,3]}'
run "$dir/a.json" "$dir/extra.json"
tap_is "$out" 'teams[away].players[id=9]: (missing) != {"id":"9","pts":0}' "an extra player"

doc type '{"game":{"id":"g","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":"12","players":[{"id":"7269","pts":12},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,2,3]}'
run "$dir/a.json" "$dir/type.json"
tap_is "$out" 'teams[home].points: 12 != "12"' "a string is not a number"

doc nul '{"x":null}'
doc zero '{"x":0}'
run "$dir/nul.json" "$dir/zero.json"
tap_is "$out" "x: null != 0" "null is not 0"
run "$dir/nul.json" "$dir/nul.json"
tap_is "$rc" 0 "null equals null"

doc many '{"game":{"id":"h","clock":"1:00.0"},"teams":[{"side":"home","id":"T1","points":12,"players":[{"id":"7269","pts":14},{"id":"1","pts":0}]},{"side":"away","id":"T2","points":3,"players":[]}],"list":[1,2,3]}'
tap_is "$("$je" --all "$dir/a.json" "$dir/many.json" | wc -l | tr -d ' ')" 3 "--all reports every difference"

printf '{"a":' > "$dir/bad.json"
run "$dir/a.json" "$dir/bad.json"
tap_is "$rc" 2 "invalid JSON exits 2"
printf '{"a":1} x' > "$dir/trail.json"
run "$dir/trail.json" "$dir/a.json"
tap_is "$rc" 2 "trailing garbage exits 2"
run "$dir/a.json" "$dir/nonexistent.json"
tap_is "$rc" 2 "a missing file exits 2"
run "$dir/a.json"
tap_is "$rc" 2 "one file is a usage error"

tap_done
