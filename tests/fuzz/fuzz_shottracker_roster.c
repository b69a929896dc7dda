/*
 * Fuzz target: the ShotTracker documents that describe the game, the game
 * event and a team roster, and the _subscribe answer.
 */
#include "config.h"

#include <stdint.h>

#include "fuzz_shottracker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct shottracker_ctx c;
	char token[64];

	fz_ctx(&c);
	shottracker_parse_roster(&c, (const char *)data, size);
	shottracker_ctx_free(&c);
	shottracker_ctx_init(&c, &fz_sink, NULL);
	shottracker_parse_game(&c, (const char *)data, size);
	shottracker_parse_roster(&c, (const char *)data, size);
	shottracker_ctx_free(&c);
	if (shottracker_parse_subscribe((const char *)data, size, token, sizeof token) == 0)
		fz_text(token, sizeof token);
	return 0;
}
