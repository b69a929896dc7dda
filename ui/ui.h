/*
 * The terminal UI: the only code that calls curses, on the UI thread.
 * It sleeps in poll() on the terminal, the feed's wake-up descriptor and a
 * SIGWINCH self-pipe; drains the feed into the model; redraws what changed.
 *
 * Inside ui/, from the top down: ui.c (the loop), keys.c (keys to
 * requests), screen.c (the frame and its windows), one pane_*.c per pane
 * (pane.h: tig's views), and the leaf modules the panes share: keymap,
 * scroll, filter, label, layout, court, text, theme.
 */
#ifndef CS_UI_H
#define CS_UI_H

#include "model/game.h"
#include "net/feed.h"
#include "session.h"
#include "ui/options.h"

/* Runs until the user quits (or duration ends).  `feed` may be NULL (a
 * static model, as in tests).  Returns 0, or -1 with *cause (malloc'd). */
int ui_run(const struct ui_options *opt, struct game *g, struct feed *feed,
    char **cause);
/* The same over several game sessions (not owned), the first on screen;
 * each session's feed is drained into its own model. */
int ui_run_sessions(const struct ui_options *opt, struct session **v, size_t n,
    char **cause);

#endif
