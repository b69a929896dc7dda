/*
 * The provider registry: every provider courtside can run, in one table
 * (provider.c).  Everything that names a provider reads it: the feed picks
 * what to run, the replay finds a capture's parsers, the capture header
 * checks its provider's name, and --provider matches against it.
 *
 * Adding a provider: its own files (the run loop, a provider_parser, its
 * options struct read from the settings, its schedule), a value in enum
 * cs_provider with its cs_provider_name (model/event.c: the model names
 * where an event came from), and one line in provider.c.  Nothing else
 * names it; settings.c only if it takes command-line options of its own.
 */
#ifndef CS_PROVIDER_H
#define CS_PROVIDER_H

#include "model/event.h"
#include "net/feed.h"
#include "providers/parser.h"

struct settings;
struct schedule;
struct schedule_query;

struct provider {
	const char *name;           /* --provider NAME; the capture header */
	enum cs_provider id;        /* CS_PROVIDER_NONE: not a live source (replay) */
	/* Runs on the feed thread until the stream ends or the feed is told
	 * to stop.  Returns 0 when the game (or --once catch-up) finished,
	 * -1 with a one-line reason in *cause (malloc'd) otherwise. */
	int (*run)(struct feed *feed, char **cause);
	/* The same for a league on one feed thread (feed_start_league): the
	 * hub's games are feed_league_member()s (Sportradar: one push
	 * connection for all; ShotTracker: a socket each in one WebSocket
	 * context).  NULL: one game a feed. */
	int (*run_league)(struct feed *hub, char **cause);
	/* Called from the UI thread: make run() notice feed_stopping() or a
	 * reconnect request now (e.g. lws_cancel_service).  May be NULL. */
	void (*wake)(struct feed *feed);
	/* Called from the UI thread through feed_control(), with the feed's
	 * wake lock held (feed_provider_data() cannot go away under it).
	 * NULL: the provider takes no controls. */
	void (*control)(struct feed *feed, enum feed_control c);
	/* The same, through feed_seek(): to a period and clock.  May be NULL. */
	void (*seek)(struct feed *feed, int period_sequence, int clock);
	/* It answers feed_clip() (feed_take_clip on its thread). */
	bool takes_clips;
	/* The parsers its captures replay through; NULL for the replay. */
	const struct provider_parser *parser;
	/* Its own options (feed_config.options), copied by feed_start: a copy
	 * of `options` (NULL: all unset), or NULL out of memory; and the free
	 * that wipes their secrets.  NULL both: the provider takes none. */
	void *(*options_copy)(const void *options);
	void (*options_free)(void *options);
	/* Its options as the command line, the config and the environment set
	 * them (settings.h): an owned copy, freed with options_free; NULL out
	 * of memory.  NULL: the provider takes none. */
	void *(*options_from)(const struct settings *s);
	/* The rule profile its options imply ("gleague"), or NULL: the game's
	 * own data decides.  May be NULL. */
	const char *(*rules_hint)(const void *options);
	/* The day's games (--list, the picker, --all), read with q->options
	 * (its own).  NULL: it has no schedule. */
	int (*schedule)(const struct schedule_query *q, struct schedule *out, char **cause);
};

/* The table, NULL-terminated, live providers first. */
extern const struct provider *const provider_registry[];

/* A live provider (one with an id) by name or id; NULL when none. */
const struct provider *provider_by_name(const char *name);
const struct provider *provider_by_id(enum cs_provider id);
/* Its options from the settings (options_from), or NULL: none, or out of
 * memory (*oom set).  Free with provider_options_free. */
void *provider_options_from(const struct provider *p, const struct settings *s, bool *oom);
void provider_options_free(const struct provider *p, void *options);
/* The provider that replays captures (--replay). */
const struct provider *provider_for_replay(void);

#endif
