# The game model: normalized events, derivations, export.  Pure C, no I/O.
libcourtside_a_SOURCES += \
	src/model/event.c src/model/event.h \
	src/model/game.h \
	src/model/export.h

# The model's own files: storage, players, rules, the fold, the API, export.
libcourtside_a_SOURCES += \
	src/model/game_int.h \
	src/model/store.c src/model/roster.c src/model/rules.c \
	src/model/derive.c src/model/analytics.c src/model/game.c src/model/export.c \
	src/model/possessions.c src/model/possessions.h \
	src/model/presence.c src/model/presence.h

check_PROGRAMS += tests/test_model tests/test_event tests/test_export tests/test_analytics
TESTS += tests/test_model tests/test_event tests/test_export tests/test_analytics
tests_test_model_SOURCES = tests/test_model.c tests/tap.h tests/test_files.h
tests_test_event_SOURCES = tests/test_event.c tests/tap.h
tests_test_export_SOURCES = tests/test_export.c tests/tap.h
tests_test_analytics_SOURCES = tests/test_analytics.c tests/tap.h

# json_equal: semantic JSON comparison for integration tests (a tool, not a
# test itself; tests/test_json_equal.sh tests it).
check_PROGRAMS += tests/json_equal
tests_json_equal_SOURCES = tests/json_equal.c
tests_json_equal_LDADD = $(JSONC_LIBS)
TESTS += tests/test_json_equal.sh
EXTRA_DIST += tests/test_json_equal.sh

# `make bench`: how fast the model takes events.
EXTRA_PROGRAMS += bench/bench_model
bench_progs += bench/bench_model
bench_bench_model_SOURCES = bench/bench_model.c

# ShotTracker's own possessions: parser -> model -> export, hand-computed.
check_PROGRAMS += tests/test_possessions
TESTS += tests/test_possessions
tests_test_possessions_SOURCES = tests/test_possessions.c tests/tap.h
tests_test_possessions_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
EXTRA_DIST += tests/data/shottracker/possessions.json tests/data/shottracker/possession_frame.json

# The sensors' presence, lineups at a time and sensor assignments: their
# parser (providers/shottracker_presence.c) and their reconciliation.
check_PROGRAMS += tests/test_presence
TESTS += tests/test_presence
tests_test_presence_SOURCES = tests/test_presence.c tests/tap.h

# The fold's records: each equals its stored event, in the store's order.
check_PROGRAMS += tests/test_model_fold_recs
TESTS += tests/test_model_fold_recs
tests_test_model_fold_recs_SOURCES = tests/test_model_fold_recs.c tests/tap.h

# Rosters that come late (issue 19): the same model as rosters first, in
# the model's fold and through Sportradar's summary.json and pbp.json.
check_PROGRAMS += tests/test_roster_late
TESTS += tests/test_roster_late
tests_test_roster_late_SOURCES = tests/test_roster_late.c tests/tap.h tests/test_files.h
tests_test_roster_late_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSR_TEST_DATA='"$(abs_top_srcdir)/tests/data/sportradar"'
