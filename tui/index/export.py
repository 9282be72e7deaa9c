"""Facts and claims of a corpus as tables for DuckDB, pandas or Spark (`sverka export`).

One row per fact (`facts`: entities, dates, quantities, quotes, cited sources) or per claim
(`claims`: numbers read by meaning — measure, value, qualifier, as-of time, attribution, place,
status), with the article's id, title, outlet, language, date and url on every row, in a fixed
schema: the same columns whatever the corpus holds, so files of several runs concatenate.

Read from what `sverka index --facts` stored: the catalogue's list of articles with facts and
their cleaned texts, and the facts cache. Nothing is extracted here; articles without facts are
counted and left out. Written as a stream (Parquet row groups of `BATCH` rows, or JSON lines).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.index.catalogue import Catalogue

BATCH = 10_000
"""Rows per Parquet row group."""

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("article_id", "string"),
    ("title", "string"),
    ("outlet", "string"),
    ("language", "string"),
    ("article_date", "string"),
    ("url", "string"),
]
FACT_COLUMNS: list[tuple[str, str]] = [
    *ARTICLE_COLUMNS,
    ("kind", "string"),  # entity | date | quantity | quote | source
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("label", "string"),  # base form, date value, speaker, source name
    ("key", "string"),  # entity key (the same across spellings and languages), speaker key
    ("type", "string"),  # entity type (PER/ORG/LOC), source kind
    ("value", "double"),  # a quantity's value
    ("approx", "string"),
    ("counted", "string"),
    ("event", "string"),
]
CLAIM_COLUMNS: list[tuple[str, str]] = [
    *ARTICLE_COLUMNS,
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("measure", "string"),
    ("value", "double"),
    ("value_max", "double"),
    ("qualifier", "string"),
    ("as_of", "string"),
    ("as_of_date", "string"),
    ("attribution", "string"),
    ("place", "string"),
    ("status", "string"),
    ("counted", "string"),
    ("event", "string"),
    ("sentence", "string"),
]
KINDS = {"facts": FACT_COLUMNS, "claims": CLAIM_COLUMNS}
FORMATS = ("parquet", "jsonl")


@dataclass(slots=True)
class ExportReport:
    """What one export wrote."""

    articles: int = 0
    rows: int = 0
    missing: int = 0
    """Articles left out: no facts extracted yet, or their cache entry is gone."""

    def summary(self, what: str, out: str) -> str:
        missing = (
            f"; {self.missing} article(s) without facts left out (run sverka index --facts)"
            if self.missing
            else ""
        )
        return f"exported {self.rows} {what} rows of {self.articles} articles to {out}{missing}"


def _articles(catalogue: Catalogue, report: ExportReport) -> Iterator[tuple[dict, str, Any]]:
    """(article columns, cleaned text, Facts) of every article with facts, by id."""
    from tui.facts.cache import cached_facts
    from tui.index.store import unpack_text
    from tui.lang import resolve

    conn = catalogue.connection()
    report.missing += int(
        conn.execute("SELECT count(*) FROM articles WHERE facts != 'done'").fetchone()[0]
    )
    last = ""
    while True:
        chunk = conn.execute(
            "SELECT a.id, a.title, a.outlet, a.language, a.date, a.url, d.z FROM articles a"
            " LEFT JOIN doc d ON d.rowid = a.rowid WHERE a.facts = 'done' AND a.id > ?"
            " ORDER BY a.id LIMIT 1000",
            (last,),
        ).fetchall()
        if not chunk:
            return
        last = chunk[-1][0]
        for aid, title, outlet, lang, date, url, z in chunk:
            try:
                text = unpack_text(z) if z is not None else None
            except ValueError:
                text = None
            facts = cached_facts(text, resolve(lang, text), date, None) if text else None
            if facts is None:
                report.missing += 1
                continue
            report.articles += 1
            meta = {
                "article_id": aid,
                "title": title,
                "outlet": outlet,
                "language": lang,
                "article_date": date,
                "url": url,
            }
            yield meta, text, facts


def fact_rows(catalogue: Catalogue, report: ExportReport) -> Iterator[dict[str, Any]]:
    """One row per fact (FACT_COLUMNS)."""
    for meta, _text, facts in _articles(catalogue, report):
        for e in facts.entities:
            yield {**meta, "kind": "entity", "start": e.start, "end": e.end, "text": e.text,
                   "label": e.normal, "key": e.key or None, "type": e.type}  # fmt: skip
        for d in facts.dates:
            yield {**meta, "kind": "date", "start": d.start, "end": d.end, "text": d.text,
                   "label": d.value, "key": d.value}  # fmt: skip
        for q in facts.quantities:
            yield {**meta, "kind": "quantity", "start": q.start, "end": q.end, "text": q.text,
                   "value": float(q.value), "approx": q.approx, "counted": q.counted,
                   "event": q.event}  # fmt: skip
        for q in facts.quotes:
            yield {**meta, "kind": "quote", "start": q.start, "end": q.end, "text": q.text,
                   "label": q.speaker, "key": q.speaker_key}  # fmt: skip
        for s in facts.sources:
            yield {**meta, "kind": "source", "start": s.start, "end": s.end, "text": s.text,
                   "label": s.name, "type": s.kind}  # fmt: skip


def claim_rows(catalogue: Catalogue, report: ExportReport) -> Iterator[dict[str, Any]]:
    """One row per claim (CLAIM_COLUMNS)."""
    for meta, text, facts in _articles(catalogue, report):
        for c in getattr(facts, "claims", []):
            sentence = text[c.sentence_start : c.sentence_end] if c.sentence_end else None
            yield {**meta, "start": c.start, "end": c.end, "text": c.text,
                   "measure": c.measure, "value": float(c.value),
                   "value_max": None if c.value_max is None else float(c.value_max),
                   "qualifier": c.qualifier, "as_of": c.as_of, "as_of_date": c.as_of_date,
                   "attribution": c.attribution, "place": c.place, "status": c.status,
                   "counted": c.counted, "event": c.event,
                   "sentence": " ".join(sentence.split()) if sentence else None}  # fmt: skip


def _schema(columns: list[tuple[str, str]]) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def write_parquet(rows: Iterator[dict[str, Any]], columns: list[tuple[str, str]], out: Path) -> int:
    """Write `rows` to a Parquet file (row groups of BATCH rows); the number written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema(columns)
    names = [name for name, _ in columns]
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            data = {name: [row.get(name) for row in batch] for name in names}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            batch.clear()

        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= BATCH:
                flush()
        if batch or count == 0:
            flush()
    return count


