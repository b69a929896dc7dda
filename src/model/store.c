/*
 * The stored events: a canonical copy of each, found by id through an
 * open-addressing table, and listed in game order through a sorted array
 * of pointers.  Records are allocated one by one so their addresses (which
 * struct play and struct shot hand out) never move while they are stored.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/game_int.h"

/* --- canonical form -------------------------------------------------- */

/* Server strings are usually plain ASCII: copy those as they are, and run
 * the sanitizer only when a byte could be a control or non-ASCII.  (Two
 * simple passes, which compilers vectorize, beat one clever loop.) */
static void
copy_text(char *dst, const char *src, size_t size)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t n = strnlen(src, size - 1), i;
	unsigned char odd = 0;

	for (i = 0; i < n; i++)
		odd |= (unsigned char)(s[i] < 0x20) | (unsigned char)(s[i] >= 0x7f);
	if (odd) {
		cs_sanitize(dst, src, size);
		return;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void
copy_ref(struct cs_player_ref *dst, const struct cs_player_ref *src)
{
	copy_text(dst->id, src->id, sizeof dst->id);
	copy_text(dst->name, src->name, sizeof dst->name);
	copy_text(dst->jersey, src->jersey, sizeof dst->jersey);
}

static int
valid_side(int side)
{
	return side == CS_HOME || side == CS_AWAY ? side : CS_SIDE_NONE;
}

/*
 * Field by field into a zeroed struct: padding and the bytes after each
 * string's terminator are zero, unused slots are empty, so memcmp tells a
 * real change from a re-send.
 */
void
game_event_normalize(struct cs_event *dst, const struct cs_event *src)
{
	int i, s, k, nstats;

	memset(dst, 0, sizeof *dst);
	dst->provider = src->provider;
	copy_text(dst->id, src->id, sizeof dst->id);
	dst->sequence = src->sequence;
	dst->number = src->number;
	dst->period.type = (unsigned)src->period.type <= CS_PERIOD_OVERTIME ?
	    src->period.type : CS_PERIOD_QUARTER;
	dst->period.number = src->period.number;
	dst->period.sequence = src->period.sequence;
	/* a day is more than any period: past it the clock is damaged */
	dst->clock = src->clock >= 0 && src->clock <= 24 * 36000 ? src->clock : CS_NO_CLOCK;
	dst->wall_ms = src->wall_ms;
	dst->type = (unsigned)src->type < CS_EV_TYPE_COUNT ? src->type : CS_EV_OTHER;
	dst->side = valid_side(src->side);
	copy_text(dst->provider_type, src->provider_type, sizeof dst->provider_type);
	copy_text(dst->description, src->description, sizeof dst->description);

	nstats = src->nstats < 0 ? 0 : src->nstats;
	if (nstats > CS_EVENT_STATS_MAX)
		nstats = CS_EVENT_STATS_MAX;
	for (i = 0; i < nstats; i++) {
		const struct cs_stat *a = &src->stats[i];
		struct cs_stat *b = &dst->stats[dst->nstats];

		if ((unsigned)a->type >= CS_STAT_TYPE_COUNT)
			continue;
		b->type = a->type;
		b->side = valid_side(a->side);
		copy_ref(&b->player, &a->player);
		b->made = a->made;
		b->three = a->three;
		b->offensive = a->offensive;
		b->points = a->points > 0 && a->points <= 3 ? a->points : 0;
		dst->nstats++;
	}

	dst->has_location = src->has_location;
	if (src->has_location) {
		dst->x = src->x;
		dst->y = src->y;
	}
	for (s = 0; s < 2; s++) {
		dst->has_on_court[s] = src->has_on_court[s];
		if (!src->has_on_court[s])
			continue;
		for (k = 0; k < CS_ON_COURT; k++)
			copy_ref(&dst->on_court[s][k], &src->on_court[s][k]);
	}
	dst->timeouts_remaining = src->timeouts_remaining >= 0 ?
	    src->timeouts_remaining : CS_UNKNOWN;
	dst->corrected = src->corrected;
	dst->qualifiers = src->qualifiers;
}

/* --- records ---------------------------------------------------------- */

/*
 * A record keeps its event up to the last statistic it has room for: an
 * event has one or two statistics of eight, each 156 bytes with its
 * player, so a full struct would be two thirds empty (issue 20: ~0.5 MiB
 * a game).  Room for at least one, for readers of stats[0].
 */
size_t
game_event_kept(int nstats)
{
	if (nstats < 1)
		nstats = 1;
	if (nstats > CS_EVENT_STATS_MAX)
		nstats = CS_EVENT_STATS_MAX;
	return offsetof(struct cs_event, stats) + (size_t)nstats * sizeof(struct cs_stat);
}

/* Out of line, so that the compiler does not see the short allocation
 * and warn about the struct. */
__attribute__((noinline))
static struct record *
record_alloc(size_t kept)
{
	return malloc(offsetof(struct record, ev) + kept);
}

struct record *
game_record_new(const struct cs_event *ev)
{
	size_t kept = game_event_kept(ev->nstats);
	struct record *rec = record_alloc(kept);

	if (rec == NULL)
		return NULL;
	rec->stats_room = ev->nstats < 1 ? 1 : ev->nstats;
	memcpy(&rec->ev, ev, kept);
	return rec;
}

bool
game_record_keep(struct record *rec, const struct cs_event *ev)
{
	if (ev->nstats > rec->stats_room)
		return false;
	memcpy(&rec->ev, ev, game_event_kept(rec->stats_room));
	return true;
}

/* Normalised events zero what they do not use, so bytes compare. */
bool
game_record_same(const struct record *rec, const struct cs_event *ev)
{
	return rec->ev.nstats == ev->nstats &&
	    memcmp(&rec->ev, ev, game_event_kept(ev->nstats)) == 0;
}

/* --- order ----------------------------------------------------------- */

static int
compare(const struct cs_event *a, const struct cs_event *b)
{
	if (a->period.sequence != b->period.sequence)
		return a->period.sequence < b->period.sequence ? -1 : 1;
	if (a->sequence != b->sequence)
		return a->sequence < b->sequence ? -1 : 1;
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* First position whose event sorts after `ev` (ids make keys unique). */
static size_t
upper_bound(const struct store *s, const struct cs_event *ev)
{
	size_t lo = 0, hi = s->n, mid;

	/* Live events almost always go at the end. */
	if (s->n == 0 || compare(&s->order[s->n - 1]->ev, ev) < 0)
		return s->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (compare(&s->order[mid]->ev, ev) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* --- id table -------------------------------------------------------- */

static uint32_t
hash_id(const char *id)
{
	uint32_t h = 2166136261u;   /* FNV-1a */

	while (*id != '\0')
		h = (h ^ (unsigned char)*id++) * 16777619u;
	return h;
}

static size_t
slot_of(const struct store *s, const char *id)
{
	size_t mask = s->nslots - 1, i = hash_id(id) & mask;

	while (s->slots[i] != NULL && strcmp(s->slots[i]->ev.id, id) != 0)
		i = (i + 1) & mask;
	return i;
}

static int
grow_slots(struct store *s)
{
	struct record **old = s->slots;
	size_t nold = s->nslots, i, want = nold ? nold * 2 : 256;

	s->slots = calloc(want, sizeof *s->slots);
	if (s->slots == NULL) {
		s->slots = old;
		return -1;
	}
	s->nslots = want;
	for (i = 0; i < nold; i++)
		if (old[i] != NULL)
			s->slots[slot_of(s, old[i]->ev.id)] = old[i];
	free(old);
	return 0;
}

struct record *
game_store_find(const struct store *s, const char *id)
{
	if (s->nslots == 0)
		return NULL;
	return s->slots[slot_of(s, id)];
}

/* Linear probing without tombstones: shift the rest of the cluster back. */
static void
unhash(struct store *s, const struct record *rec)
{
	size_t mask = s->nslots - 1, i = slot_of(s, rec->ev.id), j, home;

	if (s->slots[i] != rec)
		return;
	s->slots[i] = NULL;
	for (j = (i + 1) & mask; s->slots[j] != NULL; j = (j + 1) & mask) {
		home = hash_id(s->slots[j]->ev.id) & mask;
		/* move j back to i unless its home lies cyclically in (i, j] */
		if (((j - home) & mask) >= ((j - i) & mask)) {
			s->slots[i] = s->slots[j];
			s->slots[j] = NULL;
			i = j;
		}
	}
}

/* --- insert / remove ------------------------------------------------- */

long
game_store_insert(struct store *s, struct record *rec)
{
	size_t pos;

	if ((s->n + 1) * 2 > s->nslots && grow_slots(s) < 0)
		return -1;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		struct record **order = realloc(s->order, cap * sizeof *order);

		if (order == NULL)
			return -1;
		s->order = order;
		s->cap = cap;
	}
	s->slots[slot_of(s, rec->ev.id)] = rec;
	pos = upper_bound(s, &rec->ev);
	memmove(&s->order[pos + 1], &s->order[pos], (s->n - pos) * sizeof *s->order);
	s->order[pos] = rec;
	s->n++;
	if (rec->ev.type == CS_EV_GAME_END)
		s->game_ends++;
	return (long)pos;
}

/* Takes the record out of both indexes; the caller frees or reinserts it. */
long
game_store_remove(struct store *s, struct record *rec)
{
	size_t pos = upper_bound(s, &rec->ev);

	/* upper_bound lands just past the record, whose key is unique */
	if (pos == 0 || s->order[pos - 1] != rec)
		return -1;
	pos--;
	memmove(&s->order[pos], &s->order[pos + 1], (s->n - pos - 1) * sizeof *s->order);
	s->n--;
	unhash(s, rec);
	if (rec->ev.type == CS_EV_GAME_END)
		s->game_ends--;
	return (long)pos;
}

void
game_store_free(struct store *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->order[i]);
	free(s->order);
	free(s->slots);
	memset(s, 0, sizeof *s);
}
