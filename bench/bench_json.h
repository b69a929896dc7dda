/*
 * One figure of `make bench` as one JSON line, so that two runs can be
 * compared by a script (scripts/bench-compare.py), not by eye:
 *
 *   {"bench":"bench_model","name":"append_derive_each","value":659471,
 *    "unit":"events/s","limit":200000,"better":"higher","ratio":3.30}
 *
 * `ratio` is value / limit for "higher" and limit / value for "lower": a
 * ratio of at least 1 meets the limit either way.  A figure with no limit
 * of its own (limit 0) has ratio null.  The lines go to the file named by
 * CS_BENCH_JSON (`make bench` sets it to bench.jsonl); unset, nothing is
 * written.
 */
#ifndef CS_BENCH_JSON_H
#define CS_BENCH_JSON_H

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((unused))
static void
bench_json(const char *bench, const char *name, double value, const char *unit,
    double limit, const char *better)
{
	const char *path = getenv("CS_BENCH_JSON");
	char id[96];
	size_t i;
	FILE *f;

	if (path == NULL || path[0] == '\0')
		return;
	/* a name is an identifier: "shottracker live frames" -> ..._live_frames */
	for (i = 0; name[i] != '\0' && i + 1 < sizeof id; i++)
		id[i] = (char)(isalnum((unsigned char)name[i]) ? name[i] : '_');
	id[i] = '\0';
	f = fopen(path, "a");
	if (f == NULL)
		return;
	fprintf(f, "{\"bench\":\"%s\",\"name\":\"%s\",\"value\":%.6g,\"unit\":\"%s\","
	    "\"limit\":%.6g,\"better\":\"%s\",\"ratio\":", bench, id, value, unit,
	    limit, better);
	if (limit > 0 && value > 0)
		fprintf(f, "%.4g}\n", better[0] == 'h' ? value / limit : limit / value);
	else
		fprintf(f, "null}\n");
	fclose(f);
}

#endif
