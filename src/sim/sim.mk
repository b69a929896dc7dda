# src/sim/sim.mk: courtside-sim -- its game (the basketball, the wire
# renderers, the ground truth) and its server -- and their tests.

# ---- the game ----
# The simulator's game -- the basketball (generator.c),
# its two wire renderers, its ground truth -- and their test.
libcourtside_a_SOURCES += \
	src/sim/simgame.h src/sim/simgame_internal.h \
	src/sim/generator.c \
	src/sim/sim_names.c src/sim/sim_names.h \
	src/sim/sim_json.c \
	src/sim/render_sportradar.c \
	src/sim/render_shottracker.c src/sim/render_possessions.c \
	src/sim/render_sensors.c \
	src/sim/truth.c \
	src/sim/truth_coach.c

check_PROGRAMS += tests/test_simgame
TESTS += tests/test_simgame
tests_test_simgame_SOURCES = tests/test_simgame.c tests/tap.h

# The coach's numbers end to end: courtside's export = the simulator's truth.
TESTS += tests/test_sim_analytics.sh
# Any number of overtimes: a 10-overtime game end to end (issue 20 item 6)
TESTS += tests/test_overtimes.sh
EXTRA_DIST += tests/test_overtimes.sh
EXTRA_DIST += tests/test_sim_analytics.sh

# ---- the server ----
# courtside-sim's server (REST + WebSocket + push on one
# lws context), its fault injection, its command line and its tests.
libcourtside_a_SOURCES += \
	src/sim/faults.c src/sim/faults.h \
	src/sim/capture_game.c src/sim/capture_game.h \
	src/sim/server.c src/sim/server.h src/sim/server_priv.h \
	src/sim/server_http.c src/sim/server_stream.c \
	src/sim/server_seeds.c \
	src/sim/league.c src/sim/league.h

dist_man_MANS += doc/courtside-sim.1

check_PROGRAMS += tests/test_faults tests/test_sim_server
TESTS += tests/test_faults tests/test_sim_server
tests_test_faults_SOURCES = tests/test_faults.c tests/tap.h
tests_test_sim_server_SOURCES = tests/test_sim_server.c tests/tap.h

# The server seen by third-party clients (curl, openssl, python3-websockets).
TESTS += tests/test_sim_possessions.sh
EXTRA_DIST += tests/test_sim_possessions.sh
TESTS += tests/test_clip.sh
EXTRA_DIST += tests/test_clip.sh
TESTS += tests/test_sim_shottracker.sh tests/test_sim_sportradar.sh \
	tests/test_sim_faults.sh tests/test_sim_cli.sh tests/test_sim_capture.sh \
	tests/test_sim_idle.sh tests/test_sim_st_opening.sh
EXTRA_DIST += tests/test_sim_shottracker.sh tests/test_sim_sportradar.sh \
	tests/test_sim_faults.sh tests/test_sim_cli.sh tests/test_sim_capture.sh \
	tests/test_sim_idle.sh tests/test_sim_st_opening.sh tests/sim_common.sh \
	tests/sim_ws_client.py tests/sim_fuzz.py tests/sim_idle_clients.py

# Fuzz target: a capture as --replay reads it and as --capture serves it
# (tests/fuzz/driver.c in normal builds; the flags come from src/providers/providers.mk).
check_PROGRAMS += tests/fuzz/fuzz_capture
tests_fuzz_fuzz_capture_SOURCES = tests/fuzz/fuzz_capture.c
tests_fuzz_fuzz_capture_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_capture_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_capture_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_capture_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_capture
endif
EXTRA_DIST += \
	tests/fuzz/corpus/capture/header_only_v1 \
	tests/fuzz/corpus/capture/header_only_v2 \
	tests/fuzz/corpus/capture/shottracker_live_v1 \
	tests/fuzz/corpus/capture/shottracker_live_v2 \
	tests/fuzz/corpus/capture/sportradar_push_v1 \
	tests/fuzz/corpus/capture/sportradar_push_v2

# What the sensors saw, served from the game and read by courtside in a
# terminal: agreement, --st-disagree, the player's sensors.
TESTS += tests/test_sim_presence.sh
EXTRA_DIST += tests/test_sim_presence.sh
