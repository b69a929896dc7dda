/*
 * Captures: every raw provider message with its receive time and channel,
 * so that a replay goes through the very same parsers as the live feed.
 *
 * Format (text, greppable, one header line then length-prefixed records):
 *
 *   courtside-capture 2 provider=shottracker game=<id> started=<epoch ms> sum=<hex>\n
 *   <t_ms> <channel> <len> <sum>\n<len bytes of the message>\n
 *   ...
 *
 * t_ms is milliseconds since `started`; channel is a token without spaces:
 * "rest:/v1/data/games/ID", "ws", "push".  The length prefix lets messages
 * hold any bytes, newlines included.
 *
 * Every line proves its integrity: <sum> is 16 hex digits, the first 8
 * bytes of SHA-256 over the previous sum (8 zero bytes for the header),
 * the line up to the space before the sum, a newline, and the message.
 * Chained, so a record that is damaged, lost or moved fails its own check
 * or the next one: a reader trusts everything up to the first failure and
 * nothing after it.  Version 1 (no sums, no "sum=") still reads; damage
 * inside a version 1 message cannot be seen.
 *
 * The writer appends each record with one write(2), so a killed process
 * loses nothing already handed to it; a background thread fsyncs at least
 * once a second, so a pulled plug loses at most the last second.  Nothing
 * secret is ever written: callers record bodies, frames and lines, never
 * headers, tokens or URLs with queries.
 */
#ifndef CS_CAPTURE_H
#define CS_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"

#define CAPTURE_VERSION 2          /* written; version 1 still reads */
#define CAPTURE_MAX_RECORD (8u << 20)

struct capture_writer;

struct capture_writer *capture_open(const char *path, enum cs_provider provider,
    const char *game_id, char **cause);
/* Thread-safe.  Returns 0, or -1 when the write failed (logged once). */
int capture_write(struct capture_writer *w, const char *channel,
    const char *data, size_t len);
void capture_close(struct capture_writer **w);

/* --- reading --- */
struct capture_reader;

struct capture_record {
	int64_t t_ms;
	char channel[128];
	const char *data;          /* valid until the next capture_next */
	size_t len;
};

/* Opens and checks the header: an unknown version, a header that fails its
 * sum, or a file that is not a capture gives a one-line *cause. */
struct capture_reader *capture_read_open(const char *path, char **cause);
enum cs_provider capture_provider(const struct capture_reader *r);
const char *capture_game_id(const struct capture_reader *r);
int64_t capture_started_ms(const struct capture_reader *r);
int capture_version(const struct capture_reader *r);
/*
 * 1 = a record, 0 = the end of an intact capture, -1 = damage: a record
 * that is malformed, cut short, of the wrong length or failing its sum.
 * *cause (may be NULL) then gets one line, "capture damaged at line N:
 * why".  Reading stops at the first damage (every later call returns -1
 * too): the records returned before it are exactly the ones written.
 */
int capture_next(struct capture_reader *r, struct capture_record *rec,
    char **cause);
void capture_read_close(struct capture_reader **r);

#endif
