# Helpers for the tests that drive courtside in a real terminal: a private
# tmux server, detached, at a fixed size; sourced after tests/tap.sh (and
# after tests/sim_common.sh where a test uses both).
#
#   tmux_sock=PATH           the private server's socket: set it first
#   tm ARGS...               tmux on that socket
#   screen                   the text of session "cs" (capture-pane -p)
#   has TEXT / hasnt TEXT    TEXT is on the screen / is not
#   wait_for TEXT            waits until TEXT shows; wait_gone TEXT until it
#                            goes (~60 s, a safety net: they wait for the
#                            screen, never for time)
#   rows_are N               the screen has N rows
#   resize COLS LINES        resizes the window and waits for its rows
#   tm_start COLS LINES COMMAND...   session "cs" running COMMAND (words
#                            joined, run by tmux's shell) in a UTF-8
#                            tmux-256color terminal, "EXIT=status" printed
#                            when it ends; no status line
#   tm_stop                  kills the server and removes its socket
#
# A new session on a server still going away fails ("server exited
# unexpectedly"): tm_stop removes the socket path, so the next server
# makes its own (tmux does not remove it).

tm() { tmux -S "${tmux_sock:?tmux_sock is not set}" "$@"; }
screen() { tm capture-pane -p -t cs; }
has() { screen 2>/dev/null | grep -qF -- "$1"; }
hasnt() { ! screen 2>/dev/null | grep -qF -- "$1"; }
wait_for() { tap_wait_until 60 has "$1"; }
wait_gone() { tap_wait_until 60 hasnt "$1"; }
rows_are() { [ "$(screen | wc -l)" -eq "$1" ]; }

resize() {   # resize COLS LINES
	tm resize-window -t cs -x "$1" -y "$2"
	tap_wait_until 60 rows_are "$2"
}

tm_start() {   # tm_start COLS LINES COMMAND...
	local cols=$1 lines=$2
	shift 2
	tm -f /dev/null new-session -d -s cs -x "$cols" -y "$lines" \
	    "env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $* ; echo EXIT=\$?; sleep 600"
	tm set-option -g status off >/dev/null
}

tm_stop() {
	tm kill-server >/dev/null 2>&1
	rm -f "$tmux_sock"
}
