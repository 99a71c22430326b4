"""What crosses the project's edge: importers (files to articles), exporters
(claim sets to formats) and mergers (a colleague's claim set in)."""
