/*
 * http.c against a tiny loopback server defined here (one thread, one
 * connection at a time, canned answers by path): status, headers, redirects,
 * the body cap, timeouts, cancellation, and causes that never leak a query.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/feed.h"
#include "net/http.h"
#include "tap.h"

static int listen_fd = -1, port;
static bool server_stop;
static char last_request[4096];   /* guarded by req_lock */
static pthread_mutex_t req_lock = PTHREAD_MUTEX_INITIALIZER;

static void
send_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = send(fd, p, n, MSG_NOSIGNAL);
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void
respond(int fd, const char *status, const char *headers, const char *body, size_t blen)
{
	char head[1024];
	int n;

	n = snprintf(head, sizeof head, "HTTP/1.1 %s\r\n%sContent-Length: %zu\r\n"
	    "Connection: close\r\n\r\n", status, headers, blen);
	send_all(fd, head, (size_t)n);
	send_all(fd, body, blen);
}

/* Waits up to ms, returning early when the client closes. */
static void
linger_until_closed(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[256];

	while (ms > 0 && !__atomic_load_n(&server_stop, __ATOMIC_ACQUIRE)) {
		if (poll(&p, 1, 50) == 1 && recv(fd, buf, sizeof buf, 0) <= 0)
			return;
		ms -= 50;
	}
}

/* The rest of a body announced by Content-Length (a PUT), into req. */
static void
read_body(int fd, char *req, size_t *n, size_t size)
{
	const char *cl = strstr(req, "Content-Length: "), *end = strstr(req, "\r\n\r\n");
	size_t want;
	ssize_t r;

	if (cl == NULL || end == NULL)
		return;
	want = (size_t)(end + 4 - req) + strtoul(cl + 16, NULL, 10);
	while (*n < want && *n < size - 1) {
		r = recv(fd, req + *n, size - 1 - *n, 0);
		if (r <= 0)
			return;
		*n += (size_t)r;
		req[*n] = '\0';
	}
}

static void
serve(int fd)
{
	char req[4096], path[512];
	size_t n = 0;
	ssize_t r;
	char *big;

	while (n < sizeof req - 1) {
		r = recv(fd, req + n, sizeof req - 1 - n, 0);
		if (r <= 0)
			return;
		n += (size_t)r;
		req[n] = '\0';
		if (strstr(req, "\r\n\r\n") != NULL)
			break;
	}
	read_body(fd, req, &n, sizeof req);
	pthread_mutex_lock(&req_lock);
	memcpy(last_request, req, n + 1);
	pthread_mutex_unlock(&req_lock);
	if (sscanf(req, "%*s %511s", path) != 1)
		return;
	if (strncmp(path, "/ok", 3) != 0)
		path[strcspn(path, "?")] = '\0';
	if (strncmp(path, "/ok", 3) == 0)
		respond(fd, "200 OK", "Content-Type: application/json\r\nX-Request-Id: req-42\r\n",
		    "{\"ok\":true}", 11);
	else if (strcmp(path, "/redirect") == 0)
		respond(fd, "302 Found", "Location: /ok?from=redirect\r\n", "", 0);
	else if (strcmp(path, "/busy") == 0)
		respond(fd, "429 Too Many Requests", "Retry-After: 7\r\n", "slow down", 9);
	else if (strcmp(path, "/error") == 0)
		respond(fd, "500 Internal Server Error", "Content-Type: application/json\r\n",
		    "{\"status\":500}", 14);
	else if (strcmp(path, "/big") == 0 || strcmp(path, "/bigchunked") == 0) {
		big = malloc(2u << 20);
		memset(big, 'x', 2u << 20);
		if (strcmp(path, "/big") == 0)
			respond(fd, "200 OK", "", big, 2u << 20);
		else {
			/* no Content-Length: only the write callback can stop it */
			const char *h = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n";
			send_all(fd, h, strlen(h));
			send_all(fd, big, 2u << 20);
		}
		free(big);
	} else if (strcmp(path, "/silent") == 0) {
		/* the request is read, and never answered */
		linger_until_closed(fd, 10000);
	} else if (strcmp(path, "/slow") == 0) {
		const char *h = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nab";
		send_all(fd, h, strlen(h));
		linger_until_closed(fd, 10000);
	} else
		respond(fd, "404 Not Found", "", "", 0);
}

