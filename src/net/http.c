/*
 * One blocking HTTP request over libcurl (http.h).
 *
 * A fresh easy handle per request: requests are few (a catch-up is five
 * of them), and nothing leaks between them (headers, redirects, auth).
 * Causes never carry a query string or a header value: secrets travel in
 * headers and tokens in queries.
 */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "model/event.h"
#include "net/http.h"

#define HTTP_DEFAULT_TIMEOUT_MS 30000L
#define HTTP_CONNECT_TIMEOUT_MS 10000L
#define HTTP_STALL_MS 20000L     /* no byte this long: a dead connection */
#define HTTP_MAX_HEADERS 64

struct transfer {
	const struct http_request *req;
	struct http_response *resp;
	size_t cap;             /* allocated body bytes */
	size_t max_body;
	bool too_big;
	bool refused;           /* req->on_body said stop */
	bool cancelled;
	bool stalled;
	long stall_ms;
	int64_t last_byte_us;   /* monotonic: the request started, or a byte came */
	CURL *curl;
	long code;              /* the status of the body being read; 0 before */
};

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * Debian's libcurl links librtmp and libldap, and they link GnuTLS, whose
 * constructor builds its ASN.1 trees at load (libtasn1, nettle, gmp): about
 * 0.7 MB of library pages and 0.1 MB of heap for a TLS library we never
 * use (curl and lws speak OpenSSL).  GnuTLS's own opt-out
 * (GNUTLS_SKIP_GLOBAL_INIT in gnutls.h): its constructor asks this symbol,
 * which the program exports (-Wl,--export-dynamic-symbol, Makefile.am) so
 * that it interposes on GnuTLS's weak default.  rtmp or ldap, were they
 * ever used, call gnutls_global_init themselves.
 */
int _gnutls_global_init_skip(void);

int
_gnutls_global_init_skip(void)
{
	return 1;
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;

static void
curl_init(void)
{
	curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* A 200's body goes to req->on_body; the status is known by its first byte. */
static bool
handed_over(struct transfer *t)
{
	long code = 0;

	if (t->req->on_body == NULL)
		return false;
	if (t->code == 0) {
		curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
		t->code = code;
	}
	return t->code == 200;
}

static size_t
on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	struct http_response *r = t->resp;
	size_t n = size * nmemb, want;
	char *p;

	if (n == 0)
		return 0;
	t->last_byte_us = now_us();
	if (r->received + n > t->max_body) {
		t->too_big = true;
		return 0;   /* aborts the transfer with CURLE_WRITE_ERROR */
	}
	r->received += n;
	if (handed_over(t)) {
		if (t->req->on_body(t->req->on_body_arg, data, n) < 0) {
			t->refused = true;
			return 0;
		}
		if (!t->req->keep_body)
			return n;
	}
	if (r->len + n + 1 > t->cap) {
		want = t->cap != 0 ? t->cap : 16384;
		while (want < r->len + n + 1)
			want *= 2;
		if (want > t->max_body + 1)
			want = t->max_body + 1;
		p = realloc(r->body, want);
		if (p == NULL)
			return 0;
		r->body = p;
		t->cap = want;
	}
	memcpy(r->body + r->len, data, n);
	r->len += n;
	r->body[r->len] = '\0';
	return n;
}

/* Copies a header value, trimmed, sanitized, into dst. */
static void
header_value(char *dst, size_t size, const char *v, size_t len)
{
	char buf[1024];

	while (len > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		len--;
	}
	while (len > 0 && (v[len - 1] == '\r' || v[len - 1] == '\n' ||
	    v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, v, len);
	buf[len] = '\0';
	cs_sanitize(dst, buf, size);
}

static bool
header_is(const char *line, size_t len, const char *name, const char **value,
    size_t *vlen)
{
	size_t n = strlen(name);

	if (len <= n || line[n] != ':' || strncasecmp(line, name, n) != 0)
		return false;
	*value = line + n + 1;
	*vlen = len - n - 1;
	return true;
}

void
http_response_header(struct http_response *r, const char *line, size_t len)
{
	size_t vlen;
	const char *v;
	char buf[1024], *end;
	long secs;

	/* A new status line: a redirect or a 100 Continue came before. */
	if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		free(r->location);
		r->location = NULL;
		r->request_id[0] = '\0';
		r->content_type[0] = '\0';
		r->retry_after = -1;
		return;
	}
	if (header_is(line, len, "location", &v, &vlen)) {
		header_value(buf, sizeof buf, v, vlen);
		free(r->location);
		r->location = strdup(buf);
	} else if (header_is(line, len, "content-type", &v, &vlen))
		header_value(r->content_type, sizeof r->content_type, v, vlen);
	else if (header_is(line, len, "x-request-id", &v, &vlen) ||
	    header_is(line, len, "request-id", &v, &vlen) ||
	    header_is(line, len, "x-amzn-requestid", &v, &vlen))
		header_value(r->request_id, sizeof r->request_id, v, vlen);
	else if (header_is(line, len, "retry-after", &v, &vlen)) {
		header_value(buf, sizeof buf, v, vlen);
		/* delta-seconds only; an HTTP-date counts as "soon" */
		secs = strtol(buf, &end, 10);
		if (end != buf && *end == '\0' && secs >= 0)
			r->retry_after = secs > 3600 ? 3600 : secs;
		else if (buf[0] != '\0')
			r->retry_after = 1;
	}
}

static size_t
on_header(char *line, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;

	t->last_byte_us = now_us();
	http_response_header(t->resp, line, size * nmemb);
	t->code = 0;            /* a new header: the status may change (a 100, a 3xx) */
	return size * nmemb;
}

static int
on_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
    curl_off_t ulnow)
{
	struct transfer *t = arg;

	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	if (t->req->cancel != NULL &&
	    __atomic_load_n(t->req->cancel, __ATOMIC_ACQUIRE)) {
		t->cancelled = true;
		return 1;
	}
	return 0;
}

