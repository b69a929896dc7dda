/*
 * The frame (see screen.h): one curses window per visible pane plus the
 * header, placed by ui_layout_compute().  Each frame first brings the
 * model up to date (game_refresh: a no-op when the loop did so after its
 * drain), then every pane reads it through a const pointer.  A pane is
 * redrawn only when the model's content generation (a clock frame does
 * not move it) or the UI state moved since it last drew (or its window is
 * new); each redrawn window is wnoutrefresh()ed and the frame ends with
 * one ui_update() (flush.h: what doupdate() does, for a sixth of its
 * CPU), so only the cells that differ are sent.  Nothing here calls
 * clear(): a full repaint happens on resize and on Ctrl-L only.
 *
 * This file does no I/O of its own and never touches the feed, so the
 * screen tests and the benchmark drive it directly on an in-memory
 * terminal.
 */
#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/label.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/screen.h"
#include "ui/text.h"

static const struct pane_ops *const panes[UI_PANES] = {
	[UI_PANE_BOX] = &pane_box_ops,
	[UI_PANE_PBP] = &pane_pbp_ops,
	[UI_PANE_SHOTS] = &pane_shots_ops,
	[UI_PANE_LINEUPS] = &pane_lineups_ops,
	[UI_PANE_TEAM] = &pane_team_ops,
	[UI_PANE_POSSESSIONS] = &pane_possessions_ops,
	[UI_PANE_HELP] = &pane_help_ops,
};

static const struct pane_ops *
ui_pane_ops(int pane)
{
	return pane >= 0 && pane < UI_PANES ? panes[pane] : NULL;
}

void *
ui_pane_state(struct ui *ui, int pane)
{
	return pane >= 0 && pane < UI_PANES ? ui->state[pane] : NULL;
}

/* What pane `pane` sees (-1: the header). */
static void
fill_ctx(struct ui *ui, int pane, struct pane_ctx *c)
{
	memset(c, 0, sizeof *c);
	c->g = ui->g;
	c->theme = &ui->theme;
	c->filter = &ui->filter;
	c->st = ui->st;
	c->now_us = ui->now_us;
	c->focus = ui_focused(ui);
	c->focused = pane == c->focus;
	c->rows = pane >= 0 && pane < UI_PANES ? ui->layout.pane[pane].h : UI_HEADER_LINES;
	c->cols = ui->cols;
	c->layout = &ui->layout;
	c->panes = panes;
	c->message = ui->message;
	c->message_size = sizeof ui->message;
}

int
ui_pane_key(struct ui *ui, int pane, int key)
{
	const struct pane_ops *ops = ui_pane_ops(pane);
	unsigned filter = ui->filter.serial;
	struct pane_ctx c;
	int fl;

	if (ops == NULL || ops->key == NULL)
		return UI_UNHANDLED;
	fill_ctx(ui, pane, &c);
	fl = ops->key(ui->state[pane], &c, key);
	if (fl & UI_GRAB)
		ui->grab = pane;
	else if (ui->grab == pane)
		ui->grab = -1;
	if ((fl & UI_SHOW) && (!ui_layout_visible(&ui->layout, pane) || ui->zoom))
		ui_focus(ui, pane);
	if (ui->filter.serial != filter)
		ui_touch(ui);
	return fl;
}

int
ui_curses_check_terminal(char **cause)
{
	const char *cup = tigetstr("cup");
	const char *term = getenv("TERM");

	if (cup != NULL && cup != (const char *)-1)
		return 0;
	return cs_set_cause(cause, "TERM=%s cannot move the cursor (try --headless or --once)",
	    term != NULL ? term : "");
}

void
ui_curses_setup(void)
{
	cbreak();      /* keeps ISIG: Ctrl-C is SIGINT, handled by the loop */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	leaveok(stdscr, TRUE);
	set_escdelay(25);
	/* doupdate() would poll the keyboard every few lines it changes, a
	 * system call each; it never stops for a key anyway */
	typeahead(-1);
	/* ncurses 6.4 flushes at every cursor move of doupdate() (a write()
	 * each, fifty a play) until the screen has been through endwin();
	 * the first frame comes back from it, as from a shell, and paints
	 * the whole screen as it would anyway */
	endwin();
	/* endwin() took the keypad out of transmit mode and forgot it; the
	 * first frame puts it back only when asked (else the first arrows
	 * arrive as ESC [ B, before wgetch() would set it again) */
	keypad(stdscr, TRUE);
}

