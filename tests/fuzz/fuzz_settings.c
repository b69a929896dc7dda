/*
 * Fuzz target: the command line.  The input, split at '\n', is argv[1..]
 * (each argument its own exact-size allocation, freed after the run, as a
 * later parse must not lean on an earlier argv).  A refusal is one clean
 * line; an acceptance is a consistent run: one source, the options that
 * go with it, values in range.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ARGS_MAX 64

static void
check_accepted(const struct settings *s)
{
	struct cs_game_point until;

	if ((s->demo ? 1 : 0) + (s->provider != CS_PROVIDER_NONE ? 1 : 0) +
	    (s->replay_path != NULL ? 1 : 0) != 1)
		abort();
	/* a provider without a game: the picker, --list or --all only */
	if (s->provider == CS_PROVIDER_NONE && (s->game_id != NULL || s->list || s->all_games))
		abort();
	if (s->provider != CS_PROVIDER_NONE && s->game_id == NULL && s->mode != RUN_UI &&
	    !s->all_games)
		abort();
	if (s->list && (s->game_id != NULL || s->mode != RUN_UI))
		abort();
	if (s->game_id != NULL && (s->game_id[0] == '\0' || strlen(s->game_id) >= CS_ID_MAX))
		abort();
	if (s->ngames < 0 || s->ngames > SETTINGS_GAMES_MAX ||
	    (s->ngames > 0 && s->game_ids[0] != s->game_id))
		abort();
	if (s->month < 1 || s->month > 12 || s->day < 1 || s->day > 31)
		abort();
	if (s->speed != 0 && (s->speed < 0.01 || s->speed > 1000))
		abort();
	if (s->duration < 0 || (s->mode == RUN_ONCE && s->duration > 0))
		abort();
	if (s->until != NULL && (s->replay_path == NULL ||
	    cs_game_point_parse(s->until, &until) < 0))
		abort();
	if (s->mode != RUN_UI && s->export_path == NULL)
		abort();
	if (strcmp(s->league, "nba") != 0 && strcmp(s->league, "nbdl") != 0)
		abort();
}

/* --help and --version print to stdout, which is the driver's TAP stream. */
static int
parse_quietly(struct settings *s, int argc, char **argv, char **cause)
{
	int saved, null, rc;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	null = open("/dev/null", O_WRONLY);
	if (saved < 0 || null < 0)
		abort();
	dup2(null, STDOUT_FILENO);
	close(null);
	rc = settings_parse(s, argc, argv, cause);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[ARGS_MAX + 2], *cause = NULL;
	struct settings s;
	const uint8_t *nl;
	size_t off, n;
	int argc = 0, rc, i;

	argv[argc++] = fz_strndup((const uint8_t *)"courtside", 9);
	for (off = 0; off < size && argc <= ARGS_MAX; off += n + 1) {
		nl = memchr(data + off, '\n', size - off);
		n = nl != NULL ? (size_t)(nl - (data + off)) : size - off;
		argv[argc++] = fz_strndup(data + off, n);
	}
	argv[argc] = NULL;
	rc = parse_quietly(&s, argc, argv, &cause);
	if (rc == -1)
		fz_cause(cause);
	else if (rc == 0)
		check_accepted(&s);
	else if (rc != 1)
		abort();
	free(cause);
	settings_free(&s);
	for (i = 0; i < argc; i++)
		free(argv[i]);
	return 0;
}
