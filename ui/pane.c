/*
 * What every pane shares (see pane.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ui/pane.h"

void
pane_message(const struct pane_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->message == NULL || c->message_size == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(c->message, c->message_size, fmt, ap);
	va_end(ap);
}

void *
pane_state_new(size_t size)
{
	return calloc(1, size);
}

void
pane_state_free(void **state)
{
	free(*state);
	*state = NULL;
}
