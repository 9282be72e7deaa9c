"""Claims: each number of an article read as a statement — what is counted (by meaning), how much,
how sure, as of when, who says so, where, and whether the article still stands by it.

«Число погибших выросло до 64 человек, заявил глава МЧС … Ранее сообщалось о 56 погибших» gives
two claims of the measure `deaths`: 64 (current, attributed to «МЧС»/the minister) and 56
(superseded). «загинули 14 осіб», «погибли 18 человек», «жертвами стали 14 человек», «14
загиблих» are all `deaths`; «эвакуировали более 2300» and «вивезли 2 300» are both `evacuated`.

The measures are an open vocabulary kept as data in the language layer
(`tui/lang/<code>/measures.toml`: verbs, nouns, participles and adjectives per measure, pymorphy3
lemmas), and so are the words that frame a figure (`tui/lang/<code>/claims.toml`: qualifiers,
as-of phrases, attribution cues, «ранее»/«раніше», «в том числе»/«з них»). A number no measure
fits keeps a measure made of what it counts and the event («other:человек|задействовать»), so it
can still meet the same number in another article.

How each field is found (decisions a reader can check):

- `measure`: the counted noun when it names the measure («64 погибших», «заложников»); else the
  event verb (from `tui.facts.quantities`) when it names one and the counted noun fits the measure
  (people for people, `objects` for things); else the nearest measure word in the figure's clause
  («число раненых выросло до …», «ранения получили 75 человек», «жертвами стали 64 человека»);
- `qualifier`: about / almost / more / at_least / up_to / less / vague, from the approximation
  word («около», «понад», «щонайменше») or an exceeding verb («превысило 3,4 тысячи»);
- `as_of`: «по состоянию на 15:00», «станом на ранок 16 січня», «на 06:00» in the figure's sentence,
  else the as-of phrase of an earlier sentence of the same paragraph; `as_of_date` the ISO date in it;
- `attribution`: a cited source or a named body or person after a citing cue in the sentence
  («по данным МЧС», «за інформацією ДСНС», «сообщил губернатор Гладков»), else in the next sentence
  when it starts «Об этом…»/«Про це…», else in the previous one when this one starts «По его
  словам»/«За його даними»;
- `place`: the nearest place named in the sentence, else the first place of the headline;
- `status`: `superseded` after «ранее»/«раніше»/«спочатку» in the sentence (until «теперь», «то»),
  after «накануне»/«напередодні» in a reporting sentence, or as the «с 56» of «с 56 до 64»; `part`
  right after «в том числе», «из них», «з них», «серед них», or right before «из них» («двое из
  них в тяжелом состоянии»); otherwise `current`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.facts.model import Claim, DateFact, Entity, Quantity, Source
from tui.facts.morph import Lang, Token, best, lemmas, text_lang, tokenize

_LANG_ROOT = Path(__file__).resolve().parents[1] / "lang"


def _lang_data(code: str, name: str) -> dict[str, Any]:
    """A language data file (`tui.lang.data` when the language layer provides it)."""
    import importlib

    try:  # (imported by name: the language layer may not have its loader yet)
        loader = getattr(importlib.import_module("tui.lang"), "data", None)
    except ImportError:
        loader = None
    if loader is not None:
        found = loader(code, name, default={})
        if isinstance(found, dict):
            return found
    import tomllib

    path = _LANG_ROOT / code / name
    return tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}


def data_files() -> list[Path]:
    """The language data files claims depend on (part of the facts cache's version)."""
    return sorted(_LANG_ROOT.glob("*/measures.toml")) + sorted(_LANG_ROOT.glob("*/claims.toml"))


@dataclass(frozen=True, slots=True)
class Measure:
    """One measure of one language, as sets of lemmas."""

    id: str
    label: str
    kind: str
    verbs: frozenset[str]
    words: frozenset[str]
    objects: frozenset[str]
    people: frozenset[str]


@dataclass(frozen=True, slots=True)
class Framing:
    """The words that frame a figure in one language (see `tui/lang/<code>/claims.toml`)."""

    superseded: tuple[tuple[str, ...], ...]
    superseded_when_reported: tuple[tuple[str, ...], ...]
    reporting: frozenset[str]
    now: tuple[tuple[str, ...], ...]
    change_verbs: frozenset[str]
    more_verbs: frozenset[str]
    subset: tuple[tuple[str, ...], ...]
    as_of: re.Pattern[str]
    attribution: re.Pattern[str]
    attribution_next: re.Pattern[str]
    people: frozenset[str]
    qualifiers: dict[str, str]
    time_words: frozenset[str]


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _phrases(items: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(_fold(p).split()) for p in items}, key=len, reverse=True))


