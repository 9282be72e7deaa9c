"""The cleaner's fast paths give exactly what the plain versions give: word counts without
splitting, sentence-end flags without regexes, per-line `needs` gating and the per-process cache of
rule matches, the repeated-line check that casefolds only lines of equal word count, and lazy
morphology."""

from __future__ import annotations

import functools
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.clean import clean_text, default_rules, rules_from_config
from tui.clean.dates import split_title_date
from tui.clean.glue import repair_glue
from tui.clean.lines import Line, count_words
from tui.clean.morph import Morph
from tui.lang.morph import analyzer

_MARKS = (" — ", " – ", " - ", " • ", " | ", " / ")
_TERMINAL = re.compile(r"[.!?…][\"'»”“’)\]]*$")
_ENDS_PERIOD = re.compile(r"[.…][\"'»”“’)\]]*$")
_TEXT = st.text(alphabet="ab Яя—–-•|/.!?…\"'»”“’)]\t\u00a0\u2005\u200b«„1", max_size=14)
_GLUE_TEXT = st.text(alphabet="абЯБzZ .!?…»”)«„1", max_size=16)
LINES = [
    "Поделиться", "Фото: Reuters", "Читайте также:", "Подписывайтесь на наш канал в Telegram",
    "© 2022 Агентство", "Мы используем cookies для работы сайта", "Все права защищены",
    "Президент подписал указ о продлении режима до конца месяца.", "Политика", "Теги: газ, цены",
    "Нашли ошибку? Нажмите Ctrl+Enter", "pic.twitter.com/abc", "Фото иллюстративное",
]  # fmt: skip


def reference_count_words(text: str) -> int:
    words = len(text.split())
    if " " in text and any(mark in text for mark in "—–-•|/"):
        padded = f" {text} "
        for mark in _MARKS:
            words -= padded.count(mark)
    return words


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_word_count_without_splitting_is_the_split_count(text: str) -> None:
    assert count_words(text) == reference_count_words(text)


@settings(max_examples=3000, deadline=None)
@given(_TEXT.filter(lambda t: t.strip() != ""))
def test_sentence_end_flags_without_regexes_match_the_regexes(text: str) -> None:
    line = Line(text, 0, len(text), False, 1)
    tail = text[-8:]
    assert line.terminal == bool(_TERMINAL.search(tail))
    assert line.ends_with_period == (line.terminal and bool(_ENDS_PERIOD.search(tail)))


@settings(max_examples=3000, deadline=None)
@given(_GLUE_TEXT)
def test_the_one_scan_glue_gate_never_skips_a_repair(text: str) -> None:
    repaired = repair_glue(text)
    camel = re.compile(
        r"(?<![а-яёіїєґА-ЯЁІЇЄҐ\w])([а-яёіїєґ][а-яёіїєґ'’-]{2,})([А-ЯЁІЇЄҐ][а-яёіїєґ]{2,})\b"
    )
    spaced = camel.sub(r"\1. \2", " ".join(text.split()))
    spaced = re.sub(r"(?<=[а-яёіїєґa-z]{2}[.!?…])(?=[А-ЯЁІЇЄҐ\d«„])", " ", spaced)
    spaced = re.sub(r"(?<=[»”)])(?=[А-ЯЁІЇЄҐ][а-яёіїєґ])", " ", spaced)
    assert repaired == spaced.strip()


def test_rule_matches_are_the_same_from_the_cache_and_from_fresh_rules() -> None:
    cached = default_rules()
    first = [cached.match(line) for line in LINES]
    again = [cached.match(line) for line in LINES]
    fresh = rules_from_config([], base=default_rules())  # a new Rules object, an empty cache
    assert first == again
    assert [r and r.name for r in first] == [r and r.name for r in map(fresh.match, LINES)]
    assert [r and r.name for r in first][:3] == ["share-buttons", "photo-credit", "related-link"]


def test_user_rules_keep_their_own_cache() -> None:
    user = rules_from_config([{"name": "mine", "phrase": "Поделиться"}])
    assert default_rules().match("Поделиться").name == "share-buttons"  # type: ignore[union-attr]
    assert user.match("Поделиться").name == "mine"  # type: ignore[union-attr]
    assert default_rules().match("Поделиться").name == "share-buttons"  # type: ignore[union-attr]


