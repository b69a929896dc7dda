/*
 * Unit labels (see unit_label.h).
 *
 * A label is initial "." surname ["#" jersey].  What tells two teammates
 * apart, and so what a cut must keep:
 *  - different initials: the initial (never cut);
 *  - the same surname: the jersey (never cut);
 *  - the same initial, different surnames, no jersey shown: the surname's
 *    letters up to the first that differs, plus that one.
 * A cut surname ends in the ellipsis, which no name contains, so a cut
 * label never reads as a whole one.  Two units are different sets of
 * five, listed in the same (roster) order: labels that differ per player
 * make units that differ.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ui/label.h"
#include "ui/unit_label.h"

#define WORDS_MAX 8
#define KEEP_MIN 3     /* letters of a surname always kept */
#define TEAM_MAX 64    /* teammates compared */

struct part {
	char initial[8];            /* the first name's first character; "" for one word */
	char surname[CS_NAME_MAX];  /* particles joined: "VanVleet" */
	char jersey[CS_JERSEY_MAX];
	bool shared;                /* a teammate has this surname: show the jersey */
	int len;                    /* surname characters */
	int keep_min;               /* characters a cut keeps at least */
	int keep;                   /* characters kept; len: not cut */
	bool unknown;               /* not on the roster: the id, whole */
};

