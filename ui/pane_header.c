/*
 * The scoreboard header, two rows:
 *
 *   BOS 101  TO 3  FOULS 2 BONUS | NYK  98  TO 2  FOULS 5 | Q4  2:31  NYK 9-0 run, 2:41  live 0.4s
 *   1 Box  2 Plays  3 Shots  4 Lineups  5 Team  ? Help   filter: BOS Q3        a message
 *
 * The away team comes first, as on a scoreboard.  The first row picks the
 * most verbose form that fits the width; the connection state always shows
 * on the right ("stale 20s" turns yellow at 20 s without data, red at 60 s).
 *
 * A pane like the others (pane_header_ops), without a title bar or keys;
 * the frame looks at it every frame, as it shows the data's age.  Its
 * state is what each row was last drawn from (a hash of the row as it
 * would be drawn): a row that reads the same is left alone.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/text.h"

#define STALE_WARN_S 20
#define STALE_ALERT_S 60

/* A game caught up once and now without its feed still shows what it had:
 * how old that is, once it is worth saying (the same 10 s as "live Ns"). */
static void
data_age(const struct app_state *st, double age, char *buf, size_t size)
{
	size_t n = strlen(buf);

	if (st->caught_up && age >= 10 && n < size)
		snprintf(buf + n, size - n, ", data %ds old", (int)age);
}

void
ui_conn_text(const struct app_state *st, int64_t now_us, char *buf, size_t size,
    enum ui_color *color)
{
	char msg[sizeof st->status.message];
	double age = -1;

	*color = UI_C_NORMAL;
	if (st == NULL) {
		snprintf(buf, size, "no feed");
		*color = UI_C_DIM;
		return;
	}
	if (st->last_data_us > 0 && now_us >= st->last_data_us)
		age = (double)(now_us - st->last_data_us) / 1e6;
	cs_sanitize(msg, st->status.message, sizeof msg);
	switch (st->status.state) {
	case FEED_CONNECTING:
		snprintf(buf, size, "connecting");
		break;
	case FEED_CATCHING_UP:
		if (st->status.attempt > 0) {
			snprintf(buf, size, "catching up, retry %d", st->status.attempt);
			*color = UI_C_WARN;
		} else
			snprintf(buf, size, "catching up");
		data_age(st, age, buf, size);
		break;
	case FEED_LIVE:
		if (age >= STALE_WARN_S) {
			snprintf(buf, size, "stale %ds", (int)age);
			*color = age >= STALE_ALERT_S ? UI_C_ALERT : UI_C_WARN;
		} else if (age >= 10) {
			snprintf(buf, size, "live %ds", (int)age);
			*color = UI_C_GOOD;
		} else if (age >= 0) {
			snprintf(buf, size, "live %.1fs", age);
			*color = UI_C_GOOD;
		} else {
			snprintf(buf, size, "live");
			*color = UI_C_GOOD;
		}
		break;
	case FEED_RECONNECTING:
		/* a game that never caught up is still catching up */
		snprintf(buf, size, st->caught_up ? "reconnecting %d" : "catching up, retry %d",
		    st->status.attempt);
		data_age(st, age, buf, size);
		*color = UI_C_WARN;
		break;
	case FEED_REPLAY:
		/* the replay says its own speed as it changes ("replay 8x",
		 * "replay at end"); --speed is only where it started */
		if (msg[0] != '\0')
			snprintf(buf, size, "%s", msg);
		else if (st->status.speed > 0)
			snprintf(buf, size, "replay %gx", st->status.speed);
		else
			snprintf(buf, size, "replay max");
		break;
	case FEED_PAUSED:
		if (msg[0] != '\0')
			snprintf(buf, size, "%s, paused", msg);
		else
			snprintf(buf, size, "paused");
		*color = UI_C_WARN;
		break;
	case FEED_ENDED:
		snprintf(buf, size, "ended");
		*color = UI_C_DIM;
		break;
	case FEED_FAILED:
		snprintf(buf, size, "failed: %s", msg[0] ? msg : "unknown error");
		*color = UI_C_ALERT;
		break;
	default:
		snprintf(buf, size, "?");
		break;
	}
}

