/* The game picker (see picker.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "log.h"
#include "ui/picker.h"
#include "ui/screen.h"
#include "ui/text.h"
#include "ui/theme.h"

#define PICK_QUERY_MAX 32

struct ui_picker {
	struct ui_pick_row *rows;
	size_t n;
	size_t *shown;             /* the rows the search keeps, in order */
	size_t nshown;
	size_t sel;                /* index into shown */
	size_t top;                /* first shown row on screen */
	char title[128];
	char query[PICK_QUERY_MAX];
	bool searching;            /* the `/` prompt has the keys */
	bool ascii;
	bool stale;                /* the last refresh failed */
	int retry_s;               /* the refresh's period; 0: none */
};

/* A team matches when the query is in its name or alias, any case. */
static bool
row_matches(const struct ui_pick_row *r, const char *q)
{
	return q[0] == '\0' || strcasestr(r->away, q) != NULL ||
	    strcasestr(r->home, q) != NULL;
}

static void
refilter(struct ui_picker *p)
{
	size_t i;

	p->nshown = 0;
	for (i = 0; i < p->n; i++)
		if (row_matches(&p->rows[i], p->query))
			p->shown[p->nshown++] = i;
	p->sel = 0;
	p->top = 0;
}

struct ui_picker *
ui_picker_new(const struct ui_pick_row *rows, size_t n, const char *title, bool ascii)
{
	struct ui_picker *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->rows = calloc(n + 1, sizeof *p->rows);
	p->shown = calloc(n + 1, sizeof *p->shown);
	if (p->rows == NULL || p->shown == NULL) {
		ui_picker_free(&p);
		return NULL;
	}
	if (n > 0)
		memcpy(p->rows, rows, n * sizeof *rows);
	p->n = n;
	p->ascii = ascii;
	cs_strlcpy(p->title, title != NULL ? title : "", sizeof p->title);
	refilter(p);
	return p;
}

int
ui_picker_update(struct ui_picker *p, const struct ui_pick_row *rows, size_t n)
{
	struct ui_pick_row *nr = calloc(n + 1, sizeof *nr);
	size_t *ns = calloc(n + 1, sizeof *ns), i, top = p->top;
	char id[sizeof p->rows[0].id] = "";

	if (nr == NULL || ns == NULL) {
		free(nr);
		free(ns);
		return -1;
	}
	if (p->nshown > 0)
		cs_strlcpy(id, p->rows[p->shown[p->sel]].id, sizeof id);
	if (n > 0)
		memcpy(nr, rows, n * sizeof *rows);
	free(p->rows);
	free(p->shown);
	p->rows = nr;
	p->shown = ns;
	p->n = n;
	p->stale = false;
	refilter(p);
	/* the cursor stays on its game, the page where it was */
	for (i = 0; i < p->nshown; i++)
		if (strcmp(p->rows[p->shown[i]].id, id) == 0) {
			p->sel = i;
			p->top = top;
			break;
		}
	return 0;
}

void
ui_picker_free(struct ui_picker **pp)
{
	struct ui_picker *p = *pp;

	if (p == NULL)
		return;
	free(p->rows);
	free(p->shown);
	free(p);
	*pp = NULL;
}

/* Column widths for a screen `cols` wide: the teams share what is left;
 * the id shows only when there is room for all of it. */
struct pick_cols {
	int team, status, score, id;
};

static void
columns(int cols, struct pick_cols *c)
{
	c->status = 12;
	c->score = 7;
	c->id = cols >= 140 ? 38 : 0;
	c->team = (cols - 2 - 7 - c->status - c->score - c->id - 4 - 2) / 2;
	if (c->team > 30)
		c->team = 30;
	if (c->team < 6) {
		/* narrow: the status gives way, the teams and the score stay */
		c->status -= 2 * (6 - c->team);
		if (c->status < 4)
			c->status = 0;
		c->team = 6;
	}
}

