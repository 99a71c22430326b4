"""The project file itself: opening it safely, the schema and its migrations,
integrity checks, online backups and the project's own settings."""
