/*
 * bench_model: how fast the game model takes events (product.md §6).
 * Prints numbers and asserts nothing.
 *
 * A synthetic 1,000-event game (4 quarters: shots with locations and
 * on-court lists, assists, rebounds, fouls with free throws, turnovers,
 * timeouts, a substitution every ~20 events) is applied:
 *   (a) in order, deriving (game_team) after every event: the live path;
 *   (b) in order, deriving once at the end: a replay as fast as possible;
 *   (c) duplicates: every event again (a reconnect's replay);
 *   (d) corrections: re-upsert of a changed old event (first half), then a
 *       derive (from the fold's checkpoint before it); (d) changes its text
 *       only, (d2) turns a shot's result over, so the fold runs again from
 *       the checkpoint before it to the tip (limit: d1d6b6e's full re-derive);
 *   (e) corrections of recent plays (the last 50) in games of 1k to 16k
 *       events: what a live correction costs; it must not grow with the game.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>

#include "model/game.h"
#include "bench_json.h"

#define NEVENTS   1000
#define PER_QUARTER (NEVENTS / 4)
#define ROSTER    12

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned
roll(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --- the synthetic game -------------------------------------------------- */

struct builder {
	struct cs_event *evs;
	int n;
	int quarter;
	int five[2][CS_ON_COURT];   /* roster indexes on court */
};

static void
player_id(char *buf, size_t size, int side, int idx)
{
	snprintf(buf, size, "%s-%08d-4a1b-9c2d-%012d", side ? "away" : "home", idx, idx * 7);
}

static void
set_court(struct builder *b, struct cs_event *ev, int side)
{
	int k;

	ev->has_on_court[side] = true;
	for (k = 0; k < CS_ON_COURT; k++) {
		struct cs_player_ref *r = &ev->on_court[side][k];

		player_id(r->id, sizeof r->id, side, b->five[side][k]);
		snprintf(r->name, sizeof r->name, "Player %d-%d", side, b->five[side][k]);
		snprintf(r->jersey, sizeof r->jersey, "%d", (b->five[side][k] + 1) % 100);
	}
}

static struct cs_event *
next_event(struct builder *b, enum cs_event_type type, int side)
{
	struct cs_event *ev = &b->evs[b->n];
	int i = b->n % PER_QUARTER;

	cs_event_init(ev, CS_PROVIDER_SPORTRADAR);
	snprintf(ev->id, sizeof ev->id, "%08x-7d2c-4b5e-8f90-%012d", (unsigned)b->n * 2654435761u,
	    b->n);
	ev->sequence = 1664669447993LL + (int64_t)b->n * 1500;
	ev->number = b->n + 1;
	ev->period.type = CS_PERIOD_QUARTER;
	ev->period.number = ev->period.sequence = b->quarter;
	ev->clock = 7200 - i * 7200 / PER_QUARTER;
	ev->type = type;
	ev->side = side;
	cs_strlcpy(ev->provider_type, cs_event_type_name(type), sizeof ev->provider_type);
	b->n++;
	return ev;
}

static struct cs_stat *
stat(struct builder *b, struct cs_event *ev, enum cs_stat_type type, int side, int idx)
{
	struct cs_stat *st = cs_event_add_stat(ev, type, side);

	player_id(st->player.id, sizeof st->player.id, side, idx);
	snprintf(st->player.name, sizeof st->player.name, "Player %d-%d", side, idx);
	(void)b;
	return st;
}

static int
on_court(struct builder *b, int side)
{
	return b->five[side][roll(CS_ON_COURT)];
}

