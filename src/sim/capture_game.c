/*
 * A recorded game, served again: loads a capture (net/capture.h) into the
 * live stream and the REST bodies that courtside-sim's server hands out.
 * See capture_game.h for what is cleaned and why.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "net/capture.h"
#include "providers/parser.h"
#include "sim/capture_game.h"
#include "util.h"

struct rest_body {
	char *path;             /* without "rest:" */
	int64_t at_ms;
	char *body;
};

struct sim_capture {
	enum cs_provider provider;
	char game_id[CS_ID_MAX];

	struct sim_msg *msgs;
	size_t nmsgs, msgs_cap;
	struct rest_body *rest;
	size_t nrest, rest_cap;
	size_t bytes;

	/* what loading left out */
	size_t not_json, heartbeats, duplicates, other_channel;
	char *damage;           /* where the capture is damaged, or NULL */
	char notes[512];
};

/*
 * A set of 64-bit keys (open addressing, 0 = empty), for "seen before":
 * seqs for ShotTracker frames that have one, content hashes otherwise.
 */
struct seen {
	uint64_t *keys;
	size_t cap, n;
};

/* true when `key` was already there; false when added (or out of memory:
 * then it counts as new, which only costs a duplicate on the wire). */
static bool
seen_add(struct seen *s, uint64_t key)
{
	size_t i, j;
	uint64_t *nk;

	if (key == 0)
		key = 1;
	if ((s->n + 1) * 2 > s->cap) {
		size_t ncap = s->cap != 0 ? s->cap * 2 : 1024;

		nk = calloc(ncap, sizeof *nk);
		if (nk == NULL)
			return false;
		for (i = 0; i < s->cap; i++) {
			if (s->keys[i] == 0)
				continue;
			for (j = s->keys[i] & (ncap - 1); nk[j] != 0;
			    j = (j + 1) & (ncap - 1))
				;
			nk[j] = s->keys[i];
		}
		free(s->keys);
		s->keys = nk;
		s->cap = ncap;
	}
	for (i = key & (s->cap - 1); s->keys[i] != 0; i = (i + 1) & (s->cap - 1))
		if (s->keys[i] == key)
			return true;
	s->keys[i] = key;
	s->n++;
	return false;
}

static char *
copy_text(const char *data, size_t len)
{
	char *s = malloc(len + 1);

	if (s != NULL) {
		memcpy(s, data, len);
		s[len] = '\0';
	}
	return s;
}

/*
 * Parses one stream message.  Returns 1 when it is worth serving (with
 * *seq its ShotTracker seq, 0 when it has none), 0 when it is left out.
 */
static int
classify(struct sim_capture *c, const char *data, size_t len, int64_t *seq)
{
	struct json_tokener *tok;
	struct json_object *root, *v;
	size_t i;
	int keep = 1;

	*seq = 0;
	/* a NUL inside is not one JSON text, and strlen would cut it */
	if (len == 0 || memchr(data, '\0', len) != NULL) {
		c->not_json++;
		return 0;
	}
	tok = json_tokener_new_ex(64);
	if (tok == NULL)
		return 0;
	root = json_tokener_parse_ex(tok, data, (int)len);
	i = (size_t)json_tokener_get_parse_end(tok);
	while (i < len && (data[i] == ' ' || data[i] == '\n' ||
	    data[i] == '\r' || data[i] == '\t'))
		i++;
	if (root == NULL || json_tokener_get_error(tok) != json_tokener_success ||
	    i != len || !json_object_is_type(root, json_type_object)) {
		c->not_json++;
		keep = 0;
	} else if (json_object_object_get_ex(root, "heartbeat", NULL)) {
		c->heartbeats++;
		keep = 0;
	} else if (c->provider == CS_PROVIDER_SHOTTRACKER &&
	    json_object_object_get_ex(root, "seq", &v) &&
	    json_object_is_type(v, json_type_int) &&
	    json_object_get_int64(v) > 0)
		*seq = json_object_get_int64(v);
	json_object_put(root);
	json_tokener_free(tok);
	return keep;
}

