/*
 * bench_shottracker: the ShotTracker client's numbers (product.md §6).
 * Prints numbers and asserts nothing.
 *
 *  1. ingest: Live Data V2 frames (real-shaped, every play a new item),
 *     raw json-c parse as the yardstick, then shottracker_parse_frame into
 *     a counting sink and into the game model;
 *  2. catch-up: against courtside-sim frozen at the end of a game, the time
 *     from feed_start to FEED_MSG_CAUGHT_UP applied to the model (signed
 *     REST: game, rosters, lineups, the catch-up call), median of 5;
 *  3. live: against courtside-sim at --speed 400 (a busy game: ~50 events
 *     a second), the time from a frame's arrival (feed_mark_received) to
 *     its event being in the model and derived, p50, p99 and max over 15 s,
 *     leaving out the first second (the replay burst of the first
 *     connection); and the CPU the whole client used per second;
 *  4. start-up: the courtside program itself on a pseudo-terminal
 *     (160x45), against the same finished game (ShotTracker, then
 *     Sportradar), and its peak RSS by then, private and shared apart:
 *     the time from fork() to the first frame drawn with the caught-up
 *     game, which the UI logs with its monotonic time ("startup: ..."),
 *     median of 5; then what a second game adds (--game A,B against
 *     courtside-sim --games 2);
 *  5. live UI: the same program following a busy game (~50 events/s):
 *     every event, from its bytes received on the feed thread to the
 *     doupdate() showing it, as the UI logs it; 3 runs quiet, 3 beside two
 *     CPU hogs;
 *  6. idle: the same program following a game that has stopped, socket
 *     open: its CPU (from /proc) and the bytes it writes to the terminal.
 * Parts 2 and 3 need a courtside-sim that generates games; they say so
 * when it does not.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-c/json.h>

#include "app.h"
#include "model/game.h"
#include "net/feed.h"
#include "providers/shottracker.h"
#include "bench_json.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif
#ifndef TOP_BUILDDIR
#define TOP_BUILDDIR "."
#endif

#define NFRAMES 20000
#define LIVE_SECONDS 15
#define MAX_SAMPLES 200000

static char *frames[NFRAMES];
static size_t lens[NFRAMES];
static unsigned long nevents;

static void
count_event(void *ctx, const struct cs_event *ev)
{
	(void)ctx, (void)ev;
	nevents++;
}

/* Real-shaped frames: details items of every kind, clocks, markers, stats. */
static void
make_frames(void)
{
	static const char *const kinds[] = {
		"\"classification\":\"TWO_POINT_MAKE\",\"baseStats\":\"FG\",\"stats\":{\"FGA\":1,\"FG\":1,\"PTS\":2},\"playerX\":-1000,\"playerY\":-10000",
		"\"classification\":\"THREE_POINT_MISS\",\"baseStats\":\"FG\",\"stats\":{\"FGA\":1,\"FGA3\":1},\"playerX\":3117,\"playerY\":7899",
		"\"classification\":\"DEFENSIVE_REBOUND\",\"baseStats\":\"REB\",\"stats\":{\"REB\":1,\"DEFENSIVE_REB\":1},\"playerX\":null,\"playerY\":null",
		"\"classification\":\"PERSONAL_FOUL\",\"baseStats\":\"PF\",\"stats\":{\"PF\":1},\"playerX\":null,\"playerY\":null",
		"\"classification\":\"FREE_THROW_MAKE\",\"baseStats\":\"FT\",\"stats\":{\"FTA\":1,\"FT\":1,\"PTS\":1},\"playerX\":null,\"playerY\":null",
	};
	int i, n;
	long long ts;
	const char *pid, *team;

	for (i = 0; i < NFRAMES; i++) {
		ts = 1700000000000LL + (long long)i * 1500;
		pid = i % 2 == 0 ? "7269" : "7097";
		team = i % 2 == 0 ? "552" : "526";
		if (i % 10 == 9)
			n = asprintf(&frames[i], "{\"source\":\"clock\",\"timestamp\":%lld,\"data\":"
			    "{\"period\":\"Q%d\",\"gameClock\":\"%d:%02d.%d\",\"shotClock\":\"14.0\","
			    "\"running\":true}}", ts, 1 + i / 5000, 11 - (i / 500) % 12,
			    59 - (i / 10) % 60, i % 10);
		else if (i % 10 == 8)
			n = asprintf(&frames[i], "{\"source\":\"stats\",\"timestamp\":%lld,\"data\":"
			    "{\"occurred_at\":%lld,\"team_id\":%s,\"player_id\":%s,\"stats\":"
			    "{\"FGA\":%d.0,\"FG\":%d.0,\"PTS\":%d.0},\"classification\":"
			    "\"TWO_POINT_MAKE\",\"version\":%d}}", ts, ts, team, pid, i / 10,
			    i / 20, i / 10, i);
		else
			n = asprintf(&frames[i], "{\"source\":\"details\",\"seq\":%d,\"timestamp\":%lld,"
			    "\"data\":{\"type\":\"ACTUAL\",\"eventId\":\"6a92509b-%08d\",\"timestamp\":%lld,"
			    "\"teamId\":\"%s\",\"sessionType\":\"GAME_ROUND\",\"sessionId\":\"587af773-q%d\","
			    "\"gameId\":\"5806b1d1\",\"corrected\":false,\"gameClock\":\"%d:%02d.0\","
			    "\"shotClock\":\"12.0\",\"period\":\"Q%d\",\"playerZ\":0,\"hoopToEventX\":null,"
			    "\"hoopToEventY\":null,%s,\"description\":\"Jo Ray plays %d\",\"actualStats\":\"X\","
			    "\"key\":{\"actorId\":\"%s\",\"timestamp\":%lld},\"act\":\"PLAYER\",\"pid\":\"%s\"}}",
			    i + 1, ts, i, ts, team, 1 + i / 5000, 11 - (i / 500) % 12, 59 - (i / 10) % 60,
			    1 + i / 5000, kinds[i % 5], i, pid, ts, pid);
		if (n < 0)
			exit(1);
		lens[i] = (size_t)n;
	}
}