static void
add_shot(struct builder *b)
{
	int side = (int)roll(2), shooter = on_court(b, side), made = roll(100) < 46;
	bool three = roll(100) < 38;
	struct cs_event *ev = next_event(b, three ? (made ? CS_EV_THREE_MADE :
	    CS_EV_THREE_MISSED) : (made ? CS_EV_TWO_MADE : CS_EV_TWO_MISSED), side);
	struct cs_stat *st = stat(b, ev, CS_STAT_FIELD_GOAL, side, shooter);

	st->made = made;
	st->three = three;
	st->points = made ? (three ? 3 : 2) : 0;
	ev->has_location = true;
	ev->x = 800 + (int)roll(300);
	ev->y = 20 + (int)roll(560);
	snprintf(ev->description, sizeof ev->description,
	    "Player %d-%d %s %s point jump shot", side, shooter,
	    made ? "makes" : "misses", three ? "three" : "two");
	if (made && roll(100) < 60)
		stat(b, ev, CS_STAT_ASSIST, side, b->five[side][(shooter + 1) % CS_ON_COURT]);
	set_court(b, ev, CS_HOME);
	set_court(b, ev, CS_AWAY);
	if (!made && b->n % PER_QUARTER < PER_QUARTER - 1) {
		int rside = roll(100) < 25 ? side : !side;

		ev = next_event(b, CS_EV_REBOUND, rside);
		stat(b, ev, CS_STAT_REBOUND, rside, on_court(b, rside))->offensive = rside == side;
		snprintf(ev->description, sizeof ev->description, "rebound");
	}
}

static void
add_foul(struct builder *b)
{
	int side = (int)roll(2), k;
	struct cs_event *ev = next_event(b, CS_EV_SHOOTING_FOUL, side);

	stat(b, ev, CS_STAT_PERSONAL_FOUL, side, on_court(b, side));
	stat(b, ev, CS_STAT_FOUL_DRAWN, !side, on_court(b, !side));
	snprintf(ev->description, sizeof ev->description, "shooting foul");
	ev->has_location = true;
	ev->x = 900;
	ev->y = 300;
	set_court(b, ev, CS_HOME);
	set_court(b, ev, CS_AWAY);
	for (k = 0; k < 2 && b->n % PER_QUARTER < PER_QUARTER - 1; k++) {
		bool made = roll(100) < 77;

		ev = next_event(b, made ? CS_EV_FREE_THROW_MADE : CS_EV_FREE_THROW_MISSED, !side);
		stat(b, ev, CS_STAT_FREE_THROW, !side, b->five[!side][0])->made = made;
		snprintf(ev->description, sizeof ev->description, "free throw %d of 2", k + 1);
	}
}

static void
add_turnover(struct builder *b)
{
	int side = (int)roll(2);
	struct cs_event *ev = next_event(b, CS_EV_TURNOVER, side);

	stat(b, ev, CS_STAT_TURNOVER, side, on_court(b, side));
	if (roll(2))
		stat(b, ev, CS_STAT_STEAL, !side, on_court(b, !side));
	snprintf(ev->description, sizeof ev->description, "bad pass turnover");
	set_court(b, ev, CS_HOME);
	set_court(b, ev, CS_AWAY);
}

static void
add_substitution(struct builder *b)
{
	int side = (int)roll(2), slot = (int)roll(CS_ON_COURT), k, in;
	struct cs_event *ev;

	/* bring in someone from the bench (roster indexes 5..11 rotate) */
	do {
		in = (int)roll(ROSTER);
		for (k = 0; k < CS_ON_COURT && b->five[side][k] != in; k++)
			;
	} while (k < CS_ON_COURT);
	b->five[side][slot] = in;
	ev = next_event(b, CS_EV_SUBSTITUTION, side);
	snprintf(ev->description, sizeof ev->description, "lineup change");
	set_court(b, ev, side);
}

