# src/providers/providers.mk: sources, tests and benchmarks of the providers
# (ShotTracker, Sportradar, the replay of captures), one section each.
# fuzz_*_flags are defined in the ShotTracker section and shared with the
# other fuzz targets (src/sim/sim.mk, tests/fuzz/fuzz.mk).

# ---- ShotTracker ----
libcourtside_a_SOURCES += \
	src/providers/shottracker.c src/providers/shottracker.h \
	src/providers/shottracker_parse.c \
	src/providers/shottracker_possessions.c src/providers/shottracker_possessions.h \
	src/providers/shottracker_presence.c src/providers/shottracker_presence.h \
	src/providers/shottracker_clip.c src/providers/shottracker_clip.h \
	src/providers/json_scan.c src/providers/json_scan.h

# The day's schedule of either provider (--list, the game picker).
libcourtside_a_SOURCES += \
	src/providers/schedule.c src/providers/schedule.h \
	src/providers/shottracker_schedule.c src/providers/sportradar_schedule.c

check_PROGRAMS += tests/test_shottracker_parse tests/test_json_scan
TESTS += tests/test_json_scan
tests_test_json_scan_SOURCES = tests/test_json_scan.c tests/tap.h
TESTS += tests/test_shottracker_parse
# The catch-up's possessions and videos one element at a time read as whole trees did (issue 20).
check_PROGRAMS += tests/test_st_catchup_pieces
TESTS += tests/test_st_catchup_pieces
tests_test_st_catchup_pieces_SOURCES = tests/test_st_catchup_pieces.c tests/tap.h
tests_test_shottracker_parse_SOURCES = tests/test_shottracker_parse.c tests/tap.h
tests_test_shottracker_parse_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
EXTRA_DIST += \
	tests/data/shottracker/catchup.json tests/data/shottracker/frames.ndjson \
	tests/data/shottracker/game.json tests/data/shottracker/lineups.json \
	tests/data/shottracker/roster_526.json tests/data/shottracker/roster_552.json \
	tests/data/shottracker/subscribe.json

# Fuzz targets.  Normal builds link tests/fuzz/driver.c (corpus + 20,000
# deterministic mutations, TAP) and run them in `make check`; with
# ./configure --enable-fuzz CC=clang they are libFuzzer binaries instead:
#   make tests/fuzz/fuzz_shottracker_frame
#   ./tests/fuzz/fuzz_shottracker_frame $(srcdir)/tests/fuzz/corpus/shottracker_frame
# fuzz_*_flags are shared with the other modules' fuzz targets.
if ENABLE_FUZZ
fuzz_cpp_flags = $(AM_CPPFLAGS)
fuzz_c_flags = $(AM_CFLAGS) -fsanitize=fuzzer
fuzz_ld_flags = -fsanitize=fuzzer
else
fuzz_cpp_flags = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
fuzz_c_flags = $(AM_CFLAGS)
fuzz_ld_flags =
endif
EXTRA_DIST += tests/fuzz/driver.c tests/fuzz/fuzz_shottracker.h tests/fuzz/fuzz_sportradar.h

check_PROGRAMS += tests/fuzz/fuzz_shottracker_details tests/fuzz/fuzz_shottracker_frame \
	tests/fuzz/fuzz_shottracker_roster
tests_fuzz_fuzz_shottracker_details_SOURCES = tests/fuzz/fuzz_shottracker_details.c
tests_fuzz_fuzz_shottracker_details_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_shottracker_details_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_shottracker_details_LDFLAGS = $(fuzz_ld_flags)
tests_fuzz_fuzz_shottracker_frame_SOURCES = tests/fuzz/fuzz_shottracker_frame.c
tests_fuzz_fuzz_shottracker_frame_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_shottracker_frame_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_shottracker_frame_LDFLAGS = $(fuzz_ld_flags)
tests_fuzz_fuzz_shottracker_roster_SOURCES = tests/fuzz/fuzz_shottracker_roster.c
tests_fuzz_fuzz_shottracker_roster_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_shottracker_roster_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_shottracker_roster_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_shottracker_details_SOURCES += tests/fuzz/driver.c
tests_fuzz_fuzz_shottracker_frame_SOURCES += tests/fuzz/driver.c
tests_fuzz_fuzz_shottracker_roster_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_shottracker_details tests/fuzz/fuzz_shottracker_frame \
	tests/fuzz/fuzz_shottracker_roster
