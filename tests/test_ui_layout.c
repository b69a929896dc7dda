/*
 * Unit tests of the UI's pure parts: the layout (sizes -> pane
 * rectangles), the court rasteriser (world -> cells and dots), the zones,
 * colour mapping, foul-trouble thresholds and name fitting.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "ui/court.h"
#include "ui/label.h"
#include "ui/layout.h"
#include "ui/text.h"
#include "ui/theme.h"

static const int mru_default[UI_PANES] = { 0, 1, 2, 3, 4, 5 };

static bool
rect_eq(struct ui_rect r, int y, int x, int h, int w)
{
	return r.y == y && r.x == x && r.h == h && r.w == w;
}

static bool
overlap(struct ui_rect a, struct ui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Every visible pane inside the screen under the header, none overlapping,
 * the focused one visible. */
static bool
layout_sane(int cols, int lines, bool zoom, const int mru[UI_PANES], char *why, size_t n)
{
	struct ui_layout lo;
	int i, j;

	ui_layout_compute(&lo, cols, lines, zoom, mru);
	if (lo.tier == UI_TIER_TOO_SMALL)
		return cols < UI_MIN_COLS || lines < UI_MIN_LINES;
	if (!ui_layout_visible(&lo, mru[0])) {
		snprintf(why, n, "focused pane %d hidden", mru[0]);
		return false;
	}
	for (i = 0; i < UI_PANES; i++) {
		struct ui_rect r = lo.pane[i];

		if (r.h == 0)
			continue;
		if (r.y < UI_HEADER_LINES || r.x < 0 || r.h < 1 || r.w < 1 ||
		    r.y + r.h > lines || r.x + r.w > cols) {
			snprintf(why, n, "pane %d out of the screen", i);
			return false;
		}
		for (j = i + 1; j < UI_PANES; j++)
			if (lo.pane[j].h > 0 && overlap(r, lo.pane[j])) {
				snprintf(why, n, "panes %d and %d overlap", i, j);
				return false;
			}
	}
	return true;
}

