"""Cross-article views from the catalogue's entity table: counts, labels, ranking, `sverka matrix`
of a large corpus (the threshold lowered so a few files count as large)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.cli import main, matrix_cmd
from tui.facts.model import Entity, Facts
from tui.index import Catalogue
from tui.index import entity_view as ev
from tui.index.scan import article_text

BODY = "{title}\n\n9 января 2022 — {body}\n"
ARTICLES = {
    "a1": ("Токаев обратился к народу", "Президент Токаев выступил в Алматы. МИД ответил."),
    "a2": ("Протесты в Алматы", "В Алматы прошли протесты, Токаева критиковали."),
    "a3": ("ОДКБ направила миротворцев", "Миротворцы ОДКБ прибыли, сообщил Токаев."),
    "a4": ("Погода в Астане", "В Астане выпал снег, дороги расчищают."),
}
KEYS = {
    "a1": ["токаев", "алмати", "мид"],
    "a2": ["токаев", "алмати"],
    "a3": ["токаев", "одкб"],
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, (title, body) in ARTICLES.items():
        (root / f"{name}.txt").write_text(BODY.format(title=title, body=body), "utf-8")
    return root


def record(cat: Catalogue, keys: dict[str, list[str]]) -> None:
    """Store entity keys the way `tui.index.facts_pool` does (no extraction)."""
    conn = cat.connection()
    for article_id, article_keys in keys.items():
        rowid = cat.rowid_of(article_id)
        conn.executemany(
            "INSERT OR IGNORE INTO entities(key, article) VALUES (?, ?)",
            [(k, rowid) for k in article_keys],
        )
        conn.execute("UPDATE articles SET facts = 'done' WHERE rowid = ?", (rowid,))


def cache_facts(cat: Catalogue, article_id: str, entities: list[tuple[str, str, str]]) -> None:
    """Put (type, normal, key) entities in the facts cache for the article, as facts_for would."""
    from tui.facts.cache import cached_facts
    from tui.lang import resolve

    lang, date, rel = (
        cat.connection()
        .execute("SELECT language, date, path FROM articles WHERE id = ?", (article_id,))
        .fetchone()
    )
    text = article_text(cat.root, rel)
    assert text is not None
    facts = Facts([Entity(0, 1, n, t, n, k) for t, n, k in entities], [], [], [], [])  # type: ignore[arg-type]
    cached_facts(text, resolve(lang, text), date, lambda: facts)


@pytest.fixture
def catalogue(corpus: Path) -> Iterator[Catalogue]:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        yield cat


def test_entity_counts_most_mentioned_first_ties_by_key(catalogue: Catalogue) -> None:
    record(catalogue, KEYS)
    assert catalogue.entity_counts() == [("токаев", 3), ("алмати", 2), ("мид", 1), ("одкб", 1)]
    assert catalogue.entity_counts(2) == [("токаев", 3), ("алмати", 2)]
    assert catalogue.entity_total() == 4
    assert catalogue.entity_articles("токаев") == ["a1", "a2", "a3"]
    assert catalogue.entity_articles("токаев", 2) == ["a1", "a2"]
    assert catalogue.entity_articles("nobody") == []


def test_labels_from_cached_facts_then_text_then_key(catalogue: Catalogue) -> None:
    record(catalogue, {**KEYS, "a4": ["хрузия"]})
    cache_facts(
        catalogue, "a3", [("PER", "Касым-Жомарт Токаев", "токаев"), ("ORG", "ОДКБ", "одкб")]
    )
    named = ev.labels(catalogue, ["токаев", "алмати", "мид", "одкб", "хрузия"])
    # a3's cached facts name two keys (a1's and a2's facts are not cached)
    assert named["токаев"] == ("Касым-Жомарт Токаев", "PER")
    assert named["одкб"] == ("ОДКБ", "ORG")
    # no cached facts: the commonest spelling in the articles' text that folds to the key
    assert named["алмати"] == ("Алматы", None)
    assert named["мид"] == ("МИД", None)
    # nowhere in the text: the key with capitals
    assert named["хрузия"] == ("Хрузия", None)
    assert ev.label_from_key("мид") == "МИД"
    assert ev.label_from_key("северна македония") == "Северна Македония"


def test_label_reads_are_bounded(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    record(catalogue, KEYS)
    monkeypatch.setattr(ev, "LABEL_READS", 1)
    named = ev.labels(catalogue, ["токаев", "одкб"])
    assert named["токаев"] == ("Токаев", None)  # a1 read
    assert named["одкб"] == ("Одкб", None)  # budget spent: from the key (the text has «ОДКБ»)


def test_fact_rows(catalogue: Catalogue) -> None:
    record(catalogue, KEYS)
    rows = list(ev.fact_rows(catalogue, limit=2, ids=1))
    assert [(r.key, r.count, r.articles) for r in rows] == [
        ("токаев", 3, ["a1"]),
        ("алмати", 2, ["a1"]),
    ]
    assert rows[0].to_dict() == {
        "kind": "entity",
        "key": "токаев",
        "label": "Токаев",
        "type": None,
        "count": 3,
        "articles": ["a1"],
    }


def test_rank_by_shared_entities_weighs_rare_keys_more(catalogue: Catalogue) -> None:
    # a2 shares the common «токаев» and «алмати»; a3 the common «токаев» and a rare «x»
    record(
        catalogue,
        {
            "a1": ["токаев", "алмати", "x"],
            "a2": ["токаев", "алмати"],
            "a3": ["токаев", "x"],
            "a4": ["алмати"],
        },
    )
    ranking = ev.rank_by_shared_entities(catalogue, "a1")
    assert ranking.candidates == 3
    assert [(r.id, r.shared) for r in ranking.articles] == [("a3", 2), ("a2", 2), ("a4", 1)]
    assert ranking.articles[0].title == "ОДКБ направила миротворцев"
    assert 1 >= ranking.articles[0].score > ranking.articles[1].score > ranking.articles[2].score
    assert [r.id for r in ev.rank_by_shared_entities(catalogue, "a1", limit=1).articles] == ["a3"]
    assert ev.rank_by_shared_entities(catalogue, "nope").articles == []


# -- the command ---------------------------------------------------------------------------------


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matrix_cmd, "LARGE_CORPUS", 2)
    monkeypatch.setenv("COLUMNS", "120")


def test_no_facts_is_one_message_and_status_2(
    corpus: Path, large: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["matrix", "--corpus", str(corpus)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = [line for line in captured.err.splitlines() if not line.startswith("indexing")]
    assert len(lines) == 1 and "sverka index --facts" in lines[0] and "Traceback" not in lines[0]


def test_matrix_json_of_a_large_corpus(
    corpus: Path, large: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        record(cat, KEYS)
    assert main(["matrix", "--corpus", str(corpus), "--json"]) == 0
    captured = capsys.readouterr()
    assert "facts extracted for 3 of 4 articles" in captured.err
    assert "sverka index --facts" in captured.err
    data = json.loads(captured.out)
    assert data == {
        "source": "catalogue",
        "articles_total": 4,
        "articles_with_facts": 3,
        "facts_total": 4,
        "rows": [
            {
                "kind": "entity",
                "key": "токаев",
                "label": "Токаев",
                "type": None,
                "count": 3,
                "articles": ["a1", "a2", "a3"],
            },
            {
                "kind": "entity",
                "key": "алмати",
                "label": "Алматы",
                "type": None,
                "count": 2,
                "articles": ["a1", "a2"],
            },
            {
                "kind": "entity",
                "key": "мид",
                "label": "МИД",
                "type": None,
                "count": 1,
                "articles": ["a1"],
            },
            {
                "kind": "entity",
                "key": "одкб",
                "label": "ОДКБ",
                "type": None,
                "count": 1,
                "articles": ["a3"],
            },
        ],
    }
    assert main(["matrix", "--corpus", str(corpus), "--json", "--rows", "1"]) == 0
    assert [r["key"] for r in json.loads(capsys.readouterr().out)["rows"]] == ["токаев"]


def test_matrix_table_of_a_large_corpus(
    corpus: Path, large: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        record(cat, {**KEYS, "a4": ["астана"]})
    assert main(["matrix", "--corpus", str(corpus), "--rows", "2"]) == 0
    captured = capsys.readouterr()
    assert "facts extracted" not in captured.err  # all four done: nothing to say
    lines = captured.out.splitlines()
    assert "Entities × 4 articles" in lines[0]
    assert any("Токаев" in line and " 3 " in line and "a1, a2, a3" in line for line in lines)
    assert not any("МИД" in line for line in lines)
    assert "3 more entities (--rows 0 shows all)" in lines[-1]


def test_rank_of_a_large_corpus(
    corpus: Path, large: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        record(cat, KEYS)
    assert main(["matrix", "--corpus", str(corpus), "--rank", "a1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in data] == ["a2", "a3"]
    assert set(data[0]) == {"id", "score", "shared"} and data[0]["shared"] == 2
    assert main(["matrix", "--corpus", str(corpus), "--rank", "a1"]) == 0
    out = capsys.readouterr().out
    assert "shared entities only" in out and "Протесты в Алматы" in out
    assert main(["matrix", "--corpus", str(corpus), "--rank", "a4"]) == 2
    err = capsys.readouterr().err
    assert "a4" in err and "sverka index --facts" in err and "Traceback" not in err
    assert main(["matrix", "--corpus", str(corpus), "--rank", "zz"]) == 2


def test_small_corpus_still_loads_every_article(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import matrix_catalogue

    def fail(*args: object) -> int:
        raise AssertionError("a small corpus must not read the catalogue")

    monkeypatch.setattr(matrix_catalogue, "run_from_catalogue", fail)
    assert main(["matrix", "--corpus", str(corpus), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == ["a1", "a2", "a3", "a4"]


def test_facts_extracted_for_real_give_the_small_matrix_labels(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.index.facts_pool import extract_all

    assert main(["matrix", "--corpus", str(seeds_dir), "--json"]) == 0
    small = json.loads(capsys.readouterr().out)
    with Catalogue(seeds_dir) as cat:
        cat.refresh(workers=1)
        extract_all(cat, workers=1)
    monkeypatch.setattr(matrix_cmd, "LARGE_CORPUS", 2)
    assert main(["matrix", "--corpus", str(seeds_dir), "--json", "--rows", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles_with_facts"] == data["articles_total"] == 5
    assert all(row["type"] in ("PER", "ORG", "LOC") for row in data["rows"])
    small_rows = {row["key"]: row for row in small["rows"] if row["kind"] == "entity"}
    top = data["rows"][0]
    assert top["count"] == 5 and top["key"] in small_rows
    assert top["label"] == small_rows[top["key"]]["label"]
    for row in data["rows"]:  # the small matrix may merge keys; never the other way round
        if row["key"] in small_rows:
            assert set(row["articles"]) <= set(small_rows[row["key"]]["cells"])