def test_a_line_repeating_another_in_other_case_goes_and_one_of_another_length_stays() -> None:
    body = "Власти сообщили о новых ограничениях для грузового транспорта на трассе."
    doc = clean_text(
        f"Заголовок статьи о новых ограничениях\n\n{body}\n\nКОРОТКАЯ ЦИТАТА ДЛЯ ВЫНОСА\n\n"
        f"{body} Еще одно предложение.\n\nКороткая цитата для выноса\n\nКороткая цитата"
    )
    assert [r.text for r in doc.removed if r.reason == "repeated"] == ["Короткая цитата для выноса"]


def test_a_title_without_digits_keeps_its_words() -> None:
    assert split_title_date("Власти продлили режим до конца весны") == (
        "Власти продлили режим до конца весны",
        None,
    )


def test_morphology_loads_on_the_first_question_not_on_construction() -> None:
    code = (
        "from tui.clean.morph import Morph\n"
        "from tui.lang import morph\n"
        "m = Morph('uk')\n"
        "print(morph.loaded())\n"
        "m.is_proper('Кшиштофополь')\n"  # a word no cache holds; unknown: a name
        "print(morph.loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["()", "('uk',)"]


# --- line splitting, line features, glue gates and rule needles (second speed pass) ---------

_LINES_TEXT = st.text(
    alphabet="ab Яя.?!:;—-•1)\n\n\t\u00a0\u2009\u200b\u00ad\ufeff\u2028\x1f«»", max_size=40
)
_LINE_RE = re.compile(r"[^\n]+")


def reference_split_lines(raw: str) -> list[tuple[object, ...]]:
    """The line splitter as it was: a regex over runs of non-newlines, the plain word count."""
    from tui.clean.lines import has_odd_space

    out: list[tuple[object, ...]] = []
    previous_end = 0
    for found in _LINE_RE.finditer(raw):
        segment = found.group()
        stripped = segment.strip()
        if not stripped:
            continue
        start = found.start() + (len(segment) - len(segment.lstrip()))
        end = start + len(stripped)
        gap = raw.count("\n", previous_end, found.start()) > 1 or not out
        text = " ".join(stripped.split()) if has_odd_space(stripped) else stripped
        if "\u200b" in text or "\u00ad" in text or "\ufeff" in text:
            text = text.replace("\u200b", "").replace("\u00ad", "").replace("\ufeff", "").strip()
            if not text:
                continue
        out.append((text, start, end, gap, count_words(text)))
        previous_end = found.end()
    return out


def reference_body_like(line: Line) -> bool:
    if line.words >= 25:
        return True
    if line.text.endswith((":", ";")):
        return line.words >= 4
    if line.terminal and not line.ends_with_period:
        return line.words >= 15
    return line.words >= 6 and line.terminal


@settings(max_examples=3000, deadline=None)
@given(_LINES_TEXT)
def test_split_lines_gives_what_the_regex_splitter_gave(raw: str) -> None:
    from tui.clean.lines import has_odd_space, split_lines

    lines = split_lines(raw)
    assert [(n.text, n.start, n.end, n.gap_before, n.words) for n in lines] == (
        reference_split_lines(raw)
    )
    for line in lines:
        assert line.body_like == reference_body_like(line)
        if line.plain:  # the glue repair may skip its odd-space test
            assert not has_odd_space(line.text)
            assert repair_glue(line.text, plain=True) == repair_glue(line.text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab Яя.?!:;—1«»", min_size=1, max_size=30), st.integers(0, 40))
def test_line_features_are_the_plain_formulas(text: str, words: int) -> None:
    line = Line(text, 0, len(text), False, words)
    assert line.body_like == reference_body_like(line)
    assert line.kept and line.status == "keep"
    line.status = "date"
    assert not line.kept
    line.status = "keep"
    line.drop("x")
    line.drop("y")
    assert (line.status, line.reason, line.kept) == ("drop", "x", False)


# Arabic-Indic, Devanagari, fullwidth, mathematical and Osmanya digits
_EXOTIC_DIGITS = "\u0663\u0967\uff11\U0001d7d9\U000104a1"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="абЯБzZ .!?…»”)«„1" + _EXOTIC_DIGITS, max_size=16))
def test_the_glue_gate_lets_every_digit_through(text: str) -> None:
    spaced = re.sub(r"(?<=[а-яёіїєґa-z]{2}[.!?…])(?=[А-ЯЁІЇЄҐ\d«„])", " ", " ".join(text.split()))
    spaced = re.sub(r"(?<=[»”)])(?=[А-ЯЁІЇЄҐ][а-яёіїєґ])", " ", spaced)
    camel = re.compile(r"[А-ЯЁІЇЄҐ](?<=[а-яёіїєґ].)")
    if not camel.search(text):  # no camel glue: only the two space repairs apply
        assert repair_glue(text) == spaced.strip()


