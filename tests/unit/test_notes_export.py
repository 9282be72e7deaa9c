"""Exports parse back (JSON, TOML, CSV) and Markdown escapes the user's text."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.notes import Anchor, AnchorStatus, ArticleMeta, export
from tui.notes.export import CSV_COLUMNS, md_escape
from tui.notes.model import Note

HOSTILE = 'He said "yes" \\ """ \r\n\ttab — Київ, 😀 \x1b]52;c;ZXZpbA==\x07 \u202eevil'


def sample() -> list[Note]:
    meta = ArticleMeta(title="Встреча # в Киеве", outlet="rbc.ru", date="2022-01-05")
    anchor = Anchor(quote="погибли 10 человек", prefix="данным, ", suffix=", ещё", start=40, end=58)
    return [
        Note(id="n1", article_id="rbc/1", text=HOSTILE, tags=("check", "жертвы"), quote=anchor.quote,
             anchor=anchor, article=meta, created="2026-01-01T10:00:00.000Z", updated="2026-01-01T10:00:00.000Z"),
        Note(id="n2", article_id="focus/2", text="plain", article=ArticleMeta(title="Другая"),
             created="2026-01-02T10:00:00.000Z", updated="2026-01-02T10:00:00.000Z"),
        Note(id="n3", article_id="rbc/1", text="orphan", quote="gone",
             anchor=Anchor(quote="gone", prefix="", suffix="", start=1, end=5, status=AnchorStatus.ORPHANED),
             article=meta, created="2026-01-03T10:00:00.000Z", updated="2026-01-03T10:00:00.000Z"),
    ]  # fmt: skip


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_json_parses_back_exactly_and_is_terminal_safe() -> None:
    out = export(sample(), "json")
    assert not UNSAFE.search(out.replace("\n", ""))
    data = json.loads(out)
    first = data["notes"][0]
    assert first["text"] == HOSTILE and first["quote"] == "погибли 10 человек"
    assert first["article"] == {
        "title": "Встреча # в Киеве",
        "outlet": "rbc.ru",
        "date": "2022-01-05",
    }
    assert first["anchor"]["start"] == 40 and first["status"] == "exact"
    assert data["notes"][1]["anchor"] is None and data["notes"][1]["status"] == "article"
    assert data["notes"][2]["status"] == "orphaned"


def test_toml_parses_back_exactly() -> None:
    out = export(sample(), "toml")
    assert not UNSAFE.search(out.replace("\n", ""))
    data = tomllib.loads(out)
    assert data["notes"][0]["text"] == HOSTILE
    assert data["notes"][0]["tags"] == ["check", "жертвы"]
    assert "date" not in data["notes"][1]["article"]  # None is left out, not written


def test_csv_parses_back_exactly() -> None:
    out = export(sample(), "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["text"] == HOSTILE and rows[0]["tags"] == "check, жертвы"
    assert rows[0]["start"] == "40" and rows[1]["start"] == ""
    assert [r["id"] for r in rows] == ["n1", "n2", "n3"]


def test_articles_meta_fills_what_the_note_did_not_capture() -> None:
    note = Note(id="x", article_id="a", text="t")
    data = json.loads(
        export([note], "json", {"a": {"title": "From corpus", "outlet": "o", "date": None}})
    )
    assert data["notes"][0]["article"]["title"] == "From corpus"


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError):
        export(sample(), "xml")


def test_markdown_groups_by_article_with_blockquotes() -> None:
    out = export(sample(), "md")
    assert out.count("\n## ") == 2
    assert "## Встреча \\# в Киеве" in out
    assert "rbc.ru · 2022-01-05" in out
    assert "> погибли 10 человек" in out
    rbc = out[out.index("## Встреча") : out.index("## Другая")]
    assert "погибли" in rbc and "orphan" in rbc and "no longer found" in rbc
    assert not UNSAFE.search(out.replace("\n", ""))


@pytest.mark.parametrize(
    ("text", "must_not_start_line"),
    [
        ("# heading", "#"),
        ("## heading", "#"),
        ("- item", "-"),
        ("+ item", "+"),
        ("* item", "*"),
        ("1. item", "1."),
        ("2) item", "2)"),
        ("> quote", ">"),
        ("```\ncode\n```", "```"),
        ("~~~", "~~~"),
        ("    indented code", "    "),
        ("\tindented code", "\t"),
        ("---", "---"),
        ("===", "==="),
        ("<script>alert(1)</script>", "<"),
        ("| a | b |\n|---|---|", "|"),
    ],
)
def test_markdown_escaping_blocks(text: str, must_not_start_line: str) -> None:
    escaped = md_escape(text)
    for line in escaped.split("\n"):
        assert not line.startswith(must_not_start_line)


def test_markdown_escaping_inline() -> None:
    escaped = md_escape("[link](http://x) ![img](y) <b>x</b> `code` *em* _em_ &amp; \\ $x$ ~s~")
    assert "[link]" not in escaped and "\\[link\\]" in escaped
    assert "<b>" not in escaped and "&amp;" not in escaped.replace("\\&amp;", "")
    assert "`" not in escaped.replace("\\`", "")
    assert "*" not in escaped.replace("\\*", "")
    assert "\\\\" in escaped


def test_markdown_note_cannot_break_out_of_its_section() -> None:
    evil = Note(id="e", article_id="a", text="ok\n\n## Fake article\n\n> fake quote\n---",
                created="2026-01-01T00:00:00.000Z")  # fmt: skip
    out = export([evil], "md")
    lines = out.split("\n")
    assert sum(1 for line in lines if line.startswith("## ")) == 1
    assert not any(line.startswith(">") for line in lines)
    assert "---" not in lines


MD_PIECES = ["#", "##", "-", "+", "*", "_", "`", "```", "~~~", ">", "<", "</", "&", "&amp;", "[", "]", "(",
             ")", "!", "|", "---", "===", "1.", "2)", "\\", "$", "<b>", "<!--", "http://x.y", "\n", "\n\n",
             "    ", "\t", " ", "слово", "word", "1", "=", ":", "'", '"']  # fmt: skip
markdownish = st.lists(st.sampled_from(MD_PIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=markdownish, quote=markdownish, title=markdownish)
def test_markdown_export_structure_is_always_the_exporters(
    text: str, quote: str, title: str
) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    note = Note(id="n", article_id="a", text=text, quote=quote, tags=("t",),
                article=ArticleMeta(title=title, outlet="o"), created="2026-01-01T00:00:00.000Z")  # fmt: skip
    tokens = md.parse(export([note], "md"))
    block_types = {t.type for t in tokens}
    assert block_types <= {"heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline",
                           "blockquote_open", "blockquote_close"}  # fmt: skip
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2", "h3"]
    assert sum(t.type == "blockquote_open" for t in tokens) == (1 if quote.strip() else 0)
    inline = {c.type for t in tokens for c in (t.children or [])}
    assert inline <= {"text", "softbreak", "hardbreak"}  # trailing spaces: a line break, as typed
    # The note's own text reads back as typed (whitespace aside).
    words = " ".join(
        c.content for t in tokens for c in (t.children or []) if c.type == "text"
    ).split()
    joined = " ".join(words)
    assert " ".join(text.split()) in joined
