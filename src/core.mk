# The application core: settings, log, feed-to-model glue, game sessions, and the util leaf
# (strings, sanitizing, causes, growth, hashing) every module may use.
libcourtside_a_SOURCES += \
	src/app.c src/app.h \
	src/session.c src/session.h \
	src/log.c src/log.h \
	src/util.c src/util.h \
	src/settings.c src/settings.h

# Capture files (--record / --replay); the feed writes, the replay provider reads.
libcourtside_a_SOURCES += src/net/capture.c src/net/capture.h
