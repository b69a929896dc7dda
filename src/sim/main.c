/*
 * courtside-sim: serves one simulated game over the ShotTracker and
 * Sportradar APIs on a local port, for courtside's tests and demos.
 *
 * Exit status: 0 stopped cleanly (or printed what was asked), 1 the server
 * failed, 2 a usage error.  The one start-up line on stdout is a contract
 * for scripts: "courtside-sim: listening on ADDR:PORT shottracker=<event_id>
 * sportradar=<game_id>", flushed at once.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/event.h"
#include "sim/capture_game.h"
#include "sim/faults.h"
#include "sim/league.h"
#include "sim/server.h"
#include "sim/simgame.h"
#include "util.h"

#define DEFAULT_PORT 8765

static const char usage_text[] =
"usage: courtside-sim [--provider shottracker|sportradar|both] [--bind ADDR]\n"
"                     [--port N] [--seed N | --capture FILE] [--halves] [--overtime]\n"
"                     [--overtimes N]\n"
"                     [--speed N] [--start-at PERIOD/CLOCK | --start-ms MS]\n"
"                     [--faults SPEC] [--require-auth USER:SECRET] [--log FILE]\n"
"                     [--st-game-shape sim|seed] [--games N] [--quiet]\n"
"       courtside-sim --print-truth shottracker|sportradar [--at PERIOD/CLOCK|end]\n"
"       courtside-sim --print-ids | --help | --version\n"
"\n"
"  --provider P        serve shottracker, sportradar or both (default both)\n"
"  --bind ADDR         listen address (default 127.0.0.1)\n"
"  --port N            listen port, 0 for any free one (default 8765)\n"
"  --seed N            the generated game (default 1)\n"
"  --capture FILE      serve a game recorded with courtside --record, over\n"
"                      the protocol it was recorded from\n"
"  --halves            two 20-minute halves instead of four quarters\n"
"  --overtime          tie regulation so that the game goes to overtime\n"
"  --overtimes N       exactly N overtimes (1 to 96 after quarters, 98 after halves)\n"
"  --speed N           feed seconds per wall second (default 1; 0 freezes)\n"
"  --start-at P/CLOCK  start the feed at a period and clock, e.g. 3/7:21 or Q3/7:21\n"
"  --start-ms MS       start the feed at MS milliseconds after tip-off\n"
"  --faults SPEC       e.g. drop=50,stall=40@300,5xx=0.1,malformed=0.02,\n"
"                      truncate=0.02,duplicate=0.05,reorder=0.02,seed=7;\n"
"                      refuse=G:N[@K] / freeze=G:N[@K]: league game G's token\n"
"                      (_subscribe) and play-by-play (stats,details; pbp.json)\n"
"                      requests after the first K of each kind: the next N\n"
"                      answer 503 (Retry-After: 1) / never answer;\n"
"                      rosters=G:N[@K]: the same for its summary.json\n"
"  --require-auth U:S  verify ShotTracker signatures with user U, secret S;\n"
"                      Sportradar's x-api-key must be S\n"
"  --log FILE          request and fault log (default stderr)\n"
"  --st-game-shape S   the ShotTracker game event: sim (teams and status at\n"
"                      the top level, labelled periods; the default) or seed\n"
"                      (exactly the vendor's published shape: teams only\n"
"                      under game_attributes, status from started_at/ended_at)\n"
"  --games N           a league night: N games (seeds S, S+1, ... of --seed S)\n"
"                      tipping off 5 feed minutes apart, both providers'\n"
"                      schedules and a league-wide push stream (default 1,\n"
"                      at most 16)\n"
"  --serve-seed-examples DIR  answer the vendor pages' example payloads\n"
"                      (tests/data/seeds) byte for byte at the ids they print\n"
"  --st-disagree WHAT  bend the sensors' presence or lineups (or\n"
"                      presence,lineups) away from the game, to show the\n"
"                      client's warning\n"
"  --quiet             no request log\n"
"  --print-truth P     print the ground-truth box score as JSON and exit\n"
"  --at P/CLOCK|end    the game time for --print-truth (default end)\n"
"  --print-ids         print the game ids and exit\n";

enum {
	OPT_PROVIDER = 256, OPT_BIND, OPT_PORT, OPT_SEED, OPT_CAPTURE, OPT_HALVES,
	OPT_OVERTIME, OPT_OVERTIMES, OPT_SPEED, OPT_START_AT, OPT_START_MS, OPT_FAULTS,
	OPT_REQUIRE_AUTH, OPT_LOG, OPT_QUIET, OPT_PRINT_TRUTH, OPT_AT,
	OPT_PRINT_IDS, OPT_HELP, OPT_VERSION, OPT_ST_GAME_SHAPE, OPT_GAMES,
	OPT_SEED_EXAMPLES, OPT_ST_DISAGREE,
};

static const struct option long_options[] = {
	{ "provider", required_argument, NULL, OPT_PROVIDER },
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "port", required_argument, NULL, OPT_PORT },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "capture", required_argument, NULL, OPT_CAPTURE },
	{ "halves", no_argument, NULL, OPT_HALVES },
	{ "overtime", no_argument, NULL, OPT_OVERTIME },
	{ "overtimes", required_argument, NULL, OPT_OVERTIMES },
	{ "speed", required_argument, NULL, OPT_SPEED },
	{ "start-at", required_argument, NULL, OPT_START_AT },
	{ "start-ms", required_argument, NULL, OPT_START_MS },
	{ "faults", required_argument, NULL, OPT_FAULTS },
	{ "require-auth", required_argument, NULL, OPT_REQUIRE_AUTH },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "st-game-shape", required_argument, NULL, OPT_ST_GAME_SHAPE },
	{ "print-truth", required_argument, NULL, OPT_PRINT_TRUTH },
	{ "at", required_argument, NULL, OPT_AT },
	{ "print-ids", no_argument, NULL, OPT_PRINT_IDS },
	{ "games", required_argument, NULL, OPT_GAMES },
	{ "serve-seed-examples", required_argument, NULL, OPT_SEED_EXAMPLES },
	{ "st-disagree", required_argument, NULL, OPT_ST_DISAGREE },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

struct sim_args {
	struct sim_server_options so;
	const char *start_at;
	bool start_ms_set, seed_set;
	const char *truth;
	const char *at;
	bool print_ids;
};

static void usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

static void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("courtside-sim: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (try --help)\n", stderr);
	exit(2);
}

/* An argument fit for a one-line message (one at a time: we exit after). */
static const char *
clean(const char *s)
{
	static char buf[128];

	cs_sanitize(buf, s != NULL ? s : "", sizeof buf);
	return buf;
}

