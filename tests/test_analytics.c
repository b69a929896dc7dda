/*
 * The coach's numbers (model/game.h, struct team_analytics, struct
 * game_flow, unit possessions): each figure against a sequence computed by
 * hand, for Sportradar (qualifiers) and ShotTracker (the lane and the
 * sequence), per period and for the game; appends, corrections and
 * deletes give what a game built right from the start gives.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/game.h"
#include "tap.h"

#define CLOCK(m, s) (((m) * 60 + (s)) * 10)   /* game clock in tenths */

static const char *const HOME5[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h5" };
static const char *const AWAY5[CS_ON_COURT] = { "a1", "a2", "a3", "a4", "a5" };

static enum cs_provider provider = CS_PROVIDER_SPORTRADAR;
static int64_t next_sequence;
static int64_t resend_sequence;   /* a correction keeps its event's sequence */

/* --- building games ------------------------------------------------------ */

static void
fill_team(struct cs_team_info *t, const char *prefix, const char *alias)
{
	int i;

	cs_strlcpy(t->id, prefix, sizeof t->id);
	cs_strlcpy(t->name, alias, sizeof t->name);
	cs_strlcpy(t->alias, alias, sizeof t->alias);
	t->nplayers = 10;
	for (i = 0; i < 10; i++) {
		snprintf(t->players[i].id, sizeof t->players[i].id, "%s%d", prefix, i + 1);
		snprintf(t->players[i].name, sizeof t->players[i].name, "%s %d", alias, i + 1);
		t->players[i].starter = i < 5;
	}
}

/* h1..h10 at home, a1..a10 away; h1-h5 and a1-a5 start. */
static struct game *
new_game(enum cs_provider p, enum cs_game_format format)
{
	struct game *g = game_new();
	struct cs_game_info info;

	provider = p;
	next_sequence = 0;
	cs_game_info_init(&info, p);
	cs_strlcpy(info.id, "g", sizeof info.id);
	info.format = format;
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_HOME], "h", "HAW");
	fill_team(&info.team[CS_AWAY], "a", "ACE");
	game_set_info(g, &info);
	return g;
}

static struct cs_event
ev(const char *id, int period, int clock, enum cs_event_type type, int side)
{
	struct cs_event e;

	cs_event_init(&e, provider);
	cs_strlcpy(e.id, id, sizeof e.id);
	e.sequence = resend_sequence > 0 ? resend_sequence : ++next_sequence;
	e.period.type = CS_PERIOD_QUARTER;
	e.period.number = e.period.sequence = period;
	e.clock = clock;
	e.type = type;
	e.side = side;
	return e;
}

static struct cs_stat *
stat(struct cs_event *e, enum cs_stat_type type, int side, const char *player)
{
	struct cs_stat *st = cs_event_add_stat(e, type, side);

	cs_strlcpy(st->player.id, player, sizeof st->player.id);
	return st;
}

/* What up() does besides upserting: read the figures after each event,
 * keep a copy of each event. */
static bool read_each;
static struct cs_event kept[64];
static size_t nkept;

static void
up(struct game *g, const struct cs_event *e)
{
	if (game_upsert(g, e) != 1)
		printf("# upsert of %s refused\n", e->id);
	if (read_each)
		game_flow(g);
	if (nkept < sizeof kept / sizeof kept[0])
		kept[nkept++] = *e;
}

static void
start(struct game *g, const char *id, int period)
{
	struct cs_event e = ev(id, period, CLOCK(12, 0), CS_EV_PERIOD_START, CS_SIDE_NONE);
	int k;

	e.has_on_court[CS_HOME] = e.has_on_court[CS_AWAY] = true;
	for (k = 0; k < CS_ON_COURT; k++) {
		cs_strlcpy(e.on_court[CS_HOME][k].id, HOME5[k], CS_ID_MAX);
		cs_strlcpy(e.on_court[CS_AWAY][k].id, AWAY5[k], CS_ID_MAX);
	}
	up(g, &e);
}

