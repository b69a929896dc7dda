/*
 * Fuzz target: the ShotTracker REST documents that carry plays, the
 * catch-up (details, stats, gameTotals) and the lineups history, each
 * parsed twice so that the re-catch-up sweep runs too.
 */
#include "config.h"

#include <stdint.h>

#include "fuzz_shottracker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct shottracker_ctx c;

	fz_ctx(&c);
	shottracker_parse_catchup(&c, (const char *)data, size);
	shottracker_parse_lineups(&c, (const char *)data, size);
	shottracker_parse_catchup(&c, (const char *)data, size);
	shottracker_parse_catchup(&c, "{\"details\":[]}", 14);
	shottracker_ctx_free(&c);
	return 0;
}
