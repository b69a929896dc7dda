/*
 * Fuzz target: the config file (credentials, shottracker_ping), read by
 * settings_load_credentials from a mode-600 file holding the input.  A
 * refusal is one clean line that names a line of the file as the user
 * sees it (split at '\n'); what is accepted holds no line break.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[4096];
static int fd = -1;

static void
remove_file(void)
{
	if (path[0] != '\0')
		unlink(path);
}

static void
open_file(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(path, sizeof path, "%s/fuzz_config.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	fd = mkstemp(path);   /* mode 600, as the reader demands */
	if (fd < 0)
		abort();
	atexit(remove_file);
	unsetenv("SHOTTRACKER_USERNAME");
	unsetenv("SHOTTRACKER_SECRET");
	unsetenv("SPORTRADAR_API_KEY");
}

/* Line `lineno` (1-based) of the input, as a text editor numbers them. */
static const uint8_t *
nth_line(const uint8_t *data, size_t size, long lineno, size_t *len)
{
	const uint8_t *p = data, *end = data + size, *nl;

	while (--lineno > 0) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return NULL;
		p = nl + 1;
	}
	nl = memchr(p, '\n', (size_t)(end - p));
	*len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
	return p;
}

/* "config PATH line N: unknown key 'K'": line N must start with K. */
static void
check_named_line(const char *cause, const uint8_t *data, size_t size)
{
	const char *at = strstr(cause, " line "), *q;
	const uint8_t *line;
	char *copy, *key, *clean;
	size_t len, klen;
	long lineno;

	if (at == NULL)
		return;
	lineno = strtol(at + 6, NULL, 10);
	line = nth_line(data, size, lineno, &len);
	if (lineno < 1 || line == NULL)
		abort();   /* names a line the file does not have */
	q = strstr(at, "unknown key '");
	if (q == NULL || memchr(line, '\0', len) != NULL)
		return;
	q += 13;
	klen = strlen(q);
	if (klen == 0 || q[klen - 1] != '\'')
		abort();
	klen--;   /* without the closing quote */
	copy = fz_strndup(line, len);
	clean = malloc(len + 1);
	if (clean == NULL)
		abort();
	for (key = copy; isspace((unsigned char)*key); key++)
		;
	cs_sanitize(clean, key, len + 1);
	if (strncmp(clean, q, klen) != 0)
		abort();   /* the key quoted is not at the start of that line */
	free(clean);
	free(copy);
}

static void
check_value(const char *v)
{
	if (v == NULL)
		return;
	if (strchr(v, '\n') != NULL || (v[0] != '\0' && (isspace((unsigned char)v[0]) ||
	    isspace((unsigned char)v[strlen(v) - 1]))))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	char *cause = NULL;

	if (fd < 0)
		open_file();
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	memset(&s, 0, sizeof s);
	s.config_path = path;
	if (settings_load_credentials(&s, &cause) < 0) {
		fz_cause(cause);
		check_named_line(cause, data, size);
	} else {
		check_value(s.st_username);
		check_value(s.st_secret);
		check_value(s.sr_api_key);
		if (s.st_ping != FEED_PING_CONTROL && s.st_ping != FEED_PING_TEXT &&
		    s.st_ping != FEED_PING_BOTH)
			abort();
	}
	free(cause);
	settings_free(&s);
	return 0;
}
