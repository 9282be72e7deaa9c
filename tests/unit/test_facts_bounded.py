"""Facts of a long text are read in bounded chunks (offsets still into the whole text), and a text
past the cap says how much of it the facts cover.

A whole 400 KB text held 540 MB in the taggers (about 1 GB per MB of text)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.facts as facts_module
from tui.facts import chunk_spans, extract
from tui.facts.model import Facts

ROOT = Path(__file__).resolve().parents[2]


def _long_text(min_chars: int) -> str:
    seed = next((ROOT / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    parts = []
    while sum(map(len, parts)) < min_chars:
        parts.append(seed)
    return "\n".join(parts)


def test_chunks_cover_the_text_in_order_and_are_bounded() -> None:
    for text in (_long_text(70_000), "слово " * 15_000, "x" * 45_000, "Абзац. " * 9_000):
        spans = chunk_spans(text, size=20_000)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
        assert all(0 < end - start <= 20_000 for start, end in spans)


def test_a_long_text_is_extracted_chunk_by_chunk_with_offsets_into_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _long_text(3 * facts_module.CHUNK_CHARS)
    seen: list[int] = []
    chunk = facts_module._extract_chunk

    def recording(part: str, lang: str, ref_date: str | None) -> Facts:
        seen.append(len(part))
        return chunk(part, lang, ref_date)

    monkeypatch.setattr(facts_module, "_extract_chunk", recording)
    facts = extract(text, "ru")
    assert len(seen) >= 3 and max(seen) <= facts_module.CHUNK_CHARS
    assert facts.covered is None and facts.limit_message == ""
    assert {e.key for e in facts.entities} >= {"казахстан", "одкб"}
    for kind in facts_module.FACT_KINDS:
        for item in getattr(facts, kind):
            assert text[item.start : item.end] == item.text
    for claim in facts.claims:
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
    # every copy of the seed gets its facts, not only the first chunk's
    assert max(e.start for e in facts.entities) > 2 * facts_module.CHUNK_CHARS


def test_a_text_past_the_cap_says_how_far_its_facts_go(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_module, "FACTS_MAX_CHARS", 30_000)
    text = _long_text(45_000)
    facts = extract(text, "ru")
    assert facts.covered == 30_000
    assert "30,000" in facts.limit_message
    assert all(e.end <= 30_000 for e in facts.entities)
    again = Facts.from_dict(facts.to_dict())
    assert again.covered == 30_000 and again.entities == facts.entities
