"""Which outlet a scraped page came from, judged from the page itself (or its sidecar's url).

The outlets are data (tui/corpus/outlets.toml, plus the user's `[[outlets]]`). Evidence is taken
strongest first, and the first kind of evidence that names an outlet decides:

1. the sidecar's url (its domain);
2. an outlet's own banner (`patterns`: «Поддержать команду Зеркала»);
3. the copyright or legal line at the foot («© 1999–2026 ООО «Лента.Ру»», «…гиперссылки на
   fontanka.ru»), or a line that is only a domain or a url near the top or the foot;
4. the masthead: a line above the article that is only an outlet's name («ZAXID.NET»,
   «Kazinform»); a bare name at the foot is not taken (a credit, a tag, a source's name);
5. the outlet's promo of itself: «Читайте РБК в Telegram», «Поддержите Kloop», «Термінові
   повідомлення читайте на каналі DailyLviv в Telegram»;
6. the dateline that opens the lead: «АНКАРА, 11 февраля. /ТАСС/.», «ТУРЦИЯ, 10 февраля,
   ФедералПресс.», «Москва. 28 января. — Интерфакс.». A reprint keeps the agency's dateline, so
   a dateline decides only when nothing above names another outlet (the page's masthead,
   footer or promo then name the publisher, and the agency is its source);
7. the outlet spoken to: «сообщили РБК», «Кравцова сказала «Медузе»», «Про це Суспільному
   повідомили», «передает корреспондент ТАСС» — unless the same sentence cites another outlet
   («…рассказал РБК, передает ТАСС»: a reprint of a reprint).

An outlet cited as reporting («сообщает ТАСС», «пише Українська правда», «передаёт
Tengrinews.kz») is a source, never the outlet: the page may well be a reprint. When no evidence
is found the answer is `unknown` — never a guess.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

UNKNOWN = "unknown"
_TAIL_LINES = 25
_HEAD_LINES = 8
_DOMAIN_TAIL_LINES = 12
_MASTHEAD_CHARS = 48
_PROMO_CHARS = 160
_PROMO_WORDS = 14
_LEAD_CHARS = 200
_SELF_SCAN_CHARS = 1500
"""Spoken-to mentions are looked for in the first characters of the article (the lead and the
paragraph after it, where «сообщили РБК» sits)."""

_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b(?:\s*[-–—]\s*(?:19|20)\d{2}\b)?")
_LEGAL = re.compile(
    r"\b(?:ООО|ОАО|ЗАО|ПАО|АО|АНО|МИА|ФГУП|ТОВ|ПрАТ|ТзОВ|ДП|LLC|Ltd|Inc|GmbH|ТОО|ИА|ІА)\b\.?",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"(все права защищены|усі права захищено|усі права захищені|всі права захищені|"
    r"all rights reserved|барлық құқықтар қорғалған|усе правы абароненыя).*$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,6}$", re.IGNORECASE)
_QUOTED = re.compile(r"«([^«»]+)»")
_DATE_HEADER = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})?\s*")
"""The «date 2026-02-10» a scraper writes before the page's first line: metadata, not a name."""
# A domain written in the text: «fontanka.ru», «www.rbc.ru/politics», «https://24.kg/…».
_DOMAIN_IN_TEXT = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?((?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,6})(?![\w-])",
    re.IGNORECASE,
)
# A line that is a legal notice or a link back to the outlet, where a domain names the publisher.
_LEGAL_LINE = re.compile(
    r"©|\(c\)|copyright|гиперссыл|гіперпосилан|активн\w* ссылк|ссылка на (?:источник|издание|сайт)|"
    r"посилання на (?:джерело|видання|сайт)|при (?:использовании|цитировании|копировании|"
    r"перепечатке|використанні|цитуванні|копіюванні)|перепечатк|передрук|копирование материал|"
    r"копіювання матеріал|права защищены|права захищені|права захищено|rights reserved|"
    r"ссылка на новость|свидетельство о регистрации|свідоцтво про реєстрацію",
    re.IGNORECASE,
)
# A credit or a source: who made the photo or where the story came from.
_CREDIT = re.compile(
    r"^\W*(?:источник|джерело|крыніца|source|по материалам|за матеріалами|фото|фота|photo|"
    r"видео|відео|video|иллюстрация|ілюстрація|коллаж|колаж)\b",
    re.IGNORECASE,
)
# A line that names a source, a credit or a link to elsewhere: its domain is not the publisher.
_NOT_OURS = re.compile(
    r"^\W*(?:источник|джерело|крыніца|source|по материалам|за матеріалами|фото|фота|photo|"
    r"видео|відео|video|иллюстрация|ілюстрація|коллаж|колаж|читайте|читать|дивіться|смотрите|"
    r"подробнее|детальніше|read)\b",
    re.IGNORECASE,
)
_PROMO_HINTS = (
    "telegram", "телеграм", "viber", "вайбер", "youtube", "facebook", "instagram", "вконтакте",
    "дзен", "google", "whatsapp", "подпис", "підпис", "падпіс", "поддерж", "підтрим", "падтрым",
    "следите", "стежте", "слідкуйте",
)  # fmt: skip
# A related link, which may name another outlet's channel: not the outlet's own promo.
_RELATED = re.compile(
    r"^\W*(?:читайте также|читайте тоже|читайте також|читайте:|читайте по теме|дивіться також|"
    r"смотрите также|чытайце таксама|по теме|за темою)",
    re.IGNORECASE,
)
# The outlet's own promo: a line asking the reader to follow, read or support it.
_PROMO = re.compile(
    r"\b(?:telegram|телеграм\w*|viber|вайбер\w*|youtube|facebook|instagram|вконтакте|дзен\w*|"
    r"google news|whatsapp|подписывайтесь|подпишитесь|підписуйтесь|підпишіться|падпісвайцеся|"
    r"поддержите|поддержать|підтримайте|підтримати|падтрымайце|следите|стежте|слідкуйте)\b",
    re.IGNORECASE,
)
_SPEECH = (
    r"сообщил[аио]?|рассказал[аио]?|заявил[аио]?|сказал[аи]?|пояснил[аио]?|подтвердил[аио]?|"
    r"уточнил[аио]?|прокомментировал[аио]?|ответил[аио]?|признал[аио]?|"
    r"повідомив|повідомила|повідомили|розповів|розповіла|розповіли|заявив|заявила|заявили|"
    r"сказав|сказала|сказали|пояснив|пояснила|пояснили|підтвердив|підтвердила|підтвердили|"
    r"уточнив|уточнила|уточнили|прокоментував|прокоментувала|прокоментували|відповіли|"
    r"паведаміў|паведаміла|паведамілі|расказаў|расказала|расказалі|заявіў|заявілі"
)
_SPEECH_PLURAL = (
    r"сообщили|рассказали|заявили|пояснили|подтвердили|уточнили|прокомментировали|ответили|"
    r"повідомили|розповіли|заявили|пояснили|підтвердили|уточнили|прокоментували|відповіли|"
    r"паведамілі|расказалі|заявілі"
)
_TO_WHOM = (
    r"(?:журналистам|журналістам|корреспонденту|кореспонденту|изданию|виданню|порталу|"
    r"агентству|агентству|агенцтву|агентству|телеканалу|редакции|редакції|сайту)\s+"
)
_QUOTE = "[«\"“„']?"
# «сообщили РБК», «сказала «Медузе»», «рассказали журналистам E1.RU»
_SPOKEN_AFTER = re.compile(rf"(?<![\w-])(?:{_SPEECH})\s+(?:{_TO_WHOM})?{_QUOTE}$")
# «Об этом «Фонтанке» сообщили», «Про це Суспільному повідомили»: the name before a plural verb
_SPOKEN_BEFORE = re.compile(rf"^{_QUOTE.replace('[', '[»”')}\s+(?:{_SPEECH_PLURAL})(?![\w-])")
_ABOUT_THIS = re.compile(
    r"(?:^|[\s.,])(?:об этом|о чем|о том|про це|про що|пра гэта|как|як|также|також)\s+[«\"“„]?$",
    re.IGNORECASE,
)
# «передает корреспондент ТАСС», «передає кореспондент Укрінформу»: the outlet's own reporter
_CORRESPONDENT = re.compile(
    r"(?:передает|передаёт|сообщает|передає|повідомляє|повідомляє)\s+(?:специальный\s+|спеціальний\s+|собственный\s+|власний\s+)?"
    rf"(?:корреспондент|кореспондент|корреспондентка|кореспондентка)\s+{_QUOTE}$"
)
# Another outlet cited as reporting: «передает ТАСС», «пише УП», «со ссылкой на Reuters».
_CITING = re.compile(
    r"(?<![\w-])(?:передает|передаёт|передают|сообщает|сообщают|пишет|пишут|передає|передають|"
    r"повідомляє|повідомляють|пише|пишуть|со ссылкой на|з посиланням на|по данным|за даними|"
    rf"по информации|за інформацією)\s+{_QUOTE}$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")
