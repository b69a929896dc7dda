# src/sim/server.mk: sources, tests and benchmarks of this module.
