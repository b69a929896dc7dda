/*
 * Sending a frame (see flush.h).
 *
 * The books curses keeps, and how each stays true:
 * - the terminal's cursor: every ui_flush() ends with stdscr (leaveok
 *   off, its cursor at 0,0) staged last, so doupdate() always leaves the
 *   cursor home and curses knows it; the lines sent here end with the
 *   cursor sent home as well.  Every line starts with an absolute move,
 *   so nothing here depends on where the cursor was.
 * - the attributes: doupdate() ends with them normal; the lines sent
 *   here end normal too.  The strings that change them come from
 *   vid_puts() itself, captured once per change (from, to) and kept.
 * - curscr: the cells sent are written into it and its line unmarked, as
 *   doupdate() does after sending a line; newscr's line is unmarked.
 * - curses' output buffer: empty between updates (doupdate() ends with
 *   its flush); the lines sent here go out in one write() before the
 *   doupdate() that sends whatever is left.
 * Terminfo strings with a delay in them ("$<5>", a vt100's) go through
 * tputs() in curses; such a terminal is left to doupdate() whole.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/flush.h"

#define FLUSH_COLS_MAX 512     /* wider terminals go through doupdate() */
#define FLUSH_LINES_MAX 1024   /* taller ones too */
#define FLUSH_OUT_MAX 65536    /* a frame's bytes; more: doupdate() sends the rest */
#define FLUSH_GAP 8            /* same cells skipped with a move rather than sent */
#define MOVES_CACHED 512
#define SGRS_CACHED 256
#define MOVE_MAX 24            /* a cursor move, longest kept */
#define WIDTHS_CACHED 256      /* wcwidth() of the characters beyond ASCII */
#define SEQ_MAX 48             /* an attribute change, longest kept */

struct move_seq {
	short y, x;                /* -1: empty */
	unsigned char len;
	char s[MOVE_MAX];
};

struct sgr_seq {
	bool used;
	attr_t from_a, to_a;
	short from_p, to_p;
	int from_c, to_c;          /* the pairs' colours then (init_pair may change them) */
	unsigned char len;
	char s[SEQ_MAX];
};

struct ui_flush {
	int fd;                    /* the terminal curses writes to; -1 unknown */
	bool setup, usable, utf8, el_ok, am, amode;
	bool ansi_cup;             /* cup is ESC [ row ; col H: written without tparm */
	bool direct;               /* the screens' lines read in place (line_text) */
	bool copy_lines;           /* never in place: the tests' way to the fallback */
	bool home_known;           /* curses' cursor is at 0,0 (the last doupdate put it there) */
	const char *cup, *home, *el, *smam, *rmam;
	char home_seq[SEQ_MAX];
	size_t home_len;
	/* the terminal's attributes as the bytes so far leave them, and the
	 * cell fields they were taken from */
	attr_t attr;
	short pair;
	attr_t raw_attr;
	int raw_color;
	char out[FLUSH_OUT_MAX];
	size_t n;
	cchar_t newl[FLUSH_COLS_MAX + 1], curl[FLUSH_COLS_MAX + 1];
	const cchar_t *nl, *cl;    /* the line read_line() read: newl and curl, or in place */
	struct move_seq moves[MOVES_CACHED];
	struct sgr_seq sgrs[SGRS_CACHED];
	struct { wchar_t wc; int width; } widths[WIDTHS_CACHED];
	/* the columns the windows staged since the last update may have
	 * changed, by line: [lo, hi]; hi < 0 none known (read it whole) */
	short span_lo[FLUSH_LINES_MAX], span_hi[FLUSH_LINES_MAX];
	unsigned long sent, handed;
};

struct ui_flush *
ui_flush_new(void)
{
	struct ui_flush *f = calloc(1, sizeof *f);
	int i;

	if (f == NULL)
		return NULL;
	for (i = 0; i < MOVES_CACHED; i++)
		f->moves[i].y = -1;
	for (i = 0; i < FLUSH_LINES_MAX; i++) {
		f->span_lo[i] = SHRT_MAX;
		f->span_hi[i] = -1;
	}
	f->fd = -1;
	return f;
}

void
ui_flush_free(struct ui_flush **fp)
{
	free(*fp);
	*fp = NULL;
}

unsigned long
ui_flush_lines_sent(const struct ui_flush *f)
{
	return f->sent;
}

