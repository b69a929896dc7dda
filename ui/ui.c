/*
 * The UI loop (see ui.h).  It sleeps in poll() on the terminal, the feed's
 * wake-up descriptor and a self-pipe that the signal handlers write to
 * (SIGWINCH: relayout at once; SIGINT, SIGTERM, SIGHUP: leave cleanly).
 * The poll timeout exists only for the clock and data-age display: one
 * second while data may be flowing, none when nothing can change by
 * itself (no feed, ended, failed), and the --duration deadline.
 *
 * After each drain the loop brings the model up to date once
 * (game_refresh); the frame and the panes then only read it.
 *
 * The terminal is restored on every way out: the normal return, the
 * signals above (they end the loop), and exit() (atexit).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "log.h"
#include "ui/keys.h"
#include "ui/pane_strip.h"
#include "ui/panes.h"
#include "ui/screen.h"
#include "ui/ui.h"

#define TICK_MS 1000
#define STRIP_MAX 32     /* games the strip names; ( ) reach them all */
/* While a catch-up pours in, a frame at most this often: the partial game
 * is not worth drawing (or sending over SSH), and the model fills faster. */
#define CATCH_UP_FRAME_MS 100
/* A game off screen: its clock reaches its strip cell this late at most
 * (feed_set_quiet), ten looks a second for all of them together. */
#define STRIP_CLOCK_MS 100

/*
 * Event received -> on the terminal: for every event, how long it waited
 * from the moment the feed thread received its bytes (its stamp) until
 * the doupdate() that showed it.  Logged when the UI ends; make bench
 * reads the line.
 */
#define LATENCY_STEP_US 10
#define LATENCY_BUCKETS 5000      /* up to 50 ms; the last bucket holds the rest */

struct latency {
	unsigned long n;
	int64_t max_us;
	uint32_t *bucket;
};

static void
latency_add(struct latency *l, int64_t us)
{
	int64_t b = us / LATENCY_STEP_US;

	if (l->bucket == NULL || us < 0)
		return;
	l->bucket[b < LATENCY_BUCKETS ? b : LATENCY_BUCKETS - 1]++;
	l->n++;
	if (us > l->max_us)
		l->max_us = us;
}

/* The q-quantile, in ms (the upper edge of its bucket). */
static double
latency_ms(const struct latency *l, double q)
{
	unsigned long want = (unsigned long)(q * (double)l->n), seen = 0;
	int b;

	for (b = 0; b < LATENCY_BUCKETS; b++) {
		seen += l->bucket[b];
		if (seen > want)
			break;
	}
	return (double)(b + 1) * LATENCY_STEP_US / 1000.0;
}

/* What the UI measures of itself, for the log and make bench. */
struct timing {
	int64_t start_us;          /* when main() began; 0 = unknown */
	bool shown;                /* the caught-up game has been on screen */
	struct latency lat;
	unsigned long frames;      /* live frames that showed new events */
	unsigned long over;        /* events past a drain's stamp cap */
	/* what the loop did, for the log: its turns (one a wake-up), whole
	 * frames, and the strip alone (a game off screen changed) */
	unsigned long turns, drawn, strip_only;
};

/* After a frame: the latency of the events it shows (live ones only: the
 * catch-up's own come in one burst), and the start-up time once. */
static void
timing_frame(struct timing *t, struct app_state *st, struct game *g, bool was_live)
{
	int64_t now = cs_now_us();
	size_t i;

	/* now: just after the doupdate() that put them on the terminal */
	if (was_live && st->nstamps > 0) {
		for (i = 0; i < st->nstamps; i++)
			latency_add(&t->lat, now - st->stamps[i]);
		t->frames++;
		t->over += st->stamps_over;
	}
	st->nstamps = 0;
	st->stamps_over = 0;
	if (!t->shown && st->caught_up) {
		t->shown = true;
		log_msg("startup: the caught-up game is on screen, %zu events, "
		    "%.1f ms after start (monotonic %lld us)", game_event_count(g),
		    t->start_us != 0 ? (double)(now - t->start_us) / 1000.0 : 0.0,
		    (long long)now);
	}
}

static void
timing_end(struct timing *t)
{
	if (t->lat.n > 0)
		log_msg("ui: event -> screen over %lu events in %lu frames (%lu past the cap): "
		    "p50 %.2f ms, p99 %.2f ms, max %.2f ms", t->lat.n, t->frames, t->over,
		    latency_ms(&t->lat, 0.5), latency_ms(&t->lat, 0.99),
		    (double)t->lat.max_us / 1000.0);
	if (t->turns > 0)
		log_msg("ui: the loop: %lu turns, %lu frames, %lu of the strip alone", t->turns,
		    t->drawn, t->strip_only);
	free(t->lat.bucket);
	t->lat.bucket = NULL;
}

