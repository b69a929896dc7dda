# bench/bench.mk: sources, tests and benchmarks of this module.

# make bench: a league night (8 live games, --all) in one courtside process:
# CPU, peak RSS and event -> screen p99, for each provider.
EXTRA_PROGRAMS += bench/bench_league
bench_progs += bench/bench_league
bench_bench_league_SOURCES = bench/bench_league.c bench/bench_json.h
bench_bench_league_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/src \
	-DTOP_BUILDDIR='"$(abs_top_builddir)"'
