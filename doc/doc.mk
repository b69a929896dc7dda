# doc/doc.mk: the manuals' checks and the shell completions.
#
# tests/man_keys prints the KEYS section of doc/courtside.1 from the help
# pane's key tables; tests/test_man.sh holds the page to it
# (CS_UPDATE_MAN=1 rewrites the section).
check_PROGRAMS += tests/man_keys
tests_man_keys_SOURCES = tests/man_keys.c
TESTS += tests/test_man.sh
EXTRA_DIST += tests/test_man.sh
