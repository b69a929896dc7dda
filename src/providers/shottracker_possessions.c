/*
 * ShotTracker possessions and game videos -> plain structs
 * (shottracker_possessions.h).  Pure: no I/O, no clock.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "providers/json_scan.h"
#include "providers/shottracker.h"
#include "providers/shottracker_possessions.h"

#define JSON_DEPTH     24
#define MAX_TIMESTAMP  (INT64_C(1) << 50)   /* epoch ms far past 2100 */
#define MAX_COUNT      10000                /* passes, screens in one possession */
#define MAX_COURT      100000               /* shot frame units, generous */

/*
 * Values are read through a reader that remembers the first key that was
 * there but could not be kept: its item is then refused as a whole.
 */
struct reader {
	const char *bad;
};

static void
note(struct reader *r, const char *key)
{
	if (r->bad == NULL)
		r->bad = key;
}

/* o[key], or NULL when o is no object, the key is absent or null. */
static json_object *
member(json_object *o, const char *key)
{
	json_object *v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

/* An integer from a number or a numeric string. */
static bool
integer(json_object *v, int64_t *out)
{
	const char *s;
	char *end;
	double d;

	switch (json_object_get_type(v)) {
	case json_type_int:
		*out = json_object_get_int64(v);
		return true;
	case json_type_double:
		d = json_object_get_double(v);
		if (!__builtin_isfinite(d) || d < -9e15 || d > 9e15 || d != (double)(int64_t)d)
			return false;
		*out = (int64_t)d;
		return true;
	case json_type_string:
		s = json_object_get_string(v);
		errno = 0;
		*out = strtoll(s, &end, 10);
		return errno == 0 && end != s && *end == '\0' && !isspace((unsigned char)*s);
	default:
		return false;
	}
}

static int64_t
rd_i64(struct reader *r, json_object *o, const char *key, int64_t lo, int64_t hi)
{
	json_object *v = member(o, key);
	int64_t x;

	if (v == NULL)
		return 0;
	if (!integer(v, &x) || x < lo || x > hi) {
		note(r, key);
		return 0;
	}
	return x;
}

static double
rd_double(struct reader *r, json_object *o, const char *key)
{
	json_object *v = member(o, key);
	double d;

	if (v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		note(r, key);
		return 0;
	}
	d = json_object_get_double(v);
	if (!__builtin_isfinite(d) || d < -1e12 || d > 1e12) {
		note(r, key);
		return 0;
	}
	return d;
}

static bool
rd_bool(struct reader *r, json_object *o, const char *key)
{
	json_object *v = member(o, key);

	if (v == NULL)
		return false;
	if (!json_object_is_type(v, json_type_boolean)) {
		note(r, key);
		return false;
	}
	return json_object_get_boolean(v);
}

/* A string kept whole (a cut link or name would be a wrong one). */
static void
rd_text(struct reader *r, json_object *o, const char *key, char *buf, size_t size)
{
	json_object *v = member(o, key);

	buf[0] = '\0';
	if (v == NULL)
		return;
	if (!json_object_is_type(v, json_type_string) ||
	    (size_t)json_object_get_string_len(v) >= size) {
		note(r, key);
		return;
	}
	cs_sanitize(buf, json_object_get_string(v), size);
}

/* An id from a number or a plain string: 3403, "1", a uuid. */
static bool
id_value(json_object *v, char *buf, size_t size)
{
	int64_t x;

	if (json_object_is_type(v, json_type_string)) {
		const char *s = json_object_get_string(v);

		if (s[0] == '\0' || strlen(s) >= size || strpbrk(s, " /?#&%\"\\") != NULL)
			return false;
		cs_sanitize(buf, s, size);
		return buf[0] != '\0';
	}
	if (!json_object_is_type(v, json_type_int) || !integer(v, &x))
		return false;
	snprintf(buf, size, "%" PRId64, x);
	return true;
}

static void
rd_id(struct reader *r, json_object *o, const char *key, char *buf, size_t size)
{
	json_object *v = member(o, key);

	buf[0] = '\0';
	/* "" and null say "nobody" (a team's possession), not a bad id */
	if (v == NULL || json_object_is_type(v, json_type_null) ||
	    (json_object_is_type(v, json_type_string) && json_object_get_string_len(v) == 0))
		return;
	if (!id_value(v, buf, size))
		note(r, key);
}

/* "12:30.0", "10.0" -> tenths; CS_NO_CLOCK when absent. */
static int
rd_clock(struct reader *r, json_object *o, const char *key)
{
	json_object *v = member(o, key);
	int tenths;

	if (v == NULL)
		return CS_NO_CLOCK;
	tenths = json_object_is_type(v, json_type_string) ?
	    cs_clock_parse(json_object_get_string(v)) : CS_NO_CLOCK;
	if (tenths == CS_NO_CLOCK)
		note(r, key);
	return tenths;
}

static void
rd_period(struct reader *r, json_object *o, const char *key, bool halves,
    char *label, size_t size, struct cs_period *p)
{
	memset(p, 0, sizeof *p);
	rd_text(r, o, key, label, size);
	if (label[0] != '\0' && shottracker_period_parse(label, halves, p) < 0)
		note(r, key);
}

/* The array at o[key]: NULL when absent; a non-array is unusable. */
static json_object *
rd_array(struct reader *r, json_object *o, const char *key)
{
	json_object *v = member(o, key);

	if (v != NULL && !json_object_is_type(v, json_type_array)) {
		note(r, key);
		return NULL;
	}
	return v;
}

/* An array of at most `max` ids (the five on court). */
static int
rd_ids(struct reader *r, json_object *o, const char *key, char ids[][CS_ID_MAX], int max)
{
	json_object *a = rd_array(r, o, key);
	size_t i, n = a != NULL ? json_object_array_length(a) : 0;

	if (n > (size_t)max) {
		note(r, key);
		return 0;
	}
	for (i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(a, i);

		if (v == NULL || !id_value(v, ids[i], CS_ID_MAX)) {
			note(r, key);
			return 0;
		}
	}
	return (int)n;
}

/* An array of at most ST_DETAILS_MAX words ("FGA", "FGA3_OTD"). */
static int
rd_words(struct reader *r, json_object *o, const char *key,
    char words[][ST_WORD_MAX])
{
	json_object *a = rd_array(r, o, key);
	size_t i, n = a != NULL ? json_object_array_length(a) : 0;

	if (n > ST_DETAILS_MAX) {
		note(r, key);
		return 0;
	}
	for (i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(a, i);

		if (v == NULL || !json_object_is_type(v, json_type_string) ||
		    (size_t)json_object_get_string_len(v) >= ST_WORD_MAX) {
			note(r, key);
			return 0;
		}
		cs_sanitize(words[i], json_object_get_string(v), ST_WORD_MAX);
	}
	return (int)n;
}

/* The document: an object with an array at `key`, or a one-line cause (an
 * error body says its status, message and request id). */
static json_object *
document(const char *json, size_t len, const char *what, const char *key,
    json_object **array, char **cause)
{
	struct reader r = { NULL };
	json_tokener *tok;
	json_object *root;
	char msg[128], rid[64];
	int64_t status;
	size_t end;

	if (json == NULL || len > SHOTTRACKER_DOCUMENT_MAX) {
		cs_set_cause(cause, "ShotTracker %s: no document, or over %u bytes", what,
		    SHOTTRACKER_DOCUMENT_MAX);
		return NULL;
	}
	tok = json_tokener_new_ex(JSON_DEPTH);
	if (tok == NULL) {
		cs_set_cause(cause, "ShotTracker %s: out of memory", what);
		return NULL;
	}
	root = json_tokener_parse_ex(tok, json, (int)len);
	end = json_tokener_get_parse_end(tok);
	while (end < len && isspace((unsigned char)json[end]))
		end++;
	if (json_tokener_get_error(tok) != json_tokener_success || root == NULL || end < len) {
		cs_set_cause(cause, "ShotTracker %s: not JSON (%s)", what,
		    root != NULL ? "garbage after it" :
		    json_tokener_get_error(tok) == json_tokener_continue ? "cut short" :
		    json_tokener_error_desc(json_tokener_get_error(tok)));
		json_tokener_free(tok);
		json_object_put(root);
		return NULL;
	}
	json_tokener_free(tok);
	*array = member(root, key);
	if (*array != NULL && json_object_is_type(*array, json_type_array))
		return root;
	status = rd_i64(&r, root, "status", 100, 599);
	rd_text(&r, root, "message", msg, sizeof msg);
	rd_text(&r, root, "shottrackerRequestId", rid, sizeof rid);
	if (status != 0)
		cs_set_cause(cause, "ShotTracker %s: an error instead (HTTP %" PRId64 ": %s, "
		    "request id %s)", what, status, msg[0] ? msg : "no message",
		    rid[0] ? rid : "none");
	else
		cs_set_cause(cause, "ShotTracker %s: no \"%s\" array", what, key);
	json_object_put(root);
	return NULL;
}

static void
refuse(int *skipped, char *warning, size_t size, const char *what, const char *key)
{
	(*skipped)++;
	snprintf(warning, size, "skipped %s: bad or too long \"%s\"", what, key);
}

/* --- possessions --- */

#define PLAY_INT(k) { #k, offsetof(struct shottracker_possession_play, k) }
static const struct {
	const char *key;
	size_t offset;
} play_counts[] = {
	PLAY_INT(turnover), PLAY_INT(passes), PLAY_INT(ball_reversals),
	PLAY_INT(ball_screens), PLAY_INT(ball_screens_left_wing),
	PLAY_INT(ball_screens_middle_wing), PLAY_INT(ball_screens_right_wing),
	PLAY_INT(ball_screens_pick_n_pop), PLAY_INT(ball_screens_pick_n_roll),
	PLAY_INT(ball_screens_pick_n_short_roll), PLAY_INT(ball_screens_screened_shot),
	PLAY_INT(ball_screens_handoff), PLAY_INT(ball_screens_drag),
	PLAY_INT(ball_screens_pop), PLAY_INT(ball_screens_roll),
	PLAY_INT(ball_screens_slip), PLAY_INT(ball_screens_short_roll),
	PLAY_INT(ball_screens_reject), PLAY_INT(ball_screens_re_screen),
	PLAY_INT(ball_screens_stay), PLAY_INT(ball_screens_step_up),
	PLAY_INT(ball_screens_snake), PLAY_INT(ball_screens_split),
	PLAY_INT(ball_screens_other),
};
#undef PLAY_INT

static void
possession_play(struct reader *r, json_object *o, struct shottracker_possession_play *play)
{
	size_t i;

	if (o != NULL && !json_object_is_type(o, json_type_object)) {
		note(r, "possession_attributes");
		return;
	}
	for (i = 0; i < sizeof play_counts / sizeof play_counts[0]; i++)
		*(int *)((char *)play + play_counts[i].offset) =
		    (int)rd_i64(r, o, play_counts[i].key, 0, MAX_COUNT);
	play->half_court = rd_bool(r, o, "half_court");
	play->paint_touch = rd_bool(r, o, "paint_touch");
}

static void
shot_attributes(struct reader *r, json_object *o, struct shottracker_shot *shot)
{
	if (o == NULL)
		return;
	if (!json_object_is_type(o, json_type_object)) {
		note(r, "shot_attributes");
		return;
	}
	shot->present = true;
	shot->distance_cm = rd_double(r, o, "shot_distance_cm");
	shot->x = (int)rd_i64(r, o, "x", -MAX_COURT, MAX_COURT);
	shot->y = (int)rd_i64(r, o, "y", -MAX_COURT, MAX_COURT);
	shot->z = (int)rd_i64(r, o, "z", -MAX_COURT, MAX_COURT);
	shot->zone = (int)rd_i64(r, o, "zone", -1000, 1000);
	shot->advanced_zone = (int)rd_i64(r, o, "advanced_zone", -1000, 1000);
	shot->is_3point = rd_bool(r, o, "is_3point");
}

static void
possession_stat(struct reader *r, json_object *o, struct shottracker_possession_stat *st)
{
	if (!json_object_is_type(o, json_type_object)) {
		note(r, "stats");
		return;
	}
	st->timestamp = rd_i64(r, o, "timestamp", 0, MAX_TIMESTAMP);
	st->game_clock = rd_clock(r, o, "game_clock");
	st->shot_clock = rd_clock(r, o, "shot_clock");
	rd_text(r, o, "possession_type", st->possession_type, sizeof st->possession_type);
	st->ndetails = rd_words(r, o, "details", st->details);
	rd_id(r, o, "player_id", st->player_id, sizeof st->player_id);
	shot_attributes(r, member(o, "shot_attributes"), &st->shot);
}

/* One possession; its stats are allocated here.  -1 (refused) with the key. */
static int
possession(struct reader *r, json_object *o, bool halves, struct shottracker_possession *p)
{
	json_object *stats;
	size_t i, n;

	memset(p, 0, sizeof *p);
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		note(r, "possessions");
		return -1;
	}
	rd_text(r, o, "_locations", p->locations_url, sizeof p->locations_url);
	p->start_timestamp = rd_i64(r, o, "start_timestamp", 0, MAX_TIMESTAMP);
	p->end_timestamp = rd_i64(r, o, "end_timestamp", 0, MAX_TIMESTAMP);
	p->start_clock = rd_clock(r, o, "start_game_clock");
	p->end_clock = rd_clock(r, o, "end_game_clock");
	rd_period(r, o, "period", halves, p->period_label, sizeof p->period_label, &p->period);
	p->nplayers = rd_ids(r, o, "player_ids", p->player_ids, ST_FIVE);
	p->nopponents = rd_ids(r, o, "opposing_player_ids", p->opposing_player_ids, ST_FIVE);
	possession_play(r, member(o, "possession_attributes"), &p->play);
	stats = rd_array(r, o, "stats");
	n = stats != NULL ? json_object_array_length(stats) : 0;
	if (n > ST_STATS_MAX)
		note(r, "stats");
	if (r->bad == NULL && n > 0 && (p->stats = calloc(n, sizeof *p->stats)) == NULL)
		note(r, "stats (out of memory)");
	for (i = 0; r->bad == NULL && i < n; i++)
		possession_stat(r, json_object_array_get_idx(stats, i), &p->stats[p->nstats++]);
	if (r->bad == NULL)
		return 0;
	free(p->stats);
	p->stats = NULL;
	p->nstats = 0;
	return -1;
}

