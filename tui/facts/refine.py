"""Cleaning slovnet's spans with the whole text in view: `refine(text, tokens, spans, lang)`.

Each span is first cut and checked on its own (`spans.pieces`, `spans.check_span`); then rules that
look at its neighbours and at the rest of the text: a short quoted name with a place inside is an
organisation («Голоса Америки»), a lone organisation noun takes its genitive phrase («Комітету
національної безпеки»), a name tagged once is tagged at its untagged repeats, adjacent pieces of
one name are joined («Великої» + «Британії», «Тереза» + «Мей»), a «person» followed by «района» is a
place, and (by the gold conventions of each language) the EU is an organisation in Russian and an
organisation keeps its place in Ukrainian («Мінфін Британії»). Offsets stay exact throughout.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tui.facts import nlp
from tui.facts.keys import is_acronym
from tui.facts.names import place_names
from tui.facts.spans import ORG_HEADS, Span, Tok, check_span, pieces, sentence_start
from tui.facts.ukrainian import is_geo, lemma, to_russian_letters, token_kind
from tui.lang import words_of

# Supranational bodies slovnet calls places. Russian annotation (factRuEval, BSNLP-ru) calls them
# organisations; Ukrainian BSNLP mostly calls the EU a place, as slovnet does, so only Russian
# spans are re-typed. Keys do not carry the type, so the link ЕС ↔ ЄС holds either way.
_ALWAYS_ORG = frozenset({"ес", "евросоюз", "европейский союз", "нато", "оон", "снг", "одкб"})
# Companies and bodies of one word the tagger calls a place or a person («в Укрзалізниці», «в
# Укренерго»), as Russian-lettered stems; and the initials that end an office's name («Сумської
# ОВА», «ГУ МВД»): a span ending in one is an organisation.
_ORG_STEMS = (
    "укрзализниц", "укрзалізниц", "укрэнерго", "укренерго", "нафтогаз", "укрпошт", "укроборонпром",
    "энергоатом", "енергоатом", "укравтодор", "укргидроэнерго", "укргідроенерго", "роскомнадзор",
    "росатом", "роскосмос", "газпром", "роснефт", "ростех", "аэрофлот", "казмунайгаз", "самрук",
)  # fmt: skip


@lru_cache(maxsize=1)
def _org_initials() -> frozenset[str]:
    """Acronyms that are always organisations, in either language (`org_acronyms.txt`)."""
    from tui.lang import words as word_list

    return word_list("uk", "org_acronyms.txt") | word_list("ru", "org_acronyms.txt")


def refine(text: str, tokens: list[Tok], spans: list[Span], lang: str) -> list[Span]:
    """Split, trim, re-type and merge raw spans; the result is sorted and non-overlapping."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    out: list[Span] = []
    for span in _merge_adjacent(text, spans, lang):
        i = starts.get(span.start)
        if i is None:
            continue
        toks: list[Tok] = []
        while i < len(tokens) and tokens[i].end <= span.end:
            toks.append(tokens[i])
            i += 1
        for piece in pieces(text, toks):
            out.extend(check_span(piece, span.type, lang, text))
    out = _split_office_holder(text, tokens, starts, out, lang)
    out = [_org_noun_as_person(text, tokens, starts, sp, lang) for sp in out]
    out = _quoted_names(text, out)
    out = _described_quoted_names(text, out, lang)
    out = _extend_org_heads(text, tokens, starts, out, lang)
    out = propagate(text, tokens, out)
    out = _merge_adjacent(text, out, lang)
    out = _extend_left(text, tokens, starts, out, lang)
    out = [sp for sp in out if _whole_words(text, sp) and _capitalised(text, sp)]
    out = [_org_by_head(text, sp, lang) for sp in out]
    if lang == "uk":
        out = _org_of_place(text, out)
    out = _places_by_descriptor(text, tokens, starts, out, lang)
    out = [_shouted_place(text, sp, lang) for sp in out]
    out = [_retype_org(text, sp, lang) for sp in out]
    if lang == "ru":
        out = [_retype_known(text, s) for s in out]
        out = _relational_adjective(text, tokens, starts, out)
        out = _dictionary_places(text, tokens, out)
        out = [sp for sp in out if not _adjective_of_a_common_noun(text, tokens, starts, sp)]
    else:
        out = _gazetteer_places(text, tokens, out, lang)
    out = _organisation_words(text, tokens, out, lang)
    return _settlements(text, out)


