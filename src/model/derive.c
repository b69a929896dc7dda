/*
 * The fold: everything the model shows is computed by folding the stored
 * events, in game order, through fold_event().  The same function serves
 * every path: appending (fold the new events onto the current state),
 * a change in the past (back to the checkpoint before it, then fold on)
 * and re-deriving (reset, then fold everything), so they cannot disagree.
 * After folding, finish() turns the running state into the views of
 * model/game.h (seconds from tenths, flags, bonus, mismatches).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/game_int.h"

#define OTHER(side) (1 - (side))

/* An array with room for item `n`, grown by doubling; NULL when out of
 * memory (the item is then left out, which only shortens a list). */
static void *
room_for(void *items, size_t *cap, size_t n, size_t size)
{
	size_t want;
	void *p;

	if (n < *cap)
		return items;
	want = *cap ? *cap * 2 : 64;
	p = realloc(items, want * size);
	if (p != NULL)
		*cap = want;
	return p;
}

static void
lineup_clear(struct lineup *l)
{
	int k;

	for (k = 0; k < CS_ON_COURT; k++)
		l->p[k] = -1;
	l->unit = -1;
	l->known = false;
}

static void
reset(struct game *g)
{
	struct derived *d = &g->d;
	int s, i;

	d->folded = 0;
	d->stale = false;
	d->period = 0;
	d->period_type = CS_PERIOD_QUARTER;
	d->clock = CS_NO_CLOCK;
	d->nperiods = 0;
	d->leader = CS_SIDE_NONE;
	d->nplays = d->nshots = d->nunits = 0;
	for (s = 0; s < 2; s++) {
		/* the period arrays stay: only their contents go */
		struct period_side *per = d->side[s].per;
		int cap = d->side[s].cap_per;

		if (cap > 0)
			memset(per, 0, (size_t)cap * sizeof *per);
		memset(&d->side[s], 0, sizeof d->side[s]);
		d->side[s].per = per;
		d->side[s].cap_per = cap;
	}
	game_analytics_reset(g);
	for (s = 0; s < 2; s++) {
		d->side[s].timeouts_remaining = CS_UNKNOWN;
		lineup_clear(&d->side[s].five);
		d->trip[s].active = false;
		for (i = 0; i < g->roster[s].n; i++) {
			memset(&g->roster[s].players[i].line, 0, sizeof (struct statline));
			g->roster[s].tenths[i] = 0;
		}
	}
}

/* --- the fold's copy of the events ------------------------------------- */

_Static_assert(GAME_PLAYERS_MAX <= INT8_MAX + 1, "fold_stat.player is an int8_t");
_Static_assert(CS_PERIODS_MAX <= UINT8_MAX, "fold_rec.period_sequence is a uint8_t");
_Static_assert(CS_STAT_TYPE_COUNT <= 16, "fold_rec.stat_types is 16 bits");
_Static_assert(CS_EV_TYPE_COUNT <= UINT8_MAX, "fold_rec.type is a uint8_t");
_Static_assert(sizeof(struct fold_rec) <= 64, "a fold record is one cache line");

void
game_fold_rec_make(struct fold_rec *fr, const struct cs_event *ev)
{
	int i;

	memset(fr, 0, sizeof *fr);
	fr->clock = ev->clock;
	fr->period_number = ev->period.number;
	fr->period_sequence = (uint8_t)ev->period.sequence;
	fr->period_type = (uint8_t)ev->period.type;
	fr->type = (uint8_t)ev->type;
	fr->side = (int8_t)ev->side;
	fr->provider = (uint8_t)ev->provider;
	fr->qualifiers = ev->qualifiers;
	if (ev->has_location) {
		fr->has |= FOLD_LOCATION;
		fr->x = ev->x;
		fr->y = ev->y;
	}
	for (i = 0; i < 2; i++)
		if (ev->has_on_court[i])
			fr->has |= FOLD_COURT(i);
	fr->nstats = (uint8_t)ev->nstats;
	for (i = 0; i < ev->nstats; i++) {
		const struct cs_stat *st = &ev->stats[i];
		struct fold_stat *fs = &fr->stats[i];

		fs->type = (uint8_t)st->type;
		fs->side = (int8_t)st->side;
		fs->bits = (uint8_t)((st->made ? FOLD_MADE : 0) | (st->three ? FOLD_THREE : 0) |
		    (st->offensive ? FOLD_OFFENSIVE : 0) |
		    ((unsigned)st->points << FOLD_POINTS_SHIFT));
		fs->player = -1;
		fr->stat_types |= (uint16_t)(1u << st->type);
	}
}

/* --- lineups and units --------------------------------------------------- */

static int
find_unit(struct game *g, int side, const int16_t p[CS_ON_COURT])
{
	struct derived *d = &g->d;
	struct unit_acc *ua;
	size_t i;
	int k;

	for (k = 0; k < CS_ON_COURT; k++)
		if (p[k] < 0)
			return -1;   /* not a full five */
	for (i = 0; i < d->nunits; i++) {
		ua = &d->units[i];
		if (ua->u.side != side)
			continue;
		for (k = 0; k < CS_ON_COURT && ua->u.players[k] == p[k]; k++)
			;
		if (k == CS_ON_COURT)
			return (int)i;
	}
	if (d->nunits >= GAME_UNITS_MAX)
		return -1;
	ua = room_for(d->units, &d->cap_units, d->nunits, sizeof *d->units);
	if (ua == NULL)
		return -1;
	d->units = ua;
	ua = &d->units[d->nunits];
	memset(ua, 0, sizeof *ua);
	ua->u.side = side;
	for (k = 0; k < CS_ON_COURT; k++)
		ua->u.players[k] = p[k];
	return (int)d->nunits++;
}

