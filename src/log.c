/* The log file: one line per message, time-stamped, under a mutex. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "log.h"
#include "model/event.h"

static FILE *log_file;
static int log_stderr;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

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
	pthread_mutex_unlock(&log_lock);
	return 0;
}

void
log_close(void)
{
	pthread_mutex_lock(&log_lock);
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
	pthread_mutex_unlock(&log_lock);
}

void
log_to_stderr(int on)
{
	log_stderr = on;
}

void
log_vmsg(const char *fmt, va_list ap)
{
	char line[1024], clean[1024], stamp[32];
	struct timespec ts;
	struct tm tm;

	vsnprintf(line, sizeof line, fmt, ap);
	cs_sanitize(clean, line, sizeof clean);
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	pthread_mutex_lock(&log_lock);
	if (log_file != NULL) {
		fprintf(log_file, "%s.%03ldZ %s\n", stamp, ts.tv_nsec / 1000000, clean);
		fflush(log_file);
	}
	if (log_stderr)
		fprintf(stderr, "courtside: %s\n", clean);
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
