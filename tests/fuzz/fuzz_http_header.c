/*
 * Fuzz target: response headers as libcurl hands them to http.c, one line
 * at a time ("\r\n" kept, not NUL-terminated): status lines, Location,
 * Content-Type, the request id, Retry-After.  What is kept must be clean
 * text (it is logged and shown), Retry-After within 0..3600 s or absent.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const struct http_response *r)
{
	if (r->location != NULL)
		fz_clean(r->location, 1024);
	fz_clean(r->request_id, sizeof r->request_id);
	fz_clean(r->content_type, sizeof r->content_type);
	if (r->retry_after < -1 || r->retry_after > 3600)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_response r;
	const uint8_t *nl;
	size_t off, n;
	char *line;

	memset(&r, 0, sizeof r);
	r.retry_after = -1;
	for (off = 0; off < size; off += n) {
		nl = memchr(data + off, '\n', size - off);
		n = nl != NULL ? (size_t)(nl - (data + off)) + 1 : size - off;
		/* an exact-size copy without a NUL: libcurl gives none */
		line = malloc(n);
		if (line == NULL)
			abort();
		memcpy(line, data + off, n);
		http_response_header(&r, line, n);
		free(line);
		check(&r);
	}
	http_response_free(&r);
	return 0;
}
