"""Claims: marking, tagging, links between claims, and following an article's revisions."""
