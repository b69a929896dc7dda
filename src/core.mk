# The application core: settings, log, feed-to-model glue, game sessions, and the util leaf
# (strings, sanitizing, causes, growth, hashing) every module may use.
libcourtside_a_SOURCES += \
	src/app.c src/app.h \
	src/session.c src/session.h \
	src/log.c src/log.h \
	src/util.c src/util.h \
	src/settings.c src/settings.h \
	src/video.c src/video.h \
	src/export_file.c src/export_file.h

# Capture files (--record / --replay); the feed writes, the replay provider reads.
# Their chained sums are SHA-256 of our own (sha256.h says why).
libcourtside_a_SOURCES += src/net/capture.c src/net/capture.h \
	src/net/sha256.c src/net/sha256.h
check_PROGRAMS += tests/test_sha256
TESTS += tests/test_sha256
tests_test_sha256_SOURCES = tests/test_sha256.c tests/tap.h

# A play on video: the HLS position formula and the player, with a test
# player script that records its arguments.
check_PROGRAMS += tests/test_video
TESTS += tests/test_video
tests_test_video_SOURCES = tests/test_video.c tests/tap.h
tests_test_video_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
EXTRA_DIST += tests/fake_player.sh
