/*
 * ShotTracker's own possessions into the model and the export, against a
 * hand-computed fixture (tests/data/shottracker/possessions.json: six
 * possessions in the catch-up, one more in a live frame).
 *
 * Home (team 1): H1 transition, paint, 1 pass, pick-n-roll, a two at 18.0;
 * H2 half court, no paint, 3 passes, pick-n-pop + handoff, a three at 6.0;
 * H3 half court, paint, 0 passes, a miss at 2.5 then 1 of 2 free throws;
 * H4 half court, paint, 5 passes, a turnover.  6 points in 4: 1.50.
 * Away (team 2): A1 half court, no paint, 2 passes, two pick-n-rolls, a two
 * at 10.0; A2 transition, paint, a miss at 20.0.  2 in 2: 1.00.  The frame
 * adds A3: half court, no paint, 1 pass, a drag, a three at 12.0: 5 in 3.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "model/export.h"
#include "model/game.h"
#include "model/possessions.h"
#include "providers/shottracker.h"
#include "tap.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static char *
slurp(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024], *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof path, "%s/tests/data/shottracker/%s",
	    top != NULL ? top : TOP_SRCDIR, name);
	f = fopen(path, "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (buf = calloc(1, (size_t)n + 1)) == NULL) {
		printf("Bail out! cannot read %s\n", path);
		exit(1);
	}
	*len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	return buf;
}

static json_object *
exported(struct game *g)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	json_object *o;

	if (f == NULL)
		return NULL;
	game_refresh(g);
	export_json(g, f);
	fclose(f);
	o = json_tokener_parse(text);
	free(text);
	return o;
}

/* "count/points/ppp" of team[side].possessions[path...]; "" when absent. */
static const char *
triple(json_object *root, int side, const char *k1, const char *k2)
{
	static char buf[64];
	json_object *teams, *o, *c, *p, *r;

	buf[0] = '\0';
	if (!json_object_object_get_ex(root, "teams", &teams) ||
	    !json_object_object_get_ex(json_object_array_get_idx(teams, (size_t)side),
	    "possessions", &o))
		return buf;
	if (k1 != NULL && !json_object_object_get_ex(o, k1, &o))
		return buf;
	if (k2 != NULL && !json_object_object_get_ex(o, k2, &o))
		return buf;
	if (!json_object_object_get_ex(o, "count", &c) ||
	    !json_object_object_get_ex(o, "points", &p) ||
	    !json_object_object_get_ex(o, "ppp", &r))
		return buf;
	snprintf(buf, sizeof buf, "%d/%d/%s", json_object_get_int(c), json_object_get_int(p),
	    json_object_to_json_string(r));
	return buf;
}

static void
test_export(struct game *g)
{
	json_object *root = exported(g);

	ok(root != NULL, "the export is JSON");
	is_str(triple(root, CS_HOME, NULL, NULL), "4/6/1.50", "home: 4 possessions, 6 points");
	is_str(triple(root, CS_HOME, "transition", NULL), "1/2/2.00", "home transition");
	is_str(triple(root, CS_HOME, "halfcourt", NULL), "3/4/1.33", "home half court (4/3)");
	is_str(triple(root, CS_HOME, "paint_touch", NULL), "3/3/1.00", "home paint touch");
	is_str(triple(root, CS_HOME, "no_paint_touch", NULL), "1/3/3.00", "home no paint touch");
	is_str(triple(root, CS_HOME, "ball_screens", "pick_n_roll"), "1/2/2.00",
	    "home pick-n-roll");
	is_str(triple(root, CS_HOME, "ball_screens", "pick_n_pop"), "1/3/3.00", "home pick-n-pop");
	is_str(triple(root, CS_HOME, "ball_screens", "handoff"), "1/3/3.00", "home handoff");
	is_str(triple(root, CS_HOME, "ball_screens", "drag"), "", "no drag for home");
	is_str(triple(root, CS_AWAY, NULL, NULL), "2/2/1.00", "away: 2 possessions, 2 points");
	is_str(triple(root, CS_AWAY, "transition", NULL), "1/0/0.00", "away transition");
	is_str(triple(root, CS_AWAY, "halfcourt", NULL), "1/2/2.00", "away half court");
	is_str(triple(root, CS_AWAY, "ball_screens", "pick_n_roll"), "1/2/2.00",
	    "two pick-n-rolls in one possession count it once");
	json_object_put(root);
}

