"""The Document contract: text layout, block offsets into text and raw, removed spans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.clean import Document, clean_article, clean_text

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/pages").glob("*.txt"))


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(params=PAGES, ids=lambda p: p.stem)
def page(request: pytest.FixtureRequest) -> tuple[str, Document]:
    raw = request.param.read_text(encoding="utf-8")
    return raw, clean_text(raw)


def test_text_is_title_date_and_blocks_joined_by_blank_lines(page: tuple[str, Document]) -> None:
    _, doc = page
    parts = [doc.title] + ([doc.date_line] if doc.date_line else []) + doc.paragraphs
    assert doc.text == "\n\n".join(parts)


def test_block_offsets_point_into_document_text(page: tuple[str, Document]) -> None:
    _, doc = page
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        assert "\n\n" not in block.text


def test_block_raw_offsets_cover_exactly_the_block_words(page: tuple[str, Document]) -> None:
    """Glue repair only adds «. » and spaces: the letters and digits are those of the raw span."""
    raw, doc = page
    for block in doc.blocks:
        assert 0 <= block.raw_start < block.raw_end <= len(raw)
        source = raw[block.raw_start : block.raw_end]
        assert re.sub(r"[\W_]", "", block.text) == re.sub(r"[\W_]", "", source)


def test_removed_spans_point_at_their_text(page: tuple[str, Document]) -> None:
    raw, doc = page
    for item in doc.removed:
        assert squash(raw[item.raw_start : item.raw_end]) == squash(item.text)
    starts = [r.raw_start for r in doc.removed]
    assert starts == sorted(starts)


def test_blocks_and_removed_do_not_overlap(page: tuple[str, Document]) -> None:
    _, doc = page
    spans = sorted(
        [(b.raw_start, b.raw_end) for b in doc.blocks]
        + [(r.raw_start, r.raw_end) for r in doc.removed]
    )
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start


def test_title_is_never_empty_for_a_real_page(page: tuple[str, Document]) -> None:
    _, doc = page
    assert len(doc.title) >= 20
    assert "\n" not in doc.title


def test_empty_and_blank_pages_give_an_empty_document() -> None:
    for raw in ("", "   \n\n  \n"):
        doc = clean_text(raw)
        assert doc.blocks == [] and doc.title == "" and doc.date_line is None


def test_clean_article_uses_the_article_raw_text() -> None:
    class FakeArticle:
        raw = "Заголовок новости о важном событии дня\n\nПервый абзац статьи о событии, которое случилось вчера."

    doc = clean_article(FakeArticle())
    assert doc.title == "Заголовок новости о важном событии дня"
    assert doc.paragraphs == ["Первый абзац статьи о событии, которое случилось вчера."]


def test_invisible_characters_do_not_hide_boilerplate_or_split_words() -> None:
    raw = (
        "\ufeffЗаголовок новости о протестах в Казахстане\n\u200b\nПоде\u00adлиться\n"
        "Власти сообщили о задер\u00adжании почти десяти тысяч человек за неделю.\n"
    )
    doc = clean_text(raw)
    assert doc.title == "Заголовок новости о протестах в Казахстане"
    assert doc.paragraphs == ["Власти сообщили о задержании почти десяти тысяч человек за неделю."]
    assert [(r.reason, r.text) for r in doc.removed] == [("share-buttons", "Поделиться")]
