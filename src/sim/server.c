/*
 * courtside-sim's server: the lws context, its service thread, the one
 * protocol callback that dispatches HTTP and WebSocket work, and the log.
 * REST lives in server_http.c, the live streams in server_stream.c.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <openssl/rand.h>

#include "model/event.h"
#include "sim/server.h"
#include "sim/server_priv.h"
#include "util.h"

int64_t
sim_srv_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Feed time = start + wall time since start x speed (speed 0: frozen). */
int64_t
sim_srv_feed_now(const struct sim_server *srv)
{
	double elapsed_ms = (double)(sim_srv_now_us() - srv->t0_us) / 1000.0;

	return srv->start_ms + (int64_t)(elapsed_ms * srv->speed);
}

void
sim_srv_log(struct sim_server *srv, const char *fmt, ...)
{
	char stamp[32];
	struct timespec ts;
	struct tm tm;
	va_list ap;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	pthread_mutex_lock(&srv->log_lock);
	fprintf(srv->log, "%s.%03ldZ ", stamp, ts.tv_nsec / 1000000);
	va_start(ap, fmt);
	vfprintf(srv->log, fmt, ap);
	va_end(ap);
	fputc('\n', srv->log);
	fflush(srv->log);
	pthread_mutex_unlock(&srv->log_lock);
}

/* nbytes random bytes as 2*nbytes hex digits (out holds 2*nbytes+1). */
void
sim_srv_random_hex(char *out, size_t nbytes)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[32];
	size_t i;

	if (nbytes > sizeof b)
		nbytes = sizeof b;
	if (RAND_bytes(b, (int)nbytes) != 1) {
		/* never reached in practice; still never a predictable token */
		abort();
	}
	for (i = 0; i < nbytes; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * nbytes] = '\0';
}

/* A random (version 4) UUID; out holds SRV_UUID_LEN. */
void
sim_srv_uuid(char *out)
{
	char h[33];

	sim_srv_random_hex(h, 16);
	h[12] = '4';
	h[16] = "89ab"[h[16] % 4];
	snprintf(out, SRV_UUID_LEN, "%.8s-%.4s-%.4s-%.4s-%.12s", h, h + 8,
	    h + 12, h + 16, h + 20);
}

static void
tick_fire(lws_sorted_usec_list_t *sul)
{
	struct sim_server *srv = lws_container_of(sul, struct sim_server, tick);

	srv->tick_due_us = 0;
	srv->ticks++;
	sim_srv_tick(sul);
}

/* Make sure the tick runs by due_us (monotonic); keeps an earlier one. */
void
sim_srv_tick_arm(struct sim_server *srv, int64_t due_us)
{
	int64_t now = sim_srv_now_us();

	if (due_us > now + 1000000)
		due_us = now + 1000000;   /* stalls and heartbeats need it */
	if (srv->tick_due_us != 0 && srv->tick_due_us <= due_us)
		return;
	if (due_us < now + 1000)
		due_us = now + 1000;
	lws_sul_schedule(srv->ctx, 0, &srv->tick, tick_fire, due_us - now);
	/* read after lws did: due by then (srv_sleep_to_tick), not before */
	srv->tick_due_us = sim_srv_now_us() + (due_us - now);
}

/* --- the connection cap (server_priv.h, SRV_MAX_CONNS) --- */

static struct srv_slot *
slot_of(struct sim_server *srv, const struct lws *wsi)
{
	size_t i;

	for (i = 0; i < sizeof srv->slots / sizeof srv->slots[0]; i++)
		if (srv->slots[i].wsi == wsi && srv->slots[i].state != SRV_SLOT_FREE)
			return &srv->slots[i];
	return NULL;
}

static struct srv_slot *
slot_free(struct sim_server *srv)
{
	size_t i;

	for (i = 0; i < sizeof srv->slots / sizeof srv->slots[0]; i++)
		if (srv->slots[i].state == SRV_SLOT_FREE)
			return &srv->slots[i];
	return NULL;
}

void
sim_srv_conn_state(struct sim_server *srv, struct lws *wsi,
    enum srv_slot_state state)
{
	struct srv_slot *s = slot_of(srv, wsi);

