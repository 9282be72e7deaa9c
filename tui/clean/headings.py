"""Subheadings glued to the start of the next sentence on one-line pages («Призывы отменить
приказ Блинкен также заявил…»): where the heading ends, found from capitalisation and morphology."""

from __future__ import annotations

import re
from itertools import islice

from tui.clean.morph import Morph

PUNCTUATED = re.compile(r"[^\w-]")
_CAPITALISED = re.compile(r"[^\W\d_][\w-]*")
_QUESTION_WORDS = {
    "что", "как", "почему", "зачем", "кто", "где", "когда", "куда", "сколько", "чем",
    "що", "як", "чому", "навіщо", "хто", "де", "коли", "куди", "скільки", "чим",
}  # fmt: skip
TOKEN = re.compile(r"\S+")


def heading_cut(
    text: str, morph: Morph, *, first: bool = False, commas: bool = False
) -> int | None:
    """Offset where a subheading glued to the start of a sentence ends, or None.

    Ordinary sentences put names and capitalised words mid-sentence all the time, so the word k
    (3..12 tokens in, no punctuation before it, not an adjective — «Верховный суд» — and not
    inside a multi-word name — «Имран Хан») must be one of:
    (a) a function word, pronoun or adverb, never capitalised mid-sentence («…месяцев По оценке»,
        also after a name: «…пророка Мухаммеда Если вы…»);
    (b) a common noun in the nominative after a verbless prefix (or a question: «Що буде з
        цінами Уряд…»), a finite verb following within five words («…в Казахстане Митинги…
        начались»); on the page's first sentence a verb may precede it (a headline: «Токаев
        назвал протесты попыткой переворота Президент Казахстана заявил…»);
    (c) a name after a heading of four or more words that opens with a noun in the nominative
        which the following verb does not agree with («Призывы отменить приказ … Блинкен также
        заявил»: «призывы» is plural, «заявил» singular).
    """
    # Only the first 18 tokens are ever read (k < 13, a verb window of five after it), and 18 of
    # them bound the loop as any longer count would: a long sentence's tail is not tokenised.
    tokens = list(islice(TOKEN.finditer(text), 18))
    if len(tokens) < 6 or not tokens[0].group()[0].isupper():
        return None
    if not _has_candidate(tokens, commas):
        return None  # no morphology for the common case
    question = tokens[0].group().lower() in _QUESTION_WORDS
    head_word = tokens[0].group()
    # Morphology is the dear part (a word not seen before costs a dictionary parse), so the two
    # answers the loop may need are asked only when a candidate gets that far: whether a finite
    # verb precedes token k (the plain version asked it of every token in turn) and whether the
    # heading opens with a preposition. Every answer is a pure function of its word.
    verb_seen = False
    verbs_asked = 0  # tokens[:verbs_asked] were asked whether they are finite verbs

    def verb_before(k: int) -> bool:
        nonlocal verb_seen, verbs_asked
        while not verb_seen and verbs_asked < k:
            verb_seen = morph.is_finite_verb(tokens[verbs_asked].group())
            verbs_asked += 1
        return verb_seen

    opens_with_preposition: bool | None = None
    for k in range(1, min(13, len(tokens) - 2)):
        prev = tokens[k - 1].group()
        if PUNCTUATED.search(prev.rstrip(",") if commas else prev):
            return None  # punctuation inside the would-be heading
        word = tokens[k].group()
        if k < 2 or not word[0].isupper() or word.isupper() or not _CAPITALISED.fullmatch(word):
            continue
        # The tests that end a token's turn («continue») are asked in the order that parses the
        # fewest unseen words, not the order of the rules (the plain version asked «after a
        # function word, or an adjective — Верховный суд?» first): each answer is a pure function
        # of its word, so the order changes no result (a test compares with the plain order).
        # The word's own questions come first: one parse answers them all.
        if morph.starts_clause(word):
            if morph.is_function_word(prev) or morph.is_adjective(word):
                continue
            return tokens[k].start() if k >= 3 or not verb_before(k) else None
        if k < 3:
            continue  # (before the next test, which would also end this turn: no question asked)
        if not morph.is_nominative(word) or morph.is_adjective(word):
            continue  # the next sentence's subject is nominative; «Верховный суд»: a name
        if prev[0].isupper() and not morph.is_preposition(tokens[k - 2].group()):
            continue  # «Имран Хан», «Анн Идальго»: one name; «в Казахстане Митинги» is not
        if opens_with_preposition is None:
            opens_with_preposition = morph.is_preposition(head_word)
        if opens_with_preposition:
            continue  # «В сложившейся ситуации Казахстан был вынужден…» is one sentence
        if morph.is_function_word(prev):
            continue
        window = [t.group().strip(",.;:") for t in tokens[k + 1 : k + 6]]
        verb = next((w for w in window if w and morph.is_finite_verb(w)), None)
        if verb is None:
            continue
        if not morph.is_proper(word):
            if not (question or morph.is_noun_or_adjective(head_word)):
                continue  # «Але таким чином Європа стає…»: an adverbial opening, not a heading
            if not verb_before(k) or question or (first and not morph.is_verb_like(prev)):
                return tokens[k].start()
            continue
        follower = tokens[k + 1].group()
        if prev[0].isupper() or not follower[0].islower() or k < 4 or verb_before(k):
            continue
        if morph.is_nominative_noun(head_word) and not morph.agrees(head_word, verb):
            return tokens[k].start()
    return None


def _has_candidate(tokens: list[re.Match[str]], commas: bool = False) -> bool:
    """A capitalised word 2..12 tokens in, with no punctuation before it."""
    for k in range(2, min(13, len(tokens) - 2)):
        prev = tokens[k - 1].group()
        if PUNCTUATED.search(prev.rstrip(",") if commas else prev):
            return False
        word = tokens[k].group()
        if word[0].isupper() and not word.isupper():
            return True
    return False
