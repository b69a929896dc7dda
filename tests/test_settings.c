/* The command-line contract (product.md §5) and the config file. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "providers/provider.h"
#include "providers/schedule.h"
#include "providers/shottracker.h"
#include "providers/sportradar.h"
#include "settings.h"
#include "tap.h"

/* Parses a NULL-terminated list of arguments; returns settings_parse's result. */
static int
parse(struct settings *s, char **cause, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;
	const char *a;

	argv[argc++] = (char *)"courtside";
	va_start(ap, cause);
	while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	free(*cause);
	*cause = NULL;
	return settings_parse(s, argc, argv, cause);
}

static void
test_sources(void)
{
	struct settings s;
	char *cause = NULL;

	is_int(parse(&s, &cause, "--demo", NULL), 0, "--demo alone parses");
	ok(s.demo && s.mode == RUN_UI, "--demo runs the UI");
	is_int(parse(&s, &cause, "--provider", "shottracker", "--game", "abc", NULL), 0,
	    "shottracker with a game parses");
	is_int(s.provider, CS_PROVIDER_SHOTTRACKER, "provider is shottracker");
	is_str(s.game_id, "abc", "game id kept");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--league", "nbdl",
	    "--access-level", "production", NULL), 0, "sportradar options parse");
	is_str(s.league, "nbdl", "league kept");
	is_str(s.access_level, "production", "access level kept");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", NULL), 0,
	    "sportradar defaults");
	is_str(s.league, "nba", "league defaults to nba");
	is_str(s.access_level, "trial", "access level defaults to trial");
	is_int(parse(&s, &cause, "--replay", "f.cap", "--speed", "max", NULL), 0, "replay at max speed");
	ok(s.speed == 0 && s.speed_set, "max speed is 0");
	is_int(parse(&s, &cause, "--replay", "f.cap", "--speed", "8", "--until", "3/5:00", NULL), 0,
	    "replay with speed and until");
	ok(s.speed == 8, "speed 8");
	is_int(parse(&s, &cause, "--replay", "f.cap", "--rules", "fiba", NULL), 0, "--rules fiba");
	is_str(s.rules, "fiba", "rules kept");
	is_int(parse(&s, &cause, "--replay", "f.cap", NULL), 0, "no --rules");
	ok(s.rules == NULL, "no --rules: the provider's");
}

