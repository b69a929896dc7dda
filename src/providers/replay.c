/*
 * The replay provider: reads a capture and hands each recorded message to
 * the recorded provider's parsers (providers/parser.h), paced by the
 * receive times, with pause, speed changes and seeking driven from the UI
 * thread through feed_control() (net/feed.h).  The run's state is the
 * feed's provider data: nothing global, so each feed has its own replay.
 *
 * Seeking backwards deletes every event the replay has delivered, withdraws
 * the published totals, drops ShotTracker's possessions and videos, and plays the capture again from the start, as fast
 * as possible, up to the target: the model re-derives from scratch, so a
 * seek leaves no stale play or total.  (Game info and the live clock cannot
 * be withdrawn through a sink; the next pass sends them again, and the model
 * prefers the events' clock over a live clock older than them.)
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "net/capture.h"
#include "providers/parser.h"
#include "providers/provider.h"
#include "providers/replay.h"
#include "model/game.h"

#define REPLAY_MAX_SPEED 64.0
#define REPLAY_MAX_PRESSES 1000   /* repeats of one seek, added up */
#define REPLAY_SEEKS_MAX 16        /* seeks waiting their turn */

/*
 * A play delivered, and what it looked like: a step (< >) is a record that
 * changes what the screen shows, so a re-send of the same play is none.
 */
struct replay_play {
	char id[CS_ID_MAX];
	uint64_t print;            /* fingerprint of what it shows */
	bool live;                 /* delivered and not deleted since */
};

/* A seek asked for: presses in a row of one control, or a moment. */
struct replay_seek {
	enum feed_control control;
	int count;                 /* presses in a row, applied as one seek */
	int period, clock;         /* FEED_SEEK_CLOCK: where to */
};

/* One replay run.  The control fields are shared with the UI thread. */
struct replay {
	struct feed *feed;
	struct cs_sink out;        /* the feed's sink */
	const struct provider_parser *parser;
	const char *path;

	pthread_mutex_t lock;      /* guards the control fields below */
	bool paused;
	double speed;              /* 0 = as fast as possible */
	struct replay_seek seeks[REPLAY_SEEKS_MAX]; /* in the order asked; not started yet */
	int nseeks;
	unsigned asked;            /* pause and speed controls so far */

	/* Where we are, in records and plays (feed thread only). */
	unsigned acked;            /* `asked` when the last status went out */
	long record;               /* index of the record being processed */
	long *play_records;        /* record index of each record that changed a play */
	size_t nplays, play_cap;
	long *period_records;      /* record index where each new period began */
	size_t nperiods, period_cap;
	int max_period;
	bool changed;              /* the current record changed what a play shows */

	/* Everything delivered, so a backward seek can take it all back. */
	struct replay_play *ids;
	size_t nids, ids_cap;
	struct replay_lines lines; /* published totals handed on (replay.h) */

	/* The pace's timeline, in ms at each record: from one record to the
	 * next, the game clock run or the capture's time, whichever is less,
	 * so that 8x is eight game seconds a second, a timeout or a
	 * free-throw trip passes at once, and a backlog the capture received
	 * in a burst stays a burst.  NULL: the capture's times. */
	int64_t *game_ms;
	long ngame_ms;
	bool timeline_tried;

	bool has_until;
	struct cs_game_point until;   /* as typed: Q3 needs the format */
	bool halves;                  /* the game's format, from its info */
	int until_period, until_clock; /* 0: not resolved yet */
	int period_top[CS_PERIODS_MAX + 1];   /* the highest clock seen per period */
	bool past_until;
	bool reached_until;
	char until_error[160];        /* the capture cannot reach --until: why */
	bool at_end;               /* holding at the end (the UI's replay) */
	/* --once: a replay to the end that nobody steers; it keeps no record
	 * of plays and periods (they serve only seeks and steps) and queues
	 * its messages in batches. */
	bool to_the_end;
};

