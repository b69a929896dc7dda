#!/bin/sh
# The manual (issue 17 item 9): its KEYS section is the help pane's key
# tables (tests/man_keys prints it; CS_UPDATE_MAN=1 writes it into
# doc/courtside.1), it has FILES, ENVIRONMENT and EXAMPLES, and both pages
# format without a warning.
. "$top_srcdir/tests/tap.sh"

page="$top_srcdir/doc/courtside.1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-man.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

"$top_builddir/tests/man_keys" >"$tmp/keys" || { echo "Bail out! tests/man_keys failed"; exit 1; }
# the page's KEYS section: from .SH KEYS up to the next .SH
awk '/^\.SH KEYS/ {on = 1} /^\.SH / && !/^\.SH KEYS/ {on = 0} on' "$page" >"$tmp/page_keys"
if [ -n "$CS_UPDATE_MAN" ]; then
	awk -v keys="$tmp/keys" '
		/^\.SH KEYS/ {skip = 1; while ((getline l < keys) > 0) print l; next}
		/^\.SH / {skip = 0}
		!skip' "$page" >"$tmp/page" && cat "$tmp/page" >"$page"
	cp "$tmp/keys" "$tmp/page_keys"
fi
if cmp -s "$tmp/keys" "$tmp/page_keys"; then
	tap_result 0 "the page's KEYS section is the help pane's key tables"
else
	tap_result 1 "the page's KEYS section is the help pane's key tables"
	diff -u "$tmp/page_keys" "$tmp/keys" | sed 's/^/#   /'
	echo "#   (CS_UPDATE_MAN=1 make check TESTS=tests/test_man.sh rewrites it)"
fi
for k in 'g' 'Space' 'Tab  Shift\\-Tab' '/'; do
	tap_ok "KEYS lists $k" grep -qx ".B $k" "$page"
done
for s in KEYS FILES ENVIRONMENT EXAMPLES 'EXIT STATUS'; do
	tap_ok "the page has a $s section" grep -qx ".SH $s" "$page"
done
for p in "$page" "$top_srcdir/doc/courtside-sim.1"; do
	LC_ALL=C.UTF-8 MANWIDTH=80 groff -man -Tutf8 -ww -z "$p" 2>"$tmp/warn"
	tap_ok "$(basename "$p") formats without a warning" test ! -s "$tmp/warn"
	sed 's/^/#   /' "$tmp/warn"
done
tap_done
