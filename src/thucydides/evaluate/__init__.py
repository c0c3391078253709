"""Scoring against gold sets and throughput benchmarks (``thucydides eval``, ``thucydides bench``): thin over the
library, reading the gold sets or corpus the user names and writing reports where they are told."""