	if (s == NULL || s->state == SRV_SLOT_EVICTED || s->state == state)
		return;
	s->state = state;
	s->since_us = sim_srv_now_us();
}

/*
 * How idle a socket is, in us, when it may make room for a new one: a
 * socket waiting for a request, or a stream whose client has not read for
 * a while; -1 when it is busy with a real client.
 */
static int64_t
idleness(const struct srv_slot *s, int64_t now)
{
	const struct srv_conn *c;

	if (s->state == SRV_SLOT_WAITING)
		return now - s->since_us + SRV_STUCK_US;   /* these go first */
	if (s->state != SRV_SLOT_STREAM)
		return -1;
	c = lws_wsi_user(s->wsi);
	if (c == NULL || c->queued == 0 || now - c->reading_us < SRV_STUCK_EVICT_US)
		return -1;
	return now - c->reading_us;
}

/* Closes the most idle socket, if any is idle, to make room. */
static bool
evict_idlest(struct sim_server *srv)
{
	struct srv_slot *victim = NULL;
	int64_t now = sim_srv_now_us(), best = -1, idle;
	size_t i;

	for (i = 0; i < sizeof srv->slots / sizeof srv->slots[0]; i++) {
		idle = idleness(&srv->slots[i], now);
		if (idle > best) {
			best = idle;
			victim = &srv->slots[i];
		}
	}
	if (victim == NULL)
		return false;
	if (!srv->quiet)
		sim_srv_log(srv, "closed an idle connection (%s) to make room: "
		    "%d open", victim->state == SRV_SLOT_WAITING ? "no request" :
		    "its client stopped reading", srv->nconns);
	/* its own callbacks run from the service loop, not inside ours */
	lws_set_timeout(victim->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
	victim->state = SRV_SLOT_EVICTED;
	srv->nconns--;
	return true;
}

/* A new socket: taken, in a free slot, or -1 to refuse it. */
static int
conn_admit(struct sim_server *srv, struct lws *wsi)
{
	struct srv_slot *free_slot;

	if (srv->nconns >= srv->max_conns && !evict_idlest(srv)) {
		if (!srv->quiet)
			sim_srv_log(srv, "refused a connection: %d open, none idle",
			    srv->nconns);
		return -1;
	}
	free_slot = srv->nsockets < 2 * srv->max_conns ? slot_free(srv) : NULL;
	if (free_slot == NULL) {
		/* only while many evicted ones are still closing */
		if (!srv->quiet)
			sim_srv_log(srv, "refused a connection: %d closing",
			    srv->max_conns);
		return -1;
	}
	free_slot->wsi = wsi;
	free_slot->state = SRV_SLOT_WAITING;
	free_slot->since_us = sim_srv_now_us();
	srv->nconns++;
	srv->nsockets++;
	lws_set_opaque_user_data(wsi, srv);
	return 0;
}

static void
conn_gone(struct sim_server *srv, struct lws *wsi)
{
	struct srv_slot *s = slot_of(srv, wsi);

	if (s == NULL)
		return;
	if (s->state != SRV_SLOT_EVICTED)
		srv->nconns--;
	srv->nsockets--;
	memset(s, 0, sizeof *s);
}

/* The cap within the fd limit, which is also lws's own. */
static int
max_conns(void)
{
	struct rlimit rl;
	rlim_t room;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return SRV_MAX_CONNS;
	room = rl.rlim_cur > SRV_FD_RESERVE ? (rl.rlim_cur - SRV_FD_RESERVE) / 2 : 1;
	return room < SRV_MAX_CONNS ? (int)(room > 0 ? room : 1) : SRV_MAX_CONNS;
}

static void
conn_release(struct srv_conn *c)
{
	if (c == NULL)
		return;
	sim_srv_stream_unlink(c);
	free(c->body);
	c->body = NULL;
	c->body_len = c->body_off = 0;
	c->kind = SRV_CONN_NONE;
}

static int
srv_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user,
    void *in, size_t len)
{
	struct srv_conn *c = user;
	struct sim_server *srv;
	struct lws_context *ctx = lws_get_context(wsi);

	srv = ctx != NULL ? lws_context_user(ctx) : NULL;
	if (srv == NULL)
		return lws_callback_http_dummy(wsi, reason, user, in, len);
	srv->callbacks++;

	switch (reason) {
	case LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED:
		return conn_admit(srv, wsi);
	case LWS_CALLBACK_WSI_DESTROY:
		if (lws_get_opaque_user_data(wsi) == srv) {
			lws_set_opaque_user_data(wsi, NULL);
			conn_gone(srv, wsi);
		}
		return 0;

	case LWS_CALLBACK_HTTP:
		if (c == NULL)
			return -1;
		sim_srv_conn_state(srv, wsi, SRV_SLOT_BUSY);
		conn_release(c);
		memset(c, 0, sizeof *c);   /* keep-alive reuses it */
		c->srv = srv;
		c->wsi = wsi;
		c->session = -1;
		return sim_srv_http_request(c, wsi, in != NULL ? in : "/");
	case LWS_CALLBACK_HTTP_WRITEABLE:
		if (c == NULL)
			return -1;
		if (c->kind == SRV_CONN_SR_PUSH)
			return sim_srv_stream_writeable(c, wsi);
		return sim_srv_http_writeable(c, wsi);
	case LWS_CALLBACK_HTTP_BODY:
		/* kept for the CLIP PUT; any other body is read and ignored */
		if (c != NULL)
			sim_srv_http_body(c, in, len);
		return 0;
	case LWS_CALLBACK_HTTP_BODY_COMPLETION:
		if (c == NULL || !c->reading_body)
			return 0;
		return sim_srv_http_body_done(c, wsi);
	case LWS_CALLBACK_HTTP_DROP_PROTOCOL:
	case LWS_CALLBACK_CLOSED_HTTP:
		conn_release(c);
		return 0;

	case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
		sim_srv_conn_state(srv, wsi, SRV_SLOT_BUSY);
		return sim_srv_ws_confirm(srv, wsi);
	case LWS_CALLBACK_ESTABLISHED:
		if (c == NULL)
			return -1;
		memset(c, 0, sizeof *c);
		c->srv = srv;
		c->wsi = wsi;
		c->session = -1;
		return sim_srv_ws_established(c, wsi);
	case LWS_CALLBACK_RECEIVE:
		if (c == NULL)
			return -1;
		return sim_srv_ws_receive(c, in, len,
		    lws_is_final_fragment(wsi));
	case LWS_CALLBACK_SERVER_WRITEABLE:
		if (c == NULL)
			return -1;
		return sim_srv_stream_writeable(c, wsi);
	case LWS_CALLBACK_CLOSED:
		conn_release(c);
		return 0;

	default:
		break;
	}
	return lws_callback_http_dummy(wsi, reason, user, in, len);
}

