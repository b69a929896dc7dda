/*
 * The feed thread and queue: fake providers (defined here) push from the
 * feed thread; the test drains like the UI does, through poll() on
 * feed_fd(), and checks order, count, content, stop latency and the END
 * message.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <malloc.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "net/capture.h"
#include "net/feed.h"
#include "providers/provider.h"
#include "providers/shottracker.h"
#include "tap.h"

#define N_EVENTS 5000
#define N_FLOOD  40000      /* more than the queue cap: the producer must wait */
/* A safety net for a condition that should come (a busy machine, TSan):
 * no check reads how long it took.  Those that tell a wake from the
 * providers' 60 s sleeps keep WAKE_MS, under it. */
#define WAIT_MS  120000
#define WAKE_MS  30000

/* --- fake providers --- */

static int
emitter_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);
	struct cs_event ev;
	struct cs_game_info gi;
	struct cs_clock ck;
	struct cs_published_stats ps;
	int i;

	(void)cause;
	feed_set_status(feed, FEED_CATCHING_UP, 0, "catching up");
	cs_game_info_init(&gi, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(gi.id, "game-1", sizeof gi.id);
	gi.has_team[CS_HOME] = true;
	cs_strlcpy(gi.team[CS_HOME].name, "Home", sizeof gi.team[CS_HOME].name);
	sink.game(sink.ctx, &gi);
	for (i = 0; i < N_EVENTS; i++) {
		cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
		snprintf(ev.id, sizeof ev.id, "ev-%d", i);
		ev.sequence = 1000 + i;
		ev.period.sequence = 1;
		ev.type = CS_EV_TWO_MADE;
		snprintf(ev.description, sizeof ev.description, "play %d", i);
		sink.event(sink.ctx, &ev);
	}
	sink.delete_event(sink.ctx, "ev-7");
	memset(&ck, 0, sizeof ck);
	ck.clock = 4321;
	ck.running = true;
	sink.clock(sink.ctx, &ck);
	memset(&ps, 0, sizeof ps);
	ps.version = 77;
	cs_strlcpy(ps.player_id, "7269", sizeof ps.player_id);
	sink.published(sink.ctx, &ps);
	sink.warning(sink.ctx, "bad\x1b[31m input\nskipped");
	feed_caught_up(feed);
	return 0;
}

static const struct provider emitter = { .name = "emitter", .run = emitter_run };

/* Events of two statistics, then one with the home five on court. */
#define N_SIZED 1000

static int
sized_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);
	struct cs_event ev;
	struct cs_stat *st;
	int i;

	(void)cause;
	for (i = 0; i <= N_SIZED; i++) {
		cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
		snprintf(ev.id, sizeof ev.id, "ev-%d", i);
		ev.period.sequence = 1;
		ev.type = CS_EV_TWO_MADE;
		st = cs_event_add_stat(&ev, CS_STAT_FIELD_GOAL, CS_HOME);
		cs_strlcpy(st->player.id, "shooter", sizeof st->player.id);
		st = cs_event_add_stat(&ev, CS_STAT_ASSIST, CS_HOME);
		cs_strlcpy(st->player.id, "passer", sizeof st->player.id);
		if (i == N_SIZED) {
			ev.has_on_court[CS_HOME] = true;
			cs_strlcpy(ev.on_court[CS_HOME][4].id, "p5", sizeof ev.on_court[0][4].id);
		}
		sink.event(sink.ctx, &ev);
	}
	return 0;
}

static const struct provider sized = { .name = "sized", .run = sized_run };


/* Blocks in its own poll() until wake() writes to its pipe: the way an lws
 * provider blocks in lws_service until lws_cancel_service. */
struct blocker_data {
	int fds[2];
	int wakes;
};

static void
blocker_wake(struct feed *feed)
{
	struct blocker_data *d = feed_provider_data(feed);
	char c = 1;

	if (d != NULL) {
		__atomic_add_fetch(&d->wakes, 1, __ATOMIC_RELAXED);
		if (write(d->fds[1], &c, 1) < 0)
			return;
	}
}

static int
blocker_run(struct feed *feed, char **cause)
{
	struct blocker_data d;
	struct pollfd pfd;
	char buf[16];

	memset(&d, 0, sizeof d);
	if (pipe(d.fds) < 0) {
		*cause = strdup("pipe failed");
		return -1;
	}
	feed_set_provider_data(feed, &d);
	feed_set_status(feed, FEED_LIVE, 0, "live");
	while (!feed_stopping(feed)) {
		pfd.fd = d.fds[0];
		pfd.events = POLLIN;
		poll(&pfd, 1, 60000);   /* would block a minute without wake() */
		if (read(d.fds[0], buf, sizeof buf) < 0)
			continue;
		if (feed_take_reconnect_request(feed))
			feed_set_status(feed, FEED_RECONNECTING, 1, "reconnecting");
	}
	feed_set_provider_data(feed, NULL);
	close(d.fds[0]);
	close(d.fds[1]);
	return 0;
}

static const struct provider blocker = {
	.name = "blocker", .run = blocker_run, .wake = blocker_wake,
};

