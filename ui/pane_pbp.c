/*
 * Play-by-play: newest at the top (o flips it), a separator above each
 * period, the score after every scoring play (away-home, as the header),
 * '*' on plays the provider corrected.  Follows the shared filters (team,
 * player, period) plus "scoring plays only".
 *
 * The cursor is anchored to a play by its id, so new plays arriving at the
 * top do not move what the reader is looking at; when the cursor is on
 * the newest play it stays there and the list follows the game.
 *
 * "/" searches the text of the plays as typed (case-insensitive), n and N
 * go to the next and previous match; Enter keeps the query, Esc drops it
 * and goes back to where the search started.  These keys work from any
 * pane: the frame sends them here as requests (UI_REQ_SEARCH, ...); the
 * open prompt grabs the keyboard (UI_GRAB), and n brings the plays into
 * view (UI_SHOW) when they are hidden.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/label.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/rows.h"
#include "ui/scroll.h"
#include "ui/text.h"

#define PBP_ROWS_CAP 200000

static const struct ui_key_help pbp_keys[] = {
	{ "o", "oldest plays at the top / newest at the top" },
	{ "Enter", "filter on the first player of the play under the cursor" },
	{ "* (marker)", "the provider corrected this play" },
	{ NULL, NULL }
};

static const struct ui_help_section pbp_help[] = {
	{ "Plays (2)", pbp_keys },
	{ NULL, NULL }
};

#define PBP_QUERY_MAX 64

struct pbp_row {
	int play;          /* index in game_view_play(); -1: a period separator */
	int period;        /* period sequence of the row */
};

struct pbp {
	struct ui_scroll sc;
	struct pbp_row *rows;       /* filtered, newest first */
	size_t nrows, cap;
	int *host;                  /* per play: the play it rides along, -1 none */
	size_t host_cap;
	uint64_t built_gen;
	unsigned built_filter;      /* the filter's serial the rows were built for */
	uint64_t built_rewritten;   /* GAME_TOUCH_PLAYS_REWRITTEN they were built at */
	size_t built_plays;         /* the plays they were built from */
	bool built;
	char anchor_id[CS_ID_MAX];  /* the selected play, kept across updates */
	bool follow;                /* the cursor sits on the newest play */
	bool prompt;                /* reading a search query */
	char query[PBP_QUERY_MAX];  /* the current or last query */
	struct ui_scroll before;    /* where the search started (Esc goes back) */
	bool no_match;
	bool oldest_first;          /* o: oldest at the top instead */
	struct ui_rows drawn;       /* what each row shows (rows.h) */
};

/* ---- the text of a play ---- */

static const char *
stat_name(const struct game *g, const struct cs_stat *st, char *buf, size_t size)
{
	const struct box_team *t;
	int i;

	if (st->player.name[0] != '\0') {
		cs_sanitize(buf, st->player.name, size);
		return buf;
	}
	if (st->player.id[0] == '\0')
		return ui_team_alias(g, st->side, buf, size);
	t = game_view_team(g, st->side);
	if (t != NULL) {
		i = game_player_index(g, st->side, st->player.id);
		if (i >= 0 && i < t->nplayers)
			return ui_player_name(&t->players[i], buf, size);
	}
	if (st->player.jersey[0] != '\0')
		snprintf(buf, size, "#%s", st->player.jersey);
	else
		cs_sanitize(buf, st->player.id, size);
	return buf;
}