_MONTHS = (
    r"(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|бер|квіт|трав|черв|лип|серп|"
    r"вер|жовт|лист|груд|студз|сакав|крас|чэрв|жнів|кастр|снеж|jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[а-яёіїєґўa-z]*\.?"
)
# What may come before the outlet in a dateline: a place (capitalised) and a date, no verb.
_DATELINE_LEAD = re.compile(
    rf"^[A-ZА-ЯЁІЇЄҐЎ][\w'’-]*(?:[ -][\w'’-]+){{0,2}}[.,]\s+(?:\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?[.,]?\s*)?"
    r"(?:[—–-]\s*)?[/(]?\s*$"
    r"|^[A-ZА-ЯЁІЇЄҐЎ]{2,}(?:[ -][A-ZА-ЯЁІЇЄҐЎ]{2,})?[.,]\s*$",
)
# A dateline starts with a place set off by a full stop or a comma («АНКАРА, …», «Москва. …»).
_DATELINE_START = re.compile(r"[A-ZА-ЯЁІЇЄҐЎ][\w'’-]*(?:[ -][\w'’-]+){0,2}[.,]\s")
# What follows the outlet in a dateline: «/.», «).», «.», « —», « -», «,»
_DATELINE_TAIL = re.compile(r"^\s*[/)]?\s*(?:[.,:]|\s[—–-]|[—–-]\s)")


