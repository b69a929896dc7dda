/*
 * The shared filters (see filter.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/presence.h"
#include "ui/filter.h"
#include "ui/label.h"

static void
changed(struct ui_filter *f)
{
	f->serial++;
}

void
ui_filter_init(struct ui_filter *f)
{
	memset(f, 0, sizeof *f);
	f->side = CS_SIDE_NONE;
	f->player_side = CS_SIDE_NONE;
	f->serial = 1;
}

static bool
stat_has_player(const struct cs_event *ev, int side, const char *id)
{
	int i;

	for (i = 0; i < ev->nstats && i < CS_EVENT_STATS_MAX; i++)
		if (ev->stats[i].side == side && strcmp(ev->stats[i].player.id, id) == 0)
			return true;
	return false;
}

bool
ui_filter_play(const struct ui_filter *f, const struct play *p)
{
	const struct cs_event *ev = p->ev;

	if (ev == NULL)
		return false;
	if (f->side != CS_SIDE_NONE && ev->side != f->side)
		return false;
	if (f->player_id[0] != '\0' && !stat_has_player(ev, f->player_side, f->player_id))
		return false;
	if (f->period != 0 && ev->period.sequence != f->period)
		return false;
	if (f->scoring && !p->scoring)
		return false;
	return true;
}

bool
ui_filter_shot(const struct ui_filter *f, const struct game *g, const struct shot *s)
{
	const struct box_team *t;

	if (f->side != CS_SIDE_NONE && s->side != f->side)
		return false;
	if (f->period != 0 && s->period_sequence != f->period)
		return false;
	if (f->player_id[0] != '\0') {
		if (s->side != f->player_side || s->player < 0)
			return false;
		t = game_view_team(g, s->side);
		if (t == NULL || s->player >= t->nplayers ||
		    strcmp(t->players[s->player].info.id, f->player_id) != 0)
			return false;
	}
	return true;
}

/* The player's detail: the sensors he wore (ShotTracker's assignment
 * history, model/presence.h); what it added to `buf`. */
static size_t
player_sensors(const struct game *g, int side, const char *id, char *buf, size_t size)
{
	char text[160];
	int n;

	game_view_sensor_text(g, side, id, text, sizeof text);
	if (text[0] == '\0')
		return 0;
	n = snprintf(buf, size, "  %s", text);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

void
ui_filter_describe(const struct ui_filter *f, const struct game *g, char *buf, size_t size)
{
	char alias[CS_ALIAS_MAX * 2], name[CS_NAME_MAX], lab[16];
	const struct box_team *t;
	size_t n = 0;
	int i;

	buf[0] = '\0';
	if (f->side != CS_SIDE_NONE)
		n += (size_t)snprintf(buf + n, size - n, "%s", ui_team_alias(g, f->side,
		    alias, sizeof alias));
	if (f->player_id[0] != '\0' && n < size) {
		cs_sanitize(name, f->player_id, sizeof name);
		t = game_view_team(g, f->player_side);
		for (i = 0; t != NULL && i < t->nplayers; i++)
			if (strcmp(t->players[i].info.id, f->player_id) == 0) {
				ui_player_name(&t->players[i], name, sizeof name);
				break;
			}
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "", name);
		if (n < size)
			n += player_sensors(g, f->player_side, f->player_id, buf + n, size - n);
	}
	if (f->period != 0 && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "",
		    ui_period_label(g, f->period, lab, sizeof lab));
	if (f->scoring && n < size)
		snprintf(buf + n, size - n, "%sscoring", n ? " " : "");
}

void
ui_filter_set_player(struct ui_filter *f, int side, const char *id)
{
	if (id == NULL || id[0] == '\0' || (side != CS_HOME && side != CS_AWAY)) {
		f->player_side = CS_SIDE_NONE;
		f->player_id[0] = '\0';
	} else {
		f->player_side = side;
		cs_strlcpy(f->player_id, id, sizeof f->player_id);
		if (f->side != CS_SIDE_NONE && f->side != side)
			f->side = side;
	}
	changed(f);
}

void
ui_filter_set_team(struct ui_filter *f, int side)
{
	f->side = side;
	ui_filter_set_player(f, CS_SIDE_NONE, NULL);
}

void
ui_filter_next_team(struct ui_filter *f)
{
	if (f->side == CS_SIDE_NONE)
		f->side = CS_HOME;
	else if (f->side == CS_HOME)
		f->side = CS_AWAY;
	else
		f->side = CS_SIDE_NONE;
	if (f->player_id[0] != '\0' && f->side != CS_SIDE_NONE && f->player_side != f->side) {
		f->player_id[0] = '\0';
		f->player_side = CS_SIDE_NONE;
	}
	changed(f);
}

void
ui_filter_step_period(struct ui_filter *f, int dir, int last)
{
	int p = f->period;

	if (last < 1)
		last = 1;
	if (dir > 0)
		p = p >= last ? 0 : p + 1;
	else
		p = p == 0 ? last : p - 1;
	f->period = p;
	changed(f);
}

void
ui_filter_toggle_scoring(struct ui_filter *f)
{
	f->scoring = !f->scoring;
	changed(f);
}

void
ui_filter_clear(struct ui_filter *f)
{
	unsigned serial = f->serial;

	ui_filter_init(f);
	f->serial = serial + 1;
}
