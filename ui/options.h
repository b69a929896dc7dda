/*
 * What the user chose for the UI (command line and config): a leaf header,
 * shared by the loop's public face (ui.h) and the frame (screen.h).
 */
#ifndef CS_UI_OPTIONS_H
#define CS_UI_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

enum ui_bell {
	UI_BELL_SCORE = 1 << 0,
	UI_BELL_FOUL_TROUBLE = 1 << 1,
	UI_BELL_LEAD_CHANGE = 1 << 2,
};

struct ui_options {
	bool ascii;          /* --ascii, or a non-UTF-8 locale */
	bool no_color;       /* --no-color or NO_COLOR set */
	bool title;          /* --title: the score in the terminal title */
	unsigned bell;       /* enum ui_bell mask */
	double duration;     /* --duration: quit after so many seconds; 0 = never */
	int64_t start_us;    /* cs_now_us() when main() began; 0 = unknown */
	const char *video_player;   /* config video_player; NULL = VIDEO_PLAYER_DEFAULT */
};

#endif
