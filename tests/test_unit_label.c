/*
 * Five-man unit labels (ui/unit_label.c): initial and surname, particles
 * kept, the jersey when a teammate shares the surname, cuts with an
 * ellipsis that keep what tells teammates apart; and, over every unit of
 * a roster full of look-alike names at every width, no two different
 * units reading the same.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "ui/unit_label.h"

static const char *const names[][2] = {
	{ "Jalen Williams", "8" }, { "Jaylin Williams", "6" }, { "Fred Van Vleet", "23" },
	{ "Jaren Jackson Jr.", "13" }, { "Josh Hart", "3" }, { "Josh Hartenstein", "55" },
	{ "Nikola Jokić", "15" }, { "Jamal Murray", "27" }, { "Nene", "42" },
	{ "Kentavious Caldwell-Pope", "5" }, { "Jalen Brunson", "11" },
	{ "Jalen Brunsen", "12" }, { "Keldon Johnson", "3" }, { "Cameron Johnson", "2" },
	{ "", "0" },
};

#define NPLAYERS ((int)(sizeof names / sizeof names[0]))

static struct box_player players[NPLAYERS];
static struct box_team team;

static void
roster(void)
{
	int i;

	memset(&team, 0, sizeof team);
	for (i = 0; i < NPLAYERS; i++) {
		memset(&players[i], 0, sizeof players[i]);
		snprintf(players[i].info.id, sizeof players[i].info.id, "p%d", i);
		cs_strlcpy(players[i].info.name, names[i][0], sizeof players[i].info.name);
		cs_strlcpy(players[i].info.jersey, names[i][1], sizeof players[i].info.jersey);
	}
	team.nplayers = NPLAYERS;
	team.players = players;
}

static const char *
label(int i)
{
	static char buf[128];

	return ui_unit_player_label(&team, i, buf, sizeof buf);
}

static struct unit
unit_of(int a, int b, int c, int d, int e)
{
	struct unit u;

	memset(&u, 0, sizeof u);
	u.players[0] = a, u.players[1] = b, u.players[2] = c;
	u.players[3] = d, u.players[4] = e;
	return u;
}

static int
columns(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
test_players(void)
{
	is_str(label(6), "N.Jokić", "initial and surname");
	is_str(label(2), "F.VanVleet", "a particle stays with the surname");
	is_str(label(3), "J.Jackson", "Jr. is no surname");
	is_str(label(0), "J.Williams#8", "a shared surname gets the jersey");
	is_str(label(1), "J.Williams#6", "and so does the other");
	is_str(label(12), "K.Johnson#3", "shared even with another initial");
	is_str(label(8), "Nene", "one name: no initial");
	is_str(label(14), "#0", "no name: the jersey");
	is_str(label(9), "K.Caldwell-Pope", "a hyphen joins");
}

static void
test_cuts(void)
{
	struct unit u = unit_of(0, 1, 2, 4, 5);
	char buf[256];
	int used;

	used = ui_unit_label(&team, &u, 200, "…", buf, sizeof buf);
	is_str(buf, "J.Williams#8 J.Williams#6 F.VanVleet J.Hart J.Hartenstein",
	    "wide: every label whole");
	is_int(used, columns(buf), "returns the columns");
	ui_unit_label(&team, &u, 50, "…", buf, sizeof buf);
	ok(columns(buf) <= 50, "50 columns: fits (%d: %s)", columns(buf), buf);
	ok(strstr(buf, "#8") != NULL && strstr(buf, "#6") != NULL, "the jerseys survive a cut");
	ok(strncmp(strstr(buf, "F.") != NULL ? strstr(buf, "F.") : "", "F.Van", 5) == 0,
	    "Van Vleet is cut from its end, never to Vleet (%s)", buf);
	ui_unit_label(&team, &u, 10, "…", buf, sizeof buf);
	ok(strstr(buf, "J.Hart ") != NULL && strstr(buf, "J.Harte…") != NULL,
	    "too narrow: Hart stays whole, Hartenstein keeps Harte (%s)", buf);
	u = unit_of(10, 11, 6, 7, 3);
	ui_unit_label(&team, &u, 10, ".", buf, sizeof buf);
	ok(strstr(buf, "J.Brunson ") != NULL && strstr(buf, "J.Brunsen ") != NULL,
	    "Brunson and Brunsen differ in their last letter: never cut (%s)", buf);
	ok(strstr(buf, "N.Jok.") != NULL, "a UTF-8 surname is cut at a character (%s)", buf);
}

/* Every unit of the first 12 players (792), at every width from 20 to
 * 70: no two print the same. */
