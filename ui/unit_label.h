/*
 * Five-man unit labels that tell units apart (issue 17, item 2): each
 * player as initial and surname ("N.Jokic"), particles kept in the
 * surname ("Fred Van Vleet" -> "F.VanVleet", never "Vleet"), "#jersey"
 * added when a teammate shares the surname ("J.Williams#8").  Cut to a
 * width with an ellipsis, the longest surname first, never below the
 * letters that tell a player from his teammates: two different units of a
 * team never read the same.  Pure functions of the model; no curses.
 * (Kept apart from label.c, which the box score's engineer reworks.)
 */
#ifndef CS_UI_UNIT_LABEL_H
#define CS_UI_UNIT_LABEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/game.h"

/* Labels as last made, for a pane that redraws a unit's row with every
 * play while its players' names do not change (a label weighs the whole
 * roster: most of a row's cost).  Keyed by a hash of all a label depends
 * on; 0 is never a key.  The least recently used goes first: two labels
 * shown together never take each other's place (as they did by their
 * keys' slot, each made again on every play). */
#define UI_UNIT_LABELS_CACHED 32
#define UI_UNIT_LABEL_MAX (CS_ON_COURT * (CS_NAME_MAX + CS_JERSEY_MAX + 4))

struct ui_unit_labels {
	struct {
		uint64_t key;   /* 0: empty */
		unsigned long used;   /* the lookup that last asked for it */
		char text[UI_UNIT_LABEL_MAX];
	} e[UI_UNIT_LABELS_CACHED];
	unsigned long lookups;
	unsigned long made;   /* labels made (slots handed out empty): the tests read it */
};

/* The slot for `key`: its label when *made is true, else a buffer of
 * UI_UNIT_LABEL_MAX to make it in (the slot is the key's from then on). */
char *ui_unit_labels_slot(struct ui_unit_labels *c, uint64_t key, bool *made);

/* One player's label, uncut: "N.Jokic", "J.Williams#8". */
const char *ui_unit_player_label(const struct box_team *t, int player, char *buf, size_t size);

/* The unit's five labels, space-separated, in `width` columns when the
 * distinguishing parts allow it (else as short as they allow); `ellipsis`
 * marks a cut ("…", or "." without UTF-8).  Returns the columns used. */
int ui_unit_label(const struct box_team *t, const struct unit *u, int width,
    const char *ellipsis, char *buf, size_t size);

/* The same for a five given by player ids, as ShotTracker's possessions
 * name it: in roster order, then any player the roster does not know,
 * shown by his id (sanitized, never cut). */
int ui_unit_label_ids(const struct box_team *t, const char ids[][CS_ID_MAX], int width,
    const char *ellipsis, char *buf, size_t size);

#endif
