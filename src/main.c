/*
 * courtside: arguments, wiring, exit codes.
 *
 * Exit status: 0 done, 1 the run failed (one-line reason on stderr),
 * 2 a usage error.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "export_file.h"
#include "log.h"
#include "model/export.h"
#include "model/game.h"
#include "net/feed.h"
#include "providers/schedule.h"
#include "session.h"
#include "providers/provider.h"
#include "settings.h"
#include "sim/server.h"
#include "ui/picker.h"
#include "ui/ui.h"

/* The demo's simulator credentials: the demo signs every request for real. */
#define DEMO_USERNAME "demo"
#define DEMO_SECRET   "courtside-demo-secret"
#define DEMO_SPEED    8.0
#define DEMO_MAX_SPEED 100000.0   /* the simulator's top: a game in a blink */

static volatile sig_atomic_t stop_signal;

static void
on_stop_signal(int sig)
{
	stop_signal = sig;
}

static void
die_usage(const char *cause)
{
	fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "usage error");
	exit(2);
}

static int
write_export(struct game *g, const struct settings *s, const char *path)
{
	return export_file(g, s->export_format, path);
}

/* --export with several games: one file each, the game's id before the
 * extension ("night.json" -> "night.ID.json"); "-" writes them in turn. */
static int
write_exports(struct session **v, int n, const struct settings *s)
{
	const char *p = s->export_path, *dot, *slash;
	char path[4096];
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		if (p == NULL || n == 1 || strcmp(p, "-") == 0) {
			rc |= write_export(v[i]->g, s, p);
			continue;
		}
		dot = strrchr(p, '.');
		slash = strrchr(p, '/');
		if (dot == NULL || (slash != NULL && dot < slash) || dot == p)
			dot = p + strlen(p);
		if ((size_t)snprintf(path, sizeof path, "%.*s.%s%s", (int)(dot - p), p,
		    v[i]->id, dot) >= sizeof path) {
			fprintf(stderr, "courtside: the export path is too long\n");
			rc = -1;
			continue;
		}
		rc |= write_export(v[i]->g, s, path);
	}
	return rc;
}

/* --rules wins; then what the provider's options imply (a G League feed
 * plays the G League's profile); otherwise the provider's data decides. */
static const char *
rules_for(const struct settings *s, const struct feed_config *fc)
{
	const struct provider *p = provider_by_id(fc->provider);

	if (s->rules != NULL)
		return s->rules;
	if (p != NULL && p->rules_hint != NULL && s->replay_path == NULL)
		return p->rules_hint(fc->options);
	return NULL;
}

/* Every session ended (or the deadline, or a signal). */
static void
drain_until_ended(const struct settings *s, struct session **v, int n)
{
	struct pollfd pfd[SETTINGS_GAMES_MAX];
	int64_t deadline = 0, left;
	int timeout, i, open;

	if (s->duration > 0)
		deadline = cs_now_us() + (int64_t)(s->duration * 1e6);
	while (stop_signal == 0) {
		for (i = 0, open = 0; i < n; i++) {
			session_drain(v[i]);
			if (!v[i]->st.ended) {
				pfd[open].fd = feed_fd(v[i]->feed);
				pfd[open++].events = POLLIN;
			}
		}
		if (open == 0)
			break;
		timeout = 1000;
		if (deadline != 0) {
			left = deadline - cs_now_us();
			if (left <= 0)
				break;
			if (left / 1000 < timeout)
				timeout = (int)(left / 1000) + 1;
		}
		if (poll(pfd, (nfds_t)open, timeout) < 0 && errno != EINTR)
			break;
	}
}

