/*
 * The export (model/export.h): a small hand-built game written as JSON and
 * CSV, read back and checked against the schema of product.md §5.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "model/export.h"
#include "model/game.h"
#include "tap.h"

#define CLOCK(m, s) (((m) * 60 + (s)) * 10)

static int64_t next_sequence;

static struct cs_event
ev_new(const char *id, int period, int clock, enum cs_event_type type, int side)
{
	struct cs_event ev;

	cs_event_init(&ev, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(ev.id, id, sizeof ev.id);
	ev.sequence = ++next_sequence;
	ev.period.type = period > 4 ? CS_PERIOD_OVERTIME : CS_PERIOD_QUARTER;
	ev.period.number = period > 4 ? period - 4 : period;
	ev.period.sequence = period;
	ev.clock = clock;
	ev.type = type;
	ev.side = side;
	return ev;
}

static struct cs_event
made(const char *id, int period, int clock, int side, const char *player, bool three)
{
	struct cs_event ev = ev_new(id, period, clock,
	    three ? CS_EV_THREE_MADE : CS_EV_TWO_MADE, side);
	struct cs_stat *st = cs_event_add_stat(&ev, CS_STAT_FIELD_GOAL, side);

	cs_strlcpy(st->player.id, player, sizeof st->player.id);
	st->made = true;
	st->three = three;
	return ev;
}

static void
set_court(struct cs_event *ev, int side, const char *const five[5])
{
	int k;

	ev->has_on_court[side] = true;
	for (k = 0; k < 5; k++)
		cs_strlcpy(ev->on_court[side][k].id, five[k], sizeof ev->on_court[side][k].id);
}

/*
 * Home: roster h1..h7 (h1-h5 start), with a name that needs escaping;
 * away: roster a1..a6 (a2-a6 start, a1 on the bench), plus "x1", learned
 * from a play.  Q1 and Q2 played; the clock stops at 0:54.6 of Q2.
 */
