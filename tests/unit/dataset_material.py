"""Small datasets for the tests: rows written in the style of scraper dumps (news-please's
`maintext`/`date_publish`/`source_domain`, plain `text`/`title`/`url` dumps, a monitoring CSV),
the same articles in every format so the tests can compare them."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

ROWS: list[dict[str, Any]] = [
    {
        "id": "kz-0107-01",
        "title": "В Алматы задержали 7939 человек",
        "text": (
            "В Алматы за сутки задержали 7939 человек, сообщает МВД Казахстана.\n\n"
            "Президент Касым-Жомарт Токаев заявил, что порядок в городе восстановлен. "
            "По данным ведомства, изъято 38 единиц огнестрельного оружия."
        ),
        "url": "https://www.zerkalo.io/news/kz-0107-01.html",
        "date": "2022-01-10T09:30:00+03:00",
        "language": "ru",
    },
    {
        "id": "kz-0107-02",
        "title": "Влада Казахстану проводить масові зачистки",
        "text": (
            "У казахстанському місті Алмати протягом минулої доби було затримано 1 925 "
            "ймовірних учасників протестів. Про це повідомляє Інтерфакс із посиланням на "
            "міську комендатуру.\n\nВилучено 38 одиниць вогнепальної зброї."
        ),
        "url": "https://focus.ua/world/kz-0107-02",
        "date": "2022-01-10",
        "language": "uk",
    },
    {
        "id": "kz-0108-03",
        "title": "МИД Казахстана ответил на публикации иностранных СМИ",
        "text": (
            "Министерство иностранных дел Казахстана выступило с заявлением в связи с "
            "публикациями в иностранных СМИ о событиях в Алматы.\n\n"
            "В ведомстве подчеркнули, что миссия ОДКБ носит временный характер."
        ),
        "url": "https://www.gov.kz/memleket/entities/mfa/press/news/details/3",
        "date": "2022-01-08",
        "language": "ru",
    },
]


def write_jsonl(path: Path, rows: list[dict[str, Any]] | None = None, opener: Any = open) -> Path:
    """The rows as JSON lines (`opener=gzip.open` for .jsonl.gz)."""
    with opener(path, "wt", encoding="utf-8") as f:
        for row in rows if rows is not None else ROWS:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_zst(path: Path, rows: list[dict[str, Any]] | None = None) -> Path:
    """The rows as zstd-compressed JSON lines."""
    import zstandard

    data = "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in (rows if rows is not None else ROWS)
    )
    path.write_bytes(zstandard.ZstdCompressor().compress(data.encode("utf-8")))
    return path


def write_gz(path: Path, rows: list[dict[str, Any]] | None = None) -> Path:
    """The rows as gzip-compressed JSON lines."""
    return write_jsonl(path, rows, opener=gzip.open)


def write_csv(
    path: Path, rows: list[dict[str, Any]] | None = None, encoding: str = "utf-8"
) -> Path:
    """The rows as CSV with the columns a monitoring export might have (Headline, Body, Link…)."""
    rows = rows if rows is not None else ROWS
    with open(path, "w", newline="", encoding=encoding) as f:
        writer = csv.writer(f)
        writer.writerow(["ID", "Headline", "Body", "Link", "Published", "Lang"])
        for r in rows:
            writer.writerow([r["id"], r["title"], r["text"], r["url"], r["date"], r["language"]])
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]] | None = None, group: int = 2) -> Path:
    """The rows as Parquet (small row groups, so a row is looked up in a later group too)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = rows if rows is not None else ROWS
    keys = list(dict.fromkeys(k for r in rows for k in r))
    table = pa.table({key: [r.get(key) for r in rows] for key in keys})
    pq.write_table(table, path, row_group_size=group)
    return path


def seed_rows(n: int) -> list[dict[str, Any]]:
    """`n` distinct rows made of the seed reports' paragraphs (three or four a row, in a rotating
    choice), each with an id, a url and a date: enough articles for a run to be stopped midway."""
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    paragraphs: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        paragraphs += [
            p.strip() for p in path.read_text("utf-8").split("\n") if len(p.strip()) > 80
        ]
    rows = []
    for i in range(n):
        picked = [paragraphs[(i * 7 + k * 13) % len(paragraphs)] for k in range(3 + i % 2)]
        rows.append(
            {
                "id": f"row-{i:04d}",
                "title": picked[0][:90],
                "text": "\n\n".join(picked) + f"\n\nЗаметка {i}.",
                "url": f"https://news.example/{i}",
                "date": f"2022-01-{1 + i % 28:02d}",
            }
        )
    return rows
