/*
 * The feed thread and its queue (feed.h).
 *
 * One mutex guards the queue.  The wake-up descriptor is a non-blocking
 * pipe: one byte is written when the queue goes from empty to non-empty,
 * and feed_drain() empties it together with the queue, so the UI thread's
 * poll() wakes exactly once per batch.
 *
 * The queue is capped: a producer that finds it full waits (never drops)
 * until the UI thread drains it or the feed stops.  The cap is in messages;
 * an event message is ~2.7 KB, so the cap bounds the queue near 45 MB even
 * when the UI thread stalls.
 *
 * Providers are picked by feed_provider_for() from the registry
 * (providers/provider.h); the feed names none of them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "net/capture.h"
#include "net/feed.h"
#include "providers/provider.h"

#define FEED_QUEUE_MAX 16384
#define FEED_STOP_POLL_MS 50   /* feed_stop re-wakes the provider this often */
#define FEED_BATCH_MAX 64      /* feed_batch: messages queued together (~170 KB of events) */
#define HANDOFF_STEP_US 50     /* the hand-off's histogram: 50 us steps ... */
#define HANDOFF_BUCKETS 1000   /* ... up to 50 ms (the last holds the rest) */

/*
 * How long live messages waited between the feed thread's queue and the
 * UI thread's drain (the hand-off), and before that between their bytes'
 * arrival and the queue (the parse): logged when the feed stops, so that
 * make bench can tell a slow wake-up from a slow frame.  UI thread only.
 */
struct handoff {
	uint32_t queue[HANDOFF_BUCKETS], parse[HANDOFF_BUCKETS];
	unsigned long n;
	int64_t queue_max_us, parse_max_us;
};

struct feed {
	struct feed_config cfg;        /* strings owned (strdup) */
	const struct provider *provider;
	pthread_t thread;
	bool thread_started;

	pthread_mutex_t lock;          /* everything down to `finished` */
	pthread_cond_t room;           /* the queue has room, or the feed stops */
	pthread_cond_t nudge;          /* stop or reconnect requested (feed_sleep) */
	pthread_cond_t done;           /* the thread finished */
	struct feed_msg *head, *tail;
	size_t count;
	size_t bytes, bytes_peak;      /* queued, and the most ever (logged) */
	bool signalled;                /* the pipe holds a byte */
	int64_t quiet_since_us;        /* __atomic: held unsignalled since; 0 none */
	bool finished;
	int pipe_rd, pipe_wr;
	/* the CLIP action: asked (pending) until taken, busy until answered */
	bool clip_pending, clip_busy;
	bool clip_closed;              /* the provider returned: no more clips */
	struct feed_clip_request clip;

	bool stop;                     /* __atomic: feed_stop was called */
	bool reconnect;                /* __atomic: feed_reconnect_now */
	bool went_live;                /* __atomic: a FEED_LIVE status was set */
	bool quiet;                    /* __atomic: feed_set_quiet (off screen) */

	/* Feed thread only. */
	int64_t mark_us;               /* feed_mark_received; 0 = stamp at push */
	bool batching;                 /* feed_batch: hold messages back */
	struct feed_msg *batch_head, *batch_tail;
	size_t batch_n;
	int reconnects;
	enum feed_state last_state;

	/* Held while provider->wake runs, so that feed_set_provider_data()
	 * cannot free the provider's data under it. */
	pthread_mutex_t wake_lock;
	void *provider_data;           /* __atomic */

	struct capture_writer *capture;

	/* A league on one connection (feed_start_league): a member has no
	 * thread and names its hub; the hub runs the thread for all of them. */
	struct feed *hub;              /* member: the hub; NULL otherwise */
	bool ended;                    /* member: its END was queued (hub thread) */
	struct feed **members;         /* hub: its members, in order */
	int nmembers;
	int refs;                      /* hub: members not yet freed (UI thread) */

	struct handoff *handoff;       /* UI thread: made at the first live drain */
};

/* Whose thread, stop flag and reconnect request a feed's calls mean: a
 * member's are its hub's. */
static struct feed *
runner(const struct feed *f)
{
	return f->hub != NULL ? f->hub : (struct feed *)(uintptr_t)f;
}

const struct provider *
feed_provider_for(const struct feed_config *cfg)
{
	if (cfg->replay_path != NULL)
		return provider_for_replay();
	return provider_by_id(cfg->provider);
}

/* --- configuration --- */

int
feed_dup_str(const char **dst, const char *src)
{
	char *s;

	*dst = NULL;
	if (src == NULL)
		return 0;
	s = strdup(src);
	if (s == NULL)
		return -1;
	*dst = s;
	return 0;
}