static struct cs_event *
build_game(void)
{
	struct builder b;
	struct cs_event *ev;
	int s, k, r;

	memset(&b, 0, sizeof b);
	b.evs = calloc(NEVENTS, sizeof *b.evs);
	if (b.evs == NULL)
		abort();
	for (b.quarter = 1; b.quarter <= 4; b.quarter++) {
		for (s = 0; s < 2; s++)
			for (k = 0; k < CS_ON_COURT; k++)
				b.five[s][k] = k;
		ev = next_event(&b, CS_EV_PERIOD_START, CS_SIDE_NONE);
		set_court(&b, ev, CS_HOME);
		set_court(&b, ev, CS_AWAY);
		while (b.n < b.quarter * PER_QUARTER - 1) {
			r = (int)roll(100);
			if (b.n % 20 == 0)
				add_substitution(&b);
			else if (r < 62)
				add_shot(&b);
			else if (r < 80)
				add_foul(&b);
			else if (r < 95)
				add_turnover(&b);
			else
				next_event(&b, CS_EV_TIMEOUT, (int)roll(2));
		}
		next_event(&b, CS_EV_PERIOD_END, CS_SIDE_NONE)->clock = 0;
	}
	return b.evs;
}

static struct game *
new_game(void)
{
	struct game *g = game_new();
	struct cs_game_info info;
	int s, i;

	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "bench-game", sizeof info.id);
	for (s = 0; s < 2; s++) {
		info.has_team[s] = true;
		info.team[s].nplayers = ROSTER;
		for (i = 0; i < ROSTER; i++) {
			player_id(info.team[s].players[i].id, CS_ID_MAX, s, i);
			snprintf(info.team[s].players[i].name, CS_NAME_MAX, "Player %d-%d", s, i);
			info.team[s].players[i].starter = i < CS_ON_COURT;
		}
	}
	game_set_info(g, &info);
	return g;
}

/* --- measurements -------------------------------------------------------- */

/* (d2)'s limit: d1d6b6e re-derived the whole 1,000-event game for any
 * correction in 27.6-29.2 us on the 2-core VM (its bench_model's (d));
 * checkpoints must not make a correction that turns a result over slower. */
#define D1D6B6E_CORRECTIONS_PER_S 35000.0

#define REPS 21   /* odd: the median is one run; the machine is shared, so
		   * the median and the best say more than a mean */

static double sink;

static long
peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Prints the rate of `per_run` items in runs that took t[0..REPS-1] s;
 * `name` and `limit` (items/s, 0 none) for its JSON line. */
static void
report(const char *what, const char *name, double limit, double *t, double per_run,
    const char *unit)
{
	char u[32];

	qsort(t, REPS, sizeof *t, by_value);
	snprintf(u, sizeof u, "%s/s", unit);
	bench_json("bench_model", name, per_run / t[REPS / 2], u, limit, "higher");
	printf("%s: median %.0f %s/s (%.2f us each), best %.0f %s/s", what,
	    per_run / t[REPS / 2], unit, t[REPS / 2] / per_run * 1e6,
	    per_run / t[0], unit);
	if (limit > 0)   /* as bench.jsonl's ratio: >= 1 meets the limit */
		printf(", %.2f x the limit", per_run / t[REPS / 2] / limit);
	printf("\n");
}

/* What a first touch of a fresh page costs on this machine, in us. */
static double
fault_us(void)
{
	static double us;
	size_t size = 256 * 4096, i;
	char *p;
	double t0;

	if (us > 0)
		return us;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 0;
	t0 = now_s();
	for (i = 0; i < size; i += 4096)
		p[i] = 1;
	us = (now_s() - t0) * 1e6 / 256;
	munmap(p, size);
	return us;
}

/* A game of `copies` x NEVENTS events: the synthetic game again and again,
 * each copy's plays interleaved into the same four quarters. */
static struct cs_event *
long_game(const struct cs_event *evs, int copies)
{
	struct cs_event *all = calloc((size_t)copies * NEVENTS, sizeof *all);
	int c, i;

	if (all == NULL)
		return NULL;
	for (c = 0; c < copies; c++)
		for (i = 0; i < NEVENTS; i++) {
			struct cs_event *ev = &all[c * NEVENTS + i];
			size_t n;

			*ev = evs[i];
			n = strlen(ev->id);
			snprintf(ev->id + n - 4, sizeof ev->id - n + 4, "%04d", c);
			ev->sequence = evs[0].sequence + (int64_t)(c * NEVENTS + i);
		}
	return all;
}

