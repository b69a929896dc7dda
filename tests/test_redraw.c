/*
 * Drawing only what changed must draw everything that changed: after each
 * change to the model (a new play, an assist riding on it, a substitution,
 * a correction of an old play, a delete, an insert in the middle, a new
 * period, a mark, a learned name, published totals) and each change of
 * the UI (a resize, the focus, zoom), the screen the frame left, drawn in
 * part, must be cell for cell (characters, attributes, colours) the one
 * a new frame draws whole from the same model.
 *
 * On an in-memory terminal, at several sizes and with each pane focused.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "ui/keys.h"
#include "ui/panes.h"
#include "ui/screen.h"

#include "ui_game.h"

#define NOW_US 1000000000LL
#define note(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); } while (0)

static FILE *term_out;
static struct app_state st;
static const struct ui_options opt;

/* ---- what is on the screen, cell by cell ---- */

struct cell {
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attr;
	short pair;
};

static struct cell *
snap(void)
{
	struct cell *s = calloc((size_t)LINES * (size_t)COLS, sizeof *s);
	cchar_t cc;
	int y, x;

	if (s == NULL)
		return NULL;
	for (y = 0; y < LINES; y++)
		for (x = 0; x < COLS; x++) {
			struct cell *c = &s[y * COLS + x];

			if (mvwin_wch(curscr, y, x, &cc) == ERR ||
			    getcchar(&cc, c->wch, &c->attr, &c->pair, NULL) == ERR)
				memset(c, 0, sizeof *c);
		}
	return s;
}

static void
row_text(const struct cell *s, int y, char *buf, size_t size)
{
	size_t n = 0;
	int x;

	for (x = 0; x < COLS && n + 8 < size; x++) {
		wchar_t wc = s[y * COLS + x].wch[0];
		int k = wctomb(buf + n, wc ? wc : L' ');

		n += k > 0 ? (size_t)k : 0;
	}
	buf[n] = '\0';
}

/* The first cell that differs, or -1. */
static int
first_diff(const struct cell *a, const struct cell *b)
{
	int i;

	for (i = 0; i < LINES * COLS; i++)
		if (wcscmp(a[i].wch, b[i].wch) != 0 || a[i].attr != b[i].attr ||
		    a[i].pair != b[i].pair)
			return i;
	return -1;
}

/*
 * Draws `ui`'s frame (in part), then has the same UI draw the whole
 * screen again from scratch (every window erased and drawn: what a
 * resize or Ctrl-L does); both must be the same.
 */
static struct ui *ui_at(struct game *g, int cols, int lines, int focus);

/*
 * What a pane keeps between frames (row keys, figures worked out once per
 * draw) is shared by both frames of same_as_whole, so a pane that draws
 * from stale state of its own would match itself.  A new UI, every pane's
 * state new, draws the same model whole: `part` must equal that too.
 * Then the UI under test draws whole again, the screen its own.
 */
static void
same_as_new_ui(struct ui *ui, struct game *g, const struct cell *part, const char *what)
{
	struct ui *fresh = ui_at(g, COLS, LINES, ui_focused(ui));
	struct cell *full = NULL;
	char a[1024], b[1024];
	int at;

	if (fresh != NULL) {
		ui_frame(fresh);
		full = snap();
	}
	if (full == NULL) {
		ok(0, "%s: out of memory", what);
	} else {
		at = first_diff(part, full);
		if (!ok(at < 0, "%s: drawn in part = drawn whole by a new UI", what)) {
			row_text(part, at / COLS, a, sizeof a);
			row_text(full, at / COLS, b, sizeof b);
			note("row %d col %d differs\n#  part:  %s\n#  new:   %s", at / COLS,
			    at % COLS, a, b);
		}
	}
	ui_free(&fresh);
	free(full);
	ui_touch(ui);
	ui->layout_dirty = true;
	ui_frame(ui);
}

static void same_as_whole_or_new(struct ui *ui, struct game *g, const char *what);

static void
same_as_whole(struct ui *ui, const char *what)
{
	same_as_whole_or_new(ui, NULL, what);
}

