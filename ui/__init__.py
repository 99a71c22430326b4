"""The window (PySide6): shell/ is the window itself, every other package one
feature reaching it through the shell's Host."""