static struct game *
small_game(void)
{
	static const char *const home5[5] = { "h1", "h2", "h3", "h4", "h5" };
	static const char *const away5[5] = { "a2", "a3", "a4", "a5", "a6" };
	static const char *const away_sub[5] = { "a2", "a3", "a4", "a5", "x1" };
	struct game *g = game_new();
	struct cs_game_info info;
	struct cs_event ev;
	int i;

	cs_game_info_init(&info, CS_PROVIDER_SPORTRADAR);
	cs_strlcpy(info.id, "gm-42", sizeof info.id);
	info.has_team[0] = info.has_team[1] = true;
	cs_strlcpy(info.team[0].id, "team-h", sizeof info.team[0].id);
	cs_strlcpy(info.team[0].name, "Hawks", sizeof info.team[0].name);
	cs_strlcpy(info.team[0].alias, "HAW", sizeof info.team[0].alias);
	cs_strlcpy(info.team[1].id, "team-a", sizeof info.team[1].id);
	cs_strlcpy(info.team[1].name, "Aces, \"The\"", sizeof info.team[1].name);
	cs_strlcpy(info.team[1].alias, "ACE", sizeof info.team[1].alias);
	info.team[0].nplayers = 7;
	for (i = 0; i < 7; i++) {
		snprintf(info.team[0].players[i].id, CS_ID_MAX, "h%d", i + 1);
		snprintf(info.team[0].players[i].name, CS_NAME_MAX, "Home %d", i + 1);
		snprintf(info.team[0].players[i].jersey, CS_JERSEY_MAX, "%d", i + 10);
		info.team[0].players[i].starter = i < 5;
	}
	cs_strlcpy(info.team[0].players[0].name, "Shaq \"Big\" O'Neal \\ Jr",
	    CS_NAME_MAX);
	cs_strlcpy(info.team[0].players[0].jersey, "00", CS_JERSEY_MAX);
	info.team[1].nplayers = 6;
	for (i = 0; i < 6; i++) {
		snprintf(info.team[1].players[i].id, CS_ID_MAX, "a%d", i + 1);
		snprintf(info.team[1].players[i].name, CS_NAME_MAX, "Away %d", i + 1);
		snprintf(info.team[1].players[i].jersey, CS_JERSEY_MAX, "%d", i + 20);
		info.team[1].players[i].starter = i > 0;
	}
	cs_strlcpy(info.team[1].players[1].name, "Smith, Jr.", CS_NAME_MAX);
	game_set_info(g, &info);

	next_sequence = 0;
	ev = ev_new("q1-0", 1, CLOCK(12, 0), CS_EV_PERIOD_START, CS_SIDE_NONE);
	set_court(&ev, 0, home5);
	set_court(&ev, 1, away5);
	game_upsert(g, &ev);
	ev = made("q1-1", 1, CLOCK(10, 0), 0, "h1", true);
	game_upsert(g, &ev);
	ev = made("q1-2", 1, CLOCK(9, 0), 1, "a2", false);
	game_upsert(g, &ev);
	ev = ev_new("q1-3", 1, CLOCK(6, 0), CS_EV_SUBSTITUTION, 1);
	set_court(&ev, 1, away_sub);
	cs_strlcpy(ev.on_court[1][4].name, "Xavier New", CS_NAME_MAX);
	cs_strlcpy(ev.on_court[1][4].jersey, "99", CS_JERSEY_MAX);
	game_upsert(g, &ev);
	ev = ev_new("q1-4", 1, CLOCK(5, 0), CS_EV_REBOUND, 0);
	cs_event_add_stat(&ev, CS_STAT_REBOUND, 0)->offensive = true;   /* team rebound */
	game_upsert(g, &ev);
	ev = ev_new("q1-5", 1, CLOCK(4, 0), CS_EV_PERSONAL_FOUL, 0);
	cs_strlcpy(cs_event_add_stat(&ev, CS_STAT_PERSONAL_FOUL, 0)->player.id, "h2", CS_ID_MAX);
	game_upsert(g, &ev);
	ev = ev_new("q1-6", 1, CS_NO_CLOCK, CS_EV_PERIOD_END, CS_SIDE_NONE);
	game_upsert(g, &ev);
	ev = ev_new("q2-0", 2, CLOCK(12, 0), CS_EV_PERIOD_START, CS_SIDE_NONE);
	set_court(&ev, 0, home5);
	set_court(&ev, 1, away_sub);
	game_upsert(g, &ev);
	ev = made("q2-1", 2, CLOCK(1, 0), 1, "x1", false);
	game_upsert(g, &ev);
	ev = ev_new("q2-2", 2, CLOCK(0, 54) + 6, CS_EV_TIMEOUT, 0);
	game_upsert(g, &ev);
	return g;
}

static char *
to_string(struct game *g, int (*writer)(struct game *, FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		abort();
	if (writer(g, f) != 0)
		printf("# export failed\n");
	fclose(f);
	return buf;
}

/* "k1,k2,..." for an object's keys in order. */
static const char *
keys(json_object *o)
{
	static char buf[512];
	size_t n = 0;

	buf[0] = '\0';
	if (!json_object_is_type(o, json_type_object))
		return "(not an object)";
	json_object_object_foreach(o, k, v) {
		(void)v;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? "," : "", k);
		if (n >= sizeof buf)
			break;
	}
	return buf;
}

static json_object *
get(json_object *o, const char *path)
{
	char part[64];
	const char *p = path, *dot;
	size_t len;
	json_object *v = o;

	while (v != NULL && *p != '\0') {
		dot = strchr(p, '.');
		len = dot ? (size_t)(dot - p) : strlen(p);
		snprintf(part, sizeof part, "%.*s", (int)len, p);
		if (json_object_is_type(v, json_type_array))
			v = json_object_array_get_idx(v, (size_t)strtol(part, NULL, 10));
		else if (!json_object_object_get_ex(v, part, &v))
			v = NULL;
		p += len + (dot != NULL);
	}
	return v;
}

static const char *
str(json_object *o, const char *path)
{
	json_object *v = get(o, path);

	return v != NULL && json_object_is_type(v, json_type_string) ?
	    json_object_get_string(v) : "(none)";
}

static long
num(json_object *o, const char *path)
{
	json_object *v = get(o, path);

	return v != NULL && json_object_is_type(v, json_type_int) ?
	    (long)json_object_get_int64(v) : -999999;
}