/* A team in `width` columns: "Orcas (VAN)" whole, else its abbreviation
 * "VAN", else its name cut with an ellipsis, never a word cut silently. */
static void
draw_team(WINDOW *w, int y, int x, int width, attr_t a, const char *team, bool ascii)
{
	const char *open = strrchr(team, '(');
	char alias[16];
	size_t n;

	if (ui_text_width(team) <= width) {
		ui_text(w, y, x, width, a, team);
		return;
	}
	if (open != NULL && (n = strcspn(open + 1, ")")) > 0 && n < sizeof alias &&
	    (int)n <= width) {
		memcpy(alias, open + 1, n);
		alias[n] = '\0';
		ui_text(w, y, x, width, a, alias);
		return;
	}
	x += ui_text(w, y, x, width - 1, a, team);
	ui_text(w, y, x, 1, a, ascii ? "." : "\xe2\x80\xa6");
}

/* `text` in `width` columns, ending in an ellipsis when it does not fit. */
static void
fit_text(WINDOW *w, int y, int x, int width, attr_t a, const char *text, bool ascii)
{
	char fitted[256];

	ui_text_fit_words(text, width, ascii, fitted, sizeof fitted);
	ui_text(w, y, x, width, a, fitted);
}

static void
draw_row(WINDOW *w, int y, const struct ui_pick_row *r, const struct pick_cols *c,
    bool sel, int cols, bool ascii)
{
	attr_t a = sel ? A_REVERSE : A_NORMAL;
	int x = 0;

	ui_fill(w, y, 0, cols, a);
	x += ui_text(w, y, x, 2, a | A_BOLD, sel ? "> " : "  ");
	ui_text(w, y, x, 5, a, r->tipoff);
	x += 7;
	draw_team(w, y, x, c->team, a, r->away, ascii);
	x += c->team + 1;
	ui_text(w, y, x, 2, a, "at");
	x += 3;
	draw_team(w, y, x, c->team, a, r->home, ascii);
	x += c->team + 1;
	if (c->status > 0) {
		fit_text(w, y, x, c->status, a, r->status, ascii);
		x += c->status + 1;
	}
	if (r->scoreless)   /* never a blank that looks like a score to come */
		ui_text_right(w, y, x, c->score - 1, a | A_DIM, "n/a");
	else
		ui_text_right(w, y, x, c->score - 1, a | A_BOLD, r->score);
	x += c->score + 1;
	if (c->id > 0)
		ui_text(w, y, x, c->id, a | A_DIM, r->id);
}

/* A shown game whose provider's schedule has no score: the footer says why
 * its score reads n/a. */
static bool
any_scoreless(const struct ui_picker *p)
{
	size_t i;

	for (i = 0; i < p->nshown; i++)
		if (p->rows[p->shown[i]].scoreless)
			return true;
	return false;
}

/* "^ 3 above  v 11 more below  " for the games off the screen (body
 * rows from p->top), as the panes count theirs; "" when all show. */
static void
off_screen(const struct ui_picker *p, int body, char *buf, size_t size)
{
	struct ui_theme t = { .ascii = p->ascii };
	size_t end = p->top + (size_t)body < p->nshown ? p->top + (size_t)body : p->nshown;
	int n = 0;

	buf[0] = '\0';
	if (p->top > 0)
		n = snprintf(buf, size, "%s %zu above  ", ui_glyph(&t, UI_G_UP), p->top);
	if (end < p->nshown && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%s %zu more below  ",
		    ui_glyph(&t, UI_G_DOWN), p->nshown - end);
}

void
ui_picker_refresh_failed(struct ui_picker *p)
{
	p->stale = true;
}

/* No rows, and no read has worked: the schedule is not read yet (its
 * server down at the start), not a day without games. */
static bool
unread(const struct ui_picker *p)
{
	return p->n == 0 && p->stale;
}

