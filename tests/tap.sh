# TAP helpers for the shell tests (sourced).  Each check is one TAP line.
#   . "$top_srcdir/tests/tap.sh"
#   tap_ok "name" cmd args...     # passes when the command succeeds
#   tap_is "$got" "$want" "name"
#   tap_done                       # prints the plan, exits 1 on any failure
tap_n=0
tap_failed=0
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$PWD}"
export top_srcdir top_builddir

tap_result() {   # tap_result STATUS NAME
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		tap_failed=$((tap_failed + 1))
		echo "not ok $tap_n - $2"
	fi
}

tap_ok() {
	local name=$1; shift
	"$@" >/dev/null 2>&1
	tap_result $? "$name"
}

tap_is() {
	if [ "$1" = "$2" ]; then
		tap_result 0 "$3"
	else
		tap_result 1 "$3"
		echo "#   got:  $1"
		echo "#   want: $2"
	fi
}

tap_skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}

# A free loopback TCP port (asks the kernel, then releases it).
tap_free_port() {
	/usr/bin/env python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# Wait until a TCP port accepts connections (a safety net of ~60 s: a busy
# machine may take long to start a server; nothing asserts how long).
tap_wait_port() {
	tap_wait_until 60 tap_port_open "$1"
}

tap_port_open() {   # (bash: the tests run under $(SHELL))
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# tap_wait_until SECS CMD...: polls CMD (output discarded) every 0.1 s until
# it succeeds; false after about SECS.  The bound is a safety net for a
# condition that never comes: checks wait for conditions, never for time.
tap_wait_until() {
	local n=$(( $1 * 10 )) i=0
	shift
	while [ $i -lt $n ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