/* Blocks in feed_sleep (a backoff wait) and has no wake(). */
static int
sleeper_run(struct feed *feed, char **cause)
{
	int rounds = 0;

	(void)cause;
	while (!feed_sleep(feed, 60000)) {
		if (feed_take_reconnect_request(feed)) {
			rounds++;
			feed_set_status(feed, FEED_RECONNECTING, rounds, "again");
		}
	}
	return 0;
}

static const struct provider sleeper = { .name = "sleeper", .run = sleeper_run };

static int
failer_run(struct feed *feed, char **cause)
{
	(void)feed;
	*cause = strdup("ShotTracker refused the request signature (HTTP 401)\n"
	    "\x1b]0;owned\x07 second line");
	return -1;
}

static const struct provider failer = { .name = "failer", .run = failer_run };

static int
flood_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);
	struct cs_event ev;
	int i;

	(void)cause;
	for (i = 0; i < N_FLOOD && !feed_stopping(feed); i++) {
		cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
		snprintf(ev.id, sizeof ev.id, "f%d", i);
		ev.sequence = i;
		sink.event(sink.ctx, &ev);
	}
	return 0;
}

static const struct provider flood = { .name = "flood", .run = flood_run };

static int
marker_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);

	(void)cause;
	feed_mark_received(feed);
	usleep(20000);
	sink.delete_event(sink.ctx, "a");
	sink.delete_event(sink.ctx, "b");
	feed_mark_received(feed);
	sink.delete_event(sink.ctx, "c");
	feed_mark_document(feed);   /* a REST document: not timed */
	sink.delete_event(sink.ctx, "d");
	feed_mark_received(feed);
	sink.delete_event(sink.ctx, "e");
	feed_record(feed, "rest:/v1/data/games/g1", "{\"id\":\"g1\"}", 11);
	feed_record(feed, "ws", "{\"source\":\"clock\"}", 18);
	return 0;
}

static const struct provider marker = { .name = "marker", .run = marker_run };

/* Two frames' worth: a mark, two events; a later mark, an event and two
 * deletes, then a resend of that event and of a delete.  The marks differ
 * (it waits for the clock to move, bounded). */
static int
stamper_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);
	struct cs_event ev;
	int64_t t0;
	int i;

	(void)cause;
	feed_mark_received(feed);
	for (i = 0; i < 3; i++) {
		if (i == 2) {
			t0 = cs_now_us();
			while (cs_now_us() == t0)
				;
			feed_mark_received(feed);
		}
		cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
		snprintf(ev.id, sizeof ev.id, "s%d", i);
		ev.sequence = i + 1;
		ev.period.sequence = 1;
		sink.event(sink.ctx, &ev);
	}
	sink.delete_event(sink.ctx, "s0");
	sink.delete_event(sink.ctx, "s1");
	/* a stream's resend of what is already shown changes nothing: not
	 * timed (its events never reach the screen) */
	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	snprintf(ev.id, sizeof ev.id, "s2");
	ev.sequence = 3;
	ev.period.sequence = 1;
	sink.event(sink.ctx, &ev);
	sink.delete_event(sink.ctx, "s1");
	feed_mark_document(feed);   /* a REST refresh's event: not timed */
	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	snprintf(ev.id, sizeof ev.id, "s9");
	ev.sequence = 9;
	ev.period.sequence = 1;
	sink.event(sink.ctx, &ev);
	return 0;
}

static const struct provider stamper = { .name = "stamper", .run = stamper_run };
/* A league: game 0 gets its event and ends alone; game 1 gets its event,
 * answers a reconnect request (asked through its member) and lives until
 * the hub stops, when the feed ends it. */
static int
league_run(struct feed *hub, char **cause)
{
	struct feed *g0 = feed_league_member(hub, 0), *g1 = feed_league_member(hub, 1);
	struct cs_sink s0 = feed_sink(g0), s1 = feed_sink(g1);
	struct cs_event ev;

	(void)cause;
	if (feed_league_size(hub) != 2 || feed_league_member(hub, 2) != NULL)
		return cs_set_cause(cause, "not two games");
	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(ev.id, "e0", sizeof ev.id);
	s0.event(s0.ctx, &ev);
	feed_member_end(g0, 0, NULL);
	feed_member_end(g0, -1, "a second end is none");
	cs_strlcpy(ev.id, "e1", sizeof ev.id);
	s1.event(s1.ctx, &ev);
	while (!feed_sleep(g1, 60000))
		if (feed_take_reconnect_request(hub))
			feed_set_status(g1, FEED_RECONNECTING, 1, "asked");
	return feed_stopping(g0) && feed_stopping(g1) ? 0 : -1;
}

static const struct provider league = {
	.name = "league", .run = sleeper_run, .run_league = league_run,
};

/* A league whose first game is flooded and never drained: the hub's one
 * thread waits on that member's full queue. */
static int
league_flood_run(struct feed *hub, char **cause)
{
	(void)cause;
	return flood_run(feed_league_member(hub, 0), cause);
}

static const struct provider league_flood = {
	.name = "league_flood", .run = sleeper_run, .run_league = league_flood_run,
};

/* Sends what the test asks for, one step at a time: 1 and 3 a clock,
 * 2 an event (feed_set_quiet). */
static int quiet_step;   /* __atomic: the last step asked */

