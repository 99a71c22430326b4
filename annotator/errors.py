"""Errors the service raises: each message is one line a user can act on."""

from __future__ import annotations

from db.projectfile.connection import ProjectFileError

__all__ = ["AnnotatorError", "Cancelled", "ImportFailure", "NotFound", "ProjectFileError"]


class AnnotatorError(Exception):
    """Base of every expected failure; the CLI prints it as one stderr line."""


class Cancelled(AnnotatorError):
    """The user asked long work to stop (a stop callback said so); what it was doing
    in its transaction is rolled back. A background job reports it as cancelled,
    never as a failure."""


class ImportFailure(AnnotatorError):
    """An input file could not be imported; names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class NotFound(AnnotatorError):
    """A referenced id or name does not exist in the project."""
