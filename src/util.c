/* The leaf helpers (util.h): strings, sanitizing, causes, growth, hashing, clocks,
 * the time slice. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "util.h"

void
cs_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n;

	if (size == 0)
		return;
	if (src == NULL)
		src = "";
	n = strnlen(src, size - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned int cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* overlong, surrogates, out of range, and C1 controls (U+0080-U+009F) */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ||
	    (cp >= 0x80 && cp <= 0x9f))
		return 0;
	return n;
}

void
cs_sanitize(char *dst, const char *src, size_t size)
{
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	size_t o = 0, n;

	if (size == 0)
		return;
	while (*s != '\0') {
		if (*s == '\t' || *s == '\n' || *s == '\r') {
			if (o + 1 >= size)
				break;
			dst[o++] = ' ';
			s++;
			continue;
		}
		if (*s < 0x20 || *s == 0x7f) {   /* ESC and every other C0 control */
			s++;
			continue;
		}
		n = utf8_len(s);
		if (n == 0) {                    /* invalid byte: drop it */
			s++;
			continue;
		}
		if (o + n >= size)
			break;
		memmove(dst + o, s, n);   /* cs_set_cause sanitizes in place */
		o += n;
		s += n;
	}
	dst[o] = '\0';
}

int
cs_set_cause(char **cause, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (cause == NULL)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	/* formatted before the free: the old cause may be one of the arguments */
	if (msg != NULL)
		cs_sanitize(msg, msg, strlen(msg) + 1);
	free(*cause);
	*cause = msg;
	return -1;
}

void
cs_i64_text(int64_t x, char *buf, size_t size)
{
	char text[24], *p = text + sizeof text;
	uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;

	*--p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (x < 0)
		*--p = '-';
	cs_strlcpy(buf, p, size);
}

int
cs_grow(void **arr, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *n;

	if (need <= *cap)
		return 0;
	ncap = *cap != 0 ? *cap * 2 : 256;
	while (ncap < need)
		ncap *= 2;
	n = realloc(*arr, ncap * size);
	if (n == NULL)
		return -1;
	*arr = n;
	*cap = ncap;
	return 0;
}

uint64_t
cs_hash64(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)len;
	uint64_t w;

	/* A word at a time: the on-court lists hashed at every upsert are
	 * 1.5 KB, and a byte-at-a-time loop was half the model's time. */
	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; len > 0; p++, len--)
		h = (h ^ *p) * 0x100000001b3ULL;
	/* Fold the high bits down, so that every input bit reaches the low
	 * bits a table indexes by. */
	h ^= h >> 32;
	h *= 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return h;
}

int64_t
cs_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t
cs_wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Linux's struct sched_attr (sched_setattr(2)); glibc 2.36 has no wrapper.
 * For SCHED_OTHER, sched_runtime is the thread's time slice (6.12+).
 */
struct cs_sched_attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
};

#define CS_SCHED_OTHER 0
#define CS_SCHED_FLAG_RESET_ON_FORK 0x01
/*
 * The UI and feed threads wake, work for a few hundred microseconds and
 * sleep again.  With the default slice (1.4 ms here) a woken thread often
 * waits behind a CPU-bound one until the next tick (4 ms at 250 Hz).  A
 * slice shorter than theirs lets the scheduler preempt them on wake-up
 * (EEVDF's PREEMPT_SHORT): event -> screen p99 beside two busy processes
 * went from 3.5-3.7 to 3.1-3.5 ms (kernel 6.18; 0.3 and 0.5 ms did no
 * better).  The kernel's floor is 0.1 ms.
 */
#define CS_SHORT_SLICE_NS 100000

void
cs_prefer_short_slice(void)
{
#if defined(__linux__) && defined(SYS_sched_setattr) && defined(SYS_sched_getattr)
	struct cs_sched_attr a;

	memset(&a, 0, sizeof a);
	if (syscall(SYS_sched_getattr, 0, &a, (unsigned)sizeof a, 0) != 0 ||
	    a.policy != CS_SCHED_OTHER)
		return;         /* a policy someone chose: leave it */
	a.size = sizeof a;
	a.runtime = CS_SHORT_SLICE_NS;
	/* keeps the nice value read above; not inherited by what we start */
	a.flags = CS_SCHED_FLAG_RESET_ON_FORK;
	(void)syscall(SYS_sched_setattr, 0, &a, 0);
#endif
}