static int
quieter_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);
	struct cs_clock ck;
	struct cs_event ev;
	int done = 0;

	(void)cause;
	memset(&ck, 0, sizeof ck);
	ck.running = true;
	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(ev.id, "q-ev", sizeof ev.id);
	feed_set_status(feed, FEED_LIVE, 0, "live");
	while (!feed_stopping(feed)) {
		if (__atomic_load_n(&quiet_step, __ATOMIC_ACQUIRE) == done) {
			(void)feed_sleep(feed, 2);
			continue;
		}
		ck.clock = 6000 - ++done;
		if (done == 2)
			sink.event(sink.ctx, &ev);
		else
			sink.clock(sink.ctx, &ck);
	}
	return 0;
}

static const struct provider quieter = { .name = "quieter", .run = quieter_run };

/* Clocks 1-3, an event, clocks 4-5: queued one by one (step 1), then
 * batched (step 2); ticked says which step is all pushed. */
static int tick_step, ticked;   /* __atomic */

static int
ticker_run(struct feed *feed, char **cause)
{
	struct cs_sink sink = feed_sink(feed);
	struct cs_clock ck;
	struct cs_event ev;
	int step, i;

	(void)cause;
	memset(&ck, 0, sizeof ck);
	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(ev.id, "t-ev", sizeof ev.id);
	for (step = 1; step <= 2 && !feed_stopping(feed); ) {
		if (__atomic_load_n(&tick_step, __ATOMIC_ACQUIRE) < step) {
			(void)feed_sleep(feed, 2);
			continue;
		}
		feed_batch(feed, step == 2);
		for (i = 1; i <= 5; i++) {
			ck.clock = 100 * step + i;
			sink.clock(sink.ctx, &ck);
			if (i == 3)
				sink.event(sink.ctx, &ev);
		}
		feed_batch(feed, false);
		__atomic_store_n(&ticked, step++, __ATOMIC_RELEASE);
	}
	while (!feed_sleep(feed, 60000))
		;
	return 0;
}

static const struct provider ticker = { .name = "ticker", .run = ticker_run };

/* --- helpers --- */

/* Drains until END, like the UI: poll on feed_fd, then feed_drain. */
static struct feed_msg *
drain_all(struct feed *feed, int timeout_ms, size_t *count, int *polls)
{
	struct feed_msg *all = NULL, **tail = &all, *list, *m;
	struct pollfd pfd;
	int64_t deadline = cs_now_us() + (int64_t)timeout_ms * 1000;
	bool ended = false;

	*count = 0;
	if (polls != NULL)
		*polls = 0;
	while (!ended && cs_now_us() < deadline) {
		pfd.fd = feed_fd(feed);
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		if (polls != NULL)
			(*polls)++;
		list = feed_drain(feed);
		*tail = list;
		for (m = list; m != NULL; m = m->next) {
			(*count)++;
			if (m->kind == FEED_MSG_END)
				ended = true;
			tail = &m->next;
		}
	}
	return all;
}

static const struct shottracker_options st_options = {
	.username = "user",
	.secret = "s3cret",
};

static struct feed_config
config(void)
{
	struct feed_config c;

	memset(&c, 0, sizeof c);
	c.provider = CS_PROVIDER_SHOTTRACKER;
	c.game_id = "g1";
	c.base_url = "http://127.0.0.1:1";
	c.options = &st_options;
	return c;
}

static void
test_order_and_content(void)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *all, *m;
	char *cause = NULL;
	size_t count;
	int i = 0, bad_order = 0, events = 0;
	bool saw_game = false, saw_delete = false, saw_clock = false,
	    saw_pub = false, saw_warn = false, saw_caught = false;

	feed = feed_start_with(&c, &emitter, &cause);
	ok(feed != NULL, "emitter feed starts");
	if (feed == NULL)
		return;
	is_str(feed_config(feed)->game_id, "g1", "config copied");
	ok(feed_config(feed)->game_id != c.game_id, "game id strdup'ed");
	{
		/* a provider's options are copied by its registry entry */
		const struct provider *p = provider_by_name("shottracker");
		struct shottracker_options *o = p->options_copy(c.options);

		is_str(o->secret, "s3cret", "the provider's options copied");
		ok(o->secret != st_options.secret, "secret strdup'ed");
		p->options_free(o);
	}
	all = drain_all(feed, WAIT_MS, &count, NULL);
	is_int(count, N_EVENTS + 8, "every message arrives once");
	m = all;
	ok(m != NULL && m->kind == FEED_MSG_STATUS &&
	    m->u.status.state == FEED_CATCHING_UP, "status first");
	for (m = all; m != NULL; m = m->next) {
		switch (m->kind) {
		case FEED_MSG_EVENT: {
			char want[32];

			snprintf(want, sizeof want, "ev-%d", i);
			if (strcmp(m->u.event.id, want) != 0 || m->u.event.sequence != 1000 + i)
				bad_order++;
			i++;
			events++;
			break;
		}
		case FEED_MSG_GAME:
			saw_game = events == 0 &&
			    strcmp(m->u.game.team[CS_HOME].name, "Home") == 0;
			break;
		case FEED_MSG_DELETE:
			saw_delete = strcmp(m->u.id, "ev-7") == 0 && events == N_EVENTS;
			break;
		case FEED_MSG_CLOCK:
			saw_clock = m->u.clock.clock == 4321 && m->u.clock.running;
			break;
		case FEED_MSG_PUBLISHED:
			saw_pub = m->u.published.version == 77 &&
			    strcmp(m->u.published.player_id, "7269") == 0;
			break;
		case FEED_MSG_WARNING:
			saw_warn = strcmp(m->u.text, "bad[31m input skipped") == 0;
			break;
		case FEED_MSG_CAUGHT_UP:
			saw_caught = true;
			break;
		default:
			break;
		}
		if (m->next == NULL) {
			ok(m->kind == FEED_MSG_END, "END is last");
			is_int(m->u.status.state, FEED_ENDED, "END says ENDED");
		}
	}
	is_int(events, N_EVENTS, "all events");
	is_int(bad_order, 0, "events in order with their content");
	ok(saw_game, "game header before the events");
	ok(saw_delete, "delete after the events");
	ok(saw_clock, "clock copied");
	ok(saw_pub, "published stats copied");
	ok(saw_warn, "warning sanitized to one line");
	ok(saw_caught, "caught-up marker");
	feed_msg_free_list(&all);
	ok(all == NULL, "free_list NULLs the list");
	ok(feed_drain(feed) == NULL, "queue empty after END");
	feed_stop(&feed);
	ok(feed == NULL, "feed_stop NULLs the pointer");
	feed_stop(&feed);   /* a second stop is a no-op */
}

