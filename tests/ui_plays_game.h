/*
 * A ShotTracker-shaped game for the plays and shot-chart screen tests
 * (tests/test_screens.c): every statistic an item of its own that shares
 * its play's timestamp (an assist, a block, a steal, a foul drawn), whole
 * new fives as substitutions ("DEN lineup"), teammates who share a
 * surname, a description too long for any row, a second quarter long
 * enough to scroll, and shots stacked in one spot.  Away HOU attacks the
 * right basket in the first half, home DEN the left one.
 * Included, not linked: everything here is static.  Needs ui_game.h.
 */
#ifndef CS_UI_PLAYS_GAME_H
#define CS_UI_PLAYS_GAME_H

static const char *const den_names[8] = {
	"Jamal Murray", "Christian Braun", "Michael Porter Jr.", "Aaron Gordon",
	"Nikola Jokic", "Russell Westbrook", "Peyton Watson", "Julian Strawther",
};
static const char *const den_jersey[8] = { "27", "0", "1", "50", "15", "4", "8", "3" };
static const char *const hou_names[8] = {
	"Jalen Green", "Fred Van Vleet", "Dillon Brooks", "Jabari Smith Jr.",
	"Alperen Sengun", "Amen Thompson", "Ausar Thompson", "Danny Green",
};
static const char *const hou_jersey[8] = { "4", "5", "9", "10", "28", "1", "2", "14" };

/* One ShotTracker item: id "actor:ts:BASE", ordered by its timestamp,
 * then by its rank among the items of its play. */
static struct cs_event *
st_item(struct cs_event *ev, int period, int64_t ts, int rank, int clock,
    enum cs_event_type type, int side, const char *base, const char *desc)
{
	cs_event_init(ev, CS_PROVIDER_SHOTTRACKER);
	snprintf(ev->id, sizeof ev->id, "%s:%lld:%s", side == CS_HOME ? "den" : "hou",
	    (long long)ts, base);
	ev->sequence = ts;
	ev->number = rank;
	ev->period.type = CS_PERIOD_QUARTER;
	ev->period.number = period;
	ev->period.sequence = period;
	ev->clock = clock;
	ev->type = type;
	ev->side = side;
	ev->wall_ms = ts;
	if (desc != NULL)
		cs_strlcpy(ev->description, desc, sizeof ev->description);
	return ev;
}

static void
st_lineup(struct ui_game_events *g, int period, int64_t ts, int clock, int side,
    const int idx[5])
{
	struct cs_event ev;

	st_item(&ev, period, ts, 1, clock, CS_EV_SUBSTITUTION, side, "LINEUP",
	    side == CS_HOME ? "DEN lineup" : "HOU lineup");
	five(&ev, side, side == CS_HOME ? "d" : "h", idx);
	put(g, &ev);
}

static void
st_shot(struct ui_game_events *g, int64_t ts, int clock, int side, int who, bool made,
    bool three, int x, int y, const char *desc)
{
	struct cs_event ev;
	char pid[8];

	snprintf(pid, sizeof pid, "%s%d", side == CS_HOME ? "d" : "h", who);
	st_item(&ev, ts < 500000 ? 1 : 2, ts, 2, clock, made ? (three ? CS_EV_THREE_MADE :
	    CS_EV_TWO_MADE) : (three ? CS_EV_THREE_MISSED : CS_EV_TWO_MISSED), side, "FG", desc);
	fg(&ev, side, pid, made, three, x, y);
	put(g, &ev);
}

/* An item that only credits a statistic to a player (AST, BLK, STL, FD). */
static void
st_rider(struct ui_game_events *g, int64_t ts, int rank, int clock, int side, int who,
    enum cs_stat_type type, const char *base, const char *desc)
{
	struct cs_event ev;
	char pid[8];

	snprintf(pid, sizeof pid, "%s%d", side == CS_HOME ? "d" : "h", who);
	st_item(&ev, ts < 500000 ? 1 : 2, ts, rank, clock, CS_EV_OTHER, side, base, desc);
	st_add(&ev, type, side, pid);
	put(g, &ev);
}