/* How one session's run went: 0, or 1 after its one-line reason. */
static int
session_outcome(const struct settings *s, struct session *gs, bool went_live, int n)
{
	struct app_state *st = &gs->st;
	const char *sep = n > 1 ? ": " : "";
	const char *id = n > 1 ? gs->id : "";

	if (st->ended && st->status.state == FEED_FAILED) {
		fprintf(stderr, "courtside: %s%s%s\n", id, sep, st->status.message);
		return 1;
	}
	/* Stopped (--duration, a signal) before the live stream ever came up:
	 * that is a failure, and the last status says why. */
	if (!st->ended && !went_live && s->mode == RUN_HEADLESS && s->replay_path == NULL) {
		fprintf(stderr, "courtside: %s%snever went live: %s\n", id, sep,
		    st->status.message[0] != '\0' ? st->status.message : "no connection yet");
		log_msg("never went live: %s", st->status.message);
		return 1;
	}
	if (st->warnings > 0)
		log_msg("%lu messages skipped as bad input", st->warnings);
	return 0;
}

/* Stops the sessions, then their exports unless one failed (its one-line
 * reason said): 0, or 1. */
static int
stop_and_export(const struct settings *s, struct session **v, int n)
{
	bool went_live[SETTINGS_GAMES_MAX];
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		went_live[i] = feed_went_live(v[i]->feed);
		session_stop(v[i]);
	}
	for (i = 0; i < n; i++)
		rc |= session_outcome(s, v[i], went_live[i], n);
	if (rc != 0)
		return 1;
	return write_exports(v, n, s) == 0 ? 0 : 1;
}

/* --once and --headless: drain the feeds into their models until they end. */
static int
run_without_ui(const struct settings *s, struct session **v, int n)
{
	drain_until_ended(s, v, n);
	return stop_and_export(s, v, n);
}

static void
schedule_query_of(const struct settings *s, const void *options, struct schedule_query *q)
{
	memset(q, 0, sizeof *q);
	q->provider = s->provider;
	q->base_url = s->base_url;
	q->options = options;
	q->cacert = s->cacert;
	q->insecure = s->insecure;
	q->year = s->year;
	q->month = s->month;
	q->day = s->day;
	q->team = s->team;
}

/* The day's schedule as the settings ask for it, read with the provider's
 * own options (provider.h), `attempts` tries where a retry may heal a
 * failure.  0, or -1 with *cause. */
static int
schedule_of(const struct settings *s, struct schedule *sched, int attempts, char **cause)
{
	const struct provider *p = provider_by_id(s->provider);
	struct schedule_query q;
	bool oom;
	void *options = provider_options_from(p, s, &oom);
	int rc;

	schedule_query_of(s, options, &q);
	q.attempts = attempts;
	if (oom) {
		memset(sched, 0, sizeof *sched);
		rc = cs_set_cause(cause, "out of memory");
	} else
		rc = schedule_fetch(&q, sched, cause);
	provider_options_free(p, options);
	return rc;
}

#define SCHEDULE_ATTEMPTS 3
#define PICK_REFRESH_MS 10000   /* the open picker reads the schedule again */

/* The day's schedule: 0, or -1 after saying why.  With `may_wait` (the
 * picker, whose refresh is its retry), 1 for a failure a later try may
 * heal, logged only: no schedule yet. */
static int
fetch_schedule(const struct settings *s, struct schedule *sched, bool may_wait)
{
	char *cause = NULL;
	bool wait;

	if (schedule_of(s, sched, SCHEDULE_ATTEMPTS, &cause) == 0)
		return 0;
	wait = may_wait && sched->retryable;
	if (wait)
		log_msg("picker: no schedule yet: %s; trying again every %d s",
		    cause != NULL ? cause : "?", PICK_REFRESH_MS / 1000);
	else
		fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "no schedule");
	free(cause);
	schedule_free(sched);
	return wait ? 1 : -1;
}

/* --list: the day's games, one line each (or JSON), then exit. */
static int
run_list(const struct settings *s)
{
	struct schedule sched;
	int rc;

	if (fetch_schedule(s, &sched, false) < 0)
		return 1;
	rc = schedule_print(&sched, stdout, s->export_format == EXPORT_JSON &&
	    s->export_format_set) == 0 && fflush(stdout) == 0 ? 0 : 1;
	if (rc != 0)
		fprintf(stderr, "courtside: writing the list failed: %s\n", strerror(errno));
	schedule_free(&sched);
	return rc;
}

