#!/bin/sh
# Runs libFuzzer targets for a set time each and prints a table:
#   tests/fuzz/fuzz_long.sh SEED_CORPUS_DIR SECONDS tests/fuzz/fuzz_X...
# Each target starts from SEED_CORPUS_DIR/X (read only) and fuzz-corpus/X
# (where new inputs go); crash, leak, timeout and OOM inputs land in
# fuzz-findings/X/ and count as findings.  Exit 1 when any were found.
# Full libFuzzer output: fuzz-findings/X.log.
set -u
seeds=$1 secs=$2
shift 2
mkdir -p fuzz-corpus fuzz-findings
rows=
total=0
for prog in "$@"; do
	name=${prog##*/fuzz_}
	mkdir -p "fuzz-corpus/$name" "fuzz-findings/$name"
	log=fuzz-findings/$name.log
	echo "fuzz-long: $name for $secs s" >&2
	# -timeout: one input taking 10 s is a finding; rss limit as libFuzzer's
	"$prog" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="fuzz-findings/$name/" \
		"fuzz-corpus/$name" "$seeds/$name" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
	# the last status line: "#N  REDUCE cov: 231 ft: 812 corp: ..."
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' "$log" | tail -n1)
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' "$log" | tail -n1)
	found=$(find "fuzz-findings/$name" -type f | wc -l)
	[ "$rc" -ne 0 ] && [ "$found" -eq 0 ] && found=1   # died without an artifact
	total=$((total + found))
	rows="$rows$(printf '%-22s %12s %8s %10s %9s' "$name" "${runs:-?}" "${cov:-?}" \
		"${ft:-?}" "$found")
"
done
printf '%-22s %12s %8s %10s %9s\n' target runs edges features findings
printf '%s' "$rows"
if [ "$total" -gt 0 ]; then
	echo "fuzz-long: $total finding(s): see fuzz-findings/ (replay one: tests/fuzz/fuzz_X FILE)"
	exit 1
fi
echo "fuzz-long: no findings"
