# ui/ui.mk: the terminal UI (ncursesw), its tests and its benchmark.
# From the top down: the loop, the keys, the frame, the panes, and the
# leaf modules the panes use (none of them includes anything above it).
libcourtside_a_SOURCES += \
	ui/ui.c ui/ui.h ui/options.h \
	ui/keys.c ui/keys.h \
	ui/screen.c ui/screen.h \
	ui/panes.h ui/pane.c ui/pane.h \
	ui/pane_header.c ui/pane_box.c ui/pane_pbp.c ui/pane_shots.c \
	ui/pane_lineups.c ui/pane_help.c \
	ui/pane_possessions.c \
	ui/keymap.c ui/keymap.h ui/scroll.c ui/scroll.h \
	ui/filter.c ui/filter.h ui/label.c ui/label.h \
	ui/layout.c ui/layout.h ui/court.c ui/court.h \
	ui/text.c ui/text.h ui/theme.c ui/theme.h

check_PROGRAMS += tests/test_ui_layout
TESTS += tests/test_ui_layout
tests_test_ui_layout_SOURCES = tests/test_ui_layout.c tests/tap.h

check_PROGRAMS += tests/test_screens
TESTS += tests/test_screens
tests_test_screens_SOURCES = tests/test_screens.c tests/ui_game.h tests/tap.h

EXTRA_PROGRAMS += bench/bench_ui
bench_progs += bench/bench_ui
bench_bench_ui_SOURCES = bench/bench_ui.c

# The real loop in tmux: tests/ui_drive runs ui_run() on the hand-built
# game (static, or through a feed with a fake provider).
check_PROGRAMS += tests/ui_drive
tests_ui_drive_SOURCES = tests/ui_drive.c tests/ui_game.h
TESTS += tests/test_ui_tmux.sh
EXTRA_DIST += tests/test_ui_tmux.sh

# The layers of ui/: no include circle, nothing below the frame derives.
TESTS += tests/test_ui_layers.sh
EXTRA_DIST += tests/test_ui_layers.sh

# The expected screens of tests/test_screens (CS_UPDATE_SCREENS=1 rewrites them).
EXTRA_DIST += \
	tests/screens/ascii_plays_80x24.txt \
	tests/screens/ascii_shots_120x35.txt \
	tests/screens/box_sorted_pts.txt \
	tests/screens/filter_period_q1.txt \
	tests/screens/filter_player.txt \
	tests/screens/filter_scoring.txt \
	tests/screens/filter_team_home.txt \
	tests/screens/full_160x45.txt \
	tests/screens/full_200x50.txt \
	tests/screens/header_stale_80x24.txt \
	tests/screens/mono_vt100_80x24.txt \
	tests/screens/search_next.txt \
	tests/screens/search_prompt.txt \
	tests/screens/shots_player_half.txt \
	tests/screens/single_80x24_box.txt \
	tests/screens/single_80x24_help.txt \
	tests/screens/single_80x24_lineups.txt \
	tests/screens/single_80x24_plays.txt \
	tests/screens/single_80x24_shots.txt \
	tests/screens/too_small_50x15.txt \
	tests/screens/two_120x35.txt \
	tests/screens/zoom_shots_120x35.txt \
	tests/screens/zoom_zones_120x35.txt \
	tests/screens/zoom_zones_home_half.txt
