"""bench/common.settle: a sample runs Qt's event loop until idle, not for one pass.

A chain of posted work (a layout request that posts a paint that posts a
deferred delete) outlives one processEvents(); a sample that stopped there
left the rest to be timed in the next sample, its floor.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def _settle() -> Callable[[], int]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from common import settle
    finally:
        sys.path.remove(str(ROOT / "bench"))
    found: Callable[[], int] = settle
    return found


def _chain(links: int, ran: list[int]) -> None:
    """Posts one step; each step posts the next, as Qt's layout and paint do."""

    def step(n: int) -> None:
        ran.append(n)
        if n + 1 < links:
            QTimer.singleShot(0, lambda: step(n + 1))

    QTimer.singleShot(0, lambda: step(0))


def test_settle_runs_a_chain_of_posted_work_to_its_end(qapp: QApplication) -> None:
    settle = _settle()
    settle()
    once: list[int] = []
    _chain(5, once)
    qapp.processEvents()
    assert len(once) < 5, "one pass was expected to leave part of the chain"
    settle()  # finish that chain before the real check
    ran: list[int] = []
    _chain(5, ran)
    passes = settle()
    assert ran == [0, 1, 2, 3, 4]
    assert passes >= 5
    assert settle() == 0  # idle: nothing more to run