static void
append(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
append(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
}

/* Bytes of the first character of a UTF-8 name: "Á" is two. */
static int
initial_len(const char *name)
{
	int n = 1;

	while (n < 4 && ((unsigned char)name[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/*
 * A player's short name that still tells him from his teammates: the
 * surname, with the initial when a teammate shares it, with the jersey
 * when the initial is shared too.
 */
static const char *
short_name(const struct box_team *t, int i, char *buf, size_t size)
{
	char full[CS_NAME_MAX * 2], mine[CS_NAME_MAX * 2], other[CS_NAME_MAX * 2];
	char theirs[CS_NAME_MAX * 2];
	bool same_surname = false, same_initial = false;
	int j;

	ui_player_name(&t->players[i], full, sizeof full);
	if (t->players[i].info.name[0] == '\0' || strchr(full, ' ') == NULL) {
		cs_strlcpy(buf, full, size);
		return buf;
	}
	ui_last_name(full, mine, sizeof mine);
	for (j = 0; j < t->nplayers; j++) {
		if (j == i || t->players[j].info.name[0] == '\0')
			continue;
		ui_player_name(&t->players[j], other, sizeof other);
		ui_last_name(other, theirs, sizeof theirs);
		if (strcmp(theirs, mine) != 0)
			continue;
		same_surname = true;
		if (strncmp(t->players[j].info.name, t->players[i].info.name,
		    (size_t)initial_len(t->players[i].info.name)) == 0)
			same_initial = true;
	}
	buf[0] = '\0';
	if (!same_surname)
		append(buf, size, "%s", mine);
	else if (!same_initial || t->players[i].info.jersey[0] == '\0')
		append(buf, size, "%.*s. %s", initial_len(full), full, mine);
	else
		append(buf, size, "%s #%s", mine, t->players[i].info.jersey);
	return buf;
}

/* The short name of a statistic's player, else what stat_name says. */
static const char *
stat_short(const struct game *g, const struct cs_stat *st, char *buf, size_t size)
{
	const struct box_team *t = game_view_team(g, st->side);
	int i = st->player.id[0] != '\0' ? game_player_index(g, st->side, st->player.id) : -1;

	if (t != NULL && i >= 0 && i < t->nplayers)
		return short_name(t, i, buf, size);
	return stat_name(g, st, buf, size);
}

/* An assist, block, steal or foul drawn, as it rides along its play. */
static void
append_rider(const struct game *g, const struct cs_stat *st, char *buf, size_t size)
{
	char name[CS_NAME_MAX * 2];

	switch (st->type) {
	case CS_STAT_ASSIST:
		append(buf, size, " (%s ast)", stat_short(g, st, name, sizeof name));
		break;
	case CS_STAT_BLOCK:
		append(buf, size, " (%s blk)", stat_short(g, st, name, sizeof name));
		break;
	case CS_STAT_STEAL:
		append(buf, size, " (%s stl)", stat_short(g, st, name, sizeof name));
		break;
	case CS_STAT_FOUL_DRAWN:
		append(buf, size, " (drawn by %s)", stat_short(g, st, name, sizeof name));
		break;
	default:
		break;
	}
}

void
ui_play_text(const struct game *g, const struct cs_event *ev, char *buf, size_t size)
{
	char name[CS_NAME_MAX * 2], lab[16];
	const struct cs_stat *st;
	bool offensive = false, primary = false;
	int i;

	buf[0] = '\0';
	if (ev->description[0] != '\0') {
		cs_sanitize(buf, ev->description, size);
		if (buf[0] != '\0')
			return;
	}
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].type == CS_STAT_OFFENSIVE_FOUL)
			offensive = true;
	/* the main statistic first, then who assisted, blocked, stole */
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX && !primary; i++) {
		st = &ev->stats[i];
		primary = true;
		switch (st->type) {
		case CS_STAT_FIELD_GOAL:
			append(buf, size, "%s %s %s", stat_name(g, st, name, sizeof name),
			    st->made ? "makes" : "misses", st->three ? "3-pt shot" : "2-pt shot");
			break;
		case CS_STAT_FREE_THROW:
			append(buf, size, "%s %s free throw", stat_name(g, st, name, sizeof name),
			    st->made ? "makes" : "misses");
			break;
		case CS_STAT_REBOUND:
			append(buf, size, "%s %s rebound", stat_name(g, st, name, sizeof name),
			    st->offensive ? "offensive" : "defensive");
			break;
		case CS_STAT_TURNOVER:
			append(buf, size, "%s turnover", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_PERSONAL_FOUL:
			append(buf, size, "%s %sfoul", stat_name(g, st, name, sizeof name),
			    offensive ? "offensive " : ev->type == CS_EV_SHOOTING_FOUL ? "shooting " : "");
			break;
		case CS_STAT_TECHNICAL_FOUL:
			append(buf, size, "%s technical foul", stat_name(g, st, name, sizeof name));
			break;
		case CS_STAT_FLAGRANT_FOUL:
			append(buf, size, "%s flagrant foul", stat_name(g, st, name, sizeof name));
			break;
		default:
			primary = false;
			break;
		}
	}
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX && primary; i++)
		append_rider(g, &ev->stats[i], buf, size);
	if (primary)
		return;
	switch (ev->type) {
	case CS_EV_TIMEOUT:
		if (ev->side == CS_HOME || ev->side == CS_AWAY)
			append(buf, size, "%s timeout", ui_team_alias(g, ev->side, name, sizeof name));
		else
			append(buf, size, "timeout");
		break;
	case CS_EV_OFFICIAL_TIMEOUT:
		append(buf, size, "official timeout");
		break;
	case CS_EV_SUBSTITUTION:
		if (ev->side == CS_HOME || ev->side == CS_AWAY)
			append(buf, size, "%s substitution", ui_team_alias(g, ev->side, name, sizeof name));
		else
			append(buf, size, "substitution");
		break;
	case CS_EV_JUMP_BALL:
		append(buf, size, "jump ball");
		break;
	case CS_EV_PERIOD_START:
		append(buf, size, "start of %s", cs_period_label(&ev->period, lab, sizeof lab));
		break;
	case CS_EV_PERIOD_END:
		append(buf, size, "end of %s", cs_period_label(&ev->period, lab, sizeof lab));
		break;
	case CS_EV_GAME_END:
		append(buf, size, "end of game");
		break;
	default:
		if (ev->provider_type[0] != '\0')
			cs_sanitize(buf, ev->provider_type, size);
		else
			append(buf, size, "%s", cs_event_type_name(ev->type));
		break;
	}
}

/* ---- the story of a play: substitutions, and what rides along ---- */

/* "Jokic, Murray": the players of a set, in roster order. */
static void
append_names(const struct box_team *t, uint64_t set, char *buf, size_t size)
{
	char name[CS_NAME_MAX * 2];
	bool first = true;
	int i;

	for (i = 0; i < t->nplayers && i < 64; i++) {
		if (!(set & (UINT64_C(1) << i)))
			continue;
		append(buf, size, "%s%s", first ? "" : ", ", short_name(t, i, name, sizeof name));
		first = false;
	}
}

/* The side whose five a substitution changed: its own team first. */
static int
sub_side(const struct play *p)
{
	int s = p->ev->side;

	if ((s == CS_HOME || s == CS_AWAY) && (p->sub_in[s] | p->sub_out[s]) != 0)
		return s;
	for (s = 0; s < 2; s++)
		if ((p->sub_in[s] | p->sub_out[s]) != 0)
			return s;
	return CS_SIDE_NONE;
}

/* "IN Jokic, Murray · OUT Braun, Gordon", from the fives before and
 * after (both providers send the new five); false when not known. */
static bool
sub_text(const struct pane_ctx *c, const struct play *p, char *buf, size_t size)
{
	const struct box_team *t;
	char alias[CS_ALIAS_MAX * 2];
	int side;

	if (p->ev->type != CS_EV_SUBSTITUTION || (side = sub_side(p)) == CS_SIDE_NONE ||
	    (t = game_view_team(c->g, side)) == NULL)
		return false;
	buf[0] = '\0';
	if (side != p->ev->side)
		append(buf, size, "%s ", ui_team_alias(c->g, side, alias, sizeof alias));
	if (p->sub_out[side] == 0 && __builtin_popcountll(p->sub_in[side]) == CS_ON_COURT) {
		append(buf, size, "five: ");
		append_names(t, p->sub_in[side], buf, size);
		return true;
	}
	if (p->sub_in[side] != 0) {
		append(buf, size, "IN ");
		append_names(t, p->sub_in[side], buf, size);
	}
	if (p->sub_out[side] != 0) {
		append(buf, size, "%sOUT ", p->sub_in[side] != 0 ?
		    (c->theme->ascii ? " | " : " \xc2\xb7 ") : "");
		append_names(t, p->sub_out[side], buf, size);
	}
	return true;
}

static bool
is_rider_stat(enum cs_stat_type t)
{
	return t == CS_STAT_ASSIST || t == CS_STAT_BLOCK || t == CS_STAT_STEAL ||
	    t == CS_STAT_FOUL_DRAWN;
}

/* An event that only credits an assist, block, steal or foul drawn
 * (ShotTracker sends them as items of their own). */
static bool
is_rider(const struct cs_event *ev)
{
	int i;

	if (ev->type != CS_EV_OTHER || ev->nstats <= 0)
		return false;
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (!is_rider_stat(ev->stats[i].type))
			return false;
	return true;
}

static bool
has_stat(const struct cs_event *ev, enum cs_stat_type type, int side, int made)
{
	int i;

	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].type == type && ev->stats[i].side == side &&
		    (made < 0 || ev->stats[i].made == (made != 0)))
			return true;
	return false;
}

