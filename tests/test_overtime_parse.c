/*
 * Any number of overtimes (issue 20 item 6), provider by provider: a game
 * of ten overtimes through the ShotTracker and Sportradar parsers into the
 * model (fourteen periods in the line score, "Final/10OT"), the seek
 * parser's "OT10 2:00", and the hard limit of CS_PERIODS_MAX periods
 * refused in one clear line, not silently.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "model/game.h"
#include "providers/parser.h"
#include "providers/shottracker.h"
#include "providers/sportradar.h"
#include "tap.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

#define MAXC 512
#define SR_GAME "26e0906a-a222-4013-a9c8-dea6a8fe1f4f"

/* What a parser sent: its events go straight into a model too. */
static struct {
	int nev, nwarn, nrefused;
	struct cs_event ev[MAXC];
	char warn[8][256];
	struct cs_game_info info;
	bool has_info;
} col;
static struct game *model;

static void
c_event(void *ctx, const struct cs_event *ev)
{
	(void)ctx;
	if (col.nev < MAXC)
		col.ev[col.nev] = *ev;
	col.nev++;
	if (game_upsert(model, ev) < 0)
		col.nrefused++;
}

static void
c_game(void *ctx, const struct cs_game_info *g)
{
	(void)ctx;
	col.info = *g;
	col.has_info = true;
	game_set_info(model, g);
}

static void
c_warn(void *ctx, const char *m)
{
	(void)ctx;
	if (col.nwarn < 8)
		snprintf(col.warn[col.nwarn], sizeof col.warn[0], "%s", m);
	col.nwarn++;
}

static void
c_delete(void *ctx, const char *id)
{
	(void)ctx;
	(void)id;
}

static void
c_clock(void *ctx, const struct cs_clock *ck)
{
	(void)ctx;
	game_set_clock(model, ck);
}

static void
c_published(void *ctx, const struct cs_published_stats *p)
{
	(void)ctx;
	(void)p;
}

static const struct cs_sink sink = {
	.event = c_event, .delete_event = c_delete, .game = c_game,
	.clock = c_clock, .published = c_published, .warning = c_warn,
};

static void
start(void)
{
	memset(&col, 0, sizeof col);
	game_free(&model);
	model = game_new();
}

static const struct cs_event *
find(const char *id)
{
	int i;

	for (i = col.nev < MAXC ? col.nev : MAXC; i > 0; i--)
		if (strcmp(col.ev[i - 1].id, id) == 0)
			return &col.ev[i - 1];
	return NULL;
}

static int
max_period(void)
{
	int i, m = 0;

	for (i = 0; i < col.nev && i < MAXC; i++)
		if (col.ev[i].period.sequence > m)
			m = col.ev[i].period.sequence;
	return m;
}

/* ---- ShotTracker ---- */

/* A finished game of `rounds` unlabelled GAME_ROUNDs, quarters. */
static char *
st_game(int rounds)
{
	size_t cap = 256 + (size_t)rounds * 80, n;
	char *s = malloc(cap);
	int i;

	n = (size_t)snprintf(s, cap, "{\"id\":\"g10\",\"status\":\"COMPLETE\","
	    "\"game_type\":\"QUARTER\",\"home_team_id\":\"1\",\"away_team_id\":\"2\","
	    "\"results\":[");
	for (i = 0; i < rounds; i++)
		n += (size_t)snprintf(s + n, cap - n, "%s{\"type\":\"GAME_ROUND\","
		    "\"started_at\":%d,\"ended_at\":%d}", i ? "," : "",
		    1000 + i * 1000, 1500 + i * 1000);
	snprintf(s + n, cap - n, "]}");
	return s;
}

