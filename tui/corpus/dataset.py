"""Datasets as corpora: JSONL (also .gz and .zst), CSV and Parquet files, one article per row.

A dataset is read as a stream — line by line, or Parquet record batch by record batch — so a 10 GB
file is never held whole. A field mapping (`FieldMap`) names the columns that hold the text,
title, url, date, outlet, language and id; the defaults fit common scraper outputs (news-please,
trafilatura, Common Crawl news dumps, media-monitoring CSV exports), and the user can name others
(`sverka --field text=body`, or `[dataset]` in the config).

Each row becomes an article with a stable id: its id field if it has one, else a digest of its
text (so the same row gets the same id on every run and on every machine). A row that cannot be
used (broken JSON, no text, a CSV record of the wrong shape) is a `BadRow` with its 1-based row
number and the reason, and the rest of the file is read.

Rows are found again by a *locator*: `b<offset>` (the byte offset of the row in an uncompressed
JSONL or CSV file: one seek) or `r<index>` (the 0-based row index, for Parquet and compressed
files, whose rows cannot be reached by seeking; the catalogue keeps their texts). An article of a
dataset has the path `<dataset file>#<locator>` (see `split_entry`).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from tui.corpus.sanitize import sanitize_line

FIELDS = ("text", "title", "url", "date", "outlet", "language", "id")
"""The article fields a dataset's columns are mapped to."""

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "body",
        "maintext",
        "article",
        "article_text",
        "full_text",
        "fulltext",
        "raw_text",
        "description",
    ),  # fmt: skip
    "title": ("title", "headline", "header", "name"),
    "url": ("url", "link", "source_url", "canonical_url", "href", "uri"),
    "date": (
        "date",
        "published",
        "published_at",
        "date_publish",
        "pub_date",
        "publish_date",
        "pubdate",
        "datetime",
        "timestamp",
        "created_at",
        "time",
    ),  # fmt: skip
    "outlet": (
        "outlet",
        "source",
        "source_domain",
        "domain",
        "site",
        "sitename",
        "site_name",
        "publisher",
        "media",
        "source_name",
    ),  # fmt: skip
    "language": ("language", "lang", "locale"),
    "id": ("id", "_id", "uuid", "doc_id", "article_id", "guid", "docid"),
}
"""Column names tried for each field, in order (first present and non-empty wins; case-blind)."""

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
PARQUET_SUFFIXES = (".parquet", ".pq")
COMPRESSIONS = (".gz", ".zst")
DATASET_SUFFIXES = (
    *JSONL_SUFFIXES,
    *(s + c for s in JSONL_SUFFIXES for c in COMPRESSIONS),
    *CSV_SUFFIXES,
    *(s + c for s in CSV_SUFFIXES for c in COMPRESSIONS),
    *PARQUET_SUFFIXES,
)
"""File name endings read as datasets (case-blind)."""

MAX_ROW_BYTES = 20 * 1024 * 1024
"""A longer row is reported and skipped (an article file has the same limit)."""
PARQUET_BATCH = 2048
"""Rows per Parquet record batch read at a time."""
_LOCATOR = re.compile(r"[br]\d+")


class DatasetError(ValueError):
    """A dataset that cannot be read at all (not Parquet, unreadable, no text column)."""


