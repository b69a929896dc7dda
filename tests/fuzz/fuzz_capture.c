/*
 * Fuzz target: a capture file, as `courtside --replay` reads it
 * (net/capture.c) and as `courtside-sim --capture` loads it to serve again
 * (sim/capture_game.c, which also runs the provider's parsers over the
 * frames for --start-at).  Captures travel between laptops, so they are
 * untrusted input like any server's bytes.
 *
 * The bytes go into a memfd and are opened by path, as a real file is.
 * Checked: every record's length is within the cap and its bytes are
 * readable; damage is said in one line and stops the reading; channels and
 * every message (causes, notes) are one line of printable text; the loaded
 * stream is in time order and a push message is one line; nothing crashes,
 * leaks or reads out of bounds (ASan in CI).  The corpus has each capture
 * in both versions: mutations of a version 2 record mostly stop at its
 * checksum, so the version 1 copies keep the record parser explored.
 */
#define _GNU_SOURCE
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "net/capture.h"
#include "sim/capture_game.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_RECORDS 100000

/* Says which check failed: the optimizer merges bare abort() calls. */
#define FAIL(why) do { fprintf(stderr, "fuzz_capture: %s (line %d)\n", why, __LINE__); \
	abort(); } while (0)

/* One line, no control characters (a terminal or a log will show it). */
static void
check_line(const char *s)
{
	size_t i, n;

	if (s == NULL)
		return;
	n = strnlen(s, 4096);
	if (n == 4096)
		FAIL("a line longer than 4 KB");
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			FAIL("a control character in a line");
}

static void
read_all(const char *path)
{
	struct capture_reader *r;
	struct capture_record rec;
	char *cause = NULL;
	unsigned long sum = 0;
	size_t i;
	int n = 0, rc = 0;

	if ((r = capture_read_open(path, &cause)) == NULL) {
		if (cause == NULL)
			FAIL("a refused capture without a cause");
		check_line(cause);
		free(cause);
		return;
	}
	check_line(capture_game_id(r));
	if (capture_version(r) < 1 || capture_version(r) > CAPTURE_VERSION)
		FAIL("a version this reader does not know");
	while (n++ < MAX_RECORDS && (rc = capture_next(r, &rec, &cause)) == 1) {
		if (rec.len > CAPTURE_MAX_RECORD || memchr(rec.channel, '\0',
		    sizeof rec.channel) == NULL)
			FAIL("a record over the cap or a channel without its end");
		check_line(rec.channel);
		for (i = 0; i < rec.len; i++)   /* every byte is there to read */
			sum += (unsigned char)rec.data[i];
		if (cause != NULL)
			FAIL("a cause beside a good record");
	}
	if (rc < 0) {
		/* damage is said, and reading stays stopped there */
		if (cause == NULL || strncmp(cause, "capture damaged at line ", 24) != 0)
			FAIL("damage without its one-line cause");
		check_line(cause);
		if (capture_next(r, &rec, NULL) != -1)
			FAIL("reading went on after damage");
	}
	free(cause);
	capture_read_close(&r);
	if (r != NULL)
		FAIL("the reader was not freed");
	(void)sum;
}

static void
serve_all(const char *path)
{
	struct sim_capture *c;
	const struct sim_msg *msgs;
	char *cause = NULL;
	size_t i, n;
	int64_t at;

	if ((c = sim_capture_load(path, &cause)) == NULL) {
		if (cause == NULL)
			FAIL("a refused load without a cause");
		check_line(cause);
		free(cause);
		return;
	}
	check_line(sim_capture_notes(c));
	check_line(sim_capture_game_id(c));
	n = sim_capture_stream(c, &msgs);
	for (i = 0; i < n; i++) {
		if (msgs[i].json == NULL || (i > 0 && msgs[i].at_ms < msgs[i - 1].at_ms) ||
		    msgs[i].at_ms > sim_capture_end_ms(c))
			FAIL("the stream out of time order or past its end");
		if (sim_capture_provider(c) == CS_PROVIDER_SPORTRADAR &&
		    strpbrk(msgs[i].json, "\r\n") != NULL)
			FAIL("a newline inside a stream message");
	}
	(void)sim_capture_rest(c, "/pbp.json", true, INT64_MAX, NULL);
	(void)sim_capture_rest(c, "/v1/data/games/x", false, 0, NULL);
	at = sim_capture_start_at(c, 1, 3000);
	if (at < -1)
		FAIL("--start-at gave less than -1");
	/* after --start-at the stream is still in time order */
	n = sim_capture_stream(c, &msgs);
	for (i = 1; i < n; i++)
		if (msgs[i].at_ms < msgs[i - 1].at_ms)
			FAIL("the stream out of time order after --start-at");
	sim_capture_free(&c);
	if (c != NULL)
		FAIL("the loaded capture was not freed");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	size_t off = 0;
	ssize_t w;

	if (fd < 0) {
		if ((fd = memfd_create("fuzz_capture", MFD_CLOEXEC)) < 0)
			FAIL("memfd_create failed");
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0)
		FAIL("ftruncate failed");
	while (off < size) {
		if ((w = pwrite(fd, data + off, size - off, (off_t)off)) <= 0)
			FAIL("pwrite failed");
		off += (size_t)w;
	}
	read_all(path);
	serve_all(path);
	return 0;
}