/* Frees a copied string; secrets are wiped first. */
void
feed_free_str(const char **s, bool secret)
{
	char *p = (char *)(uintptr_t)*s;

	if (p == NULL)
		return;
	if (secret)
		explicit_bzero(p, strlen(p));
	free(p);
	*s = NULL;
}

static void
config_free(struct feed_config *c, const struct provider *provider)
{
	if (c->options != NULL && provider->options_free != NULL)
		provider->options_free((void *)(uintptr_t)c->options);
	c->options = NULL;
	feed_free_str(&c->game_id, false);
	feed_free_str(&c->base_url, false);
	feed_free_str(&c->cacert, false);
	feed_free_str(&c->record_path, false);
	feed_free_str(&c->replay_path, false);
	feed_free_str(&c->until, false);
}

/* The provider's options: its registry entry knows their shape. */
static int
config_copy(struct feed_config *dst, const struct feed_config *src,
    const struct provider *provider)
{
	*dst = *src;
	/* nothing of the caller's may be freed if a copy fails half way */
	dst->options = NULL;
	dst->game_id = dst->base_url = dst->cacert = NULL;
	dst->record_path = dst->replay_path = dst->until = NULL;
	if (provider->options_copy != NULL) {
		dst->options = provider->options_copy(src->options);
		if (dst->options == NULL)
			return -1;
	}
	if (feed_dup_str(&dst->game_id, src->game_id) < 0 ||
	    feed_dup_str(&dst->base_url, src->base_url) < 0 ||
	    feed_dup_str(&dst->cacert, src->cacert) < 0 ||
	    feed_dup_str(&dst->record_path, src->record_path) < 0 ||
	    feed_dup_str(&dst->replay_path, src->replay_path) < 0 ||
	    feed_dup_str(&dst->until, src->until) < 0)
		return -1;
	return 0;
}

/* --- the queue --- */

/*
 * Messages are allocated at the size of the member they carry (an event is
 * 2.7 KB, a game header 6.6 KB, a clock 24 bytes): the queue is the memory
 * peak of a catch-up.  Out of line, so that the compiler does not see the
 * short allocation and warn about the union.
 */
__attribute__((noinline))
static struct feed_msg *
msg_new(enum feed_msg_kind kind, size_t payload)
{
	struct feed_msg *m;
	size_t size = offsetof(struct feed_msg, u) + payload;

	size = (size + 15) & ~(size_t)15;
	if (size > sizeof *m)
		size = sizeof *m;
	m = malloc(size);
	if (m == NULL)
		return NULL;
	memset(m, 0, offsetof(struct feed_msg, u));
	m->kind = kind;
	m->size = (uint32_t)size;
	return m;
}

/* Off screen, clock messages alone wait for the UI's next look. */
static bool
quiet_list(const struct feed *f, const struct feed_msg *m)
{
	if (!__atomic_load_n(&f->quiet, __ATOMIC_RELAXED))
		return false;
	for (; m != NULL; m = m->next)
		if (m->kind != FEED_MSG_CLOCK)
			return false;
	return true;
}

/*
 * A clock that comes while the one before it still waits at the end of
 * the queue takes its place: the UI shows the latest clock only, so a
 * server that resends a game's every tick at the socket's opening, or a
 * game off screen (held quiet), costs the UI one message, not thousands
 * (issue 19).  A clock behind anything else keeps its place.
 */
static bool
clock_supersedes(struct feed_msg *waiting, const struct feed_msg *m)
{
	if (waiting == NULL || waiting->kind != FEED_MSG_CLOCK ||
	    m->kind != FEED_MSG_CLOCK)
		return false;
	waiting->u.clock = m->u.clock;
	waiting->received_us = m->received_us;
	waiting->queued_us = m->queued_us;
	return true;
}