static void
test_layout(void)
{
	struct ui_layout lo;
	int mru[UI_PANES] = { 3, 0, 1, 2, 4 };
	int help[UI_PANES] = { UI_PANE_HELP, 0, 1, 2, 3, UI_PANE_POSSESSIONS };
	int c, l, f, z, bad = 0;
	char why[128] = "";

	ui_layout_compute(&lo, 160, 45, false, mru_default);
	is_int(lo.tier, UI_TIER_FULL, "160x45: every pane");
	ok(rect_eq(lo.header, 0, 0, 2, 160), "header: two rows, full width");
	ok(rect_eq(lo.pane[UI_PANE_BOX], 2, 0, 30, 92), "160x45: box at the top left");
	ok(rect_eq(lo.pane[UI_PANE_LINEUPS], 32, 0, 13, 92), "160x45: lineups under it");
	ok(rect_eq(lo.pane[UI_PANE_SHOTS], 2, 93, 21, 67), "160x45: shot chart at the top right");
	ok(rect_eq(lo.pane[UI_PANE_PBP], 23, 93, 22, 67), "160x45: plays under it");
	ok(!ui_layout_visible(&lo, UI_PANE_HELP), "160x45: help hidden");

	ui_layout_compute(&lo, 120, 35, false, mru_default);
	is_int(lo.tier, UI_TIER_TWO, "120x35: two columns");
	ok(ui_layout_visible(&lo, UI_PANE_BOX) && !ui_layout_visible(&lo, UI_PANE_LINEUPS),
	    "120x35: box in the left column");
	ok(ui_layout_visible(&lo, UI_PANE_SHOTS) && ui_layout_visible(&lo, UI_PANE_PBP),
	    "120x35: shots and plays on the right");
	ui_layout_compute(&lo, 120, 35, false, mru);
	ok(ui_layout_visible(&lo, UI_PANE_LINEUPS) && !ui_layout_visible(&lo, UI_PANE_BOX),
	    "120x35: focusing lineups puts them in the left column");

	ui_layout_compute(&lo, 80, 24, false, mru_default);
	is_int(lo.tier, UI_TIER_SINGLE, "80x24: one pane");
	ok(rect_eq(lo.pane[UI_PANE_BOX], 2, 0, 22, 80), "80x24: the box fills the body");
	ok(!ui_layout_visible(&lo, UI_PANE_PBP), "80x24: the plays wait their turn");
	ui_layout_compute(&lo, 80, 40, false, mru_default);
	is_int(lo.tier, UI_TIER_STACK, "80x40: two panes stacked");
	ok(rect_eq(lo.pane[UI_PANE_BOX], 2, 0, 19, 80) && rect_eq(lo.pane[UI_PANE_PBP], 21, 0, 19, 80),
	    "80x40: box over plays");
	ui_layout_compute(&lo, 140, 30, false, mru_default);
	is_int(lo.tier, UI_TIER_SIDE, "140x30: two panes side by side");

	ui_layout_compute(&lo, 59, 24, false, mru_default);
	is_int(lo.tier, UI_TIER_TOO_SMALL, "59 columns: too small");
	ui_layout_compute(&lo, 80, 15, false, mru_default);
	is_int(lo.tier, UI_TIER_TOO_SMALL, "15 lines: too small");
	ui_layout_compute(&lo, 60, 16, false, mru_default);
	is_int(lo.tier, UI_TIER_SINGLE, "60x16 is enough");

	ui_layout_compute(&lo, 200, 50, true, mru);
	ok(rect_eq(lo.pane[UI_PANE_LINEUPS], 2, 0, 48, 200) && !ui_layout_visible(&lo, UI_PANE_BOX),
	    "zoom: the focused pane alone");
	ui_layout_compute(&lo, 200, 50, false, help);
	ok(rect_eq(lo.pane[UI_PANE_HELP], 2, 0, 48, 200) && !ui_layout_visible(&lo, UI_PANE_BOX),
	    "help covers the body");

	/* every size from 60x16 to 250x70, every focus, zoomed or not */
	for (c = 40; c <= 250 && !bad; c += 3)
		for (l = 10; l <= 70 && !bad; l += 2)
			for (f = 0; f < UI_PANES && !bad; f++)
				for (z = 0; z < 2 && !bad; z++) {
					int m[UI_PANES], k, j = 1;

					m[0] = f;
					for (k = 0; k < UI_PANES; k++)
						if (k != f)
							m[j++] = k;
					if (!layout_sane(c, l, z, m, why, sizeof why)) {
						bad = 1;
						printf("# %dx%d focus %d zoom %d: %s\n", c, l, f, z, why);
					}
				}
	ok(!bad, "every layout from 40x10 to 250x70 is inside the screen, no overlaps");
}

/* A dot near (dx, dy), within `r` dots. */
static bool
dot_near(const struct court_grid *cg, int dx, int dy, int r)
{
	int i, j;

	for (i = -r; i <= r; i++)
		for (j = -r; j <= r; j++)
			if (court_dot(cg, dx + i, dy + j))
				return true;
	return false;
}

