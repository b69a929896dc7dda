/*
 * Drawing text: every string goes through cs_sanitize again here (the
 * providers already strip control characters; this is defence in depth
 * against an escape sequence reaching the terminal), then is clipped to a
 * number of display columns, character by character, in the locale's
 * encoding.  Characters the locale cannot show become '?'; when the
 * locale is not UTF-8 (LANG=C over SSH), the providers' UTF-8 is read as
 * UTF-8 all the same and Latin letters lose their accents ("Théo" ->
 * "Theo", "Jokić" -> "Jokic", "ß" -> "ss") instead of printing "Th??o".
 */
#include "config.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "model/event.h"
#include "ui/text.h"

#define TEXT_MAX 1024

static int locale_decode(const char *s, int width, wchar_t *out, int outmax, int *cols);
static int plain_len(const char *s);

/* ASCII for U+00C0..U+017F: Latin-1 Supplement letters and Latin
 * Extended-A, accents dropped (NFKD), ligatures and strokes spelled out. */
static const char *const latin[0x180 - 0xc0] = {
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",
	"I", "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y",
	"Th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i",
	"i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u",
	"u", "y", "th", "y", "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C",
	"c", "C", "c", "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E", "e",
	"E", "e", "G", "g", "G", "g", "G", "g", "G", "g", "H", "h", "H", "h", "I",
	"i", "I", "i", "I", "i", "I", "i", "I", "i", "IJ", "ij", "J", "j", "K", "k",
	"k", "L", "l", "L", "l", "L", "l", "L", "l", "L", "l", "N", "n", "N", "n",
	"N", "n", "'n", "N", "n", "O", "o", "O", "o", "O", "o", "OE", "oe", "R", "r",
	"R", "r", "R", "r", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T",
	"t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u",
	"W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
};

/* ASCII for a code point: Latin letters, a few typographic marks; NULL
 * when there is none. */
static const char *
ascii_for(unsigned long cp)
{
	switch (cp) {
	case 0xa0: return " ";
	case 0x2018: case 0x2019: case 0xb4: return "'";
	case 0x201c: case 0x201d: return "\"";
	case 0x2010: case 0x2013: case 0x2014: return "-";
	case 0x2026: return "...";
	case 0xb7: case 0x2022: return ".";
	}
	if (cp >= 0xc0 && cp < 0x180)
		return latin[cp - 0xc0];
	return NULL;
}

/* One UTF-8 character at s (len bytes left): its code point and length;
 * 0 when the bytes are not UTF-8. */
static size_t
utf8_decode(const char *s, size_t len, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	n = u[0] >= 0xf0 && u[0] < 0xf8 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || n > len || (u[0] >= 0xe0 && n == 2))
		return 0;
	*cp = u[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (u[i] & 0x3f);
	}
	return n;
}

bool
ui_text_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

const char *
ui_text_ascii(const char *s, char *buf, size_t size)
{
	size_t len = strlen(s), n, at = 0, k;
	unsigned long cp;
	const char *a;

	if (size == 0)
		return buf;
	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		a = n == 0 ? "?" : cp < 0x80 ? NULL : ascii_for(cp);
		if (n == 0)
			n = 1;
		if (a == NULL && cp < 0x80 && n == 1) {
			if (at + 1 >= size)
				break;
			buf[at++] = *s;
		} else {
			if (a == NULL)
				a = "?";
			k = strlen(a);
			if (at + k >= size)
				break;
			memcpy(buf + at, a, k);
			at += k;
		}
		s += n;
		len -= n;
	}
	buf[at] = '\0';
	return buf;
}

