/*
 * ShotTracker's possessions, kept as sent and summed on demand
 * (possessions.h).  A game has ~200 of them: a sorted array and linear
 * look-ups are plenty.  Their fives name ~25 players over and over, and
 * their video segments one stream or a few: each id and url is held once
 * (issue 20: as sent, ten 64-byte ids a possession and a 1 KB url a
 * segment were ~0.4 MB a game).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/possessions.h"

#define POSSESSIONS_MAX 4000   /* both sides; a long overtime game has ~250 */

#define VIDEOS_MAX 4000
#define MARKS_MAX  2000

/* Strings held once each, named by their index. */
struct strings {
	char **s;
	size_t n, cap;
};

/* A possession as kept: what comes before its fives as sent (the id
 * first), and the fives as indexes into the players' ids. */
#define POSSESSION_HEAD offsetof(struct cs_possession, five)
struct kept {
	union {
		unsigned char b[POSSESSION_HEAD];
		int64_t align;
	} head;
	uint16_t five[2][CS_ON_COURT];
};

struct cs_possessions {
	struct kept *p;
	size_t n, cap;
	struct strings players;      /* every id in a five */
	struct cs_video_kept *v;
	size_t nv, capv;
	struct strings urls;         /* every segment's url */
	char (*marks)[CS_ID_MAX];
	size_t nmarks, capmarks;
};

static const char *const screen_names[CS_SCREEN_COUNT] = {
	"pick_n_pop", "pick_n_roll", "pick_n_short_roll", "screened_shot", "handoff",
	"drag", "pop", "roll", "slip", "short_roll", "reject", "re_screen", "stay",
	"step_up", "snake", "split", "other",
};

const char *
cs_screen_name(enum cs_screen s)
{
	return s >= 0 && s < CS_SCREEN_COUNT ? screen_names[s] : "?";
}

int
cs_ppp_x100(const struct cs_ppp *p)
{
	if (p->count <= 0)
		return 0;
	return (int)(((long)p->points * 100 * 2 + p->count) / (2L * p->count));
}

int
cs_shot_clock_band(int tenths)
{
	if (tenths < 0)
		return -1;
	if (tenths >= 150)
		return 0;
	if (tenths >= 80)
		return 1;
	return tenths >= 40 ? 2 : 3;
}

const char *
cs_shot_clock_band_name(int band)
{
	static const char *const names[CS_SHOT_CLOCK_BANDS] = { "15+", "8-15", "4-8", "0-4" };

	return band >= 0 && band < CS_SHOT_CLOCK_BANDS ? names[band] : "?";
}

static void
strings_clear(struct strings *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->s[i]);
	t->n = 0;
}

static void
strings_free(struct strings *t)
{
	strings_clear(t);
	free(t->s);
	t->s = NULL;
	t->cap = 0;
}

/* The index of `s` (added when new, up to `max`); -1 out of memory or full. */
static long
strings_intern(struct strings *t, const char *s, size_t max)
{
	char **ns, *copy;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->s[i], s) == 0)
			return (long)i;
	if (t->n >= max)
		return -1;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;

		if ((ns = realloc(t->s, cap * sizeof *ns)) == NULL)
			return -1;
		t->s = ns;
		t->cap = cap;
	}
	if ((copy = strdup(s)) == NULL)
		return -1;
	t->s[t->n] = copy;
	return (long)t->n++;
}

struct cs_possessions *
cs_possessions_new(void)
{
	return calloc(1, sizeof(struct cs_possessions));
}

void
cs_possessions_free(struct cs_possessions **ps)
{
	if (ps == NULL || *ps == NULL)
		return;
	free((*ps)->p);
	strings_free(&(*ps)->players);
	free((*ps)->v);
	strings_free(&(*ps)->urls);
	free((*ps)->marks);
	free(*ps);
	*ps = NULL;
}

void
cs_possessions_clear(struct cs_possessions *ps)
{
	if (ps == NULL)
		return;
	ps->n = ps->nv = 0;
	strings_clear(&ps->players);
	strings_clear(&ps->urls);
}

