/*
 * The possessions and videos parsers on the vendor's own examples
 * (tests/data/seeds, pages 002 and 003): every field of each example is
 * checked against the value printed there.  Then the error bodies printed
 * beside them, and bad input: each refused item is counted, nothing wrong
 * is kept, nothing crashes.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/shottracker_possessions.h"
#include "tap.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static char *
slurp(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/tests/data/seeds/%s",
	    top != NULL ? top : TOP_SRCDIR, name);
	f = fopen(path, "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		printf("# cannot read %s\n", path);
		if (f != NULL)
			fclose(f);
		*len = 0;
		return calloc(1, 1);
	}
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static struct shottracker_possessions *
possessions_of(const char *name, char **cause)
{
	size_t len;
	char *buf = slurp(name, &len);
	struct shottracker_possessions *p = shottracker_possessions_parse(buf, len, false, cause);

	free(buf);
	return p;
}

static struct shottracker_videos *
videos_of(const char *name, char **cause)
{
	size_t len;
	char *buf = slurp(name, &len);
	struct shottracker_videos *v = shottracker_videos_parse(buf, len, true, cause);

	free(buf);
	return v;
}

static bool
ids_are(char ids[][CS_ID_MAX], int n, const char *const *want)
{
	int i;

	for (i = 0; i < n; i++)
		if (want[i] == NULL || strcmp(ids[i], want[i]) != 0)
			return false;
	return want[n] == NULL;
}

static void
test_seed_team(const struct shottracker_team_possessions *t)
{
	is_str(t->id, "515", "team id (a number)");
	is_str(t->name, "STQA", "team name");
	is_int(t->nplayers, 2, "two team_player_details");
	is_str(t->players[0].id, "3403", "player 1 id");
	is_str(t->players[0].first_name, "John", "player 1 first_name");
	is_str(t->players[0].last_name, "Doe", "player 1 last_name");
	is_str(t->players[0].profile_image_link, "", "player 1 profile_image_link");
	is_str(t->players[1].id, "3932", "player 2 id");
	is_str(t->players[1].first_name, "Jim", "player 2 first_name");
	is_str(t->players[1].last_name, "Doe", "player 2 last_name");
	is_str(t->players[1].profile_image_link, "", "player 2 profile_image_link");
	is_int(t->npossessions, 1, "one possession");
}

static void
test_seed_possession(const struct shottracker_possession *p)
{
	static const char *const five[] = { "3065", "3403", "3531", "3532", "3932", NULL };
	static const char *const other[] = { "6833", "6835", "6836", "6837", "6838", NULL };
	char ids[ST_FIVE][CS_ID_MAX];

	is_str(p->locations_url, "https://api.shottracker.com/v1/data/sensors/locations"
	    "?id=abc-123&from=1580408461984&to=1580408463984", "_locations");
	ok(p->start_timestamp == 1580408461984LL, "start_timestamp");
	ok(p->end_timestamp == 1580408463984LL, "end_timestamp");
	is_int(p->start_clock, 7500, "start_game_clock 12:30.0");
	is_int(p->end_clock, 7450, "end_game_clock 12:25.0");
	is_str(p->period_label, "Q1", "period as sent");
	ok(p->period.type == CS_PERIOD_QUARTER && p->period.number == 1 &&
	    p->period.sequence == 1, "period Q1");
	memcpy(ids, p->player_ids, sizeof ids);
	ok(p->nplayers == 5 && ids_are(ids, p->nplayers, five), "player_ids, in order");
	memcpy(ids, p->opposing_player_ids, sizeof ids);
	ok(p->nopponents == 5 && ids_are(ids, p->nopponents, other),
	    "opposing_player_ids, in order");
	is_int(p->nstats, 2, "two stats");
}

static void
test_seed_stats(const struct shottracker_possession_stat *s)
{
	ok(s[0].timestamp == 1580408461984LL, "stat 1 timestamp");
	is_int(s[0].game_clock, CS_NO_CLOCK, "stat 1 has no game_clock");
	is_int(s[0].shot_clock, CS_NO_CLOCK, "stat 1 has no shot_clock");
	is_str(s[0].possession_type, "DEFENSIVE_REB", "stat 1 possession_type");
	ok(s[0].ndetails == 2 && strcmp(s[0].details[0], "DEFENSIVE_REB") == 0 &&
	    strcmp(s[0].details[1], "REB") == 0, "stat 1 details");
	is_str(s[0].player_id, "3403", "stat 1 player_id");
	ok(!s[0].shot.present, "stat 1 has no shot_attributes");

	ok(s[1].timestamp == 1580408463984LL, "stat 2 timestamp");
	is_int(s[1].game_clock, 7500, "stat 2 game_clock 12:30.0");
	is_int(s[1].shot_clock, 100, "stat 2 shot_clock 10.0");
	is_str(s[1].possession_type, "FGA", "stat 2 possession_type");
	ok(s[1].ndetails == 4 && strcmp(s[1].details[0], "FGA") == 0 &&
	    strcmp(s[1].details[1], "FGA3") == 0 && strcmp(s[1].details[2], "FGA_OTD") == 0 &&
	    strcmp(s[1].details[3], "FGA3_OTD") == 0, "stat 2 details");
	is_str(s[1].player_id, "3932", "stat 2 player_id");
	ok(s[1].shot.present, "stat 2 shot_attributes");
	ok(s[1].shot.distance_cm == 755.0178607158906, "shot_distance_cm, every digit");
	ok(s[1].shot.x == 4096 && s[1].shot.y == 5320 && s[1].shot.z == -1, "x, y, z");
	is_int(s[1].shot.zone, 12, "zone");
	is_int(s[1].shot.advanced_zone, 18, "advanced_zone");
	ok(s[1].shot.is_3point, "is_3point");
}

static void
test_seed_play(const struct shottracker_possession_play *a)
{
	is_int(a->turnover, 0, "turnover");
	is_int(a->passes, 1, "passes");
	ok(!a->half_court, "half_court false");
	ok(a->paint_touch, "paint_touch true");
	is_int(a->ball_reversals, 1, "ball_reversals");
	is_int(a->ball_screens, 1, "ball_screens");
	is_int(a->ball_screens_left_wing, 1, "ball_screens_left_wing");
	is_int(a->ball_screens_middle_wing, 0, "ball_screens_middle_wing");
	is_int(a->ball_screens_right_wing, 0, "ball_screens_right_wing");
	is_int(a->ball_screens_pick_n_pop, 1, "ball_screens_pick_n_pop");
	ok(a->ball_screens_pick_n_roll == 0 && a->ball_screens_pick_n_short_roll == 0 &&
	    a->ball_screens_screened_shot == 0 && a->ball_screens_handoff == 0 &&
	    a->ball_screens_drag == 0 && a->ball_screens_pop == 0 &&
	    a->ball_screens_roll == 0 && a->ball_screens_slip == 0 &&
	    a->ball_screens_short_roll == 0 && a->ball_screens_reject == 0 &&
	    a->ball_screens_re_screen == 0 && a->ball_screens_stay == 0 &&
	    a->ball_screens_step_up == 0 && a->ball_screens_snake == 0 &&
	    a->ball_screens_split == 0 && a->ball_screens_other == 0,
	    "the sixteen other ball-screen counters are 0");
}

static void
test_seed_possessions(void)
{
	struct shottracker_possessions *p;
	char *cause = NULL;

	p = possessions_of("st_stats_possessions.json", &cause);
	ok(p != NULL, "seed possessions: read");
	if (p == NULL) {
		printf("# %s\n", cause != NULL ? cause : "");
		free(cause);
		return;
	}
	is_int(p->skipped, 0, "nothing skipped");
	is_int(p->nteams, 1, "one team");
	test_seed_team(&p->teams[0]);
	if (p->teams[0].npossessions == 1) {
		test_seed_possession(&p->teams[0].possessions[0]);
		if (p->teams[0].possessions[0].nstats == 2)
			test_seed_stats(p->teams[0].possessions[0].stats);
		test_seed_play(&p->teams[0].possessions[0].play);
	}
	shottracker_possessions_free(&p);
	ok(p == NULL, "free NULLs the pointer");
	shottracker_possessions_free(&p);
}

static void
test_seed_videos(void)
{
	struct shottracker_videos *vs;
	const struct shottracker_video *v;
	char *cause = NULL;

	vs = videos_of("st_game_videos.json", &cause);
	ok(vs != NULL && vs->nvideos == 1 && vs->skipped == 0, "seed videos: one, nothing skipped");
	if (vs == NULL || vs->nvideos != 1) {
		printf("# %s\n", cause != NULL ? cause : "");
		free(cause);
		shottracker_videos_free(&vs);
		return;
	}
	v = &vs->videos[0];
	is_str(v->game_id, "78cc1638-2858-11f1-a1d1-da3c0b3a7de9", "gameId");
	ok(v->event_start_timestamp == 1 && v->event_end_timestamp == 2,
	    "eventStartTimestamp, eventEndTimestamp");
	ok(v->start_game_clock_ms == 3 && v->end_game_clock_ms == 4,
	    "startGameClockMs, endGameClockMs");
	is_str(v->period_label, "H1", "period as sent");
	ok(v->period.type == CS_PERIOD_HALF && v->period.number == 1, "period H1");
	ok(v->video_start_timestamp == 0 && v->video_end_timestamp == 0,
	    "videoStartTimestamp, videoEndTimestamp");
	is_str(v->source, "POSSESSION", "sourceKey.source");
	is_str(v->source_team_id, "1", "sourceKey.teamId");
	is_str(v->source_player_id, "2", "sourceKey.playerId");
	is_str(v->session_id, "00000000-0000-0000-0000-000000000000", "sessionId");
	is_str(v->facility_id, "00000000-0000-0000-0000-000000000000", "facilityId");
	is_str(v->location, "", "location (no longer supported)");
	ok(v->hls_video_start_timestamp == 0, "hlsVideoStartTimestamp");
	ok(v->hls_start_offset == 8.0, "hlsStartOffset");
	ok(v->hls_video_delay_ms == 0, "hlsVideoDelayMs");
	ok(v->hls_duration == 0.0, "hlsDuration");
	is_str(v->hls_file, "https://localhost:1234", "hlsFile");
	ok(v->external_start_timestamp == 11 && v->external_end_timestamp == 12,
	    "externalStartTimestamp, externalEndTimestamp");
	is_str(v->poster_location, "", "posterLocation (no longer supported)");
	shottracker_videos_free(&vs);
	ok(vs == NULL, "free NULLs the pointer");
}

/* The error bodies printed beside the examples: one line with all three. */
static void
test_seed_errors(void)
{
	static const struct {
		const char *file, *want;
		bool videos;
	} e[] = {
		{ "st_stats_possessions_403.json", "ShotTracker possessions: an error instead "
		    "(HTTP 403: No access to STATS data, request id "
		    "f1e80480-e1d5-4684-a619-402984b5c9ba)", false },
		{ "st_stats_possessions_404.json", "ShotTracker possessions: an error instead "
		    "(HTTP 404: Invalid id, request id f1e80480-e1d5-4684-a619-402984b5c9ba)", false },
		{ "st_stats_possessions_500.json", "ShotTracker possessions: an error instead "
		    "(HTTP 500: <General System Error Message>, request id "
		    "f1e80480-e1d5-4684-a619-402984b5c9ba)", false },
		{ "st_game_videos_403.json", "ShotTracker videos: an error instead (HTTP 403: "
		    "Access denied to resource, request id f1e80480-e1d5-4684-a619-402984b5c9ba)",
		    true },
		{ "st_game_videos_500.json", "ShotTracker videos: an error instead (HTTP 500: "
		    "<General System Error Message>, request id "
		    "f1e80480-e1d5-4684-a619-402984b5c9ba)", true },
	};
	size_t i;

	for (i = 0; i < sizeof e / sizeof e[0]; i++) {
		char *cause = NULL;
		bool refused;

		if (e[i].videos) {
			struct shottracker_videos *v = videos_of(e[i].file, &cause);

			refused = v == NULL;
			shottracker_videos_free(&v);
		} else {
			struct shottracker_possessions *p = possessions_of(e[i].file, &cause);

			refused = p == NULL;
			shottracker_possessions_free(&p);
		}
		ok(refused, "%s: not a document", e[i].file);
		is_str(cause != NULL ? cause : "", e[i].want, "%s: status, message, request id",
		    e[i].file);
		free(cause);
	}
}

