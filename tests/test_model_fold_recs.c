/*
 * The fold's records (model/game_int.h, struct fold_rec): the fold reads a
 * 64-byte copy of each stored event, at the head of its record, instead of
 * the 1.5 KB event.  So that a fold over the copies is the fold over the
 * events:
 *
 *   - every field the fold reads must equal the stored event's, for random
 *     events with values at their extremes (clocks, court coordinates and
 *     period numbers past any 16-bit field, every qualifier bit, all eight
 *     statistics, more players than a side's table holds);
 *   - and go on equal through inserts in the past, corrections that move
 *     a play or rewrite it whole, re-sends and deletes;
 *   - the game brought up to date through all that (appends, refolds from
 *     checkpoints) must export the same JSON and list the same plays and
 *     shots as a game sent the same messages that folds once, at the end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "model/game_int.h"
#include "tap.h"

#define SEEDS   8
#define NEVENTS 240
#define CHANGES 160

static uint64_t rng;

static unsigned
roll(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A value from a list that includes each extreme, or a plain one. */
static int
pick(const int *list, size_t n, int plain_max)
{
	unsigned i = roll((unsigned)n + 2);

	return i < n ? list[i] : (int)roll((unsigned)plain_max);
}

static void
player(struct cs_player_ref *ref, int side)
{
	/* 70 ids a side: more than the 64 a side's table holds */
	if (roll(6) == 0)
		ref->id[0] = '\0';   /* a team statistic */
	else
		snprintf(ref->id, sizeof ref->id, "%c%u", side == CS_AWAY ? 'a' : 'h', roll(70));
	snprintf(ref->name, sizeof ref->name, "P %.8s", ref->id);
}

static void
random_event(struct cs_event *ev, int n)
{
	/* past 16 bits, within what the parsers hand on (a clock: 24 hours at
	 * most), so that the fold's own sums stay within an int */
	static const int clocks[] = { CS_NO_CLOCK, -50, 0, 7200, 36000, 70000, 864000 };
	static const int coords[] = { -70000, -40000, 0, 63, 1065, 40000, 70000 };
	static const int numbers[] = { 1, 4, 300, 70000, 1000000, -7 };
	int i, s, k, nstats;

	cs_event_init(ev, roll(2) ? CS_PROVIDER_SPORTRADAR : CS_PROVIDER_SHOTTRACKER);
	snprintf(ev->id, sizeof ev->id, "ev-%d", n);
	ev->sequence = (int64_t)roll(100000);
	ev->number = (int)roll(1000);
	ev->period.sequence = roll(8) == 0 ? CS_PERIODS_MAX : 1 + (int)roll(6);
	ev->period.number = pick(numbers, sizeof numbers / sizeof numbers[0], 5);
	ev->period.type = (enum cs_period_type)roll(4);   /* 3: not a type */
	ev->clock = pick(clocks, sizeof clocks / sizeof clocks[0], 7200);
	ev->type = (enum cs_event_type)roll(CS_EV_TYPE_COUNT + 2);
	ev->side = (int)roll(4) - 1;   /* 2: not a side */
	cs_strlcpy(ev->provider_type, roll(4) == 0 ? "flagranttwo" : "play",
	    sizeof ev->provider_type);
	snprintf(ev->description, sizeof ev->description, "play %d", n);
	nstats = (int)roll(CS_EVENT_STATS_MAX + 1);
	for (i = 0; i < nstats; i++) {
		struct cs_stat *st = &ev->stats[ev->nstats++];

		st->type = (enum cs_stat_type)roll(CS_STAT_TYPE_COUNT + 1);
		st->side = (int)roll(3) - 1;
		st->made = roll(2);
		st->three = roll(2);
		st->offensive = roll(2);
		st->points = (int)roll(6) - 1;
		player(&st->player, st->side);
	}
	ev->has_location = roll(2);
	ev->x = pick(coords, sizeof coords / sizeof coords[0], 1128);
	ev->y = pick(coords, sizeof coords / sizeof coords[0], 600);
	for (s = 0; s < 2; s++) {
		ev->has_on_court[s] = roll(3) == 0;
		for (k = 0; k < CS_ON_COURT; k++)
			player(&ev->on_court[s][k], s);
	}
	ev->timeouts_remaining = (int)roll(9) - 1;
	ev->qualifiers = (unsigned)rng;
}

#define DIFFER(...) do { snprintf(why, size, __VA_ARGS__); return false; } while (0)