/* Game order: period, then the clock running down, then the id. */
static int
before(const struct cs_possession *a, const struct cs_possession *b)
{
	if (a->period.sequence != b->period.sequence)
		return a->period.sequence < b->period.sequence ? -1 : 1;
	if (a->start_clock != b->start_clock)
		return a->start_clock > b->start_clock ? -1 : 1;
	if (a->start_ms != b->start_ms)
		return a->start_ms < b->start_ms ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
grow(struct cs_possessions *ps)
{
	size_t cap = ps->cap ? ps->cap * 2 : 64;
	struct kept *np;

	if (ps->n < ps->cap)
		return 0;
	if (ps->n >= POSSESSIONS_MAX)
		return -1;
	np = realloc(ps->p, cap * sizeof *np);
	if (np == NULL)
		return -1;
	ps->p = np;
	ps->cap = cap;
	return 0;
}

static void
remove_at(struct cs_possessions *ps, size_t i)
{
	memmove(&ps->p[i], &ps->p[i + 1], (ps->n - i - 1) * sizeof *ps->p);
	ps->n--;
}

/* A copy with clean strings and counts in range: what the model keeps. */
static void
normalize(struct cs_possession *c, const struct cs_possession *p)
{
	int w, k;

	*c = *p;
	c->id[CS_ID_MAX - 1] = '\0';   /* sanitized in place: never longer */
	cs_sanitize(c->id, c->id, sizeof c->id);
	for (w = 0; w < 2; w++) {
		if (c->nfive[w] < 0 || c->nfive[w] > CS_ON_COURT)
			c->nfive[w] = 0;
		for (k = 0; k < c->nfive[w]; k++) {
			c->five[w][k][CS_ID_MAX - 1] = '\0';
			cs_sanitize(c->five[w][k], c->five[w][k], CS_ID_MAX);
		}
	}
	if (c->passes < 0)
		c->passes = 0;
}

/* `p` as kept (its ids held in ps->players); -1 when they are full. */
static int
pack(struct cs_possessions *ps, const struct cs_possession *p, struct kept *k)
{
	long idx;
	int w, i;

	memset(k, 0, sizeof *k);
	memcpy(k->head.b, p, POSSESSION_HEAD);
	for (w = 0; w < 2; w++)
		for (i = 0; i < p->nfive[w]; i++) {
			if ((idx = strings_intern(&ps->players, p->five[w][i], UINT16_MAX)) < 0)
				return -1;
			k->five[w][i] = (uint16_t)idx;
		}
	return 0;
}

/* What comes before the fives (the fives left out). */
static void
head_of(const struct kept *k, struct cs_possession *out)
{
	memcpy(out, k->head.b, POSSESSION_HEAD);
}

static void
unpack(const struct cs_possessions *ps, const struct kept *k, struct cs_possession *out)
{
	int w, i;

	head_of(k, out);
	memset(out->five, 0, sizeof out->five);
	for (w = 0; w < 2; w++)
		for (i = 0; i < out->nfive[w]; i++)
			cs_strlcpy(out->five[w][i], ps->players.s[k->five[w][i]], CS_ID_MAX);
}

/* The id comes first (cs_possession), so it is where the head begins. */
static const char *
kept_id(const struct kept *k)
{
	return (const char *)k->head.b;
}

int
cs_possessions_upsert(struct cs_possessions *ps, const struct cs_possession *in)
{
	struct cs_possession c, other;
	struct kept k;
	size_t i;

	if (ps == NULL || in == NULL)
		return -1;
	normalize(&c, in);
	if (c.id[0] == '\0' || (c.side != CS_HOME && c.side != CS_AWAY))
		return -1;
	if (pack(ps, &c, &k) < 0)
		return -1;
	for (i = 0; i < ps->n; i++)
		if (strcmp(kept_id(&ps->p[i]), c.id) == 0)
			break;
	if (i < ps->n) {
		if (memcmp(&ps->p[i], &k, sizeof k) == 0)
			return 0;
		remove_at(ps, i);
	} else if (grow(ps) < 0) {
		return -1;
	}
	for (i = ps->n; i > 0; i--) {
		head_of(&ps->p[i - 1], &other);
		if (before(&c, &other) >= 0)
			break;
	}
	memmove(&ps->p[i + 1], &ps->p[i], (ps->n - i) * sizeof *ps->p);
	ps->p[i] = k;
	ps->n++;
	return 1;
}

size_t
cs_possessions_count(const struct cs_possessions *ps)
{
	return ps != NULL ? ps->n : 0;
}

bool
cs_possessions_get(const struct cs_possessions *ps, size_t i, struct cs_possession *out)
{
	if (ps == NULL || i >= ps->n)
		return false;
	unpack(ps, &ps->p[i], out);
	return true;
}

static void
add(struct cs_ppp *to, const struct cs_possession *p)
{
	to->count++;
	to->points += p->points;
}

void
cs_possessions_summary(const struct cs_possessions *ps, int side,
    struct cs_possession_summary *out)
{
	size_t i;
	int s, band;

	memset(out, 0, sizeof *out);
	for (i = 0; i < cs_possessions_count(ps); i++) {
		struct cs_possession h, *p = &h;

		head_of(&ps->p[i], &h);
		if (p->side != side)
			continue;
		add(&out->all, p);
		add(p->half_court ? &out->halfcourt : &out->transition, p);
		add(p->paint_touch ? &out->paint_touch : &out->no_paint_touch, p);
		for (s = 0; s < CS_SCREEN_COUNT; s++)
			if (p->screens[s] > 0)
				add(&out->screens[s], p);
		add(&out->passes[p->passes < CS_PASS_BANDS - 1 ? p->passes : CS_PASS_BANDS - 1],
		    p);
		band = p->fga > 0 ? cs_shot_clock_band(p->shot_clock) : -1;
		if (band >= 0) {
			add(&out->shot_clock[band].poss, p);
			out->shot_clock[band].fga += p->fga;
			out->shot_clock[band].fgm += p->fgm;
		}
	}
}

/* --- five-man units --- */

static int
cmp_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The five of p's `which` side, sorted; false unless it is a full five. */
static bool
sorted_five(const struct cs_possession *p, int which, char ids[CS_ON_COURT][CS_ID_MAX])
{
	if (p->nfive[which] != CS_ON_COURT)
		return false;
	memcpy(ids, p->five[which], sizeof p->five[which]);
	qsort(ids, CS_ON_COURT, CS_ID_MAX, cmp_id);
	return true;
}

static struct cs_possession_unit *
unit_for(struct cs_possession_unit **u, size_t *n, size_t *cap, int side,
    char ids[CS_ON_COURT][CS_ID_MAX])
{
	struct cs_possession_unit *nu;
	size_t i;

	for (i = 0; i < *n; i++)
		if (memcmp((*u)[i].ids, ids, sizeof (*u)[i].ids) == 0)
			return &(*u)[i];
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		nu = realloc(*u, *cap * sizeof *nu);
		if (nu == NULL)
			return NULL;
		*u = nu;
	}
	nu = &(*u)[(*n)++];
	memset(nu, 0, sizeof *nu);
	nu->side = side;
	memcpy(nu->ids, ids, sizeof nu->ids);
	return nu;
}

