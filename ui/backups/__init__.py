"""Backups in the window: back up now, the schedule, restore."""