/* A field goal; x < 0 for no location. */
static void
fg(struct game *g, const char *id, int period, int clock, int side, const char *who,
    bool made, bool three, unsigned q, int x, int y)
{
	struct cs_event e = ev(id, period, clock, three ?
	    (made ? CS_EV_THREE_MADE : CS_EV_THREE_MISSED) :
	    (made ? CS_EV_TWO_MADE : CS_EV_TWO_MISSED), side);
	struct cs_stat *st = stat(&e, CS_STAT_FIELD_GOAL, side, who);

	st->made = made;
	st->three = three;
	e.qualifiers = q;
	e.has_location = x >= 0;
	e.x = x;
	e.y = y;
	up(g, &e);
}

static void
ft(struct game *g, const char *id, int period, int clock, int side, const char *who,
    bool made, unsigned q)
{
	struct cs_event e = ev(id, period, clock,
	    made ? CS_EV_FREE_THROW_MADE : CS_EV_FREE_THROW_MISSED, side);

	stat(&e, CS_STAT_FREE_THROW, side, who)->made = made;
	e.qualifiers = q;
	up(g, &e);
}

static void
reb(struct game *g, const char *id, int period, int clock, int side, const char *who,
    bool offensive)
{
	struct cs_event e = ev(id, period, clock, CS_EV_REBOUND, side);

	stat(&e, CS_STAT_REBOUND, side, who)->offensive = offensive;
	up(g, &e);
}

static void
tov(struct game *g, const char *id, int period, int clock, int side, const char *who)
{
	struct cs_event e = ev(id, period, clock, CS_EV_TURNOVER, side);

	stat(&e, CS_STAT_TURNOVER, side, who);
	up(g, &e);
}

static void
marker(struct game *g, const char *id, int period, int clock, enum cs_event_type type,
    int side)
{
	struct cs_event e = ev(id, period, clock, type, side);

	up(g, &e);
}

static void
foul(struct game *g, const char *id, int period, int clock, int side, const char *who)
{
	struct cs_event e = ev(id, period, clock, CS_EV_PERSONAL_FOUL, side);

	stat(&e, CS_STAT_PERSONAL_FOUL, side, who);
	up(g, &e);
}

/* --- Sportradar: qualifiers and everything else -------------------------- */

/*
 * Q1: home 2-0 (h1, paint + fastbreak), a home team turnover, away three
 * (fromturnover) 2-3, h4 offensive rebound, a team offensive rebound,
 * h6 off the bench 4-3 (paint + 2ndchance), h2 free throws: made
 * (fastbreak + paint: a free throw is never paint) 5-3 and missed, a3
 * defensive rebound, a6 off the bench two made free throws (fromturnover)
 * 5-4 and 5-5, a2 5-7, the period ends.  Q2: h1 7-7 (paint), h3 three
 * 10-7, an away timeout at 9:00.
 */
