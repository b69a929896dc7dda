/*
 * The sensors' presence, lineups at a time and sensor assignments
 * (presence.h): kept in the game, reconciled with the derived minutes and
 * fives at the end of each derivation.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/game_int.h"
#include "model/presence.h"
#include "util.h"

/* A change the panes show (as game.c's changed()). */
static void
presence_changed(struct game *g)
{
	g->content_gen = ++g->generation;
}

static bool
side_ok(int side)
{
	return side == CS_HOME || side == CS_AWAY;
}

int
game_set_presence(struct game *g, const struct cs_presence *p)
{
	struct game_presence *gp = &g->presence;
	struct cs_presence v, *slot = NULL;
	int i;

	if (!side_ok(p->side) || p->player_id[0] == '\0' || p->tenths < 0)
		return -1;
	v = *p;
	cs_sanitize(v.player_id, p->player_id, sizeof v.player_id);
	for (i = 0; i < gp->nplayers && slot == NULL; i++)
		if (gp->players[i].side == v.side &&
		    strcmp(gp->players[i].player_id, v.player_id) == 0)
			slot = &gp->players[i];
	if (slot == NULL) {
		if (gp->nplayers >= CS_PRESENCE_MAX)
			return -1;
		slot = &gp->players[gp->nplayers++];
	} else if (memcmp(slot, &v, sizeof v) == 0) {
		return 0;
	}
	*slot = v;
	presence_changed(g);
	return 1;
}

int
game_set_lineup_at(struct game *g, const struct cs_lineup_at *l)
{
	struct game_presence *gp = &g->presence;
	struct cs_lineup_at v;
	int k;

	if (!side_ok(l->side) || l->n < 0 || l->n > CS_ON_COURT)
		return -1;
	memset(&v, 0, sizeof v);
	v.side = l->side;
	v.timestamp = l->timestamp;
	v.as_of = l->as_of;
	v.as_of_clock = l->as_of_clock;
	v.n = l->n;
	for (k = 0; k < l->n; k++)
		cs_sanitize(v.ids[k], l->ids[k], sizeof v.ids[k]);
	if (gp->has_lineup[v.side] && memcmp(&gp->lineup[v.side], &v, sizeof v) == 0)
		return 0;
	gp->lineup[v.side] = v;
	gp->has_lineup[v.side] = true;
	presence_changed(g);
	return 1;
}

/* Kept in time order; the same player and timestamp again is the same one. */
int
game_add_sensor(struct game *g, const struct cs_sensor_assignment *s)
{
	struct game_presence *gp = &g->presence;
	struct cs_sensor_assignment v;
	int i;

	if (!side_ok(s->side) || s->player_id[0] == '\0' || s->sensor[0] == '\0')
		return -1;
	memset(&v, 0, sizeof v);
	v.side = s->side;
	v.timestamp = s->timestamp;
	cs_sanitize(v.player_id, s->player_id, sizeof v.player_id);
	cs_sanitize(v.sensor, s->sensor, sizeof v.sensor);
	for (i = 0; i < gp->nsensors; i++) {
		if (gp->sensors[i].timestamp == v.timestamp &&
		    strcmp(gp->sensors[i].player_id, v.player_id) == 0) {
			if (strcmp(gp->sensors[i].sensor, v.sensor) == 0)
				return 0;
			gp->sensors[i] = v;
			presence_changed(g);
			return 1;
		}
	}
	if (gp->nsensors >= CS_SENSORS_MAX)
		return -1;
	for (i = gp->nsensors; i > 0 && gp->sensors[i - 1].timestamp > v.timestamp; i--)
		gp->sensors[i] = gp->sensors[i - 1];
	gp->sensors[i] = v;
	gp->nsensors++;
	presence_changed(g);
	return 1;
}

/*
 * The derived minutes and fives are as of the last play folded (not the
 * running clock): a report is compared when it is as of that same time.
 */
