/*
 * Rule profiles: how long periods are, which fouls are team fouls, when a
 * team is in the bonus, how many timeouts a team has.  One table row per
 * rule book; the provider's data picks the row (cs_game_info.rules, else
 * the format and period length), --rules overrides it, and the game
 * header may override period lengths.
 *
 * Sources: NBA Official Rules (Rule 5 §VII timeouts, Rule 12B §V team
 * fouls), NCAA Men's and Women's Basketball Rules, NFHS Basketball Rules
 * (quarters with a reset at five team fouls since 2023-24), FIBA Official
 * Basketball Rules (Art. 18 timeouts, Art. 41 team fouls).  The G League
 * plays the NBA's rule book on these points.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "model/game_int.h"

#define MAX_PERIOD_SECONDS 3600   /* ignore absurd overrides */

/* penalty from the 5th team foul of a quarter, the 4th of an overtime, or
 * the 2nd in a period's last two minutes; offensive and technical fouls
 * are not team fouls; 7 timeouts, at most 4 in the fourth quarter and 2
 * after its 3:00 mark; 2 in each overtime, none carried over */
#define NBA_RULES(profile)						\
	{								\
		.name = profile, .format = CS_FORMAT_QUARTERS, .periods = 4, \
		.period_seconds = 720, .overtime_seconds = 300, .foul_out = 6, \
		.bonus_fouls = 5, .overtime_bonus_fouls = 4,		\
		.last_two_minutes_rule = true,				\
		.timeouts = 7, .timeouts_final_period_max = 4,		\
		.timeouts_late_max = 2, .timeouts_late_tenths = 1800,	\
		.timeouts_per_overtime = 2,				\
	}

static const struct game_rules profiles[] = {
	NBA_RULES("nba"),
	NBA_RULES("gleague"),
	{
		/* one-and-one from the 7th team foul of a half, two shots from
		 * the 10th; overtime continues the second half; 4 timeouts, at
		 * most 3 carried into the second half, 1 more per overtime */
		.name = "ncaam", .format = CS_FORMAT_HALVES, .periods = 2,
		.period_seconds = 1200, .overtime_seconds = 300, .foul_out = 5,
		.bonus_fouls = 7, .overtime_bonus_fouls = 7, .double_bonus_fouls = 10,
		.one_and_one = true, .overtime_continues_fouls = true,
		.offensive_fouls_are_team_fouls = true,
		.technical_fouls_are_team_fouls = true,
		.timeouts = 4, .timeouts_second_half_max = 3,
		.timeouts_per_overtime = 1, .timeouts_carry_into_overtime = true,
	},
	{
		/* two shots from the 5th team foul of a quarter; overtime
		 * continues the fourth; 4 timeouts, 1 more per overtime */
		.name = "ncaaw", .format = CS_FORMAT_QUARTERS, .periods = 4,
		.period_seconds = 600, .overtime_seconds = 300, .foul_out = 5,
		.bonus_fouls = 5, .overtime_bonus_fouls = 5,
		.overtime_continues_fouls = true,
		.offensive_fouls_are_team_fouls = true,
		.technical_fouls_are_team_fouls = true,
		.timeouts = 4,
		.timeouts_per_overtime = 1, .timeouts_carry_into_overtime = true,
	},
	{
		/* 8-minute quarters; two shots from the 5th team foul of a
		 * quarter; 5 timeouts, 1 more per 4-minute overtime */
		.name = "nfhs", .format = CS_FORMAT_QUARTERS, .periods = 4,
		.period_seconds = 480, .overtime_seconds = 240, .foul_out = 5,
		.bonus_fouls = 5, .overtime_bonus_fouls = 5,
		.overtime_continues_fouls = true,
		.offensive_fouls_are_team_fouls = true,
		.technical_fouls_are_team_fouls = true,
		.timeouts = 5,
		.timeouts_per_overtime = 1, .timeouts_carry_into_overtime = true,
	},
	{
		/* two shots from the 5th team foul of a quarter, overtime
		 * continuing the fourth; 2 timeouts in the first half, 3 in
		 * the second (at most 2 in its last two minutes), 1 per
		 * overtime; unused ones are lost */
		.name = "fiba", .format = CS_FORMAT_QUARTERS, .periods = 4,
		.period_seconds = 600, .overtime_seconds = 300, .foul_out = 5,
		.bonus_fouls = 5, .overtime_bonus_fouls = 5,
		.overtime_continues_fouls = true,
		.offensive_fouls_are_team_fouls = true,
		.technical_fouls_are_team_fouls = true,
		.timeouts = 5, .timeouts_first_half = 2, .timeouts_second_half_max = 3,
		.timeouts_late_max = 2, .timeouts_late_tenths = 1200,
		.timeouts_per_overtime = 1,
	},
};

