#!/bin/sh
# Bash completion for courtside and courtside-sim (issue 17 item 9):
# sourced in a bare bash (no bash-completion), the functions complete
# options, their values and capture files; and every option the programs'
# --help names is one they complete, so a new option cannot be forgotten.
. "$top_srcdir/tests/tap.sh"

command -v bash >/dev/null 2>&1 || tap_skip_all "no bash"
comp="$top_srcdir/completions"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/courtside-comp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# complete SCRIPT WORD...: the completions of the last word, one a line,
# sorted, as bash would offer them after Tab
complete_words() {
	bash --norc --noprofile -c '
		. "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		fn=$(complete -p "$1" | sed "s/.*-F \([^ ]*\) .*/\1/")
		"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}"
		printf "%s\n" "${COMPREPLY[@]}"' _ "$@" | sort | tr '\n' ' ' | sed 's/ $//'
}

cs="$comp/courtside"
sim="$comp/courtside-sim"
tap_is "$(complete_words "$cs" courtside --prov)" "--provider" "courtside --prov completes --provider"
tap_is "$(complete_words "$cs" courtside --provider s)" "shottracker sportradar" \
    "--provider offers both providers"
tap_is "$(complete_words "$cs" courtside --export-format c)" "csv" "--export-format c gives csv"
tap_is "$(complete_words "$cs" courtside --speed m)" "max" "--speed m gives max"
tap_is "$(complete_words "$cs" courtside --rules n)" "nba ncaam ncaaw nfhs" "--rules n: the profiles"
tap_is "$(complete_words "$cs" courtside --until Q3)" "Q3/0:00" "--until Q3 takes the simulator's form"
: >"$tmp/game.cap"
: >"$tmp/gamer.json"
tap_is "$(complete_words "$cs" courtside --replay "$tmp/game.")" "$tmp/game.cap" \
    "--replay completes a file name"
tap_is "$(complete_words "$cs" courtside --game x)" "" "--game: nothing to guess"
tap_is "$(complete_words "$cs" courtside --status i)" "inprogress" "--status i: inprogress"
tap_is "$(complete_words "$sim" courtside-sim --provider b)" "both" "courtside-sim --provider b: both"
tap_is "$(complete_words "$sim" courtside-sim --st-game-shape s)" "seed sim" \
    "courtside-sim --st-game-shape: sim and seed"
tap_is "$(complete_words "$sim" courtside-sim --print-t)" "--print-truth" \
    "courtside-sim --print-t completes"

# every option --help names is completed (those it describes or puts in
# brackets, not another program's it mentions in passing)
for prog in courtside courtside-sim; do
	"$top_builddir/$prog" --help 2>&1 | sed 's/with courtside --[a-z-]*//g' |
	    grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/$prog.help"
	complete_words "$comp/$prog" "$prog" -- | tr ' ' '\n' | sort -u >"$tmp/$prog.comp"
	missing=$(comm -23 "$tmp/$prog.help" "$tmp/$prog.comp" | tr '\n' ' ')
	tap_is "$missing" "" "$prog: every option of --help is completed"
	tap_ok "$prog: a few dozen options at all" test "$(wc -l <"$tmp/$prog.help")" -gt 10
done
tap_done
