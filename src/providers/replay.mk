# The provider registry (provider.h) and the replay: captures through the
# providers' own parsers (providers/parser.h).
libcourtside_a_SOURCES += \
	src/providers/provider.c src/providers/provider.h \
	src/providers/parser.h \
	src/providers/replay.c
