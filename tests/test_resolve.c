/*
 * resolve_host against real DNS servers on loopback, reached through the
 * test hook CS_TEST_DNS_SERVER: one that answers (the hook is real DNS,
 * not a short cut), one that never answers (the lookup is given up at its
 * deadline, with the host named), a cancel, and a hook that would leave
 * the machine (refused).
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/resolve.h"
#include "tap.h"

static int
udp_socket(int *port)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) < 0)
		return -1;
	*port = ntohs(sa.sin_port);
	return fd;
}

static void
set_server(int port)
{
	char v[32];

	snprintf(v, sizeof v, "127.0.0.1:%d", port);
	setenv("CS_TEST_DNS_SERVER", v, 1);
}

/* An answering server: A queries get 127.0.0.2, others an empty answer. */
struct responder {
	int fd;
	bool stop;              /* atomic: the test thread sets it */
	int answered;           /* read once the thread is joined */
};

static void
answer(struct responder *r, unsigned char *q, ssize_t n, struct sockaddr_in *from,
    socklen_t flen)
{
	static const unsigned char rr[] = { 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4,
	    127, 0, 0, 2 };
	unsigned char out[600];
	ssize_t qend = 12;
	bool is_a;

	while (qend < n && q[qend] != 0)
		qend += q[qend] + 1;
	qend += 5;                      /* the root label, type, class */
	if (qend > n || (size_t)qend + sizeof rr > sizeof out)
		return;
	is_a = q[qend - 4] == 0 && q[qend - 3] == 1;
	memcpy(out, q, (size_t)qend);
	out[2] = 0x81;                  /* a response, recursion desired */
	out[3] = 0x80;                  /* recursion available, no error */
	out[6] = 0;
	out[7] = is_a ? 1 : 0;          /* answers */
	memset(out + 8, 0, 4);
	if (is_a)
		memcpy(out + qend, rr, sizeof rr);
	sendto(r->fd, out, (size_t)qend + (is_a ? sizeof rr : 0), 0,
	    (struct sockaddr *)from, flen);
	r->answered++;
}

static void *
respond(void *arg)
{
	struct responder *r = arg;
	struct pollfd pfd = { .fd = r->fd, .events = POLLIN };
	unsigned char q[512];
	struct sockaddr_in from;
	socklen_t flen;
	ssize_t n;
	int rounds;

	for (rounds = 0; !__atomic_load_n(&r->stop, __ATOMIC_ACQUIRE) && rounds < 600;
	    rounds++) {   /* bounded: ~60 s */
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		flen = sizeof from;
		n = recvfrom(r->fd, q, sizeof q, 0, (struct sockaddr *)&from, &flen);
		if (n > 12)
			answer(r, q, n, &from, flen);
	}
	return NULL;
}

static void
test_answering_server(void)
{
	struct responder r = { .fd = -1 };
	pthread_t tid;
	char addr[RESOLVE_ADDR_MAX] = "", *cause = NULL;
	int port = 0, rc;

	r.fd = udp_socket(&port);
	ok(r.fd >= 0, "an answering DNS server on loopback");
	set_server(port);
	pthread_create(&tid, NULL, respond, &r);
	rc = resolve_host("scorer.courtside.test", 30000, NULL, addr, sizeof addr, &cause);
	is_int(rc, 0, "a name the server knows resolves (%s)", cause ? cause : "");
	is_str(addr, "127.0.0.2", "to the address it answered");
	__atomic_store_n(&r.stop, true, __ATOMIC_RELEASE);
	pthread_join(tid, NULL);
	ok(r.answered >= 1, "through that server (%d answers)", r.answered);
	close(r.fd);
	free(cause);
}

static void
test_silent_server(void)
{
	char addr[RESOLVE_ADDR_MAX] = "", *cause = NULL, q[512];
	int port = 0, fd, queries = 0;

	fd = udp_socket(&port);
	ok(fd >= 0, "a DNS server that never answers");
	set_server(port);
	is_int(resolve_host("never.courtside.test", 1000, NULL, addr, sizeof addr, &cause), -1,
	    "a name that never resolves fails");
	ok(cause != NULL && strcmp(cause,
	    "could not resolve never.courtside.test within 1.0 s") == 0,
	    "at its deadline, naming the host: %s", cause ? cause : "(none)");
	while (recv(fd, q, sizeof q, MSG_DONTWAIT) > 0)
		queries++;
	ok(queries >= 1, "the question went to the test server (%d)", queries);

	free(cause);
	cause = NULL;
	{
		bool cancel = true;

		is_int(resolve_host("never.courtside.test", 60000, &cancel, addr, sizeof addr,
		    &cause), -1, "a cancelled lookup fails");
		ok(cause != NULL && strstr(cause, "cancelled") != NULL,
		    "saying so: %s", cause ? cause : "(none)");
	}
	close(fd);
	free(cause);
}

int
main(void)
{
	char addr[RESOLVE_ADDR_MAX] = "", *cause = NULL;

	unsetenv("CS_TEST_DNS_SERVER");
	is_int(resolve_host("127.0.0.1", 1000, NULL, addr, sizeof addr, &cause), 0,
	    "a numeric address needs no lookup");
	is_str(addr, "127.0.0.1", "and comes back as it is");
	is_int(resolve_host("::1", 1000, NULL, addr, sizeof addr, &cause), 0, "IPv6 too");
	is_str(addr, "::1", "as it is");

	test_answering_server();
	test_silent_server();

	setenv("CS_TEST_DNS_SERVER", "10.0.0.1:53", 1);
	is_int(resolve_host("a.courtside.test", 1000, NULL, addr, sizeof addr, &cause), -1,
	    "a test server off loopback is refused");
	ok(cause != NULL && strstr(cause, "127.0.0.1:PORT") != NULL, "saying what it takes: %s",
	    cause ? cause : "(none)");
	is_int(resolve_host("", 1000, NULL, addr, sizeof addr, &cause), -1, "no host: -1");
	free(cause);
	return tap_done();
}