def _alternation(items: Sequence[str]) -> str:
    return "|".join(re.escape(_fold(p)) for p in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=8)
def measures(code: str) -> tuple[Measure, ...]:
    """The measures of a language (`tui/lang/<code>/measures.toml`)."""
    out = []
    for mid, entry in _lang_data(code, "measures.toml").items():
        if not isinstance(entry, dict):
            continue
        out.append(
            Measure(
                id=mid,
                label=str(entry.get("label", mid)),
                kind=str(entry.get("kind", "people")),
                verbs=frozenset(_fold(w) for w in entry.get("verbs", [])),
                words=frozenset(_fold(w) for w in entry.get("words", [])),
                objects=frozenset(_fold(w) for w in entry.get("objects", [])),
                people=frozenset(_fold(w) for w in entry.get("people", [])),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def measure_labels() -> dict[str, dict[str, str]]:
    """Measure id → {language code: label}, over every language that has measures."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(_LANG_ROOT.glob("*/measures.toml")):
        code = path.parent.name
        for m in measures(code):
            out.setdefault(m.id, {})[code] = m.label
    return out


@lru_cache(maxsize=8)
def framing(code: Lang) -> Framing:
    """The framing words of a language (`tui/lang/<code>/claims.toml`)."""
    d = _lang_data(code, "claims.toml")
    quals: dict[str, str] = {}
    for kind, words in d.get("qualifiers", {}).items():
        for w in words:
            quals[_fold(w)] = kind
    clock = r"(?:на|к|до|о|об|станом на|по состоянию на)\s+\d{1,2}[:.]\d{2}"
    as_of = _alternation(d.get("as_of", []))
    return Framing(
        superseded=_phrases(d.get("superseded", [])),
        superseded_when_reported=_phrases(d.get("superseded_when_reported", [])),
        reporting=frozenset(_fold(w) for w in d.get("reporting", [])),
        now=_phrases(d.get("now", [])),
        change_verbs=frozenset(_fold(w) for w in d.get("change_verbs", [])),
        more_verbs=frozenset(_fold(w) for w in d.get("more_verbs", [])),
        subset=_phrases(d.get("subset", [])),
        as_of=re.compile(rf"(?<!\w)(?:{as_of + '|' if as_of else ''}{clock})(?!\w)"),
        attribution=re.compile(
            rf"(?<!\w)(?:{_alternation(d.get('attribution', [])) or '(?!)'})(?!\w)"
        ),
        attribution_next=re.compile(
            rf"^\W*(?:{_alternation(d.get('attribution_next', [])) or '(?!)'})(?!\w)"
        ),
        people=frozenset(_fold(w) for w in d.get("people", [])),
        qualifiers=quals,
        time_words=frozenset(_fold(w) for w in d.get("time_words", [])),
    )


# -- sentences ------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[»\"”)]*\s+(?=[«\"“„(]?[A-ZА-ЯЁІЇЄҐ0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends one (titles, paragraphs)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


# -- the extractor ----------------------------------------------------------------------------

_CLAUSE = set(",;:()—–")
_WINDOW = 400
"""How far (characters) around a figure its framing words are looked for: a sentence of any
length costs the same per figure."""
_SUBSET_GAP = 6
"""How many tokens before a figure a subset cue («из них») may stand."""


class _Reader:
    """Claims of one text, from its already extracted quantities, entities, dates and sources."""

    def __init__(
        self,
        text: str,
        lang: Lang,
        entities: Sequence[Entity],
        dates: Sequence[DateFact],
        sources: Sequence[Source],
    ) -> None:
        self.text = text
        self.lang = lang
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]
        self.entities = sorted(entities, key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.dates = sorted(dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self.sources = sorted(sources, key=lambda x: x.start)
        self.source_starts = [x.start for x in self.sources]
        self.measures = measures(lang)
        self.framing = framing(lang)
        self.spans = sentence_spans(text)
        self.span_starts = [s for s, _ in self.spans]
        self.title_place = self._title_place()
        # per sentence, computed once (a long sentence with many figures stays linear)
        self._reported: dict[int, bool] = {}
        self._as_of_cache: dict[int, tuple[int, int] | None] = {}
        self._cited: dict[tuple[int, bool, bool], list[str]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def sentence(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.span_starts, offset) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return self.spans[i]
        return offset, offset

    def sentence_index(self, s0: int) -> int | None:
        i = bisect_left(self.span_starts, s0)
        return i if i < len(self.spans) and self.spans[i][0] == s0 else None

    def within(self, items: Sequence[Any], starts: list[int], s0: int, s1: int) -> list[Any]:
        """The items (sorted by start) that start in [s0, s1), by bisection."""
        return list(items[bisect_left(starts, s0) : bisect_left(starts, s1)])

    def tok_index(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def tokens(self, start: int, end: int) -> list[Token]:
        i = self.tok_index(start)
        out = []
        while i < len(self.toks) and self.toks[i].start < end:
            out.append(self.toks[i])
            i += 1
        return out

    def lemma_set(self, t: Token) -> frozenset[str]:
        return _lemma_set(_fold(t.text), self.lang)

    @staticmethod
    def _match_phrase(words: Sequence[str], at: int, phrases: Sequence[tuple[str, ...]]) -> int:
        """Length of the longest phrase starting at `words[at]`, 0 if none."""
        for phrase in phrases:
            if tuple(words[at : at + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    # -- measure -----------------------------------------------------------------------------
    def is_people(self, counted: str | None, m: Measure) -> bool:
        if not counted:
            return True
        head = _fold(counted.split()[0])
        if head in self.framing.people or head in m.people or head in m.words:
            return True
        p = best(head, self.lang)
        return p is not None and p.tag.POS == "NOUN" and "anim" in p.tag and "Name" not in p.tag

    def fits(self, q: Quantity, m: Measure) -> bool:
        counted = q.counted
        if m.kind == "people":
            return self.is_people(counted, m)
        if m.kind == "things":
            if not counted:
                return False
            folded = _fold(counted)
            words = folded.split()
            if folded in m.objects or words[0] in m.objects:
                return True
            return any(lem in m.objects for w in words[1:] for lem in _lemma_set(w, self.lang))
        if m.kind == "money":
            return counted is not None and _is_currency(counted)
        return False

    def measure_of(self, q: Quantity, s0: int, s1: int) -> str | None:
        counted = _fold(q.counted) if q.counted else None
        event = _fold(q.event) if q.event else None
        by_noun: str | None = None
        if counted:
            head = counted.split()[0]
            forms = {head} | set(_lemma_set(head, self.lang))
            by_noun = next(
                (m.id for m in self.measures if m.kind == "people" and forms & m.words), None
            )
            # «погибших», «заложников» name the measure; a word for people in general that is
            # also a measure word («пострадавшим», «военных») yields to the event verb
            if by_noun and head not in self.framing.people:
                return by_noun
        if event and event not in self.framing.change_verbs:
            for m in self.measures:
                if event in m.verbs and self.fits(q, m):
                    return m.id
        if by_noun:
            return by_noun
        if counted and _is_currency(counted):
            return "money"
        return self.measure_nearby(q, s0, s1)

    def measure_nearby(self, q: Quantity, s0: int, s1: int) -> str | None:
        """The measure whose word stands nearest the figure in its clause (before it first)."""
        toks = self.tokens(max(s0, q.start - _WINDOW), min(s1, q.end + _WINDOW))
        first = next((i for i, t in enumerate(toks) if t.start >= q.start), len(toks))
        last = next((i for i, t in enumerate(toks) if t.start >= q.end), len(toks))
        before = []
        for i in range(first - 1, -1, -1):
            if toks[i].text in _CLAUSE and first - i > 1 and not _enumeration(toks, i):
                break
            before.append(toks[i])
        after = []
        for i in range(last, len(toks)):
            if toks[i].text in _CLAUSE or toks[i].kind == "num":
                break
            after.append(toks[i])
        for distance in range(max(len(before), len(after))):
            for side in (before, after):
                if distance >= len(side) or side[distance].kind != "word":
                    continue
                found = self.measure_word(side[distance], q)
                if found:
                    return found
        return None

    def measure_word(self, t: Token, q: Quantity) -> str | None:
        forms = {_fold(t.text)} | set(self.lemma_set(t))
        for m in self.measures:
            if forms & (m.words | m.verbs) and self.fits(q, m):
                return m.id
        return None

    # -- framing -----------------------------------------------------------------------------
    def words_before(self, s0: int, q: Quantity) -> list[Token]:
        """The tokens of the figure's sentence before it (at most `_WINDOW` characters back)."""
        return self.tokens(max(s0, q.start - _WINDOW), q.start)

    def qualifier(self, q: Quantity, before: list[Token]) -> str | None:
        if q.approx:
            kind = self.framing.qualifiers.get(_fold(q.approx))
            if kind:
                return kind
            return "about"
        clause = _clause_tail(before)
        for t in reversed(clause):
            if t.kind == "word" and self.lemma_set(t) & self.framing.more_verbs:
                return "more"
        if before and _fold(before[-1].text) in ("до",) and not self._after_change(before):
            return "up_to" if self._is_cap(before) else None
        return None

    def changed(self, c: Claim) -> bool:
        """A change verb («выросло», «зросла») before the figure in its sentence."""
        for t in self.tokens(max(c.sentence_start, c.start - _WINDOW), c.start):
            if t.kind == "word" and self.lemma_set(t) & self.framing.change_verbs:
                return True
        return False

    def _after_change(self, before: list[Token]) -> bool:
        """«выросло до 64»: a change verb shortly before the «до»."""
        for t in before[-6:-1]:
            if t.kind == "word" and self.lemma_set(t) & self.framing.change_verbs:
                return True
        return False

    def _is_cap(self, before: list[Token]) -> bool:
        """«до 100 человек» as «up to» (not «с 56 до 64», not a change)."""
        words = [_fold(t.text) for t in before[-6:-1]]
        return not any(w in ("с", "з", "із", "от", "від") for w in words)

    def status(self, q: Quantity, s0: int, s1: int, before: list[Token]) -> str:
        words = [_fold(t.text) for t in before]
        f = self.framing
        # «из них 5 детей», «з них п'ятеро дітей»
        for i in range(max(0, len(words) - _SUBSET_GAP), len(words)):
            n = self._match_phrase(words, i, f.subset)
            if n and not any(t.kind == "num" for t in before[i + n :]):
                return "part"
        # «двое из них в тяжелом состоянии»: a part named right after the figure
        after_words = [_fold(t.text) for t in self.tokens(q.end, min(s1, q.end + 40))[:3]]
        if after_words and self._match_phrase(after_words, 0, f.subset):
            return "part"
        # «увеличилось с 56 до 64»: the first figure is the old one
        if words and words[-1] in ("с", "з", "із", "від", "от"):
            after = self.tokens(q.end, s1)[:4]
            if any(_fold(t.text) == "до" for t in after):
                return "superseded"
        # «ранее сообщалось о 56 погибших» (until «теперь», «то теперь»)
        old = False
        for i in range(len(words)):
            if self._match_phrase(words, i, f.superseded):
                old = True
            elif old and self._match_phrase(words, i, f.now):
                old = False
        if old:
            return "superseded"
        if self.reported_earlier(s0, s1):
            return "superseded"
        return "current"

    def reported_earlier(self, s0: int, s1: int) -> bool:
        """A sentence that reports what was said before («накануне власти сообщали о …»)."""
        if s0 not in self._reported:
            f = self.framing
            words = [_fold(t.text) for t in self.tokens(s0, s1) if t.kind == "word"]
            self._reported[s0] = any(
                self._match_phrase(words, i, f.superseded_when_reported) for i in range(len(words))
            ) and any(_lemma_set(w, self.lang) & f.reporting for w in words)
        return self._reported[s0]

    def as_of(self, q: Quantity, s0: int, s1: int) -> tuple[str | None, str | None]:
        found = self._as_of_in(s0, s1)
        i = self.sentence_index(s0)
        if found is None and i is not None:  # an earlier sentence of the same paragraph
            p0, _ = _paragraph_of(self.text, s0)
            for k in range(i - 1, max(-1, i - 6), -1):
                if self.spans[k][0] < p0:
                    break
                found = self._as_of_in(*self.spans[k])
                if found:
                    break
        if found is None:
            return None, None
        start, end = found
        phrase = " ".join(self.text[start:end].split())
        dates = self.within(self.dates, self.date_starts, start, end)
        return phrase, (dates[0].value if dates else None)

    def _as_of_in(self, s0: int, s1: int) -> tuple[int, int] | None:
        """The as-of phrase of a sentence: its cue and the time words, numbers and «:» after it."""
        if s0 not in self._as_of_cache:
            self._as_of_cache[s0] = self._find_as_of(s0, s1)
        return self._as_of_cache[s0]

    def _find_as_of(self, s0: int, s1: int) -> tuple[int, int] | None:
        low = _fold(self.text[s0:s1])
        m = self.framing.as_of.search(low)
        if m is None:
            return None
        end = s0 + m.end()
        taken = 0
        for t in self.tokens(end, s1):
            if taken >= 6:
                break
            if (
                t.kind == "num"
                or t.text in ":."
                and taken
                or (t.kind == "word" and self.lemma_set(t) & self.framing.time_words)
            ):
                end = t.end if t.text not in ":." else end
                taken += 1
                continue
            break
        return s0 + m.start(), end

    def attribution(self, s0: int, s1: int) -> str | None:
        names = self._cited_in(s0, s1, cue_needed=True)
        if names:
            return " / ".join(names[:2])
        i = self.sentence_index(s0)
        if i is not None and i + 1 < len(self.spans):
            n0, n1 = self.spans[i + 1]
            if self.framing.attribution_next.search(_fold(self.text[n0:n1])):
                names = self._cited_in(n0, n1, cue_needed=False)
                if names:
                    return " / ".join(names[:2])
        low = _fold(self.text[s0:s1])
        if i and re.match(
            r"^\W*(?:по (?:его|ее|их) (?:словам|данным)|за (?:його|її|їхніми|їх) (?:словами|даними))",
            low,
        ):
            names = self._cited_in(*self.spans[i - 1], cue_needed=False, people_only=True)
            if names:
                return names[0]
        return None

    def _cited_in(self, s0: int, s1: int, cue_needed: bool, people_only: bool = False) -> list[str]:
        """Sources (always cited, see `tui.facts.sources`) and people or bodies named next to a
        citing cue («по данным …», «… повідомив»), in text order, without repeats."""
        key = (s0, cue_needed, people_only)
        if key not in self._cited:
            self._cited[key] = self._find_cited(s0, s1, cue_needed, people_only)
        return self._cited[key]

    def _find_cited(self, s0: int, s1: int, cue_needed: bool, people_only: bool) -> list[str]:
        low = _fold(self.text[s0:s1])
        cues = [(s0 + m.start(), s0 + m.end()) for m in self.framing.attribution.finditer(low)]
        names: list[tuple[int, str]] = []
        cited = [] if people_only else self.within(self.sources, self.source_starts, s0, s1)
        # an acronym as the article writes it («ДСНС», not the shared name «МЧС»)
        names.extend((src.start, src.text if src.text.isupper() else src.name) for src in cited)
        for e in self.within(self.entities, self.entity_starts, s0, s1):
            if e.type == "LOC" or (people_only and e.type != "PER"):
                continue
            if any(src.start < e.end and e.start < src.end for src in cited):
                continue  # the source's own name says it
            near = any(0 <= e.start - ce <= 60 or 0 <= cs - e.end <= 25 for cs, ce in cues)
            if near or not cue_needed:
                names.append((e.start, e.normal or e.text))
        seen: list[str] = []
        for _, name in sorted(names):
            if not any(name in s or s in name for s in seen):
                seen.append(name)
        return seen

    def place(self, q: Quantity, s0: int, s1: int) -> str | None:
        places = [
            e for e in self.within(self.entities, self.entity_starts, s0, s1) if e.type == "LOC"
        ]
        if places:
            nearest = min(places, key=lambda e: min(abs(e.start - q.end), abs(q.start - e.end)))
            return nearest.normal or nearest.text
        return self.title_place

    def _title_place(self) -> str | None:
        if not self.spans:
            return None
        t0, t1 = self.spans[0]
        found = self.within(self.entities, self.entity_starts, t0, t1)
        first = next((e for e in found if e.type == "LOC"), None)
        return (first.normal or first.text) if first else None

    # -- driver ------------------------------------------------------------------------------
    def claim(self, q: Quantity) -> Claim:
        if q.counted and _fold(q.counted) == "до" and q.text.lower().endswith("до"):
            # «з 20 до 21»: the preposition was taken for what «20» counts
            from dataclasses import replace

            bare = q.text[: -len("до")].rstrip()
            q = replace(q, counted=None, text=bare, end=q.start + len(bare))
        s0, s1 = self.sentence(q.start)
        measure = self.measure_of(q, s0, s1) or _other_measure(q)
        before = self.words_before(s0, q)
        as_of, as_of_date = self.as_of(q, s0, s1)
        return Claim(
            start=q.start,
            end=q.end,
            text=q.text,
            measure=measure,
            value=q.value,
            qualifier=self.qualifier(q, before),
            as_of=as_of,
            as_of_date=as_of_date,
            attribution=self.attribution(s0, s1),
            place=self.place(q, s0, s1),
            status=self.status(q, s0, s1, before),
            sentence_start=s0,
            sentence_end=s1,
            counted=q.counted,
            event=q.event,
        )


def _clause_tail(before: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in reversed(before):
        if t.text in _CLAUSE:
            break
        out.append(t)
    return list(reversed(out))


def _enumeration(toks: Sequence[Token], i: int) -> bool:
    """A comma inside a list of figures («погибли 12, ранены 30»)? Never crossed (False)."""
    return False


@lru_cache(maxsize=50_000)
def _lemma_set(word: str, lang: Lang) -> frozenset[str]:
    return frozenset(_fold(w) for w in lemmas(word, lang))


_CURRENCIES = frozenset(
    [
        "доллар",
        "долар",
        "рубль",
        "гривна",
        "гривня",
        "евро",
        "євро",
        "тенге",
        "сом",
        "юань",
        "фунт",
        "франк",
        "злотый",
        "злотий",
    ]
)


def _is_currency(counted: str) -> bool:
    return _fold(counted.split()[0]) in _CURRENCIES


def _other_measure(q: Quantity) -> str:
    """A measure for a number no vocabulary entry fits: what it counts and the event, folded."""
    from tui.facts.quantities import quantity_signature

    counted, event = quantity_signature(q)
    return f"other:{counted or ''}|{event or ''}"


def find_claims(
    text: str,
    lang: str | None,
    quantities: Sequence[Quantity],
    entities: Sequence[Entity] = (),
    dates: Sequence[DateFact] = (),
    sources: Sequence[Source] = (),
) -> list[Claim]:
    """The claims of `text`, one per quantity (see the module docstring), in text order."""
    code = text_lang(text, lang)
    if not quantities:
        return []
    reader = _Reader(text, code, entities, dates, sources)
    return _ranges(text, [reader.claim(q) for q in quantities], reader)


_RANGE_FROM = re.compile(r"(?:^|[\s(])(от|від|с|з|із)\s*$", re.IGNORECASE)
_RANGE_TO = re.compile(r"^\s*до\s*$", re.IGNORECASE)
_DASH_LOW = re.compile(r"(\d[\d\u00a0\u202f ]*)\s*[–—-]\s*$")
_SCALED = re.compile(r"тыс|тис|млн|млрд|милл|мільй|мільяр|миллиард", re.IGNORECASE)


def _low_value(low: float, high: Claim) -> float:
    """The low end of «от 2 до 3 тысяч»: the high end's scale word applies to it too."""
    if _SCALED.search(high.text):
        for scale in (1e9, 1e6, 1e3):
            if high.value >= scale and low * scale <= high.value:
                return low * scale
    return low


def _ranges(text: str, claims: list[Claim], reader: _Reader) -> list[Claim]:
    """Ranges as one claim with `value_max`: «от 5 до 7 человек», «від 12 до 15», «10–12
    человек», «от 2 до 3 тысяч». «с 56 до 64» after a change verb («выросло с 56 до 64») stays
    an update (the 56 superseded)."""
    from dataclasses import replace

    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        between = text[prev.end : c.start] if prev is not None else ""
        to = _RANGE_TO.match(between) or (
            prev is not None and prev.text.lower().endswith(" до") and not between.strip()
        )  # («12 до» read as one quantity, «до» taken for what it counts)
        if prev is not None and prev.value_max is None and to:
            window = max(0, prev.start - 12)
            lead = _RANGE_FROM.search(text[window : prev.start])
            if lead and (lead.group(1).lower() in ("от", "від") or not reader.changed(prev)):
                low = _low_value(prev.value, c)
                if low < c.value:
                    start = window + lead.start(1)
                    out[-1] = replace(
                        c, start=start, text=text[start : c.end], value=low, value_max=c.value
                    )
                    continue
        dash = _DASH_LOW.search(text[max(0, c.start - 16) : c.start])
        if dash and c.text[:1].isdigit():
            low = _low_value(float(re.sub(r"\D", "", dash.group(1))), c)
            if low < c.value:
                start = c.start - len(dash.group(0))
                out.append(
                    replace(c, start=start, text=text[start : c.end], value=low, value_max=c.value)
                )
                continue
        out.append(c)
    return out
