/*
 * The WebSocket client (ws.h).
 *
 * A hub is one lws context and the sockets in it (ws_new: a hub of its
 * own; ws_new_in: one socket of a shared hub, a league's).  A 250 ms timer
 * wakes lws_service, so the watchdog runs between service rounds in every
 * state.  lws 4.1 cannot time out a client wsi in its handshake from
 * outside (lws_set_timeout on it crashes), so a connection stuck before it
 * was established takes the context with it when the hub is its own, or
 * has its socket shut down under lws (the others of a shared hub stay).
 * Every connection gets a number unique in its hub (its opaque data):
 * callbacks of one given up on are ignored.
 */
#include "config.h"

#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <libwebsockets.h>
#include <openssl/x509.h>

#include "log.h"
#include "net/http.h"
#include "net/resolve.h"
#include "net/ws.h"
#include "util.h"

#define WS_TICK_US      (250 * 1000LL)
#define WS_CLOSE_WAIT_US 500000LL     /* lets lws finish a close it started */
#define WS_URL_MAX      4096
#define WS_WAIT_FDS     64            /* sockets a tick's last stretch watches */
#define PING_CONTROL    1u
#define PING_TEXT       2u

/* Where a connection is: each state has its limit (the watchdog). */
enum ws_phase {
	PHASE_CONNECT = 0,      /* resolve, TCP, TLS */
	PHASE_UPGRADE,          /* the upgrade request sent, no 101 yet */
	PHASE_FIRST_FRAME,      /* established, nothing received yet */
	PHASE_LIVE,
};

/* Where a socket's connection is, between service rounds. */
enum ws_state {
	WS_IDLE = 0,            /* none (or its end was taken) */
	WS_OPEN,                /* connecting or live */
	WS_CLOSING,             /* ending: lws finishes the close it started */
	WS_DONE,                /* over: ws_done() tells how */
};

/* One lws context and its sockets, on one thread. */
struct ws_hub {
	/* feed thread only, but for `context` under ctx_lock (ws_wake) */
	pthread_mutex_t ctx_lock;
	struct lws_context *context;
	lws_sorted_usec_list_t tick;
	int64_t tick_due_us;     /* when it runs next (cs_now_us) */
	/* ws_hub_service's rounds, and those in which neither a socket's
	 * callback nor the tick ran: logged at the end, where a spin shows as
	 * hundreds of idle rounds a tick */
	unsigned long rounds, idle, ticks, callbacks;
	bool tls_context;
	int fd_limit;
	uintptr_t generation;    /* the last connection's number */
	struct ws **socks;
	int nsocks, capsocks;
};

struct ws {
	struct ws_options opt;
	struct ws_handlers h;
	void *arg;
	struct feed *feed;       /* of the session in progress */
	struct ws_hub *hub;
	bool own_hub;            /* ws_new: the hub is this socket's alone */
	enum ws_state state;
	bool opened;             /* on_open was called for this connection */
	int64_t closing_us;

	struct lws *wsi;
	bool established;
	enum ws_phase phase;
	int64_t phase_us;        /* when the phase began */
	int upgrade_status;      /* HTTP status of a refused upgrade, 0 none */
	char dead_why[120];      /* what the watchdog saw */
	bool conn_done;
	bool closing;            /* a graceful close was asked */
	unsigned want_ping;      /* PING_CONTROL | PING_TEXT still to send */
	int64_t last_rx_us, ping_sent_us;
	int close_code;
	char conn_error[160];
	char cert_error[120];    /* why the TLS check refused the server, if it did */
	char *rx;
	size_t rxlen, rxcap;
	bool rx_drop;
	uintptr_t generation;    /* of the current connection (its opaque data); 0 none */
	enum ws_end end;
};

static void
phase_enter(struct ws *ws, enum ws_phase phase)
{
	ws->phase = phase;
	ws->phase_us = cs_now_us();
}

static void
warn(struct ws *ws, const char *msg)
{
	if (ws->h.on_warning != NULL)
		ws->h.on_warning(ws->arg, msg);
}

