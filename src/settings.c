/* Command line and config file (see settings.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "model/event.h"
#include "settings.h"
#include "model/game.h"
#include "providers/provider.h"
#include "providers/sportradar.h"
#include "ui/ui.h"

enum {
	OPT_DEMO = 256, OPT_PROVIDER, OPT_GAME, OPT_BASE_URL, OPT_WS_URL,
	OPT_LEAGUE, OPT_ACCESS_LEVEL, OPT_REPLAY, OPT_SPEED, OPT_UNTIL,
	OPT_RECORD, OPT_CONFIG, OPT_LOG, OPT_ONCE, OPT_HEADLESS, OPT_DURATION,
	OPT_EXPORT, OPT_EXPORT_FORMAT, OPT_CACERT, OPT_INSECURE, OPT_NO_COLOR,
	OPT_ASCII, OPT_TITLE, OPT_BELL, OPT_HELP, OPT_VERSION, OPT_RULES,
	OPT_LIST, OPT_DATE, OPT_TEAM, OPT_ALL,
	OPT_STATUS, OPT_LOCALE,
};

static const struct option long_options[] = {
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "provider", required_argument, NULL, OPT_PROVIDER },
	{ "game", required_argument, NULL, OPT_GAME },
	{ "base-url", required_argument, NULL, OPT_BASE_URL },
	{ "ws-url", required_argument, NULL, OPT_WS_URL },
	{ "league", required_argument, NULL, OPT_LEAGUE },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "access-level", required_argument, NULL, OPT_ACCESS_LEVEL },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "speed", required_argument, NULL, OPT_SPEED },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "once", no_argument, NULL, OPT_ONCE },
	{ "headless", no_argument, NULL, OPT_HEADLESS },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "export", required_argument, NULL, OPT_EXPORT },
	{ "export-format", required_argument, NULL, OPT_EXPORT_FORMAT },
	{ "cacert", required_argument, NULL, OPT_CACERT },
	{ "insecure", no_argument, NULL, OPT_INSECURE },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "title", no_argument, NULL, OPT_TITLE },
	{ "bell", required_argument, NULL, OPT_BELL },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "team", required_argument, NULL, OPT_TEAM },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "locale", required_argument, NULL, OPT_LOCALE },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static void
settings_usage(FILE *out)
{
	fputs(
"usage: courtside --demo [--speed N]\n"
"       courtside --provider shottracker --game EVENT_ID [--base-url URL] [--ws-url URL]\n"
"       courtside --provider sportradar --game GAME_ID [--base-url URL]\n"
"                 [--league nba|nbdl] [--access-level trial|production]\n"
"       courtside --replay FILE [--speed N|max] [--until PERIOD/CLOCK]\n"
"       courtside --provider P --list [--date YYYY-MM-DD] [--team ID]\n"
"       courtside --provider P        (no --game: pick one of today's games)\n"
"       courtside --provider P --game ID,ID,... | --all   (several games: ( ) switch)\n"
"                 Sportradar: one push stream for them all, [--status inprogress|created]\n"
"                 (and --team ID with --all) filter it\n"
"\n"
"common options:\n"
"  --record FILE          keep every raw provider message in FILE\n"
"  --locale CODE          Sportradar's push language code (default en)\n"
"  --rules NAME           rule profile: nba, gleague, ncaam, ncaaw, nfhs, fiba\n"
"                         (default: from the provider's data)\n"
"  --config FILE          credentials file (default $XDG_CONFIG_HOME/courtside/config)\n"
"  --log FILE             log file (default $XDG_STATE_HOME/courtside/courtside.log)\n"
"  --once                 catch up over REST, write the export, exit (no UI)\n"
"  --headless             follow the live stream without the UI, then export\n"
"  --duration SECS        stop after SECS seconds\n"
"  --export FILE|-        write the box score to FILE (- = standard output)\n"
"  --export-format FMT    json (default), csv, or markers (the plays marked with m)\n"
"  --cacert FILE          trust this CA bundle\n"
"  --insecure             do not verify TLS certificates\n"
"  --no-color             no colours (also NO_COLOR=1)\n"
"  --ascii                ASCII drawing only\n"
"  --title                show the score in the terminal title\n"
"  --bell LIST            ring on score,foul-trouble,lead-change\n"
"  --help, --version\n"
"\n"
"credentials come from SHOTTRACKER_USERNAME, SHOTTRACKER_SECRET,\n"
"SPORTRADAR_API_KEY or the config file, never from the command line.\n",
	    out);
}

static int
parse_number(const char *arg, double min, double max, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || v != v || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
parse_bell(const char *list, unsigned *mask)
{
	char buf[128], *tok, *save = NULL;

	if (strlen(list) >= sizeof buf)
		return -1;
	cs_strlcpy(buf, list, sizeof buf);
	*mask = 0;
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "score") == 0)
			*mask |= UI_BELL_SCORE;
		else if (strcmp(tok, "foul-trouble") == 0)
			*mask |= UI_BELL_FOUL_TROUBLE;
		else if (strcmp(tok, "lead-change") == 0)
			*mask |= UI_BELL_LEAD_CHANGE;
		else
			return -1;
	}
	return 0;
}

/* --game A[,B...]: one game, or several followed side by side. */
static int
parse_games(struct settings *s, const char *arg)
{
	char *tok, *save = NULL;

	/* in the struct, not the heap: settings_parse starts from a memset */
	if (strlen(arg) >= sizeof s->games_buf)
		return -1;
	cs_strlcpy(s->games_buf, arg, sizeof s->games_buf);
	s->ngames = 0;
	for (tok = strtok_r(s->games_buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (s->ngames == SETTINGS_GAMES_MAX || strlen(tok) >= CS_ID_MAX)
			return -1;
		s->game_ids[s->ngames++] = tok;
	}
	if (s->ngames == 0)
		return -1;
	s->game_id = s->game_ids[0];
	return 0;
}

/* --date YYYY-MM-DD: a real calendar day. */
static int
parse_date(struct settings *s, const char *arg)
{
	struct tm tm;
	int y, m, d, n = 0;

	if (strlen(arg) != 10 || sscanf(arg, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	/* mktime normalizes Feb 30 into March: that is not a day */
	if (mktime(&tm) == (time_t)-1 || tm.tm_mday != d || tm.tm_mon != m - 1)
		return -1;
	s->year = y;
	s->month = m;
	s->day = d;
	s->date_set = true;
	return 0;
}

static void
today(struct settings *s)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return;
	s->year = tm.tm_year + 1900;
	s->month = tm.tm_mon + 1;
	s->day = tm.tm_mday;
}

/* --provider NAME: a live provider of the registry; the message lists them. */
static int
match_provider(struct settings *s, const char *name, char **cause)
{
	const struct provider *p = provider_by_name(name);
	char names[200];
	size_t i, n = 0, live = 0, len = 0;

	if (p != NULL) {
		s->provider = p->id;
		return 0;
	}
	for (i = 0; provider_registry[i] != NULL; i++)
		if (provider_registry[i]->id != CS_PROVIDER_NONE)
			live++;
	names[0] = '\0';
	for (i = 0; provider_registry[i] != NULL && len < sizeof names; i++) {
		if (provider_registry[i]->id == CS_PROVIDER_NONE)
			continue;
		n++;
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
		    n == 1 ? "" : n == live ? " or " : ", ", provider_registry[i]->name);
	}
	return cs_set_cause(cause, "unknown provider '%s' (%s)", name, names);
}

int
settings_parse(struct settings *s, int argc, char **argv, char **cause)
{
	bool once = false, headless = false;
	struct cs_game_point until;
	int c;

	memset(s, 0, sizeof *s);
	s->league = "nba";
	s->access_level = "trial";
	s->speed = 1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_DEMO:
			s->demo = true;
			break;
		case OPT_PROVIDER:
			if (match_provider(s, optarg, cause) < 0)
				return -1;
			break;
		case OPT_GAME:
			if (*optarg == '\0' || parse_games(s, optarg) < 0)
				return cs_set_cause(cause, "--game needs a game id, or up to %d "
				    "separated by commas", SETTINGS_GAMES_MAX);
			break;
		case OPT_BASE_URL:
			if (strncmp(optarg, "http://", 7) != 0 &&
			    strncmp(optarg, "https://", 8) != 0)
				return cs_set_cause(cause,
				    "--base-url must start with http:// or "
				    "https://");
			s->base_url = optarg;
			break;
		case OPT_WS_URL:
			if (strncmp(optarg, "ws://", 5) != 0 && strncmp(optarg, "wss://", 6) != 0)
				return cs_set_cause(cause,
				    "--ws-url must start with ws:// or wss://");
			s->ws_url = optarg;
			break;
		case OPT_LEAGUE:
			if (strcmp(optarg, "nba") != 0 && strcmp(optarg, "nbdl") != 0)
				return cs_set_cause(cause,
				    "unknown league '%s' (nba or nbdl)", optarg);
			s->league = optarg;
			break;
		case OPT_RULES:
			if (game_rules_profile(optarg) == NULL)
				return cs_set_cause(cause, "unknown rules '%s' (%s)", optarg,
				    game_rules_names());
			s->rules = optarg;
			break;
		case OPT_ACCESS_LEVEL:
			if (strcmp(optarg, "trial") != 0 && strcmp(optarg, "production") != 0)
				return cs_set_cause(cause,
				    "unknown access level '%s' (trial or "
				    "production)", optarg);
			s->access_level = optarg;
			break;
		case OPT_REPLAY:
			s->replay_path = optarg;
			break;
		case OPT_SPEED:
			if (strcmp(optarg, "max") == 0)
				s->speed = 0;
			else if (parse_number(optarg, 0.01, 1000, &s->speed) < 0)
				return cs_set_cause(cause,
				    "--speed takes a number from 0.01 to 1000, or "
				    "max");
			s->speed_set = true;
			break;
		case OPT_UNTIL:
			/* the parser courtside-sim --start-at uses too */
			if (cs_game_point_parse(optarg, &until) < 0)
				return cs_set_cause(cause,
				    "--until takes PERIOD/CLOCK, e.g. 3/5:00, Q3/5:00 or OT1/2:00");
			s->until = optarg;
			break;
		case OPT_RECORD:
			s->record_path = optarg;
			break;
		case OPT_CONFIG:
			s->config_path = optarg;
			break;
		case OPT_LOG:
			s->log_path = optarg;
			break;
		case OPT_ONCE:
			once = true;
			break;
		case OPT_HEADLESS:
			headless = true;
			break;
		case OPT_DURATION:
			if (parse_number(optarg, 0.001, 30 * 24 * 3600.0, &s->duration) < 0)
				return cs_set_cause(cause,
				    "--duration takes a positive number of "
				    "seconds");
			break;
		case OPT_EXPORT:
			s->export_path = optarg;
			break;
		case OPT_EXPORT_FORMAT:
			s->export_format_set = true;
			if (strcmp(optarg, "json") == 0)
				s->export_format = EXPORT_JSON;
			else if (strcmp(optarg, "csv") == 0)
				s->export_format = EXPORT_CSV;
			else if (strcmp(optarg, "markers") == 0)
				s->export_format = EXPORT_MARKERS;
			else
				return cs_set_cause(cause,
				    "unknown export format '%s' (json, csv or markers)",
				    optarg);
			break;
		case OPT_CACERT:
			s->cacert = optarg;
			break;
		case OPT_INSECURE:
			s->insecure = true;
			break;
		case OPT_NO_COLOR:
			s->no_color = true;
			break;
		case OPT_ASCII:
			s->ascii = true;
			break;
		case OPT_TITLE:
			s->title = true;
			break;
		case OPT_BELL:
			if (parse_bell(optarg, &s->bell) < 0)
				return cs_set_cause(cause,
				    "--bell takes a list of score, foul-trouble, "
				    "lead-change");
			break;
		case OPT_ALL:
			s->all_games = true;
			break;
		case OPT_LIST:
			s->list = true;
			break;
		case OPT_DATE:
			if (parse_date(s, optarg) < 0)
				return cs_set_cause(cause, "--date takes a day as YYYY-MM-DD");
			break;
		case OPT_TEAM:
			if (*optarg == '\0' || strlen(optarg) >= CS_ID_MAX)
				return cs_set_cause(cause, "--team needs a team id");
			s->team = optarg;
			break;
		case OPT_STATUS:
			if (!sportradar_push_filter_ok("status", optarg, cause))
				return -1;
			s->push_status = optarg;
			break;
		case OPT_LOCALE:
			if (!sportradar_push_filter_ok("locale", optarg, cause))
				return -1;
			s->locale = optarg;
			break;
		case OPT_HELP:
			settings_usage(stdout);
			return 1;
		case OPT_VERSION:
			printf("courtside %s\n", PACKAGE_VERSION);
			return 1;
		case ':':
			return cs_set_cause(cause,
			    "option '%s' needs a value", argv[optind - 1]);
		default:
			return cs_set_cause(cause,
			    "unknown option '%s' (see --help)", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cs_set_cause(cause,
		    "unexpected argument '%s' (see --help)", argv[optind]);

	/* Exactly one source, and options that go with it: the first misfit is told. */
	if ((s->demo ? 1 : 0) + (s->provider != CS_PROVIDER_NONE ? 1 : 0) +
	    (s->replay_path != NULL ? 1 : 0) != 1)
		return cs_set_cause(cause,
		    "choose one of --demo, --provider or --replay (see --help)");
	if (!s->date_set)
		today(s);
	if (s->list && s->provider == CS_PROVIDER_NONE)
		return cs_set_cause(cause, "--list goes with --provider");
	if (s->all_games && (s->provider == CS_PROVIDER_NONE || s->game_id != NULL || s->list))
		return cs_set_cause(cause, "--all goes with --provider, without --game or --list");
	if ((s->ngames > 1 || s->all_games) && s->record_path != NULL)
		return cs_set_cause(cause, "--record follows one game: give one --game");
	if (s->list && s->game_id != NULL)
		return cs_set_cause(cause, "--list and --game exclude each other");
	if ((s->date_set || s->team != NULL) && (s->provider == CS_PROVIDER_NONE ||
	    s->game_id != NULL) && !s->all_games)
		return cs_set_cause(cause, "--date and --team go with --provider and "
		    "--list or the game picker (no --game)");
	if (s->provider != CS_PROVIDER_NONE && s->game_id == NULL && !s->list &&
	    !s->all_games && (once || headless))
		return cs_set_cause(cause, "--provider needs --game with --once or --headless");
	if (s->provider == CS_PROVIDER_NONE && s->game_id != NULL)
		return cs_set_cause(cause, "--game goes with --provider");
	if (s->provider != CS_PROVIDER_SPORTRADAR && (s->locale != NULL ||
	    s->push_status != NULL))
		return cs_set_cause(cause, "--locale and --status go with --provider sportradar");
	if (s->push_status != NULL && s->ngames < 2 && !s->all_games)
		return cs_set_cause(cause, "--status filters the push stream of several "
		    "games: give --all or --game A,B,...");
	if (s->provider != CS_PROVIDER_SHOTTRACKER && s->ws_url != NULL)
		return cs_set_cause(cause, "--ws-url goes with --provider shottracker");
	if (s->provider == CS_PROVIDER_NONE && s->base_url != NULL)
		return cs_set_cause(cause, "--base-url goes with --provider");
	if (s->speed_set && s->provider != CS_PROVIDER_NONE)
		return cs_set_cause(cause, "--speed goes with --replay or --demo");
	if (s->until != NULL && s->replay_path == NULL)
		return cs_set_cause(cause, "--until goes with --replay");
	if (s->replay_path != NULL && s->record_path != NULL)
		return cs_set_cause(cause, "--record cannot be combined with --replay");
	if (once && headless)
		return cs_set_cause(cause, "--once and --headless cannot be combined");
	if (once && s->demo)
		return cs_set_cause(cause, "--once cannot be combined with --demo");
	if (once && s->duration > 0)
		return cs_set_cause(cause,
		    "--duration goes with --headless or the UI, not --once");
	s->mode = once ? RUN_ONCE : headless ? RUN_HEADLESS : RUN_UI;
	if (s->list && s->mode != RUN_UI)
		return cs_set_cause(cause, "--list cannot be combined with --once or --headless");
	if (s->mode != RUN_UI && s->export_path == NULL)
		s->export_path = "-";
	return 0;
}

/* "key = value" lines; '#' starts a comment. */
static int
parse_ping(const char *v, enum feed_ping *out)
{
	if (strcmp(v, "control") == 0)
		*out = FEED_PING_CONTROL;
	else if (strcmp(v, "text") == 0)
		*out = FEED_PING_TEXT;
	else if (strcmp(v, "both") == 0)
		*out = FEED_PING_BOTH;
	else
		return -1;
	return 0;
}

static int
read_config(struct settings *s, const char *path, bool must_exist, char **cause)
{
	struct stat sb;
	char line[1024], *key, *val, *end;
	FILE *f;
	int lineno = 0;

	f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		return cs_set_cause(cause,
		    "cannot read config %s: %s", path, strerror(errno));
	}
	if (fstat(fileno(f), &sb) == 0 && (sb.st_mode & 077) != 0) {
		fclose(f);
		return cs_set_cause(cause,
		    "config %s is readable by others: run chmod 600 %s",
		    path, path);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		/* a longer line's tail would be read as a line of its own: a key
		 * cut out of a secret, quoted in the message */
		if (strchr(line, '\n') == NULL && !feof(f)) {
			explicit_bzero(line, sizeof line);
			fclose(f);
			return cs_set_cause(cause, "config %s line %d is longer than %zu bytes",
			    path, lineno, sizeof line - 2);
		}
		key = line;
		while (isspace((unsigned char)*key))
			key++;
		if (*key == '#' || *key == '\0')
			continue;
		val = strchr(key, '=');
		if (val == NULL) {
			fclose(f);
			return cs_set_cause(cause,
			    "config %s line %d: expected key = value",
			    path, lineno);
		}
		end = val;
		while (end > key && isspace((unsigned char)end[-1]))
			end--;
		*end = '\0';
		val++;
		while (isspace((unsigned char)*val))
			val++;
		end = val + strlen(val);
		while (end > val && isspace((unsigned char)end[-1]))
			end--;
		*end = '\0';
		if (strcmp(key, "shottracker_username") == 0 && s->st_username == NULL)
			s->st_username = strdup(val);
		else if (strcmp(key, "shottracker_secret") == 0 && s->st_secret == NULL)
			s->st_secret = strdup(val);
		else if (strcmp(key, "sportradar_api_key") == 0 && s->sr_api_key == NULL)
			s->sr_api_key = strdup(val);
		else if (strcmp(key, "video_player") == 0 && s->video_player == NULL)
			s->video_player = strdup(val);
		else if (strcmp(key, "video_player") == 0)
			continue;   /* the first one counts */
		else if (strcmp(key, "shottracker_ping") == 0) {
			if (parse_ping(val, &s->st_ping) < 0) {
				fclose(f);
				return cs_set_cause(cause,
				    "config %s line %d: shottracker_ping "
				    "is control, text or both", path, lineno);
			}
		} else if (strcmp(key, "shottracker_username") != 0 &&
		    strcmp(key, "shottracker_secret") != 0 &&
		    strcmp(key, "sportradar_api_key") != 0) {
			fclose(f);
			return cs_set_cause(cause, "config %s line %d: unknown key '%s'",
			    path, lineno, key);
		}
	}
	explicit_bzero(line, sizeof line);
	fclose(f);
	return 0;
}

static char *
env_dup(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? strdup(v) : NULL;
}

int
settings_load_credentials(struct settings *s, char **cause)
{
	char path[4096];
	const char *xdg, *home;

	s->st_username = env_dup("SHOTTRACKER_USERNAME");
	s->st_secret = env_dup("SHOTTRACKER_SECRET");
	s->sr_api_key = env_dup("SPORTRADAR_API_KEY");
	if (s->config_path != NULL)
		return read_config(s, s->config_path, true, cause);
	xdg = getenv("XDG_CONFIG_HOME");
	home = getenv("HOME");
	if (xdg != NULL && *xdg != '\0')
		snprintf(path, sizeof path, "%s/courtside/config", xdg);
	else if (home != NULL && *home != '\0')
		snprintf(path, sizeof path, "%s/.config/courtside/config", home);
	else
		return 0;
	return read_config(s, path, false, cause);
}

static void
free_secret(char **p)
{
	if (*p != NULL) {
		explicit_bzero(*p, strlen(*p));
		free(*p);
		*p = NULL;
	}
}

void
settings_free(struct settings *s)
{
	free_secret(&s->st_username);
	free_secret(&s->st_secret);
	free_secret(&s->sr_api_key);
	free(s->video_player);
	s->video_player = NULL;
}
