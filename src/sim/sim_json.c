/* The simulator's growable text buffer, with the JSON string escaping. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/simgame_internal.h"

/* A rendered document never needs more; past it the buffer fails. */
#define SIM_BUF_CAP (64u * 1024 * 1024)

void
sim_buf_init(struct sim_buf *b)
{
	memset(b, 0, sizeof *b);
}

static void
sim_buf_free(struct sim_buf *b)
{
	free(b->s);
	sim_buf_init(b);
}

char *
sim_buf_take(struct sim_buf *b)
{
	char *s;

	if (b->failed || b->s == NULL) {
		sim_buf_free(b);
		return NULL;
	}
	s = b->s;
	sim_buf_init(b);
	return s;
}

static bool
grow(struct sim_buf *b, size_t need)
{
	size_t cap;
	char *s;

	if (b->failed)
		return false;
	if (b->len + need + 1 <= b->cap)
		return true;
	if (b->len + need + 1 > SIM_BUF_CAP) {
		b->failed = true;
		return false;
	}
	cap = b->cap ? b->cap : 1024;
	while (cap < b->len + need + 1)
		cap *= 2;
	if (cap > SIM_BUF_CAP)
		cap = SIM_BUF_CAP;
	s = realloc(b->s, cap);
	if (s == NULL) {
		b->failed = true;
		return false;
	}
	b->s = s;
	b->cap = cap;
	return true;
}

static void
sim_buf_add(struct sim_buf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sim_buf_puts(struct sim_buf *b, const char *s)
{
	sim_buf_add(b, s, strlen(s));
}

void
sim_buf_printf(struct sim_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!grow(b, 64))
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		if (!grow(b, (size_t)n))
			return;
		va_start(ap, fmt);
		n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0 || (size_t)n >= b->cap - b->len) {
			b->failed = true;
			return;
		}
	}
	b->len += (size_t)n;
}

void
sim_buf_str(struct sim_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	const unsigned char *run;
	char esc[8];

	sim_buf_add(b, "\"", 1);
	while (*p != '\0') {
		run = p;
		while (*p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			sim_buf_add(b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			sim_buf_add(b, esc, 2);
		} else {
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			sim_buf_add(b, esc, 6);
		}
		p++;
	}
	sim_buf_add(b, "\"", 1);
}

void
sim_buf_key(struct sim_buf *b, const char *key)
{
	sim_buf_str(b, key);
	sim_buf_add(b, ":", 1);
}
