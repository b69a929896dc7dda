# bench/bench.mk: sources, tests and benchmarks of this module.
