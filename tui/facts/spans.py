"""Raw NER spans (`tag`) and the cleanup of each span on its own: split, trim, re-type.

slovnet's spans are good but have habits that cost exact matches: a name and its transliteration in
brackets become one span («Джоэл Саймон (Joel Simon)»), list items run into each other across
bullets and line breaks, a sentence-initial adverb or pronoun is glued to the name after it, and on
Ukrainian text common words become people. Everything here works on token offsets into the
original text, so the offsets stay exact. Rules that need the neighbouring spans or the rest of
the text are in `refine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tui.facts import nlp
from tui.facts.ukrainian import is_geo, lemma, place_lemma, to_russian_letters, token_kind


@dataclass(frozen=True, slots=True)
class Tok:
    """One token of the text: offsets and the original surface."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    """An entity span before normalisation."""

    start: int
    end: int
    type: str


# Tokens a span is cut at (the pieces on each side become separate spans).
_SPLIT_TOKENS = {"(", ")", "[", "]", "•", "·", ",", ";", "|", "/", "—", "–"}
# Punctuation allowed at the edge of a span only when its partner is inside too.
_PAIRS = {"»": "«", '"': '"', "”": "“", ")": "("}
_EDGE_JUNK = set(".,:;!?-—–•·|/()[]*") | {"«", "»", '"', "“", "”", "„", "'"}

# Head words (Russian letters, lemmas) that make a capitalised phrase an organisation.
ORG_HEADS = frozenset(
    [
        "союз",
        "совет",
        "рада",
        "комиссия",
        "комисия",
        "комитет",
        "парламент",
        "уряд",
        "правительство",
        "министерство",
        "миниcтерство",
        "министерство",
        "партия",
        "суд",
        "банк",
        "служба",
        "агентство",
        "организация",
        "организация",
        "палата",
        "лига",
        "ассоциация",
        "асоциация",
        "фонд",
        "университет",
        "компания",
        "корпорация",
        "управление",
        "управлиння",
        "содружество",
        "спивдружнисть",
        "конгресс",
        "конгрес",
        "сенат",
        "дума",
        "администрация",
        "админиcтрация",
        "адмиистрация",
        "прокуратура",
        "полиция",
        "полиция",
        "армия",
        "церковь",
        "церква",
        "движение",
        "рух",
        "институт",
        "академия",
        "канцелярия",
        "кабинет",
        "кабинет",
        "минфин",
        "мид",
        "мзс",
        "министр",
        "генпрокуратура",
        "комендатура",
        "бюро",
        "трибунал",
        "еврокомиссия",
        "европарламент",
        "евросоюз",
    ]
)


_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’ʼ](?=[^\W\d_])")


def tag(text: str, lang: str) -> tuple[list[Tok], list[Span], Any]:
    """Tokens of `text`, slovnet's raw spans, and the natasha `Doc` (Ukrainian is tagged with
    Russian letters, so the Doc's token texts are Russian-lettered; offsets are the original's)."""
    from natasha import Doc

    tagged = to_russian_letters(text) if lang == "uk" else text
    # An apostrophe inside a word («В'ячеслав», «О'Лірі») would split it in two tokens: it is
    # tagged as «ъ», its Russian counterpart (same length, so offsets hold).
    tagged = _INNER_APOSTROPHE.sub("ъ", tagged)
    doc = Doc(tagged)
    doc.segment(nlp.segmenter())
    doc.tag_ner(nlp.ner_tagger())
    tokens = [Tok(t.start, t.stop, text[t.start : t.stop]) for t in doc.tokens]
    spans = [Span(s.start, s.stop, s.type) for s in doc.spans]
    return tokens, spans, doc


def pieces(text: str, toks: list[Tok]) -> list[list[Tok]]:
    """Cut a span's tokens at brackets, bullets, commas and line breaks; trim junk at the edges."""
    pieces: list[list[Tok]] = [[]]
    prev: Tok | None = None
    for tok in toks:
        gap = text[prev.end : tok.start] if prev else ""
        if tok.text in _SPLIT_TOKENS or "\n" in gap:
            pieces.append([])
        if tok.text not in _SPLIT_TOKENS:
            pieces[-1].append(tok)
        prev = tok
    return [p for p in (_trim_edges(p) for p in pieces) if p]


