/*
 * Ingest speed of a recorded full game (product.md §6: over 200,000
 * provider messages per second, at least a third of raw JSON parse speed).
 *
 * The messages are a generated game's live streams, exactly as they are
 * recorded; each goes through the provider's parser into the model, as in
 * --replay --speed max.  Raw json-c parsing of the same messages is the
 * yardstick.  Prints numbers; asserts nothing.
 *
 * Then the real program: the same messages written to a capture, and
 * `courtside --replay FILE --once --export FILE` timed from posix_spawn() to its
 * exit against a raw json-c parse of the same messages in the same run;
 * the ratio (raw time / program time) should be at least 1.0.  Play
 * messages are counted apart from ShotTracker's clock frames.  Two kinds of
 * capture per provider: every stream message of the game (all of it
 * through the stream parsers), and a real recording of courtside
 * following courtside-sim (a catch-up, then the stream).  `courtside`
 * runs such a replay itself (src/front.c) and answers --version itself,
 * so "start-up" is the start-up of the very program that replays.
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "model/game.h"
#include "net/capture.h"
#include "net/feed.h"
#include "providers/parser.h"
#include "providers/sportradar.h"
#include "sim/simgame.h"
#include "bench_json.h"

#define ROUNDS 7
#define PROGRAM_ROUNDS 7

#ifndef TOP_BUILDDIR
#define TOP_BUILDDIR "."
#endif

static double
raw_parse(const struct sim_msg *msgs, size_t n)
{
	int64_t t0 = cs_now_us();
	size_t i;

	for (i = 0; i < n; i++) {
		json_object *o = json_tokener_parse(msgs[i].json);
		json_object_put(o);
	}
	return (double)(cs_now_us() - t0) / 1e6;
}

/* What a capture holds before the stream: the REST start-up documents. */
struct preamble {
	const char *channel[3];
	char *body[3];
};

static double
ingest(const struct provider_parser *p, const struct preamble *pre,
    const char *channel, const struct sim_msg *msgs, size_t n, int *points)
{
	struct game *g = game_new();
	struct cs_sink sink = game_sink(g);
	void *state = p->create(&sink);
	int64_t t0 = cs_now_us();
	double secs;
	size_t i;

	for (i = 0; pre != NULL && i < 3; i++)
		if (pre->body[i] != NULL)
			p->message(state, pre->channel[i], pre->body[i], strlen(pre->body[i]));
	for (i = 0; i < n; i++)
		p->message(state, channel, msgs[i].json, strlen(msgs[i].json));
	*points = game_team(g, CS_HOME)->points + game_team(g, CS_AWAY)->points;
	secs = (double)(cs_now_us() - t0) / 1e6;
	p->destroy(state);
	game_free(&g);
	return secs;
}

static void
bench(const char *name, const struct provider_parser *p, const struct preamble *pre,
    const char *channel, const struct sim_msg *msgs, size_t n)
{
	double best_raw = 1e9, best_ingest = 1e9, s;
	size_t bytes = 0, i;
	int r, points = 0;

	for (i = 0; i < n; i++)
		bytes += strlen(msgs[i].json);
	for (r = 0; r < ROUNDS; r++) {
		s = raw_parse(msgs, n);
		if (s < best_raw)
			best_raw = s;
		s = ingest(p, pre, channel, msgs, n, &points);
		if (s < best_ingest)
			best_ingest = s;
	}
	printf("%s: %zu messages (%.1f MB), %d points in all\n", name, n, (double)bytes / 1e6, points);
	printf("  raw json-c parse:        %9.0f messages/s\n", (double)n / best_raw);
	printf("  parser + model (replay): %9.0f messages/s (budget > 200,000), %.0f%% of raw parse (budget >= 33%%)\n",
	    (double)n / best_ingest, 100.0 * best_raw / best_ingest);
	{
		char fig[64];

		snprintf(fig, sizeof fig, "replay_%s", name);
		bench_json("bench_replay", fig, (double)n / best_ingest, "msgs/s", 200000, "higher");
		snprintf(fig, sizeof fig, "replay_%s_of_raw", name);
		bench_json("bench_replay", fig, best_raw / best_ingest, "x raw", 1.0 / 3, "higher");
	}
}

/* How many push lines the allocation-free scanner reads itself (the rest
 * take json-c's tree): a scanner that declined them all would still give
 * the right game, only at the old speed. */
