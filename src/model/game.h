/*
 * The game model: one source of truth (product.md §3).
 *
 * The model stores normalized events (upsert by id, delete by id) and
 * derives everything else from them: box score, line score, team fouls,
 * bonus, timeouts, lineups, minutes, +/-, shots, the play list.  It does no
 * I/O and calls no curses; it is used from one thread only (the UI thread,
 * or a test).
 *
 * Derivation is lazy and shared: every accessor below first brings the
 * derived state up to date.  An event that sorts after every stored event
 * is folded in incrementally; anything else (an insert in the middle, a
 * correction, a delete) re-derives from the start.  Both paths run the same
 * fold, so they cannot disagree.
 *
 * Rules (each has a unit test in tests/test_model.c):
 *  - Order: (period.sequence, sequence, number), then id for stability.
 *  - Upsert replaces the stored event whole; an identical re-send changes
 *    nothing (game_upsert returns 0).  Delete removes; a repeated or unknown
 *    delete is a no-op.
 *  - Points come from statistics only: a made field goal counts `points`
 *    (3 if `three`, else 2 when points is 0), a made free throw 1.
 *  - A statistic with no player counts for the team only: it is in the team
 *    totals, and team rebounds / team turnovers are also shown apart.
 *  - A missed CS_EV_HEAVE field goal is a team attempt, not the player's.
 *  - Minutes: the five on court at the start of a period come from the
 *    first event of that period that carries an on-court list for the side;
 *    afterwards they change only on CS_EV_SUBSTITUTION events.  The game
 *    clock elapsed between consecutive events of a period is credited to
 *    the fives on court; a CS_EV_PERIOD_END credits the rest of the period.
 *  - +/-: points scored while a player is on court.  Free-throw points count
 *    for the fives on court when the foul that awarded them was called.
 *    That five is kept per shooting team (the last foul by its opponent),
 *    so a technical foul and its free throw in between change nothing; a
 *    dead-ball or team rebound, a timeout or a substitution does not end
 *    the trip; a field-goal attempt, a live rebound, a turnover, a jump
 *    ball or a new period does.
 *  - Team fouls per foul period (rule profile: quarter, half, overtime),
 *    personal fouls; offensive and players' technical fouls per the
 *    profile.  Bonus, double bonus and fouls to give per the profile.
 *  - The coach's numbers: see struct team_analytics below.
 *  - Timeouts left: the provider's own figure wins (the game header's
 *    remaining_timeouts, newest first; else that of the team's latest
 *    timeout event in the current period); otherwise the profile's
 *    allowances (per game, per half, final period, late, overtime) less
 *    the team's timeouts.
 */
#ifndef CS_GAME_H
#define CS_GAME_H

#include "model/event.h"


struct game;

enum game_bonus {
	GAME_NO_BONUS = 0,
	GAME_BONUS,                 /* free throws on every foul (a one-and-one in NCAA men's) */
	GAME_DOUBLE_BONUS,          /* two shots where the bonus is a one-and-one */
};

/* One player's or one team's line.  Counting stats only; no percentages. */
struct statline {
	int seconds;
	int fgm, fga, tpm, tpa, ftm, fta;
	int oreb, dreb, reb;
	int ast, stl, blk, tov, pf, pts;
	int plus_minus;
	int tf;          /* technical fouls (not in pf) */
	int flagrant2;   /* flagrant fouls 2 (Sportradar's flagranttwo): an ejection */
};

struct box_player {
	struct cs_player_info info;
	bool on_court;
	struct statline line;
	/* set when the provider's published totals disagree with `line` */
	bool mismatch;
};

struct box_team {
	struct cs_team_info info;   /* players[] here is the roster as given */
	int points;
	int nperiods;               /* entries in period_points */
	int period_points[CS_PERIODS_MAX];   /* index = period.sequence - 1 */
	struct statline totals;     /* players + team-only statistics */
	int team_rebounds, team_turnovers;
	int team_fouls_period;      /* in the current period */
	bool in_bonus;              /* this team shoots free throws on fouls */
	enum game_bonus bonus;      /* which bonus, per the rule profile */
	int fouls_to_give;          /* team fouls it can commit before the opponent shoots */
	int timeouts_left;
	int nplayers;               /* roster plus players learned from events */
	struct box_player *players; /* owned by the model; valid until next change */
	int on_court[CS_ON_COURT];  /* player indexes; -1 when unknown */
	int stint_seconds;          /* how long the current five has played together */
};