struct ui *
ui_new(const struct ui_options *opt, struct game *g)
{
	struct ui *ui;
	const char *cs;
	bool utf8;
	int i;

	ui = calloc(1, sizeof *ui);
	if (ui == NULL)
		return NULL;
	ui->opt = opt;
	ui->g = g;
	cs = nl_langinfo(CODESET);
	utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	theme_init(&ui->theme, opt->no_color, opt->ascii || !utf8);
	ui_filter_init(&ui->filter);
	if ((ui->hdr_state = pane_header_ops.init()) == NULL) {
		ui_free(&ui);
		return NULL;
	}
	for (i = 0; i < UI_PANES; i++) {
		ui->mru[i] = i;
		if (panes[i]->init != NULL && (ui->state[i] = panes[i]->init()) == NULL) {
			ui_free(&ui);
			return NULL;
		}
	}
	if ((ui->flush = ui_flush_new()) == NULL) {
		ui_free(&ui);
		return NULL;
	}
	ui->grab = -1;
	ui->cols = COLS;
	ui->lines = LINES;
	ui->layout_dirty = true;
	ui->serial = 1;
	return ui;
}

static void
drop_windows(struct ui *ui)
{
	int i;

	for (i = 0; i < UI_PANES; i++)
		if (ui->win[i] != NULL) {
			delwin(ui->win[i]);
			ui->win[i] = NULL;
		}
	if (ui->hdr != NULL) {
		delwin(ui->hdr);
		ui->hdr = NULL;
	}
}

void
ui_free(struct ui **uip)
{
	struct ui *ui = *uip;
	int i;

	if (ui == NULL)
		return;
	drop_windows(ui);
	for (i = 0; i < UI_PANES; i++)
		if (panes[i]->free != NULL)
			panes[i]->free(&ui->state[i]);
	pane_header_ops.free(&ui->hdr_state);
	ui_flush_free(&ui->flush);
	free(ui);
	*uip = NULL;
}

void
ui_resize(struct ui *ui, int cols, int lines)
{
	ui->cols = cols;
	ui->lines = lines;
	ui->layout_dirty = true;
}

void
ui_touch(struct ui *ui)
{
	ui->serial++;
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->serial++;
}

int
ui_focused(const struct ui *ui)
{
	return ui->mru[0];
}

void
ui_focus(struct ui *ui, int pane)
{
	int i, j;

	if (pane < 0 || pane >= UI_PANES || ui->mru[0] == pane)
		return;
	for (i = 1; i < UI_PANES && ui->mru[i] != pane; i++)
		;
	if (i == UI_PANES)
		return;
	for (j = i; j > 0; j--)
		ui->mru[j] = ui->mru[j - 1];
	ui->mru[0] = pane;
	ui->layout_dirty = true;
	ui->serial++;
}

WINDOW *
ui_input_window(struct ui *ui)
{
	/* stdscr is never drawn into after a layout, so reading keys from it
	 * never repaints anything; keypad decodes the arrows */
	(void)ui;
	return stdscr;
}

/* Places the windows for the current size, zoom and focus. */
static void
apply_layout(struct ui *ui)
{
	struct ui_layout lo;
	struct ui_rect *r;
	int i;

	ui_layout_compute(&lo, ui->cols, ui->lines, ui->zoom, ui->mru);
	for (i = 0; i < UI_PANES; i++) {
		r = &lo.pane[i];
		if (ui->win[i] != NULL && (r->h == 0 ||
		    memcmp(r, &ui->win_rect[i], sizeof *r) != 0)) {
			delwin(ui->win[i]);
			ui->win[i] = NULL;
		}
		if (r->h > 0 && ui->win[i] == NULL) {
			ui->win[i] = newwin(r->h, r->w, r->y + ui->top, r->x);
			if (ui->win[i] != NULL)
				leaveok(ui->win[i], TRUE);
			ui->win_rect[i] = *r;
		}
		ui->drawn[i] = false;
	}
	if (ui->hdr != NULL && (lo.tier == UI_TIER_TOO_SMALL ||
	    getmaxx(ui->hdr) != ui->cols)) {
		delwin(ui->hdr);
		ui->hdr = NULL;
	}
	if (ui->hdr == NULL && lo.tier != UI_TIER_TOO_SMALL) {
		ui->hdr = newwin(UI_HEADER_LINES, ui->cols, ui->top, 0);
		if (ui->hdr != NULL)
			leaveok(ui->hdr, TRUE);
	}
	ui->hdr_drawn = false;   /* the blank stdscr below covers it */
	ui->layout = lo;
	ui->layout_dirty = false;
	/* blank what no window covers (gaps, an old layout) under the panes */
	werase(stdscr);
	ui_flush_stage(ui->flush, stdscr);
}

