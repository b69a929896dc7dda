/*
 * Possessions and videos fetched the way courtside fetches ShotTracker
 * resources (a signed GET through net/http.c), read by the real parsers
 * (providers/shottracker_possessions.h), printed back field by field.
 *
 *   seeds_client possessions|videos URL     SHOTTRACKER_USERNAME/_SECRET sign it
 *   seeds_client possessions|videos --file FILE
 *
 * Prints "http=STATUS" (URL only), then one "path=value" line per field,
 * named by the JSON path the field was read from (teams[0].possessions[0].
 * start_game_clock=7500): clocks in tenths, booleans true/false, doubles
 * with 17 digits.  tests/test_seeds.sh prints the same lines from the
 * fixture with python and compares: a field of the example that no struct
 * field holds shows up as a missing line.  On a refused document:
 * "error=CAUSE" and exit 1.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net/http.h"
#include "net/sign.h"
#include "providers/shottracker_possessions.h"

static void
line_str(const char *path, const char *key, const char *v)
{
	printf("%s.%s=%s\n", path, key, v);
}

static void
line_i64(const char *path, const char *key, int64_t v)
{
	printf("%s.%s=%" PRId64 "\n", path, key, v);
}

static void
line_double(const char *path, const char *key, double v)
{
	printf("%s.%s=%.17g\n", path, key, v);
}

static void
line_bool(const char *path, const char *key, bool v)
{
	printf("%s.%s=%s\n", path, key, v ? "true" : "false");
}

/* A clock that was not sent prints nothing, as python has no line for it. */
static void
line_clock(const char *path, const char *key, int tenths)
{
	if (tenths != CS_NO_CLOCK)
		printf("%s.%s=%d\n", path, key, tenths);
}

static void
line_ids(const char *path, const char *key, char ids[][CS_ID_MAX], int n)
{
	int i;

	for (i = 0; i < n; i++)
		printf("%s.%s[%d]=%s\n", path, key, i, ids[i]);
}

static void
dump_play(const char *path, const struct shottracker_possession_play *a)
{
	char p[256];

	snprintf(p, sizeof p, "%s.possession_attributes", path);
	line_i64(p, "turnover", a->turnover);
	line_i64(p, "passes", a->passes);
	line_bool(p, "half_court", a->half_court);
	line_bool(p, "paint_touch", a->paint_touch);
	line_i64(p, "ball_reversals", a->ball_reversals);
	line_i64(p, "ball_screens", a->ball_screens);
	line_i64(p, "ball_screens_left_wing", a->ball_screens_left_wing);
	line_i64(p, "ball_screens_middle_wing", a->ball_screens_middle_wing);
	line_i64(p, "ball_screens_right_wing", a->ball_screens_right_wing);
	line_i64(p, "ball_screens_pick_n_pop", a->ball_screens_pick_n_pop);
	line_i64(p, "ball_screens_pick_n_roll", a->ball_screens_pick_n_roll);
	line_i64(p, "ball_screens_pick_n_short_roll", a->ball_screens_pick_n_short_roll);
	line_i64(p, "ball_screens_screened_shot", a->ball_screens_screened_shot);
	line_i64(p, "ball_screens_handoff", a->ball_screens_handoff);
	line_i64(p, "ball_screens_drag", a->ball_screens_drag);
	line_i64(p, "ball_screens_pop", a->ball_screens_pop);
	line_i64(p, "ball_screens_roll", a->ball_screens_roll);
	line_i64(p, "ball_screens_slip", a->ball_screens_slip);
	line_i64(p, "ball_screens_short_roll", a->ball_screens_short_roll);
	line_i64(p, "ball_screens_reject", a->ball_screens_reject);
	line_i64(p, "ball_screens_re_screen", a->ball_screens_re_screen);
	line_i64(p, "ball_screens_stay", a->ball_screens_stay);
	line_i64(p, "ball_screens_step_up", a->ball_screens_step_up);
	line_i64(p, "ball_screens_snake", a->ball_screens_snake);
	line_i64(p, "ball_screens_split", a->ball_screens_split);
	line_i64(p, "ball_screens_other", a->ball_screens_other);
}