/* Fold record `pos` against the event stored there: every field the fold
 * reads (derive.c, analytics.c). */
static bool
rec_matches(const struct game *g, size_t pos, char *why, size_t size)
{
	const struct fold_rec *fr = &g->store.order[pos]->fold;
	const struct cs_event *ev = &g->store.order[pos]->ev;
	struct cs_period p = fold_period(fr);
	unsigned types = 0;
	int i, s, want;

	if (p.type != ev->period.type || p.number != ev->period.number ||
	    p.sequence != ev->period.sequence)
		DIFFER("%s: period %d/%d/%d, event %d/%d/%d", ev->id, p.type, p.number,
		    p.sequence, ev->period.type, ev->period.number, ev->period.sequence);
	if (fr->clock != ev->clock || fr->type != ev->type || fr->side != ev->side ||
	    fr->provider != ev->provider || fr->qualifiers != ev->qualifiers)
		DIFFER("%s: clock %d/%d type %d/%d side %d/%d provider %d/%d "
		    "qualifiers %x/%x", ev->id, fr->clock, ev->clock, fr->type, ev->type,
		    fr->side, ev->side, fr->provider, ev->provider, fr->qualifiers,
		    ev->qualifiers);
	if (((fr->has & FOLD_LOCATION) != 0) != ev->has_location ||
	    (ev->has_location && (fr->x != ev->x || fr->y != ev->y)))
		DIFFER("%s: location %d,%d, event %d,%d", ev->id, fr->x, fr->y, ev->x, ev->y);
	for (s = 0; s < 2; s++)
		if (((fr->has & FOLD_COURT(s)) != 0) != ev->has_on_court[s])
			DIFFER("%s: on-court list of side %d", ev->id, s);
	if (fr->nstats != ev->nstats)
		DIFFER("%s: %d statistics, event %d", ev->id, fr->nstats, ev->nstats);
	for (i = 0; i < ev->nstats; i++) {
		const struct fold_stat *a = &fr->stats[i];
		const struct cs_stat *b = &ev->stats[i];

		want = b->side == CS_SIDE_NONE ? -1 :
		    game_roster_find(&g->roster[b->side], b->player.id);
		if (a->type != b->type || a->side != b->side ||
		    ((a->bits & FOLD_MADE) != 0) != b->made ||
		    ((a->bits & FOLD_THREE) != 0) != b->three ||
		    ((a->bits & FOLD_OFFENSIVE) != 0) != b->offensive ||
		    FOLD_POINTS(a) != b->points || a->player != want)
			DIFFER("%s: statistic %d (type %d/%d side %d/%d points %d/%d player %d/%d)",
			    ev->id, i, a->type, b->type, a->side, b->side, FOLD_POINTS(a),
			    b->points, a->player, want);
		types |= 1u << b->type;
	}
	if (fr->stat_types != types)
		DIFFER("%s: statistic types %x, event %x", ev->id, fr->stat_types, types);
	return true;
}

static bool
all_match(const struct game *g, char *why, size_t size)
{
	size_t pos;

	for (pos = 0; pos < g->store.n; pos++)
		if (!rec_matches(g, pos, why, size))
			return false;
	return true;
}

static char *
exported(struct game *g)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (f == NULL)
		return NULL;
	export_json(g, f);
	fclose(f);
	return buf;
}

static bool
same_game(struct game *a, struct game *b, char *why, size_t size)
{
	char *x = exported(a), *y = exported(b);
	bool same = x != NULL && y != NULL && strcmp(x, y) == 0;
	size_t i;

	free(x);
	free(y);
	if (!same)
		DIFFER("exports differ");
	if (game_play_count(a) != game_play_count(b) || game_shot_count(a) != game_shot_count(b))
		DIFFER("plays %zu/%zu shots %zu/%zu", game_play_count(a), game_play_count(b),
		    game_shot_count(a), game_shot_count(b));
	for (i = 0; i < game_play_count(a); i++) {
		const struct play *p = game_play(a, i), *q = game_play(b, i);

		if (strcmp(p->ev->id, q->ev->id) != 0 || p->home_score != q->home_score ||
		    p->away_score != q->away_score || p->lead_change != q->lead_change ||
		    p->sub_in[0] != q->sub_in[0] || p->sub_out[1] != q->sub_out[1])
			DIFFER("play %zu: %s / %s", i, p->ev->id, q->ev->id);
	}
	for (i = 0; i < game_shot_count(a); i++) {
		const struct shot *p = game_shot(a, i), *q = game_shot(b, i);

		if (p->x != q->x || p->y != q->y || p->made != q->made || p->player != q->player)
			DIFFER("shot %zu differs", i);
	}
	return true;
}