/* Decodes up to `width` columns of `s` into wide characters. */
static int
text_decode(const char *s, int width, wchar_t *out, int outmax, int *cols)
{
	char ascii[TEXT_MAX];
	int k = plain_len(s), i;

	if (k >= 0) {
		/* printable ASCII: a column a byte in every locale */
		if (k > width)
			k = width;
		if (k > outmax)
			k = outmax;
		for (i = 0; i < k; i++)
			out[i] = (wchar_t)(unsigned char)s[i];
		*cols = k;
		return k;
	}
	if (!ui_text_utf8_locale()) {
		/* not UTF-8: the provider's UTF-8, in ASCII */
		s = ui_text_ascii(s, ascii, sizeof ascii);
	}
	return locale_decode(s, width, out, outmax, cols);
}

/* Decodes up to `width` columns of `s`, in the locale's encoding. */
static int
locale_decode(const char *s, int width, wchar_t *out, int outmax, int *cols)
{
	mbstate_t ps;
	size_t n, len = strlen(s);
	int used = 0, k = 0, cw;
	wchar_t wc;

	memset(&ps, 0, sizeof ps);
	while (len > 0 && k < outmax) {
		n = mbrtowc(&wc, s, len, &ps);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			/* not in this locale's charset: one byte, shown as '?' */
			memset(&ps, 0, sizeof ps);
			wc = L'?';
			n = 1;
		}
		cw = wcwidth(wc);
		if (cw < 0) {
			wc = L'?';
			cw = 1;
		}
		if (used + cw > width)
			break;
		out[k++] = wc;
		used += cw;
		s += n;
		len -= n;
	}
	*cols = used;
	return k;
}

/* Length of `s` when it is all printable ASCII (no sanitizing or decoding
 * needed: the common case of numbers and labels), else -1. */
static int
plain_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			return -1;
	return (int)(p - (const unsigned char *)s);
}

/*
 * Printable ASCII straight into the window's cells: what waddnstr() makes
 * of it (the attribute and colour on every cell, spaces included, as the
 * window has no background or attribute of its own: wattrset() is only
 * ever set around a drawing and back to A_NORMAL) without its
 * per-character path.  The inside of a run goes in as chtypes
 * (waddchnstr(): a cell copied, where wadd_wchnstr() works out each
 * character's width and renders it against the background, most of the
 * cost of a row).  Once a character wider than a column has been drawn
 * (ui_text's only way to draw one), the first and last cells of a run go
 * through wadd_wchnstr(), which blanks what is left of a double-width
 * character they cut.  The theme's pairs all fit a chtype.  The cursor is
 * not moved; nothing here reads it.
 */
#define CELLS_CHUNK 160    /* cells set up at a time (a wide row) */

static bool wide_drawn;    /* a character of two columns went on a screen */

static void
put_wide(WINDOW *w, int y, int x, const cchar_t *blank, char ch)
{
	cchar_t cell = *blank;

	cell.chars[0] = (wchar_t)(unsigned char)ch;
	mvwadd_wchnstr(w, y, x, &cell, 1);
}

