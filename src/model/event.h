/*
 * The normalized event: what every provider turns its bytes into, and the
 * only thing the game model consumes (product.md §3).
 *
 * Data flows one way: provider parser -> struct cs_event -> struct cs_sink
 * -> game model -> panes.  A parser never sees the model; the model never
 * sees JSON.  All structs here are plain values with fixed-size fields, so
 * an event can be copied with memcpy and handed across the feed queue.
 */
#ifndef CS_EVENT_H
#define CS_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"   /* for now: its callers once reached it through here */

#define CS_ID_MAX        64   /* provider ids: uuids, "7269", "sd:..." stripped */
#define CS_NAME_MAX      48
#define CS_JERSEY_MAX    8
#define CS_ALIAS_MAX     8
#define CS_DESC_MAX      200
#define CS_EVENT_STATS_MAX 8
#define CS_ROSTER_MAX    24
#define CS_ON_COURT      5
#define CS_NO_CLOCK      (-1)
#define CS_NO_COLOR      (-1)
#define CS_UNKNOWN       (-1)

/* Sides are indexes into every two-team array. */
enum cs_side { CS_HOME = 0, CS_AWAY = 1 };
#define CS_SIDE_NONE (-1)

enum cs_provider {
	CS_PROVIDER_NONE = 0,
	CS_PROVIDER_SHOTTRACKER,
	CS_PROVIDER_SPORTRADAR,
};

enum cs_period_type {
	CS_PERIOD_QUARTER = 0,
	CS_PERIOD_HALF,
	CS_PERIOD_OVERTIME,
};

/*
 * A period.  `sequence` is the running count across the game (Q1..Q4 are
 * 1..4, the first overtime is 5); `number` restarts at 1 for overtimes,
 * as Sportradar sends it.  Order by sequence, never by number.
 */
struct cs_period {
	enum cs_period_type type;
	int number;
	int sequence;
};

/* A hard limit, not a game's shape: the model grows with the periods
 * played (4 quarters + 96 overtimes); parsers refuse a later period, saying
 * so, and the model refuses it too. */
#define CS_PERIODS_MAX 100

/* What happened, in basketball terms.  The statistics below say what counts. */
enum cs_event_type {
	CS_EV_OTHER = 0,       /* unknown provider type: kept, shown, counts its stats */
	CS_EV_TWO_MADE,
	CS_EV_TWO_MISSED,
	CS_EV_THREE_MADE,
	CS_EV_THREE_MISSED,
	CS_EV_FREE_THROW_MADE,
	CS_EV_FREE_THROW_MISSED,
	CS_EV_HEAVE,           /* end-of-period heave: a miss is a team attempt only */
	CS_EV_REBOUND,
	CS_EV_TURNOVER,
	CS_EV_PERSONAL_FOUL,
	CS_EV_SHOOTING_FOUL,
	CS_EV_OFFENSIVE_FOUL,
	CS_EV_TECHNICAL_FOUL,
	CS_EV_FLAGRANT_FOUL,
	CS_EV_TIMEOUT,         /* team timeout: `side`, `timeouts_remaining` if known */
	CS_EV_OFFICIAL_TIMEOUT,
	CS_EV_SUBSTITUTION,    /* lineupchange / LINEUP marker: `on_court` is the new five */
	CS_EV_JUMP_BALL,
	CS_EV_PERIOD_START,
	CS_EV_PERIOD_END,
	CS_EV_GAME_END,
	CS_EV_STOPPAGE,
	CS_EV_VIOLATION,
	CS_EV_TYPE_COUNT
};

/* What an event counts, one entry per statistic (Sportradar's model). */
enum cs_stat_type {
	CS_STAT_FIELD_GOAL = 0,  /* made, three, points */
	CS_STAT_FREE_THROW,      /* made, points */
	CS_STAT_REBOUND,         /* offensive */
	CS_STAT_ASSIST,
	CS_STAT_STEAL,
	CS_STAT_BLOCK,
	CS_STAT_ATTEMPT_BLOCKED,
	CS_STAT_TURNOVER,
	CS_STAT_PERSONAL_FOUL,   /* counts as PF and (per rules) as a team foul */
	CS_STAT_FOUL_DRAWN,
	CS_STAT_OFFENSIVE_FOUL,  /* marks the PF in the same event as offensive */
	CS_STAT_TECHNICAL_FOUL,
	CS_STAT_FLAGRANT_FOUL,
	CS_STAT_TYPE_COUNT
};

/*
 * A player as a provider names him.  `id` is the stable key; when the
 * provider sends no id the provider adapter makes one up that is stable
 * for the player (e.g. "ref:1628976"), never empty for a real player.
 * name and jersey are optional (empty strings) and teach the model about
 * players missing from the roster.
 */
struct cs_player_ref {
	char id[CS_ID_MAX];
	char name[CS_NAME_MAX];
	char jersey[CS_JERSEY_MAX];
};

/* What the fold reads first, the player (136 bytes) last: a stat's facts
 * then share one cache line. */
