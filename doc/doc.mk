# doc/doc.mk: the manuals' checks and the shell completions.
#
# tests/man_keys prints the KEYS section of doc/courtside.1 from the help
# pane's key tables; tests/test_man.sh holds the page to it
# (CS_UPDATE_MAN=1 rewrites the section).
check_PROGRAMS += tests/man_keys
tests_man_keys_SOURCES = tests/man_keys.c
TESTS += tests/test_man.sh
EXTRA_DIST += tests/test_man.sh

# Bash completion for both programs, sourced and tried by
# tests/test_completion.sh; `make install` puts them where bash-completion
# looks (configure --with-bash-completion-dir to choose).
if ENABLE_BASH_COMPLETION
bashcompletiondir = $(BASH_COMPLETION_DIR)
dist_bashcompletion_DATA = completions/courtside completions/courtside-sim
else
EXTRA_DIST += completions/courtside completions/courtside-sim
endif
TESTS += tests/test_completion.sh
EXTRA_DIST += tests/test_completion.sh
# distcheck installs under its own prefix, never into the system's directory
AM_DISTCHECK_CONFIGURE_FLAGS = --with-bash-completion-dir='$${prefix}/share/bash-completion/completions'