@dataclass(frozen=True, slots=True)
class Outlet:
    """An outlet: display name, how it names itself, its domains and banner patterns."""

    name: str
    names: frozenset[str] = frozenset()
    """Its names, folded (casefold, ё → е), for whole-line comparisons."""
    spellings: tuple[str, ...] = ()
    """Its names and declined forms as written, for finding it inside running text."""
    domains: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    needles: tuple[str, ...] = ()
    """Per pattern, the literal text every match of it starts with ("" if unknown): a substring
    test skips the regex on pages without it."""
    agency: bool = False
    """A news agency: its name at the foot is a credit, in another outlet's copy a source."""
    cyrillic: bool = True
    """Publishes pages in Cyrillic; if not, its name on a Cyrillic page is a source («заявил
    Reuters»), and only the url, a domain or a copyright line can name it."""


@dataclass(frozen=True, slots=True)
class OutletTable:
    """The outlets with the indexes detection needs."""

    outlets: tuple[Outlet, ...]
    by_name: dict[str, Outlet] = field(default_factory=dict)
    by_domain: dict[str, Outlet] = field(default_factory=dict)
    by_spelling: dict[str, Outlet] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()
    """The first word of every spelling (quotes and closing marks trimmed): a token not in it
    starts no name, so most tokens cost one set lookup."""
    max_words: int = 1
    by_upper: dict[str, Outlet] = field(default_factory=dict)
    """Spellings in capitals («БЕЛТА» for «БелТА»): a masthead or a dateline may shout."""
    first_upper: frozenset[str] = frozenset()
    signatures: tuple[tuple[Outlet, re.Pattern[str], str], ...] = ()
    """Every banner pattern with its outlet and needle."""


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").replace("’", "'").split())


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


