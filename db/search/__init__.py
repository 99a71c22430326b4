"""Full-text search storage: the FTS5 tables and their queries (fts), and the
visible-text copy of articles searched beside them (visible_texts)."""