/* same_as_whole, and with `g` also same_as_new_ui. */
static void
same_as_whole_or_new(struct ui *ui, struct game *g, const char *what)
{
	struct cell *part, *full;
	char a[1024], b[1024];
	int at;

	ui_frame(ui);
	part = snap();
	ui_touch(ui);
	ui->layout_dirty = true;
	ui_frame(ui);
	full = snap();
	if (part == NULL || full == NULL) {
		ok(0, "%s: out of memory", what);
		free(part);
		free(full);
		return;
	}
	at = first_diff(part, full);
	if (!ok(at < 0, "%s: drawn in part = drawn whole (%dx%d)", what, COLS, LINES)) {
		row_text(part, at / COLS, a, sizeof a);
		row_text(full, at / COLS, b, sizeof b);
		note("row %d col %d differs\n#  part:  %s\n#  whole: %s", at / COLS, at % COLS,
		    a, b);
	}
	if (g != NULL)
		same_as_new_ui(ui, g, part, what);
	free(part);
	free(full);
}

/* ---- the changes ---- */

static void
upsert(struct game *g, const struct cs_event *ev)
{
	if (game_upsert(g, ev) < 0)
		note("event %s refused", ev->id);
}

/* A basket; then the assist, an item of its own in the same play. */
static struct cs_event basket_ev;

static void
basket(struct game *g, char *basket_id, size_t size)
{
	ev_new(&basket_ev, 2, 4000, CS_EV_TWO_MADE, CS_AWAY, "Jaylen Brown makes driving layup");
	fg(&basket_ev, CS_AWAY, "b1", true, false, 60, 300);
	upsert(g, &basket_ev);
	cs_strlcpy(basket_id, basket_ev.id, size);
}

static void
assist(struct game *g)
{
	struct cs_event as;

	ev_new(&as, 2, 4000, CS_EV_OTHER, CS_AWAY, NULL);
	as.sequence = basket_ev.sequence;
	st_add(&as, CS_STAT_ASSIST, CS_AWAY, "b2");
	upsert(g, &as);
}

static void
basket_and_assist(struct game *g, char *basket_id, size_t size)
{
	basket(g, basket_id, size);
	assist(g);
}

static void
substitution(struct game *g)
{
	static const int in[5] = { 0, 1, 2, 5, 7 };
	struct cs_event ev;

	ev_new(&ev, 2, 3900, CS_EV_SUBSTITUTION, CS_HOME, "substitution");
	five(&ev, CS_HOME, "n", in);
	upsert(g, &ev);
}

/* The basket was someone else's: the box rows, the play and the header. */
static void
correction(struct game *g, const char *id)
{
	struct cs_event ev;
	size_t i, n = game_play_count(g);

	ev_new(&ev, 2, 4000, CS_EV_THREE_MADE, CS_AWAY, "Jayson Tatum makes 25-foot three");
	cs_strlcpy(ev.id, id, sizeof ev.id);
	/* it keeps its place in the order */
	for (i = 0; i < n; i++)
		if (strcmp(game_play(g, i)->ev->id, id) == 0) {
			ev.sequence = game_play(g, i)->ev->sequence;
			ev.number = game_play(g, i)->ev->number;
			break;
		}
	fg(&ev, CS_AWAY, "b0", true, true, 300, 40);
	upsert(g, &ev);
}

/* A play `k` x 4 s later in the period: the fives' seconds grow, and
 * with them the minutes the box and the on-court rows share out. */
static void
clock_runs(struct game *g, int k)
{
	struct cs_event ev;

	ev_new(&ev, 2, 3900 - 40 * k, CS_EV_TWO_MISSED, CS_HOME, "Josh Hart misses a jumper");
	fg(&ev, CS_HOME, "n1", false, false, 900, 200);
	upsert(g, &ev);
}

/* The live clock `k` x 7 s after the last play (ShotTracker's clock
 * frames): nothing is played, but the Team pane's droughts run on. */
static void
live_clock(struct game *g, int k)
{
	struct cs_clock c;

	memset(&c, 0, sizeof c);
	c.period.type = CS_PERIOD_QUARTER;
	c.period.number = c.period.sequence = 2;
	c.clock = 3900 - 40 * 20 - 70 * k;
	c.shot_clock = CS_NO_CLOCK;
	c.running = true;
	game_set_clock(g, &c);
}

