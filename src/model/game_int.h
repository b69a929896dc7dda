/*
 * The game model's private parts, shared by its files and by nobody else:
 *
 *   store.c   the stored events: normalising, the id table, the sorted order
 *   roster.c  the per-side player tables (roster plus players learned from events)
 *   rules.c   rule profiles: period lengths, team fouls, bonus, timeouts
 *   derive.c  the fold: box score, minutes, +/-, line score, shots, plays, units
 *   analytics.c  the coach's numbers, called from the fold
 *   game.c    the public API of model/game.h, which ties the four together
 */
#ifndef CS_GAME_INT_H
#define CS_GAME_INT_H

#include <stddef.h>
#include <stdint.h>

#include "model/game.h"
#include "model/possessions.h"
#include "model/presence.h"

#define GAME_EVENTS_MAX   16384  /* a real game has ~600-1,000; caps memory */
#define GAME_PLAYERS_MAX  64     /* per side: roster plus learned players */
#define GAME_UNITS_MAX    512    /* five-man units, both sides */
#define GAME_PUBLISHED_MAX (2 * (GAME_PLAYERS_MAX + 1))
#define GAME_LAST_TWO_MIN 1200   /* tenths: the NBA's last two minutes */

/*
 * What the fold reads of one stored event, packed into one cache line at
 * the head of its record: the event is ~1.5 KB, and a refold after a
 * correction walks hundreds of them, so it reads one line a record instead
 * of six.  What only a rare event needs (its on-court lists, timeouts
 * left, provider type) the fold reads from the event itself.
 */
struct fold_stat {
	uint8_t type;            /* enum cs_stat_type */
	int8_t side;             /* CS_HOME, CS_AWAY or CS_SIDE_NONE */
	uint8_t bits;            /* FOLD_MADE, FOLD_THREE, FOLD_OFFENSIVE, points */
	int8_t player;           /* roster index, -1 = team */
};
#define FOLD_MADE        0x01u
#define FOLD_THREE       0x02u
#define FOLD_OFFENSIVE   0x04u
#define FOLD_POINTS_SHIFT 3     /* 0..3, as normalised */
#define FOLD_POINTS(st)  ((int)((st)->bits >> FOLD_POINTS_SHIFT))

struct fold_rec {
	int32_t clock;           /* CS_NO_CLOCK */
	int32_t period_number;
	int32_t x, y;            /* when FOLD_LOCATION */
	uint32_t qualifiers;
	uint16_t stat_types;     /* a bit (1u << type) for every statistic's type */
	uint8_t period_sequence; /* 1..CS_PERIODS_MAX */
	uint8_t period_type;
	uint8_t type;            /* enum cs_event_type */
	int8_t side;
	uint8_t provider;
	uint8_t nstats;
	uint8_t has;             /* FOLD_LOCATION, FOLD_COURT(side) */
	struct fold_stat stats[CS_EVENT_STATS_MAX];
};
#define FOLD_LOCATION    0x01u
#define FOLD_COURT(side) (0x02u << (side))

/* The event's period, as the views hand it out. */
static inline struct cs_period
fold_period(const struct fold_rec *fr)
{
	struct cs_period p;

	p.type = (enum cs_period_type)fr->period_type;
	p.number = fr->period_number;
	p.sequence = fr->period_sequence;
	return p;
}

/*
 * One stored event and what the model learned from it at upsert time, so
 * the fold never hashes a string: player ids are interned to indexes.
 */
struct record {
	struct fold_rec fold;                        /* with its players' indexes */
	int16_t court_player[2][CS_ON_COURT];        /* -1 = unknown */
	uint64_t court_hash;                         /* of the on-court lists */
	uint64_t updated_gen;                        /* generation of the last change */
	int stats_room;                              /* ev.stats entries allocated */
	/* Normalised copy, last and cut short (store.c): it ends after
	 * ev.stats[stats_room - 1]; the on-court lists live on as
	 * court_player.  Never read past ev.stats[ev.nstats - 1]. */
	struct cs_event ev;
};

/* Events by id (open addressing) and in game order (sorted pointers). */
struct store {
	struct record **order;   /* sorted by (period.sequence, sequence, number, id) */
	size_t n, cap;
	struct record **slots;   /* hash table by id; NULL = empty */
	size_t nslots;           /* a power of two, at least 2 * n */
	size_t game_ends;        /* CS_EV_GAME_END events stored */
};

/* A side's players: box_player entries never move, so indexes are stable. */
struct roster {
	struct box_player players[GAME_PLAYERS_MAX];
	int roster_pos[GAME_PLAYERS_MAX];   /* place in the given roster, -1 learned */
	bool roster_starter[GAME_PLAYERS_MAX];
	int tenths[GAME_PLAYERS_MAX];       /* time on court */
	int n;
	int16_t slots[2 * GAME_PLAYERS_MAX];  /* id hash -> index, -1 empty */
	unsigned learned;                     /* names and jerseys learned from events */
};

