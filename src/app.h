/*
 * Applying what the feed delivers to the model: the one place where feed
 * messages become model changes, shared by the UI loop and headless runs.
 */
#ifndef CS_APP_H
#define CS_APP_H

#include <stdbool.h>
#include "model/game.h"
#include "net/feed.h"

#define APP_STAMPS_MAX 1024   /* live: a few per frame; a catch-up is not timed */

struct app_state {
	struct feed_status status;  /* the latest connection state */
	bool caught_up;
	bool ended;                 /* FEED_MSG_END seen */
	int64_t last_data_us;       /* monotonic time of the last data message */
	unsigned long warnings;
	unsigned long applied;
	/* The receive time (monotonic) of every event and delete drained and
	 * not yet on screen, one stamp each: the UI takes them after the
	 * doupdate() that shows them and so measures event -> screen for
	 * every event.  Past the cap a drain's stamps are only counted. */
	int64_t stamps[APP_STAMPS_MAX];
	size_t nstamps;
	unsigned long stamps_over;
	/* The latest answer to a CLIP (feed_clip), and a count of them: the
	 * UI shows each new one in its status row. */
	struct feed_clip_answer clip;
	unsigned clip_serial;
};

void app_state_init(struct app_state *st);
/* Whether the game's score is whole enough to show: false for a live
 * game that never caught up (its catch-up retried or failed: only the
 * lineups may have come), which the screen shows without a score. */
bool app_score_known(const struct app_state *st);
/* Applies one message; returns true when the model changed. */
bool app_apply(struct game *g, struct app_state *st, const struct feed_msg *m);
/* Drains the feed and applies everything queued; returns true on change. */
bool app_drain(struct game *g, struct app_state *st, struct feed *feed);
/* The same, calling at_caught_up(arg) right after the catch-up marker is
 * applied: what came after it in the same drain is live (the UI's bells
 * take the model there as the start of live). */
bool app_drain_marked(struct game *g, struct app_state *st, struct feed *feed,
    void (*at_caught_up)(void *), void *arg);

#endif
