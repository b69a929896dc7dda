/* A host name lookup with a deadline (resolve.h). */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "net/resolve.h"
#include "util.h"

#define RESOLVE_SLICE_MS 100    /* how often a wait looks at *cancel */
#define RESOLVE_HOST_MAX 256

/* One lookup, shared by the caller and its thread: the last one out frees it. */
struct lookup {
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	int refs;
	bool done;
	int rc;                         /* getaddrinfo's */
	char host[RESOLVE_HOST_MAX];
	char addr[RESOLVE_ADDR_MAX];
	bool test_dns;
	struct sockaddr_in test_server;
};

static void
lookup_release(struct lookup *lk)
{
	bool last;

	pthread_mutex_lock(&lk->lock);
	last = --lk->refs == 0;
	pthread_mutex_unlock(&lk->lock);
	if (!last)
		return;
	pthread_cond_destroy(&lk->done_cv);
	pthread_mutex_destroy(&lk->lock);
	free(lk);
}

/* Tests only: this thread's resolver asks one loopback server, and waits
 * long for it, so that a server that never answers outlasts any deadline. */
static void
use_test_server(const struct lookup *lk)
{
	res_init();
	_res.nscount = 1;
	_res.nsaddr_list[0] = lk->test_server;
	_res.retrans = 60;
	_res.retry = 1;
}

static void *
lookup_run(void *arg)
{
	struct lookup *lk = arg;
	struct addrinfo hints, *res = NULL;
	char addr[RESOLVE_ADDR_MAX] = "";
	int rc;

	if (lk->test_dns)
		use_test_server(lk);
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(lk->host, NULL, &hints, &res);
	if (rc == 0 && getnameinfo(res->ai_addr, res->ai_addrlen, addr, sizeof addr,
	    NULL, 0, NI_NUMERICHOST) != 0)
		rc = EAI_FAIL;
	if (res != NULL)
		freeaddrinfo(res);
	pthread_mutex_lock(&lk->lock);
	lk->rc = rc;
	cs_strlcpy(lk->addr, addr, sizeof lk->addr);
	lk->done = true;
	pthread_cond_signal(&lk->done_cv);
	pthread_mutex_unlock(&lk->lock);
	lookup_release(lk);
	return NULL;
}

/* CS_TEST_DNS_SERVER: "127.0.0.1:PORT" only (never another address). */
static int
test_server_from_env(struct lookup *lk, char **cause)
{
	const char *v = getenv("CS_TEST_DNS_SERVER");
	char ip[32], *end;
	const char *colon;
	long port;

	if (v == NULL || *v == '\0')
		return 0;
	colon = strrchr(v, ':');
	if (colon == NULL || (size_t)(colon - v) >= sizeof ip)
		return cs_set_cause(cause, "CS_TEST_DNS_SERVER must be 127.0.0.1:PORT");
	memcpy(ip, v, (size_t)(colon - v));
	ip[colon - v] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (strcmp(ip, "127.0.0.1") != 0 || *end != '\0' || port <= 0 || port > 65535)
		return cs_set_cause(cause, "CS_TEST_DNS_SERVER must be 127.0.0.1:PORT");
	lk->test_dns = true;
	lk->test_server.sin_family = AF_INET;
	lk->test_server.sin_port = htons((uint16_t)port);
	lk->test_server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return 0;
}

static bool
is_numeric(const char *host)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, host, buf) == 1 || inet_pton(AF_INET6, host, buf) == 1;
}

static struct lookup *
lookup_new(const char *host, char **cause)
{
	struct lookup *lk;
	pthread_condattr_t ca;

	lk = calloc(1, sizeof *lk);
	if (lk == NULL) {
		cs_set_cause(cause, "out of memory");
		return NULL;
	}
	if (test_server_from_env(lk, cause) < 0) {
		free(lk);
		return NULL;
	}
	cs_strlcpy(lk->host, host, sizeof lk->host);
	pthread_mutex_init(&lk->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&lk->done_cv, &ca);
	pthread_condattr_destroy(&ca);
	lk->refs = 2;      /* the caller and the thread */
	return lk;
}

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for the thread, a slice at a time; false at the deadline or cancel. */
static bool
lookup_wait(struct lookup *lk, long timeout_ms, volatile const bool *cancel)
{
	int64_t deadline = mono_ms() + timeout_ms, now, until;
	struct timespec ts;
	bool done;

	pthread_mutex_lock(&lk->lock);
	while (!lk->done) {
		now = mono_ms();
		if (now >= deadline ||
		    (cancel != NULL && __atomic_load_n(cancel, __ATOMIC_ACQUIRE)))
			break;
		until = now + RESOLVE_SLICE_MS < deadline ? now + RESOLVE_SLICE_MS : deadline;
		ts.tv_sec = (time_t)(until / 1000);
		ts.tv_nsec = (long)(until % 1000) * 1000000;
		pthread_cond_timedwait(&lk->done_cv, &lk->lock, &ts);
	}
	done = lk->done;
	pthread_mutex_unlock(&lk->lock);
	return done;
}

int
resolve_host(const char *host, long timeout_ms, volatile const bool *cancel,
    char *addr, size_t size, char **cause)
{
	struct lookup *lk;
	pthread_attr_t attr;
	pthread_t tid;
	int rc;

	if (host == NULL || *host == '\0' || strlen(host) >= RESOLVE_HOST_MAX)
		return cs_set_cause(cause, "no host name to resolve");
	if (is_numeric(host)) {
		cs_strlcpy(addr, host, size);
		return 0;
	}
	lk = lookup_new(host, cause);
	if (lk == NULL)
		return -1;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&tid, &attr, lookup_run, lk);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		lk->refs = 1;
		lookup_release(lk);
		return cs_set_cause(cause, "cannot resolve %s: %s", host, strerror(rc));
	}
	if (!lookup_wait(lk, timeout_ms, cancel))
		rc = cancel != NULL && __atomic_load_n(cancel, __ATOMIC_ACQUIRE) ?
		    cs_set_cause(cause, "resolving %s: cancelled", host) :
		    cs_set_cause(cause, "could not resolve %s within %.1f s", host,
		    (double)timeout_ms / 1000);
	else if (lk->rc != 0)
		rc = cs_set_cause(cause, "cannot resolve %s: %s", host, gai_strerror(lk->rc));
	else {
		cs_strlcpy(addr, lk->addr, size);
		rc = 0;
	}
	lookup_release(lk);
	return rc;
}
