"""The indexing fast paths give exactly what the plain versions give: search terms from split
tokens and cached lookups equal the terms of a regex scan of the whole text, the scan's one-pass
word count equals the reader's, the sanitiser's early exit changes nothing, and an outlet pattern's
literal shortcut never hides a match."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.metadata import count_words
from tui.corpus.outlets import detect_outlet, literal_needle, outlet_table
from tui.corpus.sanitize import sanitize_text
from tui.index.text import _TERM_CACHE, WORD, terms, terms_and_words

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_TEXT = st.text(
    alphabet="abЯяёЁіІїґ'’ʼ`\u0301\u00ad_-—,.«»()17 \t\n\u00a0\u2009\u200bOoВв", max_size=40
)


def reference_terms(text: str) -> str:
    """The plain version: every word of the whole lower-cased text, in order."""
    return " ".join(filter(None, (_TERM_CACHE[w] for w in WORD.findall(text.lower()))))


def reference_count(text: str) -> int:
    return sum(
        1
        for token in text.split()
        if any(map(_TERM_CACHE.__getitem__, WORD.findall(token.lower())))
    )


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_terms_from_cached_tokens_equal_the_terms_of_a_scan_of_the_whole_text(text: str) -> None:
    assert terms(text) == reference_terms(text)
    assert terms(text) == reference_terms(text)  # the second time every token is a cache hit


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_scans_word_count_is_the_readers_word_count(text: str) -> None:
    body, words = terms_and_words(text)
    assert body == terms(text)
    assert words == count_words(text) == reference_count(text)


def test_seed_articles_get_the_same_terms_and_word_counts_both_ways() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert terms_and_words(text) == (reference_terms(text), reference_count(text)), path.name


def test_hyphenated_and_quoted_words_count_once_and_lone_dashes_not_at_all() -> None:
    assert count_words("«Токаев» заявил — Алма-Ата, 7 939 человек.") == 6


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\x1b[]0;\x07\x9b\x9d\u202e\u2066\t\n\x00\x7f mЯ", max_size=30))
def test_sanitising_text_without_control_characters_returns_it_unchanged(text: str) -> None:
    clean = sanitize_text(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", clean)
    assert sanitize_text(clean) == clean


def test_literal_needles_are_the_text_a_match_must_start_with() -> None:
    assert literal_needle(r"^Поддержать команду Зеркала\s*$") == "Поддержать команду Зеркала"
    assert literal_needle(r"\bФокус (розбирався|писав)") == "Фокус "
    assert literal_needle(r"\A\s*date \d{4}") == ""
    assert literal_needle(r"(?i)bbc news") == ""  # case-insensitive: no shortcut
    assert literal_needle("[unclosed") == ""  # the regex itself reports it when compiled


def test_every_shipped_pattern_matches_only_text_holding_its_needle() -> None:
    for outlet in outlet_table():
        for pattern, needle in zip(outlet.patterns, outlet.needles, strict=True):
            sample = pattern.pattern.replace("^", "").replace("\\b", "").replace("\\A", "")
            found = pattern.search(sample) if "\\" not in sample else None
            if found is not None:
                assert needle in found.group(0)


def test_seed_outlets_are_found_from_the_pages_own_signatures_or_left_unknown() -> None:
    # Two seeds say nothing about who published them (their sidecars do): never a guess.
    found = [detect_outlet(p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    assert found == ["zerkalo.io", "unknown", "zerkalo.io", "unknown", "focus.ua"]


def test_prefetching_files_changes_nothing_and_ignores_files_that_are_gone(tmp_path) -> None:
    from tui.index.scan import prefetch, read_batch

    (tmp_path / "a.txt").write_text("Заголовок\n\nПрезидент подписал указ о продлении режима.\n")
    prefetch(str(tmp_path), ["a.txt", "gone.txt", "missing/b.txt"])  # no exception
    records = read_batch(str(tmp_path), ["a.txt", "gone.txt"])
    assert [r[0] for r in records] == ["a", "s"]


def test_an_anchored_signature_is_found_only_at_a_line_start_or_word_edge() -> None:
    from tui.corpus.outlets import _signed

    line = re.compile(r"^Поддержать команду Зеркала\s*$", re.MULTILINE)
    needle = literal_needle(line.pattern)
    assert _signed("Текст.\nПоддержать команду Зеркала\nЕщё", line, needle)
    assert not _signed("Текст. Поддержать команду Зеркала\nЕщё", line, needle)
    assert _signed("x Поддержать команду Зеркала!\nПоддержать команду Зеркала", line, needle)
    word = re.compile(r"\bФокус (писав|розбирався)")
    needle = literal_needle(word.pattern)
    assert not _signed("НеФокус писав", word, needle)
    assert _signed("НеФокус писав, а Фокус писав", word, needle)
    assert not _signed("Фокус сказав", word, needle)


def test_copyright_lines_and_domains_at_the_foot_are_still_found() -> None:
    body = "Президент подписал указ о продлении режима до конца месяца.\n" * 5
    assert detect_outlet(body + "© 2022 Вечерний Урюпинск") == "Вечерний Урюпинск"
    assert detect_outlet(body + "© 2022 Вечерний Бишкек") == "vb.kg"  # a holder the table knows
    assert detect_outlet(body + "Copyright 2021 Daily Foo. All rights reserved") == "Daily Foo"
    assert detect_outlet(body + "ZERKALO.IO") == "zerkalo.io"
    assert detect_outlet(body + "https://zerkalo.io/news/society/12345.html") == "zerkalo.io"
    # a source or a link to elsewhere names where the story came from, not who published it
    assert detect_outlet(body + "Источник: ZERKALO.IO") == "unknown"
    assert detect_outlet(body + "Подробнее на сайте zerkalo.io/news") == "unknown"
    assert detect_outlet(body + "Подробнее на сайте example.org") == "unknown"


_DATE_PARTS = st.sampled_from(
    [
        "16 января 2022", "January 16, 2022", "16.01.2022", "2022-01-16", "5 січня 2022 року",
        "2022", "7939", "12:30", " ", "\n", "слово", "государственного", "Jan. 5, 2021", "x",
        "31.02.2022", "1 мая 1999", "_", "—", "16  января   2022", "сказал", "2022-01-1",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_PARTS, max_size=60).map(" ".join))
def test_dates_found_around_each_year_are_the_dates_a_full_scan_finds(text: str) -> None:
    from tui.corpus.pubdate import _dates_in, _scan_dates

    assert _dates_in(text) == _scan_dates(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.Я _-", min_size=1, max_size=12).filter(lambda n: n not in {".", ".."}))
def test_sidecar_names_without_path_objects_are_the_path_stem_ones(name: str) -> None:
    from tui.corpus.metadata import SIDECAR_SUFFIX, sidecar_name

    assert sidecar_name(name) == Path(name).stem + SIDECAR_SUFFIX


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.sampled_from([b"", b"\x00", b"\x04", b"a\x00", b"\x04\x30"]))
def test_the_utf16_shortcut_never_hides_utf16_text(data: bytes, pad: bytes) -> None:
    from tui.corpus import decode

    data = (data + pad * 40)[: len(data + pad * 40) // 2 * 2]
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]

    def ratio(half: bytes) -> float:
        return (half.count(0x00) + half.count(0x04)) / max(len(half), 1)

    plain = None
    if len(data) >= 4:
        if ratio(odd) > 0.7 and ratio(even) < 0.3:
            plain = "utf-16-le"
        elif ratio(even) > 0.7 and ratio(odd) < 0.3:
            plain = "utf-16-be"
    assert decode._utf16_without_bom(data) == plain
