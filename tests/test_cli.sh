#!/bin/sh
# The command-line contract of product.md §5: help, version, exit codes,
# one-line messages, credentials never echoed.
. "$top_srcdir/tests/tap.sh"
cs="$top_builddir/courtside"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"

"$cs" --help >"$tmp/out" 2>&1
tap_is "$?" 0 "--help exits 0"
tap_ok "--help lists --provider" grep -q -- "--provider shottracker" "$tmp/out"
tap_ok "--help lists --export-format" grep -q -- "--export-format" "$tmp/out"

"$cs" --version >"$tmp/out" 2>&1
tap_is "$?" 0 "--version exits 0"
tap_ok "--version names the program" grep -q "^courtside [0-9]" "$tmp/out"

"$cs" --frobnicate >"$tmp/out" 2>"$tmp/err"
tap_is "$?" 2 "an unknown option exits 2"
tap_is "$(wc -l <"$tmp/err" | tr -d ' ')" 1 "with a one-line message"
tap_ok "the message names the option" grep -q -- "--frobnicate" "$tmp/err"

"$cs" --demo --provider sportradar --game x 2>"$tmp/err"
tap_is "$?" 2 "conflicting sources exit 2"

"$cs" --provider shottracker --once 2>"$tmp/err"
tap_is "$?" 2 "--provider without --game exits 2 with --once (no picker)"

"$cs" --replay x --once --headless 2>"$tmp/err"
tap_is "$?" 2 "--once with --headless exits 2"

# A config file readable by others is refused, and the secret is not shown.
mkdir -p "$tmp/config/courtside"
printf 'shottracker_secret = hunter2\n' >"$tmp/config/courtside/config"
chmod 644 "$tmp/config/courtside/config"
"$cs" --provider shottracker --game x --once 2>"$tmp/err" >/dev/null
tap_is "$?" 2 "a world-readable config exits 2"
tap_ok "the message says chmod 600" grep -q "chmod 600" "$tmp/err"
if grep -q hunter2 "$tmp/err"; then tap_result 1 "the secret is not printed"; else tap_result 0 "the secret is not printed"; fi

tap_ok "the man page is installed with the sources" test -f "$top_srcdir/doc/courtside.1"
tap_done
