/*
 * Play-by-play: newest at the top (o flips it), a separator above each
 * period, the score after every scoring play (away-home, as the header),
 * '*' on plays the provider corrected.  Follows the shared filters (team,
 * player, period) plus "scoring plays only".
 *
 * The cursor is anchored to a play by its id, so new plays arriving at the
 * top do not move what the reader is looking at; when the cursor is on
 * the newest play it stays there and the list follows the game.
 *
 * "/" searches the text of the plays as typed (case-insensitive), n and N
 * go to the next and previous match; Enter keeps the query, Esc drops it
 * and goes back to where the search started.  These keys work from any
 * pane: the frame sends them here as requests (UI_REQ_SEARCH, ...); the
 * open prompt grabs the keyboard (UI_GRAB), and n brings the plays into
 * view (UI_SHOW) when they are hidden.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/scroll.h"
#include "ui/text.h"

#define PBP_ROWS_CAP 200000

static const struct ui_key_help pbp_keys[] = {
	{ "o", "oldest plays at the top / newest at the top" },
	{ "Enter", "filter on the first player of the play under the cursor" },
	{ "* (marker)", "the provider corrected this play" },
	{ NULL, NULL }
};

static const struct ui_help_section pbp_help[] = {
	{ "Plays (2)", pbp_keys },
	{ NULL, NULL }
};

#define PBP_QUERY_MAX 64

struct pbp_row {
	int play;          /* index in game_view_play(); -1: a period separator */
	int period;        /* period sequence of the row */
};

struct pbp {
	struct ui_scroll sc;
	struct pbp_row *rows;       /* filtered, newest first */
	size_t nrows, cap;
	uint64_t built_gen;
	unsigned built_filter;      /* the filter's serial the rows were built for */
	bool built;
	char anchor_id[CS_ID_MAX];  /* the selected play, kept across updates */
	bool follow;                /* the cursor sits on the newest play */
	bool prompt;                /* reading a search query */
	char query[PBP_QUERY_MAX];  /* the current or last query */
	struct ui_scroll before;    /* where the search started (Esc goes back) */
	bool no_match;
	bool oldest_first;          /* o: oldest at the top instead */
};

/* ---- the text of a play ---- */

static const char *
stat_name(const struct game *g, const struct cs_stat *st, char *buf, size_t size)
{
	const struct box_team *t;
	int i;

	if (st->player.name[0] != '\0') {
		cs_sanitize(buf, st->player.name, size);
		return buf;
	}
	if (st->player.id[0] == '\0')
		return ui_team_alias(g, st->side, buf, size);
	t = game_view_team(g, st->side);
	if (t != NULL) {
		i = game_player_index(g, st->side, st->player.id);
		if (i >= 0 && i < t->nplayers)
			return ui_player_name(&t->players[i], buf, size);
	}
	if (st->player.jersey[0] != '\0')
		snprintf(buf, size, "#%s", st->player.jersey);
	else
		cs_sanitize(buf, st->player.id, size);
	return buf;
}

