/*
 * The ShotTracker parsers on real-shaped documents (tests/data/shottracker/)
 * and on hand-made bad input, through a collecting sink.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/parser.h"
#include "providers/shottracker.h"
#include "tap.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

#define MAXC 256

struct collect {
	int nev, ndel, ngame, nclock, npub, nwarn;
	struct cs_event ev[MAXC];
	char del[MAXC][CS_ID_MAX];
	struct cs_game_info game;          /* the last one */
	struct cs_game_info teamgame;      /* the last one that carried a team */
	struct cs_clock clock;
	struct cs_published_stats pub[MAXC];
	char warn[MAXC][256];
};

static struct collect col;

static void
c_event(void *ctx, const struct cs_event *ev)
{
	(void)ctx;
	if (col.nev < MAXC)
		col.ev[col.nev] = *ev;
	col.nev++;
}

static void
c_delete(void *ctx, const char *id)
{
	(void)ctx;
	if (col.ndel < MAXC)
		cs_strlcpy(col.del[col.ndel], id, CS_ID_MAX);
	col.ndel++;
}

static void
c_game(void *ctx, const struct cs_game_info *g)
{
	(void)ctx;
	col.game = *g;
	if (g->has_team[0] || g->has_team[1])
		col.teamgame = *g;
	col.ngame++;
}

static void
c_clock(void *ctx, const struct cs_clock *ck)
{
	(void)ctx;
	col.clock = *ck;
	col.nclock++;
}

static void
c_pub(void *ctx, const struct cs_published_stats *p)
{
	(void)ctx;
	if (col.npub < MAXC)
		col.pub[col.npub] = *p;
	col.npub++;
}

static void
c_warn(void *ctx, const char *m)
{
	(void)ctx;
	if (col.nwarn < MAXC)
		cs_strlcpy(col.warn[col.nwarn], m, sizeof col.warn[0]);
	col.nwarn++;
}

static const struct cs_sink sink = {
	.event = c_event, .delete_event = c_delete, .game = c_game,
	.clock = c_clock, .published = c_pub, .warning = c_warn,
};

