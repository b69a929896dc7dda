/* Capture files: writing as messages arrive, reading them back (capture.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "model/event.h"
#include "net/capture.h"
#include "net/sha256.h"

#define CAPTURE_MAGIC "courtside-capture"
#define SUM_BYTES 8             /* of SHA-256: 64 bits, 16 hex digits */
#define SUM_HEX (SUM_BYTES * 2)
#define CAPTURE_READ_BLOCK (64u << 10)  /* 16 pages: a few dozen reads a game */

/*
 * The chained sum (capture.h): each line's sum covers the one before it,
 * so a reader that checks them in order trusts the whole prefix.
 */
struct sum_chain {
	unsigned char prev[SUM_BYTES];
};

static void
chain_init(struct sum_chain *c)
{
	memset(c, 0, sizeof *c);
}

static void
chain_free(struct sum_chain *c)
{
	memset(c, 0, sizeof *c);
}

/* The sum of the next line: SHA-256(prev, line, "\n", data), cut to 8
 * bytes, as 16 hex digits in hex[SUM_HEX + 1]; it becomes prev. */
static void
chain_next(struct sum_chain *c, const char *line, size_t line_len,
    const char *data, size_t len, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[CS_SHA256_LEN];
	struct cs_sha256 ctx;
	int i;

	cs_sha256_init(&ctx);
	cs_sha256_update(&ctx, c->prev, sizeof c->prev);
	cs_sha256_update(&ctx, line, line_len);
	cs_sha256_update(&ctx, "\n", 1);
	cs_sha256_update(&ctx, data, len);
	cs_sha256_final(&ctx, md);
	memcpy(c->prev, md, SUM_BYTES);
	for (i = 0; i < SUM_BYTES; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[SUM_HEX] = '\0';
}

struct capture_writer {
	int fd;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t syncer;
	bool dirty;
	bool closing;
	bool failed;
	struct timespec t0;     /* monotonic time of `started` */
	struct sum_chain sum;   /* under lock */
};

static int64_t
ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)(now.tv_sec - t0->tv_sec) * 1000 +
	    (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Capture tokens must not contain spaces or newlines. */
static bool
valid_token(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (*s <= ' ' || *s == 0x7f)
			return false;
	return true;
}

/* fsync at most once a second, only when something was written. */
static void *
syncer_main(void *arg)
{
	struct capture_writer *w = arg;
	struct timespec until;

	pthread_mutex_lock(&w->lock);
	while (!w->closing) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&w->wake, &w->lock, &until);
		if (w->dirty) {
			w->dirty = false;
			pthread_mutex_unlock(&w->lock);
			fsync(w->fd);
			pthread_mutex_lock(&w->lock);
		}
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* One write(2) for a whole record, retried on short writes. */
static int
write_all(int fd, struct iovec *iov, int n)
{
	ssize_t done;

	while (n > 0) {
		done = writev(fd, iov, n);
		if (done < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (n > 0 && (size_t)done >= iov->iov_len) {
			done -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + done;
			iov->iov_len -= (size_t)done;
		}
	}
	return 0;
}

/* Gives up on an open that failed half-way. */
static struct capture_writer *
open_fail(struct capture_writer *w)
{
	if (w->fd >= 0)
		close(w->fd);
	chain_free(&w->sum);
	free(w);
	return NULL;
}

/* The header line, with its sum: the first link of the chain. */
static int
write_header(struct capture_writer *w, enum cs_provider provider,
    const char *game_id)
{
	struct timespec wall;
	char header[320], hex[SUM_HEX + 1];
	struct iovec iov;
	int n, m;

	clock_gettime(CLOCK_REALTIME, &wall);
	clock_gettime(CLOCK_MONOTONIC, &w->t0);
	n = snprintf(header, sizeof header, CAPTURE_MAGIC " %d provider=%s game=%s started=%" PRId64,
	    CAPTURE_VERSION, cs_provider_name(provider), game_id,
	    (int64_t)wall.tv_sec * 1000 + wall.tv_nsec / 1000000);
	if (n < 0 || (size_t)n >= sizeof header)
		return -1;
	chain_next(&w->sum, header, (size_t)n, NULL, 0, hex);
	m = snprintf(header + n, sizeof header - (size_t)n, " sum=%s\n", hex);
	if (m < 0 || (size_t)m >= sizeof header - (size_t)n)
		return -1;
	iov.iov_base = header;
	iov.iov_len = (size_t)(n + m);
	return write_all(w->fd, &iov, 1);
}

struct capture_writer *
capture_open(const char *path, enum cs_provider provider, const char *game_id,
    char **cause)
{
	struct capture_writer *w;

	if (!valid_token(game_id)) {
		cs_set_cause(cause, "cannot record: the game id '%s' has spaces", game_id);
		return NULL;
	}
	w = calloc(1, sizeof *w);
	if (w == NULL)
		return NULL;
	w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (w->fd < 0) {
		cs_set_cause(cause, "cannot record to %s: %s", path, strerror(errno));
		return open_fail(w);
	}
	chain_init(&w->sum);
	if (write_header(w, provider, game_id) < 0) {
		cs_set_cause(cause, "cannot record to %s: %s", path, strerror(errno));
		return open_fail(w);
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->syncer, NULL, syncer_main, w) != 0) {
		cs_set_cause(cause, "cannot record to %s: no thread", path);
		pthread_mutex_destroy(&w->lock);
		pthread_cond_destroy(&w->wake);
		return open_fail(w);
	}
	return w;
}

/* Says once that the capture stops; nothing is written after a failure,
 * so the file stays a clean prefix of the game. */
static void
write_failed(struct capture_writer *w, const char *why)
{
	if (!w->failed)
		log_msg("recording failed: %s; the capture stops here", why);
	w->failed = true;
}

int
capture_write(struct capture_writer *w, const char *channel, const char *data,
    size_t len)
{
	char head[192], hex[SUM_HEX + 1];
	struct iovec iov[3];
	int n, m, rc = -1;

	if (w == NULL)
		return 0;
	if (!valid_token(channel) || len > CAPTURE_MAX_RECORD)
		return -1;
	pthread_mutex_lock(&w->lock);
	if (w->failed)
		goto out;
	n = snprintf(head, sizeof head, "%" PRId64 " %s %zu", ms_since(&w->t0), channel, len);
	if (n < 0 || (size_t)n >= sizeof head)
		goto out;
	chain_next(&w->sum, head, (size_t)n, data, len, hex);
	m = snprintf(head + n, sizeof head - (size_t)n, " %s\n", hex);
	if (m < 0 || (size_t)m >= sizeof head - (size_t)n)
		goto out;
	iov[0].iov_base = head;
	iov[0].iov_len = (size_t)(n + m);
	iov[1].iov_base = (void *)data;
	iov[1].iov_len = len;
	iov[2].iov_base = (void *)"\n";   /* writev never writes through it */
	iov[2].iov_len = 1;
	rc = write_all(w->fd, iov, 3);
	if (rc < 0)
		write_failed(w, strerror(errno));
	w->dirty = true;
out:
	pthread_mutex_unlock(&w->lock);
	return rc;
}

void
capture_close(struct capture_writer **wp)
{
	struct capture_writer *w = *wp;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->closing = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->syncer, NULL);
	fsync(w->fd);
	close(w->fd);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->wake);
	chain_free(&w->sum);
	free(w);
	*wp = NULL;
}

