/*
 * Fuzz target, differential: a push line read by the scanner (falling back
 * to json-c's tree when it declines, as sportradar_parse_push does) and by
 * the tree alone must send the same callbacks with the same contents, and
 * report the same kind and push info.  The input is read as two lines:
 * its first half, then the whole (so that the second meets the state the
 * first left: versions seen, players learned, the kept on_court).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"
#include "fuzz_sportradar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
both(const char *line, size_t len)
{
	struct sportradar_push_info info[2];
	enum sportradar_push_kind kind;

	memset(info, 0, sizeof info);
	if (sportradar_parse_push_scan(&ctx[0], line, len, &info[0]) == 0)
		kind = info[0].kind;
	else
		kind = sportradar_parse_push_tree(&ctx[0], line, len, &info[0]);
	if (sportradar_parse_push_tree(&ctx[1], line, len, &info[1]) != kind ||
	    info[0].heartbeat_ms != info[1].heartbeat_ms ||
	    info[0].points[0] != info[1].points[0] || info[0].points[1] != info[1].points[1])
		abort();
	if (kind == SR_PUSH_EVENT && (info[0].type != info[1].type ||
	    memcmp(&info[0].period, &info[1].period, sizeof info[0].period) != 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t hash[2] = { 0xcbf29ce484222325ull, 0xcbf29ce484222325ull };
	char *line;

	line = malloc(size + 1);     /* exact size: a read past it is caught */
	if (line == NULL)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	contexts_init(hash);
	both(line, size / 2);
	both(line, size);
	if (hash[0] != hash[1])
		abort();
	free(line);
	return 0;
}