/* The longest form of the message that fits `cols` whole: the terminal's
 * own size and what it needs, both counting the strip above the frame
 * (`top` rows), so that the size it asks for is the size that works. */
static void
too_small_text(int cols, int lines, int top, char *buf, size_t size)
{
	int need_lines = UI_MIN_LINES + top, form;

	for (form = 0; form < 4; form++) {
		if (form == 0)
			snprintf(buf, size, "terminal too small (%dx%d), need %dx%d",
			    cols, lines + top, UI_MIN_COLS, need_lines);
		else if (form == 1)
			snprintf(buf, size, "too small (%dx%d), need %dx%d",
			    cols, lines + top, UI_MIN_COLS, need_lines);
		else if (form == 2)
			snprintf(buf, size, "too small, need %dx%d", UI_MIN_COLS, need_lines);
		else
			snprintf(buf, size, "need %dx%d", UI_MIN_COLS, need_lines);
		if ((int)strlen(buf) <= cols)
			return;
	}
	buf[0] = '\0';   /* nothing fits whole: a blank, not a cut word */
}

/* `s` centred on row y when it fits whole. */
static void
centred(int y, int cols, attr_t a, const char *s)
{
	int len = (int)strlen(s);

	if (len > 0 && len <= cols)
		ui_text(stdscr, y, (cols - len) / 2, len, a, s);
}

static void
draw_too_small(struct ui *ui)
{
	char msg[80];
	int y = ui->top + ui->lines / 2 - 1;

	werase(stdscr);
	too_small_text(ui->cols, ui->lines, ui->top, msg, sizeof msg);
	if (y < ui->top)
		y = ui->top;
	centred(y, ui->cols, A_BOLD, msg);
	if (y + 2 < ui->top + ui->lines)
		centred(y + 2, ui->cols, A_NORMAL, "q to quit");
	ui_flush_stage(ui->flush, stdscr);
}

/* The title bar, when what it reads moved (or the window was erased). */
static void
draw_title(struct ui *ui, int pane, const struct pane_ctx *c, WINDOW *w, int width)
{
	const struct pane_ops *ops = panes[pane];
	char extra[160];
	attr_t a = ui_attr(&ui->theme, c->focused ? UI_C_TITLE_FOCUS : UI_C_TITLE);
	uint64_t key;
	int x;

	extra[0] = '\0';
	if (ops->title != NULL)
		ops->title(ui->state[pane], c, extra, sizeof extra);
	key = ui_rows_hash(ui_rows_hash(UI_ROWS_SEED, &a, sizeof a), &width, sizeof width);
	key = ui_rows_hash(key, extra, strlen(extra));
	if (!c->repaint && ui->title_key[pane] == key)
		return;
	ui->title_key[pane] = key;
	ui_fill(w, 0, 0, width, a);
	x = ui_textf(w, 0, 0, width, a, " %c %s", ui_pane_digit(pane), ops->name);
	if (extra[0] != '\0' && x + 3 < width)
		ui_textf(w, 0, x, width - x, a, "  %s", extra);
}

void
ui_sync_layout(struct ui *ui)
{
	if (ui->layout_dirty || ui->cols != ui->layout.cols || ui->lines != ui->layout.lines)
		apply_layout(ui);
}

/* A pane's window, when what it shows moved since it last drew: the
 * model's aspects it shows, or the UI's state (then it is drawn whole). */
static void
draw_pane(struct ui *ui, int pane, uint64_t content_gen)
{
	const struct ui_rect *r = &ui->layout.pane[pane];
	const struct pane_ops *ops = panes[pane];
	uint64_t gen = ops->shows != 0 ? game_touched(ui->g, ops->shows) : content_gen;
	bool same_ui = ui->drawn[pane] && ui->drawn_serial[pane] == ui->serial;
	struct pane_ctx c;
	WINDOW *w = ui->win[pane];

	if (w == NULL || r->h == 0)
		return;
	if (same_ui && ui->drawn_gen[pane] == gen)
		return;
	fill_ctx(ui, pane, &c);
	c.repaint = !same_ui || !ops->partial;
	if (c.repaint)
		werase(w);
	draw_title(ui, pane, &c, w, r->w);
	if (r->h > 1)
		panes[pane]->draw(ui->state[pane], &c, w, r->h, r->w);
	/* nothing drawn differs: nothing to copy to the screen */
	if (is_wintouched(w))
		ui_flush_stage(ui->flush, w);
	ui->drawn[pane] = true;
	ui->drawn_gen[pane] = gen;
	ui->drawn_serial[pane] = ui->serial;
}

