/*
 * What the sensors saw (issue 18 item 2): the three documents as
 * providers/shottracker_presence.c reads them (shapes: doc/shottracker-
 * wire.md §6), and model/presence.c's reconciliation with the derived
 * minutes and fives, computed by hand here: a difference counts with the
 * published totals' mismatches and flags the player, only while the model
 * is at the report's game time, and within the slack it is no difference.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/game.h"
#include "model/presence.h"
#include "providers/shottracker_presence.h"
#include "tap.h"

#define CLOCK(m, s) (((m) * 60 + (s)) * 10)

static const char *const HOME5[CS_ON_COURT] = { "h1", "h2", "h3", "h4", "h5" };
static const char *const AWAY5[CS_ON_COURT] = { "a1", "a2", "a3", "a4", "a5" };
static int64_t next_sequence;

/* --- the parser, into a recording sink --- */

static struct {
	struct cs_presence presence[8];
	int npresence;
	struct cs_lineup_at lineup[4];
	int nlineup;
	struct cs_sensor_assignment sensor[8];
	int nsensor;
	char warning[256];
	int nwarning;
} got;

static void
on_presence(void *ctx, const struct cs_presence *p)
{
	(void)ctx;
	if (got.npresence < 8)
		got.presence[got.npresence++] = *p;
}

static void
on_lineup_at(void *ctx, const struct cs_lineup_at *l)
{
	(void)ctx;
	if (got.nlineup < 4)
		got.lineup[got.nlineup++] = *l;
}

static void
on_sensor(void *ctx, const struct cs_sensor_assignment *s)
{
	(void)ctx;
	if (got.nsensor < 8)
		got.sensor[got.nsensor++] = *s;
}

static void
on_warning(void *ctx, const char *m)
{
	(void)ctx;
	cs_strlcpy(got.warning, m, sizeof got.warning);
	got.nwarning++;
}

static void
ctx_new(struct shottracker_ctx *c)
{
	struct cs_sink sink;

	memset(&got, 0, sizeof got);
	memset(&sink, 0, sizeof sink);
	sink.presence = on_presence;
	sink.lineup_at = on_lineup_at;
	sink.sensor = on_sensor;
	sink.warning = on_warning;
	shottracker_ctx_init(c, &sink, "g1");
	cs_strlcpy(c->team_id[CS_HOME], "552", sizeof c->team_id[CS_HOME]);
	cs_strlcpy(c->team_id[CS_AWAY], "526", sizeof c->team_id[CS_AWAY]);
}

static int
parse(int (*fn)(struct shottracker_ctx *, const char *, size_t), const char *doc)
{
	struct shottracker_ctx c;
	int rc;

	ctx_new(&c);
	rc = fn(&c, doc, strlen(doc));
	shottracker_ctx_free(&c);
	return rc;
}

static void
test_parse_presence(void)
{
	is_int(parse(shottracker_parse_presence,
	    "{\"presence\":[{\"teamId\":\"552\",\"playerId\":\"7269\",\"MIN\":\"12:34.5\","
	    "\"POSS\":31},{\"team_id\":526,\"player_id\":81,\"MIN\":2.5},"
	    "{\"teamId\":\"999\",\"playerId\":\"1\",\"MIN\":\"1:00\"}],"
	    "\"period\":\"Q2\",\"gameClock\":\"6:13.0\"}"), 2,
	    "presence: two records read, a third team's skipped");
	is_str(got.warning, "skipped a presence record: team 999 is neither side",
	    "presence: the skipped one named");
	is_int(got.presence[0].side, CS_HOME, "presence: team 552 is home");
	is_str(got.presence[0].player_id, "7269", "presence: player id");
	is_int(got.presence[0].tenths, 7545, "presence: MIN 12:34.5 is 7545 tenths");
	is_int(got.presence[0].possessions, 31, "presence: POSS");
	is_int(got.presence[0].as_of.sequence, 2, "presence: as of Q2");
	is_int(got.presence[0].as_of_clock, CLOCK(6, 13), "presence: as of 6:13.0");
	is_int(got.presence[1].side, CS_AWAY, "presence: snake_case, numeric ids");
	is_int(got.presence[1].tenths, 1500, "presence: MIN as minutes 2.5 is 1500 tenths");
	is_int(got.presence[1].possessions, -1, "presence: no POSS is -1");
	is_int(parse(shottracker_parse_presence, "{\"presence\":[{\"teamId\":\"552\","
	    "\"playerId\":\"1\",\"MIN\":\"1:00\"}]}"), 1,
	    "presence: no period and gameClock: read");
	is_int(got.presence[0].as_of.sequence, 0, "presence: as of no time (never compared)");
	is_int(got.nwarning, 0, "presence: no warning for it");
	is_int(parse(shottracker_parse_presence, "{\"players\":[]}"), -1,
	    "presence: no presence array is refused");
	is_int(parse(shottracker_parse_presence, "{\"presence\":"), -1,
	    "presence: broken JSON is refused");
	is_str(got.warning, "skipped the presence: not JSON", "presence: saying so");
}

