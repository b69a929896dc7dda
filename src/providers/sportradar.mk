# src/providers/sportradar.mk: sources, tests and benchmarks of this module.