static void
team_players(struct shottracker_possessions *out, struct shottracker_team_possessions *t,
    json_object *a)
{
	size_t i, n = a != NULL ? json_object_array_length(a) : 0;

	if (n > CS_ROSTER_MAX)
		n = CS_ROSTER_MAX;   /* a roster beyond ours: the rest is not kept */
	if (n == 0 || (t->players = calloc(n, sizeof *t->players)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(a, i);
		struct shottracker_possession_player *pl = &t->players[t->nplayers];
		struct reader r = { NULL };

		rd_id(&r, o, "id", pl->id, sizeof pl->id);
		rd_text(&r, o, "first_name", pl->first_name, sizeof pl->first_name);
		rd_text(&r, o, "last_name", pl->last_name, sizeof pl->last_name);
		rd_text(&r, o, "profile_image_link", pl->profile_image_link,
		    sizeof pl->profile_image_link);
		if (r.bad == NULL && pl->id[0] == '\0')
			r.bad = "id";
		if (r.bad == NULL)
			t->nplayers++;
		else {
			refuse(&out->skipped, out->warning, sizeof out->warning, "a player", r.bad);
			memset(pl, 0, sizeof *pl);
		}
	}
}

static void
team_possessions(struct shottracker_possessions *out, struct shottracker_team_possessions *t,
    json_object *a, bool halves)
{
	size_t i, n = a != NULL ? json_object_array_length(a) : 0;

	if (n > ST_POSSESSIONS_MAX) {
		out->skipped += (int)(n - ST_POSSESSIONS_MAX);
		snprintf(out->warning, sizeof out->warning, "team %s: only the first %d "
		    "possessions kept", t->id, ST_POSSESSIONS_MAX);
		n = ST_POSSESSIONS_MAX;
	}
	if (n == 0 || (t->possessions = calloc(n, sizeof *t->possessions)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		struct reader r = { NULL };

		if (possession(&r, json_object_array_get_idx(a, i), halves,
		    &t->possessions[t->npossessions]) == 0)
			t->npossessions++;
		else
			refuse(&out->skipped, out->warning, sizeof out->warning,
			    "a possession", r.bad);
	}
}

static int
team(struct shottracker_possessions *out, json_object *o, bool halves,
    struct shottracker_team_possessions *t)
{
	struct reader r = { NULL };
	json_object *players, *possessions;

	memset(t, 0, sizeof *t);
	rd_id(&r, o, "id", t->id, sizeof t->id);
	rd_text(&r, o, "name", t->name, sizeof t->name);
	players = rd_array(&r, o, "team_player_details");
	possessions = rd_array(&r, o, "possessions");
	if (r.bad == NULL && t->id[0] == '\0')
		r.bad = "id";
	if (r.bad != NULL) {
		refuse(&out->skipped, out->warning, sizeof out->warning, "a team", r.bad);
		return -1;
	}
	team_players(out, t, players);
	team_possessions(out, t, possessions, halves);
	return 0;
}

struct shottracker_possessions *
shottracker_possessions_parse(const char *json, size_t len, bool halves, char **cause)
{
	struct shottracker_possessions *out;
	json_object *root, *teams;
	size_t i, n;

	root = document(json, len, "possessions", "teams", &teams, cause);
	if (root == NULL)
		return NULL;
	out = calloc(1, sizeof *out);
	n = json_object_array_length(teams);
	if (out != NULL && n > ST_TEAMS_MAX) {
		out->skipped += (int)(n - ST_TEAMS_MAX);
		n = ST_TEAMS_MAX;
	}
	if (out == NULL || (n > 0 && (out->teams = calloc(n, sizeof *out->teams)) == NULL)) {
		free(out);
		json_object_put(root);
		cs_set_cause(cause, "ShotTracker possessions: out of memory");
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (team(out, json_object_array_get_idx(teams, i), halves,
		    &out->teams[out->nteams]) == 0)
			out->nteams++;
	json_object_put(root);
	return out;
}

void
shottracker_possessions_free(struct shottracker_possessions **p)
{
	int i, k;

	if (p == NULL || *p == NULL)
		return;
	for (i = 0; i < (*p)->nteams; i++) {
		struct shottracker_team_possessions *t = &(*p)->teams[i];

		for (k = 0; k < t->npossessions; k++)
			free(t->possessions[k].stats);
		free(t->possessions);
		free(t->players);
	}
	free((*p)->teams);
	free(*p);
	*p = NULL;
}

/* --- videos --- */

static int
video(struct reader *r, json_object *o, bool halves, struct shottracker_video *v)
{
	json_object *key = member(o, "sourceKey");

	memset(v, 0, sizeof *v);
	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    (key != NULL && !json_object_is_type(key, json_type_object))) {
		note(r, o == NULL || !json_object_is_type(o, json_type_object) ?
		    "videos" : "sourceKey");
		return -1;
	}
	rd_id(r, o, "gameId", v->game_id, sizeof v->game_id);
	v->event_start_timestamp = rd_i64(r, o, "eventStartTimestamp", 0, MAX_TIMESTAMP);
	v->event_end_timestamp = rd_i64(r, o, "eventEndTimestamp", 0, MAX_TIMESTAMP);
	v->start_game_clock_ms = rd_i64(r, o, "startGameClockMs", 0, 86400000);
	v->end_game_clock_ms = rd_i64(r, o, "endGameClockMs", 0, 86400000);
	rd_period(r, o, "period", halves, v->period_label, sizeof v->period_label, &v->period);
	v->video_start_timestamp = rd_i64(r, o, "videoStartTimestamp", 0, MAX_TIMESTAMP);
	v->video_end_timestamp = rd_i64(r, o, "videoEndTimestamp", 0, MAX_TIMESTAMP);
	rd_text(r, key, "source", v->source, sizeof v->source);
	rd_id(r, key, "teamId", v->source_team_id, sizeof v->source_team_id);
	rd_id(r, key, "playerId", v->source_player_id, sizeof v->source_player_id);
	rd_id(r, o, "sessionId", v->session_id, sizeof v->session_id);
	rd_id(r, o, "facilityId", v->facility_id, sizeof v->facility_id);
	rd_text(r, o, "location", v->location, sizeof v->location);
	rd_text(r, o, "hlsFile", v->hls_file, sizeof v->hls_file);
	v->hls_video_start_timestamp = rd_i64(r, o, "hlsVideoStartTimestamp", 0, MAX_TIMESTAMP);
	v->hls_start_offset = rd_double(r, o, "hlsStartOffset");
	v->hls_video_delay_ms = rd_i64(r, o, "hlsVideoDelayMs", -86400000, 86400000);
	v->hls_duration = rd_double(r, o, "hlsDuration");
	v->external_start_timestamp = rd_i64(r, o, "externalStartTimestamp", 0, MAX_TIMESTAMP);
	v->external_end_timestamp = rd_i64(r, o, "externalEndTimestamp", 0, MAX_TIMESTAMP);
	rd_text(r, o, "posterLocation", v->poster_location, sizeof v->poster_location);
	return r->bad == NULL ? 0 : -1;
}

struct shottracker_videos *
shottracker_videos_parse(const char *json, size_t len, bool halves, char **cause)
{
	struct shottracker_videos *out;
	json_object *root, *videos;
	size_t i, n;

	root = document(json, len, "videos", "videos", &videos, cause);
	if (root == NULL)
		return NULL;
	out = calloc(1, sizeof *out);
	n = json_object_array_length(videos);
	if (out != NULL && n > ST_VIDEOS_MAX) {
		out->skipped += (int)(n - ST_VIDEOS_MAX);
		n = ST_VIDEOS_MAX;
	}
	if (out == NULL || (n > 0 && (out->videos = calloc(n, sizeof *out->videos)) == NULL)) {
		free(out);
		json_object_put(root);
		cs_set_cause(cause, "ShotTracker videos: out of memory");
		return NULL;
	}
	for (i = 0; i < n; i++) {
		struct reader r = { NULL };

		if (video(&r, json_object_array_get_idx(videos, i), halves,
		    &out->videos[out->nvideos]) == 0)
			out->nvideos++;
		else
			refuse(&out->skipped, out->warning, sizeof out->warning, "a video", r.bad);
	}
	json_object_put(root);
	return out;
}

void
shottracker_videos_free(struct shottracker_videos **v)
{
	if (v == NULL || *v == NULL)
		return;
	free((*v)->videos);
	free(*v);
	*v = NULL;
}

/* --- possessions for the model (model/possessions.h) --- */

static const struct {
	enum cs_screen screen;
	size_t offset;
} screen_counts[] = {
#define SCREEN(e, f) { e, offsetof(struct shottracker_possession_play, f) }
	SCREEN(CS_SCREEN_PICK_N_POP, ball_screens_pick_n_pop),
	SCREEN(CS_SCREEN_PICK_N_ROLL, ball_screens_pick_n_roll),
	SCREEN(CS_SCREEN_PICK_N_SHORT_ROLL, ball_screens_pick_n_short_roll),
	SCREEN(CS_SCREEN_SCREENED_SHOT, ball_screens_screened_shot),
	SCREEN(CS_SCREEN_HANDOFF, ball_screens_handoff),
	SCREEN(CS_SCREEN_DRAG, ball_screens_drag),
	SCREEN(CS_SCREEN_POP, ball_screens_pop),
	SCREEN(CS_SCREEN_ROLL, ball_screens_roll),
	SCREEN(CS_SCREEN_SLIP, ball_screens_slip),
	SCREEN(CS_SCREEN_SHORT_ROLL, ball_screens_short_roll),
	SCREEN(CS_SCREEN_REJECT, ball_screens_reject),
	SCREEN(CS_SCREEN_RE_SCREEN, ball_screens_re_screen),
	SCREEN(CS_SCREEN_STAY, ball_screens_stay),
	SCREEN(CS_SCREEN_STEP_UP, ball_screens_step_up),
	SCREEN(CS_SCREEN_SNAKE, ball_screens_snake),
	SCREEN(CS_SCREEN_SPLIT, ball_screens_split),
	SCREEN(CS_SCREEN_OTHER, ball_screens_other),
#undef SCREEN
};

static bool
has_detail(const struct shottracker_possession_stat *st, const char *word)
{
	int i;

	for (i = 0; i < st->ndetails; i++)
		if (strcmp(st->details[i], word) == 0)
			return true;
	return false;
}

/* Points and shots from a stat's details (§4.1): FG3 a made three, FG a
 * made two, FT a made free throw; FGA an attempt.  In the order of the
 * stats: the last attempt gives the shot clock. */
static void
record_stat(const struct shottracker_possession_stat *st, struct cs_possession *rec)
{
	bool three = has_detail(st, "FG3"), made = three || has_detail(st, "FG");

	if (made)
		rec->points += three ? 3 : 2;
	if (has_detail(st, "FT"))
		rec->points++;
	if (!has_detail(st, "FGA") && !made)
		return;
	rec->fga++;
	rec->fgm += made;
	rec->shot_clock = st->shot_clock;
	rec->shot_made = made;
}

/* The record of a possession, its stats' part one stat at a time. */
static void
record_of(const struct shottracker_possession *p, const char *team_id,
    struct cs_possession *rec)
{
	size_t i;
	int k;

	memset(rec, 0, sizeof *rec);
	rec->side = CS_SIDE_NONE;
	if (snprintf(rec->id, sizeof rec->id, "%s@%" PRId64 "/%d/%d", team_id,
	    p->start_timestamp, p->period.sequence, p->start_clock) >= (int)sizeof rec->id)
		/* a long team id: its hash keeps the id whole, so two never collide */
		snprintf(rec->id, sizeof rec->id, "%016" PRIx64 "@%" PRId64 "/%d/%d",
		    cs_hash64(team_id, strlen(team_id)), p->start_timestamp,
		    p->period.sequence, p->start_clock);
	rec->period = p->period;
	rec->start_clock = p->start_clock;
	rec->end_clock = p->end_clock;
	rec->start_ms = p->start_timestamp;
	rec->end_ms = p->end_timestamp;
	rec->nfive[0] = p->nplayers;
	rec->nfive[1] = p->nopponents;
	for (k = 0; k < ST_FIVE; k++) {
		cs_strlcpy(rec->five[0][k], p->player_ids[k], CS_ID_MAX);
		cs_strlcpy(rec->five[1][k], p->opposing_player_ids[k], CS_ID_MAX);
	}
	rec->shot_clock = CS_NO_CLOCK;
	for (k = 0; k < p->nstats; k++)
		record_stat(&p->stats[k], rec);
	rec->passes = p->play.passes;
	rec->ball_reversals = p->play.ball_reversals;
	rec->turnover = p->play.turnover > 0;
	rec->half_court = p->play.half_court;
	rec->paint_touch = p->play.paint_touch;
	rec->ball_screens = p->play.ball_screens;
	for (i = 0; i < sizeof screen_counts / sizeof screen_counts[0]; i++)
		rec->screens[screen_counts[i].screen] =
		    *(const int *)((const char *)&p->play + screen_counts[i].offset);
}

struct walk {
	bool halves;
	shottracker_possession_fn fn;
	void *ctx;
	int kept, skipped;
	char *why;
	size_t whysize;
};

/* One possession object; its team is `team_id`, or its own "teamId". */
static void
walk_one(struct walk *w, json_object *o, const char *team_id)
{
	struct shottracker_possession p;
	struct cs_possession rec;
	struct reader r = { NULL };
	char own[CS_ID_MAX];

	rd_id(&r, o, "teamId", own, sizeof own);
	if (team_id == NULL)
		team_id = own;
	if (r.bad == NULL && team_id[0] == '\0')
		r.bad = "teamId";
	if (r.bad != NULL || possession(&r, o, w->halves, &p) < 0) {
		refuse(&w->skipped, w->why, w->whysize, "a possession", r.bad ? r.bad : "?");
		return;
	}
	record_of(&p, team_id, &rec);
	free(p.stats);
	w->fn(w->ctx, team_id, &rec);
	w->kept++;
}

int
shottracker_possessions_walk(struct json_object *v, bool halves,
    shottracker_possession_fn fn, void *ctx, int *skipped, char *why, size_t whysize)
{
	struct walk w = { halves, fn, ctx, 0, 0, why, whysize };
	json_object *teams = member(v, "teams"), *a;
	char team_id[CS_ID_MAX];
	size_t i, k, n;

	if (json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (i = 0; i < n && i < ST_POSSESSIONS_MAX * 2; i++)
			walk_one(&w, json_object_array_get_idx(v, i), NULL);
	} else if (teams != NULL && json_object_is_type(teams, json_type_array)) {
		n = json_object_array_length(teams);
		for (i = 0; i < n && i < ST_TEAMS_MAX; i++) {
			json_object *t = json_object_array_get_idx(teams, i);
			struct reader r = { NULL };

			rd_id(&r, t, "id", team_id, sizeof team_id);
			a = rd_array(&r, t, "possessions");
			if (r.bad != NULL || team_id[0] == '\0') {
				refuse(&w.skipped, why, whysize, "a team", r.bad ? r.bad : "id");
				continue;
			}
			for (k = 0; a != NULL && k < json_object_array_length(a) &&
			    k < ST_POSSESSIONS_MAX; k++)
				walk_one(&w, json_object_array_get_idx(a, k), team_id);
		}
	} else if (json_object_is_type(v, json_type_object)) {
		walk_one(&w, v, NULL);
	} else {
		refuse(&w.skipped, why, whysize, "possessions", "possessions");
	}
	if (skipped != NULL)
		*skipped = w.skipped;
	return w.kept;
}

/* --- one possession without a tree --- */

/*
 * A live possessions frame is one possession of ~1.2 KB (the two fives, its
 * stats, 26 play counts) that json-c built a tree of ~90 objects for: after
 * the frame scanners of shottracker_parse.c, the largest share of a
 * replay's parse (issue 20).  Here a possession in the usual form is read
 * from the text to the very record walk_one makes: every value absent,
 * null, or of the type and within the range possession() keeps, each named
 * key once, every number a plain integer (a decimal for shot_distance_cm).
 * Anything else, and anything possession() would refuse, is not read here
 * (false): the tree reads it and refuses it or warns as it always has.
 * The text is checked JSON with no backslash and no NUL in it.
 */
#define SCAN_CLOCK_MAX 32          /* "11:55.0" with room for spaces */

/* An integer as rd_i64 keeps it: 0 when absent or null. */
static bool
sc_i64(const struct json_span *v, int64_t lo, int64_t hi, int64_t *out)
{
	*out = 0;
	return v->p == NULL || (json_span_int(v, out) && *out >= lo && *out <= hi);
}

/* A count of the play (0 to MAX_COUNT) into an int. */
static bool
sc_count(const struct json_span *v, int *out)
{
	int64_t x;

	if (!sc_i64(v, 0, MAX_COUNT, &x))
		return false;
	*out = (int)x;
	return true;
}

/* As rd_bool. */
static bool
sc_bool(const struct json_span *v, bool *out)
{
	*out = v->p != NULL && v->len == 4 && memcmp(v->p, "true", 4) == 0;
	return v->p == NULL || *out || (v->len == 5 && memcmp(v->p, "false", 5) == 0);
}

/* A string's characters, NUL-terminated, into buf: false when it is no
 * string or does not fit. */
static bool
sc_raw(const struct json_span *v, char *buf, size_t size)
{
	if (v->p[0] != '"' || v->len - 2 >= size)
		return false;
	memcpy(buf, v->p + 1, v->len - 2);
	buf[v->len - 2] = '\0';
	return true;
}

/* As rd_text into buf (size at most ST_URL_MAX); buf NULL checks only. */
static bool
sc_text(const struct json_span *v, char *buf, size_t size)
{
	char raw[ST_URL_MAX];

	if (buf != NULL)
		buf[0] = '\0';
	if (v->p == NULL)
		return true;
	if (buf == NULL)
		return v->p[0] == '"' && v->len - 2 < size;
	if (!sc_raw(v, raw, size))
		return false;
	cs_sanitize(buf, raw, size);
	return true;
}

/* As rd_clock. */
static bool
sc_clock(const struct json_span *v, int *out)
{
	char raw[SCAN_CLOCK_MAX];

	*out = CS_NO_CLOCK;
	if (v->p == NULL)
		return true;
	if (!sc_raw(v, raw, sizeof raw))
		return false;
	*out = cs_clock_parse(raw);
	return *out != CS_NO_CLOCK;
}

/* As id_value, into buf[CS_ID_MAX]. */
static bool
sc_id_value(const struct json_span *v, char *buf)
{
	char raw[CS_ID_MAX];
	int64_t x;

	if (v->p[0] != '"') {
		if (!json_span_int(v, &x))
			return false;
		cs_i64_text(x, buf, CS_ID_MAX);
		return true;
	}
	if (!sc_raw(v, raw, sizeof raw) || raw[0] == '\0' ||
	    strpbrk(raw, " /?#&%\"\\") != NULL)
		return false;
	cs_sanitize(buf, raw, CS_ID_MAX);
	return buf[0] != '\0';
}

/* As rd_id: "" when absent, null or "". */
static bool
sc_id(const struct json_span *v, char *buf)
{
	buf[0] = '\0';
	return v->p == NULL || (v->len == 2 && v->p[0] == '"') || sc_id_value(v, buf);
}

/* As rd_ids: the array's ids into ids[0..*n), at most ST_FIVE. */
static bool
sc_ids(const struct json_span *v, char ids[][CS_ID_MAX], int *n)
{
	struct json_iter it;
	struct json_span el;

	*n = 0;
	if (v->p == NULL)
		return true;
	if (v->p[0] != '[' || !json_iter_begin(&it, v->p, v->len))
		return false;
	while (json_next_element(&it, &el)) {
		if (*n == ST_FIVE || !sc_id_value(&el, ids[*n]))
			return false;
		(*n)++;
	}
	return true;
}

/* As rd_words into st->details. */
static bool
sc_words(const struct json_span *v, struct shottracker_possession_stat *st)
{
	char raw[ST_WORD_MAX];
	struct json_iter it;
	struct json_span el;

	st->ndetails = 0;
	if (v->p == NULL)
		return true;
	if (v->p[0] != '[' || !json_iter_begin(&it, v->p, v->len))
		return false;
	while (json_next_element(&it, &el)) {
		if (st->ndetails == ST_DETAILS_MAX || !sc_raw(&el, raw, sizeof raw))
			return false;
		cs_sanitize(st->details[st->ndetails++], raw, ST_WORD_MAX);
	}
	return true;
}

/* As rd_double, checked only (no record keeps it): an integer, or digits
 * with a fraction; no exponent. */
static bool
sc_double(const struct json_span *v)
{
	char raw[SCAN_CLOCK_MAX];
	size_t i;
	double d;

	if (v->p == NULL)
		return true;
	if (v->len >= sizeof raw)
		return false;
	for (i = 0; i < v->len; i++)
		if (!isdigit((unsigned char)v->p[i]) && v->p[i] != '.' && (i > 0 || v->p[0] != '-'))
			return false;
	memcpy(raw, v->p, v->len);
	raw[v->len] = '\0';
	d = strtod(raw, NULL);
	return d >= -1e12 && d <= 1e12;
}

enum { SH_DISTANCE, SH_X, SH_Y, SH_Z, SH_ZONE, SH_ADVANCED, SH_THREE, SH_COUNT };

static const struct json_name shot_names[SH_COUNT] = {
	JSON_NAME("shot_distance_cm"), JSON_NAME("x"), JSON_NAME("y"), JSON_NAME("z"),
	JSON_NAME("zone"), JSON_NAME("advanced_zone"), JSON_NAME("is_3point"),
};

/* As shot_attributes, checked only. */
static bool
sc_shot(const struct json_span *o)
{
	struct json_span v[SH_COUNT];
	int64_t x;
	bool b;

	if (o->p == NULL)
		return true;
	return o->p[0] == '{' && json_members_plain(o, shot_names, SH_COUNT, v) &&
	    sc_double(&v[SH_DISTANCE]) && sc_i64(&v[SH_X], -MAX_COURT, MAX_COURT, &x) &&
	    sc_i64(&v[SH_Y], -MAX_COURT, MAX_COURT, &x) &&
	    sc_i64(&v[SH_Z], -MAX_COURT, MAX_COURT, &x) &&
	    sc_i64(&v[SH_ZONE], -1000, 1000, &x) && sc_i64(&v[SH_ADVANCED], -1000, 1000, &x) &&
	    sc_bool(&v[SH_THREE], &b);
}

enum { ST_TS, ST_CLOCK, ST_SHOT_CLOCK, ST_TYPE, ST_DETAILS, ST_PLAYER, ST_SHOT, ST_COUNT };

static const struct json_name stat_names[ST_COUNT] = {
	JSON_NAME("timestamp"), JSON_NAME("game_clock"), JSON_NAME("shot_clock"),
	JSON_NAME("possession_type"), JSON_NAME("details"), JSON_NAME("player_id"),
	JSON_NAME("shot_attributes"),
};

/* As possession_stat, the fields record_stat uses into *st. */
static bool
sc_stat(const struct json_span *o, struct shottracker_possession_stat *st)
{
	struct json_span v[ST_COUNT];
	char id[CS_ID_MAX];
	int game_clock;

	return o->p[0] == '{' && json_members_plain(o, stat_names, ST_COUNT, v) &&
	    sc_i64(&v[ST_TS], 0, MAX_TIMESTAMP, &st->timestamp) &&
	    sc_clock(&v[ST_CLOCK], &game_clock) && sc_clock(&v[ST_SHOT_CLOCK], &st->shot_clock) &&
	    sc_text(&v[ST_TYPE], NULL, ST_WORD_MAX) && sc_words(&v[ST_DETAILS], st) &&
	    sc_id(&v[ST_PLAYER], id) && sc_shot(&v[ST_SHOT]);
}

/* As rd_array(stats) and possession_stat each: their part of the record. */
static bool
sc_stats(const struct json_span *v, struct cs_possession *rec)
{
	struct shottracker_possession_stat st;
	struct json_iter it;
	struct json_span el;
	int n = 0;

	if (v->p == NULL)
		return true;
	if (v->p[0] != '[' || !json_iter_begin(&it, v->p, v->len))
		return false;
	while (json_next_element(&it, &el)) {
		if (n++ == ST_STATS_MAX || !sc_stat(&el, &st))
			return false;
		record_stat(&st, rec);
	}
	return true;
}

/* As possession_play: the play counts in play_counts' order, then the two
 * flags. */
static bool
sc_play(const struct json_span *o, struct shottracker_possession_play *play)
{
	enum { NCOUNTS = sizeof play_counts / sizeof play_counts[0] };
	struct json_name names[NCOUNTS + 2];
	struct json_span v[NCOUNTS + 2];
	size_t i;

	if (o->p == NULL)
		return true;   /* none: every count 0, both flags false */
	if (o->p[0] != '{')
		return false;
	for (i = 0; i < NCOUNTS; i++) {
		names[i].s = play_counts[i].key;
		names[i].len = strlen(play_counts[i].key);
	}
	names[NCOUNTS].s = "half_court";
	names[NCOUNTS].len = strlen("half_court");
	names[NCOUNTS + 1].s = "paint_touch";
	names[NCOUNTS + 1].len = strlen("paint_touch");
	if (!json_members_plain(o, names, NCOUNTS + 2, v))
		return false;
	for (i = 0; i < NCOUNTS; i++)
		if (!sc_count(&v[i], (int *)(void *)((char *)play + play_counts[i].offset)))
			return false;
	return sc_bool(&v[NCOUNTS], &play->half_court) &&
	    sc_bool(&v[NCOUNTS + 1], &play->paint_touch);
}

enum {
	PO_TEAMS, PO_TEAM, PO_LOCATIONS, PO_START_TS, PO_END_TS, PO_START_CLOCK, PO_END_CLOCK,
	PO_PERIOD, PO_FIVE, PO_OTHER_FIVE, PO_PLAY, PO_STATS, PO_COUNT
};

/* "teams": a possessions document for the walker, not one possession */
static const struct json_name possession_names[PO_COUNT] = {
	JSON_NAME("teams"), JSON_NAME("teamId"), JSON_NAME("_locations"),
	JSON_NAME("start_timestamp"), JSON_NAME("end_timestamp"),
	JSON_NAME("start_game_clock"), JSON_NAME("end_game_clock"),
	JSON_NAME("period"), JSON_NAME("player_ids"), JSON_NAME("opposing_player_ids"),
	JSON_NAME("possession_attributes"), JSON_NAME("stats"),
};

int
shottracker_possession_scan(const char *obj, size_t len, bool halves,
    char team_id[CS_ID_MAX], struct cs_possession *rec)
{
	struct json_span whole = { obj, len }, v[PO_COUNT];
	struct shottracker_possession p;

	memset(&p, 0, sizeof p);
	if (len == 0 || obj[0] != '{' ||
	    !json_members_plain(&whole, possession_names, PO_COUNT, v) || v[PO_TEAMS].p != NULL ||
	    !sc_id(&v[PO_TEAM], team_id) || team_id[0] == '\0' ||
	    !sc_text(&v[PO_LOCATIONS], NULL, ST_URL_MAX) ||
	    !sc_i64(&v[PO_START_TS], 0, MAX_TIMESTAMP, &p.start_timestamp) ||
	    !sc_i64(&v[PO_END_TS], 0, MAX_TIMESTAMP, &p.end_timestamp) ||
	    !sc_clock(&v[PO_START_CLOCK], &p.start_clock) ||
	    !sc_clock(&v[PO_END_CLOCK], &p.end_clock) ||
	    !sc_text(&v[PO_PERIOD], p.period_label, sizeof p.period_label) ||
	    (p.period_label[0] != '\0' &&
	    shottracker_period_parse(p.period_label, halves, &p.period) < 0) ||
	    !sc_ids(&v[PO_FIVE], p.player_ids, &p.nplayers) ||
	    !sc_ids(&v[PO_OTHER_FIVE], p.opposing_player_ids, &p.nopponents) ||
	    !sc_play(&v[PO_PLAY], &p.play))
		return 0;
	record_of(&p, team_id, rec);
	return sc_stats(&v[PO_STATS], rec) ? 1 : 0;
}

int
shottracker_video_segment(const struct shottracker_video *v, struct cs_video_segment *seg)
{
	memset(seg, 0, sizeof *seg);
	if (v->hls_file[0] == '\0' || v->hls_start_offset < 0 || v->hls_start_offset > 1e7 ||
	    v->hls_duration < 0 || v->hls_duration > 1e7)
		return -1;
	seg->hls_start_ms = v->hls_video_start_timestamp;
	seg->offset_ms = (int64_t)(v->hls_start_offset * 1000.0 + 0.5);
	seg->delay_ms = v->hls_video_delay_ms;
	seg->duration_ms = (int64_t)(v->hls_duration * 1000.0 + 0.5);
	cs_strlcpy(seg->url, v->hls_file, sizeof seg->url);
	return 0;
}
