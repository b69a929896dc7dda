/*
 * Colours, attributes and glyphs: how the UI draws whatever it draws.
 * Three cases: 256 colours, 8 (or 16), none; and UTF-8 glyphs or ASCII.
 */
#ifndef CS_UI_THEME_H
#define CS_UI_THEME_H

#include <curses.h>
#include <stdbool.h>

enum ui_color {
	UI_C_NORMAL = 0,
	UI_C_BOLD,
	UI_C_DIM,
	UI_C_TITLE,         /* pane title, not focused */
	UI_C_TITLE_FOCUS,
	UI_C_TAB,
	UI_C_TAB_FOCUS,
	UI_C_SCORE,
	UI_C_SELECT,        /* the cursor row */
	UI_C_MATCH,         /* search match */
	UI_C_SEPARATOR,     /* period separators */
	UI_C_MADE,
	UI_C_MISSED,
	UI_C_GOOD,          /* live */
	UI_C_WARN,          /* stale, bonus, foul trouble */
	UI_C_ALERT,         /* stale > 60 s, fouled out, failed */
	UI_C_COURT,
	UI_C_TEAM_HOME,
	UI_C_TEAM_AWAY,
	UI_C_COUNT
};

struct ui_theme {
	bool color;         /* colours are in use */
	int ncolors;        /* 8, 16, 256 ... when color */
	int team_rgb[2];    /* the team colours the pairs were made for */
	attr_t attr[UI_C_COUNT];
	bool ascii;         /* ASCII drawings: no braille, no line glyphs */
};

/* Call after newterm(); `no_color` forces monochrome attributes, `ascii`
 * (--ascii, or a locale that is not UTF-8) the ASCII glyphs. */
void theme_init(struct ui_theme *t, bool no_color, bool ascii);
/* (Re)makes the team pairs when the colours changed; rgb CS_NO_COLOR = default. */
void theme_set_teams(struct ui_theme *t, int home_rgb, int away_rgb);
/* Nearest palette index for 0xRRGGBB, after lifting too-dark colours;
 * -1 when the colour is too grey/dark to read (use the default colour). */
int theme_nearest_256(int rgb);
int theme_nearest_8(int rgb);

/* Attribute of a theme colour. */
attr_t ui_attr(const struct ui_theme *t, enum ui_color c);
attr_t ui_team_attr(const struct ui_theme *t, int side);
attr_t ui_team_plain_attr(const struct ui_theme *t, int side);   /* the colour, no bold */

/* Glyphs that have an ASCII fallback. */
enum ui_glyph {
	UI_G_HLINE, UI_G_VLINE, UI_G_MADE, UI_G_MISSED, UI_G_DOWN, UI_G_UP,
	UI_G_DOT, UI_G_ONCOURT,
};
const char *ui_glyph(const struct ui_theme *t, enum ui_glyph g);

#endif