static long long
parse_integer(const char *s, long long lo, long long hi, const char *what)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		usage_error("bad %s '%s'", what, clean(s));
	return v;
}

static void
parse_args(int argc, char **argv, struct sim_args *a)
{
	char *end;
	double d;
	int ch;

	memset(a, 0, sizeof *a);
	a->so.providers = "both";
	a->so.port = DEFAULT_PORT;
	a->so.seed = 1;
	a->so.speed = 1.0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
		switch (ch) {
		case OPT_PROVIDER:
			if (strcmp(optarg, "shottracker") != 0 &&
			    strcmp(optarg, "sportradar") != 0 &&
			    strcmp(optarg, "both") != 0)
				usage_error("unknown provider '%s' (shottracker, "
				    "sportradar or both)", clean(optarg));
			a->so.providers = optarg;
			break;
		case OPT_BIND:
			if (*optarg == '\0' || strlen(optarg) >= 64)
				usage_error("bad --bind address '%s'",
				    clean(optarg));
			a->so.bind = optarg;
			break;
		case OPT_PORT:
			a->so.port = (int)parse_integer(optarg, 0, 65535,
			    "--port (0 to 65535)");
			break;
		case OPT_SEED:
			if (optarg[0] == '-')
				usage_error("bad --seed '%s'", clean(optarg));
			errno = 0;
			a->so.seed = strtoull(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0')
				usage_error("bad --seed '%s'", clean(optarg));
			a->seed_set = true;
			break;
		case OPT_CAPTURE:
			a->so.capture = optarg;
			break;
		case OPT_HALVES:
			a->so.halves = true;
			break;
		case OPT_OVERTIME:
			a->so.force_overtime = true;
			break;
		case OPT_OVERTIMES:
			a->so.overtimes = (int)parse_integer(optarg, 1, CS_PERIODS_MAX - 2,
			    "--overtimes (1 to 98)");
			break;
		case OPT_SPEED:
			errno = 0;
			d = strtod(optarg, &end);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    !isfinite(d) || d < 0.0 || d > 100000.0)
				usage_error("bad --speed '%s' (0 to 100000)",
				    clean(optarg));
			a->so.speed = d;
			break;
		case OPT_START_AT:
			a->start_at = optarg;
			break;
		case OPT_START_MS:
			a->so.start_ms = parse_integer(optarg, -86400000LL,
			    86400000LL, "--start-ms");
			a->start_ms_set = true;
			break;
		case OPT_FAULTS:
			a->so.faults = optarg;
			break;
		case OPT_REQUIRE_AUTH:
			if (*optarg == '\0' || optarg[strlen(optarg) - 1] == ':')
				usage_error("bad --require-auth: want USER:SECRET");
			a->so.require_auth = optarg;
			break;
		case OPT_LOG:
			a->so.log_path = optarg;
			break;
		case OPT_QUIET:
			a->so.quiet = true;
			break;
		case OPT_ST_DISAGREE:
			a->so.st_disagree = optarg;
			break;
		case OPT_SEED_EXAMPLES:
			a->so.seed_examples = optarg;
			break;
		case OPT_ST_GAME_SHAPE:
			if (strcmp(optarg, "sim") != 0 && strcmp(optarg, "seed") != 0)
				usage_error("--st-game-shape wants sim or seed, not '%s'",
				    clean(optarg));
			a->so.st_seed_shape = strcmp(optarg, "seed") == 0;
			break;
		case OPT_PRINT_TRUTH:
			if (strcmp(optarg, "shottracker") != 0 &&
			    strcmp(optarg, "sportradar") != 0)
				usage_error("--print-truth wants shottracker or "
				    "sportradar, not '%s'", clean(optarg));
			a->truth = optarg;
			break;
		case OPT_AT:
			a->at = optarg;
			break;
		case OPT_GAMES:
			errno = 0;
			a->so.games = (int)strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    a->so.games < 1 || a->so.games > SIM_LEAGUE_MAX)
				usage_error("--games takes 1 to %d, not '%s'",
				    SIM_LEAGUE_MAX, clean(optarg));
			break;
		case OPT_PRINT_IDS:
			a->print_ids = true;
			break;
		case OPT_HELP:
			fputs(usage_text, stdout);
			exit(0);
		case OPT_VERSION:
			printf("courtside-sim %s\n", PACKAGE_VERSION);
			exit(0);
		case ':':
			usage_error("option %s needs a value",
			    clean(argv[optind - 1]));
			break;
		default:
			usage_error("unknown option '%s'", clean(argv[optind - 1]));
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", clean(argv[optind]));
	if (a->so.capture != NULL) {
		/* a capture is one recorded game: it has no seed, no rules to
		 * choose, no truth of its own (courtside --replay --once gives
		 * its box score) */
		if (a->seed_set || a->so.halves || a->so.force_overtime || a->so.overtimes ||
		    a->so.st_seed_shape)
			usage_error("--capture serves a recorded game: --seed, "
			    "--halves, --overtime(s) and --st-game-shape do not apply");
		if (a->so.games > 0)
			usage_error("--capture serves one recorded game: --games "
			    "does not apply");
		if (a->truth != NULL)
			usage_error("--print-truth needs a generated game; for a "
			    "capture use courtside --replay FILE --once");
	}
	if (!a->so.halves && a->so.overtimes > CS_PERIODS_MAX - 4)
		usage_error("bad --overtimes %d (1 to %d after four quarters)",
		    a->so.overtimes, CS_PERIODS_MAX - 4);
	if (a->start_at != NULL && a->start_ms_set)
		usage_error("--start-at and --start-ms exclude each other");
	if (a->at != NULL && a->truth == NULL)
		usage_error("--at goes with --print-truth");
}