/* A possessions document of one team with `possession` as its only one. */
static struct shottracker_possessions *
one(const char *possession, char **cause)
{
	char doc[8192];
	int n;

	n = snprintf(doc, sizeof doc, "{\"teams\":[{\"id\":\"7\",\"name\":\"T\","
	    "\"team_player_details\":[],\"possessions\":[%s]}]}", possession);
	return shottracker_possessions_parse(doc, (size_t)n, false, cause);
}

static void
test_bad_possessions(void)
{
	static const char *const bad[] = {
		"{\"start_timestamp\":\"soon\"}",
		"{\"start_game_clock\":\"12:xx\"}",
		"{\"period\":\"Q9\"}",
		"{\"player_ids\":[1,2,3,4,5,6]}",
		"{\"player_ids\":[1,{}]}",
		"{\"opposing_player_ids\":\"6833\"}",
		"{\"stats\":[{\"details\":[\"FGA\",7]}]}",
		"{\"stats\":[{\"shot_attributes\":{\"x\":\"far\"}}]}",
		"{\"stats\":[{\"shot_attributes\":{\"is_3point\":\"yes\"}}]}",
		"{\"stats\":[{\"shot_attributes\":{\"shot_distance_cm\":1e300}}]}",
		"{\"possession_attributes\":{\"passes\":-1}}",
		"{\"possession_attributes\":{\"ball_screens_snake\":1.5}}",
		"{\"possession_attributes\":[]}",
		"7",
	};
	struct shottracker_possessions *p;
	char *cause = NULL, big[1500];
	size_t i;
	int refused = 0;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		p = one(bad[i], &cause);
		if (p != NULL && p->nteams == 1 && p->teams[0].npossessions == 0 && p->skipped == 1)
			refused++;
		else
			printf("# kept: %s\n", bad[i]);
		shottracker_possessions_free(&p);
	}
	is_int(refused, (int)(sizeof bad / sizeof bad[0]),
	    "each bad value refuses its possession, counted");

	memset(big, 'a', sizeof big);
	memcpy(big, "{\"_locations\":\"", 15);
	memcpy(big + sizeof big - 3, "\"}", 3);
	p = one(big, &cause);
	ok(p != NULL && p->teams[0].npossessions == 0 && p->skipped == 1 &&
	    strstr(p->warning, "_locations") != NULL, "a link too long to keep whole is refused");
	shottracker_possessions_free(&p);

	p = one("{\"period\":\"OT1\",\"start_game_clock\":null,\"stats\":null,"
	    "\"unknown\":{\"x\":1}}", &cause);
	ok(p != NULL && p->teams[0].npossessions == 1 &&
	    p->teams[0].possessions[0].period.sequence == 5 &&
	    p->teams[0].possessions[0].start_clock == CS_NO_CLOCK &&
	    p->teams[0].possessions[0].nstats == 0 && p->skipped == 0,
	    "nulls take defaults, unknown keys are ignored, OT1 after quarters is 5");
	shottracker_possessions_free(&p);

	p = one("{\"stats\":[{\"player_id\":\"a\\u001b[31mb\",\"possession_type\":\"F\\u0007GA\"}]}",
	    &cause);
	ok(p != NULL && p->teams[0].npossessions == 1 &&
	    strcmp(p->teams[0].possessions[0].stats[0].possession_type, "FGA") == 0 &&
	    strcmp(p->teams[0].possessions[0].stats[0].player_id, "a[31mb") == 0,
	    "control characters stripped");
	shottracker_possessions_free(&p);
}

