/*
 * Screen tests, tig style: the real UI renders into an in-memory terminal
 * (newterm on a temporary file, no tty), keys go straight to the key
 * handler, and every screen is compared row by row with an expected dump
 * in tests/screens/NAME.txt.
 *
 *   CS_UPDATE_SCREENS=1 ./tests/test_screens   rewrites the expected files
 *   (in $top_srcdir/tests/screens); review them by eye before committing.
 *   CS_DEBUG_BYTES=1 prints the terminal bytes one play produced (stderr).
 *
 * The game is built by hand (tests/ui_game.h): two teams, a substitution,
 * fouls, shots on both halves, a corrected play, and an escape sequence in
 * a player's name and in a description.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "ui/keys.h"
#include "ui/label.h"
#include "ui/pane_strip.h"
#include "ui/panes.h"
#include "ui/picker.h"
#include "ui/screen.h"
#include "ui/text.h"

#define NOW_US 1000000000LL   /* a fixed "now" for the data age */

static const char *srcdir;
static bool update;
static FILE *term_out;        /* what curses writes, kept for inspection */

#include "ui_game.h"
#include "ui_plays_game.h"
#include "ui_game15.h"
#include "model/possessions.h"

/* ---- screens ---- */

static void
dump_screen(char *buf, size_t size)
{
	char row[2048];
	size_t n = 0;
	int y;

	buf[0] = '\0';
	for (y = 0; y < LINES; y++) {
		ui_dump_row(y, row, sizeof row);
		n += (size_t)snprintf(buf + n, size > n ? size - n : 0, "%s\n", row);
		if (n >= size)
			break;
	}
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long len;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)len + 1);
	if (buf != NULL && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	if (buf != NULL)
		buf[len] = '\0';
	fclose(f);
	return buf;
}

static void
show_diff(const char *got, const char *want)
{
	int line = 1;
	const char *g = got, *w = want, *ge, *we;

	while (*g != '\0' || *w != '\0') {
		ge = strchr(g, '\n');
		we = strchr(w, '\n');
		if (ge == NULL)
			ge = g + strlen(g);
		if (we == NULL)
			we = w + strlen(w);
		if (ge - g != we - w || memcmp(g, w, (size_t)(ge - g)) != 0) {
			printf("#   line %d\n#   got:  |%.*s|\n#   want: |%.*s|\n", line,
			    (int)(ge - g), g, (int)(we - w), w);
			return;
		}
		g = *ge ? ge + 1 : ge;
		w = *we ? we + 1 : we;
		line++;
	}
}

static void compare_screen(const char *name);

static void
check_screen(struct ui *ui, const char *name)
{
	ui_frame(ui);
	compare_screen(name);
}

/* What is on the terminal now against tests/screens/NAME.txt. */
static void
compare_screen(const char *name)
{
	static char got[256 * 1024];
	char path[1024];
	char *want;
	FILE *f;

	dump_screen(got, sizeof got);
	snprintf(path, sizeof path, "%s/tests/screens/%s.txt", srcdir, name);
	if (update) {
		f = fopen(path, "w");
		ok(f != NULL && fputs(got, f) >= 0 && fclose(f) == 0, "wrote %s", path);
		return;
	}
	want = slurp(path);
	if (want == NULL) {
		ok(0, "screen %s (cannot read %s: %s)", name, path, strerror(errno));
		return;
	}
	if (!ok(strcmp(got, want) == 0, "screen %s (%dx%d)", name, COLS, LINES))
		show_diff(got, want);
	free(want);
}

static void
size_to(struct ui *ui, int cols, int lines)
{
	resizeterm(lines, cols);
	ui_resize(ui, cols, lines);
}

static void
keys(struct ui *ui, const char *k)
{
	for (; *k != '\0'; k++)
		ui_key(ui, (unsigned char)*k);
}

static long
out_size(void)
{
	struct stat sb;

	fflush(term_out);
	if (fstat(fileno(term_out), &sb) < 0)
		return -1;
	return (long)sb.st_size;
}

static bool
out_contains(const char *needle, size_t nlen)
{
	long len = out_size();
	char *buf;
	bool found = false;
	long i;

	if (len <= 0)
		return false;
	buf = malloc((size_t)len);
	if (buf == NULL)
		return false;
	if (pread(fileno(term_out), buf, (size_t)len, 0) == len)
		for (i = 0; i + (long)nlen <= len && !found; i++)
			found = memcmp(buf + i, needle, nlen) == 0;
	free(buf);
	return found;
}

static bool
screen_has(const char *needle)
{
	static char got[256 * 1024];

	dump_screen(got, sizeof got);
	return strstr(got, needle) != NULL;
}

/* The plays pane's state, for its accessors. */
static const void *
pbp(struct ui *ui)
{
	return ui_pane_state(ui, UI_PANE_PBP);
}

static int
box_sort(struct ui *ui, bool *ascending)
{
	return pane_box_sort(ui_pane_state(ui, UI_PANE_BOX), ascending);
}

/* The text of the play under the plays pane's cursor. */
static const char *
cursor_text(struct ui *ui, char *buf, size_t size)
{
	int play = pane_pbp_cursor_play(pbp(ui));
	const struct play *p;

	buf[0] = '\0';
	if (play < 0)
		return buf;
	p = game_play(ui->g, (size_t)play);
	if (p != NULL && p->ev != NULL)
		ui_play_text(ui->g, p->ev, buf, size);
	return buf;
}

static SCREEN *
open_term(const char *term)
{
	SCREEN *scr;
	FILE *in = fopen("/dev/null", "r");

	setenv("TERM", term, 1);
	scr = newterm(term, term_out, in);
	if (scr == NULL)
		return NULL;
	set_term(scr);
	ui_curses_setup();
	return scr;
}

/* ---- the tests ---- */

static void
test_layouts_and_panes(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);

	ui->st = st;
	ui->now_us = NOW_US;
	ok(ui->theme.color, "xterm-256color has colours");

	size_to(ui, 200, 50);
	check_screen(ui, "full_200x50");
	is_int(ui->layout.tier, UI_TIER_FULL, "200x50 is the full layout");
	size_to(ui, 160, 45);
	check_screen(ui, "full_160x45");
	size_to(ui, 120, 35);
	check_screen(ui, "two_120x35");
	is_int(ui->layout.tier, UI_TIER_TWO, "120x35 is the two-column layout");
	size_to(ui, 80, 24);
	check_screen(ui, "single_80x24_box");
	keys(ui, "2");
	check_screen(ui, "single_80x24_plays");
	keys(ui, "3");
	check_screen(ui, "single_80x24_shots");
	keys(ui, "4");
	check_screen(ui, "single_80x24_lineups");
	keys(ui, "?");
	check_screen(ui, "single_80x24_help");
	keys(ui, "q");
	is_int(ui_focused(ui), UI_PANE_LINEUPS, "q closes help, back to lineups");
	keys(ui, "\t");
	is_int(ui_focused(ui), UI_PANE_TEAM, "Tab from lineups goes to the team pane");
	keys(ui, "\t");
	is_int(ui_focused(ui), UI_PANE_POSSESSIONS, "Tab from the team pane goes to possessions");
	keys(ui, "\t");
	is_int(ui_focused(ui), UI_PANE_BOX, "Tab from possessions wraps to the box score");
	ui_key(ui, KEY_BTAB);
	ui_key(ui, KEY_BTAB);
	ui_key(ui, KEY_BTAB);
	is_int(ui_focused(ui), UI_PANE_LINEUPS, "Shift-Tab goes back");
	size_to(ui, 50, 15);
	check_screen(ui, "too_small_50x15");
	ok(screen_has("terminal too small (50x15), need 60x16"), "too-small message");

	/* resizing back and forth leaves the same screen as drawing it fresh */
	keys(ui, "1");
	size_to(ui, 200, 50);
	ui_frame(ui);
	size_to(ui, 80, 24);
	ui_frame(ui);
	size_to(ui, 160, 45);
	check_screen(ui, "full_160x45");
	ui_free(&ui);
}

static void
test_filters(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	char text[256];

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 160, 45);
	keys(ui, "2");
	keys(ui, "t");
	is_int(ui->filter.side, CS_HOME, "t: home");
	check_screen(ui, "filter_team_home");
	keys(ui, "t");
	is_int(ui->filter.side, CS_AWAY, "t: away");
	keys(ui, "t");
	is_int(ui->filter.side, CS_SIDE_NONE, "t: all again");
	keys(ui, "p");
	is_str(ui->filter.player_id, "b0", "p: the first away starter (Tatum)");
	check_screen(ui, "filter_player");
	keys(ui, "P");
	is_str(ui->filter.player_id, "", "P: back to every player");
	keys(ui, "]");
	is_int(ui->filter.period, 1, "]: Q1");
	check_screen(ui, "filter_period_q1");
	keys(ui, "]]");
	is_int(ui->filter.period, 0, "]: past the last period, all periods");
	keys(ui, "[");
	is_int(ui->filter.period, 2, "[: from all to the latest period");
	keys(ui, "c");
	keys(ui, "s");
	ok(ui->filter.scoring, "s: scoring only");
	check_screen(ui, "filter_scoring");
	keys(ui, "s");

	/* search: incremental, case-insensitive, n for the next match */
	keys(ui, "/");
	ok(pane_pbp_prompt(pbp(ui)), "/ opens the prompt");
	keys(ui, "bRun");
	check_screen(ui, "search_prompt");
	is_str(cursor_text(ui, text, sizeof text), "Jalen Brunson makes 24-foot step back jumper",
	    "typing moves the cursor to the first match");
	ui_key(ui, '\r');
	ok(!pane_pbp_prompt(pbp(ui)), "Enter closes the prompt");
	keys(ui, "n");
	check_screen(ui, "search_next");
	is_str(cursor_text(ui, text, sizeof text), "Jalen Brunson makes driving layup",
	    "n: the next match, further down (older)");
	keys(ui, "n");
	is_str(cursor_text(ui, text, sizeof text), "Jalen Brunson misses 25-foot three point jumper",
	    "n again");
	keys(ui, "N");
	is_str(cursor_text(ui, text, sizeof text), "Jalen Brunson makes driving layup",
	    "N: back up");
	keys(ui, "/zzz");
	ok(pane_pbp_no_match(pbp(ui)), "no match for zzz");
	ui_key(ui, UI_KEY_ESC);
	is_str(pane_pbp_query(pbp(ui)), "", "Esc drops the query");

	/* Enter in the box score picks the player under the cursor */
	keys(ui, "1");
	keys(ui, "jjjjjj");
	ui_key(ui, '\r');
	is_str(ui->filter.player_id, "b1", "Enter on Brown's row filters on him");
	keys(ui, "3");
	check_screen(ui, "shots_player_half");
	keys(ui, "c");
	ui_free(&ui);
}

static void
test_zoom_zones_sort(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	bool ascending;

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 120, 35);
	keys(ui, "3z");
	ok(ui->zoom, "z zooms");
	check_screen(ui, "zoom_shots_120x35");
	keys(ui, "v");
	check_screen(ui, "zoom_zones_120x35");
	keys(ui, "t");
	check_screen(ui, "zoom_zones_home_half");
	keys(ui, "cvz");
	ok(!ui->zoom, "z again unzooms");
	keys(ui, "1oo");
	is_int(box_sort(ui, &ascending), BOX_COL_PTS, "o o: sorted by points");
	check_screen(ui, "box_sorted_pts");
	keys(ui, "O");
	box_sort(ui, &ascending);
	ok(ascending, "O reverses");
	keys(ui, "h");
	is_int(box_sort(ui, &ascending), BOX_COL_MIN, "h: the previous column");
	ui_free(&ui);
}

/* A UI on `g` with the feed state `st`, at the fixed "now". */
static struct ui *
ui_on(const struct ui_options *opt, struct game *g, const struct app_state *st)
{
	struct ui *ui = ui_new(opt, g);

	if (ui != NULL) {
		ui->st = st;
		ui->now_us = NOW_US;
	}
	return ui;
}

