/*
 * A frame reaches the terminal in one write.  ncurses 6.4 flushes its
 * output buffer at every cursor move it makes inside doupdate() until the
 * screen has once been through endwin() (its "initial" state), which made
 * a live play some fifty write()s, each a system call on the UI thread;
 * ui_curses_setup() now leaves that state at once.
 *
 * The terminal here is one end of a SOCK_SEQPACKET socket pair, which
 * keeps the boundaries of the writes: the other end counts them.  And
 * coming back from endwin() must leave the keypad in transmit mode (else
 * the first arrow keys arrive as ESC [ B and read as other keys).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tap.h"
#include "ui/screen.h"

#include "ui_game.h"

#define NOW_US 1000000000LL
#define PLAYS 40

static int reader = -1;

/* What reached the terminal so far (the first frame's, for the keypad). */
static char seen[1 << 17];
static size_t nseen;

/* The writes (and their bytes) waiting on the reading end. */
static int
drain(long *bytes)
{
	static char buf[1 << 16];
	ssize_t n;
	int writes = 0;

	*bytes = 0;
	while ((n = recv(reader, buf, sizeof buf, MSG_DONTWAIT)) > 0) {
		writes++;
		*bytes += n;
		if (nseen + (size_t)n <= sizeof seen) {
			memcpy(seen + nseen, buf, (size_t)n);
			nseen += (size_t)n;
		}
	}
	return writes;
}

/* Where `cap` last occurs in what the terminal got; -1 never. */
static long
last_at(const char *cap)
{
	size_t len = cap != NULL && cap != (char *)-1 ? strlen(cap) : 0, i;
	long at = -1;

	for (i = 0; len > 0 && i + len <= nseen; i++)
		if (memcmp(seen + i, cap, len) == 0)
			at = (long)i;
	return at;
}

/* After the first frame: the keypad's transmit mode is the last word. */
static void
keypad_on(void)
{
	char smkx[] = "smkx", rmkx[] = "rmkx";
	const char *on = tigetstr(smkx), *off = tigetstr(rmkx);
	long at_on = last_at(on), at_off = last_at(off);

	ok(at_on >= 0 && at_on > at_off,
	    "the first frame leaves the keypad in transmit mode (smkx at %ld, rmkx at %ld)",
	    at_on, at_off);
}

/* A miss `k` x 20 s into the period: a new play on top of the plays, the
 * shooter's row and the header move. */
static void
miss(struct game *g, int k)
{
	struct cs_event ev;

	ev_new(&ev, 2, 3800 - 200 * k, CS_EV_TWO_MISSED, k % 2 ? CS_HOME : CS_AWAY,
	    k % 2 ? "Josh Hart misses a jumper" : "Jaylen Brown misses a layup");
	fg(&ev, k % 2 ? CS_HOME : CS_AWAY, k % 2 ? "n1" : "b1", false, false, 300 + 10 * k, 200);
	if (game_upsert(g, &ev) < 0)
		printf("# event %s refused\n", ev.id);
}

static void
frames(struct ui *ui, struct game *g)
{
	long bytes, total = 0;
	int k, w, most = 0, shown = 0, over = 0;

	ui_frame(ui);
	w = drain(&bytes);
	ok(w >= 1 && bytes > 1000, "the first frame reached the terminal (%d writes, %ld bytes)",
	    w, bytes);
	keypad_on();
	for (k = 0; k < PLAYS; k++) {
		miss(g, k);
		ui_frame(ui);
		w = drain(&bytes);
		total += bytes;
		if (bytes > 0)
			shown++;
		if (w > most)
			most = w;
		if (w > 1)
			over++;
	}
	ok(shown == PLAYS, "every play reached the terminal (%d of %d frames wrote, %ld bytes)",
	    shown, PLAYS, total);
	ok(over == 0, "each frame in one write: %d of %d frames took more, at most %d writes",
	    over, PLAYS, most);
}

int
main(void)
{
	struct app_state st;
	struct ui_options opt;
	struct game *g;
	struct ui *ui;
	SCREEN *scr;
	FILE *out, *in;
	int sv[2];

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	/* sized from the start, so ncurses' output buffer holds a frame */
	setenv("LINES", "45", 1);
	setenv("COLUMNS", "160", 1);
	setenv("TERM", "xterm-256color", 1);
	if (!ok(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == 0, "a socket pair for a terminal"))
		return tap_done();
	reader = sv[1];
	out = fdopen(sv[0], "w");
	in = fopen("/dev/null", "r");
	if (!ok(out != NULL && in != NULL, "the terminal's streams"))
		return tap_done();
	scr = newterm("xterm-256color", out, in);
	if (!ok(scr != NULL, "newterm(xterm-256color) on the socket"))
		return tap_done();
	set_term(scr);
	ui_curses_setup();
	memset(&st, 0, sizeof st);
	memset(&opt, 0, sizeof opt);
	st.status.state = FEED_LIVE;
	st.caught_up = true;
	st.last_data_us = NOW_US - 400000;
	g = build_game();
	ui = ui_new(&opt, g);
	if (ok(ui != NULL, "a UI at %dx%d", COLS, LINES)) {
		ui->st = &st;
		ui->now_us = NOW_US;
		frames(ui, g);
	}
	ui_free(&ui);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	close(reader);
	game_free(&g);
	return tap_done();
}
