/*
 * Shared by the fuzz targets of the command line, the config file, HTTP
 * headers, REST errors and the push handshake: what every string that can
 * reach the terminal or the log must be, checked with abort() so that both
 * libFuzzer and tests/fuzz/driver.c report it.
 */
#ifndef CS_FUZZ_CHECK_H
#define CS_FUZZ_CHECK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Terminated within `cap` bytes, no control character, no DEL. */
static inline void
fz_clean(const char *s, size_t cap)
{
	size_t i, n = strnlen(s, cap);

	if (n == cap)
		abort();
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			abort();
}

/* A message for the user: present, one clean line, of a sane length. */
static inline void
fz_cause(const char *cause)
{
	if (cause == NULL || cause[0] == '\0')
		abort();
	fz_clean(cause, 4096);
}

/* An exact-size, NUL-terminated heap copy of data[0..len), so that a read
 * past the end is caught; the caller frees it. */
static inline char *
fz_strndup(const uint8_t *data, size_t len)
{
	char *s = malloc(len + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

#endif
