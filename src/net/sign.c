/* ShotTracker HMAC-SHA1 request signing (see sign.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* SHA-1's own functions, deprecated in OpenSSL 3 but still theirs (see
 * hmac_sha1); before any OpenSSL header */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "model/event.h"
#include "net/http.h"
#include "net/sign.h"

static const char *const day_names[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Written by hand rather than strftime so the user's locale cannot leak in. */
void
sign_http_date(time_t t, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    day_names[tm.tm_wday], tm.tm_mday, month_names[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int
sign_parse_http_date(const char *s, time_t *out)
{
	char day[4], mon[4], gmt[4];
	struct tm tm;
	int mday, year, hh, mm, ss, i, n = 0;

	if (sscanf(s, "%3s, %d %3s %d %d:%d:%d %3s%n", day, &mday, mon, &year,
	    &hh, &mm, &ss, gmt, &n) != 8 || s[n] != '\0' || strcmp(gmt, "GMT") != 0)
		return -1;
	if (strlen(day) != 4 - 1 || s[3] != ',')
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_mon = -1;
	for (i = 0; i < 12; i++)
		if (strcmp(mon, month_names[i]) == 0)
			tm.tm_mon = i;
	if (tm.tm_mon < 0 || mday < 1 || mday > 31 || year < 1970 || year > 9999 ||
	    hh > 23 || mm > 59 || ss > 60 || hh < 0 || mm < 0 || ss < 0)
		return -1;
	tm.tm_mday = mday;
	tm.tm_year = year - 1900;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = ss;
	*out = timegm(&tm);
	return 0;
}

/*
 * HMAC-SHA1 (RFC 2104) over SHA-1's block functions.  OpenSSL 3's HMAC()
 * fetches its MAC from the default provider, which registers every
 * algorithm and touches ~0.4 MiB more of libcrypto's pages in a program
 * that only signs (issue 20).
 */
static void
hmac_sha1(const char *key, size_t keylen, const unsigned char *msg, size_t len,
    unsigned char mac[SHA_DIGEST_LENGTH])
{
	unsigned char k[SHA_CBLOCK], pad[SHA_CBLOCK], inner[SHA_DIGEST_LENGTH];
	SHA_CTX c;
	size_t i;

	memset(k, 0, sizeof k);
	if (keylen > sizeof k) {   /* a long key is its digest */
		SHA1_Init(&c);
		SHA1_Update(&c, key, keylen);
		SHA1_Final(k, &c);
	} else {
		memcpy(k, key, keylen);
	}
	for (i = 0; i < sizeof pad; i++)
		pad[i] = k[i] ^ 0x36;
	SHA1_Init(&c);
	SHA1_Update(&c, pad, sizeof pad);
	SHA1_Update(&c, msg, len);
	SHA1_Final(inner, &c);
	for (i = 0; i < sizeof pad; i++)
		pad[i] = k[i] ^ 0x5c;
	SHA1_Init(&c);
	SHA1_Update(&c, pad, sizeof pad);
	SHA1_Update(&c, inner, sizeof inner);
	SHA1_Final(mac, &c);
	/* the secret's traces */
	OPENSSL_cleanse(k, sizeof k);
	OPENSSL_cleanse(pad, sizeof pad);
	OPENSSL_cleanse(&c, sizeof c);
}

int
sign_signature(const char *secret, const char *method, const char *path,
    const char *host, const char *date, char *out, size_t size)
{
	char msg[2048];
	unsigned char mac[SHA_DIGEST_LENGTH];
	size_t pathlen;
	int n;

	pathlen = strcspn(path, "?");
	n = snprintf(msg, sizeof msg, "date: %s\nhost: %s\n%s %.*s HTTP/1.1",
	    date, host, method, (int)pathlen, path);
	if (n < 0 || (size_t)n >= sizeof msg)
		return -1;
	if (size < 4 * ((sizeof mac + 2) / 3) + 1)
		return -1;
	hmac_sha1(secret, strlen(secret), (const unsigned char *)msg, (size_t)n, mac);
	EVP_EncodeBlock((unsigned char *)out, mac, (int)sizeof mac);
	return 0;
}

int
sign_authorization(const char *username, const char *secret,
    const char *method, const char *path, const char *host, const char *date,
    char *out, size_t size)
{
	char sig[64];
	int n;

	if (sign_signature(secret, method, path, host, date, sig, sizeof sig) < 0)
		return -1;
	n = snprintf(out, size, "hmac username=\"%s\",algorithm=\"hmac-sha1\","
	    "headers=\"date host request-line\",signature=\"%s\"", username, sig);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Copies the quoted value of `key="..."` from value into out. */
static int
auth_param(const char *value, const char *key, char *out, size_t size)
{
	char pat[32];
	const char *p, *end;

	snprintf(pat, sizeof pat, "%s=\"", key);
	p = strstr(value, pat);
	if (p == NULL)
		return -1;
	p += strlen(pat);
	end = strchr(p, '"');
	if (end == NULL || (size_t)(end - p) >= size)
		return -1;
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
	return 0;
}

int
sign_parse_authorization(const char *value, char *username, size_t usize,
    char *signature, size_t ssize)
{
	while (*value == ' ')
		value++;
	if (strncmp(value, "hmac ", 5) != 0)
		return -1;
	if (auth_param(value, "username", username, usize) < 0 ||
	    auth_param(value, "signature", signature, ssize) < 0)
		return -1;
	return 0;
}

int
sign_url_authority(const char *url, char *buf, size_t size)
{
	const char *p = strstr(url, "://"), *end, *at;
	size_t n;

	if (p == NULL)
		return -1;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at != NULL)
		p = at + 1;
	n = (size_t)(end - p);
	if (n == 0 || n >= size)
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return 0;
}

int
sign_request_headers(const char *username, const char *secret, const char *method,
    const char *url, struct sign_headers *h)
{
	char authority[512], path[1024], host[256], date[64], auth[1024];
	int port, rc = 0;
	bool tls;

	memset(h, 0, sizeof *h);
	if (sign_url_authority(url, authority, sizeof authority) < 0 ||
	    http_split_url(url, host, sizeof host, &port, path, sizeof path, &tls) < 0)
		return -1;
	path[strcspn(path, "?")] = '\0';
	sign_http_date(time(NULL), date, sizeof date);
	if (sign_authorization(username, secret, method, path, authority, date,
	    auth, sizeof auth) < 0) {
		rc = -2;
	} else {
		snprintf(h->date, sizeof h->date, "Date: %s", date);
		snprintf(h->host, sizeof h->host, "Host: %s", authority);
		snprintf(h->auth, sizeof h->auth, "Authorization: %s", auth);
	}
	explicit_bzero(auth, sizeof auth);
	return rc;
}

void
sign_headers_clear(struct sign_headers *h)
{
	explicit_bzero(h, sizeof *h);
}