static void *
server_main(void *arg)
{
	struct pollfd p;
	int fd;

	(void)arg;
	while (!__atomic_load_n(&server_stop, __ATOMIC_ACQUIRE)) {
		p.fd = listen_fd;
		p.events = POLLIN;
		if (poll(&p, 1, 100) != 1)
			continue;
		fd = accept(listen_fd, NULL, NULL);
		if (fd < 0)
			continue;
		serve(fd);
		close(fd);
	}
	return NULL;
}

static int
server_start(pthread_t *th)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	int one = 1;

	listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(listen_fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(listen_fd, 8) < 0)
		return -1;
	getsockname(listen_fd, (struct sockaddr *)&a, &len);
	port = ntohs(a.sin_port);
	return pthread_create(th, NULL, server_main, NULL);
}

static void
url(char *buf, size_t size, const char *path)
{
	snprintf(buf, size, "http://127.0.0.1:%d%s", port, path);
}

static void
test_split(void)
{
	char host[64], path[64], log[128];
	int p;
	bool tls;

	ok(http_split_url("https://api.shottracker.com/v1/data/x?token=abc", host,
	    sizeof host, &p, path, sizeof path, &tls) == 0, "split https");
	is_str(host, "api.shottracker.com", "host");
	is_int(p, 443, "default https port");
	is_str(path, "/v1/data/x?token=abc", "path keeps the query");
	ok(tls, "https is TLS");
	ok(http_split_url("ws://127.0.0.1:8080", host, sizeof host, &p, path,
	    sizeof path, &tls) == 0 && p == 8080 && !tls && strcmp(path, "/") == 0 &&
	    strcmp(host, "127.0.0.1") == 0, "ws with port, empty path");
	ok(http_split_url("wss://[::1]:9/live?x=1", host, sizeof host, &p, path,
	    sizeof path, &tls) == 0 && p == 9 && tls && strcmp(host, "::1") == 0 &&
	    strcmp(path, "/live?x=1") == 0, "IPv6 literal");
	ok(http_split_url("http://u:pw@h.example/p", host, sizeof host, &p, path,
	    sizeof path, &tls) == 0 && strcmp(host, "h.example") == 0 && p == 80,
	    "userinfo dropped");
	ok(http_split_url("http://h?q=1", host, sizeof host, &p, path, sizeof path,
	    &tls) == 0 && strcmp(path, "/?q=1") == 0, "query without a path");
	ok(http_split_url("ftp://h/p", host, sizeof host, &p, path, sizeof path, &tls) < 0,
	    "ftp refused");
	ok(http_split_url("http://h:99999/p", host, sizeof host, &p, path, sizeof path,
	    &tls) < 0, "port out of range");
	ok(http_split_url("http://h:/p", host, sizeof host, &p, path, sizeof path,
	    &tls) < 0, "empty port");
	ok(http_split_url("http:///p", host, sizeof host, &p, path, sizeof path,
	    &tls) < 0, "empty host");
	ok(http_split_url("http://bad host/p", host, sizeof host, &p, path, sizeof path,
	    &tls) < 0, "space in host");
	ok(http_split_url("no-scheme", host, sizeof host, &p, path, sizeof path,
	    &tls) < 0, "no scheme");
	ok(http_split_url("http://h/0123456789012345678901234567890123456789012345678901234567890123456789",
	    host, sizeof host, &p, path, sizeof path, &tls) < 0, "path overflow refused");

	is_str(http_url_for_log("wss://h:1/live/v2/games?token=SECRET&last_seq=3", log,
	    sizeof log), "wss://h:1/live/v2/games", "log URL drops the query");
	is_str(http_url_for_log("https://user:pw@h/x#frag", log, sizeof log),
	    "https://h/x", "log URL drops userinfo and fragment");
	is_str(http_url_for_log("https://h/abcdefgh", log, 12), "https://h/a",
	    "log URL truncated to the buffer");
}