/* Up to 100 ms for the request's sockets or the others' (http_others);
 * then the others' round, whichever woke the poll: their timers and the
 * bytes their TLS already holds need it too. */
static int
wait_and_serve(CURLM *m, const struct http_others *others)
{
	struct curl_waitfd w[HTTP_OTHERS_MAX];
	int fds[HTTP_OTHERS_MAX], i, n = 0, ready = 0;

	if (others != NULL)
		n = others->fds(others->arg, fds, HTTP_OTHERS_MAX);
	for (i = 0; i < n; i++) {
		w[i].fd = fds[i];
		w[i].events = CURL_WAIT_POLLIN;
		w[i].revents = 0;
	}
	if (curl_multi_poll(m, n > 0 ? w : NULL, (unsigned)n, 100, NULL) != CURLM_OK)
		return -1;
	if (others == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (w[i].revents != 0)
			fds[ready++] = w[i].fd;
	others->serve(others->arg, fds, ready);
	return 0;
}

/*
 * curl_easy_perform, but through a multi handle polled every 100 ms, so a
 * cancel is noticed at once (the progress callback alone runs only about
 * once a second on an idle connection), and so is a server that stops
 * sending in any state: connected or not, before the status line or in
 * the middle of the body, no byte for stall_ms ends the request.
 */
static CURLcode
perform(CURL *c, struct transfer *t)
{
	CURLM *m;
	CURLMsg *msg;
	CURLMcode mc;
	CURLcode rc = CURLE_OK;
	int running = 1, left;

	m = curl_multi_init();
	if (m == NULL)
		return CURLE_OUT_OF_MEMORY;
	if (curl_multi_add_handle(m, c) != CURLM_OK) {
		curl_multi_cleanup(m);
		return CURLE_OUT_OF_MEMORY;
	}
	for (;;) {
		mc = curl_multi_perform(m, &running);
		if (mc != CURLM_OK) {
			rc = CURLE_OUT_OF_MEMORY;
			break;
		}
		if (running == 0) {
			while ((msg = curl_multi_info_read(m, &left)) != NULL)
				if (msg->msg == CURLMSG_DONE)
					rc = msg->data.result;
			break;
		}
		if (t->req->cancel != NULL &&
		    __atomic_load_n(t->req->cancel, __ATOMIC_ACQUIRE)) {
			t->cancelled = true;
			rc = CURLE_ABORTED_BY_CALLBACK;
			break;
		}
		if (now_us() - t->last_byte_us >= (int64_t)t->stall_ms * 1000) {
			t->stalled = true;
			rc = CURLE_OPERATION_TIMEDOUT;
			break;
		}
		if (wait_and_serve(m, t->req->others) < 0) {
			rc = CURLE_OUT_OF_MEMORY;
			break;
		}
	}
	curl_multi_remove_handle(m, c);
	curl_multi_cleanup(m);
	return rc;
}

bool
http_status_retryable(long status)
{
	return status == 408 || status == 429 || status >= 500;
}

/* Failures that a retry cannot heal: the certificate, the URL, the size. */
bool
http_curl_permanent(int code)
{
	CURLcode rc = (CURLcode)code;

	switch (rc) {
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_FILESIZE_EXCEEDED:
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
		return true;
	default:
		return false;
	}
}

/* The TCP connection is up (the request went out). */
static bool
connected(CURL *c)
{
	curl_off_t t = 0;

	return curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &t) == CURLE_OK && t > 0;
}

