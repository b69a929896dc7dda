/*
 * The log file (never the screen: the UI owns the terminal).  Thread-safe.
 * Callers must never pass a secret; URLs are logged without their query.
 * Lines that differ only in their numbers, one after another, are written
 * once and then counted ("previous message repeated N times, the last:
 * ..."); the file is capped at 4 MB, then renamed to FILE.1.
 */
#ifndef CS_LOG_H
#define CS_LOG_H

/* NULL path: $XDG_STATE_HOME/courtside/courtside.log (~/.local/state/...).
 * Returns 0, or -1 with *cause. */
int log_open(const char *path, char **cause);
void log_close(void);
/* The cap of one log file in bytes (tests); <= 0 restores 4 MB. */
void log_set_max_size(long bytes);
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