static void
test_shottracker(void)
{
	struct shottracker_ctx c;
	const struct cs_event *ev;
	const struct box_team *home;
	char *g, text[32];
	struct cs_period p;

	start();
	shottracker_ctx_init(&c, &sink, NULL);
	g = st_game(14);
	is_int(shottracker_parse_game(&c, g, strlen(g)), 0, "ST: a 10-overtime game event parses");
	free(g);
	ev = find("period:OT10:start");
	ok(ev != NULL && ev->period.sequence == 14 && ev->period.number == 10 &&
	    ev->period.type == CS_PERIOD_OVERTIME, "ST: the 14th round is OT10, sequence 14");
	ok(find("period:OT10:end") != NULL, "ST: ... and it ends");
	ev = find("game:end");
	ok(ev != NULL && ev->period.sequence == 14, "ST: the game ends in OT10");
	is_int(col.nwarn, 0, "ST: nothing skipped, no warning");
	is_int(col.nrefused, 0, "ST: the model takes every period");
	home = game_team(model, CS_HOME);
	is_int(home->nperiods, 14, "ST: the line score has 14 periods");
	is_str(game_view_final_text(model, text, sizeof text), "Final/10OT",
	    "ST: the header says Final/10OT");
	shottracker_ctx_free(&c);

	/* 101 rounds: the 100th is kept, the 101st said and skipped */
	start();
	shottracker_ctx_init(&c, &sink, NULL);
	g = st_game(101);
	is_int(shottracker_parse_game(&c, g, strlen(g)), 0, "ST: a 101-round game event parses");
	free(g);
	is_int(max_period(), CS_PERIODS_MAX, "ST: periods up to the hard limit are kept");
	ok(find("period:OT96:start") != NULL, "ST: OT96 is the last one");
	is_int(col.nwarn, 1, "ST: the 101st round is said, once");
	ok(strstr(col.warn[0], "period 101") != NULL && strstr(col.warn[0], "100") != NULL,
	    "ST: ... naming the period and the limit");
	is_int(col.nrefused, 0, "ST: the model took all that was sent");
	is_int(game_team(model, CS_HOME)->nperiods, CS_PERIODS_MAX,
	    "ST: the line score has 100 periods");
	shottracker_ctx_free(&c);

	ok(shottracker_period_parse("OT10", false, &p) == 0 && p.sequence == 14,
	    "ST: the label OT10 is sequence 14");
	ok(shottracker_period_parse("OT96", false, &p) == 0 && p.sequence == 100,
	    "ST: OT96 after quarters is sequence 100");
	ok(shottracker_period_parse("OT97", false, &p) < 0, "ST: OT97 after quarters refused");
	ok(shottracker_period_parse("OT98", true, &p) == 0 && p.sequence == 100,
	    "ST: OT98 after halves is sequence 100");
}

/* ---- Sportradar ---- */

static char *
slurp(const char *name)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/tests/data/sportradar/%s",
	    top != NULL ? top : TOP_SRCDIR, name);
	f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		buf[0] = '\0';
	fclose(f);
	return buf;
}

/* pbp_overtime.json (two overtimes) grown to `ots` overtimes: the last
 * period's event copied into each, with its own id and sequence. */
static char *
sr_pbp(int ots)
{
	char *raw = slurp("pbp_overtime.json"), id[64];
	json_object *root, *periods, *last, *ev, *p, *evs, *e;
	char *out;
	int k;

	if (raw == NULL)
		return NULL;
	root = json_tokener_parse(raw);
	free(raw);
	periods = json_object_object_get(root, "periods");
	last = json_object_array_get_idx(periods, json_object_array_length(periods) - 1);
	ev = json_object_array_get_idx(json_object_object_get(last, "events"), 0);
	for (k = 3; k <= ots; k++) {
		p = json_object_new_object();
		json_object_object_add(p, "type", json_object_new_string("overtime"));
		json_object_object_add(p, "number", json_object_new_int(k));
		json_object_object_add(p, "sequence", json_object_new_int(4 + k));
		evs = json_object_new_array();
		e = NULL;   /* deep_copy wants an empty destination */
		json_object_deep_copy(ev, &e, NULL);
		snprintf(id, sizeof id, "e-ot%d-heave", k);
		json_object_object_add(e, "id", json_object_new_string(id));
		json_object_object_add(e, "sequence",
		    json_object_new_int64(1541460070000LL + k * 1000LL));
		json_object_array_add(evs, e);
		json_object_object_add(p, "events", evs);
		json_object_array_add(periods, p);
	}
	out = strdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));
	json_object_put(root);
	return out;
}