static struct game *
sportradar_game(void)
{
	struct game *g = new_game(CS_PROVIDER_SPORTRADAR, CS_FORMAT_QUARTERS);

	start(g, "q1", 1);
	fg(g, "e1", 1, CLOCK(11, 40), CS_HOME, "h1", true, false,
	    CS_Q_PAINT | CS_Q_FAST_BREAK, -1, 0);
	tov(g, "e2a", 1, CLOCK(11, 30), CS_HOME, "");
	fg(g, "e2", 1, CLOCK(11, 20), CS_AWAY, "a1", true, true, CS_Q_FROM_TURNOVER, -1, 0);
	reb(g, "e3a", 1, CLOCK(11, 10), CS_HOME, "h4", true);
	reb(g, "e3b", 1, CLOCK(11, 5), CS_HOME, "", true);
	fg(g, "e3", 1, CLOCK(11, 0), CS_HOME, "h6", true, false,
	    CS_Q_PAINT | CS_Q_SECOND_CHANCE, -1, 0);
	ft(g, "e4", 1, CLOCK(10, 50), CS_HOME, "h2", true, CS_Q_FAST_BREAK | CS_Q_PAINT);
	ft(g, "e5", 1, CLOCK(10, 40), CS_HOME, "h2", false, CS_Q_SECOND_CHANCE);
	reb(g, "e5b", 1, CLOCK(10, 35), CS_AWAY, "a3", false);
	ft(g, "e6", 1, CLOCK(10, 30), CS_AWAY, "a6", true, CS_Q_FROM_TURNOVER);
	ft(g, "e6b", 1, CLOCK(10, 30), CS_AWAY, "a6", true, CS_Q_FROM_TURNOVER);
	fg(g, "e7", 1, CLOCK(10, 20), CS_AWAY, "a2", true, false, 0, -1, 0);
	marker(g, "pe1", 1, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE);
	start(g, "q2", 2);
	fg(g, "e9", 2, CLOCK(11, 0), CS_HOME, "h1", true, false, CS_Q_PAINT, -1, 0);
	fg(g, "e10", 2, CLOCK(10, 0), CS_HOME, "h3", true, true, 0, -1, 0);
	marker(g, "to", 2, CLOCK(9, 0), CS_EV_TIMEOUT, CS_AWAY);
	return g;
}

