/*
 * Inside the simulator's game (sim/simgame.h): the one provider-neutral
 * record of a generated game that the generator writes and the renderers
 * and the ground truth read.
 *
 *   generator.c           the basketball: teams, possessions, fouls, subs,
 *                         timeouts, clock, corrections -> plays and sends
 *   render_sportradar.c   plays -> Sportradar push lines, pbp.json, summary.json
 *   render_shottracker.c  plays -> ShotTracker frames and REST documents
 *   truth.c               what REST shows at T, and its box score (own tally)
 *   truth_coach.c         ... and the coach's numbers of it (own tally)
 *   sim_json.c            the growable JSON text buffer they all write with
 *
 * The record: every logical event (a play with a stable id) has one or more
 * versions (struct sim_play, each a whole snapshot, as the feeds send
 * them); a send puts one version of one event on the wire at a feed time,
 * or deletes it.  Sends are sorted by feed time; both streams and every
 * REST document are renderings of the sends up to a time.
 */
#ifndef CS_SIMGAME_INTERNAL_H
#define CS_SIMGAME_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/simgame.h"

#define SIM_ROSTER_MAX   15
#define SIM_FIVE         5
#define SIM_PERIODS_MAX  CS_PERIODS_MAX   /* 4 quarters + 96 overtimes */
#define SIM_PERIODS_RNG  12     /* periods whose ids come from the game's stream */
#define SIM_PLAY_STATS   6
#define SIM_UUID_LEN     37     /* 36 + NUL */

struct sim_player {
	char first[24], last[32], full[56];
	char jersey[4];              /* "0", "00", "23" */
	char pos;                    /* 'G', 'F' or 'C' */
	char sr_id[SIM_UUID_LEN];
	char st_id[8];               /* four digits */
	char reference[12];          /* league reference (Sportradar "reference") */
	bool starter;
	/* ratings the generator plays with */
	double usage, skill, three, ft, reb, pass, steal, block, prio;
	double zone[5];              /* shot-zone tendencies, sum 1 */
};

struct sim_team {
	char market[24], name[24], alias[4];
	char sr_id[SIM_UUID_LEN];
	char st_id[4];               /* three digits */
	char reference[12];
	int color;                   /* 0xRRGGBB */
	int nplayers;
	struct sim_player players[SIM_ROSTER_MAX];
};

/* What a play is, in basketball terms (the renderers pick wire names). */
enum sim_kind {
	SIM_PERIOD_START = 0,        /* ShotTracker sessions / PERIOD_START only */
	SIM_LINEUP,                  /* the five of `side` from now on (start of period, subs) */
	SIM_JUMPBALL,
	SIM_FIELD_GOAL,
	SIM_HEAVE,                   /* missed end-of-period heave: a team attempt */
	SIM_FREE_THROW,
	SIM_REBOUND,
	SIM_TURNOVER,
	SIM_FOUL,                    /* see enum sim_foul */
	SIM_TIMEOUT,
	SIM_VIOLATION,               /* a spurious entry, deleted later (no stats) */
	SIM_PERIOD_END,
	SIM_GAME_END,                /* ShotTracker GAME_END only */
};

enum sim_foul {
	SIM_FOUL_NONE = 0,
	SIM_FOUL_PERSONAL,
	SIM_FOUL_SHOOTING,
	SIM_FOUL_OFFENSIVE,
	SIM_FOUL_TECHNICAL,
	SIM_FOUL_FLAGRANT,
};

/* The statistics a play carries (Sportradar's model; ShotTracker items are
 * derived from them). */
enum sim_stat_kind {
	SIM_S_FG = 0, SIM_S_FT, SIM_S_REB, SIM_S_AST, SIM_S_STL, SIM_S_BLK,
	SIM_S_BLOCKED, SIM_S_TOV, SIM_S_PF, SIM_S_FD, SIM_S_OFFENSIVE, SIM_S_TECH,
};

enum sim_shot_type {
	SIM_SHOT_JUMP = 0, SIM_SHOT_LAYUP, SIM_SHOT_DUNK, SIM_SHOT_HOOK, SIM_SHOT_TIP,
};

enum sim_tov_type {
	SIM_TOV_GENERIC = 0, SIM_TOV_BAD_PASS, SIM_TOV_LOST_BALL, SIM_TOV_TRAVELING,
	SIM_TOV_OUT_OF_BOUNDS, SIM_TOV_OFFENSIVE_FOUL, SIM_TOV_SHOT_CLOCK,
	SIM_TOV_DOUBLE_DRIBBLE, SIM_TOV_THREE_SECONDS,
};

enum sim_ft_type { SIM_FT_REGULAR = 0, SIM_FT_TECHNICAL, SIM_FT_FLAGRANT };

/* qualifiers */
#define SIM_Q_PAINT        0x01
#define SIM_Q_2NDCHANCE    0x02
#define SIM_Q_FASTBREAK    0x04
#define SIM_Q_FROMTURNOVER 0x08
#define SIM_Q_DEADBALL     0x10   /* a team rebound between free throws */
#define SIM_Q_TEAM         0x20

