/*
 * The frame: the UI's state (`struct ui`), the curses windows the layout
 * places, and the panes in them.  It owns every pane's state (made by
 * the pane's init()), builds the `struct pane_ctx` each pane sees, brings
 * the model up to date before the panes read it, and redraws a pane only
 * when the model's content or the UI state moved.
 *
 * The tests and the benchmark drive it directly on an in-memory terminal;
 * ui.c drives it from the loop.
 */
#ifndef CS_UI_SCREEN_H
#define CS_UI_SCREEN_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "model/game.h"
#include "ui/filter.h"
#include "ui/flush.h"
#include "ui/layout.h"
#include "ui/pane.h"
#include "ui/options.h"
#include "ui/theme.h"

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
	struct game *g;               /* refreshed here; the panes get it const */
	const struct app_state *st;   /* NULL: no feed */
	int64_t now_us;               /* when this frame is drawn */
	struct ui_theme theme;

	struct ui_layout layout;
	int cols, lines;
	int mru[UI_PANES];
	bool zoom;
	bool layout_dirty;
	WINDOW *hdr;
	void *hdr_state;              /* the header's (pane_header_ops.init) */
	bool hdr_drawn;               /* hdr holds its last drawing */
	WINDOW *win[UI_PANES];
	struct ui_rect win_rect[UI_PANES];

	void *state[UI_PANES];        /* each pane's own, from its init() */
	int grab;                     /* the pane that reads every key (a prompt); -1 none */

	/* redraw bookkeeping: a pane is redrawn when either moved */
	unsigned serial;              /* bumped by every UI state change */
	uint64_t drawn_gen[UI_PANES];
	unsigned drawn_serial[UI_PANES];
	bool drawn[UI_PANES];
	uint64_t title_key[UI_PANES]; /* what each title bar was drawn from */

	struct ui_filter filter;
	char message[160];            /* a one-line note in the status row */

	/* What the loop provides; NULL in tests. */
	void (*reconnect)(void *ctx);
	int (*replay_control)(void *ctx, enum ui_replay_cmd cmd);
	/* Several games: the next (+1) or previous (-1) on screen; -1 when
	 * there is one only. */
	int (*switch_game)(void *ctx, int step);
	int top;                      /* rows above the frame (the strip) */
	/* the seek prompt's (g): a period sequence and clock in tenths */
	int (*replay_seek)(void *ctx, int period_sequence, int clock);
	/* C: a clip of [start, end] (epoch ms) through the feed; -1 with a
	 * cause when it cannot be asked.  The answer arrives in st->clip. */
	int (*clip)(void *ctx, const char *play_id, int64_t start_ms, int64_t end_ms,
	    char **cause);
	unsigned clip_seen;           /* st->clip_serial shown so far */
	void *ctx;
	bool seek_open;               /* g: the seek prompt reads every key */
	char seek_text[16];           /* what is typed so far */

	/* sends each frame (flush.h); plain_update: doupdate() alone, for
	 * comparisons */
	struct ui_flush *flush;
	bool plain_update;

	/* alerts (ui_watch) */
	bool watch_valid;
	int watch_points[2];
	int watch_lead;               /* -1 away, 0 tied, 1 home */
	uint64_t watch_trouble[2];    /* players in foul trouble, bit per index */
};

/* A fresh SCREEN's terminal can place the cursor (TERM=dumb cannot:
 * curses would print each cell after the last, no screen): 0, else -1
 * with *cause, one line. */
int ui_curses_check_terminal(char **cause);
/* Curses modes for a fresh SCREEN: cbreak, noecho, keypad, no cursor;
 * it is left as after endwin(): the first doupdate() takes it back. */
void ui_curses_setup(void);
/* NULL when out of memory.  `g` stays the caller's. */
struct ui *ui_new(const struct ui_options *opt, struct game *g);
void ui_free(struct ui **ui);
/* The terminal changed size (after resizeterm()). */
void ui_resize(struct ui *ui, int cols, int lines);
/* Places the windows when the size, zoom or focus changed. */
void ui_sync_layout(struct ui *ui);
/* Brings the model up to date (a no-op when the loop already did), draws
 * what changed and calls doupdate() once. */
void ui_frame(struct ui *ui);
/* The descriptor of the FILE given to newterm(): frames are written to it
 * (flush.h); until then every update is doupdate(). */
void ui_set_output(struct ui *ui, int fd);
/* Sends what the windows staged since the last update, as doupdate()
 * would (flush.h): every doupdate() of the UI goes through it. */
void ui_update(struct ui *ui);
/* The window that reads keys (keypad and nodelay set). */
WINDOW *ui_input_window(struct ui *ui);
/* Something the panes show changed outside the model (filters, scroll). */
void ui_touch(struct ui *ui);
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_focus(struct ui *ui, int pane);
int ui_focused(const struct ui *ui);
/* A pane's state, for the tests (pane_*_() accessors in panes.h). */
void *ui_pane_state(struct ui *ui, int pane);
/* Hands a key or a request to a pane and acts on the flags it returns
 * (UI_GRAB, UI_SHOW); returns them. */
int ui_pane_key(struct ui *ui, int pane, int key);
/* Events worth a bell since the last call: enum ui_bell mask.  Brings the
 * model up to date first. */
unsigned ui_watch(struct ui *ui);
/* One row of what is on the (virtual) screen, as UTF-8: for tests. */
void ui_dump_row(int row, char *buf, size_t size);

#endif