static void
test_requests(void)
{
	struct http_request req;
	struct http_response resp;
	char u[256], *cause = NULL, reqcopy[4096];
	const char *headers[] = { "Date: Tue, 03 Mar 2026 12:00:00 GMT",
	    "Authorization: hmac username=\"u\",signature=\"SIGSECRET\"", NULL };
	int rc;

	memset(&req, 0, sizeof req);
	url(u, sizeof u, "/ok?token=QUERYSECRET");
	req.url = u;
	req.headers = headers;
	rc = http_perform(&req, &resp, &cause);
	is_int(rc, 0, "GET /ok");
	is_int(resp.status, 200, "status 200");
	is_str(resp.body, "{\"ok\":true}", "body");
	is_int(resp.len, 11, "length");
	is_str(resp.request_id, "req-42", "x-request-id captured");
	is_str(resp.content_type, "application/json", "content type");
	is_int(resp.retry_after, -1, "no Retry-After");
	pthread_mutex_lock(&req_lock);
	memcpy(reqcopy, last_request, sizeof reqcopy);
	pthread_mutex_unlock(&req_lock);
	ok(strncmp(reqcopy, "GET /ok?token=QUERYSECRET HTTP/1.1\r\n", 36) == 0,
	    "HTTP/1.1 request line");
	ok(strstr(reqcopy, "\r\nDate: Tue, 03 Mar 2026 12:00:00 GMT\r\n") != NULL &&
	    strstr(reqcopy, "signature=\"SIGSECRET\"") != NULL, "headers sent");
	http_response_free(&resp);
	ok(resp.body == NULL, "free clears");

	url(u, sizeof u, "/redirect");
	rc = http_perform(&req, &resp, &cause);
	ok(rc == 0 && resp.status == 302 && resp.location != NULL &&
	    strcmp(resp.location, "/ok?from=redirect") == 0,
	    "3xx comes back with Location when not following");
	http_response_free(&resp);
	req.follow_redirects = true;
	rc = http_perform(&req, &resp, &cause);
	ok(rc == 0 && resp.status == 200 && resp.location == NULL &&
	    strcmp(resp.request_id, "req-42") == 0, "redirect followed; headers of the last response");
	http_response_free(&resp);
	req.follow_redirects = false;

	url(u, sizeof u, "/busy");
	rc = http_perform(&req, &resp, &cause);
	ok(rc == 0 && resp.status == 429 && resp.retry_after == 7, "429 with Retry-After 7");
	http_response_free(&resp);

	url(u, sizeof u, "/error");
	rc = http_perform(&req, &resp, &cause);
	ok(rc == 0 && resp.status == 500 && strcmp(resp.body, "{\"status\":500}") == 0,
	    "5xx is a response, not a transport failure");
	http_response_free(&resp);

	url(u, sizeof u, "/missing");
	rc = http_perform(&req, &resp, &cause);
	ok(rc == 0 && resp.status == 404 && resp.body != NULL && resp.len == 0,
	    "404 with an empty body gets an empty string");
	http_response_free(&resp);

	url(u, sizeof u, "/big");
	req.max_body = 1u << 20;
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && cause != NULL && strstr(cause, "larger than 1048576") != NULL,
	    "body cap (Content-Length): %s", cause ? cause : "");
	ok(resp.body == NULL, "no body kept past the cap");
	ok(resp.permanent, "an oversized body is a failure not worth retrying");
	free(cause);
	cause = NULL;
	url(u, sizeof u, "/bigchunked");
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && cause != NULL && strstr(cause, "larger than") != NULL,
	    "body cap (no Content-Length): %s", cause ? cause : "");
	free(cause);
	cause = NULL;
	req.max_body = 0;

	url(u, sizeof u, "/slow?token=QUERYSECRET");
	req.timeout_ms = 600;
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && cause != NULL && strstr(cause, "no answer within 1 s") != NULL,
	    "timeout: %s", cause ? cause : "");
	ok(cause != NULL && strstr(cause, "QUERYSECRET") == NULL &&
	    strstr(cause, "/slow") != NULL, "the cause names the path, not the query");
	free(cause);
	cause = NULL;
	req.timeout_ms = 0;
}

