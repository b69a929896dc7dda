/*
 * The leaf every module may use: bounded strings, sanitizing for the
 * terminal, error causes, array growth, hashing, clocks, the time slice.
 * It includes nothing of courtside's own, so that log.c, the model, the
 * providers and the simulator can all depend on it without depending on
 * each other.
 */
#ifndef CS_UTIL_H
#define CS_UTIL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Set *cause to a malloc'd message, stripped as by cs_sanitize (a cause is
 * shown on the terminal and may quote a server), freeing the cause it held:
 * *cause is NULL or an earlier cause.  A NULL `cause` is ignored; out of
 * memory leaves *cause NULL.  Returns -1, so that a failing function can
 * `return cs_set_cause(cause, ...)`.
 */
int cs_set_cause(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Bounded copy that always terminates; never overflows dst. */
void cs_strlcpy(char *dst, const char *src, size_t size);

/* Room for `need` items of `size` bytes in *arr (capacity *cap items),
 * doubling from 256.  Returns 0, or -1 out of memory (*arr kept). */
int cs_grow(void **arr, size_t *cap, size_t need, size_t size);

/* x in decimal into buf, cut to size, exactly as snprintf("%" PRId64)
 * writes it: snprintf cost a ShotTracker stats line a third of its scan. */
void cs_i64_text(int64_t x, char *buf, size_t size);

/* FNV-style over 64-bit words, then mixed: a hash for "seen before" and
 * "changed", never a secret, never stored. */
uint64_t cs_hash64(const void *data, size_t len);

/*
 * Copy `src` into `dst` (capacity `size`), dropping C0/C1 control
 * characters and DEL, and invalid UTF-8 bytes, so that no server string can
 * carry an escape sequence to the terminal.  Tabs and newlines become spaces.
 */
void cs_sanitize(char *dst, const char *src, size_t size);

/* Clocks. */
int64_t cs_now_us(void);        /* monotonic clock, microseconds */
int64_t cs_wall_ms(void);       /* realtime clock, epoch milliseconds */

/*
 * Ask the scheduler to give the calling thread a short time slice, so that
 * when it wakes from poll() it preempts a CPU-bound neighbour at once rather
 * than waiting for the next tick (Linux 6.12+; earlier kernels ignore it).
 * For the UI and feed threads only: threads and processes they start get
 * the default again.  Quietly does nothing where it is refused.
 */
void cs_prefer_short_slice(void);

#endif