/* --- reading --- */

struct capture_reader {
	FILE *f;
	int version;
	enum cs_provider provider;
	char game_id[CS_ID_MAX];
	int64_t started_ms;
	char *buf;
	size_t cap;
	long line;              /* for messages: the line of the current record */
	struct sum_chain sum;   /* version 2 */
	bool broken;            /* damage seen: reading stops there */
	char *damage;           /* what it was (NULL when out of memory) */
	char *block;            /* f's buffer */
};

static struct capture_reader *
read_open_fail(struct capture_reader *r)
{
	if (r->f != NULL)
		fclose(r->f);
	chain_free(&r->sum);
	free(r->block);
	free(r);
	return NULL;
}

/* A live provider by its header name.  The model's names, not the
 * provider registry: a program that only replays links no network code. */
static enum cs_provider
provider_named(const char *name)
{
	if (strcmp(name, cs_provider_name(CS_PROVIDER_SHOTTRACKER)) == 0)
		return CS_PROVIDER_SHOTTRACKER;
	if (strcmp(name, cs_provider_name(CS_PROVIDER_SPORTRADAR)) == 0)
		return CS_PROVIDER_SPORTRADAR;
	return CS_PROVIDER_NONE;
}

/*
 * The fields after the version.  The game id reaches the screen and the
 * simulator's answers: it must be one token of printable ASCII, and
 * nothing may follow the time (version 1) or the sum, which covers the
 * line up to it (version 2).
 */
