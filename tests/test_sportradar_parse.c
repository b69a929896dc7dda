/*
 * The Sportradar parsers against real-shaped messages (sportradar-push.md
 * §4, §15): push lines, pbp.json in three formats, summary.json, and bad
 * input of every kind.  A collecting sink checks what was delivered; a real
 * model (game_sink) checks what it adds up to.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/game.h"
#include "providers/sportradar.h"
#include "tap.h"
#include "test_files.h"

#ifndef SR_TEST_DATA
#define SR_TEST_DATA "tests/data/sportradar"
#endif

#define GAME_ID "26e0906a-a222-4013-a9c8-dea6a8fe1f4f"
#define KNICKS  "583ec70e-fb46-11e1-82cb-f4ce4684ea4c"
#define BULLS   "583ec5fd-fb46-11e1-82cb-f4ce4684ea4c"
#define VONLEH  "84215e01-6108-4fd0-9a11-19e9518ab378"
#define NTILIKINA "3a6c2262-7f48-4f0e-996e-3e774e822783"

/* Everything a parser delivered, in order. */
static struct collect {
	int nevents;
	struct cs_event events[64];
	int ndeletes;
	char deletes[16][CS_ID_MAX];
	int ngames;
	struct cs_game_info game;
	int nwarnings;
	char warning[256];
} got;

static void
on_event(void *ctx, const struct cs_event *ev)
{
	(void)ctx;
	if (got.nevents < 64)
		got.events[got.nevents] = *ev;
	got.nevents++;
}

static void
on_delete(void *ctx, const char *id)
{
	(void)ctx;
	if (got.ndeletes < 16)
		cs_strlcpy(got.deletes[got.ndeletes], id, CS_ID_MAX);
	got.ndeletes++;
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	(void)ctx;
	got.game = *info;
	got.ngames++;
}

static void
on_warning(void *ctx, const char *msg)
{
	(void)ctx;
	cs_strlcpy(got.warning, msg, sizeof got.warning);
	got.nwarnings++;
}

static struct cs_sink
collect_sink(void)
{
	struct cs_sink s = {
		.event = on_event, .delete_event = on_delete, .game = on_game,
		.warning = on_warning,
	};

	memset(&got, 0, sizeof got);
	return s;
}

static enum sportradar_push_kind
push_file(struct sportradar_ctx *c, const char *name, struct sportradar_push_info *info)
{
	size_t len;
	char *buf = test_sr_load(name, &len);
	enum sportradar_push_kind k;

	k = sportradar_parse_push(c, buf, len, info);
	free(buf);
	return k;
}

static int
pbp_file(struct sportradar_ctx *c, const char *name)
{
	size_t len;
	char *buf = test_sr_load(name, &len);
	int n = sportradar_parse_pbp(c, buf, len);

	free(buf);
	return n;
}

static const struct cs_event *
find_event(const char *id)
{
	int i;

	for (i = got.nevents - 1; i >= 0 && i < 64; i--)
		if (strcmp(got.events[i].id, id) == 0)
			return &got.events[i];
	return NULL;
}

static const struct cs_stat *
find_stat(const struct cs_event *ev, enum cs_stat_type type)
{
	int i;

	for (i = 0; ev != NULL && i < ev->nstats; i++)
		if (ev->stats[i].type == type)
			return &ev->stats[i];
	return NULL;
}

static void
test_heartbeat(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	struct sportradar_push_info info;
	const char *hb = "{\"heartbeat\":{\"interval\":5000}}";

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(sportradar_parse_push(&c, hb, strlen(hb), &info), SR_PUSH_HEARTBEAT,
	    "heartbeat: reported as a heartbeat");
	is_int(info.heartbeat_ms, 5000, "heartbeat: interval in ms");
	is_int(got.nevents + got.ndeletes + got.nwarnings, 0,
	    "heartbeat: nothing reaches the sink");
}

static void
test_full_v7_event(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	struct sportradar_push_info info;
	const struct cs_event *ev;
	const struct cs_stat *fg, *ast;

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(push_file(&c, "push_v7_threepointmade.json", &info), SR_PUSH_EVENT,
	    "v7 event: an upsert");
	is_int(got.nevents, 1, "v7 event: one event delivered");
	is_int(got.nwarnings, 0, "v7 event: no warnings");
	ev = &got.events[0];
	is_str(ev->id, "7423eb32-c66a-4a47-aa32-389eedfbaf84", "v7 event: id");
	is_int(ev->type, CS_EV_THREE_MADE, "v7 event: threepointmade");
	is_str(ev->provider_type, "threepointmade", "v7 event: provider type kept");
	ok(ev->sequence == 1541469135000LL, "v7 event: 64-bit sequence");
	is_int(ev->number, 337, "v7 event: number");
	is_int(ev->period.type, CS_PERIOD_QUARTER, "v7 event: quarter");
	is_int(ev->period.number, 3, "v7 event: period number");
	is_int(ev->period.sequence, 3, "v7 event: period sequence");
	is_int(ev->clock, 7020, "v7 event: clock 11:42 in tenths");
	ok(ev->wall_ms == 1541469135000LL, "v7 event: wall_clock in epoch ms");
	is_int(ev->side, CS_AWAY, "v7 event: attributed to the Bulls (away)");
	ok(ev->has_location && ev->x == 781 && ev->y == 431, "v7 event: location");
	ok(ev->has_on_court[CS_HOME] && ev->has_on_court[CS_AWAY], "v7 event: both fives");
	is_str(ev->on_court[CS_HOME][0].id, "ref:1629019",
	    "v7 event: an on-court player without id gets a reference id");
	is_str(ev->on_court[CS_HOME][1].id, NTILIKINA, "v7 event: on-court uuid kept");
	is_str(ev->on_court[CS_AWAY][3].jersey, "34", "v7 event: on-court jersey");
	is_str(ev->description,
	    "Wendell Carter Jr. makes three point jump shot (Justin Holiday assists)",
	    "v7 event: description");
	is_int(ev->nstats, 2, "v7 event: two statistics");
	fg = find_stat(ev, CS_STAT_FIELD_GOAL);
	ast = find_stat(ev, CS_STAT_ASSIST);
	ok(fg != NULL && fg->made && fg->three && fg->points == 3 && fg->side == CS_AWAY,
	    "v7 event: made three for 3 points");
	ok(fg != NULL && strcmp(fg->player.id, "ref:1628976") == 0 &&
	    strcmp(fg->player.name, "Wendell Carter Jr.") == 0,
	    "v7 event: shooter without id is ref:<reference>");
	ok(ast != NULL && strcmp(ast->player.id, "05dea31d-f1ff-491b-9f17-8be88b26f413") == 0,
	    "v7 event: assist by Justin Holiday");
	ok(info.points[CS_HOME] == 47 && info.points[CS_AWAY] == 50,
	    "v7 event: send-time score reported to the caller only");
	is_int(ev->timeouts_remaining, CS_UNKNOWN, "v7 event: no timeouts on a shot");
}

