"""Base forms of entity mentions: «Токаеву» → «Токаев», «Жаната Сулейменова» → «Жанат Сулейменов»,
«Европейского союза» → «Европейский союз», «Жамбилській областях» → «Жамбилська область».

- People (`_person_forms`): in Russian, natasha's morphology tagger gives the case and gender from
  context; in Ukrainian the two dictionaries agree on them (`_agree`: the reading most words of the
  name allow, ties to the masculine and to an oblique case). Words the dictionary knows as names are
  inflected by pymorphy3; surnames no dictionary declines lose their case ending (`_undo_case`:
  «Рааба» → «Рааб», «Скрипаля» → «Скрипаль»); indeclinable names stay («Биби», «Трюдо»).
- Places and organisations (`_phrase_forms`): leading adjectives and the head noun go to the
  nominative and agree in gender and number; words after the head stay as written.
- Acronyms keep their letters and lose a case ending («МИДа» → «МИД»).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tui.facts import keys, nlp
from tui.facts.names import is_known_place, place_names
from tui.facts.spans import ORG_HEADS, Tok
from tui.facts.ukrainian import to_russian_letters

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def normalize(
    toks: list[Tok], type_: str, lang: str, feats: dict[int, tuple[str | None, dict[str, str]]]
) -> str:
    """The base form of a span: nominative name; head phrase of a place or organisation."""
    words = [t for t in toks if any(ch.isalnum() for ch in t.text)]
    if not words:
        return "".join(t.text for t in toks)
    if type_ == "ORG" and len(words) == 2 and words[1].text in _ADMINISTRATIONS:
        # «Одеської ОВА» → «Одеська ОВА»: the region adjective agrees with «адміністрація»
        adjective = next((p for p in nlp.parse(words[0].text, lang) if p.tag.POS == "ADJF"), None)
        form = adjective and _inflect_to(adjective, {"nomn", "femn", "sing"})
        if form is not None:
            return _join(toks, words, [_transfer(words[0].text, form.word), words[1].text])
    if type_ == "LOC" and len(words) == 1:
        place = _known_place_form(words[0].text, lang)
        if place is not None:
            return _join(toks, words, [place])
    out = _person_forms(words, lang, feats) if type_ == "PER" else _phrase_forms(words, lang)
    if type_ != "ORG":
        out = _unshout(words, out, lang)
    return _join(toks, words, out)


def _unshout(words: list[Tok], forms: list[str], lang: str) -> list[str]:
    """A name or place written in capitals (a dateline's «АЛМА-АТА, 10 января», a headline set in
    capitals) in ordinary case: «Алма-Ата». Acronyms stay: words the dictionary marks as
    abbreviations («США», «ЕАЭС») and short or unknown ones («КНБ»)."""
    out = list(forms)
    for k, (tok, form) in enumerate(zip(words, forms, strict=True)):
        letters = [ch for ch in tok.text if ch.isalpha()]
        if len(letters) < 4 or not all(ch.isupper() for ch in letters):
            continue
        parses = nlp.parse(tok.text, lang)
        if not any(nlp.from_dictionary(p) for p in parses) or any(
            p.tag.POS is None or "Abbr" in p.tag.grammemes for p in parses
        ):
            continue  # an acronym, or a word the dictionary does not know («СУАР»)
        out[k] = "-".join(part[:1].upper() + part[1:].lower() for part in form.split("-"))
    return out


_MODIFIERS = {"ADJF", "PRTF"}
_ADMINISTRATIONS = frozenset({"ОВА", "ОДА", "РДА", "ВЦА", "МВА", "РВА", "ОГА", "РГА", "ВГА"})


def _known_place_form(word: str, lang: str) -> str | None:
    """The base form of a one-word place, when one reading of it is a place the gazetteer or the
    dictionary knows: «Луцька» → «Луцьк» (not the adjective «луцький»), «Мараші» → «Мараш» (not a
    guessed «Мараша»). None when no reading is a known place, or the word is already one."""
    if not word[:1].isupper() or keys.is_acronym(word) or not word.replace("-", "").isalpha():
        return None
    low = word.lower()
    own = place_names(lang)
    parses = nlp.parse(low, lang)
    if low in own or is_known_place(low):
        return None  # already the base form («Бровари», «Алматы»)
    nouns = [p.normal_form for p in parses if p.tag.POS == "NOUN"]
    for normal in nouns:  # a name of this language's gazetteer («Луцька» → «Луцьк»)
        if normal != low and normal in own:
            return _transfer(word, normal)
    if not any(nlp.from_dictionary(p) for p in parses):
        for normal in nouns:  # a guess: the reading that is a known place («Мараші» → «Мараш»)
            if normal != low and is_known_place(normal):
                return _transfer(word, normal)
    return None


def _phrase_forms(words: list[Tok], lang: str) -> list[str]:
    """Nominative of a place or organisation: the leading adjectives and the head noun agree in
    the nominative («Европейского союза» → «Европейский союз», «Жамбилській областях» →
    «Жамбилська область»); the words after the head stay as written («Организация Договора ...»)."""
    texts = [t.text for t in words]
    out = [_ACRONYM_CASE.sub(r"\1", w) for w in texts]
    if any(keys.is_acronym(w) or not w[:1].isalpha() for w in texts[:1]):
        return out
    all_parses = [_common_parses(w, lang) for w in texts]
    i = 0
    while i < len(words) and any(p.tag.POS in _MODIFIERS for p in all_parses[i]):
        # A noun reading only guessed from the ending does not make a head: «Мангистауской»
        # (of «Мангистауской и Актюбинской областях») is an adjective, not a noun «Мангистауска».
        known_noun = any(p.tag.POS == "NOUN" and nlp.from_dictionary(p) for p in all_parses[i])
        singular_adjective = any(
            p.tag.POS in _MODIFIERS and "plur" not in p.tag.grammemes for p in all_parses[i]
        )
        if not known_noun and (
            any(nlp.from_dictionary(p) for p in all_parses[i]) or not singular_adjective
        ):
            known_noun = any(p.tag.POS == "NOUN" for p in all_parses[i])
        if not known_noun or i + 1 < len(words):
            i += 1
        else:
            break
    if i >= len(words):
        # Adjectives only («Жамбылской» of «Жамбылской и Алматинской областях»): each to the nominative.
        for k, ps in enumerate(all_parses):
            p = next((q for q in ps if q.tag.POS in _MODIFIERS), None)
            form = p and _inflect_to(p, {"nomn", p.tag.gender or "", p.tag.number or ""})
            if form is not None:
                out[k] = _transfer(texts[k], form.word)
        return out
    if not any(p.tag.POS == "NOUN" for p in all_parses[i]):
        return out
    head = [p for p in all_parses[i] if p.tag.POS == "NOUN"]
    # An organisation noun read first as something else («Ради»: the plural of «рад», or «рада»).
    org_head = [p for p in head if to_russian_letters(p.normal_form) in ORG_HEADS]
    head = org_head or head
    mods = [[p for p in ps if p.tag.POS in _MODIFIERS] for ps in all_parses[:i]]
    # The case (and number) every word of the phrase can be in; the head's best parse among them.
    shared = {p.tag.case for p in head}
    for mod_parses in mods:
        shared &= {p.tag.case for p in mod_parses}
    in_shared = [p for p in head if p.tag.case in shared] or head
    head_parse = next(
        (p for p in in_shared if p.tag.case == "nomn" and p.tag.number != "plur"), in_shared[0]
    )
    case = head_parse.tag.case
    # (the Ukrainian dictionary leaves the singular unmarked)
    mods_sing = all(
        any(p.tag.case == case and p.tag.number != "plur" for p in mod_parses)
        for mod_parses in mods
    )
    number = "sing" if mods and mods_sing else head_parse.tag.number
    if (
        "Fixd" in head_parse.tag.grammemes
        or (case == "nomn" and number == head_parse.tag.number)
        or keys.is_acronym(out[i])
    ):
        head_form = head_parse  # («японского МИДа» → «японский МИД»: the acronym stays as written)
    else:
        wanted = {"nomn"} | (
            {number} if number and "Pltm" not in head_parse.tag.grammemes else set()
        )
        inflected = _inflect_to(head_parse, wanted)
        if (
            inflected is not None
            and inflected.tag.number == "plur"
            and head_parse.tag.number != "plur"
            and "plur" not in wanted
        ):
            inflected = None  # a singular (unmarked in Ukrainian) must not become a plural
        head_form = inflected or head_parse
        if inflected is None and _guessed_noun_form(head_parse, number):
            # A place the dictionary lacks, guessed from its ending («Нур-Султані», «Жанаозені»):
            # the guess cannot be inflected, but its base form is the nominative singular.
            out[i] = _transfer(texts[i], head_parse.normal_form)
        else:
            out[i] = _transfer(texts[i], head_form.word)
    gender = head_form.tag.gender
    for k, mod_parses in enumerate(mods):
        p = next(
            (q for q in mod_parses if q.tag.case == case and q.tag.number in (number, None)), None
        )
        p = p or (mod_parses[0] if mod_parses else None)
        if p is None:
            continue
        wanted = {"nomn", number or ""}
        if number != "plur" and gender:
            wanted.add(gender)
        form = _inflect_to(p, wanted)
        if form is not None:
            out[k] = _transfer(texts[k], form.word)
    return out


def _inflect_to(parse: Any, wanted: set[str]) -> Any:
    """`parse.inflect(wanted)`, dropping number, then gender, when the dictionary has no such form
    (the Ukrainian dictionary marks no singular, so {"nomn", "sing"} alone would fail there)."""
    wanted = {str(w) for w in wanted if w}
    if "sing" in wanted and parse.inflect(wanted) is None:
        # The Ukrainian dictionary marks no singular: take the form with the rest that is not plural.
        rest = wanted - {"sing"}
        for form in parse.lexeme:
            g = form.tag.grammemes
            if rest <= g and "plur" not in g:
                return form
    attempts = [wanted, wanted - {"sing"}, wanted - {"sing", "plur"}]
    attempts.append({w for w in wanted if w in ("nomn", "sing", "plur")})
    attempts.append({"nomn"})
    for grams in attempts:
        try:
            form = parse.inflect(grams)
        except ValueError:
            form = None
        if form is not None:
            return form
    return None


@lru_cache(maxsize=65536)
def _common_parses(word: str, lang: str) -> tuple[Any, ...]:
    """Parses usable for a place or organisation: nouns and adjectives, not personal names."""
    parses = [p for p in nlp.parse(word, lang) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    plain = [p for p in parses if not p.tag.grammemes & _NAME_TAGS]
    return tuple(plain or parses)


def _join(toks: list[Tok], words: list[Tok], forms: list[str]) -> str:
    """Rebuild the span text with the new word forms, keeping the original spacing and dots."""
    replaced = {t.start: f for t, f in zip(words, forms, strict=True)}
    parts: list[str] = []
    prev: Tok | None = None
    for t in toks:
        if prev is not None and prev.end < t.start:
            parts.append(" ")
        parts.append(replaced.get(t.start, t.text))
        prev = t
    return "".join(parts)


def _span_gender(
    words: list[Tok], feats: dict[int, tuple[str | None, dict[str, str]]]
) -> str | None:
    for t in words:
        f = feats.get(t.start)
        if f and "Gender" in f[1]:
            return _GENDERS.get(f[1]["Gender"])
    return None


_ACRONYM_CASE = re.compile(r"^([A-ZА-ЯЁІЇЄҐ]{2,})([а-яёіїєґ]{1,2})$")
# Russian and Ukrainian surnames in -ов/-ев/-ин with a case ending, for names no dictionary knows.
# Only endings that are never nominative: «Токаевым», «Токаеву», «Токаєві».
_SURNAME_CASE = re.compile(r"^(.+(?:ов|ев|ёв|єв|ин|ын|ін|їн))(ым|им|ому|у|ові|еві|і|е)$")


def _person_forms(
    words: list[Tok], lang: str, feats: dict[int, tuple[str | None, dict[str, str]]]
) -> list[str]:
    """Nominative forms of a person's words.

    The first word the dictionary knows as a first name or patronymic fixes the case and gender of
    the whole name; each word is then put in the nominative by the dictionary (Russian-style
    surnames in -ов/-ин/-ский, first names) or, for surnames no dictionary declines, by undoing the
    case ending («Доминика Рааба» → «Доминик Рааб», «Сергея Скрипаля» → «Сергей Скрипаль»);
    indeclinable names stay as written («Асия Биби», «Трюдо»).
    """
    gender = _span_gender(words, feats)
    first = feats.get(words[0].start)
    feat_case = _CASES.get(first[1].get("Case", "")) if first else None
    if lang == "uk":
        # The Russian tagger's case and gender on Ukrainian text are guesses: use the dictionaries.
        case, gender = _agree([t.text for t in words], lang)
        out = [_person_word(t.text, lang, case, gender) for t in words]
        if len(words) >= 2 and _masculine_first_name(words[0].text, lang, case):
            noun = _a_noun_surname(words[-1].text, lang, case)
            out[-1] = noun or out[-1]
        return out
    span_case, span_gender = feat_case, gender
    for t in words:
        found = _name_parse(t.text, lang, feat_case, gender, frozenset({"Name", "Patr"}))
        if found is not None:
            g = found.tag.grammemes
            span_case = found.tag.case or span_case
            span_gender = "femn" if "femn" in g else ("masc" if "masc" in g else span_gender)
            break
    return [_person_word(t.text, lang, span_case, span_gender) for t in words]


def _agree(words: list[str], lang: str) -> tuple[str | None, str]:
    """The case and gender in which the dictionaries can read most words of a name.

    Parses of the whole word from a dictionary count 1, guesses from a known ending ½; ties go to
    the masculine («Жаната Сулейменова»: his genitive or her nominative — news mostly means him),
    then to an oblique case (a name the dictionary declines is rarely written undeclined).
    """
    readings: list[list[tuple[str | None, set[str], float]]] = []
    for w in words:
        parses = list(nlp.parse(w, lang)) + list(nlp.parse(to_russian_letters(w), "ru"))
        found = []
        for p in parses:
            g = p.tag.grammemes
            if not g & _NAME_TAGS or "plur" in g or "Abbr" in g:
                continue
            weight = 1.0 if nlp.from_dictionary(p) else 0.5
            if weight == 1.0 and g & {"Name", "Patr"}:
                weight = 1.5  # a first name shows the case best («Денис Половинка»: nominative)
            case = None if "Fixd" in g else p.tag.case
            found.append(
                (case, {x for x in ("masc", "femn") if x in g} or {"masc", "femn"}, weight)
            )
        readings.append(found)
    combos = {(c, gen) for found in readings for c, gens, _ in found for gen in gens if c}
    if not combos:
        return None, "masc"  # a bare surname: «Токаєва» is more often his genitive than her name

    def score(combo: tuple[str, str]) -> tuple[float, int, int]:
        case, gen = combo
        total = 0.0
        for found in readings:
            fits = [w for c, gens, w in found if (c is None or c == case) and gen in gens]
            total += max(fits, default=0.0)
        return total, gen == "masc", case != "nomn"

    case, gen = max(sorted(combos), key=score)
    return case, gen


@lru_cache(maxsize=65536)
def _person_word(word: str, lang: str, case: str | None, gender: str | None) -> str:
    m = _ACRONYM_CASE.match(word)
    if m:
        return m.group(1)
    if len(word) <= 1 or keys.is_acronym(word):
        return word
    parts = word.split("-")
    if len(parts) > 1 and all(len(x) > 1 and x[:1].isupper() and x.isalpha() for x in parts):
        # «Касым-Жомарта» → «Касым-Жомарт»: each part of a double name declines on its own.
        return "-".join(_person_word(x, lang, case, gender) for x in parts)
    p = _name_parse(word, lang, case, gender, _NAME_TAGS)
    # Trust a parse in the name's case; or any parse when the word cannot be a nominative at all
    # («Токаєву» is dative whatever the tagger read from the context).
    usable = p is not None and "Fixd" not in p.tag.grammemes and p.tag.case != "nomn"
    if usable and (p.tag.case == case or not _maybe_nominative(word, lang, gender)):
        wanted = {"nomn", "sing"}
        if "Surn" in p.tag.grammemes and gender in ("masc", "femn"):
            wanted.add(gender)
        inflected = _inflect_to(p, wanted)
        if inflected is not None:
            form = _transfer(word, inflected.word)
            if "Surn" not in p.tag.grammemes or _slavic_surname(form):
                return form
    if case == "nomn":
        return _surname_fallback(word, True, gender)
    form = _undo_case(word, case, gender)
    return form if form != word else _surname_fallback(word, True, gender)


def _masculine_first_name(word: str, lang: str, case: str | None) -> bool:
    """`word` is a man's first name in the dictionary, in `case`."""
    return any(
        {"Name", "masc"} <= p.tag.grammemes and p.tag.case == case and nlp.from_dictionary(p)
        for p in nlp.parse(word, lang)
    )