static void
test_parse_lineup_at(void)
{
	struct shottracker_ctx c;
	const char *doc = "{\"lineups\":[{\"teamId\":\"552\",\"playerIds\":[\"1\",\"2\","
	    "\"3\",\"4\",\"5\"],\"timestamp\":1700000000000},{\"teamId\":\"526\","
	    "\"playerIds\":[\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}],"
	    "\"period\":\"Q3\",\"gameClock\":\"0:41.2\"}";

	ctx_new(&c);
	is_int(shottracker_parse_lineup_at(&c, doc, strlen(doc), 1800000000000LL), 1,
	    "lineup at: one five read, six players refused");
	shottracker_ctx_free(&c);
	is_str(got.warning, "skipped a lineup record: 6 players", "lineup at: saying so");
	is_int(got.lineup[0].n, 5, "lineup at: five ids");
	is_str(got.lineup[0].ids[4], "5", "lineup at: in order");
	ok(got.lineup[0].timestamp == 1800000000000LL, "lineup at: the time asked about");
	is_int(got.lineup[0].as_of.sequence, 3, "lineup at: as of Q3");
	is_int(got.lineup[0].as_of_clock, 412, "lineup at: as of 0:41.2");
}

static void
test_parse_sensors(void)
{
	is_int(parse(shottracker_parse_sensors,
	    "{\"sensor_assignments_history\":[{\"teamId\":\"552\",\"playerId\":\"7\","
	    "\"sensor\":100630,\"timestamp\":1700000000000},{\"team_id\":\"526\","
	    "\"player_id\":\"8\",\"sensor\":\"100631\",\"timestamp\":1700000005000},"
	    "{\"teamId\":\"552\",\"playerId\":\"7\",\"timestamp\":1}]}"), 2,
	    "sensors: two assignments, one without a sensor skipped");
	is_str(got.sensor[0].sensor, "100630", "sensors: a number as its digits");
	is_str(got.sensor[1].sensor, "100631", "sensors: a string as it is");
	is_int(got.sensor[1].side, CS_AWAY, "sensors: the side");
	is_int(parse(shottracker_parse_sensors, "[]"), 0, "sensors: a bare empty array");
	is_int(parse(shottracker_parse_sensors, "{\"x\":1}"), -1, "sensors: no array refused");
}

/* --- the model --- */

static void
fill_team(struct cs_team_info *t, const char *prefix)
{
	int i;

	cs_strlcpy(t->id, prefix, sizeof t->id);
	cs_strlcpy(t->name, prefix, sizeof t->name);
	t->nplayers = 8;
	for (i = 0; i < 8; i++) {
		snprintf(t->players[i].id, sizeof t->players[i].id, "%s%d", prefix, i + 1);
		snprintf(t->players[i].name, sizeof t->players[i].name, "P %d", i + 1);
	}
}

