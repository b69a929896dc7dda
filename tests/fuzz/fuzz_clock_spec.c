/*
 * Fuzz target: PERIOD/CLOCK as people type it, for courtside --until
 * (settings_parse_until) and courtside-sim --start-at / --at (the sim's
 * period_sequence and game_time, reached by compiling src/sim/main.c into
 * this target with its main() renamed: its parsers are static and the
 * file belongs to the simulator).  Both must agree where both accept, and
 * an accepted time must be one of the game.
 */
#include "config.h"

/* the simulator's command line, its main() out of the way */
#define main courtside_sim_main
int courtside_sim_main(int argc, char **argv);
#include "sim/main.c"
#undef main

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sim_game *games[2];   /* quarters, halves: made once */

static const struct sim_game *
game(bool halves)
{
	struct sim_options go;

	if (games[halves] == NULL) {
		memset(&go, 0, sizeof go);
		go.seed = 7;
		go.halves = halves;
		games[halves] = sim_game_generate(&go);
		if (games[halves] == NULL)
			abort();
	}
	return games[halves];
}

/* courtside --until: a period 1..20 and a clock of at most a day. */
static void
until(const char *spec, int *seq, int *tenths)
{
	char again[64];
	int seq2, tenths2;

	if (settings_parse_until(spec, seq, tenths) < 0) {
		*seq = -1;
		return;
	}
	if (*seq < 1 || *seq > 20 || *tenths < 0 || *tenths > 24 * 36000)
		abort();
	/* what it accepted reads back the same, written canonically */
	snprintf(again, sizeof again, "%d/%d:%02d.%d", *seq, *tenths / 600,
	    *tenths / 10 % 60, *tenths % 10);
	if (settings_parse_until(again, &seq2, &tenths2) < 0 || seq2 != *seq ||
	    tenths2 != *tenths)
		abort();
}

/* courtside-sim --start-at against a generated game. */
static void
start_at(const char *spec, bool halves, int until_seq, int until_tenths)
{
	const char *slash = strchr(spec, '/');
	int seq, tenths;
	int64_t at;

	fz_clean(clean(spec), 128);   /* what the usage error quotes */
	if (game_time(game(halves), spec, halves, &at) < 0)
		return;
	if (at < 0 && at != SIM_END)
		abort();
	if (slash == NULL)
		return;   /* "end" */
	seq = period_sequence(spec, (size_t)(slash - spec), halves);
	tenths = cs_clock_parse(slash + 1);
	if (seq < 1 || seq > 20 + (halves ? 2 : 4) || tenths < 0 || tenths > 36000)
		abort();
	/* a plain number is the same period for both programs */
	if (until_seq > 0 && spec[0] >= '0' && spec[0] <= '9' &&
	    (seq != until_seq || tenths != until_tenths))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *spec;
	int seq, tenths;

	if (size > 256)
		return 0;   /* a command-line argument */
	spec = fz_strndup(data, size);
	until(spec, &seq, &tenths);
	start_at(spec, false, seq, tenths);
	start_at(spec, true, seq, tenths);
	free(spec);
	return 0;
}