/* curl's message, unless it could hold the query of the URL. */
static const char *
safe_error(const char *errbuf, CURLcode rc, const char *url)
{
	const char *q = strchr(url, '?');

	if (errbuf[0] == '\0' || (q != NULL && strstr(errbuf, q + 1) != NULL) ||
	    strchr(errbuf, '?') != NULL)
		return curl_easy_strerror(rc);
	return errbuf;
}

int
http_perform(const struct http_request *req, struct http_response *resp,
    char **cause)
{
	struct transfer t;
	struct curl_slist *hdrs = NULL, *n;
	char errbuf[CURL_ERROR_SIZE], logurl[512];
	CURL *c;
	CURLcode rc;
	long timeout, code = 0;
	size_t i;
	int ret = 0;

	memset(resp, 0, sizeof *resp);
	resp->retry_after = -1;
	pthread_once(&curl_once, curl_init);
	if (curl_init_rc != CURLE_OK)
		return cs_set_cause(cause, "cannot initialise libcurl");
	if (req->url == NULL)
		return cs_set_cause(cause, "no URL");
	http_url_for_log(req->url, logurl, sizeof logurl);
	c = curl_easy_init();
	if (c == NULL)
		return cs_set_cause(cause, "cannot create an HTTP handle");

	memset(&t, 0, sizeof t);
	t.curl = c;
	t.req = req;
	t.resp = resp;
	t.max_body = req->max_body != 0 ? req->max_body : HTTP_MAX_BODY;
	timeout = req->timeout_ms > 0 ? req->timeout_ms : HTTP_DEFAULT_TIMEOUT_MS;
	t.stall_ms = req->stall_ms > 0 ? req->stall_ms : HTTP_STALL_MS;
	t.last_byte_us = now_us();
	errbuf[0] = '\0';

	for (i = 0; req->headers != NULL && req->headers[i] != NULL && i < HTTP_MAX_HEADERS; i++) {
		n = curl_slist_append(hdrs, req->headers[i]);
		if (n == NULL) {
			cs_set_cause(cause, "out of memory");
			ret = -1;
			goto out;
		}
		hdrs = n;
	}

	curl_easy_setopt(c, CURLOPT_URL, req->url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	/* The ShotTracker signature names HTTP/1.1: never negotiate h2. */
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, req->follow_redirects ? 1L : 0L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
	    timeout < HTTP_CONNECT_TIMEOUT_MS ? timeout : HTTP_CONNECT_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, req->insecure ? 0L : 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, req->insecure ? 0L : 2L);
	if (req->cacert != NULL)
		curl_easy_setopt(c, CURLOPT_CAINFO, req->cacert);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t.max_body);
	if (req->method != NULL && strcmp(req->method, "GET") != 0) {
		if (strcmp(req->method, "HEAD") == 0)
			curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
		else
			curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
	}
	if (req->body != NULL) {
		/* the size first: the body is JSON, never taken as a C string */
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
	}
	if (hdrs != NULL)
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);

	rc = perform(c, &t);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	resp->status = code;
	if (t.too_big || t.cancelled || t.refused || rc != CURLE_OK) {
		ret = -1;
		if (t.refused)
			cs_set_cause(cause, "%s: the body's reader stopped it", logurl);
		else if (t.too_big || rc == CURLE_FILESIZE_EXCEEDED)
			cs_set_cause(cause, "%s: the response is larger than %zu bytes",
			    logurl, t.max_body);
		else if (t.cancelled || rc == CURLE_ABORTED_BY_CALLBACK)
			cs_set_cause(cause, "%s: cancelled", logurl);
		else if (t.stalled)
			cs_set_cause(cause, "%s: no data for %g s (%s)", logurl,
			    (double)t.stall_ms / 1000, code != 0 ? "in the body" :
			    connected(c) ? "no answer" : "connecting");
		else if (rc == CURLE_OPERATION_TIMEDOUT)
			cs_set_cause(cause, "%s: no answer within %ld s", logurl,
			    (timeout + 999) / 1000);
		else   /* curl's own words, which cs_set_cause strips */
			cs_set_cause(cause, "%s: %s", logurl, safe_error(errbuf, rc, req->url));
	}
	if (ret == 0 && resp->body == NULL) {
		resp->body = calloc(1, 1);
		if (resp->body == NULL) {
			cs_set_cause(cause, "out of memory");
			ret = -1;
		}
	}
	if (ret != 0) {
		long status = resp->status;
		size_t received = resp->received;

		http_response_free(resp);
		resp->status = status;
		resp->received = received;
		resp->body_refused = t.refused;
		resp->permanent = t.too_big || http_curl_permanent((int)rc);
	}