static int
boolean(json_object *o, const char *path)
{
	json_object *v = get(o, path);

	return v != NULL && json_object_is_type(v, json_type_boolean) ?
	    json_object_get_boolean(v) : -1;
}

static void
test_json(void)
{
	struct game *g = small_game();
	char *text = to_string(g, export_json);
	json_object *root = json_tokener_parse(text), *players;
	static const char *const player_keys = "id,name,jersey,starter,on_court,seconds,"
	    "fgm,fga,tpm,tpa,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,pts,plus_minus";
	static const char *const total_keys =
	    "fgm,fga,tpm,tpa,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,pts";
	static const char *const away_order[7] = { "a2", "a3", "a4", "a5", "a6", "a1", "x1" };
	size_t len = strlen(text);
	char path[16];
	int i;

	ok(root != NULL, "export is valid JSON");
	ok(len > 0 && text[len - 1] == '\n' && strchr(text, '\n') == text + len - 1,
	    "one line with a newline");
	is_str(keys(root), "game,teams", "top-level keys");
	is_str(keys(get(root, "game")), "provider,id,status,period,clock,lead_changes,times_tied",
	    "game keys in order");
	is_str(str(root, "game.provider"), "sportradar", "provider");
	is_str(str(root, "game.id"), "gm-42", "game id");
	is_str(str(root, "game.status"), "inprogress", "status");
	is_str(keys(get(root, "game.period")), "type,number,sequence", "period keys");
	is_str(str(root, "game.period.type"), "quarter", "period type");
	is_int(num(root, "game.period.number"), 2, "period number");
	is_int(num(root, "game.period.sequence"), 2, "period sequence");
	is_str(str(root, "game.clock"), "0:54.6", "clock M:SS.t");

	is_int(json_object_array_length(get(root, "teams")), 2, "two teams");
	is_str(keys(get(root, "teams.0")),
	    "side,id,name,alias,points,periods,totals,team_rebounds,team_turnovers,"
	    "team_fouls_period,timeouts_left,analytics,players", "team keys in order");
	is_str(str(root, "teams.0.side"), "home", "home first");
	is_str(str(root, "teams.1.side"), "away", "away second");
	is_str(str(root, "teams.0.id"), "team-h", "team id");
	is_str(str(root, "teams.1.name"), "Aces, \"The\"", "team name escaped and read back");
	is_str(str(root, "teams.1.alias"), "ACE", "team alias");
	is_int(num(root, "teams.0.points"), 3, "home points");
	is_int(num(root, "teams.1.points"), 4, "away points");
	is_int(json_object_array_length(get(root, "teams.1.periods")), 2, "two periods");
	is_str(keys(get(root, "teams.1.periods.1")), "sequence,points", "period entry keys");
	is_int(num(root, "teams.1.periods.0.points"), 2, "away Q1");
	is_int(num(root, "teams.1.periods.1.sequence"), 2, "away Q2 sequence");
	is_int(num(root, "teams.1.periods.1.points"), 2, "away Q2");
	is_str(keys(get(root, "teams.0.totals")), total_keys, "totals keys in order");
	is_int(num(root, "teams.0.totals.tpm"), 1, "home 3PM");
	is_int(num(root, "teams.0.totals.oreb"), 1, "team rebound in the totals");
	is_int(num(root, "teams.0.totals.pf"), 1, "home PF");
	is_int(num(root, "teams.0.team_rebounds"), 1, "team rebounds");
	is_int(num(root, "teams.0.team_turnovers"), 0, "team turnovers");
	is_int(num(root, "teams.0.team_fouls_period"), 0, "no home fouls in Q2");
	is_int(num(root, "teams.0.timeouts_left"), 6, "home timeouts left");

	players = get(root, "teams.1.players");
	is_int(json_object_array_length(players), 7, "away players: roster plus learned");
	for (i = 0; i < 7; i++) {
		snprintf(path, sizeof path, "%d.id", i);
		is_str(str(players, path), away_order[i],
		    "away player %d: starters, bench, learned", i);
	}
	is_str(keys(get(root, "teams.0.players.0")), player_keys, "player keys in order");
	is_str(str(root, "teams.0.players.0.name"), "Shaq \"Big\" O'Neal \\ Jr",
	    "name with quotes and backslash survives");
	is_str(str(root, "teams.0.players.0.jersey"), "00", "jersey as a string");
	is_int(boolean(root, "teams.0.players.0.starter"), 1, "starter");
	is_int(boolean(root, "teams.0.players.5.starter"), 0, "bench");
	is_int(boolean(root, "teams.0.players.0.on_court"), 1, "on court");
	is_int(boolean(root, "teams.1.players.4.on_court"), 0, "a6 subbed out");
	is_int(num(root, "teams.0.players.0.pts"), 3, "h1 points");
	is_int(num(root, "teams.0.players.0.tpa"), 1, "h1 3PA");
	/* five on court at 1385.4 s each: 6927 s for the team, so the first
	 * two in roster order (largest remainder, ties in order) get 1386 */
	is_int(num(root, "teams.0.players.0.seconds"), 720 + 666, "h1 seconds (Q1 + 12:00-0:54.6, rounded up)");
	is_int(num(root, "teams.0.players.0.plus_minus"), 3 - 4, "h1 +/-");
	is_int(num(root, "teams.1.players.4.seconds"), 360, "a6 seconds");
	is_int(num(root, "teams.1.players.6.seconds"), 360 + 665, "x1 seconds");
	is_str(str(root, "teams.1.players.6.name"), "Xavier New", "learned name");
	is_str(str(root, "teams.1.players.6.jersey"), "99", "learned jersey");
	is_int(boolean(root, "teams.1.players.6.starter"), 0, "learned player not a starter");
	is_int(num(root, "teams.1.players.6.plus_minus"), 2, "x1 +/-");

	json_object_put(root);
	free(text);
	game_free(&g);
}

