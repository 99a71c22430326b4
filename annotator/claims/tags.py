"""Tagging and filtering claims by the names a user types (project.claims.tag / filter).

The CLI and quick-entry fields speak in names ("Streeting", "government");
this module turns them into codebook and speaker ids, refusing unknown
codebook names with the list of valid ones so a typo never tags silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.errors import NotFound
from annotator.models import Claim
from annotator.publisher import web_url
from db import claims as q

if TYPE_CHECKING:
    from annotator.project import Project


def _vocab_id(project: Project, kind: str, name: str | None) -> int | None:
    """None for a blank name (clears the tag), else the id (unknown names refused)."""
    if name is None or not name.strip():
        return None
    return project.codebook.resolve(kind, name).id


def tag(
    project: Project,
    claim_id: int,
    speaker: str | None = None,
    side: str | None = None,
    stance: str | None = None,
    verdict: str | None = None,
    topics: list[str] | tuple[str, ...] | None = None,
    status: str | None = None,
    statement: str | None = None,
    review_url: str | None = None,
) -> Claim:
    """Set tags by name; None leaves a tag as it is, "" clears it, topics replace the set.

    An unknown speaker is created (with the side given, if any). A claim with
    no side takes its speaker's side: who speaks usually says where it stands.
    """
    claims = project.claims
    claim = claims.get(claim_id)
    fields: dict[str, Any] = {}
    if side is not None:
        fields["side_id"] = _vocab_id(project, "side", side)
    if stance is not None:
        fields["stance_id"] = _vocab_id(project, "stance", stance)
    if verdict is not None:
        fields["verdict_id"] = _vocab_id(project, "verdict", verdict)
    topic_ids = None
    if topics is not None:
        topic_ids = [project.codebook.resolve("topic", t).id for t in topics if t.strip()]
    if status is not None:
        fields["status"] = status.strip()
    if statement is not None:
        fields["statement"] = statement.strip() or claim.quote
    if review_url is not None:
        fields["review_url"] = web_url(review_url, "review URL") if review_url.strip() else None
    with project.db.atomic():
        if speaker is not None:
            if not speaker.strip():
                fields["speaker_id"] = None
            else:
                found = project.speakers.find(speaker)
                if found is None:
                    found = project.speakers.create(speaker, side_id=fields.get("side_id"))
                fields["speaker_id"] = found.id
                side_now = fields.get("side_id", claim.side_id)
                if side_now is None and found.side_id is not None:
                    fields["side_id"] = found.side_id
        return claims.update(claim_id, topic_ids=topic_ids, **fields)


def filter_rows(
    project: Project,
    article_id: int | None = None,
    speaker: str | None = None,
    side: str | None = None,
    stance: str | None = None,
    verdict: str | None = None,
    topic: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Rows of the claims matching every filter given by name (a speaker by any of their names)."""
    speaker_id = None
    if speaker is not None:
        found = project.speakers.find(speaker)
        if found is None:
            raise NotFound(f"no speaker called {speaker!r}")
        speaker_id = found.id
    return q.select_filtered(
        project.db,
        article_id=article_id,
        speaker_id=speaker_id,
        side_id=None if side is None else project.codebook.resolve("side", side).id,
        stance_id=None if stance is None else project.codebook.resolve("stance", stance).id,
        verdict_id=None if verdict is None else project.codebook.resolve("verdict", verdict).id,
        topic_id=None if topic is None else project.codebook.resolve("topic", topic).id,
        status=status,
    )
