/*
 * A second hand-built game for the box-score tests: 15 players a side,
 * as an NBA roster is, eleven of whom play (rotating every three
 * minutes), four who never do; the home team's top scorer comes off the
 * bench; fouls to put one player in trouble, one out on fouls, one
 * ejected on two technicals; names with accents and a shared surname.
 * `final` ends the game (the four read DNP); otherwise it stops in the
 * fourth quarter at 1:59.7.  Needs tests/ui_game.h first (its helpers).
 */
#ifndef CS_UI_GAME15_H
#define CS_UI_GAME15_H

#define G15_PLAYERS 15
#define G15_PLAYING 11              /* the rotation: players 0-10 */

static const char *const g15_home_names[G15_PLAYERS] = {
	"Jalen Green", "Fred Van Vleet", "Dillon Brooks", "Jabari Smith Jr.",
	"Alperen Sengun", "Amen Thompson", "Aaron Holiday", "Tari Eason",
	"Jeff Green", "Steven Adams", "Cam Whitmore", "Jock Landale",
	"Reed Sheppard", "Jae'Sean Tate", "Nate Williams",
};
static const char *const g15_home_jersey[G15_PLAYERS] = {
	"4", "5", "9", "10", "28", "1", "0", "17", "32", "12", "7", "2", "15", "8", "19",
};
static const char *const g15_away_names[G15_PLAYERS] = {
	"Tyrese Maxey", "Kelly Oubre Jr.", "Paul George", "Caleb Martin",
	"Joel Embiid", "Kyle Lowry", "Andre Drummond", "Th\xc3\xa9o Maledon",
	"Jalen Williams", "Jaylin Williams", "Guerschon Yabusele", "Eric Gordon",
	"Ricky Council IV", "Jared McCain", "Nikola Joki\xc4\x87",
};
static const char *const g15_away_jersey[G15_PLAYERS] = {
	"0", "9", "8", "16", "21", "7", "1", "14", "6", "3", "28", "23", "14", "20", "15",
};

static void
g15_team(struct cs_team_info *t, const char *id, const char *market, const char *name,
    const char *alias, int color, const char *pfx, const char *const *names,
    const char *const *jerseys)
{
	int i;

	memset(t, 0, sizeof *t);
	cs_strlcpy(t->id, id, sizeof t->id);
	cs_strlcpy(t->market, market, sizeof t->market);
	cs_strlcpy(t->name, name, sizeof t->name);
	cs_strlcpy(t->alias, alias, sizeof t->alias);
	t->color = color;
	t->nplayers = G15_PLAYERS;
	for (i = 0; i < G15_PLAYERS; i++) {
		snprintf(t->players[i].id, sizeof t->players[i].id, "%s%d", pfx, i);
		cs_strlcpy(t->players[i].name, names[i], sizeof t->players[i].name);
		cs_strlcpy(t->players[i].jersey, jerseys[i], sizeof t->players[i].jersey);
		t->players[i].starter = i < 5;
	}
}

/* The five of a three-minute segment (0-15): a rotation of 0-10, the
 * starters in the first and last segment of each half. */
static void
g15_five(int seg, int idx[5])
{
	int k;

	for (k = 0; k < 5; k++)
		idx[k] = (seg % 8 == 0 || seg % 8 == 7) ? k : (seg * 3 + k) % G15_PLAYING;
}

static void
g15_put(struct game *g, const struct cs_event *ev)
{
	if (game_upsert(g, ev) < 0)
		printf("# event %s refused\n", ev->id);
}

/* One foul by player `pfx`N of `side` at `clock`; `type` says which. */
static void
g15_foul(struct game *g, int q, int clock, int side, const char *pfx, int n,
    enum cs_event_type type)
{
	struct cs_event ev;
	char pid[16];

	snprintf(pid, sizeof pid, "%s%d", pfx, n);
	ev_new(&ev, q, clock, type, side, NULL);
	st_add(&ev, type == CS_EV_TECHNICAL_FOUL ? CS_STAT_TECHNICAL_FOUL :
	    CS_STAT_PERSONAL_FOUL, side, pid);
	g15_put(g, &ev);
}

