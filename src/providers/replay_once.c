/*
 * A replay to the end, straight into a model (replay.h): `courtside
 * --replay FILE --once` with nothing to steer.  The capture is read in
 * large blocks (net/capture.c) and each record goes through the recorded
 * provider's parser into the model on this thread: no feed thread, no
 * queued copy of each message, no pacing and no record of plays for seeks.
 * The model derives its lists when they are read (the export), once.
 *
 * This file and what it calls link no network, TLS or terminal library,
 * so the program that runs it starts in a few milliseconds (src/front.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "model/presence.h"
#include "net/capture.h"
#include "providers/parser.h"
#include "providers/replay.h"

bool
replay_lines_stamp(struct replay_lines *l, const struct cs_published_stats *st,
    struct cs_published_stats *out)
{
	struct replay_line *p = NULL;
	size_t i;

	for (i = 0; i < l->n && p == NULL; i++)
		if (l->v[i].side == st->side && strcmp(l->v[i].player_id, st->player_id) == 0)
			p = &l->v[i];
	if (p == NULL) {
		if (cs_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) < 0)
			return false;
		p = &l->v[l->n++];
		p->side = st->side;
		cs_strlcpy(p->player_id, st->player_id, sizeof p->player_id);
	} else if (st->version < p->version) {
		return false;   /* older than what the model holds: it would keep that */
	}
	p->version = st->version;
	*out = *st;
	out->version = ++l->stamp;
	return true;
}

/* The run: the model, and what the replay provider would have done to
 * the messages on their way to it. */
struct once {
	struct game *g;
	struct replay_lines lines;
	unsigned long warnings;
};

static void
once_event(void *ctx, const struct cs_event *ev)
{
	game_upsert(((struct once *)ctx)->g, ev);
}

static void
once_delete(void *ctx, const char *id)
{
	game_delete(((struct once *)ctx)->g, id);
}

static void
once_game(void *ctx, const struct cs_game_info *info)
{
	game_set_info(((struct once *)ctx)->g, info);
}

static void
once_clock(void *ctx, const struct cs_clock *clock)
{
	game_set_clock(((struct once *)ctx)->g, clock);
}

static void
once_published(void *ctx, const struct cs_published_stats *st)
{
	struct once *o = ctx;
	struct cs_published_stats ps;

	if (replay_lines_stamp(&o->lines, st, &ps))
		game_set_published(o->g, &ps);
}

static void
once_possession(void *ctx, const struct cs_possession *p)
{
	game_set_possession(((struct once *)ctx)->g, p);
}

static void
once_video(void *ctx, const struct cs_video_segment *v)
{
	game_add_video(((struct once *)ctx)->g, v);
}

static void
once_presence(void *ctx, const struct cs_presence *p)
{
	game_set_presence(((struct once *)ctx)->g, p);
}

static void
once_lineup_at(void *ctx, const struct cs_lineup_at *l)
{
	game_set_lineup_at(((struct once *)ctx)->g, l);
}

static void
once_sensor(void *ctx, const struct cs_sensor_assignment *s)
{
	game_add_sensor(((struct once *)ctx)->g, s);
}

static void
once_possessions_reset(void *ctx)
{
	game_reset_possessions(((struct once *)ctx)->g);
}

/* Bad input: logged as the feed's drain logs it, and counted. */
static void
once_warning(void *ctx, const char *message)
{
	struct once *o = ctx;
	char text[512];

	cs_sanitize(text, message, sizeof text);
	log_msg("%s", text);
	o->warnings++;
}

static struct cs_sink
once_sink(struct once *o)
{
	struct cs_sink s;

	memset(&s, 0, sizeof s);
	s.ctx = o;
	s.event = once_event;
	s.delete_event = once_delete;
	s.game = once_game;
	s.clock = once_clock;
	s.published = once_published;
	s.warning = once_warning;
	s.possession = once_possession;
	s.video = once_video;
	s.possessions_reset = once_possessions_reset;
	s.presence = once_presence;
	s.lineup_at = once_lineup_at;
	s.sensor = once_sensor;
	return s;
}

/* The recorded provider's parsers, named here rather than found through
 * the provider registry, which would link every live provider. */
static const struct provider_parser *
parser_of(enum cs_provider p)
{
	switch (p) {
	case CS_PROVIDER_SHOTTRACKER:
		return &shottracker_parser;
	case CS_PROVIDER_SPORTRADAR:
		return &sportradar_parser;
	default:
		return NULL;
	}
}

/* Every record of `cr` through `parser` into the run: 0, or -1 with
 * *cause at the first damage. */
static int
once_records(struct capture_reader *cr, const struct provider_parser *parser,
    struct once *o, char **cause)
{
	struct cs_sink sink = once_sink(o);
	struct capture_record rec;
	void *state = parser->create(&sink);
	int rc;

	if (state == NULL)
		return cs_set_cause(cause, "out of memory");
	while ((rc = capture_next(cr, &rec, cause)) == 1)
		parser->message(state, rec.channel, rec.data, rec.len);
	parser->destroy(state);
	return rc < 0 ? -1 : 0;
}

int
replay_capture_open(const char *path, struct capture_reader **cr,
    const struct provider_parser **parser, char **cause)
{
	*cr = capture_read_open(path, cause);
	if (*cr == NULL)
		return -1;
	*parser = parser_of(capture_provider(*cr));
	if (capture_version(*cr) < 2)
		log_msg("replay: %s is capture format version %d: it has no checksums, "
		    "so damage inside a message cannot be seen", path, capture_version(*cr));
	if (*parser == NULL) {
		capture_read_close(cr);
		return cs_set_cause(cause, "the capture's provider cannot be replayed");
	}
	return 0;
}

int
replay_once(const char *path, struct game *g, unsigned long *warnings, char **cause)
{
	const struct provider_parser *parser;
	struct capture_reader *cr;
	struct once o;
	int rc;

	memset(&o, 0, sizeof o);
	o.g = g;
	*warnings = 0;
	if (replay_capture_open(path, &cr, &parser, cause) < 0)
		return -1;
	rc = once_records(cr, parser, &o, cause);
	capture_read_close(&cr);
	free(o.lines.v);
	*warnings = o.warnings;
	if (rc < 0 && cause != NULL && *cause != NULL)
		log_msg("replay: %s", *cause);
	return rc;
}