static void
draw_footer(struct ui_picker *p, WINDOW *w, int y, int cols, int body)
{
	char keys[240], more[64];

	if (p->searching)
		ui_textf(w, y, 0, cols, A_NORMAL, "/%s", p->query);
	else if (unread(p)) {
		if (p->retry_s > 0)
			snprintf(more, sizeof more, "; trying again every %d s", p->retry_s);
		else
			more[0] = '\0';
		snprintf(keys, sizeof keys, "no schedule yet: the server did not give it%s"
		    "  q quit", more);
		fit_text(w, y, 0, cols, A_BOLD, keys, p->ascii);
	} else if (p->nshown == 0)
		ui_textf(w, y, 0, cols, A_BOLD, "no game %s%s%s (Esc shows them all)",
		    p->query[0] != '\0' ? "of \"" : "", p->query,
		    p->query[0] != '\0' ? "\"" : "");
	else {
		off_screen(p, body, more, sizeof more);
		snprintf(keys, sizeof keys, "%s%s%s  Enter open  / team  %sq quit%s",
		    p->stale ? "scores not refreshed  " : "", more,
		    p->ascii ? "up/down" : "\xe2\x86\x91\xe2\x86\x93", p->query[0] != '\0' ?
		    "Esc all games  " : "", any_scoreless(p) ? "    score n/a: not in the schedule" :
		    "");
		fit_text(w, y, 0, cols, A_DIM, keys, p->ascii);
	}
}

void
ui_picker_draw(struct ui_picker *p, WINDOW *w)
{
	struct pick_cols c;
	char status[32], title[200], count[32];
	int lines, cols, y, body;
	size_t i;

	getmaxyx(w, lines, cols);
	werase(w);
	columns(cols, &c);
	if (unread(p))
		cs_strlcpy(count, "no schedule yet", sizeof count);
	else
		snprintf(count, sizeof count, "%zu game%s", p->nshown, p->nshown == 1 ? "" : "s");
	snprintf(title, sizeof title, "courtside %s %s: %s", p->ascii ? "-" : "\xc2\xb7",
	    p->title, count);
	fit_text(w, 0, 0, cols, A_BOLD, title, p->ascii);
	snprintf(status, sizeof status, "%-*.*s ", c.status, c.status, "STATUS");
	ui_textf(w, 1, 0, cols, A_DIM, "  %-5s  %-*s %-2s %-*s %s%*s%s", "TIP", c.team,
	    "AWAY", "", c.team, "HOME", c.status > 0 ? status : "", c.score - 1, "SCORE",
	    c.id > 0 ? "  GAME ID" : "");
	body = lines - 3;
	if (body < 1)
		body = 1;
	/* keep the selection on screen */
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)body)
		p->top = p->sel - (size_t)body + 1;
	for (y = 0, i = p->top; y < body && i < p->nshown; y++, i++)
		draw_row(w, 2 + y, &p->rows[p->shown[i]], &c, i == p->sel, cols, p->ascii);
	draw_footer(p, w, lines - 1, cols, body);
}

static enum ui_pick_result
search_key(struct ui_picker *p, int ch)
{
	size_t n = strlen(p->query);

	if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
		p->searching = false;
	else if (ch == 27) {
		p->searching = false;
		p->query[0] = '\0';
	} else if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) && n > 0)
		p->query[n - 1] = '\0';
	else if (ch >= 32 && ch < 127 && n + 1 < sizeof p->query) {
		p->query[n] = (char)ch;
		p->query[n + 1] = '\0';
	} else
		return UI_PICK_NONE;
	refilter(p);
	return UI_PICK_NONE;
}