@dataclass(frozen=True, slots=True)
class FieldMap:
    """For each article field, the column names to try (dotted names reach into JSON objects)."""

    text: tuple[str, ...] = DEFAULT_FIELDS["text"]
    title: tuple[str, ...] = DEFAULT_FIELDS["title"]
    url: tuple[str, ...] = DEFAULT_FIELDS["url"]
    date: tuple[str, ...] = DEFAULT_FIELDS["date"]
    outlet: tuple[str, ...] = DEFAULT_FIELDS["outlet"]
    language: tuple[str, ...] = DEFAULT_FIELDS["language"]
    id: tuple[str, ...] = DEFAULT_FIELDS["id"]

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, str]) -> FieldMap:
        """The defaults with the given fields set to one column each («text» → «body»). An empty
        column name turns a field off. Raises DatasetError for an unknown field."""
        kwargs: dict[str, tuple[str, ...]] = {}
        for field, column in mapping.items():
            if field not in FIELDS:
                raise DatasetError(
                    f"unknown dataset field {sanitize_line(field)!r} (expected one of: {', '.join(FIELDS)})"
                )
            kwargs[field] = (column.strip(),) if column.strip() else ()
        return cls(**kwargs)

    def overrides(self) -> dict[str, str]:
        """The fields set to something other than the defaults, as `from_mapping` takes them."""
        out: dict[str, str] = {}
        for field in FIELDS:
            names = getattr(self, field)
            if names != DEFAULT_FIELDS[field]:
                out[field] = names[0] if names else ""
        return out

    def describe(self) -> dict[str, list[str]]:
        """The mapping as JSON-able data (what `reader_version` digests)."""
        return {f: list(getattr(self, f)) for f in FIELDS}

    def resolve(self, columns: Iterable[str]) -> dict[str, list[str]]:
        """For each field, the candidate columns present in `columns` (exact name, else the same
        name in another case), in the mapping's order."""
        present = list(columns)
        lower: dict[str, str] = {}
        for name in present:
            lower.setdefault(name.casefold(), name)
        out: dict[str, list[str]] = {}
        for field in FIELDS:
            found = []
            for want in getattr(self, field):
                name = want if want in present else lower.get(want.casefold())
                if name is not None and name not in found:
                    found.append(name)
            out[field] = found
        return out


_FIELD_MAP = FieldMap()


def configure_fields(mapping: Mapping[str, str] | None) -> FieldMap:
    """Set the process-wide field mapping (config `[dataset]`, then `--field` flags)."""
    global _FIELD_MAP
    _FIELD_MAP = FieldMap.from_mapping(mapping or {})
    return _FIELD_MAP


def configured_fields() -> FieldMap:
    """The field mapping in use."""
    return _FIELD_MAP


def parse_field_flags(flags: Iterable[str]) -> dict[str, str]:
    """`["text=body", "id=uid"]` → {"text": "body", "id": "uid"}; DatasetError when malformed."""
    out: dict[str, str] = {}
    for flag in flags:
        field, sep, column = flag.partition("=")
        if not sep or field.strip() not in FIELDS:
            raise DatasetError(
                f"--field {sanitize_line(flag)!r}: expected FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}"
            )
        out[field.strip()] = column.strip()
    return out


# -- what a dataset is -----------------------------------------------------------------------------


def is_dataset_name(name: str) -> bool:
    """True if a file of this name is read as a dataset."""
    return name.lower().endswith(DATASET_SUFFIXES)


def dataset_format(name: str) -> tuple[str, str | None]:
    """("jsonl" | "csv" | "parquet", None | "gz" | "zst") of a dataset file name."""
    low = name.lower()
    compression = None
    for ext in COMPRESSIONS:
        if low.endswith(ext):
            compression = ext[1:]
            low = low[: -len(ext)]
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl", compression
    if low.endswith(CSV_SUFFIXES):
        return "csv", compression
    if low.endswith(PARQUET_SUFFIXES) and compression is None:
        return "parquet", None
    raise DatasetError(f"not a dataset file name: {sanitize_line(name)}")


def seekable(name: str) -> bool:
    """True if rows of this dataset are found again by byte offset (uncompressed JSONL, CSV)."""
    kind, compression = dataset_format(name)
    return kind != "parquet" and compression is None


def split_entry(rel: str) -> tuple[str, str] | None:
    """(dataset file, locator) of an article path `<file>#<locator>`, or None for a plain file."""
    head, sep, locator = rel.rpartition("#")
    if sep and _LOCATOR.fullmatch(locator) and (head == "" or is_dataset_name(head)):
        return head, locator
    return None