/* Queues the list head..tail of n messages at once: one lock, one wake-up. */
static void
enqueue(struct feed *f, struct feed_msg *head, struct feed_msg *tail, size_t n)
{
	struct timespec until;
	struct feed_msg *m;
	int64_t now;
	char byte = 1;
	bool quiet = quiet_list(f, head), woke = false;
	size_t bytes = 0;

	for (m = head; m != NULL; m = m->next)
		bytes += m->size;

	/* live: when each was queued, for the hand-off's figures */
	if (__atomic_load_n(&f->went_live, __ATOMIC_ACQUIRE)) {
		now = cs_now_us();
		for (m = head; m != NULL; m = m->next)
			m->queued_us = now;
	}
	pthread_mutex_lock(&f->lock);
	if (n == 1 && clock_supersedes(f->tail, head)) {
		free(head);
		head = NULL;
	} else {
		/* Full: wait for the UI thread rather than lose an event; until
		 * the thread stops (a league member's: its hub's flag,
		 * feed_stop's). */
		while ((f->count >= FEED_QUEUE_MAX || f->bytes >= FEED_QUEUE_BYTES) &&
		    !feed_stopping(f)) {
			clock_gettime(CLOCK_MONOTONIC, &until);
			until.tv_nsec += 100 * 1000000L;
			if (until.tv_nsec >= 1000000000L) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&f->room, &f->lock, &until);
		}
		if (f->tail != NULL)
			f->tail->next = head;
		else
			f->head = head;
		f->tail = tail;
		f->count += n;
		f->bytes += bytes;
		if (f->bytes > f->bytes_peak)
			f->bytes_peak = f->bytes;
	}
	if (!f->signalled && quiet) {
		if (__atomic_load_n(&f->quiet_since_us, __ATOMIC_RELAXED) == 0)
			__atomic_store_n(&f->quiet_since_us, cs_now_us(), __ATOMIC_RELEASE);
	} else if (!f->signalled) {
		f->signalled = true;
		/* The pipe is empty whenever signalled is false: this cannot block. */
		if (write(f->pipe_wr, &byte, 1) < 0 && errno != EAGAIN)
			log_msg("feed: wake-up write failed: %s", strerror(errno));
		woke = __atomic_load_n(&f->went_live, __ATOMIC_ACQUIRE);
	}
	pthread_mutex_unlock(&f->lock);
	/* Live, the UI thread just woken often waits on this thread's core
	 * while it parses on (a league's burst: 8 games' frames, ms of
	 * work) until the next tick, 4 ms here.  Letting it go first costs
	 * one system call a drain: the event is on screen before the rest
	 * of the burst is read (issue 19: 8 games' p99). */
	if (woke)
		sched_yield();
}

static void
batch_flush(struct feed *f)
{
	if (f->batch_head != NULL)
		enqueue(f, f->batch_head, f->batch_tail, f->batch_n);
	f->batch_head = f->batch_tail = NULL;
	f->batch_n = 0;
}

/*
 * Every message is stamped here, on the feed thread, with the time its
 * bytes were received (the provider's feed_mark_received, taken where the
 * socket's bytes came in) or, without a mark, now.
 */
static void
push(struct feed *f, struct feed_msg *m)
{
	m->received_us = f->mark_us > 0 ? f->mark_us : f->mark_us < 0 ? 0 : cs_now_us();
	m->next = NULL;
	if (!f->batching) {
		enqueue(f, m, m, 1);
		return;
	}
	if (clock_supersedes(f->batch_tail, m)) {
		free(m);
		return;
	}
	if (f->batch_tail != NULL)
		f->batch_tail->next = m;
	else
		f->batch_head = m;
	f->batch_tail = m;
	if (++f->batch_n >= FEED_BATCH_MAX)
		batch_flush(f);
}

void
feed_batch(struct feed *f, bool on)
{
	if (!on)
		batch_flush(f);
	f->batching = on;
}

int
feed_fd(const struct feed *feed)
{
	return feed->pipe_rd;
}

static void
handoff_add(uint32_t *bucket, int64_t *max, int64_t us)
{
	int64_t b = us / HANDOFF_STEP_US;

	if (us < 0)
		return;
	bucket[b < HANDOFF_BUCKETS ? b : HANDOFF_BUCKETS - 1]++;
	if (us > *max)
		*max = us;
}

/* The drained list's live messages into the hand-off's figures. */
static void
handoff_note(struct feed *f, const struct feed_msg *list)
{
	int64_t now = 0;

	for (; list != NULL; list = list->next) {
		if (list->queued_us == 0 || list->received_us == 0)
			continue;
		if (f->handoff == NULL && (f->handoff = calloc(1, sizeof *f->handoff)) == NULL)
			return;
		if (now == 0)
			now = cs_now_us();
		handoff_add(f->handoff->queue, &f->handoff->queue_max_us, now - list->queued_us);
		handoff_add(f->handoff->parse, &f->handoff->parse_max_us,
		    list->queued_us - list->received_us);
		f->handoff->n++;
	}
}

static double
handoff_ms(const uint32_t *bucket, unsigned long n, double q)
{
	unsigned long seen = 0, want = (unsigned long)((double)n * q);
	int b;

	for (b = 0; b < HANDOFF_BUCKETS - 1; b++) {
		seen += bucket[b];
		if (seen > want)
			break;
	}
	return (double)(b + 1) * HANDOFF_STEP_US / 1000.0;
}

