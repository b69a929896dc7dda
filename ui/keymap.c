/*
 * The global key map: each key with the request it names, and the help
 * text of those keys next to it (less/vim habits).  keys.c carries the
 * requests out; the panes' own keys and their help live in their files.
 */
#include "config.h"

#include <curses.h>
#include <stddef.h>

#include "ui/keymap.h"

static const struct ui_key_help global_keys[] = {
	{ "Tab  Shift-Tab", "next / previous pane" },
	{ "1 2 3 4", "box score, plays, shot chart, lineups" },
	{ "5", "team: the coach's numbers, both teams" },
	{ "6", "possessions: ShotTracker's own, points per possession" },
	{ "?  F1", "help (again, Esc or q: close)" },
	{ "z", "zoom the focused pane (again: back)" },
	{ "t", "team filter: all, home, away" },
	{ "p  P", "player filter: next / previous player of the team" },
	{ "[  ]", "period filter: previous / next (all periods between)" },
	{ "s", "scoring plays only" },
	{ "c", "clear every filter" },
	{ "/", "search the plays (incremental; Enter keeps, Esc drops)" },
	{ "n  N", "next / previous match" },
	{ "v", "shot chart: zones with FG% instead of shots" },
	{ "T", "box score: both teams, or one team whole" },
	{ "V", "the selected play on video (config video_player)" },
	{ "C", "a clip of the selected play from ShotTracker (URL)" },
	{ "m", "mark the selected play (--export-format markers)" },
	{ "r", "reconnect now" },
	{ "(  )", "previous / next game of the strip (several games)" },
	{ "Ctrl-L", "repaint the screen" },
	{ "q", "quit" },
	{ NULL, NULL }
};

static const struct ui_key_help replay_keys[] = {
	{ "Space", "replay: pause / resume" },
	{ "+  -", "replay: faster / slower (8x: 8 s of game clock a second)" },
	{ "<  >", "replay: step a play back / forward" },
	{ "{  }", "replay: seek a period back / forward" },
	{ "g", "replay: seek to a period and clock (Q3 5:00)" },
	{ NULL, NULL }
};

const struct ui_help_section ui_keymap_help[] = {
	{ "Everywhere", global_keys },
	{ NULL, NULL }
};

const struct ui_help_section ui_keymap_replay_help[] = {
	{ "Replay", replay_keys },
	{ NULL, NULL }
};

static const struct {
	int key;
	enum ui_request req;
} keymap[] = {
	{ '\t', UI_REQ_FOCUS_NEXT },
	{ KEY_BTAB, UI_REQ_FOCUS_PREV },
	{ '1', UI_REQ_VIEW }, { '2', UI_REQ_VIEW }, { '3', UI_REQ_VIEW },
	{ '4', UI_REQ_VIEW }, { '5', UI_REQ_VIEW },
	{ '6', UI_REQ_VIEW },
	{ '?', UI_REQ_HELP },
	{ KEY_F(1), UI_REQ_HELP },
	{ 'z', UI_REQ_ZOOM },
	{ 't', UI_REQ_TEAM },
	{ 'p', UI_REQ_PLAYER_NEXT },
	{ 'P', UI_REQ_PLAYER_PREV },
	{ '[', UI_REQ_PERIOD_PREV },
	{ ']', UI_REQ_PERIOD_NEXT },
	{ 's', UI_REQ_SCORING },
	{ 'c', UI_REQ_CLEAR },
	{ '/', UI_REQ_SEARCH },
	{ 'n', UI_REQ_FIND_NEXT },
	{ 'N', UI_REQ_FIND_PREV },
	{ 'v', UI_REQ_ZONES },
	{ 'T', UI_REQ_BOX_TEAM },
	{ 'V', UI_REQ_VIDEO },
	{ 'm', UI_REQ_MARK },
	{ 'C', UI_REQ_CLIP },
	{ 'r', UI_REQ_RECONNECT },
	{ '(', UI_REQ_GAME_PREV },
	{ ')', UI_REQ_GAME_NEXT },
	{ UI_KEY_CTRL('l'), UI_REQ_REPAINT },
	{ 'q', UI_REQ_QUIT },
	{ UI_KEY_ESC, UI_REQ_ESCAPE },
	{ ' ', UI_REQ_REPLAY }, { '+', UI_REQ_REPLAY }, { '=', UI_REQ_REPLAY },
	{ '-', UI_REQ_REPLAY }, { '<', UI_REQ_REPLAY }, { '>', UI_REQ_REPLAY },
	{ '{', UI_REQ_REPLAY }, { '}', UI_REQ_REPLAY },
};

enum ui_request
ui_keymap_request(int key)
{
	size_t i;

	for (i = 0; i < sizeof keymap / sizeof keymap[0]; i++)
		if (keymap[i].key == key)
			return keymap[i].req;
	return UI_REQ_NONE;
}
