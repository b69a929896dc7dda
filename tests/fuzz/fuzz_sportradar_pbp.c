/*
 * Fuzz target: the Sportradar REST parsers (pbp.json and summary.json).
 * The sink checks what every delivered value promises: ids never empty,
 * strings terminated and free of control characters, counts in range.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "providers/sportradar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const char *s, size_t cap)
{
	size_t i, n = strnlen(s, cap);

	if (n == cap)
		abort();                /* not terminated */
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			abort();        /* a control character got through */
}

static void
check_ref(const struct cs_player_ref *r)
{
	check_text(r->id, sizeof r->id);
	check_text(r->name, sizeof r->name);
	check_text(r->jersey, sizeof r->jersey);
}

static void
on_event(void *ctx, const struct cs_event *ev)
{
	int i, s, k;

	(void)ctx;
	if (ev->id[0] == '\0' || ev->nstats < 0 || ev->nstats > CS_EVENT_STATS_MAX ||
	    ev->period.sequence < 1 || ev->period.number < 1 ||
	    (ev->side != CS_SIDE_NONE && ev->side != CS_HOME && ev->side != CS_AWAY) ||
	    (int)ev->type < 0 || ev->type >= CS_EV_TYPE_COUNT || ev->sequence < 0)
		abort();
	check_text(ev->id, sizeof ev->id);
	check_text(ev->description, sizeof ev->description);
	check_text(ev->provider_type, sizeof ev->provider_type);
	if (ev->has_location && (ev->x < 0 || ev->x > 1128 || ev->y < 0 || ev->y > 600))
		abort();
	for (i = 0; i < ev->nstats; i++) {
		if (ev->stats[i].side != CS_HOME && ev->stats[i].side != CS_AWAY)
			abort();
		if (ev->stats[i].points < 0 || ev->stats[i].points > 3)
			abort();
		check_ref(&ev->stats[i].player);
	}
	for (s = 0; s < 2; s++)
		for (k = 0; ev->has_on_court[s] && k < CS_ON_COURT; k++) {
			if (ev->on_court[s][k].id[0] == '\0')
				abort();
			check_ref(&ev->on_court[s][k]);
		}
}

static void
on_delete(void *ctx, const char *id)
{
	(void)ctx;
	if (id == NULL || id[0] == '\0')
		abort();
	check_text(id, CS_ID_MAX);
}

static void
on_game(void *ctx, const struct cs_game_info *info)
{
	int s, i;

	(void)ctx;
	check_text(info->id, sizeof info->id);
	check_text(info->status, sizeof info->status);
	for (s = 0; s < 2; s++) {
		if (info->team[s].nplayers < 0 || info->team[s].nplayers > CS_ROSTER_MAX)
			abort();
		check_text(info->team[s].name, sizeof info->team[s].name);
		check_text(info->team[s].alias, sizeof info->team[s].alias);
		for (i = 0; i < info->team[s].nplayers; i++) {
			if (info->team[s].players[i].id[0] == '\0')
				abort();
			check_text(info->team[s].players[i].name, CS_NAME_MAX);
		}
	}
}

static void
on_warning(void *ctx, const char *msg)
{
	(void)ctx;
	check_text(msg, 256);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_sink sink = {
		.event = on_event, .delete_event = on_delete, .game = on_game,
		.warning = on_warning,
	};
	struct sportradar_ctx c;

	struct sportradar_pbp *r;
	size_t off, piece;

	sportradar_ctx_init(&c, &sink, NULL);
	sportradar_parse_summary(&c, (const char *)data, size);
	sportradar_parse_pbp(&c, (const char *)data, size);

	/* as the REST fetch reads it: in pieces (the first byte sets their
	 * size), the transfer whole or failed */
	if (size == 0)
		return 0;
	sportradar_ctx_init(&c, &sink, NULL);
	r = sportradar_pbp_new(&c, NULL, NULL);
	piece = 1 + data[0] % 61;
	for (off = 0; r != NULL && off < size; off += piece)
		sportradar_pbp_feed(r, (const char *)data + off,
		    size - off < piece ? size - off : piece);
	sportradar_pbp_end(&r, (data[0] & 0x80) == 0);
	return 0;
}