/* push_ot_endperiod.json with its event in period `seq` (an overtime). */
static char *
sr_push(int seq)
{
	char *raw = slurp("push_ot_endperiod.json"), *out;
	json_object *root, *ev, *p;

	if (raw == NULL)
		return NULL;
	root = json_tokener_parse(raw);
	free(raw);
	ev = json_object_object_get(json_object_object_get(root, "payload"), "event");
	p = json_object_new_object();
	json_object_object_add(p, "type", json_object_new_string("overtime"));
	json_object_object_add(p, "number", json_object_new_int(seq - 4));
	json_object_object_add(p, "sequence", json_object_new_int(seq));
	json_object_object_add(ev, "period", p);
	out = strdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));
	json_object_put(root);
	return out;
}

static void
test_sportradar(void)
{
	struct sportradar_ctx c;
	struct sportradar_push_info info;
	const struct cs_event *ev;
	char *doc;

	start();
	sportradar_ctx_init(&c, &sink, SR_GAME);
	doc = sr_pbp(10);
	ok(doc != NULL, "SR: a pbp.json of ten overtimes is made");
	ok(doc != NULL && sportradar_parse_pbp(&c, doc, strlen(doc)) > 0,
	    "SR: it parses");
	free(doc);
	ev = find("e-ot10-heave");
	ok(ev != NULL && ev->period.sequence == 14 && ev->period.number == 10 &&
	    ev->period.type == CS_PERIOD_OVERTIME, "SR: the event of OT10 is in period 14");
	is_int(col.nrefused, 0, "SR: the model takes every period");
	is_int(game_team(model, CS_HOME)->nperiods, 14, "SR: the line score has 14 periods");
	is_int(col.nwarn, 0, "SR: no warning");

	doc = sr_push(14);
	ok(doc != NULL && sportradar_parse_push(&c, doc, strlen(doc), &info) == SR_PUSH_EVENT,
	    "SR: a push event in OT10 is an event");
	free(doc);
	ev = col.nev > 0 && col.nev <= MAXC ? &col.ev[col.nev - 1] : NULL;
	ok(ev != NULL && ev->period.sequence == 14, "SR: ... in period 14");

	doc = sr_push(100);
	ok(doc != NULL && sportradar_parse_push(&c, doc, strlen(doc), &info) == SR_PUSH_EVENT &&
	    col.ev[(col.nev - 1) % MAXC].period.sequence == 100,
	    "SR: period 100 (OT96) is the last one taken");
	col.nwarn = 0;
	free(doc);
	doc = sr_push(101);
	ok(doc != NULL && sportradar_parse_push(&c, doc, strlen(doc), &info) == SR_PUSH_SKIPPED,
	    "SR: a push event in period 101 is skipped");
	free(doc);
	is_int(col.nwarn, 1, "SR: ... in one warning");
	ok(strstr(col.warn[0], "limit of 100 periods") != NULL, "SR: ... naming the limit");
}

/* ---- the model and the seek parser ---- */