# Endings of Russian, Ukrainian and Belarusian nouns, by the ending of the name as written: a name
# in a sentence is declined («Интерфаксу», «Медузе», «Суспільному», «Коммерсанту»).
_DECLENSIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ъ", "ъ", ("а", "у", "ом", "е")),
    ("е", "е", ("ого", "ому", "им", "ім")),
    ("а", "а", ("ы", "и", "і", "е", "у", "ой", "ою", "ае")),
    ("я", "я", ("и", "і", "е", "ю", "ей", "ею")),
    ("о", "о", ("а", "у", "ом", "е", "і")),
    ("", "", ("а", "у", "ом", "е", "ові", "і", "ы", "ам")),
)


def declined(spelling: str) -> list[str]:
    """Forms of a one-word Cyrillic name in a sentence («Интерфакс» → «Интерфакса», «Интерфаксу»
    …); names of several words, Latin names and abbreviations are written as they are."""
    if " " in spelling or not re.fullmatch(r"[А-ЯЁІЇЄҐЎ][а-яёіїєґў'’-]{3,}", spelling):
        return []
    for ending, cut, suffixes in _DECLENSIONS:
        if spelling.endswith(ending) and (ending or spelling[-1] not in "аеёиоуыэюяіїєйь"):
            stem = spelling[: len(spelling) - len(cut)] if cut else spelling
            return [stem + suffix for suffix in suffixes if stem + suffix != spelling]
    return []


def _outlet_from_item(item: dict[str, Any]) -> Outlet:
    names = [str(n) for n in item.get("names", ())]
    forms = [str(f) for f in item.get("forms", ())]
    spellings: list[str] = []
    for name in names:
        spellings.append(name)
        spellings.extend(declined(name))
    spellings.extend(forms)
    patterns = [str(p) for p in item.get("patterns", ())]
    return Outlet(
        name=str(item["name"]),
        names=frozenset(_fold(n) for n in (*names, item["name"])),
        spellings=tuple(dict.fromkeys(s.strip('«»"“”„') for s in spellings if s.strip('«»"“”„'))),
        domains=tuple(str(d).lower().removeprefix("www.") for d in item.get("domains", ())),
        patterns=tuple(re.compile(p, re.MULTILINE) for p in patterns),
        needles=tuple(literal_needle(p) for p in patterns),
        agency=item.get("kind") == "agency",
        cyrillic=item.get("cyrillic", True) is not False,
    )


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries of a parsed outlets.toml: every table's `outlets` list, in order."""
    found: list[dict[str, Any]] = []
    for value in data.values():
        if isinstance(value, dict):
            found.extend(value.get("outlets", ()))
    return found


_USER_ITEMS: tuple[dict[str, Any], ...] = ()


def validate_outlets(items: Iterable[Any], where: str = "outlets") -> list[dict[str, Any]]:
    """Check the user's `[[outlets]]` tables; raises ValueError naming the entry and key."""
    allowed = {"name", "names", "forms", "domains", "kind", "patterns", "cyrillic"}
    out: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise ValueError(f"{at}: must be a table")
        unknown = sorted(set(item) - allowed)
        if unknown:
            raise ValueError(
                f"{at}: unknown key `{unknown[0]}` (expected one of: {', '.join(sorted(allowed))})"
            )
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{at}: `name` must be a non-empty string")
        for key in ("names", "forms", "domains", "patterns"):
            value = item.get(key, [])
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise ValueError(f"{at} ({name!r}): `{key}` must be a list of non-empty strings")
        if not isinstance(item.get("cyrillic", True), bool):
            raise ValueError(f"{at} ({name!r}): `cyrillic` must be true or false")
        if item.get("kind", "outlet") not in ("outlet", "agency"):
            raise ValueError(f'{at} ({name!r}): `kind` must be "outlet" or "agency"')
        for pattern in item.get("patterns", []):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(
                    f"{at} ({name!r}): pattern {pattern!r} is not valid ({exc})"
                ) from None
        out.append(dict(item))
    return out


