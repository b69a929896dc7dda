/*
 * Unit tests of the box score's words (issue 17 items 2, 4, 5, 8): player
 * labels that keep what tells two players apart, minutes that add up,
 * foul marks, and names in ASCII when the locale is not UTF-8.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "ui/label.h"
#include "ui/text.h"

static struct box_player players[8];
static struct box_team team;

static void
roster(const char *const *names, const char *const *jerseys, int n)
{
	int i;

	memset(players, 0, sizeof players);
	memset(&team, 0, sizeof team);
	for (i = 0; i < n; i++) {
		cs_strlcpy(players[i].info.name, names[i], sizeof players[i].info.name);
		cs_strlcpy(players[i].info.jersey, jerseys[i], sizeof players[i].info.jersey);
	}
	team.players = players;
	team.nplayers = n;
}

static const char *
label(int i, int width, bool ascii)
{
	static char buf[128];

	return ui_player_label(&team, i, width, ascii, buf, sizeof buf);
}

/* Théo's label drawn in the current locale, as ASCII text. */
static const char *
label_ascii(void)
{
	static const char *const names[] = { "Th\xc3\xa9o Maledon" };
	static const char *const jerseys[] = { "14" };
	static char out[128];
	char buf[128];

	roster(names, jerseys, 1);
	ui_player_label(&team, 0, 20, true, buf, sizeof buf);
	ui_text_ascii(buf, out, sizeof out);
	return ui_text_utf8_locale() ? buf : out;
}

static void
test_labels(void)
{
	static const char *const names[] = { "Nikola Jokic", "Jalen Williams", "Jaylin Williams",
		"Fred Van Vleet", "Shai Gilgeous-Alexander", "Jaren Jackson Jr.", "Nene",
		"Kenrich Williams" };
	static const char *const jerseys[] = { "15", "8", "6", "23", "2", "13", "42", "34" };
	char buf[64];

	roster(names, jerseys, 8);
	is_str(label(0, 20, false), "Nikola Jokic", "the full name when it fits");
	is_str(label(0, 10, false), "N.Jokic", "initial + surname");
	is_str(label(0, 0, false), "N.Jokic", "width 0: the short form");
	is_str(label(1, 12, false), "J.Williams#8", "two J.Williams: the jersey tells them apart");
	is_str(label(2, 12, false), "J.Williams#6", "and the other one");
	is_str(label(7, 10, false), "K.Williams", "a K.Williams needs no jersey");
	is_str(label(1, 9, false), "J.Will\xe2\x80\xa6#8", "too narrow: the surname is cut, the jersey kept");
	is_str(label(3, 10, false), "F.Van Vle\xe2\x80\xa6", "Van Vleet stays the surname");
	is_str(label(3, 12, false), "F.Van Vleet", "F.Van Vleet");
	is_str(label(4, 14, false), "S.Gilgeous-Al\xe2\x80\xa6", "an ellipsis, not a cut mid-word");
	is_str(label(4, 14, true), "S.Gilgeous-Al.", "ASCII: one dot");
	is_int(ui_text_width(label(4, 14, false)), 14, "exactly the width");
	is_str(label(5, 12, false), "J.Jackson", "the suffix goes first");
	is_str(label(6, 3, false), "Ne\xe2\x80\xa6", "one word: cut");
	is_str(ui_last_name("Fred Van Vleet", buf, sizeof buf), "Van Vleet", "surname with a particle");
	is_str(ui_last_name("Van Vleet", buf, sizeof buf), "Vleet", "the first word is never a particle");
	is_str(ui_last_name("Kevin De Bruyne", buf, sizeof buf), "De Bruyne", "De Bruyne");
}

static void
test_minutes(void)
{
	/* a hand-made team column of 14,400 s (5 x 48:00) */
	static const int secs[] = { 2159, 2100, 1830, 1790, 1181, 1500, 1430, 1200, 1210, 0 };
	int mins[10], i, sum = 0, trunc = 0, n = 10, total = 0;

	for (i = 0; i < n; i++)
		total += secs[i];
	is_int(total, 14400, "the hand-made column sums to 14,400 s");
	ui_minutes_shares(secs, n, mins);
	for (i = 0; i < n; i++) {
		sum += mins[i];
		trunc += secs[i] / 60;
	}
	is_int(trunc, 236, "truncated, the column sums to 236 (the bug)");
	is_int(sum, 240, "shared, it sums to 240");
	is_int(mins[0], 36, "35:59 shows 36");
	is_int(mins[3], 30, "29:50 shows 30");
	is_int(mins[6], 24, "23:50 shows 24");
	is_int(mins[4], 20, "19:41 shows 20");
	is_int(mins[2], 30, "30:30 shows 30: the smaller remainders give way");
	is_int(mins[9], 0, "no time, no minute");
	/* a tie goes to the earlier player */
	{
		static const int tie[] = { 90, 90 };

		ui_minutes_shares(tie, 2, mins);
		is_int(mins[0] + mins[1], 3, "1:30 + 1:30 = 3");
		is_int(mins[0], 2, "the earlier gets the minute");
	}
}

