/*
 * courtside-sim's live streams: the ShotTracker Live Data V2 socket and
 * the Sportradar push stream (chunked NDJSON), paced by feed time, with
 * the stream faults (drop, stall, malformed, truncate, duplicate, reorder).
 *
 * Each stream walks its provider's message list.  Messages are planned in
 * small batches: a batch is one message (or, for a reorder, two swapped
 * messages) plus the junk copies a fault puts before it.  A batch is
 * always sent whole before a drop, so a client that resumes from what it
 * saw loses nothing.
 *
 * A ShotTracker socket opens with the game's history as shottracker-api.md
 * §2.3 has it: the sequenced sources (details, shots, marker, possessions)
 * from the start, or after last_seq; of the non-sequence sources (clock
 * and stats, §10.3) "only the latest value": the one latest clock, and the
 * latest stats line of each player and team line (a line is one player's
 * cumulative totals, so the source's latest value is the latest line of
 * each: one line alone would leave every other player's published totals
 * unknown until they next change).  Then live, everything.  Working
 * assumption (§10): the real service's replay is not documented further.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>

#include "sim/server_priv.h"
#include "util.h"

static const char heartbeat_line[] = "{\"heartbeat\":{\"interval\":5000}}";
static const char garbage[] = "\\#@!<simulated corruption>!@#";

static const char *
stream_name(const struct srv_conn *c)
{
	return c->kind == SRV_CONN_ST_WS ? "shottracker" : "sportradar";
}

/* Monotonic time at which feed time reaches feed_ms; INT64_MAX never. */
static int64_t
wall_us(const struct sim_server *srv, int64_t feed_ms)
{
	double us;

	if (srv->speed <= 0.0)
		return feed_ms <= srv->start_ms ? srv->t0_us : INT64_MAX;
	us = (double)(feed_ms - srv->start_ms) * 1000.0 / srv->speed;
	if (us > 9e15)
		return INT64_MAX;
	if (us < 0)
		us = 0;
	return srv->t0_us + (int64_t)us + 1;
}

size_t
sim_srv_sr_msgs(const struct sim_server *srv, int game, const struct sim_msg **msgs)
{
	const struct sim_league_game *lg;

	if (srv->league == NULL) {
		*msgs = srv->sr_msgs;
		return srv->sr_n;
	}
	if (game < 0)
		return sim_league_sr_all(srv->league, msgs);
	lg = sim_league_game(srv->league, game);
	*msgs = lg->sr;
	return lg->sr_n;
}

size_t
sim_srv_sr_live_index(const struct sim_server *srv, int game, int64_t feed_ms)
{
	const struct sim_msg *msgs;
	size_t i, n = sim_srv_sr_msgs(srv, game, &msgs);

	for (i = 0; i < n; i++)
		if (msgs[i].at_ms > feed_ms)
			break;
	return i;
}

void
sim_srv_session_resume(struct sim_server *srv, struct srv_sr_session *to,
    const struct srv_sr_session *from)
{
	to->next_idx = from->next_idx > SRV_SR_RESEND ?
	    from->next_idx - SRV_SR_RESEND : 0;
	to->match_other = from->match_other;
	to->filter = from->filter;
	to->game = from->game;
	if (!srv->quiet)
		sim_srv_log(srv, "push: session resumed from message %zu",
		    to->next_idx);
}

/* A push message's metadata.status is one of the filter's list. */
static bool
status_passes(const char *status_list, const char *json)
{
	const char *meta = strstr(json, "\"metadata\":{"), *v;
	char want[48];
	size_t n, at;

	if (meta == NULL || (v = strstr(meta, "\"status\":\"")) == NULL)
		return false;
	v += 10;
	n = strcspn(v, "\"");
	for (at = 0; status_list[at] != '\0'; at += strcspn(status_list + at, ",") +
	    (status_list[at + strcspn(status_list + at, ",")] == ',')) {
		snprintf(want, sizeof want, "%.*s", (int)strcspn(status_list + at, ","),
		    status_list + at);
		if (strlen(want) == n && strncmp(v, want, n) == 0)
			return true;
	}
	return false;
}

static bool
push_passes(const struct srv_push_filter *f, const char *json)
{
	if (f->status[0] != '\0' && !status_passes(f->status, json))
		return false;
	return f->team[0] == '\0' || strstr(json, f->team) != NULL;
}

