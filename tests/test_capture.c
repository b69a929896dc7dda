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

static int
count_records(const char *path, int *warnings, char *last, size_t lastsize)
{
	struct capture_reader *r;
	struct capture_record rec;
	char *cause = NULL, *warning = NULL;
	int n = 0, rc;

	*warnings = 0;
	r = capture_read_open(path, &cause);
	if (r == NULL) {
		free(cause);
		return -1;
	}
	while ((rc = capture_next(r, &rec, &warning)) >= 0) {
		if (warning != NULL) {
			(*warnings)++;
			free(warning);
			warning = NULL;
		}
		if (rc == 0)
			break;
		if (last != NULL)
			snprintf(last, lastsize, "%.*s", (int)rec.len, rec.data);
		n++;
	}
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
test_damage(void)
{
	char *cause = NULL, last[64];
	int warnings, n;
	const char *head = "courtside-capture 1 provider=sportradar game=g1 started=1700000000000\n";
	char text[1024];

	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\n5 push 7\n{\"b\":2}\n9 push 20\n{\"c\":", head);
	write_text(tmp_path("trunc.cap"), text);
	n = count_records(tmp_path("trunc.cap"), &warnings, last, sizeof last);
	is_int(n, 2, "a truncated last record: everything before it replays");
	is_int(warnings, 1, "and the truncation is reported once");
	is_str(last, "{\"b\":2}", "the last good record is the one before the damage");

	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\nGARBAGE LINE\nmore garbage\n5 push 7\n{\"b\":2}\n", head);
	write_text(tmp_path("corrupt.cap"), text);
	n = count_records(tmp_path("corrupt.cap"), &warnings, last, sizeof last);
	is_int(n, 2, "a corrupt line is skipped and reading goes on");
	is_int(warnings, 1, "one message for one run of damage");

	snprintf(text, sizeof text, "%s0 push 3\n{\"a\":1}\n5 push 7\n{\"b\":2}\n", head);
	write_text(tmp_path("badlen.cap"), text);
	n = count_records(tmp_path("badlen.cap"), &warnings, last, sizeof last);
	is_int(n, 1, "a record with a wrong length is skipped, the next one read");
	is_str(last, "{\"b\":2}", "the good record after it is intact");

	/* bytes that would reach the screen or the log are never taken in */
	snprintf(text, sizeof text, "%s0 push 7\n{\"a\":1}\n5 pu\033[2Jsh 7\n{\"b\":2}\n"
	    "9 push 7\n{\"c\":3}\n", head);
	write_text(tmp_path("ctlchan.cap"), text);
	n = count_records(tmp_path("ctlchan.cap"), &warnings, last, sizeof last);
	is_int(n, 2, "a channel with a control character is a corrupt line, skipped");
	is_str(last, "{\"c\":3}", "and the next record is read");
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

/* A writer killed with SIGKILL mid-game leaves a capture that replays up to
 * the last record it wrote. */
static void
test_sigkill(void)
{
	int fds[2], warnings, n, status;
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
	n = count_records(tmp_path("kill.cap"), &warnings, last, sizeof last);
	ok(n >= written, "every record written before the kill replays (%d >= %ld)", n, written);
	ok(warnings <= 1, "at most the record being written is damaged");
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
	test_damage();
	test_sigkill();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cleanup failed");
	return tap_done();
}
