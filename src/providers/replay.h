/*
 * What the replay provider (replay.c, behind the feed) shares with the
 * replay to the end (replay_once.c, straight into a model on the calling
 * thread: `courtside --replay FILE --once`, which needs no feed thread, no
 * network and no terminal).  Both hand the model the same messages.
 */
#ifndef CS_REPLAY_H
#define CS_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/event.h"
#include "model/game.h"

/* The published totals' lines handed on so far.  The model keeps the
 * highest version per line and has no way to drop one, so a replay hands
 * it versions of its own, rising across passes (a backward seek withdraws
 * every line with a version above any sent). */
struct replay_line {
	int side;
	char player_id[CS_ID_MAX];
	int64_t version;           /* the provider's highest in this pass */
};

struct replay_lines {
	struct replay_line *v;
	size_t n, cap;
	int64_t stamp;             /* the versions the model sees: ours, rising */
};

/* `st` as the model is to see it, in *out: true, or false when it is
 * older than what the model holds for its line (it would keep that). */
bool replay_lines_stamp(struct replay_lines *l, const struct cs_published_stats *st,
    struct cs_published_stats *out);

/*
 * The capture at `path` replayed to its end into `g`, through the
 * recorded provider's parsers, on this thread: what a --once replay at max
 * speed with no --until delivers, without its feed.  0, or -1 with
 * *cause (a damaged capture: nothing after the damage is trusted).
 * *warnings counts the messages skipped as bad input (each logged).
 */
int replay_once(const char *path, struct game *g, unsigned long *warnings, char **cause);

struct capture_reader;
struct provider_parser;
/* Open a capture and name its provider's parser (logging a capture without
 * checksums): both replays start here.  0, or -1 with *cause and nothing
 * left open. */
int replay_capture_open(const char *path, struct capture_reader **cr,
    const struct provider_parser **parser, char **cause);

#endif
