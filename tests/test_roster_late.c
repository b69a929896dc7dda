/*
 * Rosters that come late (issue 19): a game whose rosters arrive after its
 * plays (Sportradar's summary.json refused, read at a later catch-up) ends
 * with exactly the model of a game whose rosters came first: every box
 * cell, every player's seconds.  The model is fed the same input in both
 * orders and the exports compared byte for byte.
 *
 * Part one builds a period by hand in which two bench players' tenths tie
 * for the team's last whole second, one arriving first in the plays and
 * the other listed first in the roster.  Part two feeds the fixtures'
 * summary.json and pbp.json through the Sportradar parser in both orders.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "model/game.h"
#include "providers/sportradar.h"
#include "tap.h"
#include "test_files.h"

#ifndef SR_TEST_DATA
#define SR_TEST_DATA "tests/data/sportradar"
#endif

#define CLOCK_TENTHS(m, s, t) ((((m) * 60 + (s)) * 10) + (t))
#define NEVENTS 8

static const char *const AWAY5[CS_ON_COURT] = { "a1", "a2", "a3", "a4", "a5" };

/* --- the hand-built period ------------------------------------------------ */

static void
fill_team(struct cs_team_info *t, const char *prefix, const char *name)
{
	int i;

	cs_strlcpy(t->id, prefix, sizeof t->id);
	cs_strlcpy(t->name, name, sizeof t->name);
	t->nplayers = 10;
	for (i = 0; i < 10; i++) {
		snprintf(t->players[i].id, sizeof t->players[i].id, "%s%d", prefix, i + 1);
		snprintf(t->players[i].name, sizeof t->players[i].name, "%s %d", name, i + 1);
		snprintf(t->players[i].jersey, sizeof t->players[i].jersey, "%d", i + 1);
		t->players[i].starter = i < 5;
	}
}

/* The header as the play-by-play sends it (teams, no players), or with
 * both rosters as summary.json does. */
static void
set_info(struct game *g, bool rosters)
{
	struct cs_game_info info;

	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "late-1", sizeof info.id);
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_HOME], "h", "Hawks");
	fill_team(&info.team[CS_AWAY], "a", "Aces");
	if (!rosters)
		info.team[CS_HOME].nplayers = info.team[CS_AWAY].nplayers = 0;
	game_set_info(g, &info);
}

static void
set_court(struct cs_event *ev, int side, const char *const five[CS_ON_COURT])
{
	int k;

	ev->has_on_court[side] = true;
	for (k = 0; k < CS_ON_COURT; k++)
		cs_strlcpy(ev->on_court[side][k].id, five[k], sizeof ev->on_court[side][k].id);
}

static struct cs_event
ev_at(const char *id, int64_t sequence, int clock, enum cs_event_type type, int side)
{
	struct cs_event ev;

	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(ev.id, id, sizeof ev.id);
	ev.sequence = sequence;
	ev.period.type = CS_PERIOD_QUARTER;
	ev.period.number = ev.period.sequence = 1;
	ev.clock = clock;
	ev.type = type;
	ev.side = side;
	return ev;
}

/*
 * One quarter.  h5 starts and leaves at 11:59.8 for h7 (0.2 s), h7 leaves
 * at 6:00.4 for h6 (359.4 s), h6 plays to the end (360.4 s): their
 * remainders 2, 4 and 4 tenths make one second, which goes to h6 or h7 by
 * the tie rule alone.  h7 is seen in the plays before h6; the roster lists
 * h6 first.  A basket by each bench player gives the box score cells.
 */
