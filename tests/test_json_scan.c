/*
 * json_scan: the structural check and the iterators that let a large
 * document be parsed one element at a time.  Cross-checked against json-c:
 * whatever the scan accepts, json-c parses, and each element the iterators
 * hand out is the very text json-c sees as that element.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "providers/json_scan.h"
#include "tap.h"

static enum json_scan
check(const char *s)
{
	return json_scan_check(s, strlen(s), 24);
}

static void
test_grammar(void)
{
	static const char *const good[] = {
		"{}", "[]", " { } ", "0", "-0", "12.5e-3", "1E+2", "\"\"", "true", "false", "null",
		"{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":\"x\\\"]}\\\\\"}",
		"[\"\\u00e9\\n\\t\\/\",-1.0,{}]", "\"caf\xc3\xa9\"", "\n[1]\n",
	};
	static const char *const bad[] = {
		"{a:1}", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "[1 2]", "{\"a\":1}}", "[1]]",
		"01", "+1", ".5", "[1.]", "[-]", "[1e]", "[tru]", "nul!", "[true false]", "{\"a\":1]",
		"[1}", "\"\\x\"", "\"\\u12g4\"", "{}{}", "[1] 2", "'a'", "NaN", "/*c*/1",
	};
	static const char *const cut[] = {
		"{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "[1,", "\"abc", "\"\\", "\"\\u12", "[tr",
		"{\"a\":[1,{\"b\":\"}\"}", "1.", "-", "1e", "tru", "nul",
	};
	char deep[64];
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ok(check(good[i]) == JSON_SCAN_OK, "valid: %s", good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ok(check(bad[i]) == JSON_SCAN_MALFORMED, "malformed: %s", bad[i]);
	for (i = 0; i < sizeof cut / sizeof cut[0]; i++)
		ok(check(cut[i]) == JSON_SCAN_TRUNCATED, "truncated: %s", cut[i]);
	ok(check("") == JSON_SCAN_EMPTY && check(" \n") == JSON_SCAN_EMPTY, "whitespace is empty");
	ok(json_scan_check(NULL, 0, 24) == JSON_SCAN_EMPTY, "NULL is empty");
	memset(deep, '[', 30);
	memset(deep + 30, ']', 30);
	deep[60] = '\0';
	ok(json_scan_check(deep, 60, 24) == JSON_SCAN_TOO_DEEP, "30 deep with a limit of 24");
	ok(json_scan_check(deep, 60, 30) == JSON_SCAN_OK, "30 deep with a limit of 30");
	ok(json_scan_check("[1,2]garbage", 5, 24) == JSON_SCAN_OK, "only len bytes are read");
	ok(strcmp(json_scan_error(JSON_SCAN_TRUNCATED), "truncated JSON") == 0,
	    "errors read as words");
}

static bool
span_eq(const struct json_span *s, const char *text)
{
	return s->len == strlen(text) && memcmp(s->p, text, s->len) == 0;
}

static void
test_iterators(void)
{
	const char *doc = " { \"a\" : 1 , \"s\\\"k\":\"}]\\\\\" ,\"arr\":[ {\"x\":[1,2]} ,\"]\", -3e2,true ],"
	    "\"e\":[],\"o\":{}} ";
	struct json_iter it, arr;
	struct json_span k, v, el;

	ok(json_scan_check(doc, strlen(doc), 24) == JSON_SCAN_OK, "the walk's document is valid");
	ok(json_iter_begin(&it, doc, strlen(doc)), "an object begins");
	ok(json_next_member(&it, &k, &v) && json_key_is(&k, "a") && span_eq(&v, "1"), "a: 1");
	ok(json_next_member(&it, &k, &v) && span_eq(&k, "s\\\"k") && span_eq(&v, "\"}]\\\\\""),
	    "an escaped key, and a string holding brackets");
	ok(json_next_member(&it, &k, &v) && json_key_is(&k, "arr") && v.p[0] == '[' &&
	    v.p[v.len - 1] == ']', "arr: the whole array");
	ok(json_iter_begin(&arr, v.p, v.len), "an array begins");
	ok(json_next_element(&arr, &el) && span_eq(&el, "{\"x\":[1,2]}"), "element 1: an object");
	ok(json_next_element(&arr, &el) && span_eq(&el, "\"]\""), "element 2: a string");
	ok(json_next_element(&arr, &el) && span_eq(&el, "-3e2"), "element 3: a number");
	ok(json_next_element(&arr, &el) && span_eq(&el, "true"), "element 4: a literal");
	ok(!json_next_element(&arr, &el), "then the array's end");
	ok(!json_next_element(&arr, &el), "and it stays at the end");
	ok(json_next_member(&it, &k, &v) && json_key_is(&k, "e") && span_eq(&v, "[]"), "e: []");
	ok(json_iter_begin(&arr, v.p, v.len) && !json_next_element(&arr, &el),
	    "an empty array has no elements");
	ok(json_next_member(&it, &k, &v) && json_key_is(&k, "o") && span_eq(&v, "{}"), "o: {}");
	ok(!json_next_member(&it, &k, &v), "then the object's end");
	ok(!json_iter_begin(&it, "7", 1) && !json_iter_begin(&it, "  ", 2),
	    "a scalar or nothing is not walked");
	ok(!json_key_is(&k, "oo") && json_key_is(&k, "o"), "keys compare whole");
}

/* --- against json-c --- */

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static size_t
below(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n == 0 ? 0 : (size_t)(rng % n);
}

static json_object *
json_c_parse(const char *text, size_t len)
{
	struct json_tokener *tok = json_tokener_new_ex(24);
	char *s = malloc(len + 2);
	json_object *o;

	/* json-c waits for more after a number that ends the input: a space ends it */
	memcpy(s, text, len);
	s[len++] = ' ';
	s[len] = '\0';
	o = json_tokener_parse_ex(tok, s, (int)len);
	if (json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(o);
		o = NULL;
	} else if ((size_t)json_tokener_get_parse_end(tok) < len &&
	    strspn(s + json_tokener_get_parse_end(tok), " \t\r\n") !=
	    len - (size_t)json_tokener_get_parse_end(tok)) {
		json_object_put(o);
		o = NULL;   /* something after the value */
	}
	json_tokener_free(tok);
	free(s);
	return o;
}

/* Each element the iterators give parses to what json-c put at that index. */
static bool
walk_agrees(const char *s, size_t len, json_object *whole)
{
	struct json_iter it;
	struct json_span k, v;
	json_object *part, *want;
	char key[256];
	size_t i = 0;
	bool same = true;

	if (!json_iter_begin(&it, s, len))
		return true;
	if (json_object_is_type(whole, json_type_array)) {
		while (same && json_next_element(&it, &v)) {
			part = json_c_parse(v.p, v.len);
			want = json_object_array_get_idx(whole, i++);
			same = part != NULL && json_object_equal(part, want);
			json_object_put(part);
		}
		return same && i == json_object_array_length(whole);
	}
	while (same && json_next_member(&it, &k, &v)) {
		if (k.len >= sizeof key || memchr(k.p, '\\', k.len) != NULL)
			continue;   /* escaped keys: json-c decodes them */
		memcpy(key, k.p, k.len);
		key[k.len] = '\0';
		part = json_c_parse(v.p, v.len);
		same = part != NULL && json_object_object_get_ex(whole, key, &want);
		/* a repeated key: json-c keeps the last, so only the last one is compared */
		if (same) {
			struct json_iter rest = it;
			struct json_span k2, v2;
			bool later = false;

			while (json_next_member(&rest, &k2, &v2))
				later |= k2.len == k.len && memcmp(k2.p, k.p, k.len) == 0;
			if (!later)
				same = json_object_equal(part, want);
		}
		json_object_put(part);
	}
	return same;
}

static void
test_against_json_c(void)
{
	static const char *const seeds[] = {
		"{\"details\":[{\"key\":{\"actorId\":\"7269\",\"timestamp\":\"1700000000000\"},"
		"\"baseStats\":\"FG\",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2},\"playerX\":12.5,"
		"\"note\":\"a \\\"quoted\\\" [word]\"},{\"deleted\":true,\"id\":-4e3}],"
		"\"stats\":[{\"teamId\":\"552\",\"stats\":{\"PTS\":{\"value\":2,\"version\":3}}}],"
		"\"shots\":[],\"gameTotals\":{\"status\":\"ACTIVE\",\"x\":null,\"y\":false}}",
		"[1,-2.5e+3,\"\\u00e9\\n\",[[[]]],{\"a\":{\"b\":[true,null]}},\"\"]",
	};
	static const char pieces[] = "{}[]\",:\\ 0123456789-+.eEtrufalsn\n";
	char buf[1024], msg[1200];
	size_t i, j, len, pos;
	int accepted = 0, disagree = 0, walks = 0, bad_walks = 0;
	json_object *o;

	for (i = 0; i < 20000; i++) {
		const char *seed = seeds[i % 2];

		len = strlen(seed);
		memcpy(buf, seed, len);
		for (j = 0; j <= below(4); j++) {
			pos = below(len);
			switch (below(3)) {
			case 0:   /* replace a byte */
				buf[pos] = pieces[below(sizeof pieces - 1)];
				break;
			case 1:   /* cut */
				len = pos;
				break;
			default:  /* insert */
				if (len + 1 < sizeof buf) {
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = pieces[below(sizeof pieces - 1)];
					len++;
				}
			}
		}
		if (json_scan_check(buf, len, 24) != JSON_SCAN_OK)
			continue;
		accepted++;
		o = json_c_parse(buf, len);
		if (o == NULL) {
			if (disagree++ == 0) {
				snprintf(msg, sizeof msg, "the scan accepts what json-c refuses: %.*s",
				    (int)len, buf);
				tap_diag(msg);
			}
			continue;
		}
		walks++;
		if (!walk_agrees(buf, len, o) && bad_walks++ == 0) {
			snprintf(msg, sizeof msg, "the walk differs from json-c: %.*s", (int)len, buf);
			tap_diag(msg);
		}
		json_object_put(o);
	}
	ok(accepted > 1000, "mutations the scan accepts: %d of 20000", accepted);
	is_int(disagree, 0, "json-c parses everything the scan accepts");
	ok(walks > 1000 && bad_walks == 0, "the walk hands out json-c's own elements (%d of %d)",
	    walks - bad_walks, walks);
	/* every strict prefix of a valid document is truncated, never accepted */
	for (i = 0, disagree = 0; i < strlen(seeds[0]); i++)
		if (json_scan_check(seeds[0], i, 24) != (i == 0 ? JSON_SCAN_EMPTY :
		    JSON_SCAN_TRUNCATED))
			disagree++;
	is_int(disagree, 0, "every cut of a valid document reads as truncated");
}

/* json_scan_check_members against json_scan_check then json_members_plain,
 * on 20,000 mutations of frames without a backslash. */
static void
test_members(void)
{
	static const char *const seeds[] = {
		"{\"source\":\"stats\",\"seq\":3,\"data\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"},"
		"\"sequence\":null,\"x\":[],\"e\":{}}",
		"{ \"data\" : { \"data\":1 } , \"source\" : \"clock\" ,\"seq\":-0.5e3 }",
		"[{\"source\":\"a\"},{\"data\":{}}]",
	};
	static const struct json_name names[] = {
		JSON_NAME("source"), JSON_NAME("seq"), JSON_NAME("sequence"), JSON_NAME("data"),
	};
	static const char pieces[] = "{}[]\",: 0123456789-.eEtrufalsnqd\n";
	enum { N = sizeof names / sizeof names[0] };
	struct json_span a[N], b[N];
	char buf[512], msg[700];
	size_t i, j, k, len, pos;
	int same_rc = 0, checked = 0, bad = 0;
	bool twice, plain_ok;

	for (i = 0; i < 20000; i++) {
		const char *seed = seeds[i % 3];

		len = strlen(seed);
		memcpy(buf, seed, len);
		for (j = 0; j <= below(3); j++) {
			pos = below(len);
			switch (below(3)) {
			case 0:
				buf[pos] = pieces[below(sizeof pieces - 1)];
				break;
			case 1:
				len = pos;
				break;
			default:
				if (len + 1 < sizeof buf) {
					memmove(buf + pos + 1, buf + pos, len - pos);
					buf[pos] = pieces[below(sizeof pieces - 1)];
					len++;
				}
			}
		}
		if (json_scan_check_members(buf, len, 24, names, N, a, &twice) !=
		    json_scan_check(buf, len, 24))
			continue;
		same_rc++;
		/* json_members_plain takes an object that begins at its '{' */
		if (json_scan_check(buf, len, 24) != JSON_SCAN_OK || buf[0] != '{')
			continue;
		checked++;
		{
			struct json_span whole = { buf, len };

			plain_ok = json_members_plain(&whole, names, N, b);
		}
		for (k = 0; plain_ok && !twice && k < N; k++)
			if (a[k].p != b[k].p || (a[k].p != NULL && a[k].len != b[k].len))
				break;
		if ((plain_ok == twice || (!twice && k < N)) && bad++ == 0) {
			snprintf(msg, sizeof msg, "members differ: %.*s", (int)len, buf);
			tap_diag(msg);
		}
	}
	is_int(same_rc, 20000, "json_scan_check_members checks as json_scan_check does");
	ok(checked > 1000 && bad == 0, "and finds the members json_members_plain finds, a "
	    "key twice alike (%d of %d)", checked - bad, checked);
}