static int
add_stream(struct sim_capture *c, struct seen *seqs, struct seen *texts,
    const struct capture_record *rec)
{
	struct sim_msg *m;
	int64_t seq;
	char *p;
	bool dup;

	if (!classify(c, rec->data, rec->len, &seq))
		return 0;
	dup = seq > 0 ? seen_add(seqs, (uint64_t)seq) :
	    seen_add(texts, cs_hash64(rec->data, rec->len) ^ (uint64_t)rec->len);
	if (dup) {
		c->duplicates++;
		return 0;
	}
	if (cs_grow((void **)&c->msgs, &c->msgs_cap, c->nmsgs + 1, sizeof *c->msgs) < 0)
		return -1;
	m = &c->msgs[c->nmsgs];
	m->json = copy_text(rec->data, rec->len);
	if (m->json == NULL)
		return -1;
	/* a push message goes out as one line: line breaks that are JSON
	 * whitespace (a hand-edited capture) become spaces */
	if (c->provider == CS_PROVIDER_SPORTRADAR)
		for (p = (char *)m->json; (p = strpbrk(p, "\r\n")) != NULL; p++)
			*p = ' ';
	/* receive times only go forward on the wire we serve */
	m->at_ms = rec->t_ms;
	if (c->nmsgs > 0 && m->at_ms < c->msgs[c->nmsgs - 1].at_ms)
		m->at_ms = c->msgs[c->nmsgs - 1].at_ms;
	m->seq = seq;
	c->nmsgs++;
	return 0;
}

static int
add_rest(struct sim_capture *c, const struct capture_record *rec)
{
	struct rest_body *r;

	if (cs_grow((void **)&c->rest, &c->rest_cap, c->nrest + 1, sizeof *c->rest) < 0)
		return -1;
	r = &c->rest[c->nrest];
	r->path = strdup(rec->channel + 5);
	r->body = copy_text(rec->data, rec->len);
	r->at_ms = rec->t_ms;
	if (r->path == NULL || r->body == NULL) {
		free(r->path);
		free(r->body);
		return -1;
	}
	c->nrest++;
	return 0;
}

static int
by_seq(const void *a, const void *b)
{
	const struct sim_msg *x = a, *y = b;

	return (x->seq > y->seq) - (x->seq < y->seq);
}

/*
 * Frames with a seq go back into seq order (a reorder fault swapped some
 * on the recorded wire), each taking the slot, and so the send time, of
 * the one it replaces; frames without a seq stay where they were.
 */
static int
order_by_seq(struct sim_capture *c)
{
	struct sim_msg *with;
	size_t i, n = 0, k = 0;

	for (i = 0; i < c->nmsgs; i++)
		if (c->msgs[i].seq > 0)
			n++;
	if (n < 2)
		return 0;
	with = malloc(n * sizeof *with);
	if (with == NULL)
		return -1;
	for (i = 0; i < c->nmsgs; i++)
		if (c->msgs[i].seq > 0)
			with[k++] = c->msgs[i];
	qsort(with, n, sizeof *with, by_seq);
	for (i = 0, k = 0; i < c->nmsgs; i++)
		if (c->msgs[i].seq > 0) {
			c->msgs[i].json = with[k].json;
			c->msgs[i].seq = with[k].seq;
			k++;
		}
	free(with);
	return 0;
}

static struct sim_capture *
load_fail(struct sim_capture *c, struct capture_reader **r, char **cause,
    const char *path, const char *why)
{
	cs_set_cause(cause, "%s: %s", path, why);
	capture_read_close(r);
	sim_capture_free(&c);
	return NULL;
}

static void
write_notes(struct sim_capture *c)
{
	int n;

	n = snprintf(c->notes, sizeof c->notes, "capture of %s game %s: %zu "
	    "stream messages, %zu REST bodies, %lld s; left out %zu not JSON, "
	    "%zu duplicates, %zu heartbeats",
	    c->provider == CS_PROVIDER_SHOTTRACKER ? "shottracker" : "sportradar",
	    c->game_id, c->nmsgs, c->nrest,
	    (long long)(sim_capture_end_ms(c) / 1000), c->not_json,
	    c->duplicates, c->heartbeats);
	if (c->other_channel > 0 && n > 0 && (size_t)n < sizeof c->notes)
		n += snprintf(c->notes + n, sizeof c->notes - (size_t)n,
		    ", %zu on unknown channels", c->other_channel);
	if (c->damage != NULL && n > 0 && (size_t)n < sizeof c->notes)
		snprintf(c->notes + n, sizeof c->notes - (size_t)n,
		    "; %s: served up to it", c->damage);
}

/* The channel of the live stream: WebSocket frames or push lines. */
static const char *
live_channel(enum cs_provider provider)
{
	return provider == CS_PROVIDER_SHOTTRACKER ? "ws" : "push";
}

