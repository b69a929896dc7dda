/*
 * Where the panes go, as a pure function of the terminal size, the zoom
 * flag and the focus history (product.md §4):
 *
 *   >= 160x45  FULL    box over lineups or team | shots over plays
 *   >= 120x35  TWO     box, lineups or team | shots over plays
 *   >= 120 wide SIDE   box, lineups or team | plays or shots
 *   >= 36 high STACK   box, lineups or team over plays or shots
 *   >= 60x16   SINGLE  one pane; 1-5 or Tab switch
 *    smaller   the "terminal too small" message
 *
 * A slot that holds one of several panes shows the one focused most
 * recently.  Help and zoom take the whole area under the header.
 */
#include "config.h"

#include <string.h>

#include "ui/court.h"
#include "ui/layout.h"

/* Panes a slot may show, as bit masks. */
#define BIT(p) (1u << (p))
#define SLOT_LEFT (BIT(UI_PANE_BOX) | BIT(UI_PANE_LINEUPS) | BIT(UI_PANE_TEAM) | \
    BIT(UI_PANE_POSSESSIONS))
/* the full layout's strip under the box: lineups, the team's compact form
 * or the possessions, whichever was focused last */
#define SLOT_UNDER_BOX (BIT(UI_PANE_LINEUPS) | BIT(UI_PANE_TEAM) | BIT(UI_PANE_POSSESSIONS))
#define SLOT_RIGHT (BIT(UI_PANE_PBP) | BIT(UI_PANE_SHOTS))
#define SLOT_ANY (SLOT_LEFT | SLOT_RIGHT)

static struct ui_rect
rect(int y, int x, int h, int w)
{
	struct ui_rect r = { y, x, h, w };

	return r;
}

/* The most recently focused pane this slot may show. */
static int
slot_pick(unsigned mask, const int mru[UI_PANES])
{
	int i;

	for (i = 0; i < UI_PANES; i++)
		if (mru[i] >= 0 && mru[i] < UI_PANES && (mask & BIT(mru[i])))
			return mru[i];
	/* a broken history: the slot's first pane */
	for (i = 0; i < UI_PANES; i++)
		if (mask & BIT(i))
			return i;
	return UI_PANE_BOX;
}

static int
clamp(int v, int lo, int hi)
{
	if (v > hi)
		v = hi;
	if (v < lo)
		v = lo;
	return v;
}

/* Height of the shot chart pane for a column `w` wide: the full court fit
 * to the width, its title bar and two legend rows. */
static int
shots_height(int w, int body_h)
{
	int cols, rows;

	court_fit(false, w, body_h, &cols, &rows);
	return clamp(rows + 3, 8, body_h / 2 + 2);
}

void
ui_layout_compute(struct ui_layout *lo, int cols, int lines, bool zoom,
    const int mru[UI_PANES])
{
	int focus = mru[0], bh, by, lw, rw, h1, p;

	memset(lo, 0, sizeof *lo);
	lo->cols = cols;
	lo->lines = lines;
	if (cols < UI_MIN_COLS || lines < UI_MIN_LINES) {
		lo->tier = UI_TIER_TOO_SMALL;
		return;
	}
	lo->header = rect(0, 0, UI_HEADER_LINES, cols);
	by = UI_HEADER_LINES;
	bh = lines - UI_HEADER_LINES;

	if (cols >= 160 && lines >= 45)
		lo->tier = UI_TIER_FULL;
	else if (cols >= 120 && lines >= 35)
		lo->tier = UI_TIER_TWO;
	else if (cols >= 120)
		lo->tier = UI_TIER_SIDE;
	else if (lines >= 36)
		lo->tier = UI_TIER_STACK;
	else
		lo->tier = UI_TIER_SINGLE;

	if (focus < 0 || focus >= UI_PANES)
		focus = UI_PANE_BOX;
	if (zoom || focus == UI_PANE_HELP) {
		lo->pane[focus] = rect(by, 0, bh, cols);
		return;
	}

	switch (lo->tier) {
	case UI_TIER_FULL:
		/* the box score wants ~92 columns for every stat column */
		lw = clamp(cols * 55 / 100, 92, cols - 61);
		rw = cols - lw - 1;
		h1 = clamp(bh * 32 / 100, 12, 22);
		lo->pane[UI_PANE_BOX] = rect(by, 0, bh - h1, lw);
		lo->pane[slot_pick(SLOT_UNDER_BOX, mru)] = rect(by + bh - h1, 0, h1, lw);
		h1 = shots_height(rw, bh);
		lo->pane[UI_PANE_SHOTS] = rect(by, lw + 1, h1, rw);
		lo->pane[UI_PANE_PBP] = rect(by + h1, lw + 1, bh - h1, rw);
		break;
	case UI_TIER_TWO:
		lw = cols * 57 / 100;
		rw = cols - lw - 1;
		p = slot_pick(SLOT_LEFT, mru);
		lo->pane[p] = rect(by, 0, bh, lw);
		h1 = shots_height(rw, bh);
		lo->pane[UI_PANE_SHOTS] = rect(by, lw + 1, h1, rw);
		lo->pane[UI_PANE_PBP] = rect(by + h1, lw + 1, bh - h1, rw);
		break;
	case UI_TIER_SIDE:
		lw = cols * 55 / 100;
		rw = cols - lw - 1;
		lo->pane[slot_pick(SLOT_LEFT, mru)] = rect(by, 0, bh, lw);
		lo->pane[slot_pick(SLOT_RIGHT, mru)] = rect(by, lw + 1, bh, rw);
		break;
	case UI_TIER_STACK:
		h1 = bh / 2;
		lo->pane[slot_pick(SLOT_LEFT, mru)] = rect(by, 0, h1, cols);
		lo->pane[slot_pick(SLOT_RIGHT, mru)] = rect(by + h1, 0, bh - h1, cols);
		break;
	case UI_TIER_SINGLE:
	default:
		lo->pane[slot_pick(SLOT_ANY, mru)] = rect(by, 0, bh, cols);
		break;
	}
}

int
ui_pane_digit(int pane)
{
	return pane == UI_PANE_HELP ? '?' : '1' + pane;
}

bool
ui_layout_visible(const struct ui_layout *lo, int pane)
{
	return pane >= 0 && pane < UI_PANES && lo->pane[pane].h > 0;
}