_ADMINISTRATIONS = frozenset({"ОВА", "ОДА", "РДА", "ВЦА", "МВА", "РВА", "ОГА", "РГА", "ВГА"})
_REGION_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк|зк)(?:ої|ій|а|ої|ого|ому|ой|ая|ую|ою)$")
_ORG_COMPOUND = re.compile(
    r"^(?:Укр(?!аїн|аин)[а-яіїєґ]{4,}|Рос(?!сі|си|тов)[а-яё]{4,}"
    r"|[А-ЯІЇЄҐ][а-яіїєґ']+(?:обленерго|енерго|водоканал|нафтогаз|трансгаз|оборонпром))$"
)


def _organisation_words(text: str, tokens: list[Tok], spans: list[Span], lang: str) -> list[Span]:
    """Organisations the tagger misses or calls people, from their shape:

    - an acronym of the language's list (`tui/lang/<code>/org_acronyms.txt`: ОВА, ДСНС, МАГАТЕ)
      is an organisation wherever it stands, and a capitalised region adjective right before an
      administration acronym belongs to it («Чернігівської ОВА», «Київська ОДА»);
    - a state company named by the «Укр-»/«Рос-» compound or an «-енерго»/«-водоканал» ending
      («Укрзалізниця», «Прикарпаттяобленерго», «Роснефть») — a word no dictionary knows as a
      common word or a place.
    """
    from tui.lang import words as word_list

    acronyms = word_list(lang, "org_acronyms.txt")
    out = list(spans)
    for n, tok in enumerate(tokens):
        w = tok.text
        if w in acronyms:
            start = tok.start
            prev = tokens[n - 1] if n > 0 else None
            if (
                w in _ADMINISTRATIONS
                and prev is not None
                and prev.end + 1 == tok.start
                and prev.text[:1].isupper()
                and _REGION_ADJECTIVE.search(prev.text)
            ):
                start = prev.start
        elif _ORG_COMPOUND.match(w) and not any(
            nlp.from_dictionary(p) and (p.tag.POS != "NOUN" or "Geox" in p.tag.grammemes)
            for p in nlp.parse(w, lang)
        ):
            start = tok.start
        else:
            continue
        holder = next((sp for sp in out if sp.start <= tok.start and tok.end <= sp.end), None)
        if holder is not None and (holder.start, holder.end) != (tok.start, tok.end):
            if holder.type == "ORG" or len(text[holder.start : holder.end].split()) > 2:
                continue  # part of an organisation's name, or of a longer one («МЗС Словаччини»)
        elif holder is not None and holder.type == "ORG" and start == tok.start:
            continue  # already an organisation
        out = [sp for sp in out if sp.end <= start or sp.start >= tok.end]
        out.append(Span(start, tok.end, "ORG"))
    return sorted(out, key=lambda sp: (sp.start, sp.end))


_SETTLEMENT = re.compile(
    r"(?<![\w.])(?:м|с|г|смт|пгт|с-ще|пос|сел|д|х)\.?[ \u00a0]+"
    r"([А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ]+(?:-[А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ'’ʼ]+)*"
    r"(?:[ \u00a0][А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ]+)?)"
)
_ABBREVIATED = frozenset({"м", "с", "г", "пос", "сел", "д", "х"})


def _settlements(text: str, spans: list[Span]) -> list[Span]:
    """«у м. Бровари», «с. Плауру», «смт Козелець», «в г. Черновцы»: the capitalised name after a
    settlement abbreviation is a place (the abbreviation is no part of it); a span that took the
    abbreviation or the name as something else gives way. «г.» after a number is a year, «м.»
    after a number metres: not taken."""
    out = list(spans)
    for m in _SETTLEMENT.finditer(text):
        abbr = text[m.start() : m.start(1)].strip(" \u00a0.")
        dotted = text[m.start() : m.start(1)].strip(" \u00a0").endswith(".")
        if abbr in _ABBREVIATED and not dotted:
            continue  # «с Києвом», «г Москва»: a preposition or a typo, not an abbreviation
        before = text[: m.start()].rstrip()
        if before[-1:].isdigit():
            continue
        start, end = m.start(1), m.end(1)
        first = re.split(r"[ \u00a0]", m.group(1))[0]
        if len(first) < len(m.group(1)) and not any(
            p.tag.POS == "ADJF" for code in ("uk", "ru") for p in nlp.parse(first, code)
        ):
            end = start + len(first)  # «Біла Церква», «Кривий Ріг» — not «Козелець Денис»
        if any(sp.start == start and sp.end == end and sp.type == "LOC" for sp in out):
            continue
        out = [sp for sp in out if sp.end <= m.start() or sp.start >= end]
        out.append(Span(start, end, "LOC"))
    return sorted(out, key=lambda sp: (sp.start, sp.end))


