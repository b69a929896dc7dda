# Tests that belong to no single module.
check_PROGRAMS += tests/test_sign
TESTS += tests/test_sign
tests_test_sign_SOURCES = tests/test_sign.c tests/tap.h
