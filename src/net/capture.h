/*
 * Captures: every raw provider message with its receive time and channel,
 * so that a replay goes through the very same parsers as the live feed.
 *
 * Format (text, greppable, one header line then length-prefixed records):
 *
 *   courtside-capture 1 provider=shottracker game=<id> started=<epoch ms>\n
 *   <t_ms> <channel> <len>\n<len bytes of the message>\n
 *   ...
 *
 * t_ms is milliseconds since `started`; channel is a token without spaces:
 * "rest:/v1/data/games/ID", "ws", "push".  The length prefix lets messages
 * hold any bytes, newlines included.
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

#define CAPTURE_VERSION 1
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

/* Opens and checks the header: an unknown version or a file that is not a
 * capture gives a one-line *cause. */
struct capture_reader *capture_read_open(const char *path, char **cause);
enum cs_provider capture_provider(const struct capture_reader *r);
const char *capture_game_id(const struct capture_reader *r);
int64_t capture_started_ms(const struct capture_reader *r);
/* 1 = a record, 0 = the end.  Damage (a corrupt or truncated record) is
 * reported through *warning (one line, malloc'd, may be NULL): a corrupt
 * record is skipped up to the next good one; a truncated last record ends
 * the capture.  Everything before the damage is returned. */
int capture_next(struct capture_reader *r, struct capture_record *rec,
    char **warning);
void capture_read_close(struct capture_reader **r);

#endif
