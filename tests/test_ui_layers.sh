#!/bin/sh
# The layers of ui/ (ui.h describes them), checked on the sources:
#  - no include circle: the modules' include graph sorts (tsort);
#  - a pane never reaches above itself (the frame, the keys, the loop);
#  - the leaf modules include no pane and nothing above the panes;
#  - the panes and the leaves read the model through the const
#    game_view_* readers only: nothing below the frame derives.
# Argument (for the test's own test): another ui/ folder to check.
. "$top_srcdir/tests/tap.sh"

ui=${1:-$top_srcdir/ui}
leaves="keymap scroll filter label unit_label layout court text theme options pane"
above="screen keys ui"

# "module included-module" pairs; a module is a .c and its .h
edges() {
	for f in "$ui"/*.[ch]; do
		m=$(basename "$f"); m=${m%.*}
		sed -n 's|^#include "ui/\([a-z_]*\)\.h".*|\1|p' "$f" | while read -r inc; do
			[ "$inc" = "$m" ] || echo "$m $inc"
		done
	done
}

out=$(edges | tsort 2>&1 >/dev/null)
tap_is "$out" "" "the ui/ modules include each other in no circle"

bad=$(for f in "$ui"/pane_*.c; do
	for h in $above; do
		grep -l "^#include \"ui/$h\.h\"" "$f"
	done
done)
tap_is "$bad" "" "no pane includes the frame, the keys or the loop"

bad=$(for m in $leaves; do
	for f in "$ui/$m.c" "$ui/$m.h"; do
		[ -f "$f" ] || continue
		grep -l '^#include "ui/\(pane_[a-z]*\|panes\|screen\|keys\|ui\)\.h"' "$f"
	done
done)
tap_is "$bad" "" "the leaf modules include no pane and nothing above"

derive='\bgame_(team|play_count|play|shot_count|shot|unit_count|unit|period|clock|mismatch_count|final_text|box_order)\('
bad=$(cd "$ui" && grep -lE "$derive" pane_*.c pane.c filter.c label.c unit_label.c 2>/dev/null)
tap_is "$bad" "" "panes and leaves read the model through game_view_* only"

tap_done