static void
ot_event(struct game *g, const char *id, int seq, int clock, enum cs_event_type type,
    int side, enum cs_stat_type stat, const char *pid)
{
	struct cs_event ev;
	struct cs_stat *st;

	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	snprintf(ev.id, sizeof ev.id, "%s", id);
	ev.period.type = seq > 4 ? CS_PERIOD_OVERTIME : CS_PERIOD_QUARTER;
	ev.period.number = seq > 4 ? seq - 4 : seq;
	ev.period.sequence = seq;
	ev.sequence = seq * 1000 + (7200 - clock / 10);
	ev.clock = clock;
	ev.type = type;
	ev.side = side;
	if (stat != CS_STAT_TYPE_COUNT && (st = cs_event_add_stat(&ev, stat, side)) != NULL)
		snprintf(st->player.id, sizeof st->player.id, "%s", pid);
	if (game_upsert(g, &ev) < 0)
		printf("# %s refused\n", id);
}

/* The NBA's rules in the tenth overtime as in the first: two timeouts of
 * its own, the bonus from the fourth team foul of the period. */
static void
test_rules_in_ot10(void)
{
	const struct box_team *home, *away;
	char id[16];
	int k;

	start();
	/* three fouls by the home team in OT9: they do not count in OT10 */
	for (k = 0; k < 3; k++) {
		snprintf(id, sizeof id, "f9-%d", k);
		ot_event(model, id, 13, 2900 - k * 100, CS_EV_PERSONAL_FOUL, CS_HOME,
		    CS_STAT_PERSONAL_FOUL, "h1");
	}
	ot_event(model, "t14", 14, 2800, CS_EV_TIMEOUT, CS_HOME, CS_STAT_TYPE_COUNT, "");
	for (k = 0; k < 4; k++) {
		snprintf(id, sizeof id, "f10-%d", k);
		ot_event(model, id, 14, 2700 - k * 100, CS_EV_PERSONAL_FOUL, CS_AWAY,
		    CS_STAT_PERSONAL_FOUL, "a1");
	}
	home = game_team(model, CS_HOME);
	away = game_team(model, CS_AWAY);
	is_int(home->nperiods, 14, "rules: 14 periods");
	is_int(home->timeouts_left, 1, "rules: OT10, a timeout taken of its 2: 1 left");
	is_int(away->timeouts_left, 2, "rules: OT10, none taken: 2 left");
	is_int(away->team_fouls_period, 4, "rules: four away fouls in OT10");
	is_int(home->team_fouls_period, 0, "rules: OT9's home fouls do not count in OT10");
	ok(home->in_bonus, "rules: the home team shoots from the fourth foul of OT10");
	ok(!away->in_bonus, "rules: the away team does not");
}

static void
test_model_and_seek(void)
{
	struct cs_game_point pt;
	struct cs_event ev;

	start();
	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	snprintf(ev.id, sizeof ev.id, "p101");
	ev.period.type = CS_PERIOD_OVERTIME;
	ev.period.number = 97;
	ev.period.sequence = 101;
	is_int(game_upsert(model, &ev), -1, "model: period 101 is refused");
	ev.period.number = 96;
	ev.period.sequence = 100;
	snprintf(ev.id, sizeof ev.id, "p100");
	is_int(game_upsert(model, &ev), 1, "model: period 100 is taken");
	is_int(game_team(model, CS_AWAY)->nperiods, 100, "model: 100 periods in the line score");

	ok(cs_game_point_parse("OT10 2:00", &pt) == 0 &&
	    cs_game_point_sequence(&pt, false) == 14 && pt.clock == 1200,
	    "seek: OT10 2:00 is period 14 at 2:00");
	ok(cs_game_point_parse("OT96/0:30", &pt) == 0 &&
	    cs_game_point_sequence(&pt, false) == 100, "seek: OT96 is period 100");
	ok(cs_game_point_parse("OT97 1:00", &pt) == 0 &&
	    cs_game_point_sequence(&pt, false) < 0, "seek: OT97 after quarters is past the limit");
	ok(cs_game_point_parse("OT1000 1:00", &pt) < 0, "seek: OT1000 is not a period");
}

int
main(void)
{
	test_shottracker();
	test_sportradar();
	test_rules_in_ot10();
	test_model_and_seek();
	game_free(&model);
	return tap_done();
}
