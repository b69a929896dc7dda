/*
 * A pane, as tig has views: each pane is one file exporting a
 * `const struct pane_ops` and keeping its state to itself.  The frame
 * (screen.c) owns the windows and calls the ops with a `struct pane_ctx`:
 * what a pane may see of the rest of the UI.  A pane reads the model
 * through a const pointer (the frame brought it up to date first), changes
 * only its own state and the shared filter, and asks the frame for
 * anything else with the flags its key handler returns (keymap.h).
 */
#ifndef CS_UI_PANE_H
#define CS_UI_PANE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "model/game.h"
#include "ui/filter.h"
#include "ui/keymap.h"
#include "ui/layout.h"
#include "ui/theme.h"

struct pane_ops;

struct pane_ctx {
	const struct game *g;            /* up to date: read it with game_view_* */
	const struct ui_theme *theme;
	struct ui_filter *filter;        /* shared by every pane (filter.h) */
	const struct app_state *st;      /* the feed's state; NULL: no feed */
	int64_t now_us;                  /* when this frame is drawn */
	bool focused;                    /* this pane has the keyboard */
	int rows;                        /* its height in the layout, title included; 0 hidden */
	int cols;                        /* the terminal's width */
	/* what the header and the help show of the others */
	const struct ui_layout *layout;
	int focus;                       /* the focused pane */
	const struct pane_ops *const *panes;   /* every pane, by enum ui_pane_id */
	char *message;                   /* the status row's note: pane_message() */
	size_t message_size;
	/* The window was erased: draw every row.  False (partial panes only):
	 * it holds the pane's last drawing, and only the model moved. */
	bool repaint;
};

/*
 * The ops.  `state` is what init() returned.  draw() paints rows 1..h-1
 * of `w` (row 0 is the title bar, drawn by the frame from name and
 * title()); the header, which has no title bar, paints all its rows.
 * key() sees the keys while the pane has the focus, and the requests
 * (UI_REQ_*) that are its own whatever has the focus; it returns the
 * flags of keymap.h.  Any op but draw may be NULL.
 */
struct pane_ops {
	const char *name;                /* "Box score" */
	const char *tab;                 /* "Box" */
	const struct ui_help_section *help;   /* its keys and marks, for the help pane */
	void *(*init)(void);             /* its state; NULL when out of memory */
	void (*free)(void **state);
	void (*draw)(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width);
	int (*key)(void *state, const struct pane_ctx *c, int key);
	/* extra words for the title bar: "sorted by PTS" */
	void (*title)(void *state, const struct pane_ctx *c, char *buf, size_t size);
	/* What of the model it draws (GAME_TOUCH_* of model/game.h): the
	 * frame skips it while none of these moved; 0: any change. */
	unsigned shows;
	/* It draws only the rows that changed (ui/rows.h) unless c->repaint;
	 * else the frame erases its window before every draw. */
	bool partial;
};

/* A one-line note in the status row (replaces the last one). */
void pane_message(const struct pane_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A zeroed state of `size` bytes, for init(); and its free(). */
void *pane_state_new(size_t size);
void pane_state_free(void **state);

#endif