/* Time and +/- to a five's players and unit. */
static void
pay(struct game *g, int side, const struct lineup *five, int tenths, int pm,
    int pts_for, int pts_against)
{
	struct unit_acc *ua;
	int k;

	for (k = 0; k < CS_ON_COURT; k++) {
		if (five->p[k] >= 0) {
			g->roster[side].tenths[five->p[k]] += tenths;
			g->roster[side].players[five->p[k]].line.plus_minus += pm;
		}
	}
	if (five->unit >= 0) {
		ua = &g->d.units[five->unit];
		ua->tenths += tenths;
		ua->u.plus_minus += pm;
		ua->u.points_for += pts_for;
		ua->u.points_against += pts_against;
	}
}

/* What the five on court is owed, paid before it changes or is read. */
static void
pay_five(struct game *g, int side)
{
	struct side_state *st = &g->d.side[side];

	if ((st->owed_tenths | st->owed_pm | st->owed_for | st->owed_against) == 0)
		return;
	pay(g, side, &st->five, st->owed_tenths, st->owed_pm, st->owed_for,
	    st->owed_against);
	st->owed_tenths = st->owed_pm = st->owed_for = st->owed_against = 0;
}

static void
credit_time(struct game *g, int side, int tenths)
{
	struct side_state *st = &g->d.side[side];

	st->owed_tenths += tenths;
	st->stint_tenths += tenths;
}

/* +/- for one side's five: `pm` signed, plus points for and against. */
static void
credit_points(struct game *g, int side, const struct lineup *five, int pm,
    int pts_for, int pts_against)
{
	struct side_state *st = &g->d.side[side];

	if (!five->known) {
		if (!st->five_this_period) {
			st->pending_pm += pm;
			st->pending_for += pts_for;
			st->pending_against += pts_against;
		}
		return;
	}
	if (five == &st->five) {
		st->owed_pm += pm;
		st->owed_for += pts_for;
		st->owed_against += pts_against;
		return;
	}
	pay(g, side, five, 0, pm, pts_for, pts_against);   /* a free-throw trip's five */
}

static void
sort_five(int16_t p[CS_ON_COURT])
{
	int i, j;
	int16_t v;

	for (i = 1; i < CS_ON_COURT; i++) {
		v = p[i];
		for (j = i; j > 0 && p[j - 1] > v; j--)
			p[j] = p[j - 1];
		p[j] = v;
	}
}

/* Sorted, with a player listed twice (bad data) counted once. */
static void
clean_five(int16_t p[CS_ON_COURT])
{
	int k;
	bool twice = false;

	sort_five(p);
	for (k = 1; k < CS_ON_COURT; k++) {
		if (p[k] >= 0 && p[k] == p[k - 1]) {
			p[k - 1] = -1;
			twice = true;
		}
	}
	if (twice)
		sort_five(p);
}

/*
 * A new five for `side`.  The first five of a period started it, so what
 * happened before we knew it (pending) is theirs, unless the five came
 * from a substitution, whose list is the five after the change.
 */
static void
set_five(struct game *g, int side, const int16_t refs[CS_ON_COURT], bool starts_period)
{
	struct side_state *st = &g->d.side[side];
	int16_t p[CS_ON_COURT];

	memcpy(p, refs, sizeof p);
	clean_five(p);
	pay_five(g, side);   /* the five going off is paid first */
	if (memcmp(p, st->five.p, sizeof p) != 0)
		st->stint_tenths = 0;
	memcpy(st->five.p, p, sizeof p);
	st->five.unit = find_unit(g, side, p);
	st->five.known = true;
	if (st->five_this_period)
		return;
	st->five_this_period = true;
	if (starts_period) {
		credit_time(g, side, st->pending_tenths);
		credit_points(g, side, &st->five, st->pending_pm, st->pending_for,
		    st->pending_against);
	}
	st->pending_tenths = st->pending_pm = st->pending_for = st->pending_against = 0;
	if (g->d.period == 1 && !st->has_first_five) {
		st->has_first_five = true;
		memcpy(st->first_five, p, sizeof p);
	}
}

/* --- the clock ----------------------------------------------------------- */

static void
start_period(struct game *g, const struct fold_rec *fr)
{
	struct derived *d = &g->d;
	int s;

	d->period = fr->period_sequence;
	d->period_type = (enum cs_period_type)fr->period_type;
	if (d->period > d->nperiods)
		d->nperiods = d->period;
	/* time counts from the first event with a clock (real feeds open a
	 * period at its full clock); the period length is not assumed, since
	 * games with other lengths may not say so */
	d->clock = CS_NO_CLOCK;
	for (s = 0; s < 2; s++) {
		struct side_state *st = &d->side[s];

		d->trip[s].active = false;
		st->five.known = false;   /* p[] kept: same five again keeps its stint */
		st->five_this_period = false;
		st->pending_tenths = st->pending_pm = 0;
		st->pending_for = st->pending_against = 0;
	}
}

/*
 * Time since the previous event goes to the fives on court before this
 * event; an end of period runs the clock out.  The clock only runs down:
 * an event whose clock is higher than one already seen credits nothing.
 */
static void
run_clock(struct game *g, const struct fold_rec *fr)
{
	struct derived *d = &g->d;
	int now = fr->type == CS_EV_PERIOD_END ? 0 : fr->clock;
	int s, elapsed;

	if (now < 0)
		return;
	if (d->clock >= 0 && d->clock <= now)
		return;
	elapsed = d->clock >= 0 ? d->clock - now : 0;
	d->clock = now;
	if (elapsed > 0)
		game_analytics_clock(g, elapsed);
	for (s = 0; s < 2 && elapsed > 0; s++) {
		struct side_state *st = &d->side[s];

		if (st->five.known)
			credit_time(g, s, elapsed);
		else if (!st->five_this_period)
			st->pending_tenths += elapsed;
	}
}