/* FNV-1a, field by field: no padding byte reaches the fingerprint. */
static uint64_t
mix(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t
mix_int(uint64_t h, long long v)
{
	return mix(h, &v, sizeof v);
}

static uint64_t
mix_str(uint64_t h, const char *s, size_t max)
{
	return mix(h, s, strnlen(s, max) + 1);
}

/* Everything of a play a pane can show (its wall time is not shown). */
static uint64_t
play_print(const struct cs_event *ev)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const struct cs_stat *st;
	int i, side;

	h = mix_int(h, ev->sequence);
	h = mix_int(h, ev->number);
	h = mix_int(h, ev->period.sequence * 64 + ev->period.number * 4 + (int)ev->period.type);
	h = mix_int(h, ev->clock);
	h = mix_int(h, ev->type * 16 + ev->side);
	h = mix_str(h, ev->provider_type, sizeof ev->provider_type);
	h = mix_str(h, ev->description, sizeof ev->description);
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++) {
		st = &ev->stats[i];
		h = mix_int(h, st->type * 16 + st->side);
		h = mix_int(h, st->made * 8 + st->three * 4 + st->offensive * 2);
		h = mix_int(h, st->points);
		h = mix_str(h, st->player.id, sizeof st->player.id);
		h = mix_str(h, st->player.name, sizeof st->player.name);
		h = mix_str(h, st->player.jersey, sizeof st->player.jersey);
	}
	h = mix_int(h, ev->has_location ? ev->x * 4096LL + ev->y : -1);
	h = mix_int(h, ev->timeouts_remaining);
	h = mix_int(h, ev->corrected * 1024LL + ev->qualifiers);
	for (side = 0; side < 2; side++) {
		h = mix_int(h, ev->has_on_court[side]);
		for (i = 0; ev->has_on_court[side] && i < CS_ON_COURT; i++)
			h = mix_str(h, ev->on_court[side][i].id, CS_ID_MAX);
	}
	return h;
}

static struct replay_play *
find_play(struct replay *r, const char *id)
{
	size_t i;

	/* Linear from the end: re-sends of recent plays are the common case. */
	for (i = r->nids; i > 0; i--)
		if (strcmp(r->ids[i - 1].id, id) == 0)
			return &r->ids[i - 1];
	return NULL;
}

/* Remembers a play delivered; true when the screen shows something new:
 * a new play, a revision that changes it, or one deleted coming back. */
static bool
remember_play(struct replay *r, const struct cs_event *ev)
{
	struct replay_play *p = find_play(r, ev->id);
	uint64_t print = play_print(ev);
	bool changed;

	if (p == NULL) {
		if (cs_grow((void **)&r->ids, &r->ids_cap, r->nids + 1, sizeof *r->ids) < 0)
			return true;
		p = &r->ids[r->nids++];
		cs_strlcpy(p->id, ev->id, CS_ID_MAX);
		p->live = false;
	}
	changed = !p->live || p->print != print;
	p->print = print;
	p->live = true;
	return changed;
}

/*
 * --until as a sequence, once the game's format is known (Q3 is no period
 * of a game in halves).  0, or -1 with r->until_error set.
 */
static int
resolve_until(struct replay *r)
{
	if (!r->has_until || r->until_period > 0 || r->until_error[0] != '\0')
		return r->until_error[0] != '\0' ? -1 : 0;
	r->until_period = cs_game_point_sequence(&r->until, r->halves);
	r->until_clock = r->until.clock;
	if (r->until_period > 0 && r->until_period <= CS_PERIODS_MAX)
		return 0;
	snprintf(r->until_error, sizeof r->until_error,
	    "--until: this game is played in %s and has no such period",
	    r->halves ? "halves" : "quarters");
	return -1;
}

/* The clock of --until is more than its period ever had (1/15:00 in a
 * game of 12-minute quarters): the first clock seen in a period is its
 * full length. */
static bool
until_beyond_period(struct replay *r)
{
	int top = r->period_top[r->until_period];
	char want[16], have[16];

	if (top <= 0 || r->until_clock <= top)
		return false;
	snprintf(r->until_error, sizeof r->until_error,
	    "--until: that period lasts %s, not %s",
	    cs_clock_format(top, have, sizeof have),
	    cs_clock_format(r->until_clock, want, sizeof want));
	return true;
}

/* Is (period, clock) past --until?  The clock runs down within a period.
 * Notes the clocks seen, and whether the game got to --until at all. */
