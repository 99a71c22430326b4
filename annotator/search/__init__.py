"""Full-text search over articles, claims and evidence."""