/* --- statistics ---------------------------------------------------------- */

/* Points to `side`; +/- to both fives (free throws: the fives at the foul
 * that sent `side` to the line). */
static void
score(struct game *g, int side, int pts, bool free_throw)
{
	struct derived *d = &g->d;
	const struct ft_trip *trip = &d->trip[side];
	const struct lineup *five;
	int s;

	d->side[side].points += pts;
	d->side[side].per[d->period - 1].points += pts;
	for (s = 0; s < 2; s++) {
		five = free_throw && trip->active ? &trip->five[s] : &d->side[s].five;
		if (s == side)
			credit_points(g, s, five, pts, pts, 0);
		else
			credit_points(g, s, five, -pts, 0, pts);
	}
}

static void
add_shot(struct game *g, const struct fold_rec *fr, const struct cs_event *ev,
    const struct fold_stat *st, int player)
{
	struct derived *d = &g->d;
	struct shot *sh = room_for(d->shots, &d->cap_shots, d->nshots, sizeof *d->shots);

	if (sh == NULL)
		return;
	d->shots = sh;
	sh = &d->shots[d->nshots++];
	sh->ev = ev;
	sh->side = st->side;
	sh->player = player;
	sh->made = (st->bits & FOLD_MADE) != 0;
	sh->three = (st->bits & FOLD_THREE) != 0;
	sh->x = fr->x;
	sh->y = fr->y;
	sh->period_sequence = fr->period_sequence;
}

static void
field_goal(struct game *g, const struct fold_rec *fr, const struct cs_event *ev,
    const struct fold_stat *st, int player)
{
	struct statline *tot = &g->d.side[st->side].totals, *line = NULL;
	bool made = st->bits & FOLD_MADE;
	int three = (st->bits & FOLD_THREE) != 0, pts;

	/* a missed end-of-period heave is the team's attempt, not the shooter's */
	if (player >= 0 && (fr->type != CS_EV_HEAVE || made))
		line = &g->roster[st->side].players[player].line;
	else
		player = -1;
	tot->fga++;
	tot->tpa += three;
	if (line != NULL) {
		line->fga++;
		line->tpa += three;
	}
	if (made) {
		pts = FOLD_POINTS(st) > 0 ? FOLD_POINTS(st) : three ? 3 : 2;
		tot->fgm++;
		tot->tpm += three;
		tot->pts += pts;
		if (line != NULL) {
			line->fgm++;
			line->tpm += three;
			line->pts += pts;
		}
		score(g, st->side, pts, false);
	}
	if (fr->has & FOLD_LOCATION)
		add_shot(g, fr, ev, st, player);
}

static void
free_throw(struct game *g, const struct fold_stat *st, struct statline *line)
{
	struct statline *tot = &g->d.side[st->side].totals;
	int pts;

	tot->fta++;
	if (line != NULL)
		line->fta++;
	if (!(st->bits & FOLD_MADE))
		return;
	pts = FOLD_POINTS(st) > 0 ? FOLD_POINTS(st) : 1;
	tot->ftm++;
	tot->pts += pts;
	if (line != NULL) {
		line->ftm++;
		line->pts += pts;
	}
	score(g, st->side, pts, true);
}

static void
team_foul(struct game *g, int side)
{
	struct derived *d = &g->d;
	int fp = game_rules_foul_period(&g->rules, d->period);

	d->side[side].per[fp].fouls++;
	if (d->clock >= 0 && d->clock <= GAME_LAST_TWO_MIN)
		d->side[side].per[fp].fouls_last_two++;
}

#define STAT_BIT(t) (1u << (t))

static bool
has_stat(const struct fold_rec *fr, unsigned types)
{
	return (fr->stat_types & types) != 0;
}

/* A flagrant foul 2, which ejects: only Sportradar tells it from a 1. */
static bool
flagrant_two(const struct fold_rec *fr, const struct cs_event *ev)
{
	return fr->type == CS_EV_FLAGRANT_FOUL && strcmp(ev->provider_type, "flagranttwo") == 0;
}

/* Adds 1 to a counting column of the team and, when there is one, the player. */
#define COUNT(field) do {				\
		tot->field++;				\
		if (line != NULL)			\
			line->field++;			\
	} while (0)

static void
count_stats(struct game *g, const struct fold_rec *fr, const struct cs_event *ev)
{
	int team_fouls = -1;   /* asked of the rules at the first personal foul */
	int i;

	for (i = 0; i < fr->nstats; i++) {
		const struct fold_stat *st = &fr->stats[i];
		int side = st->side, player = st->player;
		struct side_state *ss;
		struct statline *tot, *line;

		if (side == CS_SIDE_NONE)
			continue;
		ss = &g->d.side[side];
		tot = &ss->totals;
		line = player >= 0 ? &g->roster[side].players[player].line : NULL;
		switch (st->type) {
		case CS_STAT_FIELD_GOAL:
			field_goal(g, fr, ev, st, player);
			break;
		case CS_STAT_FREE_THROW:
			free_throw(g, st, line);
			break;
		case CS_STAT_REBOUND:
			if (st->bits & FOLD_OFFENSIVE)
				COUNT(oreb);
			else
				COUNT(dreb);
			COUNT(reb);
			ss->team_rebounds += line == NULL;
			break;
		case CS_STAT_ASSIST:
			COUNT(ast);
			break;
		case CS_STAT_STEAL:
			COUNT(stl);
			break;
		case CS_STAT_BLOCK:
			COUNT(blk);
			break;
		case CS_STAT_TURNOVER:
			COUNT(tov);
			ss->team_turnovers += line == NULL;
			break;
		case CS_STAT_PERSONAL_FOUL:
			COUNT(pf);
			if (flagrant_two(fr, ev))
				COUNT(flagrant2);
			if (team_fouls < 0)
				team_fouls = game_rules_team_foul(&g->rules, ev);
			if (team_fouls)
				team_foul(g, side);
			break;
		case CS_STAT_FLAGRANT_FOUL:
			/* a marker beside the PF, or alone: one ejection either way */
			if (flagrant_two(fr, ev) && !has_stat(fr, STAT_BIT(CS_STAT_PERSONAL_FOUL)))
				COUNT(flagrant2);
			break;
		case CS_STAT_TECHNICAL_FOUL:
			COUNT(tf);
			/* a player's technical is a team foul in some rule books */
			if (g->rules.technical_fouls_are_team_fouls && line != NULL &&
			    !has_stat(fr, STAT_BIT(CS_STAT_PERSONAL_FOUL)))
				team_foul(g, side);
			break;
		default:   /* markers: fouldrawn, offensivefoul, technical, flagrant... */
			break;
		}
	}
}

