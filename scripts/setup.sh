#!/usr/bin/env bash
# Set up courtside on a Debian/Ubuntu machine and run it.
#
#   scripts/setup.sh demo [ARGS]   install what is missing, build, start courtside --demo
#   scripts/setup.sh test          install what is missing, build, run the test suite
#   scripts/setup.sh test --asan   the same under AddressSanitizer + UBSan (build-asan/)
#   scripts/setup.sh build         install and build only
#
# Builds go to build/ (build-asan/ for --asan), out of the source tree.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-build}
shift || true

# Debian package names of everything the build, the tests and the demo use.
packages=(build-essential autoconf automake pkg-config
	libncurses-dev libcurl4-openssl-dev libwebsockets-dev libjson-c-dev libssl-dev
	tmux curl openssl python3 python3-websockets ca-certificates)

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
	if [ "${1:-}" = "--asan" ]; then
		dir=$top/build-asan
		args+=(--enable-asan)
	fi
	build "$dir" "${args[@]}"
	rc=0
	make -C "$dir" -j"$(nproc)" -s check || rc=$?
	[ -f "$dir/test-suite.log" ] && summary "$dir"
	exit $rc
	;;
*)
	echo "usage: scripts/setup.sh demo|test [--asan]|build" >&2
	exit 2
	;;
esac