/* Characters (not bytes) of UTF-8 text. */
static int
chars(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Bytes of the first `k` characters of `s`. */
static size_t
prefix_bytes(const char *s, int k)
{
	size_t b = 0;

	while (s[b] != '\0' && k-- > 0) {
		b++;
		while (((unsigned char)s[b] & 0xc0) == 0x80)
			b++;
	}
	return b;
}

static bool
is_suffix(const char *w)
{
	static const char *const suffixes[] = { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V" };
	size_t i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (strcmp(w, suffixes[i]) == 0)
			return true;
	return false;
}

/* Words that belong to the surname that follows them. */
static bool
is_particle(const char *w)
{
	static const char *const particles[] = { "van", "von", "der", "den", "de", "da", "del",
		"della", "di", "du", "la", "le", "st.", "st", "dos", "das", "ter", "ten", "mac" };
	size_t i;

	for (i = 0; i < sizeof particles / sizeof particles[0]; i++)
		if (strcasecmp(w, particles[i]) == 0)
			return true;
	return false;
}

/* Initial and surname of a display name. */
static void
split_name(const char *name, struct part *p)
{
	char copy[CS_NAME_MAX * 2], *words[WORDS_MAX], *save = NULL, *w;
	int n = 0, start, i;
	size_t b;

	cs_strlcpy(copy, name, sizeof copy);
	for (w = strtok_r(copy, " ", &save); w != NULL && n < WORDS_MAX;
	    w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	p->initial[0] = p->surname[0] = '\0';
	if (n == 0)
		return;
	if (n >= 3 && is_suffix(words[n - 1]))
		n--;     /* "Jaren Jackson Jr." is a Jackson */
	start = n - 1;
	while (start > 1 && is_particle(words[start - 1]))
		start--;
	for (i = start, b = 0; i < n && b < sizeof p->surname; i++)
		b += (size_t)snprintf(p->surname + b, sizeof p->surname - b, "%s", words[i]);
	if (start > 0) {
		b = prefix_bytes(words[0], 1);
		if (b < sizeof p->initial) {
			memcpy(p->initial, words[0], b);
			p->initial[b] = '\0';
		}
	}
}

/* `id`: a player the roster does not know (ShotTracker's fives may name
 * one before the roster has him) goes by his id, never cut. */
static void
part_of(const struct box_team *t, int player, const char *id, struct part *p)
{
	char name[CS_NAME_MAX * 2];

	memset(p, 0, sizeof *p);
	if (player < 0 || player >= t->nplayers) {
		cs_sanitize(p->surname, id != NULL && id[0] != '\0' ? id : "?",
		    sizeof p->surname);
		p->unknown = true;
	} else {
		split_name(ui_player_name(&t->players[player], name, sizeof name), p);
		cs_sanitize(p->jersey, t->players[player].info.jersey, sizeof p->jersey);
	}
	p->len = chars(p->surname);
	p->keep = p->len;
}

/* Characters two surnames share at their start. */
static int
common_chars(const char *a, const char *b)
{
	int n = 0;

	while (*a != '\0' && *a == *b) {
		n += ((unsigned char)*a & 0xc0) != 0x80;
		a++;
		b++;
	}
	return n;
}

/* A team's players, parsed once per label (at most TEAM_MAX compared). */
struct roster_parts {
	int n;
	struct part p[TEAM_MAX];
};

static void
roster_parts(const struct box_team *t, struct roster_parts *r)
{
	int j;

	r->n = t->nplayers < TEAM_MAX ? t->nplayers : TEAM_MAX;
	for (j = 0; j < r->n; j++)
		part_of(t, j, NULL, &r->p[j]);
}

/* Sets `shared` and `keep_min` of p (player `player`) against every
 * teammate; without `initials` the label shows none, and the surname
 * alone tells p from every teammate. */
static void
tell_apart(const struct roster_parts *r, int player, struct part *p, bool initials)
{
	const struct part *o;
	int j, min = KEEP_MIN;

	for (j = 0; j < r->n; j++)
		if (j != player && strcasecmp(r->p[j].surname, p->surname) == 0)
			p->shared = p->jersey[0] != '\0';
	for (j = 0; j < r->n && !p->shared; j++) {
		o = &r->p[j];
		/* (a teammate shown with a jersey would differ anyway: safe) */
		if (j != player && (!initials || strcmp(o->initial, p->initial) == 0) &&
		    common_chars(o->surname, p->surname) + 1 > min)
			min = common_chars(o->surname, p->surname) + 1;
	}
	p->keep_min = p->unknown ? p->len : min;
	if (!initials)
		p->initial[0] = '\0';
}

static int
part_width(const struct part *p)
{
	int w = chars(p->initial) + (p->initial[0] != '\0');

	w += p->keep < p->len ? p->keep + 1 : p->len;
	return w + (p->shared ? 1 + chars(p->jersey) : 0);
}

static size_t
part_text(const struct part *p, const char *ellipsis, char *buf, size_t size)
{
	return (size_t)snprintf(buf, size, "%s%s%.*s%s%s%s", p->initial,
	    p->initial[0] != '\0' ? "." : "", (int)prefix_bytes(p->surname, p->keep),
	    p->surname, p->keep < p->len ? ellipsis : "", p->shared ? "#" : "",
	    p->shared ? p->jersey : "");
}

const char *
ui_unit_player_label(const struct box_team *t, int player, char *buf, size_t size)
{
	struct roster_parts r;
	struct part p;

	roster_parts(t, &r);
	part_of(t, player, NULL, &p);
	tell_apart(&r, player, &p, true);
	part_text(&p, "", buf, size);
	return buf;
}

/* Takes a character off the widest label that may lose one; false when
 * none may. */
static bool
cut_one(struct part *parts)
{
	int i, best = -1;

	for (i = 0; i < CS_ON_COURT; i++) {
		struct part *p = &parts[i];
		int next = p->keep < p->len ? p->keep - 1 : p->len - 2;

		if (next < p->keep_min)
			continue;
		if (best < 0 || part_width(p) > part_width(&parts[best]))
			best = i;
	}
	if (best < 0)
		return false;
	parts[best].keep = parts[best].keep < parts[best].len ? parts[best].keep - 1 :
	    parts[best].len - 2;
	return true;
}

/* The unit's five parts cut to `width` as far as they may; returns the
 * columns they take. */
static int
fit_parts(const struct box_team *t, const struct roster_parts *r, const int players[],
    const char *const ids[], bool initials, int width, struct part *parts)
{
	int i, total;

	for (i = 0; i < CS_ON_COURT; i++) {
		part_of(t, players[i], ids != NULL ? ids[i] : NULL, &parts[i]);
		tell_apart(r, players[i], &parts[i], initials);
	}
	for (;;) {
		total = CS_ON_COURT - 1;
		for (i = 0; i < CS_ON_COURT; i++)
			total += part_width(&parts[i]);
		if (total <= width || !cut_one(parts))
			return total;
	}
}

/* The five (roster indexes; ids[i] names one that is not on it) as
 * labels, initials dropped when that alone makes them fit. */
static int
five_label(const struct box_team *t, const int players[], const char *const ids[],
    int width, const char *ellipsis, char *buf, size_t size)
{
	struct roster_parts r;
	struct part parts[CS_ON_COURT], bare[CS_ON_COURT];
	int i, total;
	size_t n = 0;

	roster_parts(t, &r);
	total = fit_parts(t, &r, players, ids, true, width, parts);
	/* too narrow with initials: the surnames alone, when that fits
	 * (60 columns: five players in 25) */
	if (total > width && fit_parts(t, &r, players, ids, false, width, bare) <= width) {
		memcpy(parts, bare, sizeof parts);
		total = fit_parts(t, &r, players, ids, false, width, bare);
	}
	buf[0] = '\0';
	for (i = 0; i < CS_ON_COURT && n < size; i++) {
		if (i > 0)
			n += (size_t)snprintf(buf + n, size - n, " ");
		if (n < size)
			n += part_text(&parts[i], ellipsis, buf + n, size - n);
	}
	return total;
}

int
ui_unit_label(const struct box_team *t, const struct unit *u, int width,
    const char *ellipsis, char *buf, size_t size)
{
	return five_label(t, u->players, NULL, width, ellipsis, buf, size);
}

int
ui_unit_label_ids(const struct box_team *t, const char ids[][CS_ID_MAX], int width,
    const char *ellipsis, char *buf, size_t size)
{
	int players[CS_ON_COURT], k, i, n = 0;
	const char *unknown[CS_ON_COURT] = { NULL };
	bool placed[CS_ON_COURT] = { false };

	/* the roster's order first, as the lineups pane lists a five; each
	 * id placed once, so the five are five whatever the data */
	for (i = 0; i < t->nplayers; i++)
		for (k = 0; k < CS_ON_COURT; k++)
			if (!placed[k] && strcmp(t->players[i].info.id, ids[k]) == 0) {
				placed[k] = true;
				players[n++] = i;
				break;
			}
	for (k = 0; k < CS_ON_COURT; k++)
		if (!placed[k]) {
			unknown[n] = ids[k];
			players[n++] = -1;
		}
	return five_label(t, players, unknown, width, ellipsis, buf, size);
}

char *
ui_unit_labels_slot(struct ui_unit_labels *c, uint64_t key, bool *made)
{
	size_t i, old = 0;

	c->lookups++;
	for (i = 0; i < UI_UNIT_LABELS_CACHED; i++) {
		if (c->e[i].key == key && key != 0) {
			c->e[i].used = c->lookups;
			*made = true;
			return c->e[i].text;
		}
		if (c->e[i].used < c->e[old].used)
			old = i;
	}
	c->e[old].key = key;
	c->e[old].used = c->lookups;
	c->made++;
	*made = false;
	return c->e[old].text;
}
