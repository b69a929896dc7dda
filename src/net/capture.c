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

#define CAPTURE_MAGIC "courtside-capture"

struct capture_writer {
	int fd;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t syncer;
	bool dirty;
	bool closing;
	bool failed;
	struct timespec t0;     /* monotonic time of `started` */
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

struct capture_writer *
capture_open(const char *path, enum cs_provider provider, const char *game_id,
    char **cause)
{
	struct capture_writer *w;
	struct timespec wall;
	char header[256];
	struct iovec iov;
	int n;

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
		free(w);
		return NULL;
	}
	clock_gettime(CLOCK_REALTIME, &wall);
	clock_gettime(CLOCK_MONOTONIC, &w->t0);
	n = snprintf(header, sizeof header, CAPTURE_MAGIC " %d provider=%s game=%s started=%" PRId64 "\n",
	    CAPTURE_VERSION, cs_provider_name(provider), game_id,
	    (int64_t)wall.tv_sec * 1000 + wall.tv_nsec / 1000000);
	iov.iov_base = header;
	iov.iov_len = (size_t)n;
	if (n < 0 || (size_t)n >= sizeof header || write_all(w->fd, &iov, 1) < 0) {
		cs_set_cause(cause, "cannot record to %s: %s", path, strerror(errno));
		close(w->fd);
		free(w);
		return NULL;
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->syncer, NULL, syncer_main, w) != 0) {
		cs_set_cause(cause, "cannot record to %s: no thread", path);
		close(w->fd);
		pthread_mutex_destroy(&w->lock);
		pthread_cond_destroy(&w->wake);
		free(w);
		return NULL;
	}
	return w;
}

int
capture_write(struct capture_writer *w, const char *channel, const char *data,
    size_t len)
{
	char head[192];
	struct iovec iov[3];
	int n, rc;

	if (w == NULL)
		return 0;
	if (!valid_token(channel) || len > CAPTURE_MAX_RECORD)
		return -1;
	pthread_mutex_lock(&w->lock);
	n = snprintf(head, sizeof head, "%" PRId64 " %s %zu\n", ms_since(&w->t0), channel, len);
	if (n < 0 || (size_t)n >= sizeof head) {
		pthread_mutex_unlock(&w->lock);
		return -1;
	}
	iov[0].iov_base = head;
	iov[0].iov_len = (size_t)n;
	iov[1].iov_base = (void *)data;
	iov[1].iov_len = len;
	iov[2].iov_base = "\n";
	iov[2].iov_len = 1;
	rc = write_all(w->fd, iov, 3);
	if (rc < 0 && !w->failed) {
		w->failed = true;
		log_msg("recording failed: %s; the capture stops here", strerror(errno));
	}
	w->dirty = true;
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
	free(w);
	*wp = NULL;
}

/* --- reading --- */

struct capture_reader {
	FILE *f;
	enum cs_provider provider;
	char game_id[CS_ID_MAX];
	int64_t started_ms;
	char *buf;
	size_t cap;
	long line;              /* for messages: the line of the current record */
};

static enum cs_provider
provider_by_name(const char *name)
{
	if (strcmp(name, "shottracker") == 0)
		return CS_PROVIDER_SHOTTRACKER;
	if (strcmp(name, "sportradar") == 0)
		return CS_PROVIDER_SPORTRADAR;
	return CS_PROVIDER_NONE;
}

