/*
 * The simulator's ground truth: what REST shows at feed time T, and the box
 * score of exactly that, by this file's own tally (it shares no code with
 * the client's model; the point is to check it).
 *
 * The tally follows the rules of product.md §3 and model/game.h:
 * order by (period, sequence, number); points from the statistics; team
 * statistics (no player) count for the team only; a missed heave is a team
 * attempt; the fives come from the first event of a period that carries
 * them and change on substitutions; the clock between consecutive events is
 * credited to the fives on court; free-throw points count for the fives at
 * the foul; team fouls per period (NBA: no offensive or technical fouls;
 * NCAA: offensive and players' technical fouls count, overtime continues
 * the second half).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "sim/simgame_internal.h"

int
sim_view_at(const struct sim_game *g, int64_t at_ms, struct sim_view *v)
{
	size_t i;

	memset(v, 0, sizeof *v);
	v->at_ms = at_ms;
	v->last_gen = -1;
	v->cur = malloc((g->nevents + 1) * sizeof *v->cur);
	if (v->cur == NULL)
		return -1;
	for (i = 0; i < g->nevents; i++)
		v->cur[i] = -2;
	for (i = 0; i < g->nsends && g->sends[i].at_ms <= at_ms; i++) {
		const struct sim_send *x = &g->sends[i];

		v->cur[x->ev] = x->version;
		if (x->version >= 0 && g->events[x->ev].gen > v->last_gen)
			v->last_gen = g->events[x->ev].gen;
	}
	for (i = 0; i < g->nevents; i++)
		v->nvisible += v->cur[i] >= 0;
	return 0;
}

void
sim_view_free(struct sim_view *v)
{
	free(v->cur);
	v->cur = NULL;
}

static bool
sim_game_over(const struct sim_game *g, const struct sim_view *v)
{
	size_t i;

	for (i = g->nevents; i-- > 0; )
		if (g->events[i].kind == SIM_GAME_END)
			return v->cur[i] >= 0;
	return false;
}

/* Is this play on this provider's wire at all? */
static bool
on_wire(enum sim_kind kind, enum cs_provider p)
{
	if (p == CS_PROVIDER_SHOTTRACKER)
		return kind != SIM_JUMPBALL && kind != SIM_VIOLATION;
	return kind != SIM_PERIOD_START && kind != SIM_GAME_END;
}

/* Does the play tell this provider's client who is on court for `side`? */
static bool
carries_five(const struct sim_play *p, enum cs_provider prov, int side)
{
	if (prov == CS_PROVIDER_SHOTTRACKER)
		return p->kind == SIM_LINEUP && p->side == side;
	return p->kind != SIM_PERIOD_END;
}

static void
add_stat_line(struct sim_line *l, const struct sim_stat *st)
{
	switch (st->kind) {
	case SIM_S_FG:
		l->fga++;
		l->tpa += st->three;
		if (st->made) {
			l->fgm++;
			l->tpm += st->three;
		}
		l->pts += st->points;
		break;
	case SIM_S_FT:
		l->fta++;
		if (st->made)
			l->ftm++;
		l->pts += st->points;
		break;
	case SIM_S_REB:
		l->reb++;
		if (st->offensive)
			l->oreb++;
		else
			l->dreb++;
		break;
	case SIM_S_AST:
		l->ast++;
		break;
	case SIM_S_STL:
		l->stl++;
		break;
	case SIM_S_BLK:
		l->blk++;
		break;
	case SIM_S_TOV:
		l->tov++;
		break;
	case SIM_S_PF:
		l->pf++;
		break;
	default:
		break;
	}
}

struct fold {
	bool known[2];
	int five[2][SIM_FIVE];
	/* free throws go to the fives at the foul that sent the shooting
	 * side to the line: one trip per shooting side */
	bool trip[2];
	int trip_five[2][2][SIM_FIVE];
	int last_clock;
	int fouls[2][SIM_PERIODS_MAX + 1];
	int timeouts[2][SIM_PERIODS_MAX + 1];       /* taken, per period */
	int timeouts_late[2][SIM_PERIODS_MAX + 1];  /* ... in its last 3:00 */
	int last_leader;             /* the last team ahead, -1 none yet */
};

static void
plus_minus(struct sim_tally *t, const int five[2][SIM_FIVE], const bool known[2],
    int side, int points)
{
	int s, i;

	for (s = 0; s < 2; s++) {
		if (!known[s])
			continue;
		for (i = 0; i < SIM_FIVE; i++)
			t->team[s].players[five[s][i]].plus_minus +=
			    s == side ? points : -points;
	}
}

