"""Which outlet a scraped page came from, judged from the page itself.

Strongest first: the outlet's own signatures (tui/corpus/outlets.toml `patterns`), the copyright
line at the foot («© 1999–2022 ООО «Лента.Ру»»), the masthead (the first line), a known domain
in the last lines. A copyright holder Sverka does not know is shown as written; else `unknown`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

UNKNOWN = "unknown"
_TAIL_LINES = 25
_HEAD_LINES = 6
"""A masthead is the first line, or a short line of its own among the first six above the text."""
_PARAGRAPH_CHARS = 160
"""A line this long is a paragraph of the article (a cookie notice or menu line is shorter)."""

_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b(?:\s*[-–—]\s*(?:19|20)\d{2}\b)?")
_LEGAL = re.compile(
    r"\b(?:ООО|ОАО|ЗАО|ПАО|АО|АНО|МИА|ФГУП|ТОВ|ПрАТ|ТзОВ|ДП|LLC|Ltd|Inc|GmbH|ТОО)\b\.?",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"(все права защищены|усі права захищено|усі права захищені|всі права захищені|"
    r"all rights reserved|барлық құқықтар қорғалған|усе правы абароненыя).*$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,6}$", re.IGNORECASE)
_QUOTED = re.compile(r"«([^«»]+)»")


@dataclass(frozen=True, slots=True)
class Outlet:
    """An outlet: display name, signature patterns, mastheads/holders, domains."""

    name: str
    patterns: tuple[re.Pattern[str], ...] = ()
    needles: tuple[str, ...] = ()
    """Per pattern, the literal text every match of it starts with ("" if unknown): a substring
    test skips the regex on pages without it (a pattern led by `^` or `\\b` gets no fast literal
    scan from the regex engine: ~30 µs per page)."""
    names: frozenset[str] = frozenset()
    domains: tuple[str, ...] = ()


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


def literal_needle(pattern: str) -> str:
    """The literal text any match of `pattern` begins with, after its anchors ("" if none)."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # the standard `re` module's parser

        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return ""
        chars: list[str] = []
        for op, arg in parsed:
            name = str(op)
            if name == "AT" and not chars:
                continue
            if name != "LITERAL":
                break
            chars.append(chr(arg))
        return "".join(chars)
    except Exception:  # another Python's internals: no shortcut, same answers
        return ""


@lru_cache(maxsize=1)
def outlet_table() -> tuple[Outlet, ...]:
    """The shipped outlet table (tui/corpus/outlets.toml)."""
    text = resources.files("tui.corpus").joinpath("outlets.toml").read_text("utf-8")
    return tuple(
        Outlet(
            name=item["name"],
            patterns=tuple(re.compile(p, re.MULTILINE) for p in item.get("patterns", ())),
            needles=tuple(literal_needle(p) for p in item.get("patterns", ())),
            names=frozenset(_fold(n) for n in (*item.get("names", ()), item["name"])),
            domains=tuple(d.lower() for d in item.get("domains", ())),
        )
        for item in tomllib.loads(text)["outlet"]
    )


@lru_cache(maxsize=1)
def _domain_owner() -> dict[str, str]:
    """Known domain → outlet name (the first outlet listing a domain owns it)."""
    owners: dict[str, str] = {}
    for outlet in outlet_table():
        for domain in outlet.domains:
            owners.setdefault(domain, outlet.name)
    return owners


@lru_cache(maxsize=1)
def _domain_pattern() -> re.Pattern[str]:
    """One regex finding any known domain as a whole word (one scan of the tail, not one per domain)."""
    domains = sorted(_domain_owner(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(d) for d in domains) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _tld_pattern() -> re.Pattern[str]:
    """The endings of the known domains («.kz», «.com»...), any case, at the end of a word."""
    endings = sorted({domain.rsplit(".", 1)[-1] for domain in _domain_owner()})
    return re.compile(r"\.(?:" + "|".join(map(re.escape, endings)) + r")(?![\w-])", re.IGNORECASE)


def _has_copyright(text: str) -> bool:
    """Whether a copyright line can be in `text`: «©», «(c)» or the word spelt Copyright,
    copyright, COPYRIGHT or CopyRight. Substring tests, because the case-insensitive
    `_COPYRIGHT` takes ~50 µs over 2,500 characters (and a case-sensitive character-class
    version ~15 µs); only odder spellings such as «cOpYrIgHt» are no longer looked at."""
    return (
        "©" in text
        or "(c)" in text
        or "(C)" in text
        or "opyright" in text
        or "OPYRIGHT" in text
        or "opyRight" in text
    )


def copyright_holder(line: str) -> str | None:
    """The holder named by a copyright line («© 2000-2022, Українська правда.» → «Українська правда»)."""
    m = _COPYRIGHT.search(line)
    if not m:
        return None
    rest = _RIGHTS.sub("", line[m.end() :])
    rest = _COPYRIGHT.sub(" ", rest)
    quoted = _QUOTED.findall(rest)
    if quoted:
        rest = quoted[-1]
    rest = _LEGAL.sub(" ", _YEARS.sub(" ", rest))
    rest = rest.replace("«", " ").replace("»", " ").replace('"', " ")
    # The holder ends at the first sentence break that is not inside a domain («Kun.uz. Все …»).
    parts = re.split(r"(?<=[^\s.])\.(?:\s|$)|[,;|]", rest)
    holder = next((p.strip(" .-–—:") for p in parts if p.strip(" .-–—:")), "")
    if not holder or len(holder) > 40 or len(holder.split()) > 5:
        return None
    return holder


def _known(name: str) -> Outlet | None:
    folded = _fold(name)
    for outlet in outlet_table():
        if folded in outlet.names:
            return outlet
    return None


def _signed(raw: str, pattern: re.Pattern[str], needle: str) -> bool:
    """Whether `pattern` matches `raw`. A match starts with the pattern's needle, so the search
    starts at its first occurrence (anchors still see the real line starts and word edges)."""
    if not needle:
        return pattern.search(raw) is not None
    at = raw.find(needle)
    return at >= 0 and pattern.search(raw, at) is not None


def detect_outlet(raw: str) -> str:
    """The outlet the page comes from, else `unknown`."""
    table = outlet_table()
    for outlet in table:
        if any(
            _signed(raw, p, needle)
            for p, needle in zip(outlet.patterns, outlet.needles, strict=True)
        ):
            return outlet.name
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    tail = lines[-_TAIL_LINES:]
    if len(lines) <= 2:  # scraped into one line: look at its end
        tail = [raw[-600:]]
    tail_text = "\n".join(tail)
    holder = None
    if _has_copyright(tail_text):  # else no line can name a holder
        for line in reversed(tail):
            holder = copyright_holder(line)
            if holder:
                break
    if holder:
        known = _known(holder)
        if known:
            return known.name
    if lines:
        masthead = _known(lines[0]) or (_known(lines[0].split()[0]) if len(lines) <= 2 else None)
        if masthead is None:  # under a cookie notice or a menu: a short line above the text
            for line in lines[1:_HEAD_LINES]:
                if len(line) > _PARAGRAPH_CHARS:
                    break  # the article has begun
                if len(line) <= 40 and (masthead := _known(line)):
                    break
        if masthead:
            return masthead.name
    # The alternation of every known domain has no literal start to scan for (~45 µs per page):
    # it is tried only on pages with one of the domains' endings («.kz», «.com»...).
    if _tld_pattern().search(tail_text):
        m = _domain_pattern().search(tail_text.lower())
        if m:
            return _domain_owner()[m.group(0)]
    if holder:
        return holder.lower() if _DOMAIN.match(holder) else holder
    return UNKNOWN