static void
test_enrichment_collect(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_stat *fg;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_file(&c, "push_enrich_1.json", NULL);
	push_file(&c, "push_enrich_2.json", NULL);
	push_file(&c, "push_enrich_3.json", NULL);
	is_int(got.nevents, 3, "enrichment: three versions delivered");
	ok(strcmp(got.events[0].id, got.events[2].id) == 0, "enrichment: one id");
	fg = find_stat(&got.events[0], CS_STAT_FIELD_GOAL);
	ok(fg != NULL && fg->player.id[0] == '\0' && fg->side == CS_HOME,
	    "enrichment: first pass is a team statistic");
	fg = find_stat(&got.events[1], CS_STAT_FIELD_GOAL);
	ok(fg != NULL && strcmp(fg->player.id, VONLEH) == 0, "enrichment: then the shooter");
	is_int(got.events[2].nstats, 2, "enrichment: then the assist");
	fg = find_stat(&got.events[2], CS_STAT_FIELD_GOAL);
	ok(fg != NULL && fg->made && !fg->three && fg->points == 2,
	    "enrichment: a two without three_point_shot");
	is_int(got.nwarnings, 0, "enrichment: no warnings");
}

#ifndef SR_TEST_NO_MODEL
static const struct box_player *
box_player(const struct box_team *t, const char *id)
{
	int i;

	for (i = 0; i < t->nplayers; i++)
		if (strcmp(t->players[i].info.id, id) == 0)
			return &t->players[i];
	return NULL;
}

/* The same play upserted three times into the real model. */
static void
test_enrichment_model(void)
{
	struct sportradar_ctx c;
	struct game *g = game_new();
	struct cs_sink s = game_sink(g);
	const struct box_team *knicks;
	const struct box_player *vonleh, *ntilikina;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_file(&c, "push_enrich_1.json", NULL);
	push_file(&c, "push_enrich_2.json", NULL);
	push_file(&c, "push_enrich_3.json", NULL);
	push_file(&c, "push_enrich_3.json", NULL);   /* a re-send changes nothing */
	is_int(game_event_count(g), 1, "model: one stored event");
	knicks = game_team(g, CS_HOME);
	vonleh = box_player(knicks, VONLEH);
	ntilikina = box_player(knicks, NTILIKINA);
	ok(vonleh != NULL, "model: the shooter is in the box score");
	if (vonleh != NULL) {
		is_int(vonleh->line.fgm, 1, "model: exactly one FGM for the shooter");
		is_int(vonleh->line.fga, 1, "model: exactly one FGA for the shooter");
		is_int(vonleh->line.pts, 2, "model: two points for the shooter");
	}
	ok(ntilikina != NULL && ntilikina->line.ast == 1, "model: one assist");
	is_int(knicks->totals.fgm, 1, "model: team FGM 1 (the team-only pass is gone)");
	is_int(knicks->totals.ast, 1, "model: team AST 1");
	is_int(knicks->points, 2, "model: Knicks 2 (not the send-time 47)");
	is_int(game_team(g, CS_AWAY)->points, 0, "model: Bulls 0 (not the send-time 52)");
	game_free(&g);
}

#endif

static void
test_delete_twice(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(push_file(&c, "push_delete.json", NULL), SR_PUSH_DELETE, "delete: reported");
	is_int(push_file(&c, "push_delete.json", NULL), SR_PUSH_DELETE, "delete again: reported");
	is_int(got.ndeletes, 2, "delete: both reach the sink");
	is_str(got.deletes[1], "048dbeee-5a81-4848-8ed5-5f4e6ccd7ea3", "delete: the event id");
	is_int(got.nevents + got.nwarnings, 0, "delete: no event, no warning");
}

#ifndef SR_TEST_NO_MODEL
static void
test_delete_model(void)
{
	struct sportradar_ctx c;
	struct game *g = game_new();
	struct cs_sink s = game_sink(g);
	const char *del = "{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\"},\"event\":"
	    "{\"id\":\"5f0c2b1e-8f7a-4a35-9d0e-2b1c3d4e5f60\",\"deleted\":\"2022-10-02T00:13:16Z\"}},"
	    "\"metadata\":{\"operation\":\"delete\",\"event_category\":\"\"}}";

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_file(&c, "push_enrich_3.json", NULL);
	is_int(game_team(g, CS_HOME)->points, 2, "model delete: the basket counts first");
	sportradar_parse_push(&c, del, strlen(del), NULL);
	sportradar_parse_push(&c, del, strlen(del), NULL);
	is_int(game_event_count(g), 0, "model delete: removed, twice is harmless");
	is_int(game_team(g, CS_HOME)->points, 0, "model delete: the points are gone");
	game_free(&g);
}

#endif

static void
test_players_without_id(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(push_file(&c, "push_player_without_id.json", NULL), SR_PUSH_EVENT,
	    "no ids: still an upsert (metadata has empty sd:player:)");
	ev = &got.events[0];
	is_int(ev->nstats, 4, "no ids: every statistic kept");
	is_str(ev->stats[0].player.id, "ref:1629019", "no ids: reference -> ref:<reference>");
	is_str(ev->stats[1].player.id, "sr:player:852206", "no ids: no reference -> sr_id");
	is_str(ev->stats[2].player.id, "Mitchell Robinson", "no ids: only a name -> the name");
	is_str(ev->stats[3].player.id, "", "no ids: an empty player object -> team statistic");
	is_int(got.nwarnings, 1, "no ids: one warning for the player that names nobody");
	is_str(ev->on_court[CS_HOME][2].id, "ref:1629011", "no ids: on-court reference id");
}