# -- rows ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One usable row: where it is, its number, and its mapped fields (strings or None)."""

    locator: str
    number: int
    """1-based row number as people count it (a CSV's header is not a row; JSONL: the line)."""
    text: str
    title: str | None
    url: str | None
    date: str | None
    outlet: str | None
    language: str | None
    id: str | None
    size: int
    """Bytes of the row in the file (0 where unknown)."""
    note: str | None = None
    """Something worth saying about a row that was read anyway (an odd encoding)."""

    def digest(self) -> str:
        """sha1 of the mapped fields: a changed row gets a new digest (so it is read again)."""
        h = hashlib.sha1()
        for value in (self.text, self.title, self.url, self.date, self.outlet, self.language):
            h.update((value or "").encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def stable_id(self) -> str:
        """The article id: the id field (sanitised), else 12 hex digits of the text's sha1."""
        if self.id:
            return self.id
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that was not read, and why (the message names the row)."""

    number: int
    reason: str

    def message(self) -> str:
        """«row 17: not valid JSON (…)»."""
        return f"row {self.number}: {self.reason}"


def _scalar(value: Any) -> str | None:
    """A cell as text: None/empty → None; numbers, dates and timestamps as text; else JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value) if value == value else None  # NaN: no value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(v for v in value if v.strip()) or None  # paragraphs as a list
    return json.dumps(value, ensure_ascii=False, default=str)


def _get(record: Mapping[str, Any], name: str) -> Any:
    if name in record:
        return record[name]
    if "." in name:
        value: Any = record
        for part in name.split("."):
            if not isinstance(value, Mapping) or part not in value:
                return None
            value = value[part]
        return value
    return None


def _pick(record: Mapping[str, Any], names: Iterable[str]) -> str | None:
    for name in names:
        value = _scalar(_get(record, name))
        if value is not None:
            return value
    return None


def _make_row(
    record: Mapping[str, Any],
    names: dict[str, list[str]],
    locator: str,
    number: int,
    size: int,
    note: str | None = None,
) -> Row | BadRow:
    text = _pick(record, names["text"])
    if text is None:
        wanted = "/".join(names["text"]) or "/".join(configured_fields().text[:3]) + "/…"
        return BadRow(number, f"no text (field {wanted} missing or empty)")
    ident = _pick(record, names["id"])
    return Row(
        locator=locator,
        number=number,
        text=text,
        title=_pick(record, names["title"]),
        url=_pick(record, names["url"]),
        date=_pick(record, names["date"]),
        outlet=_pick(record, names["outlet"]),
        language=_pick(record, names["language"]),
        id=(sanitize_line(ident)[:200] or None) if ident is not None else None,
        size=size,
        note=note,
    )


def _open_binary(path: Path, compression: str | None) -> IO[bytes]:
    if compression == "gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, closed there
    if compression == "zst":
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(reader, 1 << 20)  # type: ignore[arg-type]
    return raw


def _decode_line(data: bytes) -> tuple[str, str | None]:
    """A line as text: UTF-8, else the Cyrillic code page it looks like (with a note saying so)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        from tui.corpus.decode import UndecodableError, decode_bytes

        try:
            decoded = decode_bytes(data)
        except UndecodableError:
            raise ValueError(f"not text ({exc.reason} at byte {exc.start})") from None
        return (
            decoded.text,
            f"not UTF-8 ({exc.reason} at byte {exc.start}), read as {decoded.encoding}",
        )


# -- JSONL -----------------------------------------------------------------------------------------


class _JsonNames:
    """Field → candidate keys for JSON records (whose keys may differ from row to row)."""

    def __init__(self, fields: FieldMap) -> None:
        self.fields = fields
        self._by_keys: dict[tuple[str, ...], dict[str, list[str]]] = {}

    def names(self, record: Mapping[str, Any]) -> dict[str, list[str]]:
        keys = tuple(record)
        found = self._by_keys.get(keys)
        if found is None:
            found = self.fields.resolve(keys)
            for field in FIELDS:  # dotted names are looked up inside the record
                found[field] += [n for n in getattr(self.fields, field) if "." in n]
            if len(self._by_keys) < 1000:
                self._by_keys[keys] = found
        return found


def _json_row(data: bytes, names: _JsonNames, locator: str, number: int) -> Row | BadRow | None:
    """One JSONL line as a row (None for a blank line)."""
    if len(data) > MAX_ROW_BYTES:
        return BadRow(number, f"longer than {MAX_ROW_BYTES // (1024 * 1024)} MB")
    stripped = data.strip()
    if not stripped:
        return None
    try:
        text, note = _decode_line(stripped)
        record = json.loads(text)
    except ValueError as exc:
        reason = (
            str(exc)
            if not isinstance(exc, json.JSONDecodeError)
            else f"{exc.msg} at column {exc.colno}"
        )
        return BadRow(number, f"not valid JSON ({sanitize_line(reason)})")
    except RecursionError:
        return BadRow(number, "not valid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return BadRow(number, f"not a JSON object (a {type(record).__name__})")
    return _make_row(record, names.names(record), locator, number, len(data), note)


def _iter_jsonl(path: Path, compression: str | None, fields: FieldMap) -> Iterator[Row | BadRow]:
    names = _JsonNames(fields)
    offset = 0
    with _open_binary(path, compression) as stream:
        for index, line in enumerate(stream):
            locator = f"b{offset}" if compression is None else f"r{index}"
            offset += len(line)
            row = _json_row(line, names, locator, index + 1)
            if row is not None:
                yield row


# -- CSV -------------------------------------------------------------------------------------------


class _LineFeed:
    """Lines of a binary stream as text for `csv.reader`, remembering where a record began: set
    `record_start` to None before asking the reader for a record, read it after."""

    def __init__(self, stream: IO[bytes], encoding: str) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder(encoding)("replace")
        self.offset = 0
        self.record_start: int | None = None

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = self.stream.readline(MAX_ROW_BYTES + 1)
        if not line:
            raise StopIteration
        if self.record_start is None:
            self.record_start = self.offset
        self.offset += len(line)
        return self.decoder.decode(line)


def _csv_encoding(sample: bytes) -> str:
    """UTF-8 (with or without a BOM), else the Cyrillic code page the sample reads as."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:  # a character cut by the sample's end
            return "utf-8"
    from tui.corpus.decode import UndecodableError, decode_bytes

    try:
        return decode_bytes(sample).encoding
    except UndecodableError:
        return "utf-8"