/* What a ShotTracker socket sends of its history (see the top). */
static bool
st_history_sent(const struct srv_conn *c, size_t i)
{
	if (i >= c->live_from)
		return true;
	if (c->msgs[i].seq > 0)
		return i >= c->resume_at;
	return c->info[i].newer >= c->live_from;
}

static bool
passes(const struct srv_conn *c, size_t i)
{
	if (c->kind == SRV_CONN_SR_PUSH)
		return push_passes(&c->filter, c->msgs[i].json);
	if (c->kind != SRV_CONN_ST_WS)
		return true;
	if (c->sources != 0 && (c->info[i].src & c->sources) == 0)
		return false;
	return st_history_sent(c, i);
}

static size_t
next_passing(const struct srv_conn *c, size_t i)
{
	while (i < c->nmsgs && !passes(c, i))
		i++;
	return i;
}

static double
draw(const struct srv_conn *c, enum sim_fault_kind kind, size_t idx)
{
	return sim_faults_draw(&c->srv->faults, kind, c->serial, (uint64_t)idx);
}

/* The next batch: its first message i, the swapped partner j of a
 * reorder (else j == i), and the feed time at which it goes out. */
static bool
batch_peek(const struct srv_conn *c, size_t *i, size_t *j, int64_t *due_ms)
{
	const struct sim_faults *f = &c->srv->faults;
	size_t k;

	*i = next_passing(c, c->idx);
	if (*i >= c->nmsgs)
		return false;
	*j = *i;
	*due_ms = c->msgs[*i].at_ms;
	if (f->reorder > 0.0 && draw(c, SIM_FAULT_REORDER, *i) < f->reorder) {
		k = next_passing(c, *i + 1);
		if (k < c->nmsgs) {
			*j = k;
			*due_ms = c->msgs[k].at_ms;
		}
	}
	return true;
}

static void
push_item(struct srv_conn *c, enum srv_item_kind kind, size_t idx)
{
	int at = (c->qhead + c->qlen) % SRV_QUEUE;

	c->q[at].kind = kind;
	c->q[at].idx = idx;
	c->qlen++;
}

static void
fault_log(struct srv_conn *c, const char *kind, size_t idx)
{
	const struct sim_msg *m = &c->msgs[idx];

	sim_srv_log(c->srv, "fault: %s stream=%s conn=%llu msg=%zu seq=%lld", kind,
	    stream_name(c), (unsigned long long)c->serial, idx, (long long)m->seq);
}

/* Queues the next batch if it is due at feed time `feed`. */
static void
stream_plan(struct srv_conn *c, int64_t feed)
{
	const struct sim_faults *f = &c->srv->faults;
	size_t i, j;
	int64_t due;

	if (c->qlen > 0 || !batch_peek(c, &i, &j, &due) || due > feed)
		return;
	if (f->malformed > 0.0 && draw(c, SIM_FAULT_MALFORMED, i) < f->malformed) {
		push_item(c, SRV_ITEM_MALFORMED, i);
		fault_log(c, "malformed", i);
	}
	if (f->truncate > 0.0 && draw(c, SIM_FAULT_TRUNCATE, i) < f->truncate) {
		push_item(c, SRV_ITEM_TRUNCATED, i);
		fault_log(c, "truncate", i);
	}
	if (j != i) {
		push_item(c, SRV_ITEM_FULL, j);
		push_item(c, SRV_ITEM_FULL, i);
		sim_srv_log(c->srv, "fault: reorder stream=%s conn=%llu "
		    "msg=%zu<->%zu seq=%lld<->%lld", stream_name(c),
		    (unsigned long long)c->serial, i, j,
		    (long long)c->msgs[i].seq, (long long)c->msgs[j].seq);
	} else {
		push_item(c, SRV_ITEM_FULL, i);
		if (f->duplicate > 0.0 &&
		    draw(c, SIM_FAULT_DUPLICATE, i) < f->duplicate) {
			push_item(c, SRV_ITEM_DUP, i);
			fault_log(c, "duplicate", i);
		}
	}
	c->idx = j + 1;
	c->batch_end = c->idx;
}

static bool
batch_due(const struct srv_conn *c, int64_t feed)
{
	size_t i, j;
	int64_t due;

	return batch_peek(c, &i, &j, &due) && due <= feed;
}