enum ui_pick_result
ui_picker_key(struct ui_picker *p, int ch, size_t *chosen)
{
	if (p->searching)
		return search_key(p, ch);
	switch (ch) {
	case KEY_DOWN: case 'j':
		if (p->sel + 1 < p->nshown)
			p->sel++;
		break;
	case KEY_UP: case 'k':
		if (p->sel > 0)
			p->sel--;
		break;
	case KEY_NPAGE:
		p->sel = p->sel + 10 < p->nshown ? p->sel + 10 :
		    p->nshown > 0 ? p->nshown - 1 : 0;
		break;
	case KEY_PPAGE:
		p->sel = p->sel > 10 ? p->sel - 10 : 0;
		break;
	case KEY_HOME: case 'g':
		p->sel = 0;
		break;
	case KEY_END:
		p->sel = p->nshown > 0 ? p->nshown - 1 : 0;
		break;
	case '/':
		p->searching = true;
		p->query[0] = '\0';
		refilter(p);
		break;
	case 27:
		p->query[0] = '\0';
		refilter(p);
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (p->nshown == 0)
			break;
		*chosen = p->shown[p->sel];
		return UI_PICK_CHOSEN;
	case 'q': case 'Q':
		return UI_PICK_QUIT;
	}
	return UI_PICK_NONE;
}

/* ---- on the terminal ---- */

static volatile sig_atomic_t pick_stop;

static void
on_pick_signal(int sig)
{
	pick_stop = sig;
}

/*
 * The refresher: its own thread fetches fresh rows every interval and
 * leaves them under the lock, with a byte on the pipe for poll().
 */
struct refresher {
	const struct ui_pick_source *src;
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;                 /* under lock */
	struct ui_pick_row *rows;  /* under lock: the newest, not yet taken */
	size_t n;
	bool failed;               /* under lock: a fetch failed since the last take */
	int pipe_rd, pipe_wr;
};

static void *
refresh_main(void *arg)
{
	struct refresher *rf = arg;
	struct ui_pick_row *rows;
	struct timespec until;
	size_t n;
	int rc;

	pthread_mutex_lock(&rf->lock);
	while (!rf->stop) {
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += rf->src->interval_ms / 1000;
		until.tv_nsec += (long)(rf->src->interval_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!rf->stop && pthread_cond_timedwait(&rf->wake, &rf->lock, &until) == 0)
			;
		if (rf->stop)
			break;
		pthread_mutex_unlock(&rf->lock);
		rows = NULL;
		rc = rf->src->fetch(rf->src->ctx, &rows, &n);
		pthread_mutex_lock(&rf->lock);
		if (rc != 0) {
			rf->failed = true;
		} else {
			free(rf->rows);
			rf->rows = rows;
			rf->n = n;
			rf->failed = false;
		}
		if (write(rf->pipe_wr, "r", 1) < 0 && errno != EAGAIN)
			break;
	}
	pthread_mutex_unlock(&rf->lock);
	return NULL;
}

static int
refresher_start(struct refresher *rf, const struct ui_pick_source *src)
{
	pthread_condattr_t ca;
	sigset_t all, old;
	int fds[2];

	memset(rf, 0, sizeof *rf);
	rf->pipe_rd = rf->pipe_wr = -1;
	if (src == NULL || src->fetch == NULL || src->interval_ms <= 0)
		return 0;
	if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0)
		return -1;
	rf->pipe_rd = fds[0];
	rf->pipe_wr = fds[1];
	rf->src = src;
	pthread_mutex_init(&rf->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&rf->wake, &ca);
	pthread_condattr_destroy(&ca);
	/* signals belong to the UI thread */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rf->started = pthread_create(&rf->thread, NULL, refresh_main, rf) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rf->started ? 0 : -1;
}

/* Fresh rows into the picker, when the refresher left some. */
static void
refresher_take(struct refresher *rf, struct ui_picker *p)
{
	char buf[64];

	while (read(rf->pipe_rd, buf, sizeof buf) > 0)
		;
	pthread_mutex_lock(&rf->lock);
	if (rf->rows != NULL)
		ui_picker_update(p, rf->rows, rf->n);
	if (rf->failed)
		ui_picker_refresh_failed(p);
	free(rf->rows);
	rf->rows = NULL;
	rf->failed = false;
	pthread_mutex_unlock(&rf->lock);
}

