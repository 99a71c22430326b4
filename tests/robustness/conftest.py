"""The GUI fixtures of tests/ui, shared so robustness tests drive the real window too."""

from __future__ import annotations

from tests.ui.conftest import session, window

__all__ = ["session", "window"]
