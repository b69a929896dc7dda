/*
 * What the panes call things and how a coach reads them: team
 * abbreviations, player names, period labels in the game's format, and
 * foul trouble.  Pure functions of the model; no curses.
 */
#ifndef CS_UI_LABEL_H
#define CS_UI_LABEL_H

#include <stdbool.h>
#include <stddef.h>

#include "model/game.h"

/* The team's abbreviation, "HOME"/"AWAY" when the provider sent none. */
const char *ui_team_alias(const struct game *g, int side, char *buf, size_t size);
/* A player's display name: name, else "#jersey", else the id; sanitized. */
const char *ui_player_name(const struct box_player *p, char *buf, size_t size);
/*
 * A player's label in `width` display columns (0: no limit, the short
 * form), never losing what tells him apart: the full name when it fits,
 * else initial and surname ("N.Jokic"; particles stay with the surname:
 * "F.Van Vleet"), with "#jersey" when another player of the team has the
 * same short form ("J.Williams#8"); when even that is too wide the
 * surname is cut with an ellipsis ("..." is one '.' in ASCII) and the
 * jersey kept.  Returns buf.
 */
const char *ui_player_label(const struct box_team *t, int player, int width, bool ascii,
    char *buf, size_t size);
/* Whole minutes that add up: each seconds[i] / 60 rounded down or up, by
 * largest remainder (ties to the earlier), so that the minutes sum to the
 * seconds' total rounded to the nearest minute. */
void ui_minutes_shares(const int *seconds, int n, int *minutes);
/* The label of a period sequence in this game's format: "Q3", "H2", "OT1". */
const char *ui_period_label(const struct game *g, int sequence, char *buf, size_t size);
/* 0 none, 1 in foul trouble, 2 fouled out (thresholds in label.c). */
int ui_foul_trouble(const struct game_rules *r, const struct cs_period *p, int pf);

/* Foul trouble that escalates (label.c has the rule): the box score
 * colours each level and marks it in text, for terminals without colour. */
enum ui_fouls {
	UI_FOULS_OK = 0,
	UI_FOULS_TROUBLE,       /* at the period's benching threshold: yellow, "!" */
	UI_FOULS_DANGER,        /* one foul from the limit: red, "!!" */
	UI_FOULS_OUT,           /* fouled out: red, "FO" */
};
enum ui_fouls ui_foul_level(const struct game_rules *r, const struct cs_period *p, int pf);
/* "EJ" when ejected (two technicals, or a flagrant 2), "FO" when fouled
 * out, else "". */
const char *ui_foul_status(const struct game_rules *r, const struct statline *l);

#endif