/* One change to both games, mirrored in evs[]/gone[]: a correction (a
 * result turned over, or a move in the order), a delete, or a play put
 * back after one. */
static void
change(struct game *g, struct game *once, struct cs_event *evs, bool *gone, int n)
{
	int i = (int)roll((unsigned)n), k;
	struct cs_event *ev = &evs[i];

	switch (roll(4)) {
	case 0:   /* made <-> missed */
		for (k = 0; k < ev->nstats; k++)
			ev->stats[k].made = !ev->stats[k].made;
		break;
	case 1:   /* a move, in its period or to another */
		ev->sequence = (int64_t)roll(100000);
		if (roll(3) == 0)
			ev->period.sequence = 1 + (int)roll(6);
		break;
	case 2:
		if (!gone[i]) {
			game_delete(g, ev->id);
			game_delete(once, ev->id);
			gone[i] = true;
			return;
		}
		break;
	default:   /* the play again, new in every field */
		random_event(ev, i);
		break;
	}
	gone[i] = false;
	game_upsert(g, ev);
	game_upsert(once, ev);
}

static void
one_seed(int seed)
{
	static struct cs_event evs[NEVENTS];
	static bool gone[NEVENTS];
	struct game *g = game_new(), *once = game_new();
	char why[256] = "", why_once[256] = "";
	bool matched = true, same;
	int i;

	rng = 0x9e3779b97f4a7c15ull * (uint64_t)(seed + 1);
	for (i = 0; i < NEVENTS; i++) {
		random_event(&evs[i], i);
		gone[i] = false;
		game_upsert(g, &evs[i]);
		game_upsert(once, &evs[i]);
		if (i % 7 == 0)
			game_refresh(g);
		if (matched && i % 10 == 0)
			matched = all_match(g, why, sizeof why);
	}
	for (i = 0; i < CHANGES; i++) {
		change(g, once, evs, gone, NEVENTS);
		if (i % 3 == 0)
			game_refresh(g);   /* a refold from the checkpoint before the change */
		if (matched && i % 5 == 0)
			matched = all_match(g, why, sizeof why);
	}
	if (matched)
		matched = all_match(g, why, sizeof why);
	ok(matched, "seed %d: every fold record equals its stored event, through every change%s%s",
	    seed, matched ? "" : ": ", why);
	game_refresh(g);
	game_refresh(once);
	same = same_game(g, once, why_once, sizeof why_once);
	ok(same, "seed %d: changed %d times, the game folds as one folded once at the end%s%s",
	    seed, CHANGES, same ? "" : ": ", why_once);
	game_free(&g);
	game_free(&once);
}

/* Values past 16 bits arrive whole: one event, field by field. */
static void
extremes(void)
{
	struct game *g = game_new();
	struct cs_event ev;
	const struct fold_rec *fr;

	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(ev.id, "far", sizeof ev.id);
	ev.period.sequence = CS_PERIODS_MAX;
	ev.period.number = 70000;
	ev.clock = 99999;
	ev.has_location = true;
	ev.x = -70000;
	ev.y = 70000;
	ev.qualifiers = 0x80000001u;
	cs_event_add_stat(&ev, CS_STAT_TECHNICAL_FOUL, CS_AWAY)->points = 3;
	game_upsert(g, &ev);
	fr = &g->store.order[0]->fold;
	is_int(fold_period(fr).number, 70000, "a period number past 16 bits");
	is_int(fold_period(fr).sequence, CS_PERIODS_MAX, "the last period there can be");
	is_int(fr->clock, 99999, "a clock past 16 bits");
	is_int(fr->x, -70000, "x past 16 bits");
	is_int(fr->y, 70000, "y past 16 bits");
	is_int(fr->qualifiers, 0x80000001u, "every qualifier bit");
	is_int(fr->stat_types, 1u << CS_STAT_TECHNICAL_FOUL, "the statistic's type bit");
	is_int(FOLD_POINTS(&fr->stats[0]), 3, "the statistic's points");
	game_free(&g);
}

int
main(void)
{
	int seed;

	extremes();
	for (seed = 0; seed < SEEDS; seed++)
		one_seed(seed);
	return tap_done();
}