static void
test_summary(const struct game *g)
{
	const struct cs_possessions *ps = game_view_possessions(g);
	struct cs_possession_summary s;
	struct cs_possession_unit u[8];
	size_t n;

	cs_possessions_summary(ps, CS_HOME, &s);
	is_int(s.passes[0].count * 100 + s.passes[0].points, 101, "home: 0 passes 1 poss, 1 pt");
	is_int(s.passes[1].count * 100 + s.passes[1].points, 102, "1 pass: 1 poss, 2 pts");
	is_int(s.passes[2].count, 0, "2 passes: none");
	is_int(s.passes[3].count * 100 + s.passes[3].points, 103, "3 passes: 1 poss, 3 pts");
	is_int(s.passes[4].count * 100 + s.passes[4].points, 100, "4+ passes: 1 poss, 0 pts");
	is_int(s.shot_clock[0].poss.points * 100 + s.shot_clock[0].fgm * 10 + s.shot_clock[0].fga,
	    211, "15+ s: 2 points, 1-1");
	is_int(s.shot_clock[1].poss.count, 0, "8-15 s: none");
	is_int(s.shot_clock[2].poss.points * 100 + s.shot_clock[2].fgm * 10 + s.shot_clock[2].fga,
	    311, "4-8 s: 3 points, 1-1");
	is_int(s.shot_clock[3].poss.points * 100 + s.shot_clock[3].fgm * 10 + s.shot_clock[3].fga,
	    101, "0-4 s: 1 point (a free throw), 0-1");
	n = cs_possessions_units(ps, CS_HOME, u, 8);
	is_int((int)n, 2, "home played two fives");
	is_str(u[0].ids[4], "105", "the first is 101-105 (tie broken by ids)");
	is_int(u[0].for_.count * 100 + u[0].for_.points, 205, "101-105: 5 points in 2 for");
	is_int(u[0].against.count * 100 + u[0].against.points, 102,
	    "101-105: 2 against in 1 (the away list, unsorted, is the same five)");
	is_int(u[1].for_.count * 100 + u[1].for_.points, 201, "101-106: 1 point in 2 for");
	is_int(u[1].against.count * 100 + u[1].against.points, 100, "0 against in 1");
}

/* Bytes of heap in use, as malloc counts them. */
static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

/* Possession i of a long game: fives out of twelve players a side. */
static void
long_game_possession(int i, struct cs_possession *p)
{
	int w, k;

	memset(p, 0, sizeof *p);
	snprintf(p->id, sizeof p->id, "%d@%lld", i % 2 + 1, 1736019000000LL + i * 14000LL);
	p->side = i % 2 == 0 ? CS_HOME : CS_AWAY;
	p->period.sequence = 1 + i / 60;
	p->period.number = p->period.sequence;
	p->start_clock = 7200 - (i % 60) * 120;
	p->end_clock = p->start_clock - 110;
	p->start_ms = 1736019000000LL + i * 14000LL;
	p->end_ms = p->start_ms + 11000;
	p->points = i % 3;
	p->passes = i % 6;
	p->screens[i % CS_SCREEN_COUNT] = 1;
	for (w = 0; w < 2; w++) {
		p->nfive[w] = CS_ON_COURT;
		for (k = 0; k < CS_ON_COURT; k++)
			snprintf(p->five[w][k], CS_ID_MAX, "%d%03d", (p->side + w) % 2,
			    (i / 7 + k * 2 + w) % 12);
	}
}

