/*
 * Colours, attributes and glyphs (see theme.h).  Three cases: 256 colours, 8 (or 16), none.
 * Without colour (NO_COLOR, --no-color, a mono terminal) every element
 * still reads: bold, reverse, underline and dim carry the meaning.
 *
 * Team colours (0xRRGGBB from the provider) map to the nearest colour the
 * terminal has, after lifting colours too dark to read (navy, black); a
 * grey or near-black that cannot be told apart falls back to the default
 * foreground.  Only foregrounds are set, over the terminal's own background.
 *
 * Glyphs: UTF-8 where the locale draws it, an ASCII stand-in otherwise
 * (--ascii, or a locale that is not UTF-8).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "model/event.h"
#include "ui/theme.h"

enum {
	PAIR_RED = 1, PAIR_GREEN, PAIR_YELLOW, PAIR_BLUE, PAIR_MAGENTA, PAIR_CYAN,
	PAIR_TITLE, PAIR_HOME, PAIR_AWAY, PAIR_COUNT
};

/* RGB to HSV, h in degrees, s and v in 0..1. */
static void
rgb_hsv(int rgb, double *h, double *s, double *v)
{
	double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0,
	    b = (rgb & 0xff) / 255.0;
	double mx = fmax(r, fmax(g, b)), mn = fmin(r, fmin(g, b)), d = mx - mn;

	*v = mx;
	*s = mx > 0 ? d / mx : 0;
	if (d <= 0)
		*h = 0;
	else if (mx == r)
		*h = 60.0 * fmod((g - b) / d + 6.0, 6.0);
	else if (mx == g)
		*h = 60.0 * ((b - r) / d + 2.0);
	else
		*h = 60.0 * ((r - g) / d + 4.0);
}

static int
hsv_rgb(double h, double s, double v)
{
	double c = v * s, x = c * (1 - fabs(fmod(h / 60.0, 2) - 1)), m = v - c;
	double r = 0, g = 0, b = 0;

	if (h < 60) r = c, g = x;
	else if (h < 120) r = x, g = c;
	else if (h < 180) g = c, b = x;
	else if (h < 240) g = x, b = c;
	else if (h < 300) r = x, b = c;
	else r = c, b = x;
	return ((int)lround((r + m) * 255) << 16) | ((int)lround((g + m) * 255) << 8) |
	    (int)lround((b + m) * 255);
}

/* A colour readable as text: saturated enough, lifted out of the dark.
 * Returns -1 for greys, blacks and whites. */
static int
readable(int rgb)
{
	double h, s, v;

	if (rgb < 0 || rgb > 0xffffff)
		return -1;
	rgb_hsv(rgb, &h, &s, &v);
	if (s < 0.25 || v < 0.08)
		return -1;
	if (v < 0.75)
		v = 0.75;
	return hsv_rgb(h, s, v);
}

int
theme_nearest_256(int rgb)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int c[3], best[3], i, k, bd;

	rgb = readable(rgb);
	if (rgb < 0)
		return -1;
	c[0] = (rgb >> 16) & 0xff;
	c[1] = (rgb >> 8) & 0xff;
	c[2] = rgb & 0xff;
	for (i = 0; i < 3; i++) {
		best[i] = 0;
		bd = 1 << 30;
		for (k = 0; k < 6; k++) {
			int d = (c[i] - level[k]) * (c[i] - level[k]);
			if (d < bd) {
				bd = d;
				best[i] = k;
			}
		}
	}
	return 16 + 36 * best[0] + 6 * best[1] + best[2];
}

int
theme_nearest_8(int rgb)
{
	double h, s, v;

	rgb = readable(rgb);
	if (rgb < 0)
		return -1;
	rgb_hsv(rgb, &h, &s, &v);
	/* by hue: what a reader would call the colour */
	if (h < 20 || h >= 330)
		return COLOR_RED;
	if (h < 70)
		return COLOR_YELLOW;
	if (h < 165)
		return COLOR_GREEN;
	if (h < 195)
		return COLOR_CYAN;
	if (h < 260)
		return COLOR_BLUE;
	return COLOR_MAGENTA;
}

static int
team_color(const struct ui_theme *t, int rgb)
{
	if (rgb == CS_NO_COLOR)
		return -1;
	if (t->ncolors >= 256)
		return theme_nearest_256(rgb);
	return theme_nearest_8(rgb);
}

void
theme_set_teams(struct ui_theme *t, int home_rgb, int away_rgb)
{
	int c;

	if (t->team_rgb[CS_HOME] == home_rgb && t->team_rgb[CS_AWAY] == away_rgb)
		return;
	t->team_rgb[CS_HOME] = home_rgb;
	t->team_rgb[CS_AWAY] = away_rgb;
	t->attr[UI_C_TEAM_HOME] = A_BOLD;
	t->attr[UI_C_TEAM_AWAY] = A_BOLD;
	if (!t->color)
		return;
	c = team_color(t, home_rgb);
	if (c >= 0 && init_pair(PAIR_HOME, (short)c, -1) == OK)
		t->attr[UI_C_TEAM_HOME] = A_BOLD | COLOR_PAIR(PAIR_HOME);
	c = team_color(t, away_rgb);
	if (c >= 0 && init_pair(PAIR_AWAY, (short)c, -1) == OK)
		t->attr[UI_C_TEAM_AWAY] = A_BOLD | COLOR_PAIR(PAIR_AWAY);
}

