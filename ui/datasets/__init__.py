"""The datasets dock: browse an imported table, pin its rows as evidence, chart it."""
