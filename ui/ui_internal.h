/*
 * The terminal UI's insides, shared by the files under ui/ and the screen
 * tests.  Layout and the court rasteriser are pure functions (no curses
 * state); everything else draws into curses windows on the UI thread.
 *
 * One file per pane, each exporting a `const struct pane_ops` (tig's
 * view_ops): draw, key, title.  Key handlers return UI_HANDLED |
 * UI_REDRAW | UI_QUIT (htop).  The frame (screen.c) redraws a pane only
 * when the model generation or the UI state it depends on moved, then
 * wnoutrefresh()es each window and calls doupdate() once.
 */
#ifndef CS_UI_INTERNAL_H
#define CS_UI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "model/game.h"
#include "ui/ui.h"

/* ---- key handler results ---- */
enum {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,
	UI_QUIT = 1 << 2,
};

#define UI_KEY_ESC   27
#define UI_KEY_CTRL(c) ((c) & 0x1f)

/* ---- layout (layout.c, pure) ---- */
enum ui_pane_id {
	UI_PANE_BOX = 0,
	UI_PANE_PBP,
	UI_PANE_SHOTS,
	UI_PANE_LINEUPS,
	UI_PANE_HELP,
	UI_PANES
};

#define UI_MIN_COLS 60
#define UI_MIN_LINES 16
#define UI_HEADER_LINES 2

enum ui_tier {
	UI_TIER_TOO_SMALL = 0,
	UI_TIER_SINGLE,     /* one pane under the header (80x24) */
	UI_TIER_STACK,      /* two panes, one above the other */
	UI_TIER_SIDE,       /* two panes side by side (wide but short) */
	UI_TIER_TWO,        /* two columns: box|lineups, shots over plays (120x35) */
	UI_TIER_FULL,       /* every pane (160x45) */
};

struct ui_rect {
	int y, x, h, w;
};

struct ui_layout {
	enum ui_tier tier;
	int cols, lines;
	struct ui_rect header;
	struct ui_rect pane[UI_PANES];  /* h == 0: not shown */
};

/* `mru` lists every pane once, most recently focused first (mru[0] has the
 * focus).  Help and zoom take the whole area under the header. */
void ui_layout_compute(struct ui_layout *lo, int cols, int lines, bool zoom,
    const int mru[UI_PANES]);
const char *ui_tier_name(enum ui_tier t);
bool ui_layout_visible(const struct ui_layout *lo, int pane);

/* ---- court (court.c, pure) ---- */
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
/* Rotates a location in the right half by 180 degrees into the left half,
 * so that a team's shots from both halves land around one basket. */
void court_fold(int *x, int *y);
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
const char *court_zone_name(enum court_zone z);    /* "Restricted area" */
const char *court_zone_abbrev(enum court_zone z);  /* "RA" */
/* Where a zone's label goes, in the left-half frame. */
void court_zone_anchor(enum court_zone z, int *x, int *y);

/* ---- theme (theme.c) ---- */
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
};

/* Call after newterm(); `no_color` forces monochrome attributes. */
void theme_init(struct ui_theme *t, bool no_color);
/* (Re)makes the team pairs when the colours changed; rgb CS_NO_COLOR = default. */
void theme_set_teams(struct ui_theme *t, int home_rgb, int away_rgb);
/* Nearest palette index for 0xRRGGBB, after lifting too-dark colours;
 * -1 when the colour is too grey/dark to read (use the default colour). */
int theme_nearest_256(int rgb);
int theme_nearest_8(int rgb);

/* ---- filters (keys.c) ---- */
struct ui_filter {
	int side;                  /* CS_SIDE_NONE: both teams */
	int player_side;           /* the player filter's team, CS_SIDE_NONE: none */
	char player_id[CS_ID_MAX]; /* "" = every player */
	int period;                /* period sequence, 0 = all */
	bool scoring;              /* plays: scoring plays only */
};

/* ---- pane state ---- */
struct ui_scroll {
	int top;       /* first visible row */
	int cursor;    /* selected row */
};

enum box_col {
	BOX_COL_NONE = -1,
	BOX_COL_MIN = 0, BOX_COL_PTS, BOX_COL_FG, BOX_COL_3P, BOX_COL_FT,
	BOX_COL_OREB, BOX_COL_DREB, BOX_COL_REB, BOX_COL_AST, BOX_COL_STL,
	BOX_COL_BLK, BOX_COL_TOV, BOX_COL_PF, BOX_COL_PM,
	BOX_COLS
};

struct box_state {
	struct ui_scroll sc;
	int sort;          /* enum box_col; BOX_COL_NONE = starters, then bench */
	bool ascending;
	int nrows;         /* rows last laid out */
};

struct pbp_row {
	int play;          /* index in game_play(); -1: a period separator */
	int period;        /* period sequence of the row */
};

#define PBP_QUERY_MAX 64