static int sig_pipe[2] = { -1, -1 };
static volatile sig_atomic_t curses_active;
static bool atexit_done;

static void
on_signal(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;

	if (sig_pipe[1] >= 0 && write(sig_pipe[1], &b, 1) < 0) {
		/* full pipe: a wake-up is already pending */
	}
	errno = saved;
}

static void
restore_terminal(void)
{
	if (curses_active) {
		curses_active = 0;
		endwin();
	}
}

static int
fail(char **cause, const char *msg)
{
	if (cause != NULL) {
		free(*cause);
		*cause = strdup(msg);
	}
	return -1;
}

/* OSC titles: terminals that understand them (not the Linux console). */
static bool
title_capable(void)
{
	const char *t = getenv("TERM");

	if (t == NULL || *t == '\0')
		return false;
	return strcmp(t, "dumb") != 0 && strcmp(t, "linux") != 0 &&
	    strncmp(t, "vt", 2) != 0 && strncmp(t, "cons", 4) != 0;
}

static void
write_title(const char *title)
{
	char buf[300], clean[256];

	cs_sanitize(clean, title, sizeof clean);
	snprintf(buf, sizeof buf, "\033]2;%s\007", clean);
	fputs(buf, stdout);
	fflush(stdout);
}

/* xterm's title stack: keep the user's title and put it back at the end;
 * terminals without it ignore the sequence. */
static void
title_stack(bool push)
{
	fputs(push ? "\033[22;2t" : "\033[23;2t", stdout);
	fflush(stdout);
}

struct loop_ctx {
	struct feed *feed;
	struct ui *ui;
	struct session **v;         /* the games of this window */
	size_t n, focus;
	WINDOW *strip;              /* NULL: one game, no strip */
	bool strip_dirty;           /* a game off screen changed since it drew */
};

/* The UI's replay keys, as feed controls. */
static int
replay_now(void *ctx, enum ui_replay_cmd cmd)
{
	static const enum feed_control map[] = {
		[UI_REPLAY_PAUSE] = FEED_PAUSE_TOGGLE,
		[UI_REPLAY_FASTER] = FEED_FASTER,
		[UI_REPLAY_SLOWER] = FEED_SLOWER,
		[UI_REPLAY_BACK] = FEED_PLAY_BACK,
		[UI_REPLAY_FORWARD] = FEED_PLAY_FORWARD,
		[UI_REPLAY_PERIOD_BACK] = FEED_PERIOD_BACK,
		[UI_REPLAY_PERIOD_FORWARD] = FEED_PERIOD_FORWARD,
	};
	struct loop_ctx *lc = ctx;

	if (lc->feed == NULL || (size_t)cmd >= sizeof map / sizeof map[0])
		return -1;
	feed_control(lc->feed, map[cmd]);
	return 0;
}

/* The seek prompt's moment, as a feed seek. */
static int
replay_seek_now(void *ctx, int period_sequence, int clock)
{
	struct loop_ctx *lc = ctx;

	if (lc->feed == NULL)
		return -1;
	feed_seek(lc->feed, period_sequence, clock);
	return 0;
}

static void
reconnect_now(void *ctx)
{
	struct loop_ctx *lc = ctx;

	if (lc->feed != NULL)
		feed_reconnect_now(lc->feed);
}

/* The strip takes the top rows; the frame gets the rest. */
static void
strip_place(struct loop_ctx *lc)
{
	struct ui *ui = lc->ui;

	if (lc->strip != NULL) {
		delwin(lc->strip);
		lc->strip = NULL;
	}
	ui->top = 0;
	if (lc->n > 1 && LINES > UI_STRIP_LINES) {
		lc->strip = newwin(UI_STRIP_LINES, COLS, 0, 0);
		if (lc->strip != NULL) {
			leaveok(lc->strip, TRUE);
			ui->top = UI_STRIP_LINES;
		}
	}
	ui_resize(ui, COLS, LINES - ui->top);
}

/* The strip into curses' next frame: the caller's doupdate() sends it
 * together with whatever else changed, one write() a turn. */