static double
dbl(json_object *o, const char *path)
{
	json_object *v = get(o, path);

	return v != NULL && json_object_is_type(v, json_type_double) ?
	    json_object_get_double(v) : -999999;
}

/* The coach's numbers of small_game(), by hand: home 3-0 on a three at
 * Q1 10:00 (h1), 3-2 at 9:00 (a2), 3-4 at Q2 1:00 (x1, off the bench),
 * a home timeout at 0:54.6. */
static void
test_analytics(void)
{
	static const char *const figure_keys = "points_in_paint,fast_break_pts,"
	    "second_chance_pts,points_off_turnovers,bench_points,biggest_lead,"
	    "most_unanswered,time_leading,possessions,offensive_rating,"
	    "defensive_rating,effective_fg_pct,true_shooting_pct,tov_pct,oreb_pct,ft_rate";
	struct game *g = small_game();
	char *text = to_string(g, export_json), want[512];
	json_object *root = json_tokener_parse(text);

	is_int(num(root, "game.lead_changes"), 1, "one lead change (3-2 -> 3-4)");
	is_int(num(root, "game.times_tied"), 0, "never tied after 0-0");
	snprintf(want, sizeof want, "%s,periods", figure_keys);
	is_str(keys(get(root, "teams.0.analytics")), want, "analytics keys in order");
	is_str(keys(get(root, "teams.0.analytics.periods.1")),
	    "sequence,points_in_paint,fast_break_pts,second_chance_pts,"
	    "points_off_turnovers,bench_points,biggest_lead,most_unanswered,"
	    "time_leading,possessions,offensive_rating,defensive_rating,"
	    "effective_fg_pct,true_shooting_pct,tov_pct,oreb_pct,ft_rate",
	    "period keys: sequence, then the same figures");
	is_int(json_object_array_length(get(root, "teams.1.analytics.periods")), 2,
	    "a period entry per period played");
	is_int(num(root, "teams.1.analytics.bench_points"), 2, "away bench: x1's two");
	is_int(num(root, "teams.1.analytics.periods.0.bench_points"), 0, "no bench points in Q1");
	is_int(num(root, "teams.0.analytics.bench_points"), 0, "home bench: none");
	is_int(num(root, "teams.0.analytics.biggest_lead"), 3, "home led by 3");
	is_int(num(root, "teams.1.analytics.biggest_lead"), 1, "away led by 1");
	is_int(num(root, "teams.1.analytics.most_unanswered"), 4, "away 4 in a row across Q1-Q2");
	is_int(num(root, "teams.1.analytics.periods.1.most_unanswered"), 2,
	    "a period counts its own points");
	is_int(num(root, "teams.0.analytics.time_leading"), 600 + 660,
	    "home led Q1 10:00-0:00 and Q2 12:00-1:00");
	is_int(num(root, "teams.1.analytics.time_leading"), 5, "away: 5.4 s, truncated");
	ok(strstr(text, "\"possessions\":1.00,") != NULL, "possessions with two decimals");
	ok(strstr(text, "\"offensive_rating\":300.0,") != NULL, "a rating with one decimal");
	ok(strstr(text, "\"ft_rate\":0.000") != NULL, "ft_rate with three decimals");
	ok(dbl(root, "teams.1.analytics.possessions") == 2.0, "away: two possessions");
	ok(dbl(root, "teams.1.analytics.offensive_rating") == 200.0, "away ORtg 4/2 x 100");
	ok(dbl(root, "teams.0.analytics.defensive_rating") == 200.0, "home DRtg = away ORtg");
	ok(dbl(root, "teams.0.analytics.effective_fg_pct") == 150.0, "home eFG (1 + 0.5)/1");
	ok(dbl(root, "teams.1.analytics.true_shooting_pct") == 100.0, "away TS 4/(2 x 2)");
	ok(dbl(root, "teams.1.analytics.periods.1.possessions") == 1.0, "away Q2: one");
	json_object_put(root);
	free(text);
	game_free(&g);
}