static void
test_sportradar(void)
{
	struct game *g = sportradar_game();
	const struct team_analytics *h = game_analytics(g, CS_HOME, 0);
	const struct team_analytics *a = game_analytics(g, CS_AWAY, 0);
	const struct team_analytics *h1 = game_analytics(g, CS_HOME, 1);
	const struct team_analytics *h2 = game_analytics(g, CS_HOME, 2);
	const struct team_analytics *a1 = game_analytics(g, CS_AWAY, 1);
	const struct team_analytics *a2 = game_analytics(g, CS_AWAY, 2);

	is_int(game_team(g, CS_HOME)->points, 10, "sportradar: home 10");
	is_int(game_team(g, CS_AWAY)->points, 7, "sportradar: away 7");
	is_int(h->points_in_paint, 6, "paint: made field goals with the qualifier, not the FT");
	is_int(h1->points_in_paint, 4, "paint Q1");
	is_int(h2->points_in_paint, 2, "paint Q2");
	is_int(a->points_in_paint, 0, "away: no paint");
	is_int(h->fast_break_pts, 3, "fast break: the field goal and the made FT");
	is_int(h->second_chance_pts, 2, "second chance: the missed FT scores nothing");
	is_int(a->points_off_turnovers, 5, "off turnovers: the three and two FTs");
	is_int(h->points_off_turnovers, 0, "home: none off turnovers");
	is_int(h->bench_points, 2, "home bench: h6");
	is_int(a->bench_points, 2, "away bench: a6's free throws");
	is_int(h2->bench_points, 0, "no bench points in Q2");
	is_int(h->biggest_lead, 3, "home biggest lead 10-7");
	is_int(h1->biggest_lead, 2, "home Q1 biggest lead 2-0 and 5-3");
	is_int(a->biggest_lead, 2, "away biggest lead 5-7");
	is_int(a2->biggest_lead, 0, "away never ahead after a Q2 score");
	is_int(h->most_unanswered, 5, "home 5 unanswered in Q2");
	is_int(h1->most_unanswered, 3, "home 3 in a row in Q1 (a FG and a FT)");
	is_int(a->most_unanswered, 4, "away 4 in a row, free throws included");
	is_int(a1->most_unanswered, 4, "away Q1 4");
	is_int(h1->time_leading, 50, "home led 50 s of Q1");
	is_int(a1->time_leading, 640, "away led 20 s + 10:20 of Q1");
	is_int(h->time_leading, 110, "home led 50 + 60 s");
	is_int(a->time_leading, 700, "away led 640 + 60 s");
	is_int(h->possessions_x100, 488, "home possessions 4 + 0.44 x 2 - 1 + 1 (team TO, no team OREB)");
	is_int(h1->possessions_x100, 288, "home Q1 possessions 2.88");
	is_int(a->possessions_x100, 288, "away possessions 2 + 0.88");
	is_int(h->offensive_rating_x10, 2049, "home ORtg 10 / 4.88 = 204.9");
	is_int(h->defensive_rating_x10, 2431, "home DRtg 7 / 2.88 = 243.1 (half up)");
	is_int(a->offensive_rating_x10, 2431, "away ORtg = home DRtg");
	is_int(h->effective_fg_pct_x10, 1125, "home eFG (4 + 0.5) / 4");
	is_int(a->effective_fg_pct_x10, 1250, "away eFG (2 + 0.5) / 2");
	is_int(h->true_shooting_pct_x10, 1025, "home TS 10 / 9.76 = 102.5");
	is_int(a->true_shooting_pct_x10, 1215, "away TS 7 / 5.76 = 121.5");
	is_int(h->tov_pct_x10, 205, "home TOV%% 1 / 4.88 = 20.5");
	is_int(h->oreb_pct_x10, 500, "home OREB%% 1 / (1 + 1)");
	is_int(a->oreb_pct_x10, 0, "away OREB%% 0 / (0 + 0)");
	is_int(h->ft_rate_x1000, 500, "home FT rate 2 / 4");
	is_int(a->ft_rate_x1000, 1000, "away FT rate 2 / 2");
	is_int(game_flow(g)->lead_changes, 4, "lead changes: 2-3, 4-3, 5-7, 10-7");
	is_int(game_flow(g)->times_tied, 2, "times tied: 5-5, 7-7");
	game_free(&g);

	/* a made free throw carries its trip's qualifiers, never the paint */
	g = new_game(CS_PROVIDER_SPORTRADAR, CS_FORMAT_QUARTERS);
	start(g, "f0", 1);
	ft(g, "f1", 1, CLOCK(11, 0), CS_HOME, "h1", true, CS_Q_PAINT | CS_Q_FAST_BREAK |
	    CS_Q_SECOND_CHANCE | CS_Q_FROM_TURNOVER);
	h = game_analytics(g, CS_HOME, 0);
	ok(h->points_in_paint == 0 && h->fast_break_pts == 1 && h->second_chance_pts == 1 &&
	    h->points_off_turnovers == 1, "a free throw: fast break, second chance, "
	    "off a turnover, no paint");
	is_int(game_flow(g)->lead_changes, 0, "the first lead is no lead change");
	game_free(&g);
	g = sportradar_game();
	ok(game_analytics(g, 2, 0) == NULL && game_analytics(g, CS_HOME, -1) == NULL &&
	    game_analytics(g, CS_HOME, CS_PERIODS_MAX + 1) == NULL, "bad side or period: NULL");
	is_int(game_analytics(g, CS_HOME, 3)->possessions_x100, 0, "a period not played: zeros");
	game_free(&g);
}

/* --- ShotTracker: the lane and the sequence ------------------------------ */

