# The network layer: the feed thread and queue, HTTP, WebSocket, signing.
libcourtside_a_SOURCES += \
	src/net/feed.h \
	src/net/http.h \
	src/net/sign.c src/net/sign.h