def _csv_dialect(name: str, sample: str) -> dict[str, Any]:
    if name.lower().removesuffix(".gz").removesuffix(".zst").endswith(".tsv"):
        return {"delimiter": "\t"}
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return {"delimiter": best if counts[best] else ","}


def _csv_setup(path: Path, compression: str | None) -> tuple[str, dict[str, Any]]:
    with _open_binary(path, compression) as stream:
        sample = stream.read(65536)
    encoding = _csv_encoding(sample)
    text = sample.decode(encoding, "replace")
    return encoding, _csv_dialect(path.name, text)


def _iter_csv(path: Path, compression: str | None, fields: FieldMap) -> Iterator[Row | BadRow]:
    encoding, dialect = _csv_setup(path, compression)
    csv.field_size_limit(MAX_ROW_BYTES)
    with _open_binary(path, compression) as stream:
        feed = _LineFeed(stream, encoding)
        reader = csv.reader(feed, **dialect)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise DatasetError(
                f"{sanitize_line(path.name)}: unreadable CSV header ({exc})"
            ) from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        names = fields.resolve(header)
        if not names["text"]:
            raise DatasetError(
                f"{sanitize_line(path.name)}: no text column (columns: "
                f"{sanitize_line(', '.join(header[:12]))}; name one with --field text=COLUMN)"
            )
        width = len(header)
        number = 0
        index = 0
        while True:
            feed.record_start = None
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                number += 1
                yield BadRow(number, f"not a valid CSV record ({sanitize_line(str(exc))})")
                continue
            if not record or (len(record) == 1 and not record[0].strip()):
                continue
            number += 1
            start = feed.record_start or 0
            locator = f"b{start}" if compression is None else f"r{index}"
            index += 1
            if len(record) != width:
                yield BadRow(number, f"{len(record)} fields where the header has {width}")
                continue
            row = dict(zip(header, record, strict=True))
            yield _make_row(row, names, locator, number, feed.offset - start)


# -- Parquet ---------------------------------------------------------------------------------------


def _parquet_file(path: Path) -> Any:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
        raise DatasetError(
            f"{sanitize_line(path.name)}: not a readable Parquet file ({exc})"
        ) from None


def _parquet_columns(
    pf: Any, fields: FieldMap, name: str
) -> tuple[list[str], dict[str, list[str]]]:
    columns = list(pf.schema_arrow.names)
    names = fields.resolve(columns)
    if not names["text"]:
        raise DatasetError(
            f"{sanitize_line(name)}: no text column (columns: {sanitize_line(', '.join(columns[:12]))};"
            " name one with --field text=COLUMN)"
        )
    wanted = sorted({c for cols in names.values() for c in cols}, key=columns.index)
    return wanted, names


