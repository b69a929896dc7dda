/*
 * Shared by the ShotTracker fuzz targets: a sink that checks what the
 * parsers deliver (ids set, text terminated and free of control
 * characters, periods and statistics in range) and aborts otherwise.
 */
#ifndef CS_FUZZ_SHOTTRACKER_H
#define CS_FUZZ_SHOTTRACKER_H

#include <stdlib.h>
#include <string.h>

#include "providers/shottracker.h"

static void
fz_text(const char *s, size_t cap)
{
	size_t i, n = strnlen(s, cap);

	if (n == cap)
		abort();
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			abort();
}

static void
fz_event(void *ctx, const struct cs_event *ev)
{
	int i, s, k;

	(void)ctx;
	if (ev->id[0] == '\0' || ev->nstats < 0 || ev->nstats > CS_EVENT_STATS_MAX ||
	    ev->period.sequence < 1 || ev->period.sequence > CS_PERIODS_MAX ||
	    ev->sequence < 0 ||
	    ev->type < 0 || ev->type >= CS_EV_TYPE_COUNT ||
	    (ev->side != CS_SIDE_NONE && ev->side != CS_HOME && ev->side != CS_AWAY))
		abort();
	fz_text(ev->id, sizeof ev->id);
	fz_text(ev->description, sizeof ev->description);
	fz_text(ev->provider_type, sizeof ev->provider_type);
	for (i = 0; i < ev->nstats; i++) {
		fz_text(ev->stats[i].player.id, sizeof ev->stats[i].player.id);
		if (ev->stats[i].points < 0 || ev->stats[i].points > 3)
			abort();
	}
	for (s = 0; s < 2; s++)
		for (k = 0; k < CS_ON_COURT; k++)
			fz_text(ev->on_court[s][k].id, sizeof ev->on_court[s][k].id);
	if (ev->has_location && (ev->x < -1000 || ev->x > 2200 || ev->y < -1000 || ev->y > 1700))
		abort();
}

static void
fz_delete(void *ctx, const char *id)
{
	(void)ctx;
	if (id == NULL || id[0] == '\0')
		abort();
	fz_text(id, CS_ID_MAX);
}

static void
fz_game(void *ctx, const struct cs_game_info *g)
{
	int s, p;

	(void)ctx;
	fz_text(g->id, sizeof g->id);
	fz_text(g->status, sizeof g->status);
	for (s = 0; s < 2; s++) {
		if (g->team[s].nplayers < 0 || g->team[s].nplayers > CS_ROSTER_MAX)
			abort();
		fz_text(g->team[s].name, sizeof g->team[s].name);
		fz_text(g->team[s].alias, sizeof g->team[s].alias);
		for (p = 0; p < g->team[s].nplayers; p++) {
			fz_text(g->team[s].players[p].id, sizeof g->team[s].players[p].id);
			fz_text(g->team[s].players[p].name, sizeof g->team[s].players[p].name);
			fz_text(g->team[s].players[p].jersey, sizeof g->team[s].players[p].jersey);
		}
	}
}

static void
fz_clock(void *ctx, const struct cs_clock *c)
{
	(void)ctx;
	if (c->clock < 0 || c->period.sequence < 1)
		abort();
}

static void
fz_published(void *ctx, const struct cs_published_stats *p)
{
	(void)ctx;
	if (p->side != CS_HOME && p->side != CS_AWAY)
		abort();
	fz_text(p->player_id, sizeof p->player_id);
}

static void
fz_warning(void *ctx, const char *m)
{
	(void)ctx;
	fz_text(m, 256);
	if (strchr(m, '\n') != NULL)
		abort();
}

static const struct cs_sink fz_sink = {
	.event = fz_event, .delete_event = fz_delete, .game = fz_game,
	.clock = fz_clock, .published = fz_published, .warning = fz_warning,
};

/* A parser state as after the game event: team ids known. */
static void
fz_ctx(struct shottracker_ctx *c)
{
	shottracker_ctx_init(c, &fz_sink, "g1");
	cs_strlcpy(c->team_id[CS_HOME], "552", sizeof c->team_id[CS_HOME]);
	cs_strlcpy(c->team_id[CS_AWAY], "526", sizeof c->team_id[CS_AWAY]);
	c->have_game = true;
}

#endif
