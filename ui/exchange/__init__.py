"""Getting things in and out from the window: import, export and merge."""