def _gazetteer_places(text: str, tokens: list[Tok], spans: list[Span], lang: str) -> list[Span]:
    """«У Туреччині», «до Польщі», «із Луцька»: a capitalised word whose base form is a country or
    a place of the gazetteer (`names.place_names`) is a place where the tagger missed it — not
    inside another name, not in quotes (a brand), and at a sentence start only when the word is
    nothing but a noun («Того» there is a pronoun, not Togo)."""
    taken = [False] * (len(text) + 1)
    for sp in spans:
        for k in range(sp.start, sp.end):
            taken[k] = True
    own = place_names(lang)
    out = list(spans)
    for n, tok in enumerate(tokens):
        w = tok.text
        if taken[tok.start] or len(w) < 3 or not w[:1].isupper() or not w[1:].islower():
            continue
        if text[tok.start - 1 : tok.start] in '«"„“':
            continue
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        if nxt and nxt.text[:1].isupper() and nxt.start == tok.end + 1 and not taken[nxt.start]:
            continue  # part of a longer name nobody tagged («Нова Каховка»)
        prev = tokens[n - 1] if n > 0 else None
        if (
            prev
            and prev.text[:1].isupper()
            and prev.end + 1 == tok.start
            and not taken[prev.start]
            and not sentence_start(text, prev.start)
        ):
            continue
        parses = nlp.parse(w, lang)
        if (
            not any(p.tag.POS == "NOUN" and p.normal_form in own for p in parses)
            and w.lower() not in own
        ):
            continue
        if sentence_start(text, tok.start) and any(
            p.tag.POS != "NOUN" and nlp.from_dictionary(p) for p in parses
        ):
            continue
        out.append(Span(tok.start, tok.end, "LOC"))
    return sorted(out, key=lambda sp: (sp.start, sp.end))


def _adjective_of_a_common_noun(
    text: str, tokens: list[Tok], starts: dict[int, int], span: Span
) -> bool:
    """«Кипрское правительство», «Московскому времени»: a one-word «name» that is an adjective
    agreeing with the lowercase common noun right after it is that noun's modifier, not a name
    (a place descriptor after it — «Тверской площади», «Приморского края» — keeps it)."""
    i = starts.get(span.start)
    if i is None or i + 1 >= len(tokens) or tokens[i].end != span.end:
        return False
    nxt = tokens[i + 1]
    if text[span.end : nxt.start] != " " or not nxt.text.isalpha() or not nxt.text.islower():
        return False
    adjs = [p for p in nlp.parse(tokens[i].text, "ru") if nlp.from_dictionary(p)]
    if not adjs or any(p.tag.POS != "ADJF" for p in adjs):
        return False
    nouns = [p for p in nlp.parse(nxt.text, "ru") if p.tag.POS == "NOUN"]
    if not nouns or any(p.normal_form in PLACE_NOUNS for p in nouns):
        return False

    def agree(a: Any, n: Any) -> bool:
        same = a.tag.case == n.tag.case and a.tag.number == n.tag.number
        return same and (a.tag.number == "plur" or a.tag.gender == n.tag.gender)

    return any(agree(a, n) for a in adjs for n in nouns)


def _dictionary_places(text: str, tokens: list[Tok], spans: list[Span]) -> list[Span]:
    """A capitalised word the dictionary knows only as a place («чемпионом Европы») is a place
    even where the tagger missed it — not at a sentence start, not inside another name."""
    taken = [False] * (len(text) + 1)
    for sp in spans:
        for k in range(sp.start, sp.end):
            taken[k] = True
    out = list(spans)
    for n, tok in enumerate(tokens):
        w = tok.text
        if taken[tok.start] or len(w) < 3 or not w[:1].isupper() or not w[1:].islower():
            continue
        if (
            not w.isalpha()
            or sentence_start(text, tok.start)
            or text[tok.start - 1 : tok.start] in '«"„“'
        ):
            continue  # (a name in quotes is a brand, a ship, a newspaper: «Таврия», «Колумбия»)
        if (
            n + 1 < len(tokens)
            and tokens[n + 1].text[:1].isupper()
            and tokens[n + 1].start == tok.end + 1
        ):
            continue  # part of a longer capitalised name the tagger did not call a place
        if n > 0 and tokens[n - 1].text[:1].isupper() and tokens[n - 1].end + 1 == tok.start:
            continue
        if _only_place(w):
            out.append(Span(tok.start, tok.end, "LOC"))
    return sorted(out, key=lambda sp: (sp.start, sp.end))