def _trim_edges(toks: list[Tok]) -> list[Tok]:
    """Drop punctuation at either edge, unless it closes a pair opened inside the span.

    A quote opened inside and never closed marks a name in quotes after a descriptor that the
    tagger cut short («ОАО «Газпром», «РИА «Новости»): the name is what follows the quote.
    """
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].text in ("«", "“", "„", '"'):
            closers = [j for j in range(i + 1, len(toks)) if toks[j].text in ("»", "”", "“", '"')]
            if not closers:
                toks = toks[i + 1 :]  # opened, never closed: the name follows the quote
            elif closers[0] == len(toks) - 1:
                toks = toks[i + 1 : -1]  # «ОАО «Газпром»»: the name is inside the quotes
            break
    while toks and toks[0].text in _EDGE_JUNK and not _closed_inside(toks, 0):
        toks = toks[1:]
    while toks and toks[-1].text in _EDGE_JUNK and not _opened_inside(toks):
        toks = toks[:-1]
    if toks and not any(ch.isalnum() for t in toks for ch in t.text):
        return []
    return toks


def _closed_inside(toks: list[Tok], i: int) -> bool:
    opener = toks[i].text
    closers = [c for c, o in _PAIRS.items() if o == opener]
    return any(t.text in closers for t in toks[i + 1 :])


def _opened_inside(toks: list[Tok]) -> bool:
    opener = _PAIRS.get(toks[-1].text)
    if opener is None:
        return False
    return any(t.text == opener for t in toks[:-1])


def check_span(toks: list[Tok], type_: str, lang: str, text: str) -> list[Span]:
    """Ask the dictionary about each token: trim function words, split off places, re-type."""
    kinds = [_kind(t.text, lang) for t in toks]
    for i in range(len(toks) - 1):
        if len(toks[i].text) == 1 and toks[i].text.isupper() and toks[i + 1].text == ".":
            kinds[i] = "name"  # an initial: «Т.Мей», «К.Токаев»
    if (
        lang == "ru"
        and len(toks) > 1
        and kinds[0] == "word"
        and sentence_start(text, toks[0].start)
        and token_kind(toks[0].text, "ru") == "function"
    ):
        kinds[0] = "function"  # «На площади», «Когда Путин»: capitalised only as the first word
    if (
        len(toks) == 1
        and sentence_start(text, toks[0].start)
        and _lowercase_elsewhere(toks[0].text, text)
    ):
        return []  # «Маркетплейсы обяжут…» beside «…обязывает маркетплейсы»: a common word
    # Function words never start or end a name («Раніше Барньє», «Коли Тереза Мей»).
    while toks and kinds[0] in ("function", "punct"):
        toks, kinds = toks[1:], kinds[1:]
    while toks and kinds[-1] in ("function", "punct"):
        toks, kinds = toks[:-1], kinds[:-1]
    if not toks:
        return []
    if lang == "ru" and len(toks) == 1 and token_kind(toks[0].text, "ru") == "function":
        return []  # a capitalised pronoun or adverb at the start of a sentence («Все»)
    if type_ != "ORG" and "function" in kinds:
        # «Брюсселі та Лондоні», «Великобританії з ЄС»: two names joined by a small word.
        out: list[Span] = []
        run: list[Tok] = []
        for tok, kind in [*zip(toks, kinds, strict=True), (None, "function")]:
            if kind == "function" or tok is None:
                if run:
                    out.extend(check_span(run, type_, lang, text))
                run = []
            else:
                run.append(tok)
        return out
    if (
        type_ == "LOC"
        and lang == "uk"
        and len(toks) == 1
        and kinds[0] == "word"
        and not toks[0].text.isupper()
        and sentence_start(text, toks[0].start)
        and not _geo_word(toks[0].text)
    ):
        return []  # «Чоловік», «Наступні»: a common word capitalised only because it opens a sentence
    if (
        type_ in ("LOC", "PER")
        and len(toks) > 1
        and kinds[0] == "word"
        and sentence_start(text, toks[0].start)
        and _opening_common_noun(toks[0].text, lang)
    ):
        # «Прем'єр-міністр Угорщини», «Мешканцям Буковини»: a common noun opening the sentence
        return check_span(toks[1:], type_, lang, text)
    if type_ == "PER" and lang == "uk":
        return _check_person_uk(toks, kinds, text)
    if type_ == "PER" and sentence_start(text, toks[0].start):
        return _check_person_ru(toks, text)
    return [Span(toks[0].start, toks[-1].end, type_)]


def _opening_common_noun(word: str, lang: str) -> bool:
    """Every dictionary reading of `word` is a common noun, not a place noun («Мешканцям»)."""
    from tui.lang import words_of

    place_nouns = words_of("place_nouns.txt", "ru", "uk")

    parses = [p for p in nlp.parse(word, lang) if nlp.from_dictionary(p)]
    return bool(parses) and all(
        p.tag.POS == "NOUN"
        and not p.tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"}
        and to_russian_letters(p.normal_form) not in place_nouns
        for p in parses
    )


