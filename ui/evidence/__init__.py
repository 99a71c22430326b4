"""Evidence in the window: the evidence panel, its forms, dialogs and undo commands."""