static void
count_play(const struct sim_game *g, struct sim_tally *t, struct fold *f,
    const struct sim_play *p)
{
	bool offensive = false, heave_miss;
	int i;

	for (i = 0; i < p->nstats; i++)
		offensive = offensive || p->stats[i].kind == SIM_S_OFFENSIVE;
	if (p->kind == SIM_FOUL && p->side >= 0 && p->side <= 1) {
		f->trip[!p->side] = true;
		memcpy(f->trip_five[!p->side], f->five, sizeof f->trip_five[0]);
	}
	/* live play ends the trips; a dead-ball rebound between two free
	 * throws does not */
	if (p->kind == SIM_FIELD_GOAL || p->kind == SIM_HEAVE ||
	    (p->kind == SIM_REBOUND && !(p->qualifiers & SIM_Q_DEADBALL)) ||
	    p->kind == SIM_TURNOVER || p->kind == SIM_JUMPBALL)
		f->trip[0] = f->trip[1] = false;
	if (p->kind == SIM_TIMEOUT && p->side >= 0) {
		f->timeouts[p->side][p->period]++;
		if (p->clock <= SIM_LATE_TIMEOUT_TENTHS)
			f->timeouts_late[p->side][p->period]++;
	}

	for (i = 0; i < p->nstats; i++) {
		const struct sim_stat *st = &p->stats[i];
		struct sim_tally_team *tt;

		if (st->side < 0 || st->side > 1)
			continue;
		tt = &t->team[st->side];
		heave_miss = p->kind == SIM_HEAVE && st->kind == SIM_S_FG && !st->made;
		add_stat_line(&tt->totals, st);
		if (st->player >= 0 && st->player < g->team[st->side].nplayers && !heave_miss)
			add_stat_line(&tt->players[st->player], st);
		if (st->player < 0 && st->kind == SIM_S_REB)
			tt->team_rebounds++;
		if (st->player < 0 && st->kind == SIM_S_TOV)
			tt->team_turnovers++;
		if ((st->kind == SIM_S_PF && !(offensive && !g->opt.halves)) ||
		    (st->kind == SIM_S_TECH && g->opt.halves && st->player >= 0))
			f->fouls[st->side][p->period]++;
		if (st->points > 0) {
			tt->points += st->points;
			tt->period_points[p->period - 1] += st->points;
			if (st->kind == SIM_S_FT && f->trip[st->side])
				plus_minus(t, (const int (*)[SIM_FIVE])f->trip_five[st->side],
				    f->known, st->side, st->points);
			else
				plus_minus(t, (const int (*)[SIM_FIVE])f->five, f->known,
				    st->side, st->points);
		}
	}
}

void
sim_tally_view(const struct sim_game *g, const struct sim_view *v,
    enum cs_provider prov, struct sim_tally *t)
{
	struct fold f;
	size_t k;
	int period = 0, side, i, el, leader = -1, now, before[2], after[2];