/* A player sent without his id lands on the id his reference had elsewhere. */
static void
test_known_players(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;
	const struct cs_stat *fg;
	size_t len;
	char *buf;
	const char *line =
	    "{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\",\"home\":{\"id\":\"" KNICKS "\"},"
	    "\"away\":{\"id\":\"" BULLS "\"}},\"event\":{\"id\":\"learn-1\",\"event_type\":"
	    "\"twopointmade\",\"period\":{\"number\":1,\"sequence\":1,\"type\":\"quarter\"},"
	    "\"on_court\":{\"home\":{\"players\":[{\"reference\":\"91\"},{\"id\":\"p2\"},"
	    "{\"id\":\"p3\"},{\"id\":\"p4\"},{\"id\":\"p5\"}]}},\"statistics\":[{\"type\":"
	    "\"fieldgoal\",\"made\":true,\"points\":2,\"team\":{\"id\":\"" KNICKS "\"},"
	    "\"player\":{\"reference\":\"91\",\"id\":\"p1\"}}]}}}";

	sportradar_ctx_init(&c, &s, GAME_ID);
	buf = test_sr_load("summary.json", &len);
	sportradar_parse_summary(&c, buf, len);
	free(buf);
	push_file(&c, "push_v7_threepointmade.json", NULL);
	ev = find_event("7423eb32-c66a-4a47-aa32-389eedfbaf84");
	fg = find_stat(ev, CS_STAT_FIELD_GOAL);
	is_str(fg != NULL ? fg->player.id : "", "8f3a21c0-5b2e-4a8e-9d57-0c2f3b4e5a6d",
	    "known players: a shooter without id gets his roster id");
	is_str(ev != NULL ? ev->on_court[CS_AWAY][3].id : "", "8f3a21c0-5b2e-4a8e-9d57-0c2f3b4e5a6d",
	    "known players: on court too");
	is_str(ev != NULL ? ev->on_court[CS_HOME][0].id : "", "ref:1629019",
	    "known players: nobody knows his id: ref:<reference>");
	sportradar_parse_push(&c, line, strlen(line), NULL);
	ev = find_event("learn-1");
	is_str(ev != NULL ? ev->on_court[CS_HOME][0].id : "", "p1",
	    "known players: learned from the same message, whatever the order");
	is_int(got.nwarnings, 0, "known players: no warnings");
}

/* A version older than one delivered is ignored: real feeds reorder. */
static char *
with_updated(const char *name, const char *updated)
{
	size_t len;
	char *buf = test_sr_load(name, &len), *p = strstr(buf, "\"updated\":\"");

	if (p != NULL && strlen(updated) == 20)
		memcpy(p + 11, updated, 20);
	return buf;
}

static void
test_stale_versions(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	char *v1 = with_updated("push_enrich_1.json", "2023-07-19T13:33:40Z");
	char *v3 = with_updated("push_enrich_3.json", "2023-07-19T13:33:50Z");
	char *v3same = with_updated("push_enrich_3.json", "2023-07-19T13:33:50Z");
	const char *del = "{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\"},\"event\":"
	    "{\"id\":\"5f0c2b1e-8f7a-4a35-9d0e-2b1c3d4e5f60\",\"deleted\":\"2023-07-19T13:34:00Z\"}},"
	    "\"metadata\":{\"operation\":\"delete\"}}";
	char *later = with_updated("push_enrich_2.json", "2023-07-19T13:35:00Z");

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(sportradar_parse_push(&c, v3, strlen(v3), NULL), SR_PUSH_EVENT, "stale: v3 first");
	is_int(sportradar_parse_push(&c, v1, strlen(v1), NULL), SR_PUSH_STALE,
	    "stale: v1 after v3 is older: ignored");
	is_int(sportradar_parse_push(&c, v3same, strlen(v3same), NULL), SR_PUSH_EVENT,
	    "stale: the same time again is a re-send: delivered");
	is_int(got.nevents, 2, "stale: the old version never reached the sink");
	is_int(got.nwarnings, 0, "stale: quietly");
	sportradar_parse_push(&c, del, strlen(del), NULL);
	is_int(sportradar_parse_push(&c, v3, strlen(v3), NULL), SR_PUSH_STALE,
	    "stale: a version from before its delete does not revive it");
	is_int(sportradar_parse_push(&c, later, strlen(later), NULL), SR_PUSH_EVENT,
	    "stale: a version after the delete does");
	is_int((long)c.stale, 2, "stale: counted");

	/* pbp.json older than what the stream brought: that event is kept */
	{
		const char *newer = "{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\"},"
		    "\"event\":{\"id\":\"e-q1-3pm\",\"event_type\":\"threepointmade\","
		    "\"updated\":\"2023-07-19T13:40:00Z\",\"period\":{\"number\":1,"
		    "\"sequence\":1,\"type\":\"quarter\"}}}}";

		sportradar_ctx_init(&c, &s, GAME_ID);
		is_int(pbp_file(&c, "pbp_overtime.json"), 10, "stale pbp: ten events");
		is_int(pbp_file(&c, "pbp_overtime.json"), 10, "stale pbp: the same again, all ten");
		sportradar_parse_push(&c, newer, strlen(newer), NULL);
		is_int(pbp_file(&c, "pbp_overtime.json"), 9,
		    "stale pbp: a cached pbp.json does not undo a newer push version");
	}
	free(v1);
	free(v3);
	free(v3same);
	free(later);
}

static void
test_v8_create(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_stat *fg;

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(push_file(&c, "push_v8_create.json", NULL), SR_PUSH_EVENT,
	    "create + category \"\": an upsert");
	is_int(got.events[0].clock, 546, "clock_decimal 00:54.60 -> 54.6 s");
	fg = find_stat(&got.events[0], CS_STAT_FIELD_GOAL);
	ok(fg != NULL && !fg->made && !fg->three && fg->points == 0,
	    "a missed two: made and points absent");
	is_int(got.nwarnings, 0, "create: no warnings");
}

static void
test_heave_and_team_stats(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;
	const struct cs_stat *st;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_file(&c, "push_heave.json", NULL);
	ev = &got.events[0];
	is_int(ev->type, CS_EV_HEAVE, "heave: type");
	st = find_stat(ev, CS_STAT_FIELD_GOAL);
	ok(st != NULL && !st->made && st->three && st->points == 0, "heave: a missed three");
	is_int(ev->clock, 4, "heave: 0.4 s left");

	push_file(&c, "push_team_rebound.json", NULL);
	ev = find_event("cc33dd44-0000-4000-8000-000000000001");
	st = find_stat(ev, CS_STAT_REBOUND);
	ok(st != NULL && st->player.id[0] == '\0' && st->side == CS_HOME && !st->offensive,
	    "team rebound: no player, defensive, Knicks");
	ok(ev != NULL && !ev->has_location, "team rebound: no location");
	push_file(&c, "push_team_turnover.json", NULL);
	ev = find_event("cc33dd44-0000-4000-8000-000000000002");
	st = find_stat(ev, CS_STAT_TURNOVER);
	ok(st != NULL && st->player.id[0] == '\0' && st->side == CS_AWAY,
	    "team turnover: no player, Bulls");
	is_int(got.nwarnings, 0, "heave and team stats: no warnings");
}