static bool
past_until(struct replay *r, int period, int clock)
{
	if (!r->has_until || resolve_until(r) < 0)
		return r->has_until;
	if (period >= 1 && period <= CS_PERIODS_MAX && clock > r->period_top[period])
		r->period_top[period] = clock;
	if (period < r->until_period)
		return false;
	if (period == r->until_period && (clock == CS_NO_CLOCK || clock > r->until_clock))
		return false;
	r->reached_until = true;
	if (period == r->until_period && until_beyond_period(r))
		return true;
	return period > r->until_period || clock < r->until_clock;
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	struct replay *r = ctx;

	if (past_until(r, ev->period.sequence, ev->clock)) {
		r->past_until = true;
		return;
	}
	if (r->to_the_end)
		goto deliver;
	if (ev->period.sequence > r->max_period) {
		r->max_period = ev->period.sequence;
		if (cs_grow((void **)&r->period_records, &r->period_cap, r->nperiods + 1,
		    sizeof *r->period_records) == 0)
			r->period_records[r->nperiods++] = r->record;
	}
	if (remember_play(r, ev))
		r->changed = true;
deliver:
	if (r->out.event != NULL)
		r->out.event(r->out.ctx, ev);
}

static void
on_delete(void *ctx, const char *id)
{
	struct replay *r = ctx;
	struct replay_play *p;

	if (r->past_until)
		return;
	p = r->to_the_end ? NULL : find_play(r, id);
	if (p != NULL && p->live) {
		/* a play leaves the screen: a step too */
		p->live = false;
		r->changed = true;
	}
	if (r->out.delete_event != NULL)
		r->out.delete_event(r->out.ctx, id);
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	struct replay *r = ctx;

	r->halves = info->format == CS_FORMAT_HALVES;
	if (r->out.game != NULL)
		r->out.game(r->out.ctx, info);
}

static void
on_clock(void *ctx, const struct cs_clock *clock)
{
	struct replay *r = ctx;

	if (past_until(r, clock->period.sequence, clock->clock)) {
		r->past_until = true;
		return;
	}
	if (r->out.clock != NULL)
		r->out.clock(r->out.ctx, clock);
}

static void
on_published(void *ctx, const struct cs_published_stats *st)
{
	struct replay *r = ctx;
	struct cs_published_stats ps;

	if (r->past_until || r->out.published == NULL)
		return;
	if (replay_lines_stamp(&r->lines, st, &ps))
		r->out.published(r->out.ctx, &ps);
}

static void
on_possession(void *ctx, const struct cs_possession *p)
{
	struct replay *r = ctx;

	if (!r->past_until && r->out.possession != NULL)
		r->out.possession(r->out.ctx, p);
}

static void
on_video(void *ctx, const struct cs_video_segment *v)
{
	struct replay *r = ctx;

	if (r->out.video != NULL)
		r->out.video(r->out.ctx, v);
}

/* The sensors' presence, lineups at a time, sensor assignments: as the
 * possessions, up to --until. */
static void
on_presence(void *ctx, const struct cs_presence *p)
{
	struct replay *r = ctx;

	if (!r->past_until && r->out.presence != NULL)
		r->out.presence(r->out.ctx, p);
}

static void
on_lineup_at(void *ctx, const struct cs_lineup_at *l)
{
	struct replay *r = ctx;

	if (!r->past_until && r->out.lineup_at != NULL)
		r->out.lineup_at(r->out.ctx, l);
}

static void
on_sensor(void *ctx, const struct cs_sensor_assignment *s)
{
	struct replay *r = ctx;

	if (!r->past_until && r->out.sensor != NULL)
		r->out.sensor(r->out.ctx, s);
}

static void
on_warning(void *ctx, const char *msg)
{
	struct replay *r = ctx;

	if (r->out.warning != NULL)
		r->out.warning(r->out.ctx, msg);
}

/* Sends the state and speed: on a change, and once per control applied,
 * so the UI (and a test) knows when a control has taken effect. */
static void
report(struct replay *r)
{
	char msg[64];
	bool paused;
	double speed;

	pthread_mutex_lock(&r->lock);
	paused = r->paused;
	speed = r->speed;
	r->acked = r->asked;
	pthread_mutex_unlock(&r->lock);
	if (r->at_end) {
		/* the end has no pace: a seek back is all there is to do */
		feed_set_status(r->feed, FEED_REPLAY, 0, "replay at end");
		return;
	}
	if (speed > 0)
		snprintf(msg, sizeof msg, "replay %gx", speed);
	else
		snprintf(msg, sizeof msg, "replay max");
	feed_set_status(r->feed, paused ? FEED_PAUSED : FEED_REPLAY, 0, msg);
}