/*
 * A game's ~250 possessions name ~25 players in their fives: each id is
 * kept once (issue 20: ten 64-byte ids a possession were ~0.16 MB a
 * game), and a possession comes back whole, in start order.
 */
#define LONG_GAME 256

static void
test_kept_small(void)
{
	struct cs_possessions *ps = cs_possessions_new();
	struct cs_possession p, back;
	size_t before, used;
	int i, same = 0;

	long_game_possession(0, &p);
	cs_possessions_upsert(ps, &p);      /* the arrays' first room */
	cs_possessions_clear(ps);
	before = heap_used();
	for (i = 0; i < LONG_GAME; i++) {
		long_game_possession(i, &p);
		cs_possessions_upsert(ps, &p);
	}
	used = heap_used() - before;
	is_int((int)cs_possessions_count(ps), LONG_GAME, "every possession kept");
	ok(used / LONG_GAME < 320, "heap per possession %zu bytes (< 320)", used / LONG_GAME);
	for (i = 0; i < LONG_GAME; i++) {
		long_game_possession(i, &p);
		same += cs_possessions_upsert(ps, &p) == 0;
	}
	is_int(same, LONG_GAME, "each again: no change");
	same = 0;
	for (i = 0; i < LONG_GAME; i++) {
		long_game_possession(i, &p);
		/* in start order: period by period, each as it was given */
		same += cs_possessions_get(ps, (size_t)i, &back) &&
		    memcmp(&back, &p, sizeof p) == 0;
	}
	is_int(same, LONG_GAME, "each comes back whole, fives and all");
	ok(!cs_possessions_get(ps, LONG_GAME, &back), "none past the last");
	long_game_possession(3, &p);
	strcpy(p.five[1][2], "9999");
	is_int(cs_possessions_upsert(ps, &p), 1, "a five changed: an update");
	same = 0;
	for (i = 0; i < LONG_GAME; i++)
		same += cs_possessions_get(ps, (size_t)i, &back) && strcmp(back.id, p.id) == 0 &&
		    strcmp(back.five[1][2], "9999") == 0;
	is_int(same, 1, "kept with its new player");
	cs_possessions_free(&ps);
}

int
main(void)
{
	const char *game = "{\"id\":\"G\",\"home_team_id\":1,\"away_team_id\":2}";
	struct game *g = game_new();
	struct cs_sink sink = game_sink(g);
	struct shottracker_ctx c;
	char *doc, *frame;
	size_t len, flen;
	json_object *root;

	shottracker_ctx_init(&c, &sink, "G");
	is_int(shottracker_parse_game(&c, game, strlen(game)), 0, "the game gives the team ids");
	doc = slurp("possessions.json", &len);
	ok(shottracker_parse_catchup(&c, doc, len) >= 0, "the catch-up parses");
	is_int((int)cs_possessions_count(game_view_possessions(g)), 6, "six possessions kept");
	ok(shottracker_parse_catchup(&c, doc, len) >= 0, "the same catch-up again");
	is_int((int)cs_possessions_count(game_view_possessions(g)), 6,
	    "still six: a possession is upserted, never counted twice");
	test_export(g);
	test_summary(g);
	test_kept_small();

	frame = slurp("possession_frame.json", &flen);
	is_int(shottracker_parse_frame(&c, frame, flen, NULL), 0, "a live possessions frame");
	root = exported(g);
	is_str(triple(root, CS_AWAY, NULL, NULL), "3/5/1.67", "away: 5 points in 3 (1.67)");
	is_str(triple(root, CS_AWAY, "ball_screens", "drag"), "1/3/3.00", "away drag");
	json_object_put(root);
	is_int(shottracker_parse_frame(&c, frame, flen, NULL), 0, "the frame again");
	is_int((int)cs_possessions_count(game_view_possessions(g)), 7, "seven, not eight");

	free(doc);
	free(frame);
	shottracker_ctx_free(&c);
	game_free(&g);
	return tap_done();
}
