/*
 * A structural scan of a JSON text: where each value begins and ends,
 * without building it.  json-c builds a whole tree, about ten bytes of heap
 * per byte of text, so a 0.5 MB catch-up body would cost 5 MB at once; with
 * this scan it is checked first, then parsed one array element at a time.
 *
 *   if (json_scan_check(doc, len, depth) != JSON_SCAN_OK) ...skip it whole
 *   json_iter_begin(&it, doc, len);
 *   while (json_next_member(&it, &key, &value)) ...
 *
 * json_scan_check checks the whole grammar (strict RFC 8259, with control
 * characters tolerated inside strings as json-c does), so a truncated or
 * malformed document is refused before anything in it is used.  The
 * iterators walk a document that the check accepted.
 */
#ifndef CS_JSON_SCAN_H
#define CS_JSON_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum json_scan {
	JSON_SCAN_OK,
	JSON_SCAN_EMPTY,          /* nothing but whitespace */
	JSON_SCAN_TRUNCATED,      /* ends inside a value */
	JSON_SCAN_MALFORMED,      /* not JSON, or something after the value */
	JSON_SCAN_TOO_DEEP,       /* nested deeper than max_depth */
};

/* A run of the text: a whole value, or a key's characters (without the
 * quotes, escapes not decoded). */
struct json_span {
	const char *p;
	size_t len;
};

struct json_iter {
	const char *p, *end;
	bool first;
};

/* One value, with whitespace around it, nested at most max_depth deep. */
enum json_scan json_scan_check(const char *text, size_t len, int max_depth);
const char *json_scan_error(enum json_scan e);

/* Begins walking the object or array that `value` is (checked).  False
 * when it is neither. */
bool json_iter_begin(struct json_iter *it, const char *value, size_t len);
/* The next member of an object, or false at its end. */
bool json_next_member(struct json_iter *it, struct json_span *key,
    struct json_span *value);
/* The next element of an array, or false at its end. */
bool json_next_element(struct json_iter *it, struct json_span *value);
/* Past the value at p in checked text (a string, a number or word, or a
 * whole object or array), and past the string at p's opening quote: the
 * one skipper of the iterators here and of Sportradar's push scanner. */
const char *json_skip_value(const char *p, const char *end);
const char *json_skip_string(const char *p, const char *end);
/* Whether a key span equals a plain (escape-free) name. */
bool json_key_is(const struct json_span *key, const char *name);

/* json_next_member for checked text with no backslash in it at all (the
 * caller made sure): a string ends at the next quote, found by memchr,
 * several times faster over a frame of strings. */
bool json_next_member_plain(struct json_iter *it, struct json_span *key,
    struct json_span *value);

/* A member name to look for, as json_members_plain takes them. */
struct json_name {
	const char *s;
	size_t len;
};

#define JSON_NAME(s) { s, sizeof s - 1 }
#define JSON_NAMES_MAX 32

/* The members of the object `obj` (checked text without a backslash)
 * named in names[0..n), n <= JSON_NAMES_MAX, into v[]: p NULL when absent
 * or null, as json-c's lookup sees them.  false when a named key is there
 * twice (json-c keeps the last; the caller leaves that to json-c); a value
 * that is no object has no members. */
bool json_members_plain(const struct json_span *obj, const struct json_name *names,
    size_t n, struct json_span *v);

/* json_scan_check, noting as it goes the members of the top-level object
 * (text without a backslash) named in names[0..n) into v[], as
 * json_members_plain would find them in an object that begins at text[0]:
 * one pass instead of two over a frame.  *twice is whether a named key is
 * there twice; an array or a scalar at the top has no members. */
enum json_scan json_scan_check_members(const char *text, size_t len, int max_depth,
    const struct json_name *names, size_t n, struct json_span *v, bool *twice);

/* A plain integer value (an optional minus, then at most
 * JSON_INT_DIGITS_MAX digits: no fraction, no exponent, no quotes) into
 * *out: false for anything else. */
#define JSON_INT_DIGITS_MAX 18     /* an int64 with room to spare */
bool json_span_int(const struct json_span *v, int64_t *out);

/* The text of a string value (with its quotes, as the iterators give it)
 * into buf, NUL-terminated, with the two-character escapes decoded as
 * json-c decodes them: its length, or -1 when `value` is not a string,
 * holds a \u escape (left to json-c: surrogates, NULs), or does not fit. */
long json_span_string(const struct json_span *value, char *buf, size_t size);

#endif