def _only_place(word: str) -> bool:
    parses = [p for p in nlp.parse(word, "ru") if nlp.from_dictionary(p)]
    return bool(parses) and all("Geox" in p.tag.grammemes for p in parses)


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def _split_office_holder(
    text: str, tokens: list[Tok], starts: dict[int, int], spans: list[Span], lang: str
) -> list[Span]:
    """«Президент України Володимир Зеленський»: the tagger sometimes takes the country an office
    belongs to («України»), or a capitalised title («Ксендз Вальдемар Цисло»), for the start of the
    holder's name. A person of three or more words whose first word the dictionary knows, never as
    a name, and whose second word is a first name loses that first word: it becomes a place if the
    dictionary knows it as one, an organisation if it is an acronym («МЗС»), and is left out if it
    is a person noun; any other first word keeps the span as it was."""
    out: list[Span] = []
    for sp in spans:
        i = starts.get(sp.start)
        if sp.type != "PER" or i is None or i + 2 >= len(tokens) or tokens[i + 2].end > sp.end:
            out.append(sp)
            continue
        first, second = tokens[i].text, tokens[i + 1].text
        kind = None
        if (
            first[:1].isupper()
            and first.isalpha()
            and text[tokens[i].end : tokens[i + 1].start] == " "
            and not _may_be_name(first, lang)
            and _is_first_name(second, lang)
        ):
            kind = _leading_word_kind(first, lang)
        if kind is None:
            out.append(sp)
            continue
        if kind != "person":
            out.append(Span(tokens[i].start, tokens[i].end, kind))
        out.append(Span(tokens[i + 1].start, sp.end, "PER"))
    return out


def _leading_word_kind(word: str, lang: str) -> str | None:
    """ "LOC", "ORG" or "person" (a person noun: a title, a descriptor) for the word a person span
    wrongly starts with; None when it is none of these."""
    if is_acronym(word):
        return "ORG"
    known = [p for p in nlp.parse(word, lang) if nlp.from_dictionary(p)]
    place = any("Geox" in p.tag.grammemes for p in known)
    if not place and lang == "uk":  # the Ukrainian dictionary has no place tags
        base = to_russian_letters(lemma(word, lang))
        place = _only_place(base[:1].upper() + base[1:]) or _only_place(base)
    if place:
        return "LOC"
    if any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes for p in known):
        return "person"
    return None


def _org_noun_as_person(
    text: str, tokens: list[Tok], starts: dict[int, int], span: Span, lang: str
) -> Span:
    """«засіданні Ради колективної безпеки»: one capitalised organisation noun (Рада, Совет,
    Комитет…) followed by more words that the tagger called a person is an organisation (whose
    genitive phrase `_extend_org_heads` then takes)."""
    i = starts.get(span.start)
    if span.type != "PER" or i is None or tokens[i].end != span.end or i + 1 >= len(tokens):
        return span
    nxt = tokens[i + 1]
    if not nxt.text.isalpha() or text[span.end : nxt.start] != " ":
        return span
    if _org_head(tokens[i].text, lang):
        return Span(span.start, span.end, "ORG")
    return span


def _org_head(word: str, lang: str) -> bool:
    """Whether some reading of `word` is an organisation noun (Рада, Совет, Комитет…): «Ради» is
    read first as the plural of «рад», then as «рада»."""
    if to_russian_letters(lemma(word, lang)) in ORG_HEADS:
        return True
    return any(to_russian_letters(p.normal_form) in ORG_HEADS for p in nlp.parse(word, lang))


def _may_be_name(word: str, lang: str) -> bool:
    """Whether the dictionary has `word` as a name, or does not have it at all (then it may be)."""
    parses = [p for p in nlp.parse(word, lang) if nlp.from_dictionary(p)]
    return not parses or any(p.tag.grammemes & _NAME_GRAMMEMES for p in parses)


def _is_first_name(word: str, lang: str) -> bool:
    """A first name by the dictionary: tagged Name, or (the Ukrainian dictionary leaves some names
    untagged, «Володимир») a capitalised animate noun."""
    return word[:1].isupper() and any(
        nlp.from_dictionary(p)
        and ("Name" in p.tag.grammemes or (p.tag.POS == "NOUN" and "anim" in p.tag.grammemes))
        for p in nlp.parse(word, lang)
    )


