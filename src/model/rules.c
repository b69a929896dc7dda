/*
 * Rule profiles: how long periods are, which fouls are team fouls, when a
 * team is in the bonus, how many timeouts a team has.  The profile comes
 * from the game format; the game header may override period lengths.
 */
#include "config.h"

#include "model/game_int.h"

#define MAX_PERIOD_SECONDS 3600   /* ignore absurd overrides */

void
game_rules_from_info(struct game_rules *r, const struct cs_game_info *info)
{
	if (info->format == CS_FORMAT_HALVES) {
		/* NCAA men: the 7th team foul of a half gives the bonus, the count
		 * runs on into overtime, player-control fouls are team fouls. */
		*r = (struct game_rules){
			.format = CS_FORMAT_HALVES, .periods = 2,
			.period_seconds = 1200, .overtime_seconds = 300,
			.bonus_fouls = 7, .overtime_bonus_fouls = 7,
			.last_two_minutes_rule = false,
			.offensive_fouls_are_team_fouls = true,
			.timeouts = 4,
		};
	} else {
		/* NBA: penalty from the 5th team foul of a quarter (4th in
		 * overtime), or the 2nd in its last two minutes; offensive fouls
		 * are not team fouls. */
		*r = (struct game_rules){
			.format = CS_FORMAT_QUARTERS, .periods = 4,
			.period_seconds = 720, .overtime_seconds = 300,
			.bonus_fouls = 5, .overtime_bonus_fouls = 4,
			.last_two_minutes_rule = true,
			.offensive_fouls_are_team_fouls = false,
			.timeouts = 7,
		};
	}
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
 * Index of the team-foul count a period uses: its own, except that in
 * halves the overtime fouls continue the second half's count.
 */
int
game_rules_foul_period(const struct game_rules *r, int period_seq)
{
	int seq = period_seq;

	if (r->format == CS_FORMAT_HALVES && seq > r->periods)
		seq = r->periods;
	if (seq < 1)
		seq = 1;
	if (seq > CS_PERIODS_MAX)
		seq = CS_PERIODS_MAX;
	return seq - 1;
}

/* Whether the personal fouls in `ev` count as team fouls. */
bool
game_rules_team_foul(const struct game_rules *r, const struct cs_event *ev)
{
	int i;

	if (ev->type == CS_EV_TECHNICAL_FOUL)
		return false;
	if (r->offensive_fouls_are_team_fouls)
		return true;
	if (ev->type == CS_EV_OFFENSIVE_FOUL)
		return false;
	for (i = 0; i < ev->nstats; i++)
		if (ev->stats[i].type == CS_STAT_OFFENSIVE_FOUL)
			return false;
	return true;
}

/* A team shoots on fouls once its opponent has reached the limit. */
bool
game_rules_in_bonus(const struct game_rules *r, const struct side_state *opponent,
    int period_seq, enum cs_period_type type)
{
	int fp = game_rules_foul_period(r, period_seq);
	int limit = game_rules_is_overtime(r, period_seq, type) ?
	    r->overtime_bonus_fouls : r->bonus_fouls;

	if (opponent->fouls[fp] >= limit)
		return true;
	return r->last_two_minutes_rule && opponent->fouls_last_two[fp] >= 2;
}

int
game_rules_timeouts_left(const struct game_rules *r, const struct side_state *st)
{
	int left;

	if (st->timeouts_remaining != CS_UNKNOWN)
		return st->timeouts_remaining;
	left = r->timeouts - st->timeouts_used;
	return left > 0 ? left : 0;
}