/* Reads every record into `c`; NULL, or why it cannot be served. */
static const char *
load_records(struct sim_capture *c, struct capture_reader *r)
{
	struct seen seqs = { NULL, 0, 0 }, texts = { NULL, 0, 0 };
	struct capture_record rec;
	const char *why = NULL;
	int rc;

	for (;;) {
		/* damage ends the capture: nothing after it can be trusted */
		rc = capture_next(r, &rec, &c->damage);
		if (rc <= 0)
			break;
		c->bytes += rec.len;
		if (c->bytes > SIM_CAPTURE_MAX_BYTES) {
			why = "too large to serve (over 512 MB of messages)";
			break;
		}
		if (strncmp(rec.channel, "rest:", 5) == 0 && rec.channel[5] == '/')
			rc = add_rest(c, &rec);
		else if (strcmp(rec.channel, live_channel(c->provider)) == 0)
			rc = add_stream(c, &seqs, &texts, &rec);
		else {
			c->other_channel++;
			rc = 0;
		}
		if (rc < 0) {
			why = "out of memory";
			break;
		}
	}
	free(seqs.keys);
	free(texts.keys);
	return why;
}

struct sim_capture *
sim_capture_load(const char *path, char **cause)
{
	struct capture_reader *r;
	struct sim_capture *c;
	const char *why;

	if (cause != NULL)
		*cause = NULL;
	r = capture_read_open(path, cause);
	if (r == NULL)
		return NULL;
	c = calloc(1, sizeof *c);
	if (c == NULL)
		return load_fail(c, &r, cause, path, "out of memory");
	c->provider = capture_provider(r);
	if (c->provider != CS_PROVIDER_SHOTTRACKER &&
	    c->provider != CS_PROVIDER_SPORTRADAR)
		return load_fail(c, &r, cause, path,
		    "only ShotTracker and Sportradar captures can be served");
	cs_sanitize(c->game_id, capture_game_id(r), sizeof c->game_id);
	if (c->game_id[0] == '\0')
		return load_fail(c, &r, cause, path, "the capture names no game");
	if ((why = load_records(c, r)) != NULL)
		return load_fail(c, &r, cause, path, why);
	capture_read_close(&r);
	if (c->nmsgs == 0 && c->nrest == 0)
		return load_fail(c, &r, cause, path, c->damage != NULL ? c->damage :
		    "no message to serve");
	if (order_by_seq(c) < 0)
		return load_fail(c, &r, cause, path, "out of memory");
	write_notes(c);
	return c;
}

void
sim_capture_free(struct sim_capture **cp)
{
	struct sim_capture *c;
	size_t i;

	if (cp == NULL || *cp == NULL)
		return;
	c = *cp;
	*cp = NULL;
	for (i = 0; i < c->nmsgs; i++)
		free((char *)c->msgs[i].json);
	for (i = 0; i < c->nrest; i++) {
		free(c->rest[i].path);
		free(c->rest[i].body);
	}
	free(c->msgs);
	free(c->rest);
	free(c->damage);
	free(c);
}

enum cs_provider
sim_capture_provider(const struct sim_capture *c)
{
	return c->provider;
}

const char *
sim_capture_game_id(const struct sim_capture *c)
{
	return c->game_id;
}

size_t
sim_capture_stream(const struct sim_capture *c, const struct sim_msg **msgs)
{
	*msgs = c->msgs;
	return c->nmsgs;
}

int64_t
sim_capture_end_ms(const struct sim_capture *c)
{
	int64_t end = 0;

	if (c->nmsgs > 0)
		end = c->msgs[c->nmsgs - 1].at_ms;
	if (c->nrest > 0 && c->rest[c->nrest - 1].at_ms > end)
		end = c->rest[c->nrest - 1].at_ms;
	return end;
}

static bool
path_is(const char *have, const char *want, bool suffix)
{
	size_t hl, wl;

	if (!suffix)
		return strcmp(have, want) == 0;
	hl = strlen(have);
	wl = strlen(want);
	return hl >= wl && strcmp(have + hl - wl, want) == 0;
}

/* Records are in time order: the last match at or before at_ms wins, the
 * first match when at_ms is earlier than all. */
const char *
sim_capture_rest(const struct sim_capture *c, const char *path, bool suffix,
    int64_t at_ms, int64_t *recorded_ms)
{
	const struct rest_body *best = NULL;
	size_t i;

	for (i = 0; i < c->nrest; i++) {
		if (!path_is(c->rest[i].path, path, suffix))
			continue;
		if (best != NULL && c->rest[i].at_ms > at_ms)
			break;
		best = &c->rest[i];
	}
	if (best == NULL)
		return NULL;
	if (recorded_ms != NULL)
		*recorded_ms = best->at_ms;
	return best->body;
}

