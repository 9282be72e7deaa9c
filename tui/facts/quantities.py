"""Quantities in Russian and Ukrainian news: the number, how approximate, what it counts, which event.

«в Казахстане задержали 7939 человек» → value 7939, counted «человек», event «задержать»;
«затримано майже 2 тис. осіб» → value 2000, approx «майже», counted «особа», event «затримати».
`quantity_signature` maps both to the same language-neutral pair (``("человек", "задержать")``).

What is a quantity here (decisions, so a reader knows what to expect):

- digits, thousands grouped by spaces/NBSP/narrow NBSP («2 500», «1 925»), decimals with a comma
  or a dot («1,5»), scale words and abbreviations («8 тысяч», «2 тис.», «100 млрд», «1,5 млн»);
- numbers in words («два», «двадцать пять», «півтори тисячі»); a lone «один/одна» is skipped
  (it is mostly «one of»), and vague plurals «десятки», «сотни», «тысячи», «тисячі» become 10, 100,
  1000 with that word as `approx` («сотни тысяч» → 100000);
- `approx` is the marker as found, lowercased: «около», «почти», «более», «минимум», «не менее»,
  «понад», «майже», «близько», «щонайменше», «с лишним»...;
- percentages are kept with counted «%»; money with the currency as counted («доллар», «долар»);
- skipped: dates and years (anything `find_dates` finds, and bare 1800–2100 numbers that count
  nothing), times «10:30», ordinals «2-й», numbers glued to words («Оскар-2025», «COVID-19»),
  list markers at a line start («1. …»), numbers after «№», «стр.», «ст.», «п.», phone-like digit
  runs, ranges «5-7» (no single value), a number right before a closing quote («Хабар 24»), a
  day before a month name in an odd form («2 Ноябрь, 2018»), clock times («близько 11 вечора»),
  and any number that neither counts a noun nor belongs to an event («(США, 31, 2686)»).

`start`/`end` cover the approximation marker (if any) through the counted noun, e.g.
«около 2 500 человек»; `counted` is the noun's base form (a measure word keeps its complement:
«единица техники», «одиниця вогнепальної зброї»); `event` is the governing verb's or verbal noun's
base form, found by: a participle attached to the counted phrase («16 погибших силовиков»), a verbal
noun right before the number («вилучення 36 одиниць»), a coordinated quantity's event («… та 1 486
боєприпасів»), the nearest verb before the number in its clause, the next verb in its sentence (not past another
number or «;»: in «погибших — 14, ещё 30 госпитализированы» the verb is the 30's; a relative
clause is stepped over: «5 человек, которые ехали …, пострадали»), the nearest verb before in the
sentence. Reporting verbs («сообщаться», «стать», «повідомлятися») are
never taken as the event.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.facts.dates import find_dates
from tui.facts.model import Quantity
from tui.facts.morph import Lang, Token, best, lemma, parses, text_lang, tokenize
from tui.facts.nlp import from_dictionary
from tui.facts.quantity_words import (
    APPROX,
    APPROX_AFTER,
    CLOCK_PREPOSITIONS,
    CURRENCY,
    MEASURE_HEADS,
    MONTH_LEMMAS,
    MULTIPLIERS,
    NOT_EVENTS,
    NUMBER_MARKERS,
    NUMBER_PREFIXES,
    PERCENT_LEMMAS,
    SCALES,
    TIME_OF_DAY,
    UK_OBLIQUE,
    UNITS,
    VAGUE,
    WEAK_VERBS,
)
from tui.lang.fold import for_counting as fold

_CLAUSE_PUNCT = set(',;:()—–«»"“”„')
_SENTENCE_PUNCT = set(".!?…")
_COORD = {"и", "а", "также", "та", "і", "й", "plus"}
_VERB_POS = {"VERB", "INFN", "PRTS", "GRND"}
_RELATIVE = {"который", "которая", "которое", "которые", "которых", "которым", "которыми", "что",
             "який", "яка", "яке", "які", "яких", "яким", "якими", "що"}  # fmt: skip


_CLOCK = re.compile(r"^(?:[01]?\d|2[0-4])[.:][0-5]\d$")


def _norm_num(s: str) -> float:
    return float(re.sub(r"[ \u00a0\u202f\u2009]", "", s).replace(",", "."))


def _low(t: Token) -> str:
    return t.text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _number_word(t: Token, lang: Lang) -> float | None:
    """The value of a number word («двух» → 2, «півтори» → 1.5), None if it is not one."""
    return _number_value(_low(t), lang)


@lru_cache(maxsize=100_000)
def _number_value(low: str, lang: Lang) -> float | None:
    if low[:3] not in NUMBER_PREFIXES:
        return None  # spares pymorphy3 the great majority of words
    if low in UNITS:
        return UNITS[low]
    if low in UK_OBLIQUE:
        return UNITS[UK_OBLIQUE[low]]
    found = parses(low, lang)
    if found and found[0].tag.POS == "NUMR" and found[0].normal_form in UNITS:
        return UNITS[found[0].normal_form]
    return None


def _scale(t: Token, lang: Lang) -> float | None:
    low = _low(t)
    if low in SCALES:
        return SCALES[low]
    return SCALES.get(lemma(low, lang)) if t.kind == "word" else None


class _Extractor:
    """One pass over one text's tokens."""

    def __init__(self, text: str, lang: Lang) -> None:
        self.text = text
        self.lang = lang
        self.toks = tokenize(text)
        self.dates = [(d.start, d.end) for d in find_dates(text, lang, None)]
        self.found: list[tuple[Quantity, int, int]] = []  # quantity, first and last token index

    # -- helpers -----------------------------------------------------------------------------
    def in_date(self, t: Token) -> bool:
        return any(s <= t.start < e for s, e in self.dates)

    def gap(self, a: Token, b: Token) -> str:
        return self.text[a.end : b.start]

    def skip_number(self, i: int) -> bool:
        """Numbers that are not quantities (see the module docstring)."""
        t, toks = self.toks[i], self.toks
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if self.in_date(t):
            return True
        if prev and not self.gap(prev, t) and prev.text in "-‐‑+/:№#" and i > 1:
            before = toks[i - 2]
            if not self.gap(before, prev) or prev.text in "+/:№#":
                return True  # «Оскар-2025», «COVID-19», «+7», «10:30»
        if nxt and not self.gap(t, nxt):
            if nxt.text in ":/" or (nxt.text in "-‐‑–" and i + 2 < len(toks)):
                return True  # «10:30», «2-й», «5-7», «123-45-67»
            if nxt.kind == "word":
                return True  # «24х», «5G»
        if nxt and nxt.text in '»“"' and self.gap(t, nxt) == "":
            return True  # «Хабар 24»
        if nxt and nxt.text == "." and (prev is None or "\n" in self.gap(prev, t)):
            return True  # «1. Трамп: …» list marker
        if prev and _low(prev) in {"№", "#", "no", "n"}:
            return True  # «№ 5»
        if nxt and nxt.kind == "word" and _low(nxt).rstrip(".") in MONTH_LEMMAS:
            return True  # «04 Февраль 2026»: a date in the nominative, as Kazakh sites write it
        if prev and _low(prev) in CLOCK_PREPOSITIONS and _CLOCK.match(t.text):
            after = _low(nxt) if nxt else ""
            if not (after in SCALES or after in CURRENCY or after == "%"):
                return True  # «о 20.30», «в 9.15»: a time of day
        if prev and prev.text == "." and i > 1 and _low(toks[i - 2]) in NUMBER_MARKERS:
            return not self.gap(toks[i - 2], prev)  # «стр. 5», «ст. 272»
        # «+7 (727) …»
        return bool(prev and prev.text == "(" and i > 1 and toks[i - 2].kind == "num")

    def approx_before(self, i: int) -> tuple[str | None, int]:
        """The approximation marker ending right before token i, and its first token index."""
        for words in (3, 2, 1):
            j = i - words
            if j < 0:
                continue
            span = self.toks[j:i]
            if any(t.kind != "word" for t in span):
                continue
            phrase = " ".join(_low(t) for t in span)
            if phrase in APPROX:
                return phrase, j
        return None, i

    # -- the number itself -------------------------------------------------------------------
    def read_number(self, i: int) -> tuple[float, str | None, int] | None:
        """(value, vague word, index after the number phrase) for a number starting at token i."""
        toks, lang = self.toks, self.lang
        t = toks[i]
        vague: str | None = None
        if t.kind == "num":
            value = _norm_num(t.text)
            j = i + 1
        else:
            total, current, j, any_word = 0.0, 0.0, i, False
            while j < len(toks) and toks[j].kind == "word":
                unit = _number_word(toks[j], lang)
                if unit is not None:
                    current += unit
                    any_word = True
                    j += 1
                    continue
                break
            if not any_word:
                if _low(t) not in VAGUE:
                    return None
                vague, value, j = _low(t), VAGUE[_low(t)], i + 1
            else:
                if j - i == 1 and _low(t) in {"один", "одна", "одно", "одни", "одне", "одного"}:
                    return None
                value = total + current
        # a group noun after a number: «два десятки» = 20, «трёх десятков» = 30
        if vague is None and j < len(toks) and toks[j].kind == "word" and _low(toks[j]) in MULTIPLIERS:
            value *= MULTIPLIERS[_low(toks[j])]
            j += 1
        # scale words: «8 тысяч», «2 тис.», «сотни тысяч»
        while j < len(toks) and toks[j].kind == "word":
            scale = _scale(toks[j], lang)
            if scale is None:
                break
            value *= scale
            j += 1
            abbreviated = _low(toks[j - 1]) in SCALES
            if (
                abbreviated
                and j < len(toks)
                and toks[j].text == "."
                and not self.gap(toks[j - 1], toks[j])
                and not (j + 1 < len(toks) and toks[j + 1].text[:1].isupper())
            ):
                j += 1  # the abbreviation's full stop (not a sentence's: «… 3 млрд. Всего …»)
        return value, vague, j

    # -- what it counts ----------------------------------------------------------------------
    def counted_after(self, j: int) -> tuple[str | None, int, str | None]:
        """(counted base form, index of its last token, event from an attached participle)."""
        toks, lang = self.toks, self.lang
        participle: str | None = None
        adjective: Token | None = None
        k = j
        while k < len(toks) and k < j + 5:
            t = toks[k]
            if t.kind == "punct":
                if t.text == "%":
                    return "%", k, participle
                if t.text in '«"„“' and k == j or (t.text == "." and _low(toks[k - 1]) in CURRENCY):
                    k += 1
                    continue
                break
            if t.kind == "num":
                break
            if t.text[:1].isupper() and not t.text.isupper():
                break  # a capitalised word starts a name or a sentence («2018 Власти …»)
            low = _low(t)
            if low in CURRENCY:
                return _currency(low, lang), k, participle
            p = best(low, lang)
            if p is None:
                break
            posn = p.tag.POS
            if posn == "NOUN" and "Abbr" not in p.tag or posn is None and t.text[:1].islower():
                base = p.normal_form.replace("ё", "е")
                if base in PERCENT_LEMMAS:
                    return "%", k, participle
                if base in MEASURE_HEADS:
                    tail = self.noun_complement(k + 1)
                    if tail is not None:
                        return (
                            f"{base} {self.text[toks[k + 1].start : toks[tail].end].lower()}",
                            tail,
                            participle,
                        )
                return base, k, participle
            if posn in ("ADJF", "PRTF", "NUMR", "ADVB") or (posn == "NOUN" and "Abbr" in p.tag):
                if posn == "PRTF" and participle is None:
                    participle = p.normal_form.replace("ё", "е")
                if posn in ("ADJF", "PRTF"):
                    adjective = t
                k += 1
                continue
            break
        if adjective is not None:  # substantivised: «десятки нападавших»
            p = best(_low(adjective), lang)
            form = p.inflect({"masc", "sing", "nomn"}) if p is not None else None
            word = form.word if form is not None else _low(adjective)
            own = p.normal_form.replace("ё", "е") if p is not None else None
            return (
                word.replace("ё", "е"),
                toks.index(adjective, j),
                (None if participle == own else participle),
            )
        return None, j - 1, participle

    def noun_complement(self, k: int) -> int | None:
        """Index of the genitive noun after a measure word, skipping adjectives («вогнепальної зброї»)."""
        for m in range(k, min(k + 3, len(self.toks))):
            t = self.toks[m]
            if t.kind != "word":
                return None
            p = best(_low(t), self.lang)
            if p is None:
                return None
            if p.tag.POS == "NOUN":
                return m if "gent" in p.tag else None
            if p.tag.POS not in ("ADJF", "PRTF"):
                return None
        return None

    # -- the event ---------------------------------------------------------------------------
    def verb_at(self, k: int) -> str | None:
        t = self.toks[k]
        if t.kind != "word":
            return None
        low = _low(t)
        p = best(low, self.lang)
        if p is None or p.tag.POS not in _VERB_POS:
            return None
        readings = parses(low, self.lang)
        weak = next(
            (
                q.normal_form
                for q in readings
                if q.tag.POS in _VERB_POS and q.normal_form in WEAK_VERBS
            ),
            None,
        )
        if weak:  # «есть» is also «быть»: a copula, not what happened («1300 раненых есть дети»)
            return str(weak)
        if (p.tag.POS == "INFN" or "infn" in p.tag.grammemes) and any(
            q.tag.POS == "NOUN" for q in readings
        ):
            return None  # an infinitive that is also a noun («діти»: to put / children) is the noun
        return p.normal_form.replace("ё", "е")

    def event_for(self, first: int, last: int, participle: str | None) -> str | None:
        toks = self.toks
        if participle and participle not in WEAK_VERBS:
            return participle
        # the participle right after the counted phrase: «2 265 человек, пострадавших …»
        k = last + 1
        if k < len(toks) and toks[k].text == "(":  # «2 265 человек (половина — в Алматы), …»
            close = next((m for m in range(k, min(k + 20, len(toks))) if toks[m].text == ")"), k)
            k = close + 1
        if k < len(toks) and toks[k].text == ",":
            k += 1
        if k < len(toks) and toks[k].kind == "word":
            p = best(_low(toks[k]), self.lang)
            if p is not None and p.tag.POS == "PRTF" and "past" in p.tag:
                return p.normal_form.replace("ё", "е")
        # a verbal noun right before: «вилучення 36 одиниць», «о задержании 100 человек»
        k = first - 1
        if k >= 0 and _low(toks[k]) in {"о", "об", "про"}:
            k -= 1
        if k >= 0 and toks[k].kind == "word":
            base = lemma(_low(toks[k]), self.lang)
            if re.search(r"(?:ение|ание|тие|ення|ання|іння|ття)$", base) and base not in NOT_EVENTS:
                return base
        # a coordinated quantity: «38 одиниць … та 1 486 боєприпасів»
        if first > 0 and _low(toks[first - 1]) in _COORD and self.found:
            prev, _, prev_last = self.found[-1]
            if prev_last >= first - 8 and prev.event:
                between = toks[prev_last + 1 : first]
                if not any(t.text in _SENTENCE_PUNCT for t in between):
                    return prev.event
        # the nearest strong verb before in the clause, then after in the sentence, then before
        clause_start = first
        while (
            clause_start > 0 and toks[clause_start - 1].text not in _CLAUSE_PUNCT | _SENTENCE_PUNCT
        ):
            clause_start -= 1
        for k in range(first - 1, clause_start - 1, -1):
            verb = self.verb_at(k)
            if verb and verb not in WEAK_VERBS:
                return verb
        k = last + 1
        while k < len(toks) and toks[k].text not in _SENTENCE_PUNCT and k < last + 25:
            if self.relative_clause(k):  # «5 человек, которые ехали в автобусе, пострадали»
                k = next((m for m in range(k, min(k + 20, len(toks))) if toks[m].text == ","), k)
                k += 1
                continue
            if self.other_clause(k):
                break  # «погибших — 14, ещё 30 госпитализированы»: that verb is the 30's
            verb = self.verb_at(k)
            if verb and verb not in WEAK_VERBS:
                return verb
            k += 1
        k = clause_start - 1
        while k >= 0 and toks[k].text not in _SENTENCE_PUNCT and k > first - 25:
            verb = self.verb_at(k)
            if verb and verb not in WEAK_VERBS:
                return verb
            k -= 1
        return None

    def other_clause(self, k: int) -> bool:
        """Whether token k starts what belongs to another statement: another number (it has its
        own verb) or «;»."""
        t = self.toks[k]
        return t.kind == "num" or t.text == ";"

    def relative_clause(self, k: int) -> bool:
        """Whether token k opens a relative clause («…, которые ехали …», «…, які …»)."""
        t = self.toks[k]
        return t.kind == "word" and _low(t) in _RELATIVE and k > 0 and self.toks[k - 1].text == ","

    # -- driver ------------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if (
                t.kind == "punct"
                and t.text in CURRENCY
                and i + 1 < len(toks)
                and toks[i + 1].kind == "num"
            ):
                currency: str | None = _currency(t.text, self.lang)
                i += 1
                t = toks[i]
            else:
                currency = None
            if t.kind not in ("num", "word") or (t.kind == "num" and self.skip_number(i)):
                i += 1
                continue
            read = self.read_number(i)
            if read is None:
                i += 1
                continue
            value, vague, j = read
            approx, first = self.approx_before(i - 1 if currency else i)
            after = " ".join(_low(x) for x in toks[j : j + 2])
            if after in APPROX_AFTER:  # «сто с лишним человек»
                approx, j = approx or after, j + 2
            counted, last, participle = self.counted_after(j)
            if currency and counted is None:
                counted = currency
            if counted in MONTH_LEMMAS or counted in TIME_OF_DAY:
                i = j
                continue  # a date in an odd form («2 Ноябрь, 2018»), a clock time («11 вечора»)
            if (
                counted is None
                and t.kind == "num"
                and float(value).is_integer()
                and 1800 <= value <= 2100
                and j == i + 1
            ):
                i = j
                continue  # a bare year
            event = self.event_for(first, last, participle)
            start = toks[first].start if approx else toks[i - (1 if currency else 0)].start
            end = toks[max(last, j - 1)].end
            q = Quantity(
                start, end, self.text[start:end], float(value), approx or vague, counted, event
            )
            self.found.append((q, first, max(last, j - 1)))
            i = max(last, j - 1) + 1
        # a number that counts nothing in no event («(Украина, 36, 2729)») tells a reader nothing
        return [q for q, _, _ in self.found if q.counted or q.event]