endif
EXTRA_DIST += \
	tests/fuzz/corpus/shottracker_details/catchup_fouls_timeout_heave.json \
	tests/fuzz/corpus/shottracker_details/catchup_small.json \
	tests/fuzz/corpus/shottracker_details/lineups.json \
	tests/fuzz/corpus/shottracker_details/stats_only.json \
	tests/fuzz/corpus/shottracker_frame/array.json \
	tests/fuzz/corpus/shottracker_frame/details_deleted.json \
	tests/fuzz/corpus/shottracker_frame/frame_00.json \
	tests/fuzz/corpus/shottracker_frame/frame_01.json \
	tests/fuzz/corpus/shottracker_frame/frame_02.json \
	tests/fuzz/corpus/shottracker_frame/frame_03.json \
	tests/fuzz/corpus/shottracker_frame/frame_04.json \
	tests/fuzz/corpus/shottracker_frame/frame_05.json \
	tests/fuzz/corpus/shottracker_frame/frame_06.json \
	tests/fuzz/corpus/shottracker_frame/frame_07.json \
	tests/fuzz/corpus/shottracker_frame/frame_08.json \
	tests/fuzz/corpus/shottracker_frame/frame_09.json \
	tests/fuzz/corpus/shottracker_frame/frame_10.json \
	tests/fuzz/corpus/shottracker_frame/frame_11.json \
	tests/fuzz/corpus/shottracker_frame/frame_12.json \
	tests/fuzz/corpus/shottracker_frame/frame_13.json \
	tests/fuzz/corpus/shottracker_frame/pong.txt \
	tests/fuzz/corpus/shottracker_roster/game.json \
	tests/fuzz/corpus/shottracker_roster/game_halves_complete.json \
	tests/fuzz/corpus/shottracker_roster/roster_526.json \
	tests/fuzz/corpus/shottracker_roster/roster_552.json \
	tests/fuzz/corpus/shottracker_roster/subscribe.json \
	tests/fuzz/corpus/shottracker_roster/subscribe_bare.json

# End to end against courtside-sim (skips until the simulator generates games).
TESTS += tests/test_shottracker_live.sh tests/test_shottracker_ping.sh tests/test_st_rest_retry.sh
EXTRA_DIST += tests/test_shottracker_live.sh tests/test_shottracker_ping.sh tests/test_st_rest_retry.sh

# make bench: ingest speed, full-game catch-up time, live frame -> model latency.
EXTRA_PROGRAMS += bench/bench_shottracker
bench_progs += bench/bench_shottracker
bench_bench_shottracker_SOURCES = bench/bench_shottracker.c
bench_bench_shottracker_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"' \
	-DTOP_BUILDDIR='"$(abs_top_builddir)"'

# The provider on a real feed thread against a scripted server (every
# recovery path: drop, gap, duplicate, 4001, 401 on upgrade, 4002).
check_PROGRAMS += tests/shottracker_client
tests_shottracker_client_SOURCES = tests/shottracker_client.c
TESTS += tests/test_shottracker_provider.sh
EXTRA_DIST += tests/test_shottracker_provider.sh tests/shottracker_fake_server.py

# Possessions and videos (shottracker_possessions.c) on the vendor's own
# examples, tests/data/seeds; test_seeds.sh serves every seed fixture from a
# real local server and runs the real courtside and courtside-sim on them.
# The CLIP action's span, body and answer (shottracker_clip.c).
check_PROGRAMS += tests/test_shottracker_clip
TESTS += tests/test_shottracker_clip
tests_test_shottracker_clip_SOURCES = tests/test_shottracker_clip.c tests/tap.h