#define NPROFILES (sizeof profiles / sizeof profiles[0])

const struct game_rules *
game_rules_profile(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NPROFILES; i++)
		if (strcmp(name, profiles[i].name) == 0)
			return &profiles[i];
	return NULL;
}

const char *
game_rules_names(void)
{
	return "nba, gleague, ncaam, ncaaw, nfhs, fiba";
}

static bool
is_women(const char *gender)
{
	return strcasecmp(gender, "F") == 0 || strcasecmp(gender, "FEMALE") == 0 ||
	    strcasecmp(gender, "W") == 0 || strcasecmp(gender, "WOMEN") == 0 ||
	    strcasecmp(gender, "WOMENS") == 0;
}

/* Without a name: halves are college men's; women's quarters college
 * women's; 8-minute quarters high school; 10-minute quarters FIBA;
 * anything else the NBA's. */
static const struct game_rules *
profile_for(const struct cs_game_info *info)
{
	const struct game_rules *named = game_rules_profile(info->rules);

	if (named != NULL)
		return named;
	if (info->format == CS_FORMAT_HALVES)
		return game_rules_profile("ncaam");
	if (is_women(info->gender))
		return game_rules_profile("ncaaw");
	if (info->period_seconds == 480)
		return game_rules_profile("nfhs");
	if (info->period_seconds == 600)
		return game_rules_profile("fiba");
	return game_rules_profile("nba");
}

void
game_rules_from_info(struct game_rules *r, const struct cs_game_info *info,
    const char *override)
{
	const struct game_rules *p = game_rules_profile(override);

	*r = p != NULL ? *p : *profile_for(info);
	if (info->period_seconds > 0 && info->period_seconds <= MAX_PERIOD_SECONDS)
		r->period_seconds = info->period_seconds;
	if (info->overtime_seconds > 0 && info->overtime_seconds <= MAX_PERIOD_SECONDS)
		r->overtime_seconds = info->overtime_seconds;
}

bool
game_rules_is_overtime(const struct game_rules *r, int period_seq,
    enum cs_period_type type)
{
	return type == CS_PERIOD_OVERTIME || period_seq > r->periods;
}

int
game_rules_period_tenths(const struct game_rules *r, int period_seq,
    enum cs_period_type type)
{
	if (game_rules_is_overtime(r, period_seq, type))
		return r->overtime_seconds * 10;
	return r->period_seconds * 10;
}

/*
 * Index of the team-foul count a period uses: its own, except that an
 * overtime continues the last regulation period's count where the profile
 * says so.  NCAA men count by half, which is the period there.
 */
int
game_rules_foul_period(const struct game_rules *r, int period_seq)
{
	int seq = period_seq;

	if (r->overtime_continues_fouls && seq > r->periods)
		seq = r->periods;
	if (seq < 1)
		seq = 1;
	return seq - 1;
}

/* Whether the personal fouls in `ev` count as team fouls. */
bool
game_rules_team_foul(const struct game_rules *r, const struct cs_event *ev)
{
	int i;

	if (ev->type == CS_EV_TECHNICAL_FOUL)
		return r->technical_fouls_are_team_fouls;
	if (r->offensive_fouls_are_team_fouls)
		return true;
	if (ev->type == CS_EV_OFFENSIVE_FOUL)
		return false;
	for (i = 0; i < ev->nstats; i++)
		if (ev->stats[i].type == CS_STAT_OFFENSIVE_FOUL)
			return false;
	return true;
}

static int
bonus_limit(const struct game_rules *r, int period_seq, enum cs_period_type type)
{
	if (game_rules_is_overtime(r, period_seq, type) && !r->overtime_continues_fouls)
		return r->overtime_bonus_fouls;
	return r->bonus_fouls;
}

/* A team shoots on fouls once its opponent has reached the limit. */
enum game_bonus
game_rules_bonus(const struct game_rules *r, const struct side_state *opponent,
    int period_seq, enum cs_period_type type)
{
	int fp = game_rules_foul_period(r, period_seq);
	int fouls = game_period_side(opponent, fp)->fouls;

	if (r->double_bonus_fouls > 0 && fouls >= r->double_bonus_fouls)
		return GAME_DOUBLE_BONUS;
	if (fouls >= bonus_limit(r, period_seq, type))
		return GAME_BONUS;
	if (r->last_two_minutes_rule && game_period_side(opponent, fp)->fouls_last_two >= 2)
		return GAME_BONUS;
	return GAME_NO_BONUS;
}

