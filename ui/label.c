/*
 * Labels (see label.h).
 *
 * Foul trouble (the box score's PF column and the name turn yellow; red
 * when out):
 *   quarters: 2 fouls in Q1, 3 in Q2, 4 in Q3, one from the limit in Q4
 *             and overtime; the limit is 6 in 12-minute quarters (NBA),
 *             5 otherwise (FIBA, WNBA, NCAA women);
 *   halves (NCAA men, limit 5): 2 in the first half, 4 in the second half
 *             and overtime.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/label.h"

const char *
ui_team_alias(const struct game *g, int side, char *buf, size_t size)
{
	const struct cs_game_info *info = game_info(g);
	const struct cs_team_info *t;

	if (side != CS_HOME && side != CS_AWAY) {
		cs_strlcpy(buf, "", size);
		return buf;
	}
	t = &info->team[side];
	if (t->alias[0] != '\0')
		cs_sanitize(buf, t->alias, size);
	else if (t->name[0] != '\0')
		snprintf(buf, size, "%.3s", t->name);
	else
		cs_strlcpy(buf, side == CS_HOME ? "HOME" : "AWAY", size);
	if (buf[0] == '\0')
		cs_strlcpy(buf, side == CS_HOME ? "HOME" : "AWAY", size);
	return buf;
}

const char *
ui_player_name(const struct box_player *p, char *buf, size_t size)
{
	if (p->info.name[0] != '\0')
		cs_sanitize(buf, p->info.name, size);
	else if (p->info.jersey[0] != '\0')
		snprintf(buf, size, "#%s", p->info.jersey);
	else
		cs_sanitize(buf, p->info.id, size);
	return buf;
}

const char *
ui_period_label(const struct game *g, int sequence, char *buf, size_t size)
{
	const struct game_rules *r = game_rules(g);
	struct cs_period p;
	int reg = r->periods > 0 ? r->periods : 4;

	memset(&p, 0, sizeof p);
	p.sequence = sequence;
	if (sequence > reg) {
		p.type = CS_PERIOD_OVERTIME;
		p.number = sequence - reg;
	} else {
		p.type = r->format == CS_FORMAT_HALVES ? CS_PERIOD_HALF : CS_PERIOD_QUARTER;
		p.number = sequence;
	}
	return cs_period_label(&p, buf, size);
}

int
ui_foul_trouble(const struct game_rules *r, const struct cs_period *p, int pf)
{
	int limit = r->foul_out > 0 ? r->foul_out : 6, at;

	if (pf >= limit)
		return 2;
	/* the usual benching thresholds: 2 in the first period, then one
	 * more a period, and one short of fouling out in the last */
	if (r->format == CS_FORMAT_HALVES)
		at = p->sequence <= 1 ? 2 : limit - 1;
	else if (p->sequence <= 1)
		at = 2;
	else if (p->sequence == 2)
		at = 3;
	else if (p->sequence == 3)
		at = 4;
	else
		at = limit - 1;
	if (at > limit - 1)
		at = limit - 1;
	return pf >= at ? 1 : 0;
}