static void
test_court(void)
{
	struct court_view v = { 0 };
	struct court_grid cg;
	int c, r, c2, r2, dx, dy, a;
	bool all = true;

	court_fit(false, 67, 40, &c, &r);
	ok(c == 67 && r == 18, "full court in 67 columns: 67x18 (got %dx%d)", c, r);
	court_fit(true, 67, 18, &c, &r);
	ok(c == 34 && r == 18, "half court in 67x18: 34x18 (got %dx%d)", c, r);
	court_fit(false, 200, 10, &c, &r);
	ok(c == 38 && r == 10, "a short pane: the height decides (got %dx%d)", c, r);

	v.cols = 67;
	v.rows = 18;
	ok(court_cell(&v, 63, 300, &c, &r) && c == 3 && r == 9, "left rim in cell (3,9)");
	ok(court_cell(&v, 1065, 300, &c, &r) && c == 63 && r == 9, "right rim in cell (63,9)");
	ok(court_cell(&v, 1128, 600, &c, &r) && c == 66 && r == 17, "the far corner is the last cell");
	ok(!court_cell(&v, -5, 300, &c, &r), "off the court: no cell");

	v.braille = true;
	ok(court_grid_init(&cg, v.cols, v.rows) == 0, "grid");
	court_raster(&v, &cg);
	court_dot_pos(&v, 63, 300, &dx, &dy);
	ok(court_dot(&cg, dx, dy), "the rim's dot is set");
	court_dot_pos(&v, 1065, 300, &dx, &dy);
	ok(court_dot(&cg, dx, dy), "the right rim's dot is set");
	/* the three-point arc, 23.75 ft from the basket, at several angles */
	for (a = -60; a <= 60; a += 15) {
		double t = a * M_PI / 180.0;

		court_dot_pos(&v, 63 + 285 * cos(t), 300 + 285 * sin(t), &dx, &dy);
		if (!dot_near(&cg, dx, dy, 0)) {
			all = false;
			printf("# no arc dot at %d degrees\n", a);
		}
	}
	ok(all, "the three-point arc passes 23.75 ft from the basket at -60..60 degrees");
	court_dot_pos(&v, 63 + 250 * cos(M_PI / 6), 300 + 250 * sin(M_PI / 6), &dx, &dy);
	ok(!dot_near(&cg, dx, dy, 0), "nothing drawn inside the arc at 20.8 ft");
	court_dot_pos(&v, 100, 300 - 264, &dx, &dy);
	ok(court_dot(&cg, dx, dy), "the corner three line, 22 ft from the basket");
	court_dot_pos(&v, 228, 250, &dx, &dy);
	ok(court_dot(&cg, dx, dy), "the free-throw line at 19 ft");
	court_dot_pos(&v, 120, 300 + 96, &dx, &dy);
	ok(court_dot(&cg, dx, dy), "the side of the 16-ft key");
	court_dot_pos(&v, 564, 100, &dx, &dy);
	ok(court_dot(&cg, dx, dy), "the half-court line");
	court_dot_pos(&v, 564 + 72, 300, &dx, &dy);
	ok(dot_near(&cg, dx, dy, 1), "the centre circle");
	court_grid_free(&cg);

	/* half view: shots at the right basket fold onto the left one */
	v.half = true;
	v.cols = 34;
	ok(court_cell(&v, 1065, 300, &c, &r) && court_cell(&v, 63, 300, &c2, &r2) &&
	    c == c2 && r == r2, "half view: a shot at the right rim lands on the rim");
	ok(court_cell(&v, 1128 - 40, 600 - 570, &c, &r) && court_cell(&v, 40, 570, &c2, &r2) &&
	    c == c2 && r == r2, "half view: corners fold onto the same corner");

	/* ASCII */
	v.half = false;
	v.braille = false;
	v.cols = 67;
	court_grid_init(&cg, v.cols, v.rows);
	court_raster(&v, &cg);
	is_int(cg.ascii[9 * 67 + 3], '@', "ASCII: the rim");
	ok(strchr("|+", cg.ascii[4 * 67 + 33]) != NULL, "ASCII: the half-court line");
	ok(strchr("-+", cg.ascii[0 * 67 + 20]) != NULL, "ASCII: the sideline");
	court_grid_free(&cg);

	/* zones */
	is_int(court_zone_of(63, 300, false), COURT_ZONE_RESTRICTED, "at the rim: restricted area");
	is_int(court_zone_of(180, 300, false), COURT_ZONE_PAINT, "in the key: paint");
	is_int(court_zone_of(300, 300, false), COURT_ZONE_MID_CENTER, "free-throw line extended: mid centre");
	is_int(court_zone_of(150, 475, false), COURT_ZONE_MID_LEFT, "baseline two: mid left");
	is_int(court_zone_of(150, 125, false), COURT_ZONE_MID_RIGHT, "other baseline two: mid right");
	is_int(court_zone_of(40, 570, true), COURT_ZONE_CORNER3_LEFT, "corner three");
	is_int(court_zone_of(40, 30, true), COURT_ZONE_CORNER3_RIGHT, "other corner three");
	is_int(court_zone_of(420, 300, true), COURT_ZONE_ABOVE_BREAK3, "top of the arc");
	is_int(court_zone_of(1128 - 40, 600 - 570, true), COURT_ZONE_CORNER3_LEFT,
	    "the right basket's corners fold");
	is_int(court_zone_of(1040, 310, false), COURT_ZONE_RESTRICTED, "a layup at the right rim");
}

