/*
 * The command line and the config file (product.md §5): everything a run
 * needs to know, checked for conflicts before anything starts.
 */
#ifndef CS_SETTINGS_H
#define CS_SETTINGS_H

#include <stdbool.h>
#include <stdio.h>
#include "model/event.h"
#include "net/feed.h"

enum run_mode { RUN_UI = 0, RUN_ONCE, RUN_HEADLESS };

#define SETTINGS_GAMES_MAX 16    /* games followed in one process */
enum export_format { EXPORT_JSON = 0, EXPORT_CSV, EXPORT_MARKERS };

struct settings {
	bool demo;
	enum cs_provider provider;
	const char *game_id;         /* the first of game_ids */
	const char *game_ids[SETTINGS_GAMES_MAX];   /* --game A,B,...: several games */
	int ngames;
	bool all_games;              /* --all: every game of the day's schedule */
	const char *base_url;
	const char *ws_url;
	const char *league;          /* nba | nbdl */
	const char *access_level;    /* trial | production */
	const char *rules;           /* --rules: a rule profile; NULL = the provider's */
	const char *replay_path;
	double speed;                /* replay/demo speed; 0 = max */
	bool speed_set;
	const char *until;           /* --until PERIOD/CLOCK */
	const char *record_path;
	const char *config_path;
	const char *log_path;
	enum run_mode mode;
	double duration;             /* seconds, 0 = none */
	const char *export_path;     /* "-" = stdout */
	enum export_format export_format;
	bool export_format_set;      /* --list prints JSON only when asked */
	const char *cacert;
	bool insecure;
	bool no_color;
	bool ascii;
	bool title;
	unsigned bell;               /* enum ui_bell mask */
	bool list;                   /* --list: print the day's games and exit */
	int year, month, day;        /* --date (default: today, local time) */
	bool date_set;
	const char *team;            /* --team ID: the schedule's games of a team */
	const char *push_status;     /* --status: a league's push filter; NULL none */
	const char *locale;          /* --locale: Sportradar's language code; NULL en */

	/* Credentials: environment first, then the config file.  Owned. */
	char *st_username;
	char *st_secret;
	char *sr_api_key;
	char games_buf[SETTINGS_GAMES_MAX * CS_ID_MAX];   /* the split --game list */

	/* Config file only: shottracker_ping = control | text | both */
	enum feed_ping st_ping;
	/* Config file only: video_player = mpv --start=%s %u (%s start, %u URL) */
	char *video_player;
};

/* Parses argv.  Returns 0 to run, 1 when --help/--version was printed
 * (exit 0), -1 on a usage error with a one-line *cause (exit 2). */
int settings_parse(struct settings *s, int argc, char **argv, char **cause);

/* Reads credentials from the environment and the config file (path NULL =
 * $XDG_CONFIG_HOME/courtside/config).  A config file readable by group or
 * others is refused.  A missing default file is fine.  Returns 0 or -1. */
int settings_load_credentials(struct settings *s, char **cause);

void settings_free(struct settings *s);



#endif