static int
period_events(struct cs_event *evs)
{
	static const char *const start[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h5" };
	static const char *const with7[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h7" };
	static const char *const with6[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h6" };
	struct cs_stat *st;
	int n = 0;

	evs[n] = ev_at("start", 1, CLOCK_TENTHS(12, 0, 0), CS_EV_PERIOD_START, CS_SIDE_NONE);
	set_court(&evs[n], CS_HOME, start);
	set_court(&evs[n++], CS_AWAY, AWAY5);
	evs[n] = ev_at("sub7", 2, CLOCK_TENTHS(11, 59, 8), CS_EV_SUBSTITUTION, CS_HOME);
	set_court(&evs[n++], CS_HOME, with7);
	evs[n] = ev_at("fg7", 3, CLOCK_TENTHS(9, 0, 0), CS_EV_TWO_MADE, CS_HOME);
	st = cs_event_add_stat(&evs[n++], CS_STAT_FIELD_GOAL, CS_HOME);
	cs_strlcpy(st->player.id, "h7", sizeof st->player.id);
	st->made = true;
	evs[n] = ev_at("sub6", 4, CLOCK_TENTHS(6, 0, 4), CS_EV_SUBSTITUTION, CS_HOME);
	set_court(&evs[n++], CS_HOME, with6);
	evs[n] = ev_at("fg6", 5, CLOCK_TENTHS(3, 0, 0), CS_EV_THREE_MADE, CS_HOME);
	st = cs_event_add_stat(&evs[n++], CS_STAT_FIELD_GOAL, CS_HOME);
	cs_strlcpy(st->player.id, "h6", sizeof st->player.id);
	st->made = st->three = true;
	evs[n++] = ev_at("end", 6, 0, CS_EV_PERIOD_END, CS_SIDE_NONE);
	return n;
}

static void
put_all(struct game *g, const struct cs_event *evs, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (game_upsert(g, &evs[i]) != 1)
			printf("# upsert of %s refused\n", evs[i].id);
}

static bool
same_export(struct game *a, struct game *b, const char *what)
{
	char *x = test_export_string(a), *y = test_export_string(b);
	bool same = x != NULL && y != NULL && strcmp(x, y) == 0;
	size_t at = 0, from;

	/* where they part, with some context, not two whole exports */
	while (!same && x != NULL && y != NULL && x[at] != '\0' && x[at] == y[at])
		at++;
	from = at > 100 ? at - 100 : 0;
	if (!same && x != NULL && y != NULL)
		printf("# %s differ at byte %zu:\n#   %.140s\n#   %.140s\n", what, at,
		    x + from, y + from);
	free(x);
	free(y);
	return same;
}

static int
seconds_of(struct game *g, int side, const char *id)
{
	int i = game_player_index(g, side, id);

	return i < 0 ? -1 : game_team(g, side)->players[i].line.seconds;
}

static void
test_tied_seconds(void)
{
	struct cs_event *evs = calloc(NEVENTS, sizeof *evs);
	struct game *first = game_new(), *late = game_new(), *mid = game_new();
	int n;

	if (evs == NULL || first == NULL || late == NULL || mid == NULL)
		abort();
	n = period_events(evs);

	/* rosters first, as a catch-up with its summary.json */
	set_info(first, true);
	put_all(first, evs, n);
	/* the plays first (the header without rosters), the rosters after */
	set_info(late, false);
	put_all(late, evs, n);
	game_refresh(late);
	set_info(late, true);
	/* the rosters between two plays, the fold half done */
	set_info(mid, false);
	put_all(mid, evs, 3);
	game_refresh(mid);
	set_info(mid, true);
	put_all(mid, evs + 3, n - 3);

	is_int(seconds_of(first, CS_HOME, "h6"), 361, "rosters first: h6 360.4 s, the tie's second");
	is_int(seconds_of(first, CS_HOME, "h7"), 359, "rosters first: h7 359.4 s, rounded down");
	is_int(seconds_of(first, CS_HOME, "h5"), 0, "rosters first: h5 0.2 s");
	is_int(game_team(first, CS_HOME)->totals.seconds, 3600,
	    "rosters first: the players sum to 5 x 720 s");
	is_int(seconds_of(late, CS_HOME, "h6"), 361,
	    "rosters late: h6 still gets the tied second (roster order, not arrival)");
	is_int(seconds_of(late, CS_HOME, "h7"), 359, "rosters late: h7 359");
	ok(same_export(first, late, "rosters first and rosters late"),
	    "rosters late: the export equals the rosters-first export, byte for byte");
	ok(same_export(first, mid, "rosters first and rosters mid-period"),
	    "rosters between two plays: the same export");
	game_free(&first);
	game_free(&late);
	game_free(&mid);
	free(evs);
}

/* With no roster at all, the tie cannot depend on which player the plays
 * named first either: two games fed the same plays, one with h6's basket
 * before any substitution, give each player the same seconds. */
static void
test_tied_seconds_no_roster(void)
{
	struct cs_event *evs = calloc(NEVENTS, sizeof *evs);
	struct game *a = game_new(), *b = game_new();
	const char *ids[] = { "h1", "h2", "h3", "h4", "h5", "h6", "h7" };
	int n, i, same = 0;

	if (evs == NULL || a == NULL || b == NULL)
		abort();
	n = period_events(evs);
	set_info(a, false);
	put_all(a, evs, n);
	set_info(b, false);
	if (game_upsert(b, &evs[4]) != 1)   /* fg6: h6 is learned before h7 */
		printf("# upsert of fg6 refused\n");
	put_all(b, evs, 4);
	put_all(b, evs + 5, n - 5);
	for (i = 0; i < (int)(sizeof ids / sizeof ids[0]); i++) {
		if (seconds_of(a, CS_HOME, ids[i]) == seconds_of(b, CS_HOME, ids[i]))
			same++;
		else
			printf("# %s: %d s against %d s\n", ids[i], seconds_of(a, CS_HOME, ids[i]),
			    seconds_of(b, CS_HOME, ids[i]));
	}
	is_int(same, 7, "no roster: every player's seconds whatever order he was learned in");
	is_int(seconds_of(a, CS_HOME, "h6") + seconds_of(a, CS_HOME, "h7"), 720,
	    "no roster: h6 and h7 still share 720 s");
	game_free(&a);
	game_free(&b);
	free(evs);
}

/* --- Sportradar's documents ----------------------------------------------- */

/* Feeds the documents named in `docs` (summary.json, pbp_*.json) in order
 * to a new game through one parser context, as a provider's catch-ups do. */
static struct game *
game_from(const char *const *docs, int ndocs)
{
	struct game *g = game_new();
	struct cs_sink sink = game_sink(g);
	struct sportradar_ctx *c = calloc(1, sizeof *c);
	size_t len;
	char *buf;
	int i, rc;

	if (g == NULL || c == NULL)
		abort();
	sportradar_ctx_init(c, &sink, NULL);
	for (i = 0; i < ndocs; i++) {
		buf = test_sr_load(docs[i], &len);
		if (strcmp(docs[i], "summary.json") == 0)
			rc = sportradar_parse_summary(c, buf, len);
		else
			rc = sportradar_parse_pbp(c, buf, len);
		if (rc < 0)
			printf("# %s refused\n", docs[i]);
		free(buf);
	}
	free(c);
	return g;
}

static void
test_sportradar_documents(void)
{
	static const char *const first[] = { "summary.json", "pbp_overtime.json" };
	static const char *const late[] = { "pbp_overtime.json", "summary.json" };
	static const char *const again[] = { "pbp_overtime.json", "summary.json",
	    "pbp_overtime.json" };
	struct game *a = game_from(first, 2), *b = game_from(late, 2), *c = game_from(again, 3);

	ok(game_team(a, CS_HOME)->nplayers > 5, "summary.json first: the roster is in");
	ok(same_export(a, b, "summary.json first and last"),
	    "Sportradar: pbp.json then summary.json exports what summary.json first does");
	ok(same_export(a, c, "summary.json first and between two pbp.json"),
	    "Sportradar: pbp.json, summary.json, pbp.json again: the same export");
	game_free(&a);
	game_free(&b);
	game_free(&c);
}

int
main(void)
{
	test_tied_seconds();
	test_tied_seconds_no_roster();
	test_sportradar_documents();
	tap_done();
	return 0;
}