/* Whether `host` is the play a rider belongs to: an assist to its
 * team's made shot, a block to the other's miss, a steal to the other's
 * turnover, a foul drawn to the other's foul. */
static bool
carries(const struct cs_event *host, const struct cs_event *rider)
{
	const struct cs_stat *st = &rider->stats[0];
	int other = st->side == CS_HOME ? CS_AWAY : CS_HOME;

	if (is_rider(host))
		return false;
	switch (st->type) {
	case CS_STAT_ASSIST:
		return has_stat(host, CS_STAT_FIELD_GOAL, st->side, 1);
	case CS_STAT_BLOCK:
		return has_stat(host, CS_STAT_FIELD_GOAL, other, 0);
	case CS_STAT_STEAL:
		return has_stat(host, CS_STAT_TURNOVER, other, -1);
	case CS_STAT_FOUL_DRAWN:
		return has_stat(host, CS_STAT_PERSONAL_FOUL, other, -1) ||
		    has_stat(host, CS_STAT_TECHNICAL_FOUL, other, -1) ||
		    has_stat(host, CS_STAT_FLAGRANT_FOUL, other, -1);
	default:
		return false;
	}
}

/* Two events of one play: the items of a play share its period and
 * sequence (ShotTracker's timestamp). */
static bool
same_play(const struct game *g, size_t a, size_t b)
{
	const struct play *p = game_view_play(g, a), *q = game_view_play(g, b);

	return p != NULL && q != NULL && p->ev != NULL && q->ev != NULL &&
	    p->ev->period.sequence == q->ev->period.sequence &&
	    p->ev->sequence == q->ev->sequence;
}

/* The play rider `i` rides along, -1 when it has none. */
static int
find_host(const struct game *g, size_t n, size_t i)
{
	const struct cs_event *rider = game_view_play(g, i)->ev;
	size_t j;

	for (j = i; j > 0 && same_play(g, j - 1, i); j--)
		;
	for (; j < n && same_play(g, j, i); j++)
		if (j != i && carries(game_view_play(g, j)->ev, rider))
			return (int)j;
	return -1;
}

/* Links every rider of plays [from, n) to its play (s->host); false when
 * out of memory. */
static bool
link_riders(struct pbp *s, const struct game *g, size_t from, size_t n)
{
	const struct play *p;
	size_t i;
	int *h;

	if (n > s->host_cap) {
		h = realloc(s->host, (n + 64) * sizeof *h);
		if (h == NULL)
			return false;
		s->host = h;
		s->host_cap = n + 64;
	}
	for (i = from; i < n; i++) {
		p = game_view_play(g, i);
		s->host[i] = p != NULL && p->ev != NULL && is_rider(p->ev) ?
		    find_host(g, n, i) : -1;
	}
	return true;
}

/* Calls fn on each rider of play i. */
static bool
any_rider(const struct pbp *s, const struct pane_ctx *c, size_t i,
    bool (*fn)(const struct pane_ctx *, const struct play *, char *, size_t),
    char *buf, size_t size)
{
	size_t n = game_view_play_count(c->g), j;
	bool any = false;

	for (j = i; j > 0 && same_play(c->g, j - 1, i); j--)
		;
	for (; j < n && j < s->host_cap && same_play(c->g, j, i); j++)
		if (s->host[j] == (int)i && fn(c, game_view_play(c->g, j), buf, size))
			any = true;
	return any;
}

/* Appends a rider's credit, unless the play's text names him already
 * ("Evan Clark makes a three (Keegan LaVine assists)"). */
static bool
rider_text(const struct pane_ctx *c, const struct play *r, char *buf, size_t size)
{
	char name[CS_NAME_MAX * 2];
	int k;

	for (k = 0; k < r->ev->nstats && k < CS_EVENT_STATS_MAX; k++) {
		stat_name(c->g, &r->ev->stats[k], name, sizeof name);
		if (name[0] != '\0' && strstr(buf, name) != NULL)
			continue;
		append_rider(c->g, &r->ev->stats[k], buf, size);
	}
	return false;
}

static bool
rider_passes(const struct pane_ctx *c, const struct play *r, char *buf, size_t size)
{
	(void)buf;
	(void)size;
	return ui_filter_play(c->filter, r);
}

static bool
rider_corrected(const struct pane_ctx *c, const struct play *r, char *buf, size_t size)
{
	(void)c;
	(void)buf;
	(void)size;
	return r->ev->corrected;
}

