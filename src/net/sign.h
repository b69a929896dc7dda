/*
 * ShotTracker request signing (shottracker-api.md §1): HMAC-SHA1 over
 * "date: D\nhost: H\nMETHOD /path HTTP/1.1", Base64.  The path never
 * includes the query string.  Used by the client and by the simulator's
 * verifier, so both sides compute the very same string.
 */
#ifndef CS_SIGN_H
#define CS_SIGN_H

#include <stddef.h>
#include <time.h>

/* RFC 7231 IMF-fixdate in the C locale: "Tue, 03 Mar 2026 12:00:00 GMT". */
void sign_http_date(time_t t, char *buf, size_t size);

/* Parses an IMF-fixdate; returns -1 when it is not one. */
int sign_parse_http_date(const char *s, time_t *out);

/* Base64(HMAC-SHA1(secret, "date: ...\nhost: ...\nMETHOD path HTTP/1.1")).
 * `path` may carry a query: it is cut at '?'.  Returns 0, -1 on overflow. */
int sign_signature(const char *secret, const char *method, const char *path,
    const char *host, const char *date, char *out, size_t size);

/* The whole Authorization header value:
 * hmac username="U",algorithm="hmac-sha1",headers="date host request-line",signature="S" */
int sign_authorization(const char *username, const char *secret,
    const char *method, const char *path, const char *host, const char *date,
    char *out, size_t size);

/* The authority of a URL ("host:port", userinfo dropped); -1 when none. */
int sign_url_authority(const char *url, char *buf, size_t size);

/* The signed headers of one request, ready for curl ("Date: ...",
 * "Host: ...", "Authorization: ..."); sign_headers_clear wipes them. */
struct sign_headers {
	char date[96];
	char host[560];
	char auth[1100];
};

/* Signs METHOD url (its path without the query; its authority as Host) at
 * the current time.  -1: the URL has no authority or path; -2: the
 * credentials do not fit. */
int sign_request_headers(const char *username, const char *secret, const char *method,
    const char *url, struct sign_headers *h);
void sign_headers_clear(struct sign_headers *h);

/* Splits an Authorization value into username and signature; -1 if malformed. */
int sign_parse_authorization(const char *value, char *username, size_t usize,
    char *signature, size_t ssize);

#endif
