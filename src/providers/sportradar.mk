# src/providers/sportradar.mk: sources, tests and benchmarks of this module.
# Sportradar: parsers (pure), the push stream splitter (pure), the provider.
libcourtside_a_SOURCES += \
	src/providers/sportradar.h \
	src/providers/sportradar_parse.c \
	src/providers/sportradar_push.c \
	src/providers/sportradar.c

check_PROGRAMS += tests/test_sportradar_parse tests/test_sportradar_push
TESTS += tests/test_sportradar_parse tests/test_sportradar_push
tests_test_sportradar_parse_SOURCES = tests/test_sportradar_parse.c tests/tap.h
tests_test_sportradar_parse_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSR_TEST_DATA='"$(abs_top_srcdir)/tests/data/sportradar"'
tests_test_sportradar_push_SOURCES = tests/test_sportradar_push.c tests/tap.h

# The provider on a real feed thread against a scripted server.
check_PROGRAMS += tests/sportradar_client
tests_sportradar_client_SOURCES = tests/sportradar_client.c
TESTS += tests/test_sportradar_provider.sh
EXTRA_DIST += tests/test_sportradar_provider.sh tests/sportradar_fake_server.py

# courtside against courtside-sim (skips until both binaries are built).
TESTS += tests/test_sportradar_live.sh
EXTRA_DIST += tests/test_sportradar_live.sh

EXTRA_DIST += \
	tests/data/sportradar/pbp_halves.json \
	tests/data/sportradar/pbp_old.json \
	tests/data/sportradar/pbp_overtime.json \
	tests/data/sportradar/summary.json \
	tests/data/sportradar/push_delete.json \
	tests/data/sportradar/push_enrich_1.json \
	tests/data/sportradar/push_enrich_2.json \
	tests/data/sportradar/push_enrich_3.json \
	tests/data/sportradar/push_heave.json \
	tests/data/sportradar/push_ot_endperiod.json \
	tests/data/sportradar/push_other_game.json \
	tests/data/sportradar/push_player_without_id.json \
	tests/data/sportradar/push_team_rebound.json \
	tests/data/sportradar/push_team_turnover.json \
	tests/data/sportradar/push_timeout.json \
	tests/data/sportradar/push_unknown_type.json \
	tests/data/sportradar/push_v7_threepointmade.json \
	tests/data/sportradar/push_v8_create.json

# Fuzz targets (tests/fuzz/driver.c in normal builds; libFuzzer with
# --enable-fuzz CC=clang; the flags come from shottracker.mk).
check_PROGRAMS += tests/fuzz/fuzz_sportradar_pbp tests/fuzz/fuzz_sportradar_push
tests_fuzz_fuzz_sportradar_pbp_SOURCES = tests/fuzz/fuzz_sportradar_pbp.c
tests_fuzz_fuzz_sportradar_pbp_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_sportradar_pbp_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_sportradar_pbp_LDFLAGS = $(fuzz_ld_flags)
tests_fuzz_fuzz_sportradar_push_SOURCES = tests/fuzz/fuzz_sportradar_push.c
tests_fuzz_fuzz_sportradar_push_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_sportradar_push_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_sportradar_push_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_sportradar_pbp_SOURCES += tests/fuzz/driver.c
tests_fuzz_fuzz_sportradar_push_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_sportradar_pbp tests/fuzz/fuzz_sportradar_push
endif
EXTRA_DIST += \
	tests/fuzz/corpus/sportradar_pbp/halves.json \
	tests/fuzz/corpus/sportradar_pbp/old.json \
	tests/fuzz/corpus/sportradar_pbp/overtime.json \
	tests/fuzz/corpus/sportradar_pbp/summary.json \
	tests/fuzz/corpus/sportradar_push/concatenated \
	tests/fuzz/corpus/sportradar_push/smallcap \
	tests/fuzz/corpus/sportradar_push/stream_crlf \
	tests/fuzz/corpus/sportradar_push/stream_lines \
	tests/fuzz/corpus/sportradar_push/truncated

# `make bench`: bytes to events.
EXTRA_PROGRAMS += bench/bench_sportradar
bench_progs += bench/bench_sportradar
bench_bench_sportradar_SOURCES = bench/bench_sportradar.c
bench_bench_sportradar_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
