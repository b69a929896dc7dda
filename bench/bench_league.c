/*
 * bench_league: a league night in one process (issue 19).  Prints numbers
 * beside their budgets and asserts nothing.
 *
 * courtside-sim --games 8 at the moment all eight games are under way
 * (35 feed minutes after the first tip-off), at --speed 50: ~50 events a
 * second over the night.  The real courtside program follows the night
 * (--all) on a 160x45 pseudo-terminal, for each provider in turn
 * (Sportradar: one push subscription for the eight; ShotTracker: a socket
 * each), and once the first game is on screen, for LEAGUE_SECONDS:
 *   - CPU: the whole program's, in % of a core (from /proc);
 *   - RSS: its peak (VmHWM), against 16 MB + 2 MB a game;
 *   - event -> screen: how long each of the focused game's events waited
 *     from its bytes' arrival until the frame showing it was written, p50
 *     and p99, as the UI logs it at exit (budget p99 < 2 ms).  Events that
 *     change nothing are not timed: a ShotTracker socket opens by sending
 *     the game's plays again from its start (~470 messages a game here:
 *     the sequenced sources, and of clock and stats only the latest
 *     values; it was ~2,100 with every clock tick), most of them resends
 *     of what the catch-up already showed, and a resend never reaches
 *     the screen.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_json.h"
#include "util.h"

#define LEAGUE_GAMES    8
#define LEAGUE_SECONDS  30
#define RSS_BUDGET_MB   (16.0 + 2.0 * LEAGUE_GAMES)

struct sim {
	pid_t pid;
	int port;
	char sr_game[64];       /* the night's first Sportradar game */
	char st_game[64];       /* and ShotTracker's */
};

/* courtside-sim on a free port; its first line names the port. */
static int
sim_start(struct sim *s)
{
	const char *argv[] = { TOP_BUILDDIR "/courtside-sim", "--port", "0", "--quiet",
		"--require-auth", "bench:bench-secret", "--games", "8", "--seed", "90",
		"--speed", "50", "--start-ms", "2100000", NULL };
	char line[512], *p;
	FILE *out;
	int fds[2];

	if (pipe(fds) < 0)
		return -1;
	s->pid = fork();
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	out = fdopen(fds[0], "r");
	if (out == NULL || fgets(line, sizeof line, out) == NULL) {
		if (out != NULL)
			fclose(out);
		return -1;
	}
	fclose(out);
	p = strstr(line, "listening on ");
	if (p == NULL || (p = strchr(p + 13, ':')) == NULL)
		return -1;
	s->port = (int)strtol(p + 1, NULL, 10);
	if ((p = strstr(line, " shottracker=")) != NULL)
		snprintf(s->st_game, sizeof s->st_game, "%.*s", (int)strcspn(p + 13, " \n"),
		    p + 13);
	if ((p = strstr(line, " sportradar=")) != NULL)
		snprintf(s->sr_game, sizeof s->sr_game, "%.*s", (int)strcspn(p + 12, " \n"),
		    p + 12);
	return s->port > 0 ? 0 : -1;
}

static void
sim_stop(struct sim *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
		s->pid = 0;
	}
}

struct run {
	pid_t pid;
	int master;
	char log[600];
};

/* courtside --provider P --all (or --game ID: one game, for comparison)
 * on a 160x45 pseudo-terminal. */