/* A play as the play-by-play pane shows it. */
struct play {
	/* The stored event (owned by the model), cut short: it ends after
	 * stats[nstats - 1] and has no on-court lists (model/event.h). */
	const struct cs_event *ev;
	int home_score, away_score; /* score after this play */
	bool scoring;               /* the play changed the score */
	bool lead_change;
	/* A substitution: per side, who came on and who went off against
	 * the five on court before it (the whole five came on when none was
	 * known), as sets of player indexes (bit i is box_team.players[i]; a
	 * side has at most 64 players).  Zero for other plays. */
	uint64_t sub_in[2], sub_out[2];
};

/* A field-goal attempt for the shot chart. */
struct shot {
	const struct cs_event *ev;
	int side;
	int player;                 /* index in box_team.players, -1 team */
	bool made, three;
	int x, y;                   /* inches, 1128 x 600 */
	int period_sequence;
};

/* A five-man unit used so far. */
struct unit {
	int side;
	int players[CS_ON_COURT];   /* sorted player indexes */
	int seconds;
	int plus_minus;
	int points_for, points_against;
	/* Its team's possessions while it was on court (the formula of
	 * struct team_analytics, free throws with the five at the foul), in
	 * hundredths, and 100 x (for - against) / possessions, in tenths
	 * rounded half away from zero (0 without possessions). */
	int possessions_x100;
	int net_rating_x10;
};

/*
 * The coach's numbers (product.md §3b), folded beside the box score by
 * the same fold (analytics.c), so appends and re-derives agree.  Per side,
 * for the game and for each period (game_analytics), they are:
 *
 *  - points_in_paint: made two-point field goals in the paint.  Sportradar:
 *    those carrying `pointsinthepaint`.  ShotTracker (no qualifiers): the
 *    shot's location inside either lane, lines included: from the baseline
 *    (x = 0 or 1128) 19 ft (228 in) deep, 16 ft (192 in) wide, 12 ft (144 in)
 *    for the ncaam, ncaaw and nfhs profiles, centred on y = 300.
 *  - fast_break_pts, second_chance_pts, points_off_turnovers: made field
 *    goals and made free throws.  Sportradar: those carrying `fastbreak`,
 *    `2ndchance`, `fromturnover`.  ShotTracker, from the sequence, per side
 *    S and statistic by statistic in game order:
 *      a turnover by S's opponent gives S the ball "from a turnover"; a
 *      defensive rebound by S (a player's or the team's) gives S the ball
 *      plainly; both are a gain at that event's clock.  A player's
 *      offensive rebound by S makes the rest of S's possession "second
 *      chance".  S's first field-goal or free-throw attempt after a gain
 *      makes the possession a fast break when it comes within 6.0 s of
 *      game clock of the gain (both clocks known); an offensive rebound by
 *      S ends the fast break.  All of S's marks end when the opponent
 *      attempts a field goal or free throw, rebounds or turns the ball
 *      over, when S turns it over, and at a new period.  A made shot or
 *      free throw of S counts for each mark S holds then.
 *  - bench_points: points of players who are not starters (the box
 *    score's starter flag: the roster's, else the game's first five).
 *  - biggest_lead: the largest margin in the side's favour after a scoring
 *    play (of that period, for a period's figure); 0 if it never led.
 *  - most_unanswered: the most points scored in a row without the
 *    opponent scoring, free throws included (a period's figure counts
 *    only points of that period; the game's runs carry across periods).
 *  - time_leading: seconds of game clock (tenths summed, then truncated)
 *    with the side ahead, credited between events as minutes are.
 *  - possessions = FGA + 0.44 FTA - players' OREB + TOV (team turnovers
 *    included), in hundredths; offensive_rating = 100 x PTS / possessions;
 *    defensive_rating = 100 x opponent PTS / opponent possessions;
 *    effective_fg_pct = (FGM + 0.5 x 3PM) / FGA x 100; true_shooting_pct =
 *    PTS / (2 x (FGA + 0.44 FTA)) x 100; the four factors: eFG%, tov_pct =
 *    TOV / possessions x 100, oreb_pct = players' OREB / (players' OREB +
 *    opponent players' DREB) x 100, ft_rate = FTA / FGA.  Ratings and
 *    percentages are in tenths, ft_rate in thousandths, each rounded half
 *    up from exact integer arithmetic; 0 when the denominator is not
 *    positive.  FGA counts the team's missed heaves, as the totals do.
 *
 * Per game (game_flow): lead_changes (the lead passing from one side to
 * the other, a tie in between or not) and times_tied (a scoring play that
 * levels the score; 0-0 does not count).  Live:
 *  - run: a score by a side not holding the run starts a new one, except
 *    the other side's free throws, which count `against` it: `side` has
 *    scored `points` since period/clock `since` ("HOU 9-2, since Q3 4:41").
 *    A field goal is what takes a run away.  The run is `live` (the header
 *    and the Team pane name it: "HOU 9-0 run, 2:41", the game time it has
 *    lasted) when points - against >= GAME_RUN_LIVE_MARGIN: 8, the usual
 *    "8-0 run" at which broadcasts start to count one.
 *  - drought: game time since the side's last made field goal (since the
 *    tip when it has none), from the rule profile's period lengths.
 *  - since_timeout: each side's points, FGM-FGA, turnovers and personal
 *    fouls since the last team timeout of either side (since the tip when
 *    there was none).
 */
