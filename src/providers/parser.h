/*
 * A provider's parsers behind one entry point: "here is a raw message that
 * arrived on this channel".  The live providers call it for every REST
 * body, WebSocket frame and push line they receive, and record the same
 * (channel, bytes) pair; the replay provider calls it with the recorded
 * pairs.  So a replay goes through the very same parsing as the live run.
 *
 * Channels: "rest:<path without query>" (the REST resource, e.g.
 * "rest:/v1/data/games/ID", "rest:/nba/trial/v8/en/games/ID/pbp.json"),
 * "ws" (a ShotTracker Live Data frame), "push" (a Sportradar push line).
 */
#ifndef CS_PARSER_H
#define CS_PARSER_H

#include <stddef.h>
#include "model/event.h"

struct provider_parser {
	const char *name;
	/* Parser state (team ids, sides, ...) delivering into `sink`. */
	void *(*create)(const struct cs_sink *sink);
	void (*destroy)(void *state);
	/* Returns 0, or -1 when the message was skipped (a warning went to
	 * the sink).  Never fails the whole run. */
	int (*message)(void *state, const char *channel, const char *data,
	    size_t len);
};

extern const struct provider_parser shottracker_parser;
extern const struct provider_parser sportradar_parser;

const struct provider_parser *provider_parser_for(enum cs_provider p);

#endif