/* The connection failed before it was established: why, in one line. */
static void
connection_error(struct ws *ws, struct lws *wsi, const void *in)
{
	char detail[120];
	int status = (int)lws_http_client_http_response(wsi);

	cs_sanitize(detail, in != NULL ? (const char *)in : "connection failed",
	    sizeof detail);
	if (status >= 400) {
		ws->upgrade_status = status;
		snprintf(ws->conn_error, sizeof ws->conn_error,
		    "the server refused the WebSocket upgrade (HTTP %d)", status);
	} else
		snprintf(ws->conn_error, sizeof ws->conn_error, "%s", detail);
	if ((strstr(detail, "unauthorized") != NULL || status >= 400) &&
	    ws->end == WS_END_NONE)
		ws->end = WS_END_REFUSED;
	if (ws->cert_error[0] != '\0') {
		snprintf(ws->conn_error, sizeof ws->conn_error,
		    "the server's certificate was refused (%s)", ws->cert_error);
		ws->end = WS_END_CERTIFICATE;
	}
	ws->wsi = NULL;
	ws->conn_done = true;
}

/* Fragments into one frame, up to the cap; a whole text frame goes on. */
static int
receive(struct ws *ws, struct lws *wsi, const void *in, size_t len)
{
	char msg[80];
	size_t need, cap;
	char *n;

	ws->last_rx_us = cs_now_us();
	ws->ping_sent_us = 0;
	ws->phase = PHASE_LIVE;
	if (lws_is_first_fragment(wsi)) {
		/* the frame's first bytes are here: its events' receive time */
		if (ws->feed != NULL)
			feed_mark_received(ws->feed);
		ws->rxlen = 0;
		ws->rx_drop = false;
	}
	if (!ws->rx_drop && ws->rxlen + len > ws->opt.frame_max) {
		ws->rx_drop = true;
		log_msg("%s: skipped a frame over %zu bytes", ws->opt.name, ws->opt.frame_max);
		snprintf(msg, sizeof msg, "skipped a frame: over the %zu MB limit",
		    ws->opt.frame_max >> 20);
		warn(ws, msg);
	}
	if (!ws->rx_drop) {
		need = ws->rxlen + len + 1;
		if (need > ws->rxcap) {
			cap = ws->rxcap != 0 ? ws->rxcap : 16384;
			while (cap < need)
				cap *= 2;
			n = realloc(ws->rx, cap);
			if (n == NULL) {
				ws->rx_drop = true;
				return 0;
			}
			ws->rx = n;
			ws->rxcap = cap;
		}
		memcpy(ws->rx + ws->rxlen, in, len);
		ws->rxlen += len;
		ws->rx[ws->rxlen] = '\0';
	}
	if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
		if (!ws->rx_drop && !lws_frame_is_binary(wsi))
			ws->h.on_frame(ws->arg, ws->rx, ws->rxlen);
		ws->rxlen = 0;
		ws->rx_drop = false;
	}
	return 0;
}

/* One write per writable callback: a second ping asks again. */
static int
writable(struct ws *ws, struct lws *wsi)
{
	unsigned char ping[LWS_PRE + 4];

	if (ws->closing) {
		lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, NULL, 0);
		return -1;
	}
	if (ws->want_ping & PING_CONTROL) {
		ws->want_ping &= ~PING_CONTROL;
		if (lws_write(wsi, ping + LWS_PRE, 0, LWS_WRITE_PING) < 0)
			return -1;
		ws->ping_sent_us = cs_now_us();
	} else if (ws->want_ping & PING_TEXT) {
		ws->want_ping &= ~PING_TEXT;
		memcpy(ping + LWS_PRE, "ping", 4);
		if (lws_write(wsi, ping + LWS_PRE, 4, LWS_WRITE_TEXT) < 0)
			return -1;
		ws->ping_sent_us = cs_now_us();
	}
	if (ws->want_ping != 0)
		lws_callback_on_writable(wsi);
	return 0;
}

/* The socket whose connection `wsi` is; NULL for one given up on (it may
 * still report while it closes) or a wsi not ours. */
