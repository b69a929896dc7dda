/*
 * Fuzz target, differential: a pbp.json read as the program reads it (its
 * events by the push scanner's event walker, json-c where that declines)
 * and with every event by json-c's tree must send the same callbacks with
 * the same contents and return the same.  The input is read twice, so
 * that the second reading meets the state the first left (versions seen,
 * players learned, the kept on_court).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* FNV-1a over everything one context's sink was sent. */
static void
mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		*h = (*h ^ b[i]) * 0x100000001b3ull;
	*h = (*h ^ n) * 0x100000001b3ull;
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	mix(ctx, "e", 1);
	mix(ctx, ev, sizeof *ev);   /* both start from cs_event_init's memset */
}

static void
on_delete(void *ctx, const char *id)
{
	mix(ctx, "d", 1);
	mix(ctx, id, strlen(id));
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	mix(ctx, "g", 1);
	mix(ctx, info, sizeof *info);
}

static void
on_warning(void *ctx, const char *msg)
{
	mix(ctx, "w", 1);
	mix(ctx, msg, strlen(msg));
}

static struct sportradar_ctx ctx[2];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t hash[2] = { 0xcbf29ce484222325ull, 0xcbf29ce484222325ull };
	struct cs_sink sink;
	char *doc;
	int i, round;

	doc = malloc(size + 1);      /* exact size: a read past it is caught */
	if (doc == NULL)
		return 0;
	memcpy(doc, data, size);
	doc[size] = '\0';
	for (i = 0; i < 2; i++) {
		memset(&sink, 0, sizeof sink);
		sink.ctx = &hash[i];
		sink.event = on_event;
		sink.delete_event = on_delete;
		sink.game = on_game;
		sink.warning = on_warning;
		sportradar_ctx_init(&ctx[i], &sink, NULL);
	}
	for (round = 0; round < 2; round++)
		if (sportradar_parse_pbp_read(&ctx[0], doc, size, false, NULL) !=
		    sportradar_parse_pbp_read(&ctx[1], doc, size, true, NULL))
			abort();
	if (hash[0] != hash[1])
		abort();
	free(doc);
	return 0;
}
