/*
 * The machine-readable box score (product.md §5), written from the model
 * alone.  JSON follows the schema of §5, with the coach's numbers of §3b:
 * game.lead_changes and game.times_tied, and per team "analytics" (the
 * figures of struct team_analytics under their names, and "periods": the
 * same per period; counts as integers, ratings and percentages with one
 * decimal, possessions with two, ft_rate with three).  CSV has one row per
 * player and one per team total, with a header row; then, after a blank
 * line, a team section (a header row, a row per side for the game, then per
 * side and period) and, after another, "lead_changes,times_tied".  The game clock is written as
 * "M:SS.t" (e.g. "2:31.4", "12:00.0").
 */
#ifndef CS_EXPORT_H
#define CS_EXPORT_H

#include <stdio.h>
#include "model/game.h"

/* Both return 0, or -1 when writing failed (errno set). */
int export_json(struct game *g, FILE *out);
int export_csv(struct game *g, FILE *out);
/* The marked plays (`m`) as CSV, in game order: a header row, then
 * period,clock,side,play_id,description,video_seconds,video_url; the last
 * two empty when no video segment covers the play. */
int export_markers(struct game *g, FILE *out);

/* The export's status string: "inprogress", "halftime", "closed", ... */
const char *export_status(struct game *g);

#endif
