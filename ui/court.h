/*
 * The court, to scale on a character grid: pure functions from the court
 * frame (inches, 1128 x 600, baskets at (63,300) and (1065,300)) to cells
 * and braille dots, the rasteriser of its lines, and the shot zones.  No
 * curses, no model.
 */
#ifndef CS_UI_COURT_H
#define CS_UI_COURT_H

#include <stdbool.h>
#include <stdint.h>

#define COURT_LENGTH 1128   /* inches: 94 ft */
#define COURT_WIDTH 600     /* 50 ft */
#define COURT_HALF 564
#define COURT_BASKET_X 63   /* 5.25 ft from the baseline */
#define COURT_BASKET_Y 300
#define COURT_THREE_R 285   /* 23.75 ft */
#define COURT_CORNER_Y 264  /* 22 ft from the basket's line: corner threes */
#define COURT_KEY_HALF_W 96 /* the key is 16 ft wide */
#define COURT_FT_X 228      /* 19 ft from the baseline */
#define COURT_CIRCLE_R 72   /* free-throw and centre circles: 6 ft */
#define COURT_RIM_R 9
#define COURT_RA_R 48       /* restricted area: 4 ft */

struct court_view {
	int cols, rows;   /* the grid, in cells */
	bool half;        /* the left half only; shots are folded into it */
	bool braille;     /* 2x4 dots per cell, else one ASCII glyph per cell */
};

struct court_grid {
	int cols, rows;
	uint8_t *dots;    /* braille masks (bit layout of U+2800), cols*rows */
	char *ascii;      /* ASCII glyph per cell, ' ' when empty */
};

enum court_zone {
	COURT_ZONE_RESTRICTED = 0,
	COURT_ZONE_PAINT,
	COURT_ZONE_MID_LEFT,
	COURT_ZONE_MID_CENTER,
	COURT_ZONE_MID_RIGHT,
	COURT_ZONE_CORNER3_LEFT,
	COURT_ZONE_CORNER3_RIGHT,
	COURT_ZONE_ABOVE_BREAK3,
	COURT_ZONES
};

/* The largest grid of the court's aspect that fits w x h cells (a cell is
 * twice as tall as it is wide). */
void court_fit(bool half, int w, int h, int *cols, int *rows);
/* World (inches) to cell; false when outside the view.  Half views fold. */
bool court_cell(const struct court_view *v, int x, int y, int *col, int *row);
/* World (inches, fractional) to dot coordinates (braille resolution). */
void court_dot_pos(const struct court_view *v, double x, double y, int *dx, int *dy);
int court_grid_init(struct court_grid *cg, int cols, int rows);
void court_grid_free(struct court_grid *cg);
void court_raster(const struct court_view *v, struct court_grid *cg);
bool court_dot(const struct court_grid *cg, int dx, int dy);
/* Which zone a shot belongs to (any half; folded first), by its location
 * and whether it was a three. */
enum court_zone court_zone_of(int x, int y, bool three);
/* Where a zone's label goes, in the left-half frame. */
void court_zone_anchor(enum court_zone z, int *x, int *y);
/* A corner-three zone: its label goes outside the sideline, the strip
 * between the sideline and the three-point line being under a row. */
bool court_zone_corner(enum court_zone z);
/* Whether braille can draw the court on terminal `term` (its terminfo
 * name; NULL unknown) in a locale that is `utf8` or not: not without
 * UTF-8, nor on the old terminals whose fonts have no braille (vt100 and
 * its kin, the Linux console, dumb ones). */
bool court_braille_ok(const char *term, bool utf8);

#endif
