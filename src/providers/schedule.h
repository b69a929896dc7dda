/*
 * A provider's schedule for a day (issue 19): the games, each with its id,
 * tip-off, teams, status and score, read from ShotTracker's
 * GET /v1/data/schedule/games (signed) or Sportradar's daily
 * schedule.json.  For `courtside --list` and the game picker.
 *
 * Threads: schedule_fetch() blocks (bounded timeouts); it touches only
 * its own curl handle, on the calling thread, before any feed runs.
 */
#ifndef CS_SCHEDULE_H
#define CS_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "model/event.h"

#define SCHEDULE_MAX_GAMES 256
#define SCHEDULE_DOC_MAX   (4u << 20)

struct schedule_team {
	char id[CS_ID_MAX];
	char name[64];
	char alias[16];              /* "" when the provider gives none */
	int points;                  /* -1 unknown */
};

struct schedule_game {
	char id[CS_ID_MAX];
	int64_t tipoff_ms;           /* epoch ms; 0 unknown */
	char status[24];             /* the provider's word, sanitized */
	struct schedule_team team[2];   /* CS_HOME, CS_AWAY */
	bool scoreless;              /* the provider's schedule never carries a
					score (ShotTracker's): points stay -1 */
};

struct schedule {
	enum cs_provider provider;
	int year, month, day;        /* the local day asked for */
	struct schedule_game *games; /* sorted by tip-off; owned */
	size_t n;
	bool retryable;              /* the fetch failed, and a later try may heal
	                                it: no answer, 408, 429, 5xx */
};

struct schedule_query {
	enum cs_provider provider;
	const char *base_url;        /* NULL: the provider's own */
	const void *options;         /* the provider's own (provider_options_from) */
	const char *cacert;
	bool insecure;
	int year, month, day;        /* the local day */
	const char *team;            /* --team: an id (or alias); NULL = all */
	int attempts;                /* a transient failure is tried again, this
	                                many tries in all (0 or 1: once) */
};

/* The day's games.  0, or -1 with a one-line *cause (never a secret). */
int schedule_fetch(const struct schedule_query *q, struct schedule *out, char **cause);
/*
 * The providers' GET of a schedule (http_perform's contract): a failure
 * that a retry may heal (no answer, 408, 429, 5xx) is tried again, up to
 * q->attempts tries, after a short backoff; out->retryable says whether
 * the last one was such a failure.
 */
struct http_request;
struct http_response;
int schedule_get(const struct schedule_query *q, const struct http_request *req,
    struct http_response *resp, struct schedule *out, char **cause);
void schedule_free(struct schedule *s);

/* Parsers, pure (tests and fuzzing call them alone): 0, or -1 with *cause. */
int shottracker_schedule_parse(const char *json, size_t len, struct schedule *out,
    char **cause);
int sportradar_schedule_parse(const char *json, size_t len, struct schedule *out,
    char **cause);
int shottracker_schedule_fetch(const struct schedule_query *q, struct schedule *out,
    char **cause);
int sportradar_schedule_fetch(const struct schedule_query *q, struct schedule *out,
    char **cause);

/* Keeps the games `team` (an id, or an alias, any case) plays in. */
void schedule_filter_team(struct schedule *s, const char *team);
/* How a provider's schedule answer is read (schedule_answer). */
struct http_response;
struct schedule_answer_how {
	const char *log_name;      /* "shottracker" */
	const char *what;          /* "ShotTracker: the schedule" */
	const char *credentials;   /* named on a 401/403 */
	int (*parse)(const char *json, size_t len, struct schedule *out, char **cause);
};
/* The answer to a schedule GET: logged, refused unless 200, parsed into
 * `out` and kept to q->team; frees `resp`.  0, or -1 with *cause. */
int schedule_answer(const struct schedule_query *q, const char *url,
    struct http_response *resp, const struct schedule_answer_how *how,
    struct schedule *out, char **cause);
/* "ID  HH:MM  AWAY at HOME  STATUS  A-H" (no newline) into buf. */
void schedule_line(const struct schedule_game *g, char *buf, size_t size);
/* --list: one line per game, or one JSON document; 0 or -1 (errno). */
int schedule_print(const struct schedule *s, FILE *out, bool json);

/* Helpers shared by the two parsers (schedule.c).  `obj` is a json-c
 * object; a member's string is sanitized into dst ("" when absent); a
 * number may come as a JSON number or a string of digits. */
int schedule_add(struct schedule *s, const struct schedule_game *g);
void schedule_sort(struct schedule *s);
void schedule_json_str(const void *obj, const char *key, char *dst, size_t size);
bool schedule_json_int(const void *obj, const char *key, int64_t *out);
/* The provider's document, an object with a "games" array: its root (a
 * json-c object the caller puts) and *games; NULL with *cause. */
void *schedule_json_games(const char *json, size_t len, const char *what, void **games,
    char **cause);

#endif
