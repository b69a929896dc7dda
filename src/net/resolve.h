/*
 * A host name lookup with a deadline, for the WebSocket connect: libwebsockets
 * 4.1 resolves with a blocking getaddrinfo inside lws_client_connect_via_info,
 * where no watchdog can reach it, so the name is resolved here first and
 * lws gets the numeric address.
 *
 * The lookup runs on a short-lived detached thread; the caller waits for it
 * up to the deadline (or until *cancel), then leaves it behind: an abandoned
 * lookup finishes on its own and frees itself.  Numeric addresses need no
 * thread.
 *
 * Tests: CS_TEST_DNS_SERVER=127.0.0.1:PORT sends this lookup (and only it)
 * to that loopback DNS server, so a name that never resolves can be staged
 * with a UDP socket that never answers.  Any other address is refused.
 */
#ifndef CS_RESOLVE_H
#define CS_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>

#define RESOLVE_ADDR_MAX 64     /* an IPv6 address as text, with room */

/*
 * `host` to a numeric address in `addr` within `timeout_ms`: 0, or -1 with a
 * one-line *cause naming the host ("could not resolve H within 10.0 s",
 * "cannot resolve H: ...", "cancelled").
 */
int resolve_host(const char *host, long timeout_ms, volatile const bool *cancel,
    char *addr, size_t size, char **cause);

#endif
