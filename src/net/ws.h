/*
 * A WebSocket client over libwebsockets 4.1, on the feed thread: one lws
 * context, created, serviced and destroyed there; ws_wake() is the one
 * call other threads may make (lws_cancel_service under a lock).
 *
 * A provider keeps only its protocol: it builds the URL, reads the frames
 * (handlers), decides what a close means and when to reconnect (with
 * net/backoff.h).  Here: the name lookup with a deadline (net/resolve.h:
 * lws 4.1 would block in getaddrinfo), TLS verified unless insecure
 * (Host and SNI stay the URL's name), whole text frames up to a cap, the
 * keep-alive ping, and a watchdog over every state of a connection:
 * resolve + TCP + TLS within connect_ms, the 101 within upgrade_ms, then
 * (waiting for the first frame, or live) a ping after ping_after_ms without
 * traffic and a dead connection after dead_after_ms.
 */
#ifndef CS_WS_H
#define CS_WS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net/feed.h"

struct http_others;

struct ws;
/* One lws context and its sockets: ws_new makes a socket with a hub of its
 * own; a league makes one hub and a socket per game in it (ws_new_in), all
 * serviced by ws_hub_service on the one feed thread. */
struct ws_hub;

/* Why a connection ended. */
enum ws_end {
	WS_END_NONE = 0,
	WS_END_DROPPED,         /* closed or failed: ws_close_code, ws_error say how */
	WS_END_DEAD,            /* the watchdog: a state over its limit (ws_dead_why) */
	WS_END_REFUSED,         /* the upgrade was answered >= 400 (ws_upgrade_status) */
	WS_END_CERTIFICATE,     /* TLS refused the server (ws_error): no retry heals it */
	WS_END_CLOSED,          /* a handler ended it (ws_close) */
	WS_END_REQUESTED,       /* the user asked for a reconnect */
	WS_END_STOPPING,        /* the feed is stopping */
};

struct ws_handlers {
	void (*on_open)(void *arg);                       /* upgraded; may be NULL */
	/* a whole text frame, NUL-terminated (binary frames are skipped) */
	void (*on_frame)(void *arg, const char *data, size_t len);
	/* between service rounds, once open: return true to end the connection
	 * now (it is killed, WS_END_CLOSED).  May be NULL. */
	bool (*on_tick)(void *arg, int64_t now_us);
	/* one line about skipped input (a frame over the cap); may be NULL */
	void (*on_warning)(void *arg, const char *msg);
};

struct ws_options {
	const char *name;           /* log prefix: "shottracker" */
	const char *cacert;         /* borrowed: outlives the ws */
	bool insecure;
	enum feed_ping ping;
	size_t frame_max;           /* longer frames are skipped, with a warning */
	long connect_ms, upgrade_ms, ping_after_ms, dead_after_ms;
};

struct ws *ws_new(const struct ws_options *opt, const struct ws_handlers *h, void *arg,
    char **cause);
/* A socket of a shared hub; free it (ws_free) before the hub. */
struct ws *ws_new_in(struct ws_hub *hub, const struct ws_options *opt,
    const struct ws_handlers *h, void *arg, char **cause);
void ws_free(struct ws **ws);
/* Any thread: make ws_session (ws_hub_service) return to look at the feed now. */
void ws_wake(struct ws *ws);

/* A hub for up to about `sockets` sockets; NULL with *cause. */
struct ws_hub *ws_hub_new(int sockets, char **cause);
void ws_hub_free(struct ws_hub **hub);
void ws_hub_wake(struct ws_hub *hub);
/*
 * One service round of every socket of the hub: lws_service (which sleeps
 * until traffic, a wake or the 250 ms tick), then each open connection's
 * checks (handlers, watchdog) and close.  Returns at once when the hub has
 * no context yet (ws_hub_live false): no socket was opened.
 */
void ws_hub_service(struct ws_hub *hub);
bool ws_hub_live(const struct ws_hub *hub);
/*
 * The hub as the other connections of a request that holds the feed
 * thread (net/http.h): *others watches the sockets of its connections and
 * runs one round of their input without waiting.  Frames go to their
 * handlers as in ws_hub_service; the checks (watchdog, pings, on_tick)
 * stay ws_hub_service's.
 */
void ws_hub_others(struct ws_hub *hub, struct http_others *others);
/*
 * Starts one connection to `url` without waiting for it; ws_done tells
 * when it ended, and how (once).  -1 with *cause as ws_session.  In a
 * shared hub, the feed's reconnect requests are the caller's: ws_reconnect.
 */
int ws_open(struct ws *ws, struct feed *feed, const char *url, const char *note,
    char **cause);
bool ws_done(struct ws *ws, enum ws_end *end);
/* End the open connection as WS_END_REQUESTED (a user's reconnect). */
void ws_reconnect(struct ws *ws);

/*
 * Services one connection to `url` (ws:// or wss://) until it ends: the
 * feed stopping, a reconnect request, a handler, the server, or the
 * watchdog.  `note` follows the URL in the "connecting to" log line.
 * -1 with *cause only when the URL is bad or no context can be made.
 */
int ws_session(struct ws *ws, struct feed *feed, const char *url, const char *note,
    enum ws_end *end, char **cause);

/* From a handler: end the connection, with a normal close frame when
 * `graceful` (the game is over), else at once. */
void ws_close(struct ws *ws, bool graceful);

/* About the connection that ended last. */
bool ws_established(const struct ws *ws);
int ws_close_code(const struct ws *ws);        /* the peer's, 0 none */
int ws_upgrade_status(const struct ws *ws);    /* HTTP status of a refused upgrade */
const char *ws_error(const struct ws *ws);     /* one line; "" none */
const char *ws_dead_why(const struct ws *ws);  /* what the watchdog saw */

#endif