/* When this stream next needs a writable callback (monotonic us). */
static int64_t
stream_wake(const struct srv_conn *c, int64_t now, int64_t feed)
{
	size_t i, j;
	int64_t due, w = INT64_MAX;

	if (c->dropping || c->pong_pending || c->qlen > 0)
		return now;
	if (c->stall_until_us != 0)
		return c->stall_until_us;
	if (batch_peek(c, &i, &j, &due))
		w = due <= feed ? now : wall_us(c->srv, due);
	if (c->kind == SRV_CONN_SR_PUSH && c->last_send_us + SRV_HEARTBEAT_US < w)
		w = c->last_send_us + SRV_HEARTBEAT_US;
	return w;
}

static void
stall_end(struct srv_conn *c)
{
	c->stall_until_us = 0;
	if (c->kind == SRV_CONN_ST_WS)
		lws_rx_flow_control(c->wsi, 1);
}

/*
 * Asks for a writable callback.  A push stream keeps rx off between
 * writes: lws 4.1 does not read an h1 connection in the middle of its
 * transaction, so a client's hang-up would make poll() spin on POLLIN;
 * and it serves no POLLOUT while rx is off.  So rx goes on for the write
 * only; a hang-up is found by stream_hung_up() or by the write failing.
 */
static void
stream_want_write(struct srv_conn *c)
{
	if (c->kind == SRV_CONN_SR_PUSH)
		lws_rx_flow_control(c->wsi, 1);
	lws_callback_on_writable(c->wsi);
}

/*
 * A client that stopped reading: bytes wait in its socket and none has
 * gone for SRV_STUCK_US.  It goes, and its place with it; a client that
 * reads again resumes where it left off.  Checked at each tick (<= 1 s).
 */
static bool
stream_stuck(struct srv_conn *c, int64_t now)
{
	int fd = lws_get_socket_fd(c->wsi), queued = 0;

	if (fd < 0 || ioctl(fd, SIOCOUTQ, &queued) != 0)
		return false;
	if (queued == 0 || queued < c->queued)
		c->reading_us = now;
	c->queued = queued;
	if (now - c->reading_us < SRV_STUCK_US)
		return false;
	sim_srv_log(c->srv, "stream closed: %s conn=%llu has not read for %lld s "
	    "(%d bytes waiting)", stream_name(c), (unsigned long long)c->serial,
	    (long long)((now - c->reading_us) / 1000000), queued);
	lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
	c->dropping = true;
	return true;
}

/* A push stream's client closed its end (we never read it otherwise). */
static bool
stream_hung_up(const struct srv_conn *c)
{
	char b;
	ssize_t n;
	int fd;

	if (c->kind != SRV_CONN_SR_PUSH)
		return false;
	fd = lws_get_socket_fd(c->wsi);
	if (fd < 0)
		return true;
	n = recv(fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
	return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
	    errno != EINTR);
}

/* A UTF-8-safe cut near the middle (text frames must stay valid UTF-8). */
static size_t
cut_point(const char *s, size_t len)
{
	size_t cut = len / 2;

	while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	return cut;
}

/* Where a string value starts after the middle, a few bytes in. */
static size_t
cut_in_string(const char *s, size_t len)
{
	const char *p = strstr(s + len / 2, "\":\"");
	size_t cut, k;

	if (p == NULL)
		return cut_point(s, len);
	cut = (size_t)(p - s) + 3;
	for (k = 0; k < 3 && cut < len - 1 && s[cut] != '"' && s[cut] != '\\' &&
	    ((unsigned char)s[cut] & 0x80) == 0; k++)
		cut++;
	return cut;
}

/* Sends one payload: a text frame, or one chunk holding one NDJSON line. */
static int
send_payload(struct srv_conn *c, struct lws *wsi, const char *a, size_t alen,
    const char *b, size_t blen)
{
	struct sim_server *srv = c->srv;
	unsigned char *buf, *p, *heap = NULL;
	size_t need = LWS_PRE + 24 + alen + blen + 4, n;
	int hl = 0;

	if (need <= LWS_PRE + SRV_CHUNK + 64)
		buf = srv->scratch;
	else if ((buf = heap = malloc(need)) == NULL)
		return -1;
	p = buf + LWS_PRE;
	if (c->kind == SRV_CONN_SR_PUSH)
		hl = snprintf((char *)p, 24, "%zx\r\n", alen + blen + 1);
	n = (size_t)hl;
	memcpy(p + n, a, alen);
	n += alen;
	if (blen > 0)
		memcpy(p + n, b, blen);
	n += blen;
	if (c->kind == SRV_CONN_SR_PUSH) {
		memcpy(p + n, "\n\r\n", 3);
		n += 3;
	}
	if (lws_write(wsi, p, n, c->kind == SRV_CONN_ST_WS ? LWS_WRITE_TEXT :
	    LWS_WRITE_HTTP) < (int)n) {
		free(heap);
		return -1;
	}
	free(heap);
	c->last_send_us = sim_srv_now_us();
	return 0;
}