def _iter_parquet(path: Path, fields: FieldMap) -> Iterator[Row | BadRow]:
    pf = _parquet_file(path)
    wanted, names = _parquet_columns(pf, fields, path.name)
    index = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
        yield from _batch_rows(batch, names, index)
        index += batch.num_rows


def _batch_rows(batch: Any, names: dict[str, list[str]], first: int) -> Iterator[Row | BadRow]:
    columns = {name: batch.column(name).to_pylist() for name in batch.schema.names}
    for i in range(batch.num_rows):
        record = {name: values[i] for name, values in columns.items()}
        yield _make_row(record, names, f"r{first + i}", first + i + 1, 0)


# -- reading ---------------------------------------------------------------------------------------


def iter_rows(path: Path, fields: FieldMap | None = None) -> Iterator[Row | BadRow]:
    """Every row of the dataset file `path`, as a stream (raises DatasetError if the file as a
    whole cannot be read; OSError for an unreadable file)."""
    fields = fields or configured_fields()
    kind, compression = dataset_format(path.name)
    if kind == "parquet":
        return _iter_parquet(path, fields)
    if kind == "csv":
        return _iter_csv(path, compression, fields)
    return _iter_jsonl(path, compression, fields)


def count_rows_hint(path: Path) -> int | None:
    """The number of rows if the file says so cheaply (Parquet metadata), else None."""
    try:
        if dataset_format(path.name)[0] == "parquet":
            return int(_parquet_file(path).metadata.num_rows)
    except (DatasetError, OSError):
        return None
    return None


def read_row(path: Path, locator: str, fields: FieldMap | None = None) -> Row | BadRow:
    """The row at `locator` (see module docstring): one seek for `b…`; for `r…` the row group
    (Parquet) or a stream up to it (compressed files — the catalogue keeps their texts)."""
    fields = fields or configured_fields()
    kind, compression = dataset_format(path.name)
    position = int(locator[1:])
    if locator.startswith("b") and compression is None and kind != "parquet":
        with open(path, "rb") as f:
            if kind == "jsonl":
                f.seek(position)
                line = f.readline(MAX_ROW_BYTES + 1)
                row = _json_row(line, _JsonNames(fields), locator, 0)
                return row if row is not None else BadRow(0, "blank line")
            encoding, dialect = _csv_setup(path, None)
            header_reader = csv.reader(_LineFeed(f, encoding), **dialect)
            header = [h.strip().lstrip("\ufeff") for h in next(header_reader)]
            f.seek(position)
            csv.field_size_limit(MAX_ROW_BYTES)
            try:
                record = next(csv.reader(_LineFeed(f, encoding), **dialect))
            except (StopIteration, csv.Error) as exc:
                return BadRow(0, f"not a valid CSV record ({exc})")
            if len(record) != len(header):
                return BadRow(0, f"{len(record)} fields where the header has {len(header)}")
            return _make_row(
                dict(zip(header, record, strict=True)), fields.resolve(header), locator, 0, 0
            )
    if kind == "parquet":
        pf = _parquet_file(path)
        wanted, names = _parquet_columns(pf, fields, path.name)
        start = 0
        for group in range(pf.num_row_groups):
            count = pf.metadata.row_group(group).num_rows
            if position < start + count:
                table = pf.read_row_group(group, columns=wanted).slice(position - start, 1)
                for batch in table.to_batches():
                    for row in _batch_rows(batch, names, position):
                        return row
            start += count
        return BadRow(position + 1, "no such row (the file changed?)")
    for row in iter_rows(path, fields):
        if row.number - 1 >= position and (not isinstance(row, Row) or row.locator == locator):
            return row
    return BadRow(position + 1, "no such row (the file changed?)")


