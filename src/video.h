/*
 * A play on video: where it is in the game's HLS video (the one formula,
 * video_locate), and the user's player started on it, detached, never
 * through a shell and never waited for.  Only the UI thread calls these.
 */
#ifndef CS_VIDEO_H
#define CS_VIDEO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/possessions.h"

#define VIDEO_PLAYER_DEFAULT "mpv --start=%s %u"
#define VIDEO_ARGS_MAX 32

/*
 * The segment that shows the play at wall time play_ms (epoch ms), and
 * the play's position in that segment's stream, in ms.  0, or -1 with a
 * one-line cause ("no video covers this play").
 */
int video_locate(const struct cs_possessions *ps, int64_t play_ms,
    const struct cs_video_kept **seg, int64_t *pos_ms, char **cause);

/* "83.250": ms as seconds, three decimals (a player's --start). */
void video_seconds(int64_t ms, char *buf, size_t size);

/*
 * The player's argv from the `video_player` template: words split at
 * blanks, "%s" replaced by `start`, "%u" by `url`, "%%" by "%".  A NULL-
 * terminated malloc'd vector; -1 with a cause for an empty template, an
 * unknown %-sequence or more than VIDEO_ARGS_MAX words.
 */
int video_argv(const char *tmpl, const char *start, const char *url, char ***argv,
    char **cause);
void video_argv_free(char ***argv);

/* Starts argv[0] (searched in PATH) in its own session, stdin, stdout and
 * stderr on /dev/null; returns its pid, or -1 with a cause. */
pid_t video_spawn(char *const argv[], char **cause);
/* Collects the players that have exited, without waiting. */
void video_reap(void);

/* All of it for one play: locate, build the command, start it.  0 with a
 * note for the status row ("video 83.250 s of https://…"), or -1 with a
 * cause. */
int video_open(const struct cs_possessions *ps, int64_t play_ms, const char *tmpl,
    char *note, size_t size, char **cause);

#endif
