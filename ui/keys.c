/*
 * Keys (less/vim habits), as tmux does it: a table per mode.  A key goes
 * to the search prompt while it is open, else to the focused pane's
 * handler, else to the global table below.  Every handler returns
 * UI_HANDLED | UI_REDRAW | UI_QUIT (htop).  The help pane is generated
 * from the ui_keys_* texts here, so a binding and its help live together.
 *
 * The filters (team, player, period, scoring only) are shared: the plays,
 * the shot chart, the box score and the lineups all follow the team; the
 * plays and the shot chart follow the player and the period.
 */
#include "config.h"

#include <string.h>

#include "ui/ui_internal.h"

const struct ui_key_help ui_keys_global[] = {
	{ "Tab  Shift-Tab", "next / previous pane" },
	{ "1 2 3 4 5", "box score, plays, shot chart, lineups, help" },
	{ "?", "help (again, Esc or q: close)" },
	{ "z", "zoom the focused pane (again: back)" },
	{ "t", "team filter: all, home, away" },
	{ "p  P", "player filter: next / previous player of the team" },
	{ "[  ]", "period filter: previous / next (all periods between)" },
	{ "s", "scoring plays only" },
	{ "c", "clear every filter" },
	{ "/", "search the plays (incremental; Enter keeps, Esc drops)" },
	{ "n  N", "next / previous match" },
	{ "v", "shot chart: zones with FG% instead of shots" },
	{ "r", "reconnect now" },
	{ "Ctrl-L", "repaint the screen" },
	{ "q", "quit" },
	{ NULL, NULL }
};

const struct ui_key_help ui_keys_scroll[] = {
	{ "j k  Down Up", "one line" },
	{ "PgDn PgUp  Ctrl-F Ctrl-B", "one page" },
	{ "g G  Home End", "top / bottom" },
	{ NULL, NULL }
};

const struct ui_key_help ui_keys_replay[] = {
	{ "Space", "replay: pause / resume" },
	{ "+  -", "replay: faster / slower" },
	{ "<  >", "replay: seek a play back / forward" },
	{ "{  }", "replay: seek a period back / forward" },
	{ NULL, NULL }
};

/* ---- scrolling ---- */

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

/* ---- filters ---- */

static bool
stat_has_player(const struct cs_event *ev, int side, const char *id)
{
	int i;

	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].side == side && strcmp(ev->stats[i].player.id, id) == 0)
			return true;
	return false;
}

bool
ui_filter_play(struct ui *ui, const struct play *p)
{
	const struct ui_filter *f = &ui->filter;
	const struct cs_event *ev = p->ev;

	if (ev == NULL)
		return false;
	if (f->side != CS_SIDE_NONE && ev->side != f->side)
		return false;
	if (f->player_id[0] != '\0' && !stat_has_player(ev, f->player_side, f->player_id))
		return false;
	if (f->period != 0 && ev->period.sequence != f->period)
		return false;
	if (f->scoring && !p->scoring)
		return false;
	return true;
}

bool
ui_filter_shot(struct ui *ui, const struct shot *s)
{
	const struct ui_filter *f = &ui->filter;
	const struct box_team *t;

	if (f->side != CS_SIDE_NONE && s->side != f->side)
		return false;
	if (f->period != 0 && s->period_sequence != f->period)
		return false;
	if (f->player_id[0] != '\0') {
		if (s->side != f->player_side || s->player < 0)
			return false;
		t = game_team(ui->g, s->side);
		if (t == NULL || s->player >= t->nplayers ||
		    strcmp(t->players[s->player].info.id, f->player_id) != 0)
			return false;
	}
	return true;
}

void
ui_filter_set_player(struct ui *ui, int side, const char *id)
{
	if (id == NULL || id[0] == '\0' || (side != CS_HOME && side != CS_AWAY)) {
		ui->filter.player_side = CS_SIDE_NONE;
		ui->filter.player_id[0] = '\0';
	} else {
		ui->filter.player_side = side;
		cs_strlcpy(ui->filter.player_id, id, sizeof ui->filter.player_id);
		if (ui->filter.side != CS_SIDE_NONE && ui->filter.side != side)
			ui->filter.side = side;
	}
	ui_touch_filter(ui);
}

