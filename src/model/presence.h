/*
 * What only ShotTracker's sensors know about who played (endpoint index,
 * seeds page 001): each player's time on court and possessions as the
 * sensors counted them (stats/presence), the five each team had on court
 * at a given time (lineups?timestamp=), and which sensor each player wore
 * when (sensor/assignments/history).
 *
 * Presence and the lineup at a time are reconciled with what the model
 * derives from the play-by-play: a difference is counted with the
 * published stat totals' (game_mismatch_count) and flags the player, so
 * the box score shows it the same way.  Each report says the game time it
 * was counted at; it is compared only while the model is at that same
 * time (a live game moves on: a stale report is not a difference).
 * Values here are plain, copied across the feed queue.
 */
#ifndef CS_PRESENCE_H
#define CS_PRESENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "model/event.h"

#define CS_PRESENCE_MAX      40    /* players of both teams */
#define CS_SENSORS_MAX       96    /* assignments kept */
#define CS_SENSOR_ID_MAX     24
/* Sensor and scorer clocks differ a little: more than this is a mismatch. */
#define CS_PRESENCE_SLACK_TENTHS 20

/* One player's presence, as of a game time. */
struct cs_presence {
	int side;
	char player_id[CS_ID_MAX];
	int tenths;                  /* time on court */
	int possessions;             /* -1 not sent */
	struct cs_period as_of;      /* the game time it was counted at */
	int as_of_clock;             /* tenths */
};

/* The five a team had on court at a game time. */
struct cs_lineup_at {
	int side;
	int64_t timestamp;           /* the time asked about, epoch ms */
	struct cs_period as_of;
	int as_of_clock;
	int n;
	char ids[CS_ON_COURT][CS_ID_MAX];
};

/* A sensor put on a player (at each period start and at every change). */
struct cs_sensor_assignment {
	int side;
	char player_id[CS_ID_MAX];
	char sensor[CS_SENSOR_ID_MAX];
	int64_t timestamp;           /* epoch ms */
};

/* Kept in the game (game_int.h). */
struct game_presence {
	struct cs_presence players[CS_PRESENCE_MAX];
	int nplayers;
	struct cs_lineup_at lineup[2];
	bool has_lineup[2];
	struct cs_sensor_assignment sensors[CS_SENSORS_MAX];
	int nsensors;
};

struct game;
/* Upserts (by side and player; by side; by player and timestamp): 1 when
 * it changed what the model holds, 0 when not, -1 when refused. */
int game_set_presence(struct game *g, const struct cs_presence *p);
int game_set_lineup_at(struct game *g, const struct cs_lineup_at *l);
int game_add_sensor(struct game *g, const struct cs_sensor_assignment *s);
/* Called by finish (derive.c) after the published totals are compared. */
void game_presence_reconcile(struct game *g);
/* A player's assignments, oldest first: how many were copied into out. */
int game_view_sensors(const struct game *g, int side, const char *player_id,
    struct cs_sensor_assignment *out, int max);
/* "sensors 100600, 100690": the player's sensors in the order he wore
 * them (a sensor worn again after a period start counts once); "" none. */
void game_view_sensor_text(const struct game *g, int side, const char *player_id,
    char *buf, size_t size);
/* The player's presence, or NULL. */
const struct cs_presence *game_view_presence(const struct game *g, int side,
    const char *player_id);

#endif