static void
test_units_differ(void)
{
	static char out[792][256];
	int n = 0, a, b, c, d, e, width, i, j, same = 0;
	struct unit u;

	for (width = 20; width <= 70 && !same; width += 2) {
		n = 0;
		for (a = 0; a < 12; a++)
			for (b = a + 1; b < 12; b++)
				for (c = b + 1; c < 12; c++)
					for (d = c + 1; d < 12; d++)
						for (e = d + 1; e < 12; e++) {
							u = unit_of(a, b, c, d, e);
							ui_unit_label(&team, &u, width, "…", out[n],
							    sizeof out[n]);
							n++;
						}
		for (i = 0; i < n && !same; i++)
			for (j = i + 1; j < n && !same; j++)
				if (strcmp(out[i], out[j]) == 0) {
					same = 1;
					printf("# width %d: \"%s\" twice\n", width, out[i]);
				}
	}
	is_int(n, 792, "792 units of 12 players");
	ok(!same, "no two units read the same at any width from 20 to 70");
}

/* A five by ids, as ShotTracker's possessions give it (sorted by id, not
 * by roster): the same label as by roster index; a player the roster does
 * not know reads as his id, whole, so two such fives still differ. */
static void
test_ids(void)
{
	char ids[CS_ON_COURT][CS_ID_MAX], buf[256], want[256];
	struct unit u = unit_of(0, 1, 2, 4, 5);
	static const char *const sorted[CS_ON_COURT] = { "p0", "p1", "p2", "p4", "p5" };
	int k;

	for (k = 0; k < CS_ON_COURT; k++)   /* as the possessions sort them: p5 before p4 */
		cs_strlcpy(ids[k], sorted[CS_ON_COURT - 1 - k], sizeof ids[k]);
	ui_unit_label(&team, &u, 40, "…", want, sizeof want);
	ui_unit_label_ids(&team, (const char (*)[CS_ID_MAX])ids, 40, "…", buf, sizeof buf);
	is_str(buf, want, "by ids: the roster's order and the same cuts");
	cs_strlcpy(ids[0], "st:9001", sizeof ids[0]);
	ui_unit_label_ids(&team, (const char (*)[CS_ID_MAX])ids, 24, "…", buf, sizeof buf);
	ok(strstr(buf, " st:9001") != NULL, "an id not on the roster comes last, whole (%s)",
	    buf);
	cs_strlcpy(ids[0], "st:9002", sizeof ids[0]);
	ui_unit_label_ids(&team, (const char (*)[CS_ID_MAX])ids, 24, "…", want, sizeof want);
	ok(strcmp(buf, want) != 0, "two fives apart by an unknown player read apart");
	cs_strlcpy(ids[0], "p1", sizeof ids[0]);   /* p1 twice: bad data */
	ui_unit_label_ids(&team, (const char (*)[CS_ID_MAX])ids, 200, "…", buf, sizeof buf);
	ok(strstr(buf, "J.Williams#6") != NULL && strstr(buf, " p1") != NULL,
	    "an id given twice: once by name, once by id (%s)", buf);
	cs_strlcpy(ids[0], "\033[31m", sizeof ids[0]);
	ui_unit_label_ids(&team, (const char (*)[CS_ID_MAX])ids, 200, "…", buf, sizeof buf);
	ok(strchr(buf, '\033') == NULL, "an id's control characters never reach the label");
}

/* The labels' cache: two labels shown together (their keys the same
 * modulo the slots) are each made once, not again on every play; past
 * the slots, the least recently asked for goes. */
static void
test_cache(void)
{
	static struct ui_unit_labels c;
	uint64_t a = 5, b = 5 + UI_UNIT_LABELS_CACHED, k;
	bool made, all_made = true;
	char *text;
	int i;

	for (i = 0; i < 10; i++) {
		text = ui_unit_labels_slot(&c, a, &made);
		if (!made)
			snprintf(text, UI_UNIT_LABEL_MAX, "a");
		all_made &= made || i == 0;
		text = ui_unit_labels_slot(&c, b, &made);
		if (!made)
			snprintf(text, UI_UNIT_LABEL_MAX, "b");
		all_made &= made || i == 0;
	}
	ok(all_made, "two labels asked for in turn are found after the first time");
	is_int((int)c.made, 2, "... and made twice in all (colliding keys: 20 before)");
	is_str(ui_unit_labels_slot(&c, a, &made), "a", "each keeps its own text");
	for (k = 100; k < 100 + UI_UNIT_LABELS_CACHED - 2; k++)
		(void)ui_unit_labels_slot(&c, k, &made);   /* the slots full */
	(void)ui_unit_labels_slot(&c, a, &made);
	(void)ui_unit_labels_slot(&c, 999, &made);     /* one more: b goes */
	(void)ui_unit_labels_slot(&c, a, &made);
	ok(made, "the one asked for last stays");
	(void)ui_unit_labels_slot(&c, b, &made);
	ok(!made, "the least recently asked for went");
}

int
main(void)
{
	roster();
	test_players();
	test_cuts();
	test_units_differ();
	test_ids();
	test_cache();
	return tap_done();
}
