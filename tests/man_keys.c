/*
 * Prints the KEYS section of doc/courtside.1 from the tables the help pane
 * shows (keymap.c, scroll.c, each pane's help, the replay's), so that the
 * manual cannot drift from the program: tests/test_man.sh compares it with
 * the page, and CS_UPDATE_MAN=1 there writes it in.  A new pane's help goes
 * in `panes` below.
 */
#include "config.h"

#include <stdio.h>

#include "ui/keymap.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/scroll.h"

/* One UTF-8 character as groff's \[uXXXX] (the page stays ASCII);
 * returns the bytes it took. */
static int
roff_utf8(const unsigned char *s)
{
	unsigned cp;
	int n, i;

	if (s[0] >= 0xf0) {
		cp = s[0] & 0x07u;
		n = 4;
	} else if (s[0] >= 0xe0) {
		cp = s[0] & 0x0fu;
		n = 3;
	} else {
		cp = s[0] & 0x1fu;
		n = 2;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;   /* not UTF-8: skip the byte */
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	printf("\\[u%04X]", cp);
	return n;
}

/* roff: a backslash and a minus escaped, a leading dot or quote too */
static void
roff(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			s += roff_utf8((const unsigned char *)s) - 1;
		else if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

static void
section(const struct ui_help_section *list)
{
	const struct ui_key_help *k;

	for (; list != NULL && list->title != NULL; list++) {
		printf(".SS ");
		roff(list->title);
		putchar('\n');
		for (k = list->items; k != NULL && k->keys != NULL; k++) {
			if (k->keys[0] == '\0')
				continue;   /* a continuation line of the help pane */
			printf(".TP\n.B ");
			roff(k->keys);
			putchar('\n');
			roff(k->what);
			putchar('\n');
		}
	}
}

int
main(void)
{
	static const struct pane_ops *const panes[] = {
		&pane_box_ops, &pane_pbp_ops, &pane_shots_ops, &pane_lineups_ops,
		&pane_team_ops, &pane_possessions_ops, &pane_help_ops,
	};
	size_t i;

	printf(".SH KEYS\n");
	printf("The same as the help pane (\\fB?\\fR), generated from the key tables.\n");
	section(ui_keymap_help);
	section(ui_scroll_help);
	for (i = 0; i < sizeof panes / sizeof panes[0]; i++)
		section(panes[i]->help);
	section(ui_keymap_replay_help);
	return 0;
}