	memset(t, 0, sizeof *t);
	memset(&f, 0, sizeof f);
	f.last_leader = -1;
	t->coach.streak_side = -1;
	t->period = 1;
	t->clock = g->period_tenths;
	for (k = 0; k < g->nevents; k++) {
		int ev = g->order[k];
		const struct sim_play *p;

		if (v->cur[ev] < 0)
			continue;
		p = &g->versions[v->cur[ev]];
		if (!on_wire((enum sim_kind)p->kind, prov) || p->period < 1 ||
		    p->period > SIM_PERIODS_MAX)
			continue;
		t->nevents++;
		if (p->period != period) {
			period = p->period;
			f.known[0] = f.known[1] = false;
			f.trip[0] = f.trip[1] = false;
			f.last_clock = sim_period_tenths(g, period);
		}
		for (side = 0; side < 2; side++) {
			if (f.known[side] || !carries_five(p, prov, side))
				continue;
			for (i = 0; i < SIM_FIVE; i++)
				f.five[side][i] = p->five[side][i];
			f.known[side] = true;
		}
		/* the clock since the last event goes to the fives on court */
		el = f.last_clock - p->clock;
		if (el > 0) {
			before[0] = t->team[0].points;
			before[1] = t->team[1].points;
			sim_coach_time(&t->coach, period, el, before);
			for (side = 0; side < 2; side++) {
				if (!f.known[side])
					continue;
				for (i = 0; i < SIM_FIVE; i++)
					t->team[side].players[f.five[side][i]].tenths += el;
			}
			f.last_clock = p->clock;
		}
		if (p->kind == SIM_LINEUP && p->side >= 0 && p->side <= 1) {
			for (i = 0; i < SIM_FIVE; i++)
				f.five[p->side][i] = p->five[p->side][i];
			f.known[p->side] = true;
		}
		before[0] = t->team[0].points;
		before[1] = t->team[1].points;
		count_play(g, t, &f, p);
		after[0] = t->team[0].points;
		after[1] = t->team[1].points;
		sim_coach_play(g, &t->coach, p, prov, before, after);
		now = t->team[0].points > t->team[1].points ? 0 :
		    t->team[0].points < t->team[1].points ? 1 : 2;
		if (now != leader && (leader >= 0 || now != 2)) {
			if (now == 2)
				t->times_tied++;
			else if (leader >= 0 && leader != 2)
				t->lead_changes++;
			else if (leader == 2 && f.last_leader >= 0 && f.last_leader != now)
				t->lead_changes++;
			if (now != 2)
				f.last_leader = now;
			leader = now;
		}
		t->period = period;
		t->clock = p->clock;
	}
	t->started = t->nevents > 0;
	t->over = sim_game_over(g, v);
	for (side = 0; side < 2; side++) {
		struct sim_tally_team *tt = &t->team[side];
		int fouls = 0, opp = 0, from;

		from = g->opt.halves && t->period > g->regulation ? g->regulation : t->period;
		for (i = from; i <= t->period && i <= SIM_PERIODS_MAX; i++) {
			fouls += f.fouls[side][i];
			opp += f.fouls[!side][i];
		}
		tt->team_fouls_period = fouls;
		tt->bonus = opp >= (g->opt.halves ? 6 : t->period > g->regulation ? 3 : 4);
		tt->timeouts_left = sim_timeouts_left(g, f.timeouts[side],
		    f.timeouts_late[side], t->period, t->clock);
		if (f.known[side])
			for (i = 0; i < SIM_FIVE; i++)
				tt->on_court[f.five[side][i]] = true;
		tt->totals.tenths = 0;
		for (i = 0; i < g->team[side].nplayers; i++)
			tt->totals.tenths += tt->players[i].tenths;
	}
}

/* --- the export JSON (product.md §5) --- */

static void
line_json(struct sim_buf *b, const struct sim_line *l)
{
	sim_buf_printf(b, "\"fgm\":%d,\"fga\":%d,\"tpm\":%d,\"tpa\":%d,\"ftm\":%d,"
	    "\"fta\":%d,\"oreb\":%d,\"dreb\":%d,\"reb\":%d,\"ast\":%d,\"stl\":%d,"
	    "\"blk\":%d,\"tov\":%d,\"pf\":%d,\"pts\":%d",
	    l->fgm, l->fga, l->tpm, l->tpa, l->ftm, l->fta, l->oreb, l->dreb,
	    l->reb, l->ast, l->stl, l->blk, l->tov, l->pf, l->pts);
}

/* Whole seconds that add up (product.md §3, issue 17): each player's
 * tenths rounded down, then one more second for the largest remainders
 * (ties: roster order) until the team sums to its tenths rounded.  Done
 * here by sorting, apart from the client's model, to check it. */
