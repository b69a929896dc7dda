/*
 * The simulator's game on Sportradar's wire (sportradar-push.md): the push
 * event stream (§3, §4: one compact JSON line per message, deletes as
 * §4.2), and the REST play-by-play and summary (§15) as of a feed time.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event.h"
#include "sim/simgame_internal.h"

static const char *const shot_types[] = {
	"jump shot", "layup", "dunk", "hook shot", "tip shot",
};
static const char *const shot_descs[] = {
	NULL, "putback", "driving", "floating", "pullup", "stepback",
};
static const char *const tov_types[] = {
	"Turnover", "Bad Pass", "Lost Ball", "Traveling", "Out of Bounds - Bad Pass Turnover",
	"Offensive Foul", "Shot Clock Violation", "Double Dribble", "3-second Violation",
};
static const char *const ft_types[] = { "regular", "technical", "flagrant" };

/* --- names of things --- */

static bool
rendered(enum sim_kind kind)
{
	return kind != SIM_PERIOD_START && kind != SIM_GAME_END;
}

static const struct sim_stat *
find_stat(const struct sim_play *p, enum sim_stat_kind kind)
{
	int i;

	for (i = 0; i < p->nstats; i++)
		if (p->stats[i].kind == kind)
			return &p->stats[i];
	return NULL;
}

static const char *
event_type(const struct sim_play *p)
{
	const struct sim_stat *fg;

	switch ((enum sim_kind)p->kind) {
	case SIM_LINEUP:     return "lineupchange";
	case SIM_JUMPBALL:   return "opentip";
	case SIM_FIELD_GOAL:
		fg = find_stat(p, SIM_S_FG);
		if (fg == NULL)
			return "twopointmiss";
		if (fg->three)
			return fg->made ? "threepointmade" : "threepointmiss";
		return fg->made ? "twopointmade" : "twopointmiss";
	case SIM_HEAVE:      return "heave";
	case SIM_FREE_THROW:
		fg = find_stat(p, SIM_S_FT);
		return fg != NULL && fg->made ? "freethrowmade" : "freethrowmiss";
	case SIM_REBOUND:    return "rebound";
	case SIM_TURNOVER:   return "turnover";
	case SIM_FOUL:
		switch ((enum sim_foul)p->foul) {
		case SIM_FOUL_SHOOTING:  return "shootingfoul";
		case SIM_FOUL_OFFENSIVE: return "offensivefoul";
		case SIM_FOUL_TECHNICAL: return "technicalfoul";
		case SIM_FOUL_FLAGRANT:  return "flagrantone";
		default:                 return "personalfoul";
		}
	case SIM_TIMEOUT:    return "teamtimeout";
	case SIM_VIOLATION:  return "defaultviolation";
	case SIM_PERIOD_END: return "endperiod";
	default:             return "stoppage";
	}
}

static const char *
event_category(const struct sim_play *p)
{
	const struct sim_stat *st;

	switch ((enum sim_kind)p->kind) {
	case SIM_LINEUP:     return "lineupchange";
	case SIM_JUMPBALL:   return "period,stoppage,possession";
	case SIM_FIELD_GOAL:
		st = find_stat(p, SIM_S_FG);
		return st != NULL && st->made ? "shot,score" : "shot";
	case SIM_HEAVE:      return "shot";
	case SIM_FREE_THROW:
		st = find_stat(p, SIM_S_FT);
		return st != NULL && st->made ? "freethrow,score" : "freethrow";
	case SIM_REBOUND:    return "shot";
	case SIM_TURNOVER:   return "turnover";
	case SIM_FOUL:       return p->foul == SIM_FOUL_FLAGRANT ? "foul,flagrant" : "foul";
	case SIM_TIMEOUT:    return "timeout,stoppage";
	case SIM_PERIOD_END: return "period,stoppage";
	default:             return "";
	}
}

static const char *
period_type(const struct sim_game *g, int period)
{
	if (period > g->regulation)
		return "overtime";
	return g->opt.halves ? "half" : "quarter";
}

static int
period_number(const struct sim_game *g, int period)
{
	return period > g->regulation ? period - g->regulation : period;
}