#undef COUNT

/* --- free-throw lineups -------------------------------------------------- */

/* A rebound that keeps a trip going: a dead ball, or the team's. */
static bool
dead_ball_rebound(const struct fold_rec *fr)
{
	int i;

	if (fr->qualifiers & (CS_Q_DEADBALL | CS_Q_TEAM))
		return true;
	for (i = 0; i < fr->nstats; i++)
		if (fr->stats[i].type == CS_STAT_REBOUND && fr->stats[i].player >= 0)
			return false;
	return true;
}

/* Live play after which free throws can no longer belong to an earlier
 * foul.  A timeout, a substitution or another foul is not. */
static bool
ends_free_throws(const struct fold_rec *fr)
{
	switch (fr->type) {
	case CS_EV_TWO_MADE: case CS_EV_TWO_MISSED:
	case CS_EV_THREE_MADE: case CS_EV_THREE_MISSED:
	case CS_EV_HEAVE: case CS_EV_TURNOVER: case CS_EV_JUMP_BALL:
		return true;
	case CS_EV_REBOUND:
		return !dead_ball_rebound(fr);
	default:
		if (has_stat(fr, STAT_BIT(CS_STAT_FIELD_GOAL) | STAT_BIT(CS_STAT_TURNOVER)))
			return true;
		return has_stat(fr, STAT_BIT(CS_STAT_REBOUND)) && !dead_ball_rebound(fr);
	}
}

#define FOUL_STATS (STAT_BIT(CS_STAT_PERSONAL_FOUL) | STAT_BIT(CS_STAT_TECHNICAL_FOUL) | \
	STAT_BIT(CS_STAT_FLAGRANT_FOUL))

static bool
is_foul(const struct fold_rec *fr)
{
	switch (fr->type) {
	case CS_EV_PERSONAL_FOUL: case CS_EV_SHOOTING_FOUL:
	case CS_EV_TECHNICAL_FOUL: case CS_EV_FLAGRANT_FOUL:
		return true;
	default:
		return has_stat(fr, FOUL_STATS);
	}
}

static void
trip_open(struct game *g, int shooter)
{
	struct ft_trip *trip = &g->d.trip[shooter];

	trip->five[CS_HOME] = g->d.side[CS_HOME].five;
	trip->five[CS_AWAY] = g->d.side[CS_AWAY].five;
	trip->active = true;
}

/* A foul opens a trip for the side fouled: the opponent of the team the
 * foul is charged to (both sides when the feed does not say). */
static void
foul_called(struct game *g, const struct fold_rec *fr)
{
	bool side_known[2] = { false, false };
	int i, s;

	for (i = 0; i < fr->nstats; i++) {
		s = fr->stats[i].side;
		if ((FOUL_STATS & STAT_BIT(fr->stats[i].type)) && s != CS_SIDE_NONE)
			side_known[s] = true;
	}
	if (!side_known[CS_HOME] && !side_known[CS_AWAY] && fr->side != CS_SIDE_NONE)
		side_known[fr->side] = true;
	for (s = 0; s < 2; s++)
		if (side_known[s] || (!side_known[CS_HOME] && !side_known[CS_AWAY]))
			trip_open(g, OTHER(s));
}

/* A team timeout: counted per period, and in the profile's late window. */
static void
timeout_taken(struct game *g, const struct fold_rec *fr, const struct cs_event *ev)
{
	struct derived *d = &g->d;
	struct side_state *st = &d->side[fr->side];
	int clock = fr->clock >= 0 ? fr->clock : d->clock;
	int p = d->period - 1;

	st->per[p].timeouts++;
	if (g->rules.timeouts_late_max > 0 && clock >= 0 &&
	    clock <= g->rules.timeouts_late_tenths)
		st->per[p].timeouts_late++;
	/* the latest timeout's figure, or none when it sent none */
	st->timeouts_remaining = ev->timeouts_remaining;
	st->timeouts_remaining_period = d->period;
	st->timeouts_remaining_clock = clock;
}

/* --- plays and the fold -------------------------------------------------- */

