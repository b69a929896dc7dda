/*
 * ui_drive: the real UI loop (ui_run) on the hand-built game of
 * tests/ui_game.h, for tests/test_ui_tmux.sh: no network, no simulator.
 *
 *   ui_drive [--live [--burst]] [--duration SECS] [--ascii] [--title] [--no-color]
 *            [--bell]
 *
 * Without --live the model is static (ui_run with no feed).  With --live
 * the game arrives through a real feed with a fake provider: half of the
 * plays as the catch-up, then one play every 300 ms, then the feed stays
 * live with no new data (the data's age grows); r answers with
 * "reconnecting 1" until the next r (so that a test sees it however busy
 * the machine), then live again.  --burst sends the live half at once,
 * right after the catch-up, and starts the UI only then: its first drain
 * holds the catch-up, the caught-up marker and the live plays together,
 * as a UI thread starved on a busy machine finds them.  On exit it prints
 * one line:
 *
 *   ui_drive: exit 0 BOS 9 NYK 10
 */
#include "config.h"

#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/feed.h"
#include "providers/provider.h"
#include "ui/ui.h"
#include "ui_game.h"

#define STEP_MS 300

/* --burst: no pause between the live plays, and a pipe that tells main()
 * they are all queued */
static bool burst;
static int burst_done[2] = { -1, -1 };

static int
fake_run(struct feed *feed, char **cause)
{
	static struct ui_game_events evs;
	struct cs_sink sink = feed_sink(feed);
	struct cs_game_info info;
	int i;

	(void)cause;
	ui_game_script(&info, &evs);
	feed_set_status(feed, FEED_CATCHING_UP, 0, NULL);
	feed_mark_received(feed);
	sink.game(sink.ctx, &info);
	for (i = 0; i < evs.n / 2; i++)
		sink.event(sink.ctx, &evs.ev[i]);
	feed_caught_up(feed);
	feed_set_status(feed, FEED_LIVE, 0, NULL);
	for (; i < evs.n; i++) {
		if (!burst && feed_sleep(feed, STEP_MS))
			return 0;
		feed_mark_received(feed);
		sink.event(sink.ctx, &evs.ev[i]);
	}
	if (burst && write(burst_done[1], "", 1) != 1)
		return 0;
	while (!feed_stopping(feed)) {
		feed_sleep(feed, 1000);
		if (feed_take_reconnect_request(feed)) {
			feed_set_status(feed, FEED_RECONNECTING, 1, NULL);
			while (!feed_take_reconnect_request(feed))
				if (feed_sleep(feed, 100))
					return 0;
			/* back with fresh data, as after a real catch-up: the
			 * header says "live", however long the test took */
			feed_mark_received(feed);
			feed_set_status(feed, FEED_LIVE, 0, NULL);
		}
	}
	return 0;
}

/* --burst: waits (bounded, 60 s) until every play is queued. */
static int
wait_burst(void)
{
	struct pollfd pfd = { .fd = burst_done[0], .events = POLLIN };
	char c;

	if (poll(&pfd, 1, 60000) != 1 || read(burst_done[0], &c, 1) != 1)
		return -1;
	return 0;
}

static const struct provider fake_provider = {
	.name = "fake",
	.run = fake_run,
	.wake = NULL,
};

int
main(int argc, char **argv)
{
	static struct ui_game_events evs;
	struct ui_options opt;
	struct feed_config cfg;
	struct cs_game_info info;
	struct feed *feed = NULL;
	struct game *g;
	const struct box_team *h, *a;
	char *cause = NULL;
	bool live = false;
	int i, rc;

	setlocale(LC_ALL, "");
	memset(&opt, 0, sizeof opt);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--live") == 0)
			live = true;
		else if (strcmp(argv[i], "--burst") == 0)
			burst = true;
		else if (strcmp(argv[i], "--ascii") == 0)
			opt.ascii = true;
		else if (strcmp(argv[i], "--title") == 0)
			opt.title = true;
		else if (strcmp(argv[i], "--no-color") == 0)
			opt.no_color = true;
		else if (strcmp(argv[i], "--bell") == 0)
			opt.bell = UI_BELL_SCORE | UI_BELL_FOUL_TROUBLE | UI_BELL_LEAD_CHANGE;
		else if (strcmp(argv[i], "--duration") == 0 && i + 1 < argc)
			opt.duration = strtod(argv[++i], NULL);
		else {
			fprintf(stderr, "ui_drive: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	g = game_new();
	if (live) {
		memset(&cfg, 0, sizeof cfg);
		cfg.game_id = "ui-drive";
		if (burst && pipe(burst_done) < 0) {
			perror("ui_drive: pipe");
			return 1;
		}
		feed = feed_start_with(&cfg, &fake_provider, &cause);
		if (feed == NULL) {
			fprintf(stderr, "ui_drive: %s\n", cause != NULL ? cause : "no feed");
			return 1;
		}
		if (burst && wait_burst() < 0) {
			fprintf(stderr, "ui_drive: the burst never came\n");
			feed_stop(&feed);
			return 1;
		}
	} else {
		ui_game_script(&info, &evs);
		game_set_info(g, &info);
		for (i = 0; i < evs.n; i++)
			game_upsert(g, &evs.ev[i]);
	}
	rc = ui_run(&opt, g, feed, &cause);
	if (feed != NULL)
		feed_stop(&feed);
	h = game_team(g, CS_HOME);
	a = game_team(g, CS_AWAY);
	printf("ui_drive: exit %d %s %d %s %d\n", rc, game_info(g)->team[CS_AWAY].alias,
	    a->points, game_info(g)->team[CS_HOME].alias, h->points);
	if (rc != 0)
		fprintf(stderr, "ui_drive: %s\n", cause != NULL ? cause : "failed");
	free(cause);
	game_free(&g);
	return rc == 0 ? 0 : 1;
}