static void
test_bad_documents(void)
{
	static const char *const bad[] = {
		"", "{", "[]", "{\"teams\":{}}", "{\"teams\":[]} x", "null", "\"teams\"",
		"{\"message\":\"HMAC signature does not match\"}",
	};
	struct shottracker_possessions *p;
	struct shottracker_videos *v;
	char *cause = NULL, *deep;
	const char *s;
	size_t i;
	int refused = 0;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		p = shottracker_possessions_parse(bad[i], strlen(bad[i]), false, &cause);
		v = shottracker_videos_parse(bad[i], strlen(bad[i]), false, &cause);
		if (p == NULL && v == NULL && cause != NULL && strchr(cause, '\n') == NULL)
			refused++;
		else
			printf("# taken: %s\n", bad[i]);
		shottracker_possessions_free(&p);
		shottracker_videos_free(&v);
	}
	is_int(refused, (int)(sizeof bad / sizeof bad[0]),
	    "not a document: refused with a one-line cause");
	is_str(cause, "ShotTracker videos: no \"videos\" array",
	    "a body without the array says so");
	ok(shottracker_possessions_parse(NULL, 0, false, &cause) == NULL, "NULL refused");

	deep = malloc(20001);
	memset(deep, '[', 20000);
	deep[20000] = '\0';
	ok(shottracker_videos_parse(deep, 20000, false, &cause) == NULL, "deep nesting refused");
	free(deep);
	free(cause);

	s = "{\"teams\":[{\"name\":\"no id\"},7,"
	    "{\"id\":1,\"team_player_details\":[{\"first_name\":\"x\"},{\"id\":2}]}]}";
	p = shottracker_possessions_parse(s, strlen(s), false, NULL);
	ok(p != NULL && p->nteams == 1 && p->teams[0].nplayers == 1 &&
	    strcmp(p->teams[0].players[0].id, "2") == 0 && p->skipped == 3,
	    "teams and players without ids are skipped, counted (no cause pointer needed)");
	shottracker_possessions_free(&p);

	s = "{\"videos\":[{\"hlsFile\":7},{\"sourceKey\":[]},"
	    "{\"hlsVideoDelayMs\":\"x\"},{\"hlsDuration\":\"8\"},{}]}";
	v = shottracker_videos_parse(s, strlen(s), false, NULL);
	ok(v != NULL && v->nvideos == 1 && v->skipped == 4, "bad videos are skipped, counted");
	shottracker_videos_free(&v);

	/* a team's possession names nobody: "" or null is no player, not a bad id */
	s = "{\"videos\":[{\"sourceKey\":{\"source\":\"POSSESSION\",\"teamId\":\"890\","
	    "\"playerId\":\"\"}},{\"sourceKey\":{\"teamId\":\"890\",\"playerId\":null}}]}";
	v = shottracker_videos_parse(s, strlen(s), false, NULL);
	ok(v != NULL && v->nvideos == 2 && v->skipped == 0 &&
	    v->videos[0].source_player_id[0] == '\0' &&
	    strcmp(v->videos[0].source_team_id, "890") == 0,
	    "a video whose playerId is \"\" or null is kept, with no player");
	shottracker_videos_free(&v);
}

