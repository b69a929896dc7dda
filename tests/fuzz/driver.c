/*
 * A main() for the fuzz targets in normal builds, so that every target runs
 * in `make check` as a regression test: each file of its corpus, then
 * deterministic mutations of them (bit flips, byte swaps, truncations,
 * insertions, splices, JSON-ish tokens).  Prints TAP.  A crash, a sanitizer
 * report or an abort() in the target fails the test.
 *
 * One driver, linked with each tests/fuzz/fuzz_X.c (which defines only
 * LLVMFuzzerTestOneInput).  The corpus of tests/fuzz/fuzz_X is
 * tests/fuzz/corpus/X/ under $top_srcdir (or the directory given as the
 * first argument).  FUZZ_ITERATIONS overrides the mutation count (20000).
 *
 * In a module's .mk (see src/providers/providers.mk):
 *   check_PROGRAMS += tests/fuzz/fuzz_X
 *   tests_fuzz_fuzz_X_SOURCES = tests/fuzz/fuzz_X.c
 *   tests_fuzz_fuzz_X_CPPFLAGS = $(fuzz_cpp_flags)
 *   tests_fuzz_fuzz_X_LDFLAGS = $(fuzz_ld_flags)
 *   tests_fuzz_fuzz_X_CFLAGS = $(fuzz_c_flags)
 *   if ENABLE_FUZZ
 *   else
 *   tests_fuzz_fuzz_X_SOURCES += tests/fuzz/driver.c
 *   TESTS += tests/fuzz/fuzz_X
 *   endif
 *
 * With ./configure --enable-fuzz CC=clang the same targets are built with
 * -fsanitize=fuzzer instead of this driver (libFuzzer's main).
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

#define FUZZ_MAX_FILES   256
#define FUZZ_MAX_INPUT   (256u << 10)   /* corpus files are truncated to this */
#define FUZZ_ITERATIONS  20000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seed {
	char name[256];
	uint8_t *data;
	size_t len;
};

static struct seed seeds[FUZZ_MAX_FILES];
static int nseeds, tests;

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t
next(void)
{
	/* xorshift64*: deterministic, so a failure replays */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dull;
}

static size_t
below(size_t n)
{
	return n == 0 ? 0 : (size_t)(next() % n);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct seed *)a)->name, ((const struct seed *)b)->name);
}

static void
load_corpus(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];
	FILE *f;
	size_t n;

	if (d == NULL) {
		printf("# no corpus directory %s\n", dir);
		return;
	}
	while ((e = readdir(d)) != NULL && nseeds < FUZZ_MAX_FILES) {
		if (e->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		f = fopen(path, "rb");
		if (f == NULL)
			continue;
		seeds[nseeds].data = malloc(FUZZ_MAX_INPUT);
		n = fread(seeds[nseeds].data, 1, FUZZ_MAX_INPUT, f);
		fclose(f);
		seeds[nseeds].len = n;
		snprintf(seeds[nseeds].name, sizeof seeds[nseeds].name, "%s", e->d_name);
		nseeds++;
	}
	closedir(d);
	qsort(seeds, (size_t)nseeds, sizeof seeds[0], by_name);
}

/* Runs the target on an exact-size heap copy, so over-reads are caught. */
static void
run(const uint8_t *data, size_t len)
{
	uint8_t *copy = malloc(len != 0 ? len : 1);

	if (len != 0)
		memcpy(copy, data, len);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
}

static const char *const tokens[] = {
	"null", "true", "false", "0", "-1", "1e999", "-1e999", "1.5",
	"99999999999999999999", "-9223372036854775808", "\"\"", "{}", "[]",
	"\"\\u0000\"", "\"\\u001b[31m\"", "\"\\ud800\"", "\xff\xfe", "\"Q1\"",
	"\"OT9\"", "\"12:00.0\"", "\"ab:cd\"", "{\"a\":", "]]]]", "\"deleted\":true",
	"\"seq\":", "\"source\":\"details\"", "\"marker\":\"LINEUP\"", ",",
};

/* Inserts n bytes at pos, as many as fit in cap. */
__attribute__((noinline))
static size_t
insert_at(uint8_t *buf, size_t len, size_t cap, size_t pos, const uint8_t *src,
    size_t n)
{
	if (len > cap)
		len = cap;
	if (pos > len)
		pos = len;
	if (n > cap - len)
		n = cap - len;
	memmove(buf + pos + n, buf + pos, len - pos);
	memcpy(buf + pos, src, n);
	return len + n;
}

