# src/sim/generator.mk: the simulator's game -- the basketball (generator.c),
# its two wire renderers, its ground truth -- and their test.
libcourtside_a_SOURCES += \
	src/sim/simgame.h src/sim/simgame_internal.h \
	src/sim/generator.c \
	src/sim/sim_names.c src/sim/sim_names.h \
	src/sim/sim_json.c \
	src/sim/render_sportradar.c \
	src/sim/render_shottracker.c \
	src/sim/truth.c \
	src/sim/truth_coach.c

check_PROGRAMS += tests/test_simgame
TESTS += tests/test_simgame
tests_test_simgame_SOURCES = tests/test_simgame.c tests/tap.h

# The coach's numbers end to end: courtside's export = the simulator's truth.
TESTS += tests/test_sim_analytics.sh
EXTRA_DIST += tests/test_sim_analytics.sh