struct team_analytics {
	int points_in_paint, fast_break_pts, second_chance_pts, points_off_turnovers;
	int bench_points, biggest_lead, most_unanswered;
	int time_leading;           /* seconds */
	int possessions_x100;
	int offensive_rating_x10, defensive_rating_x10;
	int effective_fg_pct_x10, true_shooting_pct_x10;
	int tov_pct_x10, oreb_pct_x10;
	int ft_rate_x1000;
	/* the counts behind them; oreb and dreb are players' rebounds */
	int pts, fgm, fga, tpm, ftm, fta, oreb, dreb, tov;
};

#define GAME_RUN_LIVE_MARGIN 8

struct game_flow {
	int lead_changes, times_tied;
	struct {
		int side;               /* CS_SIDE_NONE before any score */
		int points, against;
		struct cs_period since;
		int since_clock;        /* tenths */
		int tenths;             /* game time it has lasted so far */
		bool live;              /* worth naming: see GAME_RUN_LIVE_MARGIN */
	} run;
	struct {
		bool scored;            /* a field goal so far; else since the tip */
		struct cs_period last;  /* the last field goal's period and clock */
		int last_clock;
		int tenths;             /* game time since then */
	} drought[2];
	struct {
		int side;               /* who called it; CS_SIDE_NONE: no timeout yet */
		struct cs_period period;
		int clock;
		int points[2], fgm[2], fga[2], tov[2], fouls[2];
	} since_timeout;
};

/*
 * A rule profile (rules.c): how long periods are, which fouls are team
 * fouls and when they give free throws, how many timeouts a team has.
 * Chosen from the provider's data (cs_game_info.rules, the format, the
 * period length), or by name with game_set_rules() (--rules).
 */