static int
send_item(struct srv_conn *c, struct lws *wsi, const struct srv_item *it)
{
	const char *json = c->msgs[it->idx].json;
	size_t len = strlen(json);

	switch (it->kind) {
	case SRV_ITEM_MALFORMED:
		return send_payload(c, wsi, json, cut_in_string(json, len),
		    garbage, strlen(garbage));
	case SRV_ITEM_TRUNCATED:
		return send_payload(c, wsi, json, cut_point(json, len), NULL, 0);
	case SRV_ITEM_FULL:
	case SRV_ITEM_DUP:
		break;
	}
	return send_payload(c, wsi, json, len, NULL, 0);
}

/* The batch is out: remember it for a resume, and maybe drop. */
static void
batch_done(struct srv_conn *c)
{
	struct sim_server *srv = c->srv;
	struct srv_sr_session *s;

	if (c->session >= 0) {
		s = &srv->sessions[c->session];
		if (s->in_use && strcmp(s->id, c->session_id) == 0 &&
		    c->batch_end > s->next_idx)
			s->next_idx = c->batch_end;
	}
	if (srv->faults.drop > 0 && c->delivered >= (uint64_t)srv->faults.drop) {
		sim_srv_log(srv, "fault: drop stream=%s conn=%llu after=%llu",
		    stream_name(c), (unsigned long long)c->serial,
		    (unsigned long long)c->delivered);
		c->dropping = true;
	}
}

int
sim_srv_stream_writeable(struct srv_conn *c, struct lws *wsi)
{
	struct sim_server *srv = c->srv;
	struct srv_item it;
	int64_t now, feed;

	if (c->dropping)
		return -1;   /* everything before it has been flushed */
	if (c->kind == SRV_CONN_SR_PUSH)
		lws_rx_flow_control(wsi, 0);
	now = sim_srv_now_us();
	if (c->stall_until_us != 0) {
		if (now < c->stall_until_us)
			return 0;
		stall_end(c);
	}
	feed = sim_srv_feed_now(srv);
	if (c->pong_pending) {
		c->pong_pending = false;
		if (send_payload(c, wsi, "pong", 4, NULL, 0) < 0)
			return -1;
	} else {
		stream_plan(c, feed);
		if (c->qlen > 0) {
			it = c->q[c->qhead];
			c->qhead = (c->qhead + 1) % SRV_QUEUE;
			c->qlen--;
			if (send_item(c, wsi, &it) < 0)
				return -1;
			if (it.kind == SRV_ITEM_FULL) {
				c->delivered++;
				if (c->session >= 0)
					srv->sessions[c->session]
					    .last_delivery_us = now;
			}
			if (c->qlen == 0)
				batch_done(c);
		} else if (c->kind == SRV_CONN_SR_PUSH &&
		    now - c->last_send_us >= SRV_HEARTBEAT_US) {
			if (send_payload(c, wsi, heartbeat_line,
			    strlen(heartbeat_line), NULL, 0) < 0)
				return -1;
		} else {
			sim_srv_tick_arm(srv, stream_wake(c, now, feed));
			return 0;
		}
	}
	/* a write the socket did not take whole: lws sends the rest at
	 * POLLOUT, which it serves only with rx on (else poll() spins) */
	if (c->dropping || c->pong_pending || c->qlen > 0 || batch_due(c, feed) ||
	    lws_partial_buffered(wsi))
		stream_want_write(c);
	else
		sim_srv_tick_arm(srv, stream_wake(c, sim_srv_now_us(), feed));
	return 0;
}

static void stall_check(struct sim_server *srv, int64_t now, int64_t feed);