/* "Q4 2:31", "Final", "End Q2" */
static void
period_clock(const struct game *g, char *buf, size_t size)
{
	struct cs_period p = game_view_period(g);
	size_t n = game_view_play_count(g);
	const struct play *last = n > 0 ? game_view_play(g, n - 1) : NULL;
	char lab[16], clk[16];

	if (p.sequence <= 0) {
		snprintf(buf, size, "--  --:--");
		return;
	}
	cs_period_label(&p, lab, sizeof lab);
	if (game_view_final_text(g, buf, size)[0] != '\0')
		return;
	if (last != NULL && last->ev != NULL && last->ev->type == CS_EV_PERIOD_END &&
	    last->ev->period.sequence == p.sequence) {
		snprintf(buf, size, "End %s", lab);
		return;
	}
	snprintf(buf, size, "%s %s", lab, cs_clock_format(game_view_clock(g), clk, sizeof clk));
}

void
ui_title_text(const struct game *g, const struct app_state *st, char *buf, size_t size)
{
	const struct box_team *h = game_view_team(g, CS_HOME), *a = game_view_team(g, CS_AWAY);
	char ha[CS_ALIAS_MAX * 2], aa[CS_ALIAS_MAX * 2], pc[32];

	if (!app_score_known(st)) {
		/* no score yet: the teams, and what the game is waiting for */
		snprintf(buf, size, "%s %s %s - courtside",
		    ui_team_alias(g, CS_AWAY, aa, sizeof aa), ui_team_alias(g, CS_HOME, ha, sizeof ha),
		    st->status.state == FEED_FAILED ? "failed" : "catching up");
		return;
	}
	period_clock(g, pc, sizeof pc);
	snprintf(buf, size, "%s %d %s %d %s - courtside",
	    ui_team_alias(g, CS_AWAY, aa, sizeof aa), a != NULL ? a->points : 0,
	    ui_team_alias(g, CS_HOME, ha, sizeof ha), h != NULL ? h->points : 0, pc);
}

/* ---- a row made of segments, so that each form can be measured ---- */

#define SEGS_MAX 24

struct seg {
	char text[64];
	attr_t attr;
};

struct row {
	struct seg seg[SEGS_MAX];
	int n;
};