/* A five on court.  `known` is false until a lineup for the period is seen. */
struct lineup {
	int16_t p[CS_ON_COURT];  /* sorted player indexes; -1 when a ref was unusable */
	int unit;                /* index in the unit list, -1 when not a full five */
	bool known;
};

struct unit_acc {
	struct unit u;           /* what game_unit() hands out */
	int tenths;
	int poss_x100;           /* its team's possessions while on court */
};

/* analytics.c: one side's counts in one period (the game's are summed). */
struct flow_counts {
	int pts, fgm, fga, tpm, ftm, fta, oreb, dreb, tov;   /* players' rebounds */
	int paint, fast_break, second_chance, off_turnovers;
	int biggest_lead, most_unanswered, leading_tenths;
};

/* ShotTracker: how a side came by the ball (game.h, team_analytics). */
struct ball_origin {
	bool second_chance, from_turnover, fast;
	bool gained, decided;    /* a gain seen; its first attempt seen */
	int gain_clock;
};

struct analytics_state {
	int period;                          /* the period folded, 0 before */
	struct ball_origin origin[2];
	int streak_side, streak, period_streak;   /* unanswered points */
	int most_unanswered[2];
	int leader;                          /* the last side ahead, CS_SIDE_NONE */
	struct game_flow flow;               /* run, lead changes, ties, timeout mark */
	struct { int points, fgm, fga, tov, fouls; } at_timeout[2];
};

/* One side's counts in one period: the fold keeps an array of them that
 * grows with the game, so any number of overtimes costs only what is
 * played (and a checkpoint copies only that). */
struct period_side {
	int points;
	int fouls;                        /* team fouls, indexed by foul period (rules.c) */
	int fouls_last_two;
	int timeouts;                     /* timeouts taken */
	int timeouts_late;                /* ... within the profile's late window */
	struct flow_counts flow;          /* analytics.c */
	int16_t player_pts[GAME_PLAYERS_MAX];
};

/* Everything derived for one side. */
struct side_state {
	struct statline totals;  /* players plus team-only statistics; seconds at finish */
	int team_rebounds, team_turnovers;
	int points;
	/* per[i]: period sequence i + 1; entries past derived.nperiods are
	 * zero, and past cap_per absent (read them with game_period_side) */
	struct period_side *per;
	int cap_per;
	int timeouts_remaining;           /* the latest timeout event's value, CS_UNKNOWN */
	int timeouts_remaining_period;    /* ... the period it was sent in */
	int timeouts_remaining_clock;     /* ... and the clock then */

	struct lineup five;               /* on court now */
	/* What the five on court has earned and not yet been paid (its
	 * players' time and +/-, its unit's): paid when the five changes and
	 * before the views are built, so an event costs two adds, not ten. */
	int owed_tenths, owed_pm, owed_for, owed_against;
	bool five_this_period;            /* the period's first five has been seen */
	int stint_tenths;
	/* Time and +/- before the period's first five is known, credited to
	 * it once it is (it is the five that started the period). */
	int pending_tenths, pending_pm, pending_for, pending_against;

	bool has_first_five;              /* the five that started the game */
	int16_t first_five[CS_ON_COURT];
};

/* The fold's running state and its products. */
struct derived {
	size_t folded;           /* records of store.order folded so far */
	bool stale;              /* reset and fold everything before use */
	uint64_t finished_gen;   /* generation the views were last finished at */

	int period;              /* sequence of the period being folded; 0 before */
	enum cs_period_type period_type;
	int clock;               /* lowest clock seen in the period, tenths */
	int nperiods;

	/* Free-throw trips, by shooting side: the fives on court when the
	 * opponent's last foul was called. */
	struct ft_trip {
		bool active;
		struct lineup five[2];
	} trip[2];
	int leader;              /* side that led last, CS_SIDE_NONE before any lead */

	struct side_state side[2];

	struct play *plays;
	size_t nplays, cap_plays;
	struct shot *shots;
	size_t nshots, cap_shots;
	struct unit_acc *units;
	size_t nunits, cap_units;

	struct analytics_state an;
};

/*
 * The fold's state as it stood before record `at` of the order (derive.c),
 * kept every GAME_CHECK_EVERY records: a change at or after `at` folds on
 * from the nearest one instead of from the tip, so a correction costs the
 * same at any game length.
 */
#define GAME_CHECK_EVERY 128
struct checkpoint {
	size_t at;
	struct derived d;                 /* its arrays are not used: the counts are */
	struct unit_acc *units;           /* d.nunits of them */
	struct statline *lines[2];        /* nplayers[s] of them */
	struct period_side *per[2];       /* d.nperiods of them */
	int *tenths[2];
	int nplayers[2];
	void *block;                      /* the arrays above live in it; kept when
	                                     the checkpoint is dropped, for reuse */
	size_t cap_block;
};

struct game {
	struct cs_game_info info;
	struct game_rules rules;
	char rules_override[16];          /* --rules; "" = the provider's */
	struct store store;
	struct roster roster[2];
	struct derived d;
	size_t dirty_from;                /* the first record changed since the fold; SIZE_MAX none */
	struct checkpoint *checks;        /* by `at`, ascending */
	size_t nchecks, cap_checks;
	struct box_team team[2];          /* the views game_team() returns */
	/* game_analytics(): [side][0] the game, [side][p] period p */
	struct team_analytics analytics[2][CS_PERIODS_MAX + 1];
	int analytics_periods;            /* periods of analytics[] filled last time */
	struct game_flow flow;            /* the view game_flow() returns */

