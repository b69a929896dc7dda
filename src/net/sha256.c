/* SHA-256 (sha256.h): portable C, and the x86 SHA extensions where present. */
#include "config.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define SHA256_X86 1
#endif

#include "net/sha256.h"

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t
ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void
blocks_portable(uint32_t h[8], const unsigned char *p, size_t n)
{
	uint32_t w[64], a, b, c, d, e, f, g, k, t1, t2;
	int i;

	for (; n > 0; n--, p += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
			    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
		for (; i < 64; i++)
			w[i] = w[i - 16] + (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3)) +
			    w[i - 7] + (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10));
		a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
		for (i = 0; i < 64; i++) {
			t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
			t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
			k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
		}
		h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
	}
}

#ifdef SHA256_X86
/*
 * Four rounds per step with SHA256RNDS2, the message schedule with
 * SHA256MSG1/MSG2 (Intel's "SHA extensions" paper); the state is kept as
 * ABEF and CDGH, the order the instructions want.  Unrolled by hand: as a
 * loop over the 16 steps it ran a fifth slower than OpenSSL's.
 */
#define SHANI_ROUNDS(w, k) do {							\
	msg = _mm_add_epi32(w, _mm_loadu_si128((const void *)&K[k]));	\
	s1 = _mm_sha256rnds2_epu32(s1, s0, msg);				\
	s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(msg, 0x0e));	\
} while (0)
/* w0..w3 the words 16 to 4 before the next four: w0 becomes those four */
#define SHANI_SCHEDULE(w0, w1, w2, w3)						\
	(w0 = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w0, w1),	\
	    _mm_alignr_epi8(w3, w2, 4)), w3))

__attribute__((target("sha,sse4.1,ssse3")))
static void
blocks_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i s0, s1, t, msg, abef, cdgh, w0, w1, w2, w3;
	int k;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const void *)&h[0]), 0xb1);   /* CDAB */
	s1 = _mm_shuffle_epi32(_mm_loadu_si128((const void *)&h[4]), 0x1b);  /* EFGH */
	s0 = _mm_alignr_epi8(t, s1, 8);                                          /* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xf0);                                       /* CDGH */
	for (; n > 0; n--, p += 64) {
		abef = s0;
		cdgh = s1;
		w0 = _mm_shuffle_epi8(_mm_loadu_si128((const void *)p), swap);
		SHANI_ROUNDS(w0, 0);
		w1 = _mm_shuffle_epi8(_mm_loadu_si128((const void *)(p + 16)), swap);
		SHANI_ROUNDS(w1, 4);
		w2 = _mm_shuffle_epi8(_mm_loadu_si128((const void *)(p + 32)), swap);
		SHANI_ROUNDS(w2, 8);
		w3 = _mm_shuffle_epi8(_mm_loadu_si128((const void *)(p + 48)), swap);
		SHANI_ROUNDS(w3, 12);
		for (k = 16; k < 64; k += 16) {
			SHANI_SCHEDULE(w0, w1, w2, w3);
			SHANI_ROUNDS(w0, k);
			SHANI_SCHEDULE(w1, w2, w3, w0);
			SHANI_ROUNDS(w1, k + 4);
			SHANI_SCHEDULE(w2, w3, w0, w1);
			SHANI_ROUNDS(w2, k + 8);
			SHANI_SCHEDULE(w3, w0, w1, w2);
			SHANI_ROUNDS(w3, k + 12);
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	t = _mm_shuffle_epi32(s0, 0x1b);                                         /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xb1);                                        /* DCHG */
	_mm_storeu_si128((void *)&h[0], _mm_blend_epi16(t, s1, 0xf0));       /* DCBA */
	_mm_storeu_si128((void *)&h[4], _mm_alignr_epi8(s1, t, 8));          /* HGFE */
}

/* SHA (leaf 7 EBX bit 29), SSE4.1 and SSSE3 (leaf 1 ECX bits 19 and 9). */
static bool
cpu_has_sha(void)
{
	unsigned a, b, c, d;

	if (__get_cpuid_max(0, NULL) < 7 || !__get_cpuid(1, &a, &b, &c, &d) ||
	    !(c & (1u << 19)) || !(c & (1u << 9)))
		return false;
	__cpuid_count(7, 0, a, b, c, d);
	return (b & (1u << 29)) != 0;
}
#endif

typedef void (*blocks_fn)(uint32_t h[8], const unsigned char *p, size_t n);

static blocks_fn blocks = blocks_portable;

/* Chosen once, before main() and before any thread. */
__attribute__((constructor))
static void
sha256_choose(void)
{
#ifdef SHA256_X86
	if (cpu_has_sha())
		blocks = blocks_shani;
#endif
}

bool
cs_sha256_accelerated(void)
{
	return blocks != blocks_portable;
}

void
cs_sha256_accelerate(bool on)
{
	blocks = blocks_portable;
	if (on)
		sha256_choose();
}

void
cs_sha256_init(struct cs_sha256 *s)
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(s->h, h0, sizeof s->h);
	s->bytes = 0;
	s->nblock = 0;
}

void
cs_sha256_update(struct cs_sha256 *s, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t take;

	if (len == 0)
		return;
	s->bytes += len;
	if (s->nblock > 0) {
		take = len < 64 - s->nblock ? len : 64 - s->nblock;
		memcpy(s->block + s->nblock, p, take);
		s->nblock += take;
		p += take;
		len -= take;
		if (s->nblock < 64)
			return;
		blocks(s->h, s->block, 1);
		s->nblock = 0;
	}
	if (len >= 64) {
		blocks(s->h, p, len / 64);
		p += len / 64 * 64;
		len %= 64;
	}
	memcpy(s->block, p, len);
	s->nblock = len;
}

void
cs_sha256_final(struct cs_sha256 *s, unsigned char md[CS_SHA256_LEN])
{
	uint64_t bits = s->bytes * 8;
	int i;

	s->block[s->nblock++] = 0x80;
	if (s->nblock > 56) {
		memset(s->block + s->nblock, 0, 64 - s->nblock);
		blocks(s->h, s->block, 1);
		s->nblock = 0;
	}
	memset(s->block + s->nblock, 0, 56 - s->nblock);
	for (i = 0; i < 8; i++)
		s->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	blocks(s->h, s->block, 1);
	for (i = 0; i < 8; i++) {
		md[4 * i] = (unsigned char)(s->h[i] >> 24);
		md[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
		md[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
		md[4 * i + 3] = (unsigned char)s->h[i];
	}
	memset(s, 0, sizeof *s);
}