static void
pick_row(const struct schedule_game *g, struct ui_pick_row *r)
{
	const struct schedule_team *a = &g->team[CS_AWAY], *h = &g->team[CS_HOME];
	char line[512];

	memset(r, 0, sizeof *r);
	cs_strlcpy(r->id, g->id, sizeof r->id);
	/* the --list line's tip-off, so both read the same */
	schedule_line(g, line, sizeof line);
	cs_strlcpy(r->tipoff, line + strlen(g->id) + 2, 6);
	snprintf(r->away, sizeof r->away, a->alias[0] != '\0' ? "%s (%s)" : "%s%s",
	    a->name, a->alias);
	snprintf(r->home, sizeof r->home, h->alias[0] != '\0' ? "%s (%s)" : "%s%s",
	    h->name, h->alias);
	cs_strlcpy(r->status, g->status, sizeof r->status);
	r->scoreless = g->scoreless;
	if (a->points >= 0 && h->points >= 0)
		snprintf(r->score, sizeof r->score, "%d-%d", a->points % 1000,
		    h->points % 1000);
}

/* The picker's live scores: the schedule again, on the picker's own
 * thread (so a failure is logged, never printed over the screen). */
static int
pick_refresh(void *ctx, struct ui_pick_row **rows, size_t *n)
{
	const struct settings *s = ctx;
	struct schedule sched;
	char *cause = NULL;
	size_t i;

	/* once: the next refresh is the retry, and quitting waits for none */
	if (schedule_of(s, &sched, 1, &cause) < 0) {
		log_msg("picker: refreshing the scores failed: %s",
		    cause != NULL ? cause : "no schedule");
		free(cause);
		schedule_free(&sched);
		return -1;
	}
	*rows = calloc(sched.n + 1, sizeof **rows);
	for (i = 0; *rows != NULL && i < sched.n; i++)
		pick_row(&sched.games[i], &(*rows)[i]);
	*n = sched.n;
	schedule_free(&sched);
	return *rows != NULL ? 0 : -1;
}

/*
 * No --game: the day's games in the picker, their scores refreshed while
 * it is open; the one chosen goes into `id`.  0 to go on, 1 to leave with
 * status *rc (the user left: 0).
 */
static int
pick_game(const struct settings *s, const struct ui_options *uo, char *id,
    size_t size, int *rc)
{
	struct ui_pick_source src = { pick_refresh, (void *)(uintptr_t)s, PICK_REFRESH_MS };
	struct schedule sched;
	struct ui_pick_row *rows, chosen;
	char *cause = NULL, title[96];
	size_t i;
	int k;

	*rc = 1;
	/* the server down at the start (1): the picker opens empty and says
	 * so, and its refresh is the retry, as a game's feed waits */
	k = fetch_schedule(s, &sched, true);
	if (k < 0)
		return 1;
	if (k == 0 && sched.n == 0) {
		fprintf(stderr, "courtside: no games on %04d-%02d-%02d%s%s\n", s->year,
		    s->month, s->day, s->team != NULL ? " for team " : "",
		    s->team != NULL ? s->team : "");
		schedule_free(&sched);
		return 1;
	}
	rows = calloc(sched.n + 1, sizeof *rows);
	for (i = 0; rows != NULL && i < sched.n; i++)
		pick_row(&sched.games[i], &rows[i]);
	snprintf(title, sizeof title, "%s, %04d-%02d-%02d", cs_provider_name(s->provider),
	    s->year, s->month, s->day);
	k = rows != NULL ? ui_pick(uo, rows, sched.n, title, &src, &chosen, &cause) : -2;
	if (k >= 0)
		cs_strlcpy(id, chosen.id, size);
	else if (k == -2)
		fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "out of memory");
	else
		*rc = 0;
	free(rows);
	free(cause);
	schedule_free(&sched);
	return k >= 0 ? 0 : 1;
}

