/*
 * Scrolling (see scroll.h): the keys every long pane shares, and their
 * help.
 */
#include "config.h"

#include <curses.h>
#include <stddef.h>

#include "ui/scroll.h"
#include "ui/text.h"
#include "ui/theme.h"

static const struct ui_key_help scroll_keys[] = {
	{ "j k  Down Up", "one line" },
	{ "PgDn PgUp  Ctrl-F Ctrl-B", "one page" },
	{ "g G  Home End", "top / bottom" },
	{ NULL, NULL }
};

const struct ui_help_section ui_scroll_help[] = {
	{ "Moving in box score, plays, lineups, help", scroll_keys },
	{ NULL, NULL }
};

void
ui_scroll_clamp(struct ui_scroll *sc, int nrows, int page)
{
	if (page < 1)
		page = 1;
	if (sc->cursor >= nrows)
		sc->cursor = nrows - 1;
	if (sc->cursor < 0)
		sc->cursor = 0;
	if (sc->cursor < sc->top)
		sc->top = sc->cursor;
	if (sc->cursor >= sc->top + page)
		sc->top = sc->cursor - page + 1;
	if (sc->top > nrows - page)
		sc->top = nrows - page;
	if (sc->top < 0)
		sc->top = 0;
}

int
ui_scroll_key(struct ui_scroll *sc, int key, int nrows, int page, bool view)
{
	int *pos = view ? &sc->top : &sc->cursor;

	if (page < 1)
		page = 1;
	switch (key) {
	case 'j':
	case KEY_DOWN:
		(*pos)++;
		break;
	case 'k':
	case KEY_UP:
		(*pos)--;
		break;
	case KEY_NPAGE:
	case UI_KEY_CTRL('f'):
		sc->top += page;
		sc->cursor += page;
		break;
	case KEY_PPAGE:
	case UI_KEY_CTRL('b'):
		sc->top -= page;
		sc->cursor -= page;
		break;
	case 'g':
	case KEY_HOME:
		sc->top = sc->cursor = 0;
		break;
	case 'G':
	case KEY_END:
		sc->cursor = nrows - 1;
		sc->top = nrows - page;
		break;
	default:
		return UI_UNHANDLED;
	}
	if (view) {
		if (sc->top > nrows - page)
			sc->top = nrows - page;
		if (sc->top < 0)
			sc->top = 0;
		sc->cursor = sc->top;
		return UI_HANDLED | UI_REDRAW;
	}
	ui_scroll_clamp(sc, nrows, page);
	return UI_HANDLED | UI_REDRAW;
}

void
ui_scroll_more_below(const struct ui_scroll *sc, const struct ui_theme *theme, WINDOW *w,
    int h, int width, int nrows, const char *also)
{
	int page = h - 1;

	if (page < 3 || sc->top + page >= nrows)
		return;
	ui_fill(w, page, 0, width, A_NORMAL);
	ui_textf(w, page, 1, width - 2, ui_attr(theme, UI_C_DIM), "%s %d more below (j)%s",
	    ui_glyph(theme, UI_G_DOWN), nrows - (sc->top + page - 1), also);
}