static void
add_play(struct game *g, const struct cs_event *ev, int home_before, int away_before)
{
	struct derived *d = &g->d;
	int home = d->side[CS_HOME].points, away = d->side[CS_AWAY].points;
	int leader = home > away ? CS_HOME : away > home ? CS_AWAY : CS_SIDE_NONE;
	struct play *pl = room_for(d->plays, &d->cap_plays, d->nplays, sizeof *d->plays);

	if (pl == NULL)
		return;
	d->plays = pl;
	pl = &d->plays[d->nplays++];
	pl->ev = ev;
	pl->sub_in[0] = pl->sub_in[1] = pl->sub_out[0] = pl->sub_out[1] = 0;
	pl->home_score = home;
	pl->away_score = away;
	pl->scoring = home != home_before || away != away_before;
	/* a tie is not a lead; the first lead of the game changes nothing */
	pl->lead_change = leader != CS_SIDE_NONE && d->leader != CS_SIDE_NONE &&
	    leader != d->leader;
	if (leader != CS_SIDE_NONE)
		d->leader = leader;
}

_Static_assert(GAME_PLAYERS_MAX <= 64, "struct play's sub_in/sub_out are 64-bit sets");

/* Who a substitution brought on and took off, against the five before
 * it (the pane reads "IN Jokic, Murray · OUT Braun, Gordon"). */
static void
note_substitution(struct game *g, const int16_t before[2][CS_ON_COURT], size_t nplays)
{
	struct derived *d = &g->d;
	/* the play just added; none when add_play ran out of memory */
	struct play *pl = d->nplays == nplays + 1 ? &d->plays[nplays] : NULL;
	uint64_t was, now;
	int s, k;

	for (s = 0; s < 2 && pl != NULL; s++) {
		was = now = 0;
		for (k = 0; k < CS_ON_COURT; k++) {
			if (before[s][k] >= 0 && before[s][k] < GAME_PLAYERS_MAX)
				was |= UINT64_C(1) << before[s][k];
			if (d->side[s].five.p[k] >= 0 && d->side[s].five.p[k] < GAME_PLAYERS_MAX)
				now |= UINT64_C(1) << d->side[s].five.p[k];
		}
		/* nothing known before: the whole five came on */
		pl->sub_in[s] = now & ~was;
		pl->sub_out[s] = was & ~now;
	}
}

/* Folds one record: its fold_rec, and the stored event itself only for
 * what a rare play needs (on-court lists, timeouts left, flagrant twos). */
static void
fold_event(struct game *g, const struct record *rec)
{
	const struct fold_rec *fr = &rec->fold;
	const struct cs_event *ev = &rec->ev;
	struct derived *d = &g->d;
	bool substitution = fr->type == CS_EV_SUBSTITUTION;
	int home = d->side[CS_HOME].points, away = d->side[CS_AWAY].points;
	int16_t before[2][CS_ON_COURT];
	size_t nplays;
	int s;

	if (fr->period_sequence != d->period)
		start_period(g, fr);
	/* the first on-court list of a period is the five that started it */
	for (s = 0; s < 2 && !substitution; s++)
		if ((fr->has & FOLD_COURT(s)) && !d->side[s].five_this_period)
			set_five(g, s, rec->court_player[s], true);
	run_clock(g, fr);
	/* afterwards only substitutions change the five */
	for (s = 0; s < 2 && substitution; s++) {
		memcpy(before[s], d->side[s].five.p, sizeof before[s]);
		if (fr->has & FOLD_COURT(s))
			set_five(g, s, rec->court_player[s], false);
	}

	if (ends_free_throws(fr))
		d->trip[CS_HOME].active = d->trip[CS_AWAY].active = false;
	count_stats(g, fr, ev);
	game_analytics_event(g, fr, home, away);
	if (is_foul(fr))
		foul_called(g, fr);
	if (fr->type == CS_EV_TIMEOUT && fr->side != CS_SIDE_NONE)
		timeout_taken(g, fr, ev);
	nplays = d->nplays;
	add_play(g, ev, home, away);
	if (substitution)
		note_substitution(g, before, nplays);
}

/* --- the views ----------------------------------------------------------- */

static int
column(const struct statline *l, enum cs_column c)
{
	switch (c) {
	case CS_COL_FGM: return l->fgm;
	case CS_COL_FGA: return l->fga;
	case CS_COL_TPM: return l->tpm;
	case CS_COL_TPA: return l->tpa;
	case CS_COL_FTM: return l->ftm;
	case CS_COL_FTA: return l->fta;
	case CS_COL_OREB: return l->oreb;
	case CS_COL_DREB: return l->dreb;
	case CS_COL_REB: return l->reb;
	case CS_COL_AST: return l->ast;
	case CS_COL_STL: return l->stl;
	case CS_COL_BLK: return l->blk;
	case CS_COL_TOV: return l->tov;
	case CS_COL_PF: return l->pf;
	case CS_COL_PTS: return l->pts;
	default: return 0;
	}
}

/* Published totals against derived ones: count and flag every difference. */
static void
reconcile(struct game *g)
{
	static const struct statline zero;
	int i, c, idx, diff;

	g->mismatches = 0;
	for (i = 0; i < g->npublished; i++) {
		const struct cs_published_stats *ps = &g->published[i];
		const struct statline *line = &zero;

		idx = -1;
		if (ps->player_id[0] == '\0')
			line = &g->team[ps->side].totals;
		else if ((idx = game_roster_find(&g->roster[ps->side], ps->player_id)) >= 0)
			line = &g->roster[ps->side].players[idx].line;
		diff = 0;
		for (c = 0; c < CS_COL_COUNT; c++)
			if (ps->value[c] != CS_UNKNOWN && ps->value[c] != column(line, c))
				diff++;
		g->mismatches += diff;
		if (diff > 0 && idx >= 0)
			g->roster[ps->side].players[idx].mismatch = true;
	}
}

/* Starters as the roster says; without any, the five that began the game. */
static bool
is_starter(const struct roster *r, const struct side_state *st, int idx,
    bool roster_has_starters)
{
	int k;

	if (roster_has_starters)
		return r->roster_starter[idx];
	for (k = 0; st->has_first_five && k < CS_ON_COURT; k++)
		if (st->first_five[k] == idx)
			return true;
	return false;
}