static void
append(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
append(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
}

void
ui_play_text(const struct game *g, const struct cs_event *ev, char *buf, size_t size)
{
	char name[CS_NAME_MAX * 2], lab[16];
	const struct cs_stat *st;
	bool offensive = false, primary = false;
	int i;

	buf[0] = '\0';
	if (ev->description[0] != '\0') {
		cs_sanitize(buf, ev->description, size);
		if (buf[0] != '\0')
			return;
	}
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].type == CS_STAT_OFFENSIVE_FOUL)
			offensive = true;
	/* the main statistic first, then who assisted, blocked, stole */
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX && !primary; i++) {
		st = &ev->stats[i];
		primary = true;
		switch (st->type) {
		case CS_STAT_FIELD_GOAL:
			append(buf, size, "%s %s %s", stat_name(g, st, name, sizeof name),
			    st->made ? "makes" : "misses", st->three ? "3-pt shot" : "2-pt shot");
			break;
		case CS_STAT_FREE_THROW:
			append(buf, size, "%s %s free throw", stat_name(g, st, name, sizeof name),
			    st->made ? "makes" : "misses");
			break;
		case CS_STAT_REBOUND:
			append(buf, size, "%s %s rebound", stat_name(g, st, name, sizeof name),
			    st->offensive ? "offensive" : "defensive");
			break;
		case CS_STAT_TURNOVER:
			append(buf, size, "%s turnover", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_PERSONAL_FOUL:
			append(buf, size, "%s %sfoul", stat_name(g, st, name, sizeof name),
			    offensive ? "offensive " : ev->type == CS_EV_SHOOTING_FOUL ? "shooting " : "");
			break;
		case CS_STAT_TECHNICAL_FOUL:
			append(buf, size, "%s technical foul", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_FLAGRANT_FOUL:
			append(buf, size, "%s flagrant foul", stat_name(g, st, name, sizeof name));
			break;
		default:
			primary = false;
			break;
		}
	}
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX && primary; i++) {
		st = &ev->stats[i];
		switch (st->type) {
		case CS_STAT_ASSIST:
			append(buf, size, " (assist %s)", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_BLOCK:
			append(buf, size, " (block %s)", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_STEAL:
			append(buf, size, " (steal %s)", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_FOUL_DRAWN:
			append(buf, size, " (drawn by %s)", stat_name(g, st, name, sizeof name));
			break;
		default:
			break;
		}
	}
	if (primary)
		return;
	switch (ev->type) {
	case CS_EV_TIMEOUT:
		if (ev->side == CS_HOME || ev->side == CS_AWAY)
			append(buf, size, "%s timeout", ui_team_alias(g, ev->side, name, sizeof name));
		else
			append(buf, size, "timeout");
		break;
	case CS_EV_OFFICIAL_TIMEOUT:
		append(buf, size, "official timeout");
		break;
	case CS_EV_SUBSTITUTION:
		if (ev->side == CS_HOME || ev->side == CS_AWAY)
			append(buf, size, "%s substitution", ui_team_alias(g, ev->side, name, sizeof name));
		else
			append(buf, size, "substitution");
		break;
	case CS_EV_JUMP_BALL:
		append(buf, size, "jump ball");
		break;
	case CS_EV_PERIOD_START:
		append(buf, size, "start of %s", cs_period_label(&ev->period, lab, sizeof lab));
		break;
	case CS_EV_PERIOD_END:
		append(buf, size, "end of %s", cs_period_label(&ev->period, lab, sizeof lab));
		break;
	case CS_EV_GAME_END:
		append(buf, size, "end of game");
		break;
	default:
		if (ev->provider_type[0] != '\0')
			cs_sanitize(buf, ev->provider_type, size);
		else
			append(buf, size, "%s", cs_event_type_name(ev->type));
		break;
	}
}

/* ---- the rows ---- */

/* The row of the newest play (under its period separator at the top). */
static int
newest_row(const struct pbp *s)
{
	if (s->oldest_first)
		return (int)s->nrows - 1;
	return s->nrows > 1 && s->rows[0].play < 0 ? 1 : 0;
}

/* Rows in view: the pane's body less the prompt's row. */
static int
page_rows(const struct pbp *s, const struct pane_ctx *c)
{
	int h = c->rows - 1 - (s->prompt ? 1 : 0);

	return h < 1 ? 1 : h;
}

/* Remembers the play under the cursor. */
static void
set_anchor(struct pbp *s, const struct pane_ctx *c)
{
	const struct play *p;
	int r = s->sc.cursor;

	s->follow = s->nrows == 0 || (s->oldest_first ? r >= newest_row(s) : r <= newest_row(s));
	s->anchor_id[0] = '\0';
	/* a separator anchors to its first play */
	while (r >= 0 && (size_t)r < s->nrows && s->rows[r].play < 0)
		r++;
	if (r >= 0 && (size_t)r < s->nrows) {
		p = game_view_play(c->g, (size_t)s->rows[r].play);
		if (p != NULL && p->ev != NULL)
			cs_strlcpy(s->anchor_id, p->ev->id, sizeof s->anchor_id);
	}
}

/* Clamps the cursor into view and remembers its play. */
static void
settle(struct pbp *s, const struct pane_ctx *c)
{
	ui_scroll_clamp(&s->sc, (int)s->nrows, page_rows(s, c));
	set_anchor(s, c);
}

static bool
grow(struct pbp *s, size_t need)
{
	struct pbp_row *n;
	size_t cap = s->cap ? s->cap : 256;

	if (need <= s->cap)
		return true;
	if (need > PBP_ROWS_CAP)
		return false;
	while (cap < need)
		cap *= 2;
	if (cap > PBP_ROWS_CAP)
		cap = PBP_ROWS_CAP;
	n = realloc(s->rows, cap * sizeof *n);
	if (n == NULL)
		return false;
	s->rows = n;
	s->cap = cap;
	return true;
}

static void
push_row(struct pbp *s, int play, int period)
{
	if (s->nrows < s->cap) {
		s->rows[s->nrows].play = play;
		s->rows[s->nrows].period = period;
		s->nrows++;
	}
}

/* The filtered rows, with a separator above each period; returns the row
 * of the anchored play, -1 when it is gone. */
static int
fill_rows(struct pbp *s, const struct pane_ctx *c)
{
	size_t n = game_view_play_count(c->g), i, k;
	const struct play *p;
	int last_period = -1, found = -1;

	s->nrows = 0;
	if (!grow(s, 2 * n + 1))
		n = s->cap / 2;
	for (k = 0; k < n; k++) {
		i = s->oldest_first ? k : n - 1 - k;
		p = game_view_play(c->g, i);
		if (p == NULL || p->ev == NULL || !ui_filter_play(c->filter, p))
			continue;
		if (p->ev->period.sequence != last_period) {
			last_period = p->ev->period.sequence;
			push_row(s, -1, last_period);
		}
		push_row(s, (int)i, p->ev->period.sequence);
		if (found < 0 && s->anchor_id[0] != '\0' &&
		    strcmp(p->ev->id, s->anchor_id) == 0)
			found = (int)s->nrows - 1;
	}
	return found;
}

static void
pbp_build(struct pbp *s, const struct pane_ctx *c)
{
	uint64_t gen = game_content_generation(c->g);
	int old_cursor = s->sc.cursor, found;

	if (s->built && s->built_gen == gen && s->built_filter == c->filter->serial)
		return;
	found = fill_rows(s, c);
	s->built = true;
	s->built_gen = gen;
	s->built_filter = c->filter->serial;
	if (s->follow || found < 0) {
		s->sc.cursor = newest_row(s);
		if (!s->oldest_first)
			s->sc.top = 0;
		else
			s->sc.top = (int)s->nrows;   /* clamped when drawn */
	} else {
		/* keep the anchored play where it was on the screen */
		s->sc.top += found - old_cursor;
		s->sc.cursor = found;
	}
	settle(s, c);
}

/* ---- search ---- */

static const char *
row_match(const struct pbp *s, const struct pane_ctx *c, int r, char *text, size_t size)
{
	const struct play *p;

	if (r < 0 || (size_t)r >= s->nrows || s->rows[r].play < 0 || s->query[0] == '\0')
		return NULL;
	p = game_view_play(c->g, (size_t)s->rows[r].play);
	if (p == NULL || p->ev == NULL)
		return NULL;
	ui_play_text(c->g, p->ev, text, size);
	return strcasestr(text, s->query);
}

/* The first matching row from `from` in direction dir, wrapping; -1 if none. */
static int
find(const struct pbp *s, const struct pane_ctx *c, int from, int dir)
{
	char text[CS_DESC_MAX * 2];
	int n = (int)s->nrows, k, r;

	for (k = 0; k < n; k++) {
		r = ((from + dir * k) % n + n) % n;
		if (row_match(s, c, r, text, sizeof text) != NULL)
			return r;
	}
	return -1;
}

static int
search_start(struct pbp *s, const struct pane_ctx *c)
{
	pbp_build(s, c);
	s->prompt = true;
	s->query[0] = '\0';
	s->before = s->sc;
	s->no_match = false;
	return UI_HANDLED | UI_REDRAW | UI_GRAB;
}

static void
research(struct pbp *s, const struct pane_ctx *c)
{
	int r;

	s->sc = s->before;
	s->no_match = false;
	if (s->query[0] != '\0') {
		r = find(s, c, s->before.cursor, 1);
		if (r >= 0)
			s->sc.cursor = r;
		else
			s->no_match = true;
	}
	settle(s, c);
}

/* A key while the prompt is open; the prompt keeps the keyboard
 * (UI_GRAB) until Enter or Esc. */
static int
search_key(struct pbp *s, const struct pane_ctx *c, int key)
{
	size_t len = strlen(s->query);

	pbp_build(s, c);
	switch (key) {
	case '\n':
	case '\r':
	case KEY_ENTER:
		s->prompt = false;
		if (s->no_match && s->query[0] != '\0')
			pane_message(c, "no play matches \"%s\"", s->query);
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY_ESC:
		s->prompt = false;
		s->query[0] = '\0';
		s->sc = s->before;
		settle(s, c);
		return UI_HANDLED | UI_REDRAW;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (len == 0)
			return search_key(s, c, UI_KEY_ESC);
		/* drop one UTF-8 character */
		while (len > 0 && ((unsigned char)s->query[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0)
			len--;
		s->query[len] = '\0';
		break;
	case UI_KEY_CTRL('u'):
		s->query[0] = '\0';
		break;
	default:
		if (key < 32 || key >= 256 || key == 127 || len + 1 >= sizeof s->query)
			return UI_HANDLED | UI_REDRAW | UI_GRAB;
		s->query[len] = (char)key;
		s->query[len + 1] = '\0';
		break;
	}
	research(s, c);
	return UI_HANDLED | UI_REDRAW | UI_GRAB;
}

/* n / N: the next match down (dir 1) or up; the frame brings the plays
 * into view (UI_SHOW) when they are hidden. */
static int
search_next(struct pbp *s, const struct pane_ctx *c, int dir)
{
	int r;

	if (s->query[0] == '\0') {
		pane_message(c, "no search: press / first");
		return UI_HANDLED | UI_REDRAW;
	}
	pbp_build(s, c);
	if (s->nrows == 0)
		return UI_HANDLED | UI_REDRAW | UI_SHOW;
	r = find(s, c, s->sc.cursor + dir, dir);
	if (r < 0) {
		pane_message(c, "no play matches \"%s\"", s->query);
		return UI_HANDLED | UI_REDRAW | UI_SHOW;
	}
	s->sc.cursor = r;
	settle(s, c);
	return UI_HANDLED | UI_REDRAW | UI_SHOW;
}

/* ---- drawing ---- */

static int
alias_width(const struct pane_ctx *c)
{
	char a[CS_ALIAS_MAX * 2];
	int w = 3, k, s;

	for (s = 0; s < 2; s++) {
		k = ui_text_width(ui_team_alias(c->g, s, a, sizeof a));
		if (k > w)
			w = k;
	}
	return w > 4 ? 4 : w;
}

static void
draw_separator(const struct pane_ctx *c, WINDOW *w, int y, int width, int period, attr_t sel)
{
	char lab[16];
	attr_t a = ui_attr(c->theme, UI_C_SEPARATOR) | sel;
	int x;

	ui_hline(c->theme, w, y, 0, 3, a);
	x = ui_textf(w, y, 3, width - 3, a, " %s ", ui_period_label(c->g, period, lab, sizeof lab));
	ui_hline(c->theme, w, y, 3 + x, width - 3 - x, a);
}

/* The text of a play, its match (if any) underlined. */
static void
draw_text(const struct pbp *s, const struct pane_ctx *c, WINDOW *w, int y, int x, int width,
    const char *text, attr_t sel)
{
	char part[CS_DESC_MAX * 2];
	const char *m = s->query[0] != '\0' ? strcasestr(text, s->query) : NULL;
	size_t ql, pre;
	int used;

	if (m == NULL) {
		ui_text(w, y, x, width - x, sel, text);
		return;
	}
	/* before, the match, after */
	ql = strlen(s->query);
	pre = (size_t)(m - text);
	memcpy(part, text, pre);
	part[pre] = '\0';
	used = ui_text(w, y, x, width - x, sel, part);
	memcpy(part, m, ql);
	part[ql] = '\0';
	used += ui_text(w, y, x + used, width - x - used, ui_attr(c->theme, UI_C_MATCH) | sel,
	    part);
	ui_text(w, y, x + used, width - x - used, sel, m + ql);
}

static void
draw_play(const struct pbp *s, const struct pane_ctx *c, WINDOW *w, int y, int width, int aw,
    const struct pbp_row *row, bool selected)
{
	const struct play *p = game_view_play(c->g, (size_t)row->play);
	const struct cs_event *ev;
	char clk[16], alias[CS_ALIAS_MAX * 2], text[CS_DESC_MAX * 2];
	attr_t sel = selected ? ui_attr(c->theme, UI_C_SELECT) : A_NORMAL;
	int x = 0;

	if (p == NULL || p->ev == NULL)
		return;
	ev = p->ev;
	if (selected)
		ui_fill(w, y, 0, width, sel);
	if (ev->clock >= 0)
		ui_text_right(w, y, 0, 6, sel, cs_clock_format(ev->clock, clk, sizeof clk));
	x = 7;
	/* colour without bold: every attribute change costs bytes on each
	 * row, and every row is redrawn when a play arrives */
	if (ev->side == CS_HOME || ev->side == CS_AWAY)
		ui_text(w, y, x, aw, ui_team_plain_attr(c->theme, ev->side) | sel,
		    ui_team_alias(c->g, ev->side, alias, sizeof alias));
	x += aw + 1;
	if (width >= 50) {
		if (p->scoring)
			ui_textf(w, y, x, 7, ui_attr(c->theme, p->lead_change ? UI_C_WARN : UI_C_SCORE) |
			    sel, "%3d-%-3d", p->away_score, p->home_score);
		x += 8;
	}
	if (ev->corrected)
		ui_text(w, y, x, 1, ui_attr(c->theme, UI_C_WARN) | sel, "*");
	x += 2;
	if (x >= width)
		return;
	ui_play_text(c->g, ev, text, sizeof text);
	draw_text(s, c, w, y, x, width, text, sel);
}

static void
pbp_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct pbp *s = state;
	int page, i, r, aw = alias_width(c);
	bool selected;

	pbp_build(s, c);
	page = h - 1 - (s->prompt ? 1 : 0);
	ui_scroll_clamp(&s->sc, (int)s->nrows, page);
	if (s->nrows == 0)
		ui_text(w, 1, 2, width - 2, ui_attr(c->theme, UI_C_DIM),
		    game_view_play_count(c->g) == 0 ? "no plays yet" : "no plays match the filter");
	for (i = 0; i < page; i++) {
		r = s->sc.top + i;
		if (r < 0 || (size_t)r >= s->nrows)
			break;
		selected = c->focused && r == s->sc.cursor;
		if (s->rows[r].play < 0)
			draw_separator(c, w, 1 + i, width, s->rows[r].period,
			    selected ? ui_attr(c->theme, UI_C_SELECT) : A_NORMAL);
		else
			draw_play(s, c, w, 1 + i, width, aw, &s->rows[r], selected);
	}
	if (s->prompt) {
		i = ui_textf(w, h - 1, 0, width, ui_attr(c->theme, UI_C_BOLD), "/%s", s->query);
		if (s->no_match)
			ui_text(w, h - 1, i + 2, width - i - 2, ui_attr(c->theme, UI_C_WARN),
			    "(no match)");
	}
}

/* Enter: the first player of the play under the cursor. */
static int
pick_player(const struct pbp *s, const struct pane_ctx *c)
{
	const struct play *p;
	const struct cs_event *ev;
	int i;

	if (s->sc.cursor < 0 || (size_t)s->sc.cursor >= s->nrows || s->rows[s->sc.cursor].play < 0)
		return UI_HANDLED;
	p = game_view_play(c->g, (size_t)s->rows[s->sc.cursor].play);
	if (p == NULL || p->ev == NULL)
		return UI_HANDLED;
	ev = p->ev;
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].player.id[0] != '\0') {
			ui_filter_set_player(c->filter, ev->stats[i].side, ev->stats[i].player.id);
			return UI_HANDLED | UI_REDRAW;
		}
	return UI_HANDLED;
}

/* The requests that are the plays' wherever the focus is. */
static int
pbp_request(struct pbp *s, const struct pane_ctx *c, int req)
{
	switch (req) {
	case UI_REQ_SEARCH:
		return search_start(s, c);
	case UI_REQ_FIND_NEXT:
		return search_next(s, c, 1);
	case UI_REQ_FIND_PREV:
		return search_next(s, c, -1);
	case UI_REQ_DROP_SEARCH:
		if (s->query[0] == '\0')
			return UI_HANDLED;
		s->query[0] = '\0';
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static int
pbp_key(void *state, const struct pane_ctx *c, int key)
{
	struct pbp *s = state;
	int fl;

	if (s->prompt)
		return search_key(s, c, key);
	if (key >= UI_REQ_BASE)
		return pbp_request(s, c, key);
	pbp_build(s, c);
	fl = ui_scroll_key(&s->sc, key, (int)s->nrows, page_rows(s, c), false);
	if (fl != UI_UNHANDLED) {
		set_anchor(s, c);
		return fl;
	}
	switch (key) {
	case 'o':
		s->oldest_first = !s->oldest_first;
		s->built = false;
		pbp_build(s, c);
		return UI_HANDLED | UI_REDRAW;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return pick_player(s, c);
	}
	return UI_UNHANDLED;
}

static void
pbp_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	struct pbp *s = state;
	size_t plays = 0, i;
	const char *order;

	pbp_build(s, c);
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].play >= 0)
			plays++;
	order = s->oldest_first ? "oldest" : "newest";
	if (s->query[0] != '\0' && !s->prompt)
		snprintf(buf, size, "%zu play%s, %s first  /%s", plays, plays == 1 ? "" : "s",
		    order, s->query);
	else
		snprintf(buf, size, "%zu play%s, %s first", plays, plays == 1 ? "" : "s", order);
}

static void *
pbp_init(void)
{
	struct pbp *s = pane_state_new(sizeof *s);

	if (s != NULL)
		s->follow = true;
	return s;
}

static void
pbp_free(void **state)
{
	struct pbp *s = *state;

	if (s != NULL)
		free(s->rows);
	pane_state_free(state);
}

bool
pane_pbp_prompt(const void *state)
{
	return ((const struct pbp *)state)->prompt;
}

const char *
pane_pbp_query(const void *state)
{
	return ((const struct pbp *)state)->query;
}

bool
pane_pbp_no_match(const void *state)
{
	return ((const struct pbp *)state)->no_match;
}

int
pane_pbp_cursor_play(const void *state)
{
	const struct pbp *s = state;

	if (s->sc.cursor < 0 || (size_t)s->sc.cursor >= s->nrows)
		return -1;
	return s->rows[s->sc.cursor].play;
}

const struct pane_ops pane_pbp_ops = {
	.name = "Plays",
	.tab = "Plays",
	.help = pbp_help,
	.init = pbp_init,
	.free = pbp_free,
	.draw = pbp_draw,
	.key = pbp_key,
	.title = pbp_title,
};
