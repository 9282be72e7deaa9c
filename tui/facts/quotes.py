"""Quoted statements and who said them, resolved to the text's entities.

A quotation is the text inside «…» (nested „…“ or «…» stay inside), „…“, “…” or "…" (paired
within a paragraph). It is a quote — not the quoted name of a thing («Хабар 24», "зачистки",
«глупостью») — when it is attributed or reads like a sentence:

- attribution after: «…», — сказал он / — отметил Карин / — говорится в сообщении МИДа / — заявив він;
- attribution before: «X заявил: «…»», «Тот отреагировал: «…»»;
- a citing phrase before in the sentence: «По словам X, «…»», «по заявлению МИД, «…»», «За словами …»;
- reported speech: «Карин заявил, что власти столкнулись с «гибридной террористической атакой»» —
  a speech verb and «что/що/:» before the quote in its sentence (two words or more);
- a quote continued after its attribution («…», — сказал он, — «…») keeps that speaker;
- otherwise, four words or more with a verb or sentence punctuation inside (speaker unknown).

The speaker is an entity: a PER named in the attribution (else an ORG there: «в МИД Казахстана»);
for a pronoun («он», «она», «вона», «він», «тот») the nearest PER before the quote whose mention
is in the nominative (its text equals its base form), else the nearest PER; names inside quotes
are never speakers. `speaker` is the entity's `normal`, `speaker_key` its `key`.
`start`/`end` cover the quoted words without the outer quote marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.facts.model import Entity, Quote
from tui.facts.morph import Lang, lemma, pos, text_lang, tokenize
from tui.lang import words_of

SPEECH_VERBS = words_of("speech_verbs.txt", "ru", "uk")
"""Lemmas of verbs that introduce reported speech (the profiles' `speech_verbs.txt`)."""
PRONOUNS = frozenset(["он", "она", "они", "тот", "та", "він", "вона", "вони", "той"])
#: «Тот отреагировал» points at the last person mentioned, whatever their case.
DEMONSTRATIVES = frozenset(["тот", "та", "той"])
_CITING = re.compile(
    r"\b(?:по\s+(?:словам|заявлению|сообщению|мнению|данным|информации)|со\s+слов|"
    r"за\s+(?:словами|заявою|повідомленням|даними|інформацією)|на\s+думку|"
    r"как\s+(?:пишет|сообщает|сообщили?|сообщила|передает|передаёт|отметил[аи]?|заявил[аи]?)|"
    r"як\s+(?:пише|повідомляє|повідомил[аи]|повідомив|передає|зазначив|зазначил[аи]|заявил[аи]|заявив))\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"(?:,\s*(?:что|чтобы|будто|мол|що|щоб|нібито)\b|:)\s*$|,\s*(?:что|що)\b")
#: Nouns that stand for an organisation named earlier («по сообщению министерства»).
_ORG_NOUNS = frozenset(
    ["министерство", "міністерство", "комитет", "комітет", "служба", "ведомство", "управление",
     "управління", "агентство", "компания", "компанія", "прокуратура", "правительство", "уряд",
     "комиссия", "комісія", "штаб", "совет", "рада", "партия", "партія", "суд", "банк"]
)  # fmt: skip
_DASH_AFTER = re.compile(r"\s*[,.!?…]?\s*(?:[—–-]+|,)\s*")
_OPENERS = {"«": "»", "„": "“”", "“": "”"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) indexes of the outermost quotation marks, in order."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, -1
    straight_open, straight_depth = -1, 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "«":
            if depth == 0:
                start = i
            depth += 1
        elif c == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
        elif depth == 0 and c in "„“":
            found = [text.find(closer, i + 1) for closer in _OPENERS[c]]
            close = min((f for f in found if f != -1), default=-1)
            if close != -1 and "\n\n" not in text[i:close]:
                spans.append((i, close))
                i = close
        elif depth == 0 and c == '"':
            # a straight quote opens after a space or an opening bracket/dash and before a word;
            # it closes after a word — so «"руку Кремля"» nests inside an outer "…"
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < n else " "
            opens = (before.isspace() or before in "([{—–-/:;,«„") and not after.isspace()
            closes = not before.isspace()
            if straight_depth == 0:
                if opens or not closes:
                    straight_open, straight_depth = i, 1
            elif opens and not closes:
                straight_depth += 1
            elif closes or not opens:
                straight_depth -= 1
                if straight_depth == 0:
                    spans.append((straight_open, i))
        elif c == "\n" and i + 1 < n and text[i + 1] == "\n":
            depth, straight_depth = 0, 0  # nothing is quoted across a paragraph break
        i += 1
    return sorted(spans)


def _sentence_start(text: str, pos_: int) -> int:
    """Index where the sentence holding `pos_` starts (after .!? and a space, or a line break)."""
    floor = max(0, pos_ - 600)
    for m in reversed(list(re.finditer(r"[.!?…]\s+|\n", text[floor:pos_]))):
        return floor + m.end()
    return floor


def _sentence_end(text: str, pos_: int) -> int:
    m = re.compile(r"[.!?…](?=\s|$)|\n").search(text, pos_)
    return m.start() if m else len(text)


def _has_speech_verb(fragment: str, lang: Lang) -> bool:
    return any(t.kind == "word" and lemma(t.text, lang) in SPEECH_VERBS for t in tokenize(fragment))


def _word_count(content: str) -> int:
    return sum(1 for t in tokenize(content) if t.kind == "word")


def _sentence_like(content: str, lang: Lang) -> bool:
    words = [t for t in tokenize(content) if t.kind == "word"]
    if len(words) < 4:
        return False
    if re.search(r"[,.!?;:…]", content):
        return True
    return any(pos(t.text.lower(), lang) in ("VERB", "PRTS", "INFN", "PRED") for t in words)


class _Resolver:
    """Speakers from the text's entities (entities inside quotes are never speakers)."""

    def __init__(self, entities: Sequence[Entity], spans: list[tuple[int, int]]) -> None:
        def quoted(e: Entity) -> bool:
            return any(o < e.start and e.end <= c for o, c in spans)

        self.entities = sorted((e for e in entities if not quoted(e)), key=lambda e: e.start)

    def _inside(self, start: int, end: int) -> list[Entity]:
        """PER mentions in [start, end), else ORG mentions there."""
        inside = [e for e in self.entities if start <= e.start and e.end <= end]
        people = [e for e in inside if e.type == "PER"]
        return people or [e for e in inside if e.type == "ORG"]

    def after_dash(self, text: str, start: int, end: int, quote_open: int) -> Entity | None:
        """The speaker named after «— сказал …» in [start, end): the first person or pronoun
        there (a pronoun → its antecedent before the quote), else the first organisation."""
        people = [e for e in self.entities if start <= e.start and e.end <= end and e.type == "PER"]
        pronoun = _first_pronoun(text, start, end)
        if pronoun is not None and (not people or pronoun < people[0].start):
            return self.antecedent(quote_open, _demonstrative(text, pronoun))
        if people:
            return people[0]
        orgs = [e for e in self.entities if start <= e.start and e.end <= end and e.type == "ORG"]
        return orgs[0] if orgs else None

    def first_named_in(self, start: int, end: int) -> Entity | None:
        """The first person (else organisation) named in [start, end): «По словам X, …»."""
        inside = [e for e in self.entities if start <= e.start and e.end <= end]
        found = [e for e in inside if e.type == "PER"] or [e for e in inside if e.type == "ORG"]
        return found[0] if found else None

    def organisation_noun(self, text: str, start: int, end: int, lang: Lang) -> Entity | None:
        """«По сообщению министерства, …»: an organisation noun right after the citing phrase
        stands for the nearest organisation named before it that it can name — the same head
        word («Министерство иностранных дел»), or an acronym starting with its letter (МИД)."""
        words = [t for t in tokenize(text[start:end]) if t.kind == "word"]
        if not words or not words[0].text.islower():
            return None
        noun = lemma(words[0].text, lang)
        if noun not in _ORG_NOUNS:
            return None
        for e in reversed([e for e in self.entities if e.type == "ORG" and e.end <= start]):
            head = e.normal.split()[0]
            if lemma(head, lang) == noun or (head.isupper() and head[:1].lower() == noun[:1]):
                return e
        return None

    def subject_before(self, text: str, start: int, end: int) -> Entity | None:
        """The speaker of «X заявил: «…»» / «X заявил, что «…»» in [start, end): the last person
        named in the nominative, else the last person, else a pronoun's antecedent, else an ORG."""
        inside = [e for e in self.entities if start <= e.start and e.end <= end]
        people = [e for e in inside if e.type == "PER"]
        nominative = [e for e in people if _nominative(e)]
        if nominative or people:
            return (nominative or people)[-1]
        pronoun = _first_pronoun(text, start, end)
        if pronoun is not None:
            return self.antecedent(start, _demonstrative(text, pronoun))
        orgs = [e for e in inside if e.type == "ORG"]
        return orgs[-1] if orgs else None

    def antecedent(self, before: int, demonstrative: bool = False) -> Entity | None:
        """The person a pronoun before `before` refers to: the nearest nominative mention first
        (for «он»: the subject), the nearest mention for a demonstrative («тот»)."""
        people = [e for e in self.entities if e.type == "PER" and e.end <= before]
        found = people if demonstrative else [e for e in people if _nominative(e)] or people
        return found[-1] if found else None


def _nominative(e: Entity) -> bool:
    """Is the mention in its base form («Блинкен», not «Блинкена»)?"""
    return e.text.lower() == e.normal.lower()


def _demonstrative(text: str, at: int) -> bool:
    m = re.match(r"\w+", text[at:])
    return bool(m and m[0].lower() in DEMONSTRATIVES)


def _first_pronoun(text: str, start: int, end: int) -> int | None:
    """Offset of the first personal pronoun in text[start:end], or None."""
    for t in tokenize(text[start:end]):
        if t.kind == "word" and t.text.lower() in PRONOUNS:
            return start + t.start
    return None


def find_quotes(text: str, lang: str | None, entities: Sequence[Entity]) -> list[Quote]:
    """Every quoted statement in `text`, with its speaker when it can be resolved (module doc)."""
    code = text_lang(text, lang)
    spans = quote_spans(text)
    resolver = _Resolver(entities, spans)
    quotes: list[Quote] = []
    previous: tuple[int, Entity | None] | None = None  # the last quote's closing mark and speaker
    for open_, close in spans:
        start, end = open_ + 1, close
        content = text[start:end]
        if not content.strip():
            continue
        speaker: Entity | None = None
        attributed = False

        # after: «…», — сказал он / — говорится в сообщении МИДа
        after = _DASH_AFTER.match(text, close + 1)
        dashed = after is not None and any(d in after[0] for d in "—–-")
        if after and (dashed or _word_count(content) >= 3):
            clause_end = _sentence_end(text, after.end())
            head = " ".join(
                t.text for t in tokenize(text[after.end() : clause_end])[:4] if t.kind == "word"
            )
            if _has_speech_verb(head, code):
                attributed = True
                speaker = resolver.after_dash(text, after.end(), clause_end, open_)

        # a quote continued after its attribution: «…», — сказал он, — «…»
        between = text[previous[0] + 1 : open_] if previous else ""
        if (
            not attributed
            and previous
            and len(between) < 120
            and re.match(r"\s*[,.]?\s*[—–-]", between)
            and re.search(r"[—–-]\s*$", between)
            and _has_speech_verb(between, code)
        ):
            attributed, speaker = True, previous[1]

        # before, in the same sentence: «X заявил: «…»», «По словам X, «…»», «…заявил, что «…»»
        if not attributed:
            s_start = _sentence_start(text, open_)
            before = text[s_start:open_]
            citing = _CITING.search(before)
            reported = _REPORTED.search(before) and _has_speech_verb(before, code)
            long_enough = _word_count(content) >= 2
            if citing and long_enough:
                attributed = True
                speaker = resolver.first_named_in(s_start + citing.end(), open_)
                if speaker is None:
                    speaker = resolver.organisation_noun(text, s_start + citing.end(), open_, code)
            elif reported and (before.rstrip().endswith(":") or long_enough):
                attributed = True
                speaker = resolver.subject_before(text, s_start, open_)

        if not attributed and not _sentence_like(content, code):
            continue
        previous = (close, speaker)
        quotes.append(
            Quote(
                start,
                end,
                content,
                speaker.normal if speaker else None,
                speaker.key if speaker else None,
            )
        )
    return quotes