check_PROGRAMS += tests/test_shottracker_possessions
TESTS += tests/test_shottracker_possessions
tests_test_shottracker_possessions_SOURCES = tests/test_shottracker_possessions.c tests/tap.h
tests_test_shottracker_possessions_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
EXTRA_DIST += tests/data/seeds/MANIFEST tests/data/seeds/README.md \
	tests/data/seeds/st_game_event.json tests/data/seeds/st_game_event_404.json \
	tests/data/seeds/st_game_event_500.json \
	tests/data/seeds/st_video_action_clip_request.txt \
	tests/data/seeds/st_video_action_discover_streams_request.txt \
	tests/data/seeds/st_stats_possessions.json tests/data/seeds/st_stats_possessions_403.json \
	tests/data/seeds/st_stats_possessions_404.json tests/data/seeds/st_stats_possessions_500.json \
	tests/data/seeds/st_game_videos.json tests/data/seeds/st_game_videos_403.json \
	tests/data/seeds/st_game_videos_500.json \
	tests/seed_fixtures.py
check_PROGRAMS += tests/seeds_client
tests_seeds_client_SOURCES = tests/seeds_client.c
TESTS += tests/test_seeds.sh
EXTRA_DIST += tests/test_seeds.sh

# ---- Sportradar ----
# Sportradar: parsers (pure), the push stream splitter (pure), the provider.
libcourtside_a_SOURCES += \
	src/providers/sportradar.h \
	src/providers/sportradar_parse.c \
	src/providers/sportradar_push.c \
	src/providers/sportradar.c

check_PROGRAMS += tests/test_sportradar_parse tests/test_sportradar_push
TESTS += tests/test_sportradar_parse tests/test_sportradar_push
tests_test_sportradar_parse_SOURCES = tests/test_sportradar_parse.c tests/tap.h tests/test_files.h
tests_test_sportradar_parse_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSR_TEST_DATA='"$(abs_top_srcdir)/tests/data/sportradar"'
tests_test_sportradar_push_SOURCES = tests/test_sportradar_push.c tests/tap.h
# Push lines read both ways (scanner and json-c tree) must agree (issue 20).
check_PROGRAMS += tests/test_sportradar_scan
TESTS += tests/test_sportradar_scan
tests_test_sportradar_scan_SOURCES = tests/test_sportradar_scan.c tests/tap.h tests/sr_pair.h
tests_test_sportradar_scan_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSR_TEST_DATA='"$(abs_top_srcdir)/tests/data/sportradar"' \
	-DSR_FUZZ_CORPUS='"$(abs_top_srcdir)/tests/fuzz/corpus/sportradar_push"'
# pbp.json's events read both ways (scanner and json-c tree) must agree (issue 20).
check_PROGRAMS += tests/test_sportradar_pbp_scan
TESTS += tests/test_sportradar_pbp_scan
tests_test_sportradar_pbp_scan_SOURCES = tests/test_sportradar_pbp_scan.c tests/tap.h \
	tests/sr_pair.h
tests_test_sportradar_pbp_scan_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSR_TEST_DATA='"$(abs_top_srcdir)/tests/data/sportradar"'
# pbp.json's heap while its events are delivered (issue 20).
check_PROGRAMS += tests/test_sportradar_pbp_memory
TESTS += tests/test_sportradar_pbp_memory
tests_test_sportradar_pbp_memory_SOURCES = tests/test_sportradar_pbp_memory.c tests/tap.h
# pbp.json in pieces, as it arrives: the same model as whole; cut short, refused.
check_PROGRAMS += tests/test_sportradar_pbp_stream
TESTS += tests/test_sportradar_pbp_stream
tests_test_sportradar_pbp_stream_SOURCES = tests/test_sportradar_pbp_stream.c tests/tap.h
tests_test_sportradar_pbp_stream_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSR_TEST_DATA='"$(abs_top_srcdir)/tests/data/sportradar"'

