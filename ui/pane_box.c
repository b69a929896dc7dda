/*
 * The box score: the line score, then per team (away first) starters then
 * bench, the on-court marker, the stat columns, the team totals and a line
 * of FG% / 3P% / FT% with the team rebounds and turnovers.
 *
 * Columns: MIN PTS FG 3P FT OREB DREB REB AST STL BLK TOV PF +/- (MIN in
 * whole minutes; the lineups pane has the current stint).  On a
 * narrow pane the least important go first: OREB, DREB, STL, BLK, TOV,
 * FT, 3P, +/-, MIN (the name keeps at least 14 columns).
 *
 * Sorting: o picks the next column (h/l or Left/Right move either way),
 * O reverses; without a sort column the order is starters, then bench.
 *
 * Foul trouble (the PF column and the name turn yellow; red when out):
 *   quarters: 2 fouls in Q1, 3 in Q2, 4 in Q3, one from the limit in Q4
 *             and overtime; the limit is 6 in 12-minute quarters (NBA),
 *             5 otherwise (FIBA, WNBA, NCAA women);
 *   halves (NCAA men, limit 5): 2 in the first half, 4 in the second half
 *             and overtime.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/ui_internal.h"

#define BOX_PLAYERS_MAX 64                       /* per team, shown */
#define BOX_ROWS_MAX (2 * BOX_PLAYERS_MAX + 24)
#define NAME_MIN 14
#define NAME_MAX_W 22
#define LEFT_W 4                                 /* marker, jersey, space */

const struct ui_key_help ui_keys_box[] = {
	{ "o  O", "sort by the next column / reverse the order" },
	{ "h l  Left Right", "sort by the previous / next column" },
	{ "Enter", "filter on the player (or team) under the cursor" },
	{ NULL, NULL }
};

int
ui_foul_trouble(const struct game_rules *r, const struct cs_period *p, int pf)
{
	int limit = r->foul_out > 0 ? r->foul_out : 6, at;

	if (pf >= limit)
		return 2;
	/* the usual benching thresholds: 2 in the first period, then one
	 * more a period, and one short of fouling out in the last */
	if (r->format == CS_FORMAT_HALVES)
		at = p->sequence <= 1 ? 2 : limit - 1;
	else if (p->sequence <= 1)
		at = 2;
	else if (p->sequence == 2)
		at = 3;
	else if (p->sequence == 3)
		at = 4;
	else
		at = limit - 1;
	if (at > limit - 1)
		at = limit - 1;
	return pf >= at ? 1 : 0;
}

static const struct box_column {
	const char *head;
	int width;
	int keep;        /* the lower, the sooner it is dropped */
} columns[BOX_COLS] = {
	[BOX_COL_MIN] = { "MIN", 3, 9 },
	[BOX_COL_PTS] = { "PTS", 3, 14 },
	[BOX_COL_FG] = { "FG", 5, 12 },
	[BOX_COL_3P] = { "3P", 5, 7 },
	[BOX_COL_FT] = { "FT", 5, 6 },
	[BOX_COL_OREB] = { "OREB", 4, 1 },
	[BOX_COL_DREB] = { "DREB", 4, 2 },
	[BOX_COL_REB] = { "REB", 3, 11 },
	[BOX_COL_AST] = { "AST", 3, 10 },
	[BOX_COL_STL] = { "STL", 3, 3 },
	[BOX_COL_BLK] = { "BLK", 3, 4 },
	[BOX_COL_TOV] = { "TOV", 3, 5 },
	[BOX_COL_PF] = { "PF", 2, 13 },
	[BOX_COL_PM] = { "+/-", 3, 8 },
};

struct colset {
	bool shown[BOX_COLS];
	int name_w;
};