def test_the_glue_gate_class_holds_every_decimal_digit() -> None:
    from tui.clean.glue import _GATE_START

    every = "".join(map(chr, range(0x110000)))
    digits = re.findall(r"\d", every)
    assert len(digits) > 600
    assert not re.sub(f"[{_GATE_START}]", "", "".join(digits))


_PARTS = [
    "фото", "права", "cookie", "куки", "©", "(@", "t.co/", "ctrl", "подписк", "ілюстр", "кукі",
    "допис від", "a post shared by", "станьте", "слово", " ", "ф", "п", "Фото", "і",
]  # fmt: skip
_NEEDLE_TEXT = st.lists(st.sampled_from(_PARTS), max_size=8).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_NEEDLE_TEXT)
def test_needles_found_through_their_rare_character_are_the_needles_present(low: str) -> None:
    from tui.clean.rules import _present

    for tier in default_rules()._tiers:
        for *_, gate in tier.buckets:
            needles = [n for _, group in gate for n in group]
            assert len(needles) == len(set(needles))
            assert all(char in needle for char, group in gate for needle in group)
            assert _present(gate, low) == {n for n in needles if n in low}


def test_the_digit_superset_holds_every_decimal_digit() -> None:
    from tui.clean.lines import DIGIT_SUPERSET

    every = "".join(map(chr, range(0x110000)))
    digits = "".join(re.findall(r"\d", every))
    assert not re.sub(f"[{DIGIT_SUPERSET}]", "", digits)
    assert not re.search(f"[{DIGIT_SUPERSET}]", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ «»—–…“”’")


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(["paragraph", "subheading"]),
    st.text(max_size=10),
    st.lists(st.integers(0, 10**6), min_size=6, max_size=6),
)
def test_fast_built_blocks_and_removed_equal_the_constructed_ones(
    kind: str, text: str, numbers: list[int]
) -> None:
    from tui.clean.document import Block, Removed, new_block, new_removed

    a, b, c, d, *_ = numbers
    assert new_block(kind, text, a, b, c, d) == Block(kind, text, a, b, c, d)  # type: ignore[arg-type]
    assert repr(new_block(kind, text, a, b, c, d)) == repr(Block(kind, text, a, b, c, d))  # type: ignore[arg-type]
    assert new_removed(text, a, b, kind) == Removed(text, a, b, kind)
    assert hash(new_removed(text, a, b, kind)) == hash(Removed(text, a, b, kind))


_DATE_TEXT = st.text(alphabet="12 0:.января2022г Сегодня вчераTt-|,", max_size=30)


@settings(max_examples=3000, deadline=None)
@given(_DATE_TEXT)
def test_date_lines_found_in_one_scan_are_the_search_then_sub_ones(line: str) -> None:
    from tui.clean import dates

    def reference(line: str) -> str | None:
        if len(line) > 80 or not dates._DATE_RE.search(line):
            return None
        if dates._FILLER.sub("", dates._DATE_RE.sub(" ", line)):
            return None
        return dates._LEADING_LABEL.sub("", line).strip() or None

    assert dates.date_line_of(line) == reference(line)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="Аб в|—–-,ТАСС РБК сообщает", max_size=40))
def test_site_names_and_attributions_behind_character_gates(title: str) -> None:
    from tui.clean import titles

    found = titles._SITE_SUFFIX.search(title)
    expected = (
        title[: found.start()].rstrip()
        if found and len(title[: found.start()].split()) >= 4
        else title
    )
    assert titles.strip_site_name(title) == expected


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="аб Я1-'’.,", max_size=40), st.integers(1, 15))
def test_bounded_word_counts_agree_up_to_the_bound(text: str, limit: int) -> None:
    from tui.clean.sentences import _WORD, _words_up_to

    assert _words_up_to(text, limit) == min(len(_WORD.findall(text)), limit)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="12 0:.ЯнВвчерасегодняTtodayг-|,", max_size=30))
def test_date_gates_never_hide_a_date(line: str) -> None:
    from tui.clean import dates

    if dates.date_line_of(line) is not None or dates.date_in_byline(line) is not None:
        assert dates.MAYBE_DIGIT.search(line) or dates._DATE_WORD.search(line)
    if not (dates.MAYBE_DIGIT.search(line) or dates._DATE_WORD.search(line)):
        assert dates._DATE_RE.search(line) is None


