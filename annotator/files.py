"""Reading a file a user named: only a regular file, and never more than a cap.

Every reader of an outside file (merge, dataset import, attached documents,
article import) goes through `read_capped`, so /dev/zero, a FIFO or a file
that grows while it is read are refused the same way before memory runs out
or the command hangs. The file is opened non-blocking (opening a FIFO with no
writer would otherwise wait forever) and checked with fstat on the very file
descriptor that is read, so swapping the name for a device between the check
and the read changes nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MB = 1024 * 1024


class FileRefused(Exception):
    """Why a file was not read; the message names no path (each caller adds it)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _megabytes(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size / MB:.1f} MB"


def read_capped(path: Path, limit: int, limit_name: str = "limit") -> bytes:
    """The whole file, at most `limit` bytes; raises FileRefused saying why not.

    `limit_name` is how the reason names the cap ("limit for a dataset" reads
    "over the 50 MB limit for a dataset").
    """
    cap = f"{limit / MB:g} MB {limit_name}"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError as exc:
        raise FileRefused("is a folder, not a file") from exc
    except OSError as exc:
        raise FileRefused(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise FileRefused("is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            # a device or pipe (/dev/zero, a FIFO) has no size and would be read forever
            raise FileRefused("is not a regular file")
        if status.st_size > limit:
            raise FileRefused(f"is {_megabytes(status.st_size)}, over the {cap}")
        with os.fdopen(fd, "rb", closefd=False) as stream:  # capped: it may grow meanwhile
            data = stream.read(limit + 1)
    except OSError as exc:
        raise FileRefused(f"cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileRefused(f"grew past the {cap} while being read")
    return data


def output_refusal(path: Path) -> str | None:
    """Why `path` cannot take a file written beside it and renamed into place, or None.

    Writers (exports, archives) write a temporary file and rename it over the
    name they were given, so a pipe or a device there would be replaced by a
    regular file (for root, /dev/null or /dev/full itself), and a folder cannot be.
    """
    try:
        status = os.stat(path)  # stat only: a FIFO is never opened
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be written ({exc.strerror or exc})"
    if stat.S_ISDIR(status.st_mode):
        return "is a folder; give a file name"
    if not stat.S_ISREG(status.st_mode):
        return "is not a regular file (a device, pipe or socket)"
    return None
