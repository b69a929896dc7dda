/*
 * The shared reconnect backoff: it resets only on progress, doubles to its
 * cap otherwise, never waits less than its floor (so a server that drops
 * every connection at once gets a few connects a second at most), jitters,
 * and honours a server's Retry-After within its bounds.
 */
#include "config.h"

#include <stdlib.h>

#include "net/backoff.h"
#include "tap.h"

static const struct backoff_policy policy = {
	.floor_ms = 250, .base_ms = 1000, .cap_ms = 30000, .jitter_pct = 30,
};

/* Without progress the waits double from base to cap, each within its
 * jitter band: [nominal * 0.7, nominal]. */
static void
test_doubles_without_progress(void)
{
	struct backoff b;
	long want[] = { 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000 };
	long d;
	size_t i;
	int bad = 0;

	backoff_init(&b, &policy, 42);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		d = backoff_next(&b, false, -1);
		if (d > want[i] || d < want[i] * 7 / 10) {
			printf("#   attempt %zu: %ld ms, want %ld..%ld\n", i + 1, d,
			    want[i] * 7 / 10, want[i]);
			bad++;
		}
	}
	ok(bad == 0, "no progress: 1 s doubling to the 30 s cap, within the jitter band");
	is_int(backoff_failures(&b), 8, "eight attempts without progress are counted");
}

/* Progress resets: the next wait is the floor (plus jitter), and the
 * doubling starts again from base. */
static void
test_progress_resets(void)
{
	struct backoff b;
	long d;
	int i;

	backoff_init(&b, &policy, 7);
	for (i = 0; i < 6; i++)
		backoff_next(&b, false, -1);
	d = backoff_next(&b, true, -1);
	ok(d >= 250 && d <= 325, "after progress the wait is the floor plus jitter (%ld ms)", d);
	is_int(backoff_failures(&b), 0, "and the failures are forgotten");
	d = backoff_next(&b, false, -1);
	ok(d >= 700 && d <= 1000, "the next failure starts again at 1 s (%ld ms)", d);
}

/* A storm: a server that drops every connection at once, with or without
 * progress, never gets more than 1000/floor connects a second. */
static void
test_never_below_floor(void)
{
	struct backoff b;
	long d, least = 1L << 30;
	int i;

	backoff_init(&b, &policy, 1);
	for (i = 0; i < 100000; i++) {
		d = backoff_next(&b, i % 3 != 0, -1);
		if (d < least)
			least = d;
	}
	ok(least >= 250, "100,000 connections, progress or not: no wait under 250 ms (%ld)",
	    least);

	/* even a policy asking for less gets a floor of 1 ms and base >= floor */
	{
		const struct backoff_policy zero = { 0, 0, 0, 0 };

		backoff_init(&b, &zero, 1);
		ok(backoff_next(&b, true, -1) >= 1 && backoff_next(&b, false, -1) >= 1,
		    "a zero policy still waits at least 1 ms");
	}
}

/* Only progress resets: a connection that replayed what we had (no
 * progress) keeps doubling, however many frames it carried. */
static void
test_no_progress_storm_backs_off(void)
{
	struct backoff b;
	long total = 0;
	int i, connects = 0;

	backoff_init(&b, &policy, 99);
	/* 60 s of a server that drops each connection at once, no progress */
	while (total < 60000) {
		total += backoff_next(&b, false, -1);
		connects++;
	}
	ok(connects <= 10, "60 s of drops without progress: %d connects (<= 10)", connects);
	for (i = 0; i < 5; i++)
		backoff_next(&b, false, -1);
	ok(backoff_next(&b, false, -1) >= 21000, "and the wait stays near the cap");
}

/* Jitter: two clients (seeds) do not wait in lockstep, and one seed
 * repeats itself. */
static void
test_jitter(void)
{
	struct backoff a, b, c;
	int i, differ = 0, same = 1;
	long x, y, z;

	backoff_init(&a, &policy, 1);
	backoff_init(&b, &policy, 2);
	backoff_init(&c, &policy, 1);
	for (i = 0; i < 20; i++) {
		x = backoff_next(&a, i % 4 == 0, -1);
		y = backoff_next(&b, i % 4 == 0, -1);
		z = backoff_next(&c, i % 4 == 0, -1);
		differ += x != y;
		same &= x == z;
	}
	ok(differ >= 10, "two seeds wait differently (%d of 20 differ)", differ);
	ok(same, "one seed gives the same waits");

	{
		const struct backoff_policy flat = { 250, 1000, 30000, 0 };

		backoff_init(&a, &flat, 5);
		is_int(backoff_next(&a, false, -1), 1000, "no jitter: exactly 1 s");
		is_int(backoff_next(&a, false, -1), 2000, "then exactly 2 s");
		is_int(backoff_next(&a, true, -1), 250, "progress: exactly the floor");
	}
}

/* Retry-After: honoured above the backoff, up to the cap only. */
static void
test_retry_after(void)
{
	struct backoff b;

	backoff_init(&b, &policy, 3);
	is_int(backoff_next(&b, false, 5000), 5000, "Retry-After 5 s is waited");
	is_int(backoff_next(&b, false, 3600000), 30000, "Retry-After 1 h is cut to the cap");
	ok(backoff_next(&b, false, 10) >= 2800, "a short Retry-After does not shorten the backoff");
	{
		long d = backoff_next(&b, true, 0);

		ok(d >= 250 && d <= 325, "progress with Retry-After 0: the floor (%ld ms)", d);
	}
}

int
main(void)
{
	test_doubles_without_progress();
	test_progress_resets();
	test_never_below_floor();
	test_no_progress_storm_backs_off();
	test_jitter();
	test_retry_after();
	return tap_done();
}