/* A pane's own keys reach it wherever the focus is (tig's requests). */
static void
test_requests(struct game *g, struct app_state *st)
{
	static const struct ui_options opt;
	struct ui *ui = ui_on(&opt, g, st);
	int fl;

	size_to(ui, 160, 45);
	keys(ui, "1v");
	ui_frame(ui);
	ok(screen_has("zones FG%: away left, home right"),
	    "v from the box score: the chart shows zones");
	is_int(ui_focused(ui), UI_PANE_BOX, "v leaves the focus where it was");
	keys(ui, "v");
	ui_frame(ui);
	ok(!screen_has("zones FG%"), "v again: the shots");

	keys(ui, "/");
	is_int(ui_focused(ui), UI_PANE_PBP, "/ from the box score focuses the plays");
	ok(pane_pbp_prompt(pbp(ui)), "and opens the prompt");
	fl = ui_key(ui, 'q');
	ok(!(fl & UI_QUIT), "q while the prompt is open is part of the query");
	is_str(pane_pbp_query(pbp(ui)), "q", "the prompt keeps the keyboard");
	ui_key(ui, UI_KEY_ESC);
	ok(!pane_pbp_prompt(pbp(ui)), "Esc closes it");

	size_to(ui, 80, 24);
	keys(ui, "/brunson\r1");
	is_int(ui_focused(ui), UI_PANE_BOX, "80x24: the box score alone");
	keys(ui, "n");
	is_int(ui_focused(ui), UI_PANE_PBP, "n brings the hidden plays into view");
	keys(ui, "p");
	is_str(ui->filter.player_id, "b0", "p from the plays: the box score's first player");
	keys(ui, "c");
	ui_key(ui, UI_KEY_ESC);
	ui_free(&ui);
}

static void
test_ascii(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui;

	opt.ascii = true;
	ui = ui_new(&opt, g);
	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 120, 35);
	keys(ui, "3z");
	check_screen(ui, "ascii_shots_120x35");
	keys(ui, "z");
	size_to(ui, 80, 24);
	keys(ui, "2");
	check_screen(ui, "ascii_plays_80x24");
	ui_free(&ui);
}

static void
test_header_states(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	struct app_state s = *st;
	char buf[256];
	enum ui_color c;

	ui->st = &s;
	ui->now_us = NOW_US;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "live 0.4s", "live with the data's age");
	is_int(c, UI_C_GOOD, "live is green");
	s.last_data_us = NOW_US - 25 * 1000000LL;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "stale 25s", "stale after 20 s");
	is_int(c, UI_C_WARN, "stale is yellow");
	s.last_data_us = NOW_US - 75 * 1000000LL;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "stale 75s", "still stale");
	is_int(c, UI_C_ALERT, "red after 60 s");
	s.status.state = FEED_RECONNECTING;
	s.status.attempt = 3;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "reconnecting 3, data 75s old",
	    "reconnecting with the attempt, and how old what is shown is");
	s.status.state = FEED_CATCHING_UP;
	s.status.attempt = 1;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "catching up, retry 1, data 75s old",
	    "catching up again after a drop: the same age");
	s.status.state = FEED_RECONNECTING;
	s.status.attempt = 3;
	s.last_data_us = NOW_US - 4 * 1000000LL;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "reconnecting 3", "no age while it is a few seconds");
	s.last_data_us = NOW_US - 75 * 1000000LL;
	s.status.state = FEED_REPLAY;
	s.status.speed = 8;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "replay 8x", "replay speed");
	cs_strlcpy(s.status.message, "replay 16x", sizeof s.status.message);
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "replay 16x", "the replay's own speed after + or -");
	s.status.state = FEED_PAUSED;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "replay 16x, paused", "paused, with the speed");
	s.status.message[0] = '\0';
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "paused", "paused");
	s.status.state = FEED_ENDED;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "ended", "ended");
	s.status.state = FEED_FAILED;
	cs_strlcpy(s.status.message, "HTTP 401 \033[2Jbad key", sizeof s.status.message);
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "failed: HTTP 401 [2Jbad key", "failed, message sanitized");
	is_int(c, UI_C_ALERT, "failed is red");

	/* the stale header on screen, in yellow */
	s.status.state = FEED_LIVE;
	s.last_data_us = NOW_US - 25 * 1000000LL;
	size_to(ui, 80, 24);
	check_screen(ui, "header_stale_80x24");
	{
		cchar_t cc;
		attr_t a;
		short pair;
		wchar_t wch[CCHARW_MAX + 1];

		mvwin_wch(curscr, 0, 78, &cc);
		getcchar(&cc, wch, &a, &pair, NULL);
		is_int(pair, PAIR_NUMBER(ui_attr(&ui->theme, UI_C_WARN)), "stale drawn in the warning colour");
	}
	ui->st = NULL;
	ui_conn_text(ui->st, ui->now_us, buf, sizeof buf, &c);
	is_str(buf, "no feed", "no feed");
	ui_title_text(ui->g, NULL, buf, sizeof buf);
	is_str(buf, "BOS 9 NYK 10 Q2 9:10 - courtside", "terminal title text");
	ui_free(&ui);
}

static void
test_escapes(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	char buf[128];
	WINDOW *w;

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 200, 50);
	ui_frame(ui);
	ok(screen_has("[31mEvil[0m Name") || screen_has("[31mEvil[0m"),
	    "the escape in a player's name shows as plain text");
	ok(!out_contains("\033[31mEvil", 9), "no escape sequence from a name reached the terminal");
	ok(!out_contains("\033]2;pwned", 9), "no OSC from a description reached the terminal");
	ok(screen_has("]2;pwnedJosh Hart") || screen_has("Foul on ]2;pwned"),
	    "the description shows without its control characters");

	/* ui_text sanitizes by itself too (defence in depth) */
	w = newwin(1, 40, 0, 0);
	ui_text(w, 0, 0, 40, A_NORMAL, "a\033[2Jb\x9b" "1mc\007d");
	mvwinnstr(w, 0, 0, buf, 39);
	buf[39] = '\0';
	{
		char *e = buf + strlen(buf);

		while (e > buf && e[-1] == ' ')
			*--e = '\0';
	}
	is_str(buf, "a[2Jb1mcd", "ui_text drops ESC, C1 CSI and BEL");
	delwin(w);
	ui_free(&ui);
}

static void
test_incremental(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	struct cs_event ev;
	long before, after, full;
	char text[256], text2[256], white_id[CS_ID_MAX];

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 160, 45);
	ui_frame(ui);
	before = out_size();
	ui_frame(ui);
	after = out_size();
	is_int(after - before, 0, "a frame with nothing new writes nothing");
	/* what repainting every cell costs, to compare with */
	before = out_size();
	clearok(curscr, TRUE);
	ui_frame(ui);
	full = out_size() - before;
	ok(full > 5000, "a full repaint at 160x45 writes %ld bytes", full);

	ev_new(&ev, 2, 5000, CS_EV_TWO_MADE, CS_AWAY, "Derrick White makes floating jump shot");
	fg(&ev, CS_AWAY, "b3", true, false, 120, 330);
	before = out_size();
	game_upsert(g, &ev);
	ok(!game_fresh(g), "a new play leaves the model to derive");
	ui_frame(ui);
	ok(game_fresh(g), "the frame derives it before the panes read it");
	is_int((int)game_view_play_count(g), (int)game_play_count(g),
	    "the panes' const reader sees what the deriving accessor sees");
	after = out_size();
	/* only what changed goes out: a small part of the screen (make bench
	 * measures the average over a game against the 2 KB budget) */
	ok(after - before > 0 && after - before < full / 3,
	    "one play writes %ld bytes, a fraction of a full repaint", after - before);
	if (getenv("CS_DEBUG_BYTES") != NULL) {
		char *b = malloc((size_t)(after - before) + 1);
		long i;

		if (pread(fileno(term_out), b, (size_t)(after - before), before) > 0)
			for (i = 0; i < after - before; i++) {
				if (b[i] == 27)
					fputs("\n\\e", stderr);
				else
					fputc(b[i], stderr);
			}
		free(b);
	}
	ok(screen_has("Derrick White makes floating jump shot"), "the new play is on screen");
	game_delete(g, ev.id);
	ui_frame(ui);
	ok(!screen_has("Derrick White makes floating jump shot"), "a deleted play leaves the screen");

	/* the cursor follows the newest play, unless the reader moved it */
	keys(ui, "2");
	ui_frame(ui);
	is_str(cursor_text(ui, text, sizeof text), "Jalen Brunson makes 24-foot step back jumper",
	    "the cursor starts on the newest play");
	game_upsert(g, &ev);
	cs_strlcpy(white_id, ev.id, sizeof white_id);
	ui_frame(ui);
	is_str(cursor_text(ui, text, sizeof text), "Derrick White makes floating jump shot",
	    "a new play: the cursor follows it");
	keys(ui, "jj");
	cursor_text(ui, text, sizeof text);
	ev_new(&ev, 2, 4900, CS_EV_TIMEOUT, CS_HOME, "Knicks full timeout");
	game_upsert(g, &ev);
	ui_frame(ui);
	is_str(cursor_text(ui, text2, sizeof text2), text,
	    "scrolled down: the same play stays under the cursor");
	game_delete(g, ev.id);
	game_delete(g, white_id);
	ui_free(&ui);
}

static void
test_bells(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	struct cs_event ev;
	unsigned m;

	ui->st = st;
	is_int(ui_watch(ui), 0, "the first look rings nothing");
	is_int(ui_watch(ui), 0, "nothing new, nothing rings");
	/* BOS 9 NYK 10: a BOS three takes the lead back */
	ev_new(&ev, 2, 4000, CS_EV_THREE_MADE, CS_AWAY, "Sam Hauser makes three");
	fg(&ev, CS_AWAY, "b7", true, true, 420, 250);
	game_upsert(g, &ev);
	m = ui_watch(ui);
	ok(m & UI_BELL_SCORE, "a basket rings the score bell");
	ok(m & UI_BELL_LEAD_CHANGE, "taking the lead rings the lead-change bell");
	ev_new(&ev, 2, 3900, CS_EV_PERSONAL_FOUL, CS_AWAY, "Hauser foul");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_AWAY, "b7");
	game_upsert(g, &ev);
	ev_new(&ev, 2, 3800, CS_EV_PERSONAL_FOUL, CS_AWAY, "Hauser foul");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_AWAY, "b7");
	game_upsert(g, &ev);
	ev_new(&ev, 2, 3700, CS_EV_PERSONAL_FOUL, CS_AWAY, "Hauser foul");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_AWAY, "b7");
	game_upsert(g, &ev);
	m = ui_watch(ui);
	ok(m & UI_BELL_FOUL_TROUBLE, "a third foul in Q2 rings the foul-trouble bell");
	ok(!(m & UI_BELL_SCORE), "fouls do not ring the score bell");
	ui_free(&ui);
}

/* A game with nothing in it yet: every pane draws, nothing crashes. */
static void
test_empty(struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct game *g = game_new();
	struct ui *ui = ui_new(&opt, g);
	int k;

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 200, 50);
	ui_frame(ui);
	ok(screen_has("no plays yet"), "empty game: the plays say so");
	ok(screen_has("HOME") && screen_has("AWAY"), "empty game: teams without names");
	ok(screen_has("no units yet"), "empty game: no units");
	ok(screen_has("0/0 -") && !screen_has("0/0 0%"),
	    "empty game: no shots is no percentage, not 0%%");
	size_to(ui, 80, 24);
	for (k = '1'; k <= '5'; k++) {
		ui_key(ui, k);
		ui_frame(ui);
	}
	keys(ui, "tpP[]s/x");
	ui_key(ui, '\r');
	keys(ui, "nNvozjkgG");
	ui_frame(ui);
	ok(screen_has("AWAY"), "empty game: every key on every pane, still drawing");
	ui_free(&ui);
	game_free(&g);
}

/* A first-quarter possession, the n-th of `side`, as ShotTracker sends
 * one: id "<id>@n", `five` on offense against `opp`, player ids a side's
 * letter (`own`, the other side's `other`) and a number. */
static void
possession_base(struct cs_possession *p, const char *id, int side, int n, char own,
    char other, const int five[5], const int opp[5])
{
	int k;

	memset(p, 0, sizeof *p);
	snprintf(p->id, sizeof p->id, "%s@%d", id, n);
	p->side = side;
	p->period.type = CS_PERIOD_QUARTER;
	p->period.number = p->period.sequence = 1;
	p->start_clock = 7200 - n * 150;
	p->end_clock = p->start_clock - 140;
	p->nfive[0] = p->nfive[1] = 5;
	for (k = 0; k < 5; k++) {
		snprintf(p->five[0][k], CS_ID_MAX, "%c%d", own, five[k]);
		snprintf(p->five[1][k], CS_ID_MAX, "%c%d", other, opp[k]);
	}
}