static void
test_shottracker(void)
{
	struct game *g = new_game(CS_PROVIDER_SHOTTRACKER, CS_FORMAT_QUARTERS);
	const struct team_analytics *h, *a;

	start(g, "s0", 1);
	fg(g, "s1", 1, CLOCK(11, 50), CS_AWAY, "a1", false, false, 0, 120, 300);
	reb(g, "s2", 1, CLOCK(11, 48), CS_HOME, "h1", false);
	/* 4.0 s after the defensive rebound, in the lane: fast break, paint */
	fg(g, "s3", 1, CLOCK(11, 44), CS_HOME, "h2", true, false, 0, 1000, 300);
	tov(g, "s4", 1, CLOCK(11, 30), CS_AWAY, "a2");
	/* 10 s after the steal: no fast break; then a putback off the turnover */
	fg(g, "s5", 1, CLOCK(11, 20), CS_HOME, "h3", false, true, 0, 800, 300);
	reb(g, "s6", 1, CLOCK(11, 18), CS_HOME, "h4", true);
	fg(g, "s7", 1, CLOCK(11, 16), CS_HOME, "h4", true, false, 0, 1060, 397);
	/* on the lane line (96 in from the middle): paint */
	fg(g, "s8", 1, CLOCK(11, 0), CS_AWAY, "a3", true, false, 0, 100, 204);
	/* the away shot ended home's marks */
	fg(g, "s9", 1, CLOCK(10, 50), CS_HOME, "h5", true, false, 0, 950, 300);
	fg(g, "s10", 1, CLOCK(10, 40), CS_AWAY, "a4", false, false, 0, 150, 300);
	reb(g, "s11", 1, CLOCK(10, 38), CS_AWAY, "", true);   /* a team rebound */
	fg(g, "s12", 1, CLOCK(10, 30), CS_AWAY, "a4", true, false, 0, 300, 300);
	tov(g, "s13", 1, CLOCK(10, 20), CS_HOME, "h1");
	foul(g, "s14", 1, CLOCK(10, 16), CS_HOME, "h2");
	/* 5.0 s after the steal: free throws on the break */
	ft(g, "s15", 1, CLOCK(10, 15), CS_AWAY, "a5", true, 0);
	ft(g, "s16", 1, CLOCK(10, 15), CS_AWAY, "a5", true, 0);
	fg(g, "s17", 1, CLOCK(10, 0), CS_HOME, "h2", true, true, 0, 1000, 300);
	h = game_analytics(g, CS_HOME, 0);
	a = game_analytics(g, CS_AWAY, 0);
	is_int(game_team(g, CS_HOME)->points, 9, "shottracker: home 9");
	is_int(game_team(g, CS_AWAY)->points, 6, "shottracker: away 6");
	is_int(h->points_in_paint, 4, "paint: in the lane, not 97 in off the middle, not a three");
	is_int(a->points_in_paint, 2, "paint: on the lane line counts; 300 in out does not");
	is_int(h->fast_break_pts, 2, "fast break: 4 s after a defensive rebound");
	is_int(a->fast_break_pts, 2, "fast break: free throws 5 s after a steal");
	is_int(h->second_chance_pts, 2, "second chance: a player's offensive rebound");
	is_int(a->second_chance_pts, 0, "no second chance after a team rebound");
	is_int(h->points_off_turnovers, 2, "off turnovers: the putback after the steal");
	is_int(a->points_off_turnovers, 2, "off turnovers: the free throws");
	is_int(h->oreb, 1, "players' offensive rebounds only");
	game_free(&g);

	/* the window: 6.0 s after the gain is a fast break, 6.1 s is not */
	g = new_game(CS_PROVIDER_SHOTTRACKER, CS_FORMAT_QUARTERS);
	start(g, "w0", 1);
	tov(g, "w1", 1, CLOCK(11, 0), CS_AWAY, "a1");
	fg(g, "w2", 1, CLOCK(10, 54), CS_HOME, "h1", true, false, 0, 500, 300);
	reb(g, "w3", 1, CLOCK(10, 40), CS_AWAY, "a1", false);
	fg(g, "w4", 1, CLOCK(10, 33) + 9, CS_AWAY, "a1", true, false, 0, 500, 300);
	is_int(game_analytics(g, CS_HOME, 0)->fast_break_pts, 2, "fast break at 6.0 s");
	is_int(game_analytics(g, CS_AWAY, 0)->fast_break_pts, 0, "none at 6.1 s");
	game_free(&g);

	/* the lane is 12 ft wide in college, 16 ft in the NBA */
	g = new_game(CS_PROVIDER_SHOTTRACKER, CS_FORMAT_HALVES);
	start(g, "c0", 1);
	fg(g, "c1", 1, CLOCK(19, 0), CS_HOME, "h1", true, false, 0, 1000, 300 + 80);
	fg(g, "c2", 1, CLOCK(18, 0), CS_HOME, "h1", true, false, 0, 1000, 300 - 72);
	is_int(game_analytics(g, CS_HOME, 0)->points_in_paint, 2, "ncaam: 80 in off the middle is out");
	ok(game_set_rules(g, "nba") == 0, "--rules nba");
	is_int(game_analytics(g, CS_HOME, 0)->points_in_paint, 4, "nba: 80 in is in the lane");
	game_free(&g);
}