	bool has_clock;
	struct cs_clock clock;
	uint64_t clock_gen;
	uint64_t content_gen;   /* the last change other than the clock running on */

	struct cs_published_stats published[GAME_PUBLISHED_MAX];
	int npublished;
	int mismatches;

	uint64_t generation;
	uint64_t touched[GAME_TOUCH_ASPECTS];   /* game_touched(): per aspect bit */
	struct cs_possessions *st_possessions;   /* the provider's own (possessions.h) */
	struct game_presence presence;   /* the sensors' (presence.h) */
};

/* store.c */
/* Bytes of an event a record keeps with room for `nstats` statistics. */
size_t game_event_kept(int nstats);
/* A record with room for ev's statistics, holding ev; NULL out of memory. */
struct record *game_record_new(const struct cs_event *ev);
/* Whether ev fits the record's room; then keeps it there. */
bool game_record_keep(struct record *rec, const struct cs_event *ev);
/* Whether the record holds exactly ev (a normalised event). */
bool game_record_same(const struct record *rec, const struct cs_event *ev);
void game_store_free(struct store *s);
/* Copies `src` into `dst` in canonical form (zeroed, sanitized) so that two
 * sends of the same event compare equal with memcmp. */
void game_event_normalize(struct cs_event *dst, const struct cs_event *src);
struct record *game_store_find(const struct store *s, const char *id);
/* Returns the record's position in the order, or -1 when out of memory. */
long game_store_insert(struct store *s, struct record *rec);
/* Takes the record out of both indexes; the caller frees or reinserts it.
 * Returns the position it had in the order, -1 when it was not there. */
long game_store_remove(struct store *s, struct record *rec);

/* roster.c */
void game_roster_init(struct roster *r);
int game_roster_find(const struct roster *r, const char *id);
/* The player's index, adding him when new; -1 for an empty id or a full table. */
int game_roster_intern(struct roster *r, const struct cs_player_ref *ref);
void game_roster_set_team(struct roster *r, const struct cs_team_info *team);

/* rules.c */
/* The profile for `info`, or the one named `override` (NULL: none). */
void game_rules_from_info(struct game_rules *r, const struct cs_game_info *info,
    const char *override);
bool game_rules_is_overtime(const struct game_rules *r, int period_seq,
    enum cs_period_type type);
int game_rules_period_tenths(const struct game_rules *r, int period_seq,
    enum cs_period_type type);
int game_rules_foul_period(const struct game_rules *r, int period_seq);
bool game_rules_team_foul(const struct game_rules *r, const struct cs_event *ev);
enum game_bonus game_rules_bonus(const struct game_rules *r,
    const struct side_state *opponent, int period_seq, enum cs_period_type type);
int game_rules_fouls_to_give(const struct game_rules *r, const struct side_state *st,
    int period_seq, enum cs_period_type type, int clock);
/* The event's figure when sent in this period, else the rule book's. */
int game_rules_timeouts_left(const struct game_rules *r, const struct side_state *st,
    int period_seq, enum cs_period_type type, int clock);

/* analytics.c: the coach's numbers, from the fold (derive.c) */
void game_analytics_reset(struct game *g);
/* Game clock run out between events (score as before the event). */
void game_analytics_clock(struct game *g, int elapsed_tenths);
/* After the event's statistics are counted; `home`, `away`: the score
 * before it. */
void game_analytics_event(struct game *g, const struct fold_rec *fr, int home, int away);
/* Into the views of game_analytics() and game_flow(), at the end of finish(). */
void game_analytics_finish(struct game *g);

/* game.c: the aspects of `mask` changed at the current generation */
void game_touch(struct game *g, unsigned mask);

/* derive.c */
void game_derive_free(struct game *g);
/* The fold's copy of normalised event `ev`; its statistics' players are
 * -1 until the caller resolves them. */
void game_fold_rec_make(struct fold_rec *fr, const struct cs_event *ev);
/* Room in the fold for periods 1..nperiods (an upsert asks before it
 * stores an event of a new period); -1 out of memory. */
int game_periods_room(struct game *g, int nperiods);
/* Side `side`'s counts in 0-based period `idx`: all zeros when not played. */
const struct period_side *game_period_side(const struct side_state *st, int idx);
/* Record `pos` of the order (and what follows) changed: the next refresh
 * folds on from the nearest checkpoint before it. */
void game_derive_dirty(struct game *g, size_t pos);
/* Brings every derived view up to date (the entry point of the fold). */
void game_derive_refresh(struct game *g);
/* Whether the live clock (game_set_clock) is newer than the last event. */
bool game_live_clock_in_force(const struct game *g);
/* The current period and clock; the fold must be up to date. */
struct cs_period game_now(const struct game *g, int *clock);

#endif
