/*
 * The fold's checkpoints (model/derive.c): a change in the past folds on
 * from the checkpoint before it instead of from the tip.  Whatever the
 * order of changes, the result must equal a model that folds everything
 * once, from the start.
 *
 * Two models read the same simulated Sportradar game (its play-by-play at
 * half time, then the push stream with its re-sends, corrections and
 * deletes): one brought up to date after every message (appends and
 * checkpoints), one only at the end (a full fold).  Then random changes
 * to old events (a made shot missed, a play moved in the order, a play
 * deleted and put back) are applied to the first; after each, a new
 * model folds the same events from the start, and the two must export
 * the same JSON and list the same plays, shots and units.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "model/game.h"
#include "providers/parser.h"
#include "sim/simgame.h"
#include "tap.h"

#define SEEDS       6
#define CHANGES     40
#define EVENTS_MAX  4096

/* Every event as it last arrived, and whether it stands deleted. */
struct events {
	struct cs_event *ev;
	bool *gone;
	size_t n;
	struct cs_game_info info;
	bool has_info;
	struct game *live;        /* refreshed after every message */
	struct game *once;        /* refreshed at the end only */
};

static long
find(struct events *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strcmp(e->ev[i].id, id) == 0)
			return (long)i;
	return -1;
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	struct events *e = ctx;
	long i = find(e, ev->id);

	if (i < 0 && e->n < EVENTS_MAX)
		i = (long)e->n++;
	if (i >= 0) {
		e->ev[i] = *ev;
		e->gone[i] = false;
	}
	game_upsert(e->live, ev);
	game_upsert(e->once, ev);
	(void)game_team(e->live, CS_HOME);
}

static void
on_delete(void *ctx, const char *id)
{
	struct events *e = ctx;
	long i = find(e, id);

	if (i >= 0)
		e->gone[i] = true;
	game_delete(e->live, id);
	game_delete(e->once, id);
	(void)game_team(e->live, CS_HOME);
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	struct events *e = ctx;

	e->info = *info;
	e->has_info = true;
	game_set_info(e->live, info);
	game_set_info(e->once, info);
}

