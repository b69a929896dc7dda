/*
 * ui_flush() (ui/flush.h) sends a frame's changed lines itself instead of
 * doupdate().  The same game is drawn play by play twice on an in-memory
 * terminal, once through doupdate() alone (plain) and once through
 * ui_flush(); after every frame curscr, what curses believes the terminal
 * shows, must be the same cell for cell (characters, attributes,
 * colours), at several sizes, through a focus change (a new layout), a
 * resize, a Ctrl-L repaint and a team colour changed.  The fast path
 * must really have sent lines (else this proves nothing), and doupdate()
 * the rest: the repaints, a play with a character two columns wide, a
 * full-width list scrolled.  The lines are read in place (ncurses' own
 * line layout, checked once by ui_flush), and a third run reads them
 * through curses' calls, as where that check fails: both are compared.
 *
 * With FLUSH_BYTES=DIR set, each run's terminal bytes also go to
 * DIR/COLSxLINES-MODE.bytes: tests/test_flush_bytes.sh plays them in tmux
 * and compares what the terminal shows.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "ui/keys.h"
#include "ui/panes.h"
#include "ui/screen.h"

#include "ui_game.h"

#define NOW_US 1000000000LL
#define FRAMES_MAX 400
#define EXTRA_PLAYS 160
#define EVENTS_MAX (UI_GAME_EVENTS_MAX + EXTRA_PLAYS)
#define note(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); } while (0)

static struct app_state st;
static const struct ui_options opt;
static struct cs_game_info info;
static struct { struct cs_event ev[EVENTS_MAX]; int n; } evs;

static void
bail(const char *why)
{
	printf("Bail out! %s\n", why);
	exit(1);
}

/* The hand-built game, then a run of plays that shift the plays list and
 * move the box score, one of them with a wide character. */
static void
script(void)
{
	static const char *const shooters[] = { "b0", "b1", "b3", "n0", "n1", "n2" };
	static struct ui_game_events hand;
	struct cs_event ev;
	int i, side, clock = 600;

	ui_game_script(&info, &hand);
	for (i = 0; i < hand.n; i++)
		evs.ev[evs.n++] = hand.ev[i];
	for (i = 0; i < EXTRA_PLAYS && evs.n < EVENTS_MAX; i++) {
		side = i % 2 ? CS_HOME : CS_AWAY;
		clock -= 3;
		ev_new(&ev, 2, clock > 0 ? clock : 0, i % 3 ? CS_EV_TWO_MISSED : CS_EV_TWO_MADE,
		    side, NULL);
		fg(&ev, side, shooters[(i % 3) + (side == CS_HOME ? 3 : 0)], i % 3 == 0, false,
		    200 + 7 * i, 150 + 3 * (i % 40));
		snprintf(ev.description, sizeof ev.description, "%s %d-foot jumper%s",
		    i % 3 ? "misses a" : "makes a", 5 + i % 20,
		    i == 10 ? " \xe5\xa7\x9a\xe6\x98\x8e" : "");   /* 姚明: two columns each */
		evs.ev[evs.n++] = ev;
	}
}

/* curscr, cell by cell, folded into one number. */
static uint64_t
snap(void)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	int y, x, k;

	for (y = 0; y < LINES; y++)
		for (x = 0; x < COLS; x++) {
			memset(wch, 0, sizeof wch);
			if (mvwin_wch(curscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &a, &pair, NULL) == ERR) {
				a = 0;
				pair = -1;
			}
			for (k = 0; k < CCHARW_MAX && wch[k] != 0; k++)
				h = (h ^ (uint64_t)wch[k]) * 0x100000001b3ULL;
			h = (h ^ a) * 0x100000001b3ULL;
			h = (h ^ (uint64_t)(unsigned short)pair) * 0x100000001b3ULL;
		}
	return h;
}

struct run {
	uint64_t frame[FRAMES_MAX];
	int n;
	unsigned long sent, handed;
	bool in_place;
	char rows[3][512];   /* a few rows of the last frame, for the notes */
};

static void
frame(struct ui *ui, struct run *r)
{
	ui_frame(ui);
	if (r->n < FRAMES_MAX)
		r->frame[r->n++] = snap();
}

/* How a run sends its frames: doupdate() alone, ui_flush reading curses'
 * lines in place, or ui_flush copying them (the fallback). */
enum send { SEND_PLAIN, SEND_FAST, SEND_COPIED };