/*
 * 20,000 deterministic mutations of the two examples (bytes changed,
 * inserted, cut): every one is refused with a cause or read, never a
 * crash (the ASan build runs this too), and whatever is kept is bounded.
 */
static void
test_mutations(void)
{
	static const char *const files[] = { "st_stats_possessions.json", "st_game_videos.json" };
	static const char alphabet[] = "{}[]\":,0123456789-.eEtrufalsn \\\x1b\xff";
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	int f, i, k, refused = 0, read = 0, bad = 0;

	for (f = 0; f < 2; f++) {
		size_t len, n;
		char *orig = slurp(files[f], &len), *buf = malloc(len + 16);

		for (i = 0; i < 10000; i++) {
			char *cause = NULL;
			bool got;

			memcpy(buf, orig, len);
			n = len;
			for (k = 0; k < 1 + i % 4; k++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				if (x % 5 == 0 && n > 1)
					n = 1 + (size_t)(x >> 8) % (n - 1);   /* cut short */
				else
					buf[(x >> 8) % n] = alphabet[(x >> 32) % (sizeof alphabet - 1)];
			}
			if (f == 0) {
				struct shottracker_possessions *p =
				    shottracker_possessions_parse(buf, n, i % 2 == 0, &cause);

				got = p != NULL;
				if (p != NULL && (p->nteams > ST_TEAMS_MAX || p->skipped < 0))
					bad++;
				shottracker_possessions_free(&p);
			} else {
				struct shottracker_videos *v =
				    shottracker_videos_parse(buf, n, i % 2 == 0, &cause);

				got = v != NULL;
				if (v != NULL && (v->nvideos > ST_VIDEOS_MAX || v->skipped < 0))
					bad++;
				shottracker_videos_free(&v);
			}
			if (!got && (cause == NULL || strchr(cause, '\n') != NULL))
				bad++;
			got ? read++ : refused++;
			free(cause);
		}
		free(buf);
		free(orig);
	}
	printf("# mutations: %d read, %d refused\n", read, refused);
	ok(read > 1000 && refused > 1000, "mutations: both read and refused documents");
	is_int(bad, 0, "mutations: every refusal has a one-line cause, every result its caps");
}

int
main(void)
{
	test_seed_possessions();
	test_seed_videos();
	test_seed_errors();
	test_bad_possessions();
	test_bad_documents();
	test_mutations();
	return tap_done();
}
