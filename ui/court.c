/*
 * The court, drawn to scale on a character grid: pure functions from the
 * court frame (inches, 1128 x 600, baskets at (63,300) and (1065,300)) to
 * cells, and a rasteriser that draws the lines either as braille dots
 * (2 x 4 per cell, UTF-8 terminals) or as one ASCII glyph per cell.
 *
 * The lines are the NBA's: 94 x 50 ft, three-point arc 23.75 ft from the
 * basket with straight corner lines 22 ft from it (meeting the arc 14 ft
 * from the baseline), the key 16 ft wide and 19 ft deep to the free-throw
 * line, 6 ft circles, the restricted-area arc at 4 ft.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ui/court.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static int
view_span(bool half)
{
	return half ? COURT_HALF : COURT_LENGTH;
}

void
court_fit(bool half, int w, int h, int *cols, int *rows)
{
	double span = view_span(half);
	int c, r;

	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	/* cells are about twice as tall as wide */
	r = (int)lround(w * COURT_WIDTH / span / 2.0);
	if (r <= h) {
		c = w;
	} else {
		r = h;
		c = (int)lround(h * 2.0 * span / COURT_WIDTH);
		if (c > w)
			c = w;
	}
	*cols = c < 1 ? 1 : c;
	*rows = r < 1 ? 1 : r;
}

/* Rotates a location in the right half by 180 degrees into the left half,
 * so that a team's shots from both halves land around one basket. */
static void
court_fold(int *x, int *y)
{
	if (*x > COURT_HALF) {
		*x = COURT_LENGTH - *x;
		*y = COURT_WIDTH - *y;
	}
}

static int
clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

bool
court_cell(const struct court_view *v, int x, int y, int *col, int *row)
{
	int span = view_span(v->half);

	if (x < 0 || x > COURT_LENGTH || y < 0 || y > COURT_WIDTH)
		return false;
	if (v->half)
		court_fold(&x, &y);
	*col = clampi((int)floor((double)x * v->cols / span), 0, v->cols - 1);
	*row = clampi((int)floor((double)y * v->rows / COURT_WIDTH), 0, v->rows - 1);
	return true;
}

void
court_dot_pos(const struct court_view *v, double x, double y, int *dx, int *dy)
{
	int span = view_span(v->half);

	*dx = clampi((int)floor(x * v->cols * 2 / span), 0, v->cols * 2 - 1);
	*dy = clampi((int)floor(y * v->rows * 4 / COURT_WIDTH), 0, v->rows * 4 - 1);
}

int
court_grid_init(struct court_grid *cg, int cols, int rows)
{
	size_t n;

	memset(cg, 0, sizeof *cg);
	if (cols < 1 || rows < 1 || cols > 1000 || rows > 1000)
		return -1;
	n = (size_t)cols * (size_t)rows;
	cg->dots = calloc(n, 1);
	cg->ascii = malloc(n);
	if (cg->dots == NULL || cg->ascii == NULL) {
		court_grid_free(cg);
		return -1;
	}
	memset(cg->ascii, ' ', n);
	cg->cols = cols;
	cg->rows = rows;
	return 0;
}

void
court_grid_free(struct court_grid *cg)
{
	free(cg->dots);
	free(cg->ascii);
	memset(cg, 0, sizeof *cg);
}

bool
court_dot(const struct court_grid *cg, int dx, int dy)
{
	int col = dx / 2, row = dy / 4, px = dx % 2, py = dy % 4;
	uint8_t bit;

	if (dx < 0 || dy < 0 || col >= cg->cols || row >= cg->rows)
		return false;
	if (py < 3)
		bit = (uint8_t)(px == 0 ? 1u << py : 1u << (py + 3));
	else
		bit = px == 0 ? 0x40 : 0x80;
	return (cg->dots[row * cg->cols + col] & bit) != 0;
}

/* ---- the rasteriser ---- */

struct raster {
	const struct court_view *v;
	struct court_grid *cg;
	double sx, sy;          /* grid units (dots or cells) per inch */
	bool mirror;            /* drawing the right basket's end */
	int prim;               /* the primitive being drawn (ASCII crossings) */
	unsigned char *owner;   /* ASCII: which primitive set each cell */
};

static void
set_dot(struct court_grid *cg, int dx, int dy)
{
	int col = dx / 2, row = dy / 4, px = dx % 2, py = dy % 4;
	uint8_t bit;

	if (py < 3)
		bit = (uint8_t)(px == 0 ? 1u << py : 1u << (py + 3));
	else
		bit = px == 0 ? 0x40 : 0x80;
	cg->dots[row * cg->cols + col] |= bit;
}

/* An ASCII glyph for a line with tangent (tx, ty) in cell units (rows
 * grow downwards). */
static char
ascii_for(double tx, double ty)
{
	double a = atan2(fabs(ty), fabs(tx)) * 180.0 / M_PI;

	if (a < 27.0)
		return '-';
	if (a > 63.0)
		return '|';
	return (tx * ty > 0) ? '\\' : '/';
}

