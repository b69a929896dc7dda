/* Helpers on normalized events that every provider and pane shares. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "model/event.h"

void
cs_event_init(struct cs_event *ev, enum cs_provider provider)
{
	memset(ev, 0, sizeof *ev);
	ev->provider = provider;
	ev->clock = CS_NO_CLOCK;
	ev->side = CS_SIDE_NONE;
	ev->timeouts_remaining = CS_UNKNOWN;
}

struct cs_stat *
cs_event_add_stat(struct cs_event *ev, enum cs_stat_type type, int side)
{
	struct cs_stat *st;

	if (ev->nstats >= CS_EVENT_STATS_MAX)
		return NULL;
	st = &ev->stats[ev->nstats++];
	memset(st, 0, sizeof *st);
	st->type = type;
	st->side = side;
	return st;
}

void
cs_game_info_init(struct cs_game_info *info, enum cs_provider provider)
{
	int i;

	memset(info, 0, sizeof *info);
	info->provider = provider;
	info->format = CS_FORMAT_QUARTERS;
	for (i = 0; i < 2; i++)
		info->team[i].color = CS_NO_COLOR;
}

const char *
cs_period_label(const struct cs_period *p, char *buf, size_t size)
{
	switch (p->type) {
	case CS_PERIOD_HALF:
		snprintf(buf, size, "H%d", p->number);
		break;
	case CS_PERIOD_OVERTIME:
		snprintf(buf, size, "OT%d", p->number);
		break;
	case CS_PERIOD_QUARTER:
	default:
		snprintf(buf, size, "Q%d", p->number);
		break;
	}
	return buf;
}

#define POINT_MAX_NUMBER CS_PERIODS_MAX   /* OT96 after quarters */
#define POINT_MAX_CLOCK 36000      /* 60:00: no period is longer */

/* "3", "Q3", "H2", "OT1" (any case) -> kind and number. */
static int
point_period(const char *s, size_t n, struct cs_game_point *pt)
{
	size_t i, skip = 0;
	long v = 0;

	pt->kind = CS_POINT_SEQUENCE;
	if (n >= 2 && strncasecmp(s, "OT", 2) == 0) {
		pt->kind = CS_POINT_OVERTIME;
		skip = 2;
	} else if (n >= 1 && (s[0] == 'Q' || s[0] == 'q')) {
		pt->kind = CS_POINT_QUARTER;
		skip = 1;
	} else if (n >= 1 && (s[0] == 'H' || s[0] == 'h')) {
		pt->kind = CS_POINT_HALF;
		skip = 1;
	}
	if (n == skip || n - skip > 3)
		return -1;
	for (i = skip; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < 1 || v > POINT_MAX_NUMBER)
		return -1;
	pt->number = (int)v;
	return 0;
}

int
cs_game_point_parse(const char *spec, struct cs_game_point *pt)
{
	const char *sep;
	size_t n;
	int tenths;

	while (isspace((unsigned char)*spec))
		spec++;
	n = strcspn(spec, "/ \t");
	sep = spec + n;
	if (*sep == '\0' || point_period(spec, n, pt) < 0)
		return -1;
	/* one slash, or spaces */
	if (*sep == '/')
		sep++;
	else
		while (*sep == ' ' || *sep == '\t')
			sep++;
	if (*sep == '/' || *sep == ' ' || *sep == '\t')
		return -1;
	tenths = cs_clock_parse(sep);
	if (tenths == CS_NO_CLOCK || tenths < 0 || tenths > POINT_MAX_CLOCK)
		return -1;
	pt->clock = tenths;
	return 0;
}

int
cs_game_point_sequence(const struct cs_game_point *pt, bool halves)
{
	int regulation = halves ? 2 : 4;

	switch (pt->kind) {
	case CS_POINT_QUARTER:
		return !halves && pt->number <= regulation ? pt->number : -1;
	case CS_POINT_HALF:
		return halves && pt->number <= regulation ? pt->number : -1;
	case CS_POINT_OVERTIME:
		return regulation + pt->number <= CS_PERIODS_MAX ? regulation + pt->number : -1;
	case CS_POINT_SEQUENCE:
	default:
		return pt->number;
	}
}