/* REPS runs of 20 corrections, each of one of the `span` events that end
 * at evs[last] (back from it), each brought up to date; into t[]. */
static bool
has_shot(const struct cs_event *ev)
{
	int k;

	for (k = 0; k < ev->nstats; k++)
		if (ev->stats[k].type == CS_STAT_FIELD_GOAL ||
		    ev->stats[k].type == CS_STAT_FREE_THROW)
			return true;
	return false;
}

/* `flip`: each correction turns a shot's result over (made <-> missed,
 * against what the model holds now), so the fold must run again from the
 * checkpoint before it; else only the text changes. */
static void
corrections_of(struct game *g, const struct cs_event *evs, int last, int span, double *t,
    bool flip)
{
	static unsigned char flipped[NEVENTS];
	int rep, i, k, at, tries;
	double t0;

	for (rep = 0; rep < REPS; rep++) {
		t0 = now_s();
		for (i = 0; i < 20; i++) {
			struct cs_event ev;

			at = last - (int)roll((unsigned)span);
			for (tries = 0; flip && !has_shot(&evs[at]) && tries < 100; tries++)
				at = last - (int)roll((unsigned)span);
			ev = evs[at];
			snprintf(ev.description, sizeof ev.description,
			    "corrected play %d.%d", rep, i);
			ev.corrected = true;
			if (flip) {
				flipped[at] ^= 1;
				for (k = 0; k < ev.nstats; k++)
					if (ev.stats[k].type == CS_STAT_FIELD_GOAL ||
					    ev.stats[k].type == CS_STAT_FREE_THROW)
						ev.stats[k].made ^= flipped[at];
			}
			game_upsert(g, &ev);
			sink += game_team(g, CS_HOME)->points;
		}
		t[rep] = now_s() - t0;
	}
}

/* Corrections of the text (the fold reads none of it). */
static void
corrections(struct game *g, const struct cs_event *evs, int last, int span, double *t)
{
	corrections_of(g, evs, last, span, t, false);
}

/* (e): the median cost of correcting one of the last 50 plays, in us. */
static double
recent_corrections(const struct cs_event *evs, int copies)
{
	struct cs_event *all = long_game(evs, copies);
	int n = copies * NEVENTS, i;
	struct game *g;
	double t[REPS];

	if (all == NULL)
		return 0;
	g = new_game();
	for (i = 0; i < n; i++)
		game_upsert(g, &all[i]);
	sink += game_team(g, CS_HOME)->points;
	corrections(g, all, n - 1, 50, t);
	qsort(t, REPS, sizeof *t, by_value);
	game_free(&g);
	free(all);
	return t[REPS / 2] / 20 * 1e6;
}

/* One game's events in order; returns the seconds it took. */
static double
append_game(const struct cs_event *evs, bool derive_each)
{
	struct game *g = new_game();
	double t0 = now_s(), t;
	int i;

	for (i = 0; i < NEVENTS; i++) {
		game_upsert(g, &evs[i]);
		if (derive_each)
			sink += game_team(g, CS_HOME)->points;
	}
	sink += game_team(g, CS_HOME)->points;
	t = now_s() - t0;
	game_free(&g);
	return t;
}