static void
handoff_log(struct feed *f)
{
	struct handoff *h = f->handoff;

	if (h == NULL || h->n == 0)
		return;
	log_msg("feed: %s: queue -> UI over %lu live messages: p50 %.2f ms, p99 %.2f ms, "
	    "max %.2f ms; bytes -> queue p50 %.2f ms, p99 %.2f ms, max %.2f ms",
	    f->cfg.game_id != NULL ? f->cfg.game_id : f->provider->name, h->n,
	    handoff_ms(h->queue, h->n, 0.5), handoff_ms(h->queue, h->n, 0.99),
	    (double)h->queue_max_us / 1000.0, handoff_ms(h->parse, h->n, 0.5),
	    handoff_ms(h->parse, h->n, 0.99), (double)h->parse_max_us / 1000.0);
}

struct feed_msg *
feed_drain(struct feed *f)
{
	struct feed_msg *list;
	char buf[64];

	pthread_mutex_lock(&f->lock);
	list = f->head;
	f->head = f->tail = NULL;
	f->count = 0;
	f->bytes = 0;
	__atomic_store_n(&f->quiet_since_us, 0, __ATOMIC_RELEASE);
	if (f->signalled) {
		while (read(f->pipe_rd, buf, sizeof buf) > 0)
			;
		f->signalled = false;
	}
	pthread_cond_broadcast(&f->room);
	pthread_mutex_unlock(&f->lock);
	handoff_note(f, list);
	return list;
}

void
feed_set_quiet(struct feed *f, bool quiet)
{
	__atomic_store_n(&f->quiet, quiet, __ATOMIC_RELAXED);
}

int64_t
feed_quiet_since(struct feed *f)
{
	return __atomic_load_n(&f->quiet_since_us, __ATOMIC_ACQUIRE);
}

void
feed_msg_free_list(struct feed_msg **list)
{
	struct feed_msg *m, *next;

	if (list == NULL)
		return;
	for (m = *list; m != NULL; m = next) {
		next = m->next;
		free(m);
	}
	*list = NULL;
}

/* --- the sink: parser callbacks copied into queued messages --- */

/* An event without on-court lists is cut after its statistics (the
 * model reads no further, model/event.h): ~0.5 KB instead of 2.7. */
static size_t
event_size(const struct cs_event *ev)
{
	int n = ev->nstats < 1 ? 1 : ev->nstats > CS_EVENT_STATS_MAX ?
	    CS_EVENT_STATS_MAX : ev->nstats;

	if (ev->has_on_court[0] || ev->has_on_court[1])
		return sizeof *ev;
	return offsetof(struct cs_event, stats) + (size_t)n * sizeof ev->stats[0];
}

static void
sink_event(void *ctx, const struct cs_event *ev)
{
	size_t size = event_size(ev);
	struct feed_msg *m = msg_new(FEED_MSG_EVENT, size);

	if (m == NULL)
		return;
	memcpy(&m->u.event, ev, size);
	push(ctx, m);
}

static void
sink_delete(void *ctx, const char *id)
{
	struct feed_msg *m = msg_new(FEED_MSG_DELETE, sizeof m->u.id);

	if (m == NULL)
		return;
	cs_strlcpy(m->u.id, id, sizeof m->u.id);
	push(ctx, m);
}

static void
sink_game(void *ctx, const struct cs_game_info *info)
{
	struct feed_msg *m = msg_new(FEED_MSG_GAME, sizeof m->u.game);

	if (m == NULL)
		return;
	memcpy(&m->u.game, info, sizeof *info);
	push(ctx, m);
}

static void
sink_clock(void *ctx, const struct cs_clock *clock)
{
	struct feed_msg *m = msg_new(FEED_MSG_CLOCK, sizeof m->u.clock);

	if (m == NULL)
		return;
	memcpy(&m->u.clock, clock, sizeof *clock);
	push(ctx, m);
}

static void
sink_published(void *ctx, const struct cs_published_stats *st)
{
	struct feed_msg *m = msg_new(FEED_MSG_PUBLISHED, sizeof m->u.published);

	if (m == NULL)
		return;
	memcpy(&m->u.published, st, sizeof *st);
	push(ctx, m);
}

static void
sink_possession(void *ctx, const struct cs_possession *p)
{
	struct feed_msg *m = msg_new(FEED_MSG_POSSESSION, sizeof m->u.possession);

	if (m == NULL)
		return;
	memcpy(&m->u.possession, p, sizeof *p);
	push(ctx, m);
}

