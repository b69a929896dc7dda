/*
 * The machine-readable box score (product.md §5), written from the model
 * alone.  JSON follows the schema of §5 exactly; CSV has one row per player
 * and one per team total, with a header row.  The game clock is written as
 * "M:SS.t" (e.g. "2:31.4", "12:00.0").
 */
#ifndef CS_EXPORT_H
#define CS_EXPORT_H

#include <stdio.h>
#include "model/game.h"

/* Both return 0, or -1 when writing failed (errno set). */
int export_json(struct game *g, FILE *out);
int export_csv(struct game *g, FILE *out);

/* The export's status string: "inprogress", "halftime", "closed", ... */
const char *export_status(struct game *g);

#endif