struct pbp_state {
	struct ui_scroll sc;
	struct pbp_row *rows;       /* filtered, newest first */
	size_t nrows, cap;
	uint64_t built_gen;
	unsigned built_filter;      /* ui.filter_serial the rows were built for */
	bool built;
	char anchor_id[CS_ID_MAX];  /* the selected play, kept across updates */
	bool follow;                /* the cursor sits on the newest play */
	bool prompt;                /* reading a search query */
	char query[PBP_QUERY_MAX];  /* the current or last query */
	struct ui_scroll before;    /* where the search started (Esc goes back) */
	bool no_match;
	bool oldest_first;          /* o: oldest at the top instead */
};

struct shots_state {
	bool zones;                 /* the zone overlay instead of the shots */
	struct court_grid grid;     /* the lines, cached for view */
	struct court_view view;
	bool grid_valid;
};

struct lineups_state {
	struct ui_scroll sc;
	int nrows;
};

struct help_state {
	struct ui_scroll sc;
	int nrows;
};

/* ---- the UI ---- */
struct ui;

/* A pane: tig's view_ops.  draw() paints rows 1..h-1 of `w` (row 0 is the
 * title bar, drawn by the frame from title()); key() sees keys first while
 * the pane has the focus. */
struct pane_ops {
	const char *name;     /* "Box score" */
	const char *tab;      /* "Box" */
	void (*draw)(struct ui *ui, WINDOW *w, int h, int width);
	int (*key)(struct ui *ui, int key);
	/* extra words for the title bar: "sorted by PTS" */
	void (*title)(struct ui *ui, char *buf, size_t size);
};

extern const struct pane_ops pane_box_ops;
extern const struct pane_ops pane_pbp_ops;
extern const struct pane_ops pane_shots_ops;
extern const struct pane_ops pane_lineups_ops;
extern const struct pane_ops pane_help_ops;

enum ui_replay_cmd {
	UI_REPLAY_PAUSE = 0,  /* toggle */
	UI_REPLAY_FASTER,
	UI_REPLAY_SLOWER,
	UI_REPLAY_BACK,       /* seek one play back */
	UI_REPLAY_FORWARD,
	UI_REPLAY_PERIOD_BACK,
	UI_REPLAY_PERIOD_FORWARD,
};

struct ui {
	const struct ui_options *opt;
	struct game *g;
	const struct app_state *st;   /* NULL: no feed */
	int64_t now_us;               /* when this frame is drawn */
	bool ascii;                   /* ASCII drawings (no braille, no box lines) */
	bool utf8;                    /* the locale draws UTF-8 text */
	struct ui_theme theme;

	struct ui_layout layout;
	int cols, lines;
	int mru[UI_PANES];
	bool zoom;
	bool layout_dirty;
	WINDOW *hdr;
	WINDOW *win[UI_PANES];
	struct ui_rect win_rect[UI_PANES];
	bool too_small_drawn;

	/* redraw bookkeeping: a pane is redrawn when either moved */
	unsigned serial;              /* bumped by every UI state change */
	unsigned filter_serial;       /* bumped by every filter change */
	uint64_t drawn_gen[UI_PANES];
	unsigned drawn_serial[UI_PANES];
	bool drawn[UI_PANES];

	struct ui_filter filter;
	char message[160];            /* a one-line note in the status row */

	struct box_state box;
	struct pbp_state pbp;
	struct shots_state shots;
	struct lineups_state lineups;
	struct help_state help;

	/* What the loop provides; NULL in tests. */
	void (*reconnect)(void *ctx);
	/* HOOK(replay): the replay control API is not there yet.  When it is,
	 * ui.c sets this to a function that pauses/speeds/seeks the replay. */
	int (*replay_control)(void *ctx, enum ui_replay_cmd cmd);
	void *ctx;

	/* alerts (ui_watch) */
	bool watch_valid;
	int watch_points[2];
	int watch_lead;               /* -1 away, 0 tied, 1 home */
	uint64_t watch_trouble[2];    /* players in foul trouble, bit per index */
};

/* ---- screen.c: the frame ---- */
/* Curses modes for a fresh SCREEN: cbreak, noecho, keypad, no cursor. */
void ui_curses_setup(void);
struct ui *ui_new(const struct ui_options *opt, struct game *g);
void ui_free(struct ui **ui);
/* The terminal changed size (after resizeterm()). */
void ui_resize(struct ui *ui, int cols, int lines);
/* Places the windows when the size, zoom or focus changed. */
void ui_sync_layout(struct ui *ui);
/* Draws what changed and calls doupdate() once. */
void ui_frame(struct ui *ui);
/* The window that reads keys (keypad and nodelay set). */
WINDOW *ui_input_window(struct ui *ui);
/* Something the panes show changed outside the model (filters, scroll). */
void ui_touch(struct ui *ui);
void ui_touch_filter(struct ui *ui);
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_focus(struct ui *ui, int pane);
int ui_focused(const struct ui *ui);
const struct pane_ops *ui_pane_ops(int pane);
/* Events worth a bell since the last call: enum ui_bell mask. */
unsigned ui_watch(struct ui *ui);
/* One row of what is on the (virtual) screen, as UTF-8: for tests. */
void ui_dump_row(int row, char *buf, size_t size);