static const struct lws_protocols srv_protocols[] = {
	/* one protocol for HTTP and the socket: no subprotocol to name */
	{ "courtside-sim", srv_callback, sizeof(struct srv_conn), 4096, 0,
	  NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 }
};

/*
 * lws 4.1 sleeps in poll() until its next timer in whole milliseconds,
 * rounded down, then polls without waiting until the timer is due: up to
 * a millisecond of spinning before every tick, 11% of a core on a league
 * night, taken from the client beside it.  The last millisecond before
 * the tick is slept here instead (a request arriving in it waits for it).
 */
static void
srv_sleep_to_tick(const struct sim_server *srv)
{
	int64_t left = srv->tick_due_us - sim_srv_now_us();
	struct timespec ts;

	if (srv->tick_due_us == 0 || left <= 0 || left >= 1000)
		return;
	ts.tv_sec = 0;
	ts.tv_nsec = (long)left * 1000;
	nanosleep(&ts, NULL);
}

static void *
srv_thread(void *arg)
{
	struct sim_server *srv = arg;

	while (!atomic_load(&srv->stopping)) {
		unsigned long before = srv->callbacks + srv->ticks;

		srv_sleep_to_tick(srv);
		if (lws_service(srv->ctx, 0) < 0)
			break;
		srv->rounds++;
		srv->idle += srv->callbacks + srv->ticks == before;
	}
	return NULL;
}

/*
 * lws retries a bind that fails (for interfaces that come up later), so
 * try it here first: a bad or foreign address, or a busy port, is an
 * error now, not a server that never listens.
 */