#ifndef SR_TEST_NO_MODEL
static void
test_heave_model(void)
{
	struct sportradar_ctx c;
	struct game *g = game_new();
	struct cs_sink s = game_sink(g);
	const struct box_team *bulls;
	const struct box_player *parker;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_file(&c, "push_heave.json", NULL);
	push_file(&c, "push_team_rebound.json", NULL);
	push_file(&c, "push_team_turnover.json", NULL);
	bulls = game_team(g, CS_AWAY);
	parker = box_player(bulls, "e58c5e0e-f1f5-4685-9ff2-7197f9330bea");
	is_int(bulls->totals.fga, 1, "model heave: a team attempt");
	ok(parker == NULL || parker->line.fga == 0, "model heave: not the player's attempt");
	is_int(bulls->team_turnovers, 1, "model: a team turnover");
	is_int(game_team(g, CS_HOME)->team_rebounds, 1, "model: a team rebound");
	game_free(&g);
}

#endif

static void
test_timeout_overtime_unknown(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	struct sportradar_push_info info;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_file(&c, "push_timeout.json", NULL);
	is_int(got.events[0].type, CS_EV_TIMEOUT, "timeout: type");
	is_int(got.events[0].side, CS_HOME, "timeout: Knicks");
	is_int(got.events[0].timeouts_remaining, 3,
	    "timeout: remaining from the attributed team's remaining_timeouts");

	is_int(push_file(&c, "push_ot_endperiod.json", &info), SR_PUSH_EVENT, "OT end: upsert");
	ok(info.type == CS_EV_PERIOD_END && info.period.type == CS_PERIOD_OVERTIME &&
	    info.period.number == 1 && info.period.sequence == 5,
	    "OT end: number 1, sequence 5, reported to the caller");
	is_int(got.events[1].side, CS_SIDE_NONE, "OT end: no attribution");

	is_int(push_file(&c, "push_unknown_type.json", NULL), SR_PUSH_EVENT,
	    "unknown type: still stored");
	is_int(got.events[2].type, CS_EV_OTHER, "unknown type: CS_EV_OTHER");
	is_str(got.events[2].provider_type, "challengereview", "unknown type: name kept");
	is_int(got.nwarnings, 0, "timeout/OT/unknown: no warnings");

	is_int(push_file(&c, "push_other_game.json", NULL), SR_PUSH_OTHER_GAME,
	    "another game: recognised");
	is_int(got.nevents, 3, "another game: not delivered");
	is_int(got.nwarnings, 0, "another game: quietly");
}

static void
test_pbp_overtime(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;
	const struct cs_stat *st;

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(pbp_file(&c, "pbp_overtime.json"), 10, "pbp v8: ten events");
	is_int(got.nwarnings, 0, "pbp v8: no warnings");
	is_int(got.ngames, 1, "pbp v8: one header");
	is_str(got.game.id, GAME_ID, "pbp v8: game id");
	is_str(got.game.status, "closed", "pbp v8: status");
	is_str(c.status, "closed", "pbp v8: status kept for the provider");
	ok(sportradar_status_final(c.status), "pbp v8: closed is final");
	is_int(got.game.format, CS_FORMAT_QUARTERS, "pbp v8: quarters");
	is_str(got.game.team[CS_HOME].alias, "NYK", "pbp v8: home alias");
	is_str(got.game.team[CS_AWAY].id, BULLS, "pbp v8: away id");
	is_str(got.game.team[CS_HOME].market, "New York", "pbp v8: home market");
	ev = find_event("e-q2-2pm");
	ok(ev != NULL && ev->clock == 546 && ev->period.sequence == 2, "pbp v8: clock_decimal");
	ev = find_event("e-q1-treb");
	st = find_stat(ev, CS_STAT_REBOUND);
	ok(st != NULL && st->player.id[0] == '\0' && st->side == CS_AWAY,
	    "pbp v8: team rebound");
	ev = find_event("e-ot1-ft");
	ok(ev != NULL && ev->period.type == CS_PERIOD_OVERTIME && ev->period.number == 1 &&
	    ev->period.sequence == 5, "pbp v8: OT1 is number 1, sequence 5");
	ev = find_event("e-ot2-heave");
	ok(ev != NULL && ev->period.number == 2 && ev->period.sequence == 6,
	    "pbp v8: OT2 without a sequence -> 6");
	ok(ev != NULL && ev->type == CS_EV_HEAVE, "pbp v8: heave");
	ev = find_event("e-q1-3pm");
	ok(ev != NULL && ev->has_on_court[0] && ev->has_on_court[1] && ev->sequence > 1541460000000LL,
	    "pbp v8: on-court fives and a 64-bit sequence");
	is_int(got.ndeletes, 2, "pbp v8: deleted_events");
	is_str(got.deletes[0], "e-gone-1", "pbp v8: deleted id");
}

static void
test_pbp_old(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *a, *b, *r;

	sportradar_ctx_init(&c, &s, NULL);
	is_int(pbp_file(&c, "pbp_old.json"), 4, "pbp old: four events");
	is_int(got.nwarnings, 0, "pbp old: no warnings");
	a = find_event("o-1");
	b = find_event("o-2");
	r = find_event("o-3");
	ok(a != NULL && b != NULL && a->sequence < b->sequence,
	    "pbp old: no sequence: ordered by number, not array position");
	ok(r != NULL && r->number == 3 && r->sequence == 3,
	    "pbp old: no number: the array position");
	ok(a != NULL && a->clock == 6300 && b->clock == 6000, "pbp old: clock without clock_decimal");
	ok(find_event("o-4") != NULL && find_event("o-4")->period.sequence == 2 &&
	    find_event("o-4")->period.type == CS_PERIOD_QUARTER,
	    "pbp old: a period without sequence");
	is_str(c.game_id, GAME_ID, "pbp old: the first header sets the game");
}