/* A play that arrives late, between two others of the first quarter. */
static void
late_insert(struct game *g)
{
	struct cs_event ev;

	ev_new(&ev, 1, 6500, CS_EV_TURNOVER, CS_HOME, "Josh Hart bad pass turnover");
	ev.sequence = 15;
	st_add(&ev, CS_STAT_TURNOVER, CS_HOME, "n1");
	upsert(g, &ev);
}

/* Three plays in one drain, drawn once. */
static void
burst(struct game *g)
{
	struct cs_event ev;

	ev_new(&ev, 2, 3800, CS_EV_TWO_MISSED, CS_HOME, "Jalen Brunson misses jumper");
	fg(&ev, CS_HOME, "n0", false, false, 1000, 280);
	upsert(g, &ev);
	ev_new(&ev, 2, 3780, CS_EV_REBOUND, CS_AWAY, "Al Horford defensive rebound");
	st_add(&ev, CS_STAT_REBOUND, CS_AWAY, "b5");
	upsert(g, &ev);
	ev_new(&ev, 2, 3700, CS_EV_THREE_MADE, CS_AWAY, "Sam Hauser makes 26-foot three");
	fg(&ev, CS_AWAY, "b7", true, true, 330, 560);
	upsert(g, &ev);
}

/* A player the roster does not have, named by the event. */
static void
learned_player(struct game *g)
{
	struct cs_event ev;
	struct cs_stat *s;

	ev_new(&ev, 2, 3600, CS_EV_PERSONAL_FOUL, CS_HOME, "Cameron Payne personal foul");
	s = st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "n9");
	cs_strlcpy(s->player.name, "Cameron Payne", sizeof s->player.name);
	cs_strlcpy(s->player.jersey, "1", sizeof s->player.jersey);
	upsert(g, &ev);
}

static void
next_period(struct game *g)
{
	struct cs_clock c;

	memset(&c, 0, sizeof c);
	c.period.type = CS_PERIOD_QUARTER;
	c.period.number = c.period.sequence = 3;
	c.clock = 7200;
	c.shot_clock = CS_NO_CLOCK;
	game_set_clock(g, &c);
}

static void
published(struct game *g)
{
	struct cs_published_stats p;
	int k;

	memset(&p, 0, sizeof p);
	p.side = CS_AWAY;
	cs_strlcpy(p.player_id, "b0", sizeof p.player_id);
	p.version = 1;
	for (k = 0; k < CS_COL_COUNT; k++)
		p.value[k] = CS_UNKNOWN;
	p.value[CS_COL_PTS] = 99;
	game_set_published(g, &p);
}

/* Every change in turn, each checked against a whole frame. */
static void
script(struct ui *ui, struct game *g, const char *where)
{
	char id[CS_ID_MAX], what[160];
	int k;

#define CHECK(s) do { snprintf(what, sizeof what, "%s: %s", where, s); \
	same_as_whole_or_new(ui, g, what); } while (0)

	CHECK("the first frame");
	basket(g, id, sizeof id);
	CHECK("a basket");
	assist(g);
	CHECK("its assist, riding on the basket's row");
	substitution(g);
	CHECK("a substitution");
	for (k = 1; k <= 20; k++) {
		clock_runs(g, k);
		CHECK("the clock runs on: the minutes move");
	}
	for (k = 1; k <= 6; k++) {
		live_clock(g, k);
		CHECK("the live clock runs on: the droughts and the run with it");
	}
	burst(g);
	CHECK("three plays in one drain");
	correction(g, id);
	CHECK("a correction of an older play");
	late_insert(g);
	CHECK("a play inserted in the middle");
	game_delete(g, id);
	CHECK("a play deleted");
	learned_player(g);
	CHECK("a player learned from a play");
	published(g);
	CHECK("published totals that differ");
	game_toggle_mark(g, game_play(g, 3)->ev->id);
	CHECK("a play marked");
	next_period(g);
	CHECK("a new period");
#undef CHECK
}

/*
 * A period's start redraws what it changes, not whole panes: the shot
 * chart the row under the court that names the period and the baskets,
 * the box score its line score (a column more) and the rows of players
 * whose foul level the new period moves (none here: the thresholds of
 * Q2 and Q3 are the same), the lineups pane nothing (the same fives go
 * on: their stints and fouls read the same).  Counted through the rows each pane draws
 * (rows.h), then checked against a whole frame.
 */
