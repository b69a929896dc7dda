/*
 * The game model's public face (model/game.h): changes go to the store and
 * the rosters and mark what the fold must redo; views bring the fold up to
 * date first.  Appends in game order are folded incrementally; anything
 * else (an insert in the middle, a correction, a delete, new rules) marks
 * the derived state stale and the next view re-derives from the start.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/game_int.h"

/* A change the panes show: everything but the clock running on. */
static uint64_t
changed(struct game *g)
{
	g->content_gen = ++g->generation;
	return g->content_gen;
}

void
game_touch(struct game *g, unsigned mask)
{
	int a;

	for (a = 0; a < GAME_TOUCH_ASPECTS; a++)
		if (mask & (1u << a))
			g->touched[a] = g->generation;
}

uint64_t
game_touched(const struct game *g, unsigned mask)
{
	uint64_t last = 0;
	int a;

	for (a = 0; a < GAME_TOUCH_ASPECTS; a++)
		if ((mask & (1u << a)) && g->touched[a] > last)
			last = g->touched[a];
	return last;
}

static void
sync_team_view(struct game *g, int side)
{
	struct box_team *t = &g->team[side];
	int k;

	t->info = g->info.team[side];
	t->players = g->roster[side].players;
	t->nplayers = g->roster[side].n;
	for (k = 0; k < CS_ON_COURT; k++)
		t->on_court[k] = -1;
}

struct game *
game_new(void)
{
	struct game *g = calloc(1, sizeof *g);
	int s;

	if (g == NULL)
		return NULL;
	cs_game_info_init(&g->info, CS_PROVIDER_NONE);
	game_rules_from_info(&g->rules, &g->info, NULL);
	for (s = 0; s < 2; s++) {
		game_roster_init(&g->roster[s]);
		sync_team_view(g, s);
	}
	g->d.stale = true;
	g->d.finished_gen = UINT64_MAX;
	g->dirty_from = SIZE_MAX;
	g->st_possessions = cs_possessions_new();
	if (g->st_possessions == NULL) {
		free(g);
		return NULL;
	}
	return g;
}

void
game_free(struct game **gp)
{
	struct game *g;

	if (gp == NULL || *gp == NULL)
		return;
	g = *gp;
	game_store_free(&g->store);
	game_derive_free(g);
	cs_possessions_free(&g->st_possessions);
	free(g);
	*gp = NULL;
}

/* --- game info ----------------------------------------------------------- */

/* A sanitized copy into a zeroed struct, so memcmp sees only real changes. */
static void
copy_team(struct cs_team_info *dst, const struct cs_team_info *src)
{
	int i, n = src->nplayers < 0 ? 0 :
	    src->nplayers > CS_ROSTER_MAX ? CS_ROSTER_MAX : src->nplayers;

	memset(dst, 0, sizeof *dst);
	cs_sanitize(dst->id, src->id, sizeof dst->id);
	cs_sanitize(dst->name, src->name, sizeof dst->name);
	cs_sanitize(dst->market, src->market, sizeof dst->market);
	cs_sanitize(dst->alias, src->alias, sizeof dst->alias);
	dst->color = src->color;
	dst->nplayers = n;
	for (i = 0; i < n; i++) {
		const struct cs_player_info *a = &src->players[i];
		struct cs_player_info *b = &dst->players[i];

		cs_sanitize(b->id, a->id, sizeof b->id);
		cs_sanitize(b->name, a->name, sizeof b->name);
		cs_sanitize(b->jersey, a->jersey, sizeof b->jersey);
		cs_sanitize(b->position, a->position, sizeof b->position);
		b->starter = a->starter;
	}
}

static bool
same_rules(const struct game_rules *a, const struct game_rules *b)
{
	return strcmp(a->name, b->name) == 0 &&
	    a->period_seconds == b->period_seconds &&
	    a->overtime_seconds == b->overtime_seconds;
}

/* New rules re-derive everything (team fouls, bonus, timeouts). */
static void
apply_rules(struct game *g)
{
	struct game_rules rules;

	game_rules_from_info(&rules, &g->info,
	    g->rules_override[0] != '\0' ? g->rules_override : NULL);
	if (!same_rules(&rules, &g->rules)) {
		g->rules = rules;
		g->d.stale = true;
	}
}