static void
fit_columns(int width, struct colset *cs)
{
	int total = 0, i, drop;

	for (i = 0; i < BOX_COLS; i++) {
		cs->shown[i] = true;
		total += columns[i].width + 1;
	}
	while (LEFT_W + NAME_MIN + total > width) {
		drop = -1;
		for (i = 0; i < BOX_COLS; i++)
			if (cs->shown[i] && columns[i].keep <= 8 &&
			    (drop < 0 || columns[i].keep < columns[drop].keep))
				drop = i;
		if (drop < 0)
			break;
		cs->shown[drop] = false;
		total -= columns[drop].width + 1;
	}
	cs->name_w = width - LEFT_W - total;
	if (cs->name_w > NAME_MAX_W)
		cs->name_w = NAME_MAX_W;
	if (cs->name_w < 6)
		cs->name_w = 6;
}

static int
col_value(const struct statline *l, int col)
{
	switch (col) {
	case BOX_COL_MIN: return l->seconds;
	case BOX_COL_PTS: return l->pts;
	case BOX_COL_FG: return l->fgm * 1000 + l->fga;
	case BOX_COL_3P: return l->tpm * 1000 + l->tpa;
	case BOX_COL_FT: return l->ftm * 1000 + l->fta;
	case BOX_COL_OREB: return l->oreb;
	case BOX_COL_DREB: return l->dreb;
	case BOX_COL_REB: return l->reb;
	case BOX_COL_AST: return l->ast;
	case BOX_COL_STL: return l->stl;
	case BOX_COL_BLK: return l->blk;
	case BOX_COL_TOV: return l->tov;
	case BOX_COL_PF: return l->pf;
	case BOX_COL_PM: return l->plus_minus;
	}
	return 0;
}

int
ui_box_order(struct ui *ui, int side, int *idx, int max)
{
	const struct box_team *t = game_team(ui->g, side);
	int n = 0, i, j, k, a, b, va, vb;
	bool before;

	if (t == NULL)
		return 0;
	/* starters first, then the bench, each in roster order */
	for (i = 0; i < t->nplayers && n < max; i++)
		if (t->players[i].info.starter)
			idx[n++] = i;
	for (i = 0; i < t->nplayers && n < max; i++)
		if (!t->players[i].info.starter)
			idx[n++] = i;
	if (ui->box.sort < 0 || ui->box.sort >= BOX_COLS)
		return n;
	/* insertion sort: stable, and a team is a dozen players */
	for (j = 1; j < n; j++) {
		k = idx[j];
		for (i = j - 1; i >= 0; i--) {
			a = idx[i];
			b = k;
			va = col_value(&t->players[a].line, ui->box.sort);
			vb = col_value(&t->players[b].line, ui->box.sort);
			before = ui->box.ascending ? vb < va : vb > va;
			if (!before)
				break;
			idx[i + 1] = idx[i];
		}
		idx[i + 1] = k;
	}
	return n;
}

enum brow_kind {
	R_LS_HEAD, R_LS_TEAM, R_BLANK, R_TEAM_HEAD, R_PLAYER, R_BENCH, R_TOTALS, R_PCT
};

struct brow {
	unsigned char kind;
	signed char side;
	short player;
};

static int
build_rows(struct ui *ui, struct brow *rows, int max)
{
	static const int both[2] = { CS_AWAY, CS_HOME };
	const struct box_team *t;
	int idx[BOX_PLAYERS_MAX], n = 0, s, nsides, side, k, np;
	bool seen_bench;

#define PUSH(k_, s_, p_) do { if (n < max) { rows[n].kind = (k_); \
	rows[n].side = (signed char)(s_); rows[n].player = (short)(p_); n++; } } while (0)

	PUSH(R_LS_HEAD, -1, -1);
	PUSH(R_LS_TEAM, CS_AWAY, -1);
	PUSH(R_LS_TEAM, CS_HOME, -1);
	nsides = ui->filter.side == CS_SIDE_NONE ? 2 : 1;
	for (s = 0; s < nsides; s++) {
		side = nsides == 2 ? both[s] : ui->filter.side;
		t = game_team(ui->g, side);
		if (t == NULL)
			continue;
		PUSH(R_BLANK, -1, -1);
		PUSH(R_TEAM_HEAD, side, -1);
		np = ui_box_order(ui, side, idx, BOX_PLAYERS_MAX);
		seen_bench = false;
		for (k = 0; k < np; k++) {
			if (ui->box.sort == BOX_COL_NONE && !seen_bench && k > 0 &&
			    !t->players[idx[k]].info.starter) {
				PUSH(R_BENCH, side, -1);
				seen_bench = true;
			}
			PUSH(R_PLAYER, side, idx[k]);
		}
		PUSH(R_TOTALS, side, -1);
		PUSH(R_PCT, side, -1);
	}
