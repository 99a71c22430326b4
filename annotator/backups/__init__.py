"""Backups of a project file: on demand, on a schedule, before a schema upgrade, and restore."""
