# Tests that belong to no single module.
check_PROGRAMS += tests/test_sign
TESTS += tests/test_sign
tests_test_sign_SOURCES = tests/test_sign.c tests/tap.h

check_PROGRAMS += tests/test_slice
TESTS += tests/test_slice
tests_test_slice_SOURCES = tests/test_slice.c tests/tap.h

check_PROGRAMS += tests/test_settings
TESTS += tests/test_settings
tests_test_settings_SOURCES = tests/test_settings.c tests/tap.h

TESTS += tests/test_cli.sh
EXTRA_DIST += tests/test_cli.sh

# The tmux tests' helpers (tm, screen, has, wait_for, tm_start, ...), sourced.
EXTRA_DIST += tests/tmux_common.sh

check_PROGRAMS += tests/test_capture
TESTS += tests/test_capture
tests_test_capture_SOURCES = tests/test_capture.c tests/tap.h

TESTS += tests/test_replay.sh
EXTRA_DIST += tests/test_replay.sh
# courtside's own replay to the end: byte for byte the normal path's (issue 20).
TESTS += tests/test_replay_fast.sh
EXTRA_DIST += tests/test_replay_fast.sh

TESTS += tests/test_capture_damage.sh
EXTRA_DIST += tests/test_capture_damage.sh tests/capture_flips.py \
	tests/data/capture/v1_shottracker.cap tests/data/capture/v1_shottracker.json

EXTRA_PROGRAMS += bench/bench_replay
bench_progs += bench/bench_replay
bench_bench_replay_SOURCES = bench/bench_replay.c
bench_bench_replay_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_BUILDDIR='"$(abs_top_builddir)"'

check_PROGRAMS += tests/test_replay_control
TESTS += tests/test_replay_control
tests_test_replay_control_SOURCES = tests/test_replay_control.c tests/tap.h

# The log file: repeats collapsed, size capped and rotated.
check_PROGRAMS += tests/test_log
TESTS += tests/test_log
tests_test_log_SOURCES = tests/test_log.c tests/tap.h

# The fold's checkpoints: a change in the past equals a fold from the start.
check_PROGRAMS += tests/test_model_checkpoints
TESTS += tests/test_model_checkpoints
tests_test_model_checkpoints_SOURCES = tests/test_model_checkpoints.c tests/tap.h
# Stored events cut to their statistics: enrichments kept whole, heap per event.
check_PROGRAMS += tests/test_store
TESTS += tests/test_store
tests_test_store_SOURCES = tests/test_store.c tests/tap.h
# Minutes that add up, against the simulator's truth (issue 17 item 8).
TESTS += tests/test_minutes_truth.sh
EXTRA_DIST += tests/test_minutes_truth.sh
# Game sessions: two in one process, each its own model and feed.
check_PROGRAMS += tests/test_session
TESTS += tests/test_session
tests_test_session_SOURCES = tests/test_session.c tests/tap.h

# courtside --list against courtside-sim --games 8 (both schedules).
TESTS += tests/test_list.sh
EXTRA_DIST += tests/test_list.sh

# The schedule parsers on the documents' examples and hostile input.
check_PROGRAMS += tests/test_schedule
TESTS += tests/test_schedule
tests_test_schedule_SOURCES = tests/test_schedule.c tests/tap.h

# Several games in one process against courtside-sim --games 8.
TESTS += tests/test_league.sh
TESTS += tests/test_league_rest.sh
EXTRA_DIST += tests/test_league.sh
EXTRA_DIST += tests/test_league_rest.sh

# Sportradar's push filters and locale on the league subscription.
TESTS += tests/test_push_filters.sh
EXTRA_DIST += tests/test_push_filters.sh