void
ui_filter_describe(struct ui *ui, char *buf, size_t size)
{
	const struct ui_filter *f = &ui->filter;
	char alias[CS_ALIAS_MAX * 2], name[CS_NAME_MAX], lab[16];
	const struct box_team *t;
	size_t n = 0;
	int i;

	buf[0] = '\0';
	if (f->side != CS_SIDE_NONE)
		n += (size_t)snprintf(buf + n, size - n, "%s", ui_team_alias(ui, f->side,
		    alias, sizeof alias));
	if (f->player_id[0] != '\0' && n < size) {
		cs_sanitize(name, f->player_id, sizeof name);
		t = game_team(ui->g, f->player_side);
		for (i = 0; t != NULL && i < t->nplayers; i++)
			if (strcmp(t->players[i].info.id, f->player_id) == 0) {
				ui_player_name(&t->players[i], name, sizeof name);
				break;
			}
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "", name);
	}
	if (f->period != 0 && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "",
		    ui_period_label(ui, f->period, lab, sizeof lab));
	if (f->scoring && n < size)
		snprintf(buf + n, size - n, "%sscoring", n ? " " : "");
}

static int
key_team(struct ui *ui, int key)
{
	(void)key;
	/* all -> home -> away -> all */
	if (ui->filter.side == CS_SIDE_NONE)
		ui->filter.side = CS_HOME;
	else if (ui->filter.side == CS_HOME)
		ui->filter.side = CS_AWAY;
	else
		ui->filter.side = CS_SIDE_NONE;
	if (ui->filter.player_id[0] != '\0' && ui->filter.side != CS_SIDE_NONE &&
	    ui->filter.player_side != ui->filter.side) {
		ui->filter.player_id[0] = '\0';
		ui->filter.player_side = CS_SIDE_NONE;
	}
	ui_touch_filter(ui);
	return UI_HANDLED | UI_REDRAW;
}

static bool
played(const struct box_player *p)
{
	const struct statline *l = &p->line;

	return p->on_court || l->seconds > 0 || l->fga > 0 || l->fta > 0 ||
	    l->reb > 0 || l->pf > 0 || l->ast > 0 || l->tov > 0 || l->stl > 0 ||
	    l->blk > 0;
}

#define CYCLE_MAX 96

/* p / P: the players of the filtered team (both when none), in box-score
 * order, those who played; "every player" sits between the ends. */
static int
key_player(struct ui *ui, int key)
{
	int sides[2], nsides = 0, s, i, n, k, count = 0, cur = -1, next;
	int cyc_side[CYCLE_MAX], cyc_idx[CYCLE_MAX], idx[CYCLE_MAX];
	const struct box_team *t;
	bool any_played = false;

	if (ui->filter.side != CS_SIDE_NONE)
		sides[nsides++] = ui->filter.side;
	else {
		sides[nsides++] = CS_AWAY;
		sides[nsides++] = CS_HOME;
	}
	for (s = 0; s < nsides; s++) {
		t = game_team(ui->g, sides[s]);
		for (i = 0; t != NULL && i < t->nplayers; i++)
			any_played |= played(&t->players[i]);
	}
	for (s = 0; s < nsides; s++) {
		t = game_team(ui->g, sides[s]);
		if (t == NULL)
			continue;
		n = ui_box_order(ui, sides[s], idx, CYCLE_MAX);
		for (k = 0; k < n && count < CYCLE_MAX; k++) {
			if (any_played && !played(&t->players[idx[k]]))
				continue;
			cyc_side[count] = sides[s];
			cyc_idx[count] = idx[k];
			if (ui->filter.player_side == sides[s] &&
			    strcmp(t->players[idx[k]].info.id, ui->filter.player_id) == 0)
				cur = count;
			count++;
		}
	}
	if (count == 0) {
		ui_message(ui, "no players to pick");
		return UI_HANDLED | UI_REDRAW;
	}
	/* positions: -1 = every player, 0..count-1 */
	if (key == 'P')
		next = cur < 0 ? count - 1 : cur - 1;
	else
		next = cur + 1 >= count ? -1 : cur + 1;
	if (next < 0) {
		ui_filter_set_player(ui, CS_SIDE_NONE, NULL);
	} else {
		t = game_team(ui->g, cyc_side[next]);
		ui_filter_set_player(ui, cyc_side[next], t->players[cyc_idx[next]].info.id);
	}
	return UI_HANDLED | UI_REDRAW;
}

