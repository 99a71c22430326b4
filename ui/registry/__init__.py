"""The speaker registry and the codebook dialogs, with their undo commands."""