/* "th" of 4th, 11th, 12th, 13th; "st" of 1st, 21st... */
static const char *
ordinal(int n)
{
	if (n % 100 / 10 == 1)
		return "th";
	return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

/* "12:00", "9:54", "00:54"; clock_decimal adds tenths under a minute. */
static void
clocks(int tenths, char *clock, size_t cs, char *dec, size_t ds)
{
	if (tenths < 0 || tenths > 36000)
		tenths = 0;
	if (tenths >= 600) {
		snprintf(clock, cs, "%d:%02d", tenths / 600, tenths / 10 % 60);
		snprintf(dec, ds, "%d:%02d", tenths / 600, tenths / 10 % 60);
	} else {
		snprintf(clock, cs, "00:%02d", tenths / 10);
		snprintf(dec, ds, "00:%02d.%d0", tenths / 10, tenths % 10);
	}
}

static const char *
player_name(const struct sim_game *g, int side, int player)
{
	if (side < 0 || side > 1 || player < 0 || player >= g->team[side].nplayers)
		return g->team[side < 0 || side > 1 ? 0 : side].name;
	return g->team[side].players[player].full;
}

/* Where on the court, in Sportradar's action areas (left-basket frame). */
static const char *
action_area(const struct sim_game *g, const struct sim_play *p)
{
	static const char *const areas[2][5] = {
		{ "insideright", "insiderightwing", "insidecenter", "insideleftwing", "insideleft" },
		{ "outsideright", "outsiderightwing", "outsidecenter", "outsideleftwing", "outsideleft" },
	};
	int side = p->side >= 0 ? p->side : 0, x = p->x, y = p->y, dx, dy, dir;
	bool three;
	double a;

	if (sim_basket(g, side, p->period) == 1) {
		x = 1128 - x;
		y = 600 - y;
	}
	dx = x - 63;
	dy = y - 300;
	if (x >= 492)
		return "backcourt";
	if (dx * dx + dy * dy < 48 * 48)
		return "underbasket";
	if (x <= 228 && abs(dy) <= 96)
		return "inthepaint";
	three = dx <= 107 ? abs(dy) >= 264 : dx * dx + dy * dy >= 285 * 285;
	a = atan2((double)dy, (double)dx) * 180.0 / M_PI;
	dir = a < -67.5 ? 0 : a < -22.5 ? 1 : a <= 22.5 ? 2 : a <= 67.5 ? 3 : 4;
	return areas[three][dir];
}

static double
shot_distance(const struct sim_game *g, const struct sim_play *p)
{
	int bx = sim_basket(g, p->side >= 0 ? p->side : 0, p->period) ? 1065 : 63;
	double dx = p->x - bx, dy = p->y - 300;

	return sqrt(dx * dx + dy * dy) / 12.0;
}

static void
description(const struct sim_game *g, const struct sim_play *p, char *buf, size_t size)
{
	const struct sim_stat *fg = find_stat(p, SIM_S_FG), *x, *y;
	const char *team = p->side >= 0 ? g->team[p->side].name : "";
	char extra[96] = "";
	int i;

	switch ((enum sim_kind)p->kind) {
	case SIM_LINEUP: {
		const struct sim_team *t = &g->team[p->side];
		size_t n;

		snprintf(buf, size, "%s lineup change (", t->name);
		for (i = 0; i < SIM_FIVE; i++) {
			n = strlen(buf);
			snprintf(buf + n, size - n, "%s%s", i ? ", " : "",
			    t->players[p->five[p->side][i]].full);
		}
		n = strlen(buf);
		snprintf(buf + n, size - n, ")");
		return;
	}
	case SIM_JUMPBALL:
		snprintf(buf, size, "%s vs. %s (%s gains possession)",
		    player_name(g, CS_HOME, p->jumper[0]), player_name(g, CS_AWAY, p->jumper[1]),
		    player_name(g, p->side, p->gainer));
		return;
	case SIM_FIELD_GOAL:
	case SIM_HEAVE:
		if (fg == NULL)
			break;
		x = find_stat(p, SIM_S_AST);
		y = find_stat(p, SIM_S_BLK);
		if (x != NULL)
			snprintf(extra, sizeof extra, " (%s assists)", player_name(g, x->side, x->player));
		else if (y != NULL)
			snprintf(extra, sizeof extra, " (%s blocks)", player_name(g, y->side, y->player));
		snprintf(buf, size, "%s %s %s point %s%s%s%s",
		    fg->player >= 0 ? player_name(g, fg->side, fg->player) : team,
		    fg->made ? "makes" : "misses", fg->three ? "three" : "two",
		    shot_descs[p->shot_desc] && p->kind == SIM_FIELD_GOAL ?
		    shot_descs[p->shot_desc] : "", shot_descs[p->shot_desc] &&
		    p->kind == SIM_FIELD_GOAL ? " " : "", shot_types[p->shot_type], extra);
		return;
	case SIM_FREE_THROW:
		x = find_stat(p, SIM_S_FT);
		if (x == NULL)
			break;
		snprintf(buf, size, "%s %s %s free throw %d of %d",
		    player_name(g, x->side, x->player), x->made ? "makes" : "misses",
		    ft_types[p->ft_type], p->ft_k, p->ft_n);
		return;
	case SIM_REBOUND:
		x = find_stat(p, SIM_S_REB);
		if (x == NULL)
			break;
		if (x->player < 0)
			snprintf(buf, size, "%s %s team rebound", team,
			    x->offensive ? "offensive" : "defensive");
		else
			snprintf(buf, size, "%s %s rebound", player_name(g, x->side, x->player),
			    x->offensive ? "offensive" : "defensive");
		return;
	case SIM_TURNOVER:
		x = find_stat(p, SIM_S_TOV);
		y = find_stat(p, SIM_S_STL);
		if (y != NULL)
			snprintf(extra, sizeof extra, " (%s steals)", player_name(g, y->side, y->player));
		snprintf(buf, size, "%s turnover (%s)%s",
		    x != NULL && x->player >= 0 ? player_name(g, x->side, x->player) : team,
		    tov_types[p->tov_type], extra);
		return;
	case SIM_FOUL: {
		static const char *const names[] = { "personal", "personal", "shooting",
		    "offensive", "technical", "flagrant 1" };

		x = find_stat(p, p->foul == SIM_FOUL_TECHNICAL ? SIM_S_TECH : SIM_S_PF);
		y = find_stat(p, SIM_S_FD);
		if (y != NULL)
			snprintf(extra, sizeof extra, " (%s draws the foul)",
			    player_name(g, y->side, y->player));
		snprintf(buf, size, "%s %s foul%s",
		    x != NULL ? player_name(g, x->side, x->player) : team,
		    names[p->foul < 6 ? p->foul : 0], extra);
		return;
	}
	case SIM_TIMEOUT:
		snprintf(buf, size, "%s full timeout", team);
		return;
	case SIM_VIOLATION:
		snprintf(buf, size, "%s violation", team);
		return;
	case SIM_PERIOD_END:
		if (p->period > g->regulation)
			snprintf(buf, size, "End of %d%s OT.", p->period - g->regulation,
			    ordinal(p->period - g->regulation));
		else
			snprintf(buf, size, "End of %d%s %s.", p->period, ordinal(p->period),
			    g->opt.halves ? "Half" : "Quarter");
		return;
	default:
		break;
	}
	snprintf(buf, size, "%s", team);
}

/* --- objects --- */

static void
team_obj(struct sim_buf *b, const struct sim_game *g, int side)
{
	const struct sim_team *t = &g->team[side];

	sim_buf_puts(b, "{\"name\":");
	sim_buf_str(b, t->name);
	sim_buf_puts(b, ",\"market\":");
	sim_buf_str(b, t->market);
	sim_buf_printf(b, ",\"reference\":\"%s\",\"id\":\"%s\"", t->reference, t->sr_id);
}

static void
player_obj(struct sim_buf *b, const struct sim_game *g, int side, int player, bool with_id)
{
	const struct sim_player *p = &g->team[side].players[player];

	sim_buf_puts(b, "{\"full_name\":");
	sim_buf_str(b, p->full);
	sim_buf_printf(b, ",\"jersey_number\":\"%s\",\"reference\":\"%s\"", p->jersey,
	    p->reference);
	if (with_id)
		sim_buf_printf(b, ",\"id\":\"%s\"", p->sr_id);
	sim_buf_puts(b, "}");
}

static void
statistics(struct sim_buf *b, const struct sim_game *g, const struct sim_play *p)
{
	static const char *const names[] = { "fieldgoal", "freethrow", "rebound",
	    "assist", "steal", "block", "attemptblocked", "turnover", "personalfoul",
	    "fouldrawn", "offensivefoul", "technicalfoul" };
	int i;

	sim_buf_puts(b, ",\"statistics\":[");
	for (i = 0; i < p->nstats; i++) {
		const struct sim_stat *st = &p->stats[i];

		sim_buf_printf(b, "%s{\"type\":\"%s\"", i ? "," : "", names[st->kind]);
		if (st->kind == SIM_S_FG) {
			if (st->made)
				sim_buf_puts(b, ",\"made\":true");
			sim_buf_printf(b, ",\"shot_type\":\"%s\"", shot_types[p->shot_type]);
			if (shot_descs[p->shot_desc] != NULL && p->kind == SIM_FIELD_GOAL)
				sim_buf_printf(b, ",\"shot_type_desc\":\"%s\"", shot_descs[p->shot_desc]);
			sim_buf_printf(b, ",\"shot_distance\":%.2f", shot_distance(g, p));
			if (st->three)
				sim_buf_puts(b, ",\"three_point_shot\":true");
			if (st->made)
				sim_buf_printf(b, ",\"points\":%d", st->points);
		} else if (st->kind == SIM_S_FT) {
			if (st->made)
				sim_buf_puts(b, ",\"made\":true");
			sim_buf_printf(b, ",\"free_throw_type\":\"%s\"", ft_types[p->ft_type]);
			if (st->made)
				sim_buf_puts(b, ",\"points\":1");
		} else if (st->kind == SIM_S_REB) {
			sim_buf_printf(b, ",\"rebound_type\":\"%s\"",
			    st->offensive ? "offensive" : "defensive");
		}
		sim_buf_puts(b, ",\"team\":");
		team_obj(b, g, st->side);
		sim_buf_puts(b, "}");
		if (st->player >= 0) {
			sim_buf_puts(b, ",\"player\":");
			player_obj(b, g, st->side, st->player, true);
		}
		sim_buf_puts(b, "}");
	}
	sim_buf_puts(b, "]");
}

struct ev_ctx {
	int64_t created_ms, updated_ms;
	int home_points, away_points;
	bool with_period;
};

/* The `event` object (push), or an element of pbp.json's events (no period). */
static void
event_obj(struct sim_buf *b, const struct sim_game *g, int ev, const struct sim_play *p,
    const struct ev_ctx *c)
{
	const struct sim_event *e = &g->events[ev];
	char clock[32], dec[32], t1[32], t2[32], t3[32], desc[320];
	int side, i;
	bool core = p->kind == SIM_PERIOD_END;

	clocks(p->clock, clock, sizeof clock, dec, sizeof dec);
	description(g, p, desc, sizeof desc);
	sim_buf_printf(b, "{\"id\":\"%s\",\"event_type\":\"%s\",\"number\":%d,"
	    "\"sequence\":%lld,\"clock\":\"%s\",\"clock_decimal\":\"%s\","
	    "\"created\":\"%s\",\"updated\":\"%s\",\"wall_clock\":\"%s\",\"description\":",
	    e->sr_id, event_type(p), e->number, (long long)e->seq, clock, dec,
	    sim_iso(g, c->created_ms, t1, sizeof t1), sim_iso(g, c->updated_ms, t2, sizeof t2),
	    sim_iso(g, e->seq - g->epoch_ms, t3, sizeof t3));
	sim_buf_str(b, desc);
	sim_buf_printf(b, ",\"home_points\":%d,\"away_points\":%d", c->home_points,
	    c->away_points);
	if (!core && p->qualifiers != 0) {
		static const char *const q[] = { "pointsinthepaint", "2ndchance",
		    "fastbreak", "fromturnover", "deadball", "team" };
		bool first = true;

		sim_buf_puts(b, ",\"qualifiers\":[");
		for (i = 0; i < 6; i++) {
			if (!(p->qualifiers & (1 << i)))
				continue;
			sim_buf_printf(b, "%s{\"qualifier\":\"%s\"}", first ? "" : ",", q[i]);
			first = false;
		}
		sim_buf_puts(b, "]");
	} else if (p->kind == SIM_TIMEOUT) {
		sim_buf_puts(b, ",\"qualifiers\":[{\"qualifier\":\"team\"}]");
	}
	if (!core && p->side >= 0) {
		sim_buf_puts(b, ",\"attribution\":");
		team_obj(b, g, p->side);
		sim_buf_printf(b, ",\"team_basket\":\"%s\"}",
		    sim_basket(g, p->side, p->period) ? "right" : "left");
	}
	if (!core && p->possession >= 0) {
		const struct sim_team *t = &g->team[p->possession];

		sim_buf_puts(b, ",\"possession\":{\"name\":");
		sim_buf_str(b, t->name);
		sim_buf_puts(b, ",\"market\":");
		sim_buf_str(b, t->market);
		sim_buf_printf(b, ",\"id\":\"%s\"}", t->sr_id);
	}
	if (!core && p->has_loc)
		sim_buf_printf(b, ",\"location\":{\"coord_x\":%d,\"coord_y\":%d,"
		    "\"action_area\":\"%s\"}", p->x, p->y, action_area(g, p));
	if (c->with_period)
		sim_buf_printf(b, ",\"period\":{\"id\":\"%s\",\"number\":%d,\"sequence\":%d,"
		    "\"type\":\"%s\"}", g->sr_period_id[p->period - 1],
		    period_number(g, p->period), p->period, period_type(g, p->period));
	if (!core) {
		sim_buf_puts(b, ",\"on_court\":{");
		for (side = 0; side < 2; side++) {
			sim_buf_printf(b, "%s\"%s\":", side ? "," : "", side ? "away" : "home");
			team_obj(b, g, side);
			sim_buf_puts(b, ",\"players\":[");
			for (i = 0; i < SIM_FIVE; i++) {
				if (i)
					sim_buf_puts(b, ",");
				player_obj(b, g, side, p->five[side][i],
				    !(p->idless & (1u << (side * SIM_FIVE + i))));
			}
			sim_buf_puts(b, "]}");
		}
		sim_buf_puts(b, "}");
	}
	if (p->kind == SIM_FREE_THROW)
		sim_buf_printf(b, ",\"attempt\":\"%d of %d\"", p->ft_k, p->ft_n);
	if (p->kind == SIM_TURNOVER)
		sim_buf_printf(b, ",\"turnover_type\":\"%s\"", tov_types[p->tov_type]);
	if (p->kind == SIM_TIMEOUT)
		sim_buf_puts(b, ",\"duration\":60");
	if (!core && p->nstats > 0)
		statistics(b, g, p);
	sim_buf_puts(b, "}");
}

static void
game_obj(struct sim_buf *b, const struct sim_game *g, const int points[2],
    const struct sim_event *state)
{
	char t[32];
	int side;

	sim_buf_printf(b, "{\"id\":\"%s\",\"status\":\"inprogress\",\"coverage\":\"full\","
	    "\"reference\":\"%s\",\"scheduled\":\"%s\"", g->sr_id, g->reference,
	    sim_iso(g, 0, t, sizeof t));
	for (side = 0; side < 2; side++) {
		sim_buf_printf(b, ",\"%s\":", side ? "away" : "home");
		team_obj(b, g, side);
		sim_buf_printf(b, ",\"points\":%d,\"bonus\":%s,\"remaining_timeouts\":%d}",
		    points[side], state != NULL && state->bonus[side] ? "true" : "false",
		    state != NULL ? state->timeouts[side] : g->timeouts);
	}
	sim_buf_puts(b, "}");
}

static void
metadata(struct sim_buf *b, const struct sim_game *g, const struct sim_play *p, bool del)
{
	int side, i;

	sim_buf_printf(b, ",\"locale\":\"en\",\"metadata\":{\"league\":\"NBA\","
	    "\"match\":\"sd:match:%s\",\"status\":\"inprogress\"", g->sr_id);
	if (!del && p->side >= 0 && p->kind != SIM_PERIOD_END)
		sim_buf_printf(b, ",\"team\":\"sd:team:%s\"", g->team[p->side].sr_id);
	if (!del && p->kind != SIM_PERIOD_END) {
		sim_buf_puts(b, ",\"players\":\"");
		for (side = 0; side < 2; side++)
			for (i = 0; i < SIM_FIVE; i++)
				sim_buf_printf(b, "%ssd:player:%s", side + i ? "," : "",
				    p->idless & (1u << (side * SIM_FIVE + i)) ? "" :
				    g->team[side].players[p->five[side][i]].sr_id);
		sim_buf_puts(b, "\"");
	}
	sim_buf_printf(b, ",\"event_type\":\"%s\",\"event_category\":\"%s\","
	    "\"locale\":\"en\",\"operation\":\"%s\",\"version\":\"v7\"}}",
	    event_type(p), del ? "" : event_category(p), del ? "delete" : "update");
}

static void
points_of(const struct sim_play *p, int out[2])
{
	int i;

	out[0] = out[1] = 0;
	for (i = 0; p != NULL && i < p->nstats; i++)
		if (p->stats[i].side >= 0 && p->stats[i].side <= 1)
			out[p->stats[i].side] += p->stats[i].points;
}

/* --- the push stream --- */

int
sim_render_sportradar(struct sim_game *g)
{
	int *cur = NULL, *last = NULL, points[2] = { 0, 0 }, old[2], now[2];
	int64_t *created = NULL;
	const struct sim_event *state = NULL;
	struct sim_buf b;
	struct ev_ctx c;
	size_t i, n = 0;
	char t[32];

	g->sr_msgs = calloc(g->nsends + 1, sizeof *g->sr_msgs);
	cur = malloc((g->nevents + 1) * sizeof *cur);
	last = malloc((g->nevents + 1) * sizeof *last);
	created = malloc((g->nevents + 1) * sizeof *created);
	if (g->sr_msgs == NULL || cur == NULL || last == NULL || created == NULL)
		goto fail;
	for (i = 0; i < g->nevents; i++) {
		cur[i] = last[i] = -1;
		created[i] = -1;
	}
	sim_buf_init(&b);
	for (i = 0; i < g->nsends; i++) {
		const struct sim_send *x = &g->sends[i];
		const struct sim_event *e = &g->events[x->ev];
		const struct sim_play *p;

		/* the score and the header move with every send, shown or not */
		points_of(cur[x->ev] >= 0 ? &g->versions[cur[x->ev]] : NULL, old);
		points_of(x->version >= 0 ? &g->versions[x->version] : NULL, now);
		points[0] += now[0] - old[0];
		points[1] += now[1] - old[1];
		cur[x->ev] = x->version;
		if (x->version >= 0) {
			last[x->ev] = x->version;
			if (created[x->ev] < 0)
				created[x->ev] = x->at_ms;
			if (state == NULL || e->gen > state->gen)
				state = e;
		}
		if (last[x->ev] < 0 || !rendered((enum sim_kind)e->kind))
			continue;
		p = &g->versions[last[x->ev]];
		sim_buf_puts(&b, "{\"payload\":{\"game\":");
		game_obj(&b, g, points, state);
		if (x->version < 0) {
			char clock[32], dec[32];

			clocks(p->clock, clock, sizeof clock, dec, sizeof dec);
			sim_buf_printf(&b, ",\"event\":{\"event_type\":\"%s\",\"id\":\"%s\","
			    "\"clock\":\"%s\",\"deleted\":\"%s\",\"home_points\":%d,"
			    "\"away_points\":%d}}", event_type(p), e->sr_id, clock,
			    sim_iso(g, x->at_ms, t, sizeof t), points[0], points[1]);
			metadata(&b, g, p, true);
		} else {
			c.created_ms = created[x->ev];
			c.updated_ms = x->at_ms;
			c.home_points = points[0];
			c.away_points = points[1];
			c.with_period = true;
			sim_buf_puts(&b, ",\"event\":");
			event_obj(&b, g, x->ev, p, &c);
			sim_buf_puts(&b, "}");
			metadata(&b, g, p, false);
		}
		g->sr_msgs[n].at_ms = x->at_ms;
		g->sr_msgs[n].seq = 0;
		g->sr_msgs[n].json = sim_buf_take(&b);
		if (g->sr_msgs[n].json == NULL)
			goto fail;
		n++;
	}
	g->sr_n = n;
	free(cur);
	free(last);
	free(created);
	return 0;
fail:
	g->sr_n = n;
	free(cur);
	free(last);
	free(created);
	return -1;
}

size_t
sim_game_sr_stream(const struct sim_game *g, const struct sim_msg **msgs)
{
	if (g == NULL) {
		if (msgs != NULL)
			*msgs = NULL;
		return 0;
	}
	if (msgs != NULL)
		*msgs = g->sr_msgs;
	return g->sr_n;
}

/* --- REST --- */

/* The game header both documents share (sportradar-push.md §15), without
 * its closing brace. */
static void
header(struct sim_buf *b, const struct sim_game *g, const struct sim_tally *t)
{
	char sched[32], clock[32], dec[32];

	clocks(t->clock, clock, sizeof clock, dec, sizeof dec);
	sim_buf_printf(b, "{\"id\":\"%s\",\"status\":\"%s\",\"coverage\":\"full\","
	    "\"scheduled\":\"%s\",\"attendance\":%d,\"lead_changes\":%d,"
	    "\"times_tied\":%d,\"clock\":\"%s\",\"%s\":%d,"
	    "\"track_on_court\":true,\"reference\":\"%s\",\"entry_mode\":\"LDE\","
	    "\"sr_id\":\"sr:match:%llu\",\"clock_decimal\":\"%s\","
	    "\"time_zones\":{\"venue\":\"US/Eastern\",\"home\":\"US/Eastern\","
	    "\"away\":\"US/Central\"},\"season\":{\"id\":\"%s\",\"year\":2024,"
	    "\"type\":\"REG\",\"name\":\"REG\"}",
	    g->sr_id, t->over ? "closed" : t->started ? "inprogress" : "scheduled",
	    sim_iso(g, 0, sched, sizeof sched), 15000 + (int)(g->opt.seed % 5000),
	    t->lead_changes, t->times_tied, clock, g->opt.halves ? "half" : "quarter",
	    t->period, g->reference, 40000000ULL + g->opt.seed % 10000000, dec,
	    g->sr_season);
}

static void
team_head(struct sim_buf *b, const struct sim_game *g, const struct sim_tally *t, int side)
{
	const struct sim_team *tm = &g->team[side];

	sim_buf_printf(b, ",\"%s\":{\"name\":", side ? "away" : "home");
	sim_buf_str(b, tm->name);
	sim_buf_printf(b, ",\"alias\":\"%s\",\"market\":", tm->alias);
	sim_buf_str(b, tm->market);
	sim_buf_printf(b, ",\"id\":\"%s\",\"points\":%d,\"bonus\":%s,"
	    "\"remaining_timeouts\":%d,\"sr_id\":\"sr:team:3%s\",\"reference\":\"%s\"",
	    tm->sr_id, t->team[side].points, t->team[side].bonus ? "true" : "false",
	    t->team[side].timeouts_left, tm->st_id, tm->reference);
}

struct rest {
	struct sim_view v;
	struct sim_tally t;
};

static int
rest_at(const struct sim_game *g, int64_t at_ms, struct rest *r)
{
	if (sim_view_at(g, at_ms, &r->v) < 0)
		return -1;
	sim_tally_view(g, &r->v, CS_PROVIDER_SPORTRADAR, &r->t);
	return 0;
}

/* When the event was first sent, and when the version shown was. */
static void
send_times(const struct sim_game *g, int ev, int64_t at_ms, int64_t *created,
    int64_t *updated)
{
	const struct sim_event *e = &g->events[ev];
	int k;

	*created = *updated = 0;
	for (k = 0; k < e->nsends; k++) {
		const struct sim_send *x = &g->sends[g->ev_sends[e->send0 + k]];

		if (x->at_ms > at_ms)
			break;
		if (k == 0)
			*created = x->at_ms;
		if (x->version >= 0)
			*updated = x->at_ms;
	}
}

char *
sim_game_sr_pbp(const struct sim_game *g, int64_t at_ms)
{
	struct rest r;
	struct sim_buf b;
	struct ev_ctx c;
	int period = 0, score[2] = { 0, 0 }, pts[2];
	bool first = true;
	size_t k;

	if (g == NULL || rest_at(g, at_ms, &r) < 0)
		return NULL;
	sim_buf_init(&b);
	header(&b, g, &r.t);
	team_head(&b, g, &r.t, CS_HOME);
	sim_buf_puts(&b, "}");
	team_head(&b, g, &r.t, CS_AWAY);
	sim_buf_puts(&b, "},\"periods\":[");
	for (k = 0; k < g->nevents; k++) {
		int ev = g->order[k];
		const struct sim_play *p;

		if (r.v.cur[ev] < 0)
			continue;
		p = &g->versions[r.v.cur[ev]];
		if (!rendered((enum sim_kind)p->kind))
			continue;
		if (p->period != period) {
			if (period != 0)
				sim_buf_puts(&b, "]},");
			period = p->period;
			sim_buf_printf(&b, "{\"type\":\"%s\",\"id\":\"%s\",\"number\":%d,"
			    "\"sequence\":%d,\"scoring\":{\"home\":{\"points\":%d},"
			    "\"away\":{\"points\":%d}},\"events\":[",
			    period_type(g, period), g->sr_period_id[period - 1],
			    period_number(g, period), period,
			    r.t.team[0].period_points[period - 1],
			    r.t.team[1].period_points[period - 1]);
			first = true;
		}
		points_of(p, pts);
		score[0] += pts[0];
		score[1] += pts[1];
		send_times(g, ev, at_ms, &c.created_ms, &c.updated_ms);
		c.home_points = score[0];
		c.away_points = score[1];
		c.with_period = false;
		if (!first)
			sim_buf_puts(&b, ",");
		first = false;
		event_obj(&b, g, ev, p, &c);
	}
	if (period != 0)
		sim_buf_puts(&b, "]}");
	sim_buf_puts(&b, "],\"deleted_events\":[");
	first = true;
	for (k = 0; k < g->nevents; k++) {
		if (r.v.cur[k] != -1 || !rendered((enum sim_kind)g->events[k].kind))
			continue;
		sim_buf_printf(&b, "%s{\"id\":\"%s\"}", first ? "" : ",", g->events[k].sr_id);
		first = false;
	}
	sim_buf_puts(&b, "]}");
	sim_view_free(&r.v);
	return sim_buf_take(&b);
}

static void
stats_obj(struct sim_buf *b, const struct sim_line *l)
{
	sim_buf_printf(b, "\"minutes\":\"%02d:%02d\",\"field_goals_made\":%d,"
	    "\"field_goals_att\":%d,\"three_points_made\":%d,\"three_points_att\":%d,"
	    "\"free_throws_made\":%d,\"free_throws_att\":%d,\"offensive_rebounds\":%d,"
	    "\"defensive_rebounds\":%d,\"rebounds\":%d,\"assists\":%d,\"turnovers\":%d,"
	    "\"steals\":%d,\"blocks\":%d,\"personal_fouls\":%d,\"points\":%d",
	    l->tenths / 600, l->tenths / 10 % 60, l->fgm, l->fga, l->tpm, l->tpa,
	    l->ftm, l->fta, l->oreb, l->dreb, l->reb, l->ast, l->tov, l->stl, l->blk,
	    l->pf, l->pts);
}

char *
sim_game_sr_summary(const struct sim_game *g, int64_t at_ms)
{
	static const char *const primary[3][2] = { { "PG", "SG" }, { "SF", "PF" }, { "C", "C" } };
	struct rest r;
	struct sim_buf b;
	int side, i;

	if (g == NULL || rest_at(g, at_ms, &r) < 0)
		return NULL;
	sim_view_free(&r.v);
	sim_buf_init(&b);
	header(&b, g, &r.t);
	for (side = 0; side < 2; side++) {
		const struct sim_team *tm = &g->team[side];
		const struct sim_tally_team *tt = &r.t.team[side];

		team_head(&b, g, &r.t, side);
		sim_buf_puts(&b, ",\"scoring\":[");
		for (i = 1; i <= r.t.period && r.t.started; i++)
			sim_buf_printf(&b, "%s{\"type\":\"%s\",\"number\":%d,\"sequence\":%d,"
			    "\"points\":%d}", i > 1 ? "," : "", period_type(g, i),
			    period_number(g, i), i, tt->period_points[i - 1]);
		sim_buf_puts(&b, "],\"statistics\":{");
		stats_obj(&b, &tt->totals);
		sim_buf_printf(&b, ",\"team_rebounds\":%d,\"team_turnovers\":%d,"
		    "\"team_fouls\":%d},\"players\":[", tt->team_rebounds, tt->team_turnovers,
		    tt->team_fouls_period);
		for (i = 0; i < tm->nplayers; i++) {
			const struct sim_player *pl = &tm->players[i];
			int k = pl->pos == 'G' ? 0 : pl->pos == 'F' ? 1 : 2;

			sim_buf_printf(&b, "%s{\"id\":\"%s\",\"full_name\":", i ? "," : "", pl->sr_id);
			sim_buf_str(&b, pl->full);
			sim_buf_puts(&b, ",\"first_name\":");
			sim_buf_str(&b, pl->first);
			sim_buf_puts(&b, ",\"last_name\":");
			sim_buf_str(&b, pl->last);
			sim_buf_printf(&b, ",\"jersey_number\":\"%s\",\"position\":\"%c\","
			    "\"primary_position\":\"%s\",\"reference\":\"%s\",\"starter\":%s,"
			    "\"on_court\":%s,\"statistics\":{", pl->jersey, pl->pos,
			    primary[k][pl->reference[6] & 1], pl->reference,
			    pl->starter ? "true" : "false", tt->on_court[i] ? "true" : "false");
			stats_obj(&b, &tt->players[i]);
			sim_buf_printf(&b, ",\"pls_min\":%d}}", tt->players[i].plus_minus);
		}
		sim_buf_puts(&b, "]}");
	}
	sim_buf_puts(&b, "}");
	return sim_buf_take(&b);
}