static size_t
mutate(uint8_t *buf, size_t len, size_t cap)
{
	int rounds = 1 + (int)below(4), r;
	size_t a, b, n;
	const char *t;
	const struct seed *other;

	for (r = 0; r < rounds; r++) {
		switch (below(8)) {
		case 0:   /* flip a bit */
			if (len > 0)
				buf[below(len)] ^= (uint8_t)(1u << below(8));
			break;
		case 1:   /* set a byte to something structural */
			if (len > 0)
				buf[below(len)] = (uint8_t)"{}[]\",:0-9.e\\ \n\0\x80\xc3"[below(18)];
			break;
		case 2:   /* truncate */
			len = below(len + 1);
			break;
		case 3:   /* delete a range */
			if (len > 0) {
				size_t tail;

				a = below(len);
				n = below(len - a + 1);
				tail = len - a >= n ? len - a - n : 0;
				memmove(buf + a, buf + a + n, tail);
				len = a + tail;
			}
			break;
		case 4:   /* insert a token */
			t = tokens[below(sizeof tokens / sizeof tokens[0])];
			len = insert_at(buf, len, cap, below(len + 1), (const uint8_t *)t,
			    strlen(t));
			break;
		case 5:   /* duplicate a range of itself */
			if (len > 0) {
				uint8_t tmp[512];

				a = below(len);
				n = below(len - a + 1);
				if (n > sizeof tmp)
					n = sizeof tmp;
				memcpy(tmp, buf + a, n);
				len = insert_at(buf, len, cap, below(len + 1), tmp, n);
			}
			break;
		case 6:   /* splice: the tail of another seed */
			other = &seeds[below((size_t)nseeds)];
			if (other->len > 0) {
				a = below(len + 1);
				b = below(other->len);
				n = other->len - b;
				if (a + n > cap)
					n = cap - a;
				memcpy(buf + a, other->data + b, n);
				len = a + n;
			}
			break;
		default:  /* swap two bytes */
			if (len > 1) {
				uint8_t x;

				a = below(len);
				b = below(len);
				x = buf[a];
				buf[a] = buf[b];
				buf[b] = x;
			}
			break;
		}
	}
	return len;
}

int
main(int argc, char **argv)
{
	const char *base, *top = getenv("top_srcdir"), *env = getenv("FUZZ_ITERATIONS");
	char dir[1024], target[256];
	uint8_t *buf;
	size_t len, cap = 2 * FUZZ_MAX_INPUT;
	long iterations = FUZZ_ITERATIONS, i;
	int s;

	base = strrchr(argv[0], '/');
	base = base != NULL ? base + 1 : argv[0];
	snprintf(target, sizeof target, "%s", strncmp(base, "fuzz_", 5) == 0 ? base + 5 : base);
	if (argc > 1)
		snprintf(dir, sizeof dir, "%s", argv[1]);
	else
		snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s",
		    top != NULL && *top != '\0' ? top : TOP_SRCDIR, target);
	if (env != NULL)
		iterations = strtol(env, NULL, 10);
	load_corpus(dir);
	if (nseeds == 0) {
		printf("not ok 1 - a corpus for %s in %s\n1..1\n", target, dir);
		return 1;
	}

	run((const uint8_t *)"", 0);
	printf("ok %d - %s: empty input\n", ++tests, target);
	for (s = 0; s < nseeds; s++) {
		run(seeds[s].data, seeds[s].len);
		printf("ok %d - %s: corpus %s\n", ++tests, target, seeds[s].name);
	}
	fflush(stdout);

	buf = malloc(cap);
	for (i = 0; i < iterations; i++) {
		s = (int)below((size_t)nseeds);
		len = seeds[s].len;
		memcpy(buf, seeds[s].data, len);
		len = mutate(buf, len, cap);
		run(buf, len);
	}
	free(buf);
	printf("ok %d - %s: %ld mutations of %d seeds\n", ++tests, target, iterations, nseeds);
	printf("1..%d\n", tests);
	for (s = 0; s < nseeds; s++)
		free(seeds[s].data);
	return 0;
}
