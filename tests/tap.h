/*
 * A tiny TAP producer for the C tests: automake's tap-driver counts every
 * `ok`/`not ok` line, so each check is one test in the summary.
 *
 *   ok(cond, "name %d", n);  is_int(got, want, "name");  is_str(got, want, "name");
 *   return tap_done();
 */
#ifndef CS_TAP_H
#define CS_TAP_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 3), unused))
static int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	return cond;
}

#define is_int(got, want, ...) do {					\
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want);	\
	if (!ok(tap_g_ == tap_w_, __VA_ARGS__))				\
		printf("#   got %lld, want %lld (%s:%d)\n", tap_g_, tap_w_,	\
		    __FILE__, __LINE__);					\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *tap_g_ = (got), *tap_w_ = (want);			\
	int tap_eq_ = tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0;	\
	if (!ok(tap_eq_, __VA_ARGS__))					\
		printf("#   got \"%s\", want \"%s\" (%s:%d)\n",		\
		    tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)",	\
		    __FILE__, __LINE__);					\
} while (0)

__attribute__((unused))
static void tap_diag(const char *msg)
{
	printf("# %s\n", msg);
}

__attribute__((unused))
static int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

/* A number below n from a test's own seeded sequence (an LCG's high
 * bits): the same runs every time, for generated inputs. */
static inline unsigned
tap_rand(uint64_t *state, unsigned n)
{
	*state = *state * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)((*state >> 33) % n);
}

#endif