static void
stream_link(struct srv_conn *c)
{
	struct sim_server *srv = c->srv;

	c->serial = ++srv->conn_serial;
	c->next = srv->streams;
	srv->streams = c;
	c->linked = true;
	c->last_send_us = sim_srv_now_us();
	c->reading_us = c->last_send_us;
	/* a stall already due takes this stream before its first byte */
	stall_check(srv, c->last_send_us, sim_srv_feed_now(srv));
	stream_want_write(c);
	sim_srv_tick_arm(srv, sim_srv_now_us());
}

void
sim_srv_stream_unlink(struct srv_conn *c)
{
	struct srv_conn **pp;

	if (c == NULL || !c->linked)
		return;
	for (pp = &c->srv->streams; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	c->linked = false;
	c->next = NULL;
	if (!c->srv->quiet)
		sim_srv_log(c->srv, "stream closed: %s conn=%llu sent=%llu",
		    stream_name(c), (unsigned long long)c->serial,
		    (unsigned long long)c->delivered);
}

/* The first message not yet due at feed time `feed`. */
static size_t
st_live_index(const struct srv_conn *c, int64_t feed)
{
	size_t i;

	for (i = 0; i < c->nmsgs && c->msgs[i].at_ms <= feed; i++)
		;
	return i;
}

/* After the last message with 0 < seq <= last_seq. */
static size_t
st_resume_index(const struct srv_conn *c, long long last_seq)
{
	size_t i, start = 0;

	for (i = 0; i < c->nmsgs; i++) {
		if (c->msgs[i].seq <= 0)
			continue;
		if (c->msgs[i].seq > last_seq)
			break;
		start = i + 1;
	}
	return start;
}

/* The ShotTracker sources by name: the bit of the n bytes at p, or 0. */
static unsigned
source_named(const char *p, size_t n)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{ "details", SRV_SRC_DETAILS }, { "shots", SRV_SRC_SHOTS },
		{ "marker", SRV_SRC_MARKER },
		{ "possessions", SRV_SRC_POSSESSIONS },
		{ "stats", SRV_SRC_STATS }, { "clock", SRV_SRC_CLOCK },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == n && strncmp(p, names[i].name, n) == 0)
			return names[i].bit;
	return 0;
}

/* Which message of the ShotTracker stream carries which source. */
static unsigned
st_source_bit(const char *json)
{
	const char *p;
	unsigned bit;

	p = strstr(json, "\"source\":\"");
	if (p == NULL || p - json > 64)
		return SRV_SRC_OTHER;
	p += strlen("\"source\":\"");
	/* the name up to its closing quote (none: no name) */
	if (strchr(p, '"') == NULL)
		return SRV_SRC_OTHER;
	bit = source_named(p, strcspn(p, "\""));
	return bit != 0 ? bit : SRV_SRC_OTHER;
}

/* Whose a stats line is: its team_id and player_id as written (a team's
 * own line has "player_id":null).  False when it names neither. */
static bool
stats_whose(const char *json, char *key, size_t size)
{
	const char *t = strstr(json, "\"team_id\":"), *p = strstr(json, "\"player_id\":");
	int n;

	if (t == NULL || p == NULL)
		return false;
	t += strlen("\"team_id\":");
	p += strlen("\"player_id\":");
	n = snprintf(key, size, "%.*s/%.*s", (int)strcspn(t, ",}"), t,
	    (int)strcspn(p, ",}"), p);
	return n > 0 && (size_t)n < size;
}

#define ST_STATS_LINES 64   /* players and teams told apart; any more are
                               always sent */

int
sim_srv_st_describe(const struct sim_msg *msgs, size_t n,
    struct sim_st_info *info)
{
	struct { char whose[48]; size_t at; } *line;
	size_t i, k, nlines = 0, clock = SIZE_MAX;
	char whose[48];

	if (n >= UINT32_MAX)
		return -1;
	line = calloc(ST_STATS_LINES, sizeof *line);
	if (line == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		info[i].src = (unsigned char)st_source_bit(msgs[i].json);
		info[i].newer = (uint32_t)n;
		if (msgs[i].seq > 0)
			continue;
		if (info[i].src == SRV_SRC_CLOCK) {
			if (clock != SIZE_MAX)
				info[clock].newer = (uint32_t)i;
			clock = i;
		} else if (info[i].src == SRV_SRC_STATS &&
		    stats_whose(msgs[i].json, whose, sizeof whose)) {
			for (k = 0; k < nlines && strcmp(line[k].whose, whose) != 0; k++)
				;
			if (k < nlines)
				info[line[k].at].newer = (uint32_t)i;
			else if (nlines < ST_STATS_LINES)
				cs_strlcpy(line[nlines++].whose, whose, sizeof whose);
			else
				continue;
			line[k].at = i;
		}
	}
	free(line);
	return 0;
}