def _shouted_place(text: str, span: Span, lang: str) -> Span:
    """A place set in capitals (a dateline's «АЛМА-АТА, 10 января. /ТАСС/.») that the tagger, which
    reads capitals as an acronym, called an organisation: one word of four or more capitals that
    the dictionary knows only as a place, and never as an abbreviation."""
    surface = text[span.start : span.end]
    letters = [ch for ch in surface if ch.isalpha()]
    if span.type != "ORG" or len(letters) < 4 or " " in surface:
        return span
    if not all(ch.isupper() for ch in letters):
        return span
    parses = [p for p in nlp.parse(surface, lang) if nlp.from_dictionary(p)]
    if parses and all("Geox" in p.tag.grammemes and "Abbr" not in p.tag.grammemes for p in parses):
        return Span(span.start, span.end, "LOC")
    return span


def _relational_adjective(
    text: str, tokens: list[Tok], starts: dict[int, int], spans: list[Span]
) -> list[Span]:
    """«японского МИДа», «российского Минсельхоза», «московского «Центра»»: a lowercase adjective
    made from a place name (-ский/-цкий, not qualitative) agreeing with an organisation's name right
    after it is part of the name, as the Russian annotation has it. (Any relational adjective —
    «государственной», «международной» — scored lower on the dev sets: those are often not.)"""
    out: list[Span] = []
    for sp in spans:
        i = starts.get(sp.start)
        if sp.type == "ORG" and i:
            quoted = text[sp.start - 1 : sp.start] == "«" and text[sp.end : sp.end + 1] == "»"
            j = i - 1 - (1 if quoted and tokens[i - 1].text == "«" else 0)
            prev = tokens[j] if j >= 0 else None
            free = prev is not None and (not out or out[-1].end <= prev.start)
            gap = text[prev.end : sp.start] if prev is not None else ""
            if (
                free
                and prev is not None
                and gap in (" ", " «")
                and _relational(prev.text)
                and _agrees(prev.text, text[sp.start : sp.end].split()[0])
            ):
                end = sp.end + 1 if gap == " «" else sp.end
                sp = Span(prev.start, end, sp.type)
        out.append(sp)
    return out


_NOT_RELATIONAL = frozenset({"бывший", "нынешний", "будущий", "прежний", "свой", "весь"})


def _relational(word: str) -> bool:
    if not word.isalpha() or not word.islower():
        return False
    parses = nlp.parse(word, "ru")
    if not parses or parses[0].tag.POS != "ADJF":
        return False
    g = parses[0].tag.grammemes
    if g & {"Qual", "Apro", "Supr", "Anum"} or parses[0].normal_form in _NOT_RELATIONAL:
        return False
    return str(parses[0].normal_form).endswith(("ский", "цкий"))


def _agrees(adjective: str, head: str) -> bool:
    """The adjective can be in a case (and number) the first word of the name can be in."""
    heads = [p for p in nlp.parse(head, "ru") if p.tag.POS in ("NOUN", "ADJF")]
    if not heads or head.isupper():
        return True  # an acronym or a foreign word: nothing to check against
    adj = {(p.tag.case, p.tag.number) for p in nlp.parse(adjective, "ru") if p.tag.POS == "ADJF"}
    return any((p.tag.case, p.tag.number) in adj for p in heads)


