/*
 * The keyboard's vocabulary, shared by the frame and the panes: what a key
 * handler returns, the requests the frame sends a pane, the help entries,
 * and the global key map (tig's keymap: a key names a request; keys.c
 * carries the request out).
 *
 * A key goes to the focused pane first; what it leaves goes through this
 * map.  A request that belongs to one pane (the plays' search, the shot
 * chart's zones, the box score's player order) is sent to that pane as a
 * key code above KEY_MAX, whatever has the focus.
 */
#ifndef CS_UI_KEYMAP_H
#define CS_UI_KEYMAP_H

/* ---- what a key handler returns (htop) ---- */
enum {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,
	UI_QUIT = 1 << 2,
	UI_GRAB = 1 << 3,     /* send this pane every key until it returns without it */
	UI_SHOW = 1 << 4,     /* bring this pane into view: focus it if hidden or zoomed away */
};

#define UI_KEY_ESC   27
#define UI_KEY_CTRL(c) ((c) & 0x1f)

/* ---- requests ---- */
#define UI_REQ_BASE 0x4000   /* above every curses key code (KEY_MAX is 0777) */

enum ui_request {
	UI_REQ_NONE = 0,
	/* the frame's (keys.c) */
	UI_REQ_FOCUS_NEXT = UI_REQ_BASE,
	UI_REQ_FOCUS_PREV,
	UI_REQ_VIEW,          /* 1-5: the pane of the key's digit */
	UI_REQ_HELP,
	UI_REQ_ZOOM,
	UI_REQ_TEAM,
	UI_REQ_PERIOD_PREV,
	UI_REQ_PERIOD_NEXT,
	UI_REQ_SCORING,
	UI_REQ_CLEAR,
	UI_REQ_RECONNECT,
	UI_REQ_REPAINT,
	UI_REQ_QUIT,
	UI_REQ_ESCAPE,
	UI_REQ_REPLAY,        /* space + = - < , > { }: the key says which */
	/* one pane's, sent to it wherever the focus is */
	UI_REQ_PLAYER_NEXT,   /* box score: the next player of its order */
	UI_REQ_PLAYER_PREV,
	UI_REQ_SEARCH,        /* plays: open the search prompt */
	UI_REQ_FIND_NEXT,
	UI_REQ_FIND_PREV,
	UI_REQ_DROP_SEARCH,   /* Esc with nothing else to close */
	UI_REQ_ZONES,         /* shot chart: zones instead of shots */
	UI_REQ_BOX_TEAM,      /* box score: T, both teams or one whole */
	UI_REQ_GAME_PREV,     /* ( ): the previous / next game of the strip */
	UI_REQ_GAME_NEXT,
	UI_REQ_VIDEO,         /* V: the selected play in the video player */
	UI_REQ_MARK,          /* m: mark the selected play for review */
	UI_REQ_CLIP,          /* C: ask ShotTracker for a clip of the selected play */
};

/* The request a key names in the global map; UI_REQ_NONE when none. */
enum ui_request ui_keymap_request(int key);

/* ---- help ---- */
struct ui_key_help {
	const char *keys;     /* "j k Down Up" */
	const char *what;
};

/* A titled list of bindings; lists of sections end with a NULL title. */
struct ui_help_section {
	const char *title;
	const struct ui_key_help *items;   /* ends with NULL keys */
};

/* The global keys ("Everywhere") and the replay's, which the help pane
 * shows after every pane's own. */
extern const struct ui_help_section ui_keymap_help[];
extern const struct ui_help_section ui_keymap_replay_help[];

#endif