/* --- appends, corrections, deletes --------------------------------------- */

static bool
same_figures(struct game *a, struct game *b)
{
	int s, p;

	for (s = 0; s < 2; s++)
		for (p = 0; p <= CS_PERIODS_MAX; p++)
			if (memcmp(game_analytics(a, s, p), game_analytics(b, s, p),
			    sizeof (struct team_analytics)) != 0)
				return false;
	return memcmp(game_flow(a), game_flow(b), sizeof (struct game_flow)) == 0;
}

static void
test_rederive(void)
{
	struct game *g = sportradar_game(), *once = sportradar_game();

	game_analytics(g, CS_HOME, 0);
	resend_sequence = 7;   /* e3's */
	fg(g, "e3", 1, CLOCK(11, 0), CS_HOME, "h1", true, false, CS_Q_SECOND_CHANCE, -1, 0);
	is_int(game_analytics(g, CS_HOME, 0)->points_in_paint, 4, "a correction drops the paint");
	is_int(game_analytics(g, CS_HOME, 0)->bench_points, 0, "and moves the basket to a starter");
	fg(g, "e3", 1, CLOCK(11, 0), CS_HOME, "h6", true, false,
	    CS_Q_PAINT | CS_Q_SECOND_CHANCE, -1, 0);
	resend_sequence = 0;
	ok(same_figures(g, once), "corrected back: the same figures as reading once");
	game_delete(g, "e10");
	is_int(game_analytics(g, CS_HOME, 0)->most_unanswered, 3, "a delete re-derives the run");
	is_int(game_flow(g)->lead_changes, 3, "and the lead changes");
	game_free(&g);

	read_each = true;
	g = sportradar_game();
	read_each = false;
	ok(same_figures(g, once), "read after every append = read once at the end");
	game_free(&g);
	game_free(&once);
}

/* Out of order arrival, read after each insert: the in-order figures. */
static void
test_shuffled(void)
{
	struct game *g, *r;
	size_t i, n;

	nkept = 0;
	g = sportradar_game();
	n = nkept;
	r = new_game(CS_PROVIDER_SPORTRADAR, CS_FORMAT_QUARTERS);
	for (i = n; i-- > 0; ) {
		game_upsert(r, &kept[i]);
		game_flow(r);
	}
	ok(n > 10 && same_figures(g, r), "reversed arrival: the in-order figures");
	game_free(&r);
	game_free(&g);
}

/* --- live: the run, droughts, the since-timeout card --------------------- */

