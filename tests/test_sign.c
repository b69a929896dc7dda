/* ShotTracker signing: the vectors of shottracker-api.md §1.5. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "net/sign.h"
#include "tap.h"

/* sign_signature against OpenSSL's HMAC() of the same text, for a secret
 * of `n` bytes: one block (64) and longer ones are hashed first. */
static void
same_as_openssl(size_t n)
{
	const char *date = "Tue, 03 Mar 2026 12:00:00 GMT";
	char secret[200], msg[256], sig[64], want[64];
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0;
	size_t i;
	int len;

	for (i = 0; i < n; i++)
		secret[i] = (char)('!' + i % 90);
	secret[n] = '\0';
	len = snprintf(msg, sizeof msg, "date: %s\nhost: %s\nGET %s HTTP/1.1", date,
	    "api.shottracker.com", "/v1/data/teams/123/events");
	HMAC(EVP_sha1(), secret, (int)n, (const unsigned char *)msg, (size_t)len, mac, &maclen);
	EVP_EncodeBlock((unsigned char *)want, mac, (int)maclen);
	sign_signature(secret, "GET", "/v1/data/teams/123/events", "api.shottracker.com",
	    date, sig, sizeof sig);
	is_str(sig, want, "a %zu-byte secret signs as OpenSSL's HMAC does", n);
}

int
main(void)
{
	const char *date = "Tue, 03 Mar 2026 12:00:00 GMT";
	char sig[64], auth[512], user[64], got[64], buf[64];
	time_t t;

	sign_signature("your-secret", "GET", "/v1/data/teams/123/events",
	    "api.shottracker.com", date, sig, sizeof sig);
	is_str(sig, "S/PRjchej2CAXG0dxrF4Rp/6oGQ=", "vector 1: team events");

	sign_signature("your-secret", "GET",
	    "/v1/data/schedule/games/062a3726-3b0f-11eb-86c4-02420043683b/_subscribe",
	    "api.shottracker.com", date, sig, sizeof sig);
	is_str(sig, "QBVdSWk0xxIF6s9mCtP7XNmoZ04=", "vector 2: subscribe");

	sign_signature("your-secret", "GET", "/v1/data/teams/123/events?from=1000&to=2000",
	    "api.shottracker.com", date, sig, sizeof sig);
	is_str(sig, "S/PRjchej2CAXG0dxrF4Rp/6oGQ=", "the query string is never signed");

	sign_signature("other-secret", "GET", "/v1/data/teams/123/events",
	    "api.shottracker.com", date, sig, sizeof sig);
	ok(strcmp(sig, "S/PRjchej2CAXG0dxrF4Rp/6oGQ=") != 0, "another secret signs differently");

	same_as_openssl(0);
	same_as_openssl(63);
	same_as_openssl(64);
	same_as_openssl(65);
	same_as_openssl(150);

	sign_authorization("your-username", "your-secret", "GET", "/v1/data/teams/123/events",
	    "api.shottracker.com", date, auth, sizeof auth);
	is_str(auth, "hmac username=\"your-username\",algorithm=\"hmac-sha1\","
	    "headers=\"date host request-line\",signature=\"S/PRjchej2CAXG0dxrF4Rp/6oGQ=\"",
	    "the Authorization header");
	ok(sign_parse_authorization(auth, user, sizeof user, got, sizeof got) == 0,
	    "the header parses back");
	is_str(user, "your-username", "username parsed");
	is_str(got, "S/PRjchej2CAXG0dxrF4Rp/6oGQ=", "signature parsed");
	ok(sign_parse_authorization("Basic abc", user, sizeof user, got, sizeof got) < 0,
	    "a non-hmac header is refused");

	sign_http_date(1772539200, buf, sizeof buf);
	is_str(buf, date, "date in IMF-fixdate form");
	ok(sign_parse_http_date(date, &t) == 0 && t == 1772539200, "date parses back");
	ok(sign_parse_http_date("Tue, 3 Mar 2026 12:00:00", &t) < 0, "a date without GMT is refused");
	ok(sign_parse_http_date("yesterday", &t) < 0, "garbage is refused");
	return tap_done();
}
