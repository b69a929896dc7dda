# ui/ui.mk: sources, tests and benchmarks of this module.
