#!/bin/sh
# A stand-in video player: writes its arguments, one a line, to the file
# named by FAKE_PLAYER_OUT (via a temporary file, so a reader never sees
# half of them), then exits.
out=${FAKE_PLAYER_OUT:?}
: >"$out.tmp"
for a in "$@"; do
	printf '%s\n' "$a" >>"$out.tmp"
done
mv "$out.tmp" "$out"
