/*
 * The game model's rules (model/game.h), one or more checks per rule.
 * Events are built by hand with the small helpers below; a game is played
 * in order unless a test says otherwise.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "model/game.h"
#include "tap.h"
#include "test_files.h"

#define CLOCK(m, s) (((m) * 60 + (s)) * 10)   /* game clock in tenths */

static const char *const HOME5[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h5" };
static const char *const AWAY5[CS_ON_COURT] = { "a1", "a2", "a3", "a4", "a5" };

static int regulation = 4;     /* periods before overtime in the game being built */
static int64_t next_sequence;  /* events are numbered in the order they are built */

/* --- building games ------------------------------------------------------ */

static void
fill_team(struct cs_team_info *t, const char *prefix, const char *name, const char *alias)
{
	int i;

	cs_strlcpy(t->id, prefix, sizeof t->id);
	cs_strlcpy(t->name, name, sizeof t->name);
	cs_strlcpy(t->alias, alias, sizeof t->alias);
	t->nplayers = 10;
	for (i = 0; i < 10; i++) {
		snprintf(t->players[i].id, sizeof t->players[i].id, "%s%d", prefix, i + 1);
		snprintf(t->players[i].name, sizeof t->players[i].name, "%s Player %d",
		    name, i + 1);
		snprintf(t->players[i].jersey, sizeof t->players[i].jersey, "%d", i + 1);
		t->players[i].starter = i < 5;
	}
}

/* A game with two ten-man rosters: h1..h10 at home, a1..a10 away. */
static struct game *
new_game(enum cs_game_format format)
{
	struct game *g = game_new();
	struct cs_game_info info;

	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "game-1", sizeof info.id);
	info.format = format;
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_HOME], "h", "Hawks", "HAW");
	fill_team(&info.team[CS_AWAY], "a", "Aces", "ACE");
	game_set_info(g, &info);
	regulation = format == CS_FORMAT_HALVES ? 2 : 4;
	return g;
}

static struct cs_period
period_of(int sequence)
{
	struct cs_period p;

	p.sequence = sequence;
	if (sequence > regulation) {
		p.type = CS_PERIOD_OVERTIME;
		p.number = sequence - regulation;
	} else {
		p.type = regulation == 2 ? CS_PERIOD_HALF : CS_PERIOD_QUARTER;
		p.number = sequence;
	}
	return p;
}

static struct cs_event
ev_new(const char *id, int period, int clock, enum cs_event_type type, int side)
{
	struct cs_event ev;

	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(ev.id, id, sizeof ev.id);
	ev.sequence = ++next_sequence;
	ev.period = period_of(period);
	ev.clock = clock;
	ev.type = type;
	ev.side = side;
	return ev;
}

static struct cs_stat *
add_stat(struct cs_event *ev, enum cs_stat_type type, int side, const char *player)
{
	struct cs_stat *st = cs_event_add_stat(ev, type, side);

	if (player != NULL)
		cs_strlcpy(st->player.id, player, sizeof st->player.id);
	return st;
}

static void
set_court(struct cs_event *ev, int side, const char *const five[CS_ON_COURT])
{
	int k;

	ev->has_on_court[side] = true;
	for (k = 0; k < CS_ON_COURT; k++)
		cs_strlcpy(ev->on_court[side][k].id, five[k], sizeof ev->on_court[side][k].id);
}

/* A field-goal attempt with a location; `player` NULL for a team-only entry. */
static struct cs_event
shot(const char *id, int period, int clock, int side, const char *player, bool made,
    bool three)
{
	struct cs_event ev = ev_new(id, period, clock,
	    three ? (made ? CS_EV_THREE_MADE : CS_EV_THREE_MISSED) :
	    (made ? CS_EV_TWO_MADE : CS_EV_TWO_MISSED), side);
	struct cs_stat *st = add_stat(&ev, CS_STAT_FIELD_GOAL, side, player);

	st->made = made;
	st->three = three;
	ev.has_location = true;
	ev.x = side == CS_HOME ? 1000 : 120;
	ev.y = 300;
	return ev;
}

static struct cs_event
free_throw(const char *id, int period, int clock, int side, const char *player, bool made)
{
	struct cs_event ev = ev_new(id, period, clock,
	    made ? CS_EV_FREE_THROW_MADE : CS_EV_FREE_THROW_MISSED, side);

	add_stat(&ev, CS_STAT_FREE_THROW, side, player)->made = made;
	return ev;
}

/* A personal foul by `player` of `side`. */
static struct cs_event
foul(const char *id, int period, int clock, int side, const char *player)
{
	struct cs_event ev = ev_new(id, period, clock, CS_EV_PERSONAL_FOUL, side);

	add_stat(&ev, CS_STAT_PERSONAL_FOUL, side, player);
	add_stat(&ev, CS_STAT_FOUL_DRAWN, !side, NULL);
	return ev;
}

static struct cs_event
rebound(const char *id, int period, int clock, int side, const char *player, bool offensive)
{
	struct cs_event ev = ev_new(id, period, clock, CS_EV_REBOUND, side);

	add_stat(&ev, CS_STAT_REBOUND, side, player)->offensive = offensive;
	return ev;
}

static struct cs_event
substitution(const char *id, int period, int clock, int side,
    const char *const five[CS_ON_COURT])
{
	struct cs_event ev = ev_new(id, period, clock, CS_EV_SUBSTITUTION, side);

	set_court(&ev, side, five);
	return ev;
}

/* The first event of a period, with both fives. */
static struct cs_event
period_start(const char *id, int period, int clock, const char *const home[CS_ON_COURT],
    const char *const away[CS_ON_COURT])
{
	struct cs_event ev = ev_new(id, period, clock, CS_EV_PERIOD_START, CS_SIDE_NONE);

	set_court(&ev, CS_HOME, home);
	set_court(&ev, CS_AWAY, away);
	return ev;
}

static void
put(struct game *g, struct cs_event ev)
{
	int rc = game_upsert(g, &ev);

	if (rc != 1)
		printf("# upsert of %s returned %d\n", ev.id, rc);
}

/* --- reading games ------------------------------------------------------- */

static const struct box_player *
player(struct game *g, int side, const char *id)
{
	const struct box_team *t = game_team(g, side);
	int i = game_player_index(g, side, id);
	static struct box_player none;

	if (i < 0) {
		printf("# no player %s\n", id);
		memset(&none.line, 0x7f, sizeof none.line);
		return &none;
	}
	return &t->players[i];
}

static const struct statline *
line(struct game *g, int side, const char *id)
{
	return &player(g, side, id)->line;
}

static bool
same_export(struct game *a, struct game *b, const char *what)
{
	char *x = test_export_string(a), *y = test_export_string(b);
	bool same = strcmp(x, y) == 0;

	if (!same)
		printf("# %s differ:\n# %s\n# %s\n", what, x, y);
	free(x);
	free(y);
	return same;
}

/* --- a whole game, for the order, correction and replay tests ------------ */

#define GAME_EVENTS 160

static const char *const HOME_BENCH5[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h8" };
static const char *const AWAY_BENCH5[CS_ON_COURT] = { "a1", "a2", "a3", "a4", "a6" };

static size_t
whole_game(struct cs_event *evs)
{
	size_t n = 0;
	char id[32];
	int q;
	struct cs_event *ev;

#define ID(s) (snprintf(id, sizeof id, "q%d-%s", q, s), id)
	next_sequence = 0;
	regulation = 4;
	for (q = 1; q <= 4; q++) {
		evs[n++] = period_start(ID("start"), q, CLOCK(12, 0), HOME5, AWAY5);
		evs[n] = shot(ID("two"), q, CLOCK(11, 40), CS_HOME, "h1", true, false);
		add_stat(&evs[n++], CS_STAT_ASSIST, CS_HOME, "h2");
		evs[n++] = shot(ID("three-miss"), q, CLOCK(11, 20), CS_AWAY, "a1", false, true);
		evs[n++] = rebound(ID("dreb"), q, CLOCK(11, 18), CS_HOME, "h3", false);
		evs[n] = foul(ID("foul"), q, CLOCK(10, 50), CS_AWAY, "a2");
		evs[n++].type = CS_EV_SHOOTING_FOUL;
		evs[n++] = substitution(ID("sub-h"), q, CLOCK(10, 50), CS_HOME, HOME_BENCH5);
		evs[n++] = free_throw(ID("ft1"), q, CLOCK(10, 50), CS_HOME, "h1", true);
		evs[n++] = free_throw(ID("ft2"), q, CLOCK(10, 50), CS_HOME, "h1", q != 2);
		/* like Sportradar: a foul and what follows it share a sequence;
		 * the number (and then the id) orders them */
		evs[n - 3].sequence = evs[n - 2].sequence = evs[n - 1].sequence =
		    evs[n - 4].sequence;
		evs[n - 2].number = 1;
		evs[n - 1].number = 2;
		ev = &evs[n++];
		*ev = ev_new(ID("tov"), q, CLOCK(10, 0), CS_EV_TURNOVER, CS_AWAY);
		add_stat(ev, CS_STAT_TURNOVER, CS_AWAY, "a3");
		add_stat(ev, CS_STAT_STEAL, CS_HOME, "h4");
		evs[n] = shot(ID("three"), q, CLOCK(8, 20), CS_AWAY, "a4", true, true);
		add_stat(&evs[n++], CS_STAT_ASSIST, CS_AWAY, "a5");
		evs[n] = shot(ID("blocked"), q, CLOCK(7, 0), CS_AWAY, "a1", false, false);
		add_stat(&evs[n], CS_STAT_BLOCK, CS_HOME, "h8");
		add_stat(&evs[n++], CS_STAT_ATTEMPT_BLOCKED, CS_AWAY, "a1");
		evs[n++] = rebound(ID("team-reb"), q, CLOCK(6, 58), CS_AWAY, NULL, true);
		evs[n++] = substitution(ID("sub-a"), q, CLOCK(5, 0), CS_AWAY, AWAY_BENCH5);
		evs[n++] = shot(ID("two-bench"), q, CLOCK(3, 20), CS_HOME, "h8", true, false);
		evs[n] = ev_new(ID("timeout"), q, CLOCK(2, 30), CS_EV_TIMEOUT, CS_HOME);
		n++;
		evs[n++] = foul(ID("foul2"), q, CLOCK(1, 40), CS_HOME, "h1");
		evs[n++] = free_throw(ID("ft3"), q, CLOCK(1, 40), CS_AWAY, "a1", true);
		evs[n++] = free_throw(ID("ft4"), q, CLOCK(1, 40), CS_AWAY, "a1", false);
		evs[n++] = rebound(ID("oreb"), q, CLOCK(1, 38), CS_AWAY, "a2", true);
		evs[n++] = shot(ID("putback"), q, CLOCK(1, 35), CS_AWAY, "a2", q % 2 == 1, false);
		evs[n++] = ev_new(ID("end"), q, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE);
	}
#undef ID
	return n;
}

static struct game *
play_whole_game(const struct cs_event *evs, size_t n, bool derive_each)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	size_t i;

	for (i = 0; i < n; i++) {
		game_upsert(g, &evs[i]);
		if (derive_each)
			(void)game_team(g, CS_HOME);
	}
	return g;
}

/* --- the tests ----------------------------------------------------------- */

static void
test_points_from_statistics(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;

	put(g, shot("e1", 1, CLOCK(11, 0), CS_HOME, "h1", true, false));  /* points absent */
	put(g, shot("e2", 1, CLOCK(10, 0), CS_HOME, "h1", true, true));
	ev = shot("e3", 1, CLOCK(9, 0), CS_HOME, "h2", true, false);
	ev.stats[0].points = 2;
	put(g, ev);
	put(g, free_throw("e4", 1, CLOCK(8, 0), CS_AWAY, "a1", true));
	ev = free_throw("e5", 1, CLOCK(8, 0), CS_AWAY, "a1", true);
	ev.stats[0].points = 1;
	put(g, ev);
	put(g, free_throw("e6", 1, CLOCK(8, 0), CS_AWAY, "a1", false));
	ev = shot("e8", 1, CLOCK(6, 0), CS_AWAY, "a2", true, false);
	ev.stats[0].points = 3;   /* the statistic's points win over the kind of shot */
	put(g, ev);
	ev = free_throw("e9", 1, CLOCK(5, 0), CS_AWAY, "a3", true);
	ev.stats[0].points = 2;
	put(g, ev);
	/* a made-shot event type without a statistic scores nothing */
	put(g, ev_new("e7", 1, CLOCK(7, 0), CS_EV_THREE_MADE, CS_AWAY));

	is_int(line(g, CS_HOME, "h1")->pts, 5, "made two (points absent) + made three = 5");
	is_int(line(g, CS_HOME, "h2")->pts, 2, "made field goal with points 2");
	is_int(game_team(g, CS_HOME)->points, 7, "home points from statistics");
	is_int(line(g, CS_AWAY, "a1")->pts, 2, "made free throws count 1 each");
	is_int(line(g, CS_AWAY, "a2")->pts, 3, "field goal: given points count");
	is_int(line(g, CS_AWAY, "a3")->pts, 2, "free throw: given points count");
	is_int(game_team(g, CS_AWAY)->points, 2 + 3 + 2, "an event type alone scores nothing");
	is_int(game_team(g, CS_HOME)->period_points[0], 7, "line score Q1");
	game_free(&g);
}

