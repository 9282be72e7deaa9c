"""Datasets in the catalogue: indexed, searched and opened like a folder; a re-scan reads only
what changed; ids stay with their rows; bad rows are listed with their number."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from dataset_material import ROWS, write_gz, write_jsonl, write_parquet

from tui.cli import main
from tui.corpus.dataset import configure_fields
from tui.index import Catalogue


@pytest.fixture(autouse=True)
def _default_fields() -> Iterator[None]:
    configure_fields(None)
    yield
    configure_fields(None)


def ids(cat: Catalogue) -> list[str]:
    view = cat.view(sort="id")
    return [r.id for r in view.rows(0, len(view))]


@pytest.mark.parametrize("writer,name", [(write_jsonl, "d.jsonl"), (write_gz, "d.jsonl.gz"),
                                          (write_parquet, "d.parquet")])  # fmt: skip
def test_a_dataset_is_indexed_searched_and_opened_like_a_folder(
    tmp_path: Path, writer: object, name: str
) -> None:
    path = writer(tmp_path / name)  # type: ignore[operator]
    with Catalogue(path) as cat:
        report = cat.refresh(workers=1)
        assert report.added == 3 and report.total == 3
        assert ids(cat) == sorted(r["id"] for r in ROWS)
        hits = cat.search("задержали")
        assert [h.id for h in hits.hits] == ["kz-0107-01"] and "7939" in hits.hits[0].snippet
        assert {o for o, _ in cat.outlets()} == {"zerkalo.io", "focus.ua", "gov.kz"}
        article = cat.article("kz-0107-02")
        assert article.title == ROWS[1]["title"] and "1 925" in article.raw
        row = cat.row("kz-0107-02")
        assert row is not None and str(row.path).startswith(str(path) + "#")
        again = cat.refresh(workers=1)
        assert again.read == 0 and again.unchanged == 3 and again.total == 3


def test_appended_rows_are_added_and_the_others_kept(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", ROWS[:2])
    with Catalogue(path) as cat:
        cat.refresh(workers=1)
        before = {i: cat.rowid_of(i) for i in ids(cat)}
        write_jsonl(path, ROWS)
        report = cat.refresh(workers=1)
        assert report.added == 1 and report.updated == 0 and report.unchanged == 2
        assert {i: cat.rowid_of(i) for i in before} == before


def test_an_edited_row_keeps_its_id_and_a_removed_row_goes(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl")
    with Catalogue(path) as cat:
        cat.refresh(workers=1)
        rowid = cat.rowid_of("kz-0107-02")
        edited = dict(ROWS[1], title="Влада Казахстану: затримано майже 2 тис. осіб")
        write_jsonl(path, [edited, ROWS[2]])  # first row gone, second edited and moved up
        report = cat.refresh(workers=1)
        assert report.updated == 1 and report.removed == 1 and report.unchanged == 1
        assert ids(cat) == ["kz-0107-02", "kz-0108-03"]
        assert cat.rowid_of("kz-0107-02") == rowid
        assert cat.article("kz-0107-02").title == edited["title"]
        assert cat.article("kz-0108-03").title == ROWS[2]["title"]  # found at its new offset


def test_bad_rows_are_listed_with_their_number_and_kept_listed(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in ROWS]
    lines.insert(1, '{"text": broken')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with Catalogue(path) as cat:
        report = cat.refresh(workers=1)
        assert report.total == 3
        assert report.skipped == [("d.jsonl: row 2", report.skipped[0][1])]
        assert "not valid JSON" in report.skipped[0][1]
        again = cat.refresh(workers=1)
        assert again.read == 0
        assert [p for p, _ in cat.skipped_files(again)] == ["d.jsonl: row 2"]


def test_a_folder_with_datasets_and_files(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(
        "Токаев обратился к народу\n\nПрезидент выступил 7 января 2022 года.\n", "utf-8"
    )
    (tmp_path / "a").mkdir()
    write_jsonl(tmp_path / "a" / "dump.jsonl", ROWS[:2])
    write_parquet(tmp_path / "more.parquet", ROWS[2:])
    with Catalogue(tmp_path) as cat:
        cat.refresh(workers=1)
        assert ids(cat) == sorted(["one", "a/dump.jsonl/kz-0107-01", "a/dump.jsonl/kz-0107-02",
                                   "more.parquet/kz-0108-03"])  # fmt: skip
        assert cat.resolve("kz-0108").id == "more.parquet/kz-0108-03"
        (tmp_path / "more.parquet").unlink()
        report = cat.refresh(workers=1)
        assert report.removed == 1 and "more.parquet/kz-0108-03" not in ids(cat)
        assert cat.article("a/dump.jsonl/kz-0107-01").url == ROWS[0]["url"]


def test_a_lost_search_index_brings_dataset_rows_back(tmp_path: Path) -> None:
    import shutil

    from tui.index.store import engine_path

    path = write_parquet(tmp_path / "d.parquet")
    with Catalogue(path) as cat:
        cat.refresh(workers=1)
        db = cat.db_path
    shutil.rmtree(engine_path(db))
    with Catalogue(path) as cat:
        cat.refresh(workers=1)
        assert [h.id for h in cat.search("ОДКБ").hits] == ["kz-0108-03"]
        assert ids(cat) == sorted(r["id"] for r in ROWS)


def test_cli_indexes_lists_and_shows_a_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"uid": r["id"], "body": r["text"], "headline": r["title"]} for r in ROWS]
    path = tmp_path / "d.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", "utf-8"
    )
    assert main(["index", "--field", "id=uid", str(path), "-q"]) == 0
    err = capsys.readouterr().err
    assert "d.jsonl: row 4: not valid JSON" in err and "3 articles" in err
    assert main(["--field", "id=uid", "list", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in listed] == [r["id"] for r in ROWS]
    assert main(["--field", "id=uid", "show", "kz-0108", "--corpus", str(path)]) == 0
    assert "ОДКБ" in capsys.readouterr().out
    assert main(["index", "--field", "txt=body", str(path)]) == 2
    assert "expected FIELD=COLUMN" in capsys.readouterr().err


def test_single_article_commands_find_rows_of_a_dataset_in_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.txt").write_text("Токаев обратился к народу\n\nПрезидент выступил.\n", "utf-8")
    write_parquet(tmp_path / "more.parquet", ROWS)
    # without a catalogue yet: the folder's datasets are read into one, then the row is found
    assert main(["show", "kz-0108", "--corpus", str(tmp_path)]) == 0
    assert "ОДКБ" in capsys.readouterr().out
    assert main(["facts", "more.parquet/kz-0107-01", "--corpus", str(tmp_path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert any(q["value"] == 7939 for q in facts["quantities"])
    assert main(["show", "one", "--corpus", str(tmp_path)]) == 0
    assert "Президент" in capsys.readouterr().out
    assert main(["show", "nothing-like-it", "--corpus", str(tmp_path)]) == 2