static void
test_conflicts(void)
{
	struct settings s;
	char *cause = NULL;

	is_int(parse(&s, &cause, NULL), -1, "no source is an error");
	is_int(parse(&s, &cause, "--demo", "--provider", "shottracker", "--game", "x", NULL), -1,
	    "--demo and --provider conflict");
	ok(cause != NULL && strstr(cause, "choose one") != NULL, "the message says to choose one");
	is_int(parse(&s, &cause, "--provider", "shottracker", "--once", NULL), -1,
	    "--provider needs --game with --once");
	is_int(parse(&s, &cause, "--provider", "shottracker", "--headless", NULL), -1,
	    "--provider needs --game with --headless");
	is_int(parse(&s, &cause, "--provider", "shottracker", NULL), 0,
	    "--provider alone opens the game picker");
	ok(s.game_id == NULL && !s.list, "no game, no list");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--list", "--date", "2026-02-28",
	    "--team", "BOS", NULL), 0, "--list with --date and --team");
	ok(s.list && s.year == 2026 && s.month == 2 && s.day == 28 && strcmp(s.team, "BOS") == 0,
	    "--list, the day and the team are kept");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--list", "--date", "2026-02-30",
	    NULL), -1, "--date refuses a day that is not one");
	ok(cause != NULL && strstr(cause, "YYYY-MM-DD") != NULL, "the message shows the form");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--list", "--date", "2026-2-3",
	    NULL), -1, "--date wants two-digit months and days");
	is_int(parse(&s, &cause, "--list", "--replay", "f", NULL), -1, "--list needs --provider");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--list", "--game", "g", NULL), -1,
	    "--list and --game exclude each other");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--team", "x", NULL),
	    -1, "--team does not go with --game");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--all", "--status", "inprogress",
	    "--locale", "fr", NULL), 0, "--all with --status and --locale");
	ok(strcmp(s.push_status, "inprogress") == 0 && strcmp(s.locale, "fr") == 0,
	    "the push filter and the locale are kept");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--all", "--status", "live", NULL),
	    -1, "--status takes inprogress or created");
	ok(cause != NULL && strstr(cause, "inprogress or created") != NULL,
	    "the message names the statuses");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--status",
	    "created", NULL), -1, "--status filters several games, not one");
	is_int(parse(&s, &cause, "--provider", "shottracker", "--all", "--locale", "fr", NULL),
	    -1, "--locale is Sportradar's");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--locale",
	    "en&x=1", NULL), -1, "--locale refuses what is not a language code");
	is_int(parse(&s, &cause, "--provider", "espn", "--game", "x", NULL), -1, "unknown provider");
	is_int(parse(&s, &cause, "--demo", "--bogus", NULL), -1, "unknown option");
	ok(cause != NULL && strstr(cause, "--bogus") != NULL, "the message names the option");
	is_int(parse(&s, &cause, "--demo", "--once", NULL), -1, "--once with --demo");
	is_int(parse(&s, &cause, "--replay", "f", "--once", "--headless", NULL), -1,
	    "--once and --headless conflict");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--ws-url", "ws://x", NULL),
	    -1, "--ws-url is for shottracker only");
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--league", "wnba", NULL),
	    -1, "unknown league");
	is_int(parse(&s, &cause, "--replay", "f", "--rules", "wnba", NULL), -1, "unknown rules");
	ok(cause != NULL && strstr(cause, "ncaaw") != NULL, "the message lists the profiles");
	is_int(parse(&s, &cause, "--replay", "f", "--speed", "fast", NULL), -1, "bad speed");
	is_int(parse(&s, &cause, "--replay", "f", "--until", "5:00", NULL), -1, "until needs a period");
	is_int(parse(&s, &cause, "--provider", "shottracker", "--game", "g", "--until", "3/5:00", NULL),
	    -1, "until goes with replay");
	is_int(parse(&s, &cause, "--replay", "f", "--export-format", "xml", NULL), -1,
	    "unknown export format");
	is_int(parse(&s, &cause, "--demo", "--bell", "score,goal", NULL), -1, "unknown bell event");
	is_int(parse(&s, &cause, "--replay", "f", "--record", "g", NULL), -1,
	    "recording a replay is refused");
	is_int(parse(&s, &cause, "--provider", "shottracker", "--game", "g", "--base-url", "ftp://x", NULL),
	    -1, "base url must be http(s)");
	is_int(parse(&s, &cause, "--demo", "extra", NULL), -1, "stray argument");
	free(cause);
}

static void
test_modes(void)
{
	struct settings s;
	char *cause = NULL;

	is_int(parse(&s, &cause, "--provider", "shottracker", "--game", "g", "--once", NULL), 0,
	    "--once parses");
	is_int(s.mode, RUN_ONCE, "mode once");
	is_str(s.export_path, "-", "--once exports to stdout by default");
	is_int(parse(&s, &cause, "--replay", "f", "--headless", "--duration", "2.5",
	    "--export", "out.csv", "--export-format", "csv", NULL), 0, "--headless parses");
	is_int(s.mode, RUN_HEADLESS, "mode headless");
	ok(s.duration == 2.5, "duration kept");
	is_int(s.export_format, EXPORT_CSV, "csv format");
	is_int(parse(&s, &cause, "--demo", "--no-color", "--ascii", "--title", "--bell",
	    "score,lead-change", NULL), 0, "display options parse");
	ok(s.no_color && s.ascii && s.title && s.bell != 0, "display options kept");
	free(cause);
}