def _merge_adjacent(text: str, spans: list[Span], lang: str) -> list[Span]:
    """Join «Великої» + «Британії» (an adjective span right before another span) into one."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end >= span.start:
            continue  # overlap: keep the first
        gap = text[out[-1].end : span.start] if out else ""
        if (
            out
            and gap == " "
            and (
                _ends_with_adjective(text, out[-1], lang)
                or (out[-1].type == span.type == "PER" and _first_name(text, out[-1], lang))
            )
        ):
            prev = out.pop()
            span = Span(prev.start, span.end, span.type)
        out.append(span)
    return out


def _extend_org_heads(
    text: str, tokens: list[Tok], starts: dict[int, int], spans: list[Span], lang: str
) -> list[Span]:
    """«Комітету» + «національної безпеки»: a lone organisation noun takes the genitive phrase
    after it (lowercase adjectives ending in a noun, all in the genitive), up to four words."""
    out: list[Span] = []
    taken = {sp.start for sp in spans}
    for n, sp in enumerate(spans):
        i = starts.get(sp.start)
        if sp.type != "ORG" or i is None or tokens[i].end != sp.end:
            out.append(sp)
            continue
        if not _org_head(tokens[i].text, lang) or tokens[i].text[:2].isupper():
            # An acronym is the whole name already: «МИД страны» is the МИД.
            out.append(sp)
            continue
        limit = spans[n + 1].start if n + 1 < len(spans) else len(text)
        end, j = sp.end, i + 1
        while (
            j < len(tokens)
            and j <= i + 4
            and tokens[j].end <= limit
            and tokens[j].start not in taken
        ):
            word = tokens[j].text
            if (
                not word.isalpha()
                or not word.islower()
                or text[tokens[j - 1].end : tokens[j].start] != " "
            ):
                break
            if token_kind(word, lang) == "function":
                break  # «МИДа в Казахстане»: «в» is a preposition, not an abbreviated noun
            parses = nlp.parse(word, lang)
            gent = [
                p
                for p in parses
                if p.tag.case == "gent"
                and p.tag.POS in ("ADJF", "NOUN")
                and not {"Abbr", "Fixd"} & p.tag.grammemes
            ]
            if not gent:
                break
            if any(p.tag.POS == "NOUN" for p in gent):
                end = tokens[j].end
            j += 1
        out.append(Span(sp.start, end, sp.type))
    return out


_QUOTED = re.compile(r"«([^«»\n]{2,60})»")


def _quoted_names(text: str, spans: list[Span]) -> list[Span]:
    """«Голоса Америки», «Новой газеты»: a short capitalised name in quotes with a place or person
    inside is an organisation (a newspaper, a channel, a company) — the whole quoted name."""
    out = list(spans)
    for m in _QUOTED.finditer(text):
        start, end = m.span(1)
        words = m.group(1).split()
        if not 2 <= len(words) <= 4 or not words[0][:1].isupper():
            continue
        inside = [sp for sp in out if start <= sp.start and sp.end <= end]
        crossing = [sp for sp in out if sp.start < end and sp.end > start and sp not in inside]
        if not inside or crossing or any(sp.start == start and sp.end == end for sp in inside):
            continue
        if any(sp.type == "ORG" for sp in inside) and len(inside) == 1:
            continue
        out = [sp for sp in out if sp not in inside] + [Span(start, end, "ORG")]
    return sorted(out, key=lambda sp: (sp.start, sp.end))


# Nouns that introduce an organisation's name in quotes: «компанией «Алтек»», «концерн «Фольксваген»».
_ORG_DESCRIPTOR_WORDS = """компания компанія концерн холдинг корпорация корпорація фирма фірма ооо оао зао ао пао тов
    пат ват зат группа група банк фонд партия партія движение рух агентство газета журнал издание
    видання телеканал радиостанция радіостанція клуб институт інститут университет університет
    завод комбинат комбінат театр организация організація объединение об'єднання союз спілка
    ассоциация асоціація общество товариство"""  # fmt: skip
_ORG_DESCRIPTORS = frozenset(to_russian_letters(w) for w in _ORG_DESCRIPTOR_WORDS.split())
_DESCRIBED = re.compile(r"(?<![\w-])([А-ЯЁІЇЄҐA-Zа-яёіїєґa-z']+)\s+«([^«»\n]{2,40})»")


def described_quote(text: str, span: Span, lang: str) -> bool:
    """The span is a name in «» right after an organisation noun («компанией «Алтек»»): such a
    name stands in the nominative whatever the noun's case, so it is its own base form."""
    if text[span.start - 1 : span.start] != "«" or text[span.end : span.end + 1] != "»":
        return False
    m = re.search(r"([^\W\d_][\w'’]*)\s+$", text[max(0, span.start - 41) : span.start - 1])
    if not m:
        return False
    word = m.group(1)
    return (
        to_russian_letters(word.lower()) in _ORG_DESCRIPTORS
        or to_russian_letters(lemma(word, lang)) in _ORG_DESCRIPTORS
    )