#undef PUSH
	return n;
}

static void
fmt_value(char *buf, size_t size, const struct statline *l, int col, bool totals)
{
	switch (col) {
	case BOX_COL_MIN:
		/* whole minutes, as printed box scores do: M:SS would change ten
		 * players' cells on every play */
		if (totals)
			buf[0] = '\0';
		else
			snprintf(buf, size, "%d", l->seconds / 60);
		break;
	case BOX_COL_FG: snprintf(buf, size, "%d-%d", l->fgm, l->fga); break;
	case BOX_COL_3P: snprintf(buf, size, "%d-%d", l->tpm, l->tpa); break;
	case BOX_COL_FT: snprintf(buf, size, "%d-%d", l->ftm, l->fta); break;
	case BOX_COL_PM:
		if (totals)
			buf[0] = '\0';
		else if (l->plus_minus == 0)
			snprintf(buf, size, "0");
		else
			snprintf(buf, size, "%+d", l->plus_minus);
		break;
	default:
		snprintf(buf, size, "%d", col_value(l, col));
		break;
	}
}

static bool
did_not_play(const struct box_player *p)
{
	const struct statline *l = &p->line;

	return !p->on_court && l->seconds == 0 && l->fga == 0 && l->fta == 0 &&
	    l->reb == 0 && l->pf == 0 && l->ast == 0 && l->tov == 0 && l->stl == 0 &&
	    l->blk == 0 && l->pts == 0;
}

/* Draws the stat columns of a line from x; `hot` gets the PF column's attr. */
static void
draw_columns(struct ui *ui, WINDOW *w, int y, int x, int width, const struct colset *cs,
    const struct statline *l, bool totals, attr_t base, attr_t pf_attr)
{
	char v[16];
	int c;

	for (c = 0; c < BOX_COLS; c++) {
		if (!cs->shown[c])
			continue;
		fmt_value(v, sizeof v, l, c, totals);
		if (x + 1 + columns[c].width > width)
			break;
		ui_text_right(w, y, x + 1, columns[c].width,
		    c == BOX_COL_PF ? pf_attr : (c == BOX_COL_PTS ? base | A_BOLD : base), v);
		x += columns[c].width + 1;
	}
}