static struct cs_event
ev_new(const char *id, int clock, enum cs_event_type type)
{
	struct cs_event ev;
	int k;

	cs_event_init(&ev, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(ev.id, id, sizeof ev.id);
	ev.sequence = ++next_sequence;
	ev.period.type = CS_PERIOD_QUARTER;
	ev.period.number = ev.period.sequence = 1;
	ev.clock = clock;
	ev.type = type;
	ev.side = CS_SIDE_NONE;
	if (type == CS_EV_PERIOD_START) {
		ev.has_on_court[CS_HOME] = ev.has_on_court[CS_AWAY] = true;
		for (k = 0; k < CS_ON_COURT; k++) {
			cs_strlcpy(ev.on_court[CS_HOME][k].id, HOME5[k], CS_ID_MAX);
			cs_strlcpy(ev.on_court[CS_AWAY][k].id, AWAY5[k], CS_ID_MAX);
		}
	}
	return ev;
}

/* Q1 from 12:00 to 9:00 with the starting fives: each starter 3:00 = 1800. */
static struct game *
three_minutes(void)
{
	struct game *g = game_new();
	struct cs_game_info info;
	struct cs_event ev;

	cs_game_info_init(&info, CS_PROVIDER_SHOTTRACKER);
	cs_strlcpy(info.id, "g1", sizeof info.id);
	info.format = CS_FORMAT_QUARTERS;
	info.has_team[CS_HOME] = info.has_team[CS_AWAY] = true;
	fill_team(&info.team[CS_HOME], "h");
	fill_team(&info.team[CS_AWAY], "a");
	game_set_info(g, &info);
	ev = ev_new("start", CLOCK(12, 0), CS_EV_PERIOD_START);
	game_upsert(g, &ev);
	ev = ev_new("timeout", CLOCK(9, 0), CS_EV_TIMEOUT);
	ev.side = CS_HOME;
	game_upsert(g, &ev);
	return g;
}

static struct cs_presence
presence(const char *id, int tenths, int clock)
{
	struct cs_presence p;

	memset(&p, 0, sizeof p);
	p.side = id[0] == 'h' ? CS_HOME : CS_AWAY;
	cs_strlcpy(p.player_id, id, sizeof p.player_id);
	p.tenths = tenths;
	p.possessions = 7;
	p.as_of.type = CS_PERIOD_QUARTER;
	p.as_of.number = p.as_of.sequence = 1;
	p.as_of_clock = clock;
	return p;
}

static const struct box_player *
player(struct game *g, int side, const char *id)
{
	return &game_team(g, side)->players[game_player_index(g, side, id)];
}

static void
test_presence_reconciled(void)
{
	struct game *g = three_minutes();
	struct cs_presence p;

	is_int(game_mismatch_count(g), 0, "no report: nothing differs");
	p = presence("h1", 1800, CLOCK(9, 0));
	is_int(game_set_presence(g, &p), 1, "a presence is kept");
	is_int(game_set_presence(g, &p), 0, "the same again changes nothing");
	is_int(game_mismatch_count(g), 0, "3:00 by the sensors, 3:00 derived: agree");
	p = presence("h2", 1800 + CS_PRESENCE_SLACK_TENTHS, CLOCK(9, 0));
	game_set_presence(g, &p);
	is_int(game_mismatch_count(g), 0, "2.0 s off: within the slack");
	p = presence("h3", 1800 + CS_PRESENCE_SLACK_TENTHS + 1, CLOCK(9, 0));
	game_set_presence(g, &p);
	is_int(game_mismatch_count(g), 1, "2.1 s off: a difference");
	ok(player(g, CS_HOME, "h3")->mismatch, "and the player is flagged");
	ok(!player(g, CS_HOME, "h1")->mismatch, "an agreeing player is not");
	p = presence("a6", 300, CLOCK(9, 0));
	game_set_presence(g, &p);
	is_int(game_mismatch_count(g), 2, "a bench player the sensors saw play: a difference");
	p = presence("h3", 1800, CLOCK(9, 0));
	game_set_presence(g, &p);
	p = presence("a6", 0, CLOCK(9, 0));
	game_set_presence(g, &p);
	is_int(game_mismatch_count(g), 0, "corrected reports: nothing differs");
	ok(!player(g, CS_HOME, "h3")->mismatch, "the flag is cleared");
	p = presence("h4", 900, CLOCK(10, 30));
	game_set_presence(g, &p);
	is_int(game_mismatch_count(g), 0, "a report as of another time is not compared");
	ok(game_view_presence(g, CS_HOME, "h4") != NULL &&
	    game_view_presence(g, CS_HOME, "h4")->possessions == 7, "but it is kept");
	p.side = 7;
	is_int(game_set_presence(g, &p), -1, "a report for no side is refused");
	game_free(&g);
}

static struct cs_lineup_at
lineup_at(int side, const char *const five[CS_ON_COURT], int clock)
{
	struct cs_lineup_at l;
	int k;

	memset(&l, 0, sizeof l);
	l.side = side;
	l.n = CS_ON_COURT;
	for (k = 0; k < CS_ON_COURT; k++)
		cs_strlcpy(l.ids[k], five[k], sizeof l.ids[k]);
	l.as_of.type = CS_PERIOD_QUARTER;
	l.as_of.number = l.as_of.sequence = 1;
	l.as_of_clock = clock;
	return l;
}

static void
test_lineup_reconciled(void)
{
	static const char *const other[CS_ON_COURT] = { "h6", "h2", "h3", "h4", "h5" };
	struct game *g = three_minutes();
	struct cs_lineup_at l;

	l = lineup_at(CS_HOME, HOME5, CLOCK(9, 0));
	is_int(game_set_lineup_at(g, &l), 1, "a lineup at a time is kept");
	l = lineup_at(CS_AWAY, AWAY5, CLOCK(9, 0));
	game_set_lineup_at(g, &l);
	is_int(game_mismatch_count(g), 0, "the derived fives: agree");
	l = lineup_at(CS_HOME, other, CLOCK(9, 0));
	game_set_lineup_at(g, &l);
	is_int(game_mismatch_count(g), 2, "h6 for h1: two differences (one on, one off)");
	ok(player(g, CS_HOME, "h6")->mismatch && player(g, CS_HOME, "h1")->mismatch,
	    "both flagged");
	l = lineup_at(CS_HOME, other, CLOCK(11, 0));
	game_set_lineup_at(g, &l);
	is_int(game_mismatch_count(g), 0, "as of another time: not compared");
	game_free(&g);
}

static void
test_sensors_kept(void)
{
	struct game *g = three_minutes();
	struct cs_sensor_assignment s, out[4];
	char text[64];

	memset(&s, 0, sizeof s);
	s.side = CS_HOME;
	cs_strlcpy(s.player_id, "h1", sizeof s.player_id);
	cs_strlcpy(s.sensor, "100690", sizeof s.sensor);
	s.timestamp = 2000;
	is_int(game_add_sensor(g, &s), 1, "an assignment is kept");
	cs_strlcpy(s.sensor, "100600", sizeof s.sensor);
	s.timestamp = 1000;
	game_add_sensor(g, &s);
	is_int(game_add_sensor(g, &s), 0, "the same again changes nothing");
	cs_strlcpy(s.player_id, "h2", sizeof s.player_id);
	game_add_sensor(g, &s);
	is_int(game_view_sensors(g, CS_HOME, "h1", out, 4), 2, "h1 has two");
	ok(strcmp(out[0].sensor, "100600") == 0 && strcmp(out[1].sensor, "100690") == 0,
	    "oldest first");
	is_int(game_view_sensors(g, CS_AWAY, "h1", out, 4), 0, "none on the other side");
	s.side = CS_HOME;
	cs_strlcpy(s.player_id, "h1", sizeof s.player_id);
	s.timestamp = 3000;   /* the next period: the spare kept */
	cs_strlcpy(s.sensor, "100690", sizeof s.sensor);
	game_add_sensor(g, &s);
	game_view_sensor_text(g, CS_HOME, "h1", text, sizeof text);
	is_str(text, "sensors 100600, 100690", "the detail: each sensor once, in order");
	game_view_sensor_text(g, CS_HOME, "h5", text, sizeof text);
	is_str(text, "", "no assignment: nothing");
	game_free(&g);
}

int
main(void)
{
	test_parse_presence();
	test_parse_lineup_at();
	test_parse_sensors();
	test_presence_reconciled();
	test_lineup_reconciled();
	test_sensors_kept();
	return tap_done();
}
