"""The evidence CLI contract: link, evidence, datasets, dataset import|show; exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.project import Project
from annotator.samples.articles import seed_samples

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pay_index.csv"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, int, int]:
    """A project file with the samples and one claim in each of two articles."""
    path = tmp_path / "p.sqlite"
    with Project.open(path) as project:
        seed_samples(project)
        a, _, c = project.articles.list()
        first = project.claims.mark(a.id, 0, 30).id
        second = project.claims.mark(c.id, 0, 30).id
    return path, first, second


def test_every_kind_linked_then_listed(
    tmp_path: Path, setup: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, claim, other = setup
    p = ["--project", str(path)]
    code, out, err = run(
        ["dataset", "import", str(SAMPLE), "--name", "Pay index", *p, "--json"], capsys
    )
    assert code == 0, err
    assert json.loads(out)["rows"] == 18
    doc = tmp_path / "memo.txt"
    doc.write_text("memo", encoding="utf-8")
    commands = [
        ["--url", "https://www.bma.org.uk/pay", "--relation", "supports", "--note", "their figure"],
        [
            "--statistic",
            "resident doctors' pay, real terms, 2008 to 2025: -20.6%, source BMA",
            "--relation",
            "refutes",
        ],
        ["--dataset", "Pay index", "--row", "18", "--relation", "context"],
        ["--file", str(doc), "--relation", "context"],
        ["--claim", str(other), "--relation", "contradicts"],
        ["--article", "2", "--start", "0", "--end", "20", "--relation", "context"],
        ["--text", "ask the union", "--relation", "context"],
    ]
    for extra in commands:
        code, _, err = run(["link", str(claim), *extra, *p], capsys)
        assert code == 0, (extra, err)
    code, out, _ = run(["evidence", "--claim", str(claim), *p, "--json"], capsys)
    items = json.loads(out)
    by_kind = {item["kind"]: item for item in items}
    assert set(by_kind) == {
        "url",
        "statistic",
        "dataset",
        "document",
        "claim",
        "article_span",
        "note",
    }
    assert all({"kind", "relation", "note"} <= set(item) for item in items)
    assert (
        by_kind["url"]["url"] == "https://www.bma.org.uk/pay"
        and by_kind["url"]["note"] == "their figure"
    )
    assert by_kind["statistic"]["statistic"].endswith("-20.6%, source BMA")
    assert (by_kind["dataset"]["dataset"], by_kind["dataset"]["row"]) == ("Pay index", 18)
    assert by_kind["document"]["file"] == "memo.txt" and len(by_kind["document"]["sha256"]) == 64
    assert (by_kind["claim"]["claim"], by_kind["claim"]["relation"]) == (other, "contradicts")
    assert (by_kind["article_span"]["article"], by_kind["article_span"]["start"]) == (2, 0)
    code, out, _ = run(["evidence", "--claim", str(other), *p, "--json"], capsys)
    assert [i["claim"] for i in json.loads(out)] == [claim]  # the link is seen from the other end
    code, out, _ = run(["evidence", *p], capsys)
    assert code == 0 and "contradicts" in out and "memo.txt" in out


@pytest.mark.parametrize(
    "extra",
    [
        ["--dataset", "Pay index", "--row", "19", "--relation", "supports"],
        ["--dataset", "Nope", "--row", "1", "--relation", "supports"],
        ["--claim", "9999", "--relation", "same"],
        ["--url", "javascript:alert(1)", "--relation", "supports"],
        ["--file", "/no/such/file.pdf", "--relation", "supports"],
    ],
)
def test_links_to_nothing_exit_1_with_one_line(
    setup: tuple[Path, int, int], capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    path, claim, _ = setup
    run(["dataset", "import", str(SAMPLE), "--name", "Pay index", "--project", str(path)], capsys)
    code, _, err = run(["link", str(claim), *extra, "--project", str(path)], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    with Project.open(path) as project:
        assert project.evidence.items() == [] and project.links.list() == []


def test_unknown_claim_exits_1(
    setup: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = setup
    code, _, err = run(
        ["link", "777", "--text", "x", "--relation", "context", "--project", str(path)], capsys
    )
    assert code == 1 and str(path) in err and "777" in err


@pytest.mark.parametrize(
    "extra",
    [
        ["--relation", "supports"],  # no target
        ["--url", "https://a.example", "--text", "x", "--relation", "supports"],  # two targets
        ["--claim", "2", "--relation", "supports"],  # evidence relation for a claim link
        ["--url", "https://a.example", "--relation", "same"],  # claim relation for evidence
        ["--dataset", "Pay index", "--relation", "supports"],  # no row
        ["--url", "https://a.example", "--relation", "proves"],
    ],
)
def test_malformed_link_commands_exit_2(
    setup: tuple[Path, int, int], capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    path, claim, _ = setup
    code, _, _ = run(["link", str(claim), *extra, "--project", str(path)], capsys)
    assert code == 2


def test_datasets_and_show(
    tmp_path: Path, setup: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = setup
    p = ["--project", str(path)]
    tsv = tmp_path / "t.tsv"
    tsv.write_text("region\tvalue\nNorth\t1.5\nSouth\t2\n", encoding="utf-8")
    assert run(["dataset", "import", str(tsv), "--name", "regions", *p], capsys)[0] == 0
    code, out, _ = run(["datasets", *p, "--json"], capsys)
    listed = json.loads(out)
    assert code == 0
    assert listed == [{**listed[0], "name": "regions", "rows": 2, "columns": ["region", "value"]}]
    code, out, _ = run(["dataset", "show", "regions", *p, "--json"], capsys)
    assert json.loads(out) == [{"region": "North", "value": 1.5}, {"region": "South", "value": 2.0}]
    code, out, _ = run(["dataset", "show", "regions", *p], capsys)
    assert out.splitlines()[0] == "region\tvalue"


def test_bad_dataset_files_exit_1_and_import_nothing(
    tmp_path: Path, setup: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = setup
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("a,b\n1,2\n3\n", encoding="utf-8")
    code, _, err = run(
        ["dataset", "import", str(ragged), "--name", "r", "--project", str(path)], capsys
    )
    assert code == 1 and err.startswith(str(ragged)) and "ragged" in err
    code, _, err = run(["dataset", "show", "r", "--project", str(path)], capsys)
    assert code == 1 and "no dataset named 'r'" in err
    code, out, _ = run(["datasets", "--project", str(path), "--json"], capsys)
    assert json.loads(out) == []


@pytest.mark.parametrize(
    "command",
    [["evidence"], ["link"], ["datasets"], ["dataset"], ["dataset", "import"], ["dataset", "show"]],
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*command, "--help"], capsys)
    assert code == 0
    assert "--project" in out or command == ["dataset"]