def _described_quoted_names(text: str, spans: list[Span], lang: str) -> list[Span]:
    """«компанией «Алтек»», «ООО «Алтек»», «концерн «Фольксваген»»: a capitalised name in quotes
    right after a noun that introduces an organisation is an organisation (the quoted name)."""
    out = list(spans)
    for m in _DESCRIBED.finditer(text):
        name = m.group(2)
        if not name[:1].isupper() and not name[:1].isdigit():
            continue
        word = m.group(1)
        if word.lower() not in _ORG_DESCRIPTORS and to_russian_letters(lemma(word, lang)) not in {
            to_russian_letters(w) for w in _ORG_DESCRIPTORS
        }:
            continue
        start, end = m.span(2)
        if any(sp.start < end and sp.end > start for sp in out):
            inside = [sp for sp in out if sp.start < end and sp.end > start]
            if any(sp.start < start or sp.end > end for sp in inside):
                continue  # a longer name that covers the quotes
            out = [sp for sp in out if sp not in inside]
        out.append(Span(start, end, "ORG"))
    return sorted(out, key=lambda sp: (sp.start, sp.end))


def _org_by_head(text: str, span: Span, lang: str) -> Span:
    """A multi-word «place» whose head is an organisation noun is an organisation
    («Європейського Союзу», «Європейської Ради»); the Soviet Union stays a place."""
    words = text[span.start : span.end].split()
    if span.type != "LOC" or len(words) < 2:
        return span
    lemmas = [to_russian_letters(lemma(w, lang)) for w in words]
    if lemmas[0] in ("советский", "радянський", "радянськии"):
        return span
    if any(lem in ORG_HEADS for lem in lemmas):
        return Span(span.start, span.end, "ORG")
    return span


