/*
 * Fuzz target: the push stream, bytes to events.  The first input byte
 * picks a chunk size, so lines are split at every possible place; the
 * splitter hands lines to the push parser, whose output is checked.  A
 * small line cap exercises the drop-a-long-line path too.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t lines_seen;
static uint64_t lines_hash;

/* FNV-1a over every line and its length: chunking must not change it. */
static void
hash_line(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		lines_hash = (lines_hash ^ (unsigned char)line[i]) * 0x100000001b3ull;
	lines_hash = (lines_hash ^ len) * 0x100000001b3ull;
}

static void
on_line_hash(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	hash_line(line, len);
}

static void
check_text(const char *s, size_t cap)
{
	size_t i, n = strnlen(s, cap);

	if (n == cap)
		abort();
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			abort();
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	int i;

	(void)ctx;
	if (ev->id[0] == '\0' || ev->nstats > CS_EVENT_STATS_MAX ||
	    ev->period.sequence < 1 || ev->sequence < 0)
		abort();
	check_text(ev->id, sizeof ev->id);
	check_text(ev->description, sizeof ev->description);
	for (i = 0; i < ev->nstats; i++) {
		if (ev->stats[i].side != CS_HOME && ev->stats[i].side != CS_AWAY)
			abort();
		check_text(ev->stats[i].player.id, CS_ID_MAX);
	}
	if (ev->timeouts_remaining != CS_UNKNOWN &&
	    (ev->timeouts_remaining < 0 || ev->timeouts_remaining > 99))
		abort();
}

static void
on_delete(void *ctx, const char *id)
{
	(void)ctx;
	if (id[0] == '\0')
		abort();
	check_text(id, CS_ID_MAX);
}

static void
on_warning(void *ctx, const char *msg)
{
	(void)ctx;
	check_text(msg, 256);
}

static void
on_line(void *ctx, const char *line, size_t len)
{
	struct sportradar_push_info info;

	if (len == 0 || strlen(line) > len)
		abort();
	lines_seen++;
	hash_line(line, len);
	sportradar_parse_push(ctx, line, len, &info);
	if (info.kind == SR_PUSH_HEARTBEAT && info.heartbeat_ms != CS_UNKNOWN &&
	    info.heartbeat_ms < 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_sink sink = {
		.event = on_event, .delete_event = on_delete, .warning = on_warning,
	};
	struct sportradar_ctx c;
	struct sportradar_splitter *sp;
	size_t chunk, off, n;
	uint64_t whole_hash;

	sportradar_ctx_init(&c, &sink, NULL);
	/* the whole input as one line, as a recorded message is replayed */
	sportradar_parse_push(&c, (const char *)data, size, NULL);
	if (size == 0)
		return 0;
	chunk = (size_t)(data[0] % 17) + 1;

	/* the stream in one piece: the reference for the chunked run */
	lines_hash = 0xcbf29ce484222325ull;
	sp = sportradar_splitter_new(data[0] & 0x80 ? 256 : 0, on_line_hash, NULL, NULL);
	if (sp == NULL)
		return 0;
	sportradar_splitter_feed(sp, (const char *)data + 1, size - 1);
	sportradar_splitter_free(&sp);
	whole_hash = lines_hash;

	lines_hash = 0xcbf29ce484222325ull;
	sp = sportradar_splitter_new(data[0] & 0x80 ? 256 : 0, on_line, on_warning, &c);
	if (sp == NULL)
		return 0;
	for (off = 1; off < size; off += n) {
		n = size - off < chunk ? size - off : chunk;
		sportradar_splitter_feed(sp, (const char *)data + off, n);
		if (sportradar_splitter_buffered(sp) > (data[0] & 0x80 ? 256u : SR_LINE_MAX))
			abort();
	}
	if (lines_hash != whole_hash)
		abort();        /* where a chunk ends changed what came out */
	sportradar_splitter_reset(sp);
	sportradar_splitter_free(&sp);
	return 0;
}
