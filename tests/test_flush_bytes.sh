#!/bin/sh
# The bytes ui_flush() sends (ui/flush.h) show the terminal what
# doupdate() alone shows it: tests/test_flush draws the same game play by
# play both ways into files (FLUSH_BYTES), and each file is played into a
# real terminal, a detached tmux of the same size; the two screens, with
# their colours and attributes (capture-pane -e), must be the same, and
# not blank (the header's score).  Skipped without tmux.
. "$top_srcdir/tests/tap.sh"

T=$top_builddir/tests/test_flush

command -v tmux >/dev/null 2>&1 || tap_skip_all "tmux is not installed"
[ -x "$T" ] || tap_skip_all "tests/test_flush is not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-flush.XXXXXX")
cleanup() {
	for sock in "$tmp"/sock-*; do
		[ -S "$sock" ] && tmux -S "$sock" kill-server >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

FLUSH_BYTES=$tmp "$T" >"$tmp/test_flush.tap" 2>&1
tap_ok "test_flush wrote both runs' bytes" test -s "$tmp/160x45-fast.bytes"

# played FILE COLS LINES OUT: what a COLSxLINES terminal shows once it has
# read FILE (the pane runs cat, then says it is done)
played() {
	sock=$tmp/sock-$(basename "$1")
	tmux -S "$sock" -f /dev/null new-session -d -s f -x "$2" -y "$3" \
	    "cat '$1'; tmux -S '$sock' wait-for -S shown; sleep 600" || return 1
	tmux -S "$sock" set-option -g status off >/dev/null 2>&1
	# cat ends well within the bound; the bound only stops a stuck test
	timeout 60 tmux -S "$sock" wait-for shown || return 1
	tmux -S "$sock" capture-pane -p -e -t f >"$4"
	tmux -S "$sock" kill-server >/dev/null 2>&1
	return 0
}

for size in 160x45 200x50 120x35 80x24; do
	cols=${size%x*}
	lines=${size#*x}
	ok=0
	played "$tmp/$size-plain.bytes" "$cols" "$lines" "$tmp/$size-plain.screen" &&
	    played "$tmp/$size-fast.bytes" "$cols" "$lines" "$tmp/$size-fast.screen" || ok=1
	tap_result $ok "$size: both byte streams played in tmux"
	tap_ok "$size: the terminal shows the same screen, colours included" \
	    cmp "$tmp/$size-plain.screen" "$tmp/$size-fast.screen"
	if ! cmp -s "$tmp/$size-plain.screen" "$tmp/$size-fast.screen"; then
		diff "$tmp/$size-plain.screen" "$tmp/$size-fast.screen" | head -20 | sed 's/^/# /'
	fi
	tap_ok "$size: and it is the game's screen, not a blank one" \
	    grep -q "NYK" "$tmp/$size-fast.screen"
done
tap_done
