/*
 * --serve-seed-examples DIR: the vendor's example payloads (tests/data/
 * seeds, each the page's text byte for byte) answered as they are, with
 * the status the page prints them under, so that the real client reads
 * the vendor's own bytes from the real simulator.  The ids are the ones
 * the pages print; an example that is an error body answers a made-up id
 * ("missing-game", "forbidden", "broken").  Requests are signed and
 * checked like every other one: this table is consulted after that.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/server_priv.h"
#include "util.h"

#define SEED_GAME  "cf3ba789-06c4-11e8-bb65-0242286dfad2"   /* page 000's id */
#define SEED_ROUND "cf56d0aa-06c4-11e8-bb65-0242286dfad2"   /* its first round */
#define SEED_BODY_MAX (256 * 1024)

/* `path` is matched whole; a '*' segment matches any one segment. */
static const struct seed_route {
	const char *path;
	int status;
	const char *file;       /* NULL: `inline_body` */
	const char *inline_body;
} seed_routes[] = {
	{ "/v1/data/games/" SEED_GAME, 200, "st_game_event.json", NULL },
	{ "/v1/data/games/missing-game", 404, "st_game_event_404.json", NULL },
	{ "/v1/data/games/broken-game", 500, "st_game_event_500.json", NULL },
	{ "/v1/data/stats/" SEED_ROUND "/possessions", 200, "st_stats_possessions.json", NULL },
	{ "/v1/data/stats/forbidden/possessions", 403, "st_stats_possessions_403.json", NULL },
	{ "/v1/data/stats/broken/possessions", 500, "st_stats_possessions_500.json", NULL },
	{ "/v1/data/stats/*/possessions", 404, "st_stats_possessions_404.json", NULL },
	{ "/v1/data/stats/games/" SEED_GAME "/videos", 200, "st_game_videos.json", NULL },
	{ "/v1/data/stats/games/forbidden/videos", 403, "st_game_videos_403.json", NULL },
	{ "/v1/data/stats/games/broken/videos", 500, "st_game_videos_500.json", NULL },
	/* no page prints a catch-up: the seed game's, with nothing in it */
	{ "/v1/data/stats/games/" SEED_GAME "/stats,details,shots,possessions", 200, NULL,
	  "{\"stats\":[],\"details\":[],\"shots\":[],\"possessions\":[]}" },
	/* the client's catch-up in two documents (plays, then possessions) */
	{ "/v1/data/stats/games/" SEED_GAME "/stats,details", 200, NULL,
	  "{\"stats\":[],\"details\":[]}" },
	{ "/v1/data/stats/games/" SEED_GAME "/possessions", 200, NULL,
	  "{\"possessions\":[]}" },
};

static bool
path_matches(const char *pattern, const char *path)
{
	while (*pattern != '\0' && *path != '\0') {
		if (*pattern == '*') {
			pattern++;
			while (*path != '\0' && *path != '/')
				path++;
			continue;
		}
		if (*pattern++ != *path++)
			return false;
	}
	return *pattern == '\0' && *path == '\0';
}

/* The whole file, NUL-terminated (an example holds no NUL), or NULL. */
static char *
read_example(const char *dir, const char *name, char **cause)
{
	char path[1024], *body;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL) {
		cs_set_cause(cause, "cannot open the seed example %s", name);
		return NULL;
	}
	body = malloc(SEED_BODY_MAX + 1);
	n = body != NULL ? fread(body, 1, SEED_BODY_MAX + 1, f) : 0;
	fclose(f);
	if (body == NULL || n > SEED_BODY_MAX) {
		free(body);
		cs_set_cause(cause, "the seed example %s is over %d bytes", name,
		    SEED_BODY_MAX);
		return NULL;
	}
	body[n] = '\0';
	return body;
}

int
sim_seed_example(const char *dir, const char *path, int *status, char **body,
    char **cause)
{
	size_t i;

	for (i = 0; i < sizeof seed_routes / sizeof seed_routes[0]; i++) {
		if (!path_matches(seed_routes[i].path, path))
			continue;
		*status = seed_routes[i].status;
		*body = seed_routes[i].file != NULL ?
		    read_example(dir, seed_routes[i].file, cause) :
		    strdup(seed_routes[i].inline_body);
		return *body != NULL ? 1 : -1;
	}
	return 0;
}

/* At start-up: every example of the table is there and not too big. */
int
sim_seed_examples_check(const char *dir, char **cause)
{
	size_t i;
	char *body;

	for (i = 0; i < sizeof seed_routes / sizeof seed_routes[0]; i++) {
		if (seed_routes[i].file == NULL)
			continue;
		if ((body = read_example(dir, seed_routes[i].file, cause)) == NULL)
			return -1;
		free(body);
	}
	return 0;
}
