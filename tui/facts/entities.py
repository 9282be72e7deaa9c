"""Named entities (PER/ORG/LOC) with base forms and cross-language keys.

`find_entities(text, lang)` runs slovnet (through `spans.tag`), cleans the spans (`spans.refine`),
puts each entity in its base form and gives it a key (`keys`):

- base form: natasha's morphology tagger reads case and gender from context (only for the
  sentences that hold an entity); pymorphy3 — the Ukrainian dictionary for Ukrainian — then puts
  the name into the nominative: «Токаеву» → «Токаев», «Жаната Сулейменова» → «Жанат Сулейменов»,
  «Великої Британії» → «Велика Британія», «Организации Договора о коллективной безопасности» →
  «Организация Договора о коллективной безопасности» (words after the head noun stay as written).
- key: see `keys`; inside one article a first name alone or a bare surname takes the key of the
  full name it belongs to, and an expansion followed by its acronym in brackets takes the acronym's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from tui.facts import keys, nlp
from tui.facts.model import Entity
from tui.facts.spans import Span, Tok, refine, tag
from tui.facts.ukrainian import detect_language, is_geo, to_russian_letters

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NAME_TAGS = {"Name", "Surn", "Patr"}


@lru_cache(maxsize=1)
def _morph_tagger() -> Any:
    from natasha import NewsMorphTagger

    return NewsMorphTagger(nlp.embedding())


def find_entities(text: str, lang: str | None = None) -> list[Entity]:
    """All PER/ORG/LOC mentions in `text`, in order, with offsets into `text`."""
    if not text.strip():
        return []
    lang = lang if lang in ("ru", "uk") else detect_language(text)
    tokens, raw, doc = tag(text, lang)
    spans = refine(text, tokens, raw, lang)
    feats = _morph_feats(doc, spans)
    entities = []
    token_starts = [t.start for t in tokens]
    for sp in spans:
        i = bisect_left(token_starts, sp.start)
        toks = []
        while i < len(tokens) and tokens[i].end <= sp.end:
            toks.append(tokens[i])
            i += 1
        normal = normalize(toks, sp.type, lang, feats)
        entities.append((sp, normal))
    return link(text, entities)


def _morph_feats(doc: Any, spans: list[Span]) -> dict[int, tuple[str | None, dict[str, str]]]:
    """Token start → (POS, feats) from natasha's morphology tagger, for sentences with a person."""
    # Only people need context (gender, and case for ambiguous names); places and organisations
    # are put in the nominative from the dictionary alone. This halves the tagging time.
    starts = sorted(s.start for s in spans if s.type == "PER")
    if not starts:
        return {}
    chosen = []
    i = 0
    for sent in doc.sents:
        while i < len(starts) and starts[i] < sent.start:
            i += 1
        if i < len(starts) and starts[i] < sent.stop:
            chosen.append(sent)
    if not chosen:
        return {}
    markups = _morph_tagger().map([[t.text for t in sent.tokens] for sent in chosen])
    out: dict[int, tuple[str | None, dict[str, str]]] = {}
    for sent, markup in zip(chosen, markups, strict=False):
        for tok, m in zip(sent.tokens, markup.tokens, strict=False):
            out[tok.start] = (m.pos, dict(m.feats))
    return out


def normalize(
    toks: list[Tok], type_: str, lang: str, feats: dict[int, tuple[str | None, dict[str, str]]]
) -> str:
    """The base form of a span: nominative name; head phrase of a place or organisation."""
    words = [t for t in toks if any(ch.isalnum() for ch in t.text)]
    if not words:
        return "".join(t.text for t in toks)
    out: list[str] = []
    if type_ == "PER":
        gender = _span_gender(words, feats)
        for t in words:
            out.append(_inflect(t.text, lang, feats.get(t.start), gender, name=True))
    else:
        head_done = False
        for t in words:
            if (
                head_done
                or not t.text[:1].isalpha()
                or (keys.is_acronym(t.text) and not _ACRONYM_CASE.match(t.text))
            ):
                out.append(t.text)
                continue
            word, pos = _inflect_with_pos(t.text, lang, feats.get(t.start), None, name=False)
            out.append(word)
            if pos == "NOUN" or pos is None:
                head_done = True
    return _join(toks, words, out)


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


def _inflect(word: str, lang: str, feat: Any, gender: str | None, name: bool) -> str:
    return _inflect_with_pos(word, lang, feat, gender, name)[0]


_ACRONYM_CASE = re.compile(r"^([A-ZА-ЯЁІЇЄҐ]{2,})([а-яёіїєґ]{1,2})$")
# Russian and Ukrainian surnames in -ов/-ев/-ин with a case ending, for names no dictionary knows.
_SURNAME_CASE = re.compile(r"^(.+(?:ов|ев|ёв|єв|ин|ын|ін|їн))(а|у|ым|ом|е|им|ові|еві|і|ым|ими|ых)$")