static void
sportradar_scan_share(const struct sim_msg *msgs, size_t n)
{
	struct sportradar_ctx *c = malloc(sizeof *c);
	size_t i, scanned = 0;

	if (c == NULL)
		return;
	sportradar_ctx_init(c, NULL, NULL);
	for (i = 0; i < n; i++) {
		if (sportradar_parse_push_scan(c, msgs[i].json, strlen(msgs[i].json), NULL) == 0)
			scanned++;
		else
			sportradar_parse_push_tree(c, msgs[i].json, strlen(msgs[i].json), NULL);
	}
	free(c);
	printf("  read by the scanner: %zu of %zu push lines (the rest by json-c's tree)\n",
	    scanned, n);
	bench_json("bench_replay", "replay_sportradar_scanned_share",
	    n > 0 ? (double)scanned / (double)n : 0, "share", 1.0, "higher");
}

/* --- the real program: courtside --replay FILE --once --- */

/* What a capture of the game holds: REST documents, then the stream. */
struct recording {
	const char *provider;      /* "shottracker", "sportradar" */
	enum cs_provider id;
	const char *game_id;
	const char *channel[3];
	const char *body[3];       /* NULL: none */
	const char *stream;        /* "ws", "push" */
	const struct sim_msg *msgs;
	size_t n;
};

static int
capture_make(const struct recording *rc, const char *path)
{
	struct capture_writer *w;
	char *cause = NULL;
	size_t i;
	int rc_ = 0;

	w = capture_open(path, rc->id, rc->game_id, &cause);
	if (w == NULL) {
		fprintf(stderr, "bench_replay: %s\n", cause != NULL ? cause : "no capture");
		free(cause);
		return -1;
	}
	for (i = 0; i < 3; i++)
		if (rc->body[i] != NULL)
			rc_ |= capture_write(w, rc->channel[i], rc->body[i], strlen(rc->body[i]));
	for (i = 0; i < rc->n; i++)
		rc_ |= capture_write(w, rc->stream, rc->msgs[i].json, strlen(rc->msgs[i].json));
	capture_close(&w);
	return rc_;
}

/* A capture's messages in memory, for the raw parse beside the program. */
struct loaded {
	char **data;
	size_t n, cap;
	size_t rest, clocks;       /* REST documents, ShotTracker clock frames */
	size_t scannable;          /* ShotTracker frames of a source the scanner reads */
};

/* A ShotTracker frame of a source shottracker_parse.c reads without a
 * tree (clock, details, stats, shots, possessions; no escapes): the rest
 * is json-c's. */
static bool
st_scannable(const char *channel, const char *data)
{
	static const char *const sources[] = {
		"{\"source\":\"clock\"", "{\"source\":\"details\"", "{\"source\":\"stats\"",
		"{\"source\":\"shots\"", "{\"source\":\"possessions\"",
	};
	size_t i;

	if (strcmp(channel, "ws") != 0 || strchr(data, '\\') != NULL)
		return false;
	for (i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (strncmp(data, sources[i], strlen(sources[i])) == 0)
			return true;
	return false;
}

static void
loaded_free(struct loaded *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->data[i]);
	free(l->data);
	memset(l, 0, sizeof *l);
}

static int
loaded_read(struct loaded *l, const char *path)
{
	struct capture_reader *r = capture_read_open(path, NULL);
	struct capture_record rec;
	char *copy;

	memset(l, 0, sizeof *l);
	if (r == NULL)
		return -1;
	while (capture_next(r, &rec, NULL) == 1) {
		if (cs_grow((void **)&l->data, &l->cap, l->n + 1, sizeof *l->data) < 0 ||
		    (copy = strdup(rec.data)) == NULL)
			break;
		l->data[l->n++] = copy;
		if (strncmp(rec.channel, "rest:", 5) == 0)
			l->rest++;
		else if (strstr(rec.data, "\"source\":\"clock\"") != NULL)
			l->clocks++;
		if (st_scannable(rec.channel, rec.data))
			l->scannable++;
	}
	capture_read_close(&r);
	return l->n > 0 ? 0 : -1;
}

/* Seconds of CPU this thread has used. */
static double
thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Raw json-c over every message the capture holds: wall seconds, and the
 * CPU seconds in *cpu. */
static double
raw_loaded(const struct loaded *l, double *cpu)
{
	int64_t t0 = cs_now_us();
	double c0 = thread_cpu();
	size_t i;

	for (i = 0; i < l->n; i++)
		json_object_put(json_tokener_parse(l->data[i]));
	*cpu = thread_cpu() - c0;
	return (double)(cs_now_us() - t0) / 1e6;
}

