"""REFI-QDA as QualCoder reads it: valid against the QDA-XML schema, code names unique.

QualCoder keys codes by name when it imports a .qdpx; a speaker called
"Government" and the side "government" must stay two codes, or one claim's
coding is lost.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.exchange.exporters import export_to_path
from annotator.exchange.exporters.refi_qda import code_names
from annotator.models import ImportedArticle
from annotator.project import Project
from tests.annotator import exchange_fixtures as fx

QDA = "{urn:QDA-XML:project:1.0}"
XSD = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "schemas"
    / "refi-qda"
    / "Project-mrt2019.xsd"
)
TEXT = (
    "Budget row\n\n"
    "The Government said the deficit fell to 4.5% of GDP. Unions said pay fell again.\n"
)


def _project_xml(path: Path) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(path).read("project.qde"))


@pytest.fixture
def clashing(empty_project: Project) -> Project:
    project = empty_project
    article = project.articles.add(
        ImportedArticle(text=TEXT, title="Budget row", source_format="txt")
    ).article_id
    assert article is not None
    project.codebook.add("topic", "government (side)")  # the name a clash would be given
    deficit = project.claims.mark_quote(article, "the deficit fell to 4.5% of GDP")
    project.claims.tag(deficit.id, speaker="Government", side="government", topics=["pay"])
    unions = project.claims.mark_quote(article, "pay fell again")
    project.claims.tag(unions.id, speaker="Unions", side="union", topics=["government (side)"])
    return project


def test_a_speaker_and_a_side_of_one_name_are_two_codes(clashing: Project, tmp_path: Path) -> None:
    out = tmp_path / "budget.qdpx"
    assert export_to_path(clashing, "refi", out).written == 2
    root = _project_xml(out)
    codable = [c for c in root.iter(f"{QDA}Code") if c.get("isCodable") == "true"]
    names = [c.get("name") for c in codable]
    assert len({n.casefold() for n in names}) == len(names), names  # unique, case ignored
    by_name = {c.get("name"): c.get("guid") for c in codable}  # how QualCoder keys them
    # the speaker, the side and the topic that took the side's obvious new name: three codes
    clashed = ("Government (speaker)", "government (side 2)", "government (side)")
    assert len({by_name[n] for n in clashed}) == 3
    # every coding of the first claim still points at its own code, found by name
    selection = next(root.iter(f"{QDA}PlainTextSelection"))
    refs = {r.get("targetGUID") for r in selection.iter(f"{QDA}CodeRef")}
    coded = {c.get("name") for c in codable if c.get("guid") in refs}
    assert coded == {"Government (speaker)", "government (side 2)", "pay"}
    assert len(refs) == 3 and all(by_name[name] in refs for name in coded)


def test_unclashing_names_are_kept_as_they_are() -> None:
    groups = {
        "speaker": [("Wes Streeting", None, "")],
        "side": [("union", "#ff0000", ""), ("government", "#0000ff", "")],
        "stance": [],
        "verdict": [],
        "topic": [("pay", None, "")],
    }
    assert code_names(groups) == {
        ("speaker", "wes streeting"): "Wes Streeting",
        ("side", "union"): "union",
        ("side", "government"): "government",
        ("topic", "pay"): "pay",
    }


@pytest.mark.skipif(not XSD.is_file(), reason=f"REFI-QDA schema not found at {XSD}")
@pytest.mark.parametrize("build", ["clashing", "rich"])
def test_the_project_is_valid_against_the_qda_xml_schema(
    build: str, clashing: Project, tmp_path: Path
) -> None:
    if build == "rich":  # hostile text, an orphan, every group
        with Project.open(tmp_path / "rich.sqlite") as rich:
            fx.build(rich, tmp_path)
            export_to_path(rich, "refi", tmp_path / "out.qdpx")
    else:
        export_to_path(clashing, "refi", tmp_path / "out.qdpx")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = _project_xml(tmp_path / "out.qdpx")
    assert schema.validate(document), schema.error_log
