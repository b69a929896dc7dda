/* The reconnect backoff (backoff.h). */
#include "config.h"

#include "net/backoff.h"

const struct backoff_policy backoff_default = {
	.floor_ms = 250,
	.base_ms = 1000,
	.cap_ms = 30000,
	.jitter_pct = 30,
};

void
backoff_init(struct backoff *b, const struct backoff_policy *policy,
    uint64_t seed)
{
	b->policy = *policy;
	if (b->policy.floor_ms < 1)
		b->policy.floor_ms = 1;
	if (b->policy.base_ms < b->policy.floor_ms)
		b->policy.base_ms = b->policy.floor_ms;
	if (b->policy.cap_ms < b->policy.base_ms)
		b->policy.cap_ms = b->policy.base_ms;
	if (b->policy.jitter_pct < 0)
		b->policy.jitter_pct = 0;
	if (b->policy.jitter_pct > 100)
		b->policy.jitter_pct = 100;
	b->failures = 0;
	/* xorshift must not start at 0 */
	b->rng = seed != 0 ? seed : 0x9e3779b97f4a7c15ULL;
}

static uint64_t
next_random(struct backoff *b)
{
	/* xorshift64*: jitter only, no need for more */
	b->rng ^= b->rng >> 12;
	b->rng ^= b->rng << 25;
	b->rng ^= b->rng >> 27;
	return b->rng * 2685821657736338717ULL;
}

/* Base doubling per attempt without progress, up to the cap. */
static long
nominal(const struct backoff *b)
{
	long d = b->policy.base_ms;
	int i;

	for (i = 1; i < b->failures && d < b->policy.cap_ms; i++)
		d *= 2;
	return d < b->policy.cap_ms ? d : b->policy.cap_ms;
}

/* A share of `d` (0..jitter_pct %), drawn at random. */
static long
jitter(struct backoff *b, long d)
{
	long spread = d * b->policy.jitter_pct / 100;

	return spread > 0 ? (long)(next_random(b) % (uint64_t)(spread + 1)) : 0;
}

long
backoff_next(struct backoff *b, bool progress, long retry_after_ms)
{
	long d;

	if (progress)
		b->failures = 0;
	else if (b->failures < 1000)
		b->failures++;
	/* after progress: the floor plus jitter; else the doubling wait
	 * minus jitter, so the cap stays the cap */
	if (b->failures == 0)
		d = b->policy.floor_ms + jitter(b, b->policy.floor_ms);
	else {
		d = nominal(b);
		d -= jitter(b, d);
	}
	if (retry_after_ms > d)
		d = retry_after_ms < b->policy.cap_ms ? retry_after_ms : b->policy.cap_ms;
	return d > b->policy.floor_ms ? d : b->policy.floor_ms;
}

int
backoff_failures(const struct backoff *b)
{
	return b->failures;
}