/* Acknowledges pause and speed controls that arrived since the last status. */
static void
report_controls(struct replay *r)
{
	bool due;

	pthread_mutex_lock(&r->lock);
	due = r->asked != r->acked;
	pthread_mutex_unlock(&r->lock);
	if (due)
		report(r);
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Takes back everything delivered (a backward seek): the events, and the
 * published totals, withdrawn with a version above any sent so far. */
static void
retract_all(struct replay *r)
{
	struct cs_published_stats none;
	size_t i;
	int c;

	for (i = 0; i < r->nids; i++)
		if (r->out.delete_event != NULL)
			r->out.delete_event(r->out.ctx, r->ids[i].id);
	if (r->out.possessions_reset != NULL)
		r->out.possessions_reset(r->out.ctx);
	for (i = 0; i < r->lines.n; i++) {
		memset(&none, 0, sizeof none);
		none.side = r->lines.v[i].side;
		cs_strlcpy(none.player_id, r->lines.v[i].player_id, sizeof none.player_id);
		none.version = ++r->lines.stamp;
		for (c = 0; c < CS_COL_COUNT; c++)
			none.value[c] = CS_UNKNOWN;
		r->out.published(r->out.ctx, &none);
	}
	r->lines.n = 0;
	r->nids = 0;
	r->nplays = 0;
	r->nperiods = 0;
	r->max_period = 0;
	r->reached_until = false;
}

/* Finding where a moment of the game is: a parse of the capture on its own. */
struct scan {
	int period, clock;
	bool past;
};

static bool
scan_past(struct scan *sc, int period, int clock)
{
	if (period > sc->period || (period == sc->period && clock != CS_NO_CLOCK &&
	    clock < sc->clock))
		sc->past = true;
	return sc->past;
}

static void
scan_event(void *ctx, const struct cs_event *ev)
{
	scan_past(ctx, ev->period.sequence, ev->clock);
}

static void
scan_clock(void *ctx, const struct cs_clock *clock)
{
	scan_past(ctx, clock->period.sequence, clock->clock);
}

/* The last record before the first one past (period, clock): the model
 * then shows the game as it stood at that moment.  The end when the game
 * never gets there; -1 when its first record already is past it. */
static long
clock_target(const struct replay *r, int period, int clock)
{
	struct capture_reader *cr;
	struct capture_record rec;
	struct scan sc = { period, clock, false };
	struct cs_sink sink;
	void *state;
	long i = 0;

	memset(&sink, 0, sizeof sink);
	sink.ctx = &sc;
	sink.event = scan_event;
	sink.clock = scan_clock;
	cr = capture_read_open(r->path, NULL);
	state = cr != NULL ? r->parser->create(&sink) : NULL;
	while (state != NULL && capture_next(cr, &rec, NULL) == 1) {
		r->parser->message(state, rec.channel, rec.data, rec.len);
		if (sc.past)
			break;
		i++;
	}
	if (state != NULL)
		r->parser->destroy(state);
	capture_read_close(&cr);
	return i - 1;
}

/*
 * The record index to replay up to (inclusive) for `count` backward seeks,
 * -1 for "before the first record", or -2 when `control` does not seek back.
 * The start of a period is just after the record that began it, so the
 * model already shows the new period; the forward seek lands there too.
 */
static long
seek_target(const struct replay *r, const struct replay_seek *sk)
{
	int count = sk->count;
	size_t k;

	switch ((int)sk->control) {
	case FEED_SEEK_CLOCK:
		return clock_target(r, sk->period, sk->clock);
	case FEED_PLAY_BACK:
		/* keep all plays but the last `count` */
		if ((size_t)count >= r->nplays)
			return -1;
		return r->play_records[r->nplays - (size_t)count - 1];
	case FEED_PERIOD_BACK:
		if (r->nperiods == 0)
			return -1;
		/* the start of this period; if we are right at it, the previous one */
		k = r->nperiods - 1;
		if (r->nplays > 0 && r->play_records[r->nplays - 1] == r->period_records[k] && k > 0)
			k--;
		k = (size_t)count - 1 > k ? 0 : k - ((size_t)count - 1);
		return r->period_records[k];
	default:
		return -2;
	}
}

/* --- the timeline: how far into the game each record is --- */

struct timeline {
	int period, clock;         /* the furthest moment so far; period 0 none */
	int top[CS_PERIODS_MAX + 1];   /* each period's highest clock: its length */
};

static void
timeline_point(struct timeline *tl, int period, int clock)
{
	if (period < 1 || period > CS_PERIODS_MAX || clock == CS_NO_CLOCK || clock < 0)
		return;
	if (clock > tl->top[period])
		tl->top[period] = clock;
	if (period > tl->period || (period == tl->period && clock < tl->clock)) {
		tl->period = period;
		tl->clock = clock;
	}
}

static void
timeline_event(void *ctx, const struct cs_event *ev)
{
	timeline_point(ctx, ev->period.sequence, ev->clock);
}

static void
timeline_clock(void *ctx, const struct cs_clock *clock)
{
	timeline_point(ctx, clock->period.sequence, clock->clock);
}

/* The lesser of two steps, never negative. */
static int64_t
less(int64_t a, int64_t b)
{
	int64_t m = a < b ? a : b;

	return m > 0 ? m : 0;
}

/* Game ms at (period, clock): the periods before it, whole, then this
 * one's clock run so far. */
static int64_t
timeline_ms(const struct timeline *tl, int period, int clock)
{
	int64_t tenths = 0;
	int p;

	if (period == 0)
		return 0;
	for (p = 1; p < period; p++)
		tenths += tl->top[p];
	tenths += tl->top[period] - clock;
	return tenths * 100;
}

/* One parse of the capture on its own, before the replay: each record's
 * furthest moment and receive time, then, once every period's length is
 * known, the timeline.  Leaves r->game_ms NULL (the capture's times) when
 * it cannot. */
static void
timeline_build(struct replay *r)
{
	struct capture_reader *cr;
	struct capture_record rec;
	struct timeline tl;
	struct cs_sink sink;
	int *at = NULL;            /* period * 1e6 + clock, per record */
	int64_t *t_ms = NULL, game, game_before = 0;
	size_t cap = 0, tcap = 0, n = 0, i;
	void *state;

	memset(&tl, 0, sizeof tl);
	memset(&sink, 0, sizeof sink);
	sink.ctx = &tl;
	sink.event = timeline_event;
	sink.clock = timeline_clock;
	cr = capture_read_open(r->path, NULL);
	state = cr != NULL ? r->parser->create(&sink) : NULL;
	while (state != NULL && capture_next(cr, &rec, NULL) == 1) {
		r->parser->message(state, rec.channel, rec.data, rec.len);
		if (cs_grow((void **)&at, &cap, n + 1, sizeof *at) < 0 ||
		    cs_grow((void **)&t_ms, &tcap, n + 1, sizeof *t_ms) < 0)
			break;
		t_ms[n] = rec.t_ms;
		at[n++] = tl.period * 1000000 + (tl.period > 0 ? tl.clock : 0);
	}
	if (state != NULL)
		r->parser->destroy(state);
	capture_read_close(&cr);
	/* the records before the first moment (game, rosters) are due with
	 * it: a capture begun in Q4 starts there, not 47 minutes early */
	for (i = 0; i < n && at[i] == 0; i++)
		;
	while (i > 0 && i < n) {
		at[i - 1] = at[i];
		i--;
	}
	r->game_ms = n > 0 ? calloc(n, sizeof *r->game_ms) : NULL;
	for (i = 0; r->game_ms != NULL && i < n; i++) {
		game = timeline_ms(&tl, at[i] / 1000000, at[i] % 1000000);
		if (i > 0)
			r->game_ms[i] = r->game_ms[i - 1] + less(game - game_before,
			    t_ms[i] - t_ms[i - 1]);
		game_before = game;
	}
	r->ngame_ms = r->game_ms != NULL ? (long)n : 0;
	free(at);
	free(t_ms);
}

/* When record `record` is due, in ms of the pace's timeline (built the
 * first time a pace is needed: at max speed none is). */
static double
record_ms(struct replay *r, const struct capture_record *rec)
{
	if (!r->timeline_tried) {
		r->timeline_tried = true;
		timeline_build(r);
	}
	if (r->record >= 0 && r->record < r->ngame_ms)
		return (double)r->game_ms[r->record];
	return (double)rec->t_ms;
}

/* Pacing: timeline time `at_ms` is due at monotonic time `at_us`. */
struct pace {
	int64_t at_us;             /* 0 = not anchored: the next record is due now */
	double at_ms;
	double speed;              /* the speed since at_us */
};

enum turn { TURN_GO, TURN_CONTROL, TURN_STOP };

/*
 * Waits until `rec` is due at the current speed, while paused, or until a
 * seek is asked for.  Pause and speed changes are reported from here.
 */
static enum turn
wait_turn(struct replay *r, const struct capture_record *rec, struct pace *pace)
{
	bool paused;
	double speed, rec_ms;
	int seeks;
	int64_t now, due;

	for (;;) {
		/* acknowledge first, then read: a pause acknowledged here is
		 * the pause read below, so no record goes out after the status
		 * that said paused (read first, a pause arriving between the
		 * two was acknowledged while this record still went) */
		report_controls(r);
		pthread_mutex_lock(&r->lock);
		paused = r->paused;
		speed = r->speed;
		seeks = r->nseeks;
		pthread_mutex_unlock(&r->lock);
		now = cs_now_us();
		if (speed != pace->speed && pace->at_us != 0 && pace->speed > 0) {
			/* keep the capture time reached so far; the new speed
			 * applies from now on */
			pace->at_ms += (double)(now - pace->at_us) * pace->speed / 1000.0;
			pace->at_us = now;
		}
		pace->speed = speed;
		if (feed_stopping(r->feed))
			return TURN_STOP;
		if (seeks > 0)
			return TURN_CONTROL;
		if (paused) {
			pace->at_us = 0;
			sleep_ms(50);
			continue;
		}
		if (speed <= 0)
			return TURN_GO;
		rec_ms = record_ms(r, rec);
		if (pace->at_us == 0 || pace->at_ms > rec_ms) {
			pace->at_us = now;
			pace->at_ms = rec_ms;
		}
		due = pace->at_us + (int64_t)((rec_ms - pace->at_ms) * 1000.0 / speed);
		if (now >= due)
			return TURN_GO;
		sleep_ms((due - now) / 1000 >= 50 ? 50 : (long)((due - now) / 1000) + 1);
	}
}

/* The oldest seek asked for (its control), or -1. */
static int
take_control(struct replay *r, struct replay_seek *sk)
{
	int control = -1;

	pthread_mutex_lock(&r->lock);
	if (r->nseeks > 0) {
		control = (int)r->seeks[0].control;
		*sk = r->seeks[0];
		r->nseeks--;
		memmove(&r->seeks[0], &r->seeks[1], (size_t)r->nseeks * sizeof r->seeks[0]);
	}
	pthread_mutex_unlock(&r->lock);
	return control;
}

enum pass_outcome { PASS_DONE, PASS_FAILED, PASS_RESTART };

/*
 * The UI's replay stays at its end (or at --until) until the feed stops,
 * so that a seek back still works; a forward seek has nowhere to go and is
 * only acknowledged.  Returns the record to replay up to, or -2 to stop.
 */
static long
hold_at_end(struct replay *r)
{
	struct replay_seek sk;
	int control;
	long target;

	r->at_end = true;
	report(r);
	while (!feed_stopping(r->feed)) {
		control = take_control(r, &sk);
		if (control < 0) {
			report_controls(r);
			sleep_ms(50);
			continue;
		}
		target = seek_target(r, &sk);
		if (target >= -1) {
			r->at_end = false;
			return target;
		}
		report(r);
	}
	r->at_end = false;
	return -2;
}

/*
 * One pass over the capture.  Records up to `stop_at` are replayed without
 * pacing (the end of a backward seek).  A backward seek ends the pass with
 * PASS_RESTART and *restart_to set to the record to replay up to.
 *
 * Seeks are taken only at a play position, never while one is under way:
 * a control that arrives while the capture is being replayed up to a seek
 * target waits for that target, so it steps from there.
 */
static enum pass_outcome
replay_pass(struct replay *r, const struct provider_parser *parser,
    void *state, const char *path, long stop_at, long *restart_to, char **cause)
{
	struct capture_reader *cr;
	struct capture_record rec;
	struct pace pace = { 0, 0, 0 };
	struct replay_seek sk;
	double paced_from = -1, paced_to = -1;   /* the timeline a 1x pass waited on */
	int forward = 0, control, fwd_period = 0, rc = 0;
	size_t fwd_plays = 0;
	long target;

	cr = capture_read_open(path, cause);
	if (cr == NULL)
		return PASS_FAILED;
	r->record = -1;
	while (!feed_stopping(r->feed)) {
		/* damage ends the replay out loud: what follows it cannot be
		 * trusted, and the game up to it is not the recorded game */
		rc = capture_next(cr, &rec, cause);
		if (rc <= 0)
			break;
		r->record++;

		if (r->record <= stop_at || forward != 0) {
			report_controls(r);
		} else {
			enum turn turn = wait_turn(r, &rec, &pace);

			if (turn == TURN_STOP)
				break;
			if (pace.speed > 0) {
				paced_to = record_ms(r, &rec);
				if (paced_from < 0)
					paced_from = paced_to;
			}
			control = turn == TURN_CONTROL ? take_control(r, &sk) : -1;
			if (control == FEED_PLAY_FORWARD) {
				forward = 1;
				fwd_plays = r->nplays + (size_t)sk.count;
			} else if (control == FEED_PERIOD_FORWARD) {
				forward = 2;
				fwd_period = r->max_period + sk.count;
			} else if (control >= 0) {
				/* backwards, or to a moment: from the start again */
				target = seek_target(r, &sk);
				if (target >= -1) {
					capture_read_close(&cr);
					retract_all(r);
					*restart_to = target;
					return PASS_RESTART;
				}
			}
		}

		feed_mark_received(r->feed);
		r->changed = false;
		parser->message(state, rec.channel, rec.data, rec.len);
		if (r->until_error[0] != '\0') {
			rc = -1;
			break;
		}
		if (r->changed &&
		    cs_grow((void **)&r->play_records, &r->play_cap, r->nplays + 1, sizeof(long)) == 0)
			r->play_records[r->nplays++] = r->record;
		if (r->past_until)
			break;
		if ((forward == 1 && r->nplays >= fwd_plays) ||
		    (forward == 2 && r->max_period >= fwd_period) ||
		    r->record == stop_at) {
			/* a seek arrived: say so, and play on from here */
			forward = 0;
			pace.at_us = 0;
			report(r);
		}
	}
	capture_read_close(&cr);
	/* what the pace waited for, so that a test can hold a replay to it */
	if (paced_to > paced_from)
		log_msg("replay: paced %.0f ms of the capture's timeline at %gx",
		    paced_to - paced_from, pace.speed);
	if (rc == 0 && r->has_until && !r->reached_until && !feed_stopping(r->feed) &&
	    r->until_error[0] == '\0')
		snprintf(r->until_error, sizeof r->until_error,
		    "--until: the game never gets there (the capture ends first)");
	if (r->until_error[0] != '\0') {
		cs_set_cause(cause, "%s", r->until_error);
		return PASS_FAILED;
	}
	if (rc < 0)
		return PASS_FAILED;
	if (feed_config(r->feed)->replay_hold && !feed_stopping(r->feed)) {
		feed_caught_up(r->feed);
		target = hold_at_end(r);
		if (target >= -1) {
			retract_all(r);
			r->past_until = false;
			*restart_to = target;
			return PASS_RESTART;
		}
	}
	return PASS_DONE;
}

static int
replay_run(struct feed *feed, char **cause)
{
	const struct feed_config *cfg = feed_config(feed);
	const struct provider_parser *parser;
	struct capture_reader *cr;
	struct replay *r;
	struct cs_sink sink;
	void *state;
	long stop_at = -1;
	enum pass_outcome outcome = PASS_FAILED;

	if (replay_capture_open(cfg->replay_path, &cr, &parser, cause) < 0)
		return -1;
	capture_read_close(&cr);

	r = calloc(1, sizeof *r);
	if (r == NULL)
		return -1;
	r->feed = feed;
	r->out = feed_sink(feed);
	r->parser = parser;
	r->path = cfg->replay_path;
	r->speed = cfg->speed > REPLAY_MAX_SPEED ? REPLAY_MAX_SPEED : cfg->speed;
	r->to_the_end = cfg->once && cfg->speed <= 0 && !cfg->replay_hold;
	pthread_mutex_init(&r->lock, NULL);
	/* settings.c checked the form; the game decides whether it has it */
	if (cfg->until != NULL && cs_game_point_parse(cfg->until, &r->until) == 0)
		r->has_until = true;
	memset(&sink, 0, sizeof sink);
	sink.ctx = r;
	sink.event = on_event;
	sink.delete_event = on_delete;
	sink.game = on_game;
	sink.clock = on_clock;
	sink.published = on_published;
	sink.warning = on_warning;
	sink.possession = on_possession;
	sink.video = on_video;
	sink.presence = on_presence;
	sink.lineup_at = on_lineup_at;
	sink.sensor = on_sensor;

	/* From here feed_control() reaches this run (replay_control). */
	feed_set_provider_data(feed, r);

	report(r);
	if (r->to_the_end)
		feed_batch(feed, true);
	for (;;) {
		state = parser->create(&sink);
		if (state == NULL)
			break;
		outcome = replay_pass(r, parser, state, cfg->replay_path, stop_at,
		    &stop_at, cause);
		parser->destroy(state);
		if (outcome != PASS_RESTART)
			break;
		if (stop_at < 0)
			report(r);   /* back before the first record: already there */
	}
	if (outcome == PASS_DONE)
		feed_caught_up(feed);

	feed_set_provider_data(feed, NULL);
	pthread_mutex_destroy(&r->lock);
	free(r->game_ms);
	free(r->play_records);
	free(r->period_records);
	free(r->ids);
	free(r->lines.v);
	free(r);
	return outcome == PASS_DONE ? 0 : -1;
}

/* The UI thread, through feed_control() with the feed's wake lock held:
 * the run cannot drop its provider data (and free `r`) meanwhile. */
static void
replay_control(struct feed *feed, enum feed_control c)
{
	struct replay *r = feed_provider_data(feed);

	if (r == NULL)
		return;
	pthread_mutex_lock(&r->lock);
	switch (c) {
	case FEED_PAUSE_TOGGLE:
		r->paused = !r->paused;
		r->asked++;
		break;
	case FEED_FASTER:
		/* max stays max; below 1x it doubles too */
		if (r->speed > 0)
			r->speed = r->speed * 2 > REPLAY_MAX_SPEED ? REPLAY_MAX_SPEED : r->speed * 2;
		r->asked++;
		break;
	case FEED_SLOWER:
		/* from max to the top speed; never below 1x by halving, and a
		 * --speed under 1x stays where it is */
		if (r->speed <= 0)
			r->speed = REPLAY_MAX_SPEED;
		else if (r->speed > 1)
			r->speed = r->speed / 2 < 1 ? 1 : r->speed / 2;
		r->asked++;
		break;
	case FEED_PLAY_BACK:
	case FEED_PLAY_FORWARD:
	case FEED_PERIOD_BACK:
	case FEED_PERIOD_FORWARD:
		/* in order; repeated presses before the seek starts add up */
		if (r->nseeks > 0 && r->seeks[r->nseeks - 1].control == c) {
			if (r->seeks[r->nseeks - 1].count < REPLAY_MAX_PRESSES)
				r->seeks[r->nseeks - 1].count++;
		} else if (r->nseeks < REPLAY_SEEKS_MAX) {
			r->seeks[r->nseeks].control = c;
			r->seeks[r->nseeks].count = 1;
			r->nseeks++;
		}
		break;
	case FEED_SEEK_CLOCK:
		break;   /* replay_seek's, with its moment */
	}
	pthread_mutex_unlock(&r->lock);
	/* The feed thread notices within 50 ms and sends a status. */
}

/* The UI thread, through feed_seek(), as replay_control. */
static void
replay_seek(struct feed *feed, int period_sequence, int clock)
{
	struct replay *r = feed_provider_data(feed);

	if (r == NULL)
		return;
	pthread_mutex_lock(&r->lock);
	if (r->nseeks < REPLAY_SEEKS_MAX) {
		r->seeks[r->nseeks].control = FEED_SEEK_CLOCK;
		r->seeks[r->nseeks].count = 1;
		r->seeks[r->nseeks].period = period_sequence;
		r->seeks[r->nseeks].clock = clock;
		r->nseeks++;
	}
	pthread_mutex_unlock(&r->lock);
}

const struct provider provider_replay = {
	.name = "replay",
	.id = CS_PROVIDER_NONE,
	.run = replay_run,
	.wake = NULL,
	.control = replay_control,
	.seek = replay_seek,
	.parser = NULL,
};