def configure_outlets(items: Iterable[dict[str, Any]] | None) -> None:
    """Add the user's outlets (the config's `[[outlets]]`) to the shipped table, in this process.
    An entry whose `name` is already shipped replaces that entry."""
    global _USER_ITEMS
    new = tuple(validate_outlets(items or ()))
    if new != _USER_ITEMS:
        _USER_ITEMS = new
        outlet_index.cache_clear()


def configured_outlets() -> list[dict[str, Any]]:
    """The user's outlets this process uses (handed to worker processes)."""
    return [dict(item) for item in _USER_ITEMS]


@lru_cache(maxsize=1)
def _shipped_items() -> tuple[dict[str, Any], ...]:
    text = resources.files("tui.corpus").joinpath("outlets.toml").read_text("utf-8")
    return tuple(_items(tomllib.loads(text)))


@lru_cache(maxsize=1)
def outlet_index() -> OutletTable:
    """The shipped outlets plus the user's, with lookups by name, domain and spelling."""
    user_names = {item["name"] for item in _USER_ITEMS}
    items = [*_USER_ITEMS, *(i for i in _shipped_items() if i["name"] not in user_names)]
    outlets = tuple(_outlet_from_item(item) for item in items)
    table = OutletTable(outlets)
    for outlet in outlets:  # the first outlet to claim a name, domain or spelling keeps it
        for name in outlet.names:
            table.by_name.setdefault(name, outlet)
        for domain in outlet.domains:
            table.by_domain.setdefault(domain, outlet)
        for spelling in outlet.spellings:
            table.by_spelling.setdefault(spelling, outlet)
    first = frozenset(_trim(s.split()[0]) for s in table.by_spelling)
    longest = max((len(s.split()) for s in table.by_spelling), default=1)
    by_upper: dict[str, Outlet] = {}
    for spelling, outlet in table.by_spelling.items():
        by_upper.setdefault(spelling.upper(), outlet)
    first_upper = frozenset(w.upper() for w in first)
    signatures = tuple(
        (outlet, pattern, needle)
        for outlet in outlets
        for pattern, needle in zip(outlet.patterns, outlet.needles, strict=True)
    )
    return OutletTable(
        outlets,
        table.by_name,
        table.by_domain,
        table.by_spelling,
        first,
        longest,
        by_upper,
        first_upper,
        signatures,
    )


_OPENERS = "«\"“„'/("
_CLOSERS = "»\"”'/).,:;!?…"
_TOKEN = re.compile(r"\S+")


def _trim(token: str) -> str:
    return token.lstrip(_OPENERS).rstrip(_CLOSERS)


def names_in(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, Outlet]]:
    """(start, end, outlet) of every outlet named in text[lo:hi] as it spells itself or in a
    declined form («Интерфаксу», «Українській правді»), longest name first, none overlapping.

    Tokens are looked up in a dict, one set lookup for most: a regex alternation of the ~1,500
    spellings costs ~2 ms on a page."""
    index = outlet_index()
    hi = len(text) if hi is None else hi
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]
    found: list[tuple[int, int, Outlet]] = []
    i = 0
    while i < len(tokens):
        start, end = tokens[i]
        first = _trim(text[start:end])
        if first not in index.first_words and not (first.isupper() and first in index.first_upper):
            i += 1
            continue
        for k in range(min(index.max_words, len(tokens) - i), 0, -1):
            piece = text[start : tokens[i + k - 1][1]]
            name = _trim(" ".join(piece.split()))
            outlet = index.by_spelling.get(name)
            if outlet is None and name.isupper():  # «БЕЛТА», «INTERFAX.RU» written in capitals
                outlet = index.by_upper.get(name)
            if outlet is not None:
                at = text.find(name, start)
                found.append((at, at + len(name), outlet))
                i += k
                break
        else:
            i += 1
    return found


def outlet_table() -> tuple[Outlet, ...]:
    """Every outlet Sverka knows (shipped and the user's)."""
    return outlet_index().outlets


