"""Metadata of one article: title, outlet, language, publication date, word count.

Derived from the page's own text; a sidecar `NAME.meta.toml` beside the article overrides any of
title, outlet, url, date and language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tui.corpus.language import detect_language
from tui.corpus.sanitize import sanitize_line

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_KEYS = {"title", "outlet", "url", "date", "language"}

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

_MONTHS = {
    # ru genitive, uk genitive, en
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
    "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

_HEADER_MONTH = re.compile(r"\A\s*date (\d{4})-(\d{2})(?:-(\d{2}))?\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_WORDY = re.compile(r"\b(\d{1,2})\s+([а-яёіїєґa-z]+)\s+(\d{4})\b", re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^\s*(опубликовано|обновлено|опубліковано|оновлено|published|updated|дата)\s*:?\s*(.*)$",
    re.IGNORECASE,
)
_HEAD_LINES = 12  # a date line is looked for near the top of the page


class MetadataError(ValueError):
    """A sidecar file is malformed; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Outlet:
    """An outlet and the regular expressions that recognise its pages."""

    name: str
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def outlet_signatures() -> tuple[Outlet, ...]:
    """The shipped outlet signatures (tui/corpus/outlets.toml)."""
    data = tomllib.loads(resources.files("tui.corpus").joinpath("outlets.toml").read_text("utf-8"))
    return tuple(
        Outlet(item["name"], tuple(re.compile(p, re.MULTILINE) for p in item["patterns"]))
        for item in data["outlet"]
    )


def detect_outlet(raw: str) -> str:
    """The outlet whose signature the page carries, else `unknown`."""
    for outlet in outlet_signatures():
        if any(p.search(raw) for p in outlet.patterns):
            return outlet.name
    return "unknown"


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_in(line: str) -> str | None:
    m = _NUMERIC.search(line)
    if m:
        if m.group(1):
            return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return _iso(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    for m in _WORDY.finditer(line):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            return _iso(int(m.group(3)), month, int(m.group(1)))
    return None


def detect_date(raw: str) -> str | None:
    """The publication date the page states (ISO; `YYYY-MM` when only the month is given).

    Looks at a `date YYYY-MM` header, labelled lines («опубликовано: …»), and short date lines
    near the top. A date merely mentioned in the body is not a publication date.
    """
    m = _HEADER_MONTH.match(raw)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    lines = raw.split("\n")
    for line in lines:
        label = _DATE_LABEL.match(line)
        if label and label.group(2).strip():
            found = _date_in(label.group(2))
            if found:
                return found
    head = [ln for ln in lines if ln.strip()][:_HEAD_LINES]
    for line in head:
        if len(line) <= 60 and _is_date_line(line):
            found = _date_in(line)
            if found:
                return found
    return None


def _is_date_line(line: str) -> bool:
    """A line that is a date (with perhaps a time, weekday or city), not a sentence."""
    rest = _WORDY.sub(" ", _NUMERIC.sub(" ", line))
    rest = re.sub(r"\b\d{1,2}:\d{2}\b|\bг(ода?)?\.?|\bр(оку)?\.?", " ", rest)
    return len(_WORD.findall(rest)) <= 2


def count_words(text: str) -> int:
    """Number of words in `text`."""
    return len(_WORD.findall(text))


def read_sidecar(article_path: Path) -> dict[str, str]:
    """Overrides from `NAME.meta.toml` beside the article (empty if there is none).

    Raises MetadataError naming the file and key for a malformed sidecar.
    """
    sidecar = article_path.with_name(article_path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        data = tomllib.loads(sidecar.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MetadataError(f"{sidecar}: not a readable TOML file ({exc})") from None
    out: dict[str, str] = {}
    for key, value in data.items():
        if key not in SIDECAR_KEYS:
            raise MetadataError(f"{sidecar}: unknown key `{key}` (expected one of: {', '.join(sorted(SIDECAR_KEYS))})")
        if not isinstance(value, str | date):
            raise MetadataError(f"{sidecar}: `{key}` must be a string")
        out[key] = sanitize_line(value.isoformat() if isinstance(value, date) else value)
    return out


def title_and_words(raw: str) -> tuple[str, int]:
    """The article's headline and the word count of its cleaned text."""
    from tui.clean import clean_text

    document = clean_text(raw)
    return sanitize_line(document.title), count_words(document.text)


def language_of(text: str) -> str:
    """Language code of the article text (see tui.corpus.language)."""
    return detect_language(text)
