/* courtside-sim's --faults SPEC parser and its deterministic draws. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sim/faults.h"
#include "tap.h"

static int
parses(const char *spec)
{
	struct sim_faults f;
	char *cause = NULL;
	int rc = sim_faults_parse(spec, &f, &cause);

	free(cause);
	return rc == 0;
}

int
main(void)
{
	struct sim_faults f, g;
	char *cause = NULL;
	int i, hits;
	double d, first;

	ok(sim_faults_parse(NULL, &f, &cause) == 0 && !sim_faults_any(&f),
	    "no spec: no faults");
	ok(sim_faults_parse("", &f, &cause) == 0 && !sim_faults_any(&f),
	    "empty spec: no faults");
	is_int(f.seed, 1, "default seed 1");

	ok(sim_faults_parse("drop=50,stall=40@300,5xx=0.1,malformed=0.02,"
	    "truncate=0.03,duplicate=0.05,reorder=0.04,seed=7", &f, &cause) == 0,
	    "the full example parses");
	is_int(f.drop, 50, "drop");
	ok(f.stall_seconds == 40.0, "stall seconds");
	is_int(f.stall_at_ms, 300000, "stall at feed second 300");
	ok(!f.stall_every, "stall@ is once");
	ok(f.p_5xx == 0.1 && f.malformed == 0.02 && f.truncate == 0.03 &&
	    f.duplicate == 0.05 && f.reorder == 0.04, "probabilities");
	is_int(f.seed, 7, "seed");
	ok(sim_faults_any(&f), "any");

	ok(sim_faults_parse("stall=2.5/60", &f, &cause) == 0 && f.stall_every &&
	    f.stall_seconds == 2.5 && f.stall_at_ms == 60000, "stall=S/T repeats");
	ok(sim_faults_parse("stall=1@0", &f, &cause) == 0 && f.stall_at_ms == 0,
	    "stall at feed second 0");

	ok(!parses("drop=0"), "drop=0 refused");
	ok(!parses("drop=-3"), "negative drop refused");
	ok(!parses("drop=12x"), "trailing junk refused");
	ok(!parses("5xx=1.5"), "probability over 1 refused");
	ok(!parses("5xx=-0.1"), "negative probability refused");
	ok(!parses("malformed=nan"), "nan refused");
	ok(!parses("reorder="), "empty value refused");
	ok(!parses("stall=40"), "stall without @T refused");
	ok(!parses("stall=0@10"), "zero-second stall refused");
	ok(!parses("stall=5/0"), "stall every 0 s refused");
	ok(!parses("seed=-1"), "negative seed refused");
	ok(!parses("explode=1"), "unknown kind refused");
	ok(!parses("drop"), "missing = refused");
	cause = NULL;
	ok(sim_faults_parse("drop=1,bogus=\x1b[2J", &f, &cause) < 0 &&
	    cause != NULL && strstr(cause, "bogus") != NULL &&
	    strchr(cause, '\x1b') == NULL, "the cause names the item, sanitized");
	free(cause);
	cause = NULL;

	/* refuse= and freeze=: one league game's requests (issue 19) */
	ok(sim_faults_parse("refuse=3:4", &f, &cause) == 0 && f.refuse.game == 3 &&
	    f.refuse.count == 4 && f.refuse.skip == 0 && f.freeze.game == 0 &&
	    sim_faults_any(&f), "refuse=G:N");
	ok(!sim_faults_game_hit(&f.refuse, 1, 0), "refuse: another game's request passes");
	ok(sim_faults_game_hit(&f.refuse, 2, 0) && sim_faults_game_hit(&f.refuse, 2, 3) &&
	    !sim_faults_game_hit(&f.refuse, 2, 4), "refuse: game 3's first four fall");
	ok(sim_faults_parse("freeze=2:1@1", &f, &cause) == 0 && f.freeze.game == 2 &&
	    !sim_faults_game_hit(&f.freeze, 1, 0) && sim_faults_game_hit(&f.freeze, 1, 1) &&
	    !sim_faults_game_hit(&f.freeze, 1, 2), "freeze=G:N@K: after the first K");
	ok(!parses("refuse=0:2"), "refuse game 0 refused");
	ok(!parses("refuse=3"), "refuse without :N refused");
	ok(!parses("refuse=3:0"), "refuse of no request refused");
	ok(!parses("freeze=3:2@"), "freeze with an empty @K refused");
	ok(!parses("freeze=3:2x"), "freeze with trailing junk refused");
	cause = NULL;

	/* draws: deterministic, spread, and seed-dependent */
	sim_faults_parse("seed=7", &f, &cause);
	sim_faults_parse("seed=8", &g, &cause);
	first = sim_faults_draw(&f, SIM_FAULT_DUPLICATE, 3, 10);
	ok(first == sim_faults_draw(&f, SIM_FAULT_DUPLICATE, 3, 10),
	    "same inputs, same draw");
	ok(first != sim_faults_draw(&g, SIM_FAULT_DUPLICATE, 3, 10),
	    "another seed, another draw");
	ok(first != sim_faults_draw(&f, SIM_FAULT_REORDER, 3, 10),
	    "another kind, another draw");
	hits = 0;
	for (i = 0; i < 10000; i++) {
		d = sim_faults_draw(&f, SIM_FAULT_MALFORMED, 1, (uint64_t)i);
		if (d < 0.0 || d >= 1.0)
			break;
		if (d < 0.1)
			hits++;
	}
	is_int(i, 10000, "every draw is in [0, 1)");
	ok(hits > 850 && hits < 1150, "a 10%% share hits about 1000 of 10000 (%d)",
	    hits);
	ok(strcmp(sim_faults_name(SIM_FAULT_5XX), "5xx") == 0 &&
	    strcmp(sim_faults_name(SIM_FAULT_REORDER), "reorder") == 0, "names");
	return tap_done();
}
