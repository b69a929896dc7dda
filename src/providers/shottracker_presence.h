/*
 * What the sensors saw, from three REST resources of the endpoint index
 * (seeds page 001) whose shapes no page prints: the shapes read here are
 * courtside's assumption, written down in doc/shottracker-wire.md §6.
 *
 *   GET /v1/data/stats/games/{id}/stats/presence       -> sink.presence
 *   GET /v1/data/games/{id}/lineups?timestamp=MS        -> sink.lineup_at
 *   GET /v1/data/games/{id}/sensor/assignments/history  -> sink.sensor
 *
 * Each returns the number of records delivered, or -1 (one warning) when
 * the document is unreadable.  A record naming neither team is skipped
 * with a warning.  No I/O.
 */
#ifndef CS_SHOTTRACKER_PRESENCE_H
#define CS_SHOTTRACKER_PRESENCE_H

#include <stddef.h>
#include <stdint.h>
#include "providers/shottracker.h"

#define SHOTTRACKER_PRESENCE_MAX (1u << 20)   /* bytes of one document */

int shottracker_parse_presence(struct shottracker_ctx *c, const char *json, size_t len);
int shottracker_parse_lineup_at(struct shottracker_ctx *c, const char *json, size_t len,
    int64_t timestamp);
int shottracker_parse_sensors(struct shottracker_ctx *c, const char *json, size_t len);

#endif