static void
test_colors(void)
{
	is_int(theme_nearest_256(0xff0000), 196, "red -> 196");
	is_int(theme_nearest_256(0x00ff00), 46, "green -> 46");
	ok(theme_nearest_256(0x002b5c) >= 16, "navy is lifted, not dropped");
	is_int(theme_nearest_256(0x808080), -1, "grey: default colour");
	is_int(theme_nearest_256(0x000000), -1, "black: default colour");
	is_int(theme_nearest_256(CS_NO_COLOR), -1, "no colour");
	is_int(theme_nearest_8(0x007a33), COLOR_GREEN, "Celtics green -> green");
	is_int(theme_nearest_8(0x552583), COLOR_MAGENTA, "Lakers purple -> magenta");
	is_int(theme_nearest_8(0xce1141), COLOR_RED, "Bulls red -> red");
	is_int(theme_nearest_8(0x1d428a), COLOR_BLUE, "royal blue -> blue");
	is_int(theme_nearest_8(0xffc72c), COLOR_YELLOW, "gold -> yellow");
}

static void
test_fouls(void)
{
	/* the foul-out limit is the rule profile's */
	struct game_rules nba = *game_rules_profile("nba"), ncaa = *game_rules_profile("ncaam"),
	    fiba = *game_rules_profile("fiba");
	struct cs_period p = { CS_PERIOD_QUARTER, 1, 1 };

	is_int(ui_foul_trouble(&nba, &p, 1), 0, "Q1: one foul is fine");
	is_int(ui_foul_trouble(&nba, &p, 2), 1, "Q1: two fouls is trouble");
	p.sequence = 2;
	is_int(ui_foul_trouble(&nba, &p, 2), 0, "Q2: two is fine");
	is_int(ui_foul_trouble(&nba, &p, 3), 1, "Q2: three is trouble");
	p.sequence = 3;
	is_int(ui_foul_trouble(&nba, &p, 3), 0, "Q3: three is fine");
	is_int(ui_foul_trouble(&nba, &p, 4), 1, "Q3: four is trouble");
	p.sequence = 4;
	is_int(ui_foul_trouble(&nba, &p, 4), 0, "Q4 NBA: four is fine");
	is_int(ui_foul_trouble(&nba, &p, 5), 1, "Q4 NBA: five is trouble");
	is_int(ui_foul_trouble(&nba, &p, 6), 2, "NBA: six fouls out");
	is_int(ui_foul_trouble(&fiba, &p, 4), 1, "Q4 FIBA: four is trouble");
	is_int(ui_foul_trouble(&fiba, &p, 5), 2, "FIBA: five fouls out");
	p.type = CS_PERIOD_HALF;
	p.sequence = 1;
	is_int(ui_foul_trouble(&ncaa, &p, 2), 1, "H1: two is trouble");
	p.sequence = 2;
	is_int(ui_foul_trouble(&ncaa, &p, 3), 0, "H2: three is fine");
	is_int(ui_foul_trouble(&ncaa, &p, 4), 1, "H2: four is trouble");
	is_int(ui_foul_trouble(&ncaa, &p, 5), 2, "NCAA: five fouls out");
}

static void
test_names(void)
{
	char buf[64];

	ui_name_fit("Jalen Brunson", 20, buf, sizeof buf);
	is_str(buf, "Jalen Brunson", "a name that fits stays whole");
	ui_name_fit("Jalen Brunson", 10, buf, sizeof buf);
	is_str(buf, "J. Brunson", "then an initial");
	ui_name_fit("Jalen Brunson", 7, buf, sizeof buf);
	is_str(buf, "Brunson", "then the last name");
	ui_last_name("Jaren Jackson Jr.", buf, sizeof buf);
	is_str(buf, "Jackson", "suffixes are not last names");
	ui_last_name("Nene", buf, sizeof buf);
	is_str(buf, "Nene", "one name");
}

int
main(void)
{
	test_layout();
	test_court();
	test_colors();
	test_fouls();
	test_names();
	return tap_done();
}
