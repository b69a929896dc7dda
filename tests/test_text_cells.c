/*
 * ui_text() writes printable ASCII into the window's cells itself
 * (ui/text.c, put_ascii); the cells must be the ones curses' own
 * waddnstr() makes: character, attribute and colour pair; and over a
 * double-width character cut in two, what wadd_wchnstr() of the same
 * cells leaves (the other half blanked), as ui_text did before.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "ui/text.h"

#define W 40

/* Row y of `w` as characters, attributes and pairs. */
static void
cells(WINDOW *w, int y, wchar_t *ch, attr_t *attr, short *pair)
{
	wchar_t wch[CCHARW_MAX + 1];
	cchar_t cc;
	int x;

	for (x = 0; x < W; x++) {
		ch[x] = L'?';
		attr[x] = 0;
		pair[x] = -1;
		if (mvwin_wch(w, y, x, &cc) == OK &&
		    getcchar(&cc, wch, &attr[x], &pair[x], NULL) != ERR)
			ch[x] = wch[0];
	}
}

/* The same row of `a` (ui_text) and `b` (curses): the first column that
 * differs, or -1. */
static int
differs(WINDOW *a, WINDOW *b, int y)
{
	wchar_t c1[W], c2[W];
	attr_t a1[W], a2[W];
	short p1[W], p2[W];
	int x;

	cells(a, y, c1, a1, p1);
	cells(b, y, c2, a2, p2);
	for (x = 0; x < W; x++)
		if (c1[x] != c2[x] || a1[x] != a2[x] || p1[x] != p2[x]) {
			printf("# col %d: ui_text %lc %#lx %d, curses %lc %#lx %d\n", x,
			    (wint_t)c1[x], (unsigned long)a1[x], p1[x], (wint_t)c2[x],
			    (unsigned long)a2[x], p2[x]);
			return x;
		}
	return -1;
}

/* `s` at (y, x) in `width` columns with `attr`: ui_text in one window,
 * wattrset + waddnstr in the other. */
static void
both(WINDOW *a, WINDOW *b, int y, int x, int width, attr_t attr, const char *s)
{
	ui_text(a, y, x, width, attr, s);
	wattrset(b, attr);
	mvwaddnstr(b, y, x, s, width);
	wattrset(b, A_NORMAL);
}

/* ASCII `s` with `attr`: ui_text in one window, wadd_wchnstr() of the
 * same cells in the other. */
static void
both_cells(WINDOW *a, WINDOW *b, int y, int x, attr_t attr, const char *s)
{
	cchar_t cc[W];
	wchar_t wc[2] = { 0, 0 };
	int i, n = (int)strlen(s);

	ui_text(a, y, x, n, attr, s);
	for (i = 0; i < n && i < W; i++) {
		wc[0] = (wchar_t)(unsigned char)s[i];
		setcchar(&cc[i], wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	}
	mvwadd_wchnstr(b, y, x, cc, i);
}

int
main(void)
{
	static const attr_t attrs[] = { A_NORMAL, A_BOLD, A_DIM, A_BOLD | A_UNDERLINE,
		A_REVERSE };
	WINDOW *a, *b;
	SCREEN *scr;
	FILE *out, *in;
	size_t i;
	int p, bad = 0;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	out = tmpfile();
	in = fopen("/dev/null", "r");
	if (!ok(out != NULL && in != NULL, "a terminal in a file"))
		return tap_done();
	scr = newterm("xterm-256color", out, in);
	if (!ok(scr != NULL, "newterm(xterm-256color)"))
		return tap_done();
	set_term(scr);
	start_color();
	use_default_colors();
	for (p = 1; p <= 9; p++)
		init_pair((short)p, (short)(p % 8), -1);
	a = newwin(4, W, 0, 0);
	b = newwin(4, W, 4, 0);
	if (!ok(a != NULL && b != NULL, "two windows"))
		return tap_done();

	for (i = 0; i < sizeof attrs / sizeof attrs[0] && bad == 0; i++)
		for (p = 0; p <= 9 && bad == 0; p++) {
			both(a, b, 0, 3, 30, attrs[i] | COLOR_PAIR(p), "Jalen Brunson 12 3-7");
			both(a, b, 0, 30, 3, attrs[i] | COLOR_PAIR(p), "+11");
			bad += differs(a, b, 0) >= 0;
		}
	ok(bad == 0,
	    "ASCII: the characters, attributes and pairs of waddnstr() (5 attributes x 10 pairs)");

	/* a double-width character cut by ASCII on either side */
	both(a, b, 1, 2, 20, A_NORMAL, "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97");
	both_cells(a, b, 1, 3, A_BOLD, "ab12");
	ok(differs(a, b, 1) < 0, "over double-width characters: their halves blanked as curses does");
	both(a, b, 2, 0, 20, A_NORMAL, "\xe6\xbc\xa2\xe5\xad\x97 Name");
	both_cells(a, b, 2, 1, A_NORMAL, "x");
	both_cells(a, b, 2, 3, A_NORMAL, "yz");
	ok(differs(a, b, 2) < 0, "one and two cells over double-width characters");
	both(a, b, 3, 0, 30, COLOR_PAIR(3), "plain after wide  ");
	ok(differs(a, b, 3) < 0, "ASCII after a double-width character was drawn");

	delwin(a);
	delwin(b);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	return tap_done();
}