static void
reset(void)
{
	memset(&col, 0, sizeof col);
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

static bool
deleted(const char *id)
{
	int i;

	for (i = 0; i < col.ndel && i < MAXC; i++)
		if (strcmp(col.del[i], id) == 0)
			return true;
	return false;
}

/* tests/data/DIR/NAME, whole; an empty string when it cannot be read. */
static char *
slurp_in(const char *dir, const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/tests/data/%s/%s",
	    top != NULL ? top : TOP_SRCDIR, dir, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		printf("# cannot open %s\n", path);
		*len = 0;
		return calloc(1, 1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static char *
slurp(const char *name, size_t *len)
{
	return slurp_in("shottracker", name, len);
}

static int
parse_file(struct shottracker_ctx *c, const char *channel, const char *name)
{
	size_t len;
	char *buf = slurp(name, &len);
	int rc = shottracker_parse_message(c, channel, buf, len, NULL);

	free(buf);
	return rc;
}

static bool
has_stat(const struct cs_event *ev, enum cs_stat_type t, const char *pid, int side)
{
	int i;

	for (i = 0; ev != NULL && i < ev->nstats; i++)
		if (ev->stats[i].type == t && strcmp(ev->stats[i].player.id, pid) == 0 &&
		    ev->stats[i].side == side)
			return true;
	return false;
}

static const struct cs_stat *
stat_of(const struct cs_event *ev, enum cs_stat_type t)
{
	int i;

	for (i = 0; ev != NULL && i < ev->nstats; i++)
		if (ev->stats[i].type == t)
			return &ev->stats[i];
	return NULL;
}

#define ID(s) "552:" s
#define T(s) "17000000" s

static void
test_periods(void)
{
	struct cs_period p;

	ok(shottracker_period_parse("Q3", false, &p) == 0 && p.type == CS_PERIOD_QUARTER &&
	    p.number == 3 && p.sequence == 3, "Q3");
	ok(shottracker_period_parse("H2", true, &p) == 0 && p.type == CS_PERIOD_HALF &&
	    p.sequence == 2, "H2");
	ok(shottracker_period_parse("OT1", false, &p) == 0 && p.type == CS_PERIOD_OVERTIME &&
	    p.number == 1 && p.sequence == 5, "OT1 after quarters is sequence 5");
	ok(shottracker_period_parse("OT2", true, &p) == 0 && p.sequence == 4,
	    "OT2 after halves is sequence 4");
	ok(shottracker_period_parse("OT", false, &p) == 0 && p.number == 1, "OT = OT1");
	ok(shottracker_period_parse("OT97", false, &p) < 0, "OT97 refused (the model holds 100 periods)");
	ok(shottracker_period_parse("Q5", false, &p) < 0, "Q5 refused");
	ok(shottracker_period_parse("H3", false, &p) < 0, "H3 refused");
	ok(shottracker_period_parse("", false, &p) < 0, "empty refused");
	ok(shottracker_period_parse("Q1x", false, &p) < 0, "trailing junk refused");
	ok(shottracker_period_parse("OT-1", false, &p) < 0, "OT-1 refused");
}

static void
load_game(struct shottracker_ctx *c)
{
	shottracker_ctx_init(c, &sink, "062a3726-3b0f-11eb-86c4-02420043683b");
	parse_file(c, "rest:/v1/data/games/062a3726-3b0f-11eb-86c4-02420043683b", "game.json");
	parse_file(c, "rest:/v1/data/teams/552,SHOTTRACKER", "roster_552.json");
	parse_file(c, "rest:/v1/data/teams/526,SHOTTRACKER", "roster_526.json");
}

static void
test_game_and_rosters(void)
{
	struct shottracker_ctx c;
	const struct cs_event *ev;
	const struct cs_team_info *t;

	reset();
	shottracker_ctx_init(&c, &sink, "062a3726-3b0f-11eb-86c4-02420043683b");
	is_int(parse_file(&c, "rest:/v1/data/games/062a3726-3b0f-11eb-86c4-02420043683b",
	    "game.json"), 0, "game event parses");
	is_str(c.team_id[CS_HOME], "552", "home team id from a number");
	is_str(c.team_id[CS_AWAY], "526", "away team id from a string");
	is_int(col.ngame, 1, "one game header");
	is_str(col.game.status, "inprogress", "ACTIVE is inprogress");
	is_int(col.game.format, CS_FORMAT_QUARTERS, "QUARTER format");
	ok(!col.game.has_team[0] && !col.game.has_team[1], "the header leaves teams alone");
	is_int(col.nev, 3, "Q1 start+end, Q2 start");
	ev = find("period:Q1:start");
	ok(ev != NULL && ev->type == CS_EV_PERIOD_START && ev->clock == 7200 &&
	    ev->sequence == 1700000000000LL && ev->period.sequence == 1 && ev->number == 0,
	    "Q1 start: full clock at started_at");
	ev = find("period:Q1:end");
	ok(ev != NULL && ev->type == CS_EV_PERIOD_END && ev->clock == 0 &&
	    ev->sequence == 1700000900000LL, "Q1 end: clock 0 at ended_at");
	ok(find("period:Q2:start") != NULL && find("period:Q2:end") == NULL,
	    "Q2 running: no end");
	ok(find("game:end") == NULL && !c.game_over, "ACTIVE: no game end");

	reset();
	is_int(parse_file(&c, "rest:/v1/data/teams/552,SHOTTRACKER", "roster_552.json"), 0,
	    "home roster parses");
	ok(col.ngame == 1 && col.game.has_team[CS_HOME] && !col.game.has_team[CS_AWAY],
	    "the roster replaces the home side only");
	t = &col.game.team[CS_HOME];
	is_str(t->id, "552", "team id");
	is_str(t->name, "Home Team", "team name");
	is_str(t->alias, "HOM", "alias from abbr");
	is_int(t->color, 0x0066CC, "color from color_rgb");
	is_int(t->nplayers, 7, "active players first, the inactive one fits");
	is_str(t->players[0].id, "7269", "player id from a number");
	is_str(t->players[0].name, "Jo Ray", "display_name");
	is_str(t->players[0].jersey, "00", "jersey_number_str keeps 00");
	is_str(t->players[0].position, "G", "position");
	ok(t->players[0].starter, "is_starter");
	is_str(t->players[3].name, "Ce Dy", "first + last without display_name");
	is_str(t->players[5].name, "Ez]0;pwned Fy", "control characters stripped");
	ok(!t->players[5].starter, "bench player");
	is_str(t->players[6].id, "7275", "the inactive player last");
	is_str(col.game.status, "inprogress", "the status rides along");

	reset();
	is_int(parse_file(&c, "rest:/v1/data/teams/526,SHOTTRACKER", "roster_526.json"), 0,
	    "away roster parses");
	ok(col.game.has_team[CS_AWAY] && !col.game.has_team[CS_HOME], "away side only");
	is_int(col.game.team[CS_AWAY].color, 0xCC0000, "#RRGGBB colour");
	is_int(col.game.team[CS_AWAY].nplayers, 6, "six players");

	reset();
	ok(shottracker_parse_roster(&c, "{\"id\":999,\"players\":[]}", 26) < 0 &&
	    col.nwarn == 1 && col.ngame == 0, "a roster of another team: warning, nothing sent");
	reset();
	ok(shottracker_parse_game(&c, "{\"id\":\"other\",\"home_team_id\":1,\"away_team_id\":2}",
	    51) < 0 && col.nwarn == 1 && strcmp(c.team_id[CS_HOME], "552") == 0,
	    "the game event of another game is refused");
	shottracker_ctx_free(&c);

	/* halves, a finished game, periods without labels */
	reset();
	shottracker_ctx_init(&c, &sink, NULL);
	{
		const char *g = "{\"id\":\"g2\",\"status\":\"COMPLETE\",\"game_type\":\"HALF\","
		    "\"home_team_id\":\"1\",\"away_team_id\":\"2\",\"results\":["
		    "{\"type\":\"GAME_ROUND\",\"started_at\":3000,\"ended_at\":4000},"
		    "{\"type\":\"GAME_ROUND\",\"started_at\":1000,\"ended_at\":2000},"
		    "{\"type\":\"GAME_ROUND\",\"started_at\":5000,\"ended_at\":6000},"
		    "{\"type\":\"DRILL\",\"started_at\":1,\"ended_at\":2}]}";

		is_int(shottracker_parse_game(&c, g, strlen(g)), 0, "halves game parses");
		is_int(col.game.format, CS_FORMAT_HALVES, "HALF format");
		is_str(col.game.status, "closed", "COMPLETE is closed");
		is_str(c.game_id, "g2", "game id learned");
		ev = find("period:H1:start");
		ok(ev != NULL && ev->sequence == 1000 && ev->clock == 12000,
		    "unlabelled periods ordered by started_at; 20:00 halves");
		ok(find("period:H2:end") != NULL && find("period:OT1:start") != NULL &&
		    find("period:OT1:start")->period.sequence == 3 &&
		    find("period:OT1:start")->clock == 3000, "the third is OT1, 5:00");
		ev = find("game:end");
		ok(ev != NULL && ev->type == CS_EV_GAME_END && ev->sequence == 6000 &&
		    ev->period.sequence == 3, "COMPLETE gives game:end in the last period");
		ok(c.game_over, "game over");
		is_int(col.nev, 7, "drills are not periods");
	}
	shottracker_ctx_free(&c);
}

/*
 * The Game Event exactly as the vendor prints it (tests/data/seeds, page
 * 000): the teams only under game_attributes, no status (started_at and
 * ended_at say it), periods without labels, game_type HALF.
 */
static void
test_seed_game_event(void)
{
	struct shottracker_ctx c;
	const struct cs_event *ev;
	size_t len;
	char *buf;

	reset();
	shottracker_ctx_init(&c, &sink, "cf3ba789-06c4-11e8-bb65-0242286dfad2");
	buf = slurp_in("seeds", "st_game_event.json", &len);
	is_int(shottracker_parse_message(&c, "rest:/v1/data/games/cf3ba789-06c4-11e8-bb65-0242286dfad2",
	    buf, len, NULL), 0, "seed game event: read");
	free(buf);
	is_int(col.nwarn, 0, "seed game event: no warning");
	ok(c.have_game, "seed game event: the game is known");
	is_str(c.team_id[CS_HOME], "461", "seed game event: home_team_id from game_attributes");
	is_str(c.team_id[CS_AWAY], "469", "seed game event: away_team_id from game_attributes");
	ok(col.teamgame.has_team[CS_HOME] && col.teamgame.has_team[CS_AWAY],
	    "seed game event: both teams sent");
	is_str(col.teamgame.team[CS_HOME].id, "461", "seed game event: home id sent");
	is_str(col.teamgame.team[CS_HOME].name, "TeamAppTeam", "seed game event: home_team_name");
	is_str(col.teamgame.team[CS_AWAY].id, "469", "seed game event: away id sent");
	is_str(col.teamgame.team[CS_AWAY].name, "TestTeamAlpha", "seed game event: away_team_name");
	is_str(col.game.id, "cf3ba789-06c4-11e8-bb65-0242286dfad2", "seed game event: game id");
	is_int(col.game.format, CS_FORMAT_HALVES, "seed game event: HALF is halves");
	is_str(col.game.game_type, "HALF", "seed game event: game_type kept raw");
	is_str(col.game.gender, "", "seed game event: no gender");
	is_str(col.game.status, "closed", "seed game event: ended_at set is closed");
	ok(c.game_over, "seed game event: game over");
	is_int(col.nev, 5, "seed game event: two halves, start and end, and the game end");
	ev = find("period:H1:start");
	ok(ev != NULL && ev->sequence == 1517430299810LL && ev->clock == 12000 &&
	    ev->period.type == CS_PERIOD_HALF && ev->period.number == 1,
	    "seed game event: H1 starts at its started_at, 20:00");
	ev = find("period:H1:end");
	ok(ev != NULL && ev->sequence == 1517431728868LL && ev->clock == 0,
	    "seed game event: H1 ends at its ended_at");
	ev = find("period:H2:start");
	ok(ev != NULL && ev->sequence == 1517431730064LL && ev->period.sequence == 2,
	    "seed game event: the second GAME_ROUND is H2");
	ev = find("period:H2:end");
	ok(ev != NULL && ev->sequence == 1517431732978LL, "seed game event: H2 ends");
	ev = find("game:end");
	ok(ev != NULL && ev->sequence == 1517431732978LL && ev->period.sequence == 2,
	    "seed game event: the game ends with H2");
	shottracker_ctx_free(&c);

	/* a roster already read is not replaced by the game event's names */
	reset();
	shottracker_ctx_init(&c, &sink, NULL);
	{
		const char *g = "{\"id\":\"g\",\"game_attributes\":{\"home_team_id\":552,"
		    "\"home_team_name\":\"H\",\"away_team_id\":526,\"away_team_name\":\"A\","
		    "\"gender\":\"WOMEN\"},\"started_at\":1000,\"ended_at\":null,\"results\":[]}";

		is_int(shottracker_parse_game(&c, g, strlen(g)), 0, "game_attributes game parses");
		is_str(col.game.status, "inprogress", "started_at without ended_at is inprogress");
		ok(!c.game_over, "and not over");
		is_str(col.game.gender, "WOMEN", "gender from game_attributes, raw");
		is_str(col.game.game_type, "", "no game_type: empty");
		is_int(col.game.format, CS_FORMAT_QUARTERS, "no game_type: quarters");
		is_int(parse_file(&c, "rest:/v1/data/teams/552,SHOTTRACKER", "roster_552.json"), 0,
		    "the roster after it");
		reset();
		is_int(shottracker_parse_game(&c, g, strlen(g)), 0, "the game event again");
		ok(!col.game.has_team[CS_HOME] && col.game.has_team[CS_AWAY] &&
		    strcmp(col.game.team[CS_AWAY].name, "A") == 0,
		    "names only the side without a roster");
	}
	shottracker_ctx_free(&c);

	reset();
	shottracker_ctx_init(&c, &sink, NULL);
	{
		const char *g = "{\"id\":\"g\",\"home_team_id\":1,\"away_team_id\":2,"
		    "\"game_attributes\":{\"home_team_id\":3,\"away_team_id\":4},"
		    "\"started_at\":null,\"gender\":\"M\\u001b[2J\"}";

		is_int(shottracker_parse_game(&c, g, strlen(g)), 0, "both shapes at once parse");
		is_str(c.team_id[CS_HOME], "3", "game_attributes wins (the vendor's shape)");
		is_str(col.game.status, "scheduled", "started_at null is scheduled");
		is_str(col.game.gender, "M[2J", "a top-level gender, stripped of control characters");
		ok(!col.game.has_team[CS_HOME] && !col.game.has_team[CS_AWAY],
		    "no names: the teams are left alone");
	}
	shottracker_ctx_free(&c);

	/* the seed's error bodies are not a game */
	reset();
	shottracker_ctx_init(&c, &sink, NULL);
	buf = slurp_in("seeds", "st_game_event_404.json", &len);
	ok(shottracker_parse_game(&c, buf, len) < 0 && !c.have_game && col.nwarn == 1,
	    "the 404 body is refused with one warning");
	free(buf);
	shottracker_ctx_free(&c);
}

static void
test_catchup(void)
{
	struct shottracker_ctx c;
	const struct cs_event *ev;
	const struct cs_stat *st;
	int n;

	reset();
	load_game(&c);
	reset();
	n = parse_file(&c, "rest:/v1/data/stats/games/062a3726-3b0f-11eb-86c4-02420043683b/stats,details,shots,possessions",
	    "catchup.json");
	is_int(n, 0, "catch-up parses");
	is_int(col.nev, 26, "26 play items");
	is_int(col.ndel, 1, "one retraction");
	is_int(col.nwarn, 0, "no warnings on good input");

	ev = find("7269:1700000010000:FG");
	ok(ev != NULL, "id actorId:timestamp:baseStats");
	if (ev != NULL) {
		is_int(ev->type, CS_EV_TWO_MADE, "TWO_POINT_MAKE");
		is_int(ev->side, CS_HOME, "home by teamId");
		is_int(ev->sequence, 1700000010000LL, "sequence = timestamp");
		is_int(ev->period.sequence, 1, "Q1");
		is_int(ev->clock, 7100, "clock 11:50.0");
		st = stat_of(ev, CS_STAT_FIELD_GOAL);
		ok(st != NULL && st->made && !st->three && st->points == 2 &&
		    strcmp(st->player.id, "7269") == 0, "two made by 7269");
		ok(ev->has_location && ev->x == 170 && ev->y == 261,
		    "location mm -> inches (%d,%d)", ev->x, ev->y);
		is_str(ev->provider_type, "TWO_POINT_MAKE", "provider type");
		ok(!ev->corrected, "not corrected");
	}
	ev = find("7270:1700000010000:AST");
	ok(ev != NULL && ev->type == CS_EV_OTHER && has_stat(ev, CS_STAT_ASSIST, "7270", CS_HOME),
	    "assist (numeric actorId)");
	ok(ev != NULL && ev->number > find("7269:1700000010000:FG")->number,
	    "the assist sorts after the shot");
	ev = find("7097:1700000020000:FG");
	st = stat_of(ev, CS_STAT_FIELD_GOAL);
	ok(ev != NULL && ev->type == CS_EV_THREE_MADE && ev->side == CS_AWAY && st != NULL &&
	    st->made && st->three && st->points == 3, "three made by the away team");
	ok(ev != NULL && strchr(ev->description, '\x1b') == NULL &&
	    strcmp(ev->description, "John Doe makes a three [31mred[0m") == 0,
	    "description sanitized");
	ok(ev != NULL && ev->x == 875 && ev->y == 423, "three location (%d,%d)",
	    ev ? ev->x : 0, ev ? ev->y : 0);
	ev = find("7269:1700000030000:FG");
	st = stat_of(ev, CS_STAT_FIELD_GOAL);
	ok(ev != NULL && ev->type == CS_EV_THREE_MISSED && st != NULL && !st->made &&
	    st->three && st->points == 0, "three missed");
	ok(has_stat(find("7098:1700000030000:BLK"), CS_STAT_BLOCK, "7098", CS_AWAY), "block");
	ev = find("7099:1700000031000:REB");
	st = stat_of(ev, CS_STAT_REBOUND);
	ok(ev != NULL && ev->type == CS_EV_REBOUND && st != NULL && !st->offensive &&
	    strcmp(st->player.id, "7099") == 0, "defensive rebound");
	st = stat_of(find("7098:1700000041000:REB"), CS_STAT_REBOUND);
	ok(st != NULL && st->offensive, "offensive rebound");
	ev = find("7097:1700000040000:FG");
	ok(ev != NULL && ev->type == CS_EV_TWO_MISSED && !stat_of(ev, CS_STAT_FIELD_GOAL)->made,
	    "two missed");
	ev = find("7270:1700000050000:PF");
	ok(ev != NULL && ev->type == CS_EV_SHOOTING_FOUL &&
	    has_stat(ev, CS_STAT_PERSONAL_FOUL, "7270", CS_HOME) && ev->nstats == 1,
	    "shooting foul: one PF");
	ok(has_stat(find("7097:1700000050000:FD"), CS_STAT_FOUL_DRAWN, "7097", CS_AWAY),
	    "foul drawn");
	ev = find("7097:1700000051000:FT");
	st = stat_of(ev, CS_STAT_FREE_THROW);
	ok(ev != NULL && ev->type == CS_EV_FREE_THROW_MADE && st != NULL && st->made &&
	    st->points == 1, "free throw made");
	st = stat_of(find("7097:1700000052000:FT"), CS_STAT_FREE_THROW);
	ok(st != NULL && !st->made && st->points == 0, "free throw missed");
	ev = find("552:1700000053000:TEAM_REB");
	st = stat_of(ev, CS_STAT_REBOUND);
	ok(ev != NULL && st != NULL && st->player.id[0] == '\0' && st->side == CS_HOME &&
	    !st->offensive, "team rebound: a team statistic");
	ev = find("7271:1700000060000:TO");
	ok(ev != NULL && ev->type == CS_EV_TURNOVER &&
	    has_stat(ev, CS_STAT_TURNOVER, "7271", CS_HOME), "live ball turnover");
	ok(has_stat(find("7100:1700000060000:STL"), CS_STAT_STEAL, "7100", CS_AWAY), "steal");
	ok(has_stat(find("7101:1700000070000:TO"), CS_STAT_TURNOVER, "7101", CS_AWAY),
	    "dead ball turnover");
	ev = find("526:1700000080000:TEAM_TO");
	ok(ev != NULL && has_stat(ev, CS_STAT_TURNOVER, "", CS_AWAY),
	    "team turnover: a team statistic");
	ev = find("7272:1700000090000:PF");
	ok(ev != NULL && ev->type == CS_EV_PERSONAL_FOUL && ev->nstats == 1, "personal foul");
	ev = find("7099:1700000100000:PF");
	ok(ev != NULL && ev->type == CS_EV_OFFENSIVE_FOUL &&
	    has_stat(ev, CS_STAT_PERSONAL_FOUL, "7099", CS_AWAY) &&
	    has_stat(ev, CS_STAT_OFFENSIVE_FOUL, "7099", CS_AWAY), "offensive foul: PF + offensive");
	ok(find("7099:1700000100000:TO") != NULL, "its turnover item is its own event");
	ev = find("7273:1700000110000:TF");
	ok(ev != NULL && ev->type == CS_EV_TECHNICAL_FOUL && ev->nstats == 1 &&
	    has_stat(ev, CS_STAT_TECHNICAL_FOUL, "7273", CS_HOME), "technical: not a PF");
	ev = find("7101:1700000120000:PF");
	ok(ev != NULL && ev->type == CS_EV_FLAGRANT_FOUL &&
	    has_stat(ev, CS_STAT_PERSONAL_FOUL, "7101", CS_AWAY) &&
	    has_stat(ev, CS_STAT_FLAGRANT_FOUL, "7101", CS_AWAY), "flagrant: PF + flagrant");
	ev = find("552:1700000130000:TIMEOUT");
	ok(ev != NULL && ev->type == CS_EV_TIMEOUT && ev->side == CS_HOME &&
	    ev->timeouts_remaining == 6 && ev->nstats == 0, "timeout with remaining");
	ev = find("552:1700000899000:FG");
	st = stat_of(ev, CS_STAT_FIELD_GOAL);
	ok(ev != NULL && ev->type == CS_EV_HEAVE && st != NULL && st->player.id[0] == '\0' &&
	    !st->made && st->three, "missed heave: a team attempt");
	ev = find("7269:1700001010000:FG");
	ok(ev != NULL && ev->corrected && ev->period.sequence == 2, "corrected flag, Q2");
	ok(deleted("7097:1700001020000:FG") && find("7097:1700001020000:FG") == NULL,
	    "deleted: a delete, no upsert");

	is_int(col.npub, 2, "two published lines");
	ok(col.pub[0].side == CS_HOME && strcmp(col.pub[0].player_id, "7269") == 0 &&
	    col.pub[0].version == 12 && col.pub[0].value[CS_COL_PTS] == 4 &&
	    col.pub[0].value[CS_COL_TPA] == 1 && col.pub[0].value[CS_COL_AST] == CS_UNKNOWN,
	    "player line; missing columns unknown");
	ok(col.pub[1].side == CS_AWAY && col.pub[1].player_id[0] == '\0',
	    "team line has no player");
	ok(c.have_totals && c.totals_points[CS_HOME] == 4 && c.totals_points[CS_AWAY] == 4 &&
	    strcmp(c.totals_period, "Q2") == 0, "gameTotals noted");

	/* The same catch-up again: the same events, nothing deleted. */
	reset();
	parse_file(&c, "rest:/v1/data/stats/games/x/stats,details", "catchup.json");
	ok(col.nev == 26 && col.ndel == 1, "a repeat is the same upserts");

	/* A later catch-up without a play: the play is taken back. */
	reset();
	{
		const char *doc = "{\"details\":[{\"key\":{\"actorId\":\"7269\",\"timestamp\":1700000010000},"
		    "\"baseStats\":\"FG\",\"classification\":\"TWO_POINT_MAKE\",\"period\":\"Q1\","
		    "\"teamId\":\"552\",\"pid\":\"7269\",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2}}]}";

		is_int(shottracker_parse_catchup(&c, doc, strlen(doc)), 1, "short catch-up");
		is_int(col.ndel, 25, "the 25 plays it lacks are deleted");
		ok(!deleted("7269:1700000010000:FG"), "the one it has stays");
		reset();
		shottracker_parse_catchup(&c, doc, strlen(doc));
		is_int(col.ndel, 0, "and only once");
	}

	/* The game ended between the game event (ACTIVE) and the catch-up: its
	 * totals say COMPLETE, and no socket will bring a GAME_END, so the
	 * catch-up closes the game itself (the demo at --speed max ended
	 * "inprogress" one time in ten). */
	reset();
	{
		const char *doc = "{\"details\":[{\"key\":{\"actorId\":\"7269\",\"timestamp\":1700000010000},"
		    "\"baseStats\":\"FG\",\"classification\":\"TWO_POINT_MAKE\",\"period\":\"Q4\","
		    "\"teamId\":\"552\",\"pid\":\"7269\",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2}}],"
		    "\"gameTotals\":{\"status\":\"COMPLETE\",\"period\":\"Q4\"}}";

		ok(strcmp(c.info.status, "closed") != 0, "before: the game is not closed");
		shottracker_parse_catchup(&c, doc, strlen(doc));
		ok(c.game_over, "gameTotals COMPLETE: the game is over");
		is_str(col.game.status, "closed", "and the model hears it is closed");
		ok(find("game:end") != NULL && find("game:end")->type == CS_EV_GAME_END &&
		    find("game:end")->period.sequence == 4, "with its end, in the last period");
	}
	shottracker_ctx_free(&c);
}

static void
test_lineups(void)
{
	struct shottracker_ctx c;
	const struct cs_event *ev;

	reset();
	load_game(&c);
	reset();
	is_int(parse_file(&c, "rest:/v1/data/games/x/lineups", "lineups.json"), 0,
	    "lineups parse");
	is_int(col.nev, 3, "three lineups");
	ev = find("lineup:552:1700000000000");
	ok(ev != NULL && ev->type == CS_EV_SUBSTITUTION && ev->has_on_court[CS_HOME] &&
	    !ev->has_on_court[CS_AWAY] && strcmp(ev->on_court[CS_HOME][4].id, "7273") == 0 &&
	    ev->period.sequence == 1 && ev->clock == 7200 && ev->number == 1,
	    "home five at tip-off");
	ev = find("lineup:526:1700000000000");
	ok(ev != NULL && ev->has_on_court[CS_AWAY] &&
	    strcmp(ev->on_court[CS_AWAY][0].id, "7097") == 0, "away five, numeric ids");
	ev = find("lineup:552:1700000111000");
	ok(ev != NULL && strcmp(ev->on_court[CS_HOME][4].id, "7274") == 0, "a substitution");

	reset();
	{
		const char *doc = "{\"lineups\":[{\"teamId\":\"552\",\"playerIds\":[1,2,3,4,5,6],"
		    "\"timestamp\":5,\"period\":\"Q1\"},{\"teamId\":\"9\",\"playerIds\":[1],"
		    "\"timestamp\":6,\"period\":\"Q1\"},{\"teamId\":\"552\",\"playerIds\":[{}],"
		    "\"timestamp\":7,\"period\":\"Q1\"},{\"teamId\":\"552\",\"playerIds\":[1,2,3,4,5],"
		    "\"period\":\"Q1\"}]}";

		is_int(shottracker_parse_lineups(&c, doc, strlen(doc)), 0, "no good lineup");
		is_int(col.nwarn, 4, "six players, another team, a bad id, no timestamp: warned");
		is_int(col.ndel, 3, "the history without them takes the old ones back");
	}
	shottracker_ctx_free(&c);
}

static void
test_subscribe(void)
{
	char tok[64];

	ok(shottracker_parse_subscribe("{\"token\":\"abc\",\"expires_at\":1}", 30, tok,
	    sizeof tok) == 0 && strcmp(tok, "abc") == 0, "token");
	ok(shottracker_parse_subscribe("{\"subscription_token\":\"def\"}", 29, tok,
	    sizeof tok) == 0 && strcmp(tok, "def") == 0, "subscription_token");
	ok(shottracker_parse_subscribe("\"ghi\"", 5, tok, sizeof tok) == 0 &&
	    strcmp(tok, "ghi") == 0, "a bare string");
	ok(shottracker_parse_subscribe("{\"t\":\"x\"}", 9, tok, sizeof tok) < 0, "no token");
	ok(shottracker_parse_subscribe("{\"token\":\"a b\"}", 15, tok, sizeof tok) < 0,
	    "a token with a space is refused");
	ok(shottracker_parse_subscribe("{\"token\":\"\"}", 12, tok, sizeof tok) < 0,
	    "an empty token is refused");
	ok(shottracker_parse_subscribe("{\"token\":\"abcdefgh\"}", 19, tok, 4) < 0,
	    "a token too long for the buffer is refused");
	ok(shottracker_parse_subscribe("{\"token\":12}", 12, tok, sizeof tok) < 0,
	    "a number is not a token");
	ok(shottracker_parse_subscribe("not json", 8, tok, sizeof tok) < 0, "not JSON");
}

static void
test_frames(void)
{
	struct shottracker_ctx c;
	struct shottracker_frame_info info;
	const struct cs_event *ev;
	size_t len;
	char *buf = slurp("frames.ndjson", &len), *line, *save = NULL;
	int i = 0, bad = 0, rc;
	int64_t seqs[16];
	enum shottracker_source src[16];
	bool end[16];

	reset();
	load_game(&c);
	reset();
	for (line = strtok_r(buf, "\n", &save); line != NULL && i < 16;
	    line = strtok_r(NULL, "\n", &save), i++) {
		rc = shottracker_parse_message(&c, "ws", line, strlen(line), &info);
		if (rc != 0)
			bad++;
		seqs[i] = info.has_seq ? info.seq : -1;
		src[i] = info.source;
		end[i] = info.game_end;
	}
	free(buf);
	is_int(i, 14, "14 frames");
	is_int(bad, 0, "every frame usable");
	is_int(col.nwarn, 0, "no warnings");
	ok(seqs[0] == 1 && seqs[4] == 5 && seqs[6] == -1 && seqs[10] == 9,
	    "seq read (string \"9\" under \"sequence\" too)");
	ok(src[4] == ST_SOURCE_DETAILS && src[5] == ST_SOURCE_SHOTS && src[6] == ST_SOURCE_CLOCK &&
	    src[7] == ST_SOURCE_STATS && src[8] == ST_SOURCE_MARKER &&
	    src[9] == ST_SOURCE_POSSESSIONS && src[10] == ST_SOURCE_DETAILS &&
	    src[11] == ST_SOURCE_UNKNOWN, "sources (and `type` for `source`)");
	ok(end[13] && !end[12], "GAME_END flagged");
	ok(c.game_over, "the game is over");

	ok(find("period:Q1:start") != NULL && find("period:Q1:start")->sequence == 1700000000000LL,
	    "PERIOD_START marker: same id as REST");
	ev = find("lineup:552:1700000000000");
	ok(ev != NULL && ev->has_on_court[CS_HOME] && ev->type == CS_EV_SUBSTITUTION,
	    "LINEUP marker: same id as REST, timestamp from the frame");
	ok(col.teamgame.team[CS_HOME].color == 0xFFFFFF &&
	    col.teamgame.team[CS_AWAY].color == 0x112233 &&
	    col.teamgame.has_team[CS_HOME] && col.teamgame.has_team[CS_AWAY] &&
	    strcmp(col.teamgame.team[CS_HOME].name, "Home Team") == 0,
	    "JERSEY_COLORS: colours on the rosters we have");
	ok(find("7269:1700000010000:FG") != NULL, "details frame -> event");
	ok(col.nclock == 1 && col.clock.clock == 7090 && col.clock.shot_clock == 230 &&
	    col.clock.running && col.clock.period.sequence == 1, "clock frame");
	ok(col.npub == 1 && col.pub[0].version == 1941 && col.pub[0].value[CS_COL_PTS] == 2 &&
	    col.pub[0].side == CS_HOME && strcmp(col.pub[0].player_id, "7269") == 0,
	    "stats frame (floats, numeric ids)");
	ev = find("552:1700000130000:TIMEOUT");
	ok(ev != NULL && ev->type == CS_EV_TIMEOUT && ev->timeouts_remaining == 6,
	    "TIMEOUT marker: the details item's id");
	ev = find("7097:1700000020000:FG");
	ok(ev != NULL && ev->side == CS_AWAY && ev->type == CS_EV_THREE_MADE,
	    "numeric teamId and pid in a frame");
	ok(find("period:Q1:end") != NULL, "PERIOD_END marker");
	ev = find("game:end");
	ok(ev != NULL && ev->period.sequence == 1 && ev->sequence == 1700000950000LL,
	    "GAME_END marker -> game:end");
	is_str(col.game.status, "closed", "GAME_END closes the game");

	/* Out of order and duplicates: an item applied at a higher seq stays. */
	reset();
	{
		const char *newer = "{\"source\":\"details\",\"seq\":100,\"data\":{\"key\":{\"actorId\":\"7269\","
		    "\"timestamp\":1700000010000},\"baseStats\":\"FG\",\"classification\":\"TWO_POINT_MAKE\","
		    "\"period\":\"Q1\",\"teamId\":\"552\",\"pid\":\"7269\",\"corrected\":true,"
		    "\"description\":\"v2\",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2}}}";
		const char *older = "{\"source\":\"details\",\"seq\":90,\"data\":{\"key\":{\"actorId\":\"7269\","
		    "\"timestamp\":1700000010000},\"baseStats\":\"FG\",\"classification\":\"TWO_POINT_MISS\","
		    "\"period\":\"Q1\",\"teamId\":\"552\",\"pid\":\"7269\",\"description\":\"v1\","
		    "\"stats\":{\"FGA\":1}}}";
		const char *del = "{\"source\":\"details\",\"seq\":110,\"data\":{\"key\":{\"actorId\":\"7269\","
		    "\"timestamp\":1700000010000},\"baseStats\":\"FG\",\"deleted\":true}}";

		shottracker_parse_frame(&c, newer, strlen(newer), &info);
		ok(col.nev == 1 && info.stale == 0, "seq 100 applied");
		shottracker_parse_frame(&c, older, strlen(older), &info);
		ok(col.nev == 1 && info.stale == 1 && info.seq == 90, "seq 90 after 100: stale, skipped");
		shottracker_parse_frame(&c, newer, strlen(newer), &info);
		ok(col.nev == 1 && info.stale == 1, "a duplicate of 100: skipped");
		shottracker_parse_frame(&c, del, strlen(del), &info);
		ok(col.ndel == 1 && deleted("7269:1700000010000:FG"), "deleted at 110");
		shottracker_parse_frame(&c, newer, strlen(newer), &info);
		ok(col.nev == 1, "the late 100 cannot resurrect it");
		/* a REST catch-up is the truth as of now: it applies whatever the seq */
		reset();
		parse_file(&c, "rest:/v1/data/stats/games/x/details", "catchup.json");
		ok(find("7269:1700000010000:FG") != NULL, "REST re-applies the play");
	}

	/* an array of envelopes, and pong */
	reset();
	{
		const char *arr = "[{\"source\":\"clock\",\"data\":{\"period\":\"Q2\",\"gameClock\":\"7:21.4\","
		    "\"running\":false}},{\"source\":\"marker\",\"seq\":\"12\",\"timestamp\":5,"
		    "\"data\":{\"marker\":\"PERIOD_START\",\"period\":\"Q3\"}}]";

		rc = shottracker_parse_frame(&c, arr, strlen(arr), &info);
		ok(rc == 0 && info.frames == 2 && col.nclock == 1 && col.clock.clock == 4414 &&
		    !col.clock.running && find("period:Q3:start") != NULL && info.seq == 12,
		    "an array of envelopes");
		rc = shottracker_parse_frame(&c, " pong\n", 6, &info);
		ok(rc == 0 && info.source == ST_SOURCE_PONG && col.nwarn == 0, "pong");
	}
	shottracker_ctx_free(&c);
}

/* Bad input: a warning each, no event, no crash. */
static void
test_garbage(void)
{
	static const char *const frames[] = {
		"",
		"not json",
		"{\"source\":\"details\",\"seq\":1,\"data\":{\"key\":{\"actorId\":",
		"{\"source\":\"details\"} trailing",
		"[\"x\"]",
		"42",
		"null",
		"{\"seq\":1,\"data\":{}}",
		"{\"source\":7,\"data\":{}}",
		"{\"source\":\"details\",\"seq\":-4,\"data\":{}}",
		"{\"source\":\"details\",\"seq\":99999999999999999999999,\"data\":{}}",
		"{\"source\":\"details\",\"seq\":1e300,\"data\":{}}",
		"{\"source\":\"details\",\"seq\":\"12abc\",\"data\":{}}",
		"{\"source\":\"details\",\"seq\":2,\"data\":\"a string\"}",
		"{\"source\":\"details\",\"seq\":3,\"data\":{}}",
		"{\"source\":\"details\",\"seq\":4,\"data\":{\"key\":{\"actorId\":{},\"timestamp\":1}}}",
		"{\"source\":\"details\",\"seq\":5,\"data\":{\"key\":{\"actorId\":\"1\",\"timestamp\":1e300},\"baseStats\":\"FG\"}}",
		"{\"source\":\"details\",\"seq\":6,\"data\":{\"key\":{\"actorId\":\"1\",\"timestamp\":-5},\"baseStats\":\"FG\"}}",
		"{\"source\":\"details\",\"seq\":7,\"data\":{\"key\":{\"actorId\":\"1\",\"timestamp\":5},\"baseStats\":\"FG\",\"period\":\"Q9\"}}",
		"{\"source\":\"details\",\"seq\":8,\"data\":{\"key\":{\"actorId\":\"1\",\"timestamp\":5},\"baseStats\":[],\"period\":\"Q1\"}}",
		"{\"source\":\"details\",\"seq\":9,\"data\":{\"key\":{\"actorId\":\"a/b\",\"timestamp\":5},\"baseStats\":\"FG\",\"period\":\"Q1\"}}",
		"{\"source\":\"details\",\"seq\":10,\"data\":{\"key\":{\"actorId\":\"1\",\"timestamp\":5},\"baseStats\":\"F G\",\"period\":\"Q1\"}}",
		"{\"source\":\"details\",\"seq\":11,\"data\":{\"key\":{\"actorId\":\"1234567890123456789012345678901234567890123456789012345678901\",\"timestamp\":5},\"baseStats\":\"FG\",\"period\":\"Q1\"}}",
		"{\"source\":\"marker\",\"seq\":12,\"data\":{}}",
		"{\"source\":\"marker\",\"seq\":13,\"data\":{\"marker\":\"PERIOD_START\"}}",
		"{\"source\":\"marker\",\"seq\":14,\"timestamp\":5,\"data\":{\"marker\":\"LINEUP\",\"teamId\":\"552\",\"playerIds\":\"x\",\"period\":\"Q1\"}}",
		"{\"source\":\"marker\",\"seq\":15,\"timestamp\":5,\"data\":{\"marker\":\"TIMEOUT\",\"teamId\":\"77\"}}",
		"{\"source\":\"marker\",\"seq\":16,\"data\":{\"marker\":\"JERSEY_COLORS\",\"homeColor\":\"red\"}}",
		"{\"source\":\"clock\",\"data\":{\"period\":\"Q1\",\"gameClock\":\"ab:cd\"}}",
		"{\"source\":\"clock\",\"data\":{\"gameClock\":\"1:00\"}}",
		"{\"source\":\"clock\",\"data\":{\"period\":\"Q1\",\"gameClock\":\"99999999999:00\"}}",
		"{\"source\":\"stats\",\"data\":{\"team_id\":9999,\"stats\":{}}}",
		"{\"source\":\"stats\",\"data\":{\"team_id\":552,\"stats\":7}}",
		"{\"source\":\"stats\",\"data\":{\"stats\":{}}}",
		"{\"source\":\"details\",\"seq\":17,\"data\":{\"key\":{\"actorId\":\"1\",\"timestamp\":5},\"baseStats\":\"FG\"}}",
	};
	struct shottracker_ctx c;
	struct shottracker_frame_info info;
	char *big, deep[200];
	size_t i;
	int fails = 0, before;

	reset();
	load_game(&c);
	reset();
	for (i = 0; i < sizeof frames / sizeof frames[0]; i++) {
		before = col.nwarn;
		if (shottracker_parse_frame(&c, frames[i], strlen(frames[i]), &info) == 0)
			printf("# accepted: %s\n", frames[i]);
		else
			fails++;
		if (col.nwarn != before + 1)
			printf("# %d warnings for: %s\n", col.nwarn - before, frames[i]);
	}
	is_int(fails, (int)(sizeof frames / sizeof frames[0]), "every bad frame refused");
	is_int(col.nwarn, (int)(sizeof frames / sizeof frames[0]), "one warning each");
	is_int(col.nev + col.ndel + col.nclock + col.npub, 0, "nothing delivered");
	for (i = 0; i < (size_t)col.nwarn && i < MAXC; i++)
		if (strchr(col.warn[i], '\n') != NULL || strlen(col.warn[i]) > 250)
			break;
	is_int(i, col.nwarn, "warnings are one short line");

	/* unusable values inside an otherwise good item: dropped, item kept */
	reset();
	{
		const char *f = "{\"source\":\"details\",\"seq\":30,\"data\":{\"key\":{\"actorId\":\"7269\","
		    "\"timestamp\":\"1700000500000\"},\"baseStats\":\"FG\",\"classification\":\"WEIRD_NEW_THING\","
		    "\"period\":\"Q1\",\"teamId\":\"552\",\"pid\":7269,\"playerX\":1e308,\"playerY\":5,"
		    "\"gameClock\":null,\"stats\":{\"FGA\":\"x\",\"FG\":null,\"PTS\":99999999999999999999,"
		    "\"AST\":-3},\"unknown\":{\"deep\":[1,2,3]}}}";
		const struct cs_event *ev;

		ok(shottracker_parse_frame(&c, f, strlen(f), &info) == 0, "odd values: item kept");
		ev = find("7269:1700000500000:FG");
		ok(ev != NULL && ev->type == CS_EV_OTHER && !ev->has_location && ev->nstats == 0 &&
		    ev->clock == CS_NO_CLOCK && strcmp(ev->provider_type, "WEIRD_NEW_THING") == 0,
		    "unknown classification, no location, no stats, no clock");
	}

	/* over the 1 MB cap */
	reset();
	big = malloc(2u << 20);
	memset(big, ' ', 2u << 20);
	memcpy(big, "{\"source\":\"clock\",\"data\":{\"period\":\"Q1\",\"gameClock\":\"1:00\"}}", 60);
	ok(shottracker_parse_frame(&c, big, 2u << 20, &info) < 0 && col.nwarn == 1 &&
	    strstr(col.warn[0], "over the") != NULL && col.nclock == 0, "a 2 MB frame is refused");
	free(big);

	/* nesting deeper than the tokenizer allows */
	reset();
	for (i = 0; i < 100; i++)
		deep[i] = '[';
	for (; i < 199; i++)
		deep[i] = ']';
	deep[199] = '\0';
	ok(shottracker_parse_frame(&c, deep, 199, &info) < 0 && col.nwarn == 1, "deep nesting refused");

	/* documents */
	reset();
	ok(shottracker_parse_catchup(&c, "{\"details\":7}", 13) < 0 && col.nwarn == 1,
	    "catch-up without arrays");
	ok(shottracker_parse_catchup(&c, "{\"details\":[1,\"x\",{}]}", 22) == 0 && col.nwarn == 4,
	    "bad details items: one warning each");
	ok(shottracker_parse_game(&c, "[]", 2) < 0, "game event not an object");
	ok(shottracker_parse_roster(&c, "{\"players\":[]}", 14) < 0, "roster without id");
	ok(shottracker_parse_lineups(&c, "{}", 2) < 0, "lineups without an array");
	ok(shottracker_parse_message(&c, "push", "{}", 2, NULL) < 0, "another provider's channel");
	ok(shottracker_parse_message(&c, "rest:/v1/data/other", "{}", 2, NULL) < 0,
	    "an unknown resource");
	before = col.nev;
	ok(shottracker_parse_message(&c, "rest:/v1/data/schedule/games/x/_subscribe",
	    "{\"token\":\"t\"}", 13, NULL) == 0 && col.nev == before, "subscribe: nothing");
	ok(shottracker_parse_frame(&c, NULL, 0, &info) < 0, "NULL data");
	is_int(col.nev, 0, "no events from garbage documents");
	shottracker_ctx_free(&c);

	/* no game event yet: sides unknown, statistics dropped by side */
	reset();
	shottracker_ctx_init(&c, &sink, NULL);
	{
		const char *f = "{\"source\":\"details\",\"seq\":1,\"data\":{\"key\":{\"actorId\":\"7269\","
		    "\"timestamp\":5},\"baseStats\":\"FG\",\"classification\":\"TWO_POINT_MAKE\","
		    "\"period\":\"Q1\",\"teamId\":\"552\",\"pid\":\"7269\",\"stats\":{\"FGA\":1,\"FG\":1}}}";

		shottracker_parse_frame(&c, f, strlen(f), &info);
		ok(col.nev == 1 && col.ev[0].side == CS_SIDE_NONE &&
		    col.ev[0].stats[0].side == CS_SIDE_NONE, "unknown side before the game event");
	}
	shottracker_ctx_free(&c);
}

static void
test_parser_interface(void)
{
	void *st;
	size_t len;
	char *buf;

	reset();
	st = shottracker_parser.create(&sink);
	ok(st != NULL, "parser.h create");
	buf = slurp("game.json", &len);
	ok(shottracker_parser.message(st, "rest:/v1/data/games/062a3726-3b0f-11eb-86c4-02420043683b",
	    buf, len) == 0 && col.nev == 3, "parser.h message");
	free(buf);
	shottracker_parser.destroy(st);
}

/* Bytes of heap in use, as malloc counts them. */
static size_t
heap_used(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

/* A details frame: item i of a game, at socket seq `seq`. */
static int
item_frame(char *buf, size_t size, int i, int seq)
{
	return snprintf(buf, size, "{\"source\": \"details\", \"timestamp\": %lld, "
	    "\"data\": {\"type\": \"ACTUAL\", \"eventId\": \"ev-%d\", \"timestamp\": %lld, "
	    "\"teamId\": \"552\", \"stats\": {\"FGA\": 1}, \"gameClock\": \"11:50.0\", "
	    "\"period\": \"Q1\", \"baseStats\": \"FG\", \"actualStats\": \"FGA\", "
	    "\"key\": {\"actorId\": \"7269\", \"timestamp\": %lld}, \"act\": \"PLAYER\", "
	    "\"pid\": \"7269\"}, \"seq\": %d}", 1700000010000LL + i, i,
	    1700000010000LL + i, 1700000010000LL + i, seq);
}

/*
 * The version table of a game's ~700 items (which seq each was applied
 * at): its ids are held apart from its slots (issue 20: 64-byte ids in
 * slots at half load were 0.16 MB a game), and it still tells a stale
 * resend after it has grown.
 */
#define ITEMS 1500

static void
test_item_table(void)
{
	struct shottracker_ctx c;
	char frame[1024];
	size_t before, used;
	int i, fresh = 0;

	reset();
	load_game(&c);
	reset();
	item_frame(frame, sizeof frame, 0, 1);
	shottracker_parse_message(&c, "ws", frame, strlen(frame), NULL);   /* the first room */
	before = heap_used();
	for (i = 1; i <= ITEMS; i++) {
		item_frame(frame, sizeof frame, i, i + 1);
		shottracker_parse_message(&c, "ws", frame, strlen(frame), NULL);
	}
	used = heap_used() - before;
	fresh = col.nev;
	ok(fresh == ITEMS + 1, "every item delivered (%d)", fresh);
	ok(used / ITEMS < 100, "heap per tracked item %zu bytes (< 100)", used / ITEMS);
	for (i = 0; i <= ITEMS; i++) {
		item_frame(frame, sizeof frame, i, i + 1);
		shottracker_parse_message(&c, "ws", frame, strlen(frame), NULL);
	}
	is_int(col.nev, fresh, "each again at its own seq: stale, not delivered");
	item_frame(frame, sizeof frame, 700, ITEMS + 5);
	shottracker_parse_message(&c, "ws", frame, strlen(frame), NULL);
	is_int(col.nev, fresh + 1, "a newer seq of an old item: delivered");
	shottracker_ctx_free(&c);
}

int
main(void)
{
	test_periods();
	test_game_and_rosters();
	test_seed_game_event();
	test_catchup();
	test_lineups();
	test_subscribe();
	test_frames();
	test_garbage();
	test_parser_interface();
	test_item_table();
	return tap_done();
}