def _a_noun_surname(word: str, lang: str, case: str | None) -> str | None:
    """«Денису Половинці» → «Половинка», «Петра Сороки» → «Сорока»: a surname that is a common
    noun in -а/-я declines as that noun, for a man as for a woman; its nominative is the noun's."""
    if not case or case == "nomn":
        return None
    for p in nlp.parse(word, lang):
        g = p.tag.grammemes
        if (
            p.tag.POS == "NOUN"
            and nlp.from_dictionary(p)
            and p.tag.case == case
            and "femn" in g
            and "plur" not in g
            and p.normal_form.endswith(("а", "я"))
        ):
            return _transfer(word, p.normal_form)
    return None


def _guessed_noun_form(parse: Any, number: str | None) -> bool:
    """A guessed (not dictionary) singular noun in an oblique case, whose base form is therefore
    its nominative."""
    return (
        not nlp.from_dictionary(parse)
        and parse.tag.POS == "NOUN"
        and parse.tag.case in ("gent", "datv", "accs", "ablt", "loct")
        and number != "plur"
        and "Pltm" not in parse.tag.grammemes
        and bool(parse.normal_form)
    )


def _maybe_nominative(word: str, lang: str, gender: str | None) -> bool:
    """Could `word` be a nominative (of a name of this gender)?"""
    parses = list(nlp.parse(word, lang))
    if lang == "uk":
        parses += list(nlp.parse(to_russian_letters(word), "ru"))
    other = {"masc": "femn", "femn": "masc"}.get(gender or "")
    # A common noun in the nominative is a man's surname as well as a woman's («Денис Половинка»).
    return not parses or any(
        p.tag.case == "nomn"
        and (
            not (other and other in p.tag.grammemes and gender not in p.tag.grammemes)
            or (p.tag.POS == "NOUN" and not p.tag.grammemes & _NAME_TAGS and nlp.from_dictionary(p))
        )
        for p in parses
    )