static void
strip_stage(struct loop_ctx *lc)
{
	struct ui_strip_game sg[STRIP_MAX];
	size_t i, n = lc->n < STRIP_MAX ? lc->n : STRIP_MAX;

	lc->strip_dirty = false;
	if (lc->strip == NULL)
		return;
	for (i = 0; i < n; i++) {
		sg[i].g = lc->v[i]->g;
		sg[i].st = lc->v[i]->feed != NULL ? &lc->v[i]->st : NULL;
		sg[i].fresh = i != lc->focus && lc->v[i]->fresh;
	}
	pane_strip_draw(lc->strip, sg, n, lc->focus, COLS, lc->ui->opt->ascii);
}

/* The frame and the strip in one doupdate(), one write(): the strip is
 * staged after the layout's blank stdscr (which covers its row) and
 * before the frame's doupdate().  Too small, the frame blanks the whole
 * screen each time: the strip goes on top of it, as its own update. */
static void
frame_with_strip(struct ui *ui, struct loop_ctx *lc, int64_t now)
{
	ui_sync_layout(ui);
	if (ui->layout.tier != UI_TIER_TOO_SMALL)
		strip_stage(lc);
	ui->now_us = now;
	ui_frame(ui);
	if (ui->layout.tier == UI_TIER_TOO_SMALL && lc->strip != NULL) {
		strip_stage(lc);
		ui_update(ui);
	}
}

static void show_session(struct ui *ui, struct loop_ctx *lc, struct session *s);

/* The games off screen wake the UI for their events, not their clocks. */
static void
quiet_set(struct loop_ctx *lc)
{
	size_t i;

	for (i = 0; i < lc->n; i++)
		if (lc->v[i]->feed != NULL)
			feed_set_quiet(lc->v[i]->feed, lc->n > 1 && i != lc->focus);
}

/* The poll timeout, shortened to when the oldest clock held off screen is
 * due on the strip. */
static int
quiet_timeout(const struct loop_ctx *lc, int64_t now, int timeout)
{
	int64_t since, ms;
	size_t i;

	for (i = 0; i < lc->n; i++) {
		if (lc->v[i]->feed == NULL || i == lc->focus ||
		    (since = feed_quiet_since(lc->v[i]->feed)) == 0)
			continue;
		ms = (since + STRIP_CLOCK_MS * 1000LL - now) / 1000 + 1;
		if (ms < 0)
			ms = 0;
		if (timeout < 0 || ms < timeout)
			timeout = (int)ms;
	}
	return timeout;
}

/* ( and ): the frame shows another game at once, its model whole. */
static int
switch_now(void *ctx, int step)
{
	struct loop_ctx *lc = ctx;

	if (lc->n < 2)
		return -1;
	lc->focus = (lc->focus + lc->n + (size_t)(step > 0 ? 1 : lc->n - 1)) % lc->n;
	quiet_set(lc);
	show_session(lc->ui, lc, lc->v[lc->focus]);
	return 0;
}

static void
handle_resize(struct ui *ui, struct loop_ctx *lc)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0)
		resize_term(ws.ws_row, ws.ws_col);
	strip_place(lc);
	/* repaint every cell once: the terminal reflowed what it showed */
	clearok(curscr, TRUE);
}

/* C: a clip through the feed on screen. */
static int
clip_now(void *ctx, const char *play_id, int64_t start_ms, int64_t end_ms, char **cause)
{
	struct loop_ctx *lc = ctx;

	if (lc->feed == NULL)
		return cs_set_cause(cause, "no clip: no live feed");
	return feed_clip(lc->feed, play_id, start_ms, end_ms, cause);
}

/* The session on screen: the frame, the keys and the title follow it. */
static void
show_session(struct ui *ui, struct loop_ctx *lc, struct session *s)
{
	ui->g = s->g;
	ui->st = s->feed != NULL ? &s->st : NULL;
	lc->feed = s->feed;
	ui->reconnect = s->feed != NULL ? reconnect_now : NULL;
	ui->replay_control = s->feed != NULL ? replay_now : NULL;
	ui->replay_seek = s->feed != NULL ? replay_seek_now : NULL;
	ui->clip = s->feed != NULL ? clip_now : NULL;
	ui->clip_seen = s->st.clip_serial;   /* another game's answer is not news */
	s->fresh = false;
	ui_touch(ui);
}

/* The bells' baseline at the catch-up marker (ui_watch derives ui->g). */
static void
watch_at_catch_up(void *ui)
{
	(void)ui_watch(ui);
}

/* The game on screen: plays drained together with the first catch-up
 * marker (a UI thread late on a busy machine) are live all the same, and
 * ring. */