static void
test_stop_latency(const struct provider *p, const char *what)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *list;
	struct pollfd pfd;
	char *cause = NULL;
	int64_t t0, took;

	feed = feed_start_with(&c, p, &cause);
	ok(feed != NULL, "%s starts", what);
	if (feed == NULL)
		return;
	usleep(100000);   /* let it block */
	pfd.fd = feed_fd(feed);
	pfd.events = POLLIN;
	if (p == &blocker) {
		ok(poll(&pfd, 1, WAKE_MS) == 1, "%s: status makes the fd readable", what);
		list = feed_drain(feed);
		ok(list != NULL && list->kind == FEED_MSG_STATUS &&
		    list->u.status.state == FEED_LIVE, "%s: LIVE status", what);
		feed_msg_free_list(&list);
		ok(poll(&pfd, 1, 0) == 0, "%s: fd not readable once drained", what);
	}
	/* a reconnect request reaches the provider through wake/feed_sleep */
	feed_reconnect_now(feed);
	ok(poll(&pfd, 1, WAKE_MS) == 1, "%s: reconnect request noticed", what);
	list = feed_drain(feed);
	ok(list != NULL && list->kind == FEED_MSG_STATUS &&
	    list->u.status.state == FEED_RECONNECTING && list->u.status.reconnects == 1,
	    "%s: RECONNECTING status, reconnects counted", what);
	feed_msg_free_list(&list);
	t0 = cs_now_us();
	feed_stop(&feed);
	took = cs_now_us() - t0;
	/* no stopwatch: a stop that hangs is caught by the 30 s bound */
	ok(took < 30000000, "%s: stopped (%" PRId64 " ms)", what, took / 1000);
}

static void
test_failure_cause(void)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *all, *m;
	char *cause = NULL;
	size_t count;

	feed = feed_start_with(&c, &failer, &cause);
	ok(feed != NULL, "failer starts");
	if (feed == NULL)
		return;
	all = drain_all(feed, WAIT_MS, &count, NULL);
	is_int(count, 1, "only END");
	m = all;
	ok(m != NULL && m->kind == FEED_MSG_END && m->u.status.state == FEED_FAILED,
	    "END says FAILED");
	if (m != NULL) {
		is_str(m->u.status.message,
		    "ShotTracker refused the request signature (HTTP 401) ]0;owned second line",
		    "the cause, one line, no control characters");
		ok(strchr(m->u.status.message, '\n') == NULL &&
		    strchr(m->u.status.message, '\x1b') == NULL, "no newline or ESC");
	}
	feed_msg_free_list(&all);
	feed_stop(&feed);
}

static void
test_flood(void)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *list, *m;
	struct pollfd pfd;
	char *cause = NULL, want[32];
	int next = 0, bad = 0, polls = 0;
	bool ended = false;
	int64_t deadline = cs_now_us() + WAIT_MS * 1000LL;
	size_t bytes, most = 0;

	feed = feed_start_with(&c, &flood, &cause);
	ok(feed != NULL, "flood starts");
	if (feed == NULL)
		return;
	usleep(300000);   /* the producer fills the queue and has to wait */
	while (!ended && cs_now_us() < deadline) {
		pfd.fd = feed_fd(feed);
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		polls++;
		list = feed_drain(feed);
		bytes = 0;
		for (m = list; m != NULL; m = m->next) {
			bytes += m->size;
			if (m->kind == FEED_MSG_END) {
				ended = true;
				continue;
			}
			snprintf(want, sizeof want, "f%d", next);
			if (m->kind != FEED_MSG_EVENT || strcmp(m->u.event.id, want) != 0)
				bad++;
			next++;
		}
		if (bytes > most)
			most = bytes;
		feed_msg_free_list(&list);
		usleep(1000);
	}
	ok(ended, "flood ends");
	/* the producer waited at the byte cap, not at FEED_QUEUE_MAX events */
	ok(most <= FEED_QUEUE_BYTES + sizeof *m, "the queue held at most %zu bytes (cap %d)",
	    most, FEED_QUEUE_BYTES);
	is_int(next, N_FLOOD, "a full queue blocks the producer: nothing lost");
	is_int(bad, 0, "flood in order");
	ok(polls > 1, "drained in several batches (%d)", polls);
	feed_stop(&feed);
}