struct sim_stat {
	uint8_t kind;                /* enum sim_stat_kind */
	int8_t side;
	int8_t player;               /* roster index; -1 = a team statistic */
	bool made, three, offensive;
	uint8_t points;              /* made field goal 2/3, made free throw 1 */
};

/* One version of one play: a whole snapshot. */
struct sim_play {
	uint8_t kind;                /* enum sim_kind */
	uint8_t foul;                /* enum sim_foul */
	uint8_t shot_type, shot_desc, tov_type, ft_type;
	int8_t side;                 /* the team credited; -1 none */
	int8_t possession;           /* the team with the ball; -1 unknown */
	uint8_t ft_k, ft_n;          /* free throw k of n */
	int8_t jumper[2];            /* jump ball: home and away jumpers */
	int8_t gainer;               /* jump ball: who tipped it to (player of `side`) */
	uint8_t period;              /* period sequence, 1.. */
	uint8_t qualifiers;
	bool has_loc;
	int16_t x, y;                /* court inches, 1128 x 600 */
	int clock;                   /* game clock remaining, tenths */
	int shot_clock;              /* tenths; -1 off */
	uint8_t nstats;
	struct sim_stat stats[SIM_PLAY_STATS];
	uint8_t five[2][SIM_FIVE];   /* the fives on court (after it, for SIM_LINEUP) */
	uint16_t idless;             /* Sportradar on_court players sent without id: bit side*5+i */
	int8_t timeouts_left;        /* SIM_TIMEOUT: the team's, after it */
};

/* A logical event: what carries one id on the wire. */
struct sim_event {
	char sr_id[SIM_UUID_LEN];
	int64_t seq;                 /* Sportradar sequence = ShotTracker timestamp (epoch ms) */
	int number;
	int gen;                     /* place in the game's flow (generation order) */
	uint8_t period;              /* period sequence */
	uint8_t kind;                /* enum sim_kind of its plays */
	uint8_t bonus[2];            /* the game after this play, for the push header */
	int8_t timeouts[2];
	int nsends, send0;           /* its sends, in time order: sim_game.ev_sends[send0..] */
};

struct sim_send {
	int64_t at_ms;               /* feed time */
	int ev;
	int version;                 /* index into sim_game.versions; -1 = delete */
	int order;                   /* creation order: the tie-break */
};

/* The game clock starts or stops at a feed time. */
struct sim_mark {
	int64_t feed_ms;
	int period;
	int clock, shot_clock;       /* tenths */
	bool running;
};

struct sim_possession {
	int side, period;
	int start_clock, end_clock;
	int64_t start_ts, end_ts;    /* epoch ms */
	int64_t send_ms;             /* feed time its frame goes out */
	uint8_t five[2][SIM_FIVE];
	int points;
	/* What ShotTracker says of it (render_possessions.c): its shots and
	 * free throws as they were played, the last shot's clock and shooter;
	 * transition when it began on a fast break, a turnover if it ended so. */
	int fga, fgm, fg3a, fg3m, fta, ftm;
	int shot_clock;              /* tenths at the last FGA, -1 none */
	bool last_made, last_three, paint_shot, fast, turnover;
	int8_t shooter;              /* of the last FGA or free throw, -1 none */
};

struct sim_stat_version {
	int64_t at_ms;
	int64_t version;
	int8_t side;
	int8_t player;               /* -1 = the team's line */
};

struct sim_game {
	struct sim_options opt;
	int64_t epoch_ms;            /* wall clock (epoch ms) of feed time 0 */
	char sr_id[SIM_UUID_LEN], st_id[SIM_UUID_LEN], sr_season[SIM_UUID_LEN];
	char reference[12];
	struct sim_team team[2];     /* CS_HOME, CS_AWAY */
	int regulation;              /* 4 or 2 periods */
	int period_tenths, ot_tenths;
	int timeouts;                /* allowance per game */
	int foul_limit;
	int nperiods;                /* periods played */
	char sr_period_id[SIM_PERIODS_MAX][SIM_UUID_LEN];
	char st_session_id[SIM_PERIODS_MAX][SIM_UUID_LEN];

	struct sim_play *versions;
	size_t nversions, cap_versions;
	struct sim_event *events;
	size_t nevents, cap_events;
	struct sim_send *sends;
	size_t nsends, cap_sends;
	int *ev_sends;               /* send indexes grouped per event */
	int *order;                  /* event indexes by (period, seq, number) */
	struct sim_mark *marks;
	size_t nmarks, cap_marks;
	struct sim_possession *poss;
	size_t nposs, cap_poss;

	/* the generator's own account, for the tests */
	int score[2];
	int reg_possessions[2];
	int64_t tipoff_ms, end_ms;

	/* ShotTracker's cumulative stats versions, as the stream sent them */
	struct sim_stat_version *st_versions;
	size_t nst_versions;

	/* rendered streams */
	struct sim_msg *sr_msgs, *st_msgs;
	size_t sr_n, st_n;
};

/* --- a growable text buffer (sim_json.c) --- */
struct sim_buf {
	char *s;
	size_t len, cap;
	bool failed;                 /* out of memory: everything after is dropped */
};