def reference_match(rules: object, line: str) -> object:
    """Rule matching as it was: every bucket scanned in turn, `needs` from a plain set."""
    from tui.clean.rules import normalize_phrase

    low = line.lower()
    for tier in rules._tiers:  # type: ignore[attr-defined]
        size = len(line)
        if size <= tier.longest_phrase and (rule := tier.phrases.get(normalize_phrase(line))):
            return rule
        for limit, anchored, combined, others, gate, _ in tier.buckets:
            if size > limit:
                continue
            present = {n for _, group in gate for n in group if n in low}
            for rule, needs in others:
                if needs and present.isdisjoint(needs):
                    continue
                if rule.pattern.search(low if rule.shipped else line):
                    return rule
            if combined is not None and (found := combined.match(low)):
                return anchored[int(found.lastgroup[1:])]
            break
    return None


_RULE_PARTS = [
    *_PARTS, "Фото: Reuters", "Читайте также:", "© 2022", "Все права защищены", "Поделиться",
    "Мы используем cookie", "Подписывайтесь на наш канал", "Теги:", "МОЕ", "мое правило", "x" * 150,
    "Главная / Новости / ", "pic.twitter.com/abc", "Нажмите Ctrl+Enter", " слово", ". ",
]  # fmt: skip


_USER_RULES = [
    {"name": "mine", "pattern": "мое"},
    {"name": "cap", "pattern": "^x+", "max_chars": 300},
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_RULE_PARTS), min_size=1, max_size=8).map("".join))
def test_rule_matches_by_bisected_bucket_and_needle_gate_are_the_plain_ones(line: str) -> None:
    for rules in (default_rules(), _user_rules()):
        rules._seen.clear()  # no cached answers
        assert rules.match(line) is reference_match(rules, line)


@functools.lru_cache(maxsize=1)
def _user_rules() -> object:
    return rules_from_config(_USER_RULES)


_CYRILLIC_WORDS = st.text(
    alphabet="аеиоуыбвгдклмнпрстцхщюяёіїєґАБВГЕИКЛМНОПРСТЁІЇЄҐ-'’", min_size=1
)
_NAMES = st.sampled_from(
    ["Протесты", "Москва", "Путин", "Верховный", "Киев", "Київ", "Блинкен", "ПРОТЕСТЫ", "Х", "Ёж"]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["ru", "uk"]), _CYRILLIC_WORDS.filter(lambda w: len(w) <= 12) | _NAMES)
def test_a_plain_cyrillic_word_parses_as_its_lower_case_form(lang: str, word: str) -> None:
    from tui.clean.morph import _parse_key, _parses

    plain = tuple((p.tag, p.score) for p in analyzer(lang).parse(word))
    assert _parses(lang, _parse_key(word)) == plain


def test_words_pymorphy3_reads_in_their_own_case_are_parsed_as_given() -> None:
    from tui.clean.morph import _parse_key

    for word in ["XIV", "Х", "K", "\u212aот", "Inf", "1990", "Ѐкран", "Ко\u0301т", "İstanbul"]:
        assert _parse_key(word) == word
    assert _parse_key("Протесты") == "протесты"


def _heading_cut_plain(text: str, morph: Morph, *, first: bool, commas: bool) -> int | None:
    """`_heading_cut` as first written: every question asked in the order the rules read."""
    from tui.clean.headings import _CAPITALISED, _QUESTION_WORDS
    from tui.clean.headings import PUNCTUATED as _PUNCTUATED
    from tui.clean.headings import TOKEN as _TOKEN

    tokens = list(_TOKEN.finditer(text))
    if len(tokens) < 6 or not tokens[0].group()[0].isupper():
        return None
    question = tokens[0].group().lower() in _QUESTION_WORDS
    head_word = tokens[0].group()
    verb_seen = False  # a finite verb among tokens[:k]
    for k in range(1, min(13, len(tokens) - 2)):
        prev = tokens[k - 1].group()
        if _PUNCTUATED.search(prev.rstrip(",") if commas else prev):
            return None
        verb_seen = verb_seen or morph.is_finite_verb(prev)
        word = tokens[k].group()
        if k < 2 or not word[0].isupper() or word.isupper() or not _CAPITALISED.fullmatch(word):
            continue
        if morph.is_function_word(prev) or morph.is_adjective(word):
            continue
        if morph.starts_clause(word):
            return tokens[k].start() if k >= 3 or not verb_seen else None
        if prev[0].isupper() and not morph.is_preposition(tokens[k - 2].group()):
            continue
        if k < 3 or morph.is_preposition(head_word) or not morph.is_nominative(word):
            continue
        window = [t.group().strip(",.;:") for t in tokens[k + 1 : k + 6]]
        verb = next((w for w in window if w and morph.is_finite_verb(w)), None)
        if verb is None:
            continue
        if not morph.is_proper(word):
            if not (question or morph.is_noun_or_adjective(head_word)):
                continue
            if not verb_seen or question or (first and not morph.is_verb_like(prev)):
                return tokens[k].start()
            continue
        follower = tokens[k + 1].group()
        if prev[0].isupper() or not follower[0].islower() or k < 4 or verb_seen:
            continue
        if morph.is_nominative_noun(head_word) and not morph.agrees(head_word, verb):
            return tokens[k].start()
    return None


