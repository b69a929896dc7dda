# The network layer: the feed thread and queue, HTTP, WebSocket, signing.
libcourtside_a_SOURCES += \
	src/net/feed.h \
	src/net/http.h \
	src/net/sign.c src/net/sign.h

# The feed thread and its queue.
libcourtside_a_SOURCES += src/net/feed.c

check_PROGRAMS += tests/test_feed
TESTS += tests/test_feed
tests_test_feed_SOURCES = tests/test_feed.c tests/tap.h

# HTTP over libcurl.
libcourtside_a_SOURCES += src/net/http.c

check_PROGRAMS += tests/test_http
TESTS += tests/test_http
tests_test_http_SOURCES = tests/test_http.c tests/tap.h
# GnuTLS's load-time init skipped (http.c): the loader binds its question to us.
TESTS += tests/test_gnutls_skip.sh
EXTRA_DIST += tests/test_gnutls_skip.sh

# The WebSocket client (libwebsockets) behind a provider's handlers.
libcourtside_a_SOURCES += src/net/ws.c src/net/ws.h

# A name lookup with a deadline (the WebSocket connect's watchdog covers it).
libcourtside_a_SOURCES += src/net/resolve.c src/net/resolve.h

check_PROGRAMS += tests/test_resolve
TESTS += tests/test_resolve
tests_test_resolve_SOURCES = tests/test_resolve.c tests/tap.h

# The reconnect backoff both providers share.
libcourtside_a_SOURCES += src/net/backoff.c src/net/backoff.h

check_PROGRAMS += tests/test_backoff
TESTS += tests/test_backoff
tests_test_backoff_SOURCES = tests/test_backoff.c tests/tap.h

# Both providers against a misbehaving network: storms, frozen servers,
# sockets that never answer (issue 14).
TESTS += tests/test_st_watchdog.sh tests/test_st_freeze.sh tests/test_sr_freeze.sh \
	tests/test_st_resolve.sh tests/test_refusals.sh tests/test_timer_wait.sh
EXTRA_DIST += tests/test_st_watchdog.sh tests/test_st_freeze.sh tests/test_sr_freeze.sh \
	tests/test_st_resolve.sh tests/test_refusals.sh tests/test_timer_wait.sh \
	tests/net_common.sh \
	tests/silent_server.py tests/tls_proxy.py
