/*
 * Replaying a capture (--replay): the recorded messages go through the
 * provider's own parsers (providers/parser.h) at --speed, with pause, speed
 * changes and seeking driven from the UI thread.
 */
#ifndef CS_REPLAY_H
#define CS_REPLAY_H

#include "net/feed.h"

enum replay_control {
	REPLAY_PAUSE_TOGGLE,
	REPLAY_FASTER,          /* doubles the speed, up to 64x */
	REPLAY_SLOWER,          /* halves it, down to 1x */
	REPLAY_PLAY_BACK,       /* seek one play back (re-derives from the start) */
	REPLAY_PLAY_FORWARD,
	REPLAY_PERIOD_BACK,     /* to the start of this period, or the previous one */
	REPLAY_PERIOD_FORWARD,
};

/* Called from the UI thread; ignored when the feed is not a replay. */
void replay_control(struct feed *feed, enum replay_control c);

#endif
