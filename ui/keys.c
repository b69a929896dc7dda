/*
 * Keys (see keys.h), as tig does it: the global key map (keymap.c) names
 * a request; the frame's requests are carried out here, a pane's are
 * handed to that pane (the plays' search, the shot chart's zones, the
 * box score's player order), wherever the focus is.  Every handler
 * returns UI_HANDLED | UI_REDRAW | UI_QUIT (htop).
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/filter.h"
#include "ui/keymap.h"
#include "ui/keys.h"
#include "ui/panes.h"
#include "ui/screen.h"
#include "video.h"
#include "providers/shottracker_clip.h"

/* ---- the selected play: video, marks ---- */

/* The play under the plays pane's cursor; NULL (with a note) when none. */
static const struct cs_event *
selected_play(struct ui *ui)
{
	int i = pane_pbp_cursor_play(ui_pane_state(ui, UI_PANE_PBP));
	const struct play *p = i >= 0 ? game_view_play(ui->g, (size_t)i) : NULL;

	if (p == NULL)
		snprintf(ui->message, sizeof ui->message, "no play selected (2: the plays)");
	return p != NULL ? p->ev : NULL;
}

/* V: the player starts detached; the note says where, or why not. */
static int
play_video(struct ui *ui)
{
	const struct cs_event *ev = selected_play(ui);
	char note[sizeof ui->message], *cause = NULL;

	if (ev != NULL) {
		if (video_open(game_view_possessions(ui->g), ev->wall_ms, ui->opt->video_player,
		    note, sizeof note, &cause) == 0)
			cs_sanitize(ui->message, note, sizeof ui->message);
		else
			cs_sanitize(ui->message, cause != NULL ? cause : "no video", sizeof ui->message);
		free(cause);
	}
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
mark_play(struct ui *ui)
{
	const struct cs_event *ev = selected_play(ui);
	int rc;

	if (ev != NULL) {
		rc = game_toggle_mark(ui->g, ev->id);
		snprintf(ui->message, sizeof ui->message, "%s (%zu marked)",
		    rc > 0 ? "play marked" : rc == 0 ? "mark removed" : "cannot mark it",
		    cs_possessions_mark_count(game_view_possessions(ui->g)));
		game_refresh(ui->g);
	}
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* C: the clip is asked for on the feed thread; its answer comes later
 * (ui_clip_note).  The span: the play's possession, or around the play. */
static int
clip_play(struct ui *ui)
{
	const struct cs_event *ev = selected_play(ui);
	int64_t start, end;
	char *cause = NULL;

	if (ev != NULL && ui->clip == NULL)
		snprintf(ui->message, sizeof ui->message, "no clip: no live feed");
	else if (ev != NULL && (shottracker_clip_span(game_view_possessions(ui->g), ev->wall_ms,
	    &start, &end, &cause) < 0 || ui->clip(ui->ctx, ev->id, start, end, &cause) < 0))
		cs_sanitize(ui->message, cause != NULL ? cause : "no clip", sizeof ui->message);
	else if (ev != NULL)
		snprintf(ui->message, sizeof ui->message, "asking ShotTracker for a clip...");
	free(cause);
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

void
ui_clip_note(struct ui *ui)
{
	char note[sizeof ui->st->clip.text + 8];

	if (ui->st == NULL || ui->st->clip_serial == ui->clip_seen)
		return;
	ui->clip_seen = ui->st->clip_serial;
	/* a URL longer than the row is cut there */
	snprintf(note, sizeof note, "%s%s", ui->st->clip.ok ? "clip: " : "", ui->st->clip.text);
	cs_strlcpy(ui->message, note, sizeof ui->message);
	ui_touch(ui);
}

/* ---- focus, zoom, help ---- */

static int
focus_cycle(struct ui *ui, bool back)
{
	int f = ui_focused(ui);

	if (f == UI_PANE_HELP)
		f = ui->mru[1];
	/* the data panes in order; help is reached with ? or F1 */
	if (back)
		f = (f + UI_PANE_HELP - 1) % UI_PANE_HELP;
	else
		f = (f + 1) % UI_PANE_HELP;
	ui_focus(ui, f);
	return UI_HANDLED | UI_REDRAW;
}

/* Back to the pane before help. */
static int
close_help(struct ui *ui)
{
	ui_focus(ui, ui->mru[1]);
	return UI_HANDLED | UI_REDRAW;
}

/* The pane of a digit (ui_pane_digit's inverse). */
static int
view_pane(int key)
{
	int p;

	for (p = 0; p < UI_PANES; p++)
		if (ui_pane_digit(p) == key)
			return p;
	return UI_PANE_BOX;
}

static int
view(struct ui *ui, int pane)
{
	if (pane == UI_PANE_HELP && ui_focused(ui) == UI_PANE_HELP)
		return close_help(ui);
	ui_focus(ui, pane);
	return UI_HANDLED | UI_REDRAW;
}

static int
zoom(struct ui *ui)
{
	ui->zoom = !ui->zoom;
	ui->layout_dirty = true;
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* q and Esc close help first, as in less; Esc then unzooms, then drops
 * the plays' search. */
static int
escape(struct ui *ui, bool quit)
{
	if (ui_focused(ui) == UI_PANE_HELP)
		return close_help(ui);
	if (quit)
		return UI_HANDLED | UI_QUIT;
	if (ui->zoom)
		return zoom(ui);
	ui_pane_key(ui, UI_PANE_PBP, UI_REQ_DROP_SEARCH);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- the feed ---- */

static int
reconnect(struct ui *ui)
{
	if (ui->reconnect == NULL) {
		ui_message(ui, "no live feed to reconnect");
		return UI_HANDLED | UI_REDRAW;
	}
	ui->reconnect(ui->ctx);
	ui_message(ui, "reconnecting now");
	return UI_HANDLED | UI_REDRAW;
}

/*
 * Replay control: space pauses, + - change speed, < > seek by a play,
 * { } by a period.  ui.c connects ui->replay_control to the replay.
 */
static int
replay(struct ui *ui, int key)
{
	enum ui_replay_cmd cmd;

	switch (key) {
	case ' ': cmd = UI_REPLAY_PAUSE; break;
	case '+': case '=': cmd = UI_REPLAY_FASTER; break;
	case '-': cmd = UI_REPLAY_SLOWER; break;
	case '<': case ',': cmd = UI_REPLAY_BACK; break;
	case '{': cmd = UI_REPLAY_PERIOD_BACK; break;
	case '}': cmd = UI_REPLAY_PERIOD_FORWARD; break;
	default: cmd = UI_REPLAY_FORWARD; break;
	}
	if (ui->replay_control == NULL ||
	    (ui->st != NULL && ui->st->status.state != FEED_REPLAY &&
	    ui->st->status.state != FEED_PAUSED)) {
		ui_message(ui, "replay controls work in --replay only");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui->replay_control(ui->ctx, cmd) < 0)
		ui_message(ui, "the replay cannot do that");
	return UI_HANDLED | UI_REDRAW;
}

/*
 * The seek prompt (g, in a replay): "Q3 5:00", "3/5:00", "OT1 2:00" -- the
 * parser of --until and courtside-sim --start-at.  It reads every key
 * until Enter seeks or Esc closes it; the status row shows it.
 */
static bool
replaying(const struct ui *ui)
{
	return ui->replay_seek != NULL && (ui->st == NULL ||
	    ui->st->status.state == FEED_REPLAY || ui->st->status.state == FEED_PAUSED);
}

static void
seek_show(struct ui *ui)
{
	ui_message(ui, "seek to (Q3 5:00, OT1 2:00): %s_", ui->seek_text);
}

static int
seek_open(struct ui *ui)
{
	if (!replaying(ui)) {
		ui_message(ui, "seeking works in --replay only");
		return UI_HANDLED | UI_REDRAW;
	}
	ui->seek_open = true;
	ui->seek_text[0] = '\0';
	seek_show(ui);
	return UI_HANDLED | UI_REDRAW;
}

static int
seek_enter(struct ui *ui)
{
	struct cs_game_point pt;
	const struct cs_game_info *info = game_info(ui->g);
	bool halves = info != NULL && info->format == CS_FORMAT_HALVES;
	int seq;

	ui->seek_open = false;
	if (cs_game_point_parse(ui->seek_text, &pt) < 0) {
		ui_message(ui, "not a period and clock: try Q3 5:00");
		return UI_HANDLED | UI_REDRAW;
	}
	seq = cs_game_point_sequence(&pt, halves);
	if (seq < 0 && pt.kind == CS_POINT_OVERTIME) {
		ui_message(ui, "a game has at most %d periods", CS_PERIODS_MAX);
		return UI_HANDLED | UI_REDRAW;
	}
	if (seq < 0) {
		ui_message(ui, "this game is played in %s", halves ? "halves" : "quarters");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui->replay_seek(ui->ctx, seq, pt.clock) < 0)
		ui_message(ui, "the replay cannot do that");
	else
		ui_message(ui, "seeking to %s", ui->seek_text);
	return UI_HANDLED | UI_REDRAW;
}

static int
seek_key(struct ui *ui, int key)
{
	size_t len = strlen(ui->seek_text);

	if (key == '\n' || key == '\r' || key == KEY_ENTER)
		return seek_enter(ui);
	if (key == UI_KEY_ESC || key == UI_KEY_CTRL('g')) {
		ui->seek_open = false;
		ui->message[0] = '\0';
		return UI_HANDLED | UI_REDRAW;
	}
	if ((key == KEY_BACKSPACE || key == 127 || key == '\b') && len > 0)
		ui->seek_text[len - 1] = '\0';
	else if (key >= ' ' && key < 127 && len + 1 < sizeof ui->seek_text) {
		ui->seek_text[len] = (char)key;
		ui->seek_text[len + 1] = '\0';
	}
	seek_show(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- the filters ---- */

static int
change_filter(struct ui *ui, enum ui_request req)
{
	switch (req) {
	case UI_REQ_TEAM:
		ui_filter_next_team(&ui->filter);
		break;
	case UI_REQ_PERIOD_PREV:
	case UI_REQ_PERIOD_NEXT:
		ui_filter_step_period(&ui->filter, req == UI_REQ_PERIOD_NEXT ? 1 : -1,
		    game_view_period(ui->g).sequence);
		break;
	case UI_REQ_SCORING:
		ui_filter_toggle_scoring(&ui->filter);
		break;
	default:
		ui_filter_clear(&ui->filter);
		/* c clears everything that narrows the plays, the search too */
		ui_pane_key(ui, UI_PANE_PBP, UI_REQ_DROP_SEARCH);
		break;
	}
	ui_touch(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* ( and ): the loop holds the games; one game alone has nowhere to go. */
static int
switch_game(struct ui *ui, int step)
{
	if (ui->switch_game == NULL || ui->switch_game(ui->ctx, step) < 0) {
		ui_message(ui, "one game in this window");
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_HANDLED | UI_REDRAW;
}

/* ---- requests ---- */

static int
request(struct ui *ui, enum ui_request req, int key)
{
	switch (req) {
	case UI_REQ_FOCUS_NEXT:
	case UI_REQ_FOCUS_PREV:
		return focus_cycle(ui, req == UI_REQ_FOCUS_PREV);
	case UI_REQ_VIEW:
		return view(ui, view_pane(key));
	case UI_REQ_HELP:
		return view(ui, UI_PANE_HELP);
	case UI_REQ_ZOOM:
		return zoom(ui);
	case UI_REQ_TEAM:
	case UI_REQ_PERIOD_PREV:
	case UI_REQ_PERIOD_NEXT:
	case UI_REQ_SCORING:
	case UI_REQ_CLEAR:
		return change_filter(ui, req);
	case UI_REQ_RECONNECT:
		return reconnect(ui);
	case UI_REQ_GAME_PREV:
	case UI_REQ_GAME_NEXT:
		return switch_game(ui, req == UI_REQ_GAME_NEXT ? 1 : -1);
	case UI_REQ_REPAINT:
		clearok(curscr, TRUE);
		ui_touch(ui);
		return UI_HANDLED | UI_REDRAW;
	case UI_REQ_QUIT:
	case UI_REQ_ESCAPE:
		return escape(ui, req == UI_REQ_QUIT);
	case UI_REQ_REPLAY:
		return replay(ui, key);
	case UI_REQ_PLAYER_NEXT:
	case UI_REQ_PLAYER_PREV:
		return ui_pane_key(ui, UI_PANE_BOX, req);
	case UI_REQ_SEARCH:
		ui_focus(ui, UI_PANE_PBP);
		return ui_pane_key(ui, UI_PANE_PBP, req);
	case UI_REQ_FIND_NEXT:
	case UI_REQ_FIND_PREV:
		return ui_pane_key(ui, UI_PANE_PBP, req);
	case UI_REQ_ZONES:
		return ui_pane_key(ui, UI_PANE_SHOTS, req);
	case UI_REQ_BOX_TEAM:
		ui_focus(ui, UI_PANE_BOX);
		return ui_pane_key(ui, UI_PANE_BOX, req);
	case UI_REQ_VIDEO:
		return play_video(ui);
	case UI_REQ_MARK:
		return mark_play(ui);
	case UI_REQ_CLIP:
		return clip_play(ui);
	case UI_REQ_DROP_SEARCH:
	case UI_REQ_NONE:
		break;
	}
	return UI_UNHANDLED;
}

int
ui_key(struct ui *ui, int key)
{
	enum ui_request req;
	int fl = UI_UNHANDLED;

	/* the panes read the model const: bring it up to date once */
	game_refresh(ui->g);
	if (ui->seek_open) {
		fl = seek_key(ui, key);
		goto out;
	}
	/* in a replay g seeks, wherever the focus is (elsewhere: the top) */
	if (key == 'g' && ui->grab < 0 && replaying(ui)) {
		fl = seek_open(ui);
		goto out;
	}
	if (ui->grab >= 0) {
		fl = ui_pane_key(ui, ui->grab, key);
		goto out;
	}
	if (ui->message[0] != '\0') {
		ui->message[0] = '\0';
		ui_touch(ui);
	}
	ui_sync_layout(ui);
	if (ui->layout.tier == UI_TIER_TOO_SMALL) {
		/* nothing to look at: only quitting makes sense */
		if (key == 'q')
			fl = UI_HANDLED | UI_QUIT;
		goto out;
	}
	fl = ui_pane_key(ui, ui_focused(ui), key);
	if (fl & UI_HANDLED)
		goto out;
	req = ui_keymap_request(key);
	if (req != UI_REQ_NONE)
		fl = request(ui, req, key);
out:
	if (fl & UI_REDRAW)
		ui_touch(ui);
	return fl;
}