static struct ws *
ws_of(struct lws *wsi)
{
	struct ws_hub *hub = lws_context_user(lws_get_context(wsi));
	uintptr_t gen = (uintptr_t)lws_get_opaque_user_data(wsi);
	int i;

	if (hub == NULL || gen == 0)
		return NULL;
	for (i = 0; i < hub->nsocks; i++)
		if (hub->socks[i]->generation == gen)
			return hub->socks[i];
	return NULL;
}

static int
ws_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user,
    void *in, size_t len)
{
	struct ws *ws = ws_of(wsi);
	const unsigned char *p = in;

	if (ws == NULL)
		return 0;
	ws->hub->callbacks++;
	switch (reason) {
	case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER:
		/* TCP and TLS are up: the upgrade request goes out now */
		if (ws->phase == PHASE_CONNECT)
			phase_enter(ws, PHASE_UPGRADE);
		break;
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		ws->established = true;
		ws->last_rx_us = cs_now_us();
		phase_enter(ws, PHASE_FIRST_FRAME);
		break;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		connection_error(ws, wsi, in);
		break;
	case LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION:
		/* lws 4.1 reports only "SSL err 1" later: keep openssl's words
		 * (with --insecure lws lets the certificate pass: no refusal) */
		if (len == 0 && user != NULL && !ws->opt.insecure)
			cs_strlcpy(ws->cert_error, X509_verify_cert_error_string(
			    X509_STORE_CTX_get_error((X509_STORE_CTX *)user)),
			    sizeof ws->cert_error);
		break;
	case LWS_CALLBACK_CLIENT_RECEIVE:
		return receive(ws, wsi, in, len);
	case LWS_CALLBACK_CLIENT_RECEIVE_PONG:
		ws->last_rx_us = cs_now_us();
		ws->ping_sent_us = 0;
		ws->phase = PHASE_LIVE;
		break;
	case LWS_CALLBACK_CLIENT_WRITEABLE:
		return writable(ws, wsi);
	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		if (len >= 2)
			ws->close_code = (p[0] << 8) | p[1];
		break;
	case LWS_CALLBACK_CLIENT_CLOSED:
		ws->wsi = NULL;
		ws->conn_done = true;
		break;
	case LWS_CALLBACK_WSI_DESTROY:
		/* the pointer is no longer ours to use (a handshake lws timed out
		 * by itself, unreported: the watchdog still tells it) */
		if (ws->wsi == wsi)
			ws->wsi = NULL;
		break;
	default:
		break;
	}
	return 0;
}

static const struct lws_protocols protocols[] = {
	{ "courtside", ws_callback, 0, 65536, 0, NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 },
};

/* lws's own log: errors only, and never a token that sits in a URL. */
static void
lws_log_emit(int level, const char *line)
{
	char buf[512];
	char *t;

	(void)level;
	cs_sanitize(buf, line, sizeof buf);
	t = strstr(buf, "token=");
	if (t != NULL)
		cs_strlcpy(t + 6, "...", sizeof buf - (size_t)(t + 6 - buf));
	log_msg("lws: %s", buf);
}

static pthread_once_t lws_log_once = PTHREAD_ONCE_INIT;

static void
lws_log_setup(void)
{
	lws_set_log_level(LLL_ERR, lws_log_emit);
}

static void on_tick(lws_sorted_usec_list_t *sul);

static void
tick_schedule(struct ws_hub *hub, struct lws_context *ctx)
{
	lws_sul_schedule(ctx, 0, &hub->tick, on_tick, WS_TICK_US);
	/* read after lws did (both CLOCK_MONOTONIC): due by then, not before */
	hub->tick_due_us = cs_now_us() + WS_TICK_US;
}

static void
on_tick(lws_sorted_usec_list_t *sul)
{
	struct ws_hub *hub = lws_container_of(sul, struct ws_hub, tick);

	/* the service loop runs the checks once lws_service returns */
	hub->ticks++;
	tick_schedule(hub, hub->context);
}