unsigned long
ui_flush_lines_handed(const struct ui_flush *f)
{
	return f->handed;
}

bool
ui_flush_in_place(const struct ui_flush *f)
{
	return f->direct;
}

void
ui_flush_copy_lines(struct ui_flush *f)
{
	f->copy_lines = true;
	f->direct = false;
}

void
ui_flush_stage(struct ui_flush *f, WINDOW *w)
{
	int y0 = getbegy(w), x0 = getbegx(w), h = getmaxy(w), x1 = x0 + getmaxx(w) - 1, r, y;

	for (r = 0; r < h; r++) {
		y = y0 + r;
		if (y < 0 || y >= FLUSH_LINES_MAX || is_linetouched(w, r) != TRUE)
			continue;
		if (x0 < f->span_lo[y])
			f->span_lo[y] = (short)x0;
		if (x1 > f->span_hi[y])
			f->span_hi[y] = (short)x1;
	}
	wnoutrefresh(w);
}

void
ui_flush_set_fd(struct ui_flush *f, int fd)
{
	f->fd = fd;
}

/* A terminfo string, NULL when the terminal has none; one with a delay
 * in it makes the terminal curses' alone. */
static const char *
cap(struct ui_flush *f, const char *name)
{
	const char *s = tigetstr(name);

	if (s == (const char *)-1 || s == NULL)
		return NULL;
	if (strstr(s, "$<") != NULL)
		f->usable = false;
	return s;
}

/*
 * A window's line as ncurses keeps it (curses.priv.h's struct ldat, the
 * same since ncurses 5.0): newscr's and curscr's cells are compared and
 * copied where they are, not copied out cell by cell (win_wchnstr())
 * and back (copywin()), which was a fifth of a frame's instructions.
 * lines_direct_ok() checks it once against the public calls; where it
 * does not hold, or curses hides its windows, those calls are used.
 */
struct flush_ldat {
	cchar_t *text;
	NCURSES_SIZE_T firstchar, lastchar, oldindex;
};

static cchar_t *
line_text(WINDOW *w, int y)
{
#if NCURSES_OPAQUE
	(void)w;
	(void)y;
	return NULL;
#else
	return ((struct flush_ldat *)(void *)w->_line)[y].text;
#endif
}

/* A cell written through curses is found in place, on its line and
 * column, and the cell above it, blank, is found there too. */
static bool
lines_direct_ok(void)
{
	static const wchar_t q[] = { L'Q', L'\0' };
	WINDOW *w = newwin(3, 6, 0, 0);
	cchar_t mark, got, above;
	bool ok;

	if (w == NULL)
		return false;
	ok = line_text(w, 0) != NULL && setcchar(&mark, q, A_BOLD, 0, NULL) == OK &&
	    mvwadd_wch(w, 2, 4, &mark) == OK && mvwin_wch(w, 2, 4, &got) == OK &&
	    mvwin_wch(w, 1, 4, &above) == OK && memcmp(&got, &above, sizeof got) != 0 &&
	    memcmp(&line_text(w, 2)[4], &got, sizeof got) == 0 &&
	    memcmp(&line_text(w, 1)[4], &above, sizeof above) == 0;
	delwin(w);
	return ok;
}

/* What the terminal offers, looked up once (the SCREEN lives as long as
 * the UI). */
static void
setup(struct ui_flush *f)
{
	const char *cs = nl_langinfo(CODESET);
	short fg = 0, bg = 0;

	f->setup = true;
	f->usable = true;
	f->direct = !f->copy_lines && lines_direct_ok();
	f->cup = cap(f, "cup");
	f->home = cap(f, "home");
	f->el = cap(f, "el");
	f->smam = cap(f, "smam");
	f->rmam = cap(f, "rmam");
	f->am = tigetflag("am") > 0;
	f->amode = f->smam != NULL && f->rmam != NULL;
	f->utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	/* a blank cleared with el takes the default background: only when
	 * the normal pair is the terminal's own colours */
	f->el_ok = f->el != NULL && (!has_colors() ||
	    (pair_content(0, &fg, &bg) == OK && bg == -1));
	if (f->cup == NULL)
		f->usable = false;
	else
		f->ansi_cup = strcmp(f->cup, "\033[%i%p1%d;%p2%dH") == 0;
	if (f->home == NULL && f->cup != NULL)
		f->home = tiparm(f->cup, 0, 0);
	if (f->home == NULL || strlen(f->home) >= sizeof f->home_seq)
		f->usable = false;
	else {
		f->home_len = strlen(f->home);
		memcpy(f->home_seq, f->home, f->home_len + 1);
	}
}