out:
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(c);
	return ret;
}

void
http_response_free(struct http_response *resp)
{
	if (resp == NULL)
		return;
	free(resp->body);
	free(resp->location);
	memset(resp, 0, sizeof *resp);
	resp->retry_after = -1;
}

int
http_split_url(const char *url, char *host, size_t hsize, int *port,
    char *path, size_t psize, bool *tls)
{
	const char *p, *hstart, *hend, *pstart, *at;
	size_t schemelen, hlen;
	long v;
	char *end;

	if (url == NULL)
		return -1;
	p = strstr(url, "://");
	if (p == NULL)
		return -1;
	schemelen = (size_t)(p - url);
	if (schemelen == 5 && strncasecmp(url, "https", 5) == 0)
		*tls = true, *port = 443;
	else if (schemelen == 4 && strncasecmp(url, "http", 4) == 0)
		*tls = false, *port = 80;
	else if (schemelen == 3 && strncasecmp(url, "wss", 3) == 0)
		*tls = true, *port = 443;
	else if (schemelen == 2 && strncasecmp(url, "ws", 2) == 0)
		*tls = false, *port = 80;
	else
		return -1;
	hstart = p + 3;
	pstart = hstart + strcspn(hstart, "/?#");
	/* user:password@ is dropped */
	at = memchr(hstart, '@', (size_t)(pstart - hstart));
	if (at != NULL)
		hstart = at + 1;
	if (*hstart == '[') {            /* [::1]:8080 */
		hend = memchr(hstart, ']', (size_t)(pstart - hstart));
		if (hend == NULL)
			return -1;
		hstart++;
		p = hend + 1;
	} else {
		hend = memchr(hstart, ':', (size_t)(pstart - hstart));
		if (hend == NULL)
			hend = pstart;
		p = hend;
	}
	hlen = (size_t)(hend - hstart);
	if (hlen == 0 || hlen >= hsize)
		return -1;
	memcpy(host, hstart, hlen);
	host[hlen] = '\0';
	if (p < pstart) {
		if (*p != ':' || p + 1 == pstart)
			return -1;
		v = strtol(p + 1, &end, 10);
		if (end != pstart || v <= 0 || v > 65535)
			return -1;
		*port = (int)v;
	}
	if (*pstart == '\0' || *pstart == '#') {
		if (psize < 2)
			return -1;
		cs_strlcpy(path, "/", psize);
	} else if (*pstart == '?') {
		if (snprintf(path, psize, "/%.*s", (int)strcspn(pstart, "#"), pstart) >= (int)psize)
			return -1;
	} else {
		if (strcspn(pstart, "#") >= psize)
			return -1;
		cs_strlcpy(path, pstart, strcspn(pstart, "#") + 1);
	}
	for (p = host; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && strchr(".-_:", *p) == NULL)
			return -1;
	return 0;
}

const char *
http_url_for_log(const char *url, char *buf, size_t size)
{
	const char *hstart, *at, *p;
	size_t n, o = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (url == NULL)
		return buf;
	/* drop user:password@ and everything from '?' or '#' */
	p = strstr(url, "://");
	hstart = p != NULL ? p + 3 : url;
	n = (size_t)(hstart - url);
	if (n >= size)
		n = size - 1;
	memcpy(buf, url, n);
	o = n;
	at = hstart + strcspn(hstart, "/?#@");
	if (*at == '@')
		hstart = at + 1;
	n = strcspn(hstart, "?#");
	if (o + n >= size)
		n = size - 1 - o;
	memcpy(buf + o, hstart, n);
	buf[o + n] = '\0';
	return buf;
}

/* --- a stream (the push feed) --- */

