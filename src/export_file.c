/* An export written to a file or stdout (export_file.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "export_file.h"
#include "model/export.h"

int
export_file(struct game *g, enum export_format format, const char *path)
{
	FILE *out;
	int rc;

	if (path == NULL)
		return 0;
	if (strcmp(path, "-") == 0)
		out = stdout;
	else if ((out = fopen(path, "w")) == NULL) {
		fprintf(stderr, "courtside: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	rc = format == EXPORT_CSV ? export_csv(g, out) :
	    format == EXPORT_MARKERS ? export_markers(g, out) : export_json(g, out);
	if (out == stdout)
		rc |= fflush(out);
	else
		rc |= fclose(out);
	if (rc != 0) {
		fprintf(stderr, "courtside: writing the export failed: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}