static bool
put(struct ui_flush *f, const char *s, size_t len)
{
	if (f->n + len >= sizeof f->out)
		return false;
	memcpy(f->out + f->n, s, len);
	f->n += len;
	return true;
}

static char *
put_number(char *p, int v)
{
	char d[12];
	int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n > 0)
		*p++ = d[--n];
	return p;
}

/* The move to (y, x): the ANSI form written out, else from the cache or
 * worked out once. */
static bool
put_move(struct ui_flush *f, int y, int x)
{
	char seq[32], *p = seq;
	struct move_seq *m;
	const char *s;
	size_t len;

	if (f->ansi_cup) {
		*p++ = '\033';
		*p++ = '[';
		p = put_number(p, y + 1);
		*p++ = ';';
		p = put_number(p, x + 1);
		*p++ = 'H';
		return put(f, seq, (size_t)(p - seq));
	}
	m = &f->moves[((unsigned)y * 37u + (unsigned)x) % MOVES_CACHED];

	if (m->y != y || m->x != x) {
		s = tiparm(f->cup, y, x);
		if (s == NULL || (len = strlen(s)) >= sizeof m->s)
			return false;
		memcpy(m->s, s, len);
		m->len = (unsigned char)len;
		m->y = (short)y;
		m->x = (short)x;
	}
	return put(f, m->s, m->len);
}

/* A full-width window scrolled since the last update (UI thread only). */
static bool scrolled;

void
ui_flush_scrolled(void)
{
	scrolled = true;
}

/* vid_puts() writes through a function with no context: the capture
 * (UI thread only). */
static char capture[SEQ_MAX];
static size_t capture_len;
static bool capture_full;

static int
capture_putc(int ch)
{
	if (capture_len + 1 >= sizeof capture)
		capture_full = true;
	else
		capture[capture_len++] = (char)ch;
	return ch;
}

static int
discard_putc(int ch)
{
	return ch;
}

/* vid_puts()'s bytes from (fa, fp) to (ta, tp), appended to the capture. */
static void
capture_move(attr_t fa, short fp, attr_t ta, short tp)
{
	vid_puts(fa, fp, NULL, discard_putc);
	vid_puts(ta, tp, NULL, capture_putc);
}

/* A pair's colours, folded: a team's pair is made again when its colour
 * changes, and what was captured for it no longer holds. */
static int
pair_colours(short p)
{
	short fg = 0, bg = 0;

	if (p == 0 || pair_content(p, &fg, &bg) != OK)
		return 0;
	return ((fg + 2) << 16) | (bg + 2);
}

/* The bytes that take the terminal from (fa, fp) to (ta, tp), as curses
 * would send them, cached.  vid_puts() from one colour pair straight to
 * another loses a default colour on the way (from black on cyan to
 * purple on the default, bold both: only the purple is sent) and sends
 * nothing for the normal pair with the same attributes, where
 * doupdate() gets both right: every change between two non-normal
 * states goes by the normal attributes (sgr0, then the new ones), which
 * vid_puts() gets right.  curses' idea of the attributes ends normal, as
 * it starts. */
static const struct sgr_seq *
sgr_for(struct ui_flush *f, attr_t fa, short fp, attr_t ta, short tp)
{
	uint32_t h = (uint32_t)fa * 0x9e3779b1u ^ (uint32_t)ta * 0x85ebca77u ^
	    (uint32_t)(unsigned short)fp * 0xc2b2ae3du ^ (uint32_t)(unsigned short)tp * 0x27d4eb2fu;
	struct sgr_seq *e = &f->sgrs[(h ^ (h >> 15)) % SGRS_CACHED];
	int fc = pair_colours(fp), tc = pair_colours(tp);

	if (e->used && e->from_a == fa && e->to_a == ta && e->from_p == fp && e->to_p == tp &&
	    e->from_c == fc && e->to_c == tc)
		return e;
	capture_len = 0;
	capture_full = false;
	if ((fa != A_NORMAL || fp != 0) && (ta != A_NORMAL || tp != 0)) {
		capture_move(fa, fp, A_NORMAL, 0);
		capture_move(A_NORMAL, 0, ta, tp);
	} else
		capture_move(fa, fp, ta, tp);
	vid_puts(A_NORMAL, 0, NULL, discard_putc);
	if (capture_full)
		return NULL;
	e->used = true;
	e->from_a = fa;
	e->from_p = fp;
	e->to_a = ta;
	e->to_p = tp;
	e->from_c = fc;
	e->to_c = tc;
	e->len = (unsigned char)capture_len;
	memcpy(e->s, capture, capture_len);
	return e;
}

