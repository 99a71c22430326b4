"""Comparing sides: the topic-by-topic table, the balance counts, and matching
the same claim across articles."""