static int
parse_header(struct capture_reader *r, char *line, int fields)
{
	char prov[32], game[CS_ID_MAX], sum[SUM_HEX + 2], hex[SUM_HEX + 1];
	long long started;
	int end = 0, sum_at = 0;

	if (r->version == 1) {
		if (sscanf(line + fields, "provider=%31s game=%63s started=%lld%n", prov,
		    game, &started, &end) != 3 || end == 0 ||
		    strcmp(line + fields + end, "\n") != 0)
			return -1;
	} else {
		if (sscanf(line + fields, "provider=%31s game=%63s started=%lld%n "
		    "sum=%17s%n", prov, game, &started, &sum_at, sum, &end) != 4 || end == 0 ||
		    strncmp(line + fields + sum_at, " sum=", 5) != 0 ||
		    strcmp(line + fields + end, "\n") != 0)
			return -1;
		chain_next(&r->sum, line, (size_t)(fields + sum_at), NULL, 0, hex);
		if (strcmp(sum, hex) != 0)
			return -1;
	}
	/* a live provider: the replay needs its parsers */
	r->provider = provider_named(prov);
	if (r->provider == CS_PROVIDER_NONE || !valid_token(game))
		return -1;
	cs_strlcpy(r->game_id, game, sizeof r->game_id);
	r->started_ms = started;
	return 0;
}

struct capture_reader *
capture_read_open(const char *path, char **cause)
{
	struct capture_reader *r;
	char line[512], magic[32];
	int n = 0;

	r = calloc(1, sizeof *r);
	if (r == NULL)
		return NULL;
	chain_init(&r->sum);
	r->f = fopen(path, "rb");
	if (r->f == NULL) {
		cs_set_cause(cause, "cannot read capture %s: %s", path, strerror(errno));
		return read_open_fail(r);
	}
	/* large blocks: a replay reads the whole file in a few dozen reads
	 * (glibc ignores the size without a buffer of ours) */
	r->block = malloc(CAPTURE_READ_BLOCK);
	if (r->block != NULL)
		setvbuf(r->f, r->block, _IOFBF, CAPTURE_READ_BLOCK);
	if (fgets(line, sizeof line, r->f) == NULL ||
	    sscanf(line, "%31s %d %n", magic, &r->version, &n) != 2 ||
	    strcmp(magic, CAPTURE_MAGIC) != 0) {
		cs_set_cause(cause, "%s is not a courtside capture", path);
		return read_open_fail(r);
	}
	if (r->version != 1 && r->version != CAPTURE_VERSION) {
		cs_set_cause(cause, "capture format version %d is not supported "
		    "(this courtside reads versions 1 to %d)", r->version, CAPTURE_VERSION);
		return read_open_fail(r);
	}
	if (parse_header(r, line, n) < 0) {
		cs_set_cause(cause, "capture %s has a damaged header line", path);
		return read_open_fail(r);
	}
	r->line = 1;
	return r;
}

enum cs_provider
capture_provider(const struct capture_reader *r)
{
	return r->provider;
}

const char *
capture_game_id(const struct capture_reader *r)
{
	return r->game_id;
}

int64_t
capture_started_ms(const struct capture_reader *r)
{
	return r->started_ms;
}

int
capture_version(const struct capture_reader *r)
{
	return r->version;
}

/* 1 to 18 decimal digits, no sign, at most `max`; *p moves past them. */
static int
take_number(const char **p, uint64_t max, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	int n = 0;

	for (; *s >= '0' && *s <= '9' && n < 19; s++, n++)
		v = v * 10 + (uint64_t)(*s - '0');
	if (n == 0 || n > 18 || v > max)
		return -1;
	*out = v;
	*p = s;
	return 0;
}

