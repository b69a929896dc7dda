/*
 * ShotTracker's own possessions (Stats Possessions, seeds page 002), as the
 * provider counted them: each with its five on both sides, its points and
 * how it was played (passes, paint touch, half court, ball screens).
 *
 * Kept apart from the possessions the model derives from the box score
 * (analytics.c, FGA + 0.44 FTA - OREB + TOV): the two are shown side by
 * side with their difference, never merged.  Pure: no I/O.
 */
#ifndef CS_POSSESSIONS_H
#define CS_POSSESSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"

/* Ball-screen actions as ShotTracker counts them (ball_screens_<name>). */
enum cs_screen {
	CS_SCREEN_PICK_N_POP = 0, CS_SCREEN_PICK_N_ROLL, CS_SCREEN_PICK_N_SHORT_ROLL,
	CS_SCREEN_SCREENED_SHOT, CS_SCREEN_HANDOFF, CS_SCREEN_DRAG, CS_SCREEN_POP,
	CS_SCREEN_ROLL, CS_SCREEN_SLIP, CS_SCREEN_SHORT_ROLL, CS_SCREEN_REJECT,
	CS_SCREEN_RE_SCREEN, CS_SCREEN_STAY, CS_SCREEN_STEP_UP, CS_SCREEN_SNAKE,
	CS_SCREEN_SPLIT, CS_SCREEN_OTHER,
	CS_SCREEN_COUNT
};
/* "pick_n_pop", ... as in the vendor's keys (without "ball_screens_"). */
const char *cs_screen_name(enum cs_screen s);

/* One possession of one team: a plain value, copied across the feed queue. */
struct cs_possession {
	char id[CS_ID_MAX];          /* upsert key: "<team id>@<start_timestamp>" */
	int side;                    /* the offense; CS_SIDE_NONE drops it */
	struct cs_period period;
	int start_clock, end_clock;  /* tenths; CS_NO_CLOCK */
	int64_t start_ms, end_ms;    /* epoch ms */
	int points;                  /* from its stats: FG 2, FG3 3, FT 1 */
	int fga, fgm;
	int shot_clock;              /* tenths at its last FGA; CS_NO_CLOCK */
	bool shot_made;              /* that last FGA went in */
	int passes, ball_reversals;
	bool turnover, half_court, paint_touch;
	int ball_screens;            /* all of them */
	int screens[CS_SCREEN_COUNT];
	int nfive[2];                /* [0] the offense's five, [1] the defense's */
	/* Last: the model keeps what comes before as it is and the fives as
	 * indexes into the game's player ids (possessions.c). */
	char five[2][CS_ON_COURT][CS_ID_MAX];
};

/* A count of possessions and their points; PPP = points / count. */
struct cs_ppp {
	int count;
	int points;
};
/* Points per possession in hundredths, rounded half up; 0 without any. */
int cs_ppp_x100(const struct cs_ppp *p);

#define CS_PASS_BANDS        5   /* 0, 1, 2, 3, 4+ passes */
#define CS_SHOT_CLOCK_BANDS  4   /* see cs_shot_clock_band() */

/*
 * One side's summary.  A possession counts once under each heading that
 * applies: under a ball-screen type when it had at least one such screen;
 * under a shot-clock band by its last field-goal attempt (possessions
 * without one are in no band), whose FG% counts every FGA of those
 * possessions.
 */
struct cs_possession_summary {
	struct cs_ppp all, transition, halfcourt, paint_touch, no_paint_touch;
	struct cs_ppp screens[CS_SCREEN_COUNT];
	struct cs_ppp passes[CS_PASS_BANDS];
	struct {
		struct cs_ppp poss;
		int fga, fgm;
	} shot_clock[CS_SHOT_CLOCK_BANDS];
};

/* Bands of the shot clock at the shot, in seconds left: 0 is "15+"
 * (early), 1 "8-15", 2 "4-8", 3 "0-4" (late); lower bound inclusive. */
int cs_shot_clock_band(int tenths);
const char *cs_shot_clock_band_name(int band);

/* A five of one side with the possessions it played on offense (for) and
 * on defense (against).  Ids sorted. */
struct cs_possession_unit {
	int side;
	char ids[CS_ON_COURT][CS_ID_MAX];
	struct cs_ppp for_, against;
};

/*
 * A stretch of the game's video (Game Videos, seeds page 003): only the
 * HLS fields, which alone serve playback (src/video.c places a play in it).
 */
#define CS_URL_MAX 1024
struct cs_video_segment {
	int64_t hls_start_ms;        /* hlsVideoStartTimestamp: epoch ms of the stream's 0 */
	int64_t offset_ms;           /* hlsStartOffset (seconds) in ms: where it begins */
	int64_t delay_ms;            /* hlsVideoDelayMs: the video lags the game by this */
	int64_t duration_ms;         /* hlsDuration (seconds) in ms */
	char url[CS_URL_MAX];        /* hlsFile */
};

struct cs_possessions;

struct cs_possessions *cs_possessions_new(void);
void cs_possessions_free(struct cs_possessions **ps);
/* Drops the possessions and video segments (not the marks). */
void cs_possessions_clear(struct cs_possessions *ps);
/* Replaces the possession with the same id, or adds it (up to a cap).
 * 1 when something changed, 0 when not, -1 when refused (no id or side). */
int cs_possessions_upsert(struct cs_possessions *ps, const struct cs_possession *p);
size_t cs_possessions_count(const struct cs_possessions *ps);
/* The i-th in start order (period, then start clock down, then id) into
 * *out; false past the last. */
bool cs_possessions_get(const struct cs_possessions *ps, size_t i, struct cs_possession *out);
void cs_possessions_summary(const struct cs_possessions *ps, int side,
    struct cs_possession_summary *out);
/*
 * The fives of `side` with full lineups on offense or defense, most
 * possessions (for + against) first, ties by ids; up to `max` into `out`.
 * Returns how many there are in all.
 */
size_t cs_possessions_units(const struct cs_possessions *ps, int side,
    struct cs_possession_unit *out, size_t max);

/* Video segments, kept beside the possessions they film: a segment with
 * the same url and offset replaces the old one.  1 changed, 0 the same,
 * -1 refused (no url, a control character in it, or full). */
int cs_possessions_add_video(struct cs_possessions *ps, const struct cs_video_segment *v);
size_t cs_possessions_video_count(const struct cs_possessions *ps);
/* A segment as kept: the segments of one stream (a game has one or a
 * few, and ~250 segments) share its url, held once (issue 20: a url
 * buffer a segment was ~0.26 MB a game).  `url` lives as long as `ps`. */
struct cs_video_kept {
	int64_t hls_start_ms, offset_ms, delay_ms, duration_ms;   /* as in cs_video_segment */
	const char *url;
};
const struct cs_video_kept *cs_possessions_video(const struct cs_possessions *ps, size_t i);

/* Plays the user marked for review (`m`), by event id: toggles one, 1 now
 * marked, 0 unmarked, -1 refused (no id, or too many marks). */
int cs_possessions_toggle_mark(struct cs_possessions *ps, const char *event_id);
bool cs_possessions_marked(const struct cs_possessions *ps, const char *event_id);
size_t cs_possessions_mark_count(const struct cs_possessions *ps);

#endif
