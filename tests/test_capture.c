/* Capture files: round trip, damage, version, and a writer killed with SIGKILL. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net/capture.h"
#include "tap.h"

static char dir[] = "/tmp/cs-capture-XXXXXX";

static const char *
tmp_path(const char *name)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/*
 * Reads every record; returns how many came before the end, with *damaged
 * 1 when reading stopped at damage (its message in `why`), -1 when the
 * capture did not open.  `last` gets the last record's text.
 */
static int
count_records(const char *path, int *damaged, char *last, size_t lastsize,
    char *why, size_t whysize)
{
	struct capture_reader *r;
	struct capture_record rec;
	char *cause = NULL;
	int n = 0, rc;

	*damaged = 0;
	if (why != NULL)
		why[0] = '\0';
	r = capture_read_open(path, &cause);
	if (r == NULL) {
		free(cause);
		*damaged = -1;
		return -1;
	}
	while ((rc = capture_next(r, &rec, &cause)) == 1) {
		if (last != NULL)
			snprintf(last, lastsize, "%.*s", (int)rec.len, rec.data);
		n++;
	}
	if (rc < 0) {
		*damaged = 1;
		if (why != NULL)
			snprintf(why, whysize, "%s", cause != NULL ? cause : "(no cause)");
		/* reading stays stopped */
		if (capture_next(r, &rec, NULL) != -1)
			*damaged = 2;
	}
	free(cause);
	capture_read_close(&r);
	return n;
}

static void
test_round_trip(void)
{
	struct capture_writer *w;
	struct capture_reader *r;
	struct capture_record rec;
	char *cause = NULL, *warning = NULL;
	const char *multi = "{\"a\":1}\n{\"b\":2}\n";

	w = capture_open(tmp_path("a.cap"), CS_PROVIDER_SHOTTRACKER, "game-1", &cause);
	ok(w != NULL, "a capture opens for writing");
	is_int(capture_write(w, "rest:/v1/data/games/game-1", "{\"id\":1}", 8), 0, "a REST body is written");
	is_int(capture_write(w, "ws", multi, strlen(multi)), 0, "a message with newlines is written");
	is_int(capture_write(w, "push", "", 0), 0, "an empty message is written");
	ok(capture_write(w, "bad channel", "x", 1) < 0, "a channel with a space is refused");
	capture_close(&w);
	ok(w == NULL, "close clears the pointer");

	r = capture_read_open(tmp_path("a.cap"), &cause);
	ok(r != NULL, "the capture opens for reading");
	if (r == NULL)
		return;
	is_int(capture_provider(r), CS_PROVIDER_SHOTTRACKER, "the header names the provider");
	is_str(capture_game_id(r), "game-1", "the header names the game");
	ok(capture_started_ms(r) > 1600000000000LL, "the header has the start time");
	is_int(capture_next(r, &rec, &warning), 1, "record 1");
	is_str(rec.channel, "rest:/v1/data/games/game-1", "record 1 channel");
	ok(rec.len == 8 && memcmp(rec.data, "{\"id\":1}", 8) == 0, "record 1 body");
	is_int(capture_next(r, &rec, &warning), 1, "record 2");
	ok(rec.len == strlen(multi) && memcmp(rec.data, multi, rec.len) == 0,
	    "newlines inside a message survive");
	ok(rec.t_ms >= 0 && rec.t_ms < 5000, "receive time is relative to the start");
	is_int(capture_next(r, &rec, &warning), 1, "record 3");
	is_int((int)rec.len, 0, "the empty message is empty");
	is_int(capture_next(r, &rec, &warning), 0, "then the end");
	ok(warning == NULL, "no damage reported on a good capture");
	is_int(capture_version(r), CAPTURE_VERSION, "it is the current version");
	capture_read_close(&r);
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

static void
write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "w");

	fwrite(data, 1, len, f);
	fclose(f);
}

