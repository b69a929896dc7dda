/*
 * A game session: one game's model, the feed that fills it (the feed
 * owns that game's capture and replay state), and what the app knows of
 * the feed.  A process holds one per game it follows; nothing about "the"
 * game is global, so one window can hold a whole league night.
 *
 * Threads: a session belongs to the UI (or main) thread; only its feed
 * runs a thread of its own.
 */
#ifndef CS_SESSION_H
#define CS_SESSION_H

#include <stdbool.h>
#include "app.h"
#include "model/game.h"
#include "net/feed.h"

struct session {
	char id[CS_ID_MAX];          /* the game the feed follows; "" = none */
	struct game *g;              /* owned */
	struct feed *feed;           /* owned; NULL = a static model */
	struct app_state st;
	/* The model changed since the UI last looked (the strip's marker). */
	bool fresh;
};

/* A session with an empty model under `rules` (NULL: the provider's
 * data decides); NULL out of memory. */
struct session *session_new(const char *rules);
/* Starts its feed on `fc` (fc->game_id names the game).  0, or -1 with
 * *cause (malloc'd). */
int session_start(struct session *s, const struct feed_config *fc, char **cause);
/*
 * Starts n sessions' feeds as one league on one connection (the
 * provider's run_league: Sportradar's push feed carries every game of a
 * night), session i following ids[i].  0, or -1 with *cause (malloc'd)
 * and no feed started.
 */
int session_start_league(struct session **v, int n, const struct feed_config *fc,
    const char *const *ids, char **cause);
/* True when the games of `fc` can go on one connection (its provider
 * carries a league: session_start_league). */
bool session_league_fits(const struct feed_config *fc);
/* Applies what its feed queued; true when the model changed. */
bool session_drain(struct session *s);
/* Stops the feed (joins its thread); the model stays. */
void session_stop(struct session *s);
/* Stops and frees; NULLs the pointer. */
void session_free(struct session **s);

#endif