static void
period_start_rows(void)
{
	static const int nyk[5] = { 0, 1, 2, 6, 7 }, bos[5] = { 0, 1, 5, 3, 6 };
	struct game *g = build_game();
	struct ui *ui = ui_at(g, 160, 45, UI_PANE_BOX);
	void *box, *shots, *lineups;
	unsigned long box0, shots0, lineups0;
	struct cs_event ev;

	if (ui == NULL)
		return;
	box = ui_pane_state(ui, UI_PANE_BOX);
	shots = ui_pane_state(ui, UI_PANE_SHOTS);
	lineups = ui_pane_state(ui, UI_PANE_LINEUPS);
	ui_frame(ui);
	box0 = pane_box_rows_drawn(box);
	shots0 = pane_shots_rows_drawn(shots);
	lineups0 = pane_lineups_rows_drawn(lineups);
	ok(box0 > 20 && shots0 > 15, "the first frame draws both panes whole (%lu, %lu rows)",
	    box0, shots0);
	ev_new(&ev, 3, 7200, CS_EV_PERIOD_START, CS_SIDE_NONE, NULL);
	five(&ev, CS_HOME, "n", nyk);
	five(&ev, CS_AWAY, "b", bos);
	upsert(g, &ev);
	ui_frame(ui);
	is_int(pane_shots_rows_drawn(shots) - shots0, 1,
	    "a period's start: the shot chart draws its ends row only");
	is_int(pane_box_rows_drawn(box) - box0, 3,
	    "a period's start: the box score draws its line score only");
	is_int(pane_lineups_rows_drawn(lineups) - lineups0, 0,
	    "a period's start: the lineups pane draws nothing (the same fives)");
	same_as_whole_or_new(ui, g, "a period's start, drawn in part");
	ui_free(&ui);
	game_free(&g);
}

/*
 * A basket changes figures, not names: the box score's rows it moves (the
 * scorer's, the ten +/- on court, the team's totals) draw the cells of
 * the figures that changed, the rest of each row as it was.  Counted
 * through the pane's rows (pane_box_figure_rows), then checked against a
 * whole frame, with the cursor on one of them too.
 */
static void
basket_figures(void)
{
	struct game *g = build_game();
	struct ui *ui = ui_at(g, 160, 45, UI_PANE_BOX);
	unsigned long rows0, fig0, rows, fig;
	char id[CS_ID_MAX];
	void *box;

	if (ui == NULL)
		return;
	box = ui_pane_state(ui, UI_PANE_BOX);
	ui_frame(ui);
	rows0 = pane_box_rows_drawn(box);
	fig0 = pane_box_figure_rows(box);
	basket(g, id, sizeof id);
	ui_frame(ui);
	rows = pane_box_rows_drawn(box) - rows0;
	fig = pane_box_figure_rows(box) - fig0;
	ok(fig >= 11 && rows - fig == 4,
	    "a basket: %lu box rows drawn, %lu of them their figures alone "
	    "(the ten on court, both totals; whole: the line score, its team's FG%%)", rows,
	    fig);
	same_as_whole_or_new(ui, g, "a basket's figures, drawn alone");
	ui_key(ui, 'j');
	ui_key(ui, 'j');
	ui_frame(ui);
	assist(g);
	same_as_whole(ui, "an assist's figures, the cursor on a row");
	ui_free(&ui);
	game_free(&g);
}