static void
sink_video(void *ctx, const struct cs_video_segment *v)
{
	struct feed_msg *m = msg_new(FEED_MSG_VIDEO, sizeof m->u.video);

	if (m == NULL)
		return;
	memcpy(&m->u.video, v, sizeof *v);
	push(ctx, m);
}

/* The sensors' presence, lineups at a time, sensor assignments. */
static void
sink_presence(void *ctx, const struct cs_presence *p)
{
	struct feed_msg *m = msg_new(FEED_MSG_PRESENCE, sizeof m->u.presence);

	if (m == NULL)
		return;
	memcpy(&m->u.presence, p, sizeof *p);
	push(ctx, m);
}

static void
sink_lineup_at(void *ctx, const struct cs_lineup_at *l)
{
	struct feed_msg *m = msg_new(FEED_MSG_LINEUP_AT, sizeof m->u.lineup_at);

	if (m == NULL)
		return;
	memcpy(&m->u.lineup_at, l, sizeof *l);
	push(ctx, m);
}

static void
sink_sensor(void *ctx, const struct cs_sensor_assignment *s)
{
	struct feed_msg *m = msg_new(FEED_MSG_SENSOR, sizeof m->u.sensor);

	if (m == NULL)
		return;
	memcpy(&m->u.sensor, s, sizeof *s);
	push(ctx, m);
}

static void
sink_possessions_reset(void *ctx)
{
	struct feed_msg *m = msg_new(FEED_MSG_POSSESSIONS_RESET, 0);

	if (m != NULL)
		push(ctx, m);
}

static void
sink_warning(void *ctx, const char *message)
{
	struct feed_msg *m = msg_new(FEED_MSG_WARNING, sizeof m->u.text);

	if (m == NULL)
		return;
	cs_sanitize(m->u.text, message, sizeof m->u.text);
	push(ctx, m);
}

struct cs_sink
feed_sink(struct feed *feed)
{
	struct cs_sink s;

	memset(&s, 0, sizeof s);
	s.ctx = feed;
	s.event = sink_event;
	s.delete_event = sink_delete;
	s.game = sink_game;
	s.clock = sink_clock;
	s.published = sink_published;
	s.warning = sink_warning;
	s.possession = sink_possession;
	s.video = sink_video;
	s.possessions_reset = sink_possessions_reset;
	s.presence = sink_presence;
	s.lineup_at = sink_lineup_at;
	s.sensor = sink_sensor;
	return s;
}

static void
push_status(struct feed *f, enum feed_msg_kind kind, enum feed_state state,
    int attempt, const char *message)
{
	struct feed_msg *m = msg_new(kind, sizeof m->u.status);

	if (m == NULL)
		return;
	memset(&m->u.status, 0, sizeof m->u.status);
	m->u.status.state = state;
	m->u.status.attempt = attempt;
	m->u.status.speed = f->cfg.speed;
	m->u.status.reconnects = f->reconnects;
	cs_sanitize(m->u.status.message, message, sizeof m->u.status.message);
	push(f, m);
}

void
feed_set_status(struct feed *f, enum feed_state state, int attempt,
    const char *message)
{
	/* A reconnect is every entry into RECONNECTING from another state. */
	if (state == FEED_RECONNECTING && f->last_state != FEED_RECONNECTING)
		f->reconnects++;
	if (state == FEED_LIVE)
		__atomic_store_n(&f->went_live, true, __ATOMIC_RELEASE);
	f->last_state = state;
	push_status(f, FEED_MSG_STATUS, state, attempt, message);
}

void
feed_caught_up(struct feed *f)
{
	struct feed_msg *m = msg_new(FEED_MSG_CAUGHT_UP, 0);

	if (m != NULL)
		push(f, m);
}

/* --- control --- */

const struct feed_config *
feed_config(const struct feed *feed)
{
	return &feed->cfg;
}

bool
feed_went_live(const struct feed *feed)
{
	return __atomic_load_n(&feed->went_live, __ATOMIC_ACQUIRE);
}

bool
feed_stopping(const struct feed *feed)
{
	return __atomic_load_n(&runner(feed)->stop, __ATOMIC_ACQUIRE);
}

volatile const bool *
feed_cancel_flag(const struct feed *feed)
{
	return &runner(feed)->stop;
}

bool
feed_take_reconnect_request(struct feed *feed)
{
	return __atomic_exchange_n(&runner(feed)->reconnect, false, __ATOMIC_ACQ_REL);
}