static void
pct(char *buf, size_t size, int made, int att)
{
	if (att == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.1f%%", 100.0 * made / att);
}

static void
draw_linescore(struct ui *ui, WINDOW *w, int y, int width, const struct brow *r, attr_t sel)
{
	const struct box_team *h = game_team(ui->g, CS_HOME), *a = game_team(ui->g, CS_AWAY);
	const struct box_team *t;
	struct cs_period cur = game_period(ui->g);
	char lab[16], alias[CS_ALIAS_MAX * 2];
	int n = cur.sequence, first, p, x;

	if (h != NULL && h->nperiods > n)
		n = h->nperiods;
	if (a != NULL && a->nperiods > n)
		n = a->nperiods;
	if (n > CS_PERIODS_MAX)
		n = CS_PERIODS_MAX;
	first = 0;
	/* the latest periods when they do not all fit */
	while (n - first > 0 && 7 + (n - first) * 4 + 5 > width)
		first++;
	x = 7;
	if (r->kind == R_LS_HEAD) {
		for (p = first; p < n; p++, x += 4)
			ui_text_right(w, y, x, 4, ui_attr(ui, UI_C_DIM) | sel,
			    ui_period_label(ui, p + 1, lab, sizeof lab));
		ui_text_right(w, y, x, 5, ui_attr(ui, UI_C_DIM) | sel, "T");
		return;
	}
	t = r->side == CS_HOME ? h : a;
	if (t == NULL)
		return;
	ui_text(w, y, 1, 6, ui_team_attr(ui, r->side) | sel,
	    ui_team_alias(ui, r->side, alias, sizeof alias));
	for (p = first; p < n; p++, x += 4) {
		if (p < t->nperiods)
			ui_textf(w, y, x, 4, sel, "%4d", t->period_points[p]);
	}
	ui_textf(w, y, x, 5, ui_attr(ui, UI_C_SCORE) | sel, "%5d", t->points);
}

static void
draw_row(struct ui *ui, WINDOW *w, int y, int width, const struct brow *r,
    const struct colset *cs, bool selected)
{
	const struct box_team *t = r->side >= 0 ? game_team(ui->g, r->side) : NULL;
	const struct game_rules *rules = game_rules(ui->g);
	struct cs_period per = game_period(ui->g);
	const struct box_player *p;
	char name[CS_NAME_MAX * 2], fit[CS_NAME_MAX * 2], v[160], a[32], b[32], c[32];
	attr_t sel = selected ? ui_attr(ui, UI_C_SELECT) : A_NORMAL;
	attr_t base = sel, pf_attr, name_attr;
	int x, col, trouble, nw;

	if (selected)
		ui_fill(w, y, 0, width, sel);
	switch (r->kind) {
	case R_LS_HEAD:
	case R_LS_TEAM:
		draw_linescore(ui, w, y, width, r, sel);
		return;
	case R_BLANK:
		return;
	case R_BENCH:
		ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(ui, UI_C_DIM) | sel, "bench");
		return;
	default:
		break;
	}
	if (t == NULL)
		return;
	switch (r->kind) {
	case R_TEAM_HEAD:
		ui_team_alias(ui, r->side, a, sizeof a);
		x = ui_text(w, y, 0, LEFT_W + cs->name_w, ui_team_attr(ui, r->side) | sel, a);
		cs_sanitize(name, t->info.name, sizeof name);
		if (name[0] != '\0')
			ui_text(w, y, x + 1, LEFT_W + cs->name_w - x - 1, ui_attr(ui, UI_C_BOLD) | sel,
			    name);
		x = LEFT_W + cs->name_w;
		for (col = 0; col < BOX_COLS; col++) {
			if (!cs->shown[col])
				continue;
			if (x + 1 + columns[col].width > width)
				break;
			ui_text_right(w, y, x + 1, columns[col].width,
			    (col == ui->box.sort ? ui_attr(ui, UI_C_MATCH) : ui_attr(ui, UI_C_DIM)) | sel,
			    columns[col].head);
			x += columns[col].width + 1;
		}
		return;
	case R_TOTALS:
		ui_text(w, y, LEFT_W, cs->name_w, ui_attr(ui, UI_C_BOLD) | sel, "Totals");
		draw_columns(ui, w, y, LEFT_W + cs->name_w, width, cs, &t->totals, true,
		    ui_attr(ui, UI_C_BOLD) | sel, ui_attr(ui, UI_C_BOLD) | sel);
		return;
	case R_PCT:
		pct(a, sizeof a, t->totals.fgm, t->totals.fga);
		pct(b, sizeof b, t->totals.tpm, t->totals.tpa);
		pct(c, sizeof c, t->totals.ftm, t->totals.fta);
		snprintf(v, sizeof v, "FG %s  3P %s  FT %s   team reb %d  team tov %d",
		    a, b, c, t->team_rebounds, t->team_turnovers);
		ui_text(w, y, LEFT_W, width - LEFT_W, ui_attr(ui, UI_C_DIM) | sel, v);
		return;
	case R_PLAYER:
		break;
	default:
		return;
	}
	if (r->player < 0 || r->player >= t->nplayers)
		return;
	p = &t->players[r->player];
	trouble = ui_foul_trouble(rules, &per, p->line.pf);
	pf_attr = trouble == 2 ? ui_attr(ui, UI_C_ALERT) : trouble == 1 ? ui_attr(ui, UI_C_WARN) : base;
	name_attr = trouble > 0 ? pf_attr : (p->on_court ? ui_attr(ui, UI_C_BOLD) : A_NORMAL);
	if (p->on_court)
		ui_text(w, y, 0, 1, ui_attr(ui, UI_C_BOLD) | sel, ui_glyph(ui, UI_G_ONCOURT));
	ui_textf(w, y, 1, 3, sel, "%2.2s", p->info.jersey);
	ui_player_name(p, name, sizeof name);
	nw = cs->name_w - (p->mismatch ? 2 : 0);
	ui_name_fit(name, nw, fit, sizeof fit);
	x = ui_text(w, y, LEFT_W, nw, name_attr | sel, fit);
	if (p->mismatch)
		ui_text(w, y, LEFT_W + x + 1, 1, ui_attr(ui, UI_C_WARN) | sel, "!");
	x = LEFT_W + cs->name_w;
	if (did_not_play(p)) {
		if (cs->shown[BOX_COL_MIN])
			ui_text_right(w, y, x + 1, columns[BOX_COL_MIN].width,
			    ui_attr(ui, UI_C_DIM) | sel, "DNP");
		return;
	}
	draw_columns(ui, w, y, x, width, cs, &p->line, false, base, pf_attr | sel);
}