def _slavic_surname(form: str) -> bool:
    return form.lower().endswith(
        (
            "ов",
            "ев",
            "ёв",
            "єв",
            "ин",
            "ын",
            "ін",
            "ий",
            "ой",
            "ова",
            "ева",
            "ина",
            "ая",
            "ко",
            "ка",
        )
    ) and not form.lower().endswith(("иа",))


def _name_parse(
    word: str, lang: str, case: str | None, gender: str | None, tags: frozenset[str]
) -> Any:
    """The most fitting dictionary parse of `word` carrying one of `tags`, or None."""
    candidates = list(nlp.parse(word, lang))
    if lang == "uk":
        # The Russian dictionary knows more Central Asian names («Жаната» → «Жанат»).
        candidates += list(nlp.parse(to_russian_letters(word), "ru"))
    best, best_score = None, -99.0
    for p in candidates:
        g = p.tag.grammemes
        if not g & tags or "Abbr" in g or not nlp.from_dictionary(p):
            continue
        score = p.score + (2 if case and case in g else 0)
        if gender in ("masc", "femn") and ({"masc", "femn"} - {gender}) & g and gender not in g:
            # «Асия» is not the masculine «Асий» in another case. The tagger's gender is only
            # trusted on Russian: on Ukrainian text it is a guess, the dictionary knows better.
            if lang == "ru":
                continue
            score -= 3
        score += 1 if gender and gender in g else 0
        if "plur" in g:
            continue  # a person is one person
        if score > best_score:
            best, best_score = p, score
    return best


