/*
 * The ShotTracker catch-up's possessions and videos, read one element's
 * tree at a time (issue 20: as whole trees they set the program's peak
 * memory), give the model exactly what the whole trees gave: the same
 * records in the same order, the same warnings.  The reference is the
 * whole-tree reading itself (shottracker_possessions_walk over the parsed
 * array; shottracker_videos_parse over the document), on the simulator's
 * games (seeds 3, 11, 42) and on documents with refused elements.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "providers/shottracker.h"
#include "providers/shottracker_possessions.h"
#include "sim/simgame.h"
#include "tap.h"

#define RECS_MAX 4000

/* What a sink received, in order. */
struct seen {
	int npos, nvid, nwarn;
	struct cs_possession pos[RECS_MAX];
	struct cs_video_segment vid[RECS_MAX];
	char warn[8][200];
};

static struct seen got, want;

static void
on_possession(void *ctx, const struct cs_possession *p)
{
	struct seen *s = ctx;

	if (s->npos < RECS_MAX)
		s->pos[s->npos++] = *p;
}

static void
on_video(void *ctx, const struct cs_video_segment *v)
{
	struct seen *s = ctx;

	if (s->nvid < RECS_MAX)
		s->vid[s->nvid++] = *v;
}

static void
on_warning(void *ctx, const char *m)
{
	struct seen *s = ctx;

	if (s->nwarn < 8)
		snprintf(s->warn[s->nwarn], sizeof s->warn[0], "%s", m);
	s->nwarn++;
}

struct ref {
	const struct shottracker_ctx *c;
	struct seen *s;
};

/* The whole-tree walk's records, with the side as the parser sets it. */
static void
ref_possession(void *ctx, const char *team_id, struct cs_possession *rec)
{
	struct ref *r = ctx;
	int side;

	rec->side = CS_SIDE_NONE;
	for (side = 0; side < 2; side++)
		if (team_id[0] != '\0' && strcmp(team_id, r->c->team_id[side]) == 0)
			rec->side = side;
	if (rec->side == CS_SIDE_NONE) {
		char line[200];

		snprintf(line, sizeof line, "skipped a possession: team %s is neither side",
		    team_id);
		on_warning(r->s, line);
	} else {
		on_possession(r->s, rec);
	}
}

/* The reference: the possessions array of `doc` as one tree. */
static void
reference_possessions(const struct shottracker_ctx *c, const char *doc)
{
	struct ref r = { c, &want };
	json_object *root = json_tokener_parse(doc), *a = NULL;
	char why[160] = "", line[200];
	int skipped = 0;

	if (json_object_object_get_ex(root, "possessions", &a))
		shottracker_possessions_walk(a, c->halves, ref_possession, &r, &skipped, why,
		    sizeof why);
	if (skipped > 0) {
		snprintf(line, sizeof line, "possessions: %d refused (%s)", skipped, why);
		on_warning(&want, line);
	}
	json_object_put(root);
}

/* The reference: the videos document as one tree. */
static void
reference_videos(const struct shottracker_ctx *c, const char *doc)
{
	struct shottracker_videos *vs;
	struct cs_video_segment seg;
	char line[200], *cause = NULL;
	int i;

	if ((vs = shottracker_videos_parse(doc, strlen(doc), c->halves, &cause)) == NULL) {
		on_warning(&want, cause != NULL ? cause : "?");
		free(cause);
		return;
	}
	if (vs->skipped > 0) {
		snprintf(line, sizeof line, "videos: %d refused (%s)", vs->skipped, vs->warning);
		on_warning(&want, line);
	}
	for (i = 0; i < vs->nvideos; i++)
		if (shottracker_video_segment(&vs->videos[i], &seg) == 0)
			on_video(&want, &seg);
	shottracker_videos_free(&vs);
}

static void
same(const char *what)
{
	int i, w = 0;

	ok(got.npos == want.npos && memcmp(got.pos, want.pos,
	    (size_t)got.npos * sizeof got.pos[0]) == 0,
	    "%s: the same %d possessions in the same order (%d)", what, want.npos, got.npos);
	ok(got.nvid == want.nvid && memcmp(got.vid, want.vid,
	    (size_t)got.nvid * sizeof got.vid[0]) == 0,
	    "%s: the same %d video segments in the same order (%d)", what, want.nvid, got.nvid);
	for (i = 0; i < got.nwarn && i < want.nwarn && i < 8; i++)
		w += strcmp(got.warn[i], want.warn[i]) != 0;
	ok(got.nwarn == want.nwarn && w == 0, "%s: the same %d warnings (%d%s%s)", what,
	    want.nwarn, got.nwarn, got.nwarn > 0 ? ": " : "", got.nwarn > 0 ? got.warn[0] : "");
}

