/*
 * json_equal: compare two JSON documents by meaning, for tests that check a
 * client's export against the simulator's ground truth.
 *
 *   json_equal [--all] [--ignore KEY]... A.json B.json
 *
 * Objects compare by key whatever the order; numbers numerically (1 = 1.0);
 * arrays in order, except arrays whose elements are all objects with a
 * "side" or an "id" key, which are matched by that key ("teams[home]",
 * "players[id=7269]").  Prints the first difference (every one with --all)
 * as a path and both values:
 *
 *   teams[home].players[id=7269].pts: 12 != 14
 *
 * Exit status: 0 equal, 1 different, 2 unreadable or invalid input.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#define MAX_IGNORED   32
#define MAX_FILE      (64L * 1024 * 1024)
#define MAX_SHOWN     160    /* characters of a value shown in a message */
#define MAX_REPORTED  200    /* differences printed with --all */

/* Stands for an absent key or element (NULL is JSON null in json-c). */
static char missing_marker;
#define MISSING ((json_object *)&missing_marker)

static const char *ignored[MAX_IGNORED];
static int nignored;
static bool report_all;
static int ndiffs;

/* --- input --------------------------------------------------------------- */

/* Returns 0 and the document in *out (NULL for a JSON null), or -1. */
static int
load(const char *path, json_object **out)
{
	FILE *f = fopen(path, "rb");
	json_tokener *tok;
	json_object *obj;
	int rc = 0;
	char *buf;
	long len;
	size_t got, end;
	enum json_tokener_error err;

	if (f == NULL) {
		fprintf(stderr, "json_equal: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || len > MAX_FILE ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "json_equal: %s: unreadable or larger than %ld bytes\n",
		    path, MAX_FILE);
		fclose(f);
		return -1;
	}
	buf = malloc((size_t)len + 1);
	if (buf == NULL) {
		fclose(f);
		return -1;
	}
	got = fread(buf, 1, (size_t)len, f);
	fclose(f);
	buf[got] = '\0';

	tok = json_tokener_new();
	obj = json_tokener_parse_ex(tok, buf, (int)got);
	err = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (err == json_tokener_success && end < got &&
	    strspn(buf + end, " \t\r\n") != got - end) {
		fprintf(stderr, "json_equal: %s: trailing data at byte %zu\n", path, end);
		json_object_put(obj);
		obj = NULL;
		rc = -1;
	} else if (err != json_tokener_success) {
		fprintf(stderr, "json_equal: %s: invalid JSON at byte %zu: %s\n", path,
		    end, err == json_tokener_continue ? "unexpected end" :
		    json_tokener_error_desc(err));
		json_object_put(obj);
		obj = NULL;
		rc = -1;
	}
	json_tokener_free(tok);
	free(buf);
	*out = obj;
	return rc;
}

/* --- reporting ----------------------------------------------------------- */

static void
show(const json_object *v, char *buf, size_t size)
{
	const char *s;

	if (v == MISSING) {
		snprintf(buf, size, "(missing)");
		return;
	}
	s = json_object_to_json_string_ext((json_object *)v,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (strlen(s) > MAX_SHOWN)
		snprintf(buf, size, "%.*s...", MAX_SHOWN, s);
	else
		snprintf(buf, size, "%s", s);
}

/* Returns true when the comparison should go on looking. */
static bool
differ(const char *path, const json_object *a, const json_object *b)
{
	char va[MAX_SHOWN + 8], vb[MAX_SHOWN + 8];

	ndiffs++;
	if (report_all && ndiffs > MAX_REPORTED)
		return false;
	show(a, va, sizeof va);
	show(b, vb, sizeof vb);
	printf("%s: %s != %s\n", path[0] ? path : "(root)", va, vb);
	return report_all;
}

static void
join(char *dst, size_t size, const char *path, const char *part, bool member)
{
	if (member && path[0] != '\0')
		snprintf(dst, size, "%s.%s", path, part);
	else
		snprintf(dst, size, "%s%s", path, part);
}

/* --- comparing ----------------------------------------------------------- */

static bool compare(const char *path, json_object *a, json_object *b);

static bool
is_ignored(const char *key)
{
	int i;

	for (i = 0; i < nignored; i++)
		if (strcmp(ignored[i], key) == 0)
			return true;
	return false;
}

static bool
is_number(json_object *v)
{
	return json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double);
}

static bool
compare_objects(const char *path, json_object *a, json_object *b)
{
	char sub[1024];
	json_object *other;

	json_object_object_foreach(a, ka, va) {
		if (is_ignored(ka))
			continue;
		join(sub, sizeof sub, path, ka, true);
		if (!json_object_object_get_ex(b, ka, &other)) {
			if (!differ(sub, va, MISSING))
				return false;
		} else if (!compare(sub, va, other))
			return false;
	}
	json_object_object_foreach(b, kb, vb) {
		if (is_ignored(kb) || json_object_object_get_ex(a, kb, NULL))
			continue;
		join(sub, sizeof sub, path, kb, true);
		if (!differ(sub, MISSING, vb))
			return false;
	}
	return true;
}