/* A string as the byte-at-a-time check read it (before memchr): the
 * reference for check_string, whose rc a string document gets, or
 * MALFORMED for anything after the string. */
static enum json_scan
string_reference(const char *s, size_t len)
{
	const char *p = s + 1, *end = s + len;
	int i;

	while (p < end) {
		if (*p == '"') {
			for (p++; p < end && (*p == ' ' || *p == '\n'); p++)
				;
			return p == end ? JSON_SCAN_OK : JSON_SCAN_MALFORMED;
		}
		if (*p != '\\') {
			p++;
			continue;
		}
		if (p + 1 >= end)
			return JSON_SCAN_TRUNCATED;
		if (p[1] == 'u') {
			for (i = 2; i < 6; i++) {
				if (p + i >= end)
					return JSON_SCAN_TRUNCATED;
				if (strchr("0123456789abcdefABCDEF", p[i]) == NULL || p[i] == '\0')
					return JSON_SCAN_MALFORMED;
			}
			p += 6;
			continue;
		}
		if (p[1] == '\0' || strchr("\"\\/bfnrt", p[1]) == NULL)
			return JSON_SCAN_MALFORMED;
		p += 2;
	}
	return JSON_SCAN_TRUNCATED;
}

/* Every string of up to 7 characters of quotes, backslashes and escape
 * letters, and a few long ones, read as the reference reads them. */