def _has_copyright(text: str) -> bool:
    """Whether a copyright line can be in `text` (substring tests: faster than the regex)."""
    return (
        "©" in text
        or "(c)" in text
        or "(C)" in text
        or "opyright" in text
        or "OPYRIGHT" in text
        or "opyRight" in text
    )


def copyright_holder(line: str) -> str | None:
    """The holder named by a copyright line («© 2000-2026, Українська правда.» → «Українська правда»)."""
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
    parts = re.split(r"(?<=[^\s.])\.(?:\s|$)|[,;|]|\s[—–-]\s", rest)
    holder = next((p.strip(" .-–—:") for p in parts if p.strip(" .-–—:")), "")
    if not holder or len(holder) > 40 or len(holder.split()) > 5:
        return None
    return holder


def outlet_of_domain(domain: str) -> Outlet | None:
    """The known outlet owning `domain` or a domain it is under («sport.rbc.ru» → rbc.ru)."""
    domain = domain.lower().strip(".").removeprefix("www.")
    table = outlet_index().by_domain
    while domain:
        if domain in table:
            return table[domain]
        if "." not in domain:
            return None
        domain = domain.split(".", 1)[1]
    return None


def outlet_of_url(url: str) -> str | None:
    """The outlet a page's url names: a known outlet, else the url's host without «www.»."""
    found = re.match(r"^\s*(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]*@)?([^/:?#\s]+)", url, re.IGNORECASE)
    if found is None or "." not in found.group(1):
        return None
    host = found.group(1).lower().removeprefix("www.")
    known = outlet_of_domain(host)
    return known.name if known else host


def _named(text: str) -> Outlet | None:
    """The outlet `text` (a whole short line or a copyright holder) is the name or domain of."""
    text = _DATE_HEADER.sub("", text).strip(' .:|•·—–-«»"')
    if not text:
        return None
    index = outlet_index()
    found = index.by_name.get(_fold(text))
    if found is None and _DOMAIN.match(text):
        found = outlet_of_domain(text)
    return found


def _named_within(text: str) -> Outlet | None:
    """An outlet whose name or domain is inside `text` («Информационное агентство 24.kg»)."""
    found = _named(text)
    if found is not None:
        return found
    names = names_in(text)
    if names:
        return names[0][2]
    for m in _DOMAIN_IN_TEXT.finditer(text):
        known = outlet_of_domain(m.group(1))
        if known:
            return known
    return None


def _signed(raw: str, pattern: re.Pattern[str], needle: str) -> bool:
    """Whether `pattern` matches `raw`. A match starts with the pattern's needle, so the search
    starts at its first occurrence (anchors still see the real line starts and word edges)."""
    if not needle:
        return pattern.search(raw) is not None
    at = raw.find(needle)
    return at >= 0 and pattern.search(raw, at) is not None


def detect_outlet(raw: str, url: str | None = None) -> str:
    """The outlet the page comes from (see the module's docstring), else `unknown`."""
    if url:
        found = outlet_of_url(url)
        if found:
            return found
    for outlet, pattern, needle in outlet_index().signatures:
        if _signed(raw, pattern, needle):
            return outlet.name
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    if not lines:
        return UNKNOWN
    head = _above_body(lines)
    tail = lines[-_TAIL_LINES:] if len(lines) > 2 else [raw[-600:]]
    holder = _holder(tail)
    if holder is not None:
        known = _named_within(holder)
        if known is not None:
            return known.name
    found = _domain_line(head, lines[-_DOMAIN_TAIL_LINES:])
    if found is None:
        found = _masthead(head)
    if found is None:
        found = _promo(head + lines[-_TAIL_LINES:])
    if found is not None:
        return found
    if holder is not None:  # a holder Sverka does not know, as the page writes it
        return holder.lower() if _DOMAIN.match(holder) else holder
    found = _dateline(lines)
    if found is None:
        lead = raw.find(head[-1]) if head else 0  # the headline or lead: the article is from here
        found = _spoken_to(raw[max(0, lead) : max(0, lead) + _SELF_SCAN_CHARS])
    return found or UNKNOWN


_RUNNING_TEXT = re.compile(r"[.!?…»\"”)]$")
_COOKIES = re.compile(r"cookie|куки|кукі", re.IGNORECASE)


