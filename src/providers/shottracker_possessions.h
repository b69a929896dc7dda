/*
 * ShotTracker possessions and their videos, parsed whole: groundwork for
 * the Possessions pane (points per possession by type, shot-clock bands,
 * ball screens) and for linking a play to its video.
 *
 *  - Stats Possessions, GET /v1/data/stats/{id}/possessions (seeds page
 *    002): per team, its players and its possessions, each with the five
 *    on court on both sides, the stats in it and its attributes.
 *  - Game Videos, GET /v1/data/stats/games/{event_id}/videos (page 003).
 *
 * Every field of the vendor's examples has a field here, named for what it
 * is.  Pure: bytes in, plain structs out; no I/O.  A value that is absent
 * or null takes its default (0, "", CS_NO_CLOCK); a value that is there but
 * unusable (wrong type, out of range, too long to keep whole) refuses its
 * item, counted in `skipped` with the last reason in `warning`, so that
 * nothing wrong is ever kept.  Strings are stripped of control characters.
 */
#ifndef CS_SHOTTRACKER_POSSESSIONS_H
#define CS_SHOTTRACKER_POSSESSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"
#include "model/possessions.h"

#define ST_URL_MAX          1024  /* links (_locations, hlsFile): kept whole or refused */
#define ST_FIVE             5     /* players on court per side */
#define ST_DETAILS_MAX      16    /* details[] of one stat */
#define ST_WORD_MAX         32    /* enum-like words: "DEFENSIVE_REB", "FGA3_OTD" */
#define ST_TEAMS_MAX        8
#define ST_POSSESSIONS_MAX  1000  /* per team: ~100 in a game */
#define ST_STATS_MAX        64    /* per possession */
#define ST_VIDEOS_MAX       4000

/* A shot's place and kind ("shot_attributes" of an FGA stat). */
struct shottracker_shot {
	bool present;                 /* the stat carried shot_attributes */
	double distance_cm;           /* shot_distance_cm */
	int x, y, z;                  /* ShotTracker's shot frame, as sent (§5.2) */
	int zone, advanced_zone;      /* ShotTracker zone numbers (§5.3) */
	bool is_3point;
};

/* One stat in a possession: a rebound that started it, the shot that ended it. */
struct shottracker_possession_stat {
	int64_t timestamp;            /* epoch ms */
	int game_clock;               /* tenths; CS_NO_CLOCK when not sent */
	int shot_clock;               /* tenths; CS_NO_CLOCK when not sent */
	char possession_type[ST_WORD_MAX];   /* "DEFENSIVE_REB", "FGA" */
	int ndetails;
	char details[ST_DETAILS_MAX][ST_WORD_MAX];   /* "FGA", "FGA3", "FGA_OTD", ... */
	char player_id[CS_ID_MAX];
	struct shottracker_shot shot;
};

/* How the possession was played ("possession_attributes"). */
struct shottracker_possession_play {
	int turnover;                 /* 0 or 1 */
	int passes;
	bool half_court;              /* false: transition */
	bool paint_touch;
	int ball_reversals;
	int ball_screens;             /* all of them; then by wing and by action */
	int ball_screens_left_wing, ball_screens_middle_wing, ball_screens_right_wing;
	int ball_screens_pick_n_pop, ball_screens_pick_n_roll;
	int ball_screens_pick_n_short_roll, ball_screens_screened_shot;
	int ball_screens_handoff, ball_screens_drag, ball_screens_pop;
	int ball_screens_roll, ball_screens_slip, ball_screens_short_roll;
	int ball_screens_reject, ball_screens_re_screen, ball_screens_stay;
	int ball_screens_step_up, ball_screens_snake, ball_screens_split;
	int ball_screens_other;
};

struct shottracker_possession {
	char locations_url[ST_URL_MAX];   /* _locations: the sensor data of it */
	int64_t start_timestamp, end_timestamp;   /* epoch ms */
	int start_clock, end_clock;   /* tenths; CS_NO_CLOCK when not sent */
	char period_label[8];         /* "Q1", "H2", "OT1" as sent */
	struct cs_period period;      /* sequence 0 when absent */
	int nplayers, nopponents;
	char player_ids[ST_FIVE][CS_ID_MAX];            /* the team's five */
	char opposing_player_ids[ST_FIVE][CS_ID_MAX];   /* the other five */
	int nstats;
	struct shottracker_possession_stat *stats;      /* owned */
	struct shottracker_possession_play play;
};

