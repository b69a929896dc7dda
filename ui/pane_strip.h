/*
 * The strip of games (issue 19): one row above the focused game with every
 * game followed in this window -- away and home with their scores, the
 * period and clock -- the focused one in reverse video, a marker on a game
 * that changed since it was last on screen.  `(` and `)` switch games.
 */
#ifndef CS_UI_PANE_STRIP_H
#define CS_UI_PANE_STRIP_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/game.h"

#define UI_STRIP_LINES 1

struct app_state;

struct ui_strip_game {
	const struct game *g;
	const struct app_state *st;   /* its feed's state; NULL: none */
	bool fresh;                /* changed since it was last focused */
};

/* Draws the strip into `w` (one row, `cols` wide), keeping the focused
 * game on it when all do not fit. */
void pane_strip_draw(WINDOW *w, const struct ui_strip_game *v, size_t n, size_t focus,
    int cols, bool ascii);

#endif
