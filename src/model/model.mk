# The game model: normalized events, derivations, export.  Pure C, no I/O.
libcourtside_a_SOURCES += \
	src/model/event.c src/model/event.h \
	src/model/game.h \
	src/model/export.h