int
game_set_rules(struct game *g, const char *name)
{
	if (name != NULL && game_rules_profile(name) == NULL)
		return -1;
	cs_strlcpy(g->rules_override, name != NULL ? name : "",
	    sizeof g->rules_override);
	apply_rules(g);
	changed(g);
	game_touch(g, GAME_TOUCH_ALL);
	return 0;
}

void
game_set_info(struct game *g, const struct cs_game_info *info)
{
	struct cs_game_info next = g->info;
	int s;

	next.provider = info->provider;
	memset(next.id, 0, sizeof next.id);
	cs_sanitize(next.id, info->id, sizeof next.id);
	memset(next.status, 0, sizeof next.status);
	cs_sanitize(next.status, info->status, sizeof next.status);
	next.format = info->format == CS_FORMAT_HALVES ? CS_FORMAT_HALVES :
	    CS_FORMAT_QUARTERS;
	next.period_seconds = info->period_seconds;
	next.overtime_seconds = info->overtime_seconds;
	memset(next.rules, 0, sizeof next.rules);
	cs_sanitize(next.rules, info->rules, sizeof next.rules);
	memset(next.game_type, 0, sizeof next.game_type);
	cs_sanitize(next.game_type, info->game_type, sizeof next.game_type);
	memset(next.gender, 0, sizeof next.gender);
	cs_sanitize(next.gender, info->gender, sizeof next.gender);
	for (s = 0; s < 2; s++) {
		/* the provider's timeout count: a header without one keeps it */
		if (info->has_timeouts_remaining[s] && info->timeouts_remaining[s] >= 0) {
			next.has_timeouts_remaining[s] = true;
			next.timeouts_remaining[s] = info->timeouts_remaining[s];
		}
		if (!info->has_team[s])
			continue;
		next.has_team[s] = true;
		copy_team(&next.team[s], &info->team[s]);
	}
	/* parsers may send the game header with every message */
	if (memcmp(&next, &g->info, sizeof next) == 0)
		return;

	g->info = next;
	for (s = 0; s < 2; s++) {
		if (!info->has_team[s])
			continue;
		game_roster_set_team(&g->roster[s], &g->info.team[s]);
		sync_team_view(g, s);
	}
	apply_rules(g);
	changed(g);
	game_touch(g, GAME_TOUCH_ALL);
}

const struct cs_game_info *
game_info(const struct game *g)
{
	return &g->info;
}

const struct game_rules *
game_rules(const struct game *g)
{
	return &g->rules;
}

/* --- events -------------------------------------------------------------- */

/* The on-court lists (zero-filled by normalising), hashed: whether a new
 * version changes them, now that the record does not keep them. */
static uint64_t
court_hash(const struct cs_event *ev)
{
	return cs_hash64(ev->on_court, sizeof ev->on_court);
}

/* A record for the event, cut short (store.c), all but its on-court
 * lists. */
static struct record *
record_new(const struct cs_event *ev)
{
	struct record *rec = game_record_new(ev);

	if (rec != NULL)
		rec->court_hash = court_hash(ev);
	return rec;
}

/* Keeps the event in the record, if it has room for its statistics. */
static bool
keep_event(struct record *rec, const struct cs_event *ev)
{
	if (!game_record_keep(rec, ev))
		return false;
	rec->court_hash = court_hash(ev);
	return true;
}

/* The fold's copy of the event, with player ids turned to indexes once,
 * at upsert, so the fold never hashes.  `ev` is the whole event: the
 * record has no on-court lists. */
static unsigned
resolve_players(struct game *g, struct record *rec, const struct cs_event *ev)
{
	unsigned learned = g->roster[0].learned + g->roster[1].learned;
	int i, s, k;

	game_fold_rec_make(&rec->fold, ev);
	for (i = 0; i < ev->nstats; i++) {
		const struct cs_stat *st = &ev->stats[i];

		if (st->side != CS_SIDE_NONE)
			rec->fold.stats[i].player = (int8_t)game_roster_intern(
			    &g->roster[st->side], &st->player);
	}
	for (s = 0; s < 2; s++)
		for (k = 0; k < CS_ON_COURT; k++)
			rec->court_player[s][k] = ev->has_on_court[s] ?
			    (int16_t)game_roster_intern(&g->roster[s], &ev->on_court[s][k]) :
			    -1;
	/* a name learned from the event: the aspect it touches */
	return g->roster[0].learned + g->roster[1].learned != learned ? GAME_TOUCH_INFO : 0;
}