/* The model's dirty set itself: what each change touches, and what not. */
static void
model_touches(void)
{
	struct game *g = game_new();
	struct cs_event ev;
	struct cs_clock clk;
	uint64_t shots, rewritten, all;
	char shot_id[CS_ID_MAX];
	int i;

	/* 128 timeouts, then a shot: the fold keeps a checkpoint before it */
	for (i = 0; i < 128; i++) {
		ev_new(&ev, 1, 7000 - i * 10, CS_EV_TIMEOUT, i % 2, "timeout");
		upsert(g, &ev);
	}
	ev_new(&ev, 1, 5000, CS_EV_TWO_MADE, CS_AWAY, "a layup");
	fg(&ev, CS_AWAY, "b1", true, false, 60, 300);
	upsert(g, &ev);
	cs_strlcpy(shot_id, ev.id, sizeof shot_id);
	game_refresh(g);
	shots = game_touched(g, GAME_TOUCH_SHOTS);
	rewritten = game_touched(g, GAME_TOUCH_PLAYS_REWRITTEN);
	ok(shots > 0, "a shot touches the shots");

	ev_new(&ev, 1, 4900, CS_EV_TIMEOUT, CS_HOME, "timeout");
	upsert(g, &ev);
	game_refresh(g);
	ok(game_touched(g, GAME_TOUCH_PLAYS) > shots, "an appended play touches the plays");
	is_int(game_touched(g, GAME_TOUCH_SHOTS), shots, "... not the shots");
	is_int(game_touched(g, GAME_TOUCH_PLAYS_REWRITTEN), rewritten,
	    "... nor the older plays");

	memset(&clk, 0, sizeof clk);
	clk.period.type = CS_PERIOD_QUARTER;
	clk.period.number = clk.period.sequence = 1;
	clk.clock = 4800;
	clk.running = true;
	game_set_clock(g, &clk);
	all = game_touched(g, GAME_TOUCH_ALL);
	clk.clock = 4700;
	game_set_clock(g, &clk);
	game_refresh(g);
	is_int(game_touched(g, GAME_TOUCH_ALL & ~GAME_TOUCH_CLOCK), all,
	    "the clock running on touches nothing of the plays, box or shots");
	ok(game_touched(g, GAME_TOUCH_CLOCK) > all, "... but the clock's seconds");
	clk.clock = 4699;   /* 469.9 s */
	game_set_clock(g, &clk);
	game_refresh(g);
	all = game_touched(g, GAME_TOUCH_ALL);
	clk.clock = 4691;   /* 469.1 s */
	game_set_clock(g, &clk);
	game_refresh(g);
	is_int(game_touched(g, GAME_TOUCH_ALL), all, "tenths within the same second touch nothing");

	game_delete(g, ev.id);
	game_delete(g, shot_id);
	game_refresh(g);
	ok(game_touched(g, GAME_TOUCH_SHOTS) > shots,
	    "deleting the newest shot touches the shots (folded on from the checkpoint "
	    "just before it, nothing to fold)");
	ok(game_touched(g, GAME_TOUCH_PLAYS_REWRITTEN) > rewritten,
	    "... and the older plays");
	game_free(&g);
}

static struct ui *
ui_at(struct game *g, int cols, int lines, int focus)
{
	struct ui *ui = ui_new(&opt, g);

	if (ui == NULL)
		return NULL;
	ui->st = &st;
	ui->now_us = NOW_US;
	resizeterm(lines, cols);
	ui_resize(ui, cols, lines);
	ui_focus(ui, focus);
	return ui;
}

static void
run_at(int cols, int lines, int focus)
{
	struct game *g = build_game();
	struct ui *ui = ui_at(g, cols, lines, focus);
	char where[64];

	snprintf(where, sizeof where, "%dx%d, %s focused", cols, lines,
	    focus == UI_PANE_BOX ? "box" : focus == UI_PANE_PBP ? "plays" :
	    focus == UI_PANE_SHOTS ? "shots" : focus == UI_PANE_TEAM ? "team" : "lineups");
	if (ui != NULL)
		script(ui, g, where);
	ui_free(&ui);
	game_free(&g);
}