static void
test_pbp_layouts(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;
	const char *dup = "{\"id\":\"g\",\"periods\":[{\"type\":\"quarter\",\"number\":1,"
	    "\"sequence\":1,\"events\":[{\"id\":\"a\",\"event_type\":\"stoppage\"}]}],"
	    "\"periods\":[{\"type\":\"quarter\",\"number\":2,\"sequence\":2,\"events\":"
	    "[{\"id\":\"b\"},{\"id\":\"c\"}],\"events\":[{\"id\":\"d\"}]}]}";
	const char *odd = "{\"id\":\"g\",\"periods\":[{\"number\":1,\"sequence\":1,"
	    "\"events\":[7,{\"id\":\"a\",\"note\":\"} ] { \\\" [\"}]}]}";
	const char *late = "{\"id\":\"g\",\"home\":{\"id\":\"" KNICKS "\"},\"away\":{\"id\":\""
	    BULLS "\"},\"periods\":[{\"type\":\"quarter\",\"number\":1,\"sequence\":1,"
	    "\"events\":[{\"id\":\"p1\",\"on_court\":{\"home\":{\"players\":[{\"reference\":"
	    "\"77\"},{\"id\":\"x2\"},{\"id\":\"x3\"},{\"id\":\"x4\"},{\"id\":\"x5\"}]}}},"
	    "{\"id\":\"p2\",\"statistics\":[{\"type\":\"fieldgoal\",\"team\":{\"id\":\""
	    KNICKS "\"},\"player\":{\"reference\":\"77\",\"id\":\"real77\"}}]}]}]}";

	sportradar_ctx_init(&c, &s, NULL);
	is_int(sportradar_parse_pbp(&c, dup, strlen(dup)), 1,
	    "pbp layouts: duplicate keys: the ones JSON keeps, nothing misplaced");
	ev = find_event("d");
	ok(ev != NULL && ev->period.sequence == 2 && find_event("a") == NULL &&
	    find_event("b") == NULL, "pbp layouts: the last \"periods\" and \"events\" win");

	sportradar_ctx_init(&c, &s, NULL);
	got.nwarnings = 0;
	is_int(sportradar_parse_pbp(&c, odd, strlen(odd)), 1,
	    "pbp layouts: braces inside strings, a number among the events");
	is_int(got.nwarnings, 1, "pbp layouts: one warning for the number");

	sportradar_ctx_init(&c, &s, NULL);
	is_int(sportradar_parse_pbp(&c, late, strlen(late)), 2, "pbp layouts: two events");
	ev = find_event("p1");
	is_str(ev != NULL ? ev->on_court[CS_HOME][0].id : "", "real77",
	    "pbp layouts: an id taught by a later event reaches an earlier one");
	is_int(sportradar_parse_pbp(&c, "{\"periods\":[{\"events\":[{\"id\":", 30), -1,
	    "pbp layouts: a document cut short");
}

static void
test_pbp_halves(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(pbp_file(&c, "pbp_halves.json"), 3, "pbp halves: three events");
	is_int(got.game.format, CS_FORMAT_HALVES, "pbp halves: format");
	ev = find_event("h-2");
	ok(ev != NULL && ev->period.type == CS_PERIOD_HALF && ev->period.number == 2,
	    "pbp halves: second half");
	ev = find_event("h-3");
	ok(ev != NULL && ev->period.type == CS_PERIOD_OVERTIME && ev->period.sequence == 3,
	    "pbp halves: overtime after two halves is sequence 3");
	ok(sportradar_status_final(c.status), "pbp halves: complete is final");
}

static void
test_summary_then_pbp(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	size_t len;
	char *buf;
	const struct cs_team_info *t;

	sportradar_ctx_init(&c, &s, GAME_ID);
	buf = test_sr_load("summary.json", &len);
	is_int(sportradar_parse_summary(&c, buf, len), 0, "summary: parsed");
	free(buf);
	t = &got.game.team[CS_HOME];
	is_int(t->nplayers, 6, "summary: Knicks roster");
	is_str(t->players[0].id, "ref:1629019", "summary: a player without id -> ref:");
	is_str(t->players[1].id, NTILIKINA, "summary: player id");
	is_str(t->players[5].jersey, "00", "summary: jersey \"00\" kept as text");
	ok(t->players[0].starter && !t->players[5].starter, "summary: starters");
	is_str(t->players[0].position, "SG", "summary: position");
	is_int(got.game.team[CS_AWAY].nplayers, 5, "summary: Bulls roster");

	pbp_file(&c, "pbp_overtime.json");
	is_int(got.game.team[CS_HOME].nplayers, 6, "summary then pbp: rosters kept");
	is_str(got.game.team[CS_HOME].alias, "NYK", "summary then pbp: alias");
	is_int(got.nwarnings, 0, "summary then pbp: no warnings");
}