#define HTTP_STREAM_POLL_MS 200

struct http_stream {
	CURLM *multi;            /* kept between streams: http_stream_wake's handle */
	const struct http_stream_handlers *h;
	void *arg;
	struct http_stream_result *res;
	char ctype[80];
	bool opened;
	int64_t last_byte_us;
	CURL *easy;              /* the transfer in progress, NULL between */
};

struct http_stream *
http_stream_new(void)
{
	struct http_stream *hs;

	pthread_once(&curl_once, curl_init);
	if (curl_init_rc != CURLE_OK)
		return NULL;
	hs = calloc(1, sizeof *hs);
	if (hs == NULL)
		return NULL;
	hs->multi = curl_multi_init();
	if (hs->multi == NULL) {
		free(hs);
		return NULL;
	}
	return hs;
}

void
http_stream_free(struct http_stream **hsp)
{
	if (hsp == NULL || *hsp == NULL)
		return;
	curl_multi_cleanup((*hsp)->multi);
	free(*hsp);
	*hsp = NULL;
}

void
http_stream_wake(struct http_stream *hs)
{
	if (hs != NULL)
		curl_multi_wakeup(hs->multi);
}

int64_t
http_stream_last_byte_us(const struct http_stream *hs)
{
	return hs->last_byte_us;
}

static void
stream_open(struct http_stream *hs)
{
	if (hs->opened)
		return;
	hs->opened = true;
	if (hs->h->on_open != NULL)
		hs->h->on_open(hs->arg);
}

static size_t
on_stream_body(char *data, size_t size, size_t nmemb, void *arg)
{
	struct http_stream *hs = arg;
	struct http_stream_result *r = hs->res;
	size_t n = size * nmemb, room;

	if (r->status != 200) {
		/* keep the start of an error body for the message */
		room = sizeof r->error_body - 1 - r->error_len;
		if (n < room)
			room = n;
		memcpy(r->error_body + r->error_len, data, room);
		r->error_len += room;
		r->error_body[r->error_len] = '\0';
		return n;
	}
	hs->last_byte_us = now_us();
	stream_open(hs);
	hs->h->on_data(hs->arg, data, n);
	return n;
}

bool
http_stream_header(const char *line, size_t len, long *code, char *ctype,
    size_t csize, char *reqid, size_t rsize)
{
	size_t i;
	char buf[128];

	if (len > 9 && strncmp(line, "HTTP/", 5) == 0) {
		/* "HTTP/1.1 200 OK", not NUL-terminated: strtol reads a copy */
		const char *sp = memchr(line, ' ', len);

		i = sp != NULL ? len - (size_t)(sp + 1 - line) : 0;
		if (i >= sizeof buf)
			i = sizeof buf - 1;
		if (i > 0)
			memcpy(buf, sp + 1, i);
		buf[i] = '\0';
		*code = sp != NULL ? strtol(buf, NULL, 10) : 0;
		ctype[0] = reqid[0] = '\0';
		return false;
	}
	if ((len == 2 && line[0] == '\r') || (len == 1 && line[0] == '\n'))
		return true;   /* the end of the headers */
	if (len >= sizeof buf)
		return false;
	memcpy(buf, line, len);
	buf[len] = '\0';
	while (len > 0 && (buf[len - 1] == '\r' || buf[len - 1] == '\n'))
		buf[--len] = '\0';
	for (i = 0; i < len && buf[i] != ':'; i++)
		;
	if (i == len)
		return false;
	buf[i] = '\0';
	for (i++; buf[i] == ' '; i++)
		;
	if (strcasecmp(buf, "content-type") == 0)
		cs_sanitize(ctype, buf + i, csize);
	else if (strcasecmp(buf, "x-request-id") == 0 || strcasecmp(buf, "request-id") == 0)
		cs_sanitize(reqid, buf + i, rsize);
	return false;
}

static size_t
on_stream_header(char *line, size_t size, size_t nmemb, void *arg)
{
	struct http_stream *hs = arg;
	struct http_stream_result *r = hs->res;

	hs->last_byte_us = now_us();
	/* at the end of the headers a 200 is up (a frozen game sends only
	 * heartbeats, maybe nothing for a while) */
	if (http_stream_header(line, size * nmemb, &r->status, hs->ctype, sizeof hs->ctype,
	    r->request_id, sizeof r->request_id) && r->status == 200)
		stream_open(hs);
	return size * nmemb;
}

