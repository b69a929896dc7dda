/*
 * The filters every pane follows: team, player, period, scoring plays
 * only.  The plays, the shot chart, the box score and the lineups follow
 * the team; the plays and the shot chart follow the player and the
 * period.  Every change goes through a function here, which bumps
 * `serial`: a pane that built something from the filter compares it.
 */
#ifndef CS_UI_FILTER_H
#define CS_UI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "model/game.h"

struct ui_filter {
	int side;                  /* CS_SIDE_NONE: both teams */
	int player_side;           /* the player filter's team, CS_SIDE_NONE: none */
	char player_id[CS_ID_MAX]; /* "" = every player */
	int period;                /* period sequence, 0 = all */
	bool scoring;              /* plays: scoring plays only */
	unsigned serial;           /* bumped by every change */
};

void ui_filter_init(struct ui_filter *f);
bool ui_filter_play(const struct ui_filter *f, const struct play *p);
bool ui_filter_shot(const struct ui_filter *f, const struct game *g, const struct shot *s);
/* "BOS J. Brunson Q3 scoring"; "" without a filter. */
void ui_filter_describe(const struct ui_filter *f, const struct game *g, char *buf,
    size_t size);

/* A player (his team follows when a team is picked); NULL: every player. */
void ui_filter_set_player(struct ui_filter *f, int side, const char *id);
/* One team and every player of it. */
void ui_filter_set_team(struct ui_filter *f, int side);
/* all -> home -> away -> all; a player of the other team is dropped. */
void ui_filter_next_team(struct ui_filter *f);
/* One period on (dir 1) or back (-1), through "all" past either end;
 * `last` is the latest period played. */
void ui_filter_step_period(struct ui_filter *f, int dir, int last);
void ui_filter_toggle_scoring(struct ui_filter *f);
void ui_filter_clear(struct ui_filter *f);

#endif