static int
bind_check(const char *addr, int port, char **cause)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	char safe[64];
	int fd, one = 1, err;

	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		len = sizeof *in4;
	} else if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		len = sizeof *in6;
	} else {
		cs_sanitize(safe, addr, sizeof safe);
		return cs_set_cause(cause, "cannot listen on '%s': want a numeric "
		    "IPv4 or IPv6 address", safe);
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return cs_set_cause(cause, "cannot listen: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&ss, len) != 0) {
		err = errno;
		close(fd);
		return cs_set_cause(cause, "cannot listen on %s port %d: %s", addr,
		    port, strerror(err));
	}
	close(fd);
	return 0;
}

static int
parse_options(struct sim_server *srv, const struct sim_server_options *opt,
    char **cause)
{
	const char *colon;

	cs_strlcpy(srv->bind, opt->bind != NULL && *opt->bind != '\0' ?
	    opt->bind : "127.0.0.1", sizeof srv->bind);
	if (opt->port < 0 || opt->port > 65535)
		return cs_set_cause(cause, "bad port");
	srv->port = opt->port;
	if (!(opt->speed >= 0.0 && opt->speed <= 1e6))
		return cs_set_cause(cause, "bad speed");
	srv->speed = opt->speed;
	srv->start_ms = opt->start_ms;
	if (opt->providers == NULL || strcmp(opt->providers, "both") == 0)
		srv->st_on = srv->sr_on = true;
	else if (strcmp(opt->providers, "shottracker") == 0)
		srv->st_on = true;
	else if (strcmp(opt->providers, "sportradar") == 0)
		srv->sr_on = true;
	else
		return cs_set_cause(cause, "unknown provider '%s' (shottracker, "
		    "sportradar or both)", opt->providers);
	srv->quiet = opt->quiet;
	srv->max_conns = max_conns();
	if (opt->st_disagree != NULL) {
		srv->disagree_presence = strstr(opt->st_disagree, "presence") != NULL;
		srv->disagree_lineups = strstr(opt->st_disagree, "lineups") != NULL;
		if (!srv->disagree_presence && !srv->disagree_lineups)
			return cs_set_cause(cause, "--st-disagree wants presence, lineups "
			    "or presence,lineups");
	}
	if (opt->seed_examples != NULL) {
		if (strlen(opt->seed_examples) >= sizeof srv->seed_dir)
			return cs_set_cause(cause, "--serve-seed-examples: path too long");
		if (sim_seed_examples_check(opt->seed_examples, cause) < 0)
			return -1;
		cs_strlcpy(srv->seed_dir, opt->seed_examples, sizeof srv->seed_dir);
	}
	if (opt->require_auth != NULL && *opt->require_auth != '\0') {
		srv->auth = true;
		colon = strchr(opt->require_auth, ':');
		if (colon != NULL) {
			if ((size_t)(colon - opt->require_auth) >=
			    sizeof srv->st_user)
				return cs_set_cause(cause, "credentials too long");
			memcpy(srv->st_user, opt->require_auth,
			    (size_t)(colon - opt->require_auth));
			srv->st_user[colon - opt->require_auth] = '\0';
			colon++;
		} else
			colon = opt->require_auth;
		if (strlen(colon) >= sizeof srv->st_secret || *colon == '\0')
			return cs_set_cause(cause,
			    "bad credentials for --require-auth");
		cs_strlcpy(srv->st_secret, colon, sizeof srv->st_secret);
		cs_strlcpy(srv->sr_key, colon, sizeof srv->sr_key);
	}
	if (sim_faults_parse(opt->faults, &srv->faults, cause) < 0)
		return -1;
	srv->next_stall_ms = srv->faults.stall_seconds > 0.0 ?
	    srv->faults.stall_at_ms : INT64_MAX;
	return 0;
}

/*
 * --capture: the recorded game is served by the provider it was recorded
 * from, alone; the other provider's id reads "-".
 */
