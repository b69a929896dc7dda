/* An export (model/export.h) written to a file or "-" (stdout): what
 * courtside and its replay front (src/front.c) both write. */
#ifndef CS_EXPORT_FILE_H
#define CS_EXPORT_FILE_H

#include "model/game.h"
#include "settings.h"

/* 0, or -1 after saying why on stderr.  `path` NULL writes nothing. */
int export_file(struct game *g, enum export_format format, const char *path);

#endif
