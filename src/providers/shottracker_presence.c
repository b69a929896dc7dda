/*
 * Presence, lineups at a time and sensor assignments (shottracker_presence.h).
 * Tolerant as the rest of the ShotTracker parser: ids as numbers or
 * strings, camelCase or snake_case keys, unknown keys ignored.
 */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "model/presence.h"
#include "providers/shottracker_presence.h"
#include "util.h"

/* The first of two spellings present in `o`. */
static json_object *
get2(json_object *o, const char *camel, const char *snake)
{
	json_object *v = NULL;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return NULL;
	if (json_object_object_get_ex(o, camel, &v) && v != NULL)
		return v;
	if (snake != NULL && json_object_object_get_ex(o, snake, &v))
		return v;
	return NULL;
}

/* An id, number or plain string; false when missing or not plain. */
static bool
id_of(json_object *v, char *buf, size_t size)
{
	char tmp[CS_ID_MAX];

	if (v == NULL)
		return false;
	if (json_object_is_type(v, json_type_int)) {
		snprintf(buf, size, "%" PRId64, json_object_get_int64(v));
		return true;
	}
	if (!json_object_is_type(v, json_type_string) ||
	    strlen(json_object_get_string(v)) >= sizeof tmp)
		return false;
	cs_sanitize(tmp, json_object_get_string(v), sizeof tmp);
	if (tmp[0] == '\0' || strpbrk(tmp, " /?#&%\"\\") != NULL)
		return false;
	cs_strlcpy(buf, tmp, size);
	return true;
}

static int
side_of(const struct shottracker_ctx *c, const char *team_id)
{
	int side;

	for (side = 0; side < 2; side++)
		if (c->team_id[side][0] != '\0' && strcmp(team_id, c->team_id[side]) == 0)
			return side;
	return CS_SIDE_NONE;
}

/* The record's team as a side, or CS_SIDE_NONE (warned). */
static int
record_side(struct shottracker_ctx *c, json_object *o, const char *what)
{
	char team[CS_ID_MAX];
	int side;

	if (!id_of(get2(o, "teamId", "team_id"), team, sizeof team)) {
		shottracker_warn(c, "skipped a %s record: no team id", what);
		return CS_SIDE_NONE;
	}
	if ((side = side_of(c, team)) == CS_SIDE_NONE)
		shottracker_warn(c, "skipped a %s record: team %s is neither side", what, team);
	return side;
}

static json_object *
parse_doc(struct shottracker_ctx *c, const char *json, size_t len, const char *what)
{
	json_tokener *tok;
	json_object *o;

	if (json == NULL || len == 0 || len > SHOTTRACKER_PRESENCE_MAX) {
		shottracker_warn(c, "skipped the %s: %s", what, len == 0 ? "empty" : "too large");
		return NULL;
	}
	if ((tok = json_tokener_new()) == NULL)
		return NULL;
	o = json_tokener_parse_ex(tok, json, (int)len);
	if (o == NULL || json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(o);
		o = NULL;
		shottracker_warn(c, "skipped the %s: not JSON", what);
	}
	json_tokener_free(tok);
	return o;
}

/* The array at `key` (or the document itself when it is one). */
static json_object *
array_of(json_object *root, const char *key, const char *key2)
{
	json_object *a;

	if (json_object_is_type(root, json_type_array))
		return root;
	a = get2(root, key, key2);
	return a != NULL && json_object_is_type(a, json_type_array) ? a : NULL;
}

/*
 * The game time a report was counted at: its "period" and "gameClock".
 * Without them (a service that does not say) the report is kept but
 * never compared: period sequence 0 matches no play.
 */
static void
as_of(struct shottracker_ctx *c, json_object *o, struct cs_period *p, int *clock)
{
	json_object *per = get2(o, "period", NULL), *ck = get2(o, "gameClock", "game_clock");

	memset(p, 0, sizeof *p);
	*clock = CS_NO_CLOCK;
	if (per == NULL || ck == NULL || !json_object_is_type(per, json_type_string) ||
	    !json_object_is_type(ck, json_type_string) ||
	    shottracker_period_parse(json_object_get_string(per), c->halves, p) < 0 ||
	    (*clock = cs_clock_parse(json_object_get_string(ck))) == CS_NO_CLOCK) {
		memset(p, 0, sizeof *p);
		*clock = CS_NO_CLOCK;
	}
}

/* A time on court: "M:SS.t" (minutes may pass 59) or a number of minutes. */
static int
minutes_tenths(json_object *v)
{
	double m;

	if (v == NULL)
		return -1;
	if (json_object_is_type(v, json_type_string))
		return cs_clock_parse(json_object_get_string(v)) == CS_NO_CLOCK ? -1 :
		    cs_clock_parse(json_object_get_string(v));
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double))
		return -1;
	m = json_object_get_double(v);
	return m >= 0.0 && m < 1000.0 ? (int)(m * 600.0 + 0.5) : -1;
}