static void
plays_game_q1(struct ui_game_events *g)
{
	static const int den_start[5] = { 0, 1, 2, 3, 4 }, hou_start[5] = { 0, 1, 2, 3, 4 };
	static const int den_sub[5] = { 0, 5, 2, 6, 4 }, hou_sub[5] = { 0, 1, 5, 6, 4 };
	struct cs_event ev;

	st_item(&ev, 1, 1000, 0, 7200, CS_EV_PERIOD_START, CS_SIDE_NONE, "START", NULL);
	put(g, &ev);
	st_lineup(g, 1, 1000, 7200, CS_HOME, den_start);
	st_lineup(g, 1, 1001, 7200, CS_AWAY, hou_start);
	st_shot(g, 2000, 7000, CS_HOME, 4, true, false, 100, 300, "Nikola Jokic makes a two");
	st_rider(g, 2000, 3, 7000, CS_HOME, 0, CS_STAT_ASSIST, "AST", "Jamal Murray assist");
	st_shot(g, 3000, 6800, CS_AWAY, 0, false, false, 1050, 320, "Jalen Green misses a two");
	st_rider(g, 3000, 4, 6800, CS_HOME, 3, CS_STAT_BLOCK, "BLK", "Aaron Gordon block");
	st_item(&ev, 1, 4000, 10, 6500, CS_EV_PERSONAL_FOUL, CS_HOME, "PF",
	    "Christian Braun personal foul");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "d1");
	put(g, &ev);
	st_rider(g, 4000, 12, 6500, CS_AWAY, 1, CS_STAT_FOUL_DRAWN, "FD",
	    "Fred Van Vleet foul drawn");
	st_item(&ev, 1, 5000, 7, 6200, CS_EV_TURNOVER, CS_AWAY, "TO",
	    "Alperen Sengun live ball turnover");
	st_add(&ev, CS_STAT_TURNOVER, CS_AWAY, "h4");
	put(g, &ev);
	st_rider(g, 5000, 9, 6200, CS_HOME, 0, CS_STAT_STEAL, "STL", "Jamal Murray steal");
	st_lineup(g, 1, 6000, 6000, CS_HOME, den_sub);
	st_lineup(g, 1, 6001, 6000, CS_AWAY, hou_sub);
	/* three shots from one spot: the chart counts them */
	st_shot(g, 7000, 5800, CS_AWAY, 1, true, true, 1090, 40,
	    "Fred Van Vleet makes a three (Amen Thompson assists)");
	st_rider(g, 7000, 3, 5800, CS_AWAY, 5, CS_STAT_ASSIST, "AST", "Amen Thompson assist");
	st_shot(g, 8000, 5500, CS_AWAY, 1, false, true, 1092, 42, "Fred Van Vleet misses a three");
	st_shot(g, 9000, 5200, CS_AWAY, 1, true, true, 1091, 41, "Fred Van Vleet makes a three");
	st_rider(g, 9000, 3, 5200, CS_AWAY, 6, CS_STAT_ASSIST, "AST", "Ausar Thompson assist");
	st_shot(g, 10000, 5000, CS_AWAY, 4, true, false, 1040, 300,
	    "Alperen Sengun makes a turnaround fadeaway jumper from the left elbow over "
	    "two defenders after a spin move in the post");
	st_item(&ev, 1, 20000, 40, 0, CS_EV_PERIOD_END, CS_SIDE_NONE, "END", NULL);
	put(g, &ev);
}

/* Q2: long enough that a page at 80x24 holds only part of it. */
static void
plays_game_q2(struct ui_game_events *g)
{
	struct cs_event ev;
	int k;

	st_item(&ev, 2, 500000, 0, 7200, CS_EV_PERIOD_START, CS_SIDE_NONE, "START", NULL);
	put(g, &ev);
	for (k = 0; k < 24; k++) {
		st_shot(g, 501000 + 1000 * k, 7000 - 200 * k, k % 2 ? CS_HOME : CS_AWAY, k % 5,
		    k % 3 == 0, false, k % 2 ? 150 : 978, 260 + 4 * k,
		    k % 2 ? "Denver jump shot" : "Houston jump shot");
	}
}

static struct game *
build_plays_game(void)
{
	static struct ui_game_events evs;
	struct cs_game_info info;
	struct game *g = game_new();
	int i;

	evs.n = 0;
	cs_game_info_init(&info, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(info.id, "plays-game", sizeof info.id);
	cs_strlcpy(info.status, "inprogress", sizeof info.status);
	info.format = CS_FORMAT_QUARTERS;
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	team(&info.team[CS_HOME], "den", "Denver", "Nuggets", "DEN", 0x0E2240, "d",
	    den_names, den_jersey);
	team(&info.team[CS_AWAY], "hou", "Houston", "Rockets", "HOU", 0xCE1141, "h",
	    hou_names, hou_jersey);
	plays_game_q1(&evs);
	plays_game_q2(&evs);
	game_set_info(g, &info);
	for (i = 0; i < evs.n; i++)
		if (game_upsert(g, &evs.ev[i]) < 0)
			printf("# event %s refused\n", evs.ev[i].id);
	return g;
}

#endif
