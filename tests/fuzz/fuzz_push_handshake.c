/*
 * Fuzz target: the Sportradar push handshake.  Request A's 302 answers
 * with a Location (read by http.c as the header line it is), which becomes
 * the stream URL on the API host (sportradar_push_location) and gives the
 * sessionId to resume with (sportradar_session_of); request B's header
 * lines go through http_stream_header.  The first byte picks the
 * API base; the first line is the Location, the rest stream headers.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"
#include "providers/sportradar.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define URL_MAX 2048   /* as sportradar.c's SR_URL_MAX */

static const char *const bases[] = {
	"https://api.sportradar.com", "http://127.0.0.1:8765", "http://127.0.0.1:8765/base/",
	"http://[::1]:80", "nohost", "",
};

static const char *
location_of(struct http_response *r, const uint8_t *data, size_t len)
{
	static const char name[] = "Location: ";
	char *line = malloc(sizeof name - 1 + len);

	if (line == NULL)
		abort();
	memcpy(line, name, sizeof name - 1);
	memcpy(line + sizeof name - 1, data, len);
	http_response_header(r, line, sizeof name - 1 + len);
	free(line);
	return r->location;
}

/* RFC 3986: a reference is absolute when it starts with scheme "://". */
static size_t
scheme_len(const char *url)
{
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789+-.");

	return n > 0 && ((url[0] | 0x20) >= 'a' && (url[0] | 0x20) <= 'z') &&
	    strncmp(url + n, "://", 3) == 0 ? n : 0;
}

static void
stream_url(const char *base, const char *loc)
{
	char location[URL_MAX], sid[128];
	size_t n, origin;

	if (sportradar_push_location(base, loc, location, sizeof location) < 0)
		return;
	n = strnlen(location, sizeof location);
	if (n == sizeof location)
		abort();
	/* a relative Location stays on the API host: scheme://host[:port]/ */
	if (scheme_len(loc) == 0 && scheme_len(base) != 0) {
		origin = scheme_len(base) + 3;
		origin += strcspn(base + origin, "/");
		if (strncmp(location, base, origin) != 0 || location[origin] != '/')
			abort();
	}
	if (sportradar_session_of(location, sid, sizeof sid)) {
		n = strlen(sid);
		if (n == 0 || n >= sizeof sid || strspn(sid, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%") != n)
			abort();
	}
}

static void
stream_headers(const uint8_t *data, size_t size)
{
	char ctype[80], reqid[80], *line;
	const uint8_t *nl;
	long code = 0;
	size_t off, n;
	bool end;

	ctype[0] = reqid[0] = '\0';
	for (off = 0; off < size; off += n) {
		nl = memchr(data + off, '\n', size - off);
		n = nl != NULL ? (size_t)(nl - (data + off)) + 1 : size - off;
		line = malloc(n);
		if (line == NULL)
			abort();
		memcpy(line, data + off, n);
		end = http_stream_header(line, n, &code, ctype, sizeof ctype, reqid,
		    sizeof reqid);
		if (end && !(n == 1 || (n == 2 && line[0] == '\r')))
			abort();   /* only a blank line ends the headers */
		free(line);
		fz_clean(ctype, sizeof ctype);
		fz_clean(reqid, sizeof reqid);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_response r;
	const uint8_t *nl;
	const char *base, *loc;
	size_t n;

	if (size < 1)
		return 0;
	base = bases[data[0] % (sizeof bases / sizeof bases[0])];
	data++;
	size--;
	nl = memchr(data, '\n', size);
	n = nl != NULL ? (size_t)(nl - data) + 1 : size;
	memset(&r, 0, sizeof r);
	r.retry_after = -1;
	loc = location_of(&r, data, n);
	if (loc != NULL && loc[0] != '\0')
		stream_url(base, loc);
	http_response_free(&r);
	stream_headers(data + n, size - n);
	return 0;
}
