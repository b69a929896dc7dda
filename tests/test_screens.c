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
#include "ui/panes.h"
#include "ui/screen.h"
#include "ui/text.h"

#define NOW_US 1000000000LL   /* a fixed "now" for the data age */

static const char *srcdir;
static bool update;
static FILE *term_out;        /* what curses writes, kept for inspection */

#include "ui_game.h"
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

static void
check_screen(struct ui *ui, const char *name)
{
	static char got[256 * 1024];
	char path[1024];
	char *want;
	FILE *f;

	ui_frame(ui);
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
	is_int(ui_focused(ui), UI_PANE_POSSESSIONS, "Tab from lineups goes to possessions");
	keys(ui, "\t");
	is_int(ui_focused(ui), UI_PANE_BOX, "Tab from possessions wraps to the box score");
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
	is_str(buf, "reconnecting 3", "reconnecting with the attempt");
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
	ui_title_text(ui->g, buf, sizeof buf);
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

/* ShotTracker's own possessions of the hand-built game: NYK (home) 5 in 4
 * with two fives, BOS (away) 4 in 3. */
static void
add_possession(struct game *g, int side, int n, int points, bool half, bool paint,
    int passes, int screen, int shot_clock, const int five[5], const int opp[5])
{
	struct cs_possession p;
	int k;

	memset(&p, 0, sizeof p);
	snprintf(p.id, sizeof p.id, "%s@%d", side == CS_HOME ? "nyk" : "bos", n);
	p.side = side;
	p.period.type = CS_PERIOD_QUARTER;
	p.period.number = p.period.sequence = 1;
	p.start_clock = 7200 - n * 150;
	p.end_clock = p.start_clock - 140;
	p.nfive[0] = p.nfive[1] = 5;
	for (k = 0; k < 5; k++) {
		snprintf(p.five[0][k], CS_ID_MAX, "%c%d", side == CS_HOME ? 'n' : 'b', five[k]);
		snprintf(p.five[1][k], CS_ID_MAX, "%c%d", side == CS_HOME ? 'b' : 'n', opp[k]);
	}
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
	ok(screen_has("derived 6.00  ST 4  diff -2.00"),
	    "NYK: derived and ShotTracker's possessions side by side, with the difference");
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
	test_possessions_pane(g, &st);
	test_empty(&st);
	endwin();
	delscreen(scr);
	test_mono(g, &st);

	game_free(&g);
	fclose(term_out);
	return tap_done();
}
