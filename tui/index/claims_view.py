"""The numbers ledger read from the catalogue: the claims `sverka index --facts` stored.

`ledger(conn, …)` answers from the `claims` table alone — per measure one indexed query for the
most recent `limit` claims (by the `(measure, date)` index) and one count — so a corpus of
100,000 indexed articles needs no extraction and no full sort. Articles can be restricted to a
set of rowids (a search, a filter, a selection): they go through a temporary table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from tui.compare.claims_diff import measure_label
from tui.compare.ledger import DEFAULT_LIMIT, LedgerEntry, LedgerMeasure, mark_divergent

_COLUMNS = (
    "a.id, a.outlet, a.title, c.date, c.measure, c.value, c.value_max, c.qualifier, c.as_of,"
    " c.as_of_date, c.attribution, c.place, c.status, c.text, c.start, c.stop,"
    " c.sentence_start, c.sentence_end"
)


def _restrict(conn: sqlite3.Connection, rowids: Iterable[int] | None) -> str:
    """A WHERE fragment keeping the given articles (all when None)."""
    if rowids is None:
        return ""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS ledger_ids(rowid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM ledger_ids")
    conn.executemany("INSERT OR IGNORE INTO ledger_ids VALUES (?)", ((r,) for r in rowids))
    return " AND c.article IN (SELECT rowid FROM ledger_ids)"


def ledger(
    conn: sqlite3.Connection,
    measure: str | None = None,
    rowids: Iterable[int] | None = None,
    include_other: bool = False,
    limit: int | None = DEFAULT_LIMIT,
    lang: str | None = None,
) -> list[LedgerMeasure]:
    """Per measure (most claims first) its most recent `limit` claims (None/0: all), in time
    order, with divergent figures marked (see `tui.compare.ledger`)."""
    where = " WHERE 1"
    params: list[object] = []
    if measure is not None:
        where += " AND c.measure = ?"
        params.append(measure)
    elif not include_other:
        where += " AND c.measure NOT LIKE 'other:%'"
    where += _restrict(conn, rowids)
    totals = conn.execute(
        f"SELECT c.measure, count(*) FROM claims c{where} GROUP BY c.measure", params
    ).fetchall()
    out = []
    for mid, total in totals:
        sql = (
            f"SELECT {_COLUMNS} FROM claims c JOIN articles a ON a.rowid = c.article"
            f"{where} AND c.measure = ?"
            " ORDER BY c.date DESC, c.as_of_date DESC, a.id DESC, c.start DESC"
        )
        args = [*params, mid]
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        entries = [LedgerEntry(*row) for row in conn.execute(sql, args)]
        entries.reverse()
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
