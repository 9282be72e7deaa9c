"""Property: a sentence put in the middle of an article body is never removed by an edge
heuristic (nor by anything else) — its words stay in the cleaned text, in order."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.clean import clean_text, default_rules

ROOT = Path(__file__).resolve().parents[2]
MULTI_LINE = [
    ROOT / "seeds" / "000_5892884732349180.txt",
    ROOT / "seeds" / "002_fd73c026e81dc375.txt",
    ROOT / "seeds" / "004_2db18cd1975e20bb.txt",
    ROOT / "tests" / "data" / "pages" / "agency_ru.txt",
    ROOT / "tests" / "data" / "pages" / "regional_uk.txt",
]
ONE_LINE = ROOT / "seeds" / "003_2942b2d16e6a8a57.txt"

FIRST = ["Власти", "Жители", "Депутаты", "Эксперты", "Аналитики", "Журналисты", "Свідки", "Вчера"]
WORDS = [
    "сообщили",
    "заявили",
    "что",
    "в",
    "городе",
    "на",
    "площади",
    "после",
    "встречи",
    "министр",
    "обороны",
    "полиция",
    "задержала",
    "несколько",
    "человек",
    "цены",
    "выросли",
    "на",
    "процентов",
    "по",
    "данным",
    "ведомства",
    "утром",
    "вечером",
    "вокруг",
    "здания",
    "правительства",
    "ситуация",
    "остается",
    "сложной",
    "решение",
    "принято",
    "депутати",
    "ухвалили",
    "закон",
    "люди",
    "вийшли",
    "на",
    "вулиці",
    "протест",
    "тривав",
    "кілька",
    "годин",
]


def sentences(min_words: int = 1, max_words: int = 26) -> st.SearchStrategy[str]:
    """Sentences of ordinary news words: a capitalised first word, a closing mark."""
    return st.builds(
        lambda first, rest, end: " ".join([first, *rest]) + end,
        st.sampled_from(FIRST),
        st.lists(st.sampled_from(WORDS), min_size=min_words - 1, max_size=max_words - 1),
        st.sampled_from([".", "!", "?", "…"]),
    )


def squash(text: str) -> str:
    return " ".join(text.split())


def body_boundaries(raw: str) -> list[int]:
    """Raw offsets between two consecutive body paragraphs of the cleaned page."""
    doc = clean_text(raw)
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    return [a.raw_end for a, b in zip(paragraphs, paragraphs[1:], strict=False)]


PAGES = [(path.read_text(encoding="utf-8"), path.name) for path in MULTI_LINE]
BOUNDARIES = [body_boundaries(raw) for raw, _ in PAGES]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=sentences(), which=st.integers(min_value=0), where=st.integers(min_value=0))
def test_a_sentence_between_body_paragraphs_is_never_removed(
    sentence: str, which: int, where: int
) -> None:
    """As its own paragraph (blank lines around it), any sentence — even one word — stays."""
    assume(default_rules().match(sentence) is None)
    raw, _ = PAGES[which % len(PAGES)]
    boundaries = BOUNDARIES[which % len(PAGES)]
    at = boundaries[where % len(boundaries)]
    page = raw[:at] + "\n\n" + sentence + "\n\n" + raw[at:]
    doc = clean_text(page)
    assert squash(sentence) in squash(doc.text)
    assert all(sentence not in r.text for r in doc.removed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=sentences(6), which=st.integers(min_value=0), where=st.integers(min_value=0))
def test_a_sentence_on_its_own_line_in_the_body_is_never_removed(
    sentence: str, which: int, where: int
) -> None:
    """On a line of its own with no blank lines (it may then touch a photo credit: a line of
    under six words there is taken for the caption, so the sentence has six or more)."""
    assume(default_rules().match(sentence) is None)
    raw, _ = PAGES[which % len(PAGES)]
    boundaries = BOUNDARIES[which % len(PAGES)]
    at = boundaries[where % len(boundaries)]
    page = raw[:at].rstrip("\n") + "\n" + sentence + "\n" + raw[at:].lstrip("\n")
    doc = clean_text(page)
    assert squash(sentence) in squash(doc.text)


ONE_LINE_RAW = ONE_LINE.read_text(encoding="utf-8")
ONE_LINE_STOPS = [i + 2 for i in range(len(ONE_LINE_RAW) - 2) if ONE_LINE_RAW[i : i + 2] == ". "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=sentences(13), where=st.integers(min_value=0))
def test_a_sentence_inside_a_one_line_page_is_never_removed(sentence: str, where: int) -> None:
    """Anywhere between two sentences of a one-line page; thirteen words or more, as a shorter
    verbless sentence right before «Фото: …» is taken for that photo's caption."""
    assume(default_rules().match(sentence) is None)
    at = ONE_LINE_STOPS[where % len(ONE_LINE_STOPS)]
    page = ONE_LINE_RAW[:at] + sentence + " " + ONE_LINE_RAW[at:]
    doc = clean_text(page)
    assert squash(sentence) in squash(doc.text.replace("\n\n", " "))


LAST_PARAGRAPH_ENDS = [
    [b for b in clean_text(raw).blocks if b.kind == "paragraph"][-1].raw_end for raw, _ in PAGES
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=sentences(3), which=st.integers(min_value=0), gap=st.sampled_from(["\n", "\n\n"]))
def test_a_closing_sentence_after_the_last_paragraph_is_never_removed(
    sentence: str, which: int, gap: str
) -> None:
    """The body ends with its last full sentence, however short: the bottom edge (tags, links,
    footers) starts after it."""
    assume(default_rules().match(sentence) is None)
    raw, _ = PAGES[which % len(PAGES)]
    at = LAST_PARAGRAPH_ENDS[which % len(PAGES)]
    page = raw[:at] + gap + sentence + gap + raw[at:].lstrip("\n")
    doc = clean_text(page)
    assert squash(sentence) in squash(doc.text)


def test_a_quote_broken_over_two_short_lines_is_rejoined_not_dropped() -> None:
    raw = (
        "Токаев выступил с обращением к нации\n\n"
        "Президент Казахстана выступил с телеобращением к жителям страны.\n"
        "«Мы не допустим повторения\nэтих событий», — сказал он.\n"
        "Обращение транслировали все телеканалы.\n"
    )
    doc = clean_text(raw)
    assert "«Мы не допустим повторения этих событий», — сказал он." in doc.paragraphs
    assert doc.removed == []


TITLED = [
    (raw, raw.index(doc.title) + len(doc.title))
    for raw, doc in ((raw, clean_text(raw)) for raw, _ in PAGES)
    if doc.title and f"{doc.title}\n" in raw
]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=sentences(), which=st.integers(min_value=0))
def test_a_sentence_right_under_the_headline_is_never_removed(sentence: str, which: int) -> None:
    """Above the first paragraph only what precedes the headline, or is not a full sentence,
    goes: a lead of any length under the headline stays."""
    assume(default_rules().match(sentence) is None)
    raw, at = TITLED[which % len(TITLED)]
    page = raw[:at] + "\n" + sentence + raw[at:]
    doc = clean_text(page)
    assert squash(sentence) in squash(doc.text)
