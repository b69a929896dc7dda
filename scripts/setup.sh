#!/usr/bin/env bash
# Set up courtside on a Debian/Ubuntu machine and run it.
#
#   scripts/setup.sh demo [ARGS]   install what is missing, build, start courtside --demo
#   scripts/setup.sh test          install what is missing, build, run the test suite
#   scripts/setup.sh test --asan   the same under AddressSanitizer + UBSan (build-asan/)
#   scripts/setup.sh test --tsan   the threaded tests under ThreadSanitizer (build-tsan/)
#   scripts/setup.sh build         install and build only
#   scripts/setup.sh fuzz [SECS]   install clang, build the libFuzzer targets
#                                  (build-fuzz/), run each for SECS (300) s
#
# Builds go to build/ (build-asan/, build-tsan/, build-fuzz/), out of the
# source tree.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-build}
shift || true

# Debian package names of everything the build, the tests and the demo use.
packages=(build-essential autoconf automake pkg-config
	libncurses-dev libcurl4-openssl-dev libwebsockets-dev libjson-c-dev libssl-dev
	tmux curl openssl python3 python3-websockets ca-certificates)

# Only for `fuzz`: libFuzzer comes with clang (its runtime in libclang-rt).
fuzz_packages=(clang libclang-rt-14-dev)

# The tests that run threads (the feed thread, the simulator's server
# thread, both providers end to end): what ThreadSanitizer can judge.
# Not test_sportradar_live.sh: its fault run needs the game to outlast the
# faults at --speed 1500, which TSan's slowdown does not allow.
tsan_tests="tests/test_feed tests/test_replay_control tests/test_http tests/test_resolve
	tests/test_sim_server tests/test_shottracker_live.sh tests/test_sportradar_provider.sh"

install_missing() {
	local missing=() p
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "setup: installing ${missing[*]}"
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
}

build() {   # build DIR [configure args]
	local dir=$1; shift
	if [ ! -x "$top/configure" ] || [ "$top/configure.ac" -nt "$top/configure" ]; then
		(cd "$top" && autoreconf -fi >/dev/null 2>&1) ||
			(cd "$top" && autoreconf -fi)
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ] || [ "$top/configure" -nt "$dir/config.status" ]; then
		(cd "$dir" && "$top/configure" -q "$@")
	fi
	make -C "$dir" -j"$(nproc)" -s
}

# "N passed, N failed" from automake's test-suite.log.
summary() {
	local log=$1/test-suite.log pass fail
	pass=$(sed -n 's/^# PASS: *//p' "$log" | head -n1)
	fail=$(sed -n 's/^# \(FAIL\|ERROR\|XPASS\): *//p' "$log" | awk '{s+=$1} END {print s+0}')
	echo "${pass:-0} passed, ${fail:-0} failed"
}

case $cmd in
build)
	install_missing
	build "$top/build" --enable-werror
	;;
demo)
	install_missing
	build "$top/build" --enable-werror
	exec "$top/build/courtside" --demo "$@"
	;;
test)
	install_missing
	dir=$top/build
	args=(--enable-werror)
	tests=()
	case ${1:-} in
	--asan)
		dir=$top/build-asan
		args+=(--enable-asan)
		;;
	--tsan)
		dir=$top/build-tsan
		args+=(--enable-tsan)
		tests=(TESTS="$(echo $tsan_tests)")
		# a race kills the program that has it: its test fails
		export TSAN_OPTIONS="halt_on_error=1 ${TSAN_OPTIONS:-}"
		;;
	esac
	build "$dir" "${args[@]}"
	rm -f "$dir/test-suite.log"
	rc=0
	make -C "$dir" -j"$(nproc)" -s check "${tests[@]}" || rc=$?
	[ -f "$dir/test-suite.log" ] && summary "$dir"
	exit $rc
	;;
fuzz)
	packages+=("${fuzz_packages[@]}")
	install_missing
	build "$top/build-fuzz" --enable-fuzz CC=clang
	exec make -C "$top/build-fuzz" -s fuzz-long FUZZ_SECONDS="${1:-300}"
	;;
*)
	echo "usage: scripts/setup.sh demo|test [--asan|--tsan]|build|fuzz [SECS]" >&2
	exit 2
	;;
esac
