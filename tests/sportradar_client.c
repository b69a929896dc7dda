/*
 * A minimal courtside without the UI for the Sportradar provider tests:
 * runs provider_sportradar on a real feed thread into a real model, then
 * prints the export JSON.  Independent of main.c and settings.c, so the
 * provider can be tested on its own.
 *
 *   SPORTRADAR_API_KEY=K sportradar_client --base-url URL --game ID
 *       [--once] [--duration SECS] [--record FILE] [--reconnect-at SECS]
 *       [--export-live FILE] [--export-each FILE]
 *
 * SIGTERM ends it like --duration does (exit 0 and the export), so that a
 * test stops it once a condition holds instead of after a guessed time;
 * --duration is then only a safety net.  --export-each rewrites FILE
 * (whole, by rename) after every batch of messages: what the test watches.
 *
 * --export-live writes the export as the push stream alone left it: at the
 * first catch-up after the stream went live (the final pbp.json, or a
 * re-catch-up), before anything of it is applied.
 *
 * stdout: the export JSON.  stderr: "sportradar_client: <reason>" on a
 * failure (exit 1), and a summary line
 * "warnings=N reconnects=N applied=N ended=yes|no" (yes: the feed ended
 * the run, not --duration or SIGTERM).
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "log.h"
#include "model/export.h"
#include "model/game.h"
#include "net/feed.h"
#include "providers/provider.h"
#include "providers/sportradar.h"

static volatile sig_atomic_t stop_asked;

static void
on_term(int sig)
{
	(void)sig;
	stop_asked = 1;
}

/* The export as it stands, replacing `path` whole (a reader never sees half). */
static int
export_file(struct game *g, const char *path)
{
	char tmp[4096];
	FILE *f;

	if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
		return -1;
	f = fopen(tmp, "w");
	if (f == NULL)
		return -1;
	if (export_json(g, f) != 0) {
		fclose(f);
		return -1;
	}
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

int
main(int argc, char **argv)
{
	struct feed_config cfg;
	struct sportradar_options sro;
	struct app_state st;
	struct pollfd pfd;
	struct feed *feed;
	struct game *g;
	char *cause = NULL;
	double duration = 0, reconnect_at = 0;
	const char *export_live = NULL, *export_each = NULL;
	struct sigaction sa;
	struct feed_msg *list, *m;
	bool was_live = false;
	FILE *f;
	int64_t start, deadline = 0;
	bool reconnected = false;
	int i, rc = 0;

	memset(&cfg, 0, sizeof cfg);
	cfg.provider = CS_PROVIDER_SPORTRADAR;
	memset(&sro, 0, sizeof sro);
	sro.league = "nba";
	sro.access_level = "trial";
	sro.api_key = getenv("SPORTRADAR_API_KEY");
	cfg.options = &sro;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			cfg.once = true;
		else if (i + 1 < argc && strcmp(argv[i], "--base-url") == 0)
			cfg.base_url = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--game") == 0)
			cfg.game_id = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--league") == 0)
			sro.league = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--record") == 0)
			cfg.record_path = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--duration") == 0)
			duration = strtod(argv[++i], NULL);
		else if (i + 1 < argc && strcmp(argv[i], "--export-live") == 0)
			export_live = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--export-each") == 0)
			export_each = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--reconnect-at") == 0)
			reconnect_at = strtod(argv[++i], NULL);
		else {
			fprintf(stderr, "sportradar_client: bad argument %s\n", argv[i]);
			return 2;
		}
	}
	if (getenv("SR_CLIENT_LOG") != NULL && log_open(getenv("SR_CLIENT_LOG"), &cause) < 0) {
		fprintf(stderr, "sportradar_client: %s\n", cause);
		return 2;
	}

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	g = game_new();
	feed = feed_start_with(&cfg, provider_by_name("sportradar"), &cause);
	if (feed == NULL) {
		fprintf(stderr, "sportradar_client: %s\n", cause != NULL ? cause : "no feed");
		game_free(&g);
		return 1;
	}
	app_state_init(&st);
	start = cs_now_us();
	if (duration > 0)
		deadline = start + (int64_t)(duration * 1e6);
	pfd.fd = feed_fd(feed);
	pfd.events = POLLIN;
	while (!st.ended && !stop_asked) {
		if (deadline != 0 && cs_now_us() >= deadline)
			break;
		if (!reconnected && reconnect_at > 0 &&
		    cs_now_us() - start >= (int64_t)(reconnect_at * 1e6)) {
			reconnected = true;
			feed_reconnect_now(feed);
		}
		if (poll(&pfd, 1, 100) < 0 && errno != EINTR)
			break;
		list = feed_drain(feed);
		for (m = list; m != NULL; m = m->next) {
			if (m->kind == FEED_MSG_STATUS && m->u.status.state == FEED_LIVE)
				was_live = true;
			if (m->kind == FEED_MSG_STATUS && was_live && export_live != NULL &&
			    m->u.status.state == FEED_CATCHING_UP) {
				f = fopen(export_live, "w");
				if (f == NULL || export_json(g, f) != 0 || fclose(f) != 0)
					rc = 1;
				export_live = NULL;
			}
			app_apply(g, &st, m);
		}
		if (list != NULL && export_each != NULL && export_file(g, export_each) != 0)
			rc = 1;
		feed_msg_free_list(&list);
	}
	feed_stop(&feed);
	fprintf(stderr, "warnings=%lu reconnects=%d applied=%lu ended=%s\n", st.warnings,
	    st.status.reconnects, st.applied, st.ended ? "yes" : "no");
	if (st.ended && st.status.state == FEED_FAILED) {
		fprintf(stderr, "sportradar_client: %s\n", st.status.message);
		rc = 1;
	} else if (export_json(g, stdout) != 0)
		rc = 1;
	if (export_live != NULL)
		fprintf(stderr, "sportradar_client: no catch-up after the stream went live\n");
	game_free(&g);
	free(cause);
	log_close();
	return rc;
}
