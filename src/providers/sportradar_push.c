/*
 * The push stream splitter: chunks in, whole messages out.
 *
 * The wire is NDJSON (one compact object per line, blank keep-alive lines,
 * maybe "\r\n"), but Sportradar's own sample files run pretty-printed
 * objects together.  One scanner serves both: it tracks brace depth and
 * strings, so a message ends at the newline of a line (NDJSON), or where
 * its outermost object closes (concatenated objects).  A message that was
 * cut short is found when a raw newline falls inside a string, or when a
 * new object starts at the beginning of a line while one is still open
 * (pretty-printing indents everything but the outermost braces); it is
 * handed on as it is, and the parser warns about it.  A message longer than
 * the cap is dropped as it streams by, never buffered whole.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"

#define SPLIT_INITIAL 8192

struct sportradar_splitter {
	char *buf;
	size_t len, cap, max;
	bool started;        /* a message is in progress (even if dropped) */
	int depth;           /* braces and brackets open, outside strings */
	bool in_string, escape;
	bool line_start;     /* last byte was a newline inside an open message */
	bool discarding;     /* the message outgrew the cap: drop the rest of it */
	size_t dropped;      /* bytes of it seen */
	void (*line)(void *, const char *, size_t);
	void (*warning)(void *, const char *);
	void *ctx;
};

struct sportradar_splitter *
sportradar_splitter_new(size_t max_line, void (*line)(void *, const char *, size_t),
    void (*warning)(void *, const char *), void *ctx)
{
	struct sportradar_splitter *sp;

	sp = calloc(1, sizeof *sp);
	if (sp == NULL)
		return NULL;
	sp->max = max_line != 0 ? max_line : SR_LINE_MAX;
	sp->line = line;
	sp->warning = warning;
	sp->ctx = ctx;
	return sp;
}

void
sportradar_splitter_free(struct sportradar_splitter **sp)
{
	if (sp == NULL || *sp == NULL)
		return;
	free((*sp)->buf);
	free(*sp);
	*sp = NULL;
}

__attribute__((format(printf, 2, 3)))
static void
split_warn(struct sportradar_splitter *sp, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	if (sp->warning == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sp->warning(sp->ctx, msg);
}

static void
restart(struct sportradar_splitter *sp)
{
	sp->len = 0;
	sp->started = false;
	sp->depth = 0;
	sp->in_string = sp->escape = false;
	sp->line_start = false;
	sp->discarding = false;
	sp->dropped = 0;
	/* give back what one unusually large message needed */
	if (sp->cap > 4 * SPLIT_INITIAL * 8) {
		free(sp->buf);
		sp->buf = NULL;
		sp->cap = 0;
	}
}

/* The message in progress is complete: hand it on (or finish dropping it). */
static void
finish(struct sportradar_splitter *sp)
{
	size_t n = sp->len;

	if (sp->discarding) {
		restart(sp);
		return;
	}
	while (n > 0 && (sp->buf[n - 1] == '\r' || sp->buf[n - 1] == ' ' ||
	    sp->buf[n - 1] == '\t' || sp->buf[n - 1] == '\n'))
		n--;
	if (n > 0) {
		sp->buf[n] = '\0';
		if (sp->line != NULL)
			sp->line(sp->ctx, sp->buf, n);
	}
	restart(sp);
}

/* Appends one byte; past the cap the message is dropped with one warning. */
static void
append(struct sportradar_splitter *sp, char c)
{
	size_t ncap;
	char *nbuf;

	if (sp->discarding) {
		sp->dropped++;
		return;
	}
	if (sp->len + 1 >= sp->cap) {
		if (sp->len + 1 > sp->max) {
			split_warn(sp, "sportradar: push message longer than %zu bytes dropped",
			    sp->max);
			sp->discarding = true;
			sp->dropped = sp->len + 1;
			sp->len = 0;
			return;
		}
		ncap = sp->cap == 0 ? SPLIT_INITIAL : sp->cap * 2;
		if (ncap > sp->max + 1)
			ncap = sp->max + 1;
		nbuf = realloc(sp->buf, ncap);
		if (nbuf == NULL) {
			split_warn(sp, "sportradar: out of memory: a push message of %zu bytes dropped",
			    sp->len);
			sp->discarding = true;
			sp->dropped = sp->len + 1;
			sp->len = 0;
			return;
		}
		sp->buf = nbuf;
		sp->cap = ncap;
	}
	sp->buf[sp->len++] = c;
}

/* Appends a run of string bytes at once (the bulk of every message). */
static void
append_run(struct sportradar_splitter *sp, const char *p, size_t n)
{
	size_t i;

	if (sp->discarding) {
		sp->dropped += n;
		return;
	}
	if (sp->len + n + 1 > sp->cap) {
		/* the slow path knows how to grow, and when to give up */
		for (i = 0; i < n; i++)
			append(sp, p[i]);
		return;
	}
	memcpy(sp->buf + sp->len, p, n);
	sp->len += n;
}

void
sportradar_splitter_feed(struct sportradar_splitter *sp, const char *data, size_t len)
{
	size_t i, k;
	char c;

	for (i = 0; i < len; i++) {
		if (sp->in_string && !sp->escape && !sp->line_start) {
			/* inside a string only '"', '\\' and a newline matter */
			for (k = i; k < len && data[k] != '"' && data[k] != '\\' &&
			    data[k] != '\n'; k++)
				;
			append_run(sp, data + i, k - i);
			i = k;
			if (i == len)
				break;
		}
		c = data[i];
		if (!sp->started) {
			/* blank keep-alive lines and separators between messages */
			if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
				continue;
			sp->started = true;
		}
		if (sp->line_start) {
			sp->line_start = false;
			if (c == '{' && sp->depth > 0 && !sp->in_string) {
				/* a new outermost object: the open one was cut short */
				finish(sp);
				sp->started = true;
			}
		}
		if (c == '\n') {
			if (sp->in_string || sp->depth <= 0) {
				/* end of a line (a raw newline cannot sit in a string) */
				finish(sp);
				continue;
			}
			sp->line_start = true;   /* pretty-printed: the object goes on */
			append(sp, c);
			continue;
		}
		append(sp, c);
		if (sp->in_string) {
			if (sp->escape)
				sp->escape = false;
			else if (c == '\\')
				sp->escape = true;
			else if (c == '"')
				sp->in_string = false;
			continue;
		}
		switch (c) {
		case '"':
			sp->in_string = true;
			break;
		case '{':
		case '[':
			sp->depth++;
			break;
		case '}':
		case ']':
			if (--sp->depth == 0)
				finish(sp);
			break;
		default:
			break;
		}
	}
}

void
sportradar_splitter_reset(struct sportradar_splitter *sp)
{
	if (sp->started && !sp->discarding && sp->len > 0)
		split_warn(sp, "sportradar: the push stream ended inside a message; %zu bytes dropped",
		    sp->len);
	restart(sp);
}

size_t
sportradar_splitter_buffered(const struct sportradar_splitter *sp)
{
	return sp->len;
}

size_t
sportradar_splitter_capacity(const struct sportradar_splitter *sp)
{
	return sp->cap;
}

void
sportradar_splitter_to_parser(void *ctx, const char *line, size_t len)
{
	sportradar_parse_push(ctx, line, len, NULL);
}