/* ShotTracker's own possessions of the hand-built game: NYK (home) 5 in 4
 * with two fives, BOS (away) 4 in 3. */
static void
add_possession(struct game *g, int side, int n, int points, bool half, bool paint,
    int passes, int screen, int shot_clock, const int five[5], const int opp[5])
{
	struct cs_possession p;

	possession_base(&p, side == CS_HOME ? "nyk" : "bos", side, n,
	    side == CS_HOME ? 'n' : 'b', side == CS_HOME ? 'b' : 'n', five, opp);
	p.points = points;
	p.fga = shot_clock >= 0;
	p.fgm = points >= 2;
	p.shot_clock = shot_clock >= 0 ? shot_clock : CS_NO_CLOCK;
	p.half_court = half;
	p.paint_touch = paint;
	p.passes = passes;
	if (screen >= 0)
		p.screens[screen] = 1;
	game_set_possession(g, &p);
}

static void
test_possessions_pane(struct game *g, struct app_state *st)
{
	static const int s5[5] = { 0, 1, 2, 3, 4 }, b5[5] = { 0, 1, 2, 3, 5 };
	struct ui_options opt = { 0 };
	struct ui *ui;

	add_possession(g, CS_HOME, 1, 2, false, true, 1, -1, 180, s5, s5);
	add_possession(g, CS_AWAY, 2, 3, true, false, 3, CS_SCREEN_PICK_N_POP, 60, s5, s5);
	add_possession(g, CS_HOME, 3, 0, true, true, 2, CS_SCREEN_PICK_N_ROLL, 30, s5, s5);
	add_possession(g, CS_AWAY, 4, 0, true, false, 5, -1, -1, s5, b5);
	add_possession(g, CS_HOME, 5, 3, true, false, 4, CS_SCREEN_HANDOFF, 100, b5, s5);
	add_possession(g, CS_AWAY, 6, 1, false, true, 0, -1, 20, s5, b5);
	add_possession(g, CS_HOME, 7, 0, true, true, 0, -1, -1, b5, s5);
	ui = ui_new(&opt, g);
	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 80, 24);
	keys(ui, "6");
	is_int(ui_focused(ui), UI_PANE_POSSESSIONS, "6 opens the possessions pane");
	check_screen(ui, "possessions_80x24");
	ok(screen_has("4     5  1.25"), "NYK: 5 points in 4 possessions, 1.25");
	keys(ui, "G");   /* both teams' ball-screen rows push it below the first page */
	ui_frame(ui);
	ok(screen_has("derived 6.00  ST 4  diff -2.00"),
	    "NYK: derived and ShotTracker's possessions side by side, with the difference");
	keys(ui, "g");
	size_to(ui, 160, 45);
	check_screen(ui, "possessions_160x45");
	keys(ui, "z");
	check_screen(ui, "possessions_zoom_160x45");
	ui_free(&ui);
}

static void
test_mono(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui;
	SCREEN *scr;
	cchar_t cc;
	attr_t a;
	short pair;
	wchar_t wch[CCHARW_MAX + 1];

	/* --no-color on a colour terminal */
	opt.no_color = true;
	ui = ui_new(&opt, g);
	ok(!ui->theme.color, "--no-color: no colours");
	ui_free(&ui);

	/* a terminal without colours: vt100 */
	scr = open_term("vt100");
	ok(scr != NULL, "newterm(vt100)");
	if (scr == NULL)
		return;
	opt.no_color = false;
	ui = ui_new(&opt, g);
	ui->st = st;
	ui->now_us = NOW_US;
	ok(!ui->theme.color, "vt100 has no colours");
	size_to(ui, 80, 24);
	check_screen(ui, "mono_vt100_80x24");
	mvwin_wch(curscr, 2, 2, &cc);
	getcchar(&cc, wch, &a, &pair, NULL);
	ok((a & A_REVERSE) != 0, "the focused title is in reverse video without colours");
	ui_free(&ui);
	endwin();
	delscreen(scr);
}

/* The Team pane (5): zoomed alone at 80x24, the left column at 120x35,
 * the compact form in the strip under the box score at 160x45. */
static void
test_team(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 80, 24);
	keys(ui, "5");
	is_int(ui_focused(ui), UI_PANE_TEAM, "5: the team pane");
	check_screen(ui, "team_80x24");
	ok(screen_has("Most unanswered") && screen_has("FT rate"),
	    "80x24: the first and the last figure both on screen");
	size_to(ui, 120, 35);
	check_screen(ui, "team_120x35");
	size_to(ui, 160, 45);
	check_screen(ui, "team_160x45");
	ok(ui_layout_visible(&ui->layout, UI_PANE_BOX) &&
	    ui_layout_visible(&ui->layout, UI_PANE_PBP) &&
	    ui_layout_visible(&ui->layout, UI_PANE_SHOTS), "160x45: the others still show");
	ok(screen_has("Bench pts") && screen_has("FT rate"),
	    "160x45: every figure in the compact strip");
	keys(ui, "]");
	check_screen(ui, "team_160x45_q1");
	size_to(ui, 80, 40);
	ui_frame(ui);
	ok(screen_has("more below (j)"), "80x40: half a screen says there is more");
	keys(ui, "G");
	ui_frame(ui);
	ok(screen_has("FT rate") && !screen_has("more below"), "G: the last figure, nothing more");
	keys(ui, "g");
	size_to(ui, 160, 45);
	keys(ui, "c?");
	ui_frame(ui);
	ok(screen_has("team: the coach's numbers"), "help names the 5 key");
	ui_free(&ui);
}

/* The header names a live run (8 points clear) with the time it has
 * lasted; not a smaller one; shorter when the row is narrow. */
static void
test_header_run(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	struct cs_event ev;
	char ids[3][CS_ID_MAX];
	int i;

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 160, 45);
	for (i = 0; i < 3; i++) {
		ev_new(&ev, 2, 3600 - 300 * i, CS_EV_THREE_MADE, CS_HOME, "Josh Hart makes three");
		fg(&ev, CS_HOME, "n1", true, true, 800, 40);
		game_upsert(g, &ev);
		cs_strlcpy(ids[i], ev.id, sizeof ids[i]);
		if (i == 1) {
			ui_frame(ui);
			ok(!screen_has("run,"), "6-0 is no run for the header");
		}
	}
	check_screen(ui, "header_run_160x45");
	ok(screen_has("NYK 9-0 run, 1:00"), "160x45: NYK 9-0 run, 1:00 (6:00 to 5:00)");
	size_to(ui, 80, 24);
	check_screen(ui, "header_run_80x24");
	ok(screen_has("NYK 9-0 run"), "80x24: the run, shorter");
	for (i = 0; i < 3; i++)
		game_delete(g, ids[i]);
	size_to(ui, 160, 45);
	ui_frame(ui);
	ok(!screen_has("9-0 run"), "the plays deleted, the run is gone");
	ui_free(&ui);
}

/* The units of both teams with their possessions, points and net rating,
 * in the strip at 160x45 and alone at 80x24, no two rows alike. */
static void
test_lineups_units(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct ui *ui = ui_new(&opt, g);
	char row[2][512];
	int y, first = -1, same = 0, n = 0, k;

	ui->st = st;
	ui->now_us = NOW_US;
	size_to(ui, 160, 45);
	ui_frame(ui);
	ok(screen_has("BOS J.Tatum J.Brown J.Holiday D.White K.Porzingis") &&
	    screen_has("NYK J.Brunson J.Hart O.Anunoby M.Robinson I.Hartenstein"),
	    "160x45: a unit of each team in the strip");
	ok(screen_has("more below (j), t: one team"), "160x45: the strip says there is more");
	size_to(ui, 80, 24);
	keys(ui, "4");
	ui_frame(ui);
	ok(screen_has("POSS     PTS    NET"), "80x24: possessions, points, net rating");
	ok(screen_has("12:00   4.88     7-5  +41.0"),
	    "80x24: BOS's first unit: 4.88 possessions, 7-5, +41.0 per 100");
	/* the box's shares (17:50 -> 18, 5:50 -> 6), not 17:50 cut to 17 */
	ok(screen_has(" 0 Jayson Tatum            18   0   +2") &&
	    screen_has("42 Al Horford               6   0    0"),
	    "80x24: on court, each player's MIN as the box score shows it");
	for (y = 0; y < LINES; y++) {
		ui_dump_row(y, row[0], sizeof row[0]);
		if (strstr(row[0], "Five-man units") != NULL)
			first = y + 1;
	}
	for (y = first; first > 0 && y < LINES; y++) {
		ui_dump_row(y, row[0], sizeof row[0]);
		if (strlen(row[0]) < 40)
			continue;
		row[0][40] = '\0';   /* the team and the names */
		n++;
		for (k = y + 1; k < LINES; k++) {
			ui_dump_row(k, row[1], sizeof row[1]);
			row[1][strlen(row[1]) < 40 ? strlen(row[1]) : 40] = '\0';
			same += strcmp(row[0], row[1]) == 0;
		}
	}
	ok(n == 5 && same == 0, "80x24: five units, no two labelled alike (%d, %d alike)", n, same);
	ui_free(&ui);
}

/* ---- the plays tell the story ---- */

/* Substitutions read IN/OUT against the five before; assists, blocks,
 * steals and fouls drawn sent as items of their own sit in their play's
 * row; a text too long is cut at a word with an ellipsis. */
static void
test_plays_story(struct app_state *st)
{
	static const struct ui_options opt;
	struct game *g = build_plays_game();
	struct ui *ui = ui_on(&opt, g, st);

	size_to(ui, 160, 45);
	keys(ui, "2]");
	check_screen(ui, "plays_story_160x45");
	ok(screen_has("IN Westbrook, Watson \xc2\xb7 OUT Braun, Gordon"),
	    "a new five: who came in, who went out");
	ok(screen_has("IN Thompson #1, Thompson #2 \xc2\xb7 OUT Brooks, Smith"),
	    "brothers told apart by their jerseys; Smith Jr. is Smith");
	ok(screen_has("five: Murray, Braun, Porter, Gordon, Jokic"),
	    "the first five of the game: the five");
	ok(!screen_has("DEN lineup"), "no bare \"DEN lineup\"");
	ok(screen_has("Nikola Jokic makes a two (Murray ast)"), "the assist in its shot's row");
	ok(screen_has("Jalen Green misses a two (Gordon blk)"), "the block in its miss's row");
	ok(screen_has("Christian Braun personal foul (drawn by Van\xe2\x80\xa6"),
	    "the foul drawn in its foul's row, cut at a word");
	ok(screen_has("Alperen Sengun live ball turnover (Murray stl)"),
	    "the steal in its turnover's row");
	ok(!screen_has("Jamal Murray assist") && !screen_has("foul drawn"),
	    "no rows of their own for riders");
	ok(screen_has("Fred Van Vleet makes a three (Thompson #2 ast)"), "the other brother");
	ok(screen_has("Alperen Sengun makes a turnaround fadeaway\xe2\x80\xa6"),
	    "a long text ends at a word, with an ellipsis");
	size_to(ui, 80, 24);
	check_screen(ui, "plays_story_80x24");
	ok(screen_has("Christian Braun personal foul (drawn by Van Vleet)"),
	    "80x24: the whole foul, Van Vleet whole");
	ok(screen_has("fadeaway jumper from the\xe2\x80\xa6"), "80x24: wider, still cut at a word");
	ok(screen_has("Fred Van Vleet makes a three (Amen Thompson assists)") &&
	    !screen_has("assists) (") && !screen_has("assists)\xe2\x80\xa6"),
	    "a text that names the assist already is not told twice");
	keys(ui, "c");
	ui_free(&ui);
	game_free(&g);
}

/* After a scroll or a search the pane says how many newer plays are out
 * of view; c drops the search with the filters. */
