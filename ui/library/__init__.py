"""The library dock: every article in a table, article details and deletion."""