/* Version 1 (no sums) still reads; damage stops it, never skipped over. */
static void
test_version1(void)
{
	char *cause = NULL, last[64], why[200];
	int damaged, n;
	const char *head = "courtside-capture 1 provider=sportradar game=g1 started=1700000000000\n";
	char text[1024];

	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\n5 push 7\n{\"b\":2}\n", head);
	write_text(tmp_path("v1.cap"), text);
	n = count_records(tmp_path("v1.cap"), &damaged, last, sizeof last, NULL, 0);
	is_int(n, 2, "v1: a version 1 capture reads");
	is_int(damaged, 0, "v1: to its end, intact");
	is_str(last, "{\"b\":2}", "v1: every record");

	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\n5 push 7\n{\"b\":2}\n9 push 20\n{\"c\":", head);
	write_text(tmp_path("trunc.cap"), text);
	n = count_records(tmp_path("trunc.cap"), &damaged, last, sizeof last, why, sizeof why);
	is_int(n, 2, "v1: a truncated last record: everything before it is read");
	is_int(damaged, 1, "v1: then the damage");
	is_str(why, "capture damaged at line 6: cut short", "v1: named with its line");

	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\nGARBAGE LINE\nmore garbage\n5 push 7\n{\"b\":2}\n", head);
	write_text(tmp_path("corrupt.cap"), text);
	n = count_records(tmp_path("corrupt.cap"), &damaged, last, sizeof last, why, sizeof why);
	is_int(n, 1, "v1: a corrupt line stops the reading: nothing after it is read");
	is_int(damaged, 1, "v1: and is damage");
	is_str(why, "capture damaged at line 4: bad record header", "v1: named with its line");

	snprintf(text, sizeof text, "%s0 push 3\n{\"a\":1}\n5 push 7\n{\"b\":2}\n", head);
	write_text(tmp_path("badlen.cap"), text);
	n = count_records(tmp_path("badlen.cap"), &damaged, last, sizeof last, why, sizeof why);
	is_int(n, 0, "v1: a record with a wrong length is not read, nor what follows");
	is_str(why, "capture damaged at line 2: wrong record length", "v1: wrong length, said");

	/* the case: a first record of length -5 */
	snprintf(text, sizeof text, "%s0 push -5\n{\"a\":1}\n5 push 7\n{\"b\":2}\n", head);
	write_text(tmp_path("minus5.cap"), text);
	n = count_records(tmp_path("minus5.cap"), &damaged, last, sizeof last, why, sizeof why);
	is_int(n, 0, "v1: a length of -5 gives no record");
	is_int(damaged, 1, "v1: and damage, not an empty game");
	is_str(why, "capture damaged at line 2: bad record header", "v1: -5 is a bad header");
	snprintf(text, sizeof text, "%s0 push +7\n{\"a\":1}\n", head);
	write_text(tmp_path("plus7.cap"), text);
	n = count_records(tmp_path("plus7.cap"), &damaged, last, sizeof last, NULL, 0);
	ok(n == 0 && damaged == 1, "v1: a length with a sign is a bad header too");
	snprintf(text, sizeof text, "%s0 push 7 \n{\"a\":1}\n", head);
	write_text(tmp_path("trail.cap"), text);
	n = count_records(tmp_path("trail.cap"), &damaged, last, sizeof last, NULL, 0);
	ok(n == 0 && damaged == 1, "v1: a header with a trailing space is a bad header");

	/* bytes that would reach the screen or the log are never taken in */
	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\n5 pu\033[2Jsh 7\n{\"b\":2}\n"
	    "9 push 7\n{\"c\":3}\n", head);
	write_text(tmp_path("ctlchan.cap"), text);
	n = count_records(tmp_path("ctlchan.cap"), &damaged, last, sizeof last, why, sizeof why);
	is_int(n, 1, "v1: a channel with a control character stops the reading");
	is_str(last, "{\"a\":1}", "v1: after the record before it");
	ok(strchr(why, '\033') == NULL, "v1: the message holds no control character");
	write_text(tmp_path("ctlgame.cap"), "courtside-capture 1 provider=sportradar "
	    "game=g\0331 started=1\n0 push 7\n{\"a\":1}\n");
	ok(capture_read_open(tmp_path("ctlgame.cap"), &cause) == NULL,
	    "a game id with a control character is refused");
	ok(cause != NULL && strstr(cause, "damaged header line") != NULL, "as a damaged header");
	free(cause);
	cause = NULL;
	write_text(tmp_path("tailhdr.cap"), "courtside-capture 1 provider=sportradar "
	    "game=g1 started=17-00\n");
	ok(capture_read_open(tmp_path("tailhdr.cap"), &cause) == NULL,
	    "a start time followed by junk is refused");
	free(cause);
	cause = NULL;

	write_text(tmp_path("v9.cap"), "courtside-capture 9 provider=sportradar game=g1 started=1\n");
	ok(capture_read_open(tmp_path("v9.cap"), &cause) == NULL, "an unknown version is refused");
	ok(cause != NULL && strstr(cause, "version 9") != NULL, "the message names the version");
	free(cause);
	cause = NULL;
	write_text(tmp_path("junk.cap"), "{\"not\":\"a capture\"}\n");
	ok(capture_read_open(tmp_path("junk.cap"), &cause) == NULL, "a non-capture is refused");
	ok(cause != NULL && strstr(cause, "not a courtside capture") != NULL, "with a clear message");
	free(cause);
}

#define SMALL_RECORDS 4

static const char *small_records[SMALL_RECORDS] = {
	"{\"id\":1,\"home\":{\"points\":0}}", "{\"seq\":1,\"points\":2}",
	"{\"seq\":2,\n\"points\":3}", "",
};

/* A small version 2 capture; its bytes in *data (malloc'd). */
static size_t
small_capture(const char *path, char **data)
{
	struct capture_writer *w;
	FILE *f;
	long size;
	int i;

	w = capture_open(path, CS_PROVIDER_SHOTTRACKER, "g2", NULL);
	if (w == NULL)
		return 0;
	for (i = 0; i < SMALL_RECORDS; i++)
		capture_write(w, i == 0 ? "rest:/v1/data/games/g2" : "ws", small_records[i],
		    strlen(small_records[i]));
	capture_close(&w);
	f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	*data = malloc((size_t)size);
	if (fread(*data, 1, (size_t)size, f) != (size_t)size)
		size = 0;
	fclose(f);
	return (size_t)size;
}

/*
 * Reads `path` and checks the one property that matters: every record
 * handed out is exactly the one written at its place.  Returns 1 when
 * reading stopped at damage (or the capture was refused), 0 at a clean
 * end with all of them, 2 at a clean end short of them, -1 on a wrong
 * record.
 */
static int
read_prefix(const char *path)
{
	struct capture_reader *r;
	struct capture_record rec;
	char *cause = NULL;
	int n = 0, rc;

	r = capture_read_open(path, &cause);
	if (r == NULL) {
		rc = cause != NULL ? 1 : -1;
		free(cause);
		return rc;
	}
	while ((rc = capture_next(r, &rec, &cause)) == 1) {
		if (n >= SMALL_RECORDS || rec.len != strlen(small_records[n]) ||
		    memcmp(rec.data, small_records[n], rec.len) != 0) {
			capture_read_close(&r);
			return -1;
		}
		n++;
	}
	capture_read_close(&r);
	if (rc < 0) {
		rc = cause != NULL && strncmp(cause, "capture damaged at line ", 24) == 0 ? 1 : -1;
		free(cause);
		return rc;
	}
	return n == SMALL_RECORDS ? 0 : 2;
}

/* Version 2: every byte is covered, so any change is damage, said. */
static void
test_version2(void)
{
	static const unsigned char xors[] = { 0x01, 0x02, 0x10, 0x20, 0x80, 0xff };
	char *data = NULL, *copy, why[200], last[64];
	size_t size, pos, x, wrong = 0, missed = 0, cut_wrong = 0, boundaries = 0;
	int damaged, n, rc;

	size = small_capture(tmp_path("v2.cap"), &data);
	ok(size > 0, "v2: a small capture is written (%zu bytes)", size);
	if (size == 0)
		return;
	is_int(read_prefix(tmp_path("v2.cap")), 0, "v2: it reads back whole");
	ok(strncmp(data, "courtside-capture 2 provider=shottracker game=g2 started=", 57) == 0 &&
	    strstr(data, " sum=") != NULL && strchr(data, '\n') - strstr(data, " sum=") == 21,
	    "v2: the header ends with its sum");
	copy = malloc(size);
	for (pos = 0; pos < size; pos++)
		for (x = 0; x < sizeof xors; x++) {
			memcpy(copy, data, size);
			copy[pos] = (char)(copy[pos] ^ xors[x]);
			write_bytes(tmp_path("flip.cap"), copy, size);
			rc = read_prefix(tmp_path("flip.cap"));
			if (rc < 0)
				wrong++;
			else if (rc != 1)
				missed++;
		}
	is_int(wrong, 0, "v2: %zu single-byte changes: no record read differs from the one written",
	    size * sizeof xors);
	is_int(missed, 0, "v2: and every change is found and said");
	for (pos = 0; pos < size; pos++) {
		write_bytes(tmp_path("cut.cap"), data, pos);
		rc = read_prefix(tmp_path("cut.cap"));
		if (rc == 2)
			boundaries++;
		else if (rc != 1)
			cut_wrong++;
	}
	is_int(cut_wrong, 0, "v2: cut at any byte: damage said, or a clean prefix");
	is_int(boundaries, SMALL_RECORDS, "v2: a clean prefix only when cut between records");
	free(copy);

	/* the case: the first record's length is -5 */
	{
		char *nl = strchr(data, '\n') + 1, *sp = strchr(strchr(nl, ' ') + 1, ' ') + 1;
		size_t k = (size_t)(sp - data);

		copy = malloc(size + 2);
		memcpy(copy, data, k);
		memcpy(copy + k, "-5", 2);
		memcpy(copy + k + 2, data + k + 2, size - k - 2);
		write_bytes(tmp_path("minus5.cap"), copy, size);
		free(copy);
		n = count_records(tmp_path("minus5.cap"), &damaged, last, sizeof last, why, sizeof why);
		is_int(n, 0, "v2: a first record of length -5 gives no record");
		is_str(why, "capture damaged at line 2: bad record header", "v2: and says why");
		is_int(damaged, 1, "v2: reading stays stopped after damage");
	}
	free(data);
}

/* Whole records lost or moved: each is intact, the chain is not. */
static void
test_chain(void)
{
	char *data = NULL, *copy, why[200];
	char *other = NULL;
	size_t size, osize = 0, at[SMALL_RECORDS + 1], k = 0, pos, a, b, ohead;
	int damaged, n;

	size = small_capture(tmp_path("chain.cap"), &data);
	if (size == 0) {
		ok(0, "chain: a small capture is written");
		return;
	}
	/* where each record starts, and the end */
	pos = (size_t)(strchr(data, '\n') - data) + 1;
	for (k = 0; k < SMALL_RECORDS; k++) {
		unsigned long len;
		char *sp = strchr(strchr(data + pos, ' ') + 1, ' ') + 1;

		at[k] = pos;
		len = strtoul(sp, NULL, 10);
		pos = (size_t)(strchr(data + pos, '\n') - data) + 1 + len + 1;
	}
	at[SMALL_RECORDS] = pos;
	copy = malloc(size);
	/* record 2 dropped */
	memcpy(copy, data, at[1]);
	memcpy(copy + at[1], data + at[2], size - at[2]);
	write_bytes(tmp_path("drop.cap"), copy, size - (at[2] - at[1]));
	n = count_records(tmp_path("drop.cap"), &damaged, NULL, 0, why, sizeof why);
	is_int(n, 1, "chain: a record dropped: the one before it reads");
	is_str(why, "capture damaged at line 4: checksum mismatch", "chain: the next one fails its sum");
	/* records 2 and 3 swapped */
	a = at[2] - at[1];
	b = at[3] - at[2];
	memcpy(copy, data, at[1]);
	memcpy(copy + at[1], data + at[2], b);
	memcpy(copy + at[1] + b, data + at[1], a);
	memcpy(copy + at[3], data + at[3], size - at[3]);
	write_bytes(tmp_path("swap.cap"), copy, size);
	n = count_records(tmp_path("swap.cap"), &damaged, NULL, 0, why, sizeof why);
	is_int(n, 1, "chain: two records swapped: the one before them reads");
	is_int(damaged, 1, "chain: then damage");
	/* the records under the header of another recording of the same game
	 * (started a moment later): the first record already fails */
	for (k = 0; k < 1000; k++) {
		free(other);
		osize = small_capture(tmp_path("other.cap"), &other);
		if (osize < at[0] || memcmp(other, data, at[0]) != 0)
			break;
		usleep(1000);   /* the same millisecond: the same header */
	}
	ohead = (size_t)(strchr(other, '\n') - other) + 1;
	copy = realloc(copy, ohead + size - at[0]);
	memcpy(copy, other, ohead);
	memcpy(copy + ohead, data + at[0], size - at[0]);
	write_bytes(tmp_path("spliced.cap"), copy, ohead + size - at[0]);
	n = count_records(tmp_path("spliced.cap"), &damaged, NULL, 0, why, sizeof why);
	is_int(n, 0, "chain: records under another capture's header: none read");
	is_str(why, "capture damaged at line 2: checksum mismatch", "chain: the first fails its sum");
	free(other);
	free(copy);
	free(data);
}

/* A writer killed with SIGKILL mid-game leaves a capture that replays up to
 * the last record it wrote. */
static void
test_sigkill(void)
{
	int fds[2], damaged, n, status;
	char buf[32], last[64];
	pid_t pid;
	ssize_t got;
	long written = 0;

	if (pipe(fds) != 0) {
		ok(0, "pipe");
		return;
	}
	pid = fork();
	if (pid == 0) {
		struct capture_writer *w;
		char msg[64];
		long i;

		close(fds[0]);
		w = capture_open(tmp_path("kill.cap"), CS_PROVIDER_SPORTRADAR, "g", NULL);
		for (i = 1;; i++) {
			int len = snprintf(msg, sizeof msg, "{\"n\":%ld}", i);
			capture_write(w, "push", msg, (size_t)len);
			/* tell the parent how far we got, then keep going */
			if (i % 100 == 0 && write(fds[1], &i, sizeof i) < 0)
				_exit(1);
			if (i % 50 == 0)
				usleep(1000);
		}
	}
	close(fds[1]);
	while (written < 1000 && (got = read(fds[0], buf, sizeof(long))) == (ssize_t)sizeof(long))
		memcpy(&written, buf, sizeof written);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(fds[0]);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the writer died of SIGKILL");
	n = count_records(tmp_path("kill.cap"), &damaged, last, sizeof last, NULL, 0);
	ok(n >= written, "every record written before the kill replays (%d >= %ld)", n, written);
	ok(damaged == 0 || damaged == 1, "at most the record being written is damaged");
	snprintf(buf, sizeof buf, "{\"n\":%d}", n);
	is_str(last, buf, "records replay in order with nothing missing");
}

int
main(void)
{
	char cmd[300];

	if (mkdtemp(dir) == NULL)
		return 1;
	test_round_trip();
	test_version1();
	test_version2();
	test_chain();
	test_sigkill();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cleanup failed");
	return tap_done();
}