static bool
put_attrs(struct ui_flush *f, attr_t a, short p)
{
	const struct sgr_seq *e;

	if (a == f->attr && p == f->pair)
		return true;
	if ((e = sgr_for(f, f->attr, f->pair, a, p)) == NULL || !put(f, e->s, e->len))
		return false;
	f->attr = a;
	f->pair = p;
	f->raw_color = -1;   /* the next cell works its attributes out */
	return true;
}

/* One character of a cell in the locale's encoding. */
static bool
put_char(struct ui_flush *f, wchar_t wc)
{
	char mb[16];
	mbstate_t ps;
	size_t len;

	if (wc >= 0x20 && wc < 0x7f) {
		mb[0] = (char)wc;
		return put(f, mb, 1);
	}
	if (f->utf8 && wc >= 0xa0 && wc < 0x10000 && (wc < 0xd800 || wc > 0xdfff)) {
		if (wc < 0x800) {
			mb[0] = (char)(0xc0 | (wc >> 6));
			mb[1] = (char)(0x80 | (wc & 0x3f));
			return put(f, mb, 2);
		}
		mb[0] = (char)(0xe0 | (wc >> 12));
		mb[1] = (char)(0x80 | ((wc >> 6) & 0x3f));
		mb[2] = (char)(0x80 | (wc & 0x3f));
		return put(f, mb, 3);
	}
	memset(&ps, 0, sizeof ps);
	len = wcrtomb(mb, wc, &ps);
	return len != (size_t)-1 && len > 0 && put(f, mb, len);
}

/* wcwidth() of a character beyond ASCII, cached. */
static int
width_of(struct ui_flush *f, wchar_t wc)
{
	unsigned i = ((unsigned)wc * 2654435761u) >> 24;

	if (f->widths[i].wc != wc || wc == 0) {
		f->widths[i].wc = wc;
		f->widths[i].width = wcwidth(wc);
	}
	return f->widths[i].width;
}

/* A cell's attributes and colour pair, as vid_puts() takes them. */
static attr_t
cell_attrs(const cchar_t *c, short *pair)
{
	*pair = (short)c->ext_color;
	return c->attr & (A_ATTRIBUTES & ~A_COLOR);
}

/* put_cell() past its common case. */
static bool
put_cell_changed(struct ui_flush *f, const cchar_t *c, bool corner)
{
	wchar_t wc = c->chars[0];
	attr_t a;
	short p;
	int k;

	a = cell_attrs(c, &p);
	if (a & A_ALTCHARSET)
		return false;
	if (wc < 0x20 || wc == 0x7f || (wc >= 0x80 && width_of(f, wc) != 1))
		return false;
	for (k = 1; k < CCHARW_MAX && c->chars[k] != L'\0'; k++)
		if (width_of(f, c->chars[k]) != 0)
			return false;
	if (!put_attrs(f, a, p))
		return false;
	f->raw_attr = c->attr;
	f->raw_color = c->ext_color;
	/* the last cell of a terminal that wraps: wrapping off around it,
	 * or the screen would scroll */
	if (corner && f->am && !(f->amode && put(f, f->rmam, strlen(f->rmam))))
		return false;
	for (k = 0; k < CCHARW_MAX && c->chars[k] != L'\0'; k++)
		if (!put_char(f, c->chars[k]))
			return false;
	return !(corner && f->am) || put(f, f->smam, strlen(f->smam));
}

/* A cell: its attributes, then its characters; false when the cell is
 * one to leave to curses (see flush.h).  Inline: most cells of a frame
 * are printable ASCII, alone, in the attributes of the last, one byte. */
static inline bool
put_cell(struct ui_flush *f, const cchar_t *c, bool corner)
{
	wchar_t wc = c->chars[0];

	if (wc >= 0x20 && wc < 0x7f && c->chars[1] == L'\0' && !corner &&
	    c->attr == f->raw_attr && c->ext_color == f->raw_color && f->n + 1 < sizeof f->out) {
		f->out[f->n++] = (char)wc;
		return true;
	}
	return put_cell_changed(f, c, corner);
}