static void
test_garbage(void)
{
	static const char *const lines[] = {
		"not json at all",
		"{",
		"[1,2,3]",
		"{\"payload\":5}",
		"{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\"}}}",
		"{\"payload\":{\"event\":{\"event_type\":\"twopointmade\"}}}",
		"{\"payload\":{\"event\":{\"id\":\"x\",\"sequence\":1}}}",
		"{\"payload\":{\"event\":{\"id\":\"x\",\"period\":\"3\"}}}",
		"{\"payload\":{\"event\":{\"id\":\"x\",\"period\":{\"number\":99999999999999999999999,\"type\":\"quarter\"}}}}",
		"{\"payload\":{\"event\":{\"id\":\"y\",\"period\":{\"number\":1,\"sequence\":1,\"type\":\"quarter\"},"
		    "\"statistics\":\"lots\"}}}",
		"{\"payload\":{\"event\":{\"id\":\"\",\"period\":{\"number\":1,\"sequence\":1}}}}",
		"{\"payload\":{\"event\":{\"id\":\"z\"}},\"metadata\":{\"operation\":\"delete\"}}\x01\x1b[2J",
		"{\"payload\":{\"event\":{\"id\":\"0123456789012345678901234567890123456789012345678901234567890123456789\","
		    "\"period\":{\"number\":1,\"sequence\":1}}}}",
		"{\"payload\":{\"event\":{}},\"metadata\":{\"operation\":\"delete\"}}",
		"\"just a string\"",
		"{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\",\"home\":{\"id\":\"" KNICKS "\"},"
		    "\"away\":{\"id\":\"" BULLS "\"}},\"event\":{\"id\":\"w\",\"period\":{\"number\":1,"
		    "\"sequence\":1,\"type\":\"quarter\"},\"statistics\":[{\"type\":\"fieldgoal\",\"made\":true,"
		    "\"team\":{\"id\":\"nobody\"}}]}}}",
		"{\"payload\":{\"event\":{\"id\":\"v\",\"period\":{}}}}",
		"{\"payload\":{\"event\":{\"id\":\"v\",\"period\":{\"type\":\"overtime\",\"sequence\":2}}}}",
		"{\"payload\":{\"event\":{\"id\":\"v\",\"sequence\":1e400,\"period\":{\"number\":1}}}}",
	};
	/* expected: skipped, except the delete of "z" (trailing junk after a
	 * complete object is ignored) and "y", "w", "v" (kept without the bad
	 * parts); one warning each, the delete none */
	static const enum sportradar_push_kind want[] = {
		SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_SKIPPED,
		SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_SKIPPED,
		SR_PUSH_SKIPPED, SR_PUSH_EVENT, SR_PUSH_SKIPPED, SR_PUSH_DELETE,
		SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_EVENT,
		SR_PUSH_SKIPPED, SR_PUSH_SKIPPED, SR_PUSH_EVENT,
	};
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	size_t i;
	int before;
	enum sportradar_push_kind k;

	sportradar_ctx_init(&c, &s, GAME_ID);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		before = got.nwarnings;
		k = sportradar_parse_push(&c, lines[i], strlen(lines[i]), NULL);
		is_int(k, want[i], "garbage line %zu: outcome", i + 1);
		is_int(got.nwarnings - before, k == SR_PUSH_DELETE ? 0 : 1,
		    "garbage line %zu: %s", i + 1, k == SR_PUSH_DELETE ? "no warning" :
		    "exactly one warning");
		if (got.nwarnings > before)
			printf("#   %s\n", got.warning);
	}
	ok(find_event("y") != NULL && find_event("y")->nstats == 0,
	    "garbage: statistics of the wrong type -> none counted");
	ok(find_event("w") != NULL && find_event("w")->nstats == 0,
	    "garbage: a statistic of an unknown team is dropped");
	ok(find_event("v") != NULL && find_event("v")->sequence == 1,
	    "garbage: a huge sequence keeps the play, ordered by its position");
	ok(strchr(got.warning, '\x1b') == NULL, "garbage: warnings are sanitized");
	is_int(sportradar_parse_pbp(&c, "<html>", 6), -1, "garbage: HTML is not a pbp");
	is_int(sportradar_parse_pbp(&c, "{\"id\":\"x\"}", 10), -1, "garbage: no periods");
	is_int(sportradar_parse_summary(&c, "{}", 2), -1, "garbage: an empty summary");
	is_int(sportradar_parse_push(&c, "", 0, NULL), SR_PUSH_SKIPPED, "garbage: empty line");
}


/* A push line for GAME_ID with one event; `extra` goes inside the event. */
static enum sportradar_push_kind
push_event(struct sportradar_ctx *c, const char *id, const char *extra, int home_to,
    int away_to)
{
	char line[2048];

	snprintf(line, sizeof line,
	    "{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\",\"status\":\"inprogress\","
	    "\"home\":{\"id\":\"" KNICKS "\",\"name\":\"Knicks\",\"points\":10,"
	    "\"remaining_timeouts\":%d},"
	    "\"away\":{\"id\":\"" BULLS "\",\"name\":\"Bulls\",\"points\":8,"
	    "\"remaining_timeouts\":%d}},"
	    "\"event\":{\"id\":\"%s\",\"event_type\":\"rebound\",\"clock\":\"5:00\","
	    "\"number\":40,\"period\":{\"number\":2,\"sequence\":2,\"type\":\"quarter\"}%s}},"
	    "\"metadata\":{\"operation\":\"update\"}}",
	    home_to, away_to, id, extra);
	return sportradar_parse_push(c, line, strlen(line), NULL);
}

static void
test_qualifiers(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_event(&c, "q-1", ",\"sequence\":1664669447993,\"qualifiers\":"
	    "[{\"qualifier\":\"deadball\"},{\"qualifier\":\"team\"},{\"qualifier\":\"inpenalty\"}]",
	    5, 5);
	ev = find_event("q-1");
	ok(ev != NULL && ev->qualifiers == (CS_Q_DEADBALL | CS_Q_TEAM),
	    "qualifiers: deadball and team read, an unknown one passed over");
	push_event(&c, "q-2", ",\"sequence\":1664669447994,\"qualifiers\":"
	    "[{\"qualifier\":\"pointsinthepaint\"},{\"qualifier\":\"fastbreak\"},"
	    "{\"qualifier\":\"2ndchance\"},{\"qualifier\":\"fromturnover\"}]", 5, 5);
	ev = find_event("q-2");
	ok(ev != NULL && ev->qualifiers == (CS_Q_PAINT | CS_Q_FAST_BREAK |
	    CS_Q_SECOND_CHANCE | CS_Q_FROM_TURNOVER), "qualifiers: the scoring ones");
	push_event(&c, "q-3", ",\"sequence\":1664669447995,\"qualifiers\":{\"x\":1}", 5, 5);
	ev = find_event("q-3");
	ok(ev != NULL && ev->qualifiers == 0, "qualifiers: not a list: none, the event kept");
}

static void
test_push_timeouts(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_event(&c, "t-1", ",\"sequence\":1664669447993", 5, 4);
	ok(got.ngames == 1 && got.game.has_timeouts_remaining[CS_HOME] &&
	    got.game.timeouts_remaining[CS_HOME] == 5 &&
	    got.game.timeouts_remaining[CS_AWAY] == 4,
	    "push: remaining_timeouts of both teams sent as the game header");
	push_event(&c, "t-2", ",\"sequence\":1664669447994", 5, 4);
	is_int(got.ngames, 1, "push: an unchanged count sends nothing");
	push_event(&c, "t-3", ",\"sequence\":1664669447995", 5, 3);
	ok(got.ngames == 2 && got.game.timeouts_remaining[CS_AWAY] == 3 &&
	    got.game.timeouts_remaining[CS_HOME] == 5, "push: a change is sent");
	{
		/* a cached pbp.json, older than the stream, read after it */
		static const char *const fmt =
		    "{\"id\":\"" GAME_ID "\",\"status\":\"inprogress\","
		    "\"home\":{\"id\":\"" KNICKS "\",\"remaining_timeouts\":%d},"
		    "\"away\":{\"id\":\"" BULLS "\",\"remaining_timeouts\":%d},"
		    "\"periods\":[{\"type\":\"quarter\",\"number\":1,\"sequence\":1,"
		    "\"events\":[{\"id\":\"old\",\"event_type\":\"stoppage\",\"number\":1,"
		    "\"sequence\":%lld,\"clock\":\"11:00\"}]}]}";
		char doc[1024];

		snprintf(doc, sizeof doc, fmt, 7, 7, 1664669440000LL);
		sportradar_parse_pbp(&c, doc, strlen(doc));
		ok(got.game.timeouts_remaining[CS_HOME] == 5 &&
		    got.game.timeouts_remaining[CS_AWAY] == 3,
		    "an older pbp.json read after the stream does not set the count back");
		snprintf(doc, sizeof doc, fmt, 4, 2, 1664669449999LL);
		sportradar_parse_pbp(&c, doc, strlen(doc));
		ok(got.game.timeouts_remaining[CS_HOME] == 4 &&
		    got.game.timeouts_remaining[CS_AWAY] == 2, "a newer pbp.json's count is taken");
	}
}

