"""A slow fake input for background-job tests: item N waits until the test lets it go.

Cancel is tested without timing: the job is held inside item N, the user
presses Cancel, item N is let go, and the test asserts nothing after item N
was processed. The window is driven while the job is held, to show it answers.
"""

from __future__ import annotations

import threading

HOLD_SECONDS = 10.0  # a held item gives up after this, so a broken test cannot hang


class Gate:
    """Counts items as the job reaches them; the `hold`-th (0-based) blocks until opened."""

    def __init__(self, hold: int) -> None:
        self.hold = hold
        self.seen: list[object] = []
        self.reached = threading.Event()  # the job is inside the held item
        self._open = threading.Event()

    def passing(self, item: object) -> None:
        """Called by the fake input on the job's thread for each item."""
        self.seen.append(item)
        if len(self.seen) - 1 == self.hold:
            self.reached.set()
            self._open.wait(HOLD_SECONDS)

    def open(self) -> None:
        self._open.set()
