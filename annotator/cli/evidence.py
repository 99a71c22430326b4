"""`evidence`, `link`, `datasets`, `dataset import|show`: the supporting data.

Thin over project.evidence, project.links and project.datasets; a reference
to something that does not exist (claim, dataset, row past the end) is
refused with one stderr line and exit 1, a malformed command with exit 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from annotator.claims.links import LinkError
from annotator.cli.support import (
    ARTICLE_ID,
    CLAIM_ID,
    ROW_NUMBER,
    echo,
    echo_text,
    emit_json,
    guarded,
    json_option,
    opened_project,
    project_option,
    safe_line,
)
from annotator.datasets.service import DatasetError
from annotator.errors import AnnotatorError, NotFound
from annotator.evidence.service import EvidenceError
from annotator.history import steps
from annotator.history.kinds_evidence import added, dataset_imported
from annotator.models import CLAIM_RELATIONS, EVIDENCE_RELATIONS, Attach, Evidence
from annotator.project import Project

ALL_RELATIONS = (*EVIDENCE_RELATIONS, *CLAIM_RELATIONS)


@contextmanager
def naming(project: Project) -> Iterator[None]:
    """Prefix a failure about the project's contents with the project file's name."""
    try:
        yield
    except NotFound as exc:
        raise NotFound(f"{project.path}: {exc}") from exc
    except (EvidenceError, LinkError, DatasetError) as exc:
        raise AnnotatorError(f"{project.path}: {exc}") from exc


def _items(project: Project, claim_id: int | None) -> list[dict[str, Any]]:
    """Evidence links, claim links (seen from the claim) and, for the whole project,
    the evidence no claim uses yet."""
    items = [link.as_json() for link in project.evidence.list(claim_id)]
    items += [link.as_json(claim_id) for link in project.links.list(claim_id)]
    if claim_id is None:
        items += [
            {**e.as_json(), "link_id": None, "claim_id": None, "relation": None, "note": ""}
            for e in project.evidence.unlinked()
        ]
    return items


def _describe(item: dict[str, Any]) -> str:
    kind = item["kind"]
    if kind == "url":
        return item["url"] + (f"  “{item['title']}”" if item.get("title") else "")
    if kind == "document":
        return f"{item['file']}  sha256 {item['sha256'][:12]}…"
    if kind == "statistic":
        return str(item["statistic"])
    if kind == "dataset":
        return f"{item['dataset']} row {', '.join(str(r) for r in item['rows'])}"
    if kind == "article_span":
        return f"article {item['article']} [{item['start']}:{item['end']}] “{item['quote']}”"
    if kind == "claim":
        return f"claim {item['claim']} (article {item['article']}) “{item['quote']}”"
    return str(item.get("text", ""))


@click.command("evidence")
@click.option(
    "--claim", "claim_id", type=CLAIM_ID, default=None, help="Only this claim's evidence and links."
)
@project_option
@json_option
@guarded
def evidence_command(claim_id: int | None, project_path: Path | None, as_json: bool) -> None:
    """List evidence items and claim links, with their relation and note."""
    with opened_project(project_path) as project, naming(project):
        items = _items(project, claim_id)
    if as_json:
        emit_json(items)
        return
    for item in items:
        owner = "-" if item["claim_id"] is None else item["claim_id"]
        relation = item["relation"] or "(unlinked)"
        note = f"  — {item['note']}" if item["note"] else ""
        echo(f"{owner!s:>5}  {relation:11} {item['kind']:12} {_describe(item)}{note}")


@click.command("link")
@click.argument("claim_id", type=CLAIM_ID)
@click.option("--url", help="A web page (stored as text, never fetched).")
@click.option("--title", default="", help="Title of the web page or document.")
@click.option("--statistic", help='A figure: "measure, period: value unit, source S".')
@click.option("--dataset", help="An imported dataset's name (with --row).")
@click.option(
    "--row", type=ROW_NUMBER, multiple=True, help="Row of the dataset, counted from 1 (repeatable)."
)
@click.option(
    "--claim",
    "other_claim",
    type=CLAIM_ID,
    help="Another claim (relation same|contradicts|responds-to).",
)
@click.option(
    "--file", "file_path", type=click.Path(path_type=Path), help="A file to attach (at most 25 MB)."
)
@click.option(
    "--article", type=ARTICLE_ID, help="A passage of another article (with --start and --end)."
)
@click.option("--start", type=int, help="Start of the passage, in characters.")
@click.option("--end", type=int, help="End of the passage, in characters.")
@click.option("--text", help="A free note as evidence.")
@click.option(
    "--relation",
    required=True,
    type=click.Choice(ALL_RELATIONS),
    help="supports|refutes|context (with --claim: same|contradicts|responds-to).",
)
@click.option("--note", default="", help="Why this evidence bears on the claim.")
@project_option
@json_option
@guarded
def link_command(
    claim_id: int,
    url: str | None,
    title: str,
    statistic: str | None,
    dataset: str | None,
    row: tuple[int, ...],
    other_claim: int | None,
    file_path: Path | None,
    article: int | None,
    start: int | None,
    end: int | None,
    text: str | None,
    relation: str,
    note: str,
    project_path: Path | None,
    as_json: bool,
) -> None:
    """Link a claim to evidence (a URL, statistic, dataset row, file, passage, note) or to another claim."""
    targets = {
        "--url": url,
        "--statistic": statistic,
        "--dataset": dataset,
        "--claim": other_claim,
        "--file": file_path,
        "--article": article,
        "--text": text,
    }
    given = [name for name, value in targets.items() if value is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of " + ", ".join(targets))
    if (dataset is None) != (not row):
        raise click.UsageError("--dataset and --row go together")
    has_span = start is not None and end is not None
    if (article is not None and not has_span) or (article is None and (start, end) != (None, None)):
        raise click.UsageError("--article, --start and --end go together")
    wanted = CLAIM_RELATIONS if other_claim is not None else EVIDENCE_RELATIONS
    if relation not in wanted:
        raise click.UsageError(f"--relation must be one of {', '.join(wanted)} here")
    with opened_project(project_path) as project, naming(project):
        result = _make_link(project, claim_id, relation, note, targets, title, row, start, end)
    if as_json:
        emit_json(result)
    else:
        echo(f"linked claim {claim_id} {relation} {result['kind']} {_describe(result)}")


def _make_link(
    project: Project,
    claim_id: int,
    relation: str,
    note: str,
    targets: dict[str, Any],
    title: str,
    rows: tuple[int, ...],
    start: int | None,
    end: int | None,
) -> dict[str, Any]:
    ev = project.evidence
    if targets["--claim"] is not None:
        payload = {"from_claim": claim_id, "to_claim": targets["--claim"],
                   "relation": relation, "note": note}  # fmt: skip
        done = steps.do(project, "add_claim_link", payload)
        return project.links.get(int(done.entry.payload["link_id"])).as_json(claim_id)
    with project.history.recording():  # the item, its link and its undo step together
        item = _add_item(project, claim_id, relation, note, targets, title, rows, start, end)
        steps.record(project, "add_evidence", *added(item, [claim_id]))
    return ev.get_link(claim_id, item.id).as_json()


def _add_item(
    project: Project,
    claim_id: int,
    relation: str,
    note: str,
    targets: dict[str, Any],
    title: str,
    rows: tuple[int, ...],
    start: int | None,
    end: int | None,
) -> Evidence:
    ev = project.evidence
    attach = Attach(claim_id, relation, note)
    if targets["--url"] is not None:
        item = ev.add_url(targets["--url"], title, attach=attach)
    elif targets["--statistic"] is not None:
        item = ev.add_statistic_text(targets["--statistic"], attach=attach)
    elif targets["--dataset"] is not None:
        item = ev.add_dataset_rows(targets["--dataset"], list(rows), attach=attach)
    elif targets["--file"] is not None:
        item = ev.add_document(targets["--file"], title, attach=attach)
    elif targets["--article"] is not None:
        assert start is not None and end is not None
        item = ev.add_article_span(targets["--article"], start, end, attach=attach)
    else:
        item = ev.add_note(targets["--text"], attach=attach)
    return item


@click.command("datasets")
@project_option
@json_option
@guarded
def datasets_command(project_path: Path | None, as_json: bool) -> None:
    """List the imported datasets with their row counts and columns."""
    with opened_project(project_path) as project:
        found = project.datasets.list()
    if as_json:
        emit_json([d.as_json() for d in found])
        return
    for d in found:
        echo(f"{d.name}  {d.rows} rows  [{', '.join(d.column_names())}]  ({d.source_name})")


@click.group("dataset")
def dataset_group() -> None:
    """Import a table of figures (CSV, TSV, Excel) or show one."""


@dataset_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--name", required=True, help="The name the dataset is known by in the project.")
@project_option
@json_option
@guarded
def dataset_import_command(file: Path, name: str, project_path: Path | None, as_json: bool) -> None:
    """Import a CSV, TSV or Excel file as a dataset (delimiter and encoding detected)."""
    with opened_project(project_path) as project, naming(project), project.history.recording():
        dataset = project.datasets.import_file(file, name)
        steps.record(project, "import_dataset", *dataset_imported(dataset.name))
    if as_json:
        emit_json(dataset.as_json())
    else:
        echo(f"imported {dataset.name}: {dataset.rows} rows, {len(dataset.columns)} columns")


@dataset_group.command("show")
@click.argument("name")
@project_option
@json_option
@guarded
def dataset_show_command(name: str, project_path: Path | None, as_json: bool) -> None:
    """Print a dataset's rows (JSON: a list of objects keyed by column)."""
    with opened_project(project_path) as project, naming(project):
        dataset = project.datasets.get(name)
        rows = [values for _, values in project.datasets.rows(name, 0, None)]
    if as_json:
        emit_json(rows)
        return
    # Tabs part the columns; a tab or newline inside a cell is shown escaped.
    echo_text("\t".join(safe_line(c) for c in dataset.column_names()))
    for values in rows:
        echo_text("\t".join("" if v is None else safe_line(str(v)) for v in values.values()))
