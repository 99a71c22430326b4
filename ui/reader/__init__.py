"""Reader panes: an article's canonical text with its claims painted, side by side."""