static void
dump_stat(const char *path, const struct shottracker_possession_stat *s)
{
	char p[256];
	int i;

	line_i64(path, "timestamp", s->timestamp);
	line_clock(path, "game_clock", s->game_clock);
	line_clock(path, "shot_clock", s->shot_clock);
	line_str(path, "possession_type", s->possession_type);
	for (i = 0; i < s->ndetails; i++)
		printf("%s.details[%d]=%s\n", path, i, s->details[i]);
	line_str(path, "player_id", s->player_id);
	if (!s->shot.present)
		return;
	snprintf(p, sizeof p, "%s.shot_attributes", path);
	line_double(p, "shot_distance_cm", s->shot.distance_cm);
	line_i64(p, "x", s->shot.x);
	line_i64(p, "y", s->shot.y);
	line_i64(p, "z", s->shot.z);
	line_i64(p, "zone", s->shot.zone);
	line_i64(p, "advanced_zone", s->shot.advanced_zone);
	line_bool(p, "is_3point", s->shot.is_3point);
}

static void
dump_possession(const char *path, struct shottracker_possession *p)
{
	char sp[192];
	int i;

	line_str(path, "_locations", p->locations_url);
	line_i64(path, "start_timestamp", p->start_timestamp);
	line_i64(path, "end_timestamp", p->end_timestamp);
	line_clock(path, "start_game_clock", p->start_clock);
	line_clock(path, "end_game_clock", p->end_clock);
	line_str(path, "period", p->period_label);
	line_ids(path, "player_ids", p->player_ids, p->nplayers);
	line_ids(path, "opposing_player_ids", p->opposing_player_ids, p->nopponents);
	for (i = 0; i < p->nstats; i++) {
		snprintf(sp, sizeof sp, "%s.stats[%d]", path, i);
		dump_stat(sp, &p->stats[i]);
	}
	dump_play(path, &p->play);
}

static void
dump_possessions(struct shottracker_possessions *ps)
{
	char tp[64], p[128];
	int i, k;

	printf("skipped=%d\n", ps->skipped);
	for (i = 0; i < ps->nteams; i++) {
		struct shottracker_team_possessions *t = &ps->teams[i];

		snprintf(tp, sizeof tp, "teams[%d]", i);
		line_str(tp, "id", t->id);
		line_str(tp, "name", t->name);
		for (k = 0; k < t->nplayers; k++) {
			snprintf(p, sizeof p, "%s.team_player_details[%d]", tp, k);
			line_str(p, "id", t->players[k].id);
			line_str(p, "first_name", t->players[k].first_name);
			line_str(p, "last_name", t->players[k].last_name);
			line_str(p, "profile_image_link", t->players[k].profile_image_link);
		}
		for (k = 0; k < t->npossessions; k++) {
			snprintf(p, sizeof p, "%s.possessions[%d]", tp, k);
			dump_possession(p, &t->possessions[k]);
		}
	}
}

static void
dump_video(const char *p, const struct shottracker_video *v)
{
	char sk[64];

	line_str(p, "gameId", v->game_id);
	line_i64(p, "eventStartTimestamp", v->event_start_timestamp);
	line_i64(p, "eventEndTimestamp", v->event_end_timestamp);
	line_i64(p, "startGameClockMs", v->start_game_clock_ms);
	line_i64(p, "endGameClockMs", v->end_game_clock_ms);
	line_str(p, "period", v->period_label);
	line_i64(p, "videoStartTimestamp", v->video_start_timestamp);
	line_i64(p, "videoEndTimestamp", v->video_end_timestamp);
	snprintf(sk, sizeof sk, "%s.sourceKey", p);
	line_str(sk, "source", v->source);
	line_str(sk, "teamId", v->source_team_id);
	line_str(sk, "playerId", v->source_player_id);
	line_str(p, "sessionId", v->session_id);
	line_str(p, "facilityId", v->facility_id);
	line_str(p, "location", v->location);
	line_i64(p, "hlsVideoStartTimestamp", v->hls_video_start_timestamp);
	line_double(p, "hlsStartOffset", v->hls_start_offset);
	line_i64(p, "hlsVideoDelayMs", v->hls_video_delay_ms);
	line_double(p, "hlsDuration", v->hls_duration);
	line_str(p, "hlsFile", v->hls_file);
	line_i64(p, "externalStartTimestamp", v->external_start_timestamp);
	line_i64(p, "externalEndTimestamp", v->external_end_timestamp);
	line_str(p, "posterLocation", v->poster_location);
}