/*
 * "<t_ms> <channel> <len>\n", and from version 2 " <sum>" before the
 * newline, exactly.  *signed_len gets the length of the part the sum
 * covers, *sum where the sum starts.
 */
static int
parse_record_header(const struct capture_reader *r, const char *line,
    struct capture_record *rec, size_t *len, size_t *signed_len, const char **sum)
{
	const char *p = line, *chan;
	uint64_t t, l;
	size_t i;

	if (take_number(&p, INT64_MAX, &t) < 0 || *p++ != ' ')
		return -1;
	chan = p;
	p = strchr(chan, ' ');
	if (p == NULL || p == chan || (size_t)(p - chan) >= sizeof rec->channel)
		return -1;
	memcpy(rec->channel, chan, (size_t)(p - chan));
	rec->channel[p - chan] = '\0';
	p++;
	if (!valid_token(rec->channel) || take_number(&p, CAPTURE_MAX_RECORD, &l) < 0)
		return -1;
	*signed_len = (size_t)(p - line);
	if (r->version >= 2) {
		if (*p++ != ' ')
			return -1;
		*sum = p;
		for (i = 0; i < SUM_HEX; i++, p++)
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
				return -1;
	}
	if (strcmp(p, "\n") != 0)
		return -1;
	rec->t_ms = (int64_t)t;
	*len = (size_t)l;
	return 0;
}

/* Reading stops at the first damage; it is said once per call. */
static int
damaged(struct capture_reader *r, char **cause, long line, const char *why)
{
	if (!r->broken)
		cs_set_cause(&r->damage, "capture damaged at line %ld: %s", line, why);
	r->broken = true;
	return cs_set_cause(cause, "%s", r->damage != NULL ? r->damage :
	    "capture damaged");
}

/* The message of a record whose header is read: its bytes, the newline
 * after them, and (version 2) its sum. */
static int
read_message(struct capture_reader *r, struct capture_record *rec, char **cause,
    const char *head, size_t signed_len, const char *sum, size_t len)
{
	char hex[SUM_HEX + 1], *nl;
	size_t got;
	long start_line = r->line;
	int c;

	if (len + 1 > r->cap) {
		char *nb = realloc(r->buf, len + 1);

		if (nb == NULL)
			return damaged(r, cause, start_line, "out of memory");
		r->buf = nb;
		r->cap = len + 1;
	}
	got = fread(r->buf, 1, len, r->f);
	c = fgetc(r->f);
	if (got < len || c == EOF)
		return damaged(r, cause, start_line, "cut short");
	if (c != '\n')
		return damaged(r, cause, start_line, "wrong record length");
	if (r->version >= 2) {
		chain_next(&r->sum, head, signed_len, r->buf, len, hex);
		if (memcmp(hex, sum, SUM_HEX) != 0)
			return damaged(r, cause, start_line, "checksum mismatch");
	}
	/* lines, for the damage message: memchr, not a loop per byte */
	for (nl = r->buf; (nl = memchr(nl, '\n', len - (size_t)(nl - r->buf))) != NULL; nl++)
		r->line++;
	r->line++;
	r->buf[len] = '\0';
	rec->data = r->buf;
	rec->len = len;
	return 1;
}

int
capture_next(struct capture_reader *r, struct capture_record *rec, char **cause)
{
	char line[512];
	const char *sum = NULL;
	size_t len, signed_len;

	if (r->broken)
		return damaged(r, cause, r->line, "");
	if (fgets(line, sizeof line, r->f) == NULL) {
		if (ferror(r->f))
			return damaged(r, cause, r->line + 1, strerror(errno));
		return 0;
	}
	r->line++;
	if (strchr(line, '\n') == NULL)
		return damaged(r, cause, r->line, feof(r->f) ?
		    "cut short" : "bad record header");
	if (parse_record_header(r, line, rec, &len, &signed_len, &sum) < 0)
		return damaged(r, cause, r->line, "bad record header");
	return read_message(r, rec, cause, line, signed_len, sum, len);
}

void
capture_read_close(struct capture_reader **rp)
{
	struct capture_reader *r = *rp;

	if (r == NULL)
		return;
	fclose(r->f);
	free(r->block);
	chain_free(&r->sum);
	free(r->buf);
	free(r->damage);
	free(r);
	*rp = NULL;
}