static void
test_pbp_timeouts_and_deletes(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const char *doc =
	    "{\"id\":\"" GAME_ID "\",\"status\":\"closed\","
	    "\"home\":{\"id\":\"" KNICKS "\",\"name\":\"Knicks\",\"remaining_timeouts\":2},"
	    "\"away\":{\"id\":\"" BULLS "\",\"name\":\"Bulls\",\"remaining_timeouts\":1},"
	    "\"periods\":[{\"type\":\"quarter\",\"number\":1,\"sequence\":1,\"events\":["
	    "{\"id\":\"both\",\"event_type\":\"twopointmade\",\"number\":3,\"sequence\":1664669447993,"
	    "\"clock\":\"10:00\",\"attribution\":{\"id\":\"" KNICKS "\"},"
	    "\"statistics\":[{\"type\":\"fieldgoal\",\"made\":true,\"points\":2,"
	    "\"team\":{\"id\":\"" KNICKS "\"},\"player\":{\"id\":\"" VONLEH "\"}}]},"
	    "{\"id\":\"kept\",\"event_type\":\"stoppage\",\"number\":4,\"sequence\":1664669447999,"
	    "\"clock\":\"9:00\"}]}],"
	    "\"deleted_events\":[{\"id\":\"both\"},{\"id\":\"gone\"}]}";

	sportradar_ctx_init(&c, &s, GAME_ID);
	is_int(sportradar_parse_pbp(&c, doc, strlen(doc)), 2, "pbp: both events delivered");
	ok(got.ndeletes == 1 && strcmp(got.deletes[0], "gone") == 0,
	    "pbp: an id in both periods and deleted_events is not deleted; the other is");
	ok(got.game.has_timeouts_remaining[CS_HOME] && got.game.timeouts_remaining[CS_HOME] == 2 &&
	    got.game.has_timeouts_remaining[CS_AWAY] && got.game.timeouts_remaining[CS_AWAY] == 1,
	    "pbp: the header's remaining_timeouts");
#ifndef SR_TEST_NO_MODEL
	{
		struct game *g = game_new();
		struct cs_sink gs = game_sink(g);
		char fin[16];

		sportradar_ctx_init(&c, &gs, GAME_ID);
		sportradar_parse_pbp(&c, doc, strlen(doc));
		is_int(game_team(g, CS_HOME)->points, 2, "pbp + model: the listed basket counts");
		is_int(game_team(g, CS_HOME)->timeouts_left, 2, "pbp + model: the provider's timeouts");
		is_int(game_team(g, CS_AWAY)->timeouts_left, 1, "pbp + model: the away team's too");
		is_str(game_final_text(g, fin, sizeof fin), "Final", "pbp + model: closed reads Final");
		game_free(&g);
	}
#endif
}

static void
test_unusable_sequence(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	static const char *const bad[] = { "-5", "\"abc\"", "1.5e300", "null" };
	const struct cs_event *ev;
	size_t i;

	sportradar_ctx_init(&c, &s, GAME_ID);
	push_event(&c, "s-1", ",\"sequence\":1664669447993", 5, 5);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char extra[64];

		snprintf(extra, sizeof extra, ",\"sequence\":%s", bad[i]);
		push_event(&c, "s-1", extra, 5, 5);
		ev = find_event("s-1");
		ok(ev != NULL && ev->sequence == 1664669447993LL,
		    "a re-send with sequence %s keeps its earlier place", bad[i]);
	}
	push_event(&c, "s-2", ",\"sequence\":-1,\"created\":\"2022-10-02T00:10:48Z\"", 5, 5);
	ev = find_event("s-2");
	ok(ev != NULL && ev->sequence == 1664669448000LL,
	    "a new event with an unusable sequence: its creation time, on the same scale");
	ok(strstr(got.warning, "creation time") != NULL, "... and a warning says so");
}

static void
test_recorded_and_helpers(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	size_t len;
	char *buf, url[256];

	sportradar_ctx_init(&c, &s, GAME_ID);
	buf = test_sr_load("pbp_halves.json", &len);
	is_int(sportradar_parse_recorded(&c, "rest:/nba/trial/v8/en/games/" GAME_ID "/pbp.json",
	    buf, len), 0, "recorded: rest pbp routed");
	free(buf);
	is_int(got.nevents, 3, "recorded: events delivered");
	buf = test_sr_load("push_delete.json", &len);
	is_int(sportradar_parse_recorded(&c, "push", buf, len), 0, "recorded: push routed");
	free(buf);
	is_int(got.ndeletes, 1, "recorded: delete delivered");
	is_int(sportradar_parse_recorded(&c, "ws", "{}", 2), -1, "recorded: other channels refused");

	ok(sportradar_parse_time("2018-11-06T01:52:15Z") == 1541469135000LL, "time: Z");
	ok(sportradar_parse_time("2023-07-19T13:00:00+00:00") == 1689771600000LL, "time: +00:00");
	ok(sportradar_parse_time("2023-07-19T15:00:00.250+02:00") == 1689771600250LL,
	    "time: fraction and offset");
	ok(sportradar_parse_time("yesterday") == 0, "time: garbage -> 0");
	ok(sportradar_parse_time("2023-13-19T15:00:00Z") == 0, "time: month 13 -> 0");
	{
		/* found by the fuzzer: an offset cut short read past the string */
		char *cut = strdup("2018-11-06T01:52:15+");

		ok(cut != NULL && sportradar_parse_time(cut) == 0, "time: a cut offset -> 0");
		free(cut);
	}

	sportradar_rest_url(url, sizeof url, "http://127.0.0.1:8080/", "nbdl", "production",
	    "abc", "pbp.json");
	is_str(url, "http://127.0.0.1:8080/nbdl/production/v8/en/games/abc/pbp.json", "rest url");
}