struct game_rules {
	const char *name;           /* "nba", "gleague", "ncaam", "ncaaw", "nfhs", "fiba" */
	enum cs_game_format format;
	int periods;                /* regulation periods: 4 or 2 */
	int period_seconds;
	int overtime_seconds;
	int foul_out;               /* personal fouls that disqualify a player */
	int bonus_fouls;            /* the Nth team foul of a foul period: the opponent shoots */
	int overtime_bonus_fouls;   /* the same in an overtime with its own count */
	int double_bonus_fouls;     /* 0, or the Nth foul that gives two shots (NCAA men: 10) */
	bool one_and_one;           /* the bonus is a one-and-one (NCAA men) */
	bool last_two_minutes_rule; /* NBA: second foul in a period's last 2:00 gives the bonus */
	bool overtime_continues_fouls;  /* an overtime adds to the last regulation period's count */
	bool offensive_fouls_are_team_fouls;
	bool technical_fouls_are_team_fouls;   /* a player's technical (FIBA, NCAA, NFHS) */
	/* Timeouts: `timeouts` in regulation; a first half with its own
	 * allowance (FIBA: 2, lost if unused); at most `second_half_max`
	 * in the second half (FIBA 3, NCAA men 3 carried over); at most
	 * `final_period_max` in the last regulation period (NBA 4), and
	 * `late_max` from `late_tenths` before its end (NBA: 2 after 3:00;
	 * FIBA: 2 in the last 2:00); `per_overtime` in each overtime, plus
	 * what is left of regulation when `carry_into_overtime`. */
	int timeouts;
	int timeouts_first_half;
	int timeouts_second_half_max;
	int timeouts_final_period_max;
	int timeouts_late_max;
	int timeouts_late_tenths;
	int timeouts_per_overtime;
	bool timeouts_carry_into_overtime;
};

/* The named profile, or NULL when no profile has that name. */
const struct game_rules *game_rules_profile(const char *name);
/* The profile names, for --help and error messages: "nba, gleague, ...". */
const char *game_rules_names(void);

struct game *game_new(void);
void game_free(struct game **g);

/* Teams, rosters, format.  Only the sides marked has_team are replaced. */
void game_set_info(struct game *g, const struct cs_game_info *info);
const struct cs_game_info *game_info(const struct game *g);
const struct game_rules *game_rules(const struct game *g);
/* Use the named profile whatever the provider says (--rules); NULL goes
 * back to the provider's.  Returns -1 for an unknown name (nothing
 * changes). */
int game_set_rules(struct game *g, const char *name);

/* Returns 1 when the stored set changed, 0 for an identical re-send, -1 when
 * the event was refused (no id, bad period); -1 leaves the model unchanged. */
int game_upsert(struct game *g, const struct cs_event *ev);
/* Returns 1 when an event was removed, 0 when the id was unknown. */
int game_delete(struct game *g, const char *id);
void game_set_clock(struct game *g, const struct cs_clock *clock);
void game_set_published(struct game *g, const struct cs_published_stats *st);
/* A provider's own possession record (model/possessions.h), upserted by id:
 * 1 changed, 0 the same, -1 refused. */
struct cs_possession;
struct cs_possessions;
int game_set_possession(struct game *g, const struct cs_possession *p);
/* A video segment (model/possessions.h); the same 1 / 0 / -1. */
struct cs_video_segment;
int game_add_video(struct game *g, const struct cs_video_segment *v);
/* Marks or unmarks a play for review (`m`): 1 marked, 0 unmarked, -1. */
int game_toggle_mark(struct game *g, const char *event_id);
/* Drops the provider's possessions and videos (a replay's seek back). */
void game_reset_possessions(struct game *g);

/* A cs_sink that applies everything to `g` (for parsers and tests). */
struct cs_sink game_sink(struct game *g);

/* Derived views.  Pointers stay valid until the next change to the model. */
size_t game_event_count(const struct game *g);
const struct box_team *game_team(struct game *g, int side);
size_t game_play_count(struct game *g);
const struct play *game_play(struct game *g, size_t i);   /* oldest first */
size_t game_shot_count(struct game *g);
const struct shot *game_shot(struct game *g, size_t i);
size_t game_unit_count(struct game *g);
const struct unit *game_unit(struct game *g, size_t i);

/* The coach's numbers of `side`: period_seq 0 for the game, else that
 * period (1..CS_PERIODS_MAX; a period not played yet is all zeros).
 * NULL for a bad side or period. */
const struct team_analytics *game_analytics(struct game *g, int side, int period_seq);
/* Lead changes, times tied, the run, droughts, the since-timeout card. */
const struct game_flow *game_flow(struct game *g);

/* The current period and clock: the live clock when it is newer than the
 * last event, else the last event's. */