def find_quantities(text: str, lang: str | None = None) -> list[Quantity]:
    """Every quantity in `text` with its approximation, counted noun and event (see module doc)."""
    return _Extractor(text, text_lang(text, lang)).run()


# Currency base forms as a Ukrainian text spells them («100 млрд дол» → «долар», not «доллар»).
_UK_CURRENCY = {"доллар": "долар", "гривна": "гривня", "евро": "євро"}


def _currency(symbol: str, lang: Lang) -> str:
    name = CURRENCY[symbol]
    return _UK_CURRENCY.get(name, name) if lang == "uk" else name


# -- comparing across languages (letters folded by tui.lang.fold.for_counting) ------------------


@lru_cache(maxsize=1)
def _vocab_data() -> dict[str, Any]:
    return tomllib.loads((Path(__file__).with_name("quantity_vocab.toml")).read_text("utf-8"))


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, str], dict[str, str]]:
    data = _vocab_data()
    return dict(data.get("counted", {})), dict(data.get("event", {}))


@lru_cache(maxsize=10_000)
def _verb_of_participle(word: str) -> str | None:
    """The verb of a participle that names people («задержанный» → «задержать», «погибший» →
    «погибнуть»), from the dictionary's participle reading or the vocabulary; None otherwise."""
    known = _vocab_data().get("participle", {}).get(word)
    if known:
        return str(known)
    for p in parses(word, "ru"):
        if p.tag.POS == "PRTF" and from_dictionary(p):
            return str(p.normal_form).replace("ё", "е")
    return None