static void
test_stop_while_full(void)
{
	struct feed_config c = config();
	struct feed *feed;
	char *cause = NULL;
	int64_t t0, took;

	feed = feed_start_with(&c, &flood, &cause);
	ok(feed != NULL, "flood (never drained) starts");
	if (feed == NULL)
		return;
	usleep(300000);
	t0 = cs_now_us();
	feed_stop(&feed);   /* frees the undrained queue (ASan checks leaks) */
	took = cs_now_us() - t0;
	ok(took < 30000000, "a producer waiting on a full queue stops (%" PRId64 " ms)",
	    took / 1000);
}

static void
test_mark_and_record(void)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *all, *m;
	struct capture_reader *r;
	struct capture_record rec;
	char *cause = NULL, dir[] = "/tmp/test_feed.XXXXXX", path[256];
	char *warning = NULL;
	int64_t t[5] = { 0, 0, 0, 0, 0 };
	size_t count;
	int i = 0;

	ok(mkdtemp(dir) != NULL, "temp dir");
	snprintf(path, sizeof path, "%s/game.cap", dir);
	c.record_path = path;
	feed = feed_start_with(&c, &marker, &cause);
	ok(feed != NULL, "marker starts with a recorder");
	if (feed == NULL)
		return;
	all = drain_all(feed, WAIT_MS, &count, NULL);
	for (m = all; m != NULL && i < 5; m = m->next)
		if (m->kind == FEED_MSG_DELETE)
			t[i++] = m->received_us;
	is_int(i, 5, "five deletes");
	ok(t[0] == t[1] && t[0] != 0, "messages after one mark share its time");
	ok(t[2] - t[0] >= 20000, "a new mark restamps (%" PRId64 " us later)", t[2] - t[0]);
	ok(t[3] == 0, "a REST document's message carries no receive time (not timed as live)");
	ok(t[4] >= t[2], "the next socket mark stamps again");
	feed_msg_free_list(&all);
	feed_stop(&feed);

	r = capture_read_open(path, &cause);
	ok(r != NULL, "the recording opens");
	if (r != NULL) {
		is_int(capture_provider(r), CS_PROVIDER_SHOTTRACKER, "recorded provider");
		is_str(capture_game_id(r), "g1", "recorded game id");
		ok(capture_next(r, &rec, &warning) == 1 &&
		    strcmp(rec.channel, "rest:/v1/data/games/g1") == 0 && rec.len == 11 &&
		    memcmp(rec.data, "{\"id\":\"g1\"}", 11) == 0, "first record");
		ok(capture_next(r, &rec, &warning) == 1 && strcmp(rec.channel, "ws") == 0 &&
		    rec.len == 18, "second record");
		ok(capture_next(r, &rec, &warning) == 0, "then the end");
		capture_read_close(&r);
	}
	free(warning);
	unlink(path);
	rmdir(dir);
}

/* Every event and delete drained keeps its own receive stamp (not one
 * per drain) until the UI takes them after the frame that shows them. */
static void
test_stamp_every_event(void)
{
	struct feed_config c = config();
	struct app_state st;
	struct feed *feed;
	struct game *g = game_new();
	struct pollfd pfd;
	char *cause = NULL;
	int64_t deadline = cs_now_us() + WAIT_MS * 1000LL, before = cs_now_us();
	size_t i;
	bool all_set = true;

	app_state_init(&st);
	feed = feed_start_with(&c, &stamper, &cause);
	ok(feed != NULL && g != NULL, "stamper starts");
	if (feed == NULL || g == NULL) {
		game_free(&g);
		return;
	}
	while (!st.ended && cs_now_us() < deadline) {
		pfd.fd = feed_fd(feed);
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 200) > 0)
			app_drain(g, &st, feed);
	}
	ok(st.ended, "the feed ended");
	is_int((int)st.nstamps, 5, "five stamps: three events, two deletes (not the resends, not the REST one)");
	for (i = 0; i < st.nstamps; i++)
		if (st.stamps[i] < before || st.stamps[i] > cs_now_us())
			all_set = false;
	ok(all_set, "each stamp is a receive time of this run");
	ok(st.nstamps == 5 && st.stamps[0] == st.stamps[1],
	    "the events of one frame share its receive time");
	ok(st.nstamps == 5 && st.stamps[2] > st.stamps[1] && st.stamps[3] == st.stamps[2] &&
	    st.stamps[4] == st.stamps[2], "the next frame's events and deletes carry its later mark");
	feed_stop(&feed);
	game_free(&g);
}

static void
test_registry(void)
{
	struct feed_config c = config();
	struct feed *feed;
	char *cause = NULL;

	ok(feed_provider_for(&c) == provider_by_name("shottracker"), "shottracker is built in");
	c.provider = CS_PROVIDER_SPORTRADAR;
	ok(feed_provider_for(&c) == provider_by_name("sportradar"), "sportradar is built in");
	c.replay_path = "game.cap";
	ok(feed_provider_for(&c) == provider_for_replay(), "a replay path picks replay");
	c.replay_path = NULL;
	c.provider = CS_PROVIDER_NONE;
	ok(feed_provider_for(&c) == NULL, "no provider for NONE");
	feed = feed_start(&c, &cause);
	ok(feed == NULL && cause != NULL && strstr(cause, "not available") != NULL,
	    "feed_start refuses an unknown provider with a cause");
	free(cause);
}