static void
put_ascii(WINDOW *w, int y, int x, attr_t attr, const char *s, int k)
{
	chtype cells[CELLS_CHUNK];
	cchar_t blank;
	wchar_t wc[2] = { L' ', 0 };
	int i, n;

	if (wide_drawn) {
		setcchar(&blank, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
		put_wide(w, y, x, &blank, s[0]);
		if (k == 1)
			return;
		put_wide(w, y, x + k - 1, &blank, s[k - 1]);
		/* the cells between */
		s++;
		x++;
		k -= 2;
	}
	for (; k > 0; s += n, x += n, k -= n) {
		n = k < CELLS_CHUNK ? k : CELLS_CHUNK;
		for (i = 0; i < n; i++)
			cells[i] = (chtype)(unsigned char)s[i] | attr;
		mvwaddchnstr(w, y, x, cells, n);
	}
}

int
ui_text(WINDOW *w, int y, int x, int width, attr_t attr, const char *s)
{
	char clean[TEXT_MAX];
	wchar_t wbuf[TEXT_MAX];
	int maxx = getmaxx(w), k, cols;

	if (s == NULL || width <= 0 || x >= maxx || y < 0 || y >= getmaxy(w))
		return 0;
	if (x + width > maxx)
		width = maxx - x;
	k = plain_len(s);
	if (k >= 0) {
		if (k > width)
			k = width;
		if (k > 0)
			put_ascii(w, y, x, attr, s, k);
		return k;
	}
	cs_sanitize(clean, s, sizeof clean);
	k = text_decode(clean, width, wbuf, TEXT_MAX, &cols);
	if (k == 0)
		return 0;
	if (cols != k)
		wide_drawn = true;
	wattrset(w, attr);
	mvwaddnwstr(w, y, x, wbuf, k);
	wattrset(w, A_NORMAL);
	return cols;
}

int
ui_textf(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	char buf[TEXT_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_text(w, y, x, width, attr, buf);
}

void
ui_text_fit_words(const char *text, int width, bool ascii, char *out, size_t size)
{
	const char *ell = ascii ? "..." : "\xe2\x80\xa6";
	int ew = ascii ? 3 : 1, cols = 0, cw;
	size_t len = strlen(text), at = 0, n, cut = 0, word = 0;
	mbstate_t ps;
	wchar_t wc;

	memset(&ps, 0, sizeof ps);
	while (at < len) {
		/* printable ASCII, most of a play's text: a byte, a column */
		if ((unsigned char)text[at] >= 0x20 && (unsigned char)text[at] < 0x7f) {
			wc = (wchar_t)text[at];
			n = 1;
		} else {
			n = mbrtowc(&wc, text + at, len - at, &ps);
		}
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&ps, 0, sizeof ps);
			wc = L'?';
			n = 1;
		}
		cw = n == 1 && wc >= 0x20 && wc < 0x7f ? 1 : wcwidth(wc);
		cw = cw < 0 ? 1 : cw;
		if (cols + cw <= width - ew)
			cut = at + n;
		if (wc == L' ' && cols <= width - ew && cols >= width / 2)
			word = at;
		if (cols + cw > width)
			break;
		cols += cw;
		at += n;
	}
	if (at >= len || width <= ew) {
		n = at < size ? at : size - 1;   /* it fits, or no room to say more */
		memcpy(out, text, n);
		out[n] = '\0';
		return;
	}
	n = word > 0 ? word : cut;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == ','))
		n--;
	if (n + strlen(ell) + 1 > size)
		n = size - strlen(ell) - 1;
	memcpy(out, text, n);
	memcpy(out + n, ell, strlen(ell) + 1);
}

int
ui_text_right(WINDOW *w, int y, int x, int width, attr_t attr, const char *s)
{
	char clean[TEXT_MAX];
	wchar_t wbuf[TEXT_MAX];
	int cols;

	if (s == NULL || width <= 0)
		return 0;
	cols = plain_len(s);
	if (cols >= 0) {
		if (cols > width)
			cols = width;
		return ui_text(w, y, x + width - cols, cols, attr, s);
	}
	cs_sanitize(clean, s, sizeof clean);
	text_decode(clean, width, wbuf, TEXT_MAX, &cols);
	return ui_text(w, y, x + width - cols, cols, attr, clean);
}