/* The UI's own changes: a resize, the focus, zoom; then a play. */
static void
ui_changes(void)
{
	struct game *g = build_game();
	struct ui *ui = ui_at(g, 160, 45, UI_PANE_BOX);
	char id[CS_ID_MAX];

	if (ui == NULL)
		return;
	same_as_whole(ui, "160x45");
	resizeterm(35, 120);
	ui_resize(ui, 120, 35);
	same_as_whole(ui, "resized to 120x35");
	basket_and_assist(g, id, sizeof id);
	same_as_whole(ui, "a play after the resize");
	resizeterm(45, 160);
	ui_resize(ui, 160, 45);
	same_as_whole(ui, "back to 160x45");
	ui_key(ui, '2');
	same_as_whole(ui, "the plays focused");
	ui_key(ui, 'j');
	same_as_whole(ui, "the cursor down a play");
	substitution(g);
	same_as_whole(ui, "a play with the cursor down");
	ui_key(ui, '4');
	same_as_whole(ui, "the lineups focused");
	ui_key(ui, 'z');
	same_as_whole(ui, "zoomed");
	burst(g);
	same_as_whole(ui, "plays while zoomed");
	ui_key(ui, 'z');
	same_as_whole(ui, "zoom back");
	ui_key(ui, 'v');
	same_as_whole(ui, "the shot chart's zones");
	learned_player(g);
	published(g);
	same_as_whole(ui, "plays with the zones shown");
	ui_key(ui, 'v');
	same_as_whole(ui, "the shots again");
	ui_key(ui, '1');
	ui_key(ui, 'j');
	same_as_whole(ui, "the box focused, the cursor down");
	ui_free(&ui);
	game_free(&g);
}

/*
 * The header keeps what each of its rows was drawn from: a row must be
 * drawn again when only the UI's side of it moved (the data's age, the
 * feed's state, a note, the filter), the model unchanged.  Each check also
 * reads the row, so a header left as it was fails twice.
 */
static void
header_changes(void)
{
	struct game *g = build_game();
	struct ui *ui = ui_at(g, 160, 45, UI_PANE_BOX);
	char row[1024];

	if (ui == NULL)
		return;
	same_as_whole(ui, "header: the first frame");
	ui->now_us = NOW_US + 1300000;   /* data 1.7 s old */
	same_as_whole(ui, "header: the data's age moves on");
	ui_dump_row(0, row, sizeof row);
	ok(strstr(row, "live 1.7s") != NULL, "header: live 1.7s on screen");
	st.status.state = FEED_RECONNECTING;
	st.status.attempt = 2;
	same_as_whole(ui, "header: reconnecting");
	ui_dump_row(0, row, sizeof row);
	ok(strstr(row, "reconnecting 2") != NULL, "header: reconnecting 2 on screen");
	st.status.state = FEED_LIVE;
	ui_message(ui, "a note for the status row");
	same_as_whole(ui, "header: a note");
	ui_dump_row(1, row, sizeof row);
	ok(strstr(row, "a note for the status row") != NULL, "header: the note on screen");
	ui->message[0] = '\0';   /* as the loop clears it: no serial moved */
	same_as_whole(ui, "header: the note gone, nothing else moved");
	ui_key(ui, 't');
	same_as_whole(ui, "header: a team filter");
	ui_free(&ui);
	game_free(&g);
	ui = NULL;
	st.status.attempt = 0;
}

int
main(void)
{
	static const int focus[] = { UI_PANE_BOX, UI_PANE_PBP, UI_PANE_SHOTS, UI_PANE_LINEUPS };
	SCREEN *scr;
	FILE *in;
	size_t i;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	unsetenv("LINES");
	unsetenv("COLUMNS");
	term_out = tmpfile();
	in = fopen("/dev/null", "r");
	if (!ok(term_out != NULL && in != NULL, "a terminal in a file"))
		return tap_done();
	setenv("TERM", "xterm-256color", 1);
	scr = newterm("xterm-256color", term_out, in);
	if (!ok(scr != NULL, "newterm(xterm-256color)"))
		return tap_done();
	set_term(scr);
	ui_curses_setup();
	memset(&st, 0, sizeof st);
	st.status.state = FEED_LIVE;
	st.caught_up = true;
	st.last_data_us = NOW_US - 400000;

	header_changes();
	run_at(160, 45, UI_PANE_BOX);
	run_at(160, 45, UI_PANE_PBP);
	run_at(200, 50, UI_PANE_LINEUPS);
	run_at(120, 35, UI_PANE_BOX);
	run_at(160, 45, UI_PANE_TEAM);
	for (i = 0; i < sizeof focus / sizeof focus[0]; i++)
		run_at(80, 24, focus[i]);
	ui_changes();
	period_start_rows();
	basket_figures();
	model_touches();

	endwin();
	delscreen(scr);
	fclose(term_out);
	fclose(in);
	return tap_done();
}