static int
context_create(struct ws_hub *hub, bool tls, const char *cacert, char **cause)
{
	struct lws_context_creation_info info;
	struct lws_context *ctx;

	pthread_once(&lws_log_once, lws_log_setup);
	memset(&info, 0, sizeof info);
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = protocols;
	info.user = hub;
	info.fd_limit_per_thread = (unsigned int)hub->fd_limit;
	info.gid = -1;
	info.uid = -1;
	if (tls) {
		info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
		info.client_ssl_ca_filepath = cacert;
	}
	ctx = lws_create_context(&info);
	if (ctx == NULL)
		return cs_set_cause(cause, "cannot create the WebSocket context");
	pthread_mutex_lock(&hub->ctx_lock);
	hub->context = ctx;
	pthread_mutex_unlock(&hub->ctx_lock);
	hub->tls_context = tls;
	tick_schedule(hub, ctx);
	return 0;
}

/* Every connection of the hub goes with it (their callbacks still find
 * their sockets: the close is reported). */
static void
context_destroy(struct ws_hub *hub)
{
	struct lws_context *ctx;
	int i;

	pthread_mutex_lock(&hub->ctx_lock);
	ctx = hub->context;
	hub->context = NULL;
	pthread_mutex_unlock(&hub->ctx_lock);
	if (ctx != NULL) {
		lws_sul_cancel(&hub->tick);
		lws_context_destroy(ctx);
	}
	for (i = 0; i < hub->nsocks; i++)
		hub->socks[i]->wsi = NULL;
}