bool
feed_sleep(struct feed *f, long ms)
{
	struct timespec until;

	f = runner(f);
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&f->lock);
	while (!__atomic_load_n(&f->stop, __ATOMIC_ACQUIRE) &&
	    !__atomic_load_n(&f->reconnect, __ATOMIC_ACQUIRE)) {
		if (pthread_cond_timedwait(&f->nudge, &f->lock, &until) == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&f->lock);
	return feed_stopping(f);
}

void
feed_set_provider_data(struct feed *feed, void *data)
{
	pthread_mutex_lock(&feed->wake_lock);
	__atomic_store_n(&feed->provider_data, data, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&feed->wake_lock);
}

void *
feed_provider_data(const struct feed *feed)
{
	return __atomic_load_n(&feed->provider_data, __ATOMIC_ACQUIRE);
}

void
feed_mark_received(struct feed *feed)
{
	feed->mark_us = cs_now_us();
}

void
feed_mark_document(struct feed *feed)
{
	feed->mark_us = -1;
}

void
feed_record(struct feed *feed, const char *channel, const char *data, size_t len)
{
	if (feed->capture != NULL)
		capture_write(feed->capture, channel, data, len);
}

static void
wake_provider(struct feed *f)
{
	f = runner(f);
	pthread_mutex_lock(&f->wake_lock);
	if (f->provider->wake != NULL)
		f->provider->wake(f);
	pthread_mutex_unlock(&f->wake_lock);
}

void
feed_reconnect_now(struct feed *f)
{
	f = runner(f);
	__atomic_store_n(&f->reconnect, true, __ATOMIC_RELEASE);
	pthread_mutex_lock(&f->lock);
	pthread_cond_broadcast(&f->nudge);
	pthread_mutex_unlock(&f->lock);
	wake_provider(f);
}

void
feed_control(struct feed *f, enum feed_control c)
{
	/* Under the wake lock, like wake: the provider's data stays put. */
	pthread_mutex_lock(&f->wake_lock);
	if (f->provider->control != NULL)
		f->provider->control(f, c);
	pthread_mutex_unlock(&f->wake_lock);
}

void
feed_seek(struct feed *f, int period_sequence, int clock)
{
	pthread_mutex_lock(&f->wake_lock);
	if (f->provider->seek != NULL)
		f->provider->seek(f, period_sequence, clock);
	pthread_mutex_unlock(&f->wake_lock);
}

/* --- the CLIP action (feed_clip) --- */

int
feed_clip(struct feed *f, const char *play_id, int64_t start_ms, int64_t end_ms,
    char **cause)
{
	int rc = 0;

	if (!f->provider->takes_clips || f->cfg.replay_path != NULL)
		return cs_set_cause(cause, "clips come from ShotTracker's live feed only");
	pthread_mutex_lock(&f->lock);
	if (f->clip_closed)
		rc = cs_set_cause(cause, "the feed has ended: no clip");
	else if (f->clip_busy)
		rc = cs_set_cause(cause, "a clip is on its way already");
	else {
		cs_strlcpy(f->clip.play_id, play_id, sizeof f->clip.play_id);
		f->clip.start_ms = start_ms;
		f->clip.end_ms = end_ms;
		f->clip_pending = f->clip_busy = true;
	}
	pthread_mutex_unlock(&f->lock);
	if (rc == 0)
		wake_provider(f);   /* the feed thread may sleep in its socket */
	return rc;
}

bool
feed_take_clip(struct feed *f, struct feed_clip_request *rq)
{
	bool taken;

	pthread_mutex_lock(&f->lock);
	taken = f->clip_pending;
	if (taken)
		*rq = f->clip;
	f->clip_pending = false;
	pthread_mutex_unlock(&f->lock);
	return taken;
}

void
feed_clip_answer(struct feed *f, const char *play_id, bool ok, const char *text)
{
	struct feed_msg *m = msg_new(FEED_MSG_CLIP, sizeof m->u.clip);

	pthread_mutex_lock(&f->lock);
	f->clip_busy = false;
	pthread_mutex_unlock(&f->lock);
	if (m == NULL)
		return;
	cs_strlcpy(m->u.clip.play_id, play_id, sizeof m->u.clip.play_id);
	m->u.clip.ok = ok;
	cs_sanitize(m->u.clip.text, text, sizeof m->u.clip.text);
	push(f, m);
}

/* The provider returned: a clip it did not take is answered now (the UI
 * would wait for it forever), and no new one is taken. */
static void
clip_close(struct feed *f)
{
	struct feed_clip_request rq;
	bool busy;

	pthread_mutex_lock(&f->lock);
	busy = f->clip_busy;
	rq = f->clip;
	f->clip_closed = true;
	pthread_mutex_unlock(&f->lock);
	if (busy)
		feed_clip_answer(f, rq.play_id, false, "no clip: the feed ended first");
}