static void
on_warning(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
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

/* Everything a pane shows besides the export: plays, shots, units. */
static bool
same_views(struct game *a, struct game *b, char *why, size_t size)
{
	size_t i;

	if (game_play_count(a) != game_play_count(b) ||
	    game_shot_count(a) != game_shot_count(b) ||
	    game_unit_count(a) != game_unit_count(b)) {
		snprintf(why, size, "counts: plays %zu/%zu shots %zu/%zu units %zu/%zu",
		    game_play_count(a), game_play_count(b), game_shot_count(a),
		    game_shot_count(b), game_unit_count(a), game_unit_count(b));
		return false;
	}
	for (i = 0; i < game_play_count(a); i++) {
		const struct play *p = game_play(a, i), *q = game_play(b, i);

		if (strcmp(p->ev->id, q->ev->id) != 0 || p->home_score != q->home_score ||
		    p->away_score != q->away_score || p->lead_change != q->lead_change) {
			snprintf(why, size, "play %zu: %s %d-%d / %s %d-%d", i, p->ev->id,
			    p->home_score, p->away_score, q->ev->id, q->home_score,
			    q->away_score);
			return false;
		}
	}
	for (i = 0; i < game_unit_count(a); i++) {
		const struct unit *u = game_unit(a, i), *v = game_unit(b, i);

		if (u->seconds != v->seconds || u->points_for != v->points_for ||
		    u->points_against != v->points_against ||
		    u->possessions_x100 != v->possessions_x100 ||
		    memcmp(u->players, v->players, sizeof u->players) != 0) {
			snprintf(why, size, "unit %zu differs", i);
			return false;
		}
	}
	return true;
}

static bool
same_game(struct game *a, struct game *b, char *why, size_t size)
{
	char *x = exported(a), *y = exported(b);
	bool same = x != NULL && y != NULL && strcmp(x, y) == 0;

	if (!same)
		snprintf(why, size, "exports differ");
	free(x);
	free(y);
	return same && same_views(a, b, why, size);
}

/* A model that folds the events as they stand now, once, from the start. */
static struct game *
folded_once(const struct events *e)
{
	struct game *g = game_new();
	size_t i;

	if (e->has_info)
		game_set_info(g, &e->info);
	for (i = 0; i < e->n; i++)
		if (!e->gone[i])
			game_upsert(g, &e->ev[i]);
	return g;
}

static uint64_t rng = 0x2545f4914f6cdd1dull;

static size_t
roll(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

/* One change to an old event, applied to the live model. */
static const char *
change(struct events *e)
{
	size_t i = roll(e->n / 2 + 1), j;
	struct cs_event *ev = &e->ev[i];

	switch (roll(5)) {
	case 4:   /* the text alone: a typo fixed in the description */
		snprintf(ev->description, sizeof ev->description, "text fixed %zu", i);
		ev->corrected = true;
		if (!e->gone[i])
			game_upsert(e->live, ev);
		return "a play's text";
	case 0:   /* a shot made, then missed (or the other way) */
		for (j = 0; j < (size_t)ev->nstats; j++)
			if (ev->stats[j].type == CS_STAT_FIELD_GOAL ||
			    ev->stats[j].type == CS_STAT_FREE_THROW)
				ev->stats[j].made = !ev->stats[j].made;
		if (!e->gone[i])
			game_upsert(e->live, ev);
		return "a shot's result";
	case 1:   /* the play moves to another place in its period */
		ev->sequence = e->ev[roll(e->n)].sequence;
		if (!e->gone[i])
			game_upsert(e->live, ev);
		return "a play's place";
	case 2:
		if (!e->gone[i]) {
			e->gone[i] = true;
			game_delete(e->live, ev->id);
		}
		return "a deletion";
	default:
		if (e->gone[i]) {
			e->gone[i] = false;
			game_upsert(e->live, ev);
		}
		return "a play put back";
	}
}

static void
fresh_check(struct events *e, uint64_t seed, char *why, size_t size)
{
	struct game *fresh = folded_once(e);

	why[0] = '\0';
	ok(same_game(e->live, fresh, why, size),
	    "seed %llu: after it, the model equals a fold from the start (%s)",
	    (unsigned long long)seed, why);
	game_free(&fresh);
}

static void
one_seed(uint64_t seed)
{
	struct sim_options o;
	struct sim_game *sg;
	const struct sim_msg *msgs;
	struct events e;
	struct cs_sink sink;
	void *parser;
	char channel[160], why[200], *pbp;
	int64_t half;
	size_t n, i;
	int k, bad = 0;

	memset(&o, 0, sizeof o);
	o.seed = seed;
	sg = sim_game_generate(&o);
	memset(&e, 0, sizeof e);
	e.ev = calloc(EVENTS_MAX, sizeof *e.ev);
	e.gone = calloc(EVENTS_MAX, sizeof *e.gone);
	e.live = game_new();
	e.once = game_new();
	memset(&sink, 0, sizeof sink);
	sink.ctx = &e;
	sink.event = on_event;
	sink.delete_event = on_delete;
	sink.game = on_game;
	sink.warning = on_warning;
	parser = sportradar_parser.create(&sink);
	if (sg == NULL || e.ev == NULL || e.gone == NULL || e.live == NULL ||
	    e.once == NULL || parser == NULL) {
		printf("Bail out! seed %llu: out of memory\n", (unsigned long long)seed);
		exit(1);
	}

	half = sim_game_end_ms(sg) / 2;
	snprintf(channel, sizeof channel, "rest:/nba/trial/v8/en/games/%s/pbp.json",
	    sim_game_id(sg, CS_PROVIDER_SPORTRADAR));
	pbp = sim_game_sr_pbp(sg, half);
	sportradar_parser.message(parser, channel, pbp, strlen(pbp));
	free(pbp);
	n = sim_game_sr_stream(sg, &msgs);
	for (i = 0; i < n; i++)
		if (msgs[i].at_ms > half)
			sportradar_parser.message(parser, "push", msgs[i].json,
			    strlen(msgs[i].json));
	ok(e.n > 300, "seed %llu: the game has its events (%zu)",
	    (unsigned long long)seed, e.n);
	ok(same_game(e.live, e.once, why, sizeof why),
	    "seed %llu: refreshed after every message = folded once at the end (%s)",
	    (unsigned long long)seed, why);

	why[0] = '\0';
	for (k = 0; k < CHANGES && !bad; k++) {
		const char *what = change(&e);
		struct game *fresh;

		(void)game_team(e.live, CS_HOME);
		fresh = folded_once(&e);
		if (!same_game(e.live, fresh, why, sizeof why)) {
			bad = k + 1;
			printf("# change %d (%s): %s\n", k + 1, what, why);
		}
		game_free(&fresh);
	}
	ok(!bad, "seed %llu: %d changes to old events, each folded from its checkpoint, "
	    "equal a fold from the start", (unsigned long long)seed, CHANGES);

	/* A change the fold cannot see re-derives nothing: the box stays as it
	 * was drawn, the plays are redrawn with the new text. */
	for (i = 0; i < e.n && e.gone[i]; i++)
		;
	if (i < e.n) {
		uint64_t box, plays;
		const struct play *p;
		size_t k2;

		(void)game_team(e.live, CS_HOME);
		box = game_touched(e.live, GAME_TOUCH_BOX | GAME_TOUCH_SHOTS | GAME_TOUCH_COURT);
		plays = game_touched(e.live, GAME_TOUCH_PLAYS_REWRITTEN);
		snprintf(e.ev[i].description, sizeof e.ev[i].description, "a typo fixed");
		is_int(game_upsert(e.live, &e.ev[i]), 1, "seed %llu: a text-only change is a change",
		    (unsigned long long)seed);
		(void)game_team(e.live, CS_HOME);
		ok(game_touched(e.live, GAME_TOUCH_BOX | GAME_TOUCH_SHOTS | GAME_TOUCH_COURT) == box &&
		    game_touched(e.live, GAME_TOUCH_PLAYS_REWRITTEN) > plays,
		    "seed %llu: a text-only change redraws the plays, re-derives nothing",
		    (unsigned long long)seed);
		for (k2 = 0, p = NULL; k2 < game_play_count(e.live); k2++)
			if ((p = game_play(e.live, k2)) != NULL && p->ev != NULL &&
			    strcmp(p->ev->id, e.ev[i].id) == 0)
				break;
		ok(p != NULL && p->ev != NULL && strcmp(p->ev->description, "a typo fixed") == 0,
		    "seed %llu: the play reads its new text", (unsigned long long)seed);
		fresh_check(&e, seed, why, sizeof why);
	}

	sportradar_parser.destroy(parser);
	game_free(&e.live);
	game_free(&e.once);
	free(e.ev);
	free(e.gone);
	sim_game_free(&sg);
}

int
main(void)
{
	uint64_t seed;

	for (seed = 1; seed <= SEEDS; seed++)
		one_seed(seed * 7);
	return tap_done();
}
