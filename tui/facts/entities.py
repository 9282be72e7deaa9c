"""Named entities (PER/ORG/LOC) with base forms and cross-language keys.

`find_entities(text, lang)` runs slovnet (through `spans.tag`), cleans the spans (`spans.refine`),
puts each entity in its base form and gives it a key (`keys`):

- base form: `base_forms.normalize` («Токаеву» → «Токаев», «Жаната Сулейменова» → «Жанат
  Сулейменов», «Великої Британії» → «Велика Британія»); for Russian, natasha's morphology tagger
  first reads case and gender from context, only in the sentences that mention a person.
- key: see `keys`; inside one article a first name alone or a bare surname takes the key of the
  full name it belongs to, and an expansion followed by its acronym in brackets takes the acronym's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from tui.facts import keys, nlp
from tui.facts.base_forms import normalize
from tui.facts.model import Entity
from tui.facts.names import russian_place
from tui.facts.refine import CONJUNCTIONS, PLACE_NOUNS, described_quote, refine
from tui.facts.spans import Span, tag
from tui.facts.ukrainian import is_geo, to_russian_letters
from tui.lang import ru_or_uk


def find_entities(text: str, lang: str | None = None) -> list[Entity]:
    """All PER/ORG/LOC mentions in `text`, in order, with offsets into `text`.

    `lang` "ru"/"uk" (None: detected from the letters); any other code (be, kk, en...) takes the
    strict path of `tui.facts.foreign`."""
    if not text.strip():
        return []
    if lang and lang not in ("ru", "uk"):
        # be, kk, en...: no real NER path — only names a dictionary vouches for (see `foreign`).
        from tui.facts.foreign import find_foreign

        return link(text, find_foreign(text, lang))
    lang = lang if lang in ("ru", "uk") else ru_or_uk(text)
    tokens, raw, doc = tag(text, lang)
    spans = refine(text, tokens, raw, lang)
    # Ukrainian names take case and gender from the dictionaries (`_agree`), not the tagger.
    feats = _morph_feats(doc, spans) if lang == "ru" else {}
    entities = []
    token_starts = [t.start for t in tokens]
    for sp in spans:
        i = bisect_left(token_starts, sp.start)
        toks = []
        while i < len(tokens) and tokens[i].end <= sp.end:
            toks.append(tokens[i])
            i += 1
        if sp.type == "ORG" and described_quote(text, sp, lang) and _nominative_word(toks, lang):
            # «фонд «Допомога Церкві в нужді»»: a quoted name that reads as a nominative after its
            # organisation noun stays as written (the normaliser would take «Допомога» for a plural)
            normal = text[sp.start : sp.end]
        else:
            normal = normalize(toks, sp.type, lang, feats)
        entities.append((sp, normal))
    return link(text, _shared_place_heads(text, entities, lang))


def _shared_place_heads(
    text: str, found: list[tuple[Span, str]], lang: str
) -> list[tuple[Span, str]]:
    """«Алматинській і Жамбилській областях», «Бостандицького та Турксибського районів»: a place
    that is a lone adjective takes its noun — the word right after it, or the one the next place
    in the coordination has — so it reads «Алматинська область», «Турксибський район»: the name a
    reader knows it by and the key the same region has elsewhere. Offsets do not change."""
    out = list(found)
    head_of: dict[int, str] = {}
    for i in range(len(out) - 1, -1, -1):
        sp, normal = out[i]
        words = normal.split()
        if sp.type != "LOC":
            continue
        if len(words) == 2 and to_russian_letters(words[1]).lower() in PLACE_NOUNS:
            head_of[i] = words[1]  # «Жамбилська область»: its noun may serve the place before
            continue
        if len(words) != 1 or not any(p.tag.POS == "ADJF" for p in nlp.parse(words[0], lang)):
            continue
        head = _head_after(text, sp.end, lang)
        if head is None and i + 1 < len(out) and i + 1 in head_of:
            between = text[sp.end : out[i + 1][0].start].strip().lower()
            head = head_of[i + 1] if between in CONJUNCTIONS else None
        if head is not None:
            out[i] = (sp, f"{normal} {head}")
            head_of[i] = head
    return out


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def _head_after(text: str, end: int, lang: str) -> str | None:
    """The place noun right after a mention («… Турксибського районів» → «район»), in the base form."""
    m = _NEXT_WORD.match(text, end)
    if m is None or not m.group(1).islower():
        return None
    for p in nlp.parse(m.group(1), lang):
        if p.tag.POS == "NOUN" and to_russian_letters(p.normal_form) in PLACE_NOUNS:
            return str(p.normal_form)
    return None


def _nominative_word(toks: list[Any], lang: str) -> bool:
    """The first word of the span can be a singular nominative (or is not a Cyrillic word)."""
    first = next((t.text for t in toks if t.text[:1].isalpha()), "")
    if not first or not first.isalpha() or first.isupper():
        return True
    return any(
        p.tag.case in ("nomn", None) and "plur" not in p.tag.grammemes
        for p in nlp.parse(first, lang)
    )


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
    markups = nlp.morph_tagger().map([[t.text for t in sent.tokens] for sent in chosen])
    out: dict[int, tuple[str | None, dict[str, str]]] = {}
    for sent, markup in zip(chosen, markups, strict=False):
        for tok, m in zip(sent.tokens, markup.tokens, strict=False):
            out[tok.start] = (m.pos, dict(m.feats))
    return out


def link(text: str, found: Iterable[tuple[Span, str]]) -> list[Entity]:
    """Give every mention its key, linking short mentions to full ones within the article."""
    found = list(found)
    base: list[str] = []
    for sp, normal in found:
        if sp.type == "PER":
            base.append(keys.person_key(normal))
        elif sp.type == "ORG":
            # «японский МИД» is keyed as «МИД»: a lowercase adjective in front is no part of the key.
            words = normal.split()
            k = 0
            while k < len(words) - 1 and words[k][:1].islower():
                k += 1
            named = " ".join(words[k:]) if words[k][:1].isupper() or words[k][:1] == "«" else normal
            base.append(keys.org_key(named, _place_tail(named)))
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
    if is_geo(lemma):
        return 1
    # «Міністерство оборони Румунії»: a Ukrainian country or place the gazetteer knows
    return (
        1
        if any(russian_place(p.normal_form) for p in nlp.parse(words[-1].lower(), "uk")[:2])
        else 0
    )