static void
test_live(void)
{
	struct game *g = sportradar_game();
	const struct game_flow *f;

	/* after e6b: home's run 3 (h6 FG, h2 FT) with away's two free throws */
	game_delete(g, "e7");
	game_delete(g, "e9");
	game_delete(g, "e10");
	game_delete(g, "to");
	game_delete(g, "pe1");
	game_delete(g, "q2");
	f = game_flow(g);
	is_int(f->run.side, CS_HOME, "run: home, since h6's field goal");
	is_int(f->run.points, 3, "run: 3 for");
	is_int(f->run.against, 2, "run: free throws against do not end it");
	is_int(f->run.since.sequence, 1, "run since Q1");
	is_int(f->run.since_clock, CLOCK(11, 0), "run since 11:00");
	is_int(f->since_timeout.side, CS_SIDE_NONE, "no timeout yet");
	is_int(f->since_timeout.points[CS_HOME], 5, "since the tip: home 5");
	is_int(f->since_timeout.fga[CS_AWAY], 1, "since the tip: away 1 FGA");
	is_int(f->drought[CS_HOME].tenths, CLOCK(0, 30), "home drought: 11:00 to 10:30");
	game_free(&g);

	g = sportradar_game();
	f = game_flow(g);
	is_int(f->run.side, CS_HOME, "run: home again at the end");
	is_int(f->run.points, 5, "run: 5-0");
	is_int(f->run.against, 0, "run: nothing against");
	is_int(f->run.since.sequence, 2, "since Q2");
	is_int(f->run.since_clock, CLOCK(11, 0), "since 11:00");
	ok(f->drought[CS_HOME].scored && f->drought[CS_HOME].last.sequence == 2 &&
	    f->drought[CS_HOME].last_clock == CLOCK(10, 0), "home's last field goal: Q2 10:00");
	is_int(f->drought[CS_HOME].tenths, CLOCK(1, 0), "home drought 1:00 (to the timeout)");
	is_int(f->drought[CS_AWAY].tenths, CLOCK(12, 0) - CLOCK(1, 40) + CLOCK(3, 0),
	    "away drought from Q1 10:20 to Q2 9:00: 13:40");
	is_int(f->since_timeout.side, CS_AWAY, "the away timeout");
	is_int(f->since_timeout.clock, CLOCK(9, 0), "at 9:00");
	is_int(f->since_timeout.points[CS_HOME] + f->since_timeout.points[CS_AWAY], 0,
	    "nothing since");
	fg(g, "x1", 2, CLOCK(8, 30), CS_AWAY, "a4", true, false, 0, -1, 0);
	fg(g, "x2", 2, CLOCK(8, 20), CS_HOME, "h4", false, false, 0, -1, 0);
	foul(g, "x3", 2, CLOCK(8, 0), CS_HOME, "h2");
	tov(g, "x4", 2, CLOCK(7, 50), CS_HOME, "h3");
	f = game_flow(g);
	ok(f->since_timeout.points[CS_AWAY] == 2 && f->since_timeout.points[CS_HOME] == 0,
	    "since the timeout: away 2, home 0");
	ok(f->since_timeout.fgm[CS_AWAY] == 1 && f->since_timeout.fga[CS_AWAY] == 1 &&
	    f->since_timeout.fgm[CS_HOME] == 0 && f->since_timeout.fga[CS_HOME] == 1,
	    "since the timeout: FG 1-1 and 0-1");
	ok(f->since_timeout.tov[CS_HOME] == 1 && f->since_timeout.fouls[CS_HOME] == 1 &&
	    f->since_timeout.tov[CS_AWAY] == 0, "since the timeout: a turnover, a foul");
	is_int(f->run.side, CS_AWAY, "a field goal takes the run away");
	is_int(f->drought[CS_AWAY].tenths, CLOCK(0, 40), "away drought 0:40 after x1");
	game_free(&g);

	g = new_game(CS_PROVIDER_SPORTRADAR, CS_FORMAT_QUARTERS);
	start(g, "n0", 1);
	marker(g, "n1", 1, CLOCK(10, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	f = game_flow(g);
	ok(!f->drought[CS_HOME].scored && f->drought[CS_HOME].tenths == CLOCK(2, 0),
	    "no field goal yet: the drought runs from the tip");
	is_int(f->run.side, CS_SIDE_NONE, "no run before a score");
	game_free(&g);
}

/* --- five-man units ------------------------------------------------------ */

static void
test_units(void)
{
	struct game *g = new_game(CS_PROVIDER_SPORTRADAR, CS_FORMAT_QUARTERS);
	static const char *const bench5[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h6" };
	const struct unit *u;
	struct cs_event e;
	int k;

	start(g, "u0", 1);
	fg(g, "u1", 1, CLOCK(11, 0), CS_HOME, "h1", true, false, 0, -1, 0);
	fg(g, "u2", 1, CLOCK(10, 50), CS_AWAY, "a1", true, true, 0, -1, 0);
	fg(g, "u3", 1, CLOCK(10, 40), CS_HOME, "h2", false, false, 0, -1, 0);
	reb(g, "u4", 1, CLOCK(10, 38), CS_HOME, "h3", true);
	fg(g, "u5", 1, CLOCK(10, 30), CS_HOME, "h3", true, false, 0, -1, 0);
	foul(g, "u6", 1, CLOCK(10, 0), CS_AWAY, "a1");
	e = ev("u7", 1, CLOCK(10, 0), CS_EV_SUBSTITUTION, CS_HOME);
	e.has_on_court[CS_HOME] = true;
	for (k = 0; k < CS_ON_COURT; k++)
		cs_strlcpy(e.on_court[CS_HOME][k].id, bench5[k], CS_ID_MAX);
	up(g, &e);
	ft(g, "u8", 1, CLOCK(10, 0), CS_HOME, "h1", true, 0);
	ft(g, "u9", 1, CLOCK(10, 0), CS_HOME, "h1", true, 0);
	tov(g, "u10", 1, CLOCK(9, 30), CS_HOME, "h6");
	is_int(game_unit_count(g), 3, "three units");
	u = game_unit(g, 0);
	is_int(u->possessions_x100, 288, "starters: 3 FGA - 1 OREB + the FTs of their foul");
	ok(u->points_for == 6 && u->points_against == 3, "starters: 6-3");
	is_int(u->net_rating_x10, 1042, "starters: net 100 x 3 / 2.88 = +104.2");
	u = game_unit(g, 1);
	is_int(u->possessions_x100, 100, "away: one possession");
	is_int(u->net_rating_x10, -3000, "away: net -300.0 (rounded away from zero)");
	u = game_unit(g, 2);
	ok(u->possessions_x100 == 100 && u->net_rating_x10 == 0,
	    "second unit: the turnover, no points: 1.00 and 0.0");
	game_free(&g);
}

/* The run the header names: live from an 8-point margin, with the game
 * time it has lasted, across a period's end. */
static void
test_live_run(void)
{
	struct game *g = new_game(CS_PROVIDER_SPORTRADAR, CS_FORMAT_QUARTERS);
	const struct game_flow *f;

	start(g, "r0", 1);
	fg(g, "r1", 1, CLOCK(1, 0), CS_HOME, "h1", true, true, 0, -1, 0);
	fg(g, "r2", 1, CLOCK(0, 30), CS_HOME, "h2", true, false, 0, -1, 0);
	f = game_flow(g);
	is_int(f->run.points, 5, "run 5-0");
	ok(!f->run.live, "5-0 is no live run");
	is_int(f->run.tenths, CLOCK(0, 30), "lasted 0:30 (1:00 to 0:30)");
	ft(g, "r3", 1, CLOCK(0, 20), CS_AWAY, "a1", true, 0);
	ft(g, "r4", 1, CLOCK(0, 20), CS_AWAY, "a1", true, 0);
	fg(g, "r5", 1, CLOCK(0, 10), CS_HOME, "h3", true, true, 0, -1, 0);
	f = game_flow(g);
	ok(f->run.points == 8 && f->run.against == 2, "run 8-2");
	ok(!f->run.live, "8-2: a margin of 6 is not live");
	start(g, "r6", 2);
	fg(g, "r7", 2, CLOCK(11, 40), CS_HOME, "h4", true, false, 0, -1, 0);
	f = game_flow(g);
	ok(f->run.points == 10 && f->run.against == 2, "run 10-2 across the period");
	ok(f->run.live, "10-2: a margin of 8 is live");
	is_int(f->run.tenths, CLOCK(1, 20), "lasted 1:20: Q1 1:00 to Q2 11:40");
	fg(g, "r8", 2, CLOCK(11, 20), CS_AWAY, "a2", true, false, 0, -1, 0);
	f = game_flow(g);
	ok(f->run.side == CS_AWAY && !f->run.live, "an away field goal ends it");
	game_free(&g);
}

int
main(void)
{
	test_sportradar();
	test_shottracker();
	test_rederive();
	test_shuffled();
	test_live();
	test_live_run();
	test_units();
	return tap_done();
}
