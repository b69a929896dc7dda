/*
 * Shared by the Sportradar differential fuzz targets: two parser contexts
 * whose sinks each fold everything they were sent into one hash, so that
 * the scanner's reading and json-c's tree can be compared whole.
 */
#ifndef CS_FUZZ_SPORTRADAR_H
#define CS_FUZZ_SPORTRADAR_H

#include <stdint.h>
#include <string.h>

#include "providers/sportradar.h"

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

/* Both contexts afresh, each sink hashing into its own hash[i]. */
static void
contexts_init(uint64_t hash[2])
{
	struct cs_sink sink;
	int i;

	for (i = 0; i < 2; i++) {
		memset(&sink, 0, sizeof sink);
		sink.ctx = &hash[i];
		sink.event = on_event;
		sink.delete_event = on_delete;
		sink.game = on_game;
		sink.warning = on_warning;
		sportradar_ctx_init(&ctx[i], &sink, NULL);
	}
}

#endif