/* The text of play i as the pane tells it: substitutions as IN/OUT,
 * the riders in the play's row. */
static void
play_story(const struct pbp *s, const struct pane_ctx *c, size_t i, char *buf, size_t size)
{
	const struct play *p = game_view_play(c->g, i);

	buf[0] = '\0';
	if (p == NULL || p->ev == NULL)
		return;
	if (!sub_text(c, p, buf, size))
		ui_play_text(c->g, p->ev, buf, size);
	any_rider(s, c, i, rider_text, buf, size);
}

/* A play shows when it passes the filter, or when a rider of it passes
 * the player filter (his assist shows as the shot it led to). */
static bool
play_shows(const struct pbp *s, const struct pane_ctx *c, size_t i)
{
	const struct play *p = game_view_play(c->g, i);

	if (p == NULL || p->ev == NULL)
		return false;
	if (i < s->host_cap && s->host[i] >= 0)
		return false;
	if (ui_filter_play(c->filter, p))
		return true;
	return c->filter->player_id[0] != '\0' && any_rider(s, c, i, rider_passes, NULL, 0);
}

/* ---- the rows ---- */

/* The row of the newest play (under its period separator at the top). */
static int
newest_row(const struct pbp *s)
{
	if (s->oldest_first)
		return (int)s->nrows - 1;
	return s->nrows > 1 && s->rows[0].play < 0 ? 1 : 0;
}

/* Whether the newest play is out of view with `page` rows shown. */
static bool
newest_hidden(const struct pbp *s, int page)
{
	if (s->nrows == 0)
		return false;
	if (s->oldest_first)
		return s->sc.top + page <= newest_row(s);
	return s->sc.top > newest_row(s);
}

/*
 * Rows of plays in view: the pane's body less the prompt's row, less the
 * "newer plays" marker's when the newest play is out of view.  Clamps the
 * view first, so that the marker is decided on where it will be.
 */
static int
view_rows(struct pbp *s, int body, bool *marker)
{
	int page = body < 1 ? 1 : body;

	ui_scroll_clamp(&s->sc, (int)s->nrows, page);
	*marker = page > 1 && newest_hidden(s, page);
	if (*marker) {
		page--;
		ui_scroll_clamp(&s->sc, (int)s->nrows, page);
	}
	return page;
}

static int
page_rows(struct pbp *s, const struct pane_ctx *c)
{
	bool marker;

	return view_rows(s, c->rows - 1 - (s->prompt ? 1 : 0), &marker);
}

/* How many plays are newer than the view (above it, or below it when
 * the oldest are on top). */
static int
newer_plays(const struct pbp *s, int page)
{
	int r, n = 0, from = s->oldest_first ? s->sc.top + page : 0;
	int to = s->oldest_first ? (int)s->nrows : s->sc.top;

	for (r = from < 0 ? 0 : from; r < to && r < (int)s->nrows; r++)
		if (s->rows[r].play >= 0)
			n++;
	return n;
}

/* Remembers the play under the cursor. */
static void
set_anchor(struct pbp *s, const struct pane_ctx *c)
{
	const struct play *p;
	int r = s->sc.cursor;

	s->follow = s->nrows == 0 || (s->oldest_first ? r >= newest_row(s) : r <= newest_row(s));
	s->anchor_id[0] = '\0';
	/* a separator anchors to its first play */
	while (r >= 0 && (size_t)r < s->nrows && s->rows[r].play < 0)
		r++;
	if (r >= 0 && (size_t)r < s->nrows) {
		p = game_view_play(c->g, (size_t)s->rows[r].play);
		if (p != NULL && p->ev != NULL)
			cs_strlcpy(s->anchor_id, p->ev->id, sizeof s->anchor_id);
	}
}

/* Clamps the cursor into view and remembers its play. */
static void
settle(struct pbp *s, const struct pane_ctx *c)
{
	page_rows(s, c);
	set_anchor(s, c);
}

static bool
grow(struct pbp *s, size_t need)
{
	struct pbp_row *n;
	size_t cap = s->cap ? s->cap : 256;

	if (need <= s->cap)
		return true;
	if (need > PBP_ROWS_CAP)
		return false;
	while (cap < need)
		cap *= 2;
	if (cap > PBP_ROWS_CAP)
		cap = PBP_ROWS_CAP;
	n = realloc(s->rows, cap * sizeof *n);
	if (n == NULL)
		return false;
	s->rows = n;
	s->cap = cap;
	return true;
}

static void
push_row(struct pbp *s, int play, int period)
{
	if (s->nrows < s->cap) {
		s->rows[s->nrows].play = play;
		s->rows[s->nrows].period = period;
		s->nrows++;
	}
}

/* The filtered rows, with a separator above each period; returns the row
 * of the anchored play, -1 when it is gone. */
static int
fill_rows(struct pbp *s, const struct pane_ctx *c)
{
	size_t n = game_view_play_count(c->g), i, k;
	const struct play *p;
	int last_period = -1, found = -1;

	s->nrows = 0;
	if (!grow(s, 2 * n + 1))
		n = s->cap / 2;
	if (!link_riders(s, c->g, 0, n))
		s->host_cap = 0;   /* out of memory: every item on its own row */
	s->built_plays = n;     /* what prepend_rows goes on from */
	for (k = 0; k < n; k++) {
		i = s->oldest_first ? k : n - 1 - k;
		p = game_view_play(c->g, i);
		if (!play_shows(s, c, i))
			continue;
		if (p->ev->period.sequence != last_period) {
			last_period = p->ev->period.sequence;
			push_row(s, -1, last_period);
		}
		push_row(s, (int)i, p->ev->period.sequence);
		if (found < 0 && s->anchor_id[0] != '\0' &&
		    strcmp(p->ev->id, s->anchor_id) == 0)
			found = (int)s->nrows - 1;
	}
	return found;
}