/* team_player_details[] */
struct shottracker_possession_player {
	char id[CS_ID_MAX];
	char first_name[CS_NAME_MAX];
	char last_name[CS_NAME_MAX];
	char profile_image_link[ST_URL_MAX];
};

struct shottracker_team_possessions {
	char id[CS_ID_MAX];
	char name[CS_NAME_MAX];
	int nplayers;
	struct shottracker_possession_player *players;  /* owned */
	int npossessions;
	struct shottracker_possession *possessions;     /* owned */
};

struct shottracker_possessions {
	int nteams;
	struct shottracker_team_possessions *teams;     /* owned */
	int skipped;                  /* items refused */
	char warning[160];            /* why the last one was */
};

/*
 * The possessions document.  `halves` says how to number an overtime
 * ("OT1" is period 3 or 5).  NULL with a one-line *cause when the document
 * is not one (not JSON, over the size cap, no "teams" array: an error body
 * such as {"status":403,...} says so with its message).
 */
struct shottracker_possessions *shottracker_possessions_parse(const char *json,
    size_t len, bool halves, char **cause);
void shottracker_possessions_free(struct shottracker_possessions **p);

/* The videos of a game.  Only the hls_* fields serve playback and alignment;
 * the others are context, and `location`/`poster_location` are no longer
 * supported by ShotTracker (kept so that nothing is lost, never used). */
struct shottracker_video {
	char game_id[CS_ID_MAX];
	int64_t event_start_timestamp, event_end_timestamp;   /* epoch ms */
	int64_t start_game_clock_ms, end_game_clock_ms;
	char period_label[8];
	struct cs_period period;
	int64_t video_start_timestamp, video_end_timestamp;
	char source[ST_WORD_MAX];     /* sourceKey.source: "POSSESSION" */
	char source_team_id[CS_ID_MAX];     /* sourceKey.teamId */
	char source_player_id[CS_ID_MAX];   /* sourceKey.playerId */
	char session_id[CS_ID_MAX];
	char facility_id[CS_ID_MAX];
	char location[ST_URL_MAX];    /* no longer supported */
	char hls_file[ST_URL_MAX];    /* the stream to play */
	int64_t hls_video_start_timestamp;  /* epoch ms of the stream's start */
	double hls_start_offset;      /* as sent; the unit is not documented */
	int64_t hls_video_delay_ms;
	double hls_duration;          /* as sent; the unit is not documented */
	int64_t external_start_timestamp, external_end_timestamp;
	char poster_location[ST_URL_MAX];   /* no longer supported */
};

struct shottracker_videos {
	int nvideos;
	struct shottracker_video *videos;   /* owned */
	int skipped;
	char warning[160];
};

/* The videos document ({"videos":[...]}); NULL with *cause as above. */
struct shottracker_videos *shottracker_videos_parse(const char *json, size_t len,
    bool halves, char **cause);
void shottracker_videos_free(struct shottracker_videos **v);

/*
 * Possessions as the model keeps them (model/possessions.h), from a
 * possessions value: the vendor's {"teams":[...]} document, the catch-up's
 * array of possession objects each with its "teamId", or one such object
 * (a live frame's data).  `fn` gets each record with its team id (side
 * CS_SIDE_NONE: the caller knows the sides).  Points and shots come from
 * the stats' details (FG3 3, FG 2, FT 1; FGA an attempt, the last one
 * giving the shot clock).  Returns the number handed out; refused items
 * are counted in *skipped, the last reason in `why`.
 */
/* A video's HLS fields as the model keeps them (seconds to ms); -1 when it
 * has no hlsFile or a value out of range. */
int shottracker_video_segment(const struct shottracker_video *v, struct cs_video_segment *seg);

struct json_object;
typedef void (*shottracker_possession_fn)(void *ctx, const char *team_id,
    struct cs_possession *rec);
int shottracker_possessions_walk(struct json_object *v, bool halves,
    shottracker_possession_fn fn, void *ctx, int *skipped, char *why, size_t whysize);

/*
 * One possession object (a live frame's data, an element of the catch-up's
 * array) read without a tree, from checked JSON text with no backslash and
 * no NUL in it (providers/json_scan.h): 1 with its team id and the record
 * exactly as shottracker_possessions_walk hands them to its fn; 0 when it
 * is in any other form, or one the walker refuses: the walker reads it
 * then, and warns as it does.
 */
int shottracker_possession_scan(const char *obj, size_t len, bool halves,
    char team_id[CS_ID_MAX], struct cs_possession *rec);

#endif
