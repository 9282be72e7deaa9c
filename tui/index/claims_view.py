"""The numbers ledger read from the catalogue: the claims `sverka index --facts` stored.

`ledger(conn, …)` answers from the `claims` table alone — one count per measure from a scan of
the `(measure, date)` index, then per measure its most recent `limit` claims read backwards along
that index — so a corpus of 100,000 indexed articles needs no extraction and no full sort.
Articles can be restricted to a set of rowids (a search, a filter, a selection): the queries then
start from a temporary table of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from tui.compare.claims_diff import measure_label
from tui.compare.ledger import (
    DEFAULT_LIMIT,
    LedgerEntry,
    LedgerMeasure,
    build,
    mark_divergent,
    time_key,
)

_COLUMNS = (
    "a.id, a.outlet, a.title, c.date, c.measure, c.value, c.value_max, c.qualifier, c.as_of,"
    " c.as_of_date, c.attribution, c.place, c.status, c.text, c.start, c.stop,"
    " c.sentence_start, c.sentence_end"
)


def _load_ids(conn: sqlite3.Connection, rowids: Iterable[int]) -> None:
    """The articles to keep, in a temporary table the queries start from."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS ledger_ids(rowid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM ledger_ids")
    conn.executemany("INSERT OR IGNORE INTO ledger_ids VALUES (?)", ((r,) for r in rowids))


def ledger(
    conn: sqlite3.Connection,
    measure: str | None = None,
    rowids: Iterable[int] | None = None,
    include_other: bool = False,
    limit: int | None = DEFAULT_LIMIT,
    lang: str | None = None,
) -> list[LedgerMeasure]:
    """Per measure (most claims first) its most recent `limit` claims (None/0: all), in time
    order, with divergent figures marked (see `tui.compare.ledger`).

    Over the whole catalogue the counts are one scan of the `(measure, date)` index and each
    measure's newest claims are read backwards along it (no sort of a measure's every claim);
    for a set of articles the queries start from the set (its claims through `claims_article`)."""
    if rowids is not None:
        # a set of articles: its claims in one pass from the set (CROSS JOIN keeps that order)
        _load_ids(conn, rowids)
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM ledger_ids l CROSS JOIN claims c ON c.article = l.rowid"
            " CROSS JOIN articles a ON a.rowid = c.article"
            + (" WHERE c.measure = ?" if measure is not None else ""),
            (measure,) if measure is not None else (),
        )
        return build((LedgerEntry(*row) for row in rows), measure, include_other, limit, lang)
    source = "claims c"
    totals = [
        (mid, n)
        for mid, n in conn.execute(f"SELECT c.measure, count(*) FROM {source} GROUP BY c.measure")
        if (measure is None and (include_other or not mid.startswith("other:"))) or mid == measure
    ]
    out = []
    for mid, total in totals:
        sql = (
            f"SELECT {_COLUMNS} FROM {source} JOIN articles a ON a.rowid = c.article"
            " WHERE c.measure = ? ORDER BY c.date DESC"
        )
        args: list[object] = [mid]
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        entries = [LedgerEntry(*row) for row in conn.execute(sql, args)]
        entries.sort(key=time_key)
        out.append(LedgerMeasure(mid, measure_label(mid, lang), mark_divergent(entries), total))
    out.sort(key=lambda m: (-m.total, m.measure))
    return out


def claimed_articles(conn: sqlite3.Connection) -> int:
    """How many articles have their facts (and so their claims) stored."""
    return int(conn.execute("SELECT count(*) FROM articles WHERE facts = 'done'").fetchone()[0])


def missing_facts(conn: sqlite3.Connection, rowids: Iterable[int] | None = None) -> int:
    """How many of the articles (all when None) have no facts, so no claims, stored yet."""
    if rowids is None:
        return int(conn.execute("SELECT count(*) FROM articles WHERE facts = 'none'").fetchone()[0])
    ids = list(rowids)
    missing = 0
    for i in range(0, len(ids), 30000):
        part = ids[i : i + 30000]
        marks = ",".join("?" * len(part))
        sql = f"SELECT count(*) FROM articles WHERE facts = 'none' AND rowid IN ({marks})"
        missing += int(conn.execute(sql, part).fetchone()[0])
    return missing
