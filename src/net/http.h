/*
 * One blocking HTTP request over libcurl, on the feed thread: HTTP/1.1
 * forced (the ShotTracker signature names it), TLS verified unless
 * insecure, bodies capped.  Secrets go in headers only; what is logged is
 * the URL without its query.
 */
#ifndef CS_HTTP_H
#define CS_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#define HTTP_MAX_BODY (32u << 20)   /* a full game's pbp.json is ~2 MB */

struct http_request {
	const char *method;          /* NULL = GET */
	const char *url;
	const char *const *headers;  /* "Name: value", NULL-terminated; may be NULL */
	bool follow_redirects;       /* false: a 3xx comes back with `location` */
	long timeout_ms;             /* whole request; 0 = 30 s */
	long stall_ms;               /* no byte this long in any state; 0 = 20 s */
	const char *cacert;
	bool insecure;
	size_t max_body;             /* 0 = HTTP_MAX_BODY */
	volatile const bool *cancel; /* polled during the transfer; may be NULL */
};

struct http_response {
	long status;                 /* HTTP status, 0 when none came */
	char *body;                  /* NUL-terminated, malloc'd */
	size_t len;
	char *location;              /* Location of a 3xx, malloc'd or NULL */
	char request_id[80];         /* shottrackerRequestId / x-request-id if any */
	char content_type[80];
	long retry_after;            /* seconds, -1 when absent */
	bool permanent;              /* a failure no retry heals: certificate,
	                                oversized body, bad URL */
};

/* 0 when any HTTP response came back (check status), -1 on a transport
 * failure with a one-line *cause (malloc'd) naming it; resp->permanent
 * tells a failure not worth retrying. */
int http_perform(const struct http_request *req, struct http_response *resp,
    char **cause);
void http_response_free(struct http_response *resp);

/* One header line as libcurl hands it (not NUL-terminated, "\r\n" kept)
 * into `resp`: Location, Content-Type, the request id, Retry-After; a
 * status line starts afresh (a redirect or a 100 came before).  Pure: the
 * fuzz target tests/fuzz/fuzz_http_header.c calls it alone. */
void http_response_header(struct http_response *resp, const char *line, size_t len);

/* A libcurl result (CURLcode) that no retry heals: a certificate refused,
 * an oversized body, a bad URL.  For callers that drive curl themselves. */
bool http_curl_permanent(int code);

/* "https://host:port/path?q" -> host ("host"), port (443), path ("/path?q"). */
int http_split_url(const char *url, char *host, size_t hsize, int *port,
    char *path, size_t psize, bool *tls);

/* The URL without its query, for logs. */
const char *http_url_for_log(const char *url, char *buf, size_t size);

#endif