struct cs_period game_period(struct game *g);
int game_clock(struct game *g);
bool game_clock_running(const struct game *g);
int game_player_index(const struct game *g, int side, const char *id);
/* Box-score order of a side's players: starters, then the bench, each in
 * roster order with players learned from events after the roster.  Fills
 * up to `max` player indexes into `order`; returns how many. */
size_t game_box_order(struct game *g, int side, int *order, size_t max);

/* "Final", "Final/OT", "Final/2OT"; "" while the game is not over. */
const char *game_final_text(struct game *g, char *buf, size_t size);

/* Reconciliation: how many published values differ from the derived ones. */
int game_mismatch_count(struct game *g);

/* Bumped on every change, the clock's included. */
uint64_t game_generation(const struct game *g);
/* The generation of the last change other than the clock running on within
 * a period: what the panes below the header show.  Panes redraw when it
 * moves, so a clock frame redraws only the header. */
uint64_t game_content_generation(const struct game *g);

/*
 * What changed (the dirty set), for drawing only what moved: each aspect
 * keeps the generation of the last change that touched it.  A pane that
 * shows aspects A and B redraws when game_touched(g, A | B) moved since it
 * drew.  An append touches PLAYS and what its fold changed; anything that
 * re-derives (a correction, an insert, a delete, new rules) touches every
 * derived aspect and PLAYS_REWRITTEN (older plays may read differently).
 * Up to date after game_refresh().
 */
enum game_aspect {
	GAME_TOUCH_INFO = 1u << 0,        /* teams, rosters, rules */
	GAME_TOUCH_PLAYS = 1u << 1,       /* a play appended, changed or gone */
	GAME_TOUCH_PLAYS_REWRITTEN = 1u << 2,   /* ... other than appended */
	GAME_TOUCH_SHOTS = 1u << 3,
	GAME_TOUCH_BOX = 1u << 4,         /* box rows, totals, score, team figures, units */
	GAME_TOUCH_COURT = 1u << 5,       /* a five on court */
	GAME_TOUCH_PERIOD = 1u << 6,      /* the current period */
	GAME_TOUCH_POSSESSIONS = 1u << 7, /* the provider's possessions, videos, marks */
	GAME_TOUCH_PUBLISHED = 1u << 8,   /* published totals (reconciliation) */
	GAME_TOUCH_CLOCK = 1u << 9,       /* the live clock's seconds: droughts, a run's length */
};
#define GAME_TOUCH_ASPECTS 10
#define GAME_TOUCH_ALL ((1u << GAME_TOUCH_ASPECTS) - 1)
/* The latest generation that touched any aspect of `mask`. */
uint64_t game_touched(const struct game *g, unsigned mask);

/*
 * Derive once, then only read: game_refresh() brings every derived view up
 * to date (the UI calls it once after each drain of the feed); the
 * game_view_* readers below take a const model and derive nothing, so code
 * that holds a `const struct game *` (the panes) cannot set off a
 * re-derivation halfway through a frame.  They require a fresh model
 * (game_fresh(); asserted): reading a stale one would hand out plays whose
 * events a delete has freed.
 */
void game_refresh(struct game *g);
bool game_fresh(const struct game *g);
const struct box_team *game_view_team(const struct game *g, int side);
const struct cs_possessions *game_view_possessions(const struct game *g);
size_t game_view_play_count(const struct game *g);
const struct play *game_view_play(const struct game *g, size_t i);
size_t game_view_shot_count(const struct game *g);
const struct shot *game_view_shot(const struct game *g, size_t i);
size_t game_view_unit_count(const struct game *g);
const struct unit *game_view_unit(const struct game *g, size_t i);
struct cs_period game_view_period(const struct game *g);
int game_view_clock(const struct game *g);
int game_view_mismatch_count(const struct game *g);
/* game_analytics() and game_flow() of a fresh model (analytics.c). */
const struct team_analytics *game_view_analytics(const struct game *g, int side,
    int period_seq);
const struct game_flow *game_view_flow(const struct game *g);
const char *game_view_final_text(const struct game *g, char *buf, size_t size);

#endif