# -- rows as articles ------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def normal_date(value: str | None) -> str | None:
    """A date field as YYYY-MM-DD: ISO dates and timestamps, Unix seconds or milliseconds, and
    the dates `tui.corpus.pubdate` recognises in text («7 января 2022»); None if none."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_DATE.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", value):
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 11 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    from tui.corpus.pubdate import detect_date

    return detect_date(value[:200])


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    names = {"russian": "ru", "rus": "ru", "ukrainian": "uk", "ukr": "uk", "ua": "uk",
             "english": "en", "eng": "en", "belarusian": "be", "bel": "be", "kazakh": "kk",
             "kaz": "kk"}  # fmt: skip
    code = names.get(code, code)
    return sanitize_line(code) if code.isalpha() and 2 <= len(code) <= 3 else None


def row_id(rel: str, row: Row) -> str:
    """The id of a row of the dataset file `rel` ("" when the corpus is that file): the row's own
    (`Row.stable_id`), under the file's path when the corpus is a folder — `dumps/kz.jsonl/17` —
    as a file's id is its path (`tui.corpus.reader.article_id_for`): no two files can give the
    same id, and a row is found by its own id as a nested file by its name."""
    if not rel:
        return row.stable_id()
    from tui.corpus.sanitize import escape_name

    return "/".join(escape_name(part) for part in rel.split("/")) + "/" + row.stable_id()


def page_text(row: Row) -> str:
    """The article as a page: the headline (when the row has one the text does not already start
    with) above the text — as a scraped file reads, so the cleaner, the title, the facts and the
    notes' offsets treat a row as they treat a file."""
    text = row.text.replace("\r\n", "\n").replace("\r", "\n")
    title = (row.title or "").strip()
    if title and not text.lstrip()[: len(title) + 40].startswith(title[:80]):
        return f"{title}\n\n{text}"
    return text


def row_article(
    dataset: Path,
    rel: str,
    row: Row,
    article_id: str | None = None,
    count: bool = True,
    mtime: float = 0.0,
) -> tuple[Any, str]:
    """(Article, cleaned text) of one row; `rel` is the dataset file's path in the corpus ("" for a
    corpus that is this one file). Raises ValueError for a row with no text left."""
    from tui.corpus.markup import html_to_text
    from tui.corpus.metadata import language_of, title_words_text
    from tui.corpus.model import Article
    from tui.corpus.outlets import detect_outlet
    from tui.corpus.pubdate import detect_date
    from tui.corpus.sanitize import sanitize_text

    raw = sanitize_text(html_to_text(page_text(row)))
    if not raw.strip():
        raise ValueError("no text (only whitespace or markup)")
    title, words, text, date_line = title_words_text(raw, count)
    field_title = sanitize_line(row.title or "")
    return (
        Article(
            id=article_id or row.stable_id(),
            path=Path(f"{dataset}#{row.locator}"),
            raw=raw,
            encoding="utf-8",
            title=field_title or title or "(untitled)",
            outlet=sanitize_line(row.outlet or "") or detect_outlet(raw, row.url),
            language=_language_code(row.language) or language_of(raw),
            date=normal_date(row.date) or detect_date(raw, date_line),
            words=words,
            size=row.size or len(row.text.encode("utf-8", "surrogatepass")),
            mtime=mtime,
            sha1=row.digest(),
            url=sanitize_line(row.url) if row.url else None,
        ),
        text,
    )


def dataset_files(folder: Path) -> list[Path]:
    """The dataset files in `folder` (recursive, hidden entries skipped), sorted."""
    found: list[Path] = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(current) / f for f in sorted(files) if not f.startswith(".") and is_dataset_name(f)
        )
    return found


_ROW_FIELDS = ("text", "title", "url", "date", "outlet", "language", "id")


def pack_row(row: Row) -> bytes:
    """A row's fields as the catalogue keeps them for datasets whose rows cannot be reached by
    seeking (Parquet, compressed files): zstd of a JSON list."""
    import zstandard

    data = json.dumps([getattr(row, f) for f in _ROW_FIELDS], ensure_ascii=False)
    return zstandard.ZstdCompressor(level=1).compress(data.encode("utf-8", "surrogatepass"))


def unpack_row(data: bytes, locator: str) -> Row:
    """The row `pack_row` kept (ValueError if `data` is not one)."""
    import zstandard

    try:
        values = json.loads(zstandard.decompress(data).decode("utf-8", "surrogatepass"))
    except (zstandard.ZstdError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a kept row: {exc}") from None
    if not isinstance(values, list) or len(values) != len(_ROW_FIELDS) or not values[0]:
        raise ValueError("not a kept row")
    return Row(locator, 0, *values, size=0)