/*
 * Only plays appended since the rows were built (none rewritten, the
 * filter the same, newest first): their rows go on top, under their
 * period's separator, the rows below as they were.  Not when the first of
 * them is an item of the last play built (a rider may have its host among
 * them, or they among the older rows).  Returns the anchored play's row
 * as fill_rows() does, or -2 when the rows must be built whole.
 */
static int
prepend_rows(struct pbp *s, const struct pane_ctx *c, uint64_t rewritten)
{
	size_t n = game_view_play_count(c->g), old = s->built_plays, k, add, i;
	struct pbp_row top[2 * 64 + 1];
	const struct play *p;
	int last_period = -1, found = -1, r;

	if (!s->built || s->oldest_first || s->built_filter != c->filter->serial ||
	    s->built_rewritten != rewritten || old == 0 || n < old || n - old > 64 ||
	    s->nrows == 0 || s->host_cap < old || same_play(c->g, old - 1, old) ||
	    !grow(s, 2 * n + 1) || !link_riders(s, c->g, old, n))
		return -2;
	for (add = 0, k = n; k-- > old;) {
		p = game_view_play(c->g, k);
		if (!play_shows(s, c, k))
			continue;
		if (p->ev->period.sequence != last_period) {
			last_period = p->ev->period.sequence;
			top[add++] = (struct pbp_row){ -1, last_period };
		}
		top[add++] = (struct pbp_row){ (int)k, last_period };
	}
	/* the old top separator, when the new rows end in its period */
	i = add > 0 && s->rows[0].play < 0 && s->rows[0].period == last_period ? 1 : 0;
	if (s->nrows - i + add > s->cap)
		return -2;
	memmove(s->rows + add, s->rows + i, (s->nrows - i) * sizeof *s->rows);
	memcpy(s->rows, top, add * sizeof *s->rows);
	s->nrows = s->nrows - i + add;
	s->built_plays = n;
	if (!s->follow && s->anchor_id[0] != '\0')
		for (r = 0; r < (int)s->nrows && found < 0; r++)
			if (s->rows[r].play >= 0 &&
			    strcmp(game_view_play(c->g, (size_t)s->rows[r].play)->ev->id,
			    s->anchor_id) == 0)
				found = r;
	return found;
}

static void
pbp_build(struct pbp *s, const struct pane_ctx *c)
{
	uint64_t gen = game_content_generation(c->g);
	uint64_t rewritten = game_touched(c->g, GAME_TOUCH_PLAYS_REWRITTEN);
	int old_cursor = s->sc.cursor, found;

	if (s->built && s->built_gen == gen && s->built_filter == c->filter->serial)
		return;
	/* a live play: on top of the rows already built, not all of them again */
	found = prepend_rows(s, c, rewritten);
	if (found == -2)
		found = fill_rows(s, c);
	s->built = true;
	s->built_gen = gen;
	s->built_filter = c->filter->serial;
	s->built_rewritten = rewritten;
	if (s->follow || found < 0) {
		s->sc.cursor = newest_row(s);
		if (!s->oldest_first)
			s->sc.top = 0;
		else
			s->sc.top = (int)s->nrows;   /* clamped when drawn */
	} else {
		/* keep the anchored play where it was on the screen */
		s->sc.top += found - old_cursor;
		s->sc.cursor = found;
	}
	settle(s, c);
}

/* ---- search ---- */

static const char *
row_match(const struct pbp *s, const struct pane_ctx *c, int r, char *text, size_t size)
{
	const struct play *p;

	if (r < 0 || (size_t)r >= s->nrows || s->rows[r].play < 0 || s->query[0] == '\0')
		return NULL;
	p = game_view_play(c->g, (size_t)s->rows[r].play);
	if (p == NULL || p->ev == NULL)
		return NULL;
	play_story(s, c, (size_t)s->rows[r].play, text, size);
	return strcasestr(text, s->query);
}

/* The first matching row from `from` in direction dir, wrapping; -1 if none. */
static int
find(const struct pbp *s, const struct pane_ctx *c, int from, int dir)
{
	char text[CS_DESC_MAX * 2];
	int n = (int)s->nrows, k, r;

	for (k = 0; k < n; k++) {
		r = ((from + dir * k) % n + n) % n;
		if (row_match(s, c, r, text, sizeof text) != NULL)
			return r;
	}
	return -1;
}

static int
search_start(struct pbp *s, const struct pane_ctx *c)
{
	pbp_build(s, c);
	s->prompt = true;
	s->query[0] = '\0';
	s->before = s->sc;
	s->no_match = false;
	return UI_HANDLED | UI_REDRAW | UI_GRAB;
}

static void
research(struct pbp *s, const struct pane_ctx *c)
{
	int r;

	s->sc = s->before;
	s->no_match = false;
	if (s->query[0] != '\0') {
		r = find(s, c, s->before.cursor, 1);
		if (r >= 0)
			s->sc.cursor = r;
		else
			s->no_match = true;
	}
	settle(s, c);
}

/* A key while the prompt is open; the prompt keeps the keyboard
 * (UI_GRAB) until Enter or Esc. */