static void
test_clock_and_status(void)
{
	struct game *g = game_new();
	struct cs_event ev;
	struct cs_clock c;
	json_object *root;
	char *text;

	text = to_string(g, export_json);
	root = json_tokener_parse(text);
	is_str(str(root, "game.clock"), "12:00.0", "no events: 12:00.0");
	is_str(str(root, "game.status"), "scheduled", "no events: scheduled");
	is_str(str(root, "game.period.type"), "quarter", "no events: a quarter");
	is_int(json_object_array_length(get(root, "teams.0.periods")), 0, "no periods yet");
	is_int(json_object_array_length(get(root, "teams.0.players")), 0, "no players yet");
	is_int(num(root, "teams.0.timeouts_left"), 7, "all timeouts left");
	json_object_put(root);
	free(text);

	memset(&c, 0, sizeof c);
	c.period.type = CS_PERIOD_QUARTER;
	c.period.number = c.period.sequence = 4;
	c.clock = CLOCK(2, 31) + 4;
	game_set_clock(g, &c);
	text = to_string(g, export_json);
	root = json_tokener_parse(text);
	is_str(str(root, "game.clock"), "2:31.4", "live clock 2:31.4");
	json_object_put(root);
	free(text);

	next_sequence = 0;
	ev = ev_new("ot", 5, CLOCK(3, 0), CS_EV_STOPPAGE, CS_SIDE_NONE);
	game_upsert(g, &ev);
	ev = ev_new("end", 5, CLOCK(0, 3), CS_EV_PERIOD_END, CS_SIDE_NONE);
	game_upsert(g, &ev);
	ev = ev_new("fin", 5, CS_NO_CLOCK, CS_EV_GAME_END, CS_SIDE_NONE);
	game_upsert(g, &ev);
	text = to_string(g, export_json);
	root = json_tokener_parse(text);
	is_str(str(root, "game.clock"), "0:00.0", "period end: 0:00.0");
	is_str(str(root, "game.status"), "closed", "game end: closed");
	is_str(str(root, "game.period.type"), "overtime", "overtime");
	is_int(num(root, "game.period.number"), 1, "overtime number");
	is_int(num(root, "game.period.sequence"), 5, "overtime sequence");
	is_int(json_object_array_length(get(root, "teams.1.periods")), 5, "periods up to OT1");
	json_object_put(root);
	free(text);
	game_free(&g);
}

