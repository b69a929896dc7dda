/*
 * Drawing text into a curses window: every string sanitized again
 * (defence in depth: providers already did), clipped to display columns
 * in the locale's encoding; and fitting names into a width.
 */
#ifndef CS_UI_TEXT_H
#define CS_UI_TEXT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/theme.h"

/* Draws `s` at (y, x), at most `width` columns, sanitized with cs_sanitize
 * first; returns columns used. */
int ui_text(WINDOW *w, int y, int x, int width, attr_t attr, const char *s);
int ui_textf(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Draws right-aligned so the text ends at column x + width. */
int ui_text_right(WINDOW *w, int y, int x, int width, attr_t attr, const char *s);
/* `text` cut to `width` display columns: whole when it fits, else at the
 * last word boundary that keeps half the width, with an ellipsis (three
 * dots in ASCII).  The text is sanitized already; a byte the locale
 * cannot decode counts one column, as ui_text draws it. */
void ui_text_fit_words(const char *text, int width, bool ascii, char *out, size_t size);
/* `v` as snprintf's "%*d" (plus: "%+*d") of `width` (0: as long as it
 * is) into buf, without snprintf: the boxes redraw dozens a frame. */
const char *ui_itoa(char *buf, size_t size, int v, bool plus, int width);
/* Display columns of `s` as ui_text would draw it. */
int ui_text_width(const char *s);
void ui_fill(WINDOW *w, int y, int x, int n, attr_t attr);
/* A horizontal rule: U+2500, or '-' in ASCII. */
void ui_hline(const struct ui_theme *t, WINDOW *w, int y, int x, int n, attr_t attr);
/* Whether the locale's encoding is UTF-8; when it is not, ui_text draws
 * the providers' UTF-8 as ASCII (ui_text_ascii). */
bool ui_text_utf8_locale(void);
/* UTF-8 `s` in ASCII: accents dropped from Latin letters (U+00C0-U+017F),
 * typographic quotes and dashes plain, anything else '?'. */
const char *ui_text_ascii(const char *s, char *buf, size_t size);
/* A short name that fits: "Jalen Brunson" -> "J. Brunson" -> "Brunson". */
void ui_name_fit(const char *name, int width, char *buf, size_t size);
/* The surname: "Fred Van Vleet" -> "Van Vleet" (particles stay with it),
 * "Jaren Jackson Jr." -> "Jackson" (suffixes go); the first word is never
 * taken for a particle. */
const char *ui_last_name(const char *name, char *buf, size_t size);

#endif