struct canceller {
	bool flag;
};

static void *
cancel_later(void *arg)
{
	struct canceller *c = arg;

	usleep(300000);
	__atomic_store_n(&c->flag, true, __ATOMIC_RELEASE);
	return NULL;
}

static void
test_cancel(void)
{
	struct http_request req;
	struct http_response resp;
	struct canceller c = { false };
	char u[256], *cause = NULL;
	pthread_t th;
	int64_t t0, took;
	int rc;

	memset(&req, 0, sizeof req);
	url(u, sizeof u, "/slow");
	req.url = u;
	req.cancel = &c.flag;
	pthread_create(&th, NULL, cancel_later, &c);
	t0 = cs_now_us();
	rc = http_perform(&req, &resp, &cause);
	took = cs_now_us() - t0;
	pthread_join(th, NULL);
	ok(rc < 0 && cause != NULL && strstr(cause, "cancelled") != NULL, "cancelled: %s",
	    cause ? cause : "");
	/* noticed, not waited out: the request alone would run 30 s */
	ok(took < 20000000, "cancel noticed before the request's own timeout (%lld ms)",
	    (long long)(took / 1000));
	free(cause);
}

/* The thread's other sockets (http_others, a league's games): a pipe
 * holding one game's frame before the request starts.  While the request
 * waits on a server that never answers, the frame is read; its reader
 * then ends the wait (the cancel flag), so nothing here waits on a clock. */
struct other_game {
	int fd[2];
	size_t got;
	int rounds;
	bool cancel;
};

static int
other_fds(void *arg, int *fds, int max)
{
	struct other_game *o = arg;

	if (max < 1)
		return 0;
	fds[0] = o->fd[0];
	return 1;
}

static void
other_serve(void *arg, const int *ready, int n)
{
	struct other_game *o = arg;
	char buf[64];
	ssize_t r;
	int i;

	o->rounds++;
	for (i = 0; i < n; i++) {
		if (ready[i] != o->fd[0])
			continue;
		r = read(o->fd[0], buf, sizeof buf);
		if (r > 0)
			o->got += (size_t)r;
	}
	if (o->got >= 5)
		__atomic_store_n(&o->cancel, true, __ATOMIC_RELEASE);
}

static void
test_others(void)
{
	struct other_game o = { { -1, -1 }, 0, 0, false };
	struct http_others others = { other_fds, other_serve, &o };
	struct http_request req;
	struct http_response resp;
	char u[256], *cause = NULL;
	int rc;

	if (pipe(o.fd) != 0 || write(o.fd[1], "frame", 5) != 5) {
		ok(0, "a pipe for the other game");
		return;
	}
	memset(&req, 0, sizeof req);
	url(u, sizeof u, "/silent");
	req.url = u;
	req.cancel = &o.cancel;
	req.others = &others;
	rc = http_perform(&req, &resp, &cause);
	ok(o.got == 5, "another socket's frame was read while the request waited (%zu of 5 "
	    "bytes, %d rounds)", o.got, o.rounds);
	ok(rc < 0 && cause != NULL && strstr(cause, "cancelled") != NULL,
	    "... during the request, which its reader then ended: %s", cause ? cause : "");
	free(cause);
	close(o.fd[0]);
	close(o.fd[1]);
}

