/*
 * The CLIP video action (seeds page 001, "Game Video Adjustment Actions"):
 *   PUT /v1/data/games/{event_id}/video/_action, HMAC-signed like every
 *   REST call, body {"action":"CLIP","start":<epoch ms>,"end":<epoch ms>};
 *   "returns a url to the video clip in the response".
 * Inferred (the page shows no response): the URL is the member "url" of a
 * JSON object (a bare JSON string is taken too), and start/end are game
 * timestamps (the possessions' start_timestamp/end_timestamp, not the
 * video's delayed ones).  Pure helpers here; the request runs on the feed
 * thread (shottracker.c).
 */
#ifndef CS_SHOTTRACKER_CLIP_H
#define CS_SHOTTRACKER_CLIP_H

#include <stddef.h>
#include <stdint.h>

#include "model/possessions.h"

#define ST_CLIP_BEFORE_MS  8000              /* no possession: the lead-up */
#define ST_CLIP_AFTER_MS   4000              /* ... and what follows */
#define ST_CLIP_SPAN_MAX_MS (10 * 60 * 1000) /* never ask for more */

/*
 * The span of a play at play_ms: the ShotTracker possession that holds it,
 * or ST_CLIP_BEFORE_MS before to ST_CLIP_AFTER_MS after the play when none
 * does.  -1 with a cause for a play without a time.
 */
int shottracker_clip_span(const struct cs_possessions *ps, int64_t play_ms,
    int64_t *start_ms, int64_t *end_ms, char **cause);

/* The request body; -1 when it does not fit or the span is not one. */
int shottracker_clip_body(int64_t start_ms, int64_t end_ms, char *buf, size_t size);

/* The clip's URL from a 200's body (sanitized, http or https); -1 with a
 * one-line cause when there is none. */
int shottracker_clip_url(const char *body, size_t len, char *url, size_t size,
    char **cause);

#endif