void
ui_frame(struct ui *ui)
{
	const struct cs_game_info *info;
	int home = ui->theme.team_rgb[CS_HOME], away = ui->theme.team_rgb[CS_AWAY];
	struct pane_ctx c;
	uint64_t gen;
	int i;

	game_refresh(ui->g);
	info = game_info(ui->g);
	gen = game_content_generation(ui->g);
	ui_sync_layout(ui);
	if (ui->layout.tier == UI_TIER_TOO_SMALL) {
		draw_too_small(ui);
		ui_update(ui);
		return;
	}
	theme_set_teams(&ui->theme, info->team[CS_HOME].color, info->team[CS_AWAY].color);
	if (home != ui->theme.team_rgb[CS_HOME] || away != ui->theme.team_rgb[CS_AWAY]) {
		for (i = 0; i < UI_PANES; i++)
			ui->drawn[i] = false;
		ui->hdr_drawn = false;
	}

	/* the header shows the data's age: looked at every frame, its rows
	 * redrawn when what they show moved */
	if (ui->hdr != NULL) {
		fill_ctx(ui, -1, &c);
		c.repaint = !ui->hdr_drawn;
		pane_header_ops.draw(ui->hdr_state, &c, ui->hdr, UI_HEADER_LINES, ui->cols);
		ui->hdr_drawn = true;
		if (is_wintouched(ui->hdr))
			ui_flush_stage(ui->flush, ui->hdr);
	}
	for (i = 0; i < UI_PANES; i++)
		draw_pane(ui, i, gen);
	ui_update(ui);
}

void
ui_set_output(struct ui *ui, int fd)
{
	ui_flush_set_fd(ui->flush, fd);
}

void
ui_update(struct ui *ui)
{
	ui_flush(ui->flush, ui->plain_update);
}

/* ---- alerts for --bell ---- */

static int
leader(const int pts[2])
{
	return pts[CS_HOME] > pts[CS_AWAY] ? 1 : pts[CS_HOME] < pts[CS_AWAY] ? -1 : 0;
}

unsigned
ui_watch(struct ui *ui)
{
	const struct game_rules *rules = game_rules(ui->g);
	struct cs_period per;
	const struct box_team *t;
	uint64_t trouble[2] = { 0, 0 };
	int pts[2] = { 0, 0 }, s, i, lead;
	unsigned mask = 0;

	game_refresh(ui->g);
	per = game_view_period(ui->g);
	for (s = 0; s < 2; s++) {
		t = game_view_team(ui->g, s);
		if (t == NULL)
			continue;
		pts[s] = t->points;
		for (i = 0; i < t->nplayers && i < 64; i++)
			if (ui_foul_trouble(rules, &per, t->players[i].line.pf) > 0)
				trouble[s] |= (uint64_t)1 << i;
	}
	lead = leader(pts);
	if (ui->watch_valid) {
		if (pts[0] > ui->watch_points[0] || pts[1] > ui->watch_points[1])
			mask |= UI_BELL_SCORE;
		/* a lead change: the other team leads now than the last leader */
		if (lead != 0 && ui->watch_lead != 0 && lead != ui->watch_lead)
			mask |= UI_BELL_LEAD_CHANGE;
		if ((trouble[0] & ~ui->watch_trouble[0]) || (trouble[1] & ~ui->watch_trouble[1]))
			mask |= UI_BELL_FOUL_TROUBLE;
	}
	ui->watch_valid = true;
	ui->watch_points[0] = pts[0];
	ui->watch_points[1] = pts[1];
	if (lead != 0)
		ui->watch_lead = lead;
	ui->watch_trouble[0] = trouble[0];
	ui->watch_trouble[1] = trouble[1];
	return mask;
}

/* ---- for tests: what is on the screen ---- */

void
ui_dump_row(int row, char *buf, size_t size)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t o = 0, n;
	int x, k;

	if (size == 0)
		return;
	buf[0] = '\0';
	memset(&ps, 0, sizeof ps);
	for (x = 0; x < COLS; x++) {
		if (mvwin_wch(curscr, row, x, &cc) == ERR)
			break;
		if (getcchar(&cc, wch, &a, &pair, NULL) == ERR)
			break;
		if (wch[0] == L'\0') {
			wch[0] = L' ';
			wch[1] = L'\0';
		}
		for (k = 0; k < CCHARW_MAX && wch[k] != L'\0'; k++) {
			n = wcrtomb(mb, wch[k], &ps);
			if (n == (size_t)-1) {
				mb[0] = '?';
				n = 1;
			}
			if (o + n + 1 >= size)
				goto done;
			memcpy(buf + o, mb, n);
			o += n;
		}
	}
done:
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	buf[o] = '\0';
}