static unsigned
source_bits(const char *list)
{
	unsigned bits = 0;
	const char *p = list, *comma;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		bits |= source_named(p, n);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	/* a filter naming only unknown sources matches nothing */
	return bits != 0 ? bits : 0x80u;
}

/* League: the socket streams the game its token subscribed to. */
static void
st_league_game(struct srv_conn *c, const char *token)
{
	const struct sim_league_game *lg;

	lg = sim_league_game(c->srv->league, sim_srv_st_token_game(c->srv, token));
	if (lg == NULL)
		return;
	c->msgs = lg->st;
	c->nmsgs = lg->st_n;
	c->info = lg->st_info;
}

/* The log's account of a socket's opening: what its history holds. */
static void
st_opening_log(const struct srv_conn *c)
{
	size_t i, seq = 0, clock = 0, stats = 0, other = 0;

	for (i = 0; i < c->live_from; i++) {
		if (!passes(c, i))
			continue;
		if (c->msgs[i].seq > 0)
			seq++;
		else if (c->info[i].src == SRV_SRC_CLOCK)
			clock++;
		else if (c->info[i].src == SRV_SRC_STATS)
			stats++;
		else
			other++;
	}
	sim_srv_log(c->srv, "GET /live/v2/games 101 conn=%llu from=%zu%s; "
	    "history: %zu sequenced, %zu clock, %zu stats, %zu other",
	    (unsigned long long)c->serial, c->resume_at,
	    c->sources != 0 ? " (filtered)" : "", seq, clock, stats, other);
}

int
sim_srv_ws_established(struct srv_conn *c, struct lws *wsi)
{
	struct sim_server *srv = c->srv;
	char arg[256], *end;
	long long last_seq = -1;
	int i;

	c->kind = SRV_CONN_ST_WS;
	sim_srv_conn_state(srv, wsi, SRV_SLOT_STREAM);
	c->msgs = srv->st_msgs;
	c->nmsgs = srv->st_n;
	c->info = srv->st_info;
	for (i = 0; i < 64; i++) {
		if (lws_hdr_copy_fragment(wsi, arg, (int)sizeof arg,
		    WSI_TOKEN_HTTP_URI_ARGS, i) < 0)
			break;
		if (strncmp(arg, "source=", 7) == 0)
			c->sources |= source_bits(arg + 7);
		else if (strncmp(arg, "type=", 5) == 0)
			c->sources |= source_bits(arg + 5);
		else if (strncmp(arg, "token=", 6) == 0 && srv->league != NULL)
			st_league_game(c, arg + 6);
		else if (strncmp(arg, "last_seq=", 9) == 0) {
			last_seq = strtoll(arg + 9, &end, 10);
			if (end == arg + 9 || *end != '\0' || last_seq < 0)
				last_seq = -1;
		}
	}
	if (last_seq >= 0)
		c->resume_at = st_resume_index(c, last_seq);
	c->live_from = st_live_index(c, sim_srv_feed_now(srv));
	stream_link(c);
	if (!srv->quiet)
		st_opening_log(c);
	return 0;
}

int
sim_srv_ws_receive(struct srv_conn *c, const void *in, size_t len, bool final)
{
	if (c->kind != SRV_CONN_ST_WS)
		return 0;
	if (c->rx_len + len >= sizeof c->rx)
		c->rx_long = true;
	else {
		memcpy(c->rx + c->rx_len, in, len);
		c->rx_len += len;
	}
	if (!final)
		return 0;
	while (c->rx_len > 0 && (c->rx[c->rx_len - 1] == '\n' ||
	    c->rx[c->rx_len - 1] == '\r' || c->rx[c->rx_len - 1] == ' '))
		c->rx_len--;
	if (!c->rx_long && c->rx_len == 4 && memcmp(c->rx, "ping", 4) == 0) {
		if (!c->srv->quiet)
			sim_srv_log(c->srv, "ws: text ping conn=%llu",
			    (unsigned long long)c->serial);
		c->pong_pending = true;
		lws_callback_on_writable(c->wsi);
	}
	c->rx_len = 0;
	c->rx_long = false;
	return 0;
}