static void
test_csv(void)
{
	struct game *g = small_game();
	char *text = to_string(g, export_csv), *line, *save = NULL;
	char *rows[40];
	int n = 0;

	for (line = strtok_r(text, "\n", &save); line != NULL && n < 40;
	    line = strtok_r(NULL, "\n", &save))
		rows[n++] = line;
	is_int(n, 1 + 7 + 1 + 7 + 1 + 3 + 1 + 2 + 2 * 2 + 2,
	    "players, a TEAM row per side, the line score, the team section, lead changes");
	is_str(rows[0], "side,team,id,name,jersey,starter,on_court,seconds,fgm,fga,tpm,tpa,"
	    "ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,pts,plus_minus", "header row");
	/* every text field quoted (RFC 4180): a jersey 00 stays text */
	is_str(rows[1], "\"home\",\"HAW\",\"h1\",\"Shaq \"\"Big\"\" O'Neal \\ Jr\",\"00\","
	    "\"true\",\"true\",1386,1,1,1,1,0,0,0,0,0,0,0,0,0,0,3,-1",
	    "player row: text quoted, quotes doubled, jersey \"00\" as text");
	is_str(rows[8], "\"home\",\"HAW\",\"TEAM\",\"Hawks\",\"\",\"\",\"\",6927,"
	    "1,1,1,1,0,0,1,0,1,0,0,0,0,1,3,-1", "home TEAM row");
	is_str(rows[9], "\"away\",\"ACE\",\"a2\",\"Smith, Jr.\",\"21\",\"true\",\"true\",1386,"
	    "1,1,0,0,0,0,0,0,0,0,0,0,0,0,2,1", "comma in a name is quoted");
	is_str(rows[15], "\"away\",\"ACE\",\"x1\",\"Xavier New\",\"99\",\"false\",\"true\",1025,"
	    "1,1,0,0,0,0,0,0,0,0,0,0,0,0,2,2", "learned player row");
	is_str(rows[16], "\"away\",\"ACE\",\"TEAM\",\"Aces, \"\"The\"\"\",\"\",\"\",\"\",6927,"
	    "2,2,0,0,0,0,0,0,0,0,0,0,0,0,4,1", "away TEAM row");
	/* the line score: a side a row, a column a period, as a scoreboard */
	is_str(rows[17], "side,team,Q1,Q2,total", "line score header: the periods played");
	is_str(rows[18], "\"home\",\"HAW\",3,0,3", "home line score");
	is_str(rows[19], "\"away\",\"ACE\",2,2,4", "away line score");
	is_str(rows[20], "side,team,period,points_in_paint,fast_break_pts,second_chance_pts,"
	    "points_off_turnovers,bench_points,biggest_lead,most_unanswered,time_leading,"
	    "possessions,offensive_rating,defensive_rating,effective_fg_pct,"
	    "true_shooting_pct,tov_pct,oreb_pct,ft_rate", "team section header");
	is_str(rows[22], "\"away\",\"ACE\",\"game\",0,0,0,0,2,1,4,5,2.00,200.0,300.0,100.0,100.0,"
	    "0.0,0.0,0.000", "away game row");
	is_str(rows[23], "\"home\",\"HAW\",1,0,0,0,0,0,3,3,600,1.00,300.0,200.0,150.0,150.0,"
	    "0.0,0.0,0.000", "home Q1 row");
	is_str(rows[27], "lead_changes,times_tied", "lead changes header");
	is_str(rows[28], "1,0", "lead changes and ties");
	free(text);
	game_free(&g);
}

static void
test_write_error(void)
{
	struct game *g = small_game();
	FILE *full = fopen("/dev/full", "w");

	if (full == NULL) {
		ok(1, "# SKIP no /dev/full");
		ok(1, "# SKIP no /dev/full");
	} else {
		errno = 0;
		is_int(export_json(g, full), -1, "JSON to a full disk fails");
		ok(errno != 0, "errno set");
		clearerr(full);
		is_int(export_csv(g, full), -1, "CSV to a full disk fails");
		fclose(full);
	}
	game_free(&g);
}

int
main(void)
{
	test_json();
	test_clock_and_status();
	test_analytics();
	test_csv();
	test_write_error();
	return tap_done();
}
