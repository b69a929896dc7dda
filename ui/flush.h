/*
 * Sending a frame to the terminal.  doupdate() costs ~0.8 M instructions
 * a play at 160x45 (callgrind, session 10), most of it not the bytes but
 * choosing them: every cursor move weighs five ways of moving (each a
 * tparm() with a sprintf), every colour change is worked out again with
 * tparm(), and the plays' shifted rows make fifty moves and fifty colour
 * changes a play.  ui_flush() sends the lines that changed itself, in one
 * write() to the terminal, from the same screens curses keeps (newscr:
 * what the frame drew; curscr: what the terminal shows), with cursor
 * moves written out and attribute changes worked out once and kept, and
 * leaves curses' own books as doupdate() would have: curscr holds what
 * was sent, no line is left marked, the terminal's attributes are normal
 * and its cursor is home.
 *
 * It hands a line (and every line after it) to doupdate() whenever it
 * cannot be sure of the bytes: a character wider or narrower than a
 * column, the alternate character set, the bottom-right cell of a
 * terminal that would scroll, a curses that has been through endwin() or
 * is to repaint everything, or a cursor whose place curses does not know.
 * The screen it leaves is the one doupdate() would leave, cell for cell.
 *
 * UI thread only (curses).
 */
#ifndef CS_UI_FLUSH_H
#define CS_UI_FLUSH_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

struct ui_flush;

/* NULL when out of memory. */
struct ui_flush *ui_flush_new(void);
void ui_flush_free(struct ui_flush **f);
/* wnoutrefresh(w), keeping which columns of which lines it may have
 * changed: ui_flush() reads only those.  Every window staged within a
 * line another staged window shares must come through here (a line that
 * no window staged here covers is read whole). */
void ui_flush_stage(struct ui_flush *f, WINDOW *w);
/* The file descriptor curses writes to (newterm()'s output); until it is
 * known every update is doupdate(). */
void ui_flush_set_fd(struct ui_flush *f, int fd);
/* Sends what the windows staged (wnoutrefresh) since the last update,
 * like doupdate(); with `plain` it is doupdate() (for comparisons). */
void ui_flush(struct ui_flush *f, bool plain);
/* A window as wide as the terminal moved its lines (rows.h: a new play
 * on top): the next update is doupdate()'s, whose scrolling sends a line
 * where this would send them all (80x24 plays: 0.3 KB a play, not 1.5). */
void ui_flush_scrolled(void);
/* Lines it sent itself, and lines doupdate() sent (once the descriptor is
 * known), so far. */
unsigned long ui_flush_lines_sent(const struct ui_flush *f);
unsigned long ui_flush_lines_handed(const struct ui_flush *f);
/* Whether it reads and writes curses' screens in place (this ncurses'
 * lines are laid out as it checked), rather than through copies: for the
 * tests, once it has sent a frame. */
bool ui_flush_in_place(const struct ui_flush *f);
/* Never in place: the lines copied through the public calls, as where
 * the check fails (another ncurses), so that the tests cover that way. */
void ui_flush_copy_lines(struct ui_flush *f);

#endif