static bool
drain_focus(struct ui *ui, struct session *s)
{
	bool changed = app_drain_marked(s->g, &s->st, s->feed,
	    s->st.caught_up ? NULL : watch_at_catch_up, ui);

	s->fresh |= changed;
	return changed;
}

/* Every session's feed into its own model; true when the one on screen
 * changed (a game off screen that changed dirties the strip).  Each
 * model is derived once per drain. */
static bool
drain_all(struct ui *ui, struct loop_ctx *lc)
{
	struct session **v = lc->v;
	bool changed = false, c;
	size_t i;

	for (i = 0; i < lc->n; i++) {
		if (v[i]->feed == NULL)
			continue;
		c = i == lc->focus ? drain_focus(ui, v[i]) : session_drain(v[i]);
		game_refresh(v[i]->g);
		if (i == lc->focus)
			changed = c;
		else {
			v[i]->st.nstamps = 0;   /* off screen: not timed */
			lc->strip_dirty |= c;
		}
	}
	return changed;
}

int
ui_run(const struct ui_options *opt, struct game *g, struct feed *feed, char **cause)
{
	struct session one, *v[1];

	/* borrowed: the caller owns the model and the feed */
	memset(&one, 0, sizeof one);
	one.g = g;
	one.feed = feed;
	app_state_init(&one.st);
	v[0] = &one;
	return ui_run_sessions(opt, v, 1, cause);
}