static int
add_event(struct game *g, const struct cs_event *ev)
{
	struct record *rec;
	unsigned touched;
	long pos;

	if (g->store.n >= GAME_EVENTS_MAX)
		return -1;
	rec = record_new(ev);
	if (rec == NULL)
		return -1;
	pos = game_store_insert(&g->store, rec);
	if (pos < 0) {
		free(rec);
		return -1;
	}
	touched = resolve_players(g, rec, ev);
	/* an event before others is folded from the checkpoint before it */
	game_derive_dirty(g, (size_t)pos);
	rec->updated_gen = changed(g);
	game_touch(g, GAME_TOUCH_PLAYS | touched);
	return 1;
}

/*
 * An enrichment or correction: the new version replaces the old whole,
 * in a new record when it has more statistics than the old had room for
 * (the plays and shots pointing at the old one are re-derived: they lie
 * after the dirty mark).  -1 out of memory, the old version kept.
 */
static int
replace_event(struct game *g, struct record *rec, const struct cs_event *ev)
{
	struct record *bigger = NULL;
	long was, pos;
	unsigned touched;

	if (ev->nstats > rec->stats_room && (bigger = record_new(ev)) == NULL)
		return -1;
	was = game_store_remove(&g->store, rec);
	if (bigger != NULL) {
		free(rec);
		rec = bigger;
	} else {
		keep_event(rec, ev);
	}
	/* cannot fail: the store has just had room for this record */
	pos = game_store_insert(&g->store, rec);
	touched = resolve_players(g, rec, ev);
	/* the fold goes back to the earlier of its two places */
	game_derive_dirty(g, (size_t)(was >= 0 && was < pos ? was : pos));
	rec->updated_gen = changed(g);
	game_touch(g, GAME_TOUCH_PLAYS | GAME_TOUCH_PLAYS_REWRITTEN | touched);
	return 1;
}

/*
 * A correction: a statistic already shown is changed or gone in the new
 * version (an added one, the assist arriving after the basket, is an
 * enrichment).  Once corrected, a play stays marked.
 */
static bool
same_stat(const struct cs_stat *a, const struct cs_stat *b)
{
	return a->type == b->type && a->side == b->side && a->made == b->made &&
	    a->three == b->three && a->offensive == b->offensive &&
	    a->points == b->points && strcmp(a->player.id, b->player.id) == 0;
}

/* Whether two versions of a play differ only in what the fold never
 * reads: its text and the corrected mark (a typo fixed, a re-send flagged
 * as revised).  Any other difference, padding included, says no. */
static bool
text_only(const struct cs_event *old, const struct cs_event *next)
{
	struct cs_event a, b;
	size_t kept = game_event_kept(next->nstats);

	if (old->nstats != next->nstats)
		return false;
	/* old is a record's: it ends after its statistics */
	memcpy(&a, old, kept);
	memcpy(&b, next, kept);
	memset(a.description, 0, sizeof a.description);
	memset(b.description, 0, sizeof b.description);
	a.corrected = b.corrected = false;
	return memcmp(&a, &b, kept) == 0;
}

static bool
corrects(const struct cs_event *old, const struct cs_event *next)
{
	int i, j;

	if (old->corrected)
		return true;
	for (i = 0; i < old->nstats; i++) {
		for (j = 0; j < next->nstats; j++)
			if (same_stat(&old->stats[i], &next->stats[j]))
				break;
		if (j == next->nstats)
			return true;
	}
	return false;
}

int
game_upsert(struct game *g, const struct cs_event *ev)
{
	struct cs_event norm;
	struct record *rec;

	game_event_normalize(&norm, ev);
	if (norm.id[0] == '\0' || norm.period.sequence < 1 ||
	    norm.period.sequence > CS_PERIODS_MAX)
		return -1;
	/* the fold's period arrays grow here, where failing can be said */
	if (game_periods_room(g, norm.period.sequence) < 0)
		return -1;
	rec = game_store_find(&g->store, norm.id);
	if (rec == NULL)
		return add_event(g, &norm);
	if (corrects(&rec->ev, &norm))
		norm.corrected = true;
	if (game_record_same(rec, &norm) && rec->court_hash == court_hash(&norm))
		return 0;   /* a re-send: nothing changes, not even the generation */
	if (text_only(&rec->ev, &norm) && rec->court_hash == court_hash(&norm)) {
		/* the fold reads neither: the record is rewritten where it
		 * stands, the plays redrawn, nothing re-derived */
		bool fresh = game_fresh(g);

		keep_event(rec, &norm);   /* as many statistics: it has room */
		rec->updated_gen = changed(g);
		if (fresh)   /* the views read nothing that moved: no finishing */
			g->d.finished_gen = g->generation;
		game_touch(g, GAME_TOUCH_PLAYS | GAME_TOUCH_PLAYS_REWRITTEN);
		return 1;
	}
	return replace_event(g, rec, &norm);
}