static void
refresher_stop(struct refresher *rf)
{
	if (rf->started) {
		pthread_mutex_lock(&rf->lock);
		rf->stop = true;
		pthread_cond_broadcast(&rf->wake);
		pthread_mutex_unlock(&rf->lock);
		/* a fetch under way ends first: the provider's own timeouts */
		pthread_join(rf->thread, NULL);
		pthread_cond_destroy(&rf->wake);
		pthread_mutex_destroy(&rf->lock);
	}
	free(rf->rows);
	if (rf->pipe_rd >= 0)
		close(rf->pipe_rd);
	if (rf->pipe_wr >= 0)
		close(rf->pipe_wr);
	memset(rf, 0, sizeof *rf);
}

/* Keys and refreshes until a choice: poll() sleeps on the terminal and the
 * refresher's pipe, waking each half second to notice a signal. */
static int
pick_loop(struct ui_picker *p, struct refresher *rf, size_t *chosen)
{
	enum ui_pick_result r = UI_PICK_NONE;
	struct pollfd pfd[2];
	nfds_t nfds;
	int ch;

	while (r == UI_PICK_NONE && pick_stop == 0) {
		ui_picker_draw(p, stdscr);
		wnoutrefresh(stdscr);
		doupdate();
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[1].fd = rf->pipe_rd;
		pfd[1].events = POLLIN;
		pfd[0].revents = pfd[1].revents = 0;
		nfds = rf->pipe_rd >= 0 ? 2 : 1;
		if (poll(pfd, nfds, 500) <= 0)
			continue;
		if (nfds == 2 && (pfd[1].revents & POLLIN))
			refresher_take(rf, p);
		while (r == UI_PICK_NONE && (ch = wgetch(stdscr)) != ERR) {
			if (ch == KEY_RESIZE) {
				clearok(curscr, TRUE);
				continue;
			}
			r = ui_picker_key(p, ch, chosen);
		}
	}
	return r == UI_PICK_CHOSEN ? 0 : -1;
}

int
ui_pick(const struct ui_options *opt, const struct ui_pick_row *rows, size_t n,
    const char *title, const struct ui_pick_source *src, struct ui_pick_row *picked,
    char **cause)
{
	struct sigaction sa, old_int, old_term, old_hup;
	struct refresher rf;
	struct ui_picker *p;
	SCREEN *scr;
	size_t chosen = 0;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cs_set_cause(cause, "the game picker needs a terminal (or give --game)"),
		    -2;
	p = ui_picker_new(rows, n, title, opt->ascii);
	if (p == NULL)
		return cs_set_cause(cause, "out of memory"), -2;
	if (n == 0)
		ui_picker_refresh_failed(p);   /* not read yet: said in the footer */
	p->retry_s = src != NULL && src->fetch != NULL ? src->interval_ms / 1000 : 0;
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		ui_picker_free(&p);
		return cs_set_cause(cause, "cannot drive this terminal (check TERM)"), -2;
	}
	if (ui_curses_check_terminal(cause) < 0) {
		endwin();
		delscreen(scr);
		ui_picker_free(&p);
		return -2;
	}
	ui_curses_setup();
	nodelay(stdscr, TRUE);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_pick_signal;
	sigemptyset(&sa.sa_mask);
	pick_stop = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	if (refresher_start(&rf, src) < 0)
		log_msg("picker: no live scores (cannot start the refresher)");
	rc = pick_loop(p, &rf, &chosen);
	refresher_stop(&rf);
	if (rc == 0 && picked != NULL)
		*picked = p->rows[chosen];
	endwin();
	delscreen(scr);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	ui_picker_free(&p);
	return rc == 0 ? (int)chosen : -1;
}