/* --- where the recorded game stands, by its own parsers --- */

struct scan {
	int sequence, tenths;     /* the moment looked for; 0 = any period */
	bool past;
	bool seen_type, halves;
};

static void
scan_at(struct scan *sc, const struct cs_period *p, int clock)
{
	if (!sc->seen_type && p->type != CS_PERIOD_OVERTIME && p->sequence > 0) {
		sc->seen_type = true;
		sc->halves = p->type == CS_PERIOD_HALF;
	}
	if (sc->sequence <= 0 || p->sequence <= 0)
		return;
	if (p->sequence != sc->sequence)
		sc->past = sc->past || p->sequence > sc->sequence;
	else if (clock != CS_NO_CLOCK && clock < sc->tenths)
		sc->past = true;
}

static void
scan_event(void *ctx, const struct cs_event *ev)
{
	scan_at(ctx, &ev->period, ev->clock);
}

static void
scan_clock(void *ctx, const struct cs_clock *clock)
{
	scan_at(ctx, &clock->period, clock->clock);
}

/*
 * Plays the capture through its provider's parsers, REST and stream merged
 * in time order (REST first at equal times), until `done` says so.
 * Returns 1 with *rest_i or *msg_k (the other -1) naming the message that
 * did it, 0 at the end.
 */
static int
scan_capture(const struct sim_capture *c, struct scan *sc,
    bool (*done)(const struct scan *), long *rest_i, long *msg_k)
{
	const struct provider_parser *parser = provider_parser_for(c->provider);
	struct cs_sink sink;
	const char *channel = live_channel(c->provider);
	char rest_channel[600];
	size_t i = 0, k = 0;
	void *state;
	int found = 0;

	*rest_i = *msg_k = -1;
	if (parser == NULL)
		return 0;
	memset(&sink, 0, sizeof sink);
	sink.ctx = sc;
	sink.event = scan_event;
	sink.clock = scan_clock;
	state = parser->create(&sink);
	if (state == NULL)
		return 0;
	while (!found && (i < c->nrest || k < c->nmsgs)) {
		if (k >= c->nmsgs || (i < c->nrest && c->rest[i].at_ms <= c->msgs[k].at_ms)) {
			snprintf(rest_channel, sizeof rest_channel, "rest:%s", c->rest[i].path);
			parser->message(state, rest_channel, c->rest[i].body,
			    strlen(c->rest[i].body));
			if ((found = done(sc)))
				*rest_i = (long)i;
			i++;
		} else {
			parser->message(state, channel, c->msgs[k].json,
			    strlen(c->msgs[k].json));
			if ((found = done(sc)))
				*msg_k = (long)k;
			k++;
		}
	}
	parser->destroy(state);
	return found;
}

static bool
scan_past(const struct scan *sc)
{
	return sc->past;
}

static bool
scan_typed(const struct scan *sc)
{
	return sc->seen_type;
}

int64_t
sim_capture_start_at(struct sim_capture *c, int sequence, int tenths)
{
	struct scan sc;
	long ri, mk;
	int64_t t;
	size_t j;

	memset(&sc, 0, sizeof sc);
	sc.sequence = sequence;
	sc.tenths = tenths;
	if (!scan_capture(c, &sc, scan_past, &ri, &mk))
		return -1;
	if (ri == 0)
		return 0;   /* already past in the first catch-up */
	if (ri > 0)     /* REST goes first at its time: all before is earlier */
		return c->rest[ri].at_ms > 0 ? c->rest[ri].at_ms - 1 : 0;
	/* what came before it may share its receive time: it and everything
	 * after it go 1 ms later, and the start is its old time */
	t = c->msgs[mk].at_ms;
	for (j = (size_t)mk; j < c->nmsgs; j++)
		c->msgs[j].at_ms++;
	for (j = 0; j < c->nrest; j++)
		if (c->rest[j].at_ms > t)
			c->rest[j].at_ms++;
	return t;
}

bool
sim_capture_halves(const struct sim_capture *c)
{
	struct scan sc;
	long ri, mk;

	memset(&sc, 0, sizeof sc);
	(void)scan_capture(c, &sc, scan_typed, &ri, &mk);
	return sc.halves;
}

const char *
sim_capture_notes(const struct sim_capture *c)
{
	return c->notes;
}

const char *
sim_capture_damage(const struct sim_capture *c)
{
	return c->damage;
}