int
main(void)
{
	struct cs_event *evs = build_game();
	struct game *g;
	struct mallinfo2 before, after_store, after_derive;
	double t[REPS], t0, cold;
	int rep, i, changed = 0;

	/* the first game of the process: cold memory, as a real replay */
	before = mallinfo2();
	g = new_game();
	t0 = now_s();
	for (i = 0; i < NEVENTS; i++)
		game_upsert(g, &evs[i]);
	after_store = mallinfo2();
	sink += game_team(g, CS_HOME)->points;
	cold = now_s() - t0;
	after_derive = mallinfo2();
	printf("game: %zu events stored, %zu plays, %zu shots, %zu units, score %d-%d\n",
	    game_event_count(g), game_play_count(g), game_shot_count(g),
	    game_unit_count(g), game_team(g, CS_HOME)->points,
	    game_team(g, CS_AWAY)->points);
	printf("memory: sizeof(struct cs_event) %zu B; heap per stored event %.0f B "
	    "(store), %.0f B (with derived views); %.1f MB in all\n",
	    sizeof(struct cs_event),
	    (double)(after_store.uordblks - before.uordblks) / NEVENTS,
	    (double)(after_derive.uordblks - before.uordblks) / NEVENTS,
	    (double)(after_derive.uordblks - before.uordblks) / 1e6);
	printf("peak RSS after a %d-event game: %ld KB\n", NEVENTS, peak_rss_kb());
	printf("first game of the process (cold memory), appends + one derive: "
	    "%.0f events/s (%.2f us each)\n", NEVENTS / cold, cold / NEVENTS * 1e6);
	printf("  (a first touch of a page costs the kernel %.1f us here: %.0f%% of that)\n",
	    fault_us(), 100 * fault_us() * (after_store.uordblks - before.uordblks) /
	    4096 / (cold * 1e6));

	/* The runs below reuse the memory of the games before them, as a
	 * long-running process does, so they measure the model rather than
	 * the kernel's page faults. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);

	for (rep = 0; rep < REPS; rep++)
		t[rep] = append_game(evs, true);
	report("(a) appends, derive after each", "append_derive_each", 0, t, NEVENTS, "events");
	for (rep = 0; rep < REPS; rep++)
		t[rep] = append_game(evs, false);
	report("(b) appends, one derive at the end (replay; budget > 200,000 msgs/s)",
	    "append_derive_once", 200000,
	    t, NEVENTS, "events");

	/* (c) duplicates: a reconnect replays everything */
	for (rep = 0; rep < REPS; rep++) {
		t0 = now_s();
		for (i = 0; i < NEVENTS; i++)
			changed += game_upsert(g, &evs[i]) != 0;
		sink += game_team(g, CS_HOME)->points;
		t[rep] = now_s() - t0;
	}
	report("(c) duplicates", "duplicates", 0, t, NEVENTS, "events");
	if (changed != 0)
		printf("    (%d duplicates changed the model: a bug)\n", changed);

	/* (d) corrections of old events (the first half), each brought up to date */
	corrections(g, evs, NEVENTS / 2 - 1, NEVENTS / 2, t);
	report("(d) corrections of old plays (their text) + re-derive (1,000 events)", "correct_old", 0, t, 20, "corrections");
	corrections_of(g, evs, NEVENTS / 2 - 1, NEVENTS / 2, t, true);
	report("(d2) corrections of old plays' results (made <-> missed) + re-derive (1,000 events; "
	    "limit: d1d6b6e's full re-derive, 35,000/s)", "correct_old_result",
	    D1D6B6E_CORRECTIONS_PER_S, t, 20, "corrections");
	printf("peak RSS after (a)-(d): %ld KB\n", peak_rss_kb());
	bench_json("bench_model", "peak_rss_model", (double)peak_rss_kb() / 1024.0, "MiB",
	    16e6 / 1048576.0, "lower");

	{
		static const int copies[] = { 1, 2, 4, 8, 16 };
		size_t k;

		printf("(e) a correction of one of the last 50 plays, median:");
		for (k = 0; k < sizeof copies / sizeof copies[0]; k++) {
			double us = recent_corrections(evs, copies[k]);
			char name[32];

			printf(" %dk events %.1f us%s", copies[k], us,
			    k + 1 < sizeof copies / sizeof copies[0] ? "," : "");
			snprintf(name, sizeof name, "correct_recent_%dk", copies[k]);
			bench_json("bench_model", name, us, "us", 0, "lower");
		}
		printf(" (flat: the fold goes back to its checkpoint, not the tip)\n");
	}

	printf("peak RSS with the 16k-event game of (e): %ld KB\n", peak_rss_kb());
	game_free(&g);
	free(evs);
	return sink < 0;
}