int
sim_srv_sr_push_start(struct srv_conn *c, struct lws *wsi, int session)
{
	struct sim_server *srv = c->srv;
	struct srv_sr_session *s = &srv->sessions[session];
	unsigned char hdr[LWS_PRE + 1024], *start = hdr + LWS_PRE, *p = start,
	    *end = hdr + sizeof hdr - 1;

	if (lws_add_http_header_status(wsi, HTTP_STATUS_OK, &p, end) ||
	    lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_CONTENT_TYPE,
	    (const unsigned char *)"application/x-ndjson", 20, &p, end) ||
	    lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_TRANSFER_ENCODING,
	    (const unsigned char *)"chunked", 7, &p, end) ||
	    lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_CACHE_CONTROL,
	    (const unsigned char *)"no-cache", 8, &p, end) ||
	    lws_finalize_write_http_header(wsi, start, &p, end))
		return -1;
	/*
	 * An endless response: no timeout, and no reading.  lws does not read
	 * an h1 connection in the middle of its transaction, so a client's
	 * hang-up would make poll() spin until our next write; the client
	 * has nothing to say anyway, and a hang-up shows at the next write
	 * (a heartbeat at the latest).
	 */
	lws_set_timeout(wsi, NO_PENDING_TIMEOUT, 0);
	c->kind = SRV_CONN_SR_PUSH;
	sim_srv_conn_state(srv, wsi, SRV_SLOT_STREAM);
	c->nmsgs = sim_srv_sr_msgs(srv, s->game, &c->msgs);
	if (s->match_other)
		c->nmsgs = 0;
	c->idx = s->next_idx;
	c->batch_end = c->idx;
	c->filter = s->filter;
	c->session = session;
	cs_strlcpy(c->session_id, s->id, sizeof c->session_id);
	stream_link(c);
	if (!srv->quiet)
		sim_srv_log(srv, "GET %s 200 push conn=%llu from=%zu", c->log_path,
		    (unsigned long long)c->serial, c->idx);
	return 0;
}

/* The stall fault: every open stream goes silent for S seconds. */
static void
stall_check(struct sim_server *srv, int64_t now, int64_t feed)
{
	struct srv_conn *c;

	if (srv->streams == NULL || feed < srv->next_stall_ms)
		return;

	for (c = srv->streams; c != NULL; c = c->next) {
		c->stall_until_us = now +
		    (int64_t)(srv->faults.stall_seconds * 1e6);
		if (c->kind == SRV_CONN_ST_WS)
			lws_rx_flow_control(c->wsi, 0);   /* no pongs either */
		sim_srv_log(srv, "fault: stall stream=%s conn=%llu seconds=%g "
		    "feed_ms=%lld",
		    stream_name(c), (unsigned long long)c->serial,
		    srv->faults.stall_seconds, (long long)feed);
	}
	if (srv->faults.stall_every)
		srv->next_stall_ms = (feed / srv->faults.stall_at_ms + 1) *
		    srv->faults.stall_at_ms;
	else
		srv->next_stall_ms = INT64_MAX;
}

void
sim_srv_tick(lws_sorted_usec_list_t *sul)
{
	struct sim_server *srv = lws_container_of(sul, struct sim_server, tick);
	struct srv_conn *c;
	int64_t now = sim_srv_now_us(), feed = sim_srv_feed_now(srv), next, w;

	if (srv->streams == NULL)
		return;   /* idle: the next stream re-arms the tick */
	stall_check(srv, now, feed);
	next = now + 1000000;
	if (srv->next_stall_ms != INT64_MAX) {
		w = wall_us(srv, srv->next_stall_ms);
		if (w < next)
			next = w;
	}
	for (c = srv->streams; c != NULL; c = c->next) {
		if (!c->dropping && stream_stuck(c, now))
			continue;
		if (c->stall_until_us != 0 && now >= c->stall_until_us)
			stall_end(c);
		if (!c->dropping && stream_hung_up(c))
			c->dropping = true;   /* close it at the writable */
		w = stream_wake(c, now, feed);
		if (w <= now)
			stream_want_write(c);
		else if (w < next)
			next = w;
	}
	sim_srv_tick_arm(srv, next);
}
