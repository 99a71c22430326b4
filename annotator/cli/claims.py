"""`mark`, `tag`, `claims`, `speakers`: claims and who made them, from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.support import (
    ARTICLE_ID,
    CLAIM_ID,
    echo,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
)
from annotator.errors import AnnotatorError
from annotator.history import recording
from annotator.history.actions import quoted
from annotator.models import Changes, Claim, Speaker
from annotator.project import Project


class CommandFailed(AnnotatorError):
    """An expected failure, reported as one line naming the project file."""


def _fail(project: Project, exc: Exception) -> CommandFailed:
    return CommandFailed(f"{project.path}: {exc}")


def _claim_line(claim: Claim) -> str:
    where = "orphan" if claim.start is None else f"{claim.start}-{claim.end}"
    tags = ", ".join(
        t for t in (claim.speaker, claim.side, claim.stance, claim.verdict, *claim.topics) if t
    )
    review = "" if claim.anchor == "exact" else f" [{claim.anchor}: needs review]"
    return f"{claim.id:>5}  article {claim.article_id:<4} {where:>13}  {claim.quote!r}  ({tags or 'untagged'}){review}"


@click.command("mark")
@click.argument("article_id", type=ARTICLE_ID)
@click.option("--quote", required=True, help="The exact words of the claim, as in the article.")
@click.option(
    "--occurrence",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Which occurrence of the quote to mark, counting from 1.",
)
@click.option("--speaker", default=None, help="Who made the claim (name or alias; made if new).")
@click.option("--side", default=None, help="The side it comes from (a codebook side).")
@click.option("--stance", default=None, help="The stance it takes (a codebook stance).")
@project_option
@json_option
@guarded
def mark_command(
    article_id: int,
    quote: str,
    occurrence: int,
    speaker: str | None,
    side: str | None,
    stance: str | None,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Mark a claim on the N-th occurrence of its exact quote in an article."""
    with opened_project(project_path) as project:
        try:
            # The mark, its tags and its undo step commit together or not at all.
            with project.history.recording():
                before = recording.speaker_ids(project)
                claim = project.claims.mark_quote(article_id, quote, occurrence)
                if speaker is not None or side is not None or stance is not None:
                    claim = project.claims.tag(claim.id, speaker=speaker, side=side, stance=stance)
                mark = {"article_id": article_id, "start": claim.start, "end": claim.end,
                        "claim_id": claim.id, "snapshot": None}  # fmt: skip
                recording.record_children(
                    project,
                    f"Mark claim {quoted(claim.quote)}",
                    [
                        *recording.new_speakers(project, before),
                        {"kind": "mark_claim", "payload": mark},
                    ],
                    project.claims.changes_for(claim),
                )
        except AnnotatorError as exc:
            raise _fail(project, exc) from exc
    if as_json:
        emit_json(claim.as_json())
    else:
        echo(_claim_line(claim))