static void
test_fouls(void)
{
	const struct game_rules *nba = game_rules_profile("nba");
	const struct game_rules *fiba = game_rules_profile("fiba");
	struct cs_period q = { CS_PERIOD_QUARTER, 1, 1 };
	struct statline l;

	is_int(ui_foul_level(nba, &q, 1), UI_FOULS_OK, "Q1: one foul");
	is_int(ui_foul_level(nba, &q, 2), UI_FOULS_TROUBLE, "Q1: two is trouble");
	q.number = q.sequence = 4;
	is_int(ui_foul_level(nba, &q, 2), UI_FOULS_OK, "Q4: two is nothing");
	is_int(ui_foul_level(nba, &q, 4), UI_FOULS_OK, "Q4 NBA: four is fine");
	is_int(ui_foul_level(nba, &q, 5), UI_FOULS_DANGER, "Q4 NBA: five is one from out");
	is_int(ui_foul_level(nba, &q, 6), UI_FOULS_OUT, "NBA: six is out");
	q.number = q.sequence = 1;
	is_int(ui_foul_level(nba, &q, 5), UI_FOULS_DANGER, "Q1 NBA: five is danger too");
	q.number = q.sequence = 3;
	is_int(ui_foul_level(nba, &q, 4), UI_FOULS_TROUBLE, "Q3 NBA: four is trouble");
	is_int(ui_foul_level(fiba, &q, 4), UI_FOULS_DANGER, "Q3 FIBA: four is one from five");
	is_int(ui_foul_level(fiba, &q, 5), UI_FOULS_OUT, "FIBA: five is out");

	memset(&l, 0, sizeof l);
	is_str(ui_foul_status(nba, &l), "", "no fouls: no mark");
	l.tf = 1;
	is_str(ui_foul_status(nba, &l), "", "one technical: still in");
	l.tf = 2;
	is_str(ui_foul_status(nba, &l), "EJ", "two technicals: ejected");
	l.tf = 0;
	l.flagrant2 = 1;
	is_str(ui_foul_status(nba, &l), "EJ", "a flagrant 2: ejected");
	l.flagrant2 = 0;
	l.pf = 6;
	is_str(ui_foul_status(nba, &l), "FO", "six PF: fouled out");
	l.pf = 5;
	is_str(ui_foul_status(nba, &l), "", "five PF in the NBA: still in");
	is_str(ui_foul_status(fiba, &l), "FO", "five PF in FIBA: out");
}

/* LANG=C over SSH: names in ASCII, not "Th??o" (issue 17 item 6). */
static void
test_ascii_names(void)
{
	char buf[128];

	is_str(ui_text_ascii("Th\xc3\xa9o Maledon", buf, sizeof buf), "Theo Maledon", "Theo");
	is_str(ui_text_ascii("Nikola Joki\xc4\x87", buf, sizeof buf), "Nikola Jokic",
	    "Latin Extended-A: c acute");
	is_str(ui_text_ascii("Dario \xc5\xa0" "ari\xc4\x87", buf, sizeof buf), "Dario Saric",
	    "S caron");
	is_str(ui_text_ascii("Alperen \xc5\x9e" "eng\xc3\xbcn", buf, sizeof buf),
	    "Alperen Sengun", "S cedilla, u umlaut");
	is_str(ui_text_ascii("Dennis Schr\xc3\xb6" "der", buf, sizeof buf), "Dennis Schroder", "o umlaut");
	is_str(ui_text_ascii("Stra\xc3\x9f" "e \xc3\x86sir \xc5\x81ukasz \xc5\x92uvre", buf,
	    sizeof buf), "Strasse AEsir Lukasz OEuvre", "ligatures and strokes spelled out");
	is_str(ui_text_ascii("D\xe2\x80\x99" "Angelo", buf, sizeof buf), "D'Angelo", "a curly apostrophe");
	is_str(ui_text_ascii("\xe4\xb8\xad x", buf, sizeof buf), "? x", "no ASCII for it: one '?'");
	is_str(ui_text_ascii("bad \xff byte", buf, sizeof buf), "bad ? byte", "a stray byte: '?'");
	is_str(ui_text_ascii("Th\xc3\xa9o", buf, 4), "The", "bounded");

	if (setlocale(LC_ALL, "C") == NULL) {
		ok(0, "setlocale C");
		return;
	}
	ok(!ui_text_utf8_locale(), "C is not UTF-8");
	is_int(ui_text_width("Th\xc3\xa9o"), 4, "C locale: Theo is four columns, not Th??o");
	is_str(label_ascii(), "Theo Maledon", "a label as the box score draws it in C");
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	ok(ui_text_utf8_locale(), "C.UTF-8 is UTF-8");
	is_int(ui_text_width("Th\xc3\xa9o"), 4, "UTF-8: four columns");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	test_labels();
	test_minutes();
	test_fouls();
	test_ascii_names();
	return tap_done();
}