def _above_body(lines: list[str]) -> list[str]:
    """The first lines, up to the first line of running text (at most _HEAD_LINES)."""
    head: list[str] = []
    for line in lines[:_HEAD_LINES]:
        end = line.rstrip("»\"”)")[-1:]
        if end in ".!?…" and end and line.count(" ") >= 7 and not _COOKIES.search(line):
            break
        head.append(line)
    return head


def _holder(tail: list[str]) -> str | None:
    if not _has_copyright("\n".join(tail)):
        return None
    for line in reversed(tail):
        holder = copyright_holder(line)
        if holder:
            return holder
    return None


def _domain_line(head: list[str], tail: list[str]) -> str | None:
    """A known domain on a legal line at the foot («…гиперссылки на fontanka.ru»), or a line near
    the top or foot that is only a domain or a url («https://24.kg/obschestvo/…»)."""
    for line in [*tail[::-1], *head]:
        if "." not in line or len(line) > 400:
            continue
        short = len(line) <= _MASTHEAD_CHARS * 2 and line.count(" ") <= 3
        if not short and not (line in tail and _maybe_legal(line) and _LEGAL_LINE.search(line)):
            continue
        if _NOT_OURS.match(line):
            continue
        for m in _DOMAIN_IN_TEXT.finditer(line):
            whole = line.strip(" .:|•·—–-").lower()
            alone = whole in (m.group(0).lower(), m.group(1).lower()) or (
                whole.startswith(("http://", "https://", "www.")) and " " not in whole
            )
            linked = line in tail and (short or _LEGAL_LINE.search(line))
            if alone or linked:
                known = outlet_of_domain(m.group(1))
                if known is not None:
                    return known.name
    return None


_LEGAL_HINTS = ("©", "(c)", "(C)", "opyright", "сылк", "силан", "опирова", "опіюва", "ерепеч",
                "ередрук", "рава защ", "рава зах", "ights", "ство о рег", "цтво про")


def _maybe_legal(line: str) -> bool:
    """Whether `line` may be a legal line (substring tests before the case-insensitive regex)."""
    return any(hint in line for hint in _LEGAL_HINTS)


def _masthead(head: list[str]) -> str | None:
    """A line above the article that is only the name of an outlet publishing in Cyrillic."""
    for line in head:
        if len(line) <= _MASTHEAD_CHARS or _DATE_HEADER.match(line):
            found = _named(line)
            if found is None and _DATE_HEADER.match(line):  # « date 2026-02-02 Kloop»
                rest = _DATE_HEADER.sub("", line)
                found = _named(rest) if len(rest) <= _MASTHEAD_CHARS else None
            if found is not None and found.cyrillic:
                return found.name
    return None


def _promo(lines: list[str]) -> str | None:
    """The outlet a short promo line asks the reader to follow or support («Читайте РБК в
    Telegram», «Підтримайте hromadske»), or the domain such a line names."""
    found: set[str] = set()
    for line in lines:
        if len(line) > _PROMO_CHARS or len(line.split()) > _PROMO_WORDS:
            continue
        low = line.lower()
        if not any(hint in low for hint in _PROMO_HINTS):
            continue
        if not _PROMO.search(line) or _RELATED.match(line) or _CREDIT.match(line):
            continue
        for start, _, outlet in names_in(line):
            if outlet.cyrillic and not _CITING.search(line[:start]):
                found.add(outlet.name)
        for m in _DOMAIN_IN_TEXT.finditer(line):
            known = outlet_of_domain(m.group(1))
            found.add(known.name if known else m.group(1).lower())
    return found.pop() if len(found) == 1 else None


def _dateline(lines: list[str]) -> str | None:
    """The outlet named in the dateline that opens the lead: the first line of running text
    starts with a place (and a date) and then the outlet («АНКАРА, 11 февраля. /ТАСС/.»)."""
    for line in lines[: _HEAD_LINES * 3]:
        if len(line.split()) < 8:
            continue
        if not _DATELINE_START.match(line):
            return None
        names = names_in(line, 0, _LEAD_CHARS)
        if not names:
            return None
        start, end, outlet = names[0]
        before = line[:start]
        after = line[end : end + 4]
        if outlet.cyrillic and _DATELINE_LEAD.match(before) and _DATELINE_TAIL.match(after):
            return outlet.name
        return None
    return None