static void
test_until(void)
{
	struct cs_game_point pt;

	ok(cs_game_point_parse("3/5:00", &pt) == 0 && pt.kind == CS_POINT_SEQUENCE &&
	    pt.number == 3 && pt.clock == 3000, "3/5:00");
	ok(cs_game_point_parse("5/0:30.5", &pt) == 0 && pt.number == 5 && pt.clock == 305,
	    "5/0:30.5");
	ok(cs_game_point_parse("0/5:00", &pt) < 0, "period 0 refused");
	ok(cs_game_point_parse("3/xx", &pt) < 0, "bad clock refused");
	/* the simulator's forms, and the seek prompt's */
	ok(cs_game_point_parse("Q3/5:00", &pt) == 0 && pt.kind == CS_POINT_QUARTER &&
	    cs_game_point_sequence(&pt, false) == 3 && pt.clock == 3000, "Q3/5:00");
	ok(cs_game_point_parse("Q3 5:00", &pt) == 0 && cs_game_point_sequence(&pt, false) == 3,
	    "Q3 5:00");
	ok(cs_game_point_parse("ot1  2:00", &pt) == 0 && pt.clock == 1200 &&
	    cs_game_point_sequence(&pt, false) == 5 && cs_game_point_sequence(&pt, true) == 3,
	    "OT1 2:00: the fifth period in quarters, the third in halves");
	ok(cs_game_point_parse("H2/10:00", &pt) == 0 && cs_game_point_sequence(&pt, true) == 2 &&
	    cs_game_point_sequence(&pt, false) < 0, "H2: a half only in halves");
	ok(cs_game_point_parse("Q3/5:00", &pt) == 0 && cs_game_point_sequence(&pt, true) < 0,
	    "Q3: no quarter in halves");
	ok(cs_game_point_parse("9/99:99", &pt) < 0, "9/99:99: no period lasts 99 minutes");
	ok(cs_game_point_parse("Q3//5:00", &pt) < 0 && cs_game_point_parse("Q3", &pt) < 0 &&
	    cs_game_point_parse("Q/5:00", &pt) < 0 && cs_game_point_parse("Q3/", &pt) < 0,
	    "malformed points refused");
}

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

static void
test_config(void)
{
	struct settings s;
	char dir[] = "/tmp/cs-settings-XXXXXX", path[256], *cause = NULL;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/config", dir);
	unsetenv("SHOTTRACKER_USERNAME");
	unsetenv("SHOTTRACKER_SECRET");
	unsetenv("SPORTRADAR_API_KEY");

	write_file(path, "# courtside\nshottracker_username = alice\n"
	    "shottracker_secret = s3cret\n\nsportradar_api_key=key1\n", 0600);
	parse(&s, &cause, "--demo", "--config", path, NULL);
	ok(settings_load_credentials(&s, &cause) == 0, "a private config loads");
	is_str(s.st_username, "alice", "username from config");
	is_str(s.st_secret, "s3cret", "secret from config");
	is_str(s.sr_api_key, "key1", "api key from config");
	settings_free(&s);
	ok(s.st_secret == NULL, "settings_free clears the secret");

	setenv("SHOTTRACKER_SECRET", "fromenv", 1);
	parse(&s, &cause, "--demo", "--config", path, NULL);
	settings_load_credentials(&s, &cause);
	is_str(s.st_secret, "fromenv", "the environment wins over the config file");
	settings_free(&s);
	unsetenv("SHOTTRACKER_SECRET");

	chmod(path, 0644);
	parse(&s, &cause, "--demo", "--config", path, NULL);
	free(cause);
	cause = NULL;
	ok(settings_load_credentials(&s, &cause) < 0, "a config readable by others is refused");
	ok(cause != NULL && strstr(cause, "chmod 600") != NULL, "the message says how to fix it");
	ok(cause != NULL && strstr(cause, "s3cret") == NULL, "the message has no secret in it");
	settings_free(&s);

	write_file(path, "shottracker_password = x\n", 0600);
	parse(&s, &cause, "--demo", "--config", path, NULL);
	free(cause);
	cause = NULL;
	ok(settings_load_credentials(&s, &cause) < 0 && strstr(cause, "unknown key") != NULL,
	    "an unknown key is refused with a message");
	settings_free(&s);

	parse(&s, &cause, "--demo", "--config", path, NULL);
	is_int(s.st_ping, FEED_PING_CONTROL, "the ShotTracker keep-alive is a control frame by default");
	settings_free(&s);
	{
		static const struct { const char *line; enum feed_ping want; } pings[] = {
			{ "shottracker_ping = text\n", FEED_PING_TEXT },
			{ "shottracker_ping = both\n", FEED_PING_BOTH },
			{ "shottracker_ping = control\n", FEED_PING_CONTROL },
		};
		size_t i;

		for (i = 0; i < sizeof pings / sizeof pings[0]; i++) {
			write_file(path, pings[i].line, 0600);
			parse(&s, &cause, "--demo", "--config", path, NULL);
			ok(settings_load_credentials(&s, &cause) == 0 &&
			    s.st_ping == pings[i].want, "config %.*s", (int)strlen(pings[i].line) - 1,
			    pings[i].line);
			settings_free(&s);
		}
	}
	write_file(path, "shottracker_ping = loud\n", 0600);
	parse(&s, &cause, "--demo", "--config", path, NULL);
	free(cause);
	cause = NULL;
	ok(settings_load_credentials(&s, &cause) < 0 && cause != NULL &&
	    strstr(cause, "control, text or both") != NULL, "a bad shottracker_ping is refused");
	settings_free(&s);

	snprintf(path, sizeof path, "%s/missing", dir);
	parse(&s, &cause, "--demo", "--config", path, NULL);
	ok(settings_load_credentials(&s, &cause) < 0, "an explicit missing config is an error");
	settings_free(&s);

	setenv("XDG_CONFIG_HOME", dir, 1);
	parse(&s, &cause, "--demo", NULL);
	ok(settings_load_credentials(&s, &cause) == 0, "a missing default config is fine");
	settings_free(&s);

	snprintf(path, sizeof path, "%s/config", dir);
	unlink(path);
	rmdir(dir);
	free(cause);
}

