/*
 * The game picker (issue 19): started without --game, courtside shows the
 * day's games with their scores; arrows (or j/k) and Enter open one, `/`
 * searches a team, q leaves.  It knows no provider: main() hands it rows.
 *
 * ui_picker_* are pure curses on a given window (the screen tests drive
 * them); ui_pick() runs them on the terminal.  UI thread only.
 */
#ifndef CS_UI_PICKER_H
#define CS_UI_PICKER_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/options.h"

struct ui_pick_row {
	char id[64];
	char tipoff[8];            /* "19:30", local */
	char away[48], home[48];   /* "Magic (ORL)" */
	char status[24];
	char score[16];            /* "51-54" (away-home), "" before tip-off */
	bool scoreless;            /* the provider's schedule has no score: "n/a" */
};

enum ui_pick_result {
	UI_PICK_NONE = 0,          /* keep going */
	UI_PICK_CHOSEN,            /* *chosen is a row */
	UI_PICK_QUIT,
};

struct ui_picker;

/* The rows are copied; `title` names the day ("Sportradar, 2026-12-06"). */
struct ui_picker *ui_picker_new(const struct ui_pick_row *rows, size_t n,
    const char *title, bool ascii);
void ui_picker_free(struct ui_picker **p);
/* Draws the whole of `w`. */
void ui_picker_draw(struct ui_picker *p, WINDOW *w);
enum ui_pick_result ui_picker_key(struct ui_picker *p, int ch, size_t *chosen);

/* A refresh (the live scores): the rows become `rows`, the search and the
 * selection's game kept.  0, or -1 out of memory (the old rows stay). */
int ui_picker_update(struct ui_picker *p, const struct ui_pick_row *rows, size_t n);
/* A refresh failed: the scores on screen may be old, and the footer says
 * so ("scores not refreshed") until an update works. */
void ui_picker_refresh_failed(struct ui_picker *p);

/*
 * Where an open picker gets fresh rows: fetch runs on the picker's own
 * thread (never curses) every interval_ms, and returns 0 with *rows
 * (malloc'd, the picker frees them) and *n, or -1 (the rows on screen
 * stay, said to be not refreshed).  The UI thread sleeps in poll()
 * between keys and refreshes.
 */
struct ui_pick_source {
	int (*fetch)(void *ctx, struct ui_pick_row **rows, size_t *n);
	void *ctx;
	int interval_ms;
};

/* On the terminal until a game is chosen (its row index in the rows the
 * picker shows last, copied to *picked), or -1 when the user leaves (q,
 * Esc, a signal); -2 with *cause when the terminal fails.  `src` may be
 * NULL: no refresh.  No rows (n 0): the schedule could not be read yet;
 * the picker says so until a refresh brings it. */
int ui_pick(const struct ui_options *opt, const struct ui_pick_row *rows, size_t n,
    const char *title, const struct ui_pick_source *src, struct ui_pick_row *picked,
    char **cause);

#endif