/* Two cells alike (doupdate()'s CharEq: every field). */
static inline bool
same_cell(const cchar_t *a, const cchar_t *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* The first cell from x on that differs, cols when none: runs of cells
 * alike are passed over eight at a time. */
static int
next_change(const cchar_t *nl, const cchar_t *cl, int x, int cols)
{
	while (x + 8 <= cols && memcmp(nl + x, cl + x, 8 * sizeof *nl) == 0)
		x += 8;
	while (x < cols && same_cell(&nl[x], &cl[x]))
		x++;
	return x;
}

/* A cell of the terminal that is half of a character two columns wide:
 * the first, or the second (its character bits count the cells it takes:
 * what win_wchnstr() reads past).  Written over, the other half would go
 * blank: such a line is for doupdate(), as put_cell() leaves it the wide
 * characters of the new screen. */
static inline bool
half_wide(struct ui_flush *f, const cchar_t *c)
{
	return (c->attr & A_CHARTEXT) != 0 ||
	    (c->chars[0] >= 0x80 && width_of(f, c->chars[0]) != 1);
}

/* A blank that el clears to: a space, no attributes, the normal pair. */
static bool
plain_blank(const cchar_t *c)
{
	return c->chars[0] == L' ' && c->chars[1] == L'\0' && (c->attr & A_ATTRIBUTES) == 0 &&
	    c->ext_color == 0;
}

/* The bytes that turn row y of the terminal from curl into newl; false
 * (the bytes taken back by the caller) when curses is to send it. */
static bool
line_out(struct ui_flush *f, int y, int from, int end, int *x0, int *x1)
{
	const cchar_t *nl = f->nl, *cl = f->cl;
	int cols = COLS, x = from, last, k, tail = cols + 1;

	*x0 = end;
	*x1 = -1;
	/* where the row's trailing plain blanks start (read to the edge only) */
	if (end == cols)
		for (tail = cols; tail > from && plain_blank(&nl[tail - 1]); tail--)
			;
	while (x < end) {
		if ((x = next_change(nl, cl, x, end)) >= end)
			break;
		for (last = x, k = x + 1; k < end && k - last <= FLUSH_GAP; k++)
			if (!same_cell(&nl[k], &cl[k]))
				last = k;
		if (!put_move(f, y, x))
			return false;
		if (*x0 == end)
			*x0 = x;
		if (f->el_ok && last >= tail && cols - tail > 3) {
			/* the rest of the row is blank: its cells, then clear to the end */
			for (; x < tail; x++)
				if (half_wide(f, &cl[x]) || !put_cell(f, &nl[x], false))
					return false;
			if (!put_attrs(f, A_NORMAL, 0) || !put(f, f->el, strlen(f->el)))
				return false;
			*x1 = cols - 1;
			return true;
		}
		for (; x <= last; x++)
			if (half_wide(f, &cl[x]) ||
			    !put_cell(f, &nl[x], y == LINES - 1 && x == cols - 1))
				return false;
		*x1 = last;
	}
	return true;
}

/* The bytes end with normal attributes and the cursor home, as curses
 * believes it. */
static bool
close_out(struct ui_flush *f)
{
	return put_attrs(f, A_NORMAL, 0) && put(f, f->home_seq, f->home_len);
}

/* Row y as the frame drew it, cells [x0, x1], into curscr (a copy of
 * the cells, as doupdate() makes); nothing left marked. */
static void
commit_line(const struct ui_flush *f, int y, int x0, int x1)
{
	if (x0 <= x1 && f->direct)
		memcpy(line_text(curscr, y) + x0, line_text(newscr, y) + x0,
		    (size_t)(x1 - x0 + 1) * sizeof(cchar_t));
	else if (x0 <= x1)
		copywin(newscr, curscr, y, x0, y, x0, y, x1, FALSE);
	wtouchln(curscr, y, 1, 0);
	wtouchln(newscr, y, 1, 0);
}

/* Cells [from, end) of row y of both screens, each at its column
 * (f->nl, f->cl): in place, or read out, false when they are not one
 * cell a column (a character wider than a column takes two, and
 * win_wchnstr() reads past the second; in place, line_out() refuses to
 * send or write over either half). */
static bool
read_line(struct ui_flush *f, int y, int from, int end)
{
	if (f->direct) {
		f->nl = line_text(newscr, y);
		f->cl = line_text(curscr, y);
		return true;
	}
	f->nl = f->newl;
	f->cl = f->curl;
	f->newl[end - 1].chars[0] = L'\0';
	f->curl[end - 1].chars[0] = L'\0';
	if (mvwin_wchnstr(newscr, y, from, f->newl + from, end - from) == ERR ||
	    mvwin_wchnstr(curscr, y, from, f->curl + from, end - from) == ERR)
		return false;
	/* a short read ends in a zeroed cell */
	return f->newl[end - 1].chars[0] != L'\0' && f->curl[end - 1].chars[0] != L'\0';
}

/* Row y is for doupdate() to look at: changed in newscr, or in curscr
 * (init_pair() blanks the cells of a pair whose colours changed there). */
static bool
marked(int y)
{
	return is_linetouched(newscr, y) == TRUE || is_linetouched(curscr, y) == TRUE;
}

/* The bytes to the terminal.  A terminal that takes only part of them
 * shows something curses does not know: it repaints at the next update. */
static void
send_out(struct ui_flush *f)
{
	size_t o = 0;
	ssize_t w;
	int tries = 0;

	while (o < f->n && tries < 1000) {
		w = write(f->fd, f->out + o, f->n - o);
		if (w > 0) {
			o += (size_t)w;
			continue;
		}
		if (w < 0 && errno != EINTR && errno != EAGAIN)
			break;
		tries++;
	}
	if (o < f->n)
		clearok(curscr, TRUE);
}

/* Sends the marked lines it can, from the top; the first it cannot, and
 * every one after it, are left marked for doupdate(). */
static void
send_lines(struct ui_flush *f)
{
	int rows = LINES, cols = COLS, y, x0, x1, from, end;
	size_t mark;
	attr_t a;
	short p;

	f->n = 0;
	f->attr = A_NORMAL;
	f->pair = 0;
	f->raw_color = -1;
	for (y = 0; y < rows; y++) {
		if (!marked(y))
			continue;
		mark = f->n;
		a = f->attr;
		p = f->pair;
		from = 0;
		end = cols;
		if (f->span_hi[y] >= 0 && is_linetouched(curscr, y) != TRUE) {
			from = f->span_lo[y] > 0 ? f->span_lo[y] : 0;
			end = f->span_hi[y] < cols ? f->span_hi[y] + 1 : cols;
		}
		if (from >= end || !read_line(f, y, from, end) ||
		    !line_out(f, y, from, end, &x0, &x1)) {
			f->n = mark;
			f->attr = a;
			f->pair = p;
			f->raw_color = -1;
			break;
		}
		commit_line(f, y, x0, x1);
		f->sent++;
	}
	if (f->n > 0 && close_out(f))
		send_out(f);
}

void
ui_flush(struct ui_flush *f, bool plain)
{
	bool fast, stage_home;
	unsigned long left = 0;
	int y;

	if (!f->setup)
		setup(f);
	fast = !plain && !scrolled && f->usable && f->fd >= 0 && f->home_known && !isendwin() &&
	    !is_cleared(curscr) && !is_cleared(newscr) && COLS <= FLUSH_COLS_MAX && COLS > 0 &&
	    LINES <= FLUSH_LINES_MAX;
	if (fast)
		send_lines(f);
	for (y = 0; y < FLUSH_LINES_MAX && y < LINES + 1; y++) {
		f->span_lo[y] = SHRT_MAX;
		f->span_hi[y] = -1;
	}
	scrolled = false;
	for (y = 0; y < LINES; y++)
		left += marked(y);
	if (f->fd >= 0)
		f->handed += left;
	/* all sent, the cursor home and the attributes normal, as curses
	 * believes: nothing for doupdate() to do */
	if (fast && left == 0)
		return;
	/* doupdate() sends what is left and leaves the cursor home: stdscr,
	 * under every window and never drawn into after a layout, staged
	 * last with its cursor at 0,0 (staging it copies nothing) */
	stage_home = !is_wintouched(stdscr);
	if (stage_home) {
		leaveok(stdscr, FALSE);
		wmove(stdscr, 0, 0);
		wnoutrefresh(stdscr);
	}
	doupdate();
	f->home_known = stage_home;
}
