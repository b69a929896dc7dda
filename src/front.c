/*
 * courtside, as started: the replay of a capture to its end
 * (`courtside --replay FILE --once [--export FILE|-] [--export-format
 * json|csv] [--log FILE]`) runs here; every other command line runs the
 * whole program, courtside-full (src/main.c), in this process (exec).
 *
 * Why two programs: most of a short replay's time was start-up, and that
 * start-up is the dynamic loader mapping and relocating some forty
 * libraries (libcurl and what it pulls in, libwebsockets, OpenSSL's TLS,
 * ncurses): ~20 ms of CPU on our VM before main(), for an empty main()
 * linked the same way too.  No code in main() can skip it; only a program
 * that does not link them can.  This one links libjson-c and libc only
 * (the capture's checksums are net/sha256.c's: libcrypto alone cost ~0.5
 * ms); the exec costs every other run a few milliseconds.
 *
 * Anything else on the command line, a config file to read (courtside-full
 * checks its permissions), or a malformed option: courtside-full, which
 * says what is wrong exactly as it always has.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_file.h"
#include "log.h"
#include "model/game.h"
#include "providers/replay.h"

#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR "/usr/local/libexec/courtside"
#endif
#define FULL_NAME "courtside-full"

/* What the replay to the end was asked for. */
struct front {
	const char *replay, *export_path, *log_path;
	enum export_format format;
	bool once;
};

/* An option's value: the next argument, which must exist. */
static const char *
value_of(int argc, char **argv, int *i)
{
	return *i + 1 < argc ? argv[++*i] : NULL;
}

/* Is this command line a replay to the end, in the forms handled here?
 * Anything unusual is courtside-full's to read. */
static bool
front_parse(int argc, char **argv, struct front *f)
{
	const char *fmt = NULL;
	int i;

	memset(f, 0, sizeof *f);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], **dst = NULL;

		if (strcmp(a, "--once") == 0 && !f->once) {
			f->once = true;
			continue;
		}
		if (strcmp(a, "--replay") == 0 && f->replay == NULL)
			dst = &f->replay;
		else if (strcmp(a, "--export") == 0 && f->export_path == NULL)
			dst = &f->export_path;
		else if (strcmp(a, "--log") == 0 && f->log_path == NULL)
			dst = &f->log_path;
		else if (strcmp(a, "--export-format") == 0 && fmt == NULL)
			dst = &fmt;
		if (dst == NULL || (*dst = value_of(argc, argv, &i)) == NULL || **dst == '\0')
			return false;
	}
	if (fmt != NULL && strcmp(fmt, "json") != 0 && strcmp(fmt, "csv") != 0)
		return false;
	f->format = fmt != NULL && strcmp(fmt, "csv") == 0 ? EXPORT_CSV : EXPORT_JSON;
	return f->once && f->replay != NULL;
}

/* courtside-full reads the credentials' file even for a replay (and
 * refuses one others may read): with one present, it runs. */
static bool
config_present(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char path[4096];
	struct stat st;

	if (xdg != NULL && *xdg != '\0')
		snprintf(path, sizeof path, "%s/courtside/config", xdg);
	else if (home != NULL && *home != '\0')
		snprintf(path, sizeof path, "%s/.config/courtside/config", home);
	else
		return false;
	return lstat(path, &st) == 0;
}

/* courtside-full beside this program (a build tree), else where it is
 * installed; this process becomes it. */
static int
run_full(char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 32], *slash;
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/" FULL_NAME, self);
			if (access(path, X_OK) == 0)
				execv(path, argv);
		}
	}
	execv(PKGLIBEXECDIR "/" FULL_NAME, argv);
	fprintf(stderr, "courtside: cannot run %s: %s\n", PKGLIBEXECDIR "/" FULL_NAME,
	    strerror(errno));
	return 1;
}

/* The replay to the end and its export: the exit status courtside-full
 * gives (0, or 1 after one line saying why). */
static int
front_replay(const struct front *f)
{
	struct game *g;
	char *cause = NULL, line[200];
	unsigned long warnings = 0;
	int rc = 1;

	if (log_open(f->log_path, &cause) < 0) {
		fprintf(stderr, "courtside: %s\n", cause);
		free(cause);
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	g = game_new();
	if (g != NULL)
		game_set_rules(g, NULL);   /* the data decides, as in courtside-full */
	if (g == NULL) {
		fprintf(stderr, "courtside: out of memory\n");
	} else if (replay_once(f->replay, g, &warnings, &cause) < 0) {
		/* the feed's status line: sanitized, one line, as long */
		cs_sanitize(line, cause != NULL ? cause : "the feed failed", sizeof line);
		fprintf(stderr, "courtside: %s\n", line);
	} else {
		if (warnings > 0)
			log_msg("%lu messages skipped as bad input", warnings);
		rc = export_file(g, f->format, f->export_path) == 0 ? 0 : 1;
	}
	game_free(&g);
	free(cause);
	log_close();
	return rc;
}

int
main(int argc, char **argv)
{
	struct front f;

	setlocale(LC_ALL, "");   /* as courtside-full: the export's numbers follow it */
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("courtside %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (!front_parse(argc, argv, &f) || config_present())
		return run_full(argv);
	return front_replay(&f);
}
