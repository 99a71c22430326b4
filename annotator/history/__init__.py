"""The persisted undo history: every edit recorded so it undoes after reopening."""