/* One clock component: digits only, at most 9 of them. */
static int
clock_part(const char *s, size_t len, long *out)
{
	long v = 0;
	size_t i;

	if (len == 0 || len > 9)
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
cs_clock_parse(const char *s)
{
	long parts[3], sec, frac = 0, total;
	int nparts = 0, fracdigits = 0;
	const char *p, *colon, *dot, *end;

	if (s == NULL)
		return CS_NO_CLOCK;
	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	if (end == s)
		return CS_NO_CLOCK;

	/* The last component is seconds with an optional fraction. */
	p = s;
	for (;;) {
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon == NULL)
			break;
		if (nparts == 2 || clock_part(p, (size_t)(colon - p), &parts[nparts]) < 0)
			return CS_NO_CLOCK;
		nparts++;
		p = colon + 1;
	}
	dot = memchr(p, '.', (size_t)(end - p));
	if (dot != NULL) {
		if (clock_part(p, (size_t)(dot - p), &sec) < 0)
			return CS_NO_CLOCK;
		if (dot + 1 < end) {
			if (clock_part(dot + 1, (size_t)(end - dot - 1), &frac) < 0)
				return CS_NO_CLOCK;
			fracdigits = (int)(end - dot - 1);
		}
	} else if (clock_part(p, (size_t)(end - p), &sec) < 0)
		return CS_NO_CLOCK;

	/* tenths, truncated: "54.69" -> 546 */
	while (fracdigits > 1) {
		frac /= 10;
		fracdigits--;
	}
	total = sec;
	if (nparts == 1)
		total += parts[0] * 60;
	else if (nparts == 2)
		total += parts[0] * 3600 + parts[1] * 60;
	if (total > 24L * 3600)
		return CS_NO_CLOCK;
	return (int)(total * 10 + frac);
}

const char *
cs_clock_format(int tenths, char *buf, size_t size)
{
	if (tenths < 0) {
		snprintf(buf, size, "--:--");
		return buf;
	}
	if (tenths >= 600)
		snprintf(buf, size, "%d:%02d", tenths / 600, (tenths / 10) % 60);
	else
		snprintf(buf, size, "%d.%d", tenths / 10, tenths % 10);
	return buf;
}

static const char *const event_type_names[CS_EV_TYPE_COUNT] = {
	[CS_EV_OTHER] = "other",
	[CS_EV_TWO_MADE] = "twopointmade",
	[CS_EV_TWO_MISSED] = "twopointmiss",
	[CS_EV_THREE_MADE] = "threepointmade",
	[CS_EV_THREE_MISSED] = "threepointmiss",
	[CS_EV_FREE_THROW_MADE] = "freethrowmade",
	[CS_EV_FREE_THROW_MISSED] = "freethrowmiss",
	[CS_EV_HEAVE] = "heave",
	[CS_EV_REBOUND] = "rebound",
	[CS_EV_TURNOVER] = "turnover",
	[CS_EV_PERSONAL_FOUL] = "personalfoul",
	[CS_EV_SHOOTING_FOUL] = "shootingfoul",
	[CS_EV_OFFENSIVE_FOUL] = "offensivefoul",
	[CS_EV_TECHNICAL_FOUL] = "technicalfoul",
	[CS_EV_FLAGRANT_FOUL] = "flagrantfoul",
	[CS_EV_TIMEOUT] = "teamtimeout",
	[CS_EV_OFFICIAL_TIMEOUT] = "officialtimeout",
	[CS_EV_SUBSTITUTION] = "lineupchange",
	[CS_EV_JUMP_BALL] = "jumpball",
	[CS_EV_PERIOD_START] = "periodstart",
	[CS_EV_PERIOD_END] = "endperiod",
	[CS_EV_GAME_END] = "endgame",
	[CS_EV_STOPPAGE] = "stoppage",
	[CS_EV_VIOLATION] = "violation",
};

const char *
cs_event_type_name(enum cs_event_type t)
{
	if ((int)t < 0 || t >= CS_EV_TYPE_COUNT || event_type_names[t] == NULL)
		return "other";
	return event_type_names[t];
}

static const char *const stat_type_names[CS_STAT_TYPE_COUNT] = {
	[CS_STAT_FIELD_GOAL] = "fieldgoal",
	[CS_STAT_FREE_THROW] = "freethrow",
	[CS_STAT_REBOUND] = "rebound",
	[CS_STAT_ASSIST] = "assist",
	[CS_STAT_STEAL] = "steal",
	[CS_STAT_BLOCK] = "block",
	[CS_STAT_ATTEMPT_BLOCKED] = "attemptblocked",
	[CS_STAT_TURNOVER] = "turnover",
	[CS_STAT_PERSONAL_FOUL] = "personalfoul",
	[CS_STAT_FOUL_DRAWN] = "fouldrawn",
	[CS_STAT_OFFENSIVE_FOUL] = "offensivefoul",
	[CS_STAT_TECHNICAL_FOUL] = "technicalfoul",
	[CS_STAT_FLAGRANT_FOUL] = "flagrantfoul",
};

const char *
cs_stat_type_name(enum cs_stat_type t)
{
	if ((int)t < 0 || t >= CS_STAT_TYPE_COUNT)
		return "unknown";
	return stat_type_names[t];
}

const char *
cs_provider_name(enum cs_provider p)
{
	switch (p) {
	case CS_PROVIDER_SHOTTRACKER:
		return "shottracker";
	case CS_PROVIDER_SPORTRADAR:
		return "sportradar";
	default:
		return "none";
	}
}