/* Answers the first clip asked for, then ends at a reconnect request
 * without taking another: what a feed does when its game ends. */
static int
clipper_run(struct feed *feed, char **cause)
{
	struct feed_clip_request rq;
	char url[128];
	int i;

	(void)cause;
	for (i = 0; i < 600 && !feed_stopping(feed); i++) {   /* ~30 s at most */
		if (feed_take_clip(feed, &rq)) {
			snprintf(url, sizeof url, "https://clips.example/%s/%" PRId64 "-%" PRId64,
			    rq.play_id, rq.start_ms, rq.end_ms);
			feed_clip_answer(feed, rq.play_id, true, url);
			break;
		}
		feed_sleep(feed, 50);
	}
	for (i = 0; i < 300 && !feed_stopping(feed); i++)
		if (feed_take_reconnect_request(feed) || feed_sleep(feed, 100))
			break;
	return 0;
}

static const struct provider clipper = {
	.name = "clipper", .run = clipper_run, .takes_clips = true,
};

/* The next FEED_MSG_CLIP or FEED_MSG_END within WAIT_MS; NULL when none. */
static struct feed_msg *
next_clip_or_end(struct feed *feed, struct feed_msg **keep)
{
	struct feed_msg *m;
	int64_t deadline = cs_now_us() + WAIT_MS * 1000LL;

	while (cs_now_us() < deadline) {
		if (*keep == NULL) {
			struct pollfd pfd = { .fd = feed_fd(feed), .events = POLLIN };

			if (poll(&pfd, 1, 200) <= 0)
				continue;
			*keep = feed_drain(feed);
		}
		while ((m = *keep) != NULL) {
			*keep = m->next;
			m->next = NULL;
			if (m->kind == FEED_MSG_CLIP || m->kind == FEED_MSG_END)
				return m;
			free(m);
		}
	}
	return NULL;
}

/* feed_clip: to the feed thread and back; one at a time; the one the
 * feed did not take is answered when it ends; none after; none from a
 * provider that makes no clips. */
static void
test_clip(void)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *keep = NULL, *m;
	char *cause = NULL;

	feed = feed_start_with(&c, &emitter, &cause);
	ok(feed != NULL && feed_clip(feed, "p1", 1000, 2000, &cause) < 0 && cause != NULL &&
	    strcmp(cause, "clips come from ShotTracker's live feed only") == 0,
	    "a provider without clips refuses at once");
	free(cause);
	cause = NULL;
	feed_stop(&feed);

	feed = feed_start_with(&c, &clipper, &cause);
	if (!ok(feed != NULL, "clipper starts"))
		return;
	ok(feed_clip(feed, "p1", 1000, 13000, &cause) == 0, "a clip is asked for");
	m = next_clip_or_end(feed, &keep);
	ok(m != NULL && m->kind == FEED_MSG_CLIP && m->u.clip.ok &&
	    strcmp(m->u.clip.play_id, "p1") == 0 &&
	    strcmp(m->u.clip.text, "https://clips.example/p1/1000-13000") == 0,
	    "its answer comes back through the queue");
	free(m);
	ok(feed_clip(feed, "p2", 2000, 3000, &cause) == 0, "another is asked for");
	ok(feed_clip(feed, "p3", 2000, 3000, &cause) < 0 && cause != NULL &&
	    strcmp(cause, "a clip is on its way already") == 0, "one at a time");
	free(cause);
	cause = NULL;
	feed_reconnect_now(feed);   /* the clipper ends without taking p2 */
	m = next_clip_or_end(feed, &keep);
	ok(m != NULL && m->kind == FEED_MSG_CLIP && !m->u.clip.ok &&
	    strcmp(m->u.clip.play_id, "p2") == 0 &&
	    strcmp(m->u.clip.text, "no clip: the feed ended first") == 0,
	    "the clip not taken is answered when the feed ends");
	free(m);
	m = next_clip_or_end(feed, &keep);
	ok(m != NULL && m->kind == FEED_MSG_END, "then the end");
	free(m);
	ok(feed_clip(feed, "p4", 2000, 3000, &cause) < 0 && cause != NULL &&
	    strcmp(cause, "the feed has ended: no clip") == 0, "none once the feed ended");
	free(cause);
	feed_msg_free_list(&keep);
	feed_stop(&feed);
}

/* The kinds and ids a drained list holds, as "EV:e0 END:ended". */
static void
describe(const struct feed_msg *m, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (; m != NULL && n + 32 < size; m = m->next) {
		if (m->kind == FEED_MSG_EVENT)
			n += (size_t)snprintf(out + n, size - n, "EV:%s ", m->u.event.id);
		else if (m->kind == FEED_MSG_END)
			n += (size_t)snprintf(out + n, size - n, "END:%s ",
			    m->u.status.state == FEED_ENDED ? "ended" : "failed");
		else if (m->kind == FEED_MSG_STATUS && m->u.status.state == FEED_RECONNECTING)
			n += (size_t)snprintf(out + n, size - n, "RECONNECTING ");
	}
}

