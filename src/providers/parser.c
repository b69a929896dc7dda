/* The providers' parsers behind providers/parser.h, for replays. */
#include "config.h"

#include <stdlib.h>

#include "providers/parser.h"
#include "providers/shottracker.h"
#include "providers/sportradar.h"

static void *
st_create(const struct cs_sink *sink)
{
	struct shottracker_ctx *c = calloc(1, sizeof *c);

	if (c != NULL)
		shottracker_ctx_init(c, sink, NULL);
	return c;
}

static void
st_destroy(void *state)
{
	shottracker_ctx_free(state);
	free(state);
}

static int
st_message(void *state, const char *channel, const char *data, size_t len)
{
	return shottracker_parse_message(state, channel, data, len, NULL);
}

const struct provider_parser shottracker_parser = {
	.name = "shottracker",
	.create = st_create,
	.destroy = st_destroy,
	.message = st_message,
};

static void *
sr_create(const struct cs_sink *sink)
{
	struct sportradar_ctx *c = calloc(1, sizeof *c);

	if (c != NULL)
		sportradar_ctx_init(c, sink, NULL);
	return c;
}

static void
sr_destroy(void *state)
{
	free(state);
}

static int
sr_message(void *state, const char *channel, const char *data, size_t len)
{
	return sportradar_parse_recorded(state, channel, data, len);
}

const struct provider_parser sportradar_parser = {
	.name = "sportradar",
	.create = sr_create,
	.destroy = sr_destroy,
	.message = sr_message,
};
