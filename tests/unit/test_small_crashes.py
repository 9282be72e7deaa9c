"""Bad input gets one message and the rest keeps working (issue 20, item 6): each of these was a
traceback before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": 5}', '"text" should be a string, not int'),
        ('{"id": "x", "text": null}', '"text" should be a string, not NoneType'),
        ('{"id": ["x"], "text": "Текст"}', '"id" should be a string or a number, not list'),
        ('{"id": "x", "text": "Текст", "lang": 7}', '"lang" should be a string, not int'),
        ("[1, 2]", 'expected a JSON object with "id" and "text"'),
        ('"just a string"', 'expected a JSON object with "id" and "text"'),
    ],
)
def test_facts_jsonl_names_the_bad_line_and_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "ok", "text": "Токаев выступил в Астане."}\n' + line + "\n", "utf-8")
    assert main(["facts", "--jsonl", str(path)]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out.splitlines()[0])["id"] == "ok"  # the good line before it was answered
    assert err.strip() == f"sverka: {path}:2: {message}"


def test_facts_jsonl_that_is_not_utf8_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes('{"id": "x", "text": "Текст"}\n'.encode("cp1251"))
    assert main(["facts", "--jsonl", str(path)]) == 2
    assert "in.jsonl:1: not UTF-8 text" in capsys.readouterr().err


@pytest.mark.parametrize(
    "junk", ["[]", "{}", '{"version": 1}', "null", '{"facts": 5, "version": "']
)
def test_a_damaged_facts_cache_file_is_a_miss_and_is_rewritten(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str], junk: str
) -> None:
    from tui.facts import cache

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("004_*.txt")), corpus / "a.txt")
    assert main(["facts", "--corpus", str(corpus), "a", "--json"]) == 0
    good = capsys.readouterr().out
    files = list(cache.cache_folder().glob("*.json"))
    assert files
    for path in files:
        path.write_text(junk, "utf-8")
    for _ in range(2):  # the first run recomputes and rewrites; the second reads it back
        assert main(["facts", "--corpus", str(corpus), "a", "--json"]) == 0
        assert capsys.readouterr().out == good
    assert all(json.loads(p.read_text("utf-8")).get("facts") for p in files)


def test_a_plain_file_where_the_search_index_belongs_is_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.index import Catalogue
    from tui.index.store import db_path_for, engine_path

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Протесты в Алматы\n\nВ Алматы прошли протесты.\n", "utf-8")
    where = engine_path(db_path_for(corpus))
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text("not an index")
    assert main(["search", "Алматы", "--corpus", str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total"] == 1 and "search index" in err
    where_again = engine_path(db_path_for(corpus))
    shutil.rmtree(where_again)
    where_again.write_text("again")
    with Catalogue(corpus) as cat:  # as the app opens it: search before any refresh
        assert cat.search("Алматы").total == 0  # an empty index, not a traceback
        assert any("search index" in m for m in cat.messages)
        cat.refresh(workers=1)
        assert cat.search("Алматы").total == 1
