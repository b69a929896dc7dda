#!/bin/sh
# The Debian package, built outside the worktree and checked by lintian.
#
#   scripts/package.sh [OUTDIR]     (default: /tmp/courtside-package)
#
# Copies the tracked files as they stand (committed or not: git stash
# create) into a temporary directory, runs `dpkg-buildpackage -us -uc -b`
# there, then `lintian` on the result, failing on any error or warning;
# the .deb, .buildinfo and .changes land in OUTDIR.  The worktree is only
# read.  Installs what is missing with apt-get (through sudo when not root):
# dpkg-dev, debhelper, lintian and the build dependencies.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/courtside-package}
work=$(mktemp -d "${TMPDIR:-/tmp}/courtside-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
need=
for t in dpkg-buildpackage:dpkg-dev dh:debhelper lintian:lintian; do
	command -v "${t%%:*}" >/dev/null 2>&1 || need="$need ${t#*:}"
done
if [ -n "$need" ]; then
	echo "package: installing$need"
	$sudo apt-get install -y --no-install-recommends $need >/dev/null
fi

rev=$(git -C "$top" stash create 2>/dev/null || true)
git -C "$top" archive --format=tar --prefix=courtside/ "${rev:-HEAD}" | tar -x -C "$work"
cd "$work/courtside"
if ! dpkg-checkbuilddeps >/dev/null 2>&1; then
	deps=$(dpkg-checkbuilddeps 2>&1 | sed -n 's/.*Unmet build dependencies: //p' |
	    sed 's/([^)]*)//g')
	echo "package: installing the build dependencies: $deps"
	$sudo apt-get install -y --no-install-recommends $deps >/dev/null
fi

dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1 || {
	tail -n 40 "$work/build.log"
	echo "package: dpkg-buildpackage failed" >&2
	exit 1
}
lintian --fail-on error,warning --info "$work"/*.changes
mkdir -p "$out"
cp "$work"/*.deb "$work"/*.buildinfo "$work"/*.changes "$out"/
echo "package: $(cd "$out" && ls ./*.deb) in $out, lintian clean"