static bool
presence_record(struct shottracker_ctx *c, json_object *o, const struct cs_period *p,
    int clock, struct cs_presence *out)
{
	json_object *poss;

	memset(out, 0, sizeof *out);
	if ((out->side = record_side(c, o, "presence")) == CS_SIDE_NONE)
		return false;
	if (!id_of(get2(o, "playerId", "player_id"), out->player_id, sizeof out->player_id) ||
	    (out->tenths = minutes_tenths(get2(o, "MIN", "min"))) < 0) {
		shottracker_warn(c, "skipped a presence record: no player id or MIN");
		return false;
	}
	poss = get2(o, "POSS", "poss");
	out->possessions = poss != NULL && json_object_is_type(poss, json_type_int) ?
	    json_object_get_int(poss) : -1;
	out->as_of = *p;
	out->as_of_clock = clock;
	return true;
}

int
shottracker_parse_presence(struct shottracker_ctx *c, const char *json, size_t len)
{
	struct cs_presence rec;
	struct cs_period p;
	json_object *root, *arr;
	size_t i, n;
	int clock, good = 0;

	if ((root = parse_doc(c, json, len, "presence")) == NULL)
		return -1;
	if ((arr = array_of(root, "presence", NULL)) == NULL) {
		shottracker_warn(c, "skipped the presence: no presence array");
		json_object_put(root);
		return -1;
	}
	as_of(c, root, &p, &clock);
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		if (!presence_record(c, json_object_array_get_idx(arr, i), &p, clock, &rec))
			continue;
		good++;
		if (c->sink.presence != NULL)
			c->sink.presence(c->sink.ctx, &rec);
	}
	json_object_put(root);
	return good;
}

static bool
lineup_record(struct shottracker_ctx *c, json_object *o, struct cs_lineup_at *out)
{
	json_object *ids = get2(o, "playerIds", "player_ids");
	size_t i, n;

	if ((out->side = record_side(c, o, "lineup")) == CS_SIDE_NONE)
		return false;
	n = ids != NULL && json_object_is_type(ids, json_type_array) ?
	    json_object_array_length(ids) : 0;
	if (n == 0 || n > CS_ON_COURT) {
		shottracker_warn(c, "skipped a lineup record: %zu players", n);
		return false;
	}
	for (i = 0; i < n; i++)
		if (!id_of(json_object_array_get_idx(ids, i), out->ids[i], sizeof out->ids[i])) {
			shottracker_warn(c, "skipped a lineup record: a player id is not plain");
			return false;
		}
	out->n = (int)n;
	return true;
}

int
shottracker_parse_lineup_at(struct shottracker_ctx *c, const char *json, size_t len,
    int64_t timestamp)
{
	struct cs_lineup_at rec;
	struct cs_period p;
	json_object *root, *arr;
	size_t i, n;
	int clock, good = 0;

	if ((root = parse_doc(c, json, len, "lineups at a time")) == NULL)
		return -1;
	if ((arr = array_of(root, "lineups", NULL)) == NULL) {
		shottracker_warn(c, "skipped the lineups at a time: no lineups array");
		json_object_put(root);
		return -1;
	}
	as_of(c, root, &p, &clock);
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		memset(&rec, 0, sizeof rec);
		if (!lineup_record(c, json_object_array_get_idx(arr, i), &rec))
			continue;
		rec.timestamp = timestamp;
		rec.as_of = p;
		rec.as_of_clock = clock;
		good++;
		if (c->sink.lineup_at != NULL)
			c->sink.lineup_at(c->sink.ctx, &rec);
	}
	json_object_put(root);
	return good;
}

static bool
sensor_record(struct shottracker_ctx *c, json_object *o, struct cs_sensor_assignment *out)
{
	json_object *ts = get2(o, "timestamp", NULL);

	memset(out, 0, sizeof *out);
	if ((out->side = record_side(c, o, "sensor assignment")) == CS_SIDE_NONE)
		return false;
	if (!id_of(get2(o, "playerId", "player_id"), out->player_id, sizeof out->player_id) ||
	    !id_of(get2(o, "sensor", "sensorId"), out->sensor, sizeof out->sensor) ||
	    ts == NULL || !json_object_is_type(ts, json_type_int)) {
		shottracker_warn(c, "skipped a sensor assignment: no player, sensor or timestamp");
		return false;
	}
	out->timestamp = json_object_get_int64(ts);
	return true;
}

int
shottracker_parse_sensors(struct shottracker_ctx *c, const char *json, size_t len)
{
	struct cs_sensor_assignment rec;
	json_object *root, *arr;
	size_t i, n;
	int good = 0;

	if ((root = parse_doc(c, json, len, "sensor assignments")) == NULL)
		return -1;
	if ((arr = array_of(root, "sensor_assignments_history", "assignments")) == NULL) {
		shottracker_warn(c, "skipped the sensor assignments: no sensor_assignments_history array");
		json_object_put(root);
		return -1;
	}
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		if (!sensor_record(c, json_object_array_get_idx(arr, i), &rec))
			continue;
		good++;
		if (c->sink.sensor != NULL)
			c->sink.sensor(c->sink.ctx, &rec);
	}
	json_object_put(root);
	return good;
}