/* --- the thread --- */

/* The run is over: its END, once (a member's, too, once). */
static void
queue_end(struct feed *f, int rc, const char *cause)
{
	feed_batch(f, false);   /* what a --once replay batched goes first */
	f->mark_us = 0;
	clip_close(f);
	if (rc == 0)
		push_status(f, FEED_MSG_END, FEED_ENDED, 0, "the feed ended");
	else
		push_status(f, FEED_MSG_END, FEED_FAILED, 0,
		    cause != NULL ? cause : "the feed failed");
}

void
feed_member_end(struct feed *member, int rc, const char *cause)
{
	if (member->hub == NULL || member->ended)
		return;
	member->ended = true;
	queue_end(member, rc, cause);
}

static void *
feed_main(void *arg)
{
	struct feed *f = arg;
	char *cause = NULL;
	int rc, i;

	cs_prefer_short_slice();        /* woken by a socket, it works briefly */
	rc = f->members != NULL ? f->provider->run_league(f, &cause) :
	    f->provider->run(f, &cause);
	if (rc != 0 && cause != NULL)
		log_msg("%s: %s", f->provider->name, cause);
	/* a league's games not ended by their own run end with it */
	for (i = 0; i < f->nmembers; i++)
		feed_member_end(f->members[i], rc, cause);
	queue_end(f, rc, cause);
	free(cause);
	pthread_mutex_lock(&f->lock);
	f->finished = true;
	pthread_cond_broadcast(&f->done);
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

static void
feed_free(struct feed *f)
{
	handoff_log(f);
	if (f->bytes_peak > 0)
		log_msg("feed: %s: the queue held at most %zu KB",
		    f->cfg.game_id != NULL ? f->cfg.game_id : f->provider->name,
		    f->bytes_peak / 1024);
	free(f->handoff);
	feed_msg_free_list(&f->head);
	if (f->pipe_rd >= 0)
		close(f->pipe_rd);
	if (f->pipe_wr >= 0)
		close(f->pipe_wr);
	if (f->capture != NULL)
		capture_close(&f->capture);
	config_free(&f->cfg, f->provider);
	pthread_mutex_destroy(&f->lock);
	pthread_mutex_destroy(&f->wake_lock);
	pthread_cond_destroy(&f->room);
	pthread_cond_destroy(&f->nudge);
	pthread_cond_destroy(&f->done);
	free(f->members);
	free(f);
}

/* A feed with its queue, pipe, copied config and capture; no thread. */
static struct feed *
feed_new(const struct feed_config *cfg, const struct provider *provider,
    char **cause)
{
	struct feed *f;
	pthread_condattr_t ca;
	int fds[2];

	f = calloc(1, sizeof *f);
	if (f == NULL) {
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	f->pipe_rd = f->pipe_wr = -1;
	f->provider = provider;
	f->last_state = FEED_CONNECTING;
	pthread_mutex_init(&f->lock, NULL);
	pthread_mutex_init(&f->wake_lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&f->room, &ca);
	pthread_cond_init(&f->nudge, &ca);
	pthread_cond_init(&f->done, &ca);
	pthread_condattr_destroy(&ca);
	if (config_copy(&f->cfg, cfg, provider) < 0) {
		cs_set_cause(cause, "out of memory");
		goto fail;
	}
	if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0) {
		cs_set_cause(cause, "cannot create the feed pipe: %s", strerror(errno));
		goto fail;
	}
	f->pipe_rd = fds[0];
	f->pipe_wr = fds[1];
	if (cfg->record_path != NULL && cfg->replay_path == NULL) {
		f->capture = capture_open(cfg->record_path, cfg->provider,
		    cfg->game_id != NULL && *cfg->game_id != '\0' ? cfg->game_id : "unknown",
		    cause);
		if (f->capture == NULL)
			goto fail;
	}
	return f;
fail:
	feed_free(f);
	return NULL;
}

/* Signals belong to the UI thread: the feed thread blocks them all. */
static int
feed_thread_start(struct feed *f, char **cause)
{
	sigset_t all, old;
	int rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&f->thread, NULL, feed_main, f);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		return cs_set_cause(cause, "cannot start the feed thread: %s", strerror(rc));
	f->thread_started = true;
	/* the tests count these: a league's games share one */
	log_msg("feed: a thread started for %d %s game%s", f->members != NULL ? f->nmembers : 1,
	    f->provider->name, f->members != NULL && f->nmembers != 1 ? "s" : "");
	return 0;
}