# The provider on a real feed thread against a scripted server.
check_PROGRAMS += tests/sportradar_client
tests_sportradar_client_SOURCES = tests/sportradar_client.c
TESTS += tests/test_sportradar_provider.sh
EXTRA_DIST += tests/test_sportradar_provider.sh tests/sportradar_fake_server.py

# courtside against courtside-sim (skips until both binaries are built).
TESTS += tests/test_sportradar_live.sh
EXTRA_DIST += tests/test_sportradar_live.sh
# pbp.json in small chunks and cut short, over real HTTP.
TESTS += tests/test_sportradar_pbp_chunks.sh
EXTRA_DIST += tests/test_sportradar_pbp_chunks.sh tests/sportradar_pbp_server.py

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
# --enable-fuzz CC=clang; the flags come from the ShotTracker section above).
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
# Differential: push lines read by the scanner and by json-c's tree agree.
check_PROGRAMS += tests/fuzz/fuzz_sportradar_scan
tests_fuzz_fuzz_sportradar_scan_SOURCES = tests/fuzz/fuzz_sportradar_scan.c
tests_fuzz_fuzz_sportradar_scan_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_sportradar_scan_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_sportradar_scan_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_sportradar_scan_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_sportradar_scan
endif
EXTRA_DIST += tests/fuzz/corpus/sportradar_scan
# Differential: pbp.json's events read by the scanner and by json-c's tree agree.
check_PROGRAMS += tests/fuzz/fuzz_sportradar_pbp_scan
tests_fuzz_fuzz_sportradar_pbp_scan_SOURCES = tests/fuzz/fuzz_sportradar_pbp_scan.c
tests_fuzz_fuzz_sportradar_pbp_scan_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_sportradar_pbp_scan_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_sportradar_pbp_scan_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_sportradar_pbp_scan_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_sportradar_pbp_scan
endif
EXTRA_DIST += tests/fuzz/corpus/sportradar_pbp_scan
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

# Clock frames read by the scanner equal the whole-tree parse (issue 20).
check_PROGRAMS += tests/test_st_clock_scan
TESTS += tests/test_st_clock_scan
tests_test_st_clock_scan_SOURCES = tests/test_st_clock_scan.c tests/tap.h

# ---- Replay ----
# The provider registry (provider.h) and the replay: captures through the
# providers' own parsers (providers/parser.h).
libcourtside_a_SOURCES += \
	src/providers/provider.c src/providers/provider.h \
	src/providers/parser.h \
	src/providers/replay.c src/providers/replay.h \
	src/providers/replay_once.c

# The videos list asked for again while live (shottracker.c refresh_videos).
TESTS += tests/test_st_videos_refresh.sh
EXTRA_DIST += tests/test_st_videos_refresh.sh
# Any number of overtimes through both parsers into the model (issue 20 item 6).
check_PROGRAMS += tests/test_overtime_parse
TESTS += tests/test_overtime_parse
tests_test_overtime_parse_SOURCES = tests/test_overtime_parse.c tests/tap.h
tests_test_overtime_parse_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
# The ShotTracker frame scanner against the json-c path, frame by frame (issue 20).
check_PROGRAMS += tests/test_shottracker_scan
TESTS += tests/test_shottracker_scan
tests_test_shottracker_scan_SOURCES = tests/test_shottracker_scan.c tests/tap.h
tests_test_shottracker_scan_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=json_tokener_new_ex
# A capture's ShotTracker frames behind a space, so a replay reads them all
# with json-c (tests/test_replay_fast.sh: the scanner's export equals it).
check_PROGRAMS += tests/st_spaced_capture
tests_st_spaced_capture_SOURCES = tests/st_spaced_capture.c