@lru_cache(maxsize=50_000)
def _neutral(phrase: str | None, table: str) -> str | None:
    if not phrase:
        return None
    counted_map, event_map = _vocab()
    mapping = counted_map if table == "counted" else event_map
    words = phrase.split()
    head = words[0]
    if table == "event":
        head = verb_of_noun(head, text_lang(head)) or head
    out = [fold(mapping.get(head, head))]
    if len(words) > 1:  # «одиниця вогнепальної зброї» → head + the complement's base form
        tail = words[-1]
        base = lemma(tail, text_lang(phrase))
        out.append(fold(counted_map.get(base, base)))
    return " ".join(out)


# Verbal-noun suffix → infinitive suffixes to try, longest first: задержание → задержать,
# изъятие → изъять, освобождение → освободить, затримання → затримати, вилучення → вилучити.
_NOUN_TO_VERB = (
    ("ждение", ("дить",)), ("ание", ("ать",)), ("яние", ("ять",)), ("ение", ("ить", "еть", "ать")),
    ("тие", ("ть",)), ("ження", ("дити", "зити", "жити")), ("ання", ("ати",)), ("яння", ("яти",)),
    ("ення", ("ити", "іти", "ати")), ("іння", ("іти",)), ("ття", ("ти",)),
)  # fmt: skip


