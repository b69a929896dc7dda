/*
 * The ShotTracker provider on a real feed thread, draining into the game
 * model as the UI does, for the provider tests (no UI, no simulator).
 *
 *   shottracker_client BASE_URL GAME_ID [--once] [--duration S] [--log FILE]
 *                      [--record FILE]
 *   shottracker_client --replay-check FILE
 *
 * Credentials from SHOTTRACKER_USERNAME / SHOTTRACKER_SECRET.  Prints one
 * line per field at the end:
 *   end=ENDED|FAILED|TIMEOUT
 *   message=...
 *   caught_up=0|1  live=N  reconnecting=N  reconnects=N  warnings=N
 *   events=N  points=HOME-AWAY  home=NAME  away=NAME
 * Exit 0 when the feed ended, 1 when it failed.
 *
 * --clip: once live with a play that has a time, asks for a CLIP of the
 * latest such play through feed_clip (as C does) and ends at the answer,
 * printing clip_play_ms=MS, clip_span=START-END and clip=URL or
 * clip_error=WHY.
 *
 * --replay-check reads a capture written with --record and hands every
 * record to shottracker_parser (providers/parser.h), as the replay
 * provider does, then prints events= and points= the same way: a replay
 * must rebuild exactly the live model.
 */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "log.h"
#include "model/game.h"
#include "net/capture.h"
#include "net/feed.h"
#include "providers/parser.h"
#include "providers/shottracker.h"
#include "providers/shottracker_clip.h"

/* --clip: the latest play with a time, asked for once the feed is live. */
static bool
ask_clip(struct game *g, struct feed *feed)
{
	const struct play *p;
	size_t i;
	int64_t start, end;
	char *cause = NULL;

	game_refresh(g);
	for (i = game_view_play_count(g); i-- > 0;) {
		p = game_view_play(g, i);
		if (p->ev->wall_ms <= 0)
			continue;
		if (shottracker_clip_span(game_view_possessions(g), p->ev->wall_ms, &start,
		    &end, &cause) < 0 || feed_clip(feed, p->ev->id, start, end, &cause) < 0) {
			printf("clip_error=%s\n", cause != NULL ? cause : "");
			free(cause);
			return true;
		}
		printf("clip_play_ms=%lld\nclip_span=%lld-%lld\n", (long long)p->ev->wall_ms,
		    (long long)start, (long long)end);
		return true;
	}
	return false;
}

static int
replay_check(const char *path)
{
	struct capture_reader *r;
	struct capture_record rec;
	struct game *g = game_new();
	struct cs_sink sink = game_sink(g);
	char *cause = NULL, *warning = NULL;
	void *state;
	long records = 0;

	r = capture_read_open(path, &cause);
	if (r == NULL) {
		printf("error=%s\n", cause != NULL ? cause : "");
		return 1;
	}
	state = shottracker_parser.create(&sink);
	while (capture_next(r, &rec, &warning) == 1) {
		shottracker_parser.message(state, rec.channel, rec.data, rec.len);
		records++;
	}
	shottracker_parser.destroy(state);
	capture_read_close(&r);
	printf("records=%ld\nevents=%zu\npoints=%d-%d\n", records, game_event_count(g),
	    game_team(g, CS_HOME)->points, game_team(g, CS_AWAY)->points);
	free(warning);
	game_free(&g);
	return 0;
}

int
main(int argc, char **argv)
{
	struct feed_config fc;
	struct shottracker_options sto;
	struct app_state st;
	struct feed *feed;
	struct feed_msg *list, *m;
	struct pollfd pfd;
	struct game *g;
	const struct box_team *home, *away;
	char *cause = NULL;
	double duration = 60;
	int i, live = 0, reconnecting = 0;
	bool clip = false, clip_asked = false, clip_done = false;
	int64_t t0;
	const char *logpath = NULL;

	memset(&fc, 0, sizeof fc);
	if (argc == 3 && strcmp(argv[1], "--replay-check") == 0)
		return replay_check(argv[2]);
	if (argc < 3) {
		fprintf(stderr, "usage: shottracker_client BASE_URL GAME_ID [--once] "
		    "[--duration S] [--log FILE]\n");
		return 2;
	}
	fc.provider = CS_PROVIDER_SHOTTRACKER;
	fc.base_url = argv[1];
	fc.game_id = argv[2];
	memset(&sto, 0, sizeof sto);
	sto.username = getenv("SHOTTRACKER_USERNAME");
	sto.secret = getenv("SHOTTRACKER_SECRET");
	fc.options = &sto;
	for (i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0)
			fc.once = true;
		else if (strcmp(argv[i], "--duration") == 0 && i + 1 < argc)
			duration = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc)
			logpath = argv[++i];
		else if (strcmp(argv[i], "--clip") == 0)
			clip = true;
		else if (strcmp(argv[i], "--record") == 0 && i + 1 < argc)
			fc.record_path = argv[++i];
	}
	if (logpath != NULL && log_open(logpath, &cause) < 0) {
		fprintf(stderr, "%s\n", cause);
		return 2;
	}
	g = game_new();
	app_state_init(&st);
	feed = feed_start(&fc, &cause);
	if (feed == NULL) {
		printf("end=FAILED\nmessage=%s\n", cause != NULL ? cause : "");
		return 1;
	}
	pfd.fd = feed_fd(feed);
	pfd.events = POLLIN;
	t0 = cs_now_us();
	while (!st.ended && !clip_done && cs_now_us() - t0 < (int64_t)(duration * 1e6)) {
		if (poll(&pfd, 1, 200) <= 0)
			continue;
		list = feed_drain(feed);
		for (m = list; m != NULL; m = m->next) {
			app_apply(g, &st, m);
			if (m->kind == FEED_MSG_STATUS && m->u.status.state == FEED_LIVE)
				live++;
			if (m->kind == FEED_MSG_STATUS && m->u.status.state == FEED_RECONNECTING)
				reconnecting++;
			if (m->kind == FEED_MSG_CLIP) {
				printf("%s=%s\n", m->u.clip.ok ? "clip" : "clip_error", m->u.clip.text);
				clip_done = true;
			}
		}
		feed_msg_free_list(&list);
		if (clip && !clip_asked && live > 0)
			clip_asked = ask_clip(g, feed);
	}
	feed_stop(&feed);
	home = game_team(g, CS_HOME);
	away = game_team(g, CS_AWAY);
	printf("end=%s\n", !st.ended ? "TIMEOUT" :
	    st.status.state == FEED_FAILED ? "FAILED" : "ENDED");
	printf("message=%s\n", st.ended ? st.status.message : "");
	printf("caught_up=%d\nlive=%d\nreconnecting=%d\nreconnects=%d\nwarnings=%lu\n",
	    st.caught_up, live, reconnecting, st.status.reconnects, st.warnings);
	printf("events=%zu\npoints=%d-%d\nhome=%s\naway=%s\n", game_event_count(g),
	    home->points, away->points, home->info.name, away->info.name);
	game_free(&g);
	log_close();
	return st.ended && st.status.state != FEED_FAILED ? 0 : 1;
}
