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
 * It escalates (ui_foul_level): trouble as above (yellow, "3!"); one foul
 * from the limit, in any period, is danger (red, "5!!"); the limit itself
 * is out (red, "FO" by the name).  The limit is the rule profile's
 * foul_out (rules.c).  Ejected ("EJ"): two technical fouls, or one
 * flagrant foul 2 (NBA rule 12-A and 12-B; Sportradar tells a flagrant 2
 * from a 1, ShotTracker does not).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ui/label.h"
#include "ui/text.h"

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

/* ---- names ---- */


/* Bytes of the UTF-8 character starting at s (1 for a stray byte). */
static size_t
utf8_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1, i;

	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

/* "N.Jokic": the first character of the name, a dot, the surname. */
static void
short_form(const char *name, char *buf, size_t size)
{
	char last[CS_NAME_MAX * 2];

	ui_last_name(name, last, sizeof last);
	if (strcmp(last, name) == 0) {   /* one word: no initial to add */
		cs_strlcpy(buf, name, size);
		return;
	}
	if ((unsigned char)name[0] < 0x80 && !isalnum((unsigned char)name[0])) {
		/* no letter to make an initial of ("[31mEvil" once sanitized) */
		cs_strlcpy(buf, last, size);
		return;
	}
	if (snprintf(buf, size, "%.*s.%s", (int)utf8_len(name), name, last) >= (int)size)
		cs_strlcpy(buf, last, size);   /* no room for the initial */
}

/* Cuts `s` (in a buffer of `size`) to `cols` characters, the last of
 * them an ellipsis. */
static void
cut(char *s, size_t size, int cols, bool ascii)
{
	const char *dots = ascii ? "." : "\xe2\x80\xa6";
	size_t at = 0, n = strlen(dots);
	int k;

	if (cols <= 0 || size <= n) {
		s[0] = '\0';
		return;
	}
	for (k = 0; k < cols - 1 && s[at] != '\0' && at + utf8_len(s + at) + n < size; k++)
		at += utf8_len(s + at);
	memcpy(s + at, dots, n + 1);
}

const char *
ui_player_label(const struct box_team *t, int player, int width, bool ascii,
    char *buf, size_t size)
{
	char name[CS_NAME_MAX * 2], other[CS_NAME_MAX * 2], mine[CS_NAME_MAX * 2];
	char theirs[CS_NAME_MAX * 2];
	char tag[CS_JERSEY_MAX + 2] = "";
	const struct box_player *p = &t->players[player];
	int i, room;

	ui_player_name(p, name, sizeof name);
	if (width > 0 && ui_text_width(name) <= width) {
		cs_strlcpy(buf, name, size);
		return buf;
	}
	short_form(name, mine, sizeof mine);
	for (i = 0; i < t->nplayers && p->info.jersey[0] != '\0'; i++) {
		if (i == player)
			continue;
		ui_player_name(&t->players[i], other, sizeof other);
		short_form(other, theirs, sizeof theirs);
		if (strcmp(theirs, mine) == 0) {
			snprintf(tag, sizeof tag, "#%s", p->info.jersey);
			break;
		}
	}
	room = width - (int)strlen(tag);
	if (width > 0 && ui_text_width(mine) > room)
		cut(mine, sizeof mine, room, ascii);
	snprintf(buf, size, "%s%s", mine, tag);
	return buf;
}

void
ui_minutes_shares(const int *seconds, int n, int *minutes)
{
	int i, best, total = 0, sum = 0, left;

	for (i = 0; i < n; i++) {
		total += seconds[i] > 0 ? seconds[i] : 0;
		minutes[i] = seconds[i] > 0 ? seconds[i] / 60 : 0;
		sum += minutes[i];
	}
	for (left = (total + 30) / 60 - sum; left > 0; left--) {
		best = -1;
		for (i = 0; i < n; i++)
			if (seconds[i] - minutes[i] * 60 > 0 && (best < 0 ||
			    seconds[i] - minutes[i] * 60 > seconds[best] - minutes[best] * 60))
				best = i;
		if (best < 0)
			break;
		minutes[best]++;
	}
}

/* ---- fouls ---- */

enum ui_fouls
ui_foul_level(const struct game_rules *r, const struct cs_period *p, int pf)
{
	int limit = r->foul_out > 0 ? r->foul_out : 6;

	if (pf >= limit)
		return UI_FOULS_OUT;
	if (pf == limit - 1)
		return UI_FOULS_DANGER;
	return ui_foul_trouble(r, p, pf) > 0 ? UI_FOULS_TROUBLE : UI_FOULS_OK;
}

const char *
ui_foul_status(const struct game_rules *r, const struct statline *l)
{
	int limit = r->foul_out > 0 ? r->foul_out : 6;

	if (l->tf >= 2 || l->flagrant2 > 0)
		return "EJ";
	if (l->pf >= limit)
		return "FO";
	return "";
}