static void
test_plays_newer(struct app_state *st)
{
	static const struct ui_options opt;
	struct game *g = build_plays_game();
	struct ui *ui = ui_on(&opt, g, st);
	struct cs_event ev;
	int k;

	size_to(ui, 80, 24);
	keys(ui, "2");
	ui_frame(ui);
	ok(!screen_has("newer plays"), "following the game: no marker");
	for (k = 0; k < 24; k++)
		keys(ui, "j");
	check_screen(ui, "plays_newer_80x24");
	ok(screen_has("newer plays \xe2\x96\xb4 5"), "scrolled down: 5 newer plays above");
	st_item(&ev, 2, 900000, 2, 1000, CS_EV_TIMEOUT, CS_HOME, "TIMEOUT", "Nuggets timeout");
	game_upsert(g, &ev);
	ui_frame(ui);
	ok(screen_has("newer plays \xe2\x96\xb4 6"), "a new play counts in");
	keys(ui, "/jokic\r");
	ui_frame(ui);
	ok(screen_has("Nikola Jokic makes a two") && screen_has("newer plays \xe2\x96\xb4 19"),
	    "a search in Q1 says how much is newer");
	keys(ui, "c");
	is_str(pane_pbp_query(pbp(ui)), "", "c clears the search");
	keys(ui, "g");
	ui_frame(ui);
	ok(!screen_has("newer plays"), "back at the newest: no marker");
	ui_free(&ui);
	game_free(&g);
}


/* ---- the chart says who shoots where ---- */

/* The court's outline rows (the first and the last row of braille: run
 * it with the chart alone on screen) carry no label: the corner zones'
 * go outside them. */
static bool
braille_row(const char *line)
{
	const unsigned char *p;

	for (p = (const unsigned char *)line; *p != '\0'; p++)
		if (p[0] == 0xe2 && p[1] >= 0xa0 && p[1] <= 0xa3)
			return true;
	return false;
}

