/*
 * sim_server_start/stop as courtside --demo uses them: in-process, port 0,
 * quiet, signed requests; start-up errors; stop joins the server thread
 * and frees the port; and nothing written to the terminal in quiet mode.
 * No check reads a clock: the times are printed as diagnostics, and a
 * stop that never returns is caught by alarm() (a safety net, not a
 * budget).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "net/sign.h"
#include "sim/server.h"
#include "sim/simgame.h"
#include "tap.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One GET over a fresh connection, with the Date that `auth` signed (the
 * second may have turned since); returns the status, the body in buf. */
static int
get(int port, const char *path, const char *date, const char *auth, char *buf,
    size_t size)
{
	struct sockaddr_in sa;
	char req[2048];
	size_t n = 0;
	ssize_t r;
	int fd, status = -1;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return -1;
	}
	snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
	    "Date: %s\r\n%s%s%sConnection: close\r\n\r\n", path, port, date,
	    auth != NULL ? "Authorization: " : "", auth != NULL ? auth : "",
	    auth != NULL ? "\r\n" : "");
	if (write(fd, req, strlen(req)) != (ssize_t)strlen(req)) {
		close(fd);
		return -1;
	}
	while (n + 1 < size && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(fd);
	if (sscanf(buf, "HTTP/1.1 %d", &status) != 1)
		return -1;
	return status;
}

int
main(void)
{
	struct sim_server_options so;
	struct sim_server *srv, *other;
	struct sim_options go;
	struct sim_game *g;
	char *cause = NULL, path[256], auth[512], date[64], host[64], body[8192];
	const char *st;
	int port, i, saved, errfd;
	double t;
	FILE *err;

	/* everything the demo does, with stderr captured */
	fflush(stderr);
	err = tmpfile();
	saved = dup(2);
	errfd = fileno(err);
	dup2(errfd, 2);

	memset(&so, 0, sizeof so);
	so.providers = "both";
	so.seed = 42;
	so.speed = 8.0;
	so.require_auth = "demo:courtside-demo-secret";
	so.quiet = true;
	t = now_s();
	srv = sim_server_start(&so, &cause);
	ok(srv != NULL, "the demo's options start a server (%s)", cause ? cause : "");
	if (srv == NULL)
		return tap_done();
	printf("# start-up took %.3f s\n", now_s() - t);
	port = sim_server_port(srv);
	ok(port > 0 && port < 65536, "port 0 picks a free port (%d)", port);

	memset(&go, 0, sizeof go);
	go.seed = 42;
	g = sim_game_generate(&go);
	st = sim_server_game_id(srv, CS_PROVIDER_SHOTTRACKER);
	is_str(st, sim_game_id(g, CS_PROVIDER_SHOTTRACKER), "the ShotTracker id is the seed's game");
	is_str(sim_server_game_id(srv, CS_PROVIDER_SPORTRADAR),
	    sim_game_id(g, CS_PROVIDER_SPORTRADAR), "and the Sportradar id");
	ok(sim_server_game_id(srv, CS_PROVIDER_NONE) == NULL, "no id for no provider");
	sim_game_free(&g);

	snprintf(path, sizeof path, "/v1/data/games/%s", st);
	snprintf(host, sizeof host, "127.0.0.1:%d", port);
	sign_http_date(time(NULL), date, sizeof date);
	sign_authorization("demo", "courtside-demo-secret", "GET", path, host, date,
	    auth, sizeof auth);
	is_int(get(port, path, date, auth, body, sizeof body), 200, "a signed GET gets 200");
	ok(strstr(body, st) != NULL, "with the game event");
	is_int(get(port, path, date, NULL, body, sizeof body), 401, "an unsigned one 401");

	/* a second server beside the first */
	so.port = 0;
	so.quiet = true;
	other = sim_server_start(&so, &cause);
	ok(other != NULL && sim_server_port(other) != port, "a second server on another port");
	sim_server_stop(&other);
	ok(other == NULL, "stop NULLs the pointer");
	sim_server_stop(&other);
	sim_server_stop(NULL);
	ok(1, "stopping NULL is harmless");

	t = now_s();
	alarm(120);   /* SIGALRM ends the test if stop never returns */
	sim_server_stop(&srv);
	alarm(0);
	ok(srv == NULL, "stop returns and NULLs the pointer (%.3f s)", now_s() - t);
	is_int(get(port, path, date, auth, body, sizeof body), -1, "the port is closed");

	for (i = 0; i < 3; i++) {
		srv = sim_server_start(&so, &cause);
		sim_server_stop(&srv);
	}
	ok(1, "start and stop three more times");

	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fseek(err, 0, SEEK_END);
	is_int(ftell(err), 0, "quiet: nothing at all on stderr");
	fclose(err);

	/* start-up errors come back as one line */
	so.providers = "espn";
	free(cause);
	cause = NULL;
	srv = sim_server_start(&so, &cause);
	ok(srv == NULL && cause != NULL &&
	    strstr(cause, "espn") != NULL, "an unknown provider: %s", cause ? cause : "");
	so.providers = NULL;
	so.faults = "drop=zero";
	free(cause);
	cause = NULL;
	srv = sim_server_start(&so, &cause);
	ok(srv == NULL && cause != NULL &&
	    strstr(cause, "drop") != NULL, "a bad fault spec: %s", cause ? cause : "");
	so.faults = NULL;
	so.capture = "no-such-game.cap";
	free(cause);
	cause = NULL;
	srv = sim_server_start(&so, &cause);
	ok(srv == NULL && cause != NULL &&
	    strstr(cause, "no-such-game.cap") != NULL, "a missing capture: %s",
	    cause ? cause : "");
	so.capture = NULL;
	so.bind = "not-an-address";
	free(cause);
	cause = NULL;
	srv = sim_server_start(&so, &cause);
	ok(srv == NULL && cause != NULL &&
	    strstr(cause, "cannot listen") != NULL, "a bad address: %s", cause ? cause : "");
	so.bind = NULL;
	so.speed = -1;
	free(cause);
	cause = NULL;
	srv = sim_server_start(&so, &cause);
	ok(srv == NULL && cause != NULL, "a negative speed: %s",
	    cause);
	free(cause);
	return tap_done();
}