struct cs_stat {
	enum cs_stat_type type;
	int side;                    /* CS_HOME / CS_AWAY; CS_SIDE_NONE drops the stat */
	bool made;                   /* field goal / free throw */
	bool three;                  /* field goal: three_point_shot */
	bool offensive;              /* rebound: offensive */
	int points;                  /* 0 unless made: 1, 2 or 3 */
	struct cs_player_ref player; /* id "" = a team statistic (team rebound, ...) */
};

/*
 * Sportradar's play qualifiers (sportradar-push.md §5.4), one bit each:
 * they decide free-throw trips (a dead-ball rebound does not end one) and
 * the coach's numbers (paint, fast-break, second-chance points).
 */
enum cs_qualifier {
	CS_Q_DEADBALL       = 1u << 0,   /* a dead-ball (team) rebound */
	CS_Q_TEAM           = 1u << 1,   /* a team rebound, turnover or timeout */
	CS_Q_PAINT          = 1u << 2,   /* pointsinthepaint */
	CS_Q_FAST_BREAK     = 1u << 3,   /* fastbreak */
	CS_Q_SECOND_CHANCE  = 1u << 4,   /* 2ndchance */
	CS_Q_FROM_TURNOVER  = 1u << 5,   /* fromturnover */
	CS_Q_GOALTENDING    = 1u << 6,   /* defensivegoaltending */
	CS_Q_ONE_FREE_THROW = 1u << 7,   /* 1freethrow */
	CS_Q_TWO_FREE_THROWS = 1u << 8,  /* 2freethrow */
	CS_Q_MANDATORY      = 1u << 9,   /* a mandatory (media) timeout */
};

struct cs_event {
	enum cs_provider provider;
	char id[CS_ID_MAX];          /* upsert/delete key, unique per game */
	int64_t sequence;            /* provider order (Sportradar epoch-ms-ish) */
	int number;                  /* tie-break after sequence */
	struct cs_period period;
	int clock;                   /* game clock remaining, tenths; CS_NO_CLOCK */
	int64_t wall_ms;             /* wall time, epoch ms; 0 unknown */
	enum cs_event_type type;
	int side;                    /* team credited (attribution); CS_SIDE_NONE */
	char provider_type[32];      /* the provider's own type string, for display */
	char description[CS_DESC_MAX];

	bool has_location;           /* court frame: inches, 1128 x 600 */
	int x, y;                    /* baskets at (63,300) and (1065,300) */

	int timeouts_remaining;      /* timeout events; CS_UNKNOWN */
	bool corrected;              /* the provider flags a revised event */
	unsigned qualifiers;         /* enum cs_qualifier bits */
	bool has_on_court[2];        /* whether on_court[side] below is sent */

	/* The statistics, after every other field the model keeps: a stored
	 * event (game.h) ends after its nstats entries, so read no further. */
	int nstats;
	struct cs_stat stats[CS_EVENT_STATS_MAX];

	/* The five on court per side when the provider sends them with the
	 * event.  Last, because the model keeps them only as roster indexes:
	 * a stored event (game.h) ends before `on_court`. */
	struct cs_player_ref on_court[2][CS_ON_COURT];
};

/* The teams and the rules of the game, from rosters and game headers. */
struct cs_player_info {
	char id[CS_ID_MAX];
	char name[CS_NAME_MAX];
	char jersey[CS_JERSEY_MAX];
	char position[8];
	bool starter;
};

struct cs_team_info {
	char id[CS_ID_MAX];
	char name[CS_NAME_MAX];      /* "Knicks" */
	char market[CS_NAME_MAX];    /* "New York"; may be empty */
	char alias[CS_ALIAS_MAX];    /* "NYK" */
	int color;                   /* 0xRRGGBB or CS_NO_COLOR */
	int nplayers;
	struct cs_player_info players[CS_ROSTER_MAX];
};

enum cs_game_format {
	CS_FORMAT_QUARTERS = 0,      /* NBA-style: 4 x 12 min, OT 5 min */
	CS_FORMAT_HALVES,            /* NCAA men: 2 x 20 min, OT 5 min */
};

struct cs_game_info {
	enum cs_provider provider;
	char id[CS_ID_MAX];
	char status[16];             /* "scheduled", "inprogress", "closed", ... */
	enum cs_game_format format;
	int period_seconds;          /* 0: the format's default */
	int overtime_seconds;        /* 0: the format's default */
	char game_type[24];          /* the provider's raw value: "HALF", "QUARTER" */
	char gender[12];             /* the provider's raw value; "" when unknown */
	bool has_team[2];            /* only the sides set here are replaced */
	struct cs_team_info team[2];
	/* The rule profile the provider's data implies ("nba", "gleague",
	 * ...; see game.h); "" leaves the choice to the format. */
	char rules[12];
	/* Timeouts left as the provider counts them (Sportradar's
	 * remaining_timeouts), where has_timeouts_remaining says it did.
	 * The newest figure wins; a header without one keeps the last. */
	bool has_timeouts_remaining[2];
	int timeouts_remaining[2];
};