static int
serve_capture(struct sim_server *srv, const struct sim_server_options *opt,
    char **cause)
{
	const struct sim_msg *msgs;
	enum cs_provider p;
	const char *name;
	size_t n;

	if (srv->capture == NULL)
		srv->capture = sim_capture_load(opt->capture, cause);
	if (srv->capture == NULL)
		return -1;
	p = sim_capture_provider(srv->capture);
	name = p == CS_PROVIDER_SHOTTRACKER ? "shottracker" : "sportradar";
	if (opt->providers != NULL && strcmp(opt->providers, "both") != 0 &&
	    strcmp(opt->providers, name) != 0)
		return cs_set_cause(cause, "the capture is a %s game: it cannot be "
		    "served as %s", name, opt->providers);
	n = sim_capture_stream(srv->capture, &msgs);
	srv->st_on = p == CS_PROVIDER_SHOTTRACKER;
	srv->sr_on = !srv->st_on;
	cs_strlcpy(srv->st_id, "-", sizeof srv->st_id);
	cs_strlcpy(srv->sr_id, "-", sizeof srv->sr_id);
	if (srv->st_on) {
		srv->st_msgs = msgs;
		srv->st_n = n;
		cs_strlcpy(srv->st_id, sim_capture_game_id(srv->capture),
		    sizeof srv->st_id);
	} else {
		srv->sr_msgs = msgs;
		srv->sr_n = n;
		cs_strlcpy(srv->sr_id, sim_capture_game_id(srv->capture),
		    sizeof srv->sr_id);
	}
	sim_srv_log(srv, "%s", sim_capture_notes(srv->capture));
	/* on the operator's terminal too, whatever --log says: the laptops
	 * that follow this game cannot tell that it stops early */
	if (sim_capture_damage(srv->capture) != NULL)
		fprintf(stderr, "courtside-sim: warning: %s: %s; serving the "
		    "recorded game only up to it\n", opt->capture != NULL ?
		    opt->capture : "the capture", sim_capture_damage(srv->capture));
	return 0;
}

static void
srv_free(struct sim_server *srv)
{
	if (srv == NULL)
		return;
	if (srv->log != NULL && srv->own_log)
		fclose(srv->log);
	sim_league_free(&srv->league);
	sim_game_free(&srv->game);
	sim_capture_free(&srv->capture);
	free(srv->st_info);
	free(srv->scratch);
	pthread_mutex_destroy(&srv->log_lock);
	free(srv);
}