/* "3/7:21", "Q3/7:21", "OT1 2:00" -> period sequence and tenths, by the
 * parser courtside --until uses too; -1 when not one. */
static int
period_clock(const char *spec, bool halves, int *seq, int *tenths)
{
	struct cs_game_point pt;

	if (cs_game_point_parse(spec, &pt) < 0)
		return -1;
	*seq = cs_game_point_sequence(&pt, halves);
	*tenths = pt.clock;
	return *seq < 0 ? -1 : 0;
}

/* "PERIOD/CLOCK" -> feed time in the game; "end" -> SIM_END. */
static int
game_time(const struct sim_game *g, const char *spec, bool halves,
    int64_t *out)
{
	int seq, tenths;

	if (strcmp(spec, "end") == 0) {
		*out = SIM_END;
		return 0;
	}
	if (period_clock(spec, halves, &seq, &tenths) < 0)
		return -1;
	*out = sim_game_time_at(g, seq, tenths);
	return 0;
}

static struct sim_game *
generate(const struct sim_args *a)
{
	struct sim_options go;
	struct sim_game *g;

	memset(&go, 0, sizeof go);
	go.seed = a->so.seed;
	go.halves = a->so.halves;
	go.force_overtime = a->so.force_overtime;
	go.overtimes = a->so.overtimes;
	g = sim_game_generate(&go);
	if (g == NULL) {
		fputs("courtside-sim: the game generator failed\n", stderr);
		exit(1);
	}
	return g;
}