def _inflect_with_pos(
    word: str, lang: str, feat: Any, gender: str | None, name: bool
) -> tuple[str, str | None]:
    """`word` in the nominative (keeping number and gender), and the POS of the parse used."""
    case = _CASES.get(feat[1].get("Case", "")) if feat else None
    return _inflect_cached(word, lang, case, gender, name)


@lru_cache(maxsize=65536)
def _inflect_cached(
    word: str, lang: str, case: str | None, gender: str | None, name: bool
) -> tuple[str, str | None]:
    m = _ACRONYM_CASE.match(word)
    if m:
        return m.group(1), None  # «МИДа» → «МИД»
    if len(word) <= 1 or keys.is_acronym(word):
        return word, None
    candidates = [(p, word) for p in nlp.parse(word, lang)]
    if lang == "uk" and name:
        # The Russian dictionary knows more Central Asian names («Жаната» → «Жанат»).
        mapped = to_russian_letters(word)
        candidates += [(p, mapped) for p in nlp.parse(mapped, "ru") if p.tag.grammemes & _NAME_TAGS]
    best = None
    best_score = -99.0
    for p, _ in candidates:
        g = p.tag.grammemes
        score = p.score
        if case and case in g:
            score += 2
        if name and g & _NAME_TAGS:
            score += 3
            if gender in ("masc", "femn") and ({"masc", "femn"} - {gender}) & g:
                score -= 3
        if name and gender and gender in g:
            score += 1
        if not name and "Geox" in g:
            score += 1
        if p.tag.POS not in ("NOUN", "ADJF"):
            score -= 5
        if score > best_score:
            best, best_score = p, score
    if best is None or best.tag.POS not in ("NOUN", "ADJF"):
        return _surname_fallback(word, name, gender), None
    g = best.tag.grammemes
    if name and not g & _NAME_TAGS and case and case not in g:
        # The dictionary only offers a common word in another case («Токаев» as «токай»).
        return _surname_fallback(word, name, gender), best.tag.POS
    if "Fixd" in g or best.tag.case == "nomn":
        return word, best.tag.POS
    wanted = {"nomn"}
    if name and gender in ("masc", "femn") and ("Surn" in g or best.tag.POS == "ADJF"):
        wanted.add(gender)
    inflected = best.inflect(wanted) or best.inflect({"nomn"})
    if inflected is None:
        return word, best.tag.POS
    form = inflected.word
    source = to_russian_letters(word).lower()
    if source != word.lower():
        # A Russian parse of a Ukrainian word: keep the original letters, take the new ending.
        k = 0
        while k < min(len(source), len(form)) and source[k] == form[k]:
            k += 1
        form = word[:k].lower() + form[k:]
    return _restore_case(word, form), best.tag.POS


def _surname_fallback(word: str, name: bool, gender: str | None) -> str:
    if not name or gender == "femn":
        return word
    m = _SURNAME_CASE.match(word)
    return m.group(1) if m else word


def _restore_case(original: str, form: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
    return form


def link(text: str, found: Iterable[tuple[Span, str]]) -> list[Entity]:
    """Give every mention its key, linking short mentions to full ones within the article."""
    found = list(found)
    base: list[str] = []
    for sp, normal in found:
        if sp.type == "PER":
            base.append(keys.person_key(normal))
        elif sp.type == "ORG":
            base.append(keys.org_key(normal, _place_tail(normal)))
        else:
            base.append(keys.place_key(normal))
    # People: a first name alone links to the full name that starts with it («Энтони» → Блинкен).
    first_names: dict[str, str] = {}
    for (sp, normal), key in zip(found, base, strict=True):
        words = [w for w in normal.replace(".", " ").split() if len(w) > 1]
        if sp.type == "PER" and len(words) >= 2:
            first_names.setdefault(keys.fold(words[0]), key)
    # Organisations: «Организация Договора ... (ОДКБ)» — expansion and acronym share a key.
    acronym_of: dict[str, str] = {}
    for i, ((sp, _normal), key) in enumerate(zip(found, base, strict=True)):
        if sp.type != "ORG" or i + 1 >= len(found):
            continue
        nxt, nxt_normal = found[i + 1]
        between = text[sp.end : nxt.start].strip()
        if nxt.type == "ORG" and between == "(" and keys.is_acronym(nxt_normal):
            acronym_of[key] = keys.alias(keys.fold(nxt_normal))
    out: list[Entity] = []
    for (sp, normal), key in zip(found, base, strict=True):
        if sp.type == "PER" and " " not in normal.strip() and key in first_names:
            key = first_names[key]
        key = acronym_of.get(key, key)
        out.append(Entity(sp.start, sp.end, text[sp.start : sp.end], sp.type, normal, key))  # type: ignore[arg-type]
    return out


def _place_tail(normal: str) -> int:
    """How many words at the end of an organisation's name are a place («МИД России» → 1)."""
    words = normal.split()
    if len(words) < 2:
        return 0
    last = to_russian_letters(words[-1]).lower()
    lemma = nlp.parse(last, "ru")[0].normal_form
    return 1 if is_geo(lemma) else 0
