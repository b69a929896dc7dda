/*
 * The replay provider: reads a capture and hands each recorded message to
 * the recorded provider's parsers, paced by the receive times.
 *
 * Seeking backwards deletes every event the replay has delivered and plays
 * the capture again from the start, as fast as possible, up to the target:
 * the model re-derives from scratch, so a seek can never leave stale state.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "net/capture.h"
#include "providers/parser.h"
#include "providers/replay.h"
#include "settings.h"

#define REPLAY_MAX_SPEED 64.0

/* One replay run.  The control fields are shared with the UI thread. */
struct replay {
	struct feed *feed;
	struct cs_sink out;        /* the feed's sink */

	pthread_mutex_t lock;      /* guards the control fields below */
	bool paused;
	double speed;              /* 0 = as fast as possible */
	int pending_seek;          /* enum replay_control + 1, 0 none */

	/* Where we are, in records and plays (feed thread only). */
	long record;               /* index of the record being processed */
	long *play_records;        /* record index of each record that upserted */
	size_t nplays, play_cap;
	long *period_records;      /* record index where each new period began */
	size_t nperiods, period_cap;
	int max_period;
	bool upserted;             /* the current record delivered an event */

	/* Everything delivered, so a backward seek can take it all back. */
	char (*ids)[CS_ID_MAX];
	size_t nids, ids_cap;

	bool has_until;
	int until_period, until_clock;
	bool past_until;
};

/* The replay of the running feed, for replay_control (one replay per process). */
static pthread_mutex_t current_lock = PTHREAD_MUTEX_INITIALIZER;
static struct replay *current;

static int
grow(void **arr, size_t *cap, size_t need, size_t size)
{
	void *n;
	size_t c;

	if (need <= *cap)
		return 0;
	c = *cap ? *cap * 2 : 256;
	while (c < need)
		c *= 2;
	n = realloc(*arr, c * size);
	if (n == NULL)
		return -1;
	*arr = n;
	*cap = c;
	return 0;
}

static void
remember_id(struct replay *r, const char *id)
{
	size_t i;

	/* Linear from the end: re-sends of recent plays are the common case. */
	for (i = r->nids; i > 0; i--)
		if (strcmp(r->ids[i - 1], id) == 0)
			return;
	if (grow((void **)&r->ids, &r->ids_cap, r->nids + 1, sizeof *r->ids) < 0)
		return;
	cs_strlcpy(r->ids[r->nids++], id, CS_ID_MAX);
}

/* Is (period, clock) past --until?  The clock runs down within a period. */
static bool
past_until(const struct replay *r, int period, int clock)
{
	if (!r->has_until)
		return false;
	if (period != r->until_period)
		return period > r->until_period;
	return clock != CS_NO_CLOCK && clock < r->until_clock;
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	struct replay *r = ctx;

	if (past_until(r, ev->period.sequence, ev->clock)) {
		r->past_until = true;
		return;
	}
	if (ev->period.sequence > r->max_period) {
		r->max_period = ev->period.sequence;
		if (grow((void **)&r->period_records, &r->period_cap, r->nperiods + 1,
		    sizeof *r->period_records) == 0)
			r->period_records[r->nperiods++] = r->record;
	}
	remember_id(r, ev->id);
	r->upserted = true;
	if (r->out.event != NULL)
		r->out.event(r->out.ctx, ev);
}

static void
on_delete(void *ctx, const char *id)
{
	struct replay *r = ctx;

	if (!r->past_until && r->out.delete_event != NULL)
		r->out.delete_event(r->out.ctx, id);
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	struct replay *r = ctx;

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

	if (!r->past_until && r->out.published != NULL)
		r->out.published(r->out.ctx, st);
}

static void
on_warning(void *ctx, const char *msg)
{
	struct replay *r = ctx;

	if (r->out.warning != NULL)
		r->out.warning(r->out.ctx, msg);
}

