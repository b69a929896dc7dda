#!/bin/sh
# GnuTLS's constructor is skipped (net/http.c, issue 20): Debian's libcurl
# loads GnuTLS through librtmp and libldap, and its load-time init cost
# ~0.7 MB of library pages and 0.1 MB of heap in a program that speaks
# OpenSSL.  The dynamic loader must bind GnuTLS's _gnutls_global_init_skip
# to the program's definition (exported by -Wl,--export-dynamic-symbol),
# not to GnuTLS's own weak default.
. "$top_srcdir/tests/tap.sh"

prog="$top_builddir/courtside-full"   # courtside itself (src/front.c) links no TLS
if ! ldd "$prog" 2>/dev/null | grep -q 'libgnutls'; then
	echo "ok 1 # SKIP courtside does not load GnuTLS here"
	echo "1..1"
	exit 0
fi
binding=$(LD_DEBUG=bindings "$prog" --version 2>&1 >/dev/null |
	sed -n 's/.*binding file \([^ ]*\) .* to \([^ ]*\) .*`_gnutls_global_init_skip.*/\1 \2/p' |
	while read -r from to; do echo "${from##*/} -> ${to##*/}"; done)
tap_is "$binding" "libgnutls.so.30 -> courtside-full" \
	"GnuTLS asks courtside-full whether to run its constructor"
tap_ok "courtside-full exports the answer" \
	sh -c 'nm -D "$1" | grep -q " T _gnutls_global_init_skip$"' - "$prog"
tap_done
