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
	ui/pane_team.c ui/unit_label.c ui/unit_label.h \
	ui/pane_strip.c ui/pane_strip.h \
	ui/pane_possessions.c \
	ui/keymap.c ui/keymap.h ui/scroll.c ui/scroll.h \
	ui/filter.c ui/filter.h ui/label.c ui/label.h \
	ui/layout.c ui/layout.h ui/court.c ui/court.h \
	ui/text.c ui/text.h ui/theme.c ui/theme.h \
	ui/picker.c ui/picker.h \
	ui/rows.c ui/rows.h \
	ui/flush.c ui/flush.h

check_PROGRAMS += tests/test_ui_layout
TESTS += tests/test_ui_layout
tests_test_ui_layout_SOURCES = tests/test_ui_layout.c tests/tap.h

check_PROGRAMS += tests/test_redraw
TESTS += tests/test_redraw
tests_test_redraw_SOURCES = tests/test_redraw.c tests/ui_game.h tests/tap.h

# ui_flush() leaves curscr as doupdate() alone would (flush.h).
check_PROGRAMS += tests/test_flush
TESTS += tests/test_flush
tests_test_flush_SOURCES = tests/test_flush.c tests/ui_game.h tests/tap.h

# ... and its bytes show a real terminal (tmux) the same screen.
TESTS += tests/test_flush_bytes.sh
EXTRA_DIST += tests/test_flush_bytes.sh

# A frame reaches the terminal in one write (ncurses' flush per move).
check_PROGRAMS += tests/test_frame_io
TESTS += tests/test_frame_io
tests_test_frame_io_SOURCES = tests/test_frame_io.c tests/ui_game.h tests/tap.h

# ui_text's cells are waddnstr's (ASCII written as cells, wide characters cut).
check_PROGRAMS += tests/test_text_cells
TESTS += tests/test_text_cells
tests_test_text_cells_SOURCES = tests/test_text_cells.c tests/tap.h

check_PROGRAMS += tests/test_screens
TESTS += tests/test_screens
tests_test_screens_SOURCES = tests/test_screens.c tests/ui_game.h tests/tap.h \
	tests/ui_plays_game.h tests/ui_game15.h

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
	tests/screens/box15_100x30.txt \
	tests/screens/box15_120x35.txt \
	tests/screens/box15_160x45.txt \
	tests/screens/box15_160x48.txt \
	tests/screens/box15_200x50.txt \
	tests/screens/box15_250x70.txt \
	tests/screens/box15_80x24.txt \
	tests/screens/box15_80x24_T_away.txt \
	tests/screens/box15_final_160x45.txt \
	tests/screens/box15_final_250x70.txt \
	tests/screens/filter_period_q1.txt \
	tests/screens/filter_player.txt \
	tests/screens/filter_scoring.txt \
	tests/screens/filter_team_home.txt \
	tests/screens/full_160x45.txt \
	tests/screens/full_200x50.txt \
	tests/screens/header_not_caught_up_80x24.txt \
	tests/screens/header_stale_80x24.txt \
	tests/screens/mono_vt100_80x24.txt \
	tests/screens/plays_newer_80x24.txt \
	tests/screens/plays_story_160x45.txt \
	tests/screens/plays_story_80x24.txt \
	tests/screens/search_next.txt \
	tests/screens/search_prompt.txt \
	tests/screens/shots_player_half.txt \
	tests/screens/shots_story_160x45.txt \
	tests/screens/shots_story_80x24.txt \
	tests/screens/single_80x24_box.txt \
	tests/screens/single_80x24_help.txt \
	tests/screens/single_80x24_lineups.txt \
	tests/screens/single_80x24_plays.txt \
	tests/screens/single_80x24_shots.txt \
	tests/screens/too_small_50x15.txt \
	tests/screens/two_120x35.txt \
	tests/screens/vt100_shots_80x24.txt \
	tests/screens/zones_story_160x45.txt \
	tests/screens/zones_story_80x24.txt \
	tests/screens/zoom_shots_120x35.txt \
	tests/screens/zoom_zones_120x35.txt \
	tests/screens/zoom_zones_home_half.txt
# the Team pane (5)
EXTRA_DIST += \
	tests/screens/team_80x24.txt \
	tests/screens/team_120x35.txt \
	tests/screens/team_160x45.txt \
	tests/screens/team_160x45_q1.txt \
	tests/screens/header_run_160x45.txt \
	tests/screens/header_run_80x24.txt

# Five-man unit labels: told apart at every width.
check_PROGRAMS += tests/test_unit_label
TESTS += tests/test_unit_label
tests_test_unit_label_SOURCES = tests/test_unit_label.c tests/tap.h

# The box score's words: labels, minutes, foul marks, ASCII names.
check_PROGRAMS += tests/test_ui_label
TESTS += tests/test_ui_label
tests_test_ui_label_SOURCES = tests/test_ui_label.c tests/tap.h

# The box score at three sizes in tmux: courtside --replay of a recorded game.
TESTS += tests/test_tmux_sizes.sh
EXTRA_DIST += tests/test_tmux_sizes.sh
# Terminal types: TERM=dumb refused in one line, the others drawn.
TESTS += tests/test_tmux_terms.sh
EXTRA_DIST += tests/test_tmux_terms.sh
# The header's feed state against servers that freeze.
TESTS += tests/test_tmux_states.sh
EXTRA_DIST += tests/test_tmux_states.sh

# The game picker on a real terminal against courtside-sim --games 8.
TESTS += tests/test_picker_tmux.sh
EXTRA_DIST += tests/test_picker_tmux.sh
# A league's game off screen redraws its strip cell, not the frame.
TESTS += tests/test_league_frames.sh
EXTRA_DIST += tests/test_league_frames.sh
EXTRA_DIST += \
	tests/screens/picker_80x24.txt tests/screens/picker_160x45.txt \
	tests/screens/picker_search_80x24.txt tests/screens/picker_scrolled_80x24.txt \
	tests/screens/picker_no_schedule_80x24.txt tests/screens/picker_no_schedule_160x45.txt
# Screens of session 9's sizes and states (and earlier ones never listed)
EXTRA_DIST += \
	tests/screens/box_fga100_80x24.txt tests/screens/too_small_strip_60x16.txt \
	tests/screens/strip_first_80x24.txt tests/screens/shots_legend_120x35.txt \
	tests/screens/status_seek_80x24.txt tests/screens/team_60x20.txt \
	tests/screens/picker_50x12.txt tests/screens/units_60x30.txt \
	tests/screens/strip_80x24.txt tests/screens/strip_160x45.txt \
	tests/screens/strip_not_caught_up_160x45.txt \
	tests/screens/ot10_80x24.txt tests/screens/ot10_80x24_T.txt \
	tests/screens/ot10_160x45.txt tests/screens/possessions_80x24.txt \
	tests/screens/possessions_160x45.txt tests/screens/possessions_zoom_160x45.txt
EXTRA_DIST += tests/screens/possessions_units_80x24.txt tests/screens/picker_scoreless_80x24.txt \
	tests/screens/picker_scoreless_40x12.txt

# A league night at the edge sizes in tmux: the strip, too small under it.
TESTS += tests/test_league_sizes_tmux.sh
EXTRA_DIST += tests/test_league_sizes_tmux.sh