static void
bench_ingest(void)
{
	struct shottracker_ctx c;
	struct cs_sink sink;
	struct game *g;
	json_object *o;
	int64_t t0, t1, t2, t3;
	size_t bytes = 0;
	int i;

	make_frames();
	for (i = 0; i < NFRAMES; i++)
		bytes += lens[i];

	t0 = cs_now_us();
	for (i = 0; i < NFRAMES; i++) {
		o = json_tokener_parse(frames[i]);
		json_object_put(o);
	}
	t1 = cs_now_us();

	memset(&sink, 0, sizeof sink);
	sink.event = count_event;
	shottracker_ctx_init(&c, &sink, NULL);
	cs_strlcpy(c.team_id[CS_HOME], "552", sizeof c.team_id[CS_HOME]);
	cs_strlcpy(c.team_id[CS_AWAY], "526", sizeof c.team_id[CS_AWAY]);
	for (i = 0; i < NFRAMES; i++)
		shottracker_parse_frame(&c, frames[i], lens[i], NULL);
	shottracker_ctx_free(&c);
	t2 = cs_now_us();

	g = game_new();
	sink = game_sink(g);
	shottracker_ctx_init(&c, &sink, NULL);
	cs_strlcpy(c.team_id[CS_HOME], "552", sizeof c.team_id[CS_HOME]);
	cs_strlcpy(c.team_id[CS_AWAY], "526", sizeof c.team_id[CS_AWAY]);
	for (i = 0; i < NFRAMES; i++)
		shottracker_parse_frame(&c, frames[i], lens[i], NULL);
	game_team(g, CS_HOME);   /* derive once */
	shottracker_ctx_free(&c);
	t3 = cs_now_us();
	game_free(&g);

	printf("ingest: %d frames, %.1f MB, %lu events\n", NFRAMES, (double)bytes / 1e6, nevents);
	printf("ingest: raw json-c parse          %9.0f frames/s\n", NFRAMES * 1e6 / (double)(t1 - t0));
	printf("ingest: shottracker_parse_frame   %9.0f frames/s (%.2f of raw)\n",
	    NFRAMES * 1e6 / (double)(t2 - t1), (double)(t1 - t0) / (double)(t2 - t1));
	printf("ingest: parse + game model        %9.0f frames/s\n", NFRAMES * 1e6 / (double)(t3 - t2));
	for (i = 0; i < NFRAMES; i++)
		free(frames[i]);
}

/* --- courtside-sim as a child process --- */

struct sim {
	const char *provider;   /* NULL: shottracker */
	pid_t pid;
	int port;
	char game[128];
};

