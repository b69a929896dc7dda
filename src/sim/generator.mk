# src/sim/generator.mk: sources, tests and benchmarks of this module.
