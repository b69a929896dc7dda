/*
 * The log file: one line per message, time-stamped, under a mutex.
 *
 * Two guards keep a storm from filling the disk: a run of lines that
 * differ only in their numbers is written once, then summed up in one
 * line ("previous message repeated 812 times") when another line comes,
 * after a minute of repeats, or at close; and the file is capped: past
 * LOG_MAX_BYTES it is renamed to FILE.1 (replacing the older one) and
 * started afresh, so the log never holds more than twice the cap.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "log.h"
#include "util.h"

#define LOG_MAX_BYTES      (4L << 20)
#define LOG_REPEAT_FLUSH_S 60   /* a run of repeats is summed up at least this often */

static FILE *log_file;
static char log_path[4096];
static long log_size;            /* bytes in the current file */
static long log_max = LOG_MAX_BYTES;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

/* the run of repeats in progress */
static char last_shape[1024];
static char last_line[1024];
static unsigned long repeats;
static time_t repeats_since;

/* mkdir -p for the directory part of path. */
static int
make_parents(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

int
log_open(const char *path, char **cause)
{
	char buf[4096];
	const char *state, *home;
	FILE *f;

	if (path == NULL) {
		state = getenv("XDG_STATE_HOME");
		home = getenv("HOME");
		if (state != NULL && *state != '\0')
			snprintf(buf, sizeof buf, "%s/courtside/courtside.log", state);
		else if (home != NULL && *home != '\0')
			snprintf(buf, sizeof buf, "%s/.local/state/courtside/courtside.log", home);
		else
			snprintf(buf, sizeof buf, "courtside.log");
	} else
		cs_strlcpy(buf, path, sizeof buf);
	if (make_parents(buf) != 0 || (f = fopen(buf, "a")) == NULL)
		return cs_set_cause(cause,
		    "cannot open log %s: %s", buf, strerror(errno));
	pthread_mutex_lock(&log_lock);
	if (log_file != NULL)
		fclose(log_file);
	log_file = f;
	cs_strlcpy(log_path, buf, sizeof log_path);
	fseek(f, 0, SEEK_END);
	log_size = ftell(f) > 0 ? ftell(f) : 0;
	last_shape[0] = '\0';
	repeats = 0;
	pthread_mutex_unlock(&log_lock);
	return 0;
}

void
log_set_max_size(long bytes)
{
	pthread_mutex_lock(&log_lock);
	log_max = bytes > 0 ? bytes : LOG_MAX_BYTES;
	pthread_mutex_unlock(&log_lock);
}

/* The file is full: FILE -> FILE.1, and a fresh FILE.  Under the lock. */
static void
rotate(void)
{
	char old[sizeof log_path + 2];
	FILE *f;

	snprintf(old, sizeof old, "%s.1", log_path);
	fclose(log_file);
	log_file = NULL;
	if (rename(log_path, old) != 0)
		remove(log_path);
	f = fopen(log_path, "a");
	log_file = f;
	log_size = 0;
}

/* One time-stamped line to the file.  Under the lock. */
static void
emit(const char *clean)
{
	char stamp[32];
	struct timespec ts;
	struct tm tm;
	int n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	if (log_file != NULL) {
		n = fprintf(log_file, "%s.%03ldZ %s\n", stamp, ts.tv_nsec / 1000000, clean);
		fflush(log_file);
		if (n > 0)
			log_size += n;
		if (log_size >= log_max)
			rotate();
	}
}

/* A run of repeats ended (or went on long enough): one line for it. */
static void
flush_repeats(void)
{
	char line[1200];

	if (repeats == 1)
		emit(last_line);
	else if (repeats > 1) {
		snprintf(line, sizeof line, "previous message repeated %lu times, the last: %s",
		    repeats, last_line);
		emit(line);
	}
	repeats = 0;
}

/* The line with every run of digits as one '#': what a repeat shares. */
static void
shape_of(char *dst, size_t size, const char *line)
{
	size_t o = 0;

	for (; *line != '\0' && o + 1 < size; line++) {
		if (*line >= '0' && *line <= '9') {
			if (o == 0 || dst[o - 1] != '#')
				dst[o++] = '#';
		} else
			dst[o++] = *line;
	}
	dst[o] = '\0';
}

void
log_close(void)
{
	pthread_mutex_lock(&log_lock);
	flush_repeats();
	last_shape[0] = '\0';
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
	pthread_mutex_unlock(&log_lock);
}

static void log_vmsg(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

static void
log_vmsg(const char *fmt, va_list ap)
{
	char line[1024], clean[1024], shape[1024];
	time_t now = time(NULL);

	vsnprintf(line, sizeof line, fmt, ap);
	cs_sanitize(clean, line, sizeof clean);
	shape_of(shape, sizeof shape, clean);
	pthread_mutex_lock(&log_lock);
	if (last_shape[0] != '\0' && strcmp(shape, last_shape) == 0) {
		if (repeats++ == 0)
			repeats_since = now;
		cs_strlcpy(last_line, clean, sizeof last_line);
		if (now - repeats_since >= LOG_REPEAT_FLUSH_S)
			flush_repeats();
	} else {
		flush_repeats();
		emit(clean);
		cs_strlcpy(last_shape, shape, sizeof last_shape);
	}
	pthread_mutex_unlock(&log_lock);
}

void
log_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(fmt, ap);
	va_end(ap);
}