static int
run_start(struct run *r, const struct sim *s, const char *provider, const char *game,
    const char *dir)
{
	struct winsize ws = { .ws_row = 45, .ws_col = 160 };
	char base[64], *slave;
	const char *argv[] = { TOP_BUILDDIR "/courtside", "--provider", provider,
		"--base-url", base, "--log", r->log, game != NULL ? "--game" : "--all",
		game, NULL };

	snprintf(base, sizeof base, "http://127.0.0.1:%d", s->port);
	snprintf(r->log, sizeof r->log, "%s/courtside.log", dir);
	unlink(r->log);
	r->master = posix_openpt(O_RDWR | O_NOCTTY);
	if (r->master < 0 || grantpt(r->master) < 0 || unlockpt(r->master) < 0 ||
	    (slave = ptsname(r->master)) == NULL || ioctl(r->master, TIOCSWINSZ, &ws) < 0) {
		if (r->master >= 0)
			close(r->master);
		return -1;
	}
	r->pid = fork();
	if (r->pid < 0) {
		close(r->master);
		return -1;
	}
	if (r->pid == 0) {
		int fd;

		setsid();
		if ((fd = open(slave, O_RDWR)) < 0)
			_exit(127);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
		close(r->master);
		setenv("TERM", "xterm-256color", 1);
		setenv("XDG_CONFIG_HOME", dir, 1);
		setenv("XDG_STATE_HOME", dir, 1);
		setenv("SHOTTRACKER_USERNAME", "bench", 1);
		setenv("SHOTTRACKER_SECRET", "bench-secret", 1);
		setenv("SPORTRADAR_API_KEY", "bench-secret", 1);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return 0;
}

/* Reads the screen as a terminal would, for up to `ms`.  -1: it ended. */
static int
run_pump(struct run *r, int ms)
{
	struct pollfd pfd = { .fd = r->master, .events = POLLIN };
	char buf[65536];

	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	return read(r->master, buf, sizeof buf) <= 0 ? -1 : 0;
}

static void
run_quit(struct run *r)
{
	char buf[4096];

	if (write(r->master, "q", 1) < 0)
		kill(r->pid, SIGTERM);
	while (read(r->master, buf, sizeof buf) > 0)   /* EIO once the child has gone */
		;
	waitpid(r->pid, NULL, 0);
	close(r->master);
}

/* The first line of the log holding `what`: a pointer into `line`, or NULL. */
static char *
log_find(const char *log, const char *what, char *line, size_t size)
{
	FILE *f = fopen(log, "r");
	char *p = NULL;

	if (f == NULL)
		return NULL;
	while (p == NULL && fgets(line, (int)size, f) != NULL)
		p = strstr(line, what);
	fclose(f);
	if (p != NULL)
		p[strcspn(p, "\n")] = '\0';
	return p;
}

/* The child's CPU time (user + system) in clock ticks, or -1. */
static long
cpu_ticks(pid_t pid)
{
	char path[64], line[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	p = fgets(line, sizeof line, f);
	fclose(f);
	if (p == NULL || (p = strrchr(line, ')')) == NULL ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

/* The child's peak RSS (VmHWM) in KB, or -1. */
static long
peak_rss_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0) {
			kb = strtol(line + 6, NULL, 10);
			break;
		}
	fclose(f);
	return kb;
}

/* What one provider's run measured. */
struct figures {
	double cpu_pct, rss_mb, p50, p99;
	unsigned long events;       /* the focused game's events timed */
	bool shown, latency;
	double handoff_p99;         /* the focused game's queue -> UI, ms */
	char handoff[300];          /* its line, where the time went */
	char turns[160];            /* the UI loop's turns and frames */
};

/* Follows the night for LEAGUE_SECONDS once its first game is on screen. */
static void
measure(struct run *r, struct figures *fg)
{
	long hz = sysconf(_SC_CLK_TCK), c0, c1;
	char line[512];
	int64_t t0 = cs_now_us(), t;

	while (cs_now_us() - t0 < 20000000 && run_pump(r, 50) == 0)
		if (log_find(r->log, "startup: the caught-up game is on screen", line,
		    sizeof line) != NULL) {
			fg->shown = true;
			break;
		}
	c0 = cpu_ticks(r->pid);
	t = cs_now_us();
	while (cs_now_us() - t < LEAGUE_SECONDS * 1000000LL)
		if (run_pump(r, 100) < 0)
			break;
	c1 = cpu_ticks(r->pid);
	t = cs_now_us() - t;
	fg->rss_mb = (double)peak_rss_kb(r->pid) / 1024.0;
	if (c0 >= 0 && c1 >= 0)
		fg->cpu_pct = 100.0 * (double)(c1 - c0) / (double)hz / ((double)t / 1e6);
}

/* The UI's "event -> screen" line, logged at exit. */
static void
latency_of(const char *log, struct figures *fg)
{
	char line[512], *p = log_find(log, "event -> screen", line, sizeof line), *q;

	if (p == NULL || (q = strstr(p, "p50 ")) == NULL)
		return;
	fg->events = strtoul(p + strlen("event -> screen over "), NULL, 10);
	fg->p50 = strtod(q + 4, NULL);
	if ((q = strstr(p, "p99 ")) == NULL)
		return;
	fg->p99 = strtod(q + 4, NULL);
	fg->latency = true;
	p = log_find(log, "ui: the loop:", line, sizeof line);
	if (p != NULL)
		snprintf(fg->turns, sizeof fg->turns, "%s", p);
	/* the first game's feed (the focused one) stops first: its figures */
	p = log_find(log, "queue -> UI", line, sizeof line);
	if (p != NULL && (q = strstr(p, "p99 ")) != NULL) {
		fg->handoff_p99 = strtod(q + 4, NULL);
		snprintf(fg->handoff, sizeof fg->handoff, "%s", p);
	}
}

static void
report(const char *provider, bool solo, const struct figures *fg)
{
	char name[96];

	if (!fg->shown) {
		printf("league, %s: the UI never showed a game\n", provider);
		return;
	}
	if (solo) {
		/* the same night's first game alone: what the league adds */
		printf("one game of the night alone, %s: CPU %.1f%% of a core; peak RSS "
		    "%.1f MB (budget 16 MB); event -> screen over %lu events: p50 %.2f ms, "
		    "p99 %.2f ms\n", provider, fg->cpu_pct, fg->rss_mb, fg->events, fg->p50,
		    fg->p99);
		if (fg->handoff[0] != '\0')
			printf("  of which %s\n", fg->handoff);
		if (fg->turns[0] != '\0')
			printf("  %s\n", fg->turns);
		return;
	}
	printf("league of %d live games, %s, 160x45, %d s: CPU %.1f%% of a core; "
	    "peak RSS %.1f MB (budget %.0f MB = 16 + 2 a game)", LEAGUE_GAMES, provider,
	    LEAGUE_SECONDS, fg->cpu_pct, fg->rss_mb, RSS_BUDGET_MB);
	if (fg->latency) {
		printf("; event -> screen over %lu events: p50 %.2f ms, p99 %.2f ms "
		    "(budget p99 < 2 ms)\n", fg->events, fg->p50, fg->p99);
		if (fg->handoff[0] != '\0')
			printf("  of which the focused game's %s\n", fg->handoff);
		if (fg->turns[0] != '\0')
			printf("  %s\n", fg->turns);
	} else
		printf("; no live event reached the screen\n");
	snprintf(name, sizeof name, "league_%s_cpu", provider);
	bench_json("bench_league", name, fg->cpu_pct, "% of a core", 0, "lower");
	snprintf(name, sizeof name, "league_%s_peak_rss", provider);
	bench_json("bench_league", name, fg->rss_mb, "MiB", RSS_BUDGET_MB * 1e6 / 1048576.0,
	    "lower");
	if (fg->latency) {
		snprintf(name, sizeof name, "league_%s_event_to_screen_p99", provider);
		bench_json("bench_league", name, fg->p99, "ms", 2, "lower");
		snprintf(name, sizeof name, "league_%s_queue_to_ui_p99", provider);
		if (fg->handoff[0] != '\0')
			bench_json("bench_league", name, fg->handoff_p99, "ms", 0, "lower");
	}
}

static void
bench_provider(const char *provider, bool solo)
{
	char dir[] = "/tmp/bench_league.XXXXXX";
	struct figures fg;
	struct sim s;
	struct run r;

	memset(&fg, 0, sizeof fg);
	memset(&s, 0, sizeof s);
	if (mkdtemp(dir) == NULL) {
		printf("league, %s: no temporary directory: %s\n", provider, strerror(errno));
		return;
	}
	if (sim_start(&s) < 0 || run_start(&r, &s, provider,
	    !solo ? NULL : strcmp(provider, "sportradar") == 0 ? s.sr_game : s.st_game,
	    dir) < 0) {
		printf("league, %s: courtside-sim or courtside did not start\n", provider);
		sim_stop(&s);
		rmdir(dir);
		return;
	}
	measure(&r, &fg);
	run_quit(&r);
	sim_stop(&s);
	latency_of(r.log, &fg);
	report(provider, solo, &fg);
	unlink(r.log);
	rmdir(dir);
}

/* bench_league [PROVIDER]: both providers, or the one named (to repeat
 * one provider's runs and take their median). */
int
main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : NULL;
	static const char *const providers[] = { "sportradar", "shottracker" };
	size_t i;

	signal(SIGPIPE, SIG_IGN);
	if (access(TOP_BUILDDIR "/courtside", X_OK) != 0 ||
	    access(TOP_BUILDDIR "/courtside-sim", X_OK) != 0) {
		printf("league: skipped (courtside or courtside-sim not built)\n");
		return 0;
	}
	for (i = 0; i < sizeof providers / sizeof providers[0]; i++) {
		if (only != NULL && strcmp(only, providers[i]) != 0)
			continue;
		bench_provider(providers[i], false);
		bench_provider(providers[i], true);
	}
	return 0;
}
