/*
 * Replaying a capture (--replay): the recorded messages go through the
 * provider's own parsers (providers/parser.h) at --speed, with pause, speed
 * changes and seeking driven from the UI thread.
 */
#ifndef CS_REPLAY_H
#define CS_REPLAY_H

#include "net/feed.h"

/*
 * A "play" is a capture record that delivered an event.  The start of a
 * period is just after the record that delivered its first event, so the
 * model already shows the new period there.
 */
enum replay_control {
	REPLAY_PAUSE_TOGGLE,    /* also at max speed */
	REPLAY_FASTER,          /* doubles the speed, up to 64x; max stays max */
	REPLAY_SLOWER,          /* halves it, down to 1x; from max to 64x */
	REPLAY_PLAY_BACK,       /* seek one play back (re-derives from the start) */
	REPLAY_PLAY_FORWARD,
	REPLAY_PERIOD_BACK,     /* to the start of this period, or the previous one */
	REPLAY_PERIOD_FORWARD,  /* to the start of the next period */
};

/*
 * Called from the UI thread; ignored when the feed is not a replay (or
 * no longer runs).  Seeks keep the pause: a paused replay stays paused.
 * Every control is acknowledged by a FEED_MSG_STATUS (FEED_PAUSED or
 * FEED_REPLAY, message "replay 8x" or "replay max") once it has taken
 * effect, queued after everything the seek delivered.  Seeks run in the
 * order asked, each from where the one before landed; repeats of one seek
 * made before it starts add up and are acknowledged once.
 */
void replay_control(struct feed *feed, enum replay_control c);

#endif