# Where a spoken-to outlet may be: right after a speech verb or «корреспондент», or right before
# a plural speech verb. One scan for these stems (no assertion before them, so the regex engine
# skips ahead by their first letters); the names are then looked for in a few characters.
_TRIGGER = re.compile(
    # factored by first letters: an alternation of whole stems tries every stem at every «с»
    r"со(?:общил)|ра(?:ссказал|сказа)|за(?:яв[иі])|ска(?:за)|по(?:яснил|ясни|відоми)|"
    r"под(?:твердил)|підтверди|уточни|от(?:ветил)|прокомент|признал|розпові|паведамі|"
    r"корр?еспондент"
)
_WINDOW = 60
_NEXT_WORD = re.compile(r"\s+([^\s]+)")
_TO_WHOM_WORDS = frozenset(
    ["журналистам", "журналістам", "корреспонденту", "кореспонденту", "изданию", "виданню", "порталу", "агентству", "агенцтву", "телеканалу", "редакции", "редакції", "сайту"]
)


def _spoken_to(text: str) -> str | None:
    """The one outlet the page's sources speak to («сообщили РБК», «Про це Суспільному
    повідомили», «передает корреспондент ТАСС»), unless the sentence cites another outlet."""
    found: set[str] = set()
    for trigger in _TRIGGER.finditer(text):
        word_end = trigger.end()
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        hits: list[tuple[int, int, Outlet]] = []
        # after the verb: «сообщили РБК», «сказала «Медузе»», «передает корреспондент ТАСС»
        nxt = _NEXT_WORD.match(text, word_end)
        after = (
            names_in(text, word_end, min(len(text), word_end + _WINDOW))
            if nxt and (not nxt.group(1)[:1].islower() or nxt.group(1).lower() in _TO_WHOM_WORDS)
            else []
        )
        if after:
            start = after[0][0]
            before = text[max(0, start - _WINDOW) : start]
            if _SPOKEN_AFTER.search(before) or _CORRESPONDENT.search(before):
                hits.append(after[0])
        # before a plural verb: «Об этом «Фонтанке» сообщили», «Про це Суспільному повідомили»
        plural = text[word_end - 2 : word_end] in ("ли", "лі")
        prior = names_in(text, max(0, trigger.start() - _WINDOW), trigger.start()) if plural else []
        if prior:
            start, end, _ = prior[-1]
            if _SPOKEN_BEFORE.match(text[end:word_end]) and _ABOUT_THIS.search(
                text[max(0, start - 40) : start]
            ):
                hits.append(prior[-1])
        for start, end, outlet in hits:
            if _CITING.search(text[max(0, start - _WINDOW) : start]):
                continue
            if not outlet.cyrillic or _cites_other(text, start, end, outlet):
                continue
            found.add(outlet.name)
    return found.pop() if len(found) == 1 else None


_CITE_VERB = re.compile(
    r"(?:передает|передаёт|передают|сообщает|сообщают|пишет|пишут|передає|передають|"
    r"повідомляє|повідомляють|пише|пишуть|со ссылкой на|з посиланням на|по данным|за даними|"
    r"по информации|за інформацією)\s+[«\"“„']?",
    re.IGNORECASE,
)


def _cites_other(text: str, start: int, end: int, outlet: Outlet) -> bool:
    """Whether the sentence around [start, end) cites another outlet as reporting it."""
    lo = max(0, start - 300)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    stop = _SENTENCE_END.search(text, end)
    right = stop.start() + 1 if stop else min(len(text), end + 300)
    for verb in _CITE_VERB.finditer(text, left, right):
        named = names_in(text, verb.end(), min(right, verb.end() + _WINDOW))
        if named and named[0][0] <= verb.end() + 1 and named[0][2] is not outlet:
            return True
    return False