def write_jsonl(
    rows: Iterator[dict[str, Any]], columns: list[tuple[str, str]], out: IO[str]
) -> int:
    """Write `rows` as JSON lines with every column (null where a row has none)."""
    names = [name for name, _ in columns]
    count = 0
    for row in rows:
        out.write(json.dumps({n: row.get(n) for n in names}, ensure_ascii=False) + "\n")
        count += 1
    return count


def export(
    catalogue: Catalogue, what: str, fmt: str, out: Path | None, stdout: IO[str] | None = None
) -> ExportReport:
    """Export `what` ("facts" or "claims") as `fmt` ("parquet" or "jsonl") to `out` (JSON lines
    may go to `stdout` when `out` is None). Written to a temporary file and renamed: a failed
    export never leaves half a file under the name asked for."""
    import os

    report = ExportReport()
    rows = fact_rows(catalogue, report) if what == "facts" else claim_rows(catalogue, report)
    columns = KINDS[what]
    if out is None:
        assert stdout is not None and fmt == "jsonl"
        report.rows = write_jsonl(rows, columns, stdout)
        return report
    tmp = out.with_name(f".{out.name}.part")
    try:
        if fmt == "parquet":
            report.rows = write_parquet(rows, columns, tmp)
        else:
            with open(tmp, "w", encoding="utf-8") as f:
                report.rows = write_jsonl(rows, columns, f)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return report
