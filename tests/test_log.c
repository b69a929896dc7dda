/*
 * The log file: a storm of lines that differ only in their numbers is
 * written once and summed up; the file is capped and rotated to FILE.1;
 * control characters never reach it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "tap.h"

static char dir[] = "/tmp/courtside-test-log.XXXXXX";
static char path[256], path1[256];

static long
file_size(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 ? (long)sb.st_size : -1;
}

/* Lines of the file holding `needle`. */
static int
count_lines(const char *p, const char *needle)
{
	char line[2048];
	FILE *f = fopen(p, "r");
	int n = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		n += strstr(line, needle) != NULL;
	fclose(f);
	return n;
}

static void
test_repeats_collapse(void)
{
	char *cause = NULL;
	int i;

	unlink(path);
	ok(log_open(path, &cause) == 0, "the log opens");
	for (i = 0; i < 812; i++)
		log_msg("shottracker: reconnect %d (the connection dropped); attempt 1 in 0 ms", i);
	log_msg("shottracker: live");
	log_msg("once");
	log_msg("once");
	log_msg("twice %d", 1);
	log_msg("twice %d", 2);
	log_close();
	is_int(count_lines(path, "reconnect 0 (the connection dropped)"), 1,
	    "the first line of a storm is written");
	is_int(count_lines(path, "previous message repeated 811 times, the last: "
	    "shottracker: reconnect 811 "), 1, "the 811 that follow are one line, with the last");
	is_int(count_lines(path, "reconnect 5 "), 0, "and no line in between");
	is_int(count_lines(path, "shottracker: live"), 1, "the next line comes after it");
	is_int(count_lines(path, "once"), 2, "a single repeat is written as itself");
	is_int(count_lines(path, "twice 2"), 1, "a repeat pending at close is written");
	is_int(count_lines(path, ""), 7, "seven lines in all");
}

static void
test_cap_and_rotation(void)
{
	char *cause = NULL;
	int i;
	long total = 0;

	unlink(path);
	unlink(path1);
	log_set_max_size(8192);
	ok(log_open(path, &cause) == 0, "the log opens again");
	for (i = 0; i < 5000; i++) {
		/* words, not numbers: every line is new */
		log_msg("%s line %c%c%c", i % 2 ? "odd" : "even", 'a' + i % 26,
		    'a' + i / 26 % 26, 'a' + i / 676 % 26);
		total += 40;
	}
	log_close();
	log_set_max_size(0);
	ok(total > 100000, "over 100 KB were logged (%ld)", total);
	ok(file_size(path) > 0 && file_size(path) < 8192 + 1100,
	    "the log stays under its cap (%ld bytes)", file_size(path));
	ok(file_size(path1) >= 8192 && file_size(path1) < 8192 + 1100,
	    "the older part is in FILE.1 (%ld bytes)", file_size(path1));
	is_int(count_lines(path, "line"), count_lines(path, "Z "),
	    "each file holds whole, time-stamped lines");
}

static void
test_control_characters(void)
{
	char *cause = NULL;

	unlink(path);
	ok(log_open(path, &cause) == 0, "the log opens a third time");
	log_msg("server says \033[2Jhello\r\nworld\a");
	log_close();
	is_int(count_lines(path, "\033"), 0, "no escape reaches the file");
	is_int(count_lines(path, ""), 1, "a message with a newline stays one line");
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/courtside.log", dir);
	snprintf(path1, sizeof path1, "%s/courtside.log.1", dir);
	test_repeats_collapse();
	test_cap_and_rotation();
	test_control_characters();
	unlink(path);
	unlink(path1);
	rmdir(dir);
	return tap_done();
}
