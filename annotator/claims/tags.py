"""Tagging and filtering claims by the names a user types (project.claims.tag / filter).

The CLI and quick-entry fields speak in names ("Streeting", "government");
this module turns them into codebook and speaker ids, refusing unknown
codebook names with the list of valid ones so a typo never tags silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.models import Claim
from annotator.publisher import web_url
from db import claims as q

if TYPE_CHECKING:
    from annotator.codebook.service import Codebook
    from annotator.models import Speaker
    from annotator.speakers.service import SpeakerManager
    from db.projectfile.connection import ProjectDatabase


def _vocab_id(codebook: Codebook, kind: str, name: str | None) -> int | None:
    """None for a blank name (clears the tag), else the id (unknown names refused)."""
    if name is None or not name.strip():
        return None
    return codebook.resolve(kind, name).id


def tag_fields(
    codebook: Codebook,
    claim: Claim,
    side: str | None = None,
    stance: str | None = None,
    verdict: str | None = None,
    topics: list[str] | tuple[str, ...] | None = None,
    status: str | None = None,
    statement: str | None = None,
    review_url: str | None = None,
) -> tuple[dict[str, Any], list[int] | None]:
    """The fields and topic ids a tag by names sets; None leaves a tag as it is, "" clears it.

    Only reads: every name is resolved (an unknown one refused) before the
    caller writes anything.
    """
    fields: dict[str, Any] = {}
    if side is not None:
        fields["side_id"] = _vocab_id(codebook, "side", side)
    if stance is not None:
        fields["stance_id"] = _vocab_id(codebook, "stance", stance)
    if verdict is not None:
        fields["verdict_id"] = _vocab_id(codebook, "verdict", verdict)
    topic_ids = None
    if topics is not None:
        topic_ids = [codebook.resolve("topic", t).id for t in topics if t.strip()]
    if status is not None:
        fields["status"] = status.strip()
    if statement is not None:
        fields["statement"] = statement.strip() or claim.quote
    if review_url is not None:
        fields["review_url"] = web_url(review_url, "review URL") if review_url.strip() else None
    return fields, topic_ids


def speaker_fields(
    speakers: SpeakerManager, claim: Claim, speaker: str, fields: dict[str, Any]
) -> dict[str, Any]:
    """The speaker (and side) fields for a speaker named by the user; run inside the tag's
    transaction, since an unknown speaker is created (with the side given, if any).

    A claim with no side takes its speaker's side: who speaks usually says where it stands.
    """
    if not speaker.strip():
        return {"speaker_id": None}
    found: Speaker | None = speakers.find(speaker)
    if found is None:
        found = speakers.create(speaker, side_id=fields.get("side_id"))
    more: dict[str, Any] = {"speaker_id": found.id}
    side_now = fields.get("side_id", claim.side_id)
    if side_now is None and found.side_id is not None:
        more["side_id"] = found.side_id
    return more


def filter_rows(
    db: ProjectDatabase,
    codebook: Codebook,
    article_id: int | None = None,
    speaker_id: int | None = None,
    side: str | None = None,
    stance: str | None = None,
    verdict: str | None = None,
    topic: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Rows of the claims matching every filter given by name (the speaker already found)."""
    return q.select_filtered(
        db,
        article_id=article_id,
        speaker_id=speaker_id,
        side_id=None if side is None else codebook.resolve("side", side).id,
        stance_id=None if stance is None else codebook.resolve("stance", stance).id,
        verdict_id=None if verdict is None else codebook.resolve("verdict", verdict).id,
        topic_id=None if topic is None else codebook.resolve("topic", topic).id,
        status=status,
    )