/* A server that stops sending, in any state, is noticed after stall_ms
 * even when the whole-request timeout is far away. */
static void
test_stall(void)
{
	struct http_request req;
	struct http_response resp;
	char u[256], *cause = NULL;
	int rc;

	memset(&req, 0, sizeof req);
	req.url = u;
	req.timeout_ms = 60000;
	req.stall_ms = 500;
	url(u, sizeof u, "/silent?token=QUERYSECRET");
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && cause != NULL && strstr(cause, "no data for 0.5 s (no answer)") != NULL,
	    "a request never answered: %s", cause ? cause : "");
	ok(!resp.permanent, "a stall is worth retrying");
	ok(cause != NULL && strstr(cause, "QUERYSECRET") == NULL, "the cause has no query");
	free(cause);
	cause = NULL;
	url(u, sizeof u, "/slow");
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && cause != NULL && strstr(cause, "no data for 0.5 s (in the body)") != NULL,
	    "a body that stops: %s", cause ? cause : "");
	free(cause);
}

static void
test_transport_failure(void)
{
	struct http_request req;
	struct http_response resp;
	char *cause = NULL;
	const char *headers[] = { "Authorization: hmac signature=\"SIGSECRET\"", NULL };
	int rc;

	memset(&req, 0, sizeof req);
	req.url = "http://127.0.0.1:1/v1/x?token=QUERYSECRET";
	req.headers = headers;
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && resp.status == 0 && cause != NULL, "connection refused fails: %s",
	    cause ? cause : "");
	ok(!resp.permanent, "and is worth retrying (the server may come back)");
	ok(cause != NULL && strstr(cause, "QUERYSECRET") == NULL &&
	    strstr(cause, "SIGSECRET") == NULL && strchr(cause, '\n') == NULL,
	    "no query, no header value, one line");
	free(cause);
	cause = NULL;
	req.url = "https://127.0.0.1:1/x";
	req.cacert = "/nonexistent/ca.pem";
	rc = http_perform(&req, &resp, &cause);
	ok(rc < 0 && cause != NULL, "https with a bad CA file fails: %s", cause ? cause : "");
	free(cause);
}

/* A PUT with a JSON body: method, length and bytes reach the server. */
static void
test_put_body(void)
{
	static const char body[] = "{\"action\":\"CLIP\",\"start\":1,\"end\":2}";
	const char *headers[] = { "Content-Type: application/json", NULL };
	struct http_request req = { .method = "PUT", .body = body,
	    .body_len = sizeof body - 1, .headers = headers };
	struct http_response resp;
	char u[256], seen[4096], *cause = NULL;

	url(u, sizeof u, "/ok/put");
	req.url = u;
	ok(http_perform(&req, &resp, &cause) == 0 && resp.status == 200, "PUT answered");
	pthread_mutex_lock(&req_lock);
	memcpy(seen, last_request, sizeof seen);
	pthread_mutex_unlock(&req_lock);
	ok(strncmp(seen, "PUT /ok/put ", 12) == 0, "the method is PUT");
	ok(strstr(seen, "Content-Length: 35\r\n") != NULL, "the body's length is sent");
	ok(strstr(seen, "\r\n\r\n{\"action\":\"CLIP\",\"start\":1,\"end\":2}") != NULL,
	    "the body is sent as is");
	http_response_free(&resp);
	free(cause);
}

int
main(void)
{
	pthread_t th;

	test_split();
	if (server_start(&th) != 0) {
		ok(0, "server starts");
		return tap_done();
	}
	test_requests();
	test_put_body();
	test_cancel();
	test_others();
	test_stall();
	test_transport_failure();
	__atomic_store_n(&server_stop, true, __ATOMIC_RELEASE);
	pthread_join(th, NULL);
	close(listen_fd);
	return tap_done();
}