static bool
model_at(const struct game *g, const struct cs_period *p, int clock)
{
	const struct cs_period *last;

	if (g->store.n == 0 || g->d.clock < 0 || p->sequence == 0)
		return false;
	last = &g->store.order[g->store.n - 1]->ev.period;
	return last->sequence == p->sequence && g->d.clock == clock;
}

static void
flag_player(struct game *g, int side, int idx)
{
	if (idx >= 0)
		g->roster[side].players[idx].mismatch = true;
}

/* Minutes: the sensors' time on court against the derived, per player. */
static void
reconcile_presence(struct game *g)
{
	const struct game_presence *gp = &g->presence;
	int i, idx, derived, diff;

	for (i = 0; i < gp->nplayers; i++) {
		const struct cs_presence *p = &gp->players[i];

		if (!model_at(g, &p->as_of, p->as_of_clock))
			continue;
		idx = game_roster_find(&g->roster[p->side], p->player_id);
		derived = idx >= 0 ? g->roster[p->side].tenths[idx] : 0;
		diff = derived - p->tenths;
		if (diff > CS_PRESENCE_SLACK_TENTHS || diff < -CS_PRESENCE_SLACK_TENTHS) {
			g->mismatches++;
			flag_player(g, p->side, idx);
		}
	}
}

static bool
in_list(const struct cs_lineup_at *l, const char *id)
{
	int k;

	for (k = 0; k < l->n; k++)
		if (strcmp(l->ids[k], id) == 0)
			return true;
	return false;
}

/* Fives: each player on one side's list and not the other's is a difference. */
static void
reconcile_lineup(struct game *g, int side)
{
	const struct cs_lineup_at *l = &g->presence.lineup[side];
	const struct box_team *t = &g->team[side];
	const struct roster *r = &g->roster[side];
	int k, idx;
	bool derived_on;

	if (!g->presence.has_lineup[side] || !model_at(g, &l->as_of, l->as_of_clock))
		return;
	for (k = 0; k < l->n; k++) {
		idx = game_roster_find(r, l->ids[k]);
		derived_on = idx >= 0 && r->players[idx].on_court;
		if (!derived_on) {
			g->mismatches++;
			flag_player(g, side, idx);
		}
	}
	for (k = 0; k < CS_ON_COURT; k++) {
		idx = t->on_court[k];
		if (idx >= 0 && !in_list(l, r->players[idx].info.id)) {
			g->mismatches++;
			flag_player(g, side, idx);
		}
	}
}

void
game_presence_reconcile(struct game *g)
{
	reconcile_presence(g);
	reconcile_lineup(g, CS_HOME);
	reconcile_lineup(g, CS_AWAY);
}

int
game_view_sensors(const struct game *g, int side, const char *player_id,
    struct cs_sensor_assignment *out, int max)
{
	const struct game_presence *gp = &g->presence;
	int i, n = 0;

	for (i = 0; i < gp->nsensors && n < max; i++)
		if (gp->sensors[i].side == side &&
		    strcmp(gp->sensors[i].player_id, player_id) == 0)
			out[n++] = gp->sensors[i];
	return n;
}

const struct cs_presence *
game_view_presence(const struct game *g, int side, const char *player_id)
{
	const struct game_presence *gp = &g->presence;
	int i;

	for (i = 0; i < gp->nplayers; i++)
		if (gp->players[i].side == side &&
		    strcmp(gp->players[i].player_id, player_id) == 0)
			return &gp->players[i];
	return NULL;
}

void
game_view_sensor_text(const struct game *g, int side, const char *player_id,
    char *buf, size_t size)
{
	struct cs_sensor_assignment a[CS_SENSORS_MAX];
	int i, n, shown = 0;
	size_t len = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	n = game_view_sensors(g, side, player_id, a, CS_SENSORS_MAX);
	for (i = 0; i < n && len < size; i++) {
		if (i > 0 && strcmp(a[i].sensor, a[i - 1].sensor) == 0)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    shown++ ? ", " : "sensors ", a[i].sensor);
	}
}
