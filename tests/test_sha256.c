/*
 * Our SHA-256 (net/sha256.h), both block functions (the CPU's SHA
 * instructions where present, and portable C): FIPS 180-4's examples, then
 * 3,000 messages of every length up to 1,100 bytes against OpenSSL's, each
 * fed in pieces of random sizes (block boundaries crossed every way).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "net/sha256.h"
#include "tap.h"

#define MESSAGES 3000
#define LONGEST 1100

static uint64_t rng = 0x5a256;

static unsigned
next_rand(unsigned n)
{
	return tap_rand(&rng, n);
}

static void
hex_of(const unsigned char md[CS_SHA256_LEN], char out[2 * CS_SHA256_LEN + 1])
{
	int i;

	for (i = 0; i < CS_SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* `data` hashed in pieces of random sizes (0 to 130 bytes). */
static void
ours(const unsigned char *data, size_t len, unsigned char md[CS_SHA256_LEN])
{
	struct cs_sha256 s;
	size_t at = 0, n;

	cs_sha256_init(&s);
	while (at < len) {
		n = next_rand(131);
		if (n > len - at)
			n = len - at;
		cs_sha256_update(&s, data + at, n);
		at += n;
	}
	cs_sha256_update(&s, NULL, 0);
	cs_sha256_final(&s, md);
}

static void
test_examples(const char *how)
{
	static const struct {
		const char *msg, *sum;
	} ex[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	unsigned char md[CS_SHA256_LEN], *million;
	char hex[2 * CS_SHA256_LEN + 1];
	size_t i;

	for (i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		ours((const unsigned char *)ex[i].msg, strlen(ex[i].msg), md);
		hex_of(md, hex);
		is_str(hex, ex[i].sum, "%s: SHA-256 of \"%.12s\"", how, ex[i].msg);
	}
	million = malloc(1000000);
	if (million != NULL) {
		memset(million, 'a', 1000000);
		ours(million, 1000000, md);
		hex_of(md, hex);
		is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		    "%s: SHA-256 of a million 'a'", how);
		free(million);
	}
}

static void
test_against_openssl(const char *how)
{
	unsigned char data[LONGEST], md[CS_SHA256_LEN], want[EVP_MAX_MD_SIZE];
	unsigned int wlen;
	size_t len, i;
	int k, differ = 0;

	for (k = 0; k < MESSAGES; k++) {
		len = k < LONGEST ? (size_t)k : next_rand(LONGEST);
		for (i = 0; i < len; i++)
			data[i] = (unsigned char)next_rand(256);
		ours(data, len, md);
		if (EVP_Digest(data, len, want, &wlen, EVP_sha256(), NULL) != 1 ||
		    wlen != CS_SHA256_LEN || memcmp(md, want, CS_SHA256_LEN) != 0)
			differ++;
	}
	is_int(differ, 0, "%s: %d messages of 0 to %d bytes, in random pieces, as OpenSSL "
	    "sums them", how, MESSAGES, LONGEST - 1);
}

int
main(void)
{
	bool accelerated = cs_sha256_accelerated();

	printf("# the CPU's SHA instructions: %s\n", accelerated ? "used" : "none here");
	test_examples(accelerated ? "SHA instructions" : "portable (no SHA instructions)");
	test_against_openssl(accelerated ? "SHA instructions" : "portable (no SHA instructions)");
	cs_sha256_accelerate(false);
	ok(!cs_sha256_accelerated(), "portable C can be forced");
	test_examples("portable");
	test_against_openssl("portable");
	cs_sha256_accelerate(true);
	is_int(cs_sha256_accelerated(), accelerated, "and the choice comes back");
	return tap_done();
}
