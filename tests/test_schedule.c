/*
 * The schedule parsers (providers/schedule.h) on the documents'
 * examples (shottracker-api.md §3.9, sportradar-push.md §9), and on what
 * a server should not send: control characters, missing or wrong-typed
 * fields, not JSON at all.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/schedule.h"
#include "tap.h"

static const char st_doc[] =
    "{\"games\":[{\"event_id\":\"062a3726-3b0f-11eb-86c4-02420043683b\","
    "\"facility_name\":\"ShotTracker Lab\",\"court_name\":\"main court\","
    "\"location_id\":\"6e4118d4-f586@6e4118d4-f581\",\"tournament\":null,"
    "\"tipoff_at\":1604052000000,\"gender\":\"MEN\",\"status\":\"ACTIVE\","
    "\"type\":\"BASKETBALL\",\"home_team_id\":481,\"home_team_name\":\"ShotTrackerW\","
    "\"home_team_reference_id\":\"938104592\",\"away_team_id\":493,"
    "\"away_team_name\":\"BWB\",\"away_team_reference_id\":\"938104593\","
    "\"officials_team_id\":0,\"_results\":\"https://api.shottracker.com/v1/data/games/x\","
    "\"reference_id\":\"938104592\",\"fan_engagement_enabled\":false,"
    "\"source\":\"SHOTTRACKER\"}]}";

static const char sr_doc[] =
    "{\"date\":\"2026-03-03\",\"league\":{\"alias\":\"NBA\"},\"games\":["
    "{\"id\":\"bbbb\",\"status\":\"scheduled\",\"coverage\":\"full\","
    "\"scheduled\":\"2026-03-04T01:00:00+00:00\",\"home\":{\"name\":\"Celtics\","
    "\"alias\":\"BOS\",\"id\":\"h2\"},\"away\":{\"name\":\"Knicks\",\"alias\":\"NYK\","
    "\"id\":\"a2\"}},"
    "{\"id\":\"aaaa\",\"status\":\"inprogress\",\"coverage\":\"full\","
    "\"scheduled\":\"2026-03-03T19:30:00-05:00\",\"home_points\":54,\"away_points\":51,"
    "\"home\":{\"name\":\"Heat\",\"alias\":\"MIA\",\"id\":\"h1\"},"
    "\"away\":{\"name\":\"Magic\",\"alias\":\"ORL\",\"id\":\"a1\"}}]}";

static void
test_shottracker(void)
{
	struct schedule s;
	char *cause = NULL, line[512];

	memset(&s, 0, sizeof s);
	is_int(shottracker_schedule_parse(st_doc, strlen(st_doc), &s, &cause), 0,
	    "ShotTracker: the documented schedule parses");
	is_int(s.n, 1, "one game");
	if (s.n == 1) {
		is_str(s.games[0].id, "062a3726-3b0f-11eb-86c4-02420043683b", "its event_id");
		ok(s.games[0].tipoff_ms == 1604052000000LL, "tipoff_at, epoch ms");
		is_str(s.games[0].status, "ACTIVE", "its status");
		is_str(s.games[0].team[CS_HOME].id, "481", "the home team's numeric id");
		is_str(s.games[0].team[CS_AWAY].name, "BWB", "the away team's name");
		ok(s.games[0].team[CS_HOME].points == -1, "no score in this schedule");
		ok(s.games[0].scoreless, "and marked so: ShotTracker's schedule never has one");
		schedule_line(&s.games[0], line, sizeof line);
		ok(strncmp(line, "062a3726-3b0f-11eb-86c4-02420043683b  ", 38) == 0 &&
		    strstr(line, "  BWB at ShotTrackerW  ACTIVE  -") != NULL,
		    "the line: id, tip-off, teams, status, no score");
	}
	schedule_free(&s);
	free(cause);
}

static void
test_sportradar(void)
{
	struct schedule s;
	char *cause = NULL;

	memset(&s, 0, sizeof s);
	is_int(sportradar_schedule_parse(sr_doc, strlen(sr_doc), &s, &cause), 0,
	    "Sportradar: a daily schedule parses");
	is_int(s.n, 2, "two games");
	if (s.n == 2) {
		is_str(s.games[0].id, "aaaa", "sorted by tip-off (-05:00 read as such)");
		ok(s.games[0].tipoff_ms == 1772584200000LL, "the tip-off in epoch ms");
		ok(s.games[0].team[CS_HOME].points == 54 && s.games[0].team[CS_AWAY].points == 51,
		    "the score of the game under way");
		is_str(s.games[0].team[CS_HOME].alias, "MIA", "the home alias");
		ok(s.games[1].team[CS_HOME].points == -1, "no score before tip-off");
		ok(!s.games[0].scoreless && !s.games[1].scoreless,
		    "its schedule has scores: none marked scoreless");
		schedule_filter_team(&s, "nyk");
		ok(s.n == 1 && strcmp(s.games[0].id, "bbbb") == 0, "--team by alias, any case");
		schedule_filter_team(&s, "h1");
		is_int(s.n, 0, "--team by id: not in the other game");
	}
	schedule_free(&s);
	free(cause);
}

static void
test_hostile(void)
{
	static const char *const bad[] = {
		"", "not json", "[1,2]", "{\"games\":{}}", "{\"games\":[1,\"x\"]}\n",
		"{\"games\":[{\"event_id\":\"a\"}]} trailing",
	};
	static const char evil[] =
	    "{\"games\":[{\"id\":\"x\\u001b]2;pwn\\u0007\",\"status\":\"in\\nprogress\","
	    "\"scheduled\":\"yesterday\",\"home_points\":\"12\",\"away_points\":-4,"
	    "\"home\":{\"name\":\"A\\u001b[31mB\",\"alias\":7},\"away\":\"no\"}]}";
	struct schedule s;
	char *cause = NULL;
	size_t i;
	int fails = 0, rc;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&s, 0, sizeof s);
		rc = sportradar_schedule_parse(bad[i], strlen(bad[i]), &s, &cause);
		if (i == 4 ? (rc != 0 || s.n != 0) : (rc != -1 || cause == NULL ||
		    strchr(cause, '\n') != NULL))
			fails++;
		schedule_free(&s);
	}
	is_int(fails, 0, "not a schedule: -1 with a one-line cause (junk entries skipped)");
	memset(&s, 0, sizeof s);
	is_int(sportradar_schedule_parse(evil, strlen(evil), &s, &cause), 0,
	    "a hostile game still parses");
	if (s.n == 1) {
		ok(strchr(s.games[0].id, '\033') == NULL && strchr(s.games[0].id, '\a') == NULL,
		    "control characters never reach the id");
		ok(strchr(s.games[0].team[CS_HOME].name, '\033') == NULL &&
		    strchr(s.games[0].status, '\n') == NULL, "nor the names or the status");
		ok(s.games[0].tipoff_ms == 0, "a tip-off that is not a time is unknown");
		ok(s.games[0].team[CS_HOME].points == 12 && s.games[0].team[CS_AWAY].points == -1,
		    "points as digits are read; negative ones are unknown");
	} else
		ok(0, "one game kept");
	schedule_free(&s);
	free(cause);
}

int
main(void)
{
	test_shottracker();
	test_sportradar();
	test_hostile();
	return tap_done();
}