void
theme_init(struct ui_theme *t, bool no_color, bool ascii)
{
	attr_t *a = t->attr;

	memset(t, 0, sizeof *t);
	t->ascii = ascii;
	t->team_rgb[0] = t->team_rgb[1] = -2;   /* never a real value: forces set */

	/* monochrome first: the meaning never depends on colour alone */
	a[UI_C_NORMAL] = A_NORMAL;
	a[UI_C_BOLD] = A_BOLD;
	a[UI_C_DIM] = A_DIM;
	a[UI_C_TITLE] = A_BOLD | A_UNDERLINE;
	a[UI_C_TITLE_FOCUS] = A_BOLD | A_REVERSE;
	a[UI_C_TAB] = A_NORMAL;
	a[UI_C_TAB_FOCUS] = A_BOLD | A_REVERSE;
	a[UI_C_SCORE] = A_BOLD;
	a[UI_C_SELECT] = A_REVERSE;
	a[UI_C_MATCH] = A_BOLD | A_UNDERLINE;
	a[UI_C_SEPARATOR] = A_BOLD;
	a[UI_C_MADE] = A_BOLD;
	a[UI_C_MISSED] = A_NORMAL;
	a[UI_C_GOOD] = A_NORMAL;
	a[UI_C_WARN] = A_BOLD | A_UNDERLINE;
	a[UI_C_ALERT] = A_BOLD | A_REVERSE;
	a[UI_C_COURT] = A_NORMAL;
	a[UI_C_TEAM_HOME] = A_BOLD;
	a[UI_C_TEAM_AWAY] = A_BOLD;

	if (no_color || !has_colors() || start_color() != OK || COLORS < 8)
		return;
	use_default_colors();
	t->color = true;
	t->ncolors = COLORS;
	init_pair(PAIR_RED, COLOR_RED, -1);
	init_pair(PAIR_GREEN, COLOR_GREEN, -1);
	init_pair(PAIR_YELLOW, COLOR_YELLOW, -1);
	init_pair(PAIR_BLUE, COLOR_BLUE, -1);
	init_pair(PAIR_MAGENTA, COLOR_MAGENTA, -1);
	init_pair(PAIR_CYAN, COLOR_CYAN, -1);
	init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
	a[UI_C_TITLE_FOCUS] = A_BOLD | COLOR_PAIR(PAIR_TITLE);
	a[UI_C_TAB_FOCUS] = A_BOLD | COLOR_PAIR(PAIR_TITLE);
	a[UI_C_TITLE] = A_BOLD | COLOR_PAIR(PAIR_CYAN);
	a[UI_C_SEPARATOR] = A_BOLD | COLOR_PAIR(PAIR_CYAN);
	a[UI_C_MATCH] = A_BOLD | A_UNDERLINE | COLOR_PAIR(PAIR_YELLOW);
	a[UI_C_MADE] = A_BOLD | COLOR_PAIR(PAIR_GREEN);
	a[UI_C_MISSED] = A_BOLD | COLOR_PAIR(PAIR_RED);
	a[UI_C_GOOD] = COLOR_PAIR(PAIR_GREEN);
	a[UI_C_WARN] = A_BOLD | COLOR_PAIR(PAIR_YELLOW);
	a[UI_C_ALERT] = A_BOLD | COLOR_PAIR(PAIR_RED);
}

attr_t
ui_attr(const struct ui_theme *t, enum ui_color c)
{
	if ((int)c < 0 || c >= UI_C_COUNT)
		return A_NORMAL;
	return t->attr[c];
}

attr_t
ui_team_attr(const struct ui_theme *t, int side)
{
	return ui_attr(t, side == CS_AWAY ? UI_C_TEAM_AWAY : UI_C_TEAM_HOME);
}

attr_t
ui_team_plain_attr(const struct ui_theme *t, int side)
{
	return ui_team_attr(t, side) & ~A_BOLD;
}

const char *
ui_glyph(const struct ui_theme *t, enum ui_glyph g)
{
	static const char *const utf8[] = {
		[UI_G_HLINE] = "\xe2\x94\x80",     /* ─ */
		[UI_G_VLINE] = "\xe2\x94\x82",     /* │ */
		[UI_G_MADE] = "\xe2\x97\x8f",      /* ● */
		[UI_G_MISSED] = "\xc3\x97",        /* × */
		[UI_G_DOWN] = "\xe2\x96\xbc",      /* ▼ */
		[UI_G_UP] = "\xe2\x96\xb2",        /* ▲ */
		[UI_G_DOT] = "\xc2\xb7",           /* · */
		[UI_G_ONCOURT] = "\xe2\x96\xb8",   /* ▸ */
	};
	static const char *const ascii[] = {
		[UI_G_HLINE] = "-",
		[UI_G_VLINE] = "|",
		[UI_G_MADE] = "O",
		[UI_G_MISSED] = "x",
		[UI_G_DOWN] = "v",
		[UI_G_UP] = "^",
		[UI_G_DOT] = "|",
		[UI_G_ONCOURT] = ">",
	};

	if ((int)g < 0 || g > UI_G_ONCOURT)
		return "?";
	return t->ascii ? ascii[g] : utf8[g];
}