/* The possession k of quarter q: a shot by the side k % 2. */
static void
g15_possession(struct game *g, int q, int k, const int five[2][5])
{
	static const char *const pfx[2] = { "h", "a" };
	struct cs_event ev;
	int side = k % 2 == 0 ? CS_AWAY : CS_HOME, who, clock = 7200 - (k + 1) * 240 + 13, i;
	bool made, three;
	char pid[16];

	who = five[side][(k / 2 + q) % 5];
	made = (k / 2 + q) % 3 != 0;
	three = k % 5 == 0;
	for (i = 0; i < 5 && side == CS_HOME; i++)
		if (five[side][i] == 10) {  /* Whitmore: the bench scorer, last in order */
			who = 10;
			made = k % 4 != 1;
			three = k % 3 == 0;
		}
	snprintf(pid, sizeof pid, "%s%d", pfx[side], who);
	ev_new(&ev, q, clock, made ? (three ? CS_EV_THREE_MADE : CS_EV_TWO_MADE) :
	    (three ? CS_EV_THREE_MISSED : CS_EV_TWO_MISSED), side, NULL);
	fg(&ev, side, pid, made, three, side == CS_HOME ? 1000 - k * 7 : 100 + k * 7,
	    150 + (k * 37) % 300);
	if (!made) {
		g15_put(g, &ev);
		ev_new(&ev, q, clock - 20, CS_EV_REBOUND, 1 - side, NULL);
		snprintf(pid, sizeof pid, "%s%d", pfx[1 - side], five[1 - side][k % 5]);
		st_add(&ev, CS_STAT_REBOUND, 1 - side, pid);
	}
	g15_put(g, &ev);
}

/* The fouls after possession k of quarter q, 3.0 s after its shot. */
static void
g15_fouls(struct game *g, int q, int k)
{
	int clock = 7200 - (k + 1) * 240 - 17;

	/* home: Brooks (2) two in Q1, two in Q2, one in Q3: 5, trouble in Q4 */
	if ((q <= 2 && (k == 3 || k == 20)) || (q == 3 && k == 3))
		g15_foul(g, q, clock, CS_HOME, "h", 2, CS_EV_PERSONAL_FOUL);
	/* away: Embiid (4) two a quarter: his sixth in Q3 fouls him out */
	if (q <= 3 && (k == 5 || k == 21))
		g15_foul(g, q, clock, CS_AWAY, "a", 4, CS_EV_PERSONAL_FOUL);
	/* away: Lowry (5) two technicals in Q2, ejected; Oubre (1) one */
	if (q == 2 && (k == 9 || k == 10))
		g15_foul(g, q, clock, CS_AWAY, "a", 5, CS_EV_TECHNICAL_FOUL);
	if (q == 2 && k == 12)
		g15_foul(g, q, clock, CS_AWAY, "a", 1, CS_EV_TECHNICAL_FOUL);
}

static __attribute__((unused)) struct game *
build_game15(bool final)
{
	struct cs_game_info info;
	struct cs_event ev;
	struct game *g = game_new();
	int q, k, seg, last_seg = -1, fives[2][5];

	seqno = 0;
	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "game-15", sizeof info.id);
	cs_strlcpy(info.status, final ? "closed" : "inprogress", sizeof info.status);
	info.format = CS_FORMAT_QUARTERS;
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	g15_team(&info.team[CS_HOME], "hou", "Houston", "Rockets", "HOU", 0xCE1141, "h",
	    g15_home_names, g15_home_jersey);
	g15_team(&info.team[CS_AWAY], "phi", "Philadelphia", "76ers", "PHI", 0x006BB6, "a",
	    g15_away_names, g15_away_jersey);
	game_set_info(g, &info);
	for (q = 1; q <= 4; q++) {
		for (k = 0; k < 30; k++) {
			if (q == 4 && !final && k == 25)
				return g;
			seg = (q - 1) * 4 + k / 8;
			if (seg != last_seg) {
				/* a new five: at the tip, or a substitution 3.2 s after the last shot */
				g15_five(seg, fives[CS_HOME]);
				g15_five(seg, fives[CS_AWAY]);
				ev_new(&ev, q, k == 0 ? 7200 : 7200 - k * 240 - 19,
				    k == 0 ? CS_EV_PERIOD_START : CS_EV_SUBSTITUTION, CS_SIDE_NONE, NULL);
				five(&ev, CS_HOME, "h", fives[CS_HOME]);
				five(&ev, CS_AWAY, "a", fives[CS_AWAY]);
				g15_put(g, &ev);
				last_seg = seg;
			}
			g15_possession(g, q, k, (const int (*)[5])fives);
			g15_fouls(g, q, k);
		}
		ev_new(&ev, q, 0, CS_EV_PERIOD_END, CS_SIDE_NONE, NULL);
		g15_put(g, &ev);
	}
	ev_new(&ev, 4, 0, CS_EV_GAME_END, CS_SIDE_NONE, NULL);
	g15_put(g, &ev);
	return g;
}

#endif
