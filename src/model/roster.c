/*
 * The players of one side: the roster as given, plus every player an event
 * names who is not on it (providers send plays before rosters, and rosters
 * miss call-ups).  Entries are only ever appended, so an index handed out
 * once (box_team.players, shot.player, unit.players) stays right forever.
 */
#include "config.h"

#include <string.h>

#include "model/game_int.h"

#define NSLOTS (int)(sizeof ((struct roster *)0)->slots / sizeof (int16_t))

static unsigned
hash_id(const char *id)
{
	unsigned h = 2166136261u;   /* FNV-1a */

	while (*id != '\0')
		h = (h ^ (unsigned char)*id++) * 16777619u;
	return h;
}

/* The slot holding `id`, or the empty slot where it would go. */
static int
slot_of(const struct roster *r, const char *id)
{
	int i = (int)(hash_id(id) % (unsigned)NSLOTS);

	while (r->slots[i] >= 0 && strcmp(r->players[r->slots[i]].info.id, id) != 0)
		i = (i + 1) % NSLOTS;
	return i;
}

void
game_roster_init(struct roster *r)
{
	int i;

	memset(r, 0, sizeof *r);
	for (i = 0; i < NSLOTS; i++)
		r->slots[i] = -1;
}

int
game_roster_find(const struct roster *r, const char *id)
{
	if (id == NULL || id[0] == '\0')
		return -1;
	return r->slots[slot_of(r, id)];
}

static int
add_player(struct roster *r, const char *id)
{
	struct box_player *p;
	int idx;

	if (r->n >= GAME_PLAYERS_MAX)
		return -1;
	idx = r->n++;
	p = &r->players[idx];
	memset(p, 0, sizeof *p);
	cs_sanitize(p->info.id, id, sizeof p->info.id);
	r->roster_pos[idx] = -1;
	r->roster_starter[idx] = false;
	r->tenths[idx] = 0;
	r->slots[slot_of(r, p->info.id)] = (int16_t)idx;
	return idx;
}

/* Events teach names and jerseys, but never overwrite what we have. */
static void
learn(struct roster *r, struct cs_player_info *info, const char *name, const char *jersey)
{
	bool had_name = info->name[0] != '\0', had_jersey = info->jersey[0] != '\0';

	if (!had_name)
		cs_sanitize(info->name, name, sizeof info->name);
	if (!had_jersey)
		cs_sanitize(info->jersey, jersey, sizeof info->jersey);
	/* something new to show (game_touch INFO) */
	if ((!had_name && info->name[0] != '\0') || (!had_jersey && info->jersey[0] != '\0'))
		r->learned++;
}

int
game_roster_intern(struct roster *r, const struct cs_player_ref *ref)
{
	int idx;

	if (ref->id[0] == '\0')
		return -1;
	idx = game_roster_find(r, ref->id);
	if (idx < 0)
		idx = add_player(r, ref->id);
	if (idx >= 0)
		learn(r, &r->players[idx].info, ref->name, ref->jersey);
	return idx;
}

/*
 * A new roster: its players take its order and details; players only
 * events know of stay (with their indexes) and sort after the roster.
 */
void
game_roster_set_team(struct roster *r, const struct cs_team_info *team)
{
	int i, idx, n = team->nplayers;
	struct cs_player_info *info;
	const struct cs_player_info *pi;

	if (n < 0)
		n = 0;
	if (n > CS_ROSTER_MAX)
		n = CS_ROSTER_MAX;
	for (i = 0; i < r->n; i++) {
		r->roster_pos[i] = -1;
		r->roster_starter[i] = false;
	}
	for (i = 0; i < n; i++) {
		pi = &team->players[i];
		if (pi->id[0] == '\0')
			continue;
		idx = game_roster_find(r, pi->id);
		if (idx < 0)
			idx = add_player(r, pi->id);
		if (idx < 0)
			break;
		info = &r->players[idx].info;
		if (pi->name[0] != '\0')
			cs_sanitize(info->name, pi->name, sizeof info->name);
		if (pi->jersey[0] != '\0')
			cs_sanitize(info->jersey, pi->jersey, sizeof info->jersey);
		cs_sanitize(info->position, pi->position, sizeof info->position);
		r->roster_pos[idx] = i;
		r->roster_starter[idx] = pi->starter;
	}
}