struct capture_reader *
capture_read_open(const char *path, char **cause)
{
	struct capture_reader *r;
	char line[512], magic[32], prov[32], game[CS_ID_MAX];
	long long started;
	int version, n = 0, end;

	r = calloc(1, sizeof *r);
	if (r == NULL)
		return NULL;
	r->f = fopen(path, "rb");
	if (r->f == NULL) {
		cs_set_cause(cause, "cannot read capture %s: %s", path, strerror(errno));
		free(r);
		return NULL;
	}
	if (fgets(line, sizeof line, r->f) == NULL ||
	    sscanf(line, "%31s %d %n", magic, &version, &n) != 2 ||
	    strcmp(magic, CAPTURE_MAGIC) != 0) {
		cs_set_cause(cause, "%s is not a courtside capture", path);
		fclose(r->f);
		free(r);
		return NULL;
	}
	if (version != CAPTURE_VERSION) {
		cs_set_cause(cause, "capture format version %d is not supported "
		    "(this courtside reads version %d)", version, CAPTURE_VERSION);
		fclose(r->f);
		free(r);
		return NULL;
	}
	/* the game id reaches the screen and the simulator's answers: it must
	 * be one token of printable ASCII, and nothing may follow the time */
	end = 0;
	if (sscanf(line + n, "provider=%31s game=%63s started=%lld%n", prov, game, &started,
	    &end) != 3 || end == 0 || strcmp(line + n + end, "\n") != 0 ||
	    provider_by_name(prov) == CS_PROVIDER_NONE || !valid_token(game)) {
		cs_set_cause(cause, "capture %s has a damaged header line", path);
		fclose(r->f);
		free(r);
		return NULL;
	}
	r->provider = provider_by_name(prov);
	cs_strlcpy(r->game_id, game, sizeof r->game_id);
	r->started_ms = started;
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

/* "<t_ms> <channel> <len>" exactly; anything else is not a record header. */
static int
parse_record_header(const char *line, struct capture_record *rec, size_t *len)
{
	long long t;
	unsigned long long l;
	char channel[128];
	int n = 0;

	if (sscanf(line, "%lld %127s %llu%n", &t, channel, &l, &n) != 3 ||
	    (line[n] != '\n' && line[n] != '\0') || t < 0 || l > CAPTURE_MAX_RECORD ||
	    line[0] < '0' || line[0] > '9' || !valid_token(channel))
		return -1;
	rec->t_ms = t;
	cs_strlcpy(rec->channel, channel, sizeof rec->channel);
	*len = (size_t)l;
	return 0;
}

int
capture_next(struct capture_reader *r, struct capture_record *rec, char **warning)
{
	char line[512];
	size_t len, got;
	bool resyncing = false;
	long start_line;
	int c;

	if (warning != NULL)
		*warning = NULL;
	for (;;) {
		if (fgets(line, sizeof line, r->f) == NULL)
			return 0;
		r->line++;
		if (strchr(line, '\n') == NULL && !feof(r->f)) {
			/* an over-long line is never a header: skip the rest of it */
			while ((c = fgetc(r->f)) != EOF && c != '\n')
				;
			continue;
		}
		if (parse_record_header(line, rec, &len) < 0) {
			if (strchr(line, '\n') == NULL) {
				cs_set_cause(warning, "capture line %ld is truncated; replayed "
				    "everything before it", r->line);
				return 0;
			}
			if (!resyncing)
				cs_set_cause(warning, "capture line %ld is corrupt; skipped to the "
				    "next good record", r->line);
			resyncing = true;
			continue;
		}
		start_line = r->line;
		if (len + 1 > r->cap) {
			char *nb = realloc(r->buf, len + 1);
			if (nb == NULL)
				return 0;
			r->buf = nb;
			r->cap = len + 1;
		}
		got = fread(r->buf, 1, len, r->f);
		c = fgetc(r->f);
		if (got < len || c == EOF) {
			cs_set_cause(warning, "the capture ends inside the record at line %ld "
			    "(truncated); replayed everything before it", start_line);
			return 0;
		}
		if (c != '\n') {
			/* the length was wrong: resynchronise on the next header */
			cs_set_cause(warning, "capture record at line %ld has a wrong length; "
			    "skipped", start_line);
			while ((c = fgetc(r->f)) != EOF && c != '\n')
				;
			for (got = 0; got < len; got++)
				if (r->buf[got] == '\n')
					r->line++;
			resyncing = true;
			continue;
		}
		for (got = 0; got < len; got++)
			if (r->buf[got] == '\n')
				r->line++;
		r->line++;
		r->buf[len] = '\0';
		rec->data = r->buf;
		rec->len = len;
		return 1;
	}
}

void
capture_read_close(struct capture_reader **rp)
{
	struct capture_reader *r = *rp;

	if (r == NULL)
		return;
	fclose(r->f);
	free(r->buf);
	free(r);
	*rp = NULL;
}