static void
box_draw(struct ui *ui, WINDOW *w, int h, int width)
{
	struct brow rows[BOX_ROWS_MAX];
	struct colset cs;
	int n, i, page = h - 1;
	bool focused = ui_focused(ui) == UI_PANE_BOX;

	fit_columns(width, &cs);
	n = build_rows(ui, rows, BOX_ROWS_MAX);
	ui->box.nrows = n;
	ui_scroll_clamp(&ui->box.sc, n, page);
	for (i = 0; i < page && ui->box.sc.top + i < n; i++)
		draw_row(ui, w, 1 + i, width, &rows[ui->box.sc.top + i], &cs,
		    focused && ui->box.sc.top + i == ui->box.sc.cursor);
}

static int
box_key(struct ui *ui, int key)
{
	struct brow rows[BOX_ROWS_MAX];
	const struct box_team *t;
	int n, page = ui->layout.pane[UI_PANE_BOX].h - 1, fl;
	const struct brow *r;

	n = build_rows(ui, rows, BOX_ROWS_MAX);
	fl = ui_scroll_key(&ui->box.sc, key, n, page, false);
	if (fl != UI_UNHANDLED)
		return fl;
	switch (key) {
	case 'o':
	case 'l':
	case KEY_RIGHT:
		ui->box.sort = ui->box.sort + 1 >= BOX_COLS ? BOX_COL_NONE : ui->box.sort + 1;
		return UI_HANDLED | UI_REDRAW;
	case 'h':
	case KEY_LEFT:
		ui->box.sort = ui->box.sort <= BOX_COL_NONE ? BOX_COLS - 1 : ui->box.sort - 1;
		return UI_HANDLED | UI_REDRAW;
	case 'O':
		ui->box.ascending = !ui->box.ascending;
		return UI_HANDLED | UI_REDRAW;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (ui->box.sc.cursor < 0 || ui->box.sc.cursor >= n)
			return UI_HANDLED;
		r = &rows[ui->box.sc.cursor];
		if (r->kind == R_PLAYER) {
			t = game_team(ui->g, r->side);
			if (t != NULL && r->player >= 0 && r->player < t->nplayers)
				ui_filter_set_player(ui, r->side, t->players[r->player].info.id);
		} else if (r->side >= 0) {
			ui->filter.side = r->side;
			ui_filter_set_player(ui, CS_SIDE_NONE, NULL);
		}
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static void
box_title(struct ui *ui, char *buf, size_t size)
{
	int mism = game_mismatch_count(ui->g);
	size_t n;

	if (ui->box.sort == BOX_COL_NONE)
		n = (size_t)snprintf(buf, size, "starters first  (o: sort)");
	else
		n = (size_t)snprintf(buf, size, "by %s %s", columns[ui->box.sort].head,
		    ui_glyph(ui, ui->box.ascending ? UI_G_UP : UI_G_DOWN));
	if (mism > 0 && n < size)
		snprintf(buf + n, size - n, "  ! %d total%s differ from the provider's",
		    mism, mism == 1 ? "" : "s");
}

const struct pane_ops pane_box_ops = {
	.name = "Box score",
	.tab = "Box",
	.draw = box_draw,
	.key = box_key,
	.title = box_title,
};