def _kind(word: str, lang: str) -> str:
    if not any(ch.isalnum() for ch in word):
        return "punct"  # kept inside a span («Т.Мей»), trimmed at its edges
    if lang == "uk":
        return token_kind(word, "uk")
    # Russian: slovnet is reliable; only catch lowercase function words.
    if word[:1].islower() and token_kind(word, "ru") == "function":
        return "function"
    return "word"


def _check_person_uk(toks: list[Tok], kinds: list[str], text: str) -> list[Span]:
    """A Ukrainian «person»: keep it only if the dictionary knows a name in it or does not know it."""
    if not any(k in ("name", "unknown") for k in kinds):
        return _retype_common(toks, text)
    if len(toks) == 1 and place_lemma(toks[0].text, "uk"):
        # «у Києві»: the locative of a place, not the dative of the first name «Кий».
        return [Span(toks[0].start, toks[0].end, "LOC")]
    # Leading common words before a name: «Координатор Євросоюзу», «Прем'єр Мей». A place in
    # front stays: «Азії Бібі» is a name far more often than «Канади Трюдо» is two entities.
    i = 0
    while i < len(toks) and kinds[i] == "word" and not _geo_word(toks[i].text):
        i += 1
    rest = toks[i:]
    kinds = kinds[i:]
    # A sentence that opens «Влада Казахстану» (the power of Kazakhstan): a word, then a place.
    if (
        len(rest) == 2
        and kinds[1] == "word"
        and sentence_start(text, rest[0].start)
        and _geo_word(rest[1].text)
    ):
        return _retype_common(rest[1:], text)
    if not rest:
        return []
    return [Span(rest[0].start, rest[-1].end, "PER")]


def _check_person_ru(toks: list[Tok], text: str) -> list[Span]:
    """A Russian «person» opening a sentence: drop leading common words («Адвокат Асии Биби»,
    «Христианка Асия Биби»), which are capitalised only because they come first."""
    i = 0
    while i < len(toks) and toks[i].text.isalpha() and token_kind(toks[i].text, "ru") == "word":
        if is_geo(lemma(toks[i].text, "ru")):
            break
        i += 1
    if (
        i == len(toks) == 1
        and _plain_common_noun(toks[0].text)
        and not _named_elsewhere(toks[0].text, text)
    ):
        return []  # «Адвокат ведет себя...», «Супруга рассчитывает...»: no name at all
    # All common words: keep it — a surname can be a word too («Путин», «Рой»).
    rest = toks[i:] or toks
    return [Span(rest[0].start, rest[-1].end, "PER")]


def _plain_common_noun(word: str) -> bool:
    """The Russian dictionary knows `word` only as a common noun: no name, surname or place."""
    parses = nlp.parse(word, "ru")
    whole = [
        p
        for p in parses
        if len(p.methods_stack) == 1
        and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    ]
    if not whole or len(whole) != len(parses):
        return False  # a guess from an ending («Лоуенкрон» ~ «крон»): may be a foreign surname
    names = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}
    return all(p.tag.POS == "NOUN" and not p.tag.grammemes & names for p in parses)


def _named_elsewhere(word: str, text: str) -> bool:
    """`word` also stands capitalised inside a sentence somewhere in `text` («Василий Шумов»)."""
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        if not sentence_start(text, m.start()):
            return True
    return False


def _lowercase_elsewhere(word: str, text: str) -> bool:
    """Whether the text also writes `word` in lower case as a word of its own: then the capital
    of `word` at a sentence's start is the sentence's, not a name's."""
    low = word.lower()
    if low == word or not word.isalpha():
        return False
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


def sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t«\"'(")
    return not before or before[-1] in ".!?\n:"


def _geo_word(word: str) -> bool:
    return is_geo(to_russian_letters(lemma(word, "uk")))


def _retype_common(toks: list[Tok], text: str) -> list[Span]:
    """Capitalised dictionary words slovnet called a person: an organisation, a place, or nothing."""
    lemmas = [to_russian_letters(lemma(t.text, "uk")) for t in toks]
    if any(lem in ORG_HEADS for lem in lemmas):
        return [Span(toks[0].start, toks[-1].end, "ORG")]
    if any(is_geo(lem) for lem in lemmas):
        return [Span(toks[0].start, toks[-1].end, "LOC")]
    if len(toks) > 1 and toks[0].text[:1].isupper() and toks[-1].text[:1].isupper():
        return [Span(toks[0].start, toks[-1].end, "LOC")]
    return []
