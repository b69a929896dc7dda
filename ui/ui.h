/*
 * The terminal UI: the only code that calls curses, on the UI thread.
 * It sleeps in poll() on the terminal, the feed's wake-up descriptor and a
 * SIGWINCH self-pipe; drains the feed into the model; redraws what changed.
 */
#ifndef CS_UI_H
#define CS_UI_H

#include <stdbool.h>
#include "model/game.h"
#include "net/feed.h"

enum ui_bell {
	UI_BELL_SCORE = 1 << 0,
	UI_BELL_FOUL_TROUBLE = 1 << 1,
	UI_BELL_LEAD_CHANGE = 1 << 2,
};

struct ui_options {
	bool ascii;          /* --ascii, or a non-UTF-8 locale */
	bool no_color;       /* --no-color or NO_COLOR set */
	bool title;          /* --title: the score in the terminal title */
	unsigned bell;       /* enum ui_bell mask */
	double duration;     /* --duration: quit after so many seconds; 0 = never */
	int64_t start_us;    /* cs_now_us() when main() began; 0 = unknown */
};

/* Runs until the user quits (or duration ends).  `feed` may be NULL (a
 * static model, as in tests).  Returns 0, or -1 with *cause (malloc'd). */
int ui_run(const struct ui_options *opt, struct game *g, struct feed *feed,
    char **cause);

#endif
