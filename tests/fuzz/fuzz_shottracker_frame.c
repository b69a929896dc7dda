/*
 * Fuzz target: one Live Data V2 WebSocket message (an envelope or an
 * array of them), through the channel dispatch as the provider calls it,
 * twice (the second time every item is stale).
 */
#include "config.h"

#include <stdint.h>

#include "fuzz_shottracker.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct shottracker_ctx c;
	struct shottracker_frame_info info;

	fz_ctx(&c);
	shottracker_parse_message(&c, "ws", (const char *)data, size, &info);
	if (info.frames < 0 || (info.has_seq && info.min_seq > info.seq))
		abort();
	shottracker_parse_message(&c, "ws", (const char *)data, size, &info);
	shottracker_ctx_free(&c);
	return 0;
}
