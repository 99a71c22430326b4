"""Sub-commands of the `annotator` CLI, one module per noun."""