static void
set_status(struct replay *r)
{
	char msg[64];
	bool paused;
	double speed;

	pthread_mutex_lock(&r->lock);
	paused = r->paused;
	speed = r->speed;
	pthread_mutex_unlock(&r->lock);
	if (speed > 0)
		snprintf(msg, sizeof msg, "replay %gx", speed);
	else
		snprintf(msg, sizeof msg, "replay max");
	feed_set_status(r->feed, paused ? FEED_PAUSED : FEED_REPLAY, 0, msg);
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Takes back everything delivered (a backward seek). */
static void
retract_all(struct replay *r)
{
	size_t i;

	for (i = 0; i < r->nids; i++)
		if (r->out.delete_event != NULL)
			r->out.delete_event(r->out.ctx, r->ids[i]);
	r->nids = 0;
	r->nplays = 0;
	r->nperiods = 0;
	r->max_period = 0;
}

/* The record index to replay up to (inclusive) for a backward seek, or -1
 * for a forward seek (handled while reading). */
static long
seek_target(struct replay *r, int control)
{
	size_t k;

	switch (control) {
	case REPLAY_PLAY_BACK:
		return r->nplays >= 2 ? r->play_records[r->nplays - 2] : -1;
	case REPLAY_PERIOD_BACK:
		if (r->nperiods == 0)
			return -1;
		/* the start of this period; if we are right at it, the previous one */
		k = r->nperiods - 1;
		if (r->nplays > 0 && r->play_records[r->nplays - 1] == r->period_records[k] && k > 0)
			k--;
		return r->period_records[k] - 1;
	default:
		return -2;
	}
}

enum pass_outcome { PASS_DONE, PASS_FAILED, PASS_RESTART };

/*
 * One pass over the capture.  Records up to `stop_at` are replayed without
 * pacing (the end of a backward seek).  A backward seek ends the pass with
 * PASS_RESTART and *restart_to set to the record to replay up to.
 */
static enum pass_outcome
replay_pass(struct replay *r, const struct provider_parser *parser,
    void *state, const char *path, long stop_at, long *restart_to, char **cause)
{
	int forward = 0;
	bool last_paused = false;
	double last_speed = r->speed;
	struct capture_reader *cr;
	struct capture_record rec;
	char *warning = NULL;
	int64_t anchor_us = 0, anchor_ms = 0;
	double speed;
	int control, fwd_from_plays = 0, fwd_from_period = 0;
	bool paused;

	cr = capture_read_open(path, cause);
	if (cr == NULL)
		return PASS_FAILED;
	r->record = -1;
	while (!feed_stopping(r->feed)) {
		int rc = capture_next(cr, &rec, &warning);

		if (warning != NULL) {
			on_warning(r, warning);
			log_msg("%s", warning);
			free(warning);
			warning = NULL;
		}
		if (rc <= 0)
			break;
		r->record++;

		/* Pace by receive time unless seeking or at max speed. */
		pthread_mutex_lock(&r->lock);
		speed = r->speed;
		pthread_mutex_unlock(&r->lock);
		if (r->record > stop_at && forward == 0 && speed > 0) {
			if (anchor_us == 0) {
				anchor_us = cs_now_us();
				anchor_ms = rec.t_ms;
			}
			for (;;) {
				int64_t due = anchor_us + (int64_t)((double)(rec.t_ms - anchor_ms) * 1000.0 / speed);
				int64_t now = cs_now_us();

				pthread_mutex_lock(&r->lock);
				paused = r->paused;
				control = r->pending_seek;
				if (speed != r->speed) {
					/* re-anchor so the new speed applies from now */
					speed = r->speed;
					anchor_us = now;
					anchor_ms = rec.t_ms;
				}
				pthread_mutex_unlock(&r->lock);
				if (paused != last_paused || speed != last_speed) {
					last_paused = paused;
					last_speed = speed;
					set_status(r);
				}
				if (feed_stopping(r->feed) || control != 0)
					break;
				if (paused) {
					anchor_us = 0;
					sleep_ms(50);
					continue;
				}
				if (anchor_us == 0) {
					anchor_us = now;
					anchor_ms = rec.t_ms;
				}
				if (now >= due || speed <= 0)
					break;
				sleep_ms((long)((due - now) / 1000 > 50 ? 50 : (due - now) / 1000 + 1));
			}
		}

		pthread_mutex_lock(&r->lock);
		control = r->pending_seek;
		r->pending_seek = 0;
		pthread_mutex_unlock(&r->lock);
		if (control != 0) {
			control--;
			if (control == REPLAY_PLAY_FORWARD) {
				forward = 1;
				fwd_from_plays = (int)r->nplays;
			} else if (control == REPLAY_PERIOD_FORWARD) {
				forward = 2;
				fwd_from_period = r->max_period;
			} else {
				long target = seek_target(r, control);
				if (target >= -1) {
					capture_read_close(&cr);
					retract_all(r);
					*restart_to = target;
					return PASS_RESTART;
				}
			}
			anchor_us = 0;
		}

		feed_mark_received(r->feed);
		r->upserted = false;
		parser->message(state, rec.channel, rec.data, rec.len);
		if (r->upserted &&
		    grow((void **)&r->play_records, &r->play_cap, r->nplays + 1, sizeof(long)) == 0)
			r->play_records[r->nplays++] = r->record;
		if (r->past_until)
			break;
		if ((forward == 1 && (int)r->nplays > fwd_from_plays) ||
		    (forward == 2 && r->max_period > fwd_from_period)) {
			forward = 0;
			anchor_us = 0;
		}
		if (r->record == stop_at)
			anchor_us = 0;
	}
	capture_read_close(&cr);
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

	cr = capture_read_open(cfg->replay_path, cause);
	if (cr == NULL)
		return -1;
	parser = provider_parser_for(capture_provider(cr));
	capture_read_close(&cr);
	if (parser == NULL) {
		if (asprintf(cause, "the capture's provider cannot be replayed") < 0)
			*cause = NULL;
		return -1;
	}

	r = calloc(1, sizeof *r);
	if (r == NULL)
		return -1;
	r->feed = feed;
	r->out = feed_sink(feed);
	r->speed = cfg->speed > REPLAY_MAX_SPEED ? REPLAY_MAX_SPEED : cfg->speed;
	pthread_mutex_init(&r->lock, NULL);
	if (cfg->until != NULL &&
	    settings_parse_until(cfg->until, &r->until_period, &r->until_clock) == 0)
		r->has_until = true;
	memset(&sink, 0, sizeof sink);
	sink.ctx = r;
	sink.event = on_event;
	sink.delete_event = on_delete;
	sink.game = on_game;
	sink.clock = on_clock;
	sink.published = on_published;
	sink.warning = on_warning;

	pthread_mutex_lock(&current_lock);
	current = r;
	pthread_mutex_unlock(&current_lock);

	set_status(r);
	for (;;) {
		state = parser->create(&sink);
		if (state == NULL)
			break;
		outcome = replay_pass(r, parser, state, cfg->replay_path, stop_at,
		    &stop_at, cause);
		parser->destroy(state);
		if (outcome != PASS_RESTART)
			break;
	}
	if (outcome == PASS_DONE)
		feed_caught_up(feed);

	pthread_mutex_lock(&current_lock);
	current = NULL;
	pthread_mutex_unlock(&current_lock);
	pthread_mutex_destroy(&r->lock);
	free(r->play_records);
	free(r->period_records);
	free(r->ids);
	free(r);
	return outcome == PASS_DONE ? 0 : -1;
}

void
replay_control(struct feed *feed, enum replay_control c)
{
	struct replay *r;

	pthread_mutex_lock(&current_lock);
	r = current;
	if (r == NULL || r->feed != feed) {
		pthread_mutex_unlock(&current_lock);
		return;
	}
	pthread_mutex_lock(&r->lock);
	switch (c) {
	case REPLAY_PAUSE_TOGGLE:
		r->paused = !r->paused;
		break;
	case REPLAY_FASTER:
		r->speed = r->speed <= 0 ? 0 : r->speed * 2 > REPLAY_MAX_SPEED ? REPLAY_MAX_SPEED : r->speed * 2;
		break;
	case REPLAY_SLOWER:
		r->speed = r->speed <= 0 ? REPLAY_MAX_SPEED : r->speed / 2 < 1 ? 1 : r->speed / 2;
		break;
	default:
		r->pending_seek = (int)c + 1;
		break;
	}
	pthread_mutex_unlock(&r->lock);
	pthread_mutex_unlock(&current_lock);
	/* The feed thread notices within 50 ms and sends the new status. */
}

const struct provider provider_replay = {
	.name = "replay",
	.run = replay_run,
	.wake = NULL,
};

const struct provider_parser *
provider_parser_for(enum cs_provider p)
{
	switch (p) {
	case CS_PROVIDER_SHOTTRACKER:
		return &shottracker_parser;
	case CS_PROVIDER_SPORTRADAR:
		return &sportradar_parser;
	default:
		return NULL;
	}
}
