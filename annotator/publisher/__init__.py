"""The fact-checking organisation a project's ClaimReviews name as their author.

Google's ClaimReview rules want a web page for the publisher, its logo and each
review, so every URL stored here is refused unless it is http(s) with a host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from annotator.errors import AnnotatorError
from db import publisher as q

if TYPE_CHECKING:
    from db.projectfile.connection import ProjectDatabase


class PublisherError(AnnotatorError):
    """A publisher or review URL that a ClaimReview could not carry."""


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str
    logo: str | None

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url, "logo": self.logo}


def web_url(text: str, what: str = "URL") -> str:
    """The URL stripped, or PublisherError unless it is an http(s) address with a host."""
    value = text.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value:
        raise PublisherError(f"{what} must be an http(s) web address: {value[:80]!r}")
    return value


def get(db: ProjectDatabase) -> Publisher | None:
    found = q.row(db)
    return None if found is None else Publisher(found["name"], found["url"], found["logo"])


def put(db: ProjectDatabase, publisher: Publisher | None) -> None:
    """Store (or with None forget) the publisher; undo puts the previous one back."""
    with db.atomic():
        if publisher is None:
            q.clear(db)
        else:
            q.put(db, publisher.name, publisher.url, publisher.logo)


def set_publisher(
    db: ProjectDatabase, name: str | None, url: str | None, logo: str | None
) -> Publisher:
    """Change the fields given (None keeps, logo '' clears), checking name and URLs."""
    now = get(db)
    new_name = (name if name is not None else (now.name if now else "")).strip()
    if not new_name:
        raise PublisherError("the publisher needs a name")
    new_url = url if url is not None else (now.url if now else None)
    if new_url is None:
        raise PublisherError("the publisher needs a web address (--url)")
    new_logo = logo if logo is not None else (now.logo if now else None)
    result = Publisher(
        new_name,
        web_url(new_url, "publisher URL"),
        web_url(new_logo, "logo URL") if new_logo and new_logo.strip() else None,
    )
    put(db, result)
    return result