/* Waits (bounded) until the member's queue shows `want` among its messages. */
static bool
wait_for(struct feed *f, const char *want, char *seen, size_t size)
{
	struct feed_msg *all = NULL, **tail = &all, *list;
	struct pollfd pfd = { .fd = feed_fd(f), .events = POLLIN };
	int64_t deadline = cs_now_us() + WAIT_MS * 1000LL;

	seen[0] = '\0';
	while (strstr(seen, want) == NULL && cs_now_us() < deadline) {
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		list = feed_drain(f);
		*tail = list;
		while (*tail != NULL)
			tail = &(*tail)->next;
		describe(all, seen, size);
	}
	feed_msg_free_list(&all);
	return strstr(seen, want) != NULL;
}

static void
test_league(void)
{
	struct feed_config c = config();
	const char *ids[2] = { "g0", "g1" };
	struct feed *m[2] = { NULL, NULL };
	char *cause = NULL, seen[256];

	c.provider = CS_PROVIDER_SPORTRADAR;
	ok(feed_start_league_with(&c, &sleeper, ids, 2, m, &cause) < 0 &&
	    cause != NULL && m[0] == NULL, "a provider without run_league takes no league");
	free(cause);
	cause = NULL;
	if (!ok(feed_start_league_with(&c, &league, ids, 2, m, &cause) == 0,
	    "a league of two starts"))
		return;
	ok(wait_for(m[0], "END:ended", seen, sizeof seen) &&
	    strcmp(seen, "EV:e0 END:ended ") == 0,
	    "game 0: its own event, then its END, once (%s)", seen);
	feed_reconnect_now(m[1]);
	ok(wait_for(m[1], "RECONNECTING", seen, sizeof seen) &&
	    strcmp(seen, "EV:e1 RECONNECTING ") == 0,
	    "game 1: its own event; its reconnect reaches the hub; no END (%s)", seen);
	ok(!feed_went_live(m[1]), "a member goes live only when told");
	feed_stop(&m[0]);
	ok(m[0] == NULL, "feed_stop NULLs the member");
	ok(wait_for(m[1], "END:", seen, sizeof seen) && strcmp(seen, "END:ended ") == 0,
	    "stopping one member stops the league: the other gets its END (%s)", seen);
	feed_stop(&m[1]);
}

static void *
stop_member(void *arg)
{
	struct feed **f = arg;

	feed_stop(f);
	return NULL;
}

/*
 * A member's queue full and never drained (the UI has ended) while the
 * hub's thread waits for its room: stopping the league ends that wait.
 * It waited for the member's own stop flag, which only the hub's is set
 * for (the byte cap made a full queue a matter of 128 KB: bench_league
 * hung at exit).  Stopped from another thread, so that a hang is a
 * failure here, not a stuck suite.
 */
static void
test_league_stop_while_full(void)
{
	struct feed_config c = config();
	const char *ids[2] = { "g0", "g1" };
	struct feed *m[2] = { NULL, NULL };
	char *cause = NULL;
	pthread_t t;
	int64_t deadline;
	bool stopped = false;

	c.provider = CS_PROVIDER_SPORTRADAR;
	if (!ok(feed_start_league_with(&c, &league_flood, ids, 2, m, &cause) == 0,
	    "a flooded league starts"))
		return;
	usleep(300000);   /* the hub fills game 0's queue and has to wait */
	if (pthread_create(&t, NULL, stop_member, &m[0]) != 0) {
		ok(false, "a thread to stop it");
		return;
	}
	deadline = cs_now_us() + WAIT_MS * 1000LL;
	while (!(stopped = pthread_tryjoin_np(t, NULL) == 0) && cs_now_us() < deadline)
		usleep(10000);
	if (!ok(stopped, "stopping a league whose member is full returns")) {
		/* the hub's thread never ends: nothing more can be freed */
		tap_done();
		_exit(1);
	}
	feed_stop(&m[1]);
}

/* Until a message is held off screen (generous: a busy machine). */
static bool
quiet_held_within(struct feed *f, int ms)
{
	int64_t until = cs_now_us() + (int64_t)ms * 1000;

	while (feed_quiet_since(f) == 0 && cs_now_us() < until)
		usleep(1000);
	return feed_quiet_since(f) != 0;
}

/* The kinds of a drained list, "CLOCK EVENT ..." */
static void
kinds_of(struct feed_msg *list, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (; list != NULL && n + 8 < size; list = list->next)
		n += (size_t)snprintf(out + n, size - n, "%s ",
		    list->kind == FEED_MSG_CLOCK ? "CLOCK" :
		    list->kind == FEED_MSG_EVENT ? "EVENT" : "OTHER");
}

/* A game off screen: its clocks wait without waking the UI, an event
 * wakes it and brings them along; on screen again, a clock wakes it. */
