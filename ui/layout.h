/*
 * Where the panes go: a pure function of the terminal size, the zoom flag
 * and the focus history (product.md §4).  No curses.
 */
#ifndef CS_UI_LAYOUT_H
#define CS_UI_LAYOUT_H

#include <stdbool.h>

enum ui_pane_id {
	UI_PANE_BOX = 0,
	UI_PANE_PBP,
	UI_PANE_SHOTS,
	UI_PANE_LINEUPS,
	UI_PANE_TEAM,       /* key 5 */
	UI_PANE_POSSESSIONS,   /* key 6 */
	UI_PANE_HELP,
	UI_PANES
};

/* The key that shows a pane: 1-4 the data panes, 5 team, 6 possessions, ? help. */
int ui_pane_digit(int pane);

#define UI_MIN_COLS 60
#define UI_MIN_LINES 16
#define UI_HEADER_LINES 2

enum ui_tier {
	UI_TIER_TOO_SMALL = 0,
	UI_TIER_SINGLE,     /* one pane under the header (80x24) */
	UI_TIER_STACK,      /* two panes, one above the other */
	UI_TIER_SIDE,       /* two panes side by side (wide but short) */
	UI_TIER_TWO,        /* two columns: box|lineups, shots over plays (120x35) */
	UI_TIER_FULL,       /* every pane (160x45) */
};

struct ui_rect {
	int y, x, h, w;
};

struct ui_layout {
	enum ui_tier tier;
	int cols, lines;
	struct ui_rect header;
	struct ui_rect pane[UI_PANES];  /* h == 0: not shown */
};

/* `mru` lists every pane once, most recently focused first (mru[0] has the
 * focus).  Help and zoom take the whole area under the header. */
void ui_layout_compute(struct ui_layout *lo, int cols, int lines, bool zoom,
    const int mru[UI_PANES]);
bool ui_layout_visible(const struct ui_layout *lo, int pane);

#endif
