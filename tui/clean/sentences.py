"""Sentence-level cleaning of pages scraped into one long line (and long lines with captions).

razdel splits the text into sentences; photo credits and the captions before them are taken out;
subheadings glued to the start of the next sentence are split off; the remaining sentences are
regrouped into paragraphs (quotes, discourse markers, length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from tui.cancel import checked
from tui.clean.dates import HEADER, split_glued_headline
from tui.clean.document import Piece, Removed
from tui.clean.glue import repair_glue
from tui.clean.headings import PUNCTUATED, TOKEN, heading_cut
from tui.clean.morph import Morph
from tui.clean.rules import Rules
from tui.lang import ru_or_uk
from tui.lang.sentences import sentenize

_CREDIT_START = re.compile(
    r"^(?:фото(?:графия)?|фота|photo|видео|відео|video|иллюстрация|ілюстрація|коллаж|колаж|"
    r"скриншот|скріншот|инфографика|інфографіка|источник фото|джерело фото|автор фото)"
    r"\s*(?:[:©]|—\s)\s*",
    re.IGNORECASE,
)
_KNOWN_SOURCES = re.compile(
    r"^(?:РИА Новости|Getty Images|AP Photo|Associated Press|Global Look Press|EPA-EFE|"
    r"East News|Анадолу|Anadolu Agency|пресс-служба \S+|прес-служба \S+|соцсети|соцмережі|"
    r"архив|архів|открытые источники|відкриті джерела)\b",
    re.IGNORECASE,
)
_CREDIT_REASONS = {"photo-credit", "media-stub"}
# Breadcrumbs at the start of a one-line page: «Главная / Общество » (the last crumb is one word).
_CRUMBS = re.compile(r"^\s*(?:[^\s/|›»>→•]+(?: [^\s/|›»>→•]+){0,2} [/|›»>→•] )+[^\s/|›»>→•]+\s+")
SENTENCE_RULE_WORDS = 12
RELATED_WORDS = 15  # a related link this long has article text glued after its headline
RELATED = re.compile(
    r"^(?:читайте также|читайте тоже|читайте також|смотрите также|дивіться також|по теме|"
    r"за темою|материалы по теме|новости по теме|новини за темою|read also|see also)"
    r"\s*[:.—–-]?\s*",
    re.IGNORECASE,
)
# A related-links marker glued mid-sentence (its line break lost): «Поддержите «Медузу» Материалы
# по теме Россия и США…». Capitalised, so never a phrase of running text.
_GLUED_RELATED = re.compile(
    r"(?<=[\w»\"”!?])\s+(?=(?:Читайте также|Читайте тоже|Читайте також|Смотрите также|"
    r"Дивіться також|Материалы по теме|Новости по теме|Новини за темою|Read also|See also)\b)"
)
# «Источник: Meduza» glued before the lead.
_SOURCE_LABEL = re.compile(r"^(?:источник|джерело|source)\s*:\s*", re.IGNORECASE)
# «Alex Brandon / AP / Scanpix / LETA»: a photo credit of names and agencies split by slashes.
_SLASH_CREDIT = re.compile(
    r"^(?:[A-ZА-ЯЁІЇЄҐ][\w.'’-]*(?: [A-ZА-ЯЁІЇЄҐ][\w.'’-]*){0,2} / ){2,}(?=[A-ZА-ЯЁІЇЄҐ])"
)
# Words addressing the reader (outside quotes): a donation appeal speaks to «вы».
_READER = re.compile(
    r"(?<![\w-])(?:вы|вам|вас|вами|ви|ваш(?:а|е|и|у|ей|его|ему|им|их|ими|ем|і|ої|ого|ому|ій)?|"
    r"you|your)(?![\w-])",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”")
_MENU_REASONS = ("navigation", "section-link")
APPEAL_WORDS = 20
TAIL_WORDS = 5
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTE_OPEN = "«„“"
_ATTRIBUTION = re.compile(r"[»”\"],?\s*[—–-]\s*(?:[\w-]+\s+){0,6}[\w-]+\.$")
_MARKERS = re.compile(
    r"^(?:Напомним|Ранее|Тем временем|Между тем|Кроме того|Однако|При этом|Позже|Затем|"
    r"Сначала|В итоге|В свою очередь|По данным|По словам|Как сообща|Как стало известно|"
    r"Нагадаємо|Раніше|Тим часом|Крім того|Водночас|Проте|Однак|Згодом|Зокрема|За даними|"
    r"За словами|Як повідом)\b"
)
_DATE_START = re.compile(
    r"^(?:\d{1,2}\s+[а-яіїєґ]+|(?:Днем|Утром|Вечером|Ночью|Вдень|Вранці|Увечері)\s+\d)"
)
PARAGRAPH_CHARS = 650


@dataclass(slots=True)
class Sentence:
    """A sentence (or a split-off part of one) with its raw span."""

    text: str
    start: int
    end: int
    kind: str = "sentence"  # sentence | subheading | break


@dataclass(slots=True)
class LongLineResult:
    """What the sentence-level pass made of one long line."""

    pieces: list[Piece] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    date_line: str | None = None
    title: str | None = None


def language_of(text: str) -> str:
    """The dictionary to read `text` with ("uk" or "ru"), by the letters of its first 3,000
    characters (`tui.lang.ru_or_uk`)."""
    return ru_or_uk(text[:3000])


def clean_long_line(
    raw: str,
    start: int,
    end: int,
    rules: Rules,
    *,
    page_start: bool,
    want_title: bool = True,
    page_end: bool = False,
) -> LongLineResult:
    """Clean the raw span [start, end) sentence by sentence and regroup it into paragraphs.

    At the page start, leading breadcrumbs or a menu, a date header and a «Источник: X» label are
    taken off, and a headline glued to the first sentence (or to a date before the lead) becomes
    the title when `want_title` (else it stays a subheading). At the page end, short leftovers
    between removed blocks («Что дальше?» after a related link) go too."""
    result = LongLineResult()
    text = raw[start:end]
    if page_start:
        crumbs = _CRUMBS.match(text)
        if crumbs:
            result.removed.append(
                Removed(crumbs.group().strip(), start, start + crumbs.end(), "navigation")
            )
            start += crumbs.end()
            text = raw[start:end]
        menu = _menu_prefix(text, rules)
        if menu:
            result.removed.append(Removed(text[:menu].strip(), start, start + menu, "navigation"))
            start += menu
            text = raw[start:end]
        header = HEADER.match(text)
        if header:
            result.date_line = header.group(1).strip()
            start += header.end()
            text = raw[start:end]
        glued = split_glued_headline(text) if want_title else None
        if glued is not None:  # «Headline 21:10, 26 января 2022 Lead…»
            result.title, found_date, at = glued
            result.date_line = result.date_line or found_date
            start += at
            text = raw[start:end]
    morph = Morph(language_of(text))
    if page_start and (source := _SOURCE_LABEL.match(text)):
        cut = _credit_length(text, source.end(), morph)
        result.removed.append(Removed(text[:cut].strip(), start, start + cut, "meta-label"))
        start += cut + len(text[cut:]) - len(text[cut:].lstrip())
        text = raw[start:end]
    sentences = [
        piece
        for s in checked(sentenize(text))
        if s.text.strip()
        for piece in _split_glued_related(Sentence(s.text, start + s.start, start + s.stop))
    ]
    sentences = _split_credits(sentences, rules, morph, result.removed)
    if page_end:
        _drop_tail(sentences, result.removed)
    sentences = _split_subheadings(sentences, morph, page_start=page_start)
    if page_start and want_title and sentences and sentences[0].kind == "subheading":
        result.title = sentences.pop(0).text
    result.pieces = _regroup(sentences)
    return result


def _split_credits(
    sentences: list[Sentence], rules: Rules, morph: Morph, removed: list[Removed]
) -> list[Sentence]:
    """Take out credits («Фото: X»), stubs, rule matches and the captions before credits."""
    out: list[Sentence] = []
    for sentence in checked(sentences):
        labelled = _CREDIT_START.match(sentence.text)
        credit = labelled or _SLASH_CREDIT.match(sentence.text)
        reason = None
        if credit:
            cut = _credit_length(sentence.text, credit.end(), morph)
            removed.append(
                Removed(
                    sentence.text[:cut].strip(),
                    sentence.start,
                    sentence.start + cut,
                    "photo-credit",
                )
            )
            # an unlabelled credit («Alex Brandon / AP / Scanpix») takes no caption with it
            reason = "photo-credit" if labelled else "photo-credit-unlabelled"
            rest = sentence.text[cut:]
            lead = len(rest) - len(rest.lstrip())
            sentence = Sentence(rest.strip(), sentence.start + cut + lead, sentence.end)
        elif (related := RELATED.match(sentence.text)) and (
            related_cut := _related_length(sentence.text, related.end(), morph)
        ):
            cut = related_cut
            # «Читайте также: Заголовок другой статьи Власти сообщили…»: marker and headline go
            removed.append(
                Removed(
                    sentence.text[:cut].strip(),
                    sentence.start,
                    sentence.start + cut,
                    "related-link",
                )
            )
            reason = "related-link"
            rest = sentence.text[cut:]
            lead = len(rest) - len(rest.lstrip())
            sentence = Sentence(rest.strip(), sentence.start + cut + lead, sentence.end)
        elif _words_up_to(sentence.text, SENTENCE_RULE_WORDS + 1) <= SENTENCE_RULE_WORDS:
            rule = rules.match(sentence.text)
            if rule is not None:
                removed.append(Removed(sentence.text, sentence.start, sentence.end, rule.name))
                reason = rule.name
                sentence = Sentence("", sentence.end, sentence.end)
                if reason == "donation-banner":
                    _drop_appeal(out, removed)
        if (
            reason in _CREDIT_REASONS
            and len(out) > 1
            and out[-1].kind == "sentence"
            and _caption_like(out[-1].text, morph)
        ):
            caption = out.pop()
            removed.append(Removed(caption.text, caption.start, caption.end, "caption"))
        if reason is not None and (not out or out[-1].kind != "break"):
            out.append(Sentence("", sentence.start, sentence.start, "break"))
        if sentence.text:
            out.append(sentence)
    return out


def _words_up_to(text: str, limit: int) -> int:
    """`len(_WORD.findall(text))`, counting no further than `limit` (a long sentence's words
    are not all collected to learn that it has more than a dozen)."""
    return sum(1 for _ in islice(_WORD.finditer(text), limit))


def _split_glued_related(sentence: Sentence) -> list[Sentence]:
    """Split a sentence before a related-links marker glued inside it."""
    found = _GLUED_RELATED.search(sentence.text)
    if found is None:
        return [sentence]
    head, tail = sentence.text[: found.start()], sentence.text[found.end() :]
    return [
        Sentence(head, sentence.start, sentence.start + len(head)),
        Sentence(tail, sentence.start + found.end(), sentence.end),
    ]


def _menu_prefix(text: str, rules: Rules) -> int:
    """Length of a site menu glued before the headline of a one-line page («Meduza Новости
    Истории Разбор Игры Подкасты Байден пригрозил…»): a run of capitalised words of which two
    or more are menu words the rules know; it ends after the last of them. 0 if none."""
    known, end, run = 0, 0, 0
    for token in TOKEN.finditer(text[:400]):
        word = token.group()
        if not word[0].isupper() or PUNCTUATED.search(word):
            break
        run += 1
        rule = rules.match(word)
        if rule is not None and rule.name in _MENU_REASONS:
            known += 1
            end = token.end()
    if known < 2 or run < 3 or len(text[end:].split()) < 4:
        return 0
    return end + len(text[end:]) - len(text[end:].lstrip())


def _addresses_reader(text: str) -> bool:
    """Speaks to the reader («…благодаря вам», «Это вы!») outside any quotation."""
    return bool(_READER.search(_QUOTED.sub(" ", text)))


def _drop_appeal(out: list[Sentence], removed: list[Removed]) -> None:
    """Before a donation banner: the sentences of its appeal that speak to the reader («Медуза» —
    это вы! Уже три года мы работаем благодаря вам…)."""
    while (
        out
        and out[-1].kind == "sentence"
        and len(_WORD.findall(out[-1].text)) <= APPEAL_WORDS
        and _addresses_reader(out[-1].text)
    ):
        appeal = out.pop()
        removed.append(Removed(appeal.text, appeal.start, appeal.end, "donation-banner"))


def _drop_tail(sentences: list[Sentence], removed: list[Removed]) -> None:
    """At the end of a one-line page, a short sentence without a full stop between removed blocks
    («…ультиматумами. [related] Что дальше? [share]») is what was left of them."""
    i = len(sentences) - 1
    if i < 0 or sentences[i].kind != "break":
        return  # the page ends with article text
    while True:
        while i >= 0 and sentences[i].kind == "break":
            i -= 1
        if i <= 0 or sentences[i].kind != "sentence" or sentences[i - 1].kind != "break":
            return
        text = sentences[i].text
        if len(_WORD.findall(text)) > TAIL_WORDS or text.rstrip('»"”)').endswith((".", "…")):
            return
        tail = sentences.pop(i)
        removed.append(Removed(tail.text, tail.start, tail.end, "bottom-edge"))
        i -= 1


def _related_length(text: str, pos: int, morph: Morph) -> int | None:
    """Where «Читайте также: <headline>» ends inside a sentence: at the glued start of the next
    sentence, else the whole sentence when it is short; None when that cannot be told."""
    cut = heading_cut(text[pos:], morph, first=True, commas=True)
    if cut is not None:
        return pos + cut
    return len(text) if len(_WORD.findall(text)) <= RELATED_WORDS else None


def _credit_length(text: str, pos: int, morph: Morph) -> int:
    """Where the credit that starts `text` ends (the source after «Фото:»)."""
    known = _KNOWN_SOURCES.match(text[pos:])
    if known:
        return pos + known.end()
    tokens = list(TOKEN.finditer(text[pos:]))
    cut = len(text)
    for j, token in enumerate(tokens):
        word = token.group()
        if j == 0:
            cut = pos + token.end()
            if word.endswith((".", "!", "?")) and "." not in word[:-1]:
                break
            continue
        follower = tokens[j + 1].group() if j + 1 < len(tokens) else ""
        starts_sentence = word[0].isupper() and (
            (follower[:1].islower()) or (not morph.is_proper(word.strip(".,"))) or not follower
        )
        if starts_sentence or j >= 5:
            break
        cut = pos + token.end()
        if word.endswith((".", "!", "?")):
            break
    return cut


def _caption_like(text: str, morph: Morph) -> bool:
    """A short, unquoted, verbless-or-present-tense line: a photo caption."""
    words = _WORD.findall(text)
    if not words or len(words) > 12 or len(text) > 120 or not text[0].isupper():
        return False
    if any(c in text for c in '«»"“”:') or text.rstrip().endswith(("?", "!")):
        return False
    return not any(morph.is_past_verb(w) for w in words)


def _split_subheadings(
    sentences: list[Sentence], morph: Morph, *, page_start: bool = False
) -> list[Sentence]:
    """Split «Призывы отменить приказ Блинкен также заявил…» into a subheading and a sentence."""
    out: list[Sentence] = []
    for i, sentence in enumerate(checked(sentences)):
        first = page_start and i == 0
        cut = (
            heading_cut(sentence.text, morph, first=first) if sentence.kind == "sentence" else None
        )
        if cut is None:
            out.append(sentence)
            continue
        head = sentence.text[:cut].strip()
        rest = sentence.text[cut:]
        out.append(Sentence(head, sentence.start, sentence.start + len(head), "subheading"))
        out.append(Sentence(rest.strip(), sentence.start + cut, sentence.end))
    return out


def _regroup(sentences: list[Sentence]) -> list[Piece]:
    """Group sentences into paragraphs; subheadings and breaks end a paragraph."""
    pieces: list[Piece] = []
    current: list[Sentence] = []
    depth = 0

    def flush() -> None:
        nonlocal depth
        if current:
            text = repair_glue(" ".join(s.text for s in current))
            pieces.append(Piece("paragraph", text, current[0].start, current[-1].end))
            current.clear()
        depth = 0

    for sentence in checked(sentences):
        if sentence.kind != "sentence":
            flush()
            if sentence.kind == "subheading":
                pieces.append(
                    Piece("subheading", repair_glue(sentence.text), sentence.start, sentence.end)
                )
            continue
        text = sentence.text
        size = sum(len(s.text) for s in current)
        if current and depth > 0 and size >= 3 * PARAGRAPH_CHARS:
            flush()  # a quote mark that never closes must not glue the rest into one paragraph
        if current and depth <= 0:
            opens_quote = text[:1] in _QUOTE_OPEN
            marker = bool(_MARKERS.match(text) or _DATE_START.match(text))
            if opens_quote or size >= PARAGRAPH_CHARS or (marker and len(current) >= 2):
                flush()
        current.append(sentence)
        depth += sum(text.count(c) for c in "«„") - sum(text.count(c) for c in "»“")
        if depth <= 0 and _ATTRIBUTION.search(text):
            flush()
    flush()
    return pieces
