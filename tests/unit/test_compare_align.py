"""Passage alignment on the seeds' text as read (no cleaning, no facts), with negative controls."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.compare.align import align
from tui.compare.text import fold, number_key, sentences, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DATA = Path(__file__).resolve().parents[1] / "data" / "compare"
LANG = {"000": "ru", "001": "ru", "002": "ru", "003": "ru", "004": "uk"}
UNRELATED = {
    "unrelated_ru": "ru",
    "unrelated_politics_ru": "ru",
    "unrelated_protest_ru": "ru",
    "unrelated_uk": "uk",
}


def seed(prefix: str) -> str:
    """The text of the seed whose file name starts with `prefix`."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def unrelated(name: str) -> str:
    """A hand-written news text on another subject (negative control)."""
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def test_fold_bridges_russian_and_ukrainian_letters() -> None:
    assert fold("Токаєв") == fold("Токаев")
    assert fold("Алмати") == fold("Алматы")
    assert fold("Ґрунт'їзд") == "грунтизд"
    assert fold("террор") == fold("терор")


def test_number_key_reads_grouped_thousands() -> None:
    assert number_key("1 925") == "#1925"
    assert number_key("2\u00a0500") == "#2500"
    assert number_key("2,5") == "#2.5"
    assert number_key("слово") is None


def test_sentences_keep_offsets() -> None:
    text = seed("001")
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
    sents = sentences(text, "ru")
    assert sents[0].text.startswith("Ряд публикаций")


def test_000_reuses_ministry_statement_001() -> None:
    pairs = align(seed("000"), seed("001"), "ru", "ru")
    same = [p for p in pairs if p.kind == "same"]
    assert len(same) >= 4
    reused = [
        "По предварительным данным, среди нападавших",
        "подвергся вооруженной агрессии хорошо скоординированных",
        "мирные участники протестов не подвергаются",
        "Правоохранительным органам поручено провести масштабное расследование",
    ]
    for phrase in reused:
        assert any(phrase in " ".join(p.b.text.split()) for p in same), phrase
        assert any(phrase in " ".join(p.a.text.split()) for p in same), phrase
    for p in pairs:
        assert 0 < p.score <= 1


def test_reuse_is_found_out_of_order() -> None:
    pairs = align(seed("000"), seed("001"), "ru", "ru")
    same = sorted((p for p in pairs if p.kind == "same"), key=lambda p: p.a.start)
    b_order = [p.b.start for p in same]
    assert b_order != sorted(b_order)  # 000 quotes 001's sentences in another order


def test_offsets_point_into_each_text() -> None:
    a, b = seed("000"), seed("001")
    for p in align(a, b, "ru", "ru"):
        assert a[p.a.start : p.a.end] == p.a.text
        assert b[p.b.start : p.b.end] == p.b.text


def test_002_and_003_pair_the_appeal_to_csto() -> None:
    pairs = align(seed("002"), seed("003"), "ru", "ru")
    appeal = [
        p
        for p in pairs
        if "обратился за\xa0помощью" in p.a.text and "5 января обратился к членам ОДКБ" in p.b.text
    ]
    assert appeal and appeal[0].kind == "similar"


@pytest.mark.parametrize("name", sorted(UNRELATED))
@pytest.mark.parametrize("prefix", sorted(LANG))
def test_unrelated_texts_yield_no_pairs(prefix: str, name: str) -> None:
    assert align(seed(prefix), unrelated(name), LANG[prefix], UNRELATED[name]) == []


def test_ukrainian_retelling_of_the_ministry_statement_is_similar() -> None:
    retold = (DATA / "ministry_retold_uk.txt").read_text(encoding="utf-8")
    pairs = align(seed("001"), retold, "ru", "uk")
    assert {p.kind for p in pairs} == {"similar"}
    matched_b = {p.b.text.split()[0] for p in pairs}
    # every sentence of the retelling (title aside) finds its Russian original
    assert {"Міністерство", "За", "Казахстан", "У", "10"} <= matched_b
    mourning = [p for p in pairs if p.b.text.startswith("10 січня")]
    assert mourning and "траура" in mourning[0].a.text


def test_a_text_aligns_with_itself_verbatim() -> None:
    text = seed("004")
    pairs = align(text, text, "uk", "uk")
    assert len(pairs) >= 8
    assert all(p.a == p.b and p.kind == "same" for p in pairs)
