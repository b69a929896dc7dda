/* courtside-sim's fault injection spec and draws (see faults.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/faults.h"
#include "util.h"

#define FAULTS_SPEC_MAX 512

static const char *const fault_names[SIM_FAULT_KIND_COUNT] = {
	"drop", "stall", "5xx", "malformed", "truncate", "duplicate", "reorder",
};

const char *
sim_faults_name(enum sim_fault_kind kind)
{
	if ((int)kind < 0 || kind >= SIM_FAULT_KIND_COUNT)
		return "unknown";
	return fault_names[kind];
}

/* An item of the spec, fit for a one-line message. */
static const char *
safe(const char *item, char *buf, size_t size)
{
	cs_sanitize(buf, item, size);
	return buf;
}

/* A whole string as a finite double. */
static int
parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (*s == '\0')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static int
parse_probability(const char *s, double *out)
{
	double v;

	if (parse_double(s, &v) < 0 || v < 0.0 || v > 1.0)
		return -1;
	*out = v;
	return 0;
}

/* "S@T" (once) or "S/T" (every T). */
static int
parse_stall(const char *s, struct sim_faults *f)
{
	char buf[64], *sep;
	double secs, at;

	if (strlen(s) >= sizeof buf)
		return -1;
	cs_strlcpy(buf, s, sizeof buf);
	sep = strpbrk(buf, "@/");
	if (sep == NULL)
		return -1;
	f->stall_every = *sep == '/';
	*sep = '\0';
	if (parse_double(buf, &secs) < 0 || parse_double(sep + 1, &at) < 0)
		return -1;
	if (secs <= 0.0 || secs > 86400.0 || at < 0.0 || at > 1e7 ||
	    (f->stall_every && at < 1.0))
		return -1;
	f->stall_seconds = secs;
	f->stall_at_ms = (int64_t)llround(at * 1000.0);
	return 0;
}

/* "G:N" or "G:N@K": game G's requests K+1 .. K+N. */
static int
parse_game_fault(const char *s, struct sim_game_fault *gf)
{
	long v[3] = { 0, 0, 0 };
	char *end;
	int i;

	for (i = 0; i < 3; i++) {
		errno = 0;
		v[i] = strtol(s, &end, 10);
		if (errno != 0 || end == s || v[i] < 0 || v[i] > 1000000L)
			return -1;
		if (*end == '\0')
			break;
		if (*end != (i == 0 ? ':' : '@'))
			return -1;
		s = end + 1;
	}
	if (i == 0 || v[0] < 1 || v[0] > 64 || v[1] < 1)
		return -1;
	gf->game = (int)v[0];
	gf->count = v[1];
	gf->skip = i == 2 ? v[2] : 0;
	return 0;
}

bool
sim_faults_game_hit(const struct sim_game_fault *gf, int game, long nth)
{
	return gf->game > 0 && game == gf->game - 1 && nth >= gf->skip &&
	    nth < gf->skip + gf->count;
}

int
sim_faults_parse(const char *spec, struct sim_faults *out, char **cause)
{
	char buf[FAULTS_SPEC_MAX], tmp[64], *item, *save = NULL, *eq, *end;
	struct sim_faults f;
	long n;
	unsigned long long seed;
	int rc;

	memset(&f, 0, sizeof f);
	f.seed = 1;
	if (spec == NULL || *spec == '\0') {
		*out = f;
		return 0;
	}
	if (strlen(spec) >= sizeof buf)
		return cs_set_cause(cause, "fault spec too long: %s...",
		    safe(spec, tmp, sizeof tmp));
	cs_strlcpy(buf, spec, sizeof buf);
	for (item = strtok_r(buf, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		eq = strchr(item, '=');
		if (eq == NULL)
			return cs_set_cause(cause, "fault '%s': expected KIND=VALUE",
			    safe(item, tmp, sizeof tmp));
		*eq = '\0';
		rc = 0;
		if (strcmp(item, "drop") == 0) {
			errno = 0;
			n = strtol(eq + 1, &end, 10);
			if (errno != 0 || end == eq + 1 || *end != '\0' ||
			    n < 1 || n > 1000000000L)
				rc = -1;
			else
				f.drop = n;
		} else if (strcmp(item, "stall") == 0)
			rc = parse_stall(eq + 1, &f);
		else if (strcmp(item, "5xx") == 0)
			rc = parse_probability(eq + 1, &f.p_5xx);
		else if (strcmp(item, "malformed") == 0)
			rc = parse_probability(eq + 1, &f.malformed);
		else if (strcmp(item, "truncate") == 0)
			rc = parse_probability(eq + 1, &f.truncate);
		else if (strcmp(item, "duplicate") == 0)
			rc = parse_probability(eq + 1, &f.duplicate);
		else if (strcmp(item, "reorder") == 0)
			rc = parse_probability(eq + 1, &f.reorder);
		else if (strcmp(item, "refuse") == 0)
			rc = parse_game_fault(eq + 1, &f.refuse);
		else if (strcmp(item, "freeze") == 0)
			rc = parse_game_fault(eq + 1, &f.freeze);
		else if (strcmp(item, "rosters") == 0)
			rc = parse_game_fault(eq + 1, &f.rosters);
		else if (strcmp(item, "seed") == 0) {
			errno = 0;
			seed = strtoull(eq + 1, &end, 10);
			if (errno != 0 || end == eq + 1 || *end != '\0' ||
			    eq[1] == '-')
				rc = -1;
			else
				f.seed = seed;
		} else {
			return cs_set_cause(cause, "unknown fault '%s' (drop, stall, "
			    "5xx, malformed, truncate, duplicate, reorder, "
			    "refuse, freeze, rosters, seed)",
			    safe(item, tmp, sizeof tmp));
		}
		if (rc < 0) {
			*eq = '=';
			return cs_set_cause(cause, "bad fault value '%s'",
			    safe(item, tmp, sizeof tmp));
		}
	}
	*out = f;
	return 0;
}

bool
sim_faults_any(const struct sim_faults *f)
{
	return f->drop > 0 || f->stall_seconds > 0.0 || f->p_5xx > 0.0 ||
	    f->malformed > 0.0 || f->truncate > 0.0 || f->duplicate > 0.0 ||
	    f->reorder > 0.0 || f->refuse.game > 0 || f->freeze.game > 0 ||
	    f->rosters.game > 0;
}

/* splitmix64: a good 64-bit mix, so close inputs give unrelated draws. */
static uint64_t
mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

double
sim_faults_draw(const struct sim_faults *f, enum sim_fault_kind kind,
    uint64_t a, uint64_t b)
{
	uint64_t x;

	x = mix64(f->seed ^ mix64((uint64_t)kind + 1));
	x = mix64(x ^ a);
	x = mix64(x ^ (b * 0xd6e8feb86659fd93ULL));
	return (double)(x >> 11) / 9007199254740992.0;   /* 2^53 */
}
