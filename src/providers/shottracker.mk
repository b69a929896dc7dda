# src/providers/shottracker.mk: sources, tests and benchmarks of this module.
