"""The search dock: find claims, articles and evidence while typing."""