static void
plot(struct raster *r, double x, double y, double tx, double ty)
{
	const struct court_view *v = r->v;
	struct court_grid *cg = r->cg;
	int col, row, i, dx, dy;
	char ch, old;

	if (r->mirror) {
		x = COURT_LENGTH - x;
		tx = -tx;
	}
	if (v->braille) {
		court_dot_pos(v, x, y, &dx, &dy);
		set_dot(cg, dx, dy);
		return;
	}
	col = clampi((int)floor(x * r->sx), 0, cg->cols - 1);
	row = clampi((int)floor(y * r->sy), 0, cg->rows - 1);
	i = row * cg->cols + col;
	ch = ascii_for(tx * r->sx, ty * r->sy);
	old = cg->ascii[i];
	if (old == ' ') {
		cg->ascii[i] = ch;
		r->owner[i] = (unsigned char)r->prim;
	} else if (old != ch && r->owner[i] != r->prim && old != '@') {
		cg->ascii[i] = '+';
	}
}

static int
samples(const struct raster *r, double lx, double ly)
{
	double n = fmax(fabs(lx) * r->sx, fabs(ly) * r->sy);

	return (int)ceil(n * 3.0) + 1;
}

static void
line(struct raster *r, double x0, double y0, double x1, double y1)
{
	int n = samples(r, x1 - x0, y1 - y0), i;
	double t;

	r->prim++;
	for (i = 0; i <= n; i++) {
		t = (double)i / n;
		plot(r, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, x1 - x0, y1 - y0);
	}
}

/* An arc of radius rad around (cx, cy) from angle a0 to a1 (degrees,
 * 0 = towards +x, 90 = towards +y); dashed arcs draw every other stretch. */
static void
arc(struct raster *r, double cx, double cy, double rad, double a0, double a1,
    bool dashed)
{
	double span = (a1 - a0) * M_PI / 180.0, a, t;
	int n = samples(r, rad * span, rad * span), i;

	r->prim++;
	for (i = 0; i <= n; i++) {
		t = (double)i / n;
		if (dashed && ((int)(t * rad * span * r->sx / 2.0)) % 2 == 1)
			continue;
		a = (a0 + (a1 - a0) * t) * M_PI / 180.0;
		plot(r, cx + rad * cos(a), cy + rad * sin(a), -sin(a), cos(a));
	}
}

/* One end of the court, drawn for the left basket (mirrored for the right). */
static void
court_end(struct raster *r)
{
	const double by = COURT_BASKET_Y, bx = COURT_BASKET_X;
	double corner_x, break_a;
	int dx, dy;

	/* the key and the free-throw line */
	line(r, 0, by - COURT_KEY_HALF_W, COURT_FT_X, by - COURT_KEY_HALF_W);
	line(r, 0, by + COURT_KEY_HALF_W, COURT_FT_X, by + COURT_KEY_HALF_W);
	line(r, COURT_FT_X, by - COURT_KEY_HALF_W, COURT_FT_X, by + COURT_KEY_HALF_W);
	/* the free-throw circle: solid outside the key, dashed inside */
	arc(r, COURT_FT_X, by, COURT_CIRCLE_R, -90, 90, false);
	if (r->v->braille)
		arc(r, COURT_FT_X, by, COURT_CIRCLE_R, 90, 270, true);

	/* the three-point line: straight corners, then the arc */
	corner_x = bx + sqrt((double)COURT_THREE_R * COURT_THREE_R -
	    (double)COURT_CORNER_Y * COURT_CORNER_Y);
	break_a = asin((double)COURT_CORNER_Y / COURT_THREE_R) * 180.0 / M_PI;
	line(r, 0, by - COURT_CORNER_Y, corner_x, by - COURT_CORNER_Y);
	line(r, 0, by + COURT_CORNER_Y, corner_x, by + COURT_CORNER_Y);
	arc(r, bx, by, COURT_THREE_R, -break_a, break_a, false);

	if (r->v->braille) {
		/* backboard, restricted area and the rim */
		line(r, 48, by - 36, 48, by + 36);
		arc(r, bx, by, COURT_RA_R, -90, 90, false);
		arc(r, bx, by, COURT_RIM_R, 0, 360, false);
		court_dot_pos(r->v, r->mirror ? COURT_LENGTH - bx : bx, by, &dx, &dy);
		set_dot(r->cg, dx, dy);
	} else {
		int col = clampi((int)floor((r->mirror ? COURT_LENGTH - bx : bx) * r->sx),
		    0, r->cg->cols - 1);
		int row = clampi((int)floor(by * r->sy), 0, r->cg->rows - 1);

		r->cg->ascii[row * r->cg->cols + col] = '@';
	}
}