struct ws_hub *
ws_hub_new(int sockets, char **cause)
{
	struct ws_hub *hub = calloc(1, sizeof *hub);

	if (hub == NULL) {
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	/* each socket, one closing behind it, and lws's own pipe */
	hub->fd_limit = 16 + 2 * (sockets > 0 ? sockets : 1);
	pthread_mutex_init(&hub->ctx_lock, NULL);
	return hub;
}

/* Its sockets are freed first (ws_free): the context goes here. */
void
ws_hub_free(struct ws_hub **hubp)
{
	struct ws_hub *hub = hubp != NULL ? *hubp : NULL;

	if (hub == NULL)
		return;
	if (hub->rounds > 0)
		log_msg("ws: %lu service rounds, %lu of them idle; %lu ticks", hub->rounds,
		    hub->idle, hub->ticks);
	context_destroy(hub);
	free(hub->socks);
	pthread_mutex_destroy(&hub->ctx_lock);
	free(hub);
	*hubp = NULL;
}

void
ws_hub_wake(struct ws_hub *hub)
{
	if (hub == NULL)
		return;
	pthread_mutex_lock(&hub->ctx_lock);
	if (hub->context != NULL)
		lws_cancel_service(hub->context);
	pthread_mutex_unlock(&hub->ctx_lock);
}

static int
hub_add(struct ws_hub *hub, struct ws *ws)
{
	struct ws **n;
	int cap;

	if (hub->nsocks == hub->capsocks) {
		cap = hub->capsocks != 0 ? 2 * hub->capsocks : 4;
		n = realloc(hub->socks, (size_t)cap * sizeof *n);
		if (n == NULL)
			return -1;
		hub->socks = n;
		hub->capsocks = cap;
	}
	hub->socks[hub->nsocks++] = ws;
	return 0;
}

static void
hub_remove(struct ws_hub *hub, struct ws *ws)
{
	int i;

	for (i = 0; i < hub->nsocks; i++)
		if (hub->socks[i] == ws) {
			hub->socks[i] = hub->socks[--hub->nsocks];
			return;
		}
}

struct ws *
ws_new_in(struct ws_hub *hub, const struct ws_options *opt, const struct ws_handlers *h,
    void *arg, char **cause)
{
	struct ws *ws = calloc(1, sizeof *ws);

	if (ws == NULL || hub_add(hub, ws) < 0) {
		free(ws);
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	ws->opt = *opt;
	ws->h = *h;
	ws->arg = arg;
	ws->hub = hub;
	return ws;
}

struct ws *
ws_new(const struct ws_options *opt, const struct ws_handlers *h, void *arg, char **cause)
{
	struct ws_hub *hub = ws_hub_new(1, cause);
	struct ws *ws;

	if (hub == NULL)
		return NULL;
	ws = ws_new_in(hub, opt, h, arg, cause);
	if (ws == NULL) {
		ws_hub_free(&hub);
		return NULL;
	}
	ws->own_hub = true;
	return ws;
}

static void kill_now(struct ws *ws);

/* A socket of a shared hub leaves it; its connection, if any, is killed
 * and no longer reported to it. */
void
ws_free(struct ws **wsp)
{
	struct ws *ws = wsp != NULL ? *wsp : NULL;
	struct ws_hub *hub;

	if (ws == NULL)
		return;
	hub = ws->hub;
	if (ws->own_hub)
		context_destroy(hub);
	else
		kill_now(ws);
	hub_remove(hub, ws);
	if (ws->own_hub)
		ws_hub_free(&hub);
	free(ws->rx);
	free(ws);
	*wsp = NULL;
}

void
ws_wake(struct ws *ws)
{
	if (ws != NULL)
		ws_hub_wake(ws->hub);
}

static void
connection_reset(struct ws *ws)
{
	ws->established = false;
	ws->conn_done = false;
	ws->closing = false;
	ws->want_ping = 0;
	ws->close_code = 0;
	ws->conn_error[0] = '\0';
	ws->cert_error[0] = '\0';
	ws->rxlen = 0;
	ws->rx_drop = false;
	ws->ping_sent_us = 0;
	ws->end = WS_END_NONE;
	ws->last_rx_us = cs_now_us();
	ws->upgrade_status = 0;
	ws->dead_why[0] = '\0';
	ws->opened = false;
	ws->wsi = NULL;
	phase_enter(ws, PHASE_CONNECT);
}

/* lws 4.1 would resolve with a blocking getaddrinfo, out of the
 * watchdog's reach: the connect phase's limit covers the lookup too. */
static bool
resolve(struct ws *ws, const char *host, char *addr, size_t size)
{
	char *why = NULL;

	if (resolve_host(host, ws->opt.connect_ms, feed_cancel_flag(ws->feed), addr, size,
	    &why) == 0)
		return true;
	log_msg("%s: %s", ws->opt.name, why != NULL ? why : "cannot resolve");
	cs_strlcpy(ws->conn_error, why != NULL ? why : "cannot resolve", sizeof ws->conn_error);
	free(why);
	ws->conn_done = true;
	return false;
}

/* Another socket of the hub has a connection: its context must stay. */
static bool
hub_busy(const struct ws_hub *hub, const struct ws *self)
{
	int i;

	for (i = 0; i < hub->nsocks; i++)
		if (hub->socks[i] != self && hub->socks[i]->state != WS_IDLE &&
		    hub->socks[i]->state != WS_DONE)
			return true;
	return false;
}

/* The hub's context, with TLS when the URL needs it. */
static int
context_for(struct ws *ws, bool tls, char **cause)
{
	struct ws_hub *hub = ws->hub;

	if (hub->context != NULL && tls && !hub->tls_context) {
		if (hub_busy(hub, ws))
			return cs_set_cause(cause, "a wss:// socket cannot join the ws:// ones");
		context_destroy(hub);
	}
	if (hub->context == NULL && context_create(hub, tls, ws->opt.cacert, cause) < 0)
		return -1;
	return 0;
}

/* Opens the socket; a failure to start shows as a connection done. */
static int
connect_to(struct ws *ws, const char *url, const char *note, char **cause)
{
	struct lws_client_connect_info cc;
	char host[256], path[WS_URL_MAX], authority[300], logurl[600], addr[RESOLVE_ADDR_MAX];
	struct lws *wsi;
	const char *a;
	int port;
	bool tls;

	a = strstr(url, "://");
	if (http_split_url(url, host, sizeof host, &port, path, sizeof path, &tls) < 0 ||
	    a == NULL || strcspn(a + 3, "/?#") >= sizeof authority)
		return cs_set_cause(cause, "bad WebSocket URL");
	/* the authority as written ("host" or "host:port"): Host, SNI, Origin */
	cs_strlcpy(authority, a + 3, strcspn(a + 3, "/?#") + 1);
	if (strchr(authority, '@') != NULL)
		memmove(authority, strchr(authority, '@') + 1, strlen(strchr(authority, '@')));
	if (context_for(ws, tls, cause) < 0)
		return -1;
	connection_reset(ws);
	log_msg("%s: connecting to %s%s", ws->opt.name,
	    http_url_for_log(url, logurl, sizeof logurl), note != NULL ? note : "");
	if (!resolve(ws, host, addr, sizeof addr)) {
		explicit_bzero(path, sizeof path);
		return 0;
	}
	memset(&cc, 0, sizeof cc);
	cc.context = ws->hub->context;
	cc.address = addr;      /* Host and SNI stay the name: TLS checks it */
	cc.port = port;
	cc.path = path;
	cc.host = authority;
	cc.origin = authority;
	cc.protocol = NULL;
	cc.local_protocol_name = protocols[0].name;
	cc.alpn = "http/1.1";
	cc.ietf_version_or_minus_one = -1;
	if (tls) {
		cc.ssl_connection = LCCSCF_USE_SSL;
		if (ws->opt.insecure)
			cc.ssl_connection |= LCCSCF_ALLOW_SELFSIGNED |
			    LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK | LCCSCF_ALLOW_EXPIRED;
	}
	/* no pwsi: lws could write through it after the socket moved on to
	 * its next connection; the callbacks keep ws->wsi instead */
	ws->generation = ++ws->hub->generation;
	cc.opaque_user_data = (void *)ws->generation;
	wsi = lws_client_connect_via_info(&cc);
	if (wsi == NULL || ws->conn_done) {
		ws->wsi = NULL;
		ws->conn_done = true;
		if (ws->conn_error[0] == '\0')
			cs_strlcpy(ws->conn_error, "cannot connect", sizeof ws->conn_error);
	} else
		ws->wsi = wsi;
	explicit_bzero(path, sizeof path);
	return 0;
}

static void
kill_now(struct ws *ws)
{
	if (ws->wsi != NULL)
		lws_set_timeout(ws->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
}

void
ws_close(struct ws *ws, bool graceful)
{
	if (ws->end != WS_END_NONE)
		return;
	ws->end = WS_END_CLOSED;
	if (graceful) {
		ws->closing = true;
		if (ws->wsi != NULL)
			lws_callback_on_writable(ws->wsi);
	} else
		kill_now(ws);
}

void
ws_reconnect(struct ws *ws)
{
	if (ws->state != WS_OPEN || ws->end != WS_END_NONE)
		return;
	ws->end = WS_END_REQUESTED;
	kill_now(ws);
}

/*
 * The watchdog: true when the connection has spent longer than its limit
 * in its state (dead_why says which).  Checked every tick, in every state.
 */
static bool
over_limit(struct ws *ws, int64_t now)
{
	int64_t in_phase = now - ws->phase_us, quiet = now - ws->last_rx_us;

	switch (ws->phase) {
	case PHASE_CONNECT:
		if (in_phase < (int64_t)ws->opt.connect_ms * 1000)
			return false;
		snprintf(ws->dead_why, sizeof ws->dead_why,
		    "could not connect within %.1f s", (double)in_phase / 1e6);
		return true;
	case PHASE_UPGRADE:
		if (in_phase < (int64_t)ws->opt.upgrade_ms * 1000)
			return false;
		snprintf(ws->dead_why, sizeof ws->dead_why,
		    "no answer to the WebSocket upgrade within %.1f s", (double)in_phase / 1e6);
		return true;
	case PHASE_FIRST_FRAME:
	case PHASE_LIVE:
		break;
	}
	if (quiet < (int64_t)ws->opt.dead_after_ms * 1000)
		return false;
	snprintf(ws->dead_why, sizeof ws->dead_why, "nothing received for %.1f s%s",
	    (double)quiet / 1e6, ws->phase == PHASE_FIRST_FRAME ? " since the upgrade" : "");
	return true;
}

/* Quiet too long: a ping (the keep-alive the server expects). */
static void
maybe_ping(struct ws *ws, int64_t now)
{
	if (now - ws->last_rx_us < (int64_t)ws->opt.ping_after_ms * 1000 ||
	    ws->ping_sent_us != 0 || ws->want_ping != 0 || ws->wsi == NULL)
		return;
	ws->want_ping = ws->opt.ping == FEED_PING_TEXT ? PING_TEXT :
	    ws->opt.ping == FEED_PING_BOTH ? PING_CONTROL | PING_TEXT : PING_CONTROL;
	log_msg("%s: %ld s quiet: ping (%s)", ws->opt.name, ws->opt.ping_after_ms / 1000,
	    ws->want_ping == PING_TEXT ? "text" :
	    ws->want_ping == PING_CONTROL ? "control frame" : "both");
	lws_callback_on_writable(ws->wsi);
}

/*
 * A connection stuck before it was established: alone in its hub, it goes
 * with the context; in a shared one, its socket is shut down under lws
 * (which then closes it) and the other connections stay.
 */
static void
handshake_abandon(struct ws *ws)
{
	lws_sockfd_type fd;

	ws->generation = 0;
	if (ws->own_hub)
		context_destroy(ws->hub);
	else if (ws->wsi != NULL) {
		fd = lws_get_socket_fd(ws->wsi);
		if (fd >= 0)
			shutdown(fd, SHUT_RDWR);
	}
	ws->wsi = NULL;
	ws->conn_done = true;
}

/* One round of checks after lws_service: true when the connection ends. */
static bool
check(struct ws *ws)
{
	int64_t now = cs_now_us();

	if (feed_stopping(ws->feed)) {
		ws->end = WS_END_STOPPING;
		return true;
	}
	if (ws->established && !ws->opened) {
		ws->opened = true;
		if (ws->h.on_open != NULL)
			ws->h.on_open(ws->arg);
	}
	if (ws->end == WS_END_CLOSED || ws->end == WS_END_REQUESTED)
		return true;
	/* a shared hub's reconnect requests are its provider's (ws_reconnect) */
	if (ws->own_hub && feed_take_reconnect_request(ws->feed)) {
		ws->end = WS_END_REQUESTED;
		kill_now(ws);
		return true;
	}
	if (over_limit(ws, now)) {
		log_msg("%s: %s: the connection is dead", ws->opt.name, ws->dead_why);
		ws->end = WS_END_DEAD;
		if (ws->established)
			kill_now(ws);
		else
			handshake_abandon(ws);
		return true;
	}
	if (!ws->established)
		return false;
	maybe_ping(ws, now);
	if (ws->h.on_tick != NULL && ws->h.on_tick(ws->arg, now)) {
		ws->end = WS_END_CLOSED;
		kill_now(ws);
		return true;
	}
	return false;
}

/* After a service round: OPEN -> CLOSING -> DONE, as far as it goes now. */
static void
step(struct ws *ws, int64_t now)
{
	if (ws->state == WS_OPEN) {
		if (!check(ws) && !ws->conn_done)
			return;
		ws->state = WS_CLOSING;
		ws->closing_us = now;
	}
	if (ws->state != WS_CLOSING)
		return;
	/* let lws finish the close it started (a few service rounds) */
	if (ws->wsi != NULL && !ws->conn_done && ws->hub->context != NULL &&
	    now - ws->closing_us < WS_CLOSE_WAIT_US)
		return;
	if (ws->end == WS_END_NONE)
		ws->end = WS_END_DROPPED;
	ws->state = WS_DONE;
}

static int
hub_fds(void *arg, int *fds, int max)
{
	struct ws_hub *hub = arg;
	int i, n = 0, fd;

	for (i = 0; i < hub->nsocks && n < max; i++) {
		struct ws *ws = hub->socks[i];

		if (ws->state == WS_IDLE || ws->state == WS_DONE || ws->wsi == NULL ||
		    ws->conn_done)
			continue;
		fd = lws_get_socket_fd(ws->wsi);
		if (fd >= 0)
			fds[n++] = fd;
	}
	return n;
}

/*
 * lws 4.1 sleeps in poll() until its next timer in whole milliseconds,
 * rounded down, then polls without waiting until the timer is due: a spin
 * of up to a millisecond before every tick.  That last stretch is waited
 * here, on the sockets themselves, so that their data still wakes the
 * thread at once (a wake-up from another thread waits for it).
 */
static void
hub_wait_for_tick(struct ws_hub *hub)
{
	struct pollfd pfd[WS_WAIT_FDS];
	int fds[WS_WAIT_FDS], n, i;
	int64_t left = hub->tick_due_us - cs_now_us();
	struct timespec ts;

	if (left <= 0 || left >= 1000 ||
	    lws_service_adjust_timeout(hub->context, 1, 0) == 0)
		return;   /* not due yet, late already, or lws holds data */
	n = hub_fds(hub, fds, WS_WAIT_FDS);
	for (i = 0; i < n; i++) {
		pfd[i].fd = fds[i];
		pfd[i].events = POLLIN;
		pfd[i].revents = 0;
	}
	ts.tv_sec = 0;
	ts.tv_nsec = (long)left * 1000;
	(void)ppoll(pfd, (nfds_t)n, &ts, NULL);
}

void
ws_hub_service(struct ws_hub *hub)
{
	int i;

	if (hub->context != NULL) {
		unsigned long before = hub->callbacks + hub->ticks;

		hub_wait_for_tick(hub);
		lws_service(hub->context, 0);
		hub->rounds++;
		hub->idle += hub->callbacks + hub->ticks == before;
	}
	/* a step may take the context (a handshake abandoned alone) */
	for (i = 0; i < hub->nsocks; i++)
		step(hub->socks[i], cs_now_us());
}

/* `ready`: the sockets the poll found readable */
static void
hub_serve(void *arg, const int *ready, int n)
{
	struct ws_hub *hub = arg;
	struct lws_pollfd pfd;
	int i;

	if (hub->context == NULL)
		return;
	for (i = 0; i < n; i++) {
		pfd.fd = ready[i];
		pfd.events = POLLIN;
		pfd.revents = POLLIN;
		lws_service_fd(hub->context, &pfd);
	}
	/* what TLS read ahead and lws holds: its "forced service", no wait */
	if (lws_service_adjust_timeout(hub->context, 1, 0) == 0)
		lws_service_tsi(hub->context, -1, 0);
}

void
ws_hub_others(struct ws_hub *hub, struct http_others *others)
{
	others->fds = hub_fds;
	others->serve = hub_serve;
	others->arg = hub;
}

bool
ws_hub_live(const struct ws_hub *hub)
{
	return hub->context != NULL;
}

int
ws_open(struct ws *ws, struct feed *feed, const char *url, const char *note, char **cause)
{
	ws->feed = feed;
	ws->state = WS_IDLE;
	if (connect_to(ws, url, note, cause) < 0)
		return -1;
	ws->state = WS_OPEN;
	if (ws->conn_done) {
		/* it never started: nothing for lws to finish */
		if (ws->end == WS_END_NONE)
			ws->end = WS_END_DROPPED;
		ws->state = WS_DONE;
	}
	return 0;
}

bool
ws_done(struct ws *ws, enum ws_end *end)
{
	if (ws->state != WS_DONE)
		return false;
	*end = ws->end;
	ws->state = WS_IDLE;
	return true;
}

int
ws_session(struct ws *ws, struct feed *feed, const char *url, const char *note,
    enum ws_end *end, char **cause)
{
	if (ws_open(ws, feed, url, note, cause) < 0)
		return -1;
	while (!ws_done(ws, end))
		ws_hub_service(ws->hub);
	return 0;
}

bool
ws_established(const struct ws *ws)
{
	return ws->established;
}

int
ws_close_code(const struct ws *ws)
{
	return ws->close_code;
}

int
ws_upgrade_status(const struct ws *ws)
{
	return ws->upgrade_status;
}

const char *
ws_error(const struct ws *ws)
{
	return ws->conn_error;
}

const char *
ws_dead_why(const struct ws *ws)
{
	return ws->dead_why;
}