int
ui_run_sessions(const struct ui_options *opt, struct session **v, size_t nsessions,
    char **cause)
{
	struct sigaction sa, old_int, old_term, old_hup, old_winch;
	struct loop_ctx lc;
	struct session *cur;
	struct pollfd *pfd = NULL;
	size_t k;
	struct ui *ui = NULL;
	SCREEN *scr = NULL;
	char title[256], last_title[256] = "";
	int64_t deadline = 0, now, left, last_frame = 0;
	int timeout, nfds, ch, fl, rc = 0, flags, i;
	unsigned char sigs[64];
	ssize_t n;
	bool quit = false, use_title = false, was_live = false, held, changed = false;
	bool due = true;            /* a frame is owed (the first, keys, the game) */
	struct timing tm;

	memset(&tm, 0, sizeof tm);
	memset(&lc, 0, sizeof lc);
	tm.start_us = opt->start_us;
	if (nsessions == 0)
		return fail(cause, "no game to show");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return fail(cause, "the UI needs a terminal (use --headless or --once)");
	if (pipe(sig_pipe) < 0)
		return fail(cause, "cannot create the signal pipe");
	cs_prefer_short_slice();        /* woken by the feed, it draws briefly */
	for (i = 0; i < 2; i++) {
		flags = fcntl(sig_pipe[i], F_GETFL);
		fcntl(sig_pipe[i], F_SETFL, flags | O_NONBLOCK);
		fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
	}

	/* our own SIGWINCH handler, so curses installs none and the resize
	 * reaches poll() through the pipe */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, &old_winch);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	if (!atexit_done) {
		atexit(restore_terminal);
		atexit_done = true;
	}
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		rc = fail(cause, "cannot drive this terminal (check TERM)");
		goto out;
	}
	curses_active = 1;
	if (ui_curses_check_terminal(cause) < 0) {
		rc = -1;
		goto out;
	}
	ui_curses_setup();
	nodelay(stdscr, TRUE);

	cur = v[0];
	ui = ui_new(opt, cur->g);
	/* the terminal, the signal pipe, and each session's feed */
	pfd = calloc(2 + nsessions, sizeof *pfd);
	if (ui == NULL || pfd == NULL) {
		rc = fail(cause, "out of memory");
		goto out;
	}
	tm.lat.bucket = calloc(LATENCY_BUCKETS, sizeof *tm.lat.bucket);
	ui_set_output(ui, STDOUT_FILENO);   /* newterm()'s: frames go there */
	lc.ui = ui;
	lc.v = v;
	lc.n = nsessions;
	ui->ctx = &lc;
	ui->switch_game = switch_now;
	show_session(ui, &lc, cur);
	quiet_set(&lc);
	strip_place(&lc);
	use_title = opt->title && title_capable();
	if (use_title)
		title_stack(true);
	if (opt->duration > 0)
		deadline = cs_now_us() + (int64_t)(opt->duration * 1e6);

	while (!quit) {
		tm.turns++;
		cur = v[lc.focus];
		changed = false;
		if (cur->feed != NULL) {
			was_live = cur->st.caught_up;
			/* derive once per drain: the frame's panes only read */
			changed = drain_all(ui, &lc);
			ui_clip_note(ui);
			if (changed) {
				unsigned events = ui_watch(ui);

				/* bells ring for what happens live, not for the
				 * catch-up: ui_watch took the model at the marker
				 * when this drain held it */
				if (cur->st.caught_up && (events & opt->bell) != 0)
					beep();
			}
		}
		now = cs_now_us();
		held = cur->feed != NULL && !cur->st.caught_up &&
		    cur->st.status.state == FEED_CATCHING_UP &&
		    last_frame != 0 && now - last_frame < CATCH_UP_FRAME_MS * 1000;
		/* A turn that only games off screen woke draws their strip
		 * cells, not the frame: the focused game's next event finds
		 * the thread free.  The frame follows its game, the keys, the
		 * signals and the tick (the data's age); a catch-up holds it
		 * back (held), owed. */
		due |= changed;
		if (!held && (due || cur->st.nstamps > 0 ||
		    now - last_frame >= TICK_MS * 1000LL)) {
			frame_with_strip(ui, &lc, now);
			tm.drawn++;
			last_frame = now;
			timing_frame(&tm, &cur->st, cur->g, was_live);
			cur->fresh = false;
			due = false;
		} else if (lc.strip_dirty && lc.strip != NULL) {
			strip_stage(&lc);
			ui_update(ui);
			tm.strip_only++;
		}
		if (use_title) {
			ui_title_text(cur->g, cur->feed != NULL ? &cur->st : NULL, title,
			    sizeof title);
			if (strcmp(title, last_title) != 0) {
				write_title(title);
				cs_strlcpy(last_title, title, sizeof last_title);
			}
		}

		/* sleep until a key, data, a signal, the next tick or the end */
		timeout = -1;
		if (cur->feed != NULL && !cur->st.ended &&
		    cur->st.status.state != FEED_FAILED &&
		    cur->st.status.state != FEED_PAUSED)
			timeout = (int)((last_frame + TICK_MS * 1000LL - now) / 1000) + 1;
		if (held)
			timeout = (int)((last_frame + CATCH_UP_FRAME_MS * 1000 - now) / 1000) + 1;
		if (cur->feed != NULL)
			timeout = quiet_timeout(&lc, now, timeout);
		if (deadline != 0) {
			left = deadline - now;
			if (left <= 0)
				break;
			if (timeout < 0 || left / 1000 < timeout)
				timeout = (int)(left / 1000) + 1;
		}
		nfds = 0;
		pfd[nfds].fd = STDIN_FILENO;
		pfd[nfds++].events = POLLIN;
		pfd[nfds].fd = sig_pipe[0];
		pfd[nfds++].events = POLLIN;
		for (k = 0; k < nsessions; k++) {
			if (v[k]->feed == NULL)
				continue;
			pfd[nfds].fd = feed_fd(v[k]->feed);
			pfd[nfds++].events = POLLIN;
		}
		for (i = 0; i < nfds; i++)
			pfd[i].revents = 0;
		if (poll(pfd, (nfds_t)nfds, timeout) < 0) {
			if (errno == EINTR)
				continue;
			rc = fail(cause, "poll failed");
			break;
		}
		/* the keys or a signal: the frame is due (the tick: by its time) */
		due |= pfd[0].revents != 0 || pfd[1].revents != 0;
		if (pfd[1].revents & POLLIN) {
			while ((n = read(sig_pipe[0], sigs, sizeof sigs)) > 0) {
				for (i = 0; i < n; i++) {
					if (sigs[i] == SIGWINCH)
						handle_resize(ui, &lc);
					else
						quit = true;
				}
			}
		}
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* the terminal went away (ssh dropped): nothing to draw on */
			log_msg("the terminal closed; leaving the UI");
			break;
		}
		if (pfd[0].revents & POLLIN) {
			while (!quit && (ch = wgetch(ui_input_window(ui))) != ERR) {
				if (ch == KEY_RESIZE) {
					handle_resize(ui, &lc);
					continue;
				}
				fl = ui_key(ui, ch);
				if (fl & UI_QUIT)
					quit = true;
			}
		}
	}

out:
	timing_end(&tm);
	free(pfd);
	if (lc.strip != NULL)
		delwin(lc.strip);
	ui_free(&ui);
	restore_terminal();
	if (use_title)
		title_stack(false);
	if (scr != NULL)
		delscreen(scr);
	sigaction(SIGWINCH, &old_winch, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
	return rc;
}
