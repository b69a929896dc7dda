# Replay: captures through the providers' own parsers (providers/parser.h).
libcourtside_a_SOURCES += \
	src/providers/parser.h \
	src/providers/replay.c src/providers/replay.h