void
court_raster(const struct court_view *v, struct court_grid *cg)
{
	struct raster r;
	int span = view_span(v->half);
	size_t n = (size_t)cg->cols * (size_t)cg->rows;

	memset(cg->dots, 0, n);
	memset(cg->ascii, ' ', n);
	memset(&r, 0, sizeof r);
	r.v = v;
	r.cg = cg;
	r.sx = (double)cg->cols * (v->braille ? 2 : 1) / span;
	r.sy = (double)cg->rows * (v->braille ? 4 : 1) / COURT_WIDTH;
	if (!v->braille) {
		r.owner = calloc(n, 1);
		if (r.owner == NULL)
			return;
	}

	/* the ends first, so that the outline wins where they meet in ASCII */
	court_end(&r);
	if (!v->half) {
		r.mirror = true;
		court_end(&r);
		r.mirror = false;
	}
	/* outline, half-court line, centre circle */
	line(&r, 0, 0, span, 0);
	line(&r, 0, COURT_WIDTH, span, COURT_WIDTH);
	line(&r, 0, 0, 0, COURT_WIDTH);
	line(&r, span, 0, span, COURT_WIDTH);
	if (v->half) {
		arc(&r, COURT_HALF, COURT_BASKET_Y, COURT_CIRCLE_R, 90, 270, false);
	} else {
		line(&r, COURT_HALF, 0, COURT_HALF, COURT_WIDTH);
		arc(&r, COURT_HALF, COURT_BASKET_Y, COURT_CIRCLE_R, 0, 360, false);
	}
	free(r.owner);
}

/* ---- zones ---- */

/*
 * Left and right are the shooter's, facing the basket, in the left-half
 * frame with y growing to his left (the frame's orientation; providers do
 * not say which sideline is which, so this is a convention).
 */
enum court_zone
court_zone_of(int x, int y, bool three)
{
	double dx, dy, d, corner_x;

	court_fold(&x, &y);
	dx = x - COURT_BASKET_X;
	dy = y - COURT_BASKET_Y;
	d = sqrt(dx * dx + dy * dy);
	corner_x = COURT_BASKET_X + sqrt((double)COURT_THREE_R * COURT_THREE_R -
	    (double)COURT_CORNER_Y * COURT_CORNER_Y);
	if (three) {
		if (x <= corner_x)
			return dy > 0 ? COURT_ZONE_CORNER3_LEFT : COURT_ZONE_CORNER3_RIGHT;
		return COURT_ZONE_ABOVE_BREAK3;
	}
	if (d <= COURT_RA_R)
		return COURT_ZONE_RESTRICTED;
	if (x <= COURT_FT_X && fabs(dy) <= COURT_KEY_HALF_W)
		return COURT_ZONE_PAINT;
	/* straight on: between the lane lines extended */
	if (fabs(dy) <= COURT_KEY_HALF_W)
		return COURT_ZONE_MID_CENTER;
	return dy > 0 ? COURT_ZONE_MID_LEFT : COURT_ZONE_MID_RIGHT;
}

/* Where each zone's label goes, in the left-half frame. */
static const struct {
	int x, y;
} zones[COURT_ZONES] = {
	[COURT_ZONE_RESTRICTED] = { 75, 300 },
	[COURT_ZONE_PAINT] = { 180, 300 },
	[COURT_ZONE_MID_LEFT] = { 150, 475 },
	[COURT_ZONE_MID_CENTER] = { 295, 300 },
	[COURT_ZONE_MID_RIGHT] = { 150, 125 },
	[COURT_ZONE_CORNER3_LEFT] = { 70, 585 },
	[COURT_ZONE_CORNER3_RIGHT] = { 70, 15 },
	[COURT_ZONE_ABOVE_BREAK3] = { 430, 300 },
};

void
court_zone_anchor(enum court_zone z, int *x, int *y)
{
	if ((int)z < 0 || z >= COURT_ZONES)
		z = COURT_ZONE_PAINT;
	*x = zones[z].x;
	*y = zones[z].y;
}

bool
court_zone_corner(enum court_zone z)
{
	return z == COURT_ZONE_CORNER3_LEFT || z == COURT_ZONE_CORNER3_RIGHT;
}

bool
court_braille_ok(const char *term, bool utf8)
{
	static const char *const old[] = { "linux", "dumb", "ansi", "cons25", "sun", "pcansi",
		"wy", "ibm", "hp", "adm", "tvi" };
	size_t i, n;

	if (!utf8)
		return false;
	if (term == NULL || term[0] == '\0')
		return true;
	/* vt52, vt100, vt220, vt320 ... but not vte */
	if (term[0] == 'v' && term[1] == 't' && isdigit((unsigned char)term[2]))
		return false;
	for (i = 0; i < sizeof old / sizeof old[0]; i++) {
		n = strlen(old[i]);
		if (strncmp(term, old[i], n) == 0 &&
		    (term[n] == '\0' || term[n] == '-' || isdigit((unsigned char)term[n])))
			return false;
	}
	return true;
}
