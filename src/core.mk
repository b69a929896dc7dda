# The application core: settings, log, feed-to-model glue.
libcourtside_a_SOURCES += \
	src/app.c src/app.h \
	src/log.c src/log.h \
	src/settings.c src/settings.h
