/*
 * The hand-built game of the UI tests (tests/test_screens.c, tests/ui_drive.c):
 * two teams, a substitution, fouls (one player in foul trouble), shots on
 * both halves, a corrected play, and an escape sequence in a player's name
 * and in a description.  Included, not linked: everything here is static.
 */
#ifndef CS_UI_GAME_H
#define CS_UI_GAME_H

#include <stdio.h>
#include <string.h>

#include "model/event.h"
#include "model/game.h"

static int seqno;

static const char *const bos_names[8] = {
	"Jayson Tatum", "Jaylen Brown", "Jrue Holiday", "Derrick White",
	"Kristaps Porzingis", "Al Horford", "Payton Pritchard", "Sam Hauser",
};
static const char *const bos_jersey[8] = { "0", "7", "4", "9", "8", "42", "11", "30" };
static const char *const nyk_names[8] = {
	"Jalen Brunson", "Josh Hart", "OG Anunoby", "Julius Randle",
	"Mitchell Robinson", "Donte DiVincenzo", "Isaiah Hartenstein",
	"\033[31mEvil\033[0m Name",
};
static const char *const nyk_jersey[8] = { "11", "3", "8", "30", "23", "0", "55", "99" };

static __attribute__((unused)) void
team(struct cs_team_info *t, const char *id, const char *market, const char *name,
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
	t->nplayers = 8;
	for (i = 0; i < 8; i++) {
		snprintf(t->players[i].id, sizeof t->players[i].id, "%s%d", pfx, i);
		cs_strlcpy(t->players[i].name, names[i], sizeof t->players[i].name);
		cs_strlcpy(t->players[i].jersey, jerseys[i], sizeof t->players[i].jersey);
		t->players[i].starter = i < 5;
	}
}

static __attribute__((unused)) struct cs_event *
ev_new(struct cs_event *ev, int period, int clock, enum cs_event_type type, int side,
    const char *desc)
{
	cs_event_init(ev, CS_PROVIDER_SPORTRADAR);
	seqno++;
	snprintf(ev->id, sizeof ev->id, "e%03d", seqno);
	ev->sequence = seqno * 10;
	ev->number = seqno;
	ev->period.type = CS_PERIOD_QUARTER;
	ev->period.number = period;
	ev->period.sequence = period;
	ev->clock = clock;
	ev->type = type;
	ev->side = side;
	if (desc != NULL)
		cs_strlcpy(ev->description, desc, sizeof ev->description);
	return ev;
}

static __attribute__((unused)) struct cs_stat *
st_add(struct cs_event *ev, enum cs_stat_type type, int side, const char *pid)
{
	struct cs_stat *st = cs_event_add_stat(ev, type, side);

	if (st != NULL && pid != NULL)
		cs_strlcpy(st->player.id, pid, sizeof st->player.id);
	return st;
}

static __attribute__((unused)) void
fg(struct cs_event *ev, int side, const char *pid, bool made, bool three, int x, int y)
{
	struct cs_stat *st = st_add(ev, CS_STAT_FIELD_GOAL, side, pid);

	st->made = made;
	st->three = three;
	st->points = made ? (three ? 3 : 2) : 0;
	ev->has_location = true;
	ev->x = x;
	ev->y = y;
}

static __attribute__((unused)) void
ft(struct cs_event *ev, int side, const char *pid, bool made)
{
	struct cs_stat *st = st_add(ev, CS_STAT_FREE_THROW, side, pid);

	st->made = made;
	st->points = made ? 1 : 0;
}

static __attribute__((unused)) void
five(struct cs_event *ev, int side, const char *pfx, const int idx[5])
{
	int k;

	ev->has_on_court[side] = true;
	for (k = 0; k < 5; k++)
		snprintf(ev->on_court[side][k].id, sizeof ev->on_court[side][k].id, "%s%d",
		    pfx, idx[k]);
}

#define UI_GAME_EVENTS_MAX 64

struct ui_game_events {
	struct cs_event ev[UI_GAME_EVENTS_MAX];
	int n;
};

static __attribute__((unused)) void
put(struct ui_game_events *out, const struct cs_event *ev)
{
	if (out->n < UI_GAME_EVENTS_MAX)
		out->ev[out->n++] = *ev;
}