/* Both readings of one game's possessions and videos documents. */
static void
compare(const char *what, const char *id, const char *event, const char *possessions,
    const char *videos)
{
	struct cs_sink sink = { 0 };
	struct shottracker_ctx c;
	char channel[200];

	memset(&got, 0, sizeof got);
	memset(&want, 0, sizeof want);
	sink.ctx = &got;
	sink.possession = on_possession;
	sink.video = on_video;
	sink.warning = on_warning;
	shottracker_ctx_init(&c, &sink, id);
	snprintf(channel, sizeof channel, "rest:/v1/data/games/%s", id);
	shottracker_parse_message(&c, channel, event, strlen(event), NULL);
	ok(c.have_game, "%s: the game event names the teams", what);
	got.nwarn = 0;
	snprintf(channel, sizeof channel, "rest:/v1/data/stats/games/%s/possessions", id);
	shottracker_parse_message(&c, channel, possessions, strlen(possessions), NULL);
	snprintf(channel, sizeof channel, "rest:/v1/data/stats/games/%s/videos", id);
	shottracker_parse_message(&c, channel, videos, strlen(videos), NULL);
	reference_possessions(&c, possessions);
	reference_videos(&c, videos);
	same(what);
	shottracker_ctx_free(&c);
}

static void
sim_seed(unsigned seed)
{
	struct sim_options o;
	struct sim_game *g;
	char *event, *pos, *vid, what[32];

	memset(&o, 0, sizeof o);
	o.seed = seed;
	g = sim_game_generate(&o);
	if (g == NULL) {
		ok(0, "seed %u: the simulator generates a game", seed);
		return;
	}
	event = sim_game_st_event(g, sim_game_end_ms(g));
	pos = sim_game_st_catchup(g, "possessions", sim_game_end_ms(g));
	vid = sim_game_st_videos(g, sim_game_end_ms(g));
	snprintf(what, sizeof what, "seed %u", seed);
	if (event != NULL && pos != NULL && vid != NULL)
		compare(what, sim_game_id(g, CS_PROVIDER_SHOTTRACKER), event, pos, vid);
	ok(want.npos > 100 && want.nvid > 100, "seed %u: a whole game (%d possessions, "
	    "%d videos)", seed, want.npos, want.nvid);
	free(event);
	free(pos);
	free(vid);
	sim_game_free(&g);
}

/*
 * The catch-up's two GETs are two moments: the possessions come a little
 * after the plays.  A game that ends between them must not be taken as
 * over (no live socket, the last plays never fetched: --demo --speed max
 * ended "inprogress"): the totals that count are the plays' own.
 */
static void
totals_of_the_plays(void)
{
	static const char event[] =
	    "{\"id\":\"g\",\"home_team_id\":\"1\",\"away_team_id\":\"2\"}";
	static const char plays[] =
	    "{\"stats\":[],\"details\":[],\"gameTotals\":{\"status\":\"ACTIVE\","
	    "\"period\":\"Q3\",\"homeTeamScore\":{\"teamId\":\"1\",\"value\":50}}}";
	static const char later[] =
	    "{\"possessions\":[],\"gameTotals\":{\"status\":\"COMPLETE\","
	    "\"period\":\"Q4\",\"homeTeamScore\":{\"teamId\":\"1\",\"value\":90}}}";
	static const char done[] =
	    "{\"stats\":[],\"details\":[],\"gameTotals\":{\"status\":\"COMPLETE\","
	    "\"period\":\"Q4\",\"homeTeamScore\":{\"teamId\":\"1\",\"value\":90}}}";
	struct cs_sink sink = { 0 };
	struct shottracker_ctx c;

	shottracker_ctx_init(&c, &sink, "g");
	shottracker_parse_message(&c, "rest:/v1/data/games/g", event, strlen(event), NULL);
	shottracker_parse_message(&c, "rest:/v1/data/stats/games/g/stats,details", plays,
	    strlen(plays), NULL);
	shottracker_parse_message(&c, "rest:/v1/data/stats/games/g/possessions", later,
	    strlen(later), NULL);
	ok(!c.game_over, "possessions fetched after the game ended do not end it before "
	    "its plays are in");
	is_int(c.totals_points[CS_HOME], 50, "the totals are the plays' own");
	shottracker_parse_message(&c, "rest:/v1/data/stats/games/g/stats,details", done,
	    strlen(done), NULL);
	ok(c.game_over, "plays that say the game is complete end it");
	shottracker_ctx_free(&c);
}

int
main(void)
{
	static const char event[] =
	    "{\"id\":\"g\",\"home_team_id\":\"1\",\"away_team_id\":\"2\"}";

	sim_seed(3);
	sim_seed(11);
	sim_seed(42);
	/* refused elements: no object, no team, a bad field, a third team */
	compare("refused elements", "g", event,
	    "{\"possessions\":[null,5,\"x\",{\"teamId\":\"1\",\"period\":\"Q1\"},"
	    "{\"period\":\"Q1\"},{\"teamId\":[1]},{\"teamId\":\"9\",\"period\":\"Q1\"},"
	    "{\"teamId\":\"2\",\"period\":\"Q2\",\"player_ids\":\"bad\"}],"
	    "\"gameTotals\":null}",
	    "{\"videos\":[7,{\"sourceKey\":5},{\"hlsFile\":\"https://v/1.m3u8\",\"period\":\"Q1\","
	    "\"hlsStartOffset\":1.5,\"hlsDuration\":4},{\"hlsFile\":[1]}]}");
	/* the same readings of documents that are no clean object */
	compare("a videos error body", "g", event, "{\"possessions\":[]}",
	    "{\"status\":403,\"message\":\"No access\",\"shottrackerRequestId\":\"r\"}");
	compare("a possessions object (session form)", "g", event,
	    "{\"possessions\":{\"teamId\":\"1\",\"period\":\"Q1\"}}", "{\"videos\":[]}");
	totals_of_the_plays();
	return tap_done();
}