static bool
sidelines_clear(void)
{
	static char got[256 * 1024];
	char *line, *save = NULL, *top = NULL, *bottom = NULL;

	dump_screen(got, sizeof got);
	for (line = strtok_r(got, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		if (!braille_row(line))
			continue;
		if (top == NULL)
			top = line;
		bottom = line;
	}
	return top != NULL && bottom != NULL && strpbrk(top, "%/-0123456789") == NULL &&
	    strpbrk(bottom, "%/-0123456789") == NULL;
}

static void
test_shots_story(struct app_state *st)
{
	static const struct ui_options opt;
	struct game *g = build_plays_game();
	struct ui *ui = ui_on(&opt, g, st);

	size_to(ui, 160, 45);
	check_screen(ui, "shots_story_160x45");
	ok(screen_has("\xe2\x97\x82 DEN (home)") && screen_has("HOU \xe2\x96\xb8"),
	    "DEN shoots at the left basket in Q2 and is home, HOU at the right");
	ok(screen_has("baskets in Q2"), "the ends are the period's");
	ok(screen_has("3 shots in a cell, green if half went in"), "the legend explains counts");
	keys(ui, "v");
	check_screen(ui, "zones_story_160x45");
	ok(screen_has("C3L 2/3 67%"), "zone legend: the corner three with attempts and percentage");
	ok(screen_has("RA rim  PNT paint"), "zone names explained");
	keys(ui, "3z");
	ui_frame(ui);
	ok(sidelines_clear(), "160x45 zoomed: no label on a sideline");
	keys(ui, "zv");
	size_to(ui, 80, 24);
	keys(ui, "3");
	check_screen(ui, "shots_story_80x24");
	keys(ui, "]");
	ui_frame(ui);
	ok(screen_has("\xe2\x97\x82 DEN (home)") && screen_has("baskets in Q1"),
	    "Q1 filtered: the same ends, from the first half's shots");
	keys(ui, "cv");
	check_screen(ui, "zones_story_80x24");
	ok(sidelines_clear(), "80x24: no label on a sideline");
	keys(ui, "v");
	ui_free(&ui);
	game_free(&g);
}

/* A vt100 in a UTF-8 locale: the court in ASCII, no braille. */
static void
test_vt100_court(struct app_state *st)
{
	static const struct ui_options opt;
	static char got[256 * 1024];
	struct game *g = build_plays_game();
	struct ui *ui;
	SCREEN *scr = open_term("vt100");

	if (!ok(scr != NULL, "newterm(vt100) for the court"))
		return;
	ui = ui_on(&opt, g, st);
	size_to(ui, 80, 24);
	keys(ui, "3");
	check_screen(ui, "vt100_shots_80x24");
	dump_screen(got, sizeof got);
	ok(strstr(got, "\xe2\xa0") == NULL && strstr(got, "\xe2\xa1") == NULL &&
	    strstr(got, "\xe2\xa2") == NULL && strstr(got, "\xe2\xa3") == NULL,
	    "vt100: no braille on the court");
	ok(screen_has("< DEN (home)") && screen_has("HOU >"), "vt100: ASCII ends");
	ui_free(&ui);
	game_free(&g);
	endwin();
	delscreen(scr);
}

/* ---- the box score with 15 players a side (issue 17 item 1) ---- */

/* Times `needle` is on the screen. */
static int
screen_count(const char *needle)
{
	static char got[256 * 1024];
	const char *p;
	int n = 0;

	dump_screen(got, sizeof got);
	for (p = strstr(got, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The top scorer of a side is on the screen: his full name, or his
 * initial and the start of his surname. */
static bool
top_scorer_shown(struct game *g, int side, char *who, size_t size)
{
	const struct box_team *t = game_team(g, side);
	char name[64], label[64];
	int i, top = 0;

	for (i = 1; i < t->nplayers; i++)
		if (t->players[i].line.pts > t->players[top].line.pts)
			top = i;
	ui_player_name(&t->players[top], name, sizeof name);
	ui_player_label(t, top, 0, false, label, sizeof label);
	label[6] = '\0';
	snprintf(who, size, "%s (%d pts)", name, t->players[top].line.pts);
	return screen_has(name) || screen_has(label);
}

/* Both teams' totals rows and top scorers on the first screen. */
static void
both_teams_shown(struct ui *ui, struct game *g, const char *what)
{
	char who[96];

	ui_frame(ui);
	is_int(screen_count("Totals"), 2, "%s: both totals rows", what);
	ok(top_scorer_shown(g, CS_AWAY, who, sizeof who), "%s: away top scorer %s", what, who);
	ok(top_scorer_shown(g, CS_HOME, who, sizeof who), "%s: home top scorer %s", what, who);
}

static void
test_box_sizes(struct app_state *st)
{
	static const struct { int cols, lines; const char *name; } sizes[] = {
		{ 250, 70, "box15_250x70" }, { 200, 50, "box15_200x50" },
		{ 160, 48, "box15_160x48" }, { 160, 45, "box15_160x45" },
		{ 120, 35, "box15_120x35" }, { 100, 30, "box15_100x30" },
		{ 80, 24, "box15_80x24" },
	};
	static const struct ui_options opt;
	struct game *g = build_game15(false);
	struct ui *ui;
	char what[64];
	bool seen;
	size_t i;

	game_refresh(g);
	ui = ui_on(&opt, g, st);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_to(ui, sizes[i].cols, sizes[i].lines);
		check_screen(ui, sizes[i].name);
		snprintf(what, sizeof what, "%dx%d", sizes[i].cols, sizes[i].lines);
		both_teams_shown(ui, g, what);
	}
	/* fouls (item 5): a T column; FO, EJ; 5 PF in Q4 is one from out */
	size_to(ui, 160, 45);
	ui_frame(ui);
	ok(screen_has("Joel Embiid FO"), "six PF: FO by the name");
	ok(screen_has("Kyle Lowry EJ"), "two technicals: EJ by the name");
	ok(screen_has(" 5!! "), "Brooks, 5 PF in Q4: marked one from out");
	ok(screen_has(" PF T +/-"), "a T column");
	size_to(ui, 80, 24);
	/* 80x24: more than fits says so; T shows one team whole, then the other */
	ok(screen_has("\xe2\x96\xbc"), "80x24: a more marker");
	keys(ui, "T");
	check_screen(ui, "box15_80x24_T_away");
	ok(screen_has("PHI only (T)"), "T: the away team alone, said in the title");
	is_int(screen_count("Totals"), 1, "T: one team's totals row");
	is_int(screen_count("Jaylin Williams"), 1, "T: the whole bench");
	keys(ui, "T");
	ui_frame(ui);
	ok(screen_has("HOU only (T)"), "T again: the home team");
	ok(screen_has("Cam Whitmore"), "T again: its top scorer");
	keys(ui, "T");
	ui_frame(ui);
	is_int(screen_count("Totals"), 2, "T a third time: both teams");
	keys(ui, "jjjjjjjj\r");
	ui_frame(ui);
	ok(screen_has("PHI only (T)"), "Enter on the more row: that team whole");
	keys(ui, "TT");
	ok(!screen_has("DNP"), "in progress: nobody reads DNP");
	ui_free(&ui);
	game_free(&g);

	/* the bonus: the home team's fifth foul of Q4 puts the away team in
	 * it; the header shows BONUS beside PHI, and the help says that is
	 * the team that shoots */
	g = build_game15(false);
	for (i = 0; i < 5; i++)
		g15_foul(g, 4, 1150 - (int)i * 10, CS_HOME, "h", 7, CS_EV_PERSONAL_FOUL);
	game_refresh(g);
	ui = ui_on(&opt, g, st);
	size_to(ui, 160, 45);
	ui_frame(ui);
	{
		char row[1024], *bar;

		ui_dump_row(0, row, sizeof row);
		bar = strstr(row, "\xe2\x94\x82");
		ok(bar != NULL && strstr(row, "BONUS") != NULL && strstr(row, "BONUS") < bar &&
		    strstr(bar, "BONUS") == NULL, "BONUS beside the away team, who shoots");
	}
	keys(ui, "?");
	for (i = 0, seen = false; i < 80 && !seen; i++) {   /* scroll to it */
		ui_frame(ui);
		seen = screen_has("beside a team: that team shoots free throws when fouled");
		keys(ui, "j");
	}
	ok(seen, "the help says the same");
	ui_free(&ui);
	game_free(&g);

	/* LANG=C (item 6): the names in ASCII, not "Th??o" */
	if (setlocale(LC_ALL, "C") != NULL) {
		struct ui_options aopt = { 0 };

		aopt.ascii = true;
		g = build_game15(false);
		game_refresh(g);
		ui = ui_on(&aopt, g, st);
		size_to(ui, 100, 30);
		keys(ui, "T");
		ui_frame(ui);
		ok(screen_has("Theo Maledon"), "C locale: Theo Maledon");
		ok(screen_has("Nikola Jokic"), "C locale: Nikola Jokic");
		keys(ui, "TT");
		size_to(ui, 80, 24);
		ui_frame(ui);
		ok(screen_has("v 8 more  (T: all of PHI)"), "C locale: an ASCII more marker");
		ui_free(&ui);
		game_free(&g);
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C.utf8");
	}

	/* the final: the four who never played fold into one DNP line */
	g = build_game15(true);
	game_refresh(g);
	ui = ui_on(&opt, g, st);
	size_to(ui, 160, 45);
	check_screen(ui, "box15_final_160x45");
	both_teams_shown(ui, g, "final 160x45");
	is_int(screen_count("DNP:"), 2, "final: a DNP line per team");
	size_to(ui, 250, 70);
	check_screen(ui, "box15_final_250x70");
	both_teams_shown(ui, g, "final 250x70");
	ui_free(&ui);
	game_free(&g);
}

/* ---- the game picker (ui/picker.h) ---- */

static void
picker_rows(struct ui_pick_row *r, size_t n)
{
	static const char *const teams[][2] = {
		{ "Orcas (VAN)", "Aurora (ANC)" }, { "Blizzard (BUF)", "Rapids (RIC)" },
		{ "Ironmen (PIT)", "Oaks (RAL)" }, { "Sea Lions (SDS)", "Falls (SPK)" },
		{ "Whalers (HFD)", "Friars Club (PVD)" }, { "Rapids (RIC)", "Saguaros (TUC)" },
		{ "Sound (NSH)", "Waves (HNL)" }, { "Turquoise (SFE)", "Orcas (VAN)" },
	};
	size_t i;

	memset(r, 0, n * sizeof *r);
	for (i = 0; i < n; i++) {
		snprintf(r[i].id, sizeof r[i].id, "%08zx-1111-4222-8333-%012zx", i + 1, i * 7);
		snprintf(r[i].tipoff, sizeof r[i].tipoff, "%02zu:%02zu", 19 + i * 5 / 60 % 5,
		    i * 5 % 60);
		cs_strlcpy(r[i].away, teams[i % 8][0], sizeof r[i].away);
		cs_strlcpy(r[i].home, teams[i % 8][1], sizeof r[i].home);
		cs_strlcpy(r[i].status, i < 2 ? "inprogress" : "scheduled", sizeof r[i].status);
		if (i < 2)
			snprintf(r[i].score, sizeof r[i].score, "%zu-%zu", 40 + i, 38 + 3 * i);
	}
	/* a server's escape sequence never reaches the terminal */
	cs_strlcpy(r[3].home, "Falls\033]2;pwn\007 (SPK)", sizeof r[3].home);
}

static void
picker_show(struct ui_picker *p, const char *name)
{
	ui_picker_draw(p, stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	compare_screen(name);
}

static void
test_picker(void)
{
	struct ui_pick_row rows[24];
	struct ui_picker *p;
	size_t chosen = 99;
	const char *k;

	picker_rows(rows, 8);
	p = ui_picker_new(rows, 8, "sportradar, 2026-12-06", false);
	if (!ok(p != NULL, "picker: created"))
		return;
	resizeterm(24, 80);
	for (k = "jj"; *k != '\0'; k++)
		ui_picker_key(p, *k, &chosen);
	picker_show(p, "picker_80x24");
	ok(!screen_has("pwn\a") && !out_contains("\033]2;pwn", 6),
	    "picker: no escape sequence from a team's name");
	resizeterm(45, 160);
	picker_show(p, "picker_160x45");
	ok(ui_picker_key(p, '\n', &chosen) == UI_PICK_CHOSEN && chosen == 2,
	    "picker: Enter opens the game under the cursor");
	for (k = "/rap"; *k != '\0'; k++)
		ui_picker_key(p, *k, &chosen);
	resizeterm(24, 80);
	picker_show(p, "picker_search_80x24");
	ui_picker_key(p, '\n', &chosen);
	ok(ui_picker_key(p, KEY_DOWN, &chosen) == UI_PICK_NONE &&
	    ui_picker_key(p, '\n', &chosen) == UI_PICK_CHOSEN && chosen == 5,
	    "picker: / keeps a team's games; the second is the sixth row");
	ui_picker_key(p, 27, &chosen);
	ok(ui_picker_key(p, 'q', &chosen) == UI_PICK_QUIT, "picker: q leaves");
	ui_picker_free(&p);
	ok(p == NULL, "picker: freed");

	picker_rows(rows, 24);
	p = ui_picker_new(rows, 24, "shottracker, 2026-12-06", true);
	for (chosen = 0; chosen < 30; chosen++)
		ui_picker_key(p, KEY_DOWN, &chosen);
	picker_show(p, "picker_scrolled_80x24");
	/* a list longer than the screen says so, as the panes do: 24 games
	 * at 80x24 or 40x12 had read as the rows shown, nothing above or
	 * below (QA pass, a league night of 16 at 40x12) */
	ok(screen_has("^ 3 above"), "picker: the games above the screen are counted");
	resizeterm(12, 40);
	for (chosen = 0; chosen < 30; chosen++)
		ui_picker_key(p, KEY_UP, &chosen);
	ui_picker_draw(p, stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	ok(screen_has("v 15 more below") && !screen_has("above"),
	    "picker at 40x12: ... and the games below");
	for (chosen = 0; chosen < 12; chosen++)
		ui_picker_key(p, KEY_DOWN, &chosen);
	ui_picker_draw(p, stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	ok(screen_has("^ 4 above") && screen_has("v 11 more below"),
	    "picker at 40x12: ... both when scrolled to the middle");
	resizeterm(24, 80);
	ui_picker_free(&p);

	/* The schedule's server down at the start: the picker opens with no
	 * rows and says so (before, courtside exited); "0 games" would read
	 * as a day without games.  A refresh that works fills it. */
	p = ui_picker_new(NULL, 0, "sportradar, 2026-12-06", false);
	if (!ok(p != NULL, "picker, no schedule yet: created"))
		return;
	ui_picker_refresh_failed(p);
	picker_show(p, "picker_no_schedule_80x24");
	ok(screen_has("no schedule yet: the server did not give it") &&
	    !screen_has("0 games"), "picker, no schedule yet: says so, and counts no games");
	resizeterm(45, 160);
	picker_show(p, "picker_no_schedule_160x45");
	ok(ui_picker_key(p, '\n', &chosen) == UI_PICK_NONE,
	    "picker, no schedule yet: Enter opens nothing");
	picker_rows(rows, 8);
	ui_picker_update(p, rows, 8);
	resizeterm(24, 80);
	ui_picker_draw(p, stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	ok(screen_has("8 games") && !screen_has("no schedule"),
	    "picker, no schedule yet: a refresh brings the games");
	ui_picker_free(&p);
}

/* ---- the strip of games (ui/pane_strip.h) ---- */

static void
strip_show(struct ui_strip_game *v, size_t n, size_t focus, int cols, const char *name)
{
	WINDOW *w;

	resizeterm(cols == 80 ? 24 : 45, cols);
	werase(stdscr);
	wnoutrefresh(stdscr);
	w = newwin(1, cols, 0, 0);
	pane_strip_draw(w, v, n, focus, cols, false);
	doupdate();
	compare_screen(name);
	delwin(w);
}

static void
test_strip(struct game *g)
{
	struct game *e = game_new();
	struct ui_strip_game v[8];
	size_t i;

	/* the hand-built game, and empty ones not yet tipped off */
	for (i = 0; i < 8; i++) {
		v[i].g = i % 3 == 0 ? g : e;
		v[i].st = NULL;
		v[i].fresh = i == 3;
	}
	game_refresh(e);
	strip_show(v, 8, 0, 160, "strip_160x45");
	ok(screen_has("6:10 *"), "strip: a game that changed carries its marker");
	strip_show(v, 8, 6, 80, "strip_80x24");
	ok(screen_has("BOS 12 NYK 10"), "strip: the focused game stays on a narrow strip");
	game_free(&e);
}

/* What the seek prompt handed the replay. */
struct seek_asked {
	int calls, period, clock;
};

static int
seek_record(void *ctx, int period_sequence, int clock)
{
	struct seek_asked *a = ctx;

	a->calls++;
	a->period = period_sequence;
	a->clock = clock;
	return 0;
}

/* The replay's seek prompt (g): typed, shown in the status row, parsed by
 * the --until parser, refused in one line when it is no moment. */
static void
test_seek_prompt(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct app_state s = *st;
	struct seek_asked asked = { 0, 0, 0 };
	struct ui *ui = ui_on(&opt, g, &s);

	s.status.state = FEED_PAUSED;
	ui->replay_seek = seek_record;
	ui->ctx = &asked;
	size_to(ui, 120, 35);
	keys(ui, "2gQ3 5:0");
	ui_frame(ui);
	ok(screen_has("seek to (Q3 5:00, OT1 2:00): Q3 5:0_"), "g opens the seek prompt, shown as typed");
	keys(ui, "0\n");
	ok(asked.calls == 1 && asked.period == 3 && asked.clock == 3000,
	    "Enter seeks to Q3 5:00 (period %d, clock %d)", asked.period, asked.clock);
	ui_frame(ui);
	ok(screen_has("seeking to Q3 5:00"), "and says so");
	keys(ui, "gOT1 2:00\r");
	ok(asked.calls == 2 && asked.period == 5 && asked.clock == 1200, "OT1 2:00 is the fifth period");
	keys(ui, "g3/5:00\n");
	ok(asked.calls == 3 && asked.period == 3 && asked.clock == 3000, "3/5:00 as --until takes it");
	keys(ui, "g9/99:99\n");
	ui_frame(ui);
	ok(asked.calls == 3 && screen_has("not a period and clock: try Q3 5:00"),
	    "9/99:99 is refused in one line");
	keys(ui, "gQ3\x1b");
	ui_frame(ui);
	ok(asked.calls == 3 && !screen_has("seek to"), "Esc closes the prompt without seeking");
	keys(ui, "gQ4 1:00\177\177\177\177\177\177" "2 0:30\n");
	ok(asked.calls == 4 && asked.period == 2 && asked.clock == 300, "Backspace edits the prompt");
	s.status.state = FEED_LIVE;
	keys(ui, "g");
	ok(asked.calls == 4 && !ui->seek_open, "live, g is no seek");
	ui_free(&ui);
}

/* What C handed the feed. */
struct clip_asked {
	int calls;
	char play[CS_ID_MAX];
	int64_t start, end;
};

static int
clip_record(void *ctx, const char *play_id, int64_t start_ms, int64_t end_ms, char **cause)
{
	struct clip_asked *a = ctx;

	(void)cause;
	a->calls++;
	cs_strlcpy(a->play, play_id, sizeof a->play);
	a->start = start_ms;
	a->end = end_ms;
	return 0;
}

/* C on the selected play: asked through the feed, the span of the play,
 * the answer (a URL or why not) in the status row, stripped; no feed says
 * so in one line. */
static void
test_clip_key(struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct app_state s = *st;
	struct clip_asked asked = { 0 };
	struct game *g = build_plays_game();   /* its plays have a wall time */
	struct ui *ui = ui_on(&opt, g, &s);

	ui->clip = clip_record;
	ui->ctx = &asked;
	ui->clip_seen = s.clip_serial;
	size_to(ui, 120, 35);
	keys(ui, "2C");
	ui_frame(ui);
	ok(asked.calls == 1 && asked.play[0] != '\0' && asked.end - asked.start == 12000,
	    "C asks for a clip of the selected play (%s, %lld-%lld): no possession, 12 s around it",
	    asked.play, (long long)asked.start, (long long)asked.end);
	ok(screen_has("asking ShotTracker for a clip..."), "and says so");
	s.clip.ok = true;
	cs_strlcpy(s.clip.text, "https://video.example/clips/1.mp4", sizeof s.clip.text);
	s.clip_serial++;
	ui_clip_note(ui);
	ui_frame(ui);
	ok(screen_has("clip: https://video.example/clips/1.mp4"), "the URL in the status row");
	s.clip.ok = false;
	cs_strlcpy(s.clip.text, "ShotTracker answered the clip without a URL", sizeof s.clip.text);
	s.clip_serial++;
	ui_clip_note(ui);
	ui_frame(ui);
	ok(screen_has("ShotTracker answered the clip without a URL") && !screen_has("clip: https"),
	    "a failure in one line instead");
	ui->clip = NULL;
	keys(ui, "C");
	ui_frame(ui);
	ok(asked.calls == 1 && screen_has("no clip: no live feed"), "no feed: said, nothing asked");
	ui_free(&ui);
	game_free(&g);
}

/* Rows of the plays pane with a mark: the clock, "m", the team's alias
 * ("4:00mDEN": the mark takes the gap after the clock). */
static int
marked_rows(void)
{
	static char got[256 * 1024];
	int n = 0;
	size_t i;

	dump_screen(got, sizeof got);
	for (i = 1; got[i] != '\0' && got[i + 1] != '\0'; i++)
		if (got[i] == 'm' && got[i - 1] >= '0' && got[i - 1] <= '9' &&
		    got[i + 1] >= 'A' && got[i + 1] <= 'Z')
			n++;
	return n;
}

/* m marks the selected play: the plays pane shows it on the play's row. */
static void
test_marks_in_plays(struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct app_state s = *st;
	struct game *g = build_plays_game();
	struct ui *ui = ui_on(&opt, g, &s);

	size_to(ui, 120, 35);
	keys(ui, "2");
	ui_frame(ui);
	is_int(marked_rows(), 0, "no mark: no row shows one");
	keys(ui, "m");
	ui_frame(ui);
	is_int(marked_rows(), 1, "m: the selected play's row shows an m after its clock");
	keys(ui, "jm");
	ui_frame(ui);
	is_int(marked_rows(), 2, "a second play marked: two rows");
	keys(ui, "m");
	ui_frame(ui);
	is_int(marked_rows(), 1, "m again: its mark is gone");
	ui_free(&ui);
	game_free(&g);
}

/* ---- any number of overtimes (issue 20 item 6) ---- */

/* One made two by `pid` of `side` in period `q` at `clock`. */
static void
ot_basket(struct game *g, int q, int clock, int side, const char *pid, bool three)
{
	struct cs_event ev;

	ev_new(&ev, q, clock, three ? CS_EV_THREE_MADE : CS_EV_TWO_MADE, side, NULL);
	if (q > 4) {
		ev.period.type = CS_PERIOD_OVERTIME;
		ev.period.number = q - 4;
	}
	fg(&ev, side, pid, true, three, side == CS_HOME ? 1000 : 130, 300);
	if (game_upsert(g, &ev) < 0)
		printf("# event %s refused\n", ev.id);
}

static void
ot_mark(struct game *g, int q, enum cs_event_type type)
{
	struct cs_event ev;

	ev_new(&ev, q, type == CS_EV_PERIOD_START ? (q > 4 ? 3000 : 7200) : 0, type,
	    CS_SIDE_NONE, NULL);
	if (q > 4) {
		ev.period.type = CS_PERIOD_OVERTIME;
		ev.period.number = q - 4;
	}
	if (game_upsert(g, &ev) < 0)
		printf("# event %s refused\n", ev.id);
}

/* The test game played on to a tie after four quarters and ten tied
 * overtimes but the last (the score at Q2 9:10 is 9-10, so BOS's three
 * in Q3 ties it): fourteen periods, Final/10OT. */
static struct game *
build_ten_overtimes(void)
{
	static struct ui_game_events evs;   /* only its info is wanted */
	struct game *g = build_game();
	struct cs_game_info info;
	int q;

	ot_mark(g, 2, CS_EV_PERIOD_END);
	for (q = 3; q <= 14; q++) {
		ot_mark(g, q, CS_EV_PERIOD_START);
		ot_basket(g, q, q > 4 ? 2400 : 6000, CS_AWAY, "b0", q == 3);
		ot_basket(g, q, q > 4 ? 1200 : 3000, CS_HOME, "n0", false);
		if (q == 14)
			ot_basket(g, q, 50, CS_HOME, "n1", true);
		ot_mark(g, q, CS_EV_PERIOD_END);
	}
	ot_mark(g, 14, CS_EV_GAME_END);
	ui_game_script(&info, &evs);
	cs_strlcpy(info.status, "closed", sizeof info.status);
	game_set_info(g, &info);
	return g;
}

/* The header and the line score of a ten-overtime game at the smallest
 * and the usual size: Final/10OT, the latest periods when all do not fit. */
static void
test_ten_overtimes(struct app_state *st)
{
	static const struct ui_options opt;
	struct game *g = build_ten_overtimes();
	struct ui *ui;
	char text[32];

	game_refresh(g);
	is_int(game_team(g, CS_HOME)->nperiods, 14, "10 OT: 14 periods in the model");
	is_str(game_view_final_text(g, text, sizeof text), "Final/10OT", "10 OT: Final/10OT");
	ui = ui_on(&opt, g, st);
	size_to(ui, 80, 24);
	check_screen(ui, "ot10_80x24");
	ok(screen_has("Final/10OT"), "10 OT at 80x24: the header says Final/10OT");
	/* one team at a time (T): room for the line score */
	keys(ui, "1T");
	check_screen(ui, "ot10_80x24_T");
	ok(screen_has("BOS only (T)") && screen_has("     Q2   Q3   Q4  OT1  OT2") &&
	    !screen_has("Q1"), "10 OT at 80x24: the line score, the latest 13 periods that fit");
	ok(screen_has("OT9 OT10    T"), "10 OT at 80x24: ... to OT10 and the total");
	ok(screen_has(" BOS       2    3    2    2    2") && screen_has("    2   34"),
	    "10 OT at 80x24: BOS by period from Q2, 34 in all");
	keys(ui, "TT");
	size_to(ui, 160, 45);
	check_screen(ui, "ot10_160x45");
	ok(screen_has("Final/10OT"), "10 OT at 160x45: the header says Final/10OT");
	ok(screen_has("  Q1   Q2   Q3   Q4  OT1  OT2"), "10 OT at 160x45: every period from Q1");
	ok(screen_has("OT9 OT10    T"), "10 OT at 160x45: ... to OT10, a blank between");
	ok(screen_has(" NYK       5    5    2    2    2") && screen_has("    5   37"),
	    "10 OT at 160x45: NYK by period, the last OT's 5, 37 in all");
	ui_free(&ui);
	game_free(&g);
}

/* A refresh of an open picker (its live scores): new scores on screen,
 * the search kept, the cursor on its game though the rows moved. */
static void
test_picker_refresh(void)
{
	struct ui_pick_row rows[8], fresh[9];
	struct ui_picker *p;
	size_t chosen = 99, i;
	const char *k;
	int cols;

	picker_rows(rows, 8);
	p = ui_picker_new(rows, 8, "sportradar, 2026-12-06", false);
	if (!ok(p != NULL, "picker refresh: created"))
		return;
	resizeterm(24, 80);
	ui_picker_key(p, 'j', &chosen);        /* the second game */
	/* the schedule again: a game added first, every row one down, new scores */
	memcpy(fresh, &rows[0], sizeof rows[0]);
	cs_strlcpy(fresh[0].id, "00000000-0000-4000-8000-000000000000", sizeof fresh[0].id);
	cs_strlcpy(fresh[0].away, "Late Add (ADD)", sizeof fresh[0].away);
	for (i = 0; i < 8; i++)
		fresh[i + 1] = rows[i];
	snprintf(fresh[2].score, sizeof fresh[2].score, "%s", "99-97");
	ok(ui_picker_update(p, fresh, 9) == 0, "picker refresh: the rows are replaced");
	ui_picker_draw(p, stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	ok(screen_has("99-97") && screen_has(": 9 games"),
	    "picker refresh: the new score and the added game are on screen");
	ok(ui_picker_key(p, '\n', &chosen) == UI_PICK_CHOSEN && chosen == 2,
	    "picker refresh: the cursor stayed on its game (now the third row)");
	for (k = "/rap\nj"; *k != '\0'; k++)
		ui_picker_key(p, *k, &chosen);
	/* the search's second game is the sixth of the old rows (test_picker) */
	ok(ui_picker_update(p, fresh, 9) == 0 && ui_picker_key(p, '\n', &chosen) ==
	    UI_PICK_CHOSEN && chosen == 6, "picker refresh: the search is kept");
	/* a refresh that failed: the scores on screen may be old, and say so
	 * until one works (they had read as live, the server gone) */
	ui_picker_refresh_failed(p);
	for (cols = 80; cols >= 40; cols -= 40) {
		resizeterm(12, cols);
		ui_picker_draw(p, stdscr);
		wnoutrefresh(stdscr);
		doupdate();
		ok(screen_has("scores not refreshed"),
		    "picker refresh at %dx12: a failed one says the scores are not", cols);
	}
	ok(ui_picker_update(p, fresh, 9) == 0, "picker refresh: one works again");
	ui_picker_draw(p, stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	ok(!screen_has("not refreshed"), "picker refresh: ... and the note goes");
	resizeterm(24, 80);
	ui_picker_free(&p);
}

/* ---- what a demanding user sees (session 9: sizes and states) ---- */

/* A team of 100+ field-goal attempts (an overtime night): its totals row
 * prints "45-104" whole at 80x24 and 160x45, not cut to "45-10". */
static void
test_box_wide_totals(struct app_state *st)
{
	static const struct ui_options opt;
	const struct box_team *t;
	struct game *g = build_game();
	struct cs_event ev;
	struct ui *ui;
	char want[32];
	int i;

	for (i = 0; i < 100; i++) {
		ev_new(&ev, 2, 5000 - i * 10, i % 8 ? CS_EV_TWO_MISSED : CS_EV_TWO_MADE,
		    CS_AWAY, NULL);
		fg(&ev, CS_AWAY, "b0", i % 8 == 0, false, 150, 280);
		if (game_upsert(g, &ev) < 0)
			printf("# event %s refused\n", ev.id);
	}
	game_refresh(g);
	t = game_view_team(g, CS_AWAY);
	snprintf(want, sizeof want, " %d-%d ", t->totals.fgm, t->totals.fga);
	ok(t->totals.fgm >= 10 && t->totals.fga >= 100, "wide totals: %d-%d from the field",
	    t->totals.fgm, t->totals.fga);
	ui = ui_on(&opt, g, st);
	size_to(ui, 80, 24);
	check_screen(ui, "box_fga100_80x24");
	ok(screen_has(want), "wide totals at 80x24: FG '%s' whole", want);
	size_to(ui, 160, 45);
	ui_frame(ui);
	ok(screen_has(want), "wide totals at 160x45: FG '%s' whole", want);
	ui_free(&ui);
	game_free(&g);
}

/* No row of the screen ends with `text` cut short (its first 6 or more
 * bytes, a word's start): "terminal too small (" at 20 columns. */
static bool
no_cut_word(const char *word)
{
	char row[2048];
	size_t n = strlen(word), k;
	int y;

	for (y = 0; y < LINES; y++) {
		ui_dump_row(y, row, sizeof row);
		for (k = n - 1; k > 5; k--) {
			size_t len = strlen(row);

			/* the row ends with the first k bytes of the word */
			if (len >= k && strncmp(row + len - k, word, k) == 0 &&
			    (len == k || row[len - k - 1] == ' ')) {
				printf("#   row %d ends '%s'\n", y, row + len - k);
				return false;
			}
		}
	}
	return true;
}

/* The "too small" message: whole words at any size (20x6, 10x3), the
 * terminal's own size, and with the strip of games above the frame what
 * the terminal needs for both (60x17: at 60x16 it said "need 60x16"). */
static void
test_too_small(struct game *g, struct app_state *st)
{
	static const struct ui_options opt;
	static const struct { int cols, lines; } tiny[] = { { 20, 6 }, { 10, 3 }, { 30, 8 } };
	struct ui *ui = ui_on(&opt, g, st);
	char what[32], msg[128];
	size_t i;

	for (i = 0; i < sizeof tiny / sizeof tiny[0]; i++) {
		size_to(ui, tiny[i].cols, tiny[i].lines);
		ui_frame(ui);
		snprintf(what, sizeof what, "%dx%d", tiny[i].cols, tiny[i].lines);
		snprintf(msg, sizeof msg, "terminal too small (%s), need 60x16", what);
		ok(no_cut_word(msg) && no_cut_word("q to quit"),
		    "too small at %s: no word cut at the edge", what);
		ok(screen_has("60x16"), "too small at %s: still says what it needs", what);
	}
	/* a strip of games over the frame (ui.c's strip_place) */
	resizeterm(16, 60);
	ui->top = 1;
	ui_resize(ui, 60, 15);
	check_screen(ui, "too_small_strip_60x16");
	ok(screen_has("(60x16), need 60x17"),
	    "too small under the strip: the terminal's size, and 60x17 needed");
	ui->top = 0;
	ui_free(&ui);
}

/* The strip shows whole games only, and counts the games it leaves off
 * on either side ("RAL 0 A" ended an 80-column strip of a league night,
 * and nothing said five more games were there). */
static void
test_strip_whole_games(struct game *g)
{
	struct game *e = game_new();
	struct ui_strip_game v[8];
	char row[2048];
	size_t i, len;

	for (i = 0; i < 8; i++) {
		v[i].g = i % 3 == 0 ? g : e;
		v[i].st = NULL;
		v[i].fresh = false;
	}
	game_refresh(e);
	strip_show(v, 8, 0, 80, "strip_first_80x24");
	ui_dump_row(0, row, sizeof row);
	len = strlen(row);
	while (len > 0 && row[len - 1] == ' ')
		row[--len] = '\0';
	ok(len > 5 && strcmp(row + len - 5, " 5\xe2\x96\xb8") == 0,
	    "strip at 80: whole games, then '5\xe2\x96\xb8': five more to the right");
	ok(strstr(row, "12:00 \xe2\x94\x82 5") != NULL, "strip at 80: the last game shown is whole");
	strip_show(v, 8, 6, 80, "strip_80x24");
	ui_dump_row(0, row, sizeof row);
	ok(strstr(row, "BOS 12 NYK 10") != NULL && strstr(row, "\xe2\x97\x82") != NULL,
	    "strip at 80, the seventh game focused: the games before it counted on the left");
	game_free(&e);
}

/* Help and Possessions say when they hold more than they show (every
 * pane does: product.md section 4); at the end of their rows, no more. */
static void
test_more_below(struct game *g, struct app_state *st)
{
	static const struct ui_options opt;
	struct ui *ui = ui_on(&opt, g, st);

	size_to(ui, 80, 24);
	keys(ui, "?");
	ui_frame(ui);
	ok(screen_has("more below (j)"), "help at 80x24: says there is more below");
	keys(ui, "G");
	ui_frame(ui);
	ok(!screen_has("more below") && screen_has("a 'terminal too small' message"),
	    "help at 80x24, at its end (G): the last row, no more below");
	keys(ui, "q6");
	ui_frame(ui);
	ok(screen_has("more below (j)"), "possessions at 80x24: says there is more below");
	keys(ui, "G");
	ui_frame(ui);
	ok(!screen_has("more below"), "possessions at 80x24, at its end (G): no more below");
	keys(ui, "g");
	size_to(ui, 160, 45);
	ui_frame(ui);
	ok(screen_has("more below (j)"), "possessions under the box at 160x45: more below");
	ui_free(&ui);
}

/* The shot chart's legend in whole words at every width: at 120x35 it
 * read "green if half" and "t/p: one te", zones "AB3 above". */
static void
test_shots_legend_words(struct game *g, struct app_state *st)
{
	static const struct { int cols, lines; } sizes[] = {
		{ 120, 35 }, { 100, 30 }, { 80, 24 }, { 60, 20 }, { 160, 45 }, { 200, 60 },
	};
	static const char *const legend[] = {
		"shots in a cell, green if half went in", "t/p: one team's half",
		"green above usual, red below",
	};
	static const struct ui_options opt;
	struct ui *ui = ui_on(&opt, g, st);
	bool whole;
	size_t i, k;
	int z;

	keys(ui, "3");
	for (z = 0; z < 2; z++) {
		for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			size_to(ui, sizes[i].cols, sizes[i].lines);
			ui_frame(ui);
			for (whole = true, k = 0; k < sizeof legend / sizeof legend[0]; k++)
				whole = whole && no_cut_word(legend[k]);
			ok(whole, "shot chart%s at %dx%d: the legend in whole words",
			    z ? " (zones)" : "", sizes[i].cols, sizes[i].lines);
		}
		keys(ui, "v");
	}
	size_to(ui, 120, 35);
	keys(ui, "v");
	check_screen(ui, "shots_legend_120x35");
	ui_free(&ui);
}

/* At 80x24 the status row gives the tabs' names up before what the user
 * is typing or filtering: the seek prompt read "seek to (Q3 5:00," with
 * what was typed off the edge, a player filter "filter: TUC Jamal J". */
static void
test_status_row_80(struct game *g, struct app_state *st)
{
	struct ui_options opt = { 0 };
	struct app_state s = *st;
	struct seek_asked asked = { 0, 0, 0 };
	struct ui *ui = ui_on(&opt, g, &s);
	char filter[200];

	s.status.state = FEED_PAUSED;
	ui->replay_seek = seek_record;
	ui->ctx = &asked;
	size_to(ui, 80, 24);
	keys(ui, "2gQ3 5:0");
	ui_frame(ui);
	check_screen(ui, "status_seek_80x24");
	ok(screen_has("seek to (Q3 5:00, OT1 2:00): Q3 5:0_"),
	    "80x24: the seek prompt whole, as typed");
	ok(screen_has("2 Plays"), "80x24: the focused pane's tab keeps its name");
	keys(ui, "\x1b" "ttp");
	ui_frame(ui);
	ui_filter_describe(&ui->filter, g, filter, sizeof filter);
	ok(filter[0] != '\0' && screen_has(filter), "80x24: the filter whole: '%s'", filter);
	keys(ui, "c");
	ui_frame(ui);
	ok(screen_has("1 Box  2 Plays  3 Shots  4 Lineups  5 Team  6 Poss  ? Help"),
	    "80x24, nothing else on the row: every tab named");
	ui_free(&ui);
}

/* The rule profile stays in the header at 80x24 when the fouls to give do
 * not fit: it came and went with a team's fouls ("Q2 6:10" then blanks
 * where "NBA" fitted). */
static void
test_header_rules_80(struct game *g, struct app_state *st)
{
	static const struct ui_options opt;
	struct ui *ui = ui_on(&opt, g, st);

	size_to(ui, 160, 45);
	ui_frame(ui);
	ok(screen_has("FOULS 3 (1 to give)") && screen_has("Q2 6:10  NBA"),
	    "160x45: fouls to give and the rule profile");
	size_to(ui, 80, 24);
	ui_frame(ui);
	ok(screen_has("Q2 6:10  NBA") && screen_has("FOULS 3"),
	    "80x24: the fouls to give left out, the rule profile kept");
	ui_free(&ui);
}

/* The team pane at 60 columns (the smallest single pane): the run and
 * both droughts whole, each team's since-timeout line to its fouls
 * (it read "Drought  BHM 0:23  TUC 0" and "FG 2-4  TOV"). */
static void
test_team_60(struct game *g, struct app_state *st)
{
	static const struct ui_options opt;
	const struct game_flow *f;
	struct ui *ui = ui_on(&opt, g, st);
	char want[64], alias[CS_ALIAS_MAX * 2];
	int s, t;

	size_to(ui, 60, 20);
	keys(ui, "5");
	check_screen(ui, "team_60x20");
	f = game_view_flow(g);
	for (s = 0; s < 2; s++) {
		t = f->drought[s].tenths / 10;
		snprintf(want, sizeof want, "%s %d:%02d", ui_team_alias(g, s, alias, sizeof alias),
		    t / 60, t % 60);
		ok(screen_has(want), "60x20: the drought '%s' whole", want);
		snprintf(want, sizeof want, "PF %d", f->since_timeout.fouls[s]);
		ok(screen_has(want), "60x20: since the timeout, %s to '%s'", alias, want);
	}
	ui_free(&ui);
}

/* The picker on a narrow terminal (40 and 50 columns): the live score
 * stays whole, a team too long for its column goes by its abbreviation
 * ("VAN"), never "Orcas (" cut; the status gives way first. */
static void
test_picker_narrow(void)
{
	struct ui_pick_row rows[8];
	struct ui_picker *p;
	int cols;

	picker_rows(rows, 8);
	p = ui_picker_new(rows, 8, "sportradar, 2026-12-06", false);
	if (!ok(p != NULL, "narrow picker: created"))
		return;
	for (cols = 40; cols <= 50; cols += 10) {
		resizeterm(12, cols);
		ui_picker_draw(p, stdscr);
		wnoutrefresh(stdscr);
		doupdate();
		ok(screen_has("40-38") && screen_has("41-41"),
		    "picker at %dx12: the live scores whole", cols);
		ok(screen_has("19:00  VAN ") && screen_has(" at ANC ") && (!screen_has("Orcas (") ||
		    screen_has("Orcas (VAN)")) && (!screen_has("Sea Lions (") ||
		    screen_has("Sea Lions (SDS)")), "picker at %dx12: VAN at ANC, no name cut", cols);
	}
	picker_show(p, "picker_50x12");
	ui_picker_free(&p);
}

/* Rows of units on screen ("PHI Maxey Oubre George Martin Embiid  11:33
 * ..."), each naming five players whole or cut with the ellipsis: at
 * least `want` of them, and no other. */
static bool
units_named(int want)
{
	char row[2048], *tok, *save;
	int y, units = 0, words;
	bool good = true;

	for (y = 2; y < LINES; y++) {   /* under the header */
		ui_dump_row(y, row, sizeof row);
		if (strncmp(row, " PHI ", 5) != 0 && strncmp(row, " HOU ", 5) != 0)
			continue;
		if (strstr(row, " on court") != NULL)
			continue;
		words = 0;
		for (tok = strtok_r(row + 5, " ", &save); tok != NULL && strchr(tok, ':') == NULL;
		    tok = strtok_r(NULL, " ", &save))
			words++;
		units++;
		if (words != 5) {
			printf("#   unit row %d: %d names\n", y, words);
			good = false;
		}
	}
	return good && units >= want;
}

/* Five-man units at 60 columns: each unit's five players all named (the
 * fifth read "Z.Ca", cut with no mark, the label wider than its room). */
static void
test_units_60(struct app_state *st)
{
	static const struct ui_options opt;
	struct game *g = build_game15(false);
	struct ui *ui;

	game_refresh(g);
	ui = ui_on(&opt, g, st);
	size_to(ui, 60, 30);
	keys(ui, "4");
	check_screen(ui, "units_60x30");
	ok(units_named(9), "60x30: nine units on screen, each with five players named");
	ui_free(&ui);
	game_free(&g);
}

/*
 * A live game that never caught up (its catch-up retried: only its
 * lineups came) has no score to show: the header shows none and says it
 * is still catching up, the strip names the teams and the same; a game
 * that failed before its catch-up says so.  Its score had read "0 0", as
 * if whole.
 */
static void
test_not_caught_up(struct game *g, struct app_state *st)
{
	struct ui_strip_game v[3];
	struct app_state stuck = *st, failed = *st;
	struct game *empty;
	struct ui_options opt = { 0 };
	struct ui *ui;
	char buf[128];
	enum ui_color c;

	stuck.caught_up = false;
	stuck.status.state = FEED_RECONNECTING;
	stuck.status.attempt = 3;
	failed.caught_up = false;
	failed.status.state = FEED_FAILED;
	cs_strlcpy(failed.status.message, "no data", sizeof failed.status.message);
	v[0].g = v[1].g = v[2].g = g;
	v[0].st = st;
	v[1].st = &stuck;
	v[2].st = &failed;
	v[0].fresh = v[1].fresh = v[2].fresh = false;
	strip_show(v, 3, 0, 160, "strip_not_caught_up_160x45");
	ok(screen_has(" BOS 12 NYK 10 "), "strip: a caught-up game has its score");
	ok(screen_has("\xe2\x94\x82 BOS NYK catching up \xe2\x94\x82"),
	    "strip: a game still catching up shows no score");
	ok(screen_has("\xe2\x94\x82 BOS NYK failed"),
	    "strip: a game that failed before catching up says so");
	ui_title_text(g, &stuck, buf, sizeof buf);
	is_str(buf, "BOS NYK catching up - courtside", "the terminal title: no score either");
	ui_conn_text(&stuck, NOW_US, buf, sizeof buf, &c);
	is_str(buf, "catching up, retry 3", "header: a game never caught up is catching up, "
	    "not reconnecting");
	is_int(c, UI_C_WARN, "... in yellow");
	stuck.status.state = FEED_CATCHING_UP;
	ui_conn_text(&stuck, NOW_US, buf, sizeof buf, &c);
	is_str(buf, "catching up, retry 3", "header: a catch-up's retry is counted");
	stuck.status.state = FEED_RECONNECTING;
	ui = ui_on(&opt, g, &stuck);
	size_to(ui, 80, 24);
	check_screen(ui, "header_not_caught_up_80x24");
	ok(screen_has(" BOS   -  TO") && screen_has("NYK   -  TO"),
	    "header: no score for a game never caught up");
	ok(screen_has("catching up, retry 3"), "header: ... which is still catching up");
	ui_free(&ui);
	/* nothing received at all (picked from the picker, its server gone):
	 * the rule profile's defaults are not the game's, which may be in
	 * Q3; its header read "Q1 12:00", "TO 7" and "FOULS 0" */
	empty = game_new();
	game_refresh(empty);
	ui = ui_on(&opt, empty, &stuck);
	size_to(ui, 80, 24);
	ui_frame(ui);
	ok(screen_has("catching up, retry 3") && screen_has("--:--") &&
	    !screen_has("Q1 12:00") && !screen_has("TO ") && !screen_has(" F 0"),
	    "header: a game never caught up and holding nothing shows no clock, "
	    "timeouts or fouls");
	size_to(ui, 132, 43);
	ui_frame(ui);
	ok(screen_has("--:--") && !screen_has("12:00") && !screen_has("FOULS"),
	    "header: ... at 132x43 either");
	ui_free(&ui);
	game_free(&empty);
}

/* ---- the possessions pane at every size ---- */

/* A ShotTracker possession of the 15-player game: `side` ("a"/"h" ids)
 * with `five` on offense against `opp`; `screen` < 0: none. */
static void
g15_st_possession(struct game *g, int side, int n, int points, int screen,
    const int five[5], const int opp[5])
{
	struct cs_possession p;

	possession_base(&p, side == CS_HOME ? "h" : "a", side, n,
	    side == CS_HOME ? 'h' : 'a', side == CS_HOME ? 'a' : 'h', five, opp);
	p.points = points;
	p.fga = 1;
	p.fgm = points >= 2;
	p.shot_clock = 100 + n * 10;
	p.half_court = true;
	p.passes = n % 4;
	if (screen >= 0)
		p.screens[screen] = 1;
	game_set_possession(g, &p);
}

static bool
number_word(const char *w)
{
	return w[0] != '\0' && strspn(w, "0123456789.-") == strlen(w);
}

/* The unit cells of a screen row, "NAMES N PPP N PPP" (one per team's
 * column): each NAMES into names[k]; returns how many. */
static int
unit_cells(const char *row, char names[][160], int max)
{
	char copy[2048], *w[256], *save = NULL, *tok;
	int n = 0, i, start = 0, cells = 0, k;
	size_t len;

	cs_strlcpy(copy, row, sizeof copy);
	for (tok = strtok_r(copy, " ", &save); tok != NULL && n < 256; tok = strtok_r(NULL, " ", &save))
		w[n++] = tok;
	for (i = 0; i + 4 <= n && cells < max; i++) {
		if (i == start || !number_word(w[i]) || !number_word(w[i + 1]) ||
		    !number_word(w[i + 2]) || !number_word(w[i + 3]))
			continue;
		for (k = start, len = 0, names[cells][0] = '\0'; k < i; k++)
			len += (size_t)snprintf(names[cells] + len, len < 160 ? 160 - len : 0,
			    "%s%s", k > start ? " " : "", w[k]);
		cells++;
		start = i + 4;
		i += 3;
	}
	return cells;
}

/* The units on screen (rows under a "units" heading) read apart: no two
 * the same, no player twice in one.  *cells: how many were seen. */
static bool
units_apart(int *cells)
{
	char row[2048], names[64][160], *a, *b, *save1, *save2;
	char one[160], two[160];
	int y, n = 0, i, j, k;
	bool under = false, good = true;

	for (y = 2; y < LINES; y++) {
		ui_dump_row(y, row, sizeof row);
		if (strstr(row, "units") != NULL)
			under = true;
		else if (under && n < 64) {
			k = unit_cells(row, names + n, 64 - n);
			under = k > 0;   /* the section ends at its first other row */
			n += k;
		}
	}
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++)
			if (strcmp(names[i], names[j]) == 0) {
				printf("#   two units read \"%s\"\n", names[i]);
				good = false;
			}
		cs_strlcpy(one, names[i], sizeof one);
		for (a = strtok_r(one, " ", &save1); a != NULL; a = strtok_r(NULL, " ", &save1)) {
			cs_strlcpy(two, names[i], sizeof two);
			for (b = strtok_r(two, " ", &save2), j = 0; b != NULL;
			    b = strtok_r(NULL, " ", &save2))
				j += strcmp(a, b) == 0;
			if (j > 1) {
				printf("#   \"%s\" twice in \"%s\"\n", a, names[i]);
				good = false;
			}
		}
	}
	*cells = n;
	return good;
}

/* With both teams side by side (both titles on one row), every row that
 * holds a heading or a ball-screen type holds it twice, one per team. */
static bool
columns_aligned(bool *side_by_side)
{
	static const char *const labels[] = {
		"ball screens", "pick and roll", "handoff", "shot clock", "15+ s", "0-4 s",
		"derived",
	};
	char row[2048], *p;
	int y, k, count;
	bool good = true;

	for (y = 2; y < LINES; y++) {
		ui_dump_row(y, row, sizeof row);
		for (p = row, count = 0; (p = strstr(p, " possessions")) != NULL; p++)
			count++;
		if (count >= 2)
			*side_by_side = true;
	}
	for (y = 2; y < LINES && *side_by_side; y++) {
		ui_dump_row(y, row, sizeof row);
		for (k = 0; k < (int)(sizeof labels / sizeof labels[0]); k++) {
			for (p = row, count = 0; (p = strstr(p, labels[k])) != NULL; p++)
				count++;
			if (count == 1) {
				printf("#   row %d: \"%s\" in one column only\n", y, labels[k]);
				good = false;
			}
		}
	}
	return good;
}

/* Every page of the focused possessions pane, top to bottom: the columns
 * aligned on each (*side_by_side: when they were side by side). */
static bool
pages_aligned(struct ui *ui, bool *side_by_side)
{
	bool good = true;
	int i;

	*side_by_side = false;
	keys(ui, "g");
	for (i = 0; i < 80 && good; i++) {   /* the first page out of step says why */
		ui_frame(ui);
		good = columns_aligned(side_by_side);
		keys(ui, "j");
	}
	return good;
}

/*
 * Possessions at 80x24, 100x30, 120x35 and 160x45 (zoomed too): two
 * units of PHI that differ in one Williams (Jalen, Jaylin) read the same
 * when each name was cut to its first letters ("Ma Ou Ge Ma Wi", Maxey and
 * Martin alike too), and with ball screens for HOU only the two columns
 * went out of step from "ball screens" down.
 */
static void
test_possessions_sizes(struct app_state *st)
{
	static const int phi_a[5] = { 0, 1, 2, 3, 8 }, phi_b[5] = { 0, 1, 2, 3, 9 };
	static const int hou_c[5] = { 0, 1, 2, 3, 4 }, hou_d[5] = { 8, 1, 2, 3, 4 };
	static const struct { int cols, lines; bool zoom; } sizes[] = {
		{ 80, 24, false }, { 100, 30, false }, { 120, 35, false }, { 160, 45, false },
		{ 160, 45, true },
	};
	static const struct ui_options opt;
	struct game *g = build_game15(false);
	struct ui *ui;
	bool side_by_side;
	size_t k;
	int cells = 0;
	bool apart;

	game_refresh(g);
	g15_st_possession(g, CS_AWAY, 1, 2, -1, phi_a, hou_c);
	g15_st_possession(g, CS_HOME, 2, 3, CS_SCREEN_PICK_N_ROLL, hou_c, phi_a);
	g15_st_possession(g, CS_AWAY, 3, 0, -1, phi_b, hou_c);
	g15_st_possession(g, CS_HOME, 4, 2, CS_SCREEN_HANDOFF, hou_d, phi_b);
	g15_st_possession(g, CS_AWAY, 5, 3, -1, phi_a, hou_d);
	g15_st_possession(g, CS_HOME, 6, 0, -1, hou_d, phi_a);
	ui = ui_on(&opt, g, st);
	for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		size_to(ui, sizes[k].cols, sizes[k].lines);
		keys(ui, sizes[k].zoom ? "6z" : "6");
		ok(pages_aligned(ui, &side_by_side), "%dx%d%s: the teams' columns aligned on every page",
		    sizes[k].cols, sizes[k].lines, sizes[k].zoom ? " zoomed" : "");
		if (sizes[k].cols != 120)
			ok(side_by_side, "%dx%d%s: the teams side by side", sizes[k].cols,
			    sizes[k].lines, sizes[k].zoom ? " zoomed" : "");
		keys(ui, "G");
		ui_frame(ui);
		apart = units_apart(&cells);
		ok(apart && cells == 4,
		    "%dx%d%s: the four units read apart (%d seen)", sizes[k].cols,
		    sizes[k].lines, sizes[k].zoom ? " zoomed" : "", cells);
		if (sizes[k].cols == 80)
			check_screen(ui, "possessions_units_80x24");
		if (sizes[k].zoom)
			keys(ui, "z");
	}
	ui_free(&ui);
	game_free(&g);
}

/* Every ACTIVE row of the screen ends in "n/a"; false without one. */
static bool
active_reads_na(void)
{
	char row[2048];
	size_t n;
	int y, active = 0;

	for (y = 0; y < LINES; y++) {
		ui_dump_row(y, row, sizeof row);
		if (strstr(row, "ACTIVE") == NULL)
			continue;
		active++;
		n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			row[--n] = '\0';
		if (n < 3 || strcmp(row + n - 3, "n/a") != 0)
			return false;
	}
	return active > 0;
}

/* ShotTracker's picker: its schedule has no score, so a game under way
 * read ACTIVE with a blank where Sportradar's shows one; n/a, and the
 * footer says why (never a made-up score). */
static void
test_picker_scoreless(void)
{
	struct ui_pick_row rows[8];
	struct ui_picker *p;
	size_t i;

	picker_rows(rows, 8);
	for (i = 0; i < 8; i++) {
		rows[i].score[0] = '\0';
		rows[i].scoreless = true;
		cs_strlcpy(rows[i].status, i < 2 ? "ACTIVE" : "SCHEDULED", sizeof rows[i].status);
	}
	p = ui_picker_new(rows, 8, "ShotTracker, 2026-12-06", false);
	if (!ok(p != NULL, "scoreless picker: created"))
		return;
	resizeterm(24, 80);
	picker_show(p, "picker_scoreless_80x24");
	ok(active_reads_na(), "80x24: the games under way read n/a for their score");
	ok(screen_has("score n/a: not in the schedule"), "80x24: the footer says why");
	/* narrow: what does not fit ends in an ellipsis, no word cut silently */
	resizeterm(12, 40);
	picker_show(p, "picker_scoreless_40x12");
	ok(!screen_has("SCHEDU ") && screen_has("SCHED\xe2\x80\xa6"),
	    "40x12: a status too wide for its column ends in an ellipsis");
	ok(!screen_has(": 8 g\n") && !screen_has("score\n"),
	    "40x12: the title and the footer end in an ellipsis, not a cut word");
	ui_picker_free(&p);
}

int
main(void)
{
	struct app_state st;
	struct game *g;
	SCREEN *scr;

	srcdir = getenv("top_srcdir");
	if (srcdir == NULL)
		srcdir = ".";
	update = getenv("CS_UPDATE_SCREENS") != NULL;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	unsetenv("LINES");
	unsetenv("COLUMNS");
	setenv("ESCDELAY", "25", 1);

	term_out = tmpfile();
	if (term_out == NULL) {
		ok(0, "tmpfile");
		return tap_done();
	}
	scr = open_term("xterm-256color");
	if (!ok(scr != NULL, "newterm(xterm-256color) on a file"))
		return tap_done();

	g = build_game();
	memset(&st, 0, sizeof st);
	st.status.state = FEED_LIVE;
	st.caught_up = true;
	st.last_data_us = NOW_US - 400000;

	test_layouts_and_panes(g, &st);
	test_filters(g, &st);
	test_zoom_zones_sort(g, &st);
	test_requests(g, &st);
	test_ascii(g, &st);
	test_header_states(g, &st);
	test_escapes(g, &st);
	test_incremental(g, &st);
	test_bells(g, &st);
	test_team(g, &st);
	test_header_run(g, &st);
	test_lineups_units(g, &st);
	test_possessions_pane(g, &st);
	test_empty(&st);
	test_plays_story(&st);
	test_plays_newer(&st);
	test_shots_story(&st);
	test_box_sizes(&st);
	test_picker();
	test_picker_refresh();
	test_strip(g);
	test_seek_prompt(g, &st);
	test_clip_key(&st);
	test_marks_in_plays(&st);
	test_ten_overtimes(&st);
	test_box_wide_totals(&st);
	test_too_small(g, &st);
	test_strip_whole_games(g);
	test_more_below(g, &st);
	test_shots_legend_words(g, &st);
	test_status_row_80(g, &st);
	test_header_rules_80(g, &st);
	test_team_60(g, &st);
	test_picker_narrow();
	test_units_60(&st);
	test_not_caught_up(g, &st);
	test_possessions_sizes(&st);
	test_picker_scoreless();
	endwin();
	delscreen(scr);
	test_mono(g, &st);
	test_vt100_court(&st);

	game_free(&g);
	fclose(term_out);
	return tap_done();
}