/* One line per game: the league's games are seeds N, N+1, ... */
static int
print_ids(struct sim_args *a, struct sim_game **g)
{
	uint64_t seed = a->so.seed;
	int i, n = a->so.games > 0 ? a->so.games : 1;

	for (i = 0; i < n; i++) {
		if (i > 0) {
			a->so.seed = seed + (uint64_t)i;
			*g = generate(a);
		}
		printf("shottracker=%s sportradar=%s\n",
		    sim_game_id(*g, CS_PROVIDER_SHOTTRACKER),
		    sim_game_id(*g, CS_PROVIDER_SPORTRADAR));
		sim_game_free(g);
	}
	a->so.seed = seed;
	return 0;
}

/* Everything that prints and exits without serving. */
static int
run_offline(struct sim_args *a)
{
	struct sim_game *g = generate(a);
	enum cs_provider p;
	int64_t at = SIM_END;
	char *json;

	if (a->print_ids)
		return print_ids(a, &g);
	if (a->at != NULL && game_time(g, a->at, a->so.halves, &at) < 0) {
		sim_game_free(&g);
		usage_error("bad --at '%s': want PERIOD/CLOCK (e.g. 3/7:21) or end",
		    clean(a->at));
	}
	p = strcmp(a->truth, "shottracker") == 0 ? CS_PROVIDER_SHOTTRACKER :
	    CS_PROVIDER_SPORTRADAR;
	json = sim_game_truth_json(g, p, at);
	sim_game_free(&g);
	if (json == NULL) {
		fputs("courtside-sim: no ground truth for that time\n", stderr);
		return 1;
	}
	puts(json);
	free(json);
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * --start-at for a capture: where its own parsers see the game get there.
 * Returns the capture, loaded and made ready for the server to take.
 */
static struct sim_capture *
capture_start(const char *path, const char *spec, int64_t *start_ms)
{
	struct sim_capture *c;
	char *cause = NULL;
	int seq, tenths;

	c = sim_capture_load(path, &cause);
	if (c == NULL) {
		fprintf(stderr, "courtside-sim: %s\n", cause != NULL ? cause :
		    "cannot read the capture");
		free(cause);
		exit(1);
	}
	if (period_clock(spec, sim_capture_halves(c), &seq, &tenths) < 0) {
		sim_capture_free(&c);
		usage_error("bad --start-at '%s': want PERIOD/CLOCK, e.g. "
		    "3/7:21 or Q3/7:21", clean(spec));
	}
	*start_ms = sim_capture_start_at(c, seq, tenths);
	if (*start_ms < 0) {
		sim_capture_free(&c);
		fprintf(stderr, "courtside-sim: the recorded game never reaches "
		    "%s\n", clean(spec));
		exit(1);
	}
	return c;
}

static int
print_capture_ids(const char *path)
{
	struct sim_capture *c;
	char *cause = NULL;
	bool st;

	c = sim_capture_load(path, &cause);
	if (c == NULL) {
		fprintf(stderr, "courtside-sim: %s\n", cause != NULL ? cause :
		    "cannot read the capture");
		free(cause);
		return 1;
	}
	st = sim_capture_provider(c) == CS_PROVIDER_SHOTTRACKER;
	printf("shottracker=%s sportradar=%s\n", st ? sim_capture_game_id(c) : "-",
	    st ? "-" : sim_capture_game_id(c));
	sim_capture_free(&c);
	return 0;
}

int
main(int argc, char **argv)
{
	struct sim_args a;
	struct sim_server *srv;
	struct sim_faults f;
	struct sim_game *g;
	sigset_t stop;
	const char *bind;
	char *cause = NULL;
	int sig = 0;

	parse_args(argc, argv, &a);
	if (sim_faults_parse(a.so.faults, &f, &cause) < 0) {
		fprintf(stderr, "courtside-sim: %s (try --help)\n",
		    cause != NULL ? cause : "bad --faults");
		free(cause);
		return 2;
	}
	if (a.print_ids && a.so.capture != NULL)
		return print_capture_ids(a.so.capture);
	if (a.print_ids || a.truth != NULL)
		return run_offline(&a);
	if (a.start_at != NULL && a.so.capture != NULL)
		a.so.loaded = capture_start(a.so.capture, a.start_at,
		    &a.so.start_ms);
	else if (a.start_at != NULL) {
		g = generate(&a);
		if (game_time(g, a.start_at, a.so.halves, &a.so.start_ms) < 0 ||
		    a.so.start_ms == SIM_END) {
			sim_game_free(&g);
			usage_error("bad --start-at '%s': want PERIOD/CLOCK, e.g. "
			    "3/7:21 or Q3/7:21", clean(a.start_at));
		}
		sim_game_free(&g);
	}

	/* signals are taken here, synchronously; the server thread blocks them */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);

	srv = sim_server_start(&a.so, &cause);
	if (srv == NULL) {
		fprintf(stderr, "courtside-sim: %s\n", cause != NULL ? cause :
		    "cannot start");
		free(cause);
		return 1;
	}
	bind = a.so.bind != NULL ? a.so.bind : "127.0.0.1";
	printf("courtside-sim: listening on %s%s%s:%d shottracker=%s "
	    "sportradar=%s\n",
	    strchr(bind, ':') != NULL ? "[" : "", bind,
	    strchr(bind, ':') != NULL ? "]" : "", sim_server_port(srv),
	    sim_server_game_id(srv, CS_PROVIDER_SHOTTRACKER),
	    sim_server_game_id(srv, CS_PROVIDER_SPORTRADAR));
	fflush(stdout);
	while (sigwait(&stop, &sig) != 0 || (sig != SIGINT && sig != SIGTERM &&
	    sig != SIGHUP))
		;
	sim_server_stop(&srv);
	return 0;
}