@click.command("tag")
@click.argument("claim_id", type=CLAIM_ID)
@click.option(
    "--speaker", default=None, help="Who made it (name or alias; made if new; '' clears)."
)
@click.option("--side", default=None, help="Its side ('' clears).")
@click.option("--stance", default=None, help="Its stance ('' clears).")
@click.option("--verdict", default=None, help="Its verdict ('' clears).")
@click.option(
    "--topic",
    "topics",
    multiple=True,
    help="A topic; repeat for several. Given topics replace the claim's set ('' clears it).",
)
@click.option("--status", default=None, help="to check | in progress | checked.")
@click.option("--statement", default=None, help="The claim in the checker's own words.")
@click.option(
    "--review-url", default=None, help="The published fact-check page (http(s); '' clears)."
)
@project_option
@json_option
@guarded
def tag_command(
    claim_id: int,
    speaker: str | None,
    side: str | None,
    stance: str | None,
    verdict: str | None,
    topics: tuple[str, ...],
    status: str | None,
    statement: str | None,
    review_url: str | None,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Tag a claim: speaker, side, stance, verdict, topics, status, statement (by name)."""
    with opened_project(project_path) as project:
        try:
            with project.history.recording():
                before = recording.claim_state(project, claim_id)
                speakers_before = recording.speaker_ids(project)
                claim = project.claims.tag(
                    claim_id,
                    speaker=speaker,
                    side=side,
                    stance=stance,
                    verdict=verdict,
                    topics=list(topics) if topics else None,
                    status=status,
                    statement=statement,
                    review_url=review_url,
                )
                children = [
                    *recording.new_speakers(project, speakers_before),
                    *recording.claim_edit(
                        claim_id, before, recording.claim_state(project, claim_id)
                    ),
                ]
                recording.record_children(
                    project, f"Tag claim {claim_id}", children, project.claims.changes_for(claim)
                )
        except AnnotatorError as exc:
            raise _fail(project, exc) from exc
    if as_json:
        emit_json(claim.as_json())
    else:
        echo(_claim_line(claim))


@click.command("claims")
@click.option(
    "--article", "article_id", type=ARTICLE_ID, default=None, help="Only this article's claims."
)
@click.option("--speaker", default=None, help="Only claims by this speaker (name or alias).")
@click.option("--side", default=None, help="Only claims from this side.")
@click.option("--stance", default=None, help="Only claims taking this stance.")
@click.option("--verdict", default=None, help="Only claims with this verdict.")
@click.option("--topic", default=None, help="Only claims on this topic.")
@click.option("--status", default=None, help="Only claims with this status.")
@project_option
@json_option
@guarded
def claims_command(
    article_id: int | None,
    speaker: str | None,
    side: str | None,
    stance: str | None,
    verdict: str | None,
    topic: str | None,
    status: str | None,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """List claims with their anchors (offsets in code points) and tags."""
    with opened_project(project_path) as project:
        try:
            if article_id is not None:
                project.articles.summary(article_id)
            claims = project.claims.filter(
                article_id=article_id,
                speaker=speaker,
                side=side,
                stance=stance,
                verdict=verdict,
                topic=topic,
                status=status,
            )
        except AnnotatorError as exc:
            raise _fail(project, exc) from exc
    if as_json:
        emit_json([c.as_json() for c in claims])
        return
    for claim in claims:
        echo(_claim_line(claim))


@click.command("speakers")
@project_option
@json_option
@guarded
def speakers_command(project_path: Path | None, as_json: bool) -> None:
    """List speakers with their aliases, side and number of claims."""
    with opened_project(project_path) as project:
        speakers = project.speakers.list()
        counts = project.speakers.claim_counts()
    if as_json:
        emit_json([{**s.as_json(), "claims": counts.get(s.id, 0)} for s in speakers])
        return
    for s in speakers:
        aliases = f"  (also: {', '.join(s.aliases)})" if s.aliases else ""
        echo(f"{s.id:>5}  {s.name}  [{s.side or 'no side'}]  {counts.get(s.id, 0)} claims{aliases}")


def _record_speaker(
    project: Project,
    speaker: Speaker,
    old: Speaker | None,
    fields: dict[str, object],
    aliases: tuple[str, ...],
) -> None:
    """The speaker command's undo step: a new speaker, or the fields and aliases changed."""
    if old is None:
        created = {"fields": {"name": speaker.name}, "speaker_id": speaker.id, "snapshot": None}
        children = [{"kind": "create_speaker", "payload": created}]
        label = f"New speaker “{speaker.name}”"
    else:
        changed = [n for n in fields if getattr(old, n) != getattr(speaker, n)]
        children = []
        if changed:
            children.append({"kind": "edit_speaker", "payload": {
                "speaker_id": speaker.id,
                "new": {n: getattr(speaker, n) for n in changed},
                "old": {n: getattr(old, n) for n in changed}}})  # fmt: skip
        known = {a.casefold() for a in (old.name, *old.aliases)}
        children.extend(
            {"kind": "speaker_alias",
             "payload": {"speaker_id": speaker.id, "alias": a.strip(), "add": True}}
            for a in dict.fromkeys(aliases) if a.strip().casefold() not in known
        )  # fmt: skip
        label = f"Edit speaker “{speaker.name}”"
    recording.record_children(project, label, children, Changes(speakers=True))


@click.command("speaker")
@click.argument("name")
@click.option(
    "--kind",
    type=click.Choice(["person", "organisation"]),
    default=None,
    help="A person or an organisation (a ClaimReview types the claim's author by it).",
)
@click.option("--side", default=None, help="Their side ('' clears).")
@click.option("--role", default=None, help="Their role ('' clears).")
@click.option("--alias", "aliases", multiple=True, help="Another name they go by; repeatable.")
@project_option
@json_option
@guarded
def speaker_command(
    name: str,
    kind: str | None,
    side: str | None,
    role: str | None,
    aliases: tuple[str, ...],
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Create a speaker, or edit the one going by NAME (name or alias)."""
    with opened_project(project_path) as project:
        try:
            with project.history.recording():  # all of the edit and its undo step, or none
                side_id = None
                if side is not None and side.strip():
                    side_id = project.codebook.resolve("side", side).id
                found = project.speakers.find(name)
                created = found is None
                old = None if found is None else found
                if found is None:
                    found = project.speakers.create(
                        name, role=role, side_id=side_id, aliases=list(aliases)
                    )
                    aliases = ()
                fields: dict[str, object] = {}
                if kind is not None:
                    fields["kind"] = kind
                if side is not None:
                    fields["side_id"] = side_id
                if role is not None:
                    fields["role"] = role
                speaker = project.speakers.update(found.id, **fields)
                for alias in aliases:
                    if alias.strip().casefold() not in {
                        n.casefold() for n in (speaker.name, *speaker.aliases)
                    }:
                        speaker = project.speakers.add_alias(speaker.id, alias)
                _record_speaker(project, speaker, old if not created else None, fields, aliases)
        except AnnotatorError as exc:
            raise _fail(project, exc) from exc
    if as_json:
        emit_json(speaker.as_json())
    else:
        echo(f"{speaker.id:>5}  {speaker.name}  ({speaker.kind})  [{speaker.side or 'no side'}]")