void sim_buf_init(struct sim_buf *b);
char *sim_buf_take(struct sim_buf *b);       /* the text (malloc'd) or NULL */
void sim_buf_puts(struct sim_buf *b, const char *s);
void sim_buf_printf(struct sim_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sim_buf_str(struct sim_buf *b, const char *s);   /* a JSON string, quoted */
void sim_buf_key(struct sim_buf *b, const char *key); /* "key": */

/* --- shared helpers (generator.c) --- */
/* "2024-01-05T19:32:11Z" for a feed time; buf >= 24 bytes. */
const char *sim_iso(const struct sim_game *g, int64_t feed_ms, char *buf, size_t size);
/* "7:21.4" for tenths of a second left (ShotTracker's game clock) */
void sim_game_clock(int tenths, char *buf, size_t size);
/* "Q1", "H2", "OT1" */
const char *sim_period_name(const struct sim_game *g, int period, char *buf, size_t size);

/* render_possessions.c: a possession in ShotTracker's shape (malloc'd), and
 * the export's "possessions" object of a side for those out by at_ms. */
char *sim_st_possession_json(const struct sim_game *g, const struct sim_possession *p);
bool sim_st_possessions_any(const struct sim_game *g, int64_t at_ms);
void sim_st_possessions_truth(struct sim_buf *b, const struct sim_game *g, int side,
    int64_t at_ms);
int sim_period_tenths(const struct sim_game *g, int period);
/*
 * Timeouts left by the rule book the simulator plays (NBA with quarters:
 * 7, at most 4 in the fourth and 2 after its 3:00 mark, 2 per overtime;
 * NCAA men with halves: 4, at most 3 in the second half, 1 more per
 * overtime, carried), from the timeouts taken per period (`used`, index
 * = period) and within the last 3:00 (`late`), at `period` and `clock`.
 */
int sim_timeouts_left(const struct sim_game *g, const int *used, const int *late,
    int period, int clock);
#define SIM_LATE_TIMEOUT_TENTHS 1800
/* The basket `side` attacks in `period`: 0 = left (63,300), 1 = right (1065,300). */
int sim_basket(const struct sim_game *g, int side, int period);

/* --- what REST shows (truth.c) --- */
struct sim_view {
	int *cur;                    /* per event: version shown, -1 deleted, -2 not yet sent */
	int last_gen;                /* latest play of the game's flow sent so far */
	int64_t at_ms;
	int nvisible;
};

int sim_view_at(const struct sim_game *g, int64_t at_ms, struct sim_view *v);
void sim_view_free(struct sim_view *v);

/* The box score of a view: the ground truth's own tally. */
struct sim_line {
	int tenths;                  /* time on court */
	int fgm, fga, tpm, tpa, ftm, fta, oreb, dreb, reb;
	int ast, stl, blk, tov, pf, pts, plus_minus;
};

struct sim_tally_team {
	int points;
	int period_points[SIM_PERIODS_MAX];
	struct sim_line totals;
	int team_rebounds, team_turnovers;
	int team_fouls_period;
	int timeouts_left;
	bool bonus;
	struct sim_line players[SIM_ROSTER_MAX];
	bool on_court[SIM_ROSTER_MAX];
};

/*
 * The coach's numbers of a view (truth_coach.c): the definitions of
 * model/game.h (struct team_analytics), counted again by the simulator's
 * own code from its plays: Sportradar's from the qualifiers it sends,
 * ShotTracker's from the plays' locations and their sequence.
 */
struct sim_coach_counts {
	int pts, fgm, fga, tpm, ftm, fta, oreb, dreb, tov;   /* players' rebounds */
	int paint, fast_break, second_chance, off_turnovers, bench;
	int biggest_lead, most_unanswered, leading_tenths;
};

struct sim_coach {
	struct sim_coach_counts per[2][SIM_PERIODS_MAX];
	int most_unanswered[2];
	/* running state */
	int period;
	int streak_side, streak, period_streak;
	struct sim_ball {
		bool second_chance, from_turnover, fast, gained, decided;
		int gain_clock;
	} ball[2];
};

void sim_coach_time(struct sim_coach *c, int period, int tenths, const int points[2]);
/* `before`: the score before the play; the tally has counted it. */
void sim_coach_play(const struct sim_game *g, struct sim_coach *c,
    const struct sim_play *p, enum cs_provider prov, const int before[2],
    const int after[2]);
/* ,"analytics":{...} of `side`, with its periods 1..nperiods. */
void sim_coach_json(struct sim_buf *b, const struct sim_coach *c, int side, int nperiods);

struct sim_tally {
	bool started, over;
	int period;                  /* current period sequence (1 before tip) */
	int clock;                   /* tenths */
	int nevents;
	int lead_changes, times_tied;
	struct sim_tally_team team[2];
	struct sim_coach coach;
};

void sim_tally_view(const struct sim_game *g, const struct sim_view *v,
    enum cs_provider p, struct sim_tally *t);

/* --- renderers --- */
int sim_render_sportradar(struct sim_game *g);
int sim_render_shottracker(struct sim_game *g);

#endif