/* --all: every game of the day's schedule (a team's with --team). */
static int
all_games(const struct settings *s, char ids[][CS_ID_MAX], int *n)
{
	struct schedule sched;
	size_t i;

	if (fetch_schedule(s, &sched, false) < 0)
		return -1;
	for (i = 0, *n = 0; i < sched.n && *n < SETTINGS_GAMES_MAX; i++)
		cs_strlcpy(ids[(*n)++], sched.games[i].id, CS_ID_MAX);
	if (sched.n > SETTINGS_GAMES_MAX)
		log_msg("--all: the first %d of %zu games", SETTINGS_GAMES_MAX, sched.n);
	schedule_free(&sched);
	if (*n == 0) {
		fprintf(stderr, "courtside: no games on %04d-%02d-%02d\n", s->year, s->month,
		    s->day);
		return -1;
	}
	return 0;
}

/* One session per game: a league on one connection when the provider
 * carries one (Sportradar) and there are several games or --all (its
 * push filters apply), else each its own feed on `fc` with its id. */
static int
start_sessions(const struct settings *s, struct feed_config *fc,
    const char *const *ids, int n, struct session **v)
{
	char *cause = NULL;
	bool league = ids != NULL && (n > 1 || s->all_games) && session_league_fits(fc);
	int i;

	for (i = 0; i < n; i++) {
		v[i] = session_new(rules_for(s, fc));
		if (v[i] == NULL) {
			fprintf(stderr, "courtside: out of memory\n");
			return -1;
		}
	}
	if (league && session_start_league(v, n, fc, ids, &cause) < 0) {
		fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "cannot start");
		free(cause);
		return -1;
	}
	for (i = 0; i < n && !league; i++) {
		if (ids != NULL)
			fc->game_id = ids[i];
		if (session_start(v[i], fc, &cause) < 0) {
			fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "cannot start");
			free(cause);
			return -1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct settings s;
	struct feed_config fc;
	struct settings demo_s;
	const struct provider *provider = NULL;
	void *options = NULL;
	bool oom;
	struct ui_options uo;
	struct sim_server_options so;
	struct sim_server *sim = NULL;
	struct session *gv[SETTINGS_GAMES_MAX] = { NULL };
	char *cause = NULL, base_url[64], picked[CS_ID_MAX];
	char all[SETTINGS_GAMES_MAX][CS_ID_MAX];
	const char *ids[SETTINGS_GAMES_MAX];
	int ng = 1, i;
	int64_t start_us = cs_now_us();
	int rc;

	/* One malloc arena for every thread: the feed thread's own arena
	 * kept its catch-up pages apart from the model's, ~0.6-0.9 MiB more
	 * per game (issue 20); the threads hardly ever allocate at once. */
	mallopt(M_ARENA_MAX, 1);
	setlocale(LC_ALL, "");
	rc = settings_parse(&s, argc, argv, &cause);
	if (rc == 1)
		return 0;
	if (rc < 0)
		die_usage(cause);
	if (settings_load_credentials(&s, &cause) < 0) {
		fprintf(stderr, "courtside: %s\n", cause);
		settings_free(&s);
		free(cause);
		return 2;
	}
	if (log_open(s.log_path, &cause) < 0) {
		fprintf(stderr, "courtside: %s\n", cause);
		settings_free(&s);
		free(cause);
		return 1;
	}
	/* The log stays in its file in every mode: a failure in --once or
	 * --headless prints exactly one line, the reason, from main(). */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGINT, on_stop_signal);
	signal(SIGTERM, on_stop_signal);
	if (s.list) {
		rc = run_list(&s);
		settings_free(&s);
		log_close();
		return rc;
	}

	memset(&fc, 0, sizeof fc);
	fc.provider = s.provider;
	fc.game_id = s.game_id;
	fc.base_url = s.base_url;
	fc.cacert = s.cacert;
	fc.insecure = s.insecure;
	fc.once = s.mode == RUN_ONCE;
	fc.record_path = s.record_path;
	fc.replay_path = s.replay_path;
	/* --once replays as fast as possible: it only wants the final export. */
	fc.speed = s.mode == RUN_ONCE ? 0 : s.speed;
	fc.until = s.until;
	/* in the UI a replay stays at its end, so that it can seek back */
	fc.replay_hold = s.mode == RUN_UI;

	if (s.demo) {
		/* The bundled simulator on a loopback port, reached through the
		 * real ShotTracker client: signed REST, then the WebSocket. */
		memset(&so, 0, sizeof so);
		so.providers = "both";
		so.seed = (uint64_t)time(NULL);
		so.speed = s.speed_set ? s.speed : DEMO_SPEED;
		/* --speed max is 0 to a replay, but 0 freezes the simulator */
		if (s.speed_set && s.speed <= 0)
			so.speed = DEMO_MAX_SPEED;
		so.require_auth = DEMO_USERNAME ":" DEMO_SECRET;
		so.quiet = true;
		sim = sim_server_start(&so, &cause);
		if (sim == NULL) {
			fprintf(stderr, "courtside: the demo simulator did not start: %s\n",
			    cause != NULL ? cause : "unknown error");
			settings_free(&s);
			free(cause);
			log_close();
			return 1;
		}
		snprintf(base_url, sizeof base_url, "http://127.0.0.1:%d",
		    sim_server_port(sim));
		fc.provider = CS_PROVIDER_SHOTTRACKER;
		fc.game_id = sim_server_game_id(sim, CS_PROVIDER_SHOTTRACKER);
		fc.base_url = base_url;
	}
	/* the provider's own options, read by the provider (provider.h); the
	 * demo signs with the simulator's credentials, not the user's */
	provider = provider_by_id(fc.provider);
	demo_s = s;
	if (s.demo) {
		demo_s.st_username = (char *)DEMO_USERNAME;
		demo_s.st_secret = (char *)DEMO_SECRET;
	}
	options = provider_options_from(provider, &demo_s, &oom);
	explicit_bzero(&demo_s, sizeof demo_s);
	if (oom) {
		fprintf(stderr, "courtside: out of memory\n");
		rc = 1;
		goto out;
	}
	fc.options = options;

	memset(&uo, 0, sizeof uo);
	uo.ascii = s.ascii;
	uo.no_color = s.no_color || getenv("NO_COLOR") != NULL;
	uo.title = s.title;
	uo.bell = s.bell;
	uo.video_player = s.video_player;
	uo.duration = s.duration;
	uo.start_us = start_us;
	if (s.mode == RUN_UI && fc.provider != CS_PROVIDER_NONE && fc.game_id == NULL &&
	    !s.all_games) {
		if (pick_game(&s, &uo, picked, sizeof picked, &rc) != 0)
			goto out;
		fc.game_id = picked;
	}
	/* the games: --all, --game A,B,..., the picker's, or the one source */
	if (s.all_games) {
		if (all_games(&s, all, &ng) < 0) {
			rc = 1;
			goto out;
		}
		for (i = 0; i < ng; i++)
			ids[i] = all[i];
	} else if (s.ngames > 1) {
		ng = s.ngames;
		for (i = 0; i < ng; i++)
			ids[i] = s.game_ids[i];
	} else {
		ids[0] = fc.game_id;
	}
	if (start_sessions(&s, &fc, ids, ng, gv) < 0) {
		rc = 1;
		goto out;
	}
	if (s.mode != RUN_UI) {
		rc = run_without_ui(&s, gv, ng);
		goto out;
	}

	/* a feed that failed (a damaged capture) ends the UI as it ends
	 * --once: its reason, status 1, no export of the game up to it */
	if (ui_run_sessions(&uo, gv, (size_t)ng, &cause) == 0) {
		rc = stop_and_export(&s, gv, ng);
	} else {
		for (i = 0; i < ng; i++)
			session_stop(gv[i]);
		fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "the UI failed");
		rc = 1;
	}
out:
	for (i = 0; i < SETTINGS_GAMES_MAX; i++)
		session_free(&gv[i]);
	if (sim != NULL)
		sim_server_stop(&sim);
	provider_options_free(provider, options);
	settings_free(&s);
	free(cause);
	log_close();
	return rc;
}
