/*
 * The stored events (model/store.c), cut to their statistics: a record
 * keeps an event up to the last statistic it has room for (issue 20).
 *
 *  - an enrichment with more statistics than the record has room for
 *    (the assist, the block arriving after the shot) is kept whole, in a
 *    new record, and the plays and the box score read it;
 *  - fewer statistics, then as many again, fit the same record;
 *  - a re-send changes nothing (0), a text fix is a change (1);
 *  - heap per stored one-statistic event: under 700 bytes (a whole
 *    struct cs_event's statistics alone are 1.2 KB; 1.5 KB before).
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "model/game.h"
#include "tap.h"

#define MANY 2000

static void
ref(struct cs_player_ref *p, const char *id)
{
	snprintf(p->id, sizeof p->id, "%s", id);
	snprintf(p->name, sizeof p->name, "Player %s", id);
}

/* A made two by h1 at `tenths` left in Q1, with `extra` riders (assist
 * by h2, then a foul drawn by h3, ...). */
static void
made_two(struct cs_event *ev, const char *id, int tenths, int extra)
{
	static const char *const riders[] = { "h2", "h3", "h4", "h5", "h6", "h7", "h8" };
	struct cs_stat *st;
	int i;

	cs_event_init(ev, CS_PROVIDER_SPORTRADAR);
	snprintf(ev->id, sizeof ev->id, "%s", id);
	ev->period.type = CS_PERIOD_QUARTER;
	ev->period.number = ev->period.sequence = 1;
	ev->sequence = 7200 - tenths;
	ev->clock = tenths;
	ev->type = CS_EV_TWO_MADE;
	ev->side = CS_HOME;
	snprintf(ev->description, sizeof ev->description, "h1 makes a two (%d)", extra);
	st = cs_event_add_stat(ev, CS_STAT_FIELD_GOAL, CS_HOME);
	st->made = true;
	st->points = 2;
	ref(&st->player, "h1");
	for (i = 0; i < extra && i < 7; i++) {
		st = cs_event_add_stat(ev, i == 0 ? CS_STAT_ASSIST : CS_STAT_FOUL_DRAWN,
		    CS_HOME);
		ref(&st->player, riders[i]);
	}
}

static const struct play *
play_of(struct game *g, const char *id)
{
	size_t i, n = game_play_count(g);

	for (i = 0; i < n; i++)
		if (strcmp(game_play(g, i)->ev->id, id) == 0)
			return game_play(g, i);
	return NULL;
}

static int
assists(struct game *g, const char *player)
{
	int i = game_player_index(g, CS_HOME, player);
	const struct box_team *t = game_team(g, CS_HOME);

	return i >= 0 ? t->players[i].line.ast : -1;
}

static void
test_enrichment(void)
{
	struct game *g = game_new();
	struct cs_event ev;
	const struct play *p;

	made_two(&ev, "e1", 7000, 0);
	is_int(game_upsert(g, &ev), 1, "a shot with one statistic is stored");
	made_two(&ev, "e2", 6900, 0);
	game_upsert(g, &ev);
	made_two(&ev, "e1", 7000, 3);
	is_int(game_upsert(g, &ev), 1, "the same shot with three riders more is a change");
	p = play_of(g, "e1");
	ok(p != NULL && p->ev->nstats == 4, "its play has the four statistics");
	ok(p != NULL && p->ev->nstats == 4 &&
	    strcmp(p->ev->stats[3].player.id, "h4") == 0 &&
	    p->ev->stats[3].type == CS_STAT_FOUL_DRAWN, "the last of them whole");
	is_int(assists(g, "h2"), 1, "the box score counts the assist");
	is_int(game_team(g, CS_HOME)->points, 4, "the score holds");
	is_int((int)game_event_count(g), 2, "still two events");

	made_two(&ev, "e1", 7000, 0);
	is_int(game_upsert(g, &ev), 1, "back to one statistic is a change");
	is_int(assists(g, "h2"), 0, "the assist is gone");
	made_two(&ev, "e1", 7000, 3);
	is_int(game_upsert(g, &ev), 1, "four again fit the room it had");
	p = play_of(g, "e1");
	ok(p != NULL && p->ev->nstats == 4 &&
	    strcmp(p->ev->stats[3].player.id, "h4") == 0, "and read back whole");
	is_int(game_upsert(g, &ev), 0, "a re-send changes nothing");
	snprintf(ev.description, sizeof ev.description, "h1 makes a layup");
	is_int(game_upsert(g, &ev), 1, "a text fix is a change");
	p = play_of(g, "e1");
	is_str(p != NULL ? p->ev->description : "", "h1 makes a layup", "and is shown");
	ok(game_delete(g, "e1") == 1 && game_play_count(g) == 1, "deleted, one play left");
	game_free(&g);
}

/* Bytes of heap in use, as malloc counts them. */
static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

static void
test_bytes_per_event(void)
{
	struct game *g = game_new();
	struct cs_event ev;
	char id[32];
	size_t before, after;
	int i, stored = 0;

	/* the store's tables grow by doubling: measure from a warm model */
	game_team(g, CS_HOME);
	before = heap_used();
	for (i = 0; i < MANY; i++) {
		snprintf(id, sizeof id, "m%d", i);
		made_two(&ev, id, 7000 - i, 0);
		stored += game_upsert(g, &ev) == 1;
	}
	after = heap_used();
	is_int(stored, MANY, "%d one-statistic events stored", MANY);
	ok((after - before) / MANY < 700, "heap per stored event %zu bytes (< 700)",
	    (after - before) / MANY);
	game_free(&g);
}

/* A clock no period has (past a day, as the parsers cap it) is no clock:
 * kept, it overflowed the fives' minutes (UBSan). */
static void
test_impossible_clock(void)
{
	struct game *g = game_new();
	struct cs_event ev;
	const struct play *p;

	made_two(&ev, "far", 1000, 0);
	ev.clock = 2147483647;
	game_upsert(g, &ev);
	made_two(&ev, "near", 900, 0);
	game_upsert(g, &ev);
	game_refresh(g);
	p = game_play(g, 0);
	ok(p != NULL && p->ev->clock == CS_NO_CLOCK, "a clock of INT_MAX is stored as no clock");
	is_int(game_team(g, CS_HOME)->points, 4, "both baskets count");
	game_free(&g);
}

int
main(void)
{
	test_impossible_clock();
	test_enrichment();
	test_bytes_per_event();
	return tap_done();
}