/*
 * Runs `prog` with `args`: its wall time in seconds, or -1; its CPU time
 * (user + system, all threads) in *cpu.  posix_spawn, not fork(): glibc
 * spawns with CLONE_VM|CLONE_VFORK, so the child never copies this
 * process's pages.  A forked copy of this bench (tens of MB of parsed
 * games) paid its copy-on-write faults in the child, before exec, and
 * wait4() billed them to the program timed: up to ~85 ms of a 120 ms run.
 */
static double
spawn_run(const char *prog, const char *const *args, const char *dir, double *cpu)
{
	char cfg[700], state[700];
	const char *argv[16], *envp[256];
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	int64_t t0;
	pid_t pid;
	int status, n = 0, e = 0, i, rc;

	argv[n++] = prog;
	for (i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	snprintf(cfg, sizeof cfg, "XDG_CONFIG_HOME=%s", dir);
	snprintf(state, sizeof state, "XDG_STATE_HOME=%s", dir);
	envp[e++] = cfg;
	envp[e++] = state;
	for (i = 0; environ[i] != NULL && e < 255; i++)
		if (strncmp(environ[i], "XDG_CONFIG_HOME=", 16) != 0 &&
		    strncmp(environ[i], "XDG_STATE_HOME=", 15) != 0)
			envp[e++] = environ[i];
	envp[e] = NULL;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	t0 = cs_now_us();
	rc = posix_spawn(&pid, prog, &fa, NULL, (char *const *)argv, (char *const *)envp);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return (double)(cs_now_us() - t0) / 1e6;
}

static double
program_run(const char *const *args, const char *dir, double *cpu)
{
	return spawn_run(TOP_BUILDDIR "/courtside", args, dir, cpu);
}

/* The best (least) of each figure over the rounds. */
struct best {
	double raw, raw_cpu, prog, prog_cpu, start, start_cpu, floor, floor_cpu;
};

static void
best_of(double *best, double v)
{
	if (v >= 0 && v < *best)
		*best = v;
}

static void
program_print(const char *what, const struct loaded *l, const struct best *b)
{
	double work = b->prog - b->start, work_cpu = b->prog_cpu - b->start_cpu;
	size_t plays = l->n - l->rest - l->clocks;
	char fig[128];

	printf("%s: courtside --replay FILE --once --export: %zu messages (%zu play messages, "
	    "%zu clock frames, %zu REST documents)\n", what, l->n, plays, l->clocks, l->rest);
	if (l->scannable > 0)
		printf("  ShotTracker frames read by the allocation-free scanner: %zu; by json-c: "
		    "%zu (markers, REST documents, anything unusual)\n", l->scannable,
		    l->n - l->scannable);
	printf("  the program, spawn to exit: %6.1f ms wall, %6.1f ms CPU: %8.0f messages/s, "
	    "%8.0f plays/s\n", b->prog * 1e3, b->prog_cpu * 1e3, (double)l->n / b->prog,
	    (double)plays / b->prog);
	printf("  of which start-up (courtside --version): %.1f ms wall, %.1f ms CPU\n",
	    b->start * 1e3, b->start_cpu * 1e3);
	printf("  of which any program's start here (/bin/true): %.1f ms wall, %.1f ms CPU\n",
	    b->floor * 1e3, b->floor_cpu * 1e3);
	printf("  raw json-c parse, same run: %6.1f ms wall, %6.1f ms CPU: %8.0f messages/s\n",
	    b->raw * 1e3, b->raw_cpu * 1e3, (double)l->n / b->raw);
	printf("  ratio raw / program: %.2f wall, %.2f CPU; without the start-up: %.2f wall, "
	    "%.2f CPU (target >= 1.0)\n", b->raw / b->prog, b->raw_cpu / b->prog_cpu,
	    work > 0 ? b->raw / work : 0, work_cpu > 0 ? b->raw_cpu / work_cpu : 0);
	snprintf(fig, sizeof fig, "replay_program_%s_of_raw", what);
	bench_json("bench_replay", fig, b->raw / b->prog, "x raw", 1.0, "higher");
	snprintf(fig, sizeof fig, "replay_program_%s_of_raw_cpu", what);
	bench_json("bench_replay", fig, b->raw_cpu / b->prog_cpu, "x raw", 1.0, "higher");
	snprintf(fig, sizeof fig, "replay_program_%s_of_raw_cpu_after_startup", what);
	bench_json("bench_replay", fig, work_cpu > 0 ? b->raw_cpu / work_cpu : 0, "x raw",
	    1.0, "higher");
	snprintf(fig, sizeof fig, "replay_program_%s_plays", what);
	bench_json("bench_replay", fig, (double)plays / b->prog, "plays/s", 0, "higher");
	snprintf(fig, sizeof fig, "replay_program_%s_ms", what);
	bench_json("bench_replay", fig, b->prog * 1e3, "ms", 0, "lower");
}

/* The program on the capture at `cap`, against raw json-c of its messages. */
static void
bench_program(const char *what, const char *cap, const char *dir)
{
	char out[600], log[600];
	const char *args[] = { "--replay", cap, "--once", "--export", out, "--log", log, NULL };
	const char *const version[] = { "--version", NULL };
	struct best b = { 1e9, 1e9, 1e9, 1e9, 1e9, 1e9, 1e9, 1e9 };
	const char *const none[] = { NULL };
	struct loaded l;
	double s, cpu = -1;
	int r;

	snprintf(out, sizeof out, "%s/export.json", dir);
	snprintf(log, sizeof log, "%s/courtside.log", dir);
	if (loaded_read(&l, cap) < 0) {
		printf("%s: the capture cannot be read\n", what);
		return;
	}
	for (r = 0; r < PROGRAM_ROUNDS; r++) {
		best_of(&b.raw, raw_loaded(&l, &cpu));
		best_of(&b.raw_cpu, cpu);
		if ((s = program_run(args, dir, &cpu)) < 0) {
			printf("%s: courtside --replay --once failed\n", what);
			goto out;
		}
		best_of(&b.prog, s);
		best_of(&b.prog_cpu, cpu);
		if ((s = program_run(version, dir, &cpu)) >= 0) {
			best_of(&b.start, s);
			best_of(&b.start_cpu, cpu);
		}
		if ((s = spawn_run("/bin/true", none, dir, &cpu)) >= 0) {
			best_of(&b.floor, s);
			best_of(&b.floor_cpu, cpu);
		}
	}
	program_print(what, &l, &b);
out:
	loaded_free(&l);
	unlink(out);
	unlink(log);
}

/* A capture of every stream message of the game, with the REST documents
 * a client reads first: all of it through the stream parsers. */
static void
bench_stream(const struct recording *rc)
{
	char dir[] = "/tmp/bench_replay.XXXXXX", cap[600], what[64];

	if (access(TOP_BUILDDIR "/courtside", X_OK) != 0 || mkdtemp(dir) == NULL) {
		printf("%s: courtside --replay: skipped (no courtside program)\n", rc->provider);
		return;
	}
	snprintf(cap, sizeof cap, "%s/game.cap", dir);
	snprintf(what, sizeof what, "%s_stream", rc->provider);
	if (capture_make(rc, cap) == 0)
		bench_program(what, cap, dir);
	unlink(cap);
	rmdir(dir);
}

/*
 * A real recording: courtside --headless --record following courtside-sim
 * (the same seed, joined 10 minutes in, so it holds a catch-up as a real
 * recording does).  0 with the capture at `cap`, or -1.
 */
static int
record_live(const char *provider, const char *dir, const char *cap)
{
	const char *sim[] = { TOP_BUILDDIR "/courtside-sim", "--provider", provider, "--port", "0",
		"--quiet", "--require-auth", "U:S", "--seed", "2026", "--speed", "400",
		"--start-ms", "600000", NULL };
	char line[512], key[32], base[64], game[128], log[600], out[600], *p;
	const char *client[] = { TOP_BUILDDIR "/courtside", "--provider", provider, "--game", game,
		"--base-url", base, "--headless", "--duration", "120", "--record", cap,
		"--export", out, "--log", log, NULL };
	int fds[2], status = -1, port = 0;
	pid_t sim_pid, pid;
	FILE *f;

	if (access(sim[0], X_OK) != 0 || pipe(fds) < 0)
		return -1;
	if ((sim_pid = fork()) == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(sim[0], (char *const *)sim);
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	snprintf(key, sizeof key, " %s=", provider);
	if (f != NULL && fgets(line, sizeof line, f) != NULL &&
	    (p = strstr(line, "listening on ")) != NULL && (p = strchr(p + 13, ':')) != NULL)
		port = (int)strtol(p + 1, NULL, 10);
	p = port > 0 ? strstr(line, key) : NULL;
	if (p != NULL) {
		p += strlen(key);
		snprintf(game, sizeof game, "%.*s", (int)strcspn(p, " \n"), p);
		snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
		snprintf(log, sizeof log, "%s/record.log", dir);
		snprintf(out, sizeof out, "%s/record.json", dir);
		if ((pid = fork()) == 0) {
			setenv("XDG_CONFIG_HOME", dir, 1);
			setenv("XDG_STATE_HOME", dir, 1);
			setenv("SHOTTRACKER_USERNAME", "U", 1);
			setenv("SHOTTRACKER_SECRET", "S", 1);
			setenv("SPORTRADAR_API_KEY", "S", 1);
			execv(client[0], (char *const *)client);
			_exit(127);
		}
		if (pid > 0)
			waitpid(pid, &status, 0);
		unlink(log);
		unlink(out);
	}
	if (f != NULL)
		fclose(f);
	if (sim_pid > 0) {
		kill(sim_pid, SIGTERM);
		waitpid(sim_pid, NULL, 0);
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static void
bench_recorded(const char *provider)
{
	char dir[] = "/tmp/bench_replay.XXXXXX", cap[600], what[64];

	if (access(TOP_BUILDDIR "/courtside", X_OK) != 0 || mkdtemp(dir) == NULL)
		return;
	snprintf(cap, sizeof cap, "%s/game.cap", dir);
	snprintf(what, sizeof what, "%s_recorded", provider);
	if (record_live(provider, dir, cap) == 0)
		bench_program(what, cap, dir);
	else
		printf("%s: skipped (courtside-sim and courtside could not record a game)\n", what);
	unlink(cap);
	rmdir(dir);
}

/* Both providers' captures of the game, through the real program. */
static void
replay_programs(const struct sim_game *g, const struct preamble *st)
{
	struct recording rc;
	char ch[160], *summary;
	int i;

	memset(&rc, 0, sizeof rc);
	rc.provider = "shottracker";
	rc.id = CS_PROVIDER_SHOTTRACKER;
	rc.game_id = sim_game_id(g, CS_PROVIDER_SHOTTRACKER);
	for (i = 0; i < 3; i++) {
		rc.channel[i] = st->channel[i];
		rc.body[i] = st->body[i];
	}
	rc.stream = "ws";
	rc.n = sim_game_st_stream(g, &rc.msgs);
	bench_stream(&rc);

	memset(&rc, 0, sizeof rc);
	rc.provider = "sportradar";
	rc.id = CS_PROVIDER_SPORTRADAR;
	rc.game_id = sim_game_id(g, CS_PROVIDER_SPORTRADAR);
	summary = sim_game_sr_summary(g, 0);
	snprintf(ch, sizeof ch, "rest:/nba/trial/v8/en/games/%s/summary.json", rc.game_id);
	rc.channel[0] = ch;
	rc.body[0] = summary;
	rc.stream = "push";
	rc.n = sim_game_sr_stream(g, &rc.msgs);
	bench_stream(&rc);
	free(summary);
	bench_recorded("shottracker");
	bench_recorded("sportradar");
}

int
main(void)
{
	struct sim_options opt = { .seed = 2026 };
	struct sim_game *g = sim_game_generate(&opt);
	const struct sim_msg *msgs;
	struct preamble st;
	char ch[3][160];
	size_t n;
	int i;

	if (g == NULL)
		return 1;
	snprintf(ch[0], sizeof ch[0], "rest:/v1/data/games/%s", sim_game_id(g, CS_PROVIDER_SHOTTRACKER));
	for (i = 0; i < 2; i++)
		snprintf(ch[i + 1], sizeof ch[i + 1], "rest:/v1/data/teams/%s,SHOTTRACKER",
		    sim_game_st_team_id(g, i));
	st.body[0] = sim_game_st_event(g, 0);
	st.body[1] = sim_game_st_roster(g, CS_HOME);
	st.body[2] = sim_game_st_roster(g, CS_AWAY);
	for (i = 0; i < 3; i++)
		st.channel[i] = ch[i];
	n = sim_game_st_stream(g, &msgs);
	bench("shottracker live frames", &shottracker_parser, &st, "ws", msgs, n);
	n = sim_game_sr_stream(g, &msgs);
	bench("sportradar push lines", &sportradar_parser, NULL, "push", msgs, n);
	sportradar_scan_share(msgs, n);
	replay_programs(g, &st);
	for (i = 0; i < 3; i++)
		free(st.body[i]);
	sim_game_free(&g);
	return 0;
}
