"""The project file in SQL: one module per table group, projectfile/ (open, schema,
migrations, checks, backups), search/ (FTS5). No Qt, no domain rules."""