static void
team_seconds(const struct sim_tally_team *tt, int n, int *seconds)
{
	int order[SIM_ROSTER_MAX], i, j, k, total = 0, sum = 0;

	for (i = 0; i < n; i++) {
		total += tt->players[i].tenths;
		seconds[i] = tt->players[i].tenths / 10;
		sum += seconds[i];
		/* insertion sort by remainder, descending, stable */
		for (j = i; j > 0 && tt->players[order[j - 1]].tenths % 10 <
		    tt->players[i].tenths % 10; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (k = 0; k < (total + 5) / 10 - sum && k < n; k++)
		seconds[order[k]]++;
}

static const char *
period_type(const struct sim_game *g, int period)
{
	if (period > g->regulation)
		return "overtime";
	return g->opt.halves ? "half" : "quarter";
}

static void
player_json(struct sim_buf *b, const struct sim_game *g, const struct sim_tally *t,
    enum cs_provider prov, int side, int i, bool *first)
{
	const struct sim_player *pl = &g->team[side].players[i];
	const struct sim_line *l = &t->team[side].players[i];
	int seconds[SIM_ROSTER_MAX];

	team_seconds(&t->team[side], g->team[side].nplayers, seconds);
	sim_buf_puts(b, *first ? "{" : ",{");
	*first = false;
	sim_buf_key(b, "id");
	sim_buf_str(b, prov == CS_PROVIDER_SHOTTRACKER ? pl->st_id : pl->sr_id);
	sim_buf_puts(b, ",");
	sim_buf_key(b, "name");
	sim_buf_str(b, pl->full);
	sim_buf_puts(b, ",");
	sim_buf_key(b, "jersey");
	sim_buf_str(b, pl->jersey);
	sim_buf_printf(b, ",\"starter\":%s,\"on_court\":%s,\"seconds\":%d,",
	    pl->starter ? "true" : "false",
	    t->team[side].on_court[i] ? "true" : "false", seconds[i]);
	line_json(b, l);
	sim_buf_printf(b, ",\"plus_minus\":%d}", l->plus_minus);
}

char *
sim_game_truth_json(const struct sim_game *g, enum cs_provider p, int64_t at_ms)
{
	struct sim_view v;
	struct sim_tally t;
	struct sim_buf b;
	int side, i, number;
	bool first, starters;

	if (g == NULL || (p != CS_PROVIDER_SHOTTRACKER && p != CS_PROVIDER_SPORTRADAR))
		return NULL;
	if (sim_view_at(g, at_ms, &v) < 0)
		return NULL;
	sim_tally_view(g, &v, p, &t);
	sim_view_free(&v);

	sim_buf_init(&b);
	number = t.period > g->regulation ? t.period - g->regulation : t.period;
	sim_buf_printf(&b, "{\"game\":{\"provider\":\"%s\",\"id\":",
	    p == CS_PROVIDER_SHOTTRACKER ? "shottracker" : "sportradar");
	sim_buf_str(&b, sim_game_id(g, p));
	sim_buf_printf(&b, ",\"status\":\"%s\",\"period\":{\"type\":\"%s\","
	    "\"number\":%d,\"sequence\":%d},\"clock\":\"%d:%02d.%d\","
	    "\"lead_changes\":%d,\"times_tied\":%d},\"teams\":[",
	    t.over ? "closed" : t.started ? "inprogress" : "scheduled",
	    period_type(g, t.period), number, t.period,
	    t.clock / 600, t.clock / 10 % 60, t.clock % 10, t.lead_changes, t.times_tied);
	for (side = 0; side < 2; side++) {
		const struct sim_team *team = &g->team[side];
		const struct sim_tally_team *tt = &t.team[side];

		sim_buf_printf(&b, "%s{\"side\":\"%s\",\"id\":", side ? "," : "",
		    side == CS_HOME ? "home" : "away");
		sim_buf_str(&b, p == CS_PROVIDER_SHOTTRACKER ? team->st_id : team->sr_id);
		sim_buf_puts(&b, ",");
		sim_buf_key(&b, "name");
		sim_buf_str(&b, team->name);
		sim_buf_puts(&b, ",");
		sim_buf_key(&b, "alias");
		sim_buf_str(&b, team->alias);
		sim_buf_printf(&b, ",\"points\":%d,\"periods\":[", tt->points);
		for (i = 1; i <= t.period; i++)
			sim_buf_printf(&b, "%s{\"sequence\":%d,\"points\":%d}",
			    i > 1 ? "," : "", i, tt->period_points[i - 1]);
		sim_buf_puts(&b, "],\"totals\":{");
		line_json(&b, &tt->totals);
		sim_buf_printf(&b, "},\"team_rebounds\":%d,\"team_turnovers\":%d,"
		    "\"team_fouls_period\":%d,\"timeouts_left\":%d",
		    tt->team_rebounds, tt->team_turnovers, tt->team_fouls_period,
		    tt->timeouts_left);
		sim_coach_json(&b, &t.coach, side, t.period);
		if (p == CS_PROVIDER_SHOTTRACKER && sim_st_possessions_any(g, at_ms))
			sim_st_possessions_truth(&b, g, side, at_ms);
		sim_buf_puts(&b, ",\"players\":[");
		first = true;
		/* starters first, then the bench, each in roster order */
		for (starters = true; ; starters = false) {
			for (i = 0; i < team->nplayers; i++)
				if (team->players[i].starter == starters)
					player_json(&b, g, &t, p, side, i, &first);
			if (!starters)
				break;
		}
		sim_buf_puts(&b, "]}");
	}
	sim_buf_puts(&b, "]}");
	return sim_buf_take(&b);
}