/*
 * Each provider reads its own options from the settings through the
 * registry (main.c names none): the copies own their strings, and the
 * Sportradar G League feed implies the G League's rule book.
 */
static void
test_provider_options(void)
{
	const struct provider *st = provider_by_name("shottracker");
	const struct provider *sr = provider_by_name("sportradar");
	struct shottracker_options *sto;
	struct sportradar_options *sro;
	struct settings s;
	char *cause = NULL, user[] = "u1", secret[] = "s3cret", key[] = "k3y";
	bool oom;

	ok(st != NULL && sr != NULL && st->options_from != NULL && sr->options_from != NULL,
	    "both live providers read their options themselves");
	ok(st != NULL && sr != NULL && st->schedule != NULL && sr->schedule != NULL,
	    "both have a schedule in the registry");
	if (st == NULL || sr == NULL)
		return;
	is_int(parse(&s, &cause, "--provider", "shottracker", "--game", "g", "--ws-url",
	    "ws://127.0.0.1:1", NULL), 0, "shottracker with --ws-url");
	s.st_username = user;
	s.st_secret = secret;
	sto = provider_options_from(st, &s, &oom);
	ok(sto != NULL && !oom, "shottracker options made");
	if (sto != NULL) {
		is_str(sto->ws_url, "ws://127.0.0.1:1", "--ws-url read by the provider");
		is_str(sto->username, "u1", "username read");
		ok(sto->secret != NULL && sto->secret != secret && strcmp(sto->secret, "s3cret") == 0,
		    "the secret is the provider's own copy");
	}
	ok(st->rules_hint == NULL || st->rules_hint(sto) == NULL,
	    "ShotTracker's options imply no rule book");
	provider_options_free(st, sto);

	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", "--league", "nbdl",
	    NULL), 0, "sportradar nbdl");
	s.sr_api_key = key;
	sro = provider_options_from(sr, &s, &oom);
	ok(sro != NULL && sro->api_key != key && sro->api_key != NULL &&
	    strcmp(sro->api_key, "k3y") == 0 && strcmp(sro->league, "nbdl") == 0,
	    "sportradar options: league and key copied");
	ok(sr->rules_hint != NULL && sro != NULL && sr->rules_hint(sro) != NULL &&
	    strcmp(sr->rules_hint(sro), "gleague") == 0, "the nbdl feed implies the G League's rules");
	provider_options_free(sr, sro);
	is_int(parse(&s, &cause, "--provider", "sportradar", "--game", "g", NULL), 0, "sportradar nba");
	sro = provider_options_from(sr, &s, &oom);
	ok(sro != NULL && sr->rules_hint(sro) == NULL, "the NBA feed: the data decides");
	provider_options_free(sr, sro);
	ok(provider_options_from(provider_for_replay(), &s, &oom) == NULL && !oom,
	    "the replay takes no options");
	free(cause);
}

int
main(void)
{
	test_sources();
	test_provider_options();
	test_conflicts();
	test_modes();
	test_until();
	test_config();
	return tap_done();
}
