/* One game's model, feed and feed state (see session.h). */
#include "config.h"

#include <stdlib.h>

#include "providers/provider.h"
#include "session.h"

struct session *
session_new(const char *rules)
{
	struct session *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->g = game_new();
	if (s->g == NULL) {
		free(s);
		return NULL;
	}
	game_set_rules(s->g, rules);
	app_state_init(&s->st);
	return s;
}

int
session_start(struct session *s, const struct feed_config *fc, char **cause)
{
	cs_strlcpy(s->id, fc->game_id, sizeof s->id);
	s->feed = feed_start(fc, cause);
	return s->feed != NULL ? 0 : -1;
}

int
session_start_league(struct session **v, int n, const struct feed_config *fc,
    const char *const *ids, char **cause)
{
	struct feed **members = calloc((size_t)n, sizeof *members);
	int i;

	if (members == NULL)
		return cs_set_cause(cause, "out of memory");
	if (feed_start_league(fc, ids, n, members, cause) < 0) {
		free(members);
		return -1;
	}
	for (i = 0; i < n; i++) {
		cs_strlcpy(v[i]->id, ids[i], sizeof v[i]->id);
		v[i]->feed = members[i];
	}
	free(members);
	return 0;
}

bool
session_league_fits(const struct feed_config *fc)
{
	const struct provider *p = feed_provider_for(fc);

	return fc->replay_path == NULL && p != NULL && p->run_league != NULL;
}

bool
session_drain(struct session *s)
{
	bool changed;

	if (s->feed == NULL)
		return false;
	changed = app_drain(s->g, &s->st, s->feed);
	s->fresh |= changed;
	return changed;
}

void
session_stop(struct session *s)
{
	if (s->feed != NULL)
		feed_stop(&s->feed);
}

void
session_free(struct session **sp)
{
	struct session *s = *sp;

	if (s == NULL)
		return;
	session_stop(s);
	game_free(&s->g);
	free(s);
	*sp = NULL;
}
