/*
 * What several C tests read and compare: a game's export as a string, and
 * a Sportradar fixture from tests/data/sportradar (from $top_srcdir when
 * the suite runs, else SR_TEST_DATA, which the test's CPPFLAGS define).
 * Static inline: a test takes what it uses.
 */
#ifndef CS_TEST_FILES_H
#define CS_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>

#include "model/export.h"
#include "model/game.h"

/* The game's JSON export, malloc'ed (NULL if it could not be written). */
static inline char *
test_export_string(struct game *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		abort();
	if (export_json(g, f) < 0)
		printf("# export failed\n");
	fclose(f);
	return buf;
}

#ifdef SR_TEST_DATA
/* A Sportradar fixture, whole and NUL-ended; the test ends (1) if it
 * cannot be read. */
static inline char *
test_sr_load(const char *name, size_t *len)
{
	char path[1024];
	const char *top = getenv("top_srcdir");
	FILE *f;
	char *buf;
	long n;

	if (top != NULL)
		snprintf(path, sizeof path, "%s/tests/data/sportradar/%s", top, name);
	else
		snprintf(path, sizeof path, "%s/%s", SR_TEST_DATA, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		exit(1);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(1);
	fclose(f);
	buf[n] = '\0';
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}
#endif

#endif
