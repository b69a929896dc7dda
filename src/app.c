/* Feed messages -> model changes (see app.h). */
#include "config.h"

#include <string.h>

#include "app.h"
#include "log.h"
#include "model/presence.h"

void
app_state_init(struct app_state *st)
{
	memset(st, 0, sizeof *st);
	st->status.state = FEED_CONNECTING;
}

bool
app_score_known(const struct app_state *st)
{
	if (st == NULL || st->caught_up)
		return true;
	switch (st->status.state) {
	case FEED_CONNECTING:
	case FEED_CATCHING_UP:
	case FEED_RECONNECTING:
	case FEED_FAILED:
		return false;
	default:
		return true;
	}
}

/* The data's age counts from the last message received live: a REST
 * document's messages carry no receive time (0), and must not make the
 * header say "live" with no age for as long as the stream stays silent. */
static void
data_received(struct app_state *st, int64_t received_us)
{
	if (received_us != 0)
		st->last_data_us = received_us;
}

bool
app_apply(struct game *g, struct app_state *st, const struct feed_msg *m)
{
	switch (m->kind) {
	case FEED_MSG_EVENT:
		data_received(st, m->received_us);
		st->applied++;
		return game_upsert(g, &m->u.event) > 0;
	case FEED_MSG_DELETE:
		data_received(st, m->received_us);
		st->applied++;
		return game_delete(g, m->u.id) > 0;
	case FEED_MSG_GAME:
		game_set_info(g, &m->u.game);
		return true;
	case FEED_MSG_CLOCK:
		data_received(st, m->received_us);
		game_set_clock(g, &m->u.clock);
		return true;
	case FEED_MSG_POSSESSION:
		return game_set_possession(g, &m->u.possession) > 0;
	case FEED_MSG_VIDEO:
		return game_add_video(g, &m->u.video) > 0;
	case FEED_MSG_CLIP:
		st->clip = m->u.clip;
		st->clip_serial++;
		return true;
	case FEED_MSG_PRESENCE:
		return game_set_presence(g, &m->u.presence) > 0;
	case FEED_MSG_LINEUP_AT:
		return game_set_lineup_at(g, &m->u.lineup_at) > 0;
	case FEED_MSG_SENSOR:
		return game_add_sensor(g, &m->u.sensor) > 0;
	case FEED_MSG_POSSESSIONS_RESET:
		game_reset_possessions(g);
		return true;
	case FEED_MSG_PUBLISHED:
		game_set_published(g, &m->u.published);
		return true;
	case FEED_MSG_WARNING:
		st->warnings++;
		log_msg("%s", m->u.text);
		return false;
	case FEED_MSG_STATUS:
		/* a failed attempt, as the header counts it: the log keeps
		 * what the screen showed for a moment */
		if (m->u.status.state == FEED_CATCHING_UP && m->u.status.attempt > 0 &&
		    m->u.status.attempt != st->status.attempt)
			log_msg("status: catching up, retry %d: %s", m->u.status.attempt,
			    m->u.status.message);
		st->status = m->u.status;
		return true;
	case FEED_MSG_CAUGHT_UP:
		/* the game is as fresh as its catch-up */
		st->caught_up = true;
		data_received(st, m->received_us != 0 ? m->received_us : cs_now_us());
		return true;
	case FEED_MSG_END:
		st->status = m->u.status;
		st->ended = true;
		return true;
	}
	return false;
}

/* One event's receive time, until the frame showing it is written. */
static void
app_stamp(struct app_state *st, int64_t received_us)
{
	if (st->nstamps < APP_STAMPS_MAX)
		st->stamps[st->nstamps++] = received_us;
	else
		st->stamps_over++;
}

bool
app_drain(struct game *g, struct app_state *st, struct feed *feed)
{
	return app_drain_marked(g, st, feed, NULL, NULL);
}

bool
app_drain_marked(struct game *g, struct app_state *st, struct feed *feed,
    void (*at_caught_up)(void *), void *arg)
{
	struct feed_msg *list, *m;
	bool changed = false;

	list = feed_drain(feed);
	for (m = list; m != NULL; m = m->next) {
		bool applied = app_apply(g, st, m);

		/* Timed: live events only (a REST document's have received_us
		 * 0), and only those that change what is shown: a stream's
		 * resend of plays the catch-up already had never reaches the
		 * screen, so it has no latency to measure. */
		if ((m->kind == FEED_MSG_EVENT || m->kind == FEED_MSG_DELETE) &&
		    m->received_us != 0 && applied)
			app_stamp(st, m->received_us);
		changed |= applied;
		if (m->kind == FEED_MSG_CAUGHT_UP && at_caught_up != NULL)
			at_caught_up(arg);
	}
	feed_msg_free_list(&list);
	return changed;
}