/* ---- keys.c ---- */
/* Dispatch: search prompt, focused pane, global table. */
int ui_key(struct ui *ui, int key);
struct ui_key_help {
	const char *keys;     /* "j k Down Up" */
	const char *what;
};
/* The help text: every binding, by section; NULL-terminated sections. */
extern const struct ui_key_help ui_keys_global[];
extern const struct ui_key_help ui_keys_box[];
extern const struct ui_key_help ui_keys_pbp[];
extern const struct ui_key_help ui_keys_shots[];
extern const struct ui_key_help ui_keys_scroll[];
extern const struct ui_key_help ui_keys_replay[];
/* Shared scrolling (j/k, arrows, PgUp/PgDn, g/G): returns flags.  With
 * `view`, the keys move the view (no cursor: lineups, help). */
int ui_scroll_key(struct ui_scroll *sc, int key, int nrows, int page, bool view);
void ui_scroll_clamp(struct ui_scroll *sc, int nrows, int page);
/* Filter helpers */
bool ui_filter_play(struct ui *ui, const struct play *p);
bool ui_filter_shot(struct ui *ui, const struct shot *s);
void ui_filter_describe(struct ui *ui, char *buf, size_t size);
void ui_filter_set_player(struct ui *ui, int side, const char *id);

/* ---- pane_header.c ---- */
void pane_header_draw(struct ui *ui, WINDOW *w, int width);
/* "live 0.4s", "stale 20s", ...; *color gets the colour to draw it in. */
void ui_conn_text(const struct ui *ui, char *buf, size_t size, enum ui_color *color);
/* The terminal title: "BOS 101 NYK 98 Q4 2:31". */
void ui_title_text(struct ui *ui, char *buf, size_t size);

/* ---- pane_box.c ---- */
/* 0 none, 1 in foul trouble, 2 fouled out (thresholds documented there). */
int ui_foul_trouble(const struct game_rules *r, const struct cs_period *p, int pf);
/* The box-score order of a team's players (starters then bench, or
 * sorted); returns the count written to idx (at most max). */
int ui_box_order(struct ui *ui, int side, int *idx, int max);

/* ---- pane_pbp.c ---- */
/* The text of a play: the provider's description, or one made up from
 * the statistics; sanitized. */
void ui_play_text(struct ui *ui, const struct cs_event *ev, char *buf, size_t size);
void pbp_search_start(struct ui *ui);
int pbp_search_key(struct ui *ui, int key);
void pbp_search_next(struct ui *ui, int dir);
void pbp_free(struct pbp_state *s);

/* ---- pane_shots.c ---- */
void shots_free(struct shots_state *s);

/* ---- text.c: drawing text ---- */
/* Draws `s` at (y, x), at most `width` columns, sanitized with cs_sanitize
 * first (defence in depth: providers already did); returns columns used. */
int ui_text(WINDOW *w, int y, int x, int width, attr_t attr, const char *s);
int ui_textf(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Draws right-aligned so the text ends at column x + width. */
int ui_text_right(WINDOW *w, int y, int x, int width, attr_t attr, const char *s);
int ui_text_width(const struct ui *ui, const char *s);
void ui_fill(WINDOW *w, int y, int x, int n, attr_t attr);
/* A horizontal rule: U+2500, or '-' in ASCII. */
void ui_hline(const struct ui *ui, WINDOW *w, int y, int x, int n, attr_t attr);
/* Attribute of a theme colour. */
attr_t ui_attr(const struct ui *ui, enum ui_color c);
attr_t ui_team_attr(const struct ui *ui, int side);
attr_t ui_team_plain_attr(const struct ui *ui, int side);   /* the colour, no bold */
/* A short name that fits: "Jalen Brunson" -> "J. Brunson" -> "Brunson". */
void ui_name_fit(const char *name, int width, char *buf, size_t size);
const char *ui_last_name(const char *name, char *buf, size_t size);
/* The team's abbreviation, "HOME"/"AWAY" when the provider sent none. */
const char *ui_team_alias(struct ui *ui, int side, char *buf, size_t size);
/* A player's display name: name, else "#jersey", else the id. */
const char *ui_player_name(const struct box_player *p, char *buf, size_t size);
/* The label of a period sequence in this game's format: "Q3", "H2", "OT1". */
const char *ui_period_label(struct ui *ui, int sequence, char *buf, size_t size);
/* Glyphs that have an ASCII fallback. */
enum ui_glyph {
	UI_G_HLINE, UI_G_VLINE, UI_G_MADE, UI_G_MISSED, UI_G_DOWN, UI_G_UP,
	UI_G_DOT, UI_G_ONCOURT,
};
const char *ui_glyph(const struct ui *ui, enum ui_glyph g);

#endif