static int
key_period(struct ui *ui, int key)
{
	struct cs_period cur = game_period(ui->g);
	int last = cur.sequence > 0 ? cur.sequence : 1, p = ui->filter.period;

	if (key == ']')
		p = p >= last ? 0 : p + 1;
	else
		p = p == 0 ? last : p - 1;
	ui->filter.period = p;
	ui_touch_filter(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_scoring(struct ui *ui, int key)
{
	(void)key;
	ui->filter.scoring = !ui->filter.scoring;
	ui_touch_filter(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_clear(struct ui *ui, int key)
{
	(void)key;
	ui->filter.side = CS_SIDE_NONE;
	ui->filter.player_side = CS_SIDE_NONE;
	ui->filter.player_id[0] = '\0';
	ui->filter.period = 0;
	ui->filter.scoring = false;
	ui_touch_filter(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- focus, zoom, help ---- */

static int
key_focus_cycle(struct ui *ui, int key)
{
	int f = ui_focused(ui);

	if (f == UI_PANE_HELP)
		f = ui->mru[1];
	/* the four data panes in order; help is reached with ? or 5 */
	if (key == KEY_BTAB)
		f = (f + UI_PANE_HELP - 1) % UI_PANE_HELP;
	else
		f = (f + 1) % UI_PANE_HELP;
	ui_focus(ui, f);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_focus_n(struct ui *ui, int key)
{
	int p = key - '1';

	if (p == UI_PANE_HELP && ui_focused(ui) == UI_PANE_HELP)
		ui_focus(ui, ui->mru[1]);
	else
		ui_focus(ui, p);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_help(struct ui *ui, int key)
{
	(void)key;
	if (ui_focused(ui) == UI_PANE_HELP)
		ui_focus(ui, ui->mru[1]);
	else
		ui_focus(ui, UI_PANE_HELP);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_zoom(struct ui *ui, int key)
{
	(void)key;
	ui->zoom = !ui->zoom;
	ui->layout_dirty = true;
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_quit(struct ui *ui, int key)
{
	(void)key;
	/* q closes help first, as in less */
	if (ui_focused(ui) == UI_PANE_HELP) {
		ui_focus(ui, ui->mru[1]);
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_HANDLED | UI_QUIT;
}

static int
key_escape(struct ui *ui, int key)
{
	(void)key;
	if (ui_focused(ui) == UI_PANE_HELP) {
		ui_focus(ui, ui->mru[1]);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui->zoom)
		return key_zoom(ui, key);
	if (ui->pbp.query[0] != '\0') {
		ui->pbp.query[0] = '\0';
		ui_touch(ui);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* ---- search ---- */

static int
key_search(struct ui *ui, int key)
{
	(void)key;
	if (ui_focused(ui) != UI_PANE_PBP)
		ui_focus(ui, UI_PANE_PBP);
	pbp_search_start(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_next(struct ui *ui, int key)
{
	if (ui->pbp.query[0] == '\0') {
		ui_message(ui, "no search: press / first");
		return UI_HANDLED | UI_REDRAW;
	}
	if (!ui_layout_visible(&ui->layout, UI_PANE_PBP) || ui->zoom)
		ui_focus(ui, UI_PANE_PBP);
	pbp_search_next(ui, key == 'N' ? -1 : 1);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- the rest ---- */

static int
key_zones(struct ui *ui, int key)
{
	(void)key;
	ui->shots.zones = !ui->shots.zones;
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
key_reconnect(struct ui *ui, int key)
{
	(void)key;
	if (ui->reconnect == NULL) {
		ui_message(ui, "no live feed to reconnect");
		return UI_HANDLED | UI_REDRAW;
	}
	ui->reconnect(ui->ctx);
	ui_message(ui, "reconnecting now");
	return UI_HANDLED | UI_REDRAW;
}

static int
key_repaint(struct ui *ui, int key)
{
	(void)key;
	clearok(curscr, TRUE);
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

/*
 * Replay control: space pauses, + - change speed, < > seek by a play,
 * { } by a period.  ui.c connects ui->replay_control to the replay.
 */
static int
key_replay(struct ui *ui, int key)
{
	enum ui_replay_cmd cmd;

	switch (key) {
	case ' ': cmd = UI_REPLAY_PAUSE; break;
	case '+': case '=': cmd = UI_REPLAY_FASTER; break;
	case '-': cmd = UI_REPLAY_SLOWER; break;
	case '<': case ',': cmd = UI_REPLAY_BACK; break;
	case '{': cmd = UI_REPLAY_PERIOD_BACK; break;
	case '}': cmd = UI_REPLAY_PERIOD_FORWARD; break;
	default: cmd = UI_REPLAY_FORWARD; break;
	}
	if (ui->replay_control == NULL ||
	    (ui->st != NULL && ui->st->status.state != FEED_REPLAY &&
	    ui->st->status.state != FEED_PAUSED)) {
		ui_message(ui, "replay controls work in --replay only");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui->replay_control(ui->ctx, cmd) < 0)
		ui_message(ui, "the replay cannot do that");
	return UI_HANDLED | UI_REDRAW;
}

struct ui_binding {
	int key;
	int (*fn)(struct ui *ui, int key);
};

static const struct ui_binding global_table[] = {
	{ '\t', key_focus_cycle },
	{ KEY_BTAB, key_focus_cycle },
	{ '1', key_focus_n }, { '2', key_focus_n }, { '3', key_focus_n },
	{ '4', key_focus_n }, { '5', key_focus_n },
	{ '?', key_help },
	{ KEY_F(1), key_help },
	{ 'z', key_zoom },
	{ 't', key_team },
	{ 'p', key_player },
	{ 'P', key_player },
	{ '[', key_period },
	{ ']', key_period },
	{ 's', key_scoring },
	{ 'c', key_clear },
	{ '/', key_search },
	{ 'n', key_next },
	{ 'N', key_next },
	{ 'v', key_zones },
	{ 'r', key_reconnect },
	{ UI_KEY_CTRL('l'), key_repaint },
	{ 'q', key_quit },
	{ UI_KEY_ESC, key_escape },
	{ ' ', key_replay }, { '+', key_replay }, { '=', key_replay },
	{ '-', key_replay }, { '<', key_replay }, { '>', key_replay },
	{ '{', key_replay }, { '}', key_replay },
};

int
ui_key(struct ui *ui, int key)
{
	const struct pane_ops *ops;
	size_t i;
	int fl = UI_UNHANDLED;

	if (ui->pbp.prompt) {
		fl = pbp_search_key(ui, key);
		goto out;
	}
	if (ui->message[0] != '\0') {
		ui->message[0] = '\0';
		ui_touch(ui);
	}
	ui_sync_layout(ui);
	if (ui->layout.tier == UI_TIER_TOO_SMALL) {
		/* nothing to look at: only quitting makes sense */
		if (key == 'q')
			fl = UI_HANDLED | UI_QUIT;
		goto out;
	}
	ops = ui_pane_ops(ui_focused(ui));
	if (ops != NULL && ops->key != NULL)
		fl = ops->key(ui, key);
	if (fl & UI_HANDLED)
		goto out;
	for (i = 0; i < sizeof global_table / sizeof global_table[0]; i++)
		if (global_table[i].key == key) {
			fl = global_table[i].fn(ui, key);
			break;
		}
out:
	if (fl & UI_REDRAW)
		ui_touch(ui);
	return fl;
}
