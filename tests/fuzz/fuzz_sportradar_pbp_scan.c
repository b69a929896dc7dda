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
#include "fuzz_sportradar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t hash[2] = { 0xcbf29ce484222325ull, 0xcbf29ce484222325ull };
	char *doc;
	int round;

	doc = malloc(size + 1);      /* exact size: a read past it is caught */
	if (doc == NULL)
		return 0;
	memcpy(doc, data, size);
	doc[size] = '\0';
	contexts_init(hash);
	for (round = 0; round < 2; round++)
		if (sportradar_parse_pbp_read(&ctx[0], doc, size, false, NULL) !=
		    sportradar_parse_pbp_read(&ctx[1], doc, size, true, NULL))
			abort();
	if (hash[0] != hash[1])
		abort();
	free(doc);
	return 0;
}
