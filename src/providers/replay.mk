# src/providers/replay.mk: sources, tests and benchmarks of this module.
