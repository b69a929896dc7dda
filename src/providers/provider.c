/*
 * The provider registry (provider.h).  The table holds strong references,
 * so each provider's object is pulled out of libcourtside.a (a weak one
 * would not be); the providers' own headers need not declare them.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "providers/provider.h"

extern const struct provider provider_shottracker;
extern const struct provider provider_sportradar;
extern const struct provider provider_replay;

const struct provider *const provider_registry[] = {
	&provider_shottracker,
	&provider_sportradar,
	&provider_replay,
	NULL,
};

const struct provider *
provider_by_name(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; provider_registry[i] != NULL; i++)
		if (provider_registry[i]->id != CS_PROVIDER_NONE &&
		    strcmp(provider_registry[i]->name, name) == 0)
			return provider_registry[i];
	return NULL;
}

const struct provider *
provider_by_id(enum cs_provider id)
{
	size_t i;

	if (id == CS_PROVIDER_NONE)
		return NULL;
	for (i = 0; provider_registry[i] != NULL; i++)
		if (provider_registry[i]->id == id)
			return provider_registry[i];
	return NULL;
}

void *
provider_options_from(const struct provider *p, const struct settings *s, bool *oom)
{
	void *o;

	*oom = false;
	if (p == NULL || p->options_from == NULL)
		return NULL;
	if ((o = p->options_from(s)) == NULL)
		*oom = true;
	return o;
}

void
provider_options_free(const struct provider *p, void *options)
{
	if (options != NULL && p != NULL && p->options_free != NULL)
		p->options_free(options);
}

const struct provider *
provider_for_replay(void)
{
	return &provider_replay;
}

/* The replay (and courtside-sim --capture) finds a capture's parsers here. */
const struct provider_parser *
provider_parser_for(enum cs_provider p)
{
	const struct provider *prov = provider_by_id(p);

	return prov != NULL ? prov->parser : NULL;
}