static int
timeouts_left(const struct game *g, int side, const struct cs_period *now, int clock)
{
	if (g->info.has_timeouts_remaining[side])
		return g->info.timeouts_remaining[side];
	return game_rules_timeouts_left(&g->rules, &g->d.side[side], now->sequence,
	    now->type, clock);
}

/* Whether entry i takes a second tied on remainder before entry j (i > j):
 * a side's players in roster order, then the players only events named by
 * id, so that a roster read after the plays (each player's index is the
 * order the model met him in) gives the same seconds as one read before;
 * anything else (units: `r` NULL) in its own order. */
static bool
tie_first(const struct roster *r, int i, int j)
{
	int pi, pj;

	if (r == NULL)
		return false;
	pi = r->roster_pos[i];
	pj = r->roster_pos[j];
	if (pi >= 0 || pj >= 0)
		return pi >= 0 && (pj < 0 || pi < pj);
	return strcmp(r->players[i].info.id, r->players[j].info.id) < 0;
}

/* Whole seconds from tenths by largest remainder: each share is its
 * tenths rounded down or up, and the shares sum to the total rounded, so
 * a team's players sum to 5 x the time played and its units to the time
 * played (truncating each lost up to 0.9 s a player).  Ties go by
 * tie_first, as the simulator's truth does (roster order). */
static void
seconds_from_tenths(const int *tenths, int *seconds, int n, const struct roster *r)
{
	int i, best, total = 0, sum = 0, left, rem;

	for (i = 0; i < n; i++) {
		total += tenths[i];
		seconds[i] = tenths[i] / 10;
		sum += seconds[i];
	}
	for (left = (total + 5) / 10 - sum; left > 0; left--) {
		best = -1;
		for (i = 0; i < n; i++) {
			rem = tenths[i] - seconds[i] * 10;
			if (rem > 0 && (best < 0 || rem > tenths[best] - seconds[best] * 10 ||
			    (rem == tenths[best] - seconds[best] * 10 && tie_first(r, i, best))))
				best = i;
		}
		if (best < 0)
			break;
		seconds[best]++;
	}
}

static void
units_seconds(struct game *g, int side)
{
	static int tenths[GAME_UNITS_MAX], seconds[GAME_UNITS_MAX];
	size_t i;
	int n = 0;

	for (i = 0; i < g->d.nunits && n < GAME_UNITS_MAX; i++)
		if (g->d.units[i].u.side == side)
			tenths[n++] = g->d.units[i].tenths;
	seconds_from_tenths(tenths, seconds, n, NULL);
	n = 0;
	for (i = 0; i < g->d.nunits && n < GAME_UNITS_MAX; i++)
		if (g->d.units[i].u.side == side)
			g->d.units[i].u.seconds = seconds[n++];
}

static void
finish_side(struct game *g, int side, const struct cs_period *now, int clock)
{
	struct roster *r = &g->roster[side];
	struct side_state *st = &g->d.side[side];
	struct box_team *t = &g->team[side];
	bool roster_has_starters = false;
	int secs[GAME_PLAYERS_MAX];
	int i, k, fp = game_rules_foul_period(&g->rules, now->sequence);

	for (i = 0; i < r->n; i++)
		roster_has_starters |= r->roster_starter[i];
	t->totals = st->totals;
	t->totals.seconds = 0;
	seconds_from_tenths(r->tenths, secs, r->n, r);
	for (i = 0; i < r->n; i++) {
		struct box_player *p = &r->players[i];

		p->line.seconds = secs[i];
		p->on_court = false;
		p->mismatch = false;
		p->info.starter = is_starter(r, st, i, roster_has_starters);
		t->totals.seconds += p->line.seconds;
	}
	t->points = st->points;
	t->totals.plus_minus = st->points - g->d.side[OTHER(side)].points;
	for (i = g->d.nperiods; i < t->nperiods; i++)
		t->period_points[i] = 0;   /* a period no longer played (a correction) */
	t->nperiods = g->d.nperiods;
	for (i = 0; i < t->nperiods; i++)
		t->period_points[i] = st->per[i].points;
	t->team_rebounds = st->team_rebounds;
	t->team_turnovers = st->team_turnovers;
	t->team_fouls_period = game_period_side(st, fp)->fouls;
	t->bonus = game_rules_bonus(&g->rules, &g->d.side[OTHER(side)],
	    now->sequence, now->type);
	t->in_bonus = t->bonus != GAME_NO_BONUS;
	t->fouls_to_give = game_rules_fouls_to_give(&g->rules, st, now->sequence,
	    now->type, clock);
	t->timeouts_left = timeouts_left(g, side, now, clock);
	t->nplayers = r->n;
	t->players = r->players;
	for (k = 0; k < CS_ON_COURT; k++) {
		t->on_court[k] = st->five.known ? st->five.p[k] : -1;
		if (t->on_court[k] >= 0)
			r->players[t->on_court[k]].on_court = true;
	}
	t->stint_seconds = st->five.known ? st->stint_tenths / 10 : 0;
}

static void
finish(struct game *g)
{
	struct cs_period now;
	int clock;

	pay_five(g, CS_HOME);
	pay_five(g, CS_AWAY);
	now = game_now(g, &clock);
	finish_side(g, CS_HOME, &now, clock);
	finish_side(g, CS_AWAY, &now, clock);
	units_seconds(g, CS_HOME);
	units_seconds(g, CS_AWAY);
	reconcile(g);
	game_presence_reconcile(g);
	game_analytics_finish(g);
}

/* --- checkpoints ------------------------------------------------------- */