/*
 * The push fast path (json-c sees the line without metadata and on_court,
 * and an on_court repeated byte for byte is not parsed again) reads every
 * line as json-c over the whole line would.
 */
#define FAST_HEAD "{\"payload\":{\"game\":{\"id\":\"" GAME_ID "\",\"home\":{\"id\":\"" KNICKS \
	"\"},\"away\":{\"id\":\"" BULLS "\"}},\"event\":{\"id\":\""
#define FAST_PERIOD "\",\"event_type\":\"twopointmade\",\"period\":{\"number\":1," \
	"\"sequence\":1,\"type\":\"quarter\"},"
#define FAST_NOID_FIVE "{\"home\":{\"players\":[{\"reference\":\"91\"},{\"id\":\"p2\"}," \
	"{\"id\":\"p3\"},{\"id\":\"p4\"},{\"id\":\"p5\"}]}}"
#define FAST_FIVE(x) "{\"home\":{\"players\":[{\"id\":\"" x "1\"},{\"id\":\"" x "2\"}," \
	"{\"id\":\"" x "3\"},{\"id\":\"" x "4\"},{\"id\":\"" x "5\"}]}}"

static const struct cs_event *
fast_push(struct sportradar_ctx *c, const char *line, const char *id)
{
	sportradar_parse_push(c, line, strlen(line), NULL);
	return find_event(id);
}

static void
test_push_fast_path(void)
{
	struct sportradar_ctx c;
	struct cs_sink s = collect_sink();
	const struct cs_event *ev;
	const char *teach = FAST_HEAD "f2" FAST_PERIOD "\"on_court\":" FAST_NOID_FIVE
	    ",\"statistics\":[{\"type\":\"fieldgoal\",\"made\":true,\"points\":2,\"team\":"
	    "{\"id\":\"" KNICKS "\"},\"player\":{\"reference\":\"91\",\"id\":\"p1\"}}]}}}";

	memset(&got, 0, sizeof got);
	sportradar_ctx_init(&c, &s, GAME_ID);
	ev = fast_push(&c, FAST_HEAD "f1" FAST_PERIOD "\"on_court\":" FAST_NOID_FIVE "}}}", "f1");
	is_str(ev != NULL ? ev->on_court[CS_HOME][0].id : "", "ref:91",
	    "fast path: a player without id, unknown: ref:<reference>");
	/* the same bytes again, but his id is learned from this line */
	ev = fast_push(&c, teach, "f2");
	is_str(ev != NULL ? ev->on_court[CS_HOME][0].id : "", "p1",
	    "fast path: the same on_court, his id learned since: not the earlier five");
	ev = fast_push(&c, FAST_HEAD "f3" FAST_PERIOD "\"on_court\":" FAST_FIVE("q") "}}}", "f3");
	ok(ev != NULL && ev->has_on_court[CS_HOME] && strcmp(ev->on_court[CS_HOME][4].id, "q5") == 0,
	    "fast path: a five with ids");
	ev = fast_push(&c, FAST_HEAD "f4" FAST_PERIOD "\"on_court\":" FAST_FIVE("q") "}}}", "f4");
	ok(ev != NULL && ev->has_on_court[CS_HOME] && !ev->has_on_court[CS_AWAY] &&
	    strcmp(ev->on_court[CS_HOME][0].id, "q1") == 0 &&
	    strcmp(ev->on_court[CS_HOME][4].id, "q5") == 0,
	    "fast path: the same five again, kept from the line before");
	ev = fast_push(&c, FAST_HEAD "f5" FAST_PERIOD "\"on\\u005fcourt\":" FAST_FIVE("r") "}}}",
	    "f5");
	ok(ev != NULL && ev->has_on_court[CS_HOME] && strcmp(ev->on_court[CS_HOME][0].id, "r1") == 0,
	    "fast path: an escaped key reads as json-c decodes it");
	ev = fast_push(&c, FAST_HEAD "f6" FAST_PERIOD "\"on_court\":" FAST_FIVE("q") ","
	    "\"on_court\":" FAST_FIVE("r") "}}}", "f6");
	ok(ev != NULL && ev->has_on_court[CS_HOME] && strcmp(ev->on_court[CS_HOME][0].id, "r1") == 0,
	    "fast path: a repeated on_court: the last one, as json-c reads it");
	ev = fast_push(&c, FAST_HEAD "f7" FAST_PERIOD "\"on_court\":null}}}", "f7");
	ok(ev != NULL && !ev->has_on_court[CS_HOME] && !ev->has_on_court[CS_AWAY],
	    "fast path: on_court null: no five");
	fast_push(&c, FAST_HEAD "f3\"}},\"metadata\":{\"x\":{\"operation\":\"update\"},"
	    "\"event_category\":\"\",\"operation\":\"delete\"}}", "f3");
	ok(got.ndeletes == 1 && strcmp(got.deletes[0], "f3") == 0,
	    "fast path: metadata's own operation, past a nested one");
	is_int(got.nwarnings, 0, "fast path: no warnings so far");
	fast_push(&c, FAST_HEAD "f8" FAST_PERIOD "\"on_court\":" FAST_FIVE("q"), "f8");
	ok(got.nwarnings == 1 && strstr(got.warning, "truncated JSON") != NULL,
	    "fast path: a line cut short is refused as before (%s)", got.warning);
}

int
main(void)
{
	test_heartbeat();
	test_full_v7_event();
	test_enrichment_collect();
#ifndef SR_TEST_NO_MODEL
	test_enrichment_model();
#endif
	test_delete_twice();
#ifndef SR_TEST_NO_MODEL
	test_delete_model();
#endif
	test_players_without_id();
	test_known_players();
	test_stale_versions();
	test_v8_create();
	test_heave_and_team_stats();
#ifndef SR_TEST_NO_MODEL
	test_heave_model();
#else
	tap_diag("the model-backed checks are off (SR_TEST_NO_MODEL)");
#endif
	test_timeout_overtime_unknown();
	test_pbp_overtime();
	test_pbp_old();
	test_pbp_layouts();
	test_pbp_halves();
	test_summary_then_pbp();
	test_garbage();
	test_recorded_and_helpers();
	test_qualifiers();
	test_push_timeouts();
	test_pbp_timeouts_and_deletes();
	test_unusable_sequence();
	test_push_fast_path();
	return tap_done();
}
