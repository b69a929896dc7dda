/*
 * The panes, one file each (pane.h says what a pane is), and the few
 * things of theirs that others read: the frame, the loop and the tests.
 */
#ifndef CS_UI_PANES_H
#define CS_UI_PANES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "model/game.h"
#include "ui/pane.h"
#include "ui/theme.h"

extern const struct pane_ops pane_box_ops;       /* pane_box.c */
extern const struct pane_ops pane_pbp_ops;       /* pane_pbp.c */
extern const struct pane_ops pane_shots_ops;     /* pane_shots.c */
extern const struct pane_ops pane_lineups_ops;   /* pane_lineups.c */
extern const struct pane_ops pane_team_ops;      /* pane_team.c */
extern const struct pane_ops pane_possessions_ops;   /* pane_possessions.c */
extern const struct pane_ops pane_help_ops;      /* pane_help.c */
extern const struct pane_ops pane_header_ops;    /* pane_header.c: the two rows on top */

/* ---- pane_box.c ---- */
enum box_col {
	BOX_COL_NONE = -1,
	BOX_COL_MIN = 0, BOX_COL_PTS, BOX_COL_FG, BOX_COL_3P, BOX_COL_FT,
	BOX_COL_OREB, BOX_COL_DREB, BOX_COL_REB, BOX_COL_AST, BOX_COL_STL,
	BOX_COL_BLK, BOX_COL_TOV, BOX_COL_PF, BOX_COL_T, BOX_COL_PM,
	BOX_COLS
};

/* The column the box score is sorted by (BOX_COL_NONE: starters first). */
int pane_box_sort(const void *state, bool *ascending);
/* Rows the box score has drawn so far (ui_rows), and of those the rows
 * whose figures alone were drawn again (the rest of the row as it was):
 * for the tests. */
unsigned long pane_box_rows_drawn(const void *state);
unsigned long pane_box_figure_rows(const void *state);

/* ---- pane_shots.c ---- */
/* Rows the shot chart has drawn so far (ui_rows): for the tests. */
unsigned long pane_shots_rows_drawn(const void *state);

/* ---- pane_lineups.c ---- */
/* Rows the lineups pane has drawn so far (ui_rows): for the tests. */
unsigned long pane_lineups_rows_drawn(const void *state);

/* ---- pane_pbp.c ---- */
/* The text of a play: the provider's description, or one made up from
 * the statistics; sanitized. */
void ui_play_text(const struct game *g, const struct cs_event *ev, char *buf, size_t size);
/* The search: whether its prompt is open, the query, whether it matched. */
bool pane_pbp_prompt(const void *state);
const char *pane_pbp_query(const void *state);
bool pane_pbp_no_match(const void *state);
/* The play under the cursor (an index for game_view_play), -1 for none. */
int pane_pbp_cursor_play(const void *state);

/* ---- pane_header.c ---- */
/* "live 0.4s", "stale 20s", ...; *color gets the colour to draw it in.
 * `st` NULL: no feed. */
void ui_conn_text(const struct app_state *st, int64_t now_us, char *buf, size_t size,
    enum ui_color *color);
/* The terminal title: "BOS 101 NYK 98 Q4 2:31 - courtside"; a live game
 * that never caught up (app_score_known): "BOS NYK catching up - ...".
 * `st` NULL: no feed. */
void ui_title_text(const struct game *g, const struct app_state *st, char *buf,
    size_t size);

#endif