struct feed *
feed_start_with(const struct feed_config *cfg, const struct provider *provider,
    char **cause)
{
	struct feed *f;

	if (provider == NULL || provider->run == NULL) {
		cs_set_cause(cause, "no provider for this feed");
		return NULL;
	}
	f = feed_new(cfg, provider, cause);
	if (f == NULL)
		return NULL;
	if (feed_thread_start(f, cause) < 0) {
		feed_free(f);
		return NULL;
	}
	return f;
}

/* The hub: no game, no capture (its members record theirs). */
static struct feed *
hub_new(const struct feed_config *cfg, const struct provider *p, int n, char **cause)
{
	struct feed_config hc = *cfg;
	struct feed *hub;

	hc.game_id = NULL;
	hc.record_path = NULL;
	hub = feed_new(&hc, p, cause);
	if (hub == NULL)
		return NULL;
	hub->members = calloc((size_t)n, sizeof *hub->members);
	if (hub->members == NULL) {
		feed_free(hub);
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	return hub;
}

int
feed_start_league(const struct feed_config *cfg, const char *const *ids, int n,
    struct feed **members, char **cause)
{
	return feed_start_league_with(cfg, feed_provider_for(cfg), ids, n, members, cause);
}

int
feed_start_league_with(const struct feed_config *cfg, const struct provider *p,
    const char *const *ids, int n, struct feed **members, char **cause)
{
	struct feed_config mc = *cfg;
	struct feed *hub;
	int i;

	if (p == NULL || p->run_league == NULL || cfg->replay_path != NULL || n < 1)
		return cs_set_cause(cause, "%s follows one game per connection",
		    cs_provider_name(cfg->provider));
	hub = hub_new(cfg, p, n, cause);
	if (hub == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		mc.game_id = ids[i];
		members[i] = feed_new(&mc, p, cause);
		if (members[i] == NULL)
			break;
		members[i]->hub = hub;
		hub->members[hub->nmembers++] = members[i];
		hub->refs++;
	}
	if (i == n && feed_thread_start(hub, cause) == 0)
		return 0;
	if (hub->refs == 0)
		feed_free(hub);
	while (i-- > 0)
		feed_stop(&members[i]);    /* the last frees the hub */
	return -1;
}

int
feed_league_size(const struct feed *hub)
{
	return hub->nmembers;
}

struct feed *
feed_league_member(struct feed *hub, int i)
{
	return i >= 0 && i < hub->nmembers ? hub->members[i] : NULL;
}

struct feed *
feed_start(const struct feed_config *cfg, char **cause)
{
	const struct provider *p = feed_provider_for(cfg);

	if (p == NULL) {
		cs_set_cause(cause, "the %s provider is not available in this build",
		    cfg->replay_path != NULL ? "replay" : cs_provider_name(cfg->provider));
		return NULL;
	}
	return feed_start_with(cfg, p, cause);
}

/* Stops the thread, waking the provider until it finishes. */
static void
thread_stop(struct feed *f)
{
	struct timespec until;

	if (!f->thread_started)
		return;
	__atomic_store_n(&f->stop, true, __ATOMIC_RELEASE);
	pthread_mutex_lock(&f->lock);
	pthread_cond_broadcast(&f->room);
	pthread_cond_broadcast(&f->nudge);
	pthread_mutex_unlock(&f->lock);
	/* Wake again until it finishes: the provider may have been
	 * between two waits (or creating its context) the first time. */
	for (;;) {
		wake_provider(f);
		pthread_mutex_lock(&f->lock);
		if (!f->finished) {
			clock_gettime(CLOCK_MONOTONIC, &until);
			until.tv_nsec += FEED_STOP_POLL_MS * 1000000L;
			if (until.tv_nsec >= 1000000000L) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&f->done, &f->lock, &until);
		}
		if (f->finished) {
			pthread_mutex_unlock(&f->lock);
			break;
		}
		pthread_mutex_unlock(&f->lock);
	}
	pthread_join(f->thread, NULL);
	f->thread_started = false;
}

void
feed_stop(struct feed **fp)
{
	struct feed *f, *hub;

	if (fp == NULL || *fp == NULL)
		return;
	f = *fp;
	*fp = NULL;
	hub = f->hub;
	if (hub == NULL) {
		thread_stop(f);
		feed_free(f);
		return;
	}
	/* a member: the league's one thread stops with the first, and the
	 * hub goes with the last */
	thread_stop(hub);
	feed_free(f);
	if (--hub->refs == 0)
		feed_free(hub);
}