static int
search_key(struct pbp *s, const struct pane_ctx *c, int key)
{
	size_t len = strlen(s->query);

	pbp_build(s, c);
	switch (key) {
	case '\n':
	case '\r':
	case KEY_ENTER:
		s->prompt = false;
		if (s->no_match && s->query[0] != '\0')
			pane_message(c, "no play matches \"%s\"", s->query);
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY_ESC:
		s->prompt = false;
		s->query[0] = '\0';
		s->sc = s->before;
		settle(s, c);
		return UI_HANDLED | UI_REDRAW;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (len == 0)
			return search_key(s, c, UI_KEY_ESC);
		/* drop one UTF-8 character */
		while (len > 0 && ((unsigned char)s->query[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0)
			len--;
		s->query[len] = '\0';
		break;
	case UI_KEY_CTRL('u'):
		s->query[0] = '\0';
		break;
	default:
		if (key < 32 || key >= 256 || key == 127 || len + 1 >= sizeof s->query)
			return UI_HANDLED | UI_REDRAW | UI_GRAB;
		s->query[len] = (char)key;
		s->query[len + 1] = '\0';
		break;
	}
	research(s, c);
	return UI_HANDLED | UI_REDRAW | UI_GRAB;
}

/* n / N: the next match down (dir 1) or up; the frame brings the plays
 * into view (UI_SHOW) when they are hidden. */
static int
search_next(struct pbp *s, const struct pane_ctx *c, int dir)
{
	int r;

	if (s->query[0] == '\0') {
		pane_message(c, "no search: press / first");
		return UI_HANDLED | UI_REDRAW;
	}
	pbp_build(s, c);
	if (s->nrows == 0)
		return UI_HANDLED | UI_REDRAW | UI_SHOW;
	r = find(s, c, s->sc.cursor + dir, dir);
	if (r < 0) {
		pane_message(c, "no play matches \"%s\"", s->query);
		return UI_HANDLED | UI_REDRAW | UI_SHOW;
	}
	s->sc.cursor = r;
	settle(s, c);
	return UI_HANDLED | UI_REDRAW | UI_SHOW;
}

/* ---- drawing ---- */

static int
alias_width(const struct pane_ctx *c)
{
	char a[CS_ALIAS_MAX * 2];
	int w = 3, k, s;

	for (s = 0; s < 2; s++) {
		k = ui_text_width(ui_team_alias(c->g, s, a, sizeof a));
		if (k > w)
			w = k;
	}
	return w > 4 ? 4 : w;
}

static void
draw_separator(const struct pane_ctx *c, WINDOW *w, int y, int width, int period, attr_t sel)
{
	char lab[16];
	attr_t a = ui_attr(c->theme, UI_C_SEPARATOR) | sel;
	int x;

	ui_hline(c->theme, w, y, 0, 3, a);
	x = ui_textf(w, y, 3, width - 3, a, " %s ", ui_period_label(c->g, period, lab, sizeof lab));
	ui_hline(c->theme, w, y, 3 + x, width - 3 - x, a);
}

/* The text of a play fitted to the row, its match (if any) underlined. */
static void
draw_text(const struct pbp *s, const struct pane_ctx *c, WINDOW *w, int y, int x, int width,
    const char *full, attr_t sel)
{
	char part[CS_DESC_MAX * 2], text[CS_DESC_MAX * 2];
	const char *m;
	size_t ql, pre;
	int used;

	ui_text_fit_words(full, width - x, c->theme->ascii, text, sizeof text);
	m = s->query[0] != '\0' ? strcasestr(text, s->query) : NULL;
	if (m == NULL) {
		ui_text(w, y, x, width - x, sel, text);
		return;
	}
	/* before, the match, after */
	ql = strlen(s->query);
	pre = (size_t)(m - text);
	memcpy(part, text, pre);
	part[pre] = '\0';
	used = ui_text(w, y, x, width - x, sel, part);
	memcpy(part, m, ql);
	part[ql] = '\0';
	used += ui_text(w, y, x + used, width - x - used, ui_attr(c->theme, UI_C_MATCH) | sel,
	    part);
	ui_text(w, y, x + used, width - x - used, sel, m + ql);
}

/* The columns before the text: the clock, the team, the score. */
struct pbp_cols {
	int aw;      /* the team's abbreviation */
	int sw;      /* the score, 0 when the pane is too narrow for it */
};

/* "9-10" takes 5 columns, "102-99" 7: as wide as the score has become. */
static int
score_width(const struct pane_ctx *c, int width)
{
	const struct box_team *h = game_view_team(c->g, CS_HOME);
	const struct box_team *a = game_view_team(c->g, CS_AWAY);
	int top = 0, d = 1;

	if (width < 50)
		return 0;
	if (h != NULL && h->points > top)
		top = h->points;
	if (a != NULL && a->points > top)
		top = a->points;
	for (; top >= 10 && d < 3; top /= 10)
		d++;
	return 2 * d + 1;
}

static void
draw_play(const struct pbp *s, const struct pane_ctx *c, WINDOW *w, int y, int width,
    const struct pbp_cols *k, const struct pbp_row *row, bool selected)
{
	const struct play *p = game_view_play(c->g, (size_t)row->play);
	const struct cs_event *ev;
	char clk[16], alias[CS_ALIAS_MAX * 2], text[CS_DESC_MAX * 2];
	attr_t sel = selected ? ui_attr(c->theme, UI_C_SELECT) : A_NORMAL;
	int x, d = (k->sw - 1) / 2;

	if (p == NULL || p->ev == NULL)
		return;
	ev = p->ev;
	if (selected)
		ui_fill(w, y, 0, width, sel);
	if (ev->clock >= 0)
		ui_text_right(w, y, 0, 5, sel, cs_clock_format(ev->clock, clk, sizeof clk));
	/* a play marked with m: an "m" in the gap after the clock */
	if (cs_possessions_marked(game_view_possessions(c->g), ev->id))
		ui_text(w, y, 5, 1, ui_attr(c->theme, UI_C_WARN) | sel, "m");
	x = 6;
	/* colour without bold: every attribute change costs bytes on each
	 * row, and every row is redrawn when a play arrives */
	if (ev->side == CS_HOME || ev->side == CS_AWAY)
		ui_text(w, y, x, k->aw, ui_team_plain_attr(c->theme, ev->side) | sel,
		    ui_team_alias(c->g, ev->side, alias, sizeof alias));
	x += k->aw + 1;
	if (k->sw > 0) {
		if (p->scoring)
			ui_textf(w, y, x, k->sw, ui_attr(c->theme, p->lead_change ? UI_C_WARN :
			    UI_C_SCORE) | sel, "%*d-%-*d", d, p->away_score, d, p->home_score);
		x += k->sw + 1;
	}
	if (ev->corrected || any_rider(s, c, (size_t)row->play, rider_corrected, NULL, 0))
		ui_text(w, y, x, 1, ui_attr(c->theme, UI_C_WARN) | sel, "*");
	x += 2;
	if (x >= width)
		return;
	play_story(s, c, (size_t)row->play, text, sizeof text);
	draw_text(s, c, w, y, x, width, text, sel);
}

/* "newer plays ▴ 12": the newest plays are out of view (after a search
 * or a scroll), and how many there are. */
static void
draw_newer(const struct pbp *s, const struct pane_ctx *c, WINDOW *w, int y, int width, int n)
{
	const char *arrow = s->oldest_first ? ui_glyph(c->theme, UI_G_DOWN) :
	    ui_glyph(c->theme, UI_G_UP);

	if (!c->theme->ascii)
		arrow = s->oldest_first ? "\xe2\x96\xbe" : "\xe2\x96\xb4";   /* ▾ ▴ */
	ui_textf(w, y, 0, width, ui_attr(c->theme, UI_C_WARN), "newer plays %s %d  (%s)",
	    arrow, n, s->oldest_first ? "End" : "Home");
}

/* ---- which rows changed (rows.h) ---- */

/* What a window row shows. */
enum pbp_cell { CELL_BLANK = 0, CELL_NONE, CELL_NEWER, CELL_ROW, CELL_PROMPT };

/* What every row depends on beyond its own play: the columns, the names,
 * the query; and older plays read differently after anything but an
 * append (a correction, a delete, a mark). */
static uint64_t
base_key(const struct pbp *s, const struct pane_ctx *c, const struct pbp_cols *k, int width)
{
	struct {
		uint64_t info, rewritten;
		int width, aw, sw;
		bool oldest_first, no_match;
	} b;

	memset(&b, 0, sizeof b);
	b.info = game_touched(c->g, GAME_TOUCH_INFO);
	b.rewritten = game_touched(c->g, GAME_TOUCH_PLAYS_REWRITTEN);
	b.width = width;
	b.aw = k->aw;
	b.sw = k->sw;
	b.oldest_first = s->oldest_first;
	b.no_match = s->no_match;
	return ui_rows_hash(ui_rows_hash(UI_ROWS_SEED, &b, sizeof b), s->query, sizeof s->query);
}

/* A play's row: the play, its score, and the items riding along with it
 * (the last of its group: an assist arriving redraws the basket). */
static uint64_t
play_key(const struct pbp *s, const struct pane_ctx *c, uint64_t h, int r, bool selected)
{
	const struct pbp_row *row = &s->rows[r];
	size_t n = game_view_play_count(c->g), end;
	const struct play *p;
	struct { int home, away; bool scoring, lead_change; } v;

	h = ui_rows_hash(h, row, sizeof *row);
	h = ui_rows_hash(h, &selected, sizeof selected);
	if (row->play < 0 || (p = game_view_play(c->g, (size_t)row->play)) == NULL)
		return h;
	for (end = (size_t)row->play; end + 1 < n && same_play(c->g, end, end + 1); end++)
		;
	memset(&v, 0, sizeof v);
	v.home = p->home_score;
	v.away = p->away_score;
	v.scoring = p->scoring;
	v.lead_change = p->lead_change;
	h = ui_rows_hash(h, &v, sizeof v);
	return ui_rows_hash(h, &end, sizeof end);
}

static uint64_t
cell_key(uint64_t base, enum pbp_cell what, int arg)
{
	int v[2] = { (int)what, arg };

	return ui_rows_hash(base, v, sizeof v);
}

/* What each window row shows (what[y], arg[y]: the row or the count)
 * and its key. */
static void
plan_rows(const struct pbp *s, const struct pane_ctx *c, const struct pbp_cols *k, int h,
    int width, int page, bool marker, enum pbp_cell *what, int *arg, uint64_t *want)
{
	uint64_t base = base_key(s, c, k, width);
	int y, i, r, y0 = 1;

	for (y = 0; y < h; y++) {
		what[y] = CELL_BLANK;
		arg[y] = 0;
	}
	if (marker) {
		y = s->oldest_first ? 1 + page : 1;
		what[y] = CELL_NEWER;
		arg[y] = newer_plays(s, page);
		y0 += s->oldest_first ? 0 : 1;
	}
	if (s->nrows == 0) {
		what[1] = CELL_NONE;
		arg[1] = game_view_play_count(c->g) == 0;
	}
	for (i = 0; i < page; i++) {
		r = s->sc.top + i;
		if (r < 0 || (size_t)r >= s->nrows || y0 + i >= h)
			break;
		what[y0 + i] = CELL_ROW;
		arg[y0 + i] = r;
	}
	if (s->prompt) {
		what[h - 1] = CELL_PROMPT;
		arg[h - 1] = 0;
	}
	for (y = 1; y < h; y++)
		want[y] = what[y] == CELL_ROW ? play_key(s, c, base, arg[y],
		    c->focused && arg[y] == s->sc.cursor) : cell_key(base, what[y], arg[y]);
}

static void
draw_cell(const struct pbp *s, const struct pane_ctx *c, WINDOW *w, int y, int width,
    const struct pbp_cols *k, enum pbp_cell what, int arg)
{
	bool selected;
	int x;

	switch (what) {
	case CELL_NEWER:
		draw_newer(s, c, w, y, width, arg);
		break;
	case CELL_NONE:
		ui_text(w, y, 2, width - 2, ui_attr(c->theme, UI_C_DIM),
		    arg ? "no plays yet" : "no plays match the filter");
		break;
	case CELL_ROW:
		selected = c->focused && arg == s->sc.cursor;
		if (s->rows[arg].play < 0)
			draw_separator(c, w, y, width, s->rows[arg].period,
			    selected ? ui_attr(c->theme, UI_C_SELECT) : A_NORMAL);
		else
			draw_play(s, c, w, y, width, k, &s->rows[arg], selected);
		break;
	case CELL_PROMPT:
		x = ui_textf(w, y, 0, width, ui_attr(c->theme, UI_C_BOLD), "/%s", s->query);
		if (s->no_match)
			ui_text(w, y, x + 2, width - x - 2, ui_attr(c->theme, UI_C_WARN),
			    "(no match)");
		break;
	default:
		break;
	}
}

static void
pbp_draw(void *state, const struct pane_ctx *c, WINDOW *w, int h, int width)
{
	struct pbp *s = state;
	struct pbp_cols k = { .aw = alias_width(c), .sw = score_width(c, width) };
	enum pbp_cell what[UI_ROWS_MAX];
	int arg[UI_ROWS_MAX], page, y;
	uint64_t want[UI_ROWS_MAX];
	bool marker;

	if (h > UI_ROWS_MAX)
		h = UI_ROWS_MAX;   /* taller than any terminal: the rest stays blank */
	pbp_build(s, c);
	page = view_rows(s, h - 1 - (s->prompt ? 1 : 0), &marker);
	plan_rows(s, c, &k, h, width, page, marker, what, arg, want);
	ui_rows_begin(&s->drawn, w, h, want, c->repaint);
	for (y = 1; y < h; y++)
		if (ui_rows_draw(&s->drawn, w, y, want[y]))
			draw_cell(s, c, w, y, width, &k, what[y], arg[y]);
}

/* Enter: the first player of the play under the cursor. */
static int
pick_player(const struct pbp *s, const struct pane_ctx *c)
{
	const struct play *p;
	const struct cs_event *ev;
	int i;

	if (s->sc.cursor < 0 || (size_t)s->sc.cursor >= s->nrows || s->rows[s->sc.cursor].play < 0)
		return UI_HANDLED;
	p = game_view_play(c->g, (size_t)s->rows[s->sc.cursor].play);
	if (p == NULL || p->ev == NULL)
		return UI_HANDLED;
	ev = p->ev;
	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].player.id[0] != '\0') {
			ui_filter_set_player(c->filter, ev->stats[i].side, ev->stats[i].player.id);
			return UI_HANDLED | UI_REDRAW;
		}
	return UI_HANDLED;
}

