/*
 * courtside: arguments, wiring, exit codes.
 *
 * Exit status: 0 done, 1 the run failed (one-line reason on stderr),
 * 2 a usage error.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "log.h"
#include "model/export.h"
#include "model/game.h"
#include "net/feed.h"
#include "settings.h"
#include "sim/server.h"
#include "ui/ui.h"

/* The demo's simulator credentials: the demo signs every request for real. */
#define DEMO_USERNAME "demo"
#define DEMO_SECRET   "courtside-demo-secret"
#define DEMO_SPEED    8.0

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
write_export(struct game *g, const struct settings *s)
{
	FILE *out;
	int rc;

	if (s->export_path == NULL)
		return 0;
	if (strcmp(s->export_path, "-") == 0)
		out = stdout;
	else if ((out = fopen(s->export_path, "w")) == NULL) {
		fprintf(stderr, "courtside: cannot write %s: %s\n", s->export_path,
		    strerror(errno));
		return -1;
	}
	rc = s->export_format == EXPORT_CSV ? export_csv(g, out) :
	    s->export_format == EXPORT_MARKERS ? export_markers(g, out) : export_json(g, out);
	if (out == stdout)
		rc |= fflush(out);
	else
		rc |= fclose(out);
	if (rc != 0) {
		fprintf(stderr, "courtside: writing the export failed: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/* --rules wins; a Sportradar G League feed plays the G League's profile;
 * otherwise the provider's data decides (NULL). */
static const char *
rules_for(const struct settings *s)
{
	if (s->rules != NULL)
		return s->rules;
	if (s->provider == CS_PROVIDER_SPORTRADAR && s->replay_path == NULL &&
	    strcmp(s->league, "nbdl") == 0)
		return "gleague";
	return NULL;
}

/* --once and --headless: drain the feed into the model until it ends. */
static int
run_without_ui(const struct settings *s, struct game *g, struct feed **feed)
{
	struct app_state st;
	struct pollfd pfd;
	int64_t deadline = 0;
	int timeout;
	bool went_live;

	app_state_init(&st);
	if (s->duration > 0)
		deadline = cs_now_us() + (int64_t)(s->duration * 1e6);
	pfd.fd = feed_fd(*feed);
	pfd.events = POLLIN;
	while (!st.ended && stop_signal == 0) {
		timeout = 1000;
		if (deadline != 0) {
			int64_t left = deadline - cs_now_us();
			if (left <= 0)
				break;
			if (left / 1000 < timeout)
				timeout = (int)(left / 1000) + 1;
		}
		if (poll(&pfd, 1, timeout) < 0 && errno != EINTR)
			break;
		app_drain(g, &st, *feed);
	}
	went_live = feed_went_live(*feed);
	feed_stop(feed);
	if (st.ended && st.status.state == FEED_FAILED) {
		fprintf(stderr, "courtside: %s\n", st.status.message);
		return 1;
	}
	/* Stopped (--duration, a signal) before the live stream ever came up:
	 * that is a failure, and the last status says why. */
	if (!st.ended && !went_live && s->mode == RUN_HEADLESS && s->replay_path == NULL) {
		fprintf(stderr, "courtside: never went live: %s\n",
		    st.status.message[0] != '\0' ? st.status.message : "no connection yet");
		log_msg("never went live: %s", st.status.message);
		return 1;
	}
	if (st.warnings > 0)
		log_msg("%lu messages skipped as bad input", st.warnings);
	return write_export(g, s) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	struct settings s;
	struct feed_config fc;
	struct ui_options uo;
	struct sim_server_options so;
	struct sim_server *sim = NULL;
	struct feed *feed = NULL;
	struct game *g;
	char *cause = NULL, base_url[64];
	int64_t start_us = cs_now_us();
	int rc;

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

	memset(&fc, 0, sizeof fc);
	fc.provider = s.provider;
	fc.game_id = s.game_id;
	fc.base_url = s.base_url;
	fc.ws_url = s.ws_url;
	fc.league = s.league;
	fc.access_level = s.access_level;
	fc.username = s.st_username;
	fc.secret = s.st_secret;
	fc.api_key = s.sr_api_key;
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
	fc.st_ping = s.st_ping;

	if (s.demo) {
		/* The bundled simulator on a loopback port, reached through the
		 * real ShotTracker client: signed REST, then the WebSocket. */
		memset(&so, 0, sizeof so);
		so.providers = "both";
		so.seed = (uint64_t)time(NULL);
		so.speed = s.speed_set ? s.speed : DEMO_SPEED;
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
		fc.username = DEMO_USERNAME;
		fc.secret = DEMO_SECRET;
	}

	g = game_new();
	if (g != NULL)
		game_set_rules(g, rules_for(&s));
	feed = feed_start(&fc, &cause);
	if (feed == NULL) {
		fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "cannot start");
		rc = 1;
		goto out;
	}
	if (s.mode != RUN_UI) {
		rc = run_without_ui(&s, g, &feed);
		goto out;
	}

	memset(&uo, 0, sizeof uo);
	uo.ascii = s.ascii;
	uo.no_color = s.no_color || getenv("NO_COLOR") != NULL;
	uo.title = s.title;
	uo.bell = s.bell;
	uo.video_player = s.video_player;
	uo.duration = s.duration;
	uo.start_us = start_us;
	rc = ui_run(&uo, g, feed, &cause) == 0 ? 0 : 1;
	feed_stop(&feed);
	if (rc != 0)
		fprintf(stderr, "courtside: %s\n", cause != NULL ? cause : "the UI failed");
	else if (write_export(g, &s) != 0)
		rc = 1;
out:
	if (feed != NULL)
		feed_stop(&feed);
	if (sim != NULL)
		sim_server_stop(&sim);
	game_free(&g);
	settings_free(&s);
	free(cause);
	log_close();
	return rc;
}