static void
test_quiet(void)
{
	struct feed_config c = config();
	struct pollfd pfd;
	struct feed_msg *list;
	struct feed *f;
	char *cause = NULL, kinds[64];

	f = feed_start_with(&c, &quieter, &cause);
	if (!ok(f != NULL, "quieter starts"))
		return;
	pfd.fd = feed_fd(f);
	pfd.events = POLLIN;
	ok(poll(&pfd, 1, WAKE_MS) == 1, "quiet: the LIVE status wakes the UI");
	list = feed_drain(f);
	feed_msg_free_list(&list);
	ok(feed_quiet_since(f) == 0, "quiet: nothing held at first");
	feed_set_quiet(f, true);
	__atomic_store_n(&quiet_step, 1, __ATOMIC_RELEASE);
	ok(quiet_held_within(f, WAKE_MS), "quiet: a clock off screen is held");
	ok(poll(&pfd, 1, 0) == 0, "quiet: ... without waking the UI");
	__atomic_store_n(&quiet_step, 2, __ATOMIC_RELEASE);
	ok(poll(&pfd, 1, WAKE_MS) == 1, "quiet: an event off screen wakes the UI");
	list = feed_drain(f);
	kinds_of(list, kinds, sizeof kinds);
	ok(strcmp(kinds, "CLOCK EVENT ") == 0, "quiet: the held clock comes with it (%s)", kinds);
	feed_msg_free_list(&list);
	ok(feed_quiet_since(f) == 0, "quiet: nothing held once drained");
	feed_set_quiet(f, false);
	__atomic_store_n(&quiet_step, 3, __ATOMIC_RELEASE);
	ok(poll(&pfd, 1, WAKE_MS) == 1, "quiet: on screen again, a clock wakes the UI");
	list = feed_drain(f);
	kinds_of(list, kinds, sizeof kinds);
	ok(strcmp(kinds, "CLOCK ") == 0 && feed_quiet_since(f) == 0,
	    "quiet: that clock, not held (%s)", kinds);
	feed_msg_free_list(&list);
	feed_stop(&f);
}

/* A clock waiting at the queue's end gives its place to the next one; a
 * clock behind an event keeps its place (both unbatched and batched). */
static void
test_clock_supersedes(void)
{
	struct feed_config c = config();
	struct feed_msg *list, *m;
	struct feed *f;
	char *cause = NULL, kinds[64], want[64];
	int64_t until;
	int step, clocks[4], n;

	f = feed_start_with(&c, &ticker, &cause);
	if (!ok(f != NULL, "ticker starts"))
		return;
	for (step = 1; step <= 2; step++) {
		__atomic_store_n(&tick_step, step, __ATOMIC_RELEASE);
		until = cs_now_us() + WAIT_MS * 1000LL;
		while (__atomic_load_n(&ticked, __ATOMIC_ACQUIRE) < step && cs_now_us() < until)
			usleep(1000);
		list = feed_drain(f);
		kinds_of(list, kinds, sizeof kinds);
		n = 0;
		for (m = list; m != NULL; m = m->next)
			if (m->kind == FEED_MSG_CLOCK && n < 4)
				clocks[n++] = m->u.clock.clock;
		ok(strcmp(kinds, "CLOCK EVENT CLOCK ") == 0,
		    "%s: five clocks around an event queue as two (%s)",
		    step == 1 ? "queued" : "batched", kinds);
		snprintf(want, sizeof want, "%d %d", 100 * step + 3, 100 * step + 5);
		ok(n == 2 && clocks[0] == 100 * step + 3 && clocks[1] == 100 * step + 5,
		    "%s: each the latest before what follows it (%s)",
		    step == 1 ? "queued" : "batched", want);
		feed_msg_free_list(&list);
	}
	feed_stop(&f);
}

static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();   /* every arena */

	return mi.uordblks + mi.hblkhd;
}

/*
 * An event message is cut after the event's statistics unless it carries
 * on-court lists (issue 20: a catch-up's queue is its memory peak; a whole
 * struct cs_event is 2.7 KB).
 */
static void
test_event_sizes(void)
{
	struct feed_config c = config();
	struct feed *feed;
	struct feed_msg *all, *m, *last = NULL;
	char *cause = NULL;
	size_t count, before = heap_used(), used;
	int events = 0, whole = 0;

	feed = feed_start_with(&c, &sized, &cause);
	ok(feed != NULL, "sized feed starts");
	if (feed == NULL)
		return;
	all = drain_all(feed, 10000, &count, NULL);
	used = heap_used() - before;
	for (m = all; m != NULL; m = m->next)
		if (m->kind == FEED_MSG_EVENT) {
			events++;
			whole += m->u.event.nstats == 2 &&
			    strcmp(m->u.event.stats[1].player.id, "passer") == 0;
			last = m;
		}
	is_int(events, N_SIZED + 1, "every event queued");
	is_int(whole, N_SIZED + 1, "each with both statistics");
	ok(last != NULL && last->u.event.has_on_court[CS_HOME] &&
	    strcmp(last->u.event.on_court[CS_HOME][4].id, "p5") == 0,
	    "on-court lists arrive whole");
	ok(used / (N_SIZED + 1) < 1024, "heap per queued event %zu bytes (< 1024)",
	    used / (N_SIZED + 1));
	feed_msg_free_list(&all);
	feed_stop(&feed);
}

int
main(void)
{
	test_order_and_content();
	test_event_sizes();
	test_stop_latency(&blocker, "blocker (wake)");
	test_stop_latency(&sleeper, "sleeper (feed_sleep)");
	test_failure_cause();
	test_flood();
	test_stop_while_full();
	test_mark_and_record();
	test_stamp_every_event();
	test_registry();
	test_clip();
	test_league();
	test_league_stop_while_full();
	test_quiet();
	test_clock_supersedes();
	return tap_done();
}