static void
add(struct row *r, attr_t attr, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
add(struct row *r, attr_t attr, const char *fmt, ...)
{
	va_list ap;

	if (r->n >= SEGS_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(r->seg[r->n].text, sizeof r->seg[r->n].text, fmt, ap);
	va_end(ap);
	r->seg[r->n].attr = attr;
	r->n++;
}

static int
row_width(const struct row *r)
{
	int i, w = 0;

	for (i = 0; i < r->n; i++)
		w += ui_text_width(r->seg[i].text);
	return w;
}

static int
row_draw(WINDOW *w, int y, int x, int width, const struct row *r)
{
	int i, used = 0;

	for (i = 0; i < r->n && used < width; i++)
		used += ui_text(w, y, x + used, width - used, r->seg[i].attr, r->seg[i].text);
	return used;
}

static const char *
bonus_text(enum game_bonus b, int verbosity)
{
	if (b == GAME_DOUBLE_BONUS)
		return verbosity == 3 ? "2B" : "2x BONUS";
	return verbosity == 3 ? "B" : "BONUS";
}

/* The rule profile as the header names it: "NBA", "G League", "NCAAM"... */
static const char *
rules_label(const char *name)
{
	static const char *const labels[][2] = {
		{ "nba", "NBA" }, { "gleague", "G League" }, { "ncaam", "NCAAM" },
		{ "ncaaw", "NCAAW" }, { "nfhs", "NFHS" }, { "fiba", "FIBA" },
	};
	size_t i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(name, labels[i][0]) == 0)
			return labels[i][1];
	return name;
}

/* A live run (the model's GAME_RUN_LIVE_MARGIN: 8 points more than the
 * other side's free throws during it) after the clock: "HOU 9-0 run, 2:41"
 * with the game time it has lasted; "HOU 9-0 run" when shorter; not at
 * all at the shortest verbosity. */
static void
run_seg(const struct pane_ctx *c, struct row *r, int verbosity)
{
	const struct game_flow *f = game_view_flow(c->g);
	char alias[CS_ALIAS_MAX * 2];
	int s = f->run.tenths / 10;

	if (!f->run.live || verbosity >= 4)
		return;
	add(r, A_NORMAL, "  ");
	add(r, ui_team_attr(c->theme, f->run.side), "%s",
	    ui_team_alias(c->g, f->run.side, alias, sizeof alias));
	if (verbosity <= 2)
		add(r, ui_attr(c->theme, UI_C_WARN), " %d-%d run, %d:%02d", f->run.points,
		    f->run.against, s / 60, s % 60);
	else
		add(r, ui_attr(c->theme, UI_C_WARN), " %d-%d run", f->run.points, f->run.against);
}

/* A game never caught up whose model holds nothing yet (its server down
 * from the start): its clock, timeouts and fouls would be the rule
 * profile's defaults ("Q1 12:00  TO 7"), not the game's. */
static bool
nothing_known(const struct pane_ctx *c)
{
	return !app_score_known(c->st) && game_view_play_count(c->g) == 0;
}

/* A team's timeouts, fouls and bonus, as score_row's verbosity allows. */
static void
team_counts(const struct pane_ctx *c, struct row *r, const struct box_team *t,
    int verbosity)
{
	if (verbosity <= 2)
		add(r, A_NORMAL, "  TO %d", t->timeouts_left);
	if (verbosity == 0 && t->fouls_to_give > 0 && t->fouls_to_give <= 2)
		add(r, A_NORMAL, "  FOULS %d (%d to give)", t->team_fouls_period,
		    t->fouls_to_give);
	else if (verbosity <= 1)
		add(r, A_NORMAL, "  FOULS %d", t->team_fouls_period);
	else if (verbosity <= 3)
		add(r, A_NORMAL, "  F %d", t->team_fouls_period);
	if (t->bonus != GAME_NO_BONUS && verbosity <= 3)
		add(r, ui_attr(c->theme, UI_C_WARN), " %s", bonus_text(t->bonus, verbosity));
}

/* verbosity: 0 = everything (fouls to give, the rule profile), 1 = the
 * counts in words, 2 = short, 3 = shorter, 4 = score and clock only;
 * `rules`: the rule profile at the end (verbosity 0 and 1) */
static void
score_row(const struct pane_ctx *c, struct row *r, int verbosity, bool rules)
{
	static const int order[2] = { CS_AWAY, CS_HOME };
	const struct box_team *t;
	char alias[CS_ALIAS_MAX * 2], pc[32];
	const char *bar = c->theme->ascii ? "|" : ui_glyph(c->theme, UI_G_VLINE);
	bool blank = nothing_known(c);
	int i, s;

	memset(r, 0, sizeof *r);
	add(r, A_NORMAL, " ");
	for (i = 0; i < 2; i++) {
		s = order[i];
		t = game_view_team(c->g, s);
		add(r, ui_team_attr(c->theme, s), "%s",
		    ui_team_alias(c->g, s, alias, sizeof alias));
		if (app_score_known(c->st))
			add(r, ui_attr(c->theme, UI_C_SCORE), " %3d", t != NULL ? t->points : 0);
		else
			add(r, ui_attr(c->theme, UI_C_DIM), "   -");
		if (t == NULL)
			continue;
		if (!blank)
			team_counts(c, r, t, verbosity);
		add(r, A_NORMAL, verbosity <= 2 ? "  %s  " : "  ", verbosity <= 2 ? bar : "");
	}
	if (blank)
		snprintf(pc, sizeof pc, "--  --:--");
	else
		period_clock(c->g, pc, sizeof pc);
	add(r, ui_attr(c->theme, UI_C_BOLD), "%s", pc);
	run_seg(c, r, verbosity);
	if (rules && verbosity <= 1)
		add(r, A_NORMAL, "  %s", rules_label(game_rules(c->g)->name));
}

struct header {
	uint64_t key[UI_HEADER_LINES];   /* each row as last drawn; 0 unknown */
};

/* Whether row y, to be drawn from `key`, differs from what it shows; if so
 * it is cleared and the key kept. */
static bool
row_stale(struct header *hs, const struct pane_ctx *c, WINDOW *w, int y, uint64_t key)
{
	if (!c->repaint && hs->key[y] == key)
		return false;
	hs->key[y] = key;
	wmove(w, y, 0);
	wclrtoeol(w);
	return true;
}

static uint64_t
row_key(const struct row *r, const char *conn, attr_t conn_attr, int width)
{
	uint64_t h = ui_rows_hash(UI_ROWS_SEED, &width, sizeof width);
	int i;

	for (i = 0; i < r->n; i++) {
		h = ui_rows_hash(h, &r->seg[i].attr, sizeof r->seg[i].attr);
		h = ui_rows_hash(h, r->seg[i].text, strlen(r->seg[i].text) + 1);
	}
	h = ui_rows_hash(h, &conn_attr, sizeof conn_attr);
	return ui_rows_hash(h, conn, strlen(conn));
}

static void
draw_scoreboard(struct header *hs, const struct pane_ctx *c, WINDOW *w, int width)
{
	struct row r;
	char conn[256], fitted[sizeof conn + 8] = "";
	enum ui_color cc;
	int v, cw, used;

	ui_conn_text(c->st, c->now_us, conn, sizeof conn, &cc);
	cw = ui_text_width(conn);
	/* the words before the rule profile before the fouls to give: the
	 * profile does not come and go with a team's fouls */
	for (v = 0; v < 6; v++) {
		score_row(c, &r, v > 1 ? v - 1 : v, v <= 1);
		if (row_width(&r) + 2 + cw + 1 <= width)
			break;
	}
	if (v == 6)
		score_row(c, &r, 4, false);
	if (!row_stale(hs, c, w, 0, row_key(&r, conn, ui_attr(c->theme, cc), width)))
		return;
	used = row_draw(w, 0, 0, width, &r);
	/* the connection state gets what is left, at least a few columns;
	 * a longer one (a failure's reason) ends in an ellipsis, not mid-word */
	if (cw + 1 > width - used - 2) {
		cw = width - used - 3;
		ui_text_fit_words(conn, cw, c->theme->ascii, fitted, sizeof fitted);
		cw = ui_text_width(fitted);
	}
	if (cw > 0)
		ui_text_right(w, 0, width - cw - 1, cw, ui_attr(c->theme, cc),
		    fitted[0] != '\0' ? fitted : conn);
}

/* What the status row is drawn from: the tabs' colours, the filter, the
 * note. */
static uint64_t
status_key(const struct pane_ctx *c, const char *filter, int width)
{
	attr_t a[4] = { ui_attr(c->theme, UI_C_TAB_FOCUS), ui_attr(c->theme, UI_C_BOLD),
		ui_attr(c->theme, UI_C_TAB), ui_attr(c->theme, UI_C_WARN) };
	bool shown[UI_PANES];
	uint64_t h;
	int i;

	for (i = 0; i < UI_PANES; i++)
		shown[i] = ui_layout_visible(c->layout, i);
	h = ui_rows_hash(UI_ROWS_SEED, a, sizeof a);
	h = ui_rows_hash(h, shown, sizeof shown);
	h = ui_rows_hash(h, &c->focus, sizeof c->focus);
	h = ui_rows_hash(h, &width, sizeof width);
	h = ui_rows_hash(h, filter, strlen(filter) + 1);
	return ui_rows_hash(h, c->message, strlen(c->message));
}

/* The tabs in one of four forms, the longest first: every name two
 * blanks apart, one blank apart, the focused pane's name only, digits
 * only.  Draws them when w != NULL; returns the columns they take. */
static int
draw_tabs(const struct pane_ctx *c, WINDOW *w, int x0, int width, int form)
{
	char buf[64];
	int i, x = x0, n;
	attr_t a;

	for (i = 0; i < UI_PANES && x < width; i++) {
		if (i == c->focus)
			a = ui_attr(c->theme, UI_C_TAB_FOCUS);
		else if (ui_layout_visible(c->layout, i))
			a = ui_attr(c->theme, UI_C_BOLD);
		else
			a = ui_attr(c->theme, UI_C_TAB);
		if (form == 3 || (form == 2 && i != c->focus))
			snprintf(buf, sizeof buf, "%c", ui_pane_digit(i));
		else
			snprintf(buf, sizeof buf, "%c %s", ui_pane_digit(i), c->panes[i]->tab);
		n = w != NULL ? ui_textf(w, 1, x, width - x, a, "%s", buf) : ui_text_width(buf);
		x += n + (form == 0 ? 2 : 1);
	}
	return x - x0 + (form == 0 ? 0 : 1);
}

/* The tabs, then the filter, then the note (a prompt as it is typed, a
 * reply) on the right: the tabs give their names up first, so that the
 * filter and the note fit whole at 80 columns. */
static void
draw_status(struct header *hs, const struct pane_ctx *c, WINDOW *w, int width)
{
	char filter[200], ftext[220], note[256] = "";
	int x = 1, n, form, rest = 0;

	ui_filter_describe(c->filter, c->g, filter, sizeof filter);
	if (!row_stale(hs, c, w, 1, status_key(c, filter, width)))
		return;
	ftext[0] = '\0';
	if (filter[0] != '\0')
		snprintf(ftext, sizeof ftext, "filter: %s", filter);
	if (ftext[0] != '\0')
		rest += ui_text_width(ftext) + 2;
	if (c->message[0] != '\0')
		rest += ui_text_width(c->message) + 1;
	/* the tabs end with a gap before what follows, none at the edge */
	for (form = 0; form < 3; form++)
		if (1 + draw_tabs(c, NULL, 1, width, form) - (rest > 0 ? 0 : 2) + rest <= width)
			break;
	x += draw_tabs(c, w, 1, width, form);
	if (ftext[0] != '\0' && x < width)
		x += ui_text(w, 1, x, width - x, ui_attr(c->theme, UI_C_WARN), ftext) + 2;
	if (c->message[0] != '\0' && x < width - 4) {
		n = ui_text_width(c->message);
		if (n > width - x - 1) {
			/* too long for what is left: an ellipsis, not a cut word */
			ui_text_fit_words(c->message, width - x - 1, c->theme->ascii, note,
			    sizeof note);
			n = ui_text_width(note);
		}
		ui_text_right(w, 1, width - n - 1, n, ui_attr(c->theme, UI_C_BOLD),
		    note[0] != '\0' ? note : c->message);
	}
}

static void
header_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct header *hs = state;

	(void)h;
	if (c->repaint)
		werase(w);
	draw_scoreboard(hs, c, w, width);
	draw_status(hs, c, w, width);
}

static void *
header_init(void)
{
	return pane_state_new(sizeof(struct header));
}

/* The header has no title bar and no keys. */
const struct pane_ops pane_header_ops = {
	.name = "Header",
	.tab = "",
	.init = header_init,
	.free = pane_state_free,
	.draw = header_draw,
};
