/*
 * SHA-256 (FIPS 180-4) for the capture's chained sums (net/capture.h).
 *
 * Our own rather than OpenSSL's: the replay to the end (src/front.c) needs
 * nothing else of libcrypto, and loading and relocating it cost every
 * replay ~0.5 ms of CPU before main(), as much as the sums of a whole game
 * (issue 20).  The block function is the CPU's SHA instructions where it
 * has them (x86 SHA-NI, as OpenSSL uses), else portable C; both are
 * checked against OpenSSL by tests/test_sha256.c.
 */
#ifndef CS_SHA256_H
#define CS_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_SHA256_LEN 32

struct cs_sha256 {
	uint32_t h[8];
	uint64_t bytes;            /* hashed so far */
	unsigned char block[64];   /* the part block not yet hashed */
	size_t nblock;
};

void cs_sha256_init(struct cs_sha256 *s);
void cs_sha256_update(struct cs_sha256 *s, const void *data, size_t len);
void cs_sha256_final(struct cs_sha256 *s, unsigned char md[CS_SHA256_LEN]);

/* Whether the CPU's SHA instructions are used (true where there are
 * some); false forces portable C, for the tests to check both.  Not
 * thread-safe: call it before hashing. */
bool cs_sha256_accelerated(void);
void cs_sha256_accelerate(bool on);

#endif