def _transfer(word: str, form: str) -> str:
    """`form` spelled like `word`: original letters kept up to where they differ, case restored."""
    form = form.replace("ё", "е") if "ё" not in word.lower() else form
    source = to_russian_letters(word).lower()
    k = 0
    while k < min(len(source), len(form)) and source[k] == form[k].replace("ё", "е"):
        k += 1
    return _restore_case(word, word[:k].lower() + form[k:])


# Case endings of surnames no dictionary knows, by case, for men: (ending, replacement).
_MASC_ENDINGS = {
    "gent": (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("я", "ь"), ("а", "")),
    "accs": (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("я", "ь"), ("а", "")),
    "datv": (
        ("ову", "ов"),
        ("еву", "ев"),
        ("ину", "ин"),
        ("ю", "ь"),
        ("у", ""),
        ("ові", ""),
        ("еві", ""),
    ),
    "ablt": (
        ("овым", "ов"),
        ("евым", "ев"),
        ("иным", "ин"),
        ("овим", "ов"),
        ("ем", "ь"),
        ("ом", ""),
    ),
    "loct": (("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ові", "ов"), ("е", "")),
}
_FEMN_ENDINGS = (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ової", "ова"), ("евої", "ева"),
                 ("ою", "а"), ("ой", "а"), ("ій", "а"))  # fmt: skip
