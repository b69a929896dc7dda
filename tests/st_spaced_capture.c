/*
 * st_spaced_capture IN OUT: a copy of a ShotTracker capture with a space
 * before every WebSocket frame.  No scanner takes a frame that does not
 * start with its '{' (shottracker_parse.c), so a replay of the copy reads
 * every frame with json-c: tests/test_replay_fast.sh compares its export
 * with the replay of the original, end to end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/capture.h"

int
main(int argc, char **argv)
{
	struct capture_reader *r;
	struct capture_writer *w;
	struct capture_record rec;
	char *cause = NULL, *spaced = NULL;
	size_t cap = 0;
	int rc = 0, got;

	if (argc != 3) {
		fprintf(stderr, "usage: st_spaced_capture IN OUT\n");
		return 2;
	}
	if ((r = capture_read_open(argv[1], &cause)) == NULL ||
	    (w = capture_open(argv[2], capture_provider(r), capture_game_id(r), &cause)) == NULL) {
		fprintf(stderr, "st_spaced_capture: %s\n", cause != NULL ? cause : "cannot open");
		return 1;
	}
	while (rc == 0 && (got = capture_next(r, &rec, &cause)) == 1) {
		if (strcmp(rec.channel, "ws") != 0) {
			rc = capture_write(w, rec.channel, rec.data, rec.len);
			continue;
		}
		if (cs_grow((void **)&spaced, &cap, rec.len + 1, 1) < 0) {
			rc = -1;
			break;
		}
		spaced[0] = ' ';
		memcpy(spaced + 1, rec.data, rec.len);
		rc = capture_write(w, rec.channel, spaced, rec.len + 1);
	}
	if (rc == 0 && got < 0) {
		fprintf(stderr, "st_spaced_capture: %s\n", cause != NULL ? cause : "damaged");
		rc = -1;
	}
	capture_close(&w);
	capture_read_close(&r);
	free(spaced);
	free(cause);
	return rc == 0 ? 0 : 1;
}