static int
cmp_unit(const void *a, const void *b)
{
	const struct cs_possession_unit *x = a, *y = b;
	int nx = x->for_.count + x->against.count, ny = y->for_.count + y->against.count;

	if (nx != ny)
		return nx > ny ? -1 : 1;
	return memcmp(x->ids, y->ids, sizeof x->ids);
}

size_t
cs_possessions_units(const struct cs_possessions *ps, int side,
    struct cs_possession_unit *out, size_t max)
{
	struct cs_possession_unit *u = NULL, *x;
	char ids[CS_ON_COURT][CS_ID_MAX];
	size_t i, n = 0, cap = 0;

	for (i = 0; i < cs_possessions_count(ps); i++) {
		struct cs_possession whole, *p = &whole;
		int which;

		unpack(ps, &ps->p[i], &whole);
		which = p->side == side ? 0 : 1;   /* our five is the offense's or not */

		if (!sorted_five(p, which, ids) || (x = unit_for(&u, &n, &cap, side, ids)) == NULL)
			continue;
		add(which == 0 ? &x->for_ : &x->against, p);
	}
	if (n > 0)
		qsort(u, n, sizeof *u, cmp_unit);
	if (out != NULL)
		memcpy(out, u, (n < max ? n : max) * sizeof *u);
	free(u);
	return n;
}