struct sim_server *
sim_server_start(const struct sim_server_options *opt, char **cause)
{
	struct lws_context_creation_info info;
	struct sim_options go;
	struct sim_server *srv;
	sigset_t all, old;
	int rc;

	if (cause != NULL)
		*cause = NULL;
	srv = calloc(1, sizeof *srv);
	if (srv == NULL) {
		struct sim_capture *loaded = opt->loaded;

		sim_capture_free(&loaded);
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&srv->log_lock, NULL);
	atomic_init(&srv->stopping, 0);
	srv->capture = opt->loaded;   /* ours now, whatever happens */
	srv->log = stderr;
	if (parse_options(srv, opt, cause) < 0) {
		srv_free(srv);
		return NULL;
	}
	if (opt->log_path != NULL) {
		srv->log = fopen(opt->log_path, "a");
		if (srv->log == NULL) {
			cs_set_cause(cause, "cannot open log %s: %s",
			    opt->log_path, strerror(errno));
			srv->log = stderr;
			srv_free(srv);
			return NULL;
		}
		srv->own_log = true;
	}

	if (opt->capture != NULL || srv->capture != NULL) {
		if (serve_capture(srv, opt, cause) < 0) {
			srv_free(srv);
			return NULL;
		}
	} else {
		memset(&go, 0, sizeof go);
		go.seed = opt->seed;
		go.halves = opt->halves;
		go.force_overtime = opt->force_overtime;
		go.overtimes = opt->overtimes;
		go.st_seed_shape = opt->st_seed_shape;
		sim_league_night_teams(opt->seed, 0, opt->games, go.night_teams);
		srv->game = sim_game_generate(&go);
		if (srv->game == NULL) {
			cs_set_cause(cause, "the game generator failed");
			srv_free(srv);
			return NULL;
		}
		srv->st_n = sim_game_st_stream(srv->game, &srv->st_msgs);
		srv->sr_n = sim_game_sr_stream(srv->game, &srv->sr_msgs);
		cs_strlcpy(srv->st_id, sim_game_id(srv->game,
		    CS_PROVIDER_SHOTTRACKER), sizeof srv->st_id);
		cs_strlcpy(srv->sr_id, sim_game_id(srv->game,
		    CS_PROVIDER_SPORTRADAR), sizeof srv->sr_id);
		/* one game is a league of one: the same streams, and a schedule */
		srv->league = sim_league_new(srv->game, &go,
		    opt->games > 0 ? opt->games : 1, sim_srv_st_describe);
		if (srv->league == NULL) {
			cs_set_cause(cause, "the league's games could not be generated");
			srv_free(srv);
			return NULL;
		}
	}
	srv->st_info = calloc(srv->st_n + 1, sizeof *srv->st_info);
	srv->scratch = malloc(LWS_PRE + SRV_CHUNK + 64);
	if (srv->st_info == NULL || srv->scratch == NULL ||
	    sim_srv_st_describe(srv->st_msgs, srv->st_n, srv->st_info) < 0) {
		cs_set_cause(cause, "out of memory");
		srv_free(srv);
		return NULL;
	}

	/* lws logs are global to the process: errors only, none when quiet
	 * (the in-process demo owns the terminal) */
	lws_set_log_level(srv->quiet ? 0 : LLL_ERR, NULL);

	if (bind_check(srv->bind, srv->port, cause) < 0) {
		srv_free(srv);
		return NULL;
	}
	memset(&info, 0, sizeof info);
	info.options = LWS_SERVER_OPTION_EXPLICIT_VHOSTS;
	info.user = srv;
	srv->ctx = lws_create_context(&info);
	if (srv->ctx == NULL) {
		cs_set_cause(cause, "cannot create the lws context");
		srv_free(srv);
		return NULL;
	}
	memset(&info, 0, sizeof info);
	info.port = srv->port;
	info.iface = srv->bind;
	info.protocols = srv_protocols;
	info.vhost_name = "courtside-sim";
	info.max_http_header_data = SRV_MAX_HEADER;
	info.keepalive_timeout = SRV_KEEPALIVE_S;
	info.timeout_secs_ah_idle = SRV_HEADER_WAIT_S;
	info.timeout_secs = 30;
	if (strchr(srv->bind, ':') == NULL)
		info.options |= LWS_SERVER_OPTION_DISABLE_IPV6;
	srv->vhost = lws_create_vhost(srv->ctx, &info);
	if (srv->vhost == NULL) {
		cs_set_cause(cause, "cannot listen on %s (address in use or "
		    "not available?)", srv->bind);
		lws_context_destroy(srv->ctx);
		srv_free(srv);
		return NULL;
	}
	srv->port = lws_get_vhost_listen_port(srv->vhost);
	if (srv->port <= 0) {
		cs_set_cause(cause, "cannot listen on %s", srv->bind);
		lws_context_destroy(srv->ctx);
		srv_free(srv);
		return NULL;
	}
	srv->t0_us = sim_srv_now_us();

	/* the service thread takes no signals: they are the caller's */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&srv->thread, NULL, srv_thread, srv);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		cs_set_cause(cause, "cannot start the server thread: %s",
		    strerror(rc));
		lws_context_destroy(srv->ctx);
		srv_free(srv);
		return NULL;
	}
	srv->thread_started = true;
	return srv;
}

int
sim_server_port(const struct sim_server *s)
{
	return s != NULL ? s->port : -1;
}

const char *
sim_server_game_id(const struct sim_server *s, enum cs_provider p)
{
	if (s == NULL)
		return NULL;
	if (p == CS_PROVIDER_SHOTTRACKER)
		return s->st_id;
	if (p == CS_PROVIDER_SPORTRADAR)
		return s->sr_id;
	return NULL;
}

void
sim_server_stop(struct sim_server **sp)
{
	struct sim_server *srv;

	if (sp == NULL || *sp == NULL)
		return;
	srv = *sp;
	*sp = NULL;
	if (srv->thread_started) {
		atomic_store(&srv->stopping, 1);
		lws_cancel_service(srv->ctx);
		pthread_join(srv->thread, NULL);
		if (!srv->quiet)
			sim_srv_log(srv, "service: %lu rounds, %lu of them idle; %lu ticks",
			    srv->rounds, srv->idle, srv->ticks);
	}
	/* the thread is gone: closing callbacks now run here */
	lws_context_destroy(srv->ctx);
	srv_free(srv);
}