def _org_of_place(text: str, spans: list[Span]) -> list[Span]:
    """Ukrainian: «Мінфін Британії», «Рада ЄС» — an organisation and the place (or union) it belongs
    to are one name; the Ukrainian gold annotation keeps them together (factRuEval, the Russian one,
    does not, so this is not done for Russian)."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "ORG" and text[prev.end : sp.start] == " ":
            org_words = len(text[prev.start : prev.end].split())
            place = (
                sp.type == "LOC" and org_words <= 3 and len(text[sp.start : sp.end].split()) <= 2
            )
            union = sp.type == "ORG" and org_words == 1 and _is_acronym_text(text, sp)
            if place or union:
                out[-1] = Span(prev.start, sp.end, "ORG")
                continue
        out.append(sp)
    return out


def _is_acronym_text(text: str, span: Span) -> bool:
    surface = text[span.start : span.end]
    return 2 <= len(surface) <= 6 and surface.isupper() and surface.isalpha()


def _capitalised(text: str, span: Span) -> bool:
    """A name has a capital somewhere («посад» left over from «З посад» is not one)."""
    return any(ch.isupper() for ch in text[span.start : span.end])


def _whole_words(text: str, span: Span) -> bool:
    """False for a span that starts or ends inside a word («єр» of «Прем'єр») or is a domain zone
    («в зоне .РФ»)."""
    before = text[span.start - 1] if span.start > 0 else " "
    after = text[span.end] if span.end < len(text) else " "
    if before == "." and (span.start < 2 or text[span.start - 2].isspace()):
        return False
    return not (before.isalnum() or before in "'’ʼ" or after.isalnum())


def propagate(text: str, tokens: list[Tok], spans: list[Span]) -> list[Span]:
    """Tag untagged repeats of a name seen tagged elsewhere in the same text.

    The tagger decides mention by mention and misses some repeats («Мей» tagged in one sentence,
    not in the next). A surface that is tagged somewhere with one type only is tagged everywhere
    it occurs as whole tokens, capitalised, outside other spans; a person's surname (the last word
    of a two- or three-word name) counts as such a surface too.
    """
    types: dict[str, set[str]] = {}
    # Note: a surface tagged with two different types is ambiguous and never propagated.
    for sp in spans:
        surface = text[sp.start : sp.end]
        types.setdefault(surface, set()).add(sp.type)
        words = surface.split()
        if sp.type == "PER" and 2 <= len(words) <= 3 and "." not in surface:
            types.setdefault(words[-1], set()).add("PER")
    # Organisations are left alone: a Latin word the tagger once called an organisation («Brexit»)
    # is more often an event or a common word.
    known = {
        s: t
        for s, (t,) in ((s, tuple(t)) for s, t in types.items() if len(t) == 1)
        if t in ("PER", "LOC") and _propagatable(s)
    }
    if not known:
        return spans
    taken = [False] * (len(text) + 1)
    for sp in spans:
        for k in range(sp.start, sp.end):
            taken[k] = True
    out = list(spans)
    for tok in tokens:
        type_ = known.get(tok.text)
        if type_ and not taken[tok.start] and not taken[tok.end - 1]:
            out.append(Span(tok.start, tok.end, type_))
    return sorted(out, key=lambda s: (s.start, s.end))


def _propagatable(surface: str) -> bool:
    return (
        len(surface) >= 3
        and " " not in surface
        and surface[:1].isupper()
        and all(ch.isalpha() or ch in "-'’" for ch in surface)
    )


def _extend_left(
    text: str, tokens: list[Tok], starts: dict[int, int], spans: list[Span], lang: str
) -> list[Span]:
    """Take in a capitalised adjective right before a place: «Велика» + «Британія»."""
    out: list[Span] = []
    for sp in spans:
        i = starts.get(sp.start)
        if sp.type == "LOC" and i:
            prev = tokens[i - 1]
            free = not out or out[-1].end <= prev.start
            if free and text[prev.end : sp.start] == " " and _is_adjective(prev.text, lang):
                sp = Span(prev.start, sp.end, sp.type)
        out.append(sp)
    return out


def _is_adjective(word: str, lang: str) -> bool:
    if not word[:1].isupper() or len(word) < 3:
        return False
    parses = nlp.parse(word, lang)
    return bool(parses) and all(p.tag.POS == "ADJF" for p in parses[:2])


# Nouns after a name that make it a place: «Бостандыкского района», «Жамбилській області» (also
# the noun coordinated places share, `tui.facts.entities`): the profiles' `place_nouns.txt`.
PLACE_NOUNS = words_of("place_nouns.txt", "ru", "uk")
CONJUNCTIONS = frozenset({"и", "та", "і", "й", "или", "або", ","})


def _places_by_descriptor(
    text: str, tokens: list[Tok], starts: dict[int, int], spans: list[Span], lang: str
) -> list[Span]:
    """A «person» right before «района»/«області» (or joined by «и»/«та» to one that is) is a place."""
    ends = {t.end: i for i, t in enumerate(tokens)}
    out = list(spans)
    next_is_place = False
    for k in range(len(out) - 1, -1, -1):
        sp = out[k]
        i = ends.get(sp.end)
        nxt = tokens[i + 1] if i is not None and i + 1 < len(tokens) else None
        place = False
        if nxt is not None:
            word = to_russian_letters(nxt.text.lower())
            place = word[:1].isalpha() and (
                to_russian_letters(lemma(nxt.text, lang)) in PLACE_NOUNS
                or (next_is_place and word in CONJUNCTIONS)
            )
        if sp.type == "PER" and place:
            out[k] = sp = Span(sp.start, sp.end, "LOC")
        next_is_place = place or (sp.type == "LOC" and next_is_place)
    return out


def _first_name(text: str, span: Span, lang: str) -> bool:
    """A one-word span the dictionary knows as a first name («Тереза» + «Мей» is one person)."""
    surface = text[span.start : span.end]
    if " " in surface:
        return False
    return any("Name" in p.tag.grammemes for p in nlp.parse(surface, lang))


def _ends_with_adjective(text: str, span: Span, lang: str) -> bool:
    last = text[span.start : span.end].split()[-1]
    if not last[:1].isupper():
        return False
    parses = nlp.parse(last, lang)
    return bool(parses) and all(p.tag.POS in {"ADJF"} for p in parses[:2])


def _retype_org(text: str, span: Span, lang: str) -> Span:
    """A company or office the tagger typed a place or a person («Укрзалізниці», «Сумської
    ОВА») is an organisation; a lone country it typed an organisation («України») is a place."""
    written = text[span.start : span.end]
    if span.type != "ORG" and (
        written.rsplit(None, 1)[-1] in _org_initials()
        or (" " not in written and written.lower().startswith(_ORG_STEMS))
    ):
        return Span(span.start, span.end, "ORG")
    if (
        span.type == "ORG"
        and " " not in written
        and written.isalpha()
        and not written.isupper()
        and is_geo(to_russian_letters(lemma(written, lang)))
    ):
        return Span(span.start, span.end, "LOC")
    return span


def _retype_known(text: str, span: Span) -> Span:
    written = text[span.start : span.end]
    surface = to_russian_letters(written).lower().replace("ё", "е")
    if span.type == "LOC" and (surface in _ALWAYS_ORG or _lemma_phrase(surface) in _ALWAYS_ORG):
        return Span(span.start, span.end, "ORG")
    return span


def _lemma_phrase(surface: str) -> str:
    return " ".join(nlp.parse(w, "ru")[0].normal_form for w in surface.split())
