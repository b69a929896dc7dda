/*
 * Fuzz target: the error bodies of refused REST requests, as both
 * providers turn them into the one line the user reads (ShotTracker:
 * error_details/describe_status; Sportradar: body_message/http_failure).
 * The first two bytes pick the status; the next line is a request-id
 * header, read by http.c as on the wire; the rest is the body.  Every
 * message must be one clean line.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"
#include "providers/shottracker.h"
#include "providers/sportradar.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const long statuses[] = {
	400, 401, 403, 404, 408, 409, 410, 422, 429, 500, 502, 503, 504, 302, 200, 0,
};

static void
request_id(struct http_response *r, const uint8_t *data, size_t len)
{
	static const char name[] = "X-Request-Id: ";
	char *line = malloc(sizeof name - 1 + len);

	if (line == NULL)
		abort();
	memcpy(line, name, sizeof name - 1);
	memcpy(line + sizeof name - 1, data, len);
	http_response_header(r, line, sizeof name - 1 + len);
	free(line);
}

static void
shottracker(const struct http_response *r)
{
	char msg[128], rid[80], *cause = NULL;

	shottracker_error_details(r, msg, sizeof msg, rid, sizeof rid);
	fz_clean(msg, sizeof msg);
	fz_clean(rid, sizeof rid);
	if (strlen(msg) > 100)
		abort();   /* cut to 100 with "..." */
	shottracker_describe_status(r, "the game", "/v1/data/games/g1", &cause);
	fz_cause(cause);
	free(cause);
}

static void
sportradar(const struct http_response *r)
{
	char msg[140], *cause = NULL;

	sportradar_body_message(r->body, r->len, msg, sizeof msg);
	fz_clean(msg, sizeof msg);
	sportradar_http_failure(&cause, "pbp.json", r, 4, false);
	fz_cause(cause);
	sportradar_http_failure(&cause, "the push subscription", r, 1, true);
	fz_cause(cause);
	free(cause);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_response r;
	const uint8_t *nl;
	size_t n;

	if (size < 2)
		return 0;
	memset(&r, 0, sizeof r);
	r.retry_after = -1;
	/* a status from the table, or any number up to 999 */
	r.status = data[0] < 0xf0 ? statuses[data[0] % (sizeof statuses / sizeof statuses[0])] :
	    (long)(data[1] * 4 + (data[0] & 3));
	data += 2;
	size -= 2;
	nl = memchr(data, '\n', size);
	if (nl != NULL) {
		n = (size_t)(nl - data) + 1;
		request_id(&r, data, n);
		data += n;
		size -= n;
	}
	r.body = fz_strndup(data, size);
	r.len = size;
	shottracker(&r);
	sportradar(&r);
	http_response_free(&r);
	return 0;
}