/* Checkpoints dropped by a correction keep their memory for the refold
 * that saves them again: a correction allocates nothing. */
static void
checkpoints_drop_after(struct game *g, size_t keep)
{
	if (g->nchecks > keep)
		g->nchecks = keep;
}

/* Room for checkpoint g->nchecks; slots never used are zero. */
static struct checkpoint *
checkpoint_slot(struct game *g)
{
	struct checkpoint *cp;
	size_t want;

	if (g->nchecks < g->cap_checks)
		return &g->checks[g->nchecks];
	want = g->cap_checks ? g->cap_checks * 2 : 16;
	cp = realloc(g->checks, want * sizeof *cp);
	if (cp == NULL)
		return NULL;
	memset(cp + g->cap_checks, 0, (want - g->cap_checks) * sizeof *cp);
	g->checks = cp;
	g->cap_checks = want;
	return &g->checks[g->nchecks];
}

/* The checkpoint's arrays, carved from one block it keeps: units first
 * (the widest alignment), then ints and structs of ints. */
static bool
checkpoint_carve(struct checkpoint *cp, size_t nunits, const int nplayers[2], int nperiods)
{
	size_t need = nunits * sizeof *cp->units, at;
	char *b;
	int s;

	for (s = 0; s < 2; s++)
		need += (size_t)nplayers[s] * (sizeof *cp->lines[s] + sizeof *cp->tenths[s]) +
		    (size_t)nperiods * sizeof *cp->per[s];
	if (need > cp->cap_block) {
		b = realloc(cp->block, need + need / 2);
		if (b == NULL)
			return false;
		cp->block = b;
		cp->cap_block = need + need / 2;
	}
	b = cp->block;
	cp->units = (struct unit_acc *)(void *)b;
	at = nunits * sizeof *cp->units;
	for (s = 0; s < 2; s++) {
		cp->lines[s] = (struct statline *)(void *)(b + at);
		at += (size_t)nplayers[s] * sizeof *cp->lines[s];
		cp->tenths[s] = (int *)(void *)(b + at);
		at += (size_t)nplayers[s] * sizeof *cp->tenths[s];
		cp->per[s] = (struct period_side *)(void *)(b + at);
		at += (size_t)nperiods * sizeof *cp->per[s];
	}
	return true;
}

/* A copy of the state before record d->folded.  Out of memory it is
 * simply not kept: a later change then folds from an earlier one. */
static void
checkpoint_save(struct game *g)
{
	struct checkpoint *cp;
	int s, i, n[2] = { g->roster[0].n, g->roster[1].n };

	if (g->nchecks > 0 && g->checks[g->nchecks - 1].at >= g->d.folded)
		return;
	cp = checkpoint_slot(g);
	if (cp == NULL || !checkpoint_carve(cp, g->d.nunits, n, g->d.nperiods))
		return;
	cp->at = g->d.folded;
	cp->d = g->d;
	if (g->d.nunits > 0)
		memcpy(cp->units, g->d.units, g->d.nunits * sizeof *cp->units);
	for (s = 0; s < 2; s++) {
		cp->nplayers[s] = n[s];
		for (i = 0; i < n[s]; i++) {
			cp->lines[s][i] = g->roster[s].players[i].line;
			cp->tenths[s][i] = g->roster[s].tenths[i];
		}
		if (g->d.nperiods > 0)
			memcpy(cp->per[s], g->d.side[s].per,
			    (size_t)g->d.nperiods * sizeof *cp->per[s]);
	}
	g->nchecks++;
}

/* Back to the last checkpoint at or before `pos`; false when there is none
 * (the caller then folds from the tip). */
static bool
checkpoint_restore(struct game *g, size_t pos)
{
	struct derived *d = &g->d;
	struct checkpoint *cp;
	struct play *plays = d->plays;
	struct shot *shots = d->shots;
	struct unit_acc *units = d->units;
	size_t cap_plays = d->cap_plays, cap_shots = d->cap_shots;
	size_t cap_units = d->cap_units, k = g->nchecks;
	struct period_side *per[2] = { d->side[0].per, d->side[1].per };
	int cap_per[2] = { d->side[0].cap_per, d->side[1].cap_per };
	int nperiods = d->nperiods, s, i;

	while (k > 0 && g->checks[k - 1].at > pos)
		k--;
	checkpoints_drop_after(g, k);
	if (k == 0)
		return false;
	cp = &g->checks[k - 1];
	*d = cp->d;
	/* the arrays stay this game's; only their counts go back (units can
	 * only have grown, so they have room) */
	d->plays = plays, d->cap_plays = cap_plays;
	d->shots = shots, d->cap_shots = cap_shots;
	d->units = units, d->cap_units = cap_units;
	for (s = 0; s < 2; s++) {
		/* the game's period arrays, with the checkpoint's counts (their
		 * room only grows); periods it had not reached go back to zero */
		d->side[s].per = per[s];
		d->side[s].cap_per = cap_per[s];
		if (cp->d.nperiods > 0)
			memcpy(per[s], cp->per[s], (size_t)cp->d.nperiods * sizeof *per[s]);
		if (nperiods > cp->d.nperiods)
			memset(per[s] + cp->d.nperiods, 0,
			    (size_t)(nperiods - cp->d.nperiods) * sizeof *per[s]);
	}
	if (cp->d.nunits > 0)
		memcpy(d->units, cp->units, cp->d.nunits * sizeof *d->units);
	d->finished_gen = UINT64_MAX;
	for (s = 0; s < 2; s++) {
		struct roster *r = &g->roster[s];

		for (i = 0; i < r->n; i++) {
			if (i < cp->nplayers[s]) {
				r->players[i].line = cp->lines[s][i];
				r->tenths[i] = cp->tenths[s][i];
			} else {
				memset(&r->players[i].line, 0, sizeof (struct statline));
				r->tenths[i] = 0;
			}
		}
	}
	return true;
}