/* The requests that are the plays' wherever the focus is. */
static int
pbp_request(struct pbp *s, const struct pane_ctx *c, int req)
{
	switch (req) {
	case UI_REQ_SEARCH:
		return search_start(s, c);
	case UI_REQ_FIND_NEXT:
		return search_next(s, c, 1);
	case UI_REQ_FIND_PREV:
		return search_next(s, c, -1);
	case UI_REQ_DROP_SEARCH:
		if (s->query[0] == '\0')
			return UI_HANDLED;
		s->query[0] = '\0';
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static int
pbp_key(void *state, const struct pane_ctx *c, int key)
{
	struct pbp *s = state;
	int fl;

	if (s->prompt)
		return search_key(s, c, key);
	if (key >= UI_REQ_BASE)
		return pbp_request(s, c, key);
	pbp_build(s, c);
	fl = ui_scroll_key(&s->sc, key, (int)s->nrows, page_rows(s, c), false);
	if (fl != UI_UNHANDLED) {
		set_anchor(s, c);
		return fl;
	}
	switch (key) {
	case 'o':
		s->oldest_first = !s->oldest_first;
		s->built = false;
		pbp_build(s, c);
		return UI_HANDLED | UI_REDRAW;
	case '\n':
	case '\r':
	case KEY_ENTER:
		return pick_player(s, c);
	}
	return UI_UNHANDLED;
}

static void
pbp_title(void *state, const struct pane_ctx *c, char *buf, size_t size)
{
	struct pbp *s = state;
	size_t plays = 0, i;
	const char *order;

	pbp_build(s, c);
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].play >= 0)
			plays++;
	order = s->oldest_first ? "oldest" : "newest";
	if (s->query[0] != '\0' && !s->prompt)
		snprintf(buf, size, "%zu play%s, %s first  /%s", plays, plays == 1 ? "" : "s",
		    order, s->query);
	else
		snprintf(buf, size, "%zu play%s, %s first", plays, plays == 1 ? "" : "s", order);
}

