"""Cited sources: news agencies («сообщает ТАСС», «повідомляє Інтерфакс») and official bodies
(«заявил МИД страны», «із посиланням на міську комендатуру»), from the shipped `sources.toml`.

A mention is a source only where the text cites it: right after a citing phrase («по данным»,
«со ссылкой на», «в эфире», «із посиланням на», «у повідомленні»), near a reporting verb
(«сообщает ТАСС», «В МВД заявили», «комендатура повідомляє»). Photo and video credits («Фото: ТАСС»,
«Видео: телеграм-канал ТАСС») are not citations and are never reported; neither is a bare mention
(«журналист ТАСС», «Местная генпрокуратура запустила сайт»). Every cited mention is returned (the
caller may group by `name`); `start`/`end` cover the name itself, without quote marks.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tui.facts.model import Source, SourceKind
from tui.facts.morph import Lang, Token, lemmas, text_lang, tokenize

_DATA = Path(__file__).with_name("sources.toml")
_CASE_ENDINGS = {"", "а", "у", "ом", "е", "ов", "ы", "і", "ові", "ем"}
_QUOTES = set("«»\"“”„'")
_SENTENCE_END = set(".!?…;\n")


@dataclass(frozen=True, slots=True)
class _Form:
    """One way of writing one source, as a sequence of token patterns."""

    name: str
    kind: SourceKind
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Table:
    forms: tuple[_Form, ...]
    #: a first word's key → the forms starting with it, longest first
    by_first: dict[str, tuple[_Form, ...]]
    #: first two letters (lowercase) of every key: other words never reach pymorphy3
    prefixes: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    verbs: frozenset[str]
    credits: frozenset[str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    """The parsed `sources.toml` (read once per process)."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    forms = tuple(
        _Form(entry["name"], entry.get("kind", "agency"), tuple(t.text for t in tokenize(form)))
        for entry in data.get("source", [])
        for form in entry["forms"]
    )
    cues = data.get("cues", {})
    ordered = tuple(sorted(forms, key=lambda f: -len(f.words)))
    by_first: dict[str, list[_Form]] = {}
    for form in ordered:
        for key in _keys(form.words[0]):
            by_first.setdefault(key, []).append(form)
    return _Table(
        forms=ordered,
        by_first={k: tuple(v) for k, v in by_first.items()},
        prefixes=frozenset(k[:2] for k in by_first),
        phrases=tuple(tuple(p.lower().split()) for p in cues.get("phrases", [])),
        verbs=frozenset(cues.get("verbs", [])),
        credits=frozenset(cues.get("credits", [])),
    )


def _keys(word: str) -> frozenset[str]:
    """Lookup keys of a word: itself lowercased and its base forms in both languages."""
    if _is_acronym(word):
        return frozenset({word.lower()})
    return lemmas(word, "ru") | lemmas(word, "uk")


@lru_cache(maxsize=100_000)
def _token_keys(word: str, lang: Lang) -> frozenset[str]:
    """The keys under which a text word may find a form (acronyms lose a case ending: «МИДа»)."""
    if word[:2].lower() not in _table().prefixes:
        return frozenset({word.lower()})
    keys = {word.lower()}
    for n in (1, 2, 3):
        if len(word) > n + 1 and word[-n:].islower() and _is_acronym(word[:-n]):
            keys.add(word[:-n].lower())
    return frozenset(keys) | (lemmas(word, lang) if word[:1].isalpha() else frozenset())


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters)


@lru_cache(maxsize=50_000)
def _word_matches(form: str, word: str, lang: Lang) -> bool:
    """Does text token `word` write form token `form` (any case ending, see sources.toml)?"""
    if form == word:
        return True
    if not form[:1].isalpha():
        return False
    if _is_acronym(form):
        return word.startswith(form) and word[len(form) :] in _CASE_ENDINGS
    if form[:1].isupper() and not word[:1].isupper():
        return False
    if form.lower() == word.lower():
        return True
    other: Lang = "uk" if lang == "ru" else "ru"
    return bool(
        (lemmas(form, lang) | lemmas(form, other)) & (lemmas(word, lang) | lemmas(word, other))
    )


def _words_between(tokens: list[Token], a: int, b: int) -> int | None:
    """Words strictly between token indexes a < b, or None if punctuation other than quotes is there."""
    count = 0
    for t in tokens[a + 1 : b]:
        if t.kind == "punct":
            if t.text not in _QUOTES:
                return None
        else:
            count += 1
    return count


class _Finder:
    """One pass over one text's tokens: names from the table, then the citation checks."""

    def __init__(self, text: str, lang: Lang) -> None:
        self.text = text
        self.lang = lang
        self.toks = tokenize(text)
        self.low = [t.text.lower() for t in self.toks]
        self.table = _table()

    def match_at(self, i: int) -> tuple[_Form, int] | None:
        """The longest form starting at token i, and the index after it."""
        candidates: list[_Form] = []
        for key in _token_keys(self.toks[i].text, self.lang):
            candidates.extend(self.table.by_first.get(key, ()))
        for form in sorted(candidates, key=lambda f: -len(f.words)):
            n = len(form.words)
            if i + n > len(self.toks):
                continue
            if all(
                _word_matches(w, self.toks[i + k].text, self.lang) for k, w in enumerate(form.words)
            ):
                return form, i + n
        return None

    def is_credit(self, i: int) -> bool:
        """Is the name at token i part of a «Фото: …» / «Видео: …» credit?"""
        for k in range(i - 1, max(-1, i - 6), -1):
            t = self.toks[k]
            if "\n" in self.text[t.end : self.toks[k + 1].start]:
                return False
            if t.text in ".!?":
                return False
            if self.low[k] in self.table.credits:
                nxt = self.toks[k + 1]
                return nxt.text in ":—–-|" or nxt.kind == "word"
        return False

    def cited(self, i: int, j: int) -> bool:
        """Is the name at tokens [i, j) cited (a citing phrase before, a reporting verb near)?"""
        toks, low = self.toks, self.low
        for phrase in self.table.phrases:
            n = len(phrase)
            for end in range(i - 1, max(-1, i - 6), -1):  # the phrase's last token
                start = end - n + 1
                if start < 0 or tuple(low[start : end + 1]) != phrase:
                    continue
                between = _words_between(toks, end, i)
                if between is not None and between <= 3:
                    return True
        for k in range(i - 1, max(-1, i - 7), -1):
            if toks[k].kind == "word" and lemmas(toks[k].text, self.lang) & self.table.verbs:
                between = _words_between(toks, k, i)
                if between is not None and between <= 4:
                    return True
        for k in range(j, min(len(toks), j + 3)):
            if toks[k].kind == "word" and lemmas(toks[k].text, self.lang) & self.table.verbs:
                between = _words_between(toks, j - 1, k)
                if between is not None and between <= 1:
                    return True
        return False

    def run(self) -> list[Source]:
        """Every cited mention, in text order (the longest form wins at each place)."""
        found: list[Source] = []
        i = 0
        while i < len(self.toks):
            hit = self.match_at(i) if self.toks[i].kind != "punct" else None
            if hit is None:
                i += 1
                continue
            form, j = hit
            if not self.is_credit(i) and self.cited(i, j):
                start, end = self.toks[i].start, self.toks[j - 1].end
                found.append(Source(start, end, self.text[start:end], form.name, form.kind))
            i = j
        return found


def find_sources(text: str, lang: str | None = None) -> list[Source]:
    """Every cited news agency or official source in `text` (see the module docstring)."""
    return _Finder(text, text_lang(text, lang)).run()