/* The live clock, between events (ShotTracker `clock`, Sportradar clock). */
struct cs_clock {
	struct cs_period period;
	int clock;                   /* tenths remaining */
	int shot_clock;              /* tenths; CS_NO_CLOCK */
	bool running;
};

/*
 * Totals a provider publishes itself (ShotTracker cumulative stats).  They
 * are kept beside the derived box score and compared, never copied in.
 * A value of CS_UNKNOWN means the provider did not send that column.
 */
enum cs_column {
	CS_COL_FGM = 0, CS_COL_FGA, CS_COL_TPM, CS_COL_TPA, CS_COL_FTM, CS_COL_FTA,
	CS_COL_OREB, CS_COL_DREB, CS_COL_REB, CS_COL_AST, CS_COL_STL, CS_COL_BLK,
	CS_COL_TOV, CS_COL_PF, CS_COL_PTS,
	CS_COL_COUNT
};

struct cs_published_stats {
	int side;
	char player_id[CS_ID_MAX];   /* "" = the team's own line */
	int64_t version;             /* keep the highest */
	int value[CS_COL_COUNT];
};

/*
 * Where a parser delivers what it understood.  Every callback is optional
 * (NULL = ignored).  Pointers are valid only during the call: copy.
 * `warning` receives a one-line, already sanitized description of input
 * that was skipped ("skipped event 123: period missing").
 */
struct cs_possession;
struct cs_video_segment;
struct cs_presence;
struct cs_lineup_at;
struct cs_sensor_assignment;
struct cs_sink {
	void *ctx;
	void (*event)(void *ctx, const struct cs_event *ev);
	void (*delete_event)(void *ctx, const char *id);
	void (*game)(void *ctx, const struct cs_game_info *info);
	void (*clock)(void *ctx, const struct cs_clock *clock);
	void (*published)(void *ctx, const struct cs_published_stats *stats);
	void (*warning)(void *ctx, const char *message);
	/* A provider's own possession record (model/possessions.h). */
	void (*possession)(void *ctx, const struct cs_possession *p);
	/* A stretch of the game's video (model/possessions.h). */
	void (*video)(void *ctx, const struct cs_video_segment *v);
	/* The provider's possessions and videos start over (a replay's seek back). */
	void (*possessions_reset)(void *ctx);
	/* The sensors' presence, a lineup at a time, a sensor assignment
	 * (model/presence.h). */
	void (*presence)(void *ctx, const struct cs_presence *p);
	void (*lineup_at)(void *ctx, const struct cs_lineup_at *l);
	void (*sensor)(void *ctx, const struct cs_sensor_assignment *s);
};

/* Helpers every provider needs. */
void cs_event_init(struct cs_event *ev, enum cs_provider provider);
struct cs_stat *cs_event_add_stat(struct cs_event *ev, enum cs_stat_type type, int side);
void cs_game_info_init(struct cs_game_info *info, enum cs_provider provider);

/* "Q1", "H2", "OT1"; `buf` at least 8 bytes. */
const char *cs_period_label(const struct cs_period *p, char *buf, size_t size);

/*
 * Parse a game-clock string tolerantly (shottracker-api.md §4.5):
 * "12:00", "9:54", "00:54.60", "1:2.3", "4.5".  Returns tenths, or
 * CS_NO_CLOCK when unparsable.
 */
int cs_clock_parse(const char *s);

/*
 * A moment of a game as a person types it (courtside --until, the replay's
 * seek prompt, courtside-sim --start-at): PERIOD then '/' or spaces then a
 * clock.  PERIOD is a number (the running sequence: 5 is the first
 * overtime of a game in quarters), Qn, Hn or OTn.  Which sequence Qn, Hn
 * and OTn are depends on the game's format: cs_game_point_sequence.
 */
enum cs_point_kind { CS_POINT_SEQUENCE = 0, CS_POINT_QUARTER, CS_POINT_HALF,
    CS_POINT_OVERTIME };
struct cs_game_point {
	enum cs_point_kind kind;
	int number;                  /* 1..20 */
	int clock;                   /* tenths remaining, 0..60:00 */
};
/* 0, or -1 when `spec` is not one (a clock over 60:00 included). */
int cs_game_point_parse(const char *spec, struct cs_game_point *pt);
/* The period sequence in a game played in halves or quarters; -1 when the
 * form does not fit the format (Q3 in halves, H2 in quarters, H3, Q5). */
int cs_game_point_sequence(const struct cs_game_point *pt, bool halves);

/* Format tenths as "7:21" (>= 1 min) or "54.6" (< 1 min). */
const char *cs_clock_format(int tenths, char *buf, size_t size);

const char *cs_event_type_name(enum cs_event_type t);
const char *cs_stat_type_name(enum cs_stat_type t);
const char *cs_provider_name(enum cs_provider p);

#endif
