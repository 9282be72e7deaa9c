"""The facts pipeline around the entities: disk cache, batch extraction, `sverka facts`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from tui.facts.model import Facts

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RU = "Госсекретарь США Энтони Блинкен заявил в Вашингтоне, что Касым-Жомарт Токаев прав."
UK = "Президент Казахстану Касим-Жомарт Токаєв заявив, що Блінкен помиляється."


def _cache_files() -> list[Path]:
    from tui.facts.cache import cache_folder

    folder = cache_folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_facts_for_is_cached_on_disk() -> None:
    from tui.facts import facts_for

    article = SimpleNamespace(language="ru", date="2022-01-10")
    document = SimpleNamespace(text=RU)
    first = facts_for(article, document)
    files = _cache_files()
    assert len(files) == 1
    assert facts_for(article, document) == first
    # the entry is plain JSON in the shape of Facts.to_dict()
    data = json.loads(files[0].read_text("utf-8"))
    assert Facts.from_dict(data["facts"]) == first
    assert {e.key for e in first.entities} >= {"блинкен", "токаев"}


def test_a_broken_cache_entry_is_a_miss() -> None:
    from tui.facts import facts_for

    article = SimpleNamespace(language="ru", date=None)
    document = SimpleNamespace(text=RU)
    facts = facts_for(article, document)
    (path,) = _cache_files()
    path.write_text("{not json", "utf-8")
    assert facts_for(article, document) == facts
    assert json.loads(path.read_text("utf-8"))["facts"]  # rewritten


def test_cache_key_depends_on_text_language_and_date() -> None:
    from tui.facts.cache import cache_key

    keys = {
        cache_key(RU, "ru", None),
        cache_key(RU + " ", "ru", None),
        cache_key(RU, "uk", None),
        cache_key(RU, "ru", "2022-01"),
    }
    assert len(keys) == 4


def test_extract_batch_keeps_order_and_uses_the_cache() -> None:
    from tui.facts import extract, extract_batch

    items = [(RU, None, None), (UK, None, None), (RU, "ru", None)]
    results = extract_batch(items, workers=1)
    assert [r.entities for r in results] == [extract(t, lang).entities for t, lang, _ in items]
    assert len(_cache_files()) == 2  # RU twice is one entry
    assert extract_batch(items, workers=1) == results


def test_cli_jsonl_writes_one_line_per_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    src = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": RU}, {"id": "b", "text": UK}, {"id": "c", "text": ""}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    assert main(["facts", "--jsonl", str(src)]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    for o, x in zip(out, lines, strict=True):
        assert set(o) >= {"entities", "dates", "quantities", "quotes", "sources"}
        for e in o["entities"]:
            assert x["text"][e["start"] : e["end"]] == e["text"]
            assert {"type", "normal", "key"} <= set(e)
    assert _cache_files() == []  # measuring never fills the user's cache


def test_cli_jsonl_reports_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "a"}\n', "utf-8")
    assert main(["facts", "--jsonl", str(src)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_cli_facts_of_a_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.glob("00[34]_*.txt"):
        shutil.copy(path, corpus / path.name)
    assert main(["facts", "004", "--corpus", str(corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {e["key"] for e in data["entities"] if e["type"] == "PER"} >= {"токаев", "сулеименов"}
    assert main(["facts", "003", "--corpus", str(corpus)]) == 0
    table = capsys.readouterr().out
    assert "Энтони Блинкен" in table and "People" in table
