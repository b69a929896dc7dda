/*
 * A play on video (video.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "video.h"

#define PLAYERS_MAX 16   /* players started and not yet collected */

/* environ: unistd.h declares it (_GNU_SOURCE) */


static pid_t players[PLAYERS_MAX];

/*
 * Where a play is in the video, from the five HLS fields of Game Videos
 * (seeds page 003; the vendor says to rely on these alone):
 *
 *   position(t) = t + hlsVideoDelayMs - hlsVideoStartTimestamp     [ms]
 *
 * is where the instant t (epoch ms) is in the stream hlsFile: the stream
 * starts at hlsVideoStartTimestamp and shows the game hlsVideoDelayMs late.
 * A segment covers the positions
 *
 *   hlsStartOffset <= position <= hlsStartOffset + hlsDuration
 *
 * (both ends included).  Timestamps and the delay are ms, as named;
 * hlsStartOffset and hlsDuration are seconds (not documented: the example
 * sends 8), converted to ms when read (shottracker_video_segment).  The
 * first segment, in the order received, that covers the play wins.
 */
int
video_locate(const struct cs_possessions *ps, int64_t play_ms,
    const struct cs_video_kept **seg, int64_t *pos_ms, char **cause)
{
	const struct cs_video_kept *v;
	size_t i, n = cs_possessions_video_count(ps);
	int64_t pos;

	if (play_ms <= 0)
		return cs_set_cause(cause, "this play has no time of day: no video position");
	for (i = 0; i < n; i++) {
		v = cs_possessions_video(ps, i);
		pos = play_ms + v->delay_ms - v->hls_start_ms;
		if (pos >= v->offset_ms && pos <= v->offset_ms + v->duration_ms) {
			*seg = v;
			*pos_ms = pos;
			return 0;
		}
	}
	if (n == 0)
		return cs_set_cause(cause, "no video for this game (ShotTracker sent none)");
	return cs_set_cause(cause, "no video segment covers this play (%zu segments)", n);
}

void
video_seconds(int64_t ms, char *buf, size_t size)
{
	snprintf(buf, size, "%s%" PRId64 ".%03" PRId64, ms < 0 ? "-" : "",
	    (ms < 0 ? -ms : ms) / 1000, (ms < 0 ? -ms : ms) % 1000);
}

/* One word of the template with its %-sequences replaced; NULL on error. */
static char *
expand(const char *w, size_t len, const char *start, const char *url, char **cause)
{
	size_t cap = len + strlen(start) + strlen(url) + 1, i, o = 0;
	char *out = malloc(cap);
	const char *rep;

	if (out == NULL) {
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	for (i = 0; i < len; i++) {
		if (w[i] != '%') {
			out[o++] = w[i];
			continue;
		}
		rep = i + 1 < len && w[i + 1] == 's' ? start : i + 1 < len && w[i + 1] == 'u' ? url :
		    i + 1 < len && w[i + 1] == '%' ? "%" : NULL;
		if (rep == NULL) {
			cs_set_cause(cause, "video_player: unknown %%%c (use %%s, %%u or %%%%)",
			    i + 1 < len ? w[i + 1] : ' ');
			free(out);
			return NULL;
		}
		/* %s and %u appear once a word at most in sane templates; grow anyway */
		if (o + strlen(rep) + len - i + 1 > cap) {
			char *bigger = realloc(out, cap += strlen(rep) + len);

			if (bigger == NULL) {
				free(out);
				cs_set_cause(cause, "out of memory");
				return NULL;
			}
			out = bigger;
		}
		memcpy(out + o, rep, strlen(rep));
		o += strlen(rep);
		i++;
	}
	out[o] = '\0';
	return out;
}

int
video_argv(const char *tmpl, const char *start, const char *url, char ***argv, char **cause)
{
	char **v = calloc(VIDEO_ARGS_MAX + 1, sizeof *v);
	const char *p = tmpl != NULL ? tmpl : "";
	size_t len;
	int n = 0;

	if (v == NULL)
		return cs_set_cause(cause, "out of memory");
	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		len = strcspn(p, " \t");
		if (n == VIDEO_ARGS_MAX) {
			video_argv_free(&v);
			return cs_set_cause(cause, "video_player: more than %d words", VIDEO_ARGS_MAX);
		}
		if ((v[n] = expand(p, len, start, url, cause)) == NULL) {
			video_argv_free(&v);
			return -1;
		}
		n++;
		p += len;
	}
	if (n == 0) {
		video_argv_free(&v);
		return cs_set_cause(cause, "video_player is empty");
	}
	*argv = v;
	return 0;
}

void
video_argv_free(char ***argv)
{
	int i;

	if (argv == NULL || *argv == NULL)
		return;
	for (i = 0; (*argv)[i] != NULL; i++)
		free((*argv)[i]);
	free(*argv);
	*argv = NULL;
}

void
video_reap(void)
{
	int i, status;

	for (i = 0; i < PLAYERS_MAX; i++)
		if (players[i] > 0 && waitpid(players[i], &status, WNOHANG) != 0)
			players[i] = 0;   /* exited, or not ours any more */
}

pid_t
video_spawn(char *const argv[], char **cause)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	pid_t pid = -1;
	int rc, i;

	video_reap();
	for (i = 0; i < PLAYERS_MAX && players[i] > 0; i++)
		continue;
	if (i == PLAYERS_MAX)
		return cs_set_cause(cause, "%d video players still running", PLAYERS_MAX);
	if (posix_spawn_file_actions_init(&fa) != 0 || posix_spawnattr_init(&at) != 0)
		return cs_set_cause(cause, "cannot start the video player: out of memory");
	/* the terminal is curses': the player gets none of it */
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
	rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (rc != 0)
		return cs_set_cause(cause, "cannot start %s: %s", argv[0], strerror(rc));
	players[i] = pid;
	return pid;
}

int
video_open(const struct cs_possessions *ps, int64_t play_ms, const char *tmpl, char *note,
    size_t size, char **cause)
{
	const struct cs_video_kept *seg;
	char start[32], **argv = NULL;
	int64_t pos;

	if (video_locate(ps, play_ms, &seg, &pos, cause) < 0)
		return -1;
	video_seconds(pos, start, sizeof start);
	if (video_argv(tmpl != NULL && *tmpl != '\0' ? tmpl : VIDEO_PLAYER_DEFAULT, start,
	    seg->url, &argv, cause) < 0)
		return -1;
	if (video_spawn(argv, cause) < 0) {
		video_argv_free(&argv);
		return -1;
	}
	video_argv_free(&argv);
	snprintf(note, size, "video at %s s of %s", start, seg->url);
	return 0;
}
