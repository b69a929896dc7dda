/*
 * Fuzz target: PERIOD/CLOCK as people type it, for courtside --until
 * (cs_game_point_parse) and courtside-sim --start-at / --at (the sim's
 * period_clock and game_time, reached by compiling src/sim/main.c into
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

/* courtside --until: a period 1..CS_PERIODS_MAX and a clock of at most 60:00. */
static void
until(const char *spec, struct cs_game_point *pt)
{
	char again[64];
	struct cs_game_point pt2;
	static const char *kinds[] = { "", "Q", "H", "OT" };

	if (cs_game_point_parse(spec, pt) < 0) {
		pt->number = -1;
		return;
	}
	if (pt->number < 1 || pt->number > CS_PERIODS_MAX || pt->clock < 0 ||
	    pt->clock > 36000 || pt->kind > CS_POINT_OVERTIME)
		abort();
	/* what it accepted reads back the same, written canonically */
	snprintf(again, sizeof again, "%s%d/%d:%02d.%d", kinds[pt->kind], pt->number,
	    pt->clock / 600, pt->clock / 10 % 60, pt->clock % 10);
	if (cs_game_point_parse(again, &pt2) < 0 || pt2.kind != pt->kind ||
	    pt2.number != pt->number || pt2.clock != pt->clock)
		abort();
}

/* courtside-sim --start-at against a generated game: an accepted time is
 * one of the game, the same one courtside --until reads. */
static void
start_at(const char *spec, bool halves, const struct cs_game_point *pt)
{
	int seq, tenths;
	int64_t at;

	fz_clean(clean(spec), 128);   /* what the usage error quotes */
	if (game_time(game(halves), spec, halves, &at) < 0)
		return;
	if (at < 0 && at != SIM_END)
		abort();
	if (strcmp(spec, "end") == 0)
		return;
	if (period_clock(spec, halves, &seq, &tenths) < 0)
		abort();
	if (seq < 1 || seq > CS_PERIODS_MAX || tenths < 0 || tenths > 36000)
		abort();
	if (pt->number < 0 || seq != cs_game_point_sequence(pt, halves) || tenths != pt->clock)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *spec;
	struct cs_game_point pt;

	if (size > 256)
		return 0;   /* a command-line argument */
	spec = fz_strndup(data, size);
	until(spec, &pt);
	start_at(spec, false, &pt);
	start_at(spec, true, &pt);
	free(spec);
	return 0;
}