/* --- video segments --- */

int
cs_possessions_add_video(struct cs_possessions *ps, const struct cs_video_segment *in)
{
	struct cs_video_kept v, *nv;
	char url[CS_URL_MAX];
	size_t i, k;
	long idx;

	if (ps == NULL)
		return -1;
	memcpy(url, in->url, sizeof url);
	url[CS_URL_MAX - 1] = '\0';
	for (k = 0; url[k] != '\0'; k++)
		if ((unsigned char)url[k] < 0x20 || url[k] == 0x7f)
			return -1;   /* a link is kept whole and clean, or not at all */
	if (url[0] == '\0' || in->duration_ms < 0)
		return -1;
	v.hls_start_ms = in->hls_start_ms;
	v.offset_ms = in->offset_ms;
	v.delay_ms = in->delay_ms;
	v.duration_ms = in->duration_ms;
	for (i = 0; i < ps->nv; i++)
		if (ps->v[i].offset_ms == v.offset_ms && strcmp(ps->v[i].url, url) == 0)
			break;
	if (i < ps->nv) {
		v.url = ps->v[i].url;
		if (memcmp(&ps->v[i], &v, sizeof v) == 0)
			return 0;
		ps->v[i] = v;
		return 1;
	}
	if (ps->nv >= VIDEOS_MAX || (idx = strings_intern(&ps->urls, url, VIDEOS_MAX)) < 0)
		return -1;
	v.url = ps->urls.s[idx];
	if (ps->nv == ps->capv) {
		size_t cap = ps->capv ? ps->capv * 2 : 64;

		if ((nv = realloc(ps->v, cap * sizeof *nv)) == NULL)
			return -1;
		ps->v = nv;
		ps->capv = cap;
	}
	ps->v[ps->nv++] = v;
	return 1;
}

size_t
cs_possessions_video_count(const struct cs_possessions *ps)
{
	return ps != NULL ? ps->nv : 0;
}

const struct cs_video_kept *
cs_possessions_video(const struct cs_possessions *ps, size_t i)
{
	return ps != NULL && i < ps->nv ? &ps->v[i] : NULL;
}

/* --- marked plays --- */

int
cs_possessions_toggle_mark(struct cs_possessions *ps, const char *event_id)
{
	char (*nm)[CS_ID_MAX];
	size_t i;

	if (ps == NULL || event_id == NULL || event_id[0] == '\0' ||
	    strlen(event_id) >= CS_ID_MAX)
		return -1;
	for (i = 0; i < ps->nmarks; i++)
		if (strcmp(ps->marks[i], event_id) == 0) {
			memmove(&ps->marks[i], &ps->marks[i + 1],
			    (ps->nmarks - i - 1) * sizeof *ps->marks);
			ps->nmarks--;
			return 0;
		}
	if (ps->nmarks >= MARKS_MAX)
		return -1;
	if (ps->nmarks == ps->capmarks) {
		size_t cap = ps->capmarks ? ps->capmarks * 2 : 16;

		if ((nm = realloc(ps->marks, cap * sizeof *nm)) == NULL)
			return -1;
		ps->marks = nm;
		ps->capmarks = cap;
	}
	cs_strlcpy(ps->marks[ps->nmarks++], event_id, CS_ID_MAX);
	return 1;
}

bool
cs_possessions_marked(const struct cs_possessions *ps, const char *event_id)
{
	size_t i;

	for (i = 0; ps != NULL && i < ps->nmarks; i++)
		if (strcmp(ps->marks[i], event_id) == 0)
			return true;
	return false;
}

size_t
cs_possessions_mark_count(const struct cs_possessions *ps)
{
	return ps != NULL ? ps->nmarks : 0;
}