const char *
ui_itoa(char *buf, size_t size, int v, bool plus, int width)
{
	char d[16];
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	size_t n = 0, o = 0;

	if (size == 0)
		return buf;
	do {
		d[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0 || (plus && v > 0))
		d[n++] = v < 0 ? '-' : '+';
	for (; width > (int)n && o + 1 < size; width--)
		buf[o++] = ' ';
	while (n > 0 && o + 1 < size)
		buf[o++] = d[--n];
	buf[o] = '\0';
	return buf;
}

int
ui_text_width(const char *s)
{
	char clean[TEXT_MAX];
	wchar_t wbuf[TEXT_MAX];
	int cols;

	cols = plain_len(s);
	if (cols >= 0)
		return cols;
	cs_sanitize(clean, s, sizeof clean);
	text_decode(clean, TEXT_MAX, wbuf, TEXT_MAX, &cols);
	return cols;
}

void
ui_fill(WINDOW *w, int y, int x, int n, attr_t attr)
{
	int maxx = getmaxx(w);

	if (y < 0 || y >= getmaxy(w) || x >= maxx || n <= 0)
		return;
	if (x + n > maxx)
		n = maxx - x;
	wattrset(w, attr);
	mvwhline(w, y, x, ' ', n);
	wattrset(w, A_NORMAL);
}

void
ui_hline(const struct ui_theme *t, WINDOW *w, int y, int x, int n, attr_t attr)
{
	cchar_t cc;
	wchar_t line[2] = { 0x2500, 0 };   /* ─ */
	int maxx = getmaxx(w);

	if (y < 0 || y >= getmaxy(w) || x >= maxx || n <= 0)
		return;
	if (x + n > maxx)
		n = maxx - x;
	if (t->ascii) {
		wattrset(w, attr);
		mvwhline(w, y, x, '-', n);
		wattrset(w, A_NORMAL);
		return;
	}
	setcchar(&cc, line, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvwhline_set(w, y, x, &cc, n);
}

/* Words that belong to the surname that follows them. */
static bool
particle(const char *w, size_t n)
{
	static const char *const words[] = { "van", "von", "de", "da", "di", "del",
		"della", "der", "den", "du", "la", "le", "st.", "dos", "das", "ter", "ten",
		"mac" };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return true;
	return false;
}

static bool
suffix(const char *w, size_t n)
{
	static const char *const words[] = { "jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "v" };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return true;
	return false;
}

/* The word ending at `end` (exclusive) of `name`: its start. */
static const char *
word_start(const char *name, const char *end)
{
	while (end > name && end[-1] != ' ')
		end--;
	return end;
}

static const char *
trim_end(const char *name, const char *end)
{
	while (end > name && end[-1] == ' ')
		end--;
	return end;
}

/* [*start, *end) is the surname inside name. */
static void
surname_span(const char *name, const char **start, const char **end)
{
	const char *e = trim_end(name, name + strlen(name)), *s = word_start(name, e), *p;

	if (s > name && suffix(s, (size_t)(e - s))) {
		/* "Jaren Jackson Jr." -> "Jackson" */
		e = trim_end(name, s);
		s = word_start(name, e);
	}
	/* "Fred Van Vleet" -> "Van Vleet"; the first word is never taken */
	while (s > name) {
		p = word_start(name, trim_end(name, s));
		if (p == name || !particle(p, (size_t)(trim_end(name, s) - p)))
			break;
		s = p;
	}
	*start = s;
	*end = e;
}

const char *
ui_last_name(const char *name, char *buf, size_t size)
{
	const char *s, *e;
	size_t n;

	surname_span(name, &s, &e);
	n = (size_t)(e - s);
	if (n == 0) {
		cs_strlcpy(buf, name, size);
		return buf;
	}
	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

void
ui_name_fit(const char *name, int width, char *buf, size_t size)
{
	char last[CS_NAME_MAX];
	const char *sp;
	wchar_t wbuf[TEXT_MAX];
	int cols;

	text_decode(name, TEXT_MAX, wbuf, TEXT_MAX, &cols);
	if (cols <= width) {
		cs_strlcpy(buf, name, size);
		return;
	}
	ui_last_name(name, last, sizeof last);
	sp = strchr(name, ' ');
	if (sp != NULL && (unsigned char)name[0] < 0x80 && isalpha((unsigned char)name[0]))
		snprintf(buf, size, "%c. %s", name[0], last);
	else
		cs_strlcpy(buf, last, size);
	text_decode(buf, TEXT_MAX, wbuf, TEXT_MAX, &cols);
	if (cols <= width)
		return;
	cs_strlcpy(buf, last, size);
}
