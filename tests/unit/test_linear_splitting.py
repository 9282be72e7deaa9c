"""Sentence and token splitting cost time linear in the text, and give razdel's exact result.

razdel builds a sentence (or a token) that many delimiters join («. . . …», «т. е. т. е. …»,
«1.1.1.…») by copying everything gathered so far at every join: O(N²). The rules it consults are
handed that buffer; the work is measured here as the characters handed to them (no clock)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from razdel import sentenize as razdel_sentenize
from razdel import tokenize as razdel_tokenize
from razdel.segmenters.base import Segmenter

from tui.clean import clean_text
from tui.lang.sentences import sentenize, tokenize

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def buffer_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Length of the buffer every razdel rule call was handed (both razdel's and ours join here)."""
    sizes: list[int] = []
    join = Segmenter.join

    def counting_join(self, split):  # type: ignore[no-untyped-def]
        sizes.append(len(split.buffer))
        return join(self, split)

    monkeypatch.setattr(Segmenter, "join", counting_join)
    return sizes


@pytest.mark.parametrize("unit", [". ", "т. е. ", "А. ", "а. б. "])
def test_cleaning_a_line_of_joined_delimiters_hands_the_rules_bounded_buffers(
    unit: str, buffer_sizes: list[int]
) -> None:
    text = unit * 20_000
    clean_text(text)
    assert buffer_sizes, "the splitter was not consulted"
    assert max(buffer_sizes) <= 64
    assert sum(buffer_sizes) <= 64 * len(text)


@pytest.mark.parametrize("unit", ["1.", "a-", ":-)"])
def test_tokenizing_one_long_joined_token_hands_the_rules_bounded_buffers(
    unit: str, buffer_sizes: list[int]
) -> None:
    text = unit * 20_000
    tokens = list(tokenize(text))
    assert "".join(t.text for t in tokens) == text.replace(" ", "")
    assert max(buffer_sizes) <= 64


def test_compare_sentences_of_a_long_joined_line_hand_the_rules_bounded_buffers(
    buffer_sizes: list[int],
) -> None:
    from tui.compare.text import split_sentences

    split_sentences("т. е. " * 20_000)
    assert max(buffer_sizes) <= 64


def _sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        "1. Первое. 2. Второе. а) пункт. б) пункт. т. е. так. И т. д. и т. п. Он сказал: «Да. "
        "Нет.» — и ушёл. IV. Глава. 1) раз 2) два. 8.1. Пункт. В 10.30 (по Москве) начали.",
        "Смайлы :-))) и =( и ;) тоже. А.С. Пушкин и В. В. Путин. США, т.е. Вашингтон.",
    ]
    rnd = random.Random(20)
    parts = ["1.", "2)", "а)", "IV.", "т.", "е.", "Он", "сказал", ".", "!", "?", "…", "«", "»"]
    parts += ["(", ")", "—", "8.1.", "Б.", '"', " ", "\n", ":-)", "=(", "-", "_", "1", ",", "/"]
    for _ in range(3_000):
        texts.append(" ".join(rnd.choice(parts) for _ in range(rnd.randint(1, 30))))
        texts.append("".join(rnd.choice(parts) for _ in range(rnd.randint(1, 30))))
    return texts


def test_linear_splitters_give_razdels_sentences_and_tokens_exactly() -> None:
    for text in _sample_texts():
        assert [(s.start, s.stop, s.text) for s in sentenize(text)] == [
            (s.start, s.stop, s.text) for s in razdel_sentenize(text)
        ], text
        assert [(t.start, t.stop, t.text) for t in tokenize(text)] == [
            (t.start, t.stop, t.text) for t in razdel_tokenize(text)
        ], text


def test_the_fact_extractors_segmenter_hands_the_rules_bounded_buffers(
    buffer_sizes: list[int],
) -> None:
    from tui.facts import nlp

    text = "1." * 20_000 + " т. е." * 5_000
    tokens = list(nlp.segmenter().tokenize(text))
    sents = list(nlp.segmenter().sentenize(text))
    assert tokens and sents
    assert max(buffer_sizes) <= 64