/*
 * Team fouls `st` can commit before its opponent shoots: up to the limit,
 * and in the NBA's last two minutes of a period one more at most.
 */
int
game_rules_fouls_to_give(const struct game_rules *r, const struct side_state *st,
    int period_seq, enum cs_period_type type, int clock)
{
	const struct period_side *ps =
	    game_period_side(st, game_rules_foul_period(r, period_seq));
	int give = bonus_limit(r, period_seq, type) - 1 - ps->fouls;

	if (r->last_two_minutes_rule && clock >= 0 && clock <= GAME_LAST_TWO_MIN &&
	    give > 1 - ps->fouls_last_two)
		give = 1 - ps->fouls_last_two;
	return give > 0 ? give : 0;
}

static int
at_most(int a, int b)
{
	return a < b ? a : b;
}

/* Whether (period_seq, clock) is in the last period's late window. */
static bool
late_window(const struct game_rules *r, int period_seq, int clock)
{
	return r->timeouts_late_max > 0 && period_seq == r->periods && clock >= 0 &&
	    clock <= r->timeouts_late_tenths;
}

/* Timeouts left in regulation at (period_seq, clock). */
static int
regulation_timeouts(const struct game_rules *r, const struct side_state *st,
    int period_seq, int clock)
{
	int half = r->periods / 2, first = 0, second = 0, p, left;

	for (p = 1; p <= r->periods && p <= period_seq; p++) {
		if (p <= half)
			first += game_period_side(st, p - 1)->timeouts;
		else
			second += game_period_side(st, p - 1)->timeouts;
	}
	if (period_seq <= half && period_seq <= r->periods) {
		left = r->timeouts_first_half > 0 ? r->timeouts_first_half - first :
		    r->timeouts - first;
	} else {
		/* the second half: what the first left, or its own allowance */
		left = r->timeouts_first_half > 0 ? r->timeouts - r->timeouts_first_half :
		    r->timeouts - first;
		if (r->timeouts_second_half_max > 0)
			left = at_most(left, r->timeouts_second_half_max);
		left -= second;
	}
	if (period_seq != r->periods)
		return left;
	if (r->timeouts_final_period_max > 0)
		left = at_most(left, r->timeouts_final_period_max -
		    game_period_side(st, r->periods - 1)->timeouts);
	if (late_window(r, period_seq, clock))
		left = at_most(left, r->timeouts_late_max -
		    game_period_side(st, r->periods - 1)->timeouts_late);
	return left;
}

/* The rule book's count at (period_seq, clock), from the timeouts taken. */
static int
derived_timeouts(const struct game_rules *r, const struct side_state *st,
    int period_seq, enum cs_period_type type, int clock)
{
	int left, p, ot;

	if (!game_rules_is_overtime(r, period_seq, type))
		return regulation_timeouts(r, st, period_seq, clock);
	if (!r->timeouts_carry_into_overtime)
		return r->timeouts_per_overtime - game_period_side(st, period_seq - 1)->timeouts;
	left = regulation_timeouts(r, st, r->periods, CS_NO_CLOCK);
	if (left < 0)
		left = 0;
	for (ot = 0, p = r->periods + 1; p <= period_seq; p++, ot++)
		left -= game_period_side(st, p - 1)->timeouts;
	return left + ot * r->timeouts_per_overtime;
}

int
game_rules_timeouts_left(const struct game_rules *r, const struct side_state *st,
    int period_seq, enum cs_period_type type, int clock)
{
	int left;

	if (st->timeouts_remaining != CS_UNKNOWN &&
	    st->timeouts_remaining_period == period_seq) {
		/* the figure as sent, less what the late window takes since */
		left = st->timeouts_remaining;
		if (late_window(r, period_seq, clock) &&
		    !late_window(r, period_seq, st->timeouts_remaining_clock))
			left = at_most(left, r->timeouts_late_max -
			    game_period_side(st, period_seq - 1)->timeouts_late);
		return left > 0 ? left : 0;
	}
	left = derived_timeouts(r, st, period_seq, type, clock);
	return left > 0 ? left : 0;
}