static void
dump_videos(struct shottracker_videos *vs)
{
	char p[32];
	int i;

	printf("skipped=%d\n", vs->skipped);
	for (i = 0; i < vs->nvideos; i++) {
		snprintf(p, sizeof p, "videos[%d]", i);
		dump_video(p, &vs->videos[i]);
	}
}

/* A signed GET, as the ShotTracker provider sends it. */
static int
fetch(const char *url, struct http_response *resp, char **cause)
{
	const char *user = getenv("SHOTTRACKER_USERNAME"), *secret = getenv("SHOTTRACKER_SECRET");
	char host[256], path[1024], authority[300], date[64], auth[1024];
	char h_date[96], h_host[320], h_auth[1100];
	const char *headers[5];
	struct http_request req;
	bool tls;
	int port;

	if (http_split_url(url, host, sizeof host, &port, path, sizeof path, &tls) < 0)
		return -1;
	snprintf(authority, sizeof authority, "%s:%d", host, port);
	sign_http_date(time(NULL), date, sizeof date);
	if (sign_authorization(user != NULL ? user : "", secret != NULL ? secret : "", "GET",
	    path, authority, date, auth, sizeof auth) < 0)
		return -1;
	snprintf(h_date, sizeof h_date, "Date: %s", date);
	snprintf(h_host, sizeof h_host, "Host: %s", authority);
	snprintf(h_auth, sizeof h_auth, "Authorization: %s", auth);
	headers[0] = h_date;
	headers[1] = h_host;
	headers[2] = h_auth;
	headers[3] = "Accept: application/json";
	headers[4] = NULL;
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = headers;
	return http_perform(&req, resp, cause);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);

	*len = 0;
	if (f != NULL && buf != NULL)
		*len = fread(buf, 1, (1 << 20) - 1, f);
	if (f != NULL)
		fclose(f);
	if (buf != NULL)
		buf[*len] = '\0';
	return buf;
}

int
main(int argc, char **argv)
{
	struct http_response resp;
	char *body, *cause = NULL;
	size_t len;
	int rc = 1;

	if (argc < 3 || (strcmp(argv[1], "possessions") != 0 && strcmp(argv[1], "videos") != 0) ||
	    (strcmp(argv[2], "--file") == 0 && argc < 4)) {
		fputs("usage: seeds_client possessions|videos URL | --file FILE\n", stderr);
		return 2;
	}
	memset(&resp, 0, sizeof resp);
	if (strcmp(argv[2], "--file") == 0) {
		body = slurp(argv[3], &len);
	} else {
		if (fetch(argv[2], &resp, &cause) < 0) {
			printf("error=%s\n", cause != NULL ? cause : "cannot fetch");
			free(cause);
			return 1;
		}
		printf("http=%ld\n", resp.status);
		body = resp.body;
		len = resp.len;
		resp.body = NULL;
		http_response_free(&resp);
	}
	if (strcmp(argv[1], "possessions") == 0) {
		struct shottracker_possessions *p = shottracker_possessions_parse(body, len, false,
		    &cause);

		if (p != NULL)
			dump_possessions(p);
		rc = p != NULL ? 0 : 1;
		shottracker_possessions_free(&p);
	} else {
		struct shottracker_videos *v = shottracker_videos_parse(body, len, false, &cause);

		if (v != NULL)
			dump_videos(v);
		rc = v != NULL ? 0 : 1;
		shottracker_videos_free(&v);
	}
	if (rc != 0)
		printf("error=%s\n", cause != NULL ? cause : "");
	free(cause);
	free(body);
	return rc;
}
