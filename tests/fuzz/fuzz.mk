# tests/fuzz/fuzz.mk: the fuzz targets of the command line, the config file,
# HTTP headers, REST errors and the push handshake, and `make fuzz-long`.
# (The parsers' targets are in their modules' .mk files; the flags in
# src/providers/providers.mk.)  As everywhere: tests/fuzz/driver.c (corpus
# + 20,000 mutations, TAP) in `make check`; libFuzzer with --enable-fuzz.
EXTRA_DIST += tests/fuzz/fuzz_check.h tests/fuzz/fuzz_long.sh \
	tests/fuzz/corpus/settings tests/fuzz/corpus/config tests/fuzz/corpus/clock_spec \
	tests/fuzz/corpus/http_header tests/fuzz/corpus/rest_errors \
	tests/fuzz/corpus/push_handshake

# the command line (settings_parse)
check_PROGRAMS += tests/fuzz/fuzz_settings
tests_fuzz_fuzz_settings_SOURCES = tests/fuzz/fuzz_settings.c
tests_fuzz_fuzz_settings_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_settings_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_settings_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_settings_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_settings
endif

# the config file reader
check_PROGRAMS += tests/fuzz/fuzz_config
tests_fuzz_fuzz_config_SOURCES = tests/fuzz/fuzz_config.c
tests_fuzz_fuzz_config_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_config_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_config_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_config_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_config
endif

# --until / --start-at PERIOD/CLOCK
check_PROGRAMS += tests/fuzz/fuzz_clock_spec
tests_fuzz_fuzz_clock_spec_SOURCES = tests/fuzz/fuzz_clock_spec.c
tests_fuzz_fuzz_clock_spec_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_clock_spec_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_clock_spec_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_clock_spec_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_clock_spec
endif

# HTTP response header lines (http.c)
check_PROGRAMS += tests/fuzz/fuzz_http_header
tests_fuzz_fuzz_http_header_SOURCES = tests/fuzz/fuzz_http_header.c
tests_fuzz_fuzz_http_header_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_http_header_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_http_header_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_http_header_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_http_header
endif

# REST error bodies of both providers
check_PROGRAMS += tests/fuzz/fuzz_rest_errors
tests_fuzz_fuzz_rest_errors_SOURCES = tests/fuzz/fuzz_rest_errors.c
tests_fuzz_fuzz_rest_errors_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_rest_errors_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_rest_errors_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_rest_errors_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_rest_errors
endif

# the Sportradar push 302 Location, sessionId and stream headers
check_PROGRAMS += tests/fuzz/fuzz_push_handshake
tests_fuzz_fuzz_push_handshake_SOURCES = tests/fuzz/fuzz_push_handshake.c
tests_fuzz_fuzz_push_handshake_CPPFLAGS = $(fuzz_cpp_flags)
tests_fuzz_fuzz_push_handshake_CFLAGS = $(fuzz_c_flags)
tests_fuzz_fuzz_push_handshake_LDFLAGS = $(fuzz_ld_flags)
if !ENABLE_FUZZ
tests_fuzz_fuzz_push_handshake_SOURCES += tests/fuzz/driver.c
TESTS += tests/fuzz/fuzz_push_handshake
endif