_HEADING_WORDS = [
    "Призывы", "отменить", "приказ", "Блинкен", "также", "заявил", "Токаев", "назвал", "протесты",
    "попыткой", "переворота", "Президент", "Казахстана", "По", "оценке", "Но", "Он", "Ранее",
    "в", "Казахстане", "Митинги", "начались", "Верховный", "суд", "Имран", "Хан", "Что", "будет",
    "с", "ценами", "Уряд", "Анкагоса", "Лукашенко", "сообщили,", "г.", "Европа", "стає", "Але",
    "таким", "чином", "Європа", "сироты", "судья", "пришла", "Власти", "Митинг", "прошел",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["ru", "uk"]),
    st.lists(st.sampled_from(_HEADING_WORDS), min_size=6, max_size=16),
    st.booleans(),
    st.booleans(),
)
def test_heading_cuts_asking_fewer_questions_are_the_plain_ones(
    lang: str, words: list[str], first: bool, commas: bool
) -> None:
    from tui.clean.headings import heading_cut as _heading_cut

    text = " ".join([words[0].capitalize(), *words[1:]])
    morph = Morph(lang)
    expected = _heading_cut_plain(text, morph, first=first, commas=commas)
    assert _heading_cut(text, morph, first=first, commas=commas) == expected


def _join_wrapped_plain(lines: list[Line]) -> list[Line]:
    """`_join_wrapped` without the fast path for a group of one line."""
    from tui.clean.cleaner import _JOINABLE_END, _LABEL, _merge, _wrapped
    from tui.clean.dates import date_line_of

    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        j = i + 1
        if lines[i].kept:
            while j < n and lines[j].kept and not lines[j].gap_before:
                j += 1
        if j - i >= 2 and _wrapped(lines[i:j]):
            out.append(_merge(lines[i:j]))
            i = j
            continue
        for line in lines[i:j]:
            prev = out[-1] if out else None
            if (
                prev is not None
                and not line.gap_before
                and prev.kept
                and line.kept
                and len(prev.text) >= 15
                and _JOINABLE_END.search(prev.text, len(prev.text) - 2)
                and line.text[:1].islower()
                and not _LABEL.match(line.text)
                and date_line_of(line.text) is None
            ):
                out[-1] = _merge([prev, line])
            else:
                out.append(line)
        i = j
    return out


_WRAP_TEXT = st.sampled_from(
    [
        "Длинная строка текста, которая обрывается на середине фразы и",
        "продолжается здесь со строчной буквы и тоже довольно длинная,",
        "заканчивается точкой.",
        "Короткая",
        "обрыв слова посере-",
        "дине строки и дальше текст идёт без точки в конце длинной строки",
        "12 января 2022",
        "Фото: Reuters",
        "1. Пункт списка",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_WRAP_TEXT, st.booleans(), st.booleans()), max_size=8))
def test_hard_wrap_joins_skipping_one_line_groups_are_the_plain_ones(
    specs: list[tuple[str, bool, bool]],
) -> None:
    from tui.clean.cleaner import _join_wrapped

    def build() -> list[Line]:
        lines, at = [], 0
        for text, gap, kept in specs:
            line = Line(text, at, at + len(text), gap, len(text.split()))
            if not kept:
                line.drop("x")
            lines.append(line)
            at += len(text) + 1
        return lines

    def shape(lines: list[Line]) -> list[tuple[object, ...]]:
        return [(n.text, n.start, n.end, n.gap_before, n.words, n.status) for n in lines]

    assert shape(_join_wrapped(build())) == shape(_join_wrapped_plain(build()))
