/*
 * What the panes call things and how a coach reads them: team
 * abbreviations, player names, period labels in the game's format, and
 * foul trouble.  Pure functions of the model; no curses.
 */
#ifndef CS_UI_LABEL_H
#define CS_UI_LABEL_H

#include <stddef.h>

#include "model/game.h"

/* The team's abbreviation, "HOME"/"AWAY" when the provider sent none. */
const char *ui_team_alias(const struct game *g, int side, char *buf, size_t size);
/* A player's display name: name, else "#jersey", else the id; sanitized. */
const char *ui_player_name(const struct box_player *p, char *buf, size_t size);
/* The label of a period sequence in this game's format: "Q3", "H2", "OT1". */
const char *ui_period_label(const struct game *g, int sequence, char *buf, size_t size);
/* 0 none, 1 in foul trouble, 2 fouled out (thresholds in label.c). */
int ui_foul_trouble(const struct game_rules *r, const struct cs_period *p, int pf);

#endif