/* --- periods ---------------------------------------------------------- */

int
game_periods_room(struct game *g, int nperiods)
{
	int s;

	for (s = 0; s < 2; s++) {
		struct side_state *st = &g->d.side[s];
		struct period_side *p;
		int want = st->cap_per;

		if (nperiods <= want)
			continue;
		while (want < nperiods)
			want = want ? want * 2 : 8;   /* 4 quarters and 4 overtimes, then doubling */
		p = realloc(st->per, (size_t)want * sizeof *p);
		if (p == NULL)
			return -1;
		memset(p + st->cap_per, 0, (size_t)(want - st->cap_per) * sizeof *p);
		st->per = p;
		st->cap_per = want;
	}
	return 0;
}

const struct period_side *
game_period_side(const struct side_state *st, int idx)
{
	static const struct period_side none;

	return idx >= 0 && idx < st->cap_per ? &st->per[idx] : &none;
}

void
game_derive_dirty(struct game *g, size_t pos)
{
	if (pos < g->dirty_from)
		g->dirty_from = pos;
}

/* The dirty set (game.h): what folding one more event changed. */
struct fold_mark {
	size_t nshots;
	int period;
	struct lineup five[2];
};

static void
fold_mark_take(const struct game *g, struct fold_mark *m)
{
	m->nshots = g->d.nshots;
	m->period = g->d.period;
	m->five[0] = g->d.side[0].five;
	m->five[1] = g->d.side[1].five;
}

static bool
same_five(const struct lineup *a, const struct lineup *b)
{
	return memcmp(a->p, b->p, sizeof a->p) == 0 && a->unit == b->unit && a->known == b->known;
}

static void
fold_mark_touch(struct game *g, const struct fold_mark *m)
{
	unsigned mask = GAME_TOUCH_BOX;   /* minutes and +/- run on with every play */

	if (g->d.nshots != m->nshots)
		mask |= GAME_TOUCH_SHOTS;
	if (g->d.period != m->period)
		mask |= GAME_TOUCH_PERIOD;
	if (!same_five(&m->five[0], &g->d.side[0].five) ||
	    !same_five(&m->five[1], &g->d.side[1].five))
		mask |= GAME_TOUCH_COURT;
	game_touch(g, mask);
}

void
game_derive_refresh(struct game *g)
{
	struct derived *d = &g->d;
	struct fold_mark mark;
	bool refold = d->stale || g->dirty_from < d->folded;

	/* anything but an append: every derived view may read differently */
	if (refold)
		game_touch(g, GAME_TOUCH_ALL & ~(GAME_TOUCH_INFO | GAME_TOUCH_POSSESSIONS |
		    GAME_TOUCH_PUBLISHED));
	if (d->stale) {
		checkpoints_drop_after(g, 0);
		reset(g);
	} else if (g->dirty_from < d->folded && !checkpoint_restore(g, g->dirty_from)) {
		reset(g);
	}
	g->dirty_from = SIZE_MAX;
	while (d->folded < g->store.n) {
		if (d->folded % GAME_CHECK_EVERY == 0)
			checkpoint_save(g);
		/* a refold has touched every aspect already: marks are for appends */
		if (refold) {
			fold_event(g, g->store.order[d->folded++]);
			continue;
		}
		fold_mark_take(g, &mark);
		fold_event(g, g->store.order[d->folded++]);
		fold_mark_touch(g, &mark);
	}
	if (d->finished_gen != g->generation) {
		finish(g);
		d->finished_gen = g->generation;
	}
}

/* --- now ----------------------------------------------------------------- */

bool
game_live_clock_in_force(const struct game *g)
{
	const struct record *last;

	if (!g->has_clock)
		return false;
	if (g->store.n == 0)
		return true;
	last = g->store.order[g->store.n - 1];
	return g->clock.period.sequence >= last->ev.period.sequence &&
	    g->clock_gen > last->updated_gen;
}

struct cs_period
game_now(const struct game *g, int *clock)
{
	struct cs_period p;

	if (game_live_clock_in_force(g)) {
		*clock = g->clock.clock;
		return g->clock.period;
	}
	if (g->store.n == 0) {
		p.type = g->rules.format == CS_FORMAT_HALVES ? CS_PERIOD_HALF :
		    CS_PERIOD_QUARTER;
		p.number = p.sequence = 1;
		*clock = game_rules_period_tenths(&g->rules, 1, p.type);
		return p;
	}
	/* the fold has run: its clock is the last one seen in the last period */
	p = g->store.order[g->store.n - 1]->ev.period;
	*clock = g->d.clock >= 0 ? g->d.clock :
	    game_rules_period_tenths(&g->rules, p.sequence, p.type);
	return p;
}

void
game_derive_free(struct game *g)
{
	struct derived *d = &g->d;
	size_t k;

	for (k = 0; k < g->cap_checks; k++)
		free(g->checks[k].block);
	free(g->checks);
	g->checks = NULL;
	g->nchecks = g->cap_checks = 0;
	free(d->plays);
	free(d->shots);
	free(d->units);
	free(d->side[CS_HOME].per);
	free(d->side[CS_AWAY].per);
	d->side[CS_HOME].per = d->side[CS_AWAY].per = NULL;
	d->side[CS_HOME].cap_per = d->side[CS_AWAY].cap_per = 0;
	d->plays = NULL;
	d->shots = NULL;
	d->units = NULL;
	d->cap_plays = d->cap_shots = d->cap_units = 0;
	d->nplays = d->nshots = d->nunits = 0;
}