static CURL *
stream_handle(struct http_stream *hs, const struct http_request *req)
{
	CURL *c = curl_easy_init();

	if (c == NULL)
		return NULL;
	curl_easy_setopt(c, CURLOPT_URL, req->url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, HTTP_CONNECT_TIMEOUT_MS);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, req->insecure ? 0L : 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, req->insecure ? 0L : 2L);
	if (req->cacert != NULL)
		curl_easy_setopt(c, CURLOPT_CAINFO, req->cacert);
	curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_stream_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, hs);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_stream_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, hs);
	curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
	/* no overall timeout: the stream stays open for the whole game */
	return c;
}

/* The transfer is over: how. */
static void
stream_done(struct http_stream *hs, CURLcode result)
{
	struct http_stream_result *r = hs->res;

	r->end = HTTP_STREAM_DONE;
	r->curl_code = (int)result;
	r->curl_error = curl_easy_strerror(result);
	r->permanent = http_curl_permanent((int)result);
}

/* The loop: 0, or -1 with *cause when libcurl itself failed. */
static int
stream_loop(struct http_stream *hs, long stall_ms, char **cause)
{
	CURLMsg *msg;
	int running = 1, left;
	int64_t quiet;

	for (;;) {
		if (curl_multi_perform(hs->multi, &running) != CURLM_OK)
			return cs_set_cause(cause, "the stream failed inside libcurl");
		while ((msg = curl_multi_info_read(hs->multi, &left)) != NULL)
			if (msg->msg == CURLMSG_DONE) {
				stream_done(hs, msg->data.result);
				return 0;
			}
		switch (hs->h->on_tick(hs->arg)) {
		case HTTP_STREAM_STOP:
			hs->res->end = HTTP_STREAM_STOPPED;
			return 0;
		case HTTP_STREAM_READ_AGAIN:
			continue;
		case HTTP_STREAM_GO_ON:
			break;
		}
		quiet = now_us() - hs->last_byte_us;
		if (quiet > (int64_t)stall_ms * 1000) {
			hs->res->end = HTTP_STREAM_SILENT;
			hs->res->silent_s = (double)quiet / 1e6;
			return 0;
		}
		if (curl_multi_poll(hs->multi, NULL, 0, HTTP_STREAM_POLL_MS, NULL) != CURLM_OK)
			return cs_set_cause(cause, "the stream failed inside libcurl");
	}
}

int
http_stream(struct http_stream *hs, const struct http_request *req,
    const struct http_stream_handlers *h, void *arg, struct http_stream_result *res,
    char **cause)
{
	CURL *c;
	int rc;

	memset(res, 0, sizeof *res);
	hs->h = h;
	hs->arg = arg;
	hs->res = res;
	hs->opened = false;
	hs->last_byte_us = now_us();
	c = stream_handle(hs, req);
	if (c == NULL)
		return cs_set_cause(cause, "cannot create an HTTP handle");
	if (curl_multi_add_handle(hs->multi, c) != CURLM_OK) {
		curl_easy_cleanup(c);
		return cs_set_cause(cause, "cannot start the stream");
	}
	hs->easy = c;
	rc = stream_loop(hs, req->stall_ms > 0 ? req->stall_ms : HTTP_STALL_MS, cause);
	hs->easy = NULL;
	curl_multi_remove_handle(hs->multi, c);
	curl_easy_cleanup(c);
	return rc;
}

static int
stream_fds(void *arg, int *fds, int max)
{
	struct http_stream *hs = arg;
	curl_socket_t sock = CURL_SOCKET_BAD;

	if (hs == NULL || hs->easy == NULL || max < 1 ||
	    curl_easy_getinfo(hs->easy, CURLINFO_ACTIVESOCKET, &sock) != CURLE_OK ||
	    sock == CURL_SOCKET_BAD)
		return 0;
	fds[0] = (int)sock;
	return 1;
}

static void
stream_serve(void *arg, const int *ready, int n)
{
	struct http_stream *hs = arg;
	int running;

	(void)ready;
	(void)n;
	/* what came goes to on_data; the end of the transfer, if it came,
	 * stays in the multi handle for the stream's own loop to read */
	if (hs != NULL && hs->easy != NULL)
		(void)curl_multi_perform(hs->multi, &running);
}

void
http_stream_others(struct http_stream *hs, struct http_others *others)
{
	others->fds = stream_fds;
	others->serve = stream_serve;
	others->arg = hs;
}
