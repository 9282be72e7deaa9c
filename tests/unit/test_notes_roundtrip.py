"""Hostile text survives the notes file exactly: quotes, backslashes, \"\"\", CRLF, tabs, Cyrillic,
emoji, control and bidi characters, lone surrogates."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.notes import Anchor, AnchorStatus, ArticleMeta, NotesStore, codec
from tui.notes.model import Note

HOSTILE = ['"', "\\", '"""', "'''", "\r\n", "\r", "\n", "\t", "\x00", "\x1b[31m", "\x7f", "\x85",
           "\u202e", "\u2028", "\ufeff", "Ё", "ї", "😀", "\ud800", "\udfff", "[[notes]]", "# ",
           "= ", "\\u0041", "\\n"]  # fmt: skip
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
        st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"]),
    ),  # fmt: skip
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, quote=hostile_text, prefix=hostile_text, title=hostile_text,
       date=st.one_of(st.none(), hostile_text))  # fmt: skip
def test_notes_round_trip_exactly(
    text: str, quote: str, prefix: str, title: str, date: str | None
) -> None:
    anchor = Anchor(
        quote=quote or "q", prefix=prefix, suffix=text, start=3, end=9, status=AnchorStatus.MOVED
    )
    note = Note(
        id="abc",
        article_id=title or "id",
        text=text,
        quote=anchor.quote,
        anchor=anchor,
        article=ArticleMeta(title=title, outlet=prefix, date=date),
        created="2026-01-01T00:00:00.000Z",
        updated=text,
    )
    plain = Note(id="def", article_id="x", text=prefix, quote=quote or None)
    data = codec.dumps([note, plain])
    # Nothing unsafe for a terminal is written raw.
    assert not any(c in data.decode("utf-8") for c in "\x1b\x85\u202e\u2028\ufeff\x00\r")
    assert codec.loads(data, Path("mem")) == {"abc": note, "def": plain}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_store_round_trips_through_the_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notes.toml"
        store = NotesStore(path)
        store.load()
        note = store.add("a", text)
        again = NotesStore(path)
        again.load()
        assert again.get(note.id).text == text


def test_readable_copy_edited_by_hand_wins_over_exact_copy() -> None:
    note = Note(id="x", article_id="a", text="bad \ud800 surrogate")
    data = codec.dumps([note]).decode("utf-8")
    assert 'text = "bad \ufffd surrogate"' in data
    edited = data.replace('text = "bad \ufffd surrogate"', 'text = "fixed by hand"')
    assert codec.loads(edited.encode("utf-8"), Path("mem"))["x"].text == "fixed by hand"