static void
test_shooting_columns(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	const struct statline *l;

	put(g, shot("e1", 1, CLOCK(11, 0), CS_HOME, "h1", true, false));
	put(g, shot("e2", 1, CLOCK(10, 0), CS_HOME, "h1", false, false));
	put(g, shot("e3", 1, CLOCK(9, 0), CS_HOME, "h1", true, true));
	put(g, shot("e4", 1, CLOCK(8, 0), CS_HOME, "h1", false, true));
	put(g, free_throw("e5", 1, CLOCK(7, 0), CS_HOME, "h1", true));
	put(g, free_throw("e6", 1, CLOCK(7, 0), CS_HOME, "h1", false));
	l = line(g, CS_HOME, "h1");
	is_int(l->fgm, 2, "FGM");
	is_int(l->fga, 4, "FGA");
	is_int(l->tpm, 1, "3PM: three_point_shot absent is a two");
	is_int(l->tpa, 2, "3PA: only attempts marked three");
	is_int(l->ftm, 1, "FTM");
	is_int(l->fta, 2, "FTA");
	is_int(l->pts, 6, "PTS = 2 + 3 + 1");
	game_free(&g);
}

static void
test_counting_columns(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;
	const struct statline *l;

	put(g, rebound("r1", 1, CLOCK(11, 0), CS_HOME, "h1", true));
	put(g, rebound("r2", 1, CLOCK(10, 0), CS_HOME, "h1", false));
	put(g, rebound("r3", 1, CLOCK(9, 0), CS_HOME, "h1", false));
	ev = shot("s1", 1, CLOCK(8, 0), CS_HOME, "h2", true, false);
	add_stat(&ev, CS_STAT_ASSIST, CS_HOME, "h1");
	put(g, ev);
	ev = ev_new("t1", 1, CLOCK(7, 0), CS_EV_TURNOVER, CS_AWAY);
	add_stat(&ev, CS_STAT_TURNOVER, CS_AWAY, "a1");
	add_stat(&ev, CS_STAT_STEAL, CS_HOME, "h1");
	put(g, ev);
	ev = shot("s2", 1, CLOCK(6, 0), CS_AWAY, "a1", false, false);
	add_stat(&ev, CS_STAT_BLOCK, CS_HOME, "h1");
	add_stat(&ev, CS_STAT_ATTEMPT_BLOCKED, CS_AWAY, "a1");
	put(g, ev);
	ev = ev_new("t2", 1, CLOCK(5, 0), CS_EV_TURNOVER, CS_HOME);
	add_stat(&ev, CS_STAT_TURNOVER, CS_HOME, "h1");
	put(g, ev);
	put(g, foul("f1", 1, CLOCK(4, 0), CS_HOME, "h1"));
	ev = ev_new("f2", 1, CLOCK(3, 0), CS_EV_TECHNICAL_FOUL, CS_HOME);
	add_stat(&ev, CS_STAT_TECHNICAL_FOUL, CS_HOME, "h1");
	put(g, ev);
	ev = ev_new("f3", 1, CLOCK(2, 0), CS_EV_FLAGRANT_FOUL, CS_HOME);
	add_stat(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "h1");
	add_stat(&ev, CS_STAT_FLAGRANT_FOUL, CS_HOME, "h1");
	put(g, ev);

	l = line(g, CS_HOME, "h1");
	is_int(l->oreb, 1, "OREB");
	is_int(l->dreb, 2, "DREB");
	is_int(l->reb, 3, "REB");
	is_int(l->ast, 1, "AST");
	is_int(l->stl, 1, "STL");
	is_int(l->blk, 1, "BLK");
	is_int(l->tov, 1, "TOV");
	is_int(l->pf, 2, "PF: personal + flagrant, not the technical");
	is_int(l->tf, 1, "T: the technical");
	is_int(l->flagrant2, 0, "a flagrant foul of no known grade ejects no one");
	is_int(game_team(g, CS_HOME)->totals.tf, 1, "the team's T");
	ev = ev_new("f4", 1, CLOCK(1, 0), CS_EV_FLAGRANT_FOUL, CS_HOME);
	cs_strlcpy(ev.provider_type, "flagranttwo", sizeof ev.provider_type);
	add_stat(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "h2");
	add_stat(&ev, CS_STAT_FLAGRANT_FOUL, CS_HOME, "h2");
	put(g, ev);
	is_int(line(g, CS_HOME, "h2")->flagrant2, 1, "a flagrant 2, once for its two statistics");
	ev = ev_new("f5", 1, CLOCK(0, 30), CS_EV_FLAGRANT_FOUL, CS_HOME);
	cs_strlcpy(ev.provider_type, "flagranttwo", sizeof ev.provider_type);
	add_stat(&ev, CS_STAT_FLAGRANT_FOUL, CS_HOME, "h3");
	put(g, ev);
	is_int(line(g, CS_HOME, "h3")->flagrant2, 1, "a flagrant 2 with only the marker");
	is_int(line(g, CS_HOME, "h3")->pf, 0, "the marker alone is no PF");
	is_int(line(g, CS_AWAY, "a1")->tov, 1, "turnover of the other side");
	is_int(line(g, CS_AWAY, "a1")->fga, 1, "blocked shot is an attempt");
	is_int(line(g, CS_AWAY, "a1")->blk, 0, "attemptblocked is not a block");
	game_free(&g);
}

static void
test_team_statistics(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;
	const struct box_team *t;
	struct statline sum;
	int i;

	put(g, shot("s1", 1, CLOCK(11, 0), CS_HOME, "h1", false, false));
	put(g, rebound("r1", 1, CLOCK(10, 58), CS_HOME, NULL, true));   /* team rebound */
	put(g, rebound("r2", 1, CLOCK(10, 0), CS_HOME, "h2", false));
	ev = ev_new("t1", 1, CLOCK(9, 0), CS_EV_TURNOVER, CS_HOME);
	add_stat(&ev, CS_STAT_TURNOVER, CS_HOME, NULL);                   /* team turnover */
	put(g, ev);
	ev = ev_new("t2", 1, CLOCK(8, 0), CS_EV_TURNOVER, CS_HOME);
	add_stat(&ev, CS_STAT_TURNOVER, CS_HOME, "h3");
	put(g, ev);
	put(g, shot("s2", 1, CLOCK(7, 0), CS_HOME, NULL, true, false)); /* team-only shot */

	t = game_team(g, CS_HOME);
	is_int(t->team_rebounds, 1, "team rebounds apart");
	is_int(t->team_turnovers, 1, "team turnovers apart");
	is_int(t->totals.reb, 2, "team total rebounds include the team rebound");
	is_int(t->totals.oreb, 1, "team total offensive rebounds");
	is_int(t->totals.tov, 2, "team total turnovers include the team turnover");
	is_int(t->totals.fga, 2, "team total attempts include the team-only shot");
	is_int(t->totals.pts, 2, "team total points include the team-only shot");
	is_int(t->points, 2, "team-only shot scores");
	memset(&sum, 0, sizeof sum);
	for (i = 0; i < t->nplayers; i++) {
		sum.reb += t->players[i].line.reb;
		sum.tov += t->players[i].line.tov;
		sum.fga += t->players[i].line.fga;
		sum.pts += t->players[i].line.pts;
	}
	is_int(sum.reb + t->team_rebounds, t->totals.reb, "totals = players + team rebounds");
	is_int(sum.tov + t->team_turnovers, t->totals.tov, "totals = players + team turnovers");
	is_int(sum.fga, 1, "players' attempts exclude the team-only shot");
	is_int(sum.pts, 0, "players' points exclude the team-only shot");
	game_free(&g);
}

static void
test_heave(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;
	const struct shot *sh;

	ev = shot("h-miss", 1, CLOCK(0, 1), CS_HOME, "h1", false, true);
	ev.type = CS_EV_HEAVE;
	put(g, ev);
	is_int(line(g, CS_HOME, "h1")->fga, 0, "missed heave: not the shooter's FGA");
	is_int(line(g, CS_HOME, "h1")->tpa, 0, "missed heave: not the shooter's 3PA");
	is_int(game_team(g, CS_HOME)->totals.fga, 1, "missed heave: team FGA");
	is_int(game_team(g, CS_HOME)->totals.tpa, 1, "missed heave: team 3PA");
	sh = game_shot(g, 0);
	ok(sh != NULL && sh->player == -1, "missed heave on the chart as a team shot");

	ev = shot("h-made", 2, CLOCK(0, 1), CS_HOME, "h1", true, true);
	ev.type = CS_EV_HEAVE;
	put(g, ev);
	is_int(line(g, CS_HOME, "h1")->fga, 1, "made heave counts for the shooter");
	is_int(line(g, CS_HOME, "h1")->pts, 3, "made heave scores for the shooter");
	is_int(game_team(g, CS_HOME)->totals.fga, 2, "team FGA after both heaves");

	/* an ordinary missed three is the shooter's */
	put(g, shot("miss", 2, CLOCK(0, 0), CS_HOME, "h2", false, true));
	is_int(line(g, CS_HOME, "h2")->fga, 1, "ordinary miss is the shooter's");
	game_free(&g);
}

static void
test_enrichment(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event first, second, third;
	uint64_t gen;

	first = shot("play-7", 1, CLOCK(9, 0), CS_HOME, NULL, true, false);
	is_int(game_upsert(g, &first), 1, "team-only first version stored");
	is_int(game_team(g, CS_HOME)->points, 2, "first version scores for the team");

	second = first;
	cs_strlcpy(second.stats[0].player.id, "h1", sizeof second.stats[0].player.id);
	is_int(game_upsert(g, &second), 1, "re-send with the shooter replaces");

	third = second;
	add_stat(&third, CS_STAT_ASSIST, CS_HOME, "h2");
	is_int(game_upsert(g, &third), 1, "re-send with the assist replaces");

	is_int(game_event_count(g), 1, "one stored event");
	is_int(line(g, CS_HOME, "h1")->pts, 2, "shooter credited once");
	is_int(line(g, CS_HOME, "h1")->fgm, 1, "shooter FGM once");
	is_int(line(g, CS_HOME, "h1")->fga, 1, "shooter FGA once");
	is_int(line(g, CS_HOME, "h2")->ast, 1, "assister credited once");
	is_int(game_team(g, CS_HOME)->points, 2, "team points once");
	is_int(game_team(g, CS_HOME)->totals.fga, 1, "team FGA once");
	is_int(game_play_count(g), 1, "one play");

	gen = game_generation(g);
	is_int(game_upsert(g, &third), 0, "identical re-send returns 0");
	ok(game_generation(g) == gen, "identical re-send keeps the generation");
	is_int(line(g, CS_HOME, "h2")->ast, 1, "identical re-send counts nothing");
	game_free(&g);
}

static void
test_identical_after_normalising(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event a, b;
	uint64_t gen;

	a = shot("e1", 1, CLOCK(9, 0), CS_HOME, "h1", true, false);
	put(g, a);
	gen = game_generation(g);
	/* garbage after terminators and in unused slots is not a change */
	b = a;
	memset(b.description, 'x', sizeof b.description);
	b.description[0] = '\0';
	memset(&b.stats[3], 0x55, sizeof b.stats[3]);
	memset(b.on_court, 0x41, sizeof b.on_court);
	is_int(game_upsert(g, &b), 0, "same event with stale bytes returns 0");
	ok(game_generation(g) == gen, "generation unchanged");
	b.clock = CLOCK(8, 59);
	is_int(game_upsert(g, &b), 1, "a changed clock is a change");
	game_free(&g);
}

/* The model keeps on-court lists only as roster indexes: a new version
 * that changes nothing but the list is still a change. */
