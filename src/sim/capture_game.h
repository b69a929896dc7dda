/*
 * A recorded game, served again (courtside-sim --capture FILE): the live
 * stream is the capture's frames or push lines at their receive times, and
 * REST answers with the bodies the recorder received.
 *
 * The recorded stream is cleaned on loading, because the live run that
 * made it may have suffered faults: frames that are not JSON (malformed,
 * truncated), heartbeats (the server makes its own), and the second copy
 * of anything received twice (duplicates, resends after a reconnect) are
 * left out; ShotTracker frames with a seq go back into seq order.  The
 * server's own --faults then apply on top, as for a generated game.
 *
 * REST at feed time T answers with the latest body recorded for that
 * resource at or before T (the first one if T is earlier), and tells the
 * time it was recorded, so that a push session opened at T can start
 * right after that body: nothing between the snapshot and T is lost.
 */
#ifndef CS_SIM_CAPTURE_GAME_H
#define CS_SIM_CAPTURE_GAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"
#include "sim/simgame.h"

#define SIM_CAPTURE_MAX_BYTES (512u << 20)   /* all messages held at once */

struct sim_capture;

/*
 * Reads the capture up to its end or its first damage.  NULL with a
 * one-line *cause when it cannot be served (nothing intact before the
 * damage, too large, not a capture).  Damage after a good start is served
 * up to it: every record before it is proven intact, so a client sees the
 * recorded game cut short, never a different one; sim_capture_damage says
 * where, for the operator.
 */
struct sim_capture *sim_capture_load(const char *path, char **cause);
void sim_capture_free(struct sim_capture **c);

enum cs_provider sim_capture_provider(const struct sim_capture *c);
const char *sim_capture_game_id(const struct sim_capture *c);
/* The cleaned live stream, in sending order; seq as the frames carry it. */
size_t sim_capture_stream(const struct sim_capture *c,
    const struct sim_msg **msgs);
int64_t sim_capture_end_ms(const struct sim_capture *c);

/* The recorded body of the REST resource whose path (without query) is
 * `path` (or, with `suffix`, the first path that ends with it:
 * "/pbp.json"), as of feed time at_ms; NULL when the capture has none.
 * *recorded_ms (may be NULL) gets the time it was recorded. */
const char *sim_capture_rest(const struct sim_capture *c, const char *path,
    bool suffix, int64_t at_ms, int64_t *recorded_ms);

/*
 * --start-at for a capture: the recorded messages go through the
 * provider's own parsers (providers/parser.h) to find the first one that
 * shows the game past period `sequence` with `tenths` left.  Returns the
 * feed time to start at, so that everything before that message is out at
 * the start and it is the next: 0 when the recording starts later, -1
 * when the game never gets there.  Messages before it may share its
 * receive time, so it and all after it move 1 ms later.
 * sim_capture_halves tells whether the recorded game plays halves, for
 * reading "OT1" and "H2".
 */
int64_t sim_capture_start_at(struct sim_capture *c, int sequence, int tenths);
bool sim_capture_halves(const struct sim_capture *c);

/* One line on what loading found: counts of messages, REST bodies, and
 * what was left out, plus the damage if any.  Never NULL. */
const char *sim_capture_notes(const struct sim_capture *c);
/* "capture damaged at line N: why" where loading stopped, or NULL. */
const char *sim_capture_damage(const struct sim_capture *c);

#endif
