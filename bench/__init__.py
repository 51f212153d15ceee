"""Benchmarks that print figures (recorded in BENCHMARKS.md)."""