static int
sim_start(struct sim *s, const char *const *extra)
{
	const char *argv[32];
	char line[512], key[32], *p;
	FILE *out;
	int fds[2], n = 0, i;

	argv[n++] = TOP_BUILDDIR "/courtside-sim";
	argv[n++] = "--provider";
	argv[n++] = s->provider != NULL ? s->provider : "shottracker";
	argv[n++] = "--port";
	argv[n++] = "0";
	argv[n++] = "--quiet";
	argv[n++] = "--require-auth";
	argv[n++] = "bench:bench-secret";
	for (i = 0; extra[i] != NULL && n < 31; i++)
		argv[n++] = extra[i];
	argv[n] = NULL;
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
	s->port = atoi(p + 1);
	snprintf(key, sizeof key, " %s=", s->provider != NULL ? s->provider : "shottracker");
	p = strstr(line, key);
	if (p == NULL || s->port <= 0)
		return -1;
	p += strlen(key);
	snprintf(s->game, sizeof s->game, "%.*s", (int)strcspn(p, " \n"), p);
	return 0;
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

static struct feed *
client_start(const struct sim *s, bool once, char *base, size_t size)
{
	static struct shottracker_options sto = {
		.username = "bench",
		.secret = "bench-secret",
	};
	struct feed_config fc;
	char *cause = NULL;
	struct feed *f;

	snprintf(base, size, "http://127.0.0.1:%d", s->port);
	memset(&fc, 0, sizeof fc);
	fc.provider = CS_PROVIDER_SHOTTRACKER;
	fc.game_id = s->game;
	fc.base_url = base;
	fc.options = &sto;
	fc.once = once;
	f = feed_start(&fc, &cause);
	if (f == NULL) {
		fprintf(stderr, "bench_shottracker: %s\n", cause != NULL ? cause : "no feed");
		free(cause);
	}
	return f;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static double
catch_up_once(const struct sim *s, size_t *events)
{
	struct app_state st;
	struct game *g = game_new();
	struct feed *f;
	struct feed_msg *list, *m;
	struct pollfd pfd;
	char base[64];
	int64_t t0 = cs_now_us(), done = 0;

	app_state_init(&st);
	f = client_start(s, true, base, sizeof base);
	if (f == NULL) {
		game_free(&g);
		return -1;
	}
	pfd.fd = feed_fd(f);
	pfd.events = POLLIN;
	while (!st.ended && done == 0 && cs_now_us() - t0 < 30000000) {
		if (poll(&pfd, 1, 1000) <= 0)
			continue;
		list = feed_drain(f);
		for (m = list; m != NULL; m = m->next) {
			app_apply(g, &st, m);
			if (m->kind == FEED_MSG_CAUGHT_UP && done == 0) {
				game_team(g, CS_HOME);   /* the first complete frame derives */
				done = cs_now_us();
			}
		}
		feed_msg_free_list(&list);
	}
	*events = game_event_count(g);
	feed_stop(&f);
	game_free(&g);
	return done != 0 ? (double)(done - t0) / 1000.0 : -1;
}

static void
bench_catch_up(void)
{
	const char *args[] = { "--seed", "3", "--speed", "0", "--start-ms", "86400000", NULL };
	struct sim s;
	double t[5];
	size_t events = 0;
	int i, n = 0;

	memset(&s, 0, sizeof s);
	if (sim_start(&s, args) < 0) {
		printf("catch-up: courtside-sim did not start\n");
		sim_stop(&s);
		return;
	}
	for (i = 0; i < 5; i++) {
		t[n] = catch_up_once(&s, &events);
		if (t[n] >= 0)
			n++;
	}
	sim_stop(&s);
	if (n == 0) {
		printf("catch-up: failed\n");
		return;
	}
	for (i = 1; i < n; i++) {   /* insertion sort of at most 5 */
		double x = t[i];
		int j = i - 1;

		while (j >= 0 && t[j] > x) {
			t[j + 1] = t[j];
			j--;
		}
		t[j + 1] = x;
	}
	printf("catch-up: full game, %zu events, median %.1f ms (min %.1f, max %.1f)\n",
	    events, t[n / 2], t[0], t[n - 1]);
	bench_json("bench_shottracker", "catchup_feed", t[n / 2], "ms", 150, "lower");
}

static void
bench_live(void)
{
	const char *args[] = { "--seed", "3", "--speed", "400", NULL };
	static int64_t lat[MAX_SAMPLES];
	struct app_state st;
	struct game *g;
	struct feed *f;
	struct feed_msg *list, *m;
	struct pollfd pfd;
	struct sim s;
	char base[64];
	size_t n = 0;
	int64_t t0, now, live_since = 0;
	int wakeups = 0;
	struct rusage ru0, ru1;
	double cpu;

	memset(&s, 0, sizeof s);
	if (sim_start(&s, args) < 0) {
		printf("live: courtside-sim did not start\n");
		sim_stop(&s);
		return;
	}
	g = game_new();
	app_state_init(&st);
	f = client_start(&s, false, base, sizeof base);
	if (f == NULL) {
		sim_stop(&s);
		game_free(&g);
		return;
	}
	pfd.fd = feed_fd(f);
	pfd.events = POLLIN;
	t0 = cs_now_us();
	getrusage(RUSAGE_SELF, &ru0);
	while (!st.ended && cs_now_us() - t0 < LIVE_SECONDS * 1000000LL) {
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		wakeups++;
		list = feed_drain(f);
		for (m = list; m != NULL; m = m->next) {
			app_apply(g, &st, m);
			if (m->kind == FEED_MSG_STATUS && st.status.state == FEED_LIVE &&
			    live_since == 0)
				live_since = cs_now_us();
			if (m->kind == FEED_MSG_EVENT && st.caught_up && live_since != 0 &&
			    st.status.state == FEED_LIVE && m->received_us - live_since > 1000000) {
				game_team(g, CS_HOME);   /* derived: what a pane reads */
				now = cs_now_us();
				if (n < MAX_SAMPLES)
					lat[n++] = now - m->received_us;
			}
		}
		feed_msg_free_list(&list);
	}
	getrusage(RUSAGE_SELF, &ru1);
	cpu = (double)(ru1.ru_utime.tv_sec - ru0.ru_utime.tv_sec + ru1.ru_stime.tv_sec -
	    ru0.ru_stime.tv_sec) + (double)(ru1.ru_utime.tv_usec - ru0.ru_utime.tv_usec +
	    ru1.ru_stime.tv_usec - ru0.ru_stime.tv_usec) / 1e6;
	feed_stop(&f);
	sim_stop(&s);
	game_free(&g);
	if (n == 0) {
		printf("live: no events in %d s\n", LIVE_SECONDS);
		return;
	}
	qsort(lat, n, sizeof lat[0], cmp_i64);
	printf("live: %zu events in %d s (%.0f/s, %d wake-ups), frame arrival -> model: "
	    "p50 %.3f ms, p99 %.3f ms, max %.3f ms; client CPU %.1f%% of a core\n", n,
	    LIVE_SECONDS, (double)n / LIVE_SECONDS, wakeups, lat[n / 2] / 1000.0,
	    lat[n * 99 / 100] / 1000.0, lat[n - 1] / 1000.0, 100.0 * cpu / LIVE_SECONDS);
	bench_json("bench_shottracker", "live_arrival_to_model_p99", lat[n * 99 / 100] / 1000.0,
	    "ms", 2, "lower");
}

/* --- the real program on a pseudo-terminal: start-up and idle --- */

struct pty_run {
	pid_t pid;
	int master;
	int64_t t0;          /* cs_now_us() just before fork() */
	char log[512];
	unsigned long bytes; /* what the program wrote to its terminal */
};

/* The first line of the log holding `what`: a pointer to `what` in
 * `line`, or NULL. */
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

/* The monotonic time the UI logged for its first caught-up frame, or 0. */
static int64_t
startup_logged_us(const char *log, size_t *events)
{
	static const char what[] = "startup: the caught-up game is on screen, ";
	char line[512], *p;

	if ((p = log_find(log, what, line, sizeof line)) == NULL)
		return 0;
	*events = strtoul(p + strlen(what), NULL, 10);
	p = strstr(p, "(monotonic ");
	return p != NULL ? strtoll(p + 11, NULL, 10) : 0;
}

/* A directory for the program's log and config, when the program is
 * built; else says why the part is skipped. */
static bool
program_dir(const char *part, char *dir)
{
	if (access(TOP_BUILDDIR "/courtside", X_OK) == 0 && mkdtemp(dir) != NULL)
		return true;
	printf("%s: skipped (no courtside program)\n", part);
	return false;
}

static void
program_dir_remove(const char *dir)
{
	char log[600];

	snprintf(log, sizeof log, "%s/courtside.log", dir);
	unlink(log);
	rmdir(dir);
}

/* courtside on a 160x45 pseudo-terminal, following the simulator's game. */
static int
pty_start(struct pty_run *r, const struct sim *s, const char *dir)
{
	struct winsize ws = { .ws_row = 45, .ws_col = 160 };
	char base[64];
	const char *argv[] = { TOP_BUILDDIR "/courtside", "--provider",
		s->provider != NULL ? s->provider : "shottracker",
		"--game", s->game, "--base-url", base, "--log", r->log, NULL };
	char *slave;

	memset(r, 0, sizeof *r);
	snprintf(base, sizeof base, "http://127.0.0.1:%d", s->port);
	snprintf(r->log, sizeof r->log, "%s/courtside.log", dir);
	unlink(r->log);
	r->master = posix_openpt(O_RDWR | O_NOCTTY);
	if (r->master < 0 || grantpt(r->master) < 0 || unlockpt(r->master) < 0 ||
	    (slave = ptsname(r->master)) == NULL ||
	    ioctl(r->master, TIOCSWINSZ, &ws) < 0) {
		if (r->master >= 0)
			close(r->master);
		return -1;
	}
	r->t0 = cs_now_us();
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
pty_pump(struct pty_run *r, int ms)
{
	struct pollfd pfd = { .fd = r->master, .events = POLLIN };
	char buf[65536];
	ssize_t n;

	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	if ((n = read(r->master, buf, sizeof buf)) <= 0)
		return -1;
	r->bytes += (unsigned long)n;
	return 0;
}

/* Reads the screen for `us` microseconds, or until the program ends. */
static void
pty_pump_for(struct pty_run *r, int64_t us)
{
	int64_t t = cs_now_us();

	while (cs_now_us() - t < us)
		if (pty_pump(r, 100) < 0)
			break;
}

static void
pty_quit(struct pty_run *r)
{
	char buf[4096];

	if (write(r->master, "q", 1) < 0)
		kill(r->pid, SIGTERM);
	while (read(r->master, buf, sizeof buf) > 0)   /* EIO once the child has gone */
		;
	waitpid(r->pid, NULL, 0);
	close(r->master);
}

/* The child's CPU time (user + system), in clock ticks. */
static long
child_cpu_ticks(pid_t pid)
{
	char path[64], line[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	p = fgets(line, sizeof line, f);
	fclose(f);
	/* after the ")" closing the name: state is field 3, utime 14, stime 15 */
	if (p == NULL || (p = strrchr(line, ')')) == NULL ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

/* A line of the child's /proc status ("VmHWM", "RssFile"), in KB, or -1. */
static long
child_status_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	size_t n = strlen(field);
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, field, n) == 0 && line[n] == ':') {
			kb = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return kb;
}

/*
 * The program's memory at its peak, in KB.  The kernel keeps the peak of
 * the whole (VmHWM) but not of its parts, so: shared = the library and
 * locale pages mapped at the end (RssFile: they only grow while nothing
 * presses on memory, so this bounds them at the peak), private = the
 * anonymous pages (heap, arenas, stacks, the libraries' relocated data)
 * at the peak: the larger of the most seen while polling and VmHWM less
 * the shared pages at the end.
 */
struct rss {
	long peak, priv, shared;
};

static void
rss_sample(pid_t pid, long *anon_max)
{
	long kb = child_status_kb(pid, "RssAnon");

	if (kb > *anon_max)
		*anon_max = kb;
}

static void
rss_final(pid_t pid, long anon_max, struct rss *m)
{
	m->peak = child_status_kb(pid, "VmHWM");
	m->shared = child_status_kb(pid, "RssFile");
	m->priv = m->peak - m->shared > anon_max ? m->peak - m->shared : anon_max;
}

/* ms from fork() to the first caught-up frame, or -1 */
static double
startup_once(const struct sim *s, const char *dir, size_t *events, struct rss *m)
{
	struct pty_run r;
	int64_t shown = 0;
	long anon_max = 0;

	if (pty_start(&r, s, dir) < 0)
		return -1;
	while (cs_now_us() - r.t0 < 10000000 && pty_pump(&r, 5) == 0) {
		rss_sample(r.pid, &anon_max);
		if ((shown = startup_logged_us(r.log, events)) != 0)
			break;
	}
	rss_final(r.pid, anon_max, m);
	pty_quit(&r);
	return shown != 0 ? (double)(shown - r.t0) / 1000.0 : -1;
}

/* Issue 20's targets for the program's memory (MiB). */
#define RSS_TOTAL_MIB     14.0
#define RSS_PRIVATE_MIB   4.0
#define RSS_EXTRA_GAME_MIB 1.0

static void
rss_print(const char *provider, const struct rss *m)
{
	char name[64];

	printf("start-up, %s: peak RSS with the whole game on screen: %.1f MiB "
	    "(budget < 16 MB = %.1f MiB; issue 20 < %.0f MiB): private %.2f MiB "
	    "(< %.0f MiB), shared library pages %.1f MiB\n", provider,
	    (double)m->peak / 1024.0, 16e6 / 1048576.0, RSS_TOTAL_MIB,
	    (double)m->priv / 1024.0, RSS_PRIVATE_MIB, (double)m->shared / 1024.0);
	snprintf(name, sizeof name, "peak_rss_%s", provider);
	bench_json("bench_shottracker", name, (double)m->peak / 1024.0, "MiB",
	    16e6 / 1048576.0, "lower");
	snprintf(name, sizeof name, "peak_rss_target_%s", provider);
	bench_json("bench_shottracker", name, (double)m->peak / 1024.0, "MiB",
	    RSS_TOTAL_MIB, "lower");
	snprintf(name, sizeof name, "peak_rss_private_%s", provider);
	bench_json("bench_shottracker", name, (double)m->priv / 1024.0, "MiB",
	    RSS_PRIVATE_MIB, "lower");
	snprintf(name, sizeof name, "peak_rss_shared_%s", provider);
	bench_json("bench_shottracker", name, (double)m->shared / 1024.0, "MiB",
	    RSS_TOTAL_MIB - RSS_PRIVATE_MIB, "lower");
}

static void
bench_startup(const char *provider)
{
	const char *args[] = { "--seed", "3", "--speed", "0", "--start-ms", "86400000", NULL };
	char dir[] = "/tmp/bench_startup.XXXXXX";
	struct sim s;
	double t[5], x;
	size_t events = 0;
	struct rss m, worst = { -1, -1, -1 };
	int i, j, n = 0;

	if (!program_dir("start-up", dir))
		return;
	memset(&s, 0, sizeof s);
	s.provider = provider;
	if (sim_start(&s, args) < 0) {
		printf("start-up: courtside-sim did not start\n");
		sim_stop(&s);
		rmdir(dir);
		return;
	}
	for (i = 0; i < 5; i++)
		if ((t[n] = startup_once(&s, dir, &events, &m)) >= 0) {
			n++;
			if (m.peak > worst.peak)
				worst = m;
		}
	sim_stop(&s);
	program_dir_remove(dir);
	if (n == 0) {
		printf("start-up: the UI never showed the caught-up game\n");
		return;
	}
	for (i = 1; i < n; i++) {
		x = t[i];
		for (j = i - 1; j >= 0 && t[j] > x; j--)
			t[j + 1] = t[j];
		t[j + 1] = x;
	}
	printf("start-up, %s: process start -> first complete frame (160x45, %zu events), "
	    "median %.1f ms (min %.1f, max %.1f; budget < 150 ms)\n", provider, events,
	    t[n / 2], t[0], t[n - 1]);
	rss_print(provider, &worst);
	{
		char name[64];

		snprintf(name, sizeof name, "startup_%s", provider);
		bench_json("bench_shottracker", name, t[n / 2], "ms", 150, "lower");
	}
}

/* The second game's id of `courtside-sim --games 2 --seed 3`, or false. */
static bool
second_game(const char *provider, char *id, size_t size)
{
	char cmd[600], line[512], key[32], *p = NULL;
	FILE *f;
	int n = 0;

	snprintf(cmd, sizeof cmd, "'%s/courtside-sim' --provider both --games 2 --seed 3 "
	    "--print-ids 2>/dev/null", TOP_BUILDDIR);
	if ((f = popen(cmd, "r")) == NULL)
		return false;
	snprintf(key, sizeof key, "%s=", provider);
	while (fgets(line, sizeof line, f) != NULL)
		if (++n == 2)
			p = strstr(line, key);
	if (p != NULL)
		snprintf(id, size, "%.*s", (int)strcspn(p + strlen(key), " \n"), p + strlen(key));
	pclose(f);
	return p != NULL;
}

/*
 * The program following s->game (one id, or "A,B") until its first game
 * is on screen, then until its peak has not moved for a second (the other
 * game's catch-up runs beside it), at most 10 s in all.
 */
static int
games_once(const struct sim *s, const char *dir, struct rss *m)
{
	struct pty_run r;
	size_t events;
	int64_t shown = 0, still = 0;
	long anon_max = 0, hwm = 0, kb;

	if (pty_start(&r, s, dir) < 0)
		return -1;
	while (cs_now_us() - r.t0 < 10000000 && pty_pump(&r, 20) == 0) {
		rss_sample(r.pid, &anon_max);
		if (shown == 0)
			shown = startup_logged_us(r.log, &events);
		if ((kb = child_status_kb(r.pid, "VmHWM")) != hwm) {
			hwm = kb;
			still = cs_now_us();
		}
		if (shown != 0 && cs_now_us() - still > 1000000)
			break;
	}
	rss_final(r.pid, anon_max, m);
	pty_quit(&r);
	return shown != 0 ? 0 : -1;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/*
 * What one more game costs: courtside --game A against --game A,B, both
 * against courtside-sim --games 2 frozen at the end of its games; the
 * median of 5 runs each, one game and two alternated (the allocator's
 * and the shared pages' noise is ~0.1-0.2 MiB a run).
 */
#define EXTRA_GAME_RUNS 5
static void
bench_extra_game(const char *provider)
{
	const char *args[] = { "--games", "2", "--seed", "3", "--speed", "0", "--start-ms",
		"86400000", NULL };
	char dir[] = "/tmp/bench_games.XXXXXX", second[128], first[128], name[64];
	long peak[2][EXTRA_GAME_RUNS], priv[2][EXTRA_GAME_RUNS];
	struct rss m;
	struct sim s;
	int games, i, n[2] = { 0, 0 };

	if (!program_dir("extra game", dir))
		return;
	memset(&s, 0, sizeof s);
	s.provider = provider;
	if (!second_game(provider, second, sizeof second) || sim_start(&s, args) < 0) {
		printf("extra game, %s: courtside-sim --games 2 did not start\n", provider);
		sim_stop(&s);
		rmdir(dir);
		return;
	}
	snprintf(first, sizeof first, "%s", s.game);
	for (i = 0; i < EXTRA_GAME_RUNS; i++)
		for (games = 0; games < 2; games++) {
			if (games == 0)
				snprintf(s.game, sizeof s.game, "%s", first);
			else
				snprintf(s.game, sizeof s.game, "%.60s,%.60s", first, second);
			if (games_once(&s, dir, &m) == 0) {
				peak[games][n[games]] = m.peak;
				priv[games][n[games]++] = m.priv;
			}
		}
	sim_stop(&s);
	program_dir_remove(dir);
	if (n[0] == 0 || n[1] == 0) {
		printf("extra game, %s: the UI never showed the games\n", provider);
		return;
	}
	for (games = 0; games < 2; games++) {
		qsort(peak[games], (size_t)n[games], sizeof peak[0][0], cmp_long);
		qsort(priv[games], (size_t)n[games], sizeof priv[0][0], cmp_long);
	}
	printf("extra game, %s: peak RSS %.1f MiB with one game, %.1f MiB with two "
	    "(private %.2f, %.2f; medians of %d runs): %.2f MiB more for the second, "
	    "private %.2f (issue 20 < %.0f MiB)\n",
	    provider, peak[0][n[0] / 2] / 1024.0, peak[1][n[1] / 2] / 1024.0,
	    priv[0][n[0] / 2] / 1024.0, priv[1][n[1] / 2] / 1024.0, EXTRA_GAME_RUNS,
	    (peak[1][n[1] / 2] - peak[0][n[0] / 2]) / 1024.0,
	    (priv[1][n[1] / 2] - priv[0][n[0] / 2]) / 1024.0, RSS_EXTRA_GAME_MIB);
	snprintf(name, sizeof name, "extra_game_rss_%s", provider);
	bench_json("bench_shottracker", name, (peak[1][n[1] / 2] - peak[0][n[0] / 2]) / 1024.0,
	    "MiB", RSS_EXTRA_GAME_MIB, "lower");
}

/*
 * Live, end to end: the real UI following a busy game (~50 events/s) for
 * LIVE_UI_SECONDS; it logs, when it ends, how long every event waited from
 * the moment the feed thread received its bytes until the doupdate() that
 * showed it.  Three runs on a quiet machine, three with two CPU hogs
 * beside it (this machine has two cores: the program then competes for
 * them with the hogs and the simulator).
 */
#define LIVE_UI_SECONDS 12
#define LIVE_UI_RUNS 3
#define HOGS 2

struct live_ui_figures {
	double p50, p99, max;      /* ms */
	unsigned long events;
};

/* Busy-loop children; each ends by itself (alarm) should we die first. */
static void
hogs_start(pid_t *pid, int n)
{
	volatile unsigned long spin = 0;
	int i;

	for (i = 0; i < n; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			alarm(LIVE_UI_SECONDS * 4);
			for (;;)
				spin++;
		}
	}
}

static void
hogs_stop(pid_t *pid, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (pid[i] > 0) {
			kill(pid[i], SIGKILL);
			waitpid(pid[i], NULL, 0);
			pid[i] = 0;
		}
}

/* The number after `key` in the UI's latency line, or -1. */
static double
live_ui_field(const char *line, const char *key)
{
	const char *p = strstr(line, key);

	return p != NULL ? strtod(p + strlen(key), NULL) : -1;
}

/* One run, with `hogs` busy children beside it: 0 with *fig, or -1. */
static int
live_ui_once(int hogs, struct live_ui_figures *fig)
{
	const char *args[] = { "--seed", "3", "--speed", "400", NULL };
	char dir[] = "/tmp/bench_live_ui.XXXXXX", line[512], *found;
	pid_t hog[HOGS] = { 0 };
	struct pty_run r;
	struct sim s;

	if (!program_dir("live UI", dir))
		return -1;
	memset(&s, 0, sizeof s);
	if (sim_start(&s, args) < 0 || pty_start(&r, &s, dir) < 0) {
		printf("live UI: courtside-sim or courtside did not start\n");
		sim_stop(&s);
		rmdir(dir);
		return -1;
	}
	hogs_start(hog, hogs);
	pty_pump_for(&r, LIVE_UI_SECONDS * 1000000LL);
	hogs_stop(hog, hogs);
	pty_quit(&r);
	sim_stop(&s);
	found = log_find(r.log, "event -> screen", line, sizeof line);
	program_dir_remove(dir);
	if (found == NULL) {
		printf("live UI: the UI logged no live events\n");
		return -1;
	}
	fig->events = strtoul(found + strlen("event -> screen over "), NULL, 10);
	fig->p50 = live_ui_field(found, "p50 ");
	fig->p99 = live_ui_field(found, "p99 ");
	fig->max = live_ui_field(found, "max ");
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Three runs of one kind, each printed, then the median p99 against its limit. */
static void
live_ui_series(const char *kind, int hogs, double limit_ms)
{
	struct live_ui_figures fig;
	double p99[LIVE_UI_RUNS];
	char name[64];
	int i, n = 0;

	for (i = 0; i < LIVE_UI_RUNS; i++) {
		if (live_ui_once(hogs, &fig) < 0)
			continue;
		printf("live UI, %s run %d (160x45, ~50 events/s, %d s, %lu events): "
		    "event -> screen p50 %.2f ms, p99 %.2f ms (limit < %g ms: %s), max %.2f ms\n",
		    kind, i + 1, LIVE_UI_SECONDS, fig.events, fig.p50, fig.p99, limit_ms,
		    fig.p99 < limit_ms ? "met" : "NOT met", fig.max);
		snprintf(name, sizeof name, "live_ui_%s_run%d_p50", kind, i + 1);
		bench_json("bench_shottracker", name, fig.p50, "ms", 0, "lower");
		snprintf(name, sizeof name, "live_ui_%s_run%d_p99", kind, i + 1);
		bench_json("bench_shottracker", name, fig.p99, "ms", limit_ms, "lower");
		snprintf(name, sizeof name, "live_ui_%s_run%d_max", kind, i + 1);
		bench_json("bench_shottracker", name, fig.max, "ms", 0, "lower");
		p99[n++] = fig.p99;
	}
	if (n == 0)
		return;
	qsort(p99, (size_t)n, sizeof p99[0], cmp_double);
	printf("live UI, %s: median p99 of %d runs %.2f ms (limit < %g ms, ratio %.2f)\n",
	    kind, n, p99[n / 2], limit_ms, limit_ms / p99[n / 2]);
	snprintf(name, sizeof name, "live_ui_%s_p99", kind);
	bench_json("bench_shottracker", name, p99[n / 2], "ms", limit_ms, "lower");
}

static void
bench_live_ui(void)
{
	live_ui_series("quiet", 0, 1.0);
	live_ui_series("loaded", HOGS, 2.0);
}

/*
 * Idle: the UI connected to a game that has stopped (a timeout, say), the
 * WebSocket open and quiet but for keep-alives.  The CPU the whole program
 * used and the bytes it wrote to the terminal (the header's data age
 * ticking) over IDLE_SECONDS, after the catch-up has settled.
 */
#define IDLE_SECONDS 10

static void
bench_idle(void)
{
	const char *args[] = { "--seed", "3", "--speed", "0", "--start-at", "3/5:00", NULL };
	char dir[] = "/tmp/bench_idle.XXXXXX";
	struct pty_run r;
	struct sim s;
	size_t events = 0;
	long c0, c1, rss_kb, hz = sysconf(_SC_CLK_TCK);
	unsigned long b0;
	int64_t t, live = 0;

	if (!program_dir("idle", dir))
		return;
	memset(&s, 0, sizeof s);
	if (sim_start(&s, args) < 0 || pty_start(&r, &s, dir) < 0) {
		printf("idle: courtside-sim or courtside did not start\n");
		sim_stop(&s);
		rmdir(dir);
		return;
	}
	/* caught up, then two seconds for the WebSocket to settle */
	while (cs_now_us() - r.t0 < 10000000 && pty_pump(&r, 50) == 0) {
		if (live == 0 && startup_logged_us(r.log, &events) != 0)
			live = cs_now_us();
		if (live != 0 && cs_now_us() - live > 2000000)
			break;
	}
	c0 = child_cpu_ticks(r.pid);
	b0 = r.bytes;
	t = cs_now_us();
	pty_pump_for(&r, IDLE_SECONDS * 1000000LL);
	c1 = child_cpu_ticks(r.pid);
	rss_kb = child_status_kb(r.pid, "VmHWM");
	t = cs_now_us() - t;
	pty_quit(&r);
	sim_stop(&s);
	program_dir_remove(dir);
	if (live == 0 || c0 < 0 || c1 < 0) {
		printf("idle: the UI never showed the game\n");
		return;
	}
	printf("idle: live and quiet for %.0f s at 160x45: CPU %.2f%% of a core "
	    "(budget < 0.5%%), %.0f bytes/s to the terminal, peak RSS %.1f MB\n",
	    (double)t / 1e6, 100.0 * (double)(c1 - c0) / (double)hz / ((double)t / 1e6),
	    (double)(r.bytes - b0) / ((double)t / 1e6), (double)rss_kb / 1024.0);
	bench_json("bench_shottracker", "idle_cpu", 100.0 * (double)(c1 - c0) / (double)hz /
	    ((double)t / 1e6), "% of a core", 0.5, "lower");
}

int
main(int argc, char **argv)
{
	char cmd[1024];
	/* bench_shottracker live-ui: that part only (3 quiet, 3 loaded runs) */
	bool live_ui_only = argc > 1 && strcmp(argv[1], "live-ui") == 0;
	/* bench_shottracker memory PROVIDER: start-up and extra game only */
	bool memory_only = argc > 2 && strcmp(argv[1], "memory") == 0;

	signal(SIGPIPE, SIG_IGN);
	if (!live_ui_only && !memory_only)
		bench_ingest();
	snprintf(cmd, sizeof cmd, "'%s/courtside-sim' --print-ids >/dev/null 2>&1", TOP_BUILDDIR);
	if (access(TOP_BUILDDIR "/courtside-sim", X_OK) != 0 || system(cmd) != 0) {
		printf("catch-up: skipped (courtside-sim cannot generate a game)\n");
		printf("live: skipped (courtside-sim cannot generate a game)\n");
		printf("start-up: skipped (courtside-sim cannot generate a game)\n");
		printf("live UI: skipped (courtside-sim cannot generate a game)\n");
		printf("idle: skipped (courtside-sim cannot generate a game)\n");
		return 0;
	}
	if (live_ui_only) {
		bench_live_ui();
		return 0;
	}
	if (memory_only) {
		bench_startup(argv[2]);
		bench_extra_game(argv[2]);
		return 0;
	}
	bench_catch_up();
	bench_live();
	bench_startup("shottracker");
	bench_startup("sportradar");
	bench_extra_game("shottracker");
	bench_extra_game("sportradar");
	bench_live_ui();
	bench_idle();
	return 0;
}