static void
test_on_court_only_change(void)
{
	static const char *const five[] = { "h1", "h2", "h3", "h4", "h5" };
	static const char *const other[] = { "h1", "h2", "h3", "h4", "h6" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event a, b;
	uint64_t gen;

	a = shot("e1", 1, CLOCK(11, 40), CS_HOME, "h1", true, false);
	set_court(&a, CS_HOME, five);
	put(g, a);
	ok(player(g, CS_HOME, "h5")->on_court && !player(g, CS_HOME, "h6")->on_court,
	    "the first list puts h5 on court");
	gen = game_generation(g);
	b = a;
	is_int(game_upsert(g, &b), 0, "the same list again is a re-send");
	ok(game_generation(g) == gen, "and keeps the generation");
	set_court(&b, CS_HOME, other);
	is_int(game_upsert(g, &b), 1, "a list with h6 for h5 is a change");
	ok(!player(g, CS_HOME, "h5")->on_court && player(g, CS_HOME, "h6")->on_court,
	    "h6 is on court now, h5 is not");
	game_free(&g);
}

static void
test_delete(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	uint64_t gen;

	put(g, shot("e1", 1, CLOCK(11, 0), CS_HOME, "h1", true, false));
	put(g, shot("e2", 1, CLOCK(10, 0), CS_HOME, "h1", true, true));
	is_int(line(g, CS_HOME, "h1")->pts, 5, "before delete");
	is_int(game_delete(g, "e1"), 1, "delete removes");
	is_int(line(g, CS_HOME, "h1")->pts, 3, "deleted play no longer counts");
	is_int(game_event_count(g), 1, "one event left");
	gen = game_generation(g);
	is_int(game_delete(g, "e1"), 0, "repeated delete returns 0");
	is_int(game_delete(g, "nope"), 0, "unknown delete returns 0");
	ok(game_generation(g) == gen, "no-op deletes keep the generation");
	is_int(game_play_count(g), 1, "one play left");
	/* re-entered under the same id after a delete */
	put(g, shot("e1", 1, CLOCK(11, 0), CS_HOME, "h2", true, false));
	is_int(line(g, CS_HOME, "h2")->pts, 2, "re-entered play counts");
	is_int(line(g, CS_HOME, "h1")->pts, 3, "old version stays gone");
	game_free(&g);
}

static void
test_refused(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;
	uint64_t gen;

	put(g, shot("ok", 1, CLOCK(11, 0), CS_HOME, "h1", true, false));
	gen = game_generation(g);
	ev = shot("", 1, CLOCK(10, 0), CS_HOME, "h1", true, false);
	is_int(game_upsert(g, &ev), -1, "empty id refused");
	ev = shot("p0", 0, CLOCK(10, 0), CS_HOME, "h1", true, false);
	is_int(game_upsert(g, &ev), -1, "period sequence 0 refused");
	ev = shot("p13", CS_PERIODS_MAX + 1, CLOCK(10, 0), CS_HOME, "h1", true, false);
	is_int(game_upsert(g, &ev), -1, "period sequence past CS_PERIODS_MAX refused");
	ev = shot("newguy", 0, CLOCK(10, 0), CS_HOME, "zz9", true, false);
	is_int(game_upsert(g, &ev), -1, "refused event with a new player");
	is_int(game_player_index(g, CS_HOME, "zz9"), -1, "refused event teaches no player");
	ev = shot("p12", CS_PERIODS_MAX, CLOCK(10, 0), CS_HOME, "h1", true, false);
	is_int(game_upsert(g, &ev), 1, "period CS_PERIODS_MAX accepted");
	is_int(game_event_count(g), 2, "refused events not stored");
	ok(game_generation(g) == gen + 1, "refusals keep the generation");
	game_free(&g);
}

static void
test_event_order(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev[5];
	static const char *const want[5] = { "a2", "b", "a", "y", "z" };
	int i;

	ev[0] = ev_new("z", 2, CLOCK(11, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	ev[0].sequence = 1;              /* a later period sorts later, whatever its sequence */
	ev[1] = ev_new("y", 1, CLOCK(5, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	ev[1].sequence = 50;
	ev[2] = ev_new("a", 1, CLOCK(6, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	ev[2].sequence = 10;
	ev[2].number = 2;
	ev[3] = ev_new("b", 1, CLOCK(6, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	ev[3].sequence = 10;
	ev[3].number = 1;                /* number breaks a tie on sequence */
	ev[4] = ev_new("a2", 1, CLOCK(6, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	ev[4].sequence = 10;
	ev[4].number = 1;                /* and the id a tie on both */
	for (i = 0; i < 5; i++)
		game_upsert(g, &ev[i]);
	for (i = 0; i < 5; i++)
		is_str(game_play(g, (size_t)i)->ev->id, want[i], "order position %d", i);
	is_int(game_delete(g, "b"), 1, "delete from a tie");
	is_str(game_play(g, 1)->ev->id, "a", "order after the delete");
	is_int(game_delete(g, "a2"), 1, "delete the other tied event");
	is_int(game_event_count(g), 3, "three left");
	game_free(&g);
}

/* Random upserts and deletes against a plain reference: the id table and
 * the order stay right through growth, ties and backward-shift deletes. */
static void
test_store_stress(void)
{
	enum { IDS = 700, OPS = 6000 };
	static struct { bool present; int period, seq, number; } ref[IDS];
	struct game *g = game_new();
	struct cs_event ev;
	unsigned seed = 99;
	int op, id, want, got, bad_rc = 0, bad_count = 0, n = 0, i, j, bad_order = 0;
	char name[16];
	size_t k;

	for (op = 0; op < OPS; op++) {
		seed = seed * 1103515245u + 12345u;
		id = (int)((seed >> 8) % IDS);
		snprintf(name, sizeof name, "ev%d", id);
		seed = seed * 1103515245u + 12345u;
		if ((seed >> 8) % 10 < 3) {
			want = ref[id].present;
			got = game_delete(g, name);
			n -= ref[id].present;
			ref[id].present = false;
		} else {
			int per = 1 + (int)((seed >> 8) % 4), sq = (int)((seed >> 12) % 40),
			    num = (int)((seed >> 20) % 3);

			ev = ev_new(name, per, CS_NO_CLOCK, CS_EV_STOPPAGE, CS_SIDE_NONE);
			ev.sequence = sq;
			ev.number = num;
			want = !(ref[id].present && ref[id].period == per &&
			    ref[id].seq == sq && ref[id].number == num);
			got = game_upsert(g, &ev);
			n += !ref[id].present;
			ref[id].present = true;
			ref[id].period = per;
			ref[id].seq = sq;
			ref[id].number = num;
		}
		bad_rc += got != want;
		bad_count += game_event_count(g) != (size_t)n;
		if (op % 500 == 499 || op == OPS - 1) {
			/* every stored event in (period, sequence, number, id) order */
			for (k = 1; k < game_play_count(g); k++) {
				const struct cs_event *a = game_play(g, k - 1)->ev;
				const struct cs_event *b = game_play(g, k)->ev;

				bad_order += a->period.sequence > b->period.sequence ||
				    (a->period.sequence == b->period.sequence &&
				    (a->sequence > b->sequence || (a->sequence == b->sequence &&
				    (a->number > b->number || (a->number == b->number &&
				    strcmp(a->id, b->id) >= 0)))));
			}
			bad_order += game_play_count(g) != (size_t)n;
		}
	}
	is_int(bad_rc, 0, "stress: every upsert/delete returned the right value");
	is_int(bad_count, 0, "stress: event count always right");
	is_int(bad_order, 0, "stress: plays always in order");
	/* every present id is found (an identical re-send), every absent one not */
	for (i = 0, j = 0; i < IDS; i++) {
		snprintf(name, sizeof name, "ev%d", i);
		if (ref[i].present) {
			ev = ev_new(name, ref[i].period, CS_NO_CLOCK, CS_EV_STOPPAGE,
			    CS_SIDE_NONE);
			ev.sequence = ref[i].seq;
			ev.number = ref[i].number;
			j += game_upsert(g, &ev) != 0;
		} else {
			j += game_delete(g, name) != 0;
		}
	}
	is_int(j, 0, "stress: the id table finds exactly the stored events");
	game_free(&g);
}

static void
test_out_of_order(void)
{
	static struct cs_event evs[GAME_EVENTS];
	size_t n = whole_game(evs), i, j;
	struct game *in_order = play_whole_game(evs, n, false);
	struct game *reversed = new_game(CS_FORMAT_QUARTERS);
	struct game *shuffled = new_game(CS_FORMAT_QUARTERS);
	size_t perm[GAME_EVENTS];
	unsigned seed = 12345;

	for (i = n; i-- > 0;)
		game_upsert(reversed, &evs[i]);
	for (i = 0; i < n; i++)
		perm[i] = i;
	for (i = n - 1; i > 0; i--) {
		size_t t;

		seed = seed * 1103515245u + 12345u;
		j = (seed >> 8) % (i + 1);
		t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	for (i = 0; i < n; i++) {
		game_upsert(shuffled, &evs[perm[i]]);
		(void)game_team(shuffled, CS_AWAY);   /* derive in between, too */
	}
	ok(same_export(in_order, reversed, "in order / reversed"),
	    "reversed arrival gives the in-order box score");
	ok(same_export(in_order, shuffled, "in order / shuffled"),
	    "shuffled arrival gives the in-order box score");
	is_int(game_unit_count(reversed), game_unit_count(in_order), "same units");
	is_int(game_play_count(shuffled), n, "a play per event");
	ok(strcmp(game_play(shuffled, 0)->ev->id, "q1-start") == 0 &&
	    strcmp(game_play(shuffled, n - 1)->ev->id, "q4-end") == 0,
	    "plays in game order");
	is_int(game_team(in_order, CS_HOME)->points, 4 * 2 + 4 + 3 + 4 * 2,
	    "whole game: home points");
	is_int(game_team(in_order, CS_AWAY)->points, 4 * 3 + 4 + 2 * 2,
	    "whole game: away points");
	game_free(&in_order);
	game_free(&reversed);
	game_free(&shuffled);
}

static void
test_incremental_equals_full(void)
{
	static struct cs_event evs[GAME_EVENTS];
	size_t n = whole_game(evs);
	struct game *each = play_whole_game(evs, n, true);
	struct game *once = play_whole_game(evs, n, false);
	struct cs_event late;

	ok(same_export(each, once, "incremental / full"),
	    "deriving after every append = deriving once");
	/* force the full path on one: re-sending an early event changed then back */
	late = evs[1];
	late.clock--;
	game_upsert(each, &late);
	(void)game_team(each, CS_HOME);
	game_upsert(each, &evs[1]);
	ok(same_export(each, once, "re-derived / full"), "full re-derive = incremental");
	game_free(&each);
	game_free(&once);
}

static void
test_correction_after_q4(void)
{
	static struct cs_event evs[GAME_EVENTS], fixed[GAME_EVENTS];
	size_t n = whole_game(evs), i;
	struct game *g = play_whole_game(evs, n, true), *fresh;
	struct cs_event corr;
	int h1_pts, h2_pts, q1, h_pm[3], total;
	const struct box_team *t;

	t = game_team(g, CS_HOME);
	h1_pts = line(g, CS_HOME, "h1")->pts;
	h2_pts = line(g, CS_HOME, "h2")->pts;
	q1 = t->period_points[0];
	total = t->points;
	h_pm[0] = line(g, CS_HOME, "h3")->plus_minus;
	h_pm[1] = line(g, CS_AWAY, "a3")->plus_minus;
	h_pm[2] = line(g, CS_HOME, "h9")->plus_minus;

	/* Q1's first basket, by h1, was in fact a three by h2 */
	for (i = 0; i < n && strcmp(evs[i].id, "q1-two") != 0; i++)
		;
	corr = evs[i];
	corr.type = CS_EV_THREE_MADE;
	corr.stats[0].three = true;
	cs_strlcpy(corr.stats[0].player.id, "h2", sizeof corr.stats[0].player.id);
	corr.nstats = 1;   /* and unassisted */
	corr.corrected = true;
	is_int(game_upsert(g, &corr), 1, "correction stored");

	t = game_team(g, CS_HOME);
	is_int(line(g, CS_HOME, "h1")->pts, h1_pts - 2, "old shooter loses 2");
	is_int(line(g, CS_HOME, "h2")->pts, h2_pts + 3, "new shooter gains 3");
	is_int(line(g, CS_HOME, "h2")->ast, 3, "the assist is gone");
	is_int(t->period_points[0], q1 + 1, "Q1 line score moves");
	is_int(t->points, total + 1, "team points move");
	is_int(line(g, CS_HOME, "h3")->plus_minus, h_pm[0] + 1, "+/- on court moves");
	is_int(line(g, CS_AWAY, "a3")->plus_minus, h_pm[1] - 1, "opponent +/- moves");
	is_int(line(g, CS_HOME, "h9")->plus_minus, h_pm[2], "+/- off court stays");

	memcpy(fixed, evs, n * sizeof *evs);
	fixed[i] = corr;
	fresh = play_whole_game(fixed, n, false);
	ok(same_export(g, fresh, "corrected / fresh"),
	    "corrected game = a game that had it right from the start");
	game_free(&fresh);
	game_free(&g);
}

static void
test_replay_changes_nothing(void)
{
	static struct cs_event evs[GAME_EVENTS];
	size_t n = whole_game(evs), i;
	struct game *g = play_whole_game(evs, n, false);
	char *before = test_export_string(g), *after;
	uint64_t gen = game_generation(g);
	int changed = 0;

	for (i = 0; i < n; i++)
		changed += game_upsert(g, &evs[i]) != 0;
	is_int(changed, 0, "every replayed event returns 0");
	ok(game_generation(g) == gen, "generation unchanged by the replay");
	after = test_export_string(g);
	is_str(after, before, "export unchanged by the replay");
	free(before);
	free(after);
	game_free(&g);
}

static void
test_minutes(void)
{
	static const char *const h_sub[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h6" };
	static const char *const h_wrong[CS_ON_COURT] = { "h6", "h7", "h8", "h9", "h10" };
	static const char *const h_q2[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h7" };
	static const char *const h_twice[CS_ON_COURT] = { "h1", "h2", "h1", "h3", "h4" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	const struct box_team *t;
	struct cs_event ev;

	put(g, period_start("q1-0", 1, CLOCK(12, 0), HOME5, AWAY5));
	ev = shot("q1-1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false);
	set_court(&ev, CS_HOME, h_wrong);   /* not a substitution: ignored */
	put(g, ev);
	put(g, substitution("q1-2", 1, CLOCK(6, 0), CS_HOME, h_sub));
	put(g, shot("q1-3", 1, CLOCK(1, 0), CS_AWAY, "a1", false, false));
	put(g, ev_new("q1-4", 1, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE));

	is_int(line(g, CS_HOME, "h1")->seconds, 720, "full quarter");
	is_int(line(g, CS_HOME, "h5")->seconds, 360, "subbed out at 6:00");
	is_int(line(g, CS_HOME, "h6")->seconds, 360, "subbed in at 6:00");
	is_int(line(g, CS_HOME, "h7")->seconds, 0, "on a non-substitution list only");
	is_int(line(g, CS_AWAY, "a5")->seconds, 720, "away full quarter");
	is_int(game_team(g, CS_HOME)->totals.seconds, 5 * 720, "home team minutes = 5 x game time");
	is_int(game_team(g, CS_AWAY)->totals.seconds, 5 * 720, "away team minutes = 5 x game time");

	/* Q2: a substitution at 6:00.5 truncates seconds */
	put(g, period_start("q2-0", 2, CLOCK(12, 0), HOME5, AWAY5));
	put(g, substitution("q2-1", 2, CLOCK(6, 0) + 5, CS_HOME, h_q2));
	put(g, ev_new("q2-2", 2, CLOCK(0, 0), CS_EV_PERIOD_END, CS_SIDE_NONE));
	t = game_team(g, CS_HOME);
	is_int(line(g, CS_HOME, "h1")->seconds, 1440, "two full quarters");
	/* 719.5 s and 360.5 s: largest remainder, the tie to the first in
	 * roster order, so the team still sums to 5 x 1440 */
	is_int(line(g, CS_HOME, "h5")->seconds, 360 + 360, "719.5 s rounds up (tie, first)");
	is_int(line(g, CS_HOME, "h7")->seconds, 360, "360.5 s rounds down (tie, second)");
	is_int(game_team(g, CS_HOME)->totals.seconds, 5 * 1440, "home team minutes exact");
	is_int(t->stint_seconds, 360, "current home five together since 6:00.5");
	is_int(game_team(g, CS_AWAY)->stint_seconds, 1440, "same away five all game");
	is_int(game_team(g, CS_AWAY)->totals.seconds, 5 * 1440, "away team minutes");

	/* Q3: the first on-court list arrives with the second event; it is
	 * the five that started the period, so the time before it is theirs */
	put(g, ev_new("q3-a", 3, CLOCK(11, 30), CS_EV_STOPPAGE, CS_SIDE_NONE));
	put(g, shot("q3-0", 3, CLOCK(11, 0), CS_HOME, "h1", true, false));
	ev = shot("q3-1", 3, CLOCK(10, 0), CS_AWAY, "a1", false, false);
	set_court(&ev, CS_HOME, HOME5);
	set_court(&ev, CS_AWAY, AWAY5);
	put(g, ev);
	is_int(line(g, CS_HOME, "h5")->seconds, 360 + 360 + 90, "period time before the first list");
	is_int(line(g, CS_HOME, "h5")->plus_minus, 2 + 2, "+/- before the first list");
	game_free(&g);

	/* time counts from the first clock of a period, not from a full clock */
	g = new_game(CS_FORMAT_QUARTERS);
	put(g, period_start("e1", 1, CLOCK(11, 30), HOME5, AWAY5));
	put(g, ev_new("e2", 1, CS_NO_CLOCK, CS_EV_STOPPAGE, CS_SIDE_NONE));
	put(g, ev_new("e3", 1, CLOCK(11, 40), CS_EV_STOPPAGE, CS_SIDE_NONE));
	put(g, ev_new("e4", 1, CLOCK(10, 0), CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(line(g, CS_HOME, "h1")->seconds, 690, "from the first clock; unknown and "
	    "backward clocks credit nothing");
	game_free(&g);
	/* a player listed twice plays once; an incomplete five makes no unit */
	g = new_game(CS_FORMAT_QUARTERS);
	put(g, period_start("e1", 1, CLOCK(12, 0), h_twice, AWAY5));
	put(g, ev_new("e2", 1, CLOCK(0, 0), CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(line(g, CS_HOME, "h1")->seconds, 720, "listed twice, credited once");
	is_int(game_team(g, CS_HOME)->totals.seconds, 4 * 720, "four distinct players");
	is_int(game_unit_count(g), 1, "only the away five is a unit");
	is_int(game_team(g, CS_HOME)->on_court[0], -1, "the unknown place shows -1");
	game_free(&g);

	g = new_game(CS_FORMAT_QUARTERS);
	put(g, period_start("e1", 1, CS_NO_CLOCK, HOME5, AWAY5));
	is_int(game_clock(g), CLOCK(12, 0), "no clock in the period yet: full period");
	game_free(&g);

	/* a substitution's list is the five after it: the time before it is
	 * nobody's when it is the first list of the period */
	g = new_game(CS_FORMAT_QUARTERS);
	put(g, shot("e1", 1, CLOCK(11, 0), CS_HOME, "h1", true, false));
	put(g, substitution("e2", 1, CLOCK(10, 0), CS_HOME, HOME5));
	put(g, ev_new("e3", 1, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(line(g, CS_HOME, "h1")->seconds, 600, "first list on a substitution: from then on");
	is_int(line(g, CS_HOME, "h1")->plus_minus, 0, "first list on a substitution: no earlier +/-");
	game_free(&g);
}

/* Minutes add up (issue 17 item 8): substitutions at tenths of a second
 * leave players fractions, yet a team's seconds sum to 5 x the time played
 * and its units' seconds to the time played.  By hand, Q1 (720 s): h5 out
 * at 11:59.7, h6 out at 6:00.4, h7 out at 2:00.9 (h5 back): h5 0.3 +
 * 120.9 = 121.2 s, h6 359.3 s, h7 239.5 s; truncated they sum to 719. */
static void
test_minutes_add_up(void)
{
	static const char *const in6[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h6" };
	static const char *const in7[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h7" };
	static const char *const in5[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h5" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	const struct box_team *t;
	int i, sum = 0, units = 0;
	size_t u;

	put(g, period_start("m0", 1, CLOCK(12, 0), HOME5, AWAY5));
	put(g, substitution("m1", 1, CLOCK(11, 59) + 7, CS_HOME, in6));
	put(g, substitution("m2", 1, CLOCK(6, 0) + 4, CS_HOME, in7));
	put(g, substitution("m3", 1, CLOCK(2, 0) + 9, CS_HOME, in5));
	put(g, ev_new("m4", 1, CLOCK(0, 0), CS_EV_PERIOD_END, CS_SIDE_NONE));
	/* h5: 0.3 + 120.9 = 121.2; h6: 359.3; h7: 239.5 -> 121 + 359 + 240 */
	is_int(line(g, CS_HOME, "h5")->seconds, 121, "h5 121.2 s -> 121");
	is_int(line(g, CS_HOME, "h6")->seconds, 359, "h6 359.3 s -> 359");
	is_int(line(g, CS_HOME, "h7")->seconds, 240, "h7 239.5 s -> 240 (largest remainder)");
	t = game_team(g, CS_HOME);
	for (i = 0; i < t->nplayers; i++)
		sum += t->players[i].line.seconds;
	is_int(sum, 5 * 720, "players' seconds sum to 5 x 720");
	is_int(t->totals.seconds, 5 * 720, "team seconds = 5 x 720");
	for (u = 0; u < game_unit_count(g); u++)
		if (game_unit(g, u)->side == CS_HOME)
			units += game_unit(g, u)->seconds;
	is_int(units, 720, "home units' seconds sum to the period");
	game_free(&g);
}

static void
test_plus_minus_free_throws(void)
{
	static const char *const h_sub[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h6" };
	static const char *const a_sub[CS_ON_COURT] = { "a1", "a2", "a3", "a4", "a6" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;

	put(g, period_start("e0", 1, CLOCK(12, 0), HOME5, AWAY5));
	ev = foul("e1", 1, CLOCK(5, 0), CS_AWAY, "a1");
	ev.type = CS_EV_SHOOTING_FOUL;
	put(g, ev);
	put(g, substitution("e2", 1, CLOCK(5, 0), CS_HOME, h_sub));
	put(g, substitution("e3", 1, CLOCK(5, 0), CS_AWAY, a_sub));
	put(g, free_throw("e4", 1, CLOCK(5, 0), CS_HOME, "h1", true));
	put(g, free_throw("e5", 1, CLOCK(5, 0), CS_HOME, "h1", true));
	is_int(line(g, CS_HOME, "h5")->plus_minus, 2, "subbed-out player gets the FT points");
	is_int(line(g, CS_HOME, "h6")->plus_minus, 0, "the sub does not");
	is_int(line(g, CS_AWAY, "a5")->plus_minus, -2, "opponent at the foul gets -2");
	is_int(line(g, CS_AWAY, "a6")->plus_minus, 0, "opponent sub gets nothing");
	is_int(line(g, CS_HOME, "h1")->plus_minus, 2, "player on court throughout");

	/* a jump ball ends the foul's free throws: later ones use the fives now */
	put(g, ev_new("e6", 1, CLOCK(4, 50), CS_EV_JUMP_BALL, CS_SIDE_NONE));
	put(g, free_throw("e7", 1, CLOCK(4, 40), CS_HOME, "h1", true));
	is_int(line(g, CS_HOME, "h6")->plus_minus, 1, "after the jump ball: the five on court");
	is_int(line(g, CS_HOME, "h5")->plus_minus, 2, "after the jump ball: not the old five");

	/* a field goal counts for the five on court */
	put(g, shot("e8", 1, CLOCK(4, 0), CS_AWAY, "a6", true, true));
	is_int(line(g, CS_AWAY, "a6")->plus_minus, -1 + 3, "field goal +/- for the scorers");
	is_int(line(g, CS_HOME, "h6")->plus_minus, -2, "field goal +/- against");
	/* a technical foul's free throws use the fives at the technical */
	ev = ev_new("e9", 1, CLOCK(3, 0), CS_EV_TECHNICAL_FOUL, CS_HOME);
	add_stat(&ev, CS_STAT_TECHNICAL_FOUL, CS_HOME, "h6");
	put(g, ev);
	put(g, substitution("e10", 1, CLOCK(3, 0), CS_AWAY, AWAY5));
	put(g, free_throw("e11", 1, CLOCK(3, 0), CS_AWAY, "a1", true));
	is_int(line(g, CS_AWAY, "a6")->plus_minus, 2 + 1, "technical FT for the five at the technical");
	is_int(line(g, CS_AWAY, "a5")->plus_minus, -2, "not for the player who came in after");
	game_free(&g);
}


/* A dead-ball team rebound between two free throws, with substitutions. */
static void
test_free_throw_trip_dead_ball(void)
{
	static const char *const h_sub[CS_ON_COURT] = { "h1", "h2", "h3", "h6", "h7" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;

	put(g, period_start("e0", 1, CLOCK(12, 0), HOME5, AWAY5));
	ev = foul("e1", 1, CLOCK(6, 0), CS_AWAY, "a2");
	ev.type = CS_EV_SHOOTING_FOUL;
	put(g, ev);
	put(g, free_throw("e2", 1, CLOCK(6, 0), CS_HOME, "h4", false));
	/* "team offensive rebound" [deadball, team] */
	ev = ev_new("e3", 1, CLOCK(6, 0), CS_EV_REBOUND, CS_HOME);
	add_stat(&ev, CS_STAT_REBOUND, CS_HOME, NULL)->offensive = true;
	ev.qualifiers = CS_Q_DEADBALL | CS_Q_TEAM;
	put(g, ev);
	put(g, substitution("e4", 1, CLOCK(6, 0), CS_HOME, h_sub));
	put(g, substitution("e5", 1, CLOCK(6, 0), CS_AWAY,
	    (const char *const[]){ "a1", "a2", "a3", "a4", "a9" }));
	put(g, free_throw("e6", 1, CLOCK(6, 0), CS_HOME, "h4", true));
	is_int(line(g, CS_HOME, "h5")->plus_minus, 1, "dead-ball rebound: the FT point goes to the five at the foul");
	is_int(line(g, CS_HOME, "h4")->plus_minus, 1, "dead-ball rebound: the shooter, subbed out, too");
	is_int(line(g, CS_HOME, "h7")->plus_minus, 0, "dead-ball rebound: not the sub");
	is_int(line(g, CS_AWAY, "a5")->plus_minus, -1, "dead-ball rebound: opponent at the foul");
	is_int(line(g, CS_AWAY, "a9")->plus_minus, 0, "dead-ball rebound: not the opponent's sub");

	/* a player's live rebound ends the trip */
	put(g, foul("e7", 1, CLOCK(5, 0), CS_AWAY, "a2"));
	put(g, free_throw("e8", 1, CLOCK(5, 0), CS_HOME, "h1", false));
	put(g, rebound("e9", 1, CLOCK(4, 58), CS_HOME, "h2", true));
	put(g, substitution("e10", 1, CLOCK(4, 50), CS_HOME, HOME5));
	put(g, free_throw("e11", 1, CLOCK(4, 50), CS_HOME, "h1", true));
	is_int(line(g, CS_HOME, "h5")->plus_minus, 2, "live rebound ends the trip: the five now");
	is_int(line(g, CS_HOME, "h7")->plus_minus, 0, "live rebound ends the trip: not the old five");
	game_free(&g);
}

/* personal foul (two FTs to A) -> timeout -> substitution -> technical on
 * A's shooter -> the technical FT -> A's two FTs: the five at the first foul */
static void
test_free_throw_trip_technical_between(void)
{
	static const char *const h_sub[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h8" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;

	put(g, period_start("e0", 1, CLOCK(12, 0), HOME5, AWAY5));
	put(g, foul("e1", 1, CLOCK(7, 0), CS_AWAY, "a3"));          /* two FTs to home */
	put(g, ev_new("e2", 1, CLOCK(7, 0), CS_EV_TIMEOUT, CS_AWAY));
	put(g, substitution("e3", 1, CLOCK(7, 0), CS_HOME, h_sub));  /* h5 out, h8 in */
	ev = ev_new("e4", 1, CLOCK(7, 0), CS_EV_TECHNICAL_FOUL, CS_HOME);
	add_stat(&ev, CS_STAT_TECHNICAL_FOUL, CS_HOME, "h1");
	put(g, ev);
	put(g, free_throw("e5", 1, CLOCK(7, 0), CS_AWAY, "a1", true));
	put(g, free_throw("e6", 1, CLOCK(7, 0), CS_HOME, "h1", true));
	put(g, free_throw("e7", 1, CLOCK(7, 0), CS_HOME, "h1", true));
	is_int(line(g, CS_HOME, "h5")->plus_minus, 2,
	    "technical between: the two FTs go to the five at the first foul");
	is_int(line(g, CS_HOME, "h8")->plus_minus, -1,
	    "technical between: the sub gets only the technical FT against");
	is_int(line(g, CS_AWAY, "a1")->plus_minus, 1 - 2,
	    "technical between: opponent +/- for both trips");
	is_int(line(g, CS_HOME, "h1")->plus_minus, 2 - 1, "technical between: on court throughout");
	game_free(&g);
}

/* --- rule profiles ------------------------------------------------------- */

static struct game *
profile_game(const char *rules, enum cs_game_format format, int period_seconds)
{
	struct game *g = game_new();
	struct cs_game_info info;

	cs_game_info_init(&info, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(info.id, "game-p", sizeof info.id);
	info.format = format;
	info.period_seconds = period_seconds;
	if (rules != NULL)
		cs_strlcpy(info.rules, rules, sizeof info.rules);
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_HOME], "h", "Hawks", "HAW");
	fill_team(&info.team[CS_AWAY], "a", "Aces", "ACE");
	game_set_info(g, &info);
	regulation = format == CS_FORMAT_HALVES ? 2 : 4;
	return g;
}

static void
away_fouls(struct game *g, const char *tag, int period, int clock, int n)
{
	char id[32];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "%s-%d", tag, i);
		put(g, foul(id, period, clock - i, CS_AWAY, "a1"));
	}
}

static void
test_rule_profile_choice(void)
{
	static const char *const names[] = { "nba", "gleague", "ncaam", "ncaaw", "nfhs", "fiba" };
	struct game *g;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		ok(game_rules_profile(names[i]) != NULL &&
		    strcmp(game_rules_profile(names[i])->name, names[i]) == 0,
		    "profile %s exists", names[i]);
	ok(game_rules_profile("nhl") == NULL, "no profile for an unknown name");
	g = profile_game(NULL, CS_FORMAT_QUARTERS, 0);
	is_str(game_rules(g)->name, "nba", "quarters without a name: nba");
	game_free(&g);
	g = profile_game(NULL, CS_FORMAT_HALVES, 0);
	is_str(game_rules(g)->name, "ncaam", "halves: ncaam");
	game_free(&g);
	g = profile_game(NULL, CS_FORMAT_QUARTERS, 480);
	is_str(game_rules(g)->name, "nfhs", "8-minute quarters: nfhs");
	game_free(&g);
	g = game_new();
	{
		struct cs_game_info info;

		cs_game_info_init(&info, CS_PROVIDER_SHOTTRACKER);
		cs_strlcpy(info.game_type, "QUARTER", sizeof info.game_type);
		cs_strlcpy(info.gender, "FEMALE", sizeof info.gender);
		game_set_info(g, &info);
	}
	is_str(game_rules(g)->name, "ncaaw", "women's quarters: ncaaw");
	game_free(&g);
	g = profile_game("gleague", CS_FORMAT_QUARTERS, 0);
	is_str(game_rules(g)->name, "gleague", "the provider's name wins");
	ok(game_set_rules(g, "fiba") == 0, "--rules fiba accepted");
	is_str(game_rules(g)->name, "fiba", "--rules overrides the provider");
	is_int(game_rules(g)->period_seconds, 600, "fiba: 10-minute quarters");
	ok(game_set_rules(g, "nope") < 0 && strcmp(game_rules(g)->name, "fiba") == 0,
	    "an unknown --rules is refused and changes nothing");
	ok(game_set_rules(g, NULL) == 0 && strcmp(game_rules(g)->name, "gleague") == 0,
	    "no override: the provider's again");
	game_free(&g);
}

static void
test_rule_profile_fouls(void)
{
	struct game *g;
	const struct box_team *t;
	struct cs_event ev;

	/* NCAA men: one-and-one at 7, double bonus at 10, by half, OT continues */
	g = profile_game("ncaam", CS_FORMAT_HALVES, 0);
	is_int(game_rules(g)->foul_out, 5, "ncaam: five fouls out");
	is_int(game_rules(g)->period_seconds, 1200, "ncaam: 20-minute halves");
	away_fouls(g, "h1", 1, CLOCK(15, 0), 6);
	t = game_team(g, CS_HOME);
	ok(t->bonus == GAME_NO_BONUS && t->fouls_to_give == 6, "ncaam: 6 fouls, no bonus");
	is_int(game_team(g, CS_AWAY)->fouls_to_give, 0, "ncaam: no fouls to give at 6");
	away_fouls(g, "h1b", 1, CLOCK(10, 0), 1);
	is_int(game_team(g, CS_HOME)->bonus, GAME_BONUS, "ncaam: 7th foul: bonus (one-and-one)");
	away_fouls(g, "h1c", 1, CLOCK(9, 0), 3);
	is_int(game_team(g, CS_HOME)->bonus, GAME_DOUBLE_BONUS, "ncaam: 10th foul: double bonus");
	away_fouls(g, "h2", 2, CLOCK(19, 0), 2);
	ok(game_team(g, CS_HOME)->bonus == GAME_NO_BONUS &&
	    game_team(g, CS_AWAY)->fouls_to_give == 4, "ncaam: a new half resets; 4 to give");
	ev = ev_new("tech", 2, CLOCK(18, 0), CS_EV_TECHNICAL_FOUL, CS_AWAY);
	add_stat(&ev, CS_STAT_TECHNICAL_FOUL, CS_AWAY, "a2");
	put(g, ev);
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 3, "ncaam: a player's technical is a team foul");
	away_fouls(g, "h2b", 2, CLOCK(5, 0), 4);
	away_fouls(g, "ot", 3, CLOCK(4, 0), 3);
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 10, "ncaam: overtime continues the half");
	is_int(game_team(g, CS_HOME)->bonus, GAME_DOUBLE_BONUS, "ncaam: double bonus in overtime");
	game_free(&g);

	/* FIBA and NFHS: two shots from the 5th foul of a quarter; OT continues Q4 */
	g = profile_game("fiba", CS_FORMAT_QUARTERS, 0);
	is_int(game_rules(g)->foul_out, 5, "fiba: five fouls out");
	away_fouls(g, "q1", 1, CLOCK(9, 0), 4);
	is_int(game_team(g, CS_AWAY)->fouls_to_give, 0, "fiba: 4 fouls, none to give");
	ok(game_team(g, CS_HOME)->bonus == GAME_NO_BONUS, "fiba: 4 fouls, no bonus");
	away_fouls(g, "q1b", 1, CLOCK(1, 0), 1);
	is_int(game_team(g, CS_HOME)->bonus, GAME_BONUS, "fiba: 5th foul: bonus (no last-2:00 rule before)");
	away_fouls(g, "q4", 4, CLOCK(3, 0), 4);
	away_fouls(g, "q5", 5, CLOCK(4, 0), 1);
	is_int(game_team(g, CS_HOME)->bonus, GAME_BONUS, "fiba: overtime continues the 4th quarter");
	game_free(&g);

	g = profile_game("nfhs", CS_FORMAT_QUARTERS, 0);
	is_int(game_rules(g)->period_seconds, 480, "nfhs: 8-minute quarters");
	is_int(game_rules(g)->overtime_seconds, 240, "nfhs: 4-minute overtime");
	away_fouls(g, "q1", 1, CLOCK(6, 0), 5);
	is_int(game_team(g, CS_HOME)->bonus, GAME_BONUS, "nfhs: 5th foul of a quarter: bonus");
	away_fouls(g, "q2", 2, CLOCK(6, 0), 4);
	is_int(game_team(g, CS_HOME)->bonus, GAME_NO_BONUS, "nfhs: reset each quarter");
	ev = foul("off", 2, CLOCK(5, 0), CS_AWAY, "a3");
	ev.type = CS_EV_OFFENSIVE_FOUL;
	add_stat(&ev, CS_STAT_OFFENSIVE_FOUL, CS_AWAY, "a3");
	put(g, ev);
	is_int(game_team(g, CS_HOME)->bonus, GAME_BONUS, "nfhs: an offensive foul is a team foul");
	game_free(&g);

	/* the NBA: offensive fouls are not team fouls; fouls to give late */
	g = profile_game("nba", CS_FORMAT_QUARTERS, 0);
	is_int(game_rules(g)->foul_out, 6, "nba: six fouls out");
	away_fouls(g, "q1", 1, CLOCK(6, 0), 2);
	is_int(game_team(g, CS_AWAY)->fouls_to_give, 2, "nba: 2 fouls, 2 to give");
	put(g, ev_new("late", 1, CLOCK(1, 50), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_AWAY)->fouls_to_give, 1, "nba: last 2:00: one to give at most");
	away_fouls(g, "q1b", 1, CLOCK(1, 40), 1);
	is_int(game_team(g, CS_AWAY)->fouls_to_give, 0, "nba: last 2:00, one committed: none");
	game_free(&g);
}

static void
timeout_at(struct game *g, const char *id, int period, int clock, int side)
{
	put(g, ev_new(id, period, clock, CS_EV_TIMEOUT, side));
}

static void
test_rule_profile_timeouts(void)
{
	struct game *g;
	struct cs_game_info info;

	/* NBA: 7; at most 4 in Q4; at most 2 after its 3:00 mark; 2 per OT */
	g = profile_game("nba", CS_FORMAT_QUARTERS, 0);
	timeout_at(g, "t1", 1, CLOCK(5, 0), CS_HOME);
	timeout_at(g, "t2", 3, CLOCK(5, 0), CS_HOME);
	is_int(game_team(g, CS_HOME)->timeouts_left, 5, "nba: 7 less 2");
	put(g, ev_new("q4", 4, CLOCK(11, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 4, "nba: at most 4 in the fourth quarter");
	timeout_at(g, "t3", 4, CLOCK(8, 0), CS_HOME);
	is_int(game_team(g, CS_HOME)->timeouts_left, 3, "nba: Q4, one taken: 3");
	put(g, ev_new("mark", 4, CLOCK(2, 59), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 2, "nba: at most 2 after the 3:00 mark");
	timeout_at(g, "t4", 4, CLOCK(1, 0), CS_HOME);
	timeout_at(g, "t5", 4, CLOCK(0, 30), CS_HOME);
	is_int(game_team(g, CS_HOME)->timeouts_left, 0, "nba: both late timeouts used");
	is_int(game_team(g, CS_AWAY)->timeouts_left, 2, "nba: the other team late: 2");
	put(g, ev_new("ot1", 5, CLOCK(5, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 2, "nba: 2 in overtime, none carried");
	timeout_at(g, "t6", 5, CLOCK(1, 0), CS_HOME);
	is_int(game_team(g, CS_HOME)->timeouts_left, 1, "nba: overtime, one taken");
	put(g, ev_new("ot2", 6, CLOCK(5, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 2, "nba: a new overtime: 2 again");

	game_free(&g);

	/* a timeout event's own figure holds in its period, less what the
	 * late window takes once the clock passes 3:00 */
	g = profile_game("nba", CS_FORMAT_QUARTERS, 0);
	{
		struct cs_event te = ev_new("f1", 4, CLOCK(6, 0), CS_EV_TIMEOUT, CS_AWAY);

		te.timeouts_remaining = 3;
		put(g, te);
	}
	is_int(game_team(g, CS_AWAY)->timeouts_left, 3, "nba: the timeout event's figure");
	put(g, ev_new("f2", 4, CLOCK(2, 30), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_AWAY)->timeouts_left, 2,
	    "nba: the event's figure, capped after the 3:00 mark");

	/* the provider's figure in the game header wins */
	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "game-p", sizeof info.id);
	cs_strlcpy(info.rules, "nba", sizeof info.rules);
	info.has_timeouts_remaining[CS_HOME] = true;
	info.timeouts_remaining[CS_HOME] = 1;
	game_set_info(g, &info);
	is_int(game_team(g, CS_HOME)->timeouts_left, 1, "the provider's remaining_timeouts wins");
	is_int(game_team(g, CS_AWAY)->timeouts_left, 2, "only for the side it names");
	info.has_timeouts_remaining[CS_HOME] = false;
	game_set_info(g, &info);
	is_int(game_team(g, CS_HOME)->timeouts_left, 1, "a header without the figure keeps it");
	game_free(&g);

	/* FIBA: 2 in the first half (lost if unused), 3 in the second,
	 * at most 2 in the last 2:00 of Q4, 1 per overtime */
	g = profile_game("fiba", CS_FORMAT_QUARTERS, 0);
	is_int(game_team(g, CS_HOME)->timeouts_left, 2, "fiba: 2 in the first half");
	timeout_at(g, "t1", 2, CLOCK(5, 0), CS_HOME);
	is_int(game_team(g, CS_HOME)->timeouts_left, 1, "fiba: first half, one taken");
	put(g, ev_new("q3", 3, CLOCK(10, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 3, "fiba: 3 in the second half, none carried");
	put(g, ev_new("late", 4, CLOCK(1, 59), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 2, "fiba: at most 2 in the last 2:00");
	put(g, ev_new("ot", 5, CLOCK(5, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 1, "fiba: 1 per overtime");
	game_free(&g);

	/* NCAA men: 4, at most 3 into the second half, +1 per OT, carried */
	g = profile_game("ncaam", CS_FORMAT_HALVES, 0);
	is_int(game_team(g, CS_HOME)->timeouts_left, 4, "ncaam: 4");
	put(g, ev_new("h2", 2, CLOCK(20, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 3, "ncaam: at most 3 carried into the second half");
	timeout_at(g, "t1", 2, CLOCK(5, 0), CS_HOME);
	put(g, ev_new("ot", 3, CLOCK(5, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_HOME)->timeouts_left, 3, "ncaam: overtime adds 1 to what is left");
	game_free(&g);

	/* NFHS: 5, +1 per overtime, carried */
	g = profile_game("nfhs", CS_FORMAT_QUARTERS, 0);
	timeout_at(g, "t1", 1, CLOCK(5, 0), CS_AWAY);
	timeout_at(g, "t2", 4, CLOCK(1, 0), CS_AWAY);
	put(g, ev_new("ot", 5, CLOCK(4, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));
	is_int(game_team(g, CS_AWAY)->timeouts_left, 4, "nfhs: 5 less 2, plus 1 in overtime");
	game_free(&g);

	/* NCAA women: 4, +1 per overtime, carried */
	g = profile_game("ncaaw", CS_FORMAT_QUARTERS, 0);
	is_int(game_rules(g)->period_seconds, 600, "ncaaw: 10-minute quarters");
	timeout_at(g, "t1", 3, CLOCK(5, 0), CS_AWAY);
	is_int(game_team(g, CS_AWAY)->timeouts_left, 3, "ncaaw: 4 less 1");
	game_free(&g);
}

static void
test_overtime(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_period p;
	char *json;
	int q;
	char id[16];

	for (q = 1; q <= 4; q++) {
		snprintf(id, sizeof id, "q%d", q);
		put(g, shot(id, q, CLOCK(5, 0), CS_HOME, "h1", true, false));
	}
	put(g, period_start("ot1-0", 5, CLOCK(5, 0), HOME5, AWAY5));
	put(g, shot("ot1-1", 5, CLOCK(2, 0), CS_AWAY, "a1", true, true));
	put(g, ev_new("ot1-2", 5, CLOCK(0, 0), CS_EV_PERIOD_END, CS_SIDE_NONE));
	p = game_period(g);
	is_int(p.sequence, 5, "overtime sequence continues");
	is_int(p.number, 1, "overtime number restarts at 1");
	is_int(p.type, CS_PERIOD_OVERTIME, "period type overtime");
	is_int(game_team(g, CS_HOME)->nperiods, 5, "five periods in the line score");
	is_int(game_team(g, CS_AWAY)->period_points[4], 3, "overtime points at index 4");
	is_int(game_team(g, CS_AWAY)->period_points[3], 0, "Q4 zero for away");
	is_int(line(g, CS_HOME, "h1")->seconds, 300, "overtime lasts 5 minutes");
	is_int(game_clock(g), 0, "clock 0 at the end of overtime");
	json = test_export_string(g);
	ok(strstr(json, "\"period\":{\"type\":\"overtime\",\"number\":1,\"sequence\":5}") != NULL,
	    "export names the overtime");
	ok(strstr(json, "{\"sequence\":5,\"points\":0}") != NULL, "export has 5 periods");
	free(json);
	game_free(&g);

	/* gaps: all periods up to the highest are present */
	g = new_game(CS_FORMAT_QUARTERS);
	put(g, shot("a", 1, CLOCK(5, 0), CS_HOME, "h1", true, false));
	put(g, shot("b", 3, CLOCK(5, 0), CS_HOME, "h1", true, true));
	is_int(game_team(g, CS_HOME)->nperiods, 3, "nperiods = highest sequence");
	is_int(game_team(g, CS_HOME)->period_points[1], 0, "missing Q2 is zero");
	is_int(game_team(g, CS_HOME)->period_points[2], 3, "Q3 points");
	game_free(&g);
}

static void
test_halves(void)
{
	struct game *g = new_game(CS_FORMAT_HALVES);
	const struct game_rules *r = game_rules(g);
	struct cs_event ev;
	char id[16];
	int i;

	is_int(r->periods, 2, "halves: 2 periods");
	is_int(r->period_seconds, 1200, "halves: 20 minutes");
	is_int(r->bonus_fouls, 7, "halves: bonus on the 7th foul");
	is_int(r->timeouts, 4, "halves: 4 timeouts");
	ok(r->offensive_fouls_are_team_fouls, "halves: offensive fouls are team fouls");

	put(g, period_start("h1-0", 1, CLOCK(20, 0), HOME5, AWAY5));
	for (i = 0; i < 5; i++) {
		snprintf(id, sizeof id, "h1-f%d", i);
		put(g, foul(id, 1, CLOCK(15 - i, 0), CS_AWAY, "a1"));
	}
	ev = foul("h1-off", 1, CLOCK(8, 0), CS_AWAY, "a2");
	ev.type = CS_EV_OFFENSIVE_FOUL;
	add_stat(&ev, CS_STAT_OFFENSIVE_FOUL, CS_AWAY, "a2");
	put(g, ev);
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 6, "offensive foul is a team foul");
	ok(!game_team(g, CS_HOME)->in_bonus, "6 fouls: no bonus");
	put(g, foul("h1-f7", 1, CLOCK(1, 0), CS_AWAY, "a3"));
	ok(game_team(g, CS_HOME)->in_bonus, "7th foul: bonus");
	put(g, ev_new("h1-end", 1, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(line(g, CS_HOME, "h1")->seconds, 1200, "a half is 20 minutes");

	put(g, period_start("h2-0", 2, CLOCK(20, 0), HOME5, AWAY5));
	for (i = 0; i < 5; i++) {
		snprintf(id, sizeof id, "h2-f%d", i);
		put(g, foul(id, 2, CLOCK(15 - i, 0), CS_AWAY, "a4"));
	}
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 5, "second half count starts over");
	ok(!game_team(g, CS_HOME)->in_bonus, "second half: no bonus yet");
	put(g, ev_new("h2-end", 2, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(line(g, CS_HOME, "h1")->seconds, 2400, "two halves");

	put(g, period_start("ot-0", 3, CLOCK(5, 0), HOME5, AWAY5));
	put(g, foul("ot-f1", 3, CLOCK(4, 0), CS_AWAY, "a5"));
	is_int(game_period(g).type, CS_PERIOD_OVERTIME, "third period is overtime");
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 6, "overtime continues the half's count");
	put(g, foul("ot-f2", 3, CLOCK(3, 0), CS_AWAY, "a5"));
	ok(game_team(g, CS_HOME)->in_bonus, "overtime: bonus from the continued count");
	put(g, ev_new("ot-end", 3, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(line(g, CS_HOME, "h1")->seconds, 2700, "overtime 5 minutes");
	game_free(&g);
}

static void
test_nba_fouls_and_bonus(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	const struct game_rules *r = game_rules(g);
	struct cs_event ev;
	char id[16];
	int i;

	is_int(r->bonus_fouls, 5, "NBA: penalty on the 5th foul");
	is_int(r->overtime_bonus_fouls, 4, "NBA: 4th in overtime");
	ok(r->last_two_minutes_rule, "NBA: last two minutes rule");
	ok(!r->offensive_fouls_are_team_fouls, "NBA: offensive fouls are not team fouls");
	is_int(r->period_seconds, 720, "NBA: 12-minute quarters");
	is_int(r->timeouts, 7, "NBA: 7 timeouts");

	for (i = 0; i < 4; i++) {
		snprintf(id, sizeof id, "q1-f%d", i);
		put(g, foul(id, 1, CLOCK(11 - i, 0), CS_AWAY, "a1"));
	}
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 4, "4 team fouls");
	ok(!game_team(g, CS_HOME)->in_bonus, "4 fouls: opponent not in the bonus");

	ev = foul("q1-off", 1, CLOCK(6, 0), CS_AWAY, "a2");
	ev.type = CS_EV_OFFENSIVE_FOUL;   /* marked by its type only */
	put(g, ev);
	ev = foul("q1-off2", 1, CLOCK(5, 50), CS_AWAY, "a2");   /* marked by its stat only */
	add_stat(&ev, CS_STAT_OFFENSIVE_FOUL, CS_AWAY, "a2");
	put(g, ev);
	ev = ev_new("q1-tech", 1, CLOCK(5, 40), CS_EV_TECHNICAL_FOUL, CS_AWAY);
	add_stat(&ev, CS_STAT_TECHNICAL_FOUL, CS_AWAY, "a3");
	put(g, ev);
	ev = ev_new("q1-tech2", 1, CLOCK(5, 30), CS_EV_TECHNICAL_FOUL, CS_AWAY);
	add_stat(&ev, CS_STAT_PERSONAL_FOUL, CS_AWAY, "a3");
	put(g, ev);
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 4,
	    "offensive and technical fouls are not team fouls");
	is_int(line(g, CS_AWAY, "a2")->pf, 2, "offensive fouls are personal fouls");
	ok(!game_team(g, CS_HOME)->in_bonus, "still not in the bonus");

	put(g, foul("q1-f5", 1, CLOCK(5, 0), CS_AWAY, "a1"));
	ok(game_team(g, CS_HOME)->in_bonus, "5th team foul: opponent in the bonus");
	ok(!game_team(g, CS_AWAY)->in_bonus, "the fouling team is not");

	ev = ev_new("q1-flag", 1, CLOCK(4, 0), CS_EV_FLAGRANT_FOUL, CS_HOME);
	add_stat(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "h1");
	add_stat(&ev, CS_STAT_FLAGRANT_FOUL, CS_HOME, "h1");
	put(g, ev);
	is_int(game_team(g, CS_HOME)->team_fouls_period, 1, "flagrant foul is a team foul");

	/* Q2: last two minutes */
	put(g, foul("q2-f1", 2, CLOCK(5, 0), CS_AWAY, "a1"));
	put(g, foul("q2-f2", 2, CLOCK(2, 0) + 1, CS_AWAY, "a1"));   /* 2:00.1: not yet */
	put(g, foul("q2-f3", 2, CLOCK(1, 50), CS_AWAY, "a1"));
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 3, "Q2 count starts over");
	ok(!game_team(g, CS_HOME)->in_bonus, "one foul in the last 2:00: no bonus");
	put(g, foul("q2-f4", 2, CLOCK(1, 0), CS_AWAY, "a1"));
	ok(game_team(g, CS_HOME)->in_bonus, "second foul in the last 2:00: bonus");

	/* Q3 starts clean */
	put(g, shot("q3-s", 3, CLOCK(11, 0), CS_HOME, "h1", true, false));
	is_int(game_team(g, CS_AWAY)->team_fouls_period, 0, "new quarter: no team fouls");
	ok(!game_team(g, CS_HOME)->in_bonus, "new quarter: no bonus");

	/* overtime: the 4th foul */
	for (i = 0; i < 3; i++) {
		snprintf(id, sizeof id, "ot-f%d", i);
		put(g, foul(id, 5, CLOCK(4, 50 - i), CS_AWAY, "a5"));
	}
	ok(!game_team(g, CS_HOME)->in_bonus, "overtime: 3 fouls, no bonus");
	put(g, foul("ot-f3", 5, CLOCK(4, 0), CS_AWAY, "a5"));
	ok(game_team(g, CS_HOME)->in_bonus, "overtime: 4th foul, bonus");
	game_free(&g);
}

static void
test_timeouts(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;

	is_int(game_team(g, CS_HOME)->timeouts_left, 7, "NBA allowance before any timeout");
	put(g, ev_new("t1", 1, CLOCK(9, 0), CS_EV_TIMEOUT, CS_HOME));
	put(g, ev_new("t2", 2, CLOCK(9, 0), CS_EV_TIMEOUT, CS_HOME));
	is_int(game_team(g, CS_HOME)->timeouts_left, 5, "allowance less the timeouts taken");
	ev = ev_new("t3", 2, CLOCK(8, 0), CS_EV_TIMEOUT, CS_AWAY);
	ev.timeouts_remaining = 2;
	put(g, ev);
	is_int(game_team(g, CS_AWAY)->timeouts_left, 2, "provider's remaining count wins");
	is_int(game_team(g, CS_HOME)->timeouts_left, 5, "other side unchanged");
	put(g, ev_new("t4", 2, CLOCK(7, 0), CS_EV_TIMEOUT, CS_AWAY));
	is_int(game_team(g, CS_AWAY)->timeouts_left, 5,
	    "latest timeout without a count: allowance less taken");
	put(g, ev_new("t5", 2, CLOCK(6, 0), CS_EV_OFFICIAL_TIMEOUT, CS_SIDE_NONE));
	is_int(game_team(g, CS_AWAY)->timeouts_left + game_team(g, CS_HOME)->timeouts_left,
	    10, "official timeouts are nobody's");
	game_free(&g);

	g = new_game(CS_FORMAT_HALVES);
	put(g, ev_new("t1", 1, CLOCK(9, 0), CS_EV_TIMEOUT, CS_HOME));
	is_int(game_team(g, CS_HOME)->timeouts_left, 3, "NCAA allowance 4");
	game_free(&g);
}

static void
test_shots(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev;
	const struct shot *sh;

	put(g, shot("s1", 1, CLOCK(11, 0), CS_HOME, "h3", true, true));
	ev = shot("s2", 2, CLOCK(10, 0), CS_AWAY, "a2", false, false);
	ev.x = 100;
	ev.y = 250;
	put(g, ev);
	ev = shot("s3", 2, CLOCK(9, 0), CS_AWAY, "a2", true, false);
	ev.has_location = false;
	put(g, ev);
	put(g, free_throw("s4", 2, CLOCK(9, 0), CS_AWAY, "a2", true));
	is_int(game_shot_count(g), 2, "a shot per field goal with a location");
	sh = game_shot(g, 0);
	ok(sh->made && sh->three && sh->side == CS_HOME && sh->period_sequence == 1 &&
	    sh->player == game_player_index(g, CS_HOME, "h3"), "first shot");
	sh = game_shot(g, 1);
	ok(!sh->made && !sh->three && sh->side == CS_AWAY && sh->x == 100 &&
	    sh->y == 250 && sh->period_sequence == 2 && strcmp(sh->ev->id, "s2") == 0,
	    "second shot");
	ok(game_shot(g, 2) == NULL, "no third shot");
	game_free(&g);
}

static void
test_plays_and_lead_changes(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	const struct play *p;

	put(g, shot("e1", 1, CLOCK(11, 0), CS_HOME, "h1", true, false));   /* 2-0 */
	put(g, shot("e2", 1, CLOCK(10, 0), CS_AWAY, "a1", true, true));    /* 2-3 */
	put(g, rebound("e3", 1, CLOCK(9, 0), CS_HOME, "h1", false));       /* 2-3 */
	put(g, shot("e4", 1, CLOCK(8, 0), CS_HOME, "h1", true, true));     /* 5-3 */
	put(g, shot("e5", 1, CLOCK(7, 0), CS_AWAY, "a1", true, false));    /* 5-5 */
	put(g, shot("e6", 1, CLOCK(6, 0), CS_HOME, "h1", true, false));    /* 7-5 */
	put(g, shot("e7", 1, CLOCK(5, 0), CS_AWAY, "a1", true, false));    /* 7-7 */
	put(g, shot("e8", 1, CLOCK(4, 0), CS_AWAY, "a1", true, false));    /* 7-9 */
	is_int(game_play_count(g), 8, "a play per event");
	p = game_play(g, 1);
	ok(p->home_score == 2 && p->away_score == 3, "running score after play 2");
	ok(!game_play(g, 0)->lead_change, "first lead is not a lead change");
	ok(p->scoring && p->lead_change, "away takes the lead");
	ok(!game_play(g, 2)->scoring && !game_play(g, 2)->lead_change, "rebound: no score");
	ok(game_play(g, 3)->lead_change, "home takes it back");
	ok(game_play(g, 4)->scoring && !game_play(g, 4)->lead_change, "a tie is not a lead change");
	ok(!game_play(g, 5)->lead_change, "same leader after a tie: no lead change");
	ok(game_play(g, 7)->lead_change, "new leader after a tie: lead change");
	ok(game_play(g, 7)->home_score == 7 && game_play(g, 7)->away_score == 9, "final score");
	ok(game_play(g, 8) == NULL, "no play past the end");
	game_free(&g);
}

static void
test_units_and_on_court(void)
{
	static const char *const h_sub[CS_ON_COURT] = { "h6", "h2", "h3", "h4", "h1" };
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	const struct unit *u;
	const struct box_team *t;
	size_t i, nhome = 0;
	int k, h6;

	put(g, period_start("e0", 1, CLOCK(12, 0), HOME5, AWAY5));
	put(g, shot("e1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false));
	put(g, substitution("e2", 1, CLOCK(8, 0), CS_HOME, h_sub));
	put(g, shot("e3", 1, CLOCK(7, 0), CS_AWAY, "a1", true, true));
	put(g, substitution("e4", 1, CLOCK(6, 0), CS_HOME, HOME5));
	put(g, ev_new("e5", 1, CLOCK(5, 0), CS_EV_STOPPAGE, CS_SIDE_NONE));

	for (i = 0; i < game_unit_count(g); i++)
		nhome += game_unit(g, i)->side == CS_HOME;
	is_int(nhome, 2, "two home units (the starters came back)");
	is_int(game_unit_count(g), 3, "one away unit");
	u = game_unit(g, 0);
	ok(u->side == CS_HOME && u->seconds == 240 + 60 && u->plus_minus == 2 &&
	    u->points_for == 2 && u->points_against == 0, "starting unit: 5:00, +2");
	for (k = 1; k < CS_ON_COURT; k++)
		ok(u->players[k - 1] < u->players[k], "unit players sorted %d", k);
	h6 = game_player_index(g, CS_HOME, "h6");
	u = game_unit(g, 2);
	ok(u->side == CS_HOME && u->seconds == 120 && u->plus_minus == -3 &&
	    u->points_against == 3 && u->players[4] == h6, "second unit: 2:00, -3");

	t = game_team(g, CS_HOME);
	ok(player(g, CS_HOME, "h5")->on_court, "h5 back on court");
	ok(!player(g, CS_HOME, "h6")->on_court, "h6 on the bench");
	for (k = 0; k < CS_ON_COURT; k++)
		ok(t->on_court[k] == game_player_index(g, CS_HOME, HOME5[k]),
		    "on_court[%d] is the starter", k);
	is_int(t->stint_seconds, 60, "starters back together for 1:00");
	game_free(&g);
}

static void
test_clock(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_clock c;
	struct cs_period p;
	uint64_t gen, content;

	is_int(game_clock(g), CLOCK(12, 0), "no events: full period");
	is_int(game_period(g).sequence, 1, "no events: period 1");
	put(g, shot("e1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false));
	is_int(game_clock(g), CLOCK(10, 0), "last event's clock");

	memset(&c, 0, sizeof c);
	c.period = period_of(1);
	c.clock = CLOCK(9, 30);
	c.shot_clock = CS_NO_CLOCK;
	c.running = true;
	game_set_clock(g, &c);
	is_int(game_clock(g), CLOCK(9, 30), "live clock newer than the last event");
	ok(game_clock_running(g), "live clock running");

	put(g, shot("e2", 1, CLOCK(9, 40), CS_HOME, "h1", true, false));
	is_int(game_clock(g), CLOCK(9, 40), "event after the live clock wins");
	ok(!game_clock_running(g), "event clock is not running");

	put(g, shot("e3", 2, CLOCK(11, 0), CS_HOME, "h1", true, false));
	c.clock = CLOCK(1, 0);
	game_set_clock(g, &c);   /* still says Q1 */
	p = game_period(g);
	ok(p.sequence == 2 && game_clock(g) == CLOCK(11, 0), "older period's live clock ignored");

	c.period = period_of(2);
	c.clock = CLOCK(10, 55);
	game_set_clock(g, &c);
	is_int(game_clock(g), CLOCK(10, 55), "live clock in the current period");
	/* the clock running on moves the generation, not what the panes show */
	gen = game_generation(g);
	content = game_content_generation(g);
	c.clock = CLOCK(10, 54);
	game_set_clock(g, &c);
	ok(game_generation(g) > gen && game_content_generation(g) == content,
	    "a clock tick: a new generation, the same content");
	c.period = period_of(3);
	c.clock = CLOCK(12, 0);
	game_set_clock(g, &c);
	is_int(game_period(g).sequence, 3, "live clock in a later period");
	ok(game_content_generation(g) == game_generation(g),
	    "a clock in a new period is new content (fouls, bonus)");
	content = game_content_generation(g);

	put(g, ev_new("e4", 3, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE));
	is_int(game_clock(g), 0, "period end: clock 0");
	is_int(game_period(g).sequence, 3, "period end: its period");
	ok(game_content_generation(g) > content, "an event is new content");
	game_free(&g);
}

static void
test_published(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_published_stats ps;
	int c;

	put(g, shot("e1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false));
	memset(&ps, 0, sizeof ps);
	ps.side = CS_HOME;
	cs_strlcpy(ps.player_id, "h1", sizeof ps.player_id);
	ps.version = 5;
	for (c = 0; c < CS_COL_COUNT; c++)
		ps.value[c] = CS_UNKNOWN;
	ps.value[CS_COL_PTS] = 4;
	ps.value[CS_COL_FGM] = 1;
	game_set_published(g, &ps);
	is_int(game_mismatch_count(g), 1, "one published value differs");
	ok(player(g, CS_HOME, "h1")->mismatch, "player flagged");
	is_int(line(g, CS_HOME, "h1")->pts, 2, "derived value not overwritten");

	ps.version = 4;
	ps.value[CS_COL_PTS] = 2;
	game_set_published(g, &ps);
	is_int(game_mismatch_count(g), 1, "older version ignored");

	ps.version = 6;
	game_set_published(g, &ps);
	is_int(game_mismatch_count(g), 0, "newer version agrees");
	ok(!player(g, CS_HOME, "h1")->mismatch, "flag cleared");

	memset(&ps, 0, sizeof ps);
	ps.side = CS_HOME;   /* the team's line */
	ps.version = 1;
	for (c = 0; c < CS_COL_COUNT; c++)
		ps.value[c] = CS_UNKNOWN;
	ps.value[CS_COL_PTS] = 2;
	ps.value[CS_COL_FGA] = 3;
	game_set_published(g, &ps);
	is_int(game_mismatch_count(g), 1, "team line compared with totals");

	put(g, shot("e2", 1, CLOCK(9, 0), CS_HOME, "h1", false, false));
	put(g, shot("e3", 1, CLOCK(8, 0), CS_HOME, "h1", false, false));
	is_int(game_mismatch_count(g), 0, "derived state catches up with the published FGA");
	game_free(&g);
}

static void
test_sink(void)
{
	struct game *g = game_new();
	struct cs_sink s = game_sink(g);
	struct cs_game_info info;
	struct cs_event ev;
	struct cs_clock c;
	struct cs_published_stats ps;
	int i;

	cs_game_info_init(&info, CS_PROVIDER_SHOTTRACKER);
	info.format = CS_FORMAT_HALVES;
	info.has_team[CS_AWAY] = true;
	cs_strlcpy(info.team[CS_AWAY].name, "Aces", sizeof info.team[CS_AWAY].name);
	s.game(s.ctx, &info);
	is_int(game_rules(g)->periods, 2, "sink: game info");
	is_str(game_team(g, CS_AWAY)->info.name, "Aces", "sink: team info");
	regulation = 2;
	ev = shot("e1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false);
	s.event(s.ctx, &ev);
	is_int(game_team(g, CS_HOME)->points, 2, "sink: event");
	memset(&c, 0, sizeof c);
	c.period = period_of(1);
	c.clock = CLOCK(9, 0);
	s.clock(s.ctx, &c);
	is_int(game_clock(g), CLOCK(9, 0), "sink: clock");
	memset(&ps, 0, sizeof ps);
	ps.side = CS_HOME;
	for (i = 0; i < CS_COL_COUNT; i++)
		ps.value[i] = CS_UNKNOWN;
	ps.value[CS_COL_PTS] = 3;
	s.published(s.ctx, &ps);
	is_int(game_mismatch_count(g), 1, "sink: published");
	s.delete_event(s.ctx, "e1");
	is_int(game_event_count(g), 0, "sink: delete");
	ok(s.warning == NULL, "sink: warnings ignored");
	game_free(&g);
	ok(g == NULL, "game_free clears the pointer");
}

static void
test_learned_players(void)
{
	struct game *g = game_new();
	struct cs_game_info info;
	struct cs_event ev;
	const struct box_team *t;
	int idx, order[64];
	size_t n;

	regulation = 4;
	ev = shot("e1", 1, CLOCK(10, 0), CS_AWAY, "x99", true, false);
	cs_strlcpy(ev.stats[0].player.name, "New Guy", sizeof ev.stats[0].player.name);
	cs_strlcpy(ev.stats[0].player.jersey, "99", sizeof ev.stats[0].player.jersey);
	put(g, ev);
	idx = game_player_index(g, CS_AWAY, "x99");
	is_int(idx, 0, "learned player added to the stat's side");
	is_int(game_player_index(g, CS_HOME, "x99"), -1, "not to the other side");
	t = game_team(g, CS_AWAY);
	is_str(t->players[idx].info.name, "New Guy", "name learned");
	is_str(t->players[idx].info.jersey, "99", "jersey learned");

	ev = period_start("e0", 1, CLOCK(12, 0), HOME5, AWAY5);
	ev.sequence = 0;
	put(g, ev);   /* sorts first: a full re-derive */
	is_int(game_player_index(g, CS_AWAY, "x99"), idx, "index stable across re-derivation");
	is_int(game_team(g, CS_AWAY)->nplayers, 6, "on-court players learned too");
	is_int(line(g, CS_AWAY, "x99")->pts, 2, "learned player's points");
	ok(player(g, CS_AWAY, "a1")->info.starter, "no roster: the first five start");
	ok(!player(g, CS_AWAY, "x99")->info.starter, "no roster: others do not");

	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_AWAY], "a", "Aces", "ACE");
	info.team[CS_AWAY].players[0].starter = false;
	info.team[CS_AWAY].players[7].starter = true;
	game_set_info(g, &info);
	is_int(game_player_index(g, CS_AWAY, "x99"), idx, "set_info keeps learned players");
	is_int(game_player_index(g, CS_AWAY, "a1"), 1, "roster player keeps its index");
	is_str(player(g, CS_AWAY, "a1")->info.name, "Aces Player 1", "roster name");
	ok(!player(g, CS_AWAY, "a1")->info.starter, "roster says a1 is not a starter");
	ok(player(g, CS_AWAY, "a8")->info.starter, "roster says a8 starts");
	is_int(line(g, CS_AWAY, "x99")->pts, 2, "learned player's line kept");

	n = game_box_order(g, CS_AWAY, order, 64);
	is_int(n, 11, "all players in the box order");
	ok(order[0] == game_player_index(g, CS_AWAY, "a2") &&
	    order[3] == game_player_index(g, CS_AWAY, "a5") &&
	    order[4] == game_player_index(g, CS_AWAY, "a8"), "starters first, roster order");
	ok(order[5] == game_player_index(g, CS_AWAY, "a1") &&
	    order[9] == game_player_index(g, CS_AWAY, "a10"), "bench in roster order");
	ok(order[10] == idx, "learned player last");
	is_int(game_box_order(g, CS_AWAY, order, 3), 3, "box order respects max");
	ok(order[0] == game_player_index(g, CS_AWAY, "a2"), "truncated order still sorted");
	game_free(&g);
}

static void
test_status(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_game_info info;

	is_str(export_status(g), "scheduled", "no events: scheduled");
	put(g, shot("e1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false));
	is_str(export_status(g), "inprogress", "events: inprogress");
	put(g, ev_new("end", 4, CLOCK(0, 0), CS_EV_GAME_END, CS_SIDE_NONE));
	is_str(export_status(g), "closed", "game end: closed");
	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.status, "complete", sizeof info.status);
	game_set_info(g, &info);
	is_str(export_status(g), "complete", "status from game info wins");
	game_free(&g);
}


/* "Final" for either provider's way of ending; "Final/OT", "Final/2OT". */
static void
test_final_text(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_game_info info;
	char buf[16];

	put(g, shot("e1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false));
	is_str(game_final_text(g, buf, sizeof buf), "", "not over: no final text");
	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.status, "closed", sizeof info.status);
	game_set_info(g, &info);
	is_str(game_final_text(g, buf, sizeof buf), "Final", "Sportradar closed: Final");
	game_free(&g);

	g = new_game(CS_FORMAT_QUARTERS);
	put(g, shot("o1", 5, CLOCK(3, 0), CS_HOME, "h1", true, false));
	put(g, ev_new("end", 5, CLOCK(0, 0), CS_EV_GAME_END, CS_SIDE_NONE));
	is_str(game_final_text(g, buf, sizeof buf), "Final/OT", "game end in OT1: Final/OT");
	put(g, ev_new("end", 6, CLOCK(0, 0), CS_EV_GAME_END, CS_SIDE_NONE));
	is_str(game_final_text(g, buf, sizeof buf), "Final/2OT", "game end in OT2: Final/2OT");
	game_free(&g);
}

/* A shown statistic that changes marks the play corrected; an added one
 * (the assist after the basket) does not. */
static void
test_corrections_marked(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_event ev = shot("c1", 1, CLOCK(10, 0), CS_HOME, "h1", true, false);
	const struct play *pl;

	put(g, ev);
	add_stat(&ev, CS_STAT_ASSIST, CS_HOME, "h2");
	put(g, ev);
	pl = game_play(g, game_play_count(g) - 1);
	ok(pl != NULL && !pl->ev->corrected, "an added assist is an enrichment, not a correction");
	ev.stats[0].three = true;
	put(g, ev);
	pl = game_play(g, game_play_count(g) - 1);
	ok(pl != NULL && pl->ev->corrected, "a two turned three is a correction");
	ev.stats[0].three = false;
	put(g, ev);
	pl = game_play(g, game_play_count(g) - 1);
	ok(pl != NULL && pl->ev->corrected, "once corrected, always marked");
	is_int(game_upsert(g, &ev), 0, "an identical re-send of a corrected play changes nothing");
	ev = shot("c2", 1, CLOCK(9, 0), CS_AWAY, "a1", true, false);
	put(g, ev);
	cs_strlcpy(ev.stats[0].player.id, "a2", sizeof ev.stats[0].player.id);
	put(g, ev);
	pl = game_play(g, game_play_count(g) - 1);
	ok(pl != NULL && pl->ev->corrected, "a basket moved to another player is a correction");
	game_free(&g);
}

static void
test_quiet_changes_and_sanitizing(void)
{
	struct game *g = new_game(CS_FORMAT_QUARTERS);
	struct cs_game_info info;
	struct cs_clock c;
	struct cs_event ev;
	uint64_t gen;

	/* the same game header again (parsers may send it with every message) */
	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "game-1", sizeof info.id);
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_HOME], "h", "Hawks", "HAW");
	fill_team(&info.team[CS_AWAY], "a", "Aces", "ACE");
	gen = game_generation(g);
	game_set_info(g, &info);
	ok(game_generation(g) == gen, "identical game info: generation unchanged");
	cs_strlcpy(info.status, "halftime", sizeof info.status);
	game_set_info(g, &info);
	ok(game_generation(g) == gen + 1, "changed game info: generation moves");

	memset(&c, 0, sizeof c);
	c.period = period_of(1);
	c.clock = CLOCK(7, 0);
	game_set_clock(g, &c);
	gen = game_generation(g);
	game_set_clock(g, &c);
	ok(game_generation(g) == gen, "identical clock: generation unchanged");
	c.clock = -5;
	game_set_clock(g, &c);
	ok(game_generation(g) == gen && game_clock(g) == CLOCK(7, 0), "negative clock ignored");

	/* events teach names, but never overwrite the roster's */
	ev = shot("e1", 1, CLOCK(6, 0), CS_HOME, "h1", true, false);
	cs_strlcpy(ev.stats[0].player.name, "Wrong Name", sizeof ev.stats[0].player.name);
	cs_strlcpy(ev.description, "\x1b[31mRed\x1b]0;title\x07 \xc2\x9b" "2J",
	    sizeof ev.description);
	put(g, ev);
	is_str(player(g, CS_HOME, "h1")->info.name, "Hawks Player 1", "roster name kept");
	is_str(game_play(g, 0)->ev->description, "[31mRed]0;title 2J",
	    "stored description has no control characters");
	game_free(&g);
}

int
main(void)
{
	test_points_from_statistics();
	test_shooting_columns();
	test_counting_columns();
	test_team_statistics();
	test_heave();
	test_enrichment();
	test_identical_after_normalising();
	test_on_court_only_change();
	test_delete();
	test_refused();
	test_event_order();
	test_store_stress();
	test_out_of_order();
	test_incremental_equals_full();
	test_correction_after_q4();
	test_replay_changes_nothing();
	test_minutes();
	test_minutes_add_up();
	test_plus_minus_free_throws();
	test_free_throw_trip_dead_ball();
	test_free_throw_trip_technical_between();
	test_rule_profile_choice();
	test_rule_profile_fouls();
	test_rule_profile_timeouts();
	test_overtime();
	test_halves();
	test_nba_fouls_and_bonus();
	test_timeouts();
	test_shots();
	test_plays_and_lead_changes();
	test_units_and_on_court();
	test_clock();
	test_published();
	test_sink();
	test_learned_players();
	test_status();
	test_final_text();
	test_corrections_marked();
	test_quiet_changes_and_sanitizing();
	return tap_done();
}