_CONSONANT = set("бвгджзйклмнпрстфхцчшщ")


def _undo_case(word: str, case: str | None, gender: str | None) -> str:
    """Best guess at the nominative of a surname no dictionary knows, given the name's case."""
    if not case or case == "nomn" or len(word) < 4 or "-" in word:
        return _surname_fallback(word, True, gender)
    lower = word.lower()
    if gender == "femn":
        for end, repl in _FEMN_ENDINGS:
            if lower.endswith(end) and len(lower) > len(end) + 2 and case != "accs":
                return word[: len(word) - len(end)] + repl
        return word
    for end, repl in _ADJECTIVE_SURNAME.get(case, ()):
        # «Зеленским» → «Зеленский», «Вигівського» → «Вигівський»: a surname that declines as an adjective
        if lower.endswith(end) and len(lower) > len(end) + 2:
            return word[: len(word) - len(end)] + repl
    for end, repl in _MASC_ENDINGS.get(case, ()):
        if lower.endswith(end) and len(lower) > len(end) + 2:
            stem = lower[: len(lower) - len(end)]
            if repl in ("", "ь") and stem[-1] not in _CONSONANT:
                continue
            if repl == "ь" and stem[-1] in "жшчщц":
                repl = ""  # «Кривошем» → «Кривош», not «Кривошь»
            return word[: len(word) - len(end)] + repl
    return word


_ADJECTIVE_SURNAME = {
    case: tuple(
        (stem + end, stem + nom) for stem in ("ск", "цк", "ськ", "цьк") for end, nom in ends
    )
    for case, ends in {
        "gent": (("ого", "ий"),),
        "accs": (("ого", "ий"),),
        "datv": (("ому", "ий"),),
        "ablt": (("им", "ий"),),
        "loct": (("ом", "ий"), ("ому", "ий")),
    }.items()
}


def _surname_fallback(word: str, name: bool, gender: str | None) -> str:
    if not name or gender == "femn":
        return word
    m = _SURNAME_CASE.match(word)
    return m.group(1) if m else word


def _restore_case(original: str, form: str) -> str:
    """Capitals as in the original: all caps, or a capital for each part that had one."""
    if original.isupper() and len(original) > 1:
        return form.upper()
    parts, orig_parts = form.split("-"), original.split("-")
    if len(parts) == len(orig_parts):
        return "-".join(
            p[:1].upper() + p[1:] if o[:1].isupper() else p
            for p, o in zip(parts, orig_parts, strict=True)
        )
    return form[:1].upper() + form[1:] if original[:1].isupper() else form