int
game_delete(struct game *g, const char *id)
{
	struct record *rec;
	long pos;

	if (id == NULL || id[0] == '\0')
		return 0;
	rec = game_store_find(&g->store, id);
	if (rec == NULL)
		return 0;
	pos = game_store_remove(&g->store, rec);
	free(rec);
	if (pos >= 0)
		game_derive_dirty(g, (size_t)pos);
	changed(g);
	game_touch(g, GAME_TOUCH_PLAYS | GAME_TOUCH_PLAYS_REWRITTEN);
	return 1;
}

void
game_set_clock(struct game *g, const struct cs_clock *clock)
{
	struct cs_clock c;

	if (clock->period.sequence < 1 || clock->period.sequence > CS_PERIODS_MAX ||
	    clock->clock < 0)
		return;
	memset(&c, 0, sizeof c);
	c.period.type = (unsigned)clock->period.type <= CS_PERIOD_OVERTIME ?
	    clock->period.type : CS_PERIOD_QUARTER;
	c.period.number = clock->period.number;
	c.period.sequence = clock->period.sequence;
	c.clock = clock->clock;
	c.shot_clock = clock->shot_clock >= 0 ? clock->shot_clock : CS_NO_CLOCK;
	c.running = clock->running;
	if (g->has_clock && memcmp(&c, &g->clock, sizeof c) == 0)
		return;
	/* a new period changes team fouls and the bonus; the clock running on
	 * within one changes nothing the panes show */
	if (!g->has_clock || c.period.sequence != g->clock.period.sequence) {
		g->clock_gen = changed(g);
		game_touch(g, GAME_TOUCH_PERIOD | GAME_TOUCH_BOX | GAME_TOUCH_CLOCK);
	} else {
		g->clock_gen = ++g->generation;
		/* the Team pane's droughts and run run with it, by the second */
		if (c.clock / 10 != g->clock.clock / 10)
			game_touch(g, GAME_TOUCH_CLOCK);
	}
	g->clock = c;
	g->has_clock = true;
}

/* Published totals: the highest version per (side, player or team) wins. */
void
game_set_published(struct game *g, const struct cs_published_stats *st)
{
	struct cs_published_stats p, *slot = NULL;
	int i, c;

	if (st->side != CS_HOME && st->side != CS_AWAY)
		return;
	memset(&p, 0, sizeof p);
	p.side = st->side;
	cs_sanitize(p.player_id, st->player_id, sizeof p.player_id);
	p.version = st->version;
	for (c = 0; c < CS_COL_COUNT; c++)
		p.value[c] = st->value[c] >= 0 ? st->value[c] : CS_UNKNOWN;
	for (i = 0; i < g->npublished && slot == NULL; i++)
		if (g->published[i].side == p.side &&
		    strcmp(g->published[i].player_id, p.player_id) == 0)
			slot = &g->published[i];
	if (slot != NULL) {
		if (p.version < slot->version || memcmp(&p, slot, sizeof p) == 0)
			return;
	} else {
		if (g->npublished >= GAME_PUBLISHED_MAX)
			return;
		slot = &g->published[g->npublished++];
	}
	*slot = p;
	changed(g);
	game_touch(g, GAME_TOUCH_PUBLISHED | GAME_TOUCH_BOX);
}

/* A provider's own possession: kept apart from the derived ones. */
int
game_set_possession(struct game *g, const struct cs_possession *p)
{
	int rc = cs_possessions_upsert(g->st_possessions, p);

	if (rc > 0) {
		changed(g);
		game_touch(g, GAME_TOUCH_POSSESSIONS);
	}
	return rc;
}

int
game_add_video(struct game *g, const struct cs_video_segment *v)
{
	int rc = cs_possessions_add_video(g->st_possessions, v);

	if (rc > 0) {
		changed(g);
		game_touch(g, GAME_TOUCH_POSSESSIONS);
	}
	return rc;
}