@lru_cache(maxsize=50_000)
def verb_of_noun(noun: str, lang: Lang) -> str | None:
    """The verb a verbal noun is made from, if the dictionary knows it as an infinitive
    («вилучення» → «вилучити», «задержание» → «задержать»); None for any other word."""
    for suffix, endings in _NOUN_TO_VERB:
        if not noun.endswith(suffix) or len(noun) < len(suffix) + 3:
            continue
        stem = noun[: -len(suffix)]
        for ending in endings:
            verb = stem + ending
            for form in (verb, verb + "ся"):
                for code in (lang, "uk" if lang == "ru" else "ru"):
                    if any(_infinitive(p, form) for p in parses(form, code)):
                        return form
        return None
    return None


def _infinitive(parse: object, form: str) -> bool:
    """A dictionary (not guessed) parse of `form` as an infinitive of itself."""
    tag = getattr(parse, "tag", None)
    stack: tuple[Any, ...] = getattr(parse, "methods_stack", ())
    from_dictionary = bool(stack) and type(stack[0][0]).__name__ == "DictionaryAnalyzer"
    # (the Ukrainian dictionary marks some infinitives only as a VERB whose lemma is itself)
    infinitive = tag is not None and tag.POS in ("INFN", "VERB")
    return from_dictionary and infinitive and getattr(parse, "normal_form", "") == form


def quantity_signature(q: Quantity) -> tuple[str | None, str | None]:
    """(counted, event) in a language-neutral form, so «затримано 1 925 осіб» ≈ «задержали 7939 человек»;
    people counted by what happened to them («7939 задержанных», «164 загиблих») are people with
    that event («задержать», «погибнуть»)."""
    if q.event is None and q.counted and " " not in q.counted:
        base = _vocab()[0].get(q.counted, q.counted)  # «загиблий» → «погибший»
        verb = _verb_of_participle(base.replace("ё", "е"))
        if verb:
            return _neutral("человек", "counted"), _neutral(verb, "event")
    return _neutral(q.counted, "counted"), _neutral(q.event, "event")