static void
test_strings(void)
{
	static const char letters[] = "a\"\\u0n/ ";
	const size_t nl = sizeof letters - 1;
	char *doc, first[96] = "", *big;
	size_t len, i, k, code, total, cases = 0, differ = 0;
	enum json_scan got, want;

	for (len = 0; len <= 7; len++) {
		/* exact size: a read past the string is caught (ASan) */
		if ((doc = malloc(len + 1)) == NULL)
			abort();
		doc[0] = '"';
		for (total = 1, i = 0; i < len; i++)
			total *= nl;
		for (code = 0; code < total; code++) {
			for (k = code, i = 0; i < len; i++, k /= nl)
				doc[1 + i] = letters[k % nl];
			got = json_scan_check(doc, len + 1, 24);
			want = string_reference(doc, len + 1);
			cases++;
			if (got != want && differ++ == 0)
				snprintf(first, sizeof first, ": '%.*s' %s, the reference %s",
				    (int)len + 1, doc, json_scan_error(got), json_scan_error(want));
		}
		free(doc);
	}
	ok(differ == 0, "%zu short strings read as byte by byte (%zu differ)%s", cases, differ,
	    first);
	ok(json_scan_check("\"a\0b\"", 5, 24) == JSON_SCAN_OK, "a NUL inside a string is a character");
	/* long runs: escapes only, escaped quotes only, one bad escape at the end */
	big = malloc(400003);
	if (big == NULL)
		abort();
	big[0] = '"';
	for (i = 1; i < 400001; i += 2)
		memcpy(big + i, "\\n", 2);
	big[400001] = '"';
	ok(json_scan_check(big, 400002, 24) == JSON_SCAN_OK, "200,000 escapes, then the quote");
	for (i = 1; i < 400001; i += 2)
		memcpy(big + i, "\\\"", 2);
	ok(json_scan_check(big, 400002, 24) == JSON_SCAN_OK, "200,000 escaped quotes, then one");
	ok(json_scan_check(big, 400001, 24) == JSON_SCAN_TRUNCATED, "and without it: truncated");
	memcpy(big + 399999, "\\x", 2);
	ok(json_scan_check(big, 400002, 24) == JSON_SCAN_MALFORMED, "a bad escape last: malformed");
	free(big);
}

int
main(void)
{
	test_grammar();
	test_strings();
	test_iterators();
	test_against_json_c();
	test_members();
	return tap_done();
}