/* The key an array is matched by: "side", else "id", else NULL (in order). */
static const char *
match_key(json_object *a, json_object *b)
{
	static const char *const keys[] = { "side", "id" };
	size_t k, i, n;
	json_object *arr, *el, *v;
	int which;

	if (json_object_array_length(a) + json_object_array_length(b) == 0)
		return NULL;
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		bool all = true;

		for (which = 0; which < 2 && all; which++) {
			arr = which == 0 ? a : b;
			n = json_object_array_length(arr);
			for (i = 0; i < n && all; i++) {
				el = json_object_array_get_idx(arr, i);
				all = json_object_is_type(el, json_type_object) &&
				    json_object_object_get_ex(el, keys[k], &v) &&
				    (json_object_is_type(v, json_type_string) ||
				    json_object_is_type(v, json_type_int));
			}
		}
		if (all)
			return keys[k];
	}
	return NULL;
}

static const char *
key_of(json_object *el, const char *key)
{
	json_object *v;

	json_object_object_get_ex(el, key, &v);
	return json_object_get_string(v);
}

/* Arrays matched by key: the n-th element with a key matches the n-th. */
static bool
compare_keyed(const char *path, json_object *a, json_object *b, const char *key)
{
	size_t na = json_object_array_length(a), nb = json_object_array_length(b);
	size_t i, j;
	bool *used = calloc(nb + 1, sizeof *used), go = true;
	char sub[1024], label[256];
	json_object *ea, *eb;

	if (used == NULL)
		return false;
	for (i = 0; i < na && go; i++) {
		ea = json_object_array_get_idx(a, i);
		for (j = 0; j < nb; j++)
			if (!used[j] && strcmp(key_of(ea, key),
			    key_of(json_object_array_get_idx(b, j), key)) == 0)
				break;
		if (strcmp(key, "side") == 0)
			snprintf(label, sizeof label, "[%s]", key_of(ea, key));
		else
			snprintf(label, sizeof label, "[%s=%s]", key, key_of(ea, key));
		join(sub, sizeof sub, path, label, false);
		if (j == nb) {
			go = differ(sub, ea, MISSING);
			continue;
		}
		used[j] = true;
		go = compare(sub, ea, json_object_array_get_idx(b, j));
	}
	for (j = 0; j < nb && go; j++) {
		if (used[j])
			continue;
		eb = json_object_array_get_idx(b, j);
		if (strcmp(key, "side") == 0)
			snprintf(label, sizeof label, "[%s]", key_of(eb, key));
		else
			snprintf(label, sizeof label, "[%s=%s]", key, key_of(eb, key));
		join(sub, sizeof sub, path, label, false);
		go = differ(sub, MISSING, eb);
	}
	free(used);
	return go;
}

static bool
compare_arrays(const char *path, json_object *a, json_object *b)
{
	size_t na = json_object_array_length(a), nb = json_object_array_length(b), i;
	const char *key = match_key(a, b);
	char sub[1024], label[32];

	if (key != NULL)
		return compare_keyed(path, a, b, key);
	for (i = 0; i < na || i < nb; i++) {
		snprintf(label, sizeof label, "[%zu]", i);
		join(sub, sizeof sub, path, label, false);
		if (!compare(sub, i < na ? json_object_array_get_idx(a, i) : MISSING,
		    i < nb ? json_object_array_get_idx(b, i) : MISSING))
			return false;
	}
	return true;
}

static bool
same_scalar(json_object *a, json_object *b)
{
	if (is_number(a) && is_number(b)) {
		if (json_object_is_type(a, json_type_int) && json_object_is_type(b, json_type_int))
			return json_object_get_int64(a) == json_object_get_int64(b);
		return json_object_get_double(a) == json_object_get_double(b);
	}
	if (json_object_get_type(a) != json_object_get_type(b))
		return false;
	switch (json_object_get_type(a)) {
	case json_type_null:
		return true;
	case json_type_boolean:
		return json_object_get_boolean(a) == json_object_get_boolean(b);
	case json_type_string:
		return json_object_get_string_len(a) == json_object_get_string_len(b) &&
		    memcmp(json_object_get_string(a), json_object_get_string(b),
		    (size_t)json_object_get_string_len(a)) == 0;
	default:
		return false;
	}
}

/* Returns false when the comparison should stop. */
static bool
compare(const char *path, json_object *a, json_object *b)
{
	/* json-c represents null as a NULL pointer */
	if (a == NULL || b == NULL || a == MISSING || b == MISSING) {
		if (a == b)
			return true;
		return differ(path, a, b);
	}
	if (json_object_is_type(a, json_type_object) && json_object_is_type(b, json_type_object))
		return compare_objects(path, a, b);
	if (json_object_is_type(a, json_type_array) && json_object_is_type(b, json_type_array))
		return compare_arrays(path, a, b);
	if (same_scalar(a, b))
		return true;
	return differ(path, a, b);
}

static int
usage(void)
{
	fprintf(stderr, "usage: json_equal [--all] [--ignore KEY]... A.json B.json\n");
	return 2;
}

int
main(int argc, char **argv)
{
	const char *files[2];
	json_object *a, *b;
	int i, nfiles = 0, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--ignore") == 0 && i + 1 < argc) {
			if (nignored == MAX_IGNORED)
				return usage();
			ignored[nignored++] = argv[++i];
		} else if (strcmp(argv[i], "--all") == 0) {
			report_all = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return usage();
		} else {
			if (nfiles == 2)
				return usage();
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles != 2)
		return usage();
	if (load(files[0], &a) < 0)
		return 2;
	if (load(files[1], &b) < 0) {
		json_object_put(a);
		return 2;
	}
	compare("", a, b);
	rc = ndiffs > 0 ? 1 : 0;
	if (report_all && ndiffs > 1)
		printf("%d differences\n", ndiffs);
	json_object_put(a);
	json_object_put(b);
	return rc;
}
