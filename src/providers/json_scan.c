/*
 * The structural JSON scan (json_scan.h): a grammar check that allocates
 * nothing, then iterators that step over whole values.
 */
#include "config.h"

#include <string.h>

#include "providers/json_scan.h"

#define SCAN_DEPTH_MAX 256

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static const char *
skip_space(const char *p, const char *end)
{
	while (p < end && is_space(*p))
		p++;
	return p;
}

/*
 * *pp at the opening quote; on success *pp is past the closing one.  Most
 * strings hold no escape: memchr finds the first quote q and any backslash
 * before it.  q is looked for again only when an escape took it (\"), so
 * that the whole is linear however many escapes a string holds.
 */
static enum json_scan
check_string(const char **pp, const char *end)
{
	const char *p = *pp + 1, *q = NULL, *bs;
	int i;

	while (p < end) {
		if (q == NULL || q < p) {
			q = memchr(p, '"', (size_t)(end - p));
			if (q == NULL)
				q = end;
		}
		bs = memchr(p, '\\', (size_t)(q - p));
		if (bs == NULL) {
			if (q == end)
				return JSON_SCAN_TRUNCATED;
			*pp = q + 1;
			return JSON_SCAN_OK;
		}
		p = bs;
		if (p + 1 >= end)
			return JSON_SCAN_TRUNCATED;
		if (p[1] == 'u') {
			for (i = 2; i < 6; i++) {
				if (p + i >= end)
					return JSON_SCAN_TRUNCATED;
				if (!is_hex(p[i]))
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

/* digits after a sign, a point or an exponent: at least one */
static enum json_scan
check_digits(const char **pp, const char *end)
{
	const char *p = *pp;

	if (p >= end)
		return JSON_SCAN_TRUNCATED;
	if (!is_digit(*p))
		return JSON_SCAN_MALFORMED;
	while (p < end && is_digit(*p))
		p++;
	*pp = p;
	return JSON_SCAN_OK;
}

static enum json_scan
check_number(const char **pp, const char *end)
{
	const char *p = *pp;
	enum json_scan rc;

	if (*p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if ((rc = check_digits(&p, end)) != JSON_SCAN_OK)
		return rc;
	if (p < end && *p == '.') {
		p++;
		if ((rc = check_digits(&p, end)) != JSON_SCAN_OK)
			return rc;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if ((rc = check_digits(&p, end)) != JSON_SCAN_OK)
			return rc;
	}
	*pp = p;
	return JSON_SCAN_OK;
}

static enum json_scan
check_literal(const char **pp, const char *end)
{
	static const char *const words[] = { "true", "false", "null" };
	const char *p = *pp;
	size_t i, n, left = (size_t)(end - p);

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i]);
		if (left >= n && memcmp(p, words[i], n) == 0) {
			*pp = p + n;
			return JSON_SCAN_OK;
		}
		if (left < n && memcmp(p, words[i], left) == 0)
			return JSON_SCAN_TRUNCATED;
	}
	return JSON_SCAN_MALFORMED;
}

/* The top-level object's members a check notes as it goes
 * (json_scan_check_members): the member whose value is being read, -1 for
 * one nobody named. */
struct top_members {
	const struct json_name *names;
	size_t n;
	struct json_span *v;
	bool seen[JSON_NAMES_MAX], twice;
	long member;
	const char *value;
};

/* A key of the top-level object, from its opening quote to past its closing one. */
static void
top_key(struct top_members *m, const char *q, const char *past)
{
	size_t i, len = (size_t)(past - q - 2);

	m->member = -1;
	for (i = 0; i < m->n; i++)
		if (len == m->names[i].len && memcmp(q + 1, m->names[i].s, len) == 0)
			break;
	if (i == m->n)
		return;
	if (m->seen[i])
		m->twice = true;
	m->seen[i] = true;
	m->member = (long)i;
}

/* The value of the member being read ends at `past`: null is none. */
static void
top_value(struct top_members *m, const char *past)
{
	size_t len = (size_t)(past - m->value);

	if (m->member >= 0 && !(len == 4 && memcmp(m->value, "null", 4) == 0)) {
		m->v[m->member].p = m->value;
		m->v[m->member].len = len;
	}
	m->member = -1;
}

/* A string in text with no backslash anywhere: it ends at the next quote. */
static enum json_scan
check_plain_string(const char **pp, const char *end)
{
	const char *q = memchr(*pp + 1, '"', (size_t)(end - *pp - 1));

	if (q == NULL)
		return JSON_SCAN_TRUNCATED;
	*pp = q + 1;
	return JSON_SCAN_OK;
}

/* The check, and the top-level members when m is not NULL. */
static enum json_scan
check(const char *text, size_t len, int max_depth, struct top_members *m)
{
	/* what may come next: a value, a key, or what follows a value */
	enum { VALUE, VALUE_OR_CLOSE, KEY, KEY_OR_CLOSE, AFTER } want = VALUE;
	char stack[SCAN_DEPTH_MAX];
	const char *p = text, *end = text + len, *q;
	enum json_scan rc;
	int depth = 0;
	/* most texts hold no escape at all: one memchr over the whole saves
	 * check_string's second one in every string (json_scan_check_members'
	 * caller has looked already) */
	bool plain = m != NULL || (text != NULL && memchr(text, '\\', len) == NULL);

	if (text == NULL)
		return JSON_SCAN_EMPTY;
	if (max_depth > SCAN_DEPTH_MAX)
		max_depth = SCAN_DEPTH_MAX;
	if (skip_space(p, end) == end)
		return JSON_SCAN_EMPTY;
	for (;;) {
		p = skip_space(p, end);
		if (p == end)
			return depth == 0 && want == AFTER ? JSON_SCAN_OK : JSON_SCAN_TRUNCATED;
		/* an empty container closes where its first item would be */
		if ((want == VALUE_OR_CLOSE && *p == ']') || (want == KEY_OR_CLOSE && *p == '}')) {
			p++;
			depth--;
			want = AFTER;
			if (m != NULL && depth == 1)
				top_value(m, p);
			continue;
		}
		switch (want) {
		case VALUE_OR_CLOSE:
		case VALUE:
			if (m != NULL && depth == 1)
				m->value = p;
			if (*p == '{' || *p == '[') {
				if (depth >= max_depth)
					return JSON_SCAN_TOO_DEEP;
				stack[depth++] = *p;
				want = *p == '{' ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
				p++;
				break;
			}
			if (*p == '"')
				rc = plain ? check_plain_string(&p, end) : check_string(&p, end);
			else if (*p == '-' || is_digit(*p))
				rc = check_number(&p, end);
			else
				rc = check_literal(&p, end);
			if (rc != JSON_SCAN_OK)
				return rc;
			want = AFTER;
			if (m != NULL && depth == 1)
				top_value(m, p);
			break;
		case KEY_OR_CLOSE:
		case KEY:
			if (*p != '"')
				return JSON_SCAN_MALFORMED;
			q = p;
			rc = plain ? check_plain_string(&p, end) : check_string(&p, end);
			if (rc != JSON_SCAN_OK)
				return rc;
			if (m != NULL && depth == 1)
				top_key(m, q, p);
			p = skip_space(p, end);
			if (p == end)
				return JSON_SCAN_TRUNCATED;
			if (*p++ != ':')
				return JSON_SCAN_MALFORMED;
			want = VALUE;
			break;
		case AFTER:
			if (depth == 0)
				return JSON_SCAN_MALFORMED;   /* something after the value */
			if (*p == ',') {
				p++;
				want = stack[depth - 1] == '{' ? KEY : VALUE;
			} else if (*p == (stack[depth - 1] == '{' ? '}' : ']')) {
				p++;
				depth--;
				if (m != NULL && depth == 1)
					top_value(m, p);
			} else
				return JSON_SCAN_MALFORMED;
			break;
		}
	}
}

enum json_scan
json_scan_check(const char *text, size_t len, int max_depth)
{
	return check(text, len, max_depth, NULL);
}

enum json_scan
json_scan_check_members(const char *text, size_t len, int max_depth,
    const struct json_name *names, size_t n, struct json_span *v, bool *twice)
{
	struct top_members m;
	enum json_scan rc;
	size_t i;

	memset(&m, 0, sizeof m);
	m.names = names;
	m.n = n;
	m.v = v;
	m.member = -1;
	for (i = 0; i < n; i++)
		v[i].p = NULL;
	rc = check(text, len, max_depth, &m);
	*twice = m.twice;
	return rc;
}

const char *
json_scan_error(enum json_scan e)
{
	switch (e) {
	case JSON_SCAN_OK:
		return "valid JSON";
	case JSON_SCAN_EMPTY:
		return "empty";
	case JSON_SCAN_TRUNCATED:
		return "truncated JSON";
	case JSON_SCAN_MALFORMED:
		return "malformed JSON";
	case JSON_SCAN_TOO_DEEP:
		return "JSON nested too deep";
	}
	return "bad JSON";
}

/* --- iterators over checked text --- */

/* Past the closing quote of the string at p: the next quote, found by
 * memchr, unless an odd number of backslashes stands before it (inline:
 * the container loop below crosses most strings). */
static inline const char *
string_end(const char *p, const char *end)
{
	const char *q;
	size_t slashes;

	for (p++; p < end; p = q + 1) {
		q = memchr(p, '"', (size_t)(end - p));
		if (q == NULL)
			return end;
		for (slashes = 0; q - slashes > p && q[-1 - (ptrdiff_t)slashes] == '\\'; slashes++)
			;
		if (slashes % 2 == 0)
			return q + 1;
	}
	return end;
}

const char *
json_skip_string(const char *p, const char *end)
{
	return string_end(p, end);
}

/* The bytes json_skip_value stops at inside a container. */
static const bool container_stop[256] = {
	['"'] = true, ['{'] = true, ['}'] = true, ['['] = true, [']'] = true,
};

const char *
json_skip_value(const char *p, const char *end)
{
	int depth = 0;

	if (p < end && *p == '"')
		return string_end(p, end);
	if (p >= end || (*p != '{' && *p != '[')) {
		while (p < end && *p != ',' && *p != ']' && *p != '}' && !is_space(*p))
			p++;
		return p;
	}
	while (p < end) {
		/* most bytes are none of "{}[]: step over them in a tight loop */
		while (p < end && !container_stop[(unsigned char)*p])
			p++;
		if (p == end)
			break;
		switch (*p) {
		case '"':
			p = string_end(p, end);
			continue;
		case '{':
		case '[':
			depth++;
			break;
		default:   /* '}' or ']' */
			if (--depth == 0)
				return p + 1;
			break;
		}
		p++;
	}
	return end;
}

bool
json_iter_begin(struct json_iter *it, const char *value, size_t len)
{
	const char *end = value + len, *p = skip_space(value, end);

	if (p == end || (*p != '{' && *p != '['))
		return false;
	it->p = p + 1;
	it->end = end;
	it->first = true;
	return true;
}

/* Past the comma before the next item, or NULL at the end. */
static const char *
next_item(struct json_iter *it)
{
	const char *p = skip_space(it->p, it->end);

	if (p == it->end || *p == '}' || *p == ']')
		return NULL;
	if (!it->first) {
		if (*p != ',')
			return NULL;
		p = skip_space(p + 1, it->end);
	}
	it->first = false;
	return p < it->end ? p : NULL;
}

/* The value at `p` (NULL: there is none, the walk is over). */
static bool
take_value(struct json_iter *it, const char *p, struct json_span *value)
{
	const char *q;

	if (p == NULL) {
		it->p = it->end;
		return false;
	}
	q = json_skip_value(p, it->end);
	value->p = p;
	value->len = (size_t)(q - p);
	it->p = q;
	return true;
}

bool
json_next_member(struct json_iter *it, struct json_span *key, struct json_span *value)
{
	const char *p = next_item(it), *q;

	if (p == NULL || *p != '"')
		return take_value(it, NULL, value);
	q = json_skip_string(p, it->end);
	key->p = p + 1;
	key->len = q > p + 1 ? (size_t)(q - p - 2) : 0;
	p = skip_space(q, it->end);
	if (p == it->end || *p != ':')
		return take_value(it, NULL, value);
	return take_value(it, skip_space(p + 1, it->end), value);
}

bool
json_next_element(struct json_iter *it, struct json_span *value)
{
	return take_value(it, next_item(it), value);
}

bool
json_key_is(const struct json_span *key, const char *name)
{
	size_t n = strlen(name);

	return key->len == n && memcmp(key->p, name, n) == 0;
}

/* --- the iterators over checked text without a backslash --- */

bool
json_next_member_plain(struct json_iter *it, struct json_span *key, struct json_span *value)
{
	const char *p = next_item(it), *q;

	if (p == NULL || *p != '"' ||
	    (q = memchr(p + 1, '"', (size_t)(it->end - p - 1))) == NULL)
		return take_value(it, NULL, value);
	key->p = p + 1;
	key->len = (size_t)(q - p - 1);
	p = skip_space(q + 1, it->end);
	if (p == it->end || *p != ':')
		return take_value(it, NULL, value);
	p = skip_space(p + 1, it->end);
	if (p == it->end)
		return take_value(it, NULL, value);
	q = json_skip_value(p, it->end);
	value->p = p;
	value->len = (size_t)(q - p);
	it->p = q;
	return true;
}

bool
json_members_plain(const struct json_span *obj, const struct json_name *names, size_t n,
    struct json_span *v)
{
	struct json_iter it;
	struct json_span k, val;
	bool seen[JSON_NAMES_MAX] = { false };
	size_t i;

	for (i = 0; i < n; i++)
		v[i].p = NULL;
	if (obj->p == NULL || obj->p[0] != '{' || !json_iter_begin(&it, obj->p, obj->len))
		return true;
	while (json_next_member_plain(&it, &k, &val)) {
		for (i = 0; i < n; i++)
			if (k.len == names[i].len && memcmp(k.p, names[i].s, k.len) == 0)
				break;
		if (i == n)
			continue;   /* a key nobody reads */
		if (seen[i])
			return false;
		seen[i] = true;
		if (!(val.len == 4 && memcmp(val.p, "null", 4) == 0))
			v[i] = val;
	}
	return true;
}

bool
json_span_int(const struct json_span *v, int64_t *out)
{
	const char *p = v->p;
	int64_t x = 0;
	size_t i;

	if (p == NULL || v->len == 0 || (*p != '-' && !is_digit(*p)))
		return false;
	i = *p == '-';
	if (v->len == i || v->len - i > JSON_INT_DIGITS_MAX)
		return false;
	for (; i < v->len; i++) {
		if (!is_digit(p[i]))
			return false;   /* a fraction or an exponent: json-c's double */
		x = x * 10 + (p[i] - '0');
	}
	*out = *p == '-' ? -x : x;
	return true;
}

long
json_span_string(const struct json_span *value, char *buf, size_t size)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *p = value->p, *end = value->p + value->len, *e;
	size_t o = 0;

	if (value->len < 2 || *p != '"' || end[-1] != '"')
		return -1;
	for (p++, end--; p < end; p++) {
		if (o + 1 >= size)
			return -1;
		if (*p != '\\') {
			buf[o++] = *p;
			continue;
		}
		if (++p == end || *p == '\0' || (e = strchr(from, *p)) == NULL)
			return -1;   /* \u, or not an escape at all */
		buf[o++] = to[e - from];
	}
	if (size == 0)
		return -1;
	buf[o] = '\0';
	return (long)o;
}