/* The game drawn play by play at cols x lines, focus on `focus`. */
static void
draw_game(int cols, int lines, int focus, enum send how, struct run *r)
{
	char path[512];
	const char *dir = getenv("FLUSH_BYTES");
	FILE *out, *in = fopen("/dev/null", "r");
	struct game *g = game_new();
	struct ui *ui;
	SCREEN *scr;
	off_t end;
	int i;

	memset(r, 0, sizeof *r);
	if (dir != NULL) {
		snprintf(path, sizeof path, "%s/%dx%d-%s.bytes", dir, cols, lines,
		    how == SEND_PLAIN ? "plain" : how == SEND_FAST ? "fast" : "copied");
		out = fopen(path, "w+");
	} else
		out = tmpfile();
	if (out == NULL || in == NULL || g == NULL)
		bail("no terminal file");
	scr = newterm("xterm-256color", out, in);
	if (scr == NULL)
		bail("newterm(xterm-256color)");
	set_term(scr);
	ui_curses_setup();
	resizeterm(lines, cols);
	game_set_info(g, &info);
	ui = ui_new(&opt, g);
	if (ui == NULL)
		bail("ui_new");
	ui->st = &st;
	ui->now_us = NOW_US;
	ui->plain_update = how == SEND_PLAIN;
	if (how == SEND_COPIED)
		ui_flush_copy_lines(ui->flush);
	ui_set_output(ui, fileno(out));
	ui_resize(ui, cols, lines);
	ui_focus(ui, focus);
	frame(ui, r);
	for (i = 0; i < evs.n; i++) {
		game_upsert(g, &evs.ev[i]);
		if (i == evs.n / 3)
			ui_focus(ui, focus == UI_PANE_PBP ? UI_PANE_BOX : UI_PANE_PBP);
		if (i == evs.n / 2) {
			/* a terminal a line shorter, then back: the resize's repaint */
			resizeterm(lines - 1, cols);
			ui_resize(ui, cols, lines - 1);
			clearok(curscr, TRUE);
			frame(ui, r);
			resizeterm(lines, cols);
			ui_resize(ui, cols, lines);
			clearok(curscr, TRUE);
		}
		if (i == evs.n * 2 / 3)
			ui_key(ui, 0x0c);   /* Ctrl-L */
		if (i == evs.n * 3 / 4) {
			/* the home team's colour changes (a late roster, another
			 * game): its pair is made again, the cells in it repainted */
			struct cs_game_info later = info;

			later.team[CS_HOME].color = 0x6f2da8;
			game_set_info(g, &later);
		}
		frame(ui, r);
	}
	r->sent = ui_flush_lines_sent(ui->flush);
	r->handed = ui_flush_lines_handed(ui->flush);
	r->in_place = ui_flush_in_place(ui->flush);
	for (i = 0; i < 3; i++)
		ui_dump_row(lines - 3 + i, r->rows[i], sizeof r->rows[i]);
	ui_free(&ui);
	fflush(out);
	end = lseek(fileno(out), 0, SEEK_END);
	endwin();
	delscreen(scr);
	/* the frames only: endwin() leaves the alternate screen */
	if (end > 0 && ftruncate(fileno(out), end) != 0)
		bail("cannot cut the terminal file");
	fclose(out);
	fclose(in);
	game_free(&g);
}

/* Each frame's curscr the same as plain's, every frame. */
static void
same_frames(const struct run *plain, const struct run *r, const char *how, int cols,
    int lines)
{
	int i;

	for (i = 0; i < plain->n && i < r->n && plain->frame[i] == r->frame[i]; i++)
		;
	if (!ok(plain->n == r->n && i == plain->n, "%dx%d: %s: curscr is the same after every "
	    "frame", cols, lines, how)) {
		note("first different frame: %d", i);
		for (i = 0; i < 3; i++)
			note("plain: %s\n# %s:  %s", plain->rows[i], how, r->rows[i]);
	}
}

static void
compare_at(int cols, int lines, int focus)
{
	static struct run plain, fast, copied;

	draw_game(cols, lines, focus, SEND_PLAIN, &plain);
	draw_game(cols, lines, focus, SEND_FAST, &fast);
	draw_game(cols, lines, focus, SEND_COPIED, &copied);
	ok(plain.n == fast.n && plain.n > 100, "%dx%d: %d frames both ways", cols, lines, fast.n);
	same_frames(&plain, &fast, "in place", cols, lines);
	same_frames(&plain, &copied, "copied", cols, lines);
	ok(plain.sent == 0 && plain.handed > 0, "%dx%d: plain: doupdate() sent every line", cols,
	    lines);
	ok(fast.sent > (unsigned long)fast.n, "%dx%d: ui_flush sent %lu lines itself", cols, lines,
	    fast.sent);
	ok(fast.in_place, "%dx%d: it read the screens' lines in place (what was compared)", cols,
	    lines);
	ok(!copied.in_place && copied.sent > (unsigned long)copied.n, "%dx%d: copied: the lines "
	    "read through curses' calls, %lu lines sent (in place: %lu)", cols, lines, copied.sent,
	    fast.sent);
	ok(fast.handed > 0, "%dx%d: and handed %lu to doupdate() "
	    "(repaints, wide characters, a full-width list scrolled)", cols, lines, fast.handed);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	unsetenv("LINES");
	unsetenv("COLUMNS");
	setenv("TERM", "xterm-256color", 1);
	memset(&st, 0, sizeof st);
	st.status.state = FEED_LIVE;
	st.caught_up = true;
	st.last_data_us = NOW_US - 400000;
	script();
	compare_at(160, 45, UI_PANE_BOX);
	compare_at(200, 50, UI_PANE_LINEUPS);
	compare_at(120, 35, UI_PANE_BOX);
	compare_at(80, 24, UI_PANE_PBP);
	return tap_done();
}
