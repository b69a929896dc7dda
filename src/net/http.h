/*
 * HTTP over libcurl, on the feed thread: one blocking request
 * (http_perform), or a long-lived stream read as it comes (http_stream,
 * the Sportradar push feed).  HTTP/1.1 forced (the ShotTracker signature
 * names it), TLS verified unless insecure, bodies capped.  Secrets go in
 * headers only; what is logged is the URL without its query.
 */
#ifndef CS_HTTP_H
#define CS_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HTTP_MAX_BODY (32u << 20)   /* a full game's pbp.json is ~2 MB */
#define HTTP_OTHERS_MAX 64          /* sockets http_others may name */

/*
 * The other connections of the thread that makes a request (a league
 * night's: every game's socket on one feed thread).  While the request
 * waits, their sockets wake its poll beside curl's, and `serve` runs one
 * round of their input and timers without waiting, so that one game's
 * slow server does not hold the other games' plays (issue 19).
 */
struct http_others {
	int (*fds)(void *arg, int *fds, int max);   /* the sockets to wake for */
	void (*serve)(void *arg, const int *ready, int n);   /* n may be 0 */
	void *arg;
};

struct http_request {
	const char *method;          /* NULL = GET */
	const char *url;
	const char *body;            /* sent as is (a PUT's JSON); NULL = none */
	size_t body_len;
	const char *const *headers;  /* "Name: value", NULL-terminated; may be NULL */
	bool follow_redirects;       /* false: a 3xx comes back with `location` */
	long timeout_ms;             /* whole request; 0 = 30 s */
	long stall_ms;               /* no byte this long in any state; 0 = 20 s */
	const char *cacert;
	bool insecure;
	size_t max_body;             /* 0 = HTTP_MAX_BODY */
	volatile const bool *cancel; /* polled during the transfer; may be NULL */
	/* A 200's body handed over as it arrives, never held whole (a full
	 * game's pbp.json is a megabyte): 0 to go on, -1 to end the transfer
	 * (resp->body_refused).  Another status's body is kept as without.
	 * NULL = the body is kept in resp->body. */
	int (*on_body)(void *arg, const char *data, size_t len);
	void *on_body_arg;
	bool keep_body;              /* with on_body: keep it too (a recording) */
	const struct http_others *others;   /* served while it waits; may be NULL */
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
	size_t received;             /* body bytes that came, kept or handed over */
	bool body_refused;           /* req->on_body ended the transfer */
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
/* An HTTP status a later try may heal (408, 429, 5xx). */
bool http_status_retryable(long status);

/*
 * A stream: one GET whose body never ends (the push feed), read through a
 * multi handle kept between connections so that http_stream_wake (any
 * thread) can interrupt its poll.  No overall timeout; a watchdog ends it
 * when no byte came for req->stall_ms (0 = 20 s) in any state: connecting,
 * waiting for the answer, or streaming.  A 200's body goes to on_data as it
 * arrives (the provider splits it into messages); another status keeps the
 * start of its body for the cause.
 */
struct http_stream;

enum http_stream_step {
	HTTP_STREAM_GO_ON,           /* nothing to do: poll */
	HTTP_STREAM_READ_AGAIN,      /* the handler blocked (a REST call): read what
	                                came meanwhile before measuring the silence */
	HTTP_STREAM_STOP,            /* end the stream now */
};

struct http_stream_handlers {
	void (*on_open)(void *arg);                 /* a 200 came: the stream is up */
	void (*on_data)(void *arg, const char *data, size_t len);  /* a 200's body */
	enum http_stream_step (*on_tick)(void *arg);   /* between polls (200 ms) */
};

enum http_stream_end {
	HTTP_STREAM_DONE,            /* the transfer ended: status, curl_code say how */
	HTTP_STREAM_SILENT,          /* no byte for stall_ms */
	HTTP_STREAM_STOPPED,         /* on_tick said stop */
};

struct http_stream_result {
	enum http_stream_end end;
	long status;                 /* 0 when no status line came */
	int curl_code;               /* the CURLcode a DONE transfer ended with */
	const char *curl_error;      /* ... in libcurl's words (static) */
	bool permanent;              /* ... one no retry heals (http_curl_permanent) */
	char request_id[80];
	char error_body[256];        /* the start of a non-200 body, NUL-terminated */
	size_t error_len;
	double silent_s;             /* SILENT: how long */
};

struct http_stream *http_stream_new(void);
void http_stream_free(struct http_stream **hs);
/* Any thread, while the stream object lives: wake its poll now. */
void http_stream_wake(struct http_stream *hs);
/* When the last byte (header or body) arrived, monotonic us. */
int64_t http_stream_last_byte_us(const struct http_stream *hs);
/*
 * The stream as the other connection of a request made inside it (a
 * league's game's REST): *others watches its socket and reads what came
 * into on_data without waiting.  Only from the stream's own handlers'
 * thread, outside on_data.
 */
void http_stream_others(struct http_stream *hs, struct http_others *others);
/* Streams req->url until it ends (*res says how); -1 with *cause when it
 * could not start (no handle). */
int http_stream(struct http_stream *hs, const struct http_request *req,
    const struct http_stream_handlers *h, void *arg, struct http_stream_result *res,
    char **cause);

/* One header line of a stream (as libcurl hands it: not NUL-terminated):
 * a status line sets *code and clears ctype and reqid; Content-Type and
 * the request id are kept, sanitized.  true at the blank line that ends
 * the headers.  Pure: the fuzz target fuzz_push_handshake.c calls it. */
bool http_stream_header(const char *line, size_t len, long *code, char *ctype,
    size_t csize, char *reqid, size_t rsize);

/* "https://host:port/path?q" -> host ("host"), port (443), path ("/path?q"). */
int http_split_url(const char *url, char *host, size_t hsize, int *port,
    char *path, size_t psize, bool *tls);

/* The URL without its query, for logs. */
const char *http_url_for_log(const char *url, char *buf, size_t size);

#endif