void
game_reset_possessions(struct game *g)
{
	if (cs_possessions_count(g->st_possessions) == 0 &&
	    cs_possessions_video_count(g->st_possessions) == 0)
		return;
	cs_possessions_clear(g->st_possessions);
	changed(g);
	game_touch(g, GAME_TOUCH_POSSESSIONS);
}

int
game_toggle_mark(struct game *g, const char *event_id)
{
	int rc = cs_possessions_toggle_mark(g->st_possessions, event_id);

	/* the plays pane may show the mark on an older play */
	if (rc >= 0) {
		changed(g);
		game_touch(g, GAME_TOUCH_POSSESSIONS | GAME_TOUCH_PLAYS |
		    GAME_TOUCH_PLAYS_REWRITTEN);
	}
	return rc;
}

const struct cs_possessions *
game_view_possessions(const struct game *g)
{
	return g->st_possessions;
}

/* --- the sink ------------------------------------------------------------ */

static void
sink_event(void *ctx, const struct cs_event *ev)
{
	(void)game_upsert(ctx, ev);
}

static void
sink_delete(void *ctx, const char *id)
{
	(void)game_delete(ctx, id);
}

static void
sink_game(void *ctx, const struct cs_game_info *info)
{
	game_set_info(ctx, info);
}

static void
sink_clock(void *ctx, const struct cs_clock *clock)
{
	game_set_clock(ctx, clock);
}

static void
sink_published(void *ctx, const struct cs_published_stats *st)
{
	game_set_published(ctx, st);
}

static void
sink_possession(void *ctx, const struct cs_possession *p)
{
	(void)game_set_possession(ctx, p);
}

static void
sink_video(void *ctx, const struct cs_video_segment *v)
{
	(void)game_add_video(ctx, v);
}

static void
sink_possessions_reset(void *ctx)
{
	game_reset_possessions(ctx);
}

struct cs_sink
game_sink(struct game *g)
{
	struct cs_sink sink = {
		.ctx = g,
		.event = sink_event,
		.delete_event = sink_delete,
		.game = sink_game,
		.clock = sink_clock,
		.published = sink_published,
		.warning = NULL,
		.possession = sink_possession,
		.video = sink_video,
		.possessions_reset = sink_possessions_reset,
	};

	return sink;
}

/* --- views --------------------------------------------------------------- */

size_t
game_event_count(const struct game *g)
{
	return g->store.n;
}

const struct box_team *
game_team(struct game *g, int side)
{
	if (side != CS_HOME && side != CS_AWAY)
		return NULL;
	game_derive_refresh(g);
	return &g->team[side];
}

/*
 * The length of a derived list, after bringing the lists up to date: read
 * the list itself only after this (a refresh may move it).
 */
static size_t
fresh_count(struct game *g, const size_t *count)
{
	game_derive_refresh(g);
	return *count;
}

size_t
game_play_count(struct game *g)
{
	return fresh_count(g, &g->d.nplays);
}

const struct play *
game_play(struct game *g, size_t i)
{
	return i < fresh_count(g, &g->d.nplays) ? &g->d.plays[i] : NULL;
}

size_t
game_shot_count(struct game *g)
{
	return fresh_count(g, &g->d.nshots);
}

const struct shot *
game_shot(struct game *g, size_t i)
{
	return i < fresh_count(g, &g->d.nshots) ? &g->d.shots[i] : NULL;
}

size_t
game_unit_count(struct game *g)
{
	return fresh_count(g, &g->d.nunits);
}

const struct unit *
game_unit(struct game *g, size_t i)
{
	return i < fresh_count(g, &g->d.nunits) ? &g->d.units[i].u : NULL;
}

struct cs_period
game_period(struct game *g)
{
	int clock;

	game_derive_refresh(g);
	return game_now(g, &clock);
}

int
game_clock(struct game *g)
{
	int clock;

	game_derive_refresh(g);
	(void)game_now(g, &clock);
	return clock;
}

bool
game_clock_running(const struct game *g)
{
	return game_live_clock_in_force(g) && g->clock.running;
}

int
game_player_index(const struct game *g, int side, const char *id)
{
	if (side != CS_HOME && side != CS_AWAY)
		return -1;
	return game_roster_find(&g->roster[side], id);
}

int
game_mismatch_count(struct game *g)
{
	game_derive_refresh(g);
	return g->mismatches;
}

