/*
 * The reconnect backoff both providers share.
 *
 * A connection that moved the resume point forward (ShotTracker's
 * last_seq, Sportradar's last event) resets the backoff; any other
 * ending -- a drop, a stall, a refusal, a connection that only replayed
 * what we had -- doubles the wait, from `base_ms` up to `cap_ms`.  No
 * wait is ever below `floor_ms`, so whatever a server does, connects
 * come at most 1000/floor_ms a second.  Jitter spreads the waits of many
 * clients: a doubled wait loses up to jitter_pct of itself (the cap stays
 * the cap), the floor gains up to jitter_pct.  Pure: no clock, no I/O;
 * the random source is seeded by the caller, so tests are deterministic.
 */
#ifndef CS_BACKOFF_H
#define CS_BACKOFF_H

#include <stdbool.h>
#include <stdint.h>

struct backoff_policy {
	long floor_ms;          /* the least wait between two connects */
	long base_ms;           /* the first wait after no progress */
	long cap_ms;            /* the longest wait */
	int jitter_pct;         /* 0..100: share of the wait that is random */
};

/* 250 ms floor, 1 s doubling to 30 s, 30% jitter. */
extern const struct backoff_policy backoff_default;

struct backoff {
	struct backoff_policy policy;
	int failures;           /* connections in a row without progress */
	uint64_t rng;
};

void backoff_init(struct backoff *b, const struct backoff_policy *policy,
    uint64_t seed);
/*
 * A connection (or an attempt) ended: the wait before the next one, in
 * ms.  `progress`: the resume point moved forward since the last call.
 * `retry_after_ms` (< 0 when absent) is the server's own hint: honoured
 * up to the cap, never below the floor.
 */
long backoff_next(struct backoff *b, bool progress, long retry_after_ms);
/* Attempts in a row without progress (0 after progress). */
int backoff_failures(const struct backoff *b);

#endif