/* The game's header and its events in order. */
static __attribute__((unused)) void
ui_game_script(struct cs_game_info *infop, struct ui_game_events *evs)
{
	static const int starters[5] = { 0, 1, 2, 3, 4 };
	static const int nyk_sub[5] = { 0, 1, 2, 6, 4 };
	static const int nyk_q2[5] = { 0, 1, 2, 6, 7 };
	static const int bos_q2[5] = { 0, 1, 5, 3, 6 };
	struct cs_game_info info;
	struct cs_event ev;
	struct cs_stat *st;
	struct ui_game_events *g = evs;

	seqno = 0;
	g->n = 0;
	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "test-game", sizeof info.id);
	cs_strlcpy(info.status, "inprogress", sizeof info.status);
	info.format = CS_FORMAT_QUARTERS;
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	team(&info.team[CS_HOME], "nyk", "New York", "Knicks", "NYK", 0xF58426, "n",
	    nyk_names, nyk_jersey);
	team(&info.team[CS_AWAY], "bos", "Boston", "Celtics", "BOS", 0x007A33, "b",
	    bos_names, bos_jersey);
	*infop = info;

	/* Q1: BOS attacks the left basket, NYK the right one */
	ev_new(&ev, 1, 7200, CS_EV_PERIOD_START, CS_SIDE_NONE, NULL);
	five(&ev, CS_HOME, "n", starters);
	five(&ev, CS_AWAY, "b", starters);
	put(g, &ev);
	ev_new(&ev, 1, 7200, CS_EV_JUMP_BALL, CS_SIDE_NONE, "Jump ball: Porzingis vs. Robinson");
	put(g, &ev);
	ev_new(&ev, 1, 7050, CS_EV_TWO_MADE, CS_AWAY, NULL);
	fg(&ev, CS_AWAY, "b0", true, false, 150, 280);
	st_add(&ev, CS_STAT_ASSIST, CS_AWAY, "b2");
	put(g, &ev);
	ev_new(&ev, 1, 6890, CS_EV_THREE_MISSED, CS_HOME,
	    "Jalen Brunson misses 25-foot three point jumper");
	fg(&ev, CS_HOME, "n0", false, true, 770, 300);
	put(g, &ev);
	ev_new(&ev, 1, 6870, CS_EV_REBOUND, CS_AWAY, "Jaylen Brown defensive rebound");
	st_add(&ev, CS_STAT_REBOUND, CS_AWAY, "b1");
	put(g, &ev);
	ev_new(&ev, 1, 6700, CS_EV_THREE_MADE, CS_AWAY,
	    "Jaylen Brown makes 22-foot three point jumper (Derrick White assists)");
	fg(&ev, CS_AWAY, "b1", true, true, 40, 570);
	st_add(&ev, CS_STAT_ASSIST, CS_AWAY, "b3");
	put(g, &ev);
	ev_new(&ev, 1, 6500, CS_EV_SHOOTING_FOUL, CS_HOME, "Julius Randle shooting foul");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "n3");
	st_add(&ev, CS_STAT_FOUL_DRAWN, CS_AWAY, "b0");
	put(g, &ev);
	ev_new(&ev, 1, 6500, CS_EV_FREE_THROW_MADE, CS_AWAY, "Jayson Tatum makes free throw 1 of 2");
	ft(&ev, CS_AWAY, "b0", true);
	put(g, &ev);
	ev_new(&ev, 1, 6500, CS_EV_FREE_THROW_MADE, CS_AWAY, "Jayson Tatum makes free throw 2 of 2");
	ft(&ev, CS_AWAY, "b0", true);
	put(g, &ev);
	ev_new(&ev, 1, 6000, CS_EV_TWO_MADE, CS_HOME, "Jalen Brunson makes driving layup");
	fg(&ev, CS_HOME, "n0", true, false, 1040, 310);
	put(g, &ev);
	ev_new(&ev, 1, 5600, CS_EV_PERSONAL_FOUL, CS_HOME, "Julius Randle personal foul");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "n3");
	put(g, &ev);
	ev_new(&ev, 1, 5600, CS_EV_SUBSTITUTION, CS_HOME,
	    "Isaiah Hartenstein enters the game for Julius Randle");
	five(&ev, CS_HOME, "n", nyk_sub);
	put(g, &ev);
	ev_new(&ev, 1, 5200, CS_EV_TIMEOUT, CS_AWAY, "Celtics full timeout");
	ev.timeouts_remaining = 6;
	put(g, &ev);
	ev_new(&ev, 1, 4800, CS_EV_TWO_MISSED, CS_HOME, NULL);
	fg(&ev, CS_HOME, "n1", false, false, 900, 450);
	st_add(&ev, CS_STAT_BLOCK, CS_AWAY, "b4");
	put(g, &ev);
	ev_new(&ev, 1, 4780, CS_EV_REBOUND, CS_AWAY, NULL);
	st_add(&ev, CS_STAT_REBOUND, CS_AWAY, "b3");
	put(g, &ev);
	ev_new(&ev, 1, 4500, CS_EV_TURNOVER, CS_AWAY, NULL);
	st_add(&ev, CS_STAT_TURNOVER, CS_AWAY, "b3");
	st_add(&ev, CS_STAT_STEAL, CS_HOME, "n2");
	put(g, &ev);
	ev_new(&ev, 1, 4400, CS_EV_THREE_MADE, CS_HOME,
	    "OG Anunoby makes 26-foot three point jumper");
	fg(&ev, CS_HOME, "n2", true, true, 815, 150);
	put(g, &ev);
	ev_new(&ev, 1, 3000, CS_EV_TWO_MISSED, CS_AWAY, "Kristaps Porzingis misses 15-foot jumper");
	fg(&ev, CS_AWAY, "b4", false, false, 230, 120);
	put(g, &ev);
	ev_new(&ev, 1, 2980, CS_EV_REBOUND, CS_HOME, "Knicks team rebound");
	st = st_add(&ev, CS_STAT_REBOUND, CS_HOME, NULL);
	(void)st;
	put(g, &ev);
	ev_new(&ev, 1, 0, CS_EV_PERIOD_END, CS_SIDE_NONE, "End of 1st Quarter");
	put(g, &ev);

	/* Q2 */
	ev_new(&ev, 2, 7200, CS_EV_PERIOD_START, CS_SIDE_NONE, NULL);
	five(&ev, CS_HOME, "n", nyk_q2);
	five(&ev, CS_AWAY, "b", bos_q2);
	put(g, &ev);
	ev_new(&ev, 2, 6900, CS_EV_TWO_MADE, CS_HOME, NULL);
	fg(&ev, CS_HOME, "n7", true, false, 1000, 200);
	put(g, &ev);
	ev_new(&ev, 2, 6600, CS_EV_TWO_MADE, CS_AWAY,
	    "Jayson Tatum makes 12-foot pullup jump shot");
	fg(&ev, CS_AWAY, "b0", true, false, 200, 350);
	ev.corrected = true;
	put(g, &ev);
	ev_new(&ev, 2, 6300, CS_EV_PERSONAL_FOUL, CS_HOME,
	    "Foul on \033]2;pwned\007Josh Hart");
	st_add(&ev, CS_STAT_PERSONAL_FOUL, CS_HOME, "n1");
	put(g, &ev);
	ev_new(&ev, 2, 6000, CS_EV_THREE_MISSED, CS_AWAY, NULL);
	fg(&ev, CS_AWAY, "b6", false, true, 420, 300);
	put(g, &ev);
	ev_new(&ev, 2, 5980, CS_EV_REBOUND, CS_HOME, NULL);
	st = st_add(&ev, CS_STAT_REBOUND, CS_HOME, "n6");
	put(g, &ev);
	ev_new(&ev, 2, 5500, CS_EV_THREE_MADE, CS_HOME, "Jalen Brunson makes 24-foot step back jumper");
	fg(&ev, CS_HOME, "n0", true, true, 1065 - 100, 40);
	put(g, &ev);
}

static __attribute__((unused)) struct game *
build_game(void)
{
	static struct ui_game_events evs;
	struct cs_game_info info;
	struct game *g = game_new();
	int i;

	ui_game_script(&info, &evs);
	game_set_info(g, &info);
	for (i = 0; i < evs.n; i++)
		if (game_upsert(g, &evs.ev[i]) < 0)
			printf("# event %s refused\n", evs.ev[i].id);
	return g;
}

#endif
