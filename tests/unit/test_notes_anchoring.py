"""Anchors re-attach when the cleaned text shifts, and orphaned notes are kept, never moved."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.notes import AnchorStatus, NotesStore, find_quote, locate, make_anchor

TEXT = (
    "Встреча в Киеве\n\n5 января 2022\n\n"
    "По данным ведомства, погибли 10 человек, ещё 25 ранены.\n\n"
    "Министр заявил, что расследование продолжается."
)
QUOTE = "погибли 10 человек"


def anchor_for(text: str, quote: str):
    start = text.index(quote)
    return make_anchor(text, start, start + len(quote))


def test_make_anchor_keeps_quote_context_and_offsets() -> None:
    a = anchor_for(TEXT, QUOTE)
    assert TEXT[a.start : a.end] == a.quote == QUOTE
    assert a.prefix.endswith("ведомства, ") and a.suffix.startswith(", ещё 25")
    with pytest.raises(ValueError):
        make_anchor(TEXT, 5, 5)
    with pytest.raises(ValueError):
        make_anchor(TEXT, 0, len(TEXT) + 1)


def test_exact_when_unchanged() -> None:
    a = anchor_for(TEXT, QUOTE)
    assert locate(a, TEXT).status is AnchorStatus.EXACT


def test_moved_when_text_shifts() -> None:
    a = anchor_for(TEXT, QUOTE)
    shifted = "Реклама. Подписывайтесь!\n\n" + TEXT.replace("5 января 2022\n\n", "")
    found = locate(a, shifted)
    assert found.status is AnchorStatus.MOVED
    assert shifted[found.start : found.end] == QUOTE
    assert (found.quote, found.prefix, found.suffix) == (a.quote, a.prefix, a.suffix)


def test_moved_picks_occurrence_with_matching_context() -> None:
    text = "Сначала: погибли 10 человек в другом городе.\n\n" + TEXT
    a = anchor_for(TEXT, QUOTE)
    found = locate(a, "Врезка.\n\n" + text)
    assert found.status is AnchorStatus.MOVED
    assert ("Врезка.\n\n" + text)[found.start - 11 : found.start] == "ведомства, "


def test_orphaned_when_passage_is_gone_keeps_offsets() -> None:
    a = anchor_for(TEXT, QUOTE)
    edited = TEXT.replace("погибли 10 человек", "погибли 12 человек")
    found = locate(a, edited)
    assert found.status is AnchorStatus.ORPHANED
    assert (found.start, found.end) == (a.start, a.end)


def test_short_quote_is_not_moved_to_a_look_alike() -> None:
    a = anchor_for(TEXT, "10")
    other = "Совсем другая статья.\n\nВ 10 утра начался митинг."
    assert locate(a, other).status is AnchorStatus.ORPHANED


def test_ambiguous_quote_without_context_is_orphaned() -> None:
    a = anchor_for(TEXT, "расследование продолжается")
    other = "X расследование продолжается Y\n\nZ расследование продолжается W"
    assert locate(a, other).status is AnchorStatus.ORPHANED


def test_find_quote_tolerates_whitespace_differences() -> None:
    start, end = find_quote(TEXT, "  заявил,   что\nрасследование ")  # type: ignore[misc]
    assert TEXT[start:end] == "заявил, что расследование"
    assert find_quote(TEXT, "нет такого") is None
    assert find_quote(TEXT, "   ") is None


def test_store_reanchor_keeps_orphans_and_persists_moves(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = NotesStore(path)
    store.load()
    moved = store.add("a", "moves", anchor=anchor_for(TEXT, QUOTE))
    orphan = store.add("a", "orphan", anchor=anchor_for(TEXT, "25 ранены"))
    whole = store.add("a", "whole article")
    new_text = "Новый лид.\n\n" + TEXT.replace("ещё 25 ранены", "раненых нет")
    assert store.reanchor(moved, new_text) is AnchorStatus.MOVED
    assert store.reanchor(orphan.id, new_text) is AnchorStatus.ORPHANED
    assert store.reanchor(whole, new_text) is AnchorStatus.ARTICLE
    assert store.pending
    store.save()
    again = NotesStore(path)
    again.load()
    assert len(again.list()) == 3
    assert again.get(orphan.id).orphaned and again.get(orphan.id).quote == "25 ранены"
    m = again.get(moved.id).anchor
    assert m is not None and new_text[m.start : m.end] == QUOTE
    # The passage comes back (say, a cleaning rule is reverted): the orphan re-attaches.
    assert again.reanchor(orphan.id, TEXT) is AnchorStatus.EXACT


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="аб вг\n.,10", min_size=1, max_size=200),
    data=st.data(),
    before=st.text(alphabet="аб вгд\n", max_size=30),
    after=st.text(alphabet="аб вгд\n", max_size=30),
)
def test_relocated_anchor_always_points_at_its_quote(
    text: str, data: st.DataObject, before: str, after: str
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    anchor = make_anchor(text, start, end)
    assert locate(anchor, text).status is AnchorStatus.EXACT
    cut = data.draw(st.integers(0, len(text)))
    shifted = before + text[:cut] + after + text[cut:]
    found = locate(anchor, shifted)
    if found.status is AnchorStatus.ORPHANED:
        assert (found.start, found.end) == (anchor.start, anchor.end)
    else:
        assert shifted[found.start : found.end] == anchor.quote
    assert (found.quote, found.prefix, found.suffix) == (anchor.quote, anchor.prefix, anchor.suffix)