uint64_t
game_generation(const struct game *g)
{
	return g->generation;
}

uint64_t
game_content_generation(const struct game *g)
{
	return g->content_gen;
}

/* Starters first, then roster order, then learned players in arrival order. */
static int
box_rank(const struct roster *r, int i)
{
	int rank = r->roster_pos[i] >= 0 ? r->roster_pos[i] : CS_ROSTER_MAX + i;

	if (!r->players[i].info.starter)
		rank += CS_ROSTER_MAX + GAME_PLAYERS_MAX;
	return rank;
}

size_t
game_box_order(struct game *g, int side, int *order, size_t max)
{
	const struct roster *r;
	int all[GAME_PLAYERS_MAX], i, j, v;

	if (side != CS_HOME && side != CS_AWAY)
		return 0;
	game_derive_refresh(g);   /* starters may come from the first five */
	r = &g->roster[side];
	/* insertion sort: at most GAME_PLAYERS_MAX entries */
	for (i = 0; i < r->n; i++) {
		v = i;
		for (j = i; j > 0 && box_rank(r, all[j - 1]) > box_rank(r, v); j--)
			all[j] = all[j - 1];
		all[j] = v;
	}
	if ((size_t)r->n < max)
		max = (size_t)r->n;
	memcpy(order, all, max * sizeof *order);
	return max;
}

/* Whether the game is over: its last play ends the game, or the provider's
 * status says it is ("closed", "complete"). */
static bool
game_final(const struct game *g)
{
	const char *status = g->info.status;

	if (g->store.n > 0 && g->store.order[g->store.n - 1]->ev.type == CS_EV_GAME_END)
		return true;
	return strcmp(status, "closed") == 0 || strcmp(status, "complete") == 0;
}

const char *
game_final_text(struct game *g, char *buf, size_t size)
{
	game_derive_refresh(g);
	return game_view_final_text(g, buf, size);
}

/* --- read-only views of a fresh model ------------------------------------ */

void
game_refresh(struct game *g)
{
	game_derive_refresh(g);
}

bool
game_fresh(const struct game *g)
{
	return !g->d.stale && g->d.folded == g->store.n && g->d.finished_gen == g->generation;
}

/* What every view below reads: the fold as the last refresh left it. */
static const struct derived *
fresh(const struct game *g)
{
	assert(game_fresh(g));
	return &g->d;
}

const struct box_team *
game_view_team(const struct game *g, int side)
{
	if (side != CS_HOME && side != CS_AWAY)
		return NULL;
	(void)fresh(g);
	return &g->team[side];
}

size_t
game_view_play_count(const struct game *g)
{
	return fresh(g)->nplays;
}

const struct play *
game_view_play(const struct game *g, size_t i)
{
	const struct derived *d = fresh(g);

	return i < d->nplays ? &d->plays[i] : NULL;
}

size_t
game_view_shot_count(const struct game *g)
{
	return fresh(g)->nshots;
}

const struct shot *
game_view_shot(const struct game *g, size_t i)
{
	const struct derived *d = fresh(g);

	return i < d->nshots ? &d->shots[i] : NULL;
}

size_t
game_view_unit_count(const struct game *g)
{
	return fresh(g)->nunits;
}

const struct unit *
game_view_unit(const struct game *g, size_t i)
{
	const struct derived *d = fresh(g);

	return i < d->nunits ? &d->units[i].u : NULL;
}

struct cs_period
game_view_period(const struct game *g)
{
	int clock;

	(void)fresh(g);
	return game_now(g, &clock);
}

int
game_view_clock(const struct game *g)
{
	int clock;

	(void)fresh(g);
	(void)game_now(g, &clock);
	return clock;
}

int
game_view_mismatch_count(const struct game *g)
{
	(void)fresh(g);
	return g->mismatches;
}

const char *
game_view_final_text(const struct game *g, char *buf, size_t size)
{
	struct cs_period p;
	int overtimes;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (!game_final(g))
		return buf;
	p = game_view_period(g);
	overtimes = game_rules_is_overtime(&g->rules, p.sequence, p.type) ?
	    p.sequence - g->rules.periods : 0;
	if (overtimes <= 0)
		snprintf(buf, size, "Final");
	else if (overtimes == 1)
		snprintf(buf, size, "Final/OT");
	else
		snprintf(buf, size, "Final/%dOT", overtimes);
	return buf;
}
