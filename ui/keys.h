/*
 * Keys: a key goes to the pane that grabbed the keyboard (the search
 * prompt), else to the focused pane, else through the global key map
 * (keymap.c) to the request it names, which this module carries out on
 * the frame or hands to the pane it belongs to.
 */
#ifndef CS_UI_KEYS_H
#define CS_UI_KEYS_H

struct ui;

/* Returns the flags of keymap.h (UI_QUIT: leave). */
int ui_key(struct ui *ui, int key);
/* A new answer to C (a clip URL, or why none) into the status row. */
void ui_clip_note(struct ui *ui);

#endif