static void *
pbp_init(void)
{
	struct pbp *s = pane_state_new(sizeof *s);

	if (s != NULL)
		s->follow = true;
	return s;
}

static void
pbp_free(void **state)
{
	struct pbp *s = *state;

	if (s != NULL) {
		free(s->rows);
		free(s->host);
	}
	pane_state_free(state);
}

bool
pane_pbp_prompt(const void *state)
{
	return ((const struct pbp *)state)->prompt;
}

const char *
pane_pbp_query(const void *state)
{
	return ((const struct pbp *)state)->query;
}

bool
pane_pbp_no_match(const void *state)
{
	return ((const struct pbp *)state)->no_match;
}

int
pane_pbp_cursor_play(const void *state)
{
	const struct pbp *s = state;

	if (s->sc.cursor < 0 || (size_t)s->sc.cursor >= s->nrows)
		return -1;
	return s->rows[s->sc.cursor].play;
}

const struct pane_ops pane_pbp_ops = {
	.name = "Plays",
	.tab = "Plays",
	.help = pbp_help,
	.init = pbp_init,
	.free = pbp_free,
	.draw = pbp_draw,
	.key = pbp_key,
	.title = pbp_title,
	.shows = GAME_TOUCH_PLAYS | GAME_TOUCH_INFO | GAME_TOUCH_POSSESSIONS,
	.partial = true,
};
