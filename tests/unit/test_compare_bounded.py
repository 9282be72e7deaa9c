"""Comparing long texts costs work linear in their length, and blocking loses no alignment.

Passage alignment used to score every sentence of A against every sentence of B and keep every
non-zero score (1 MB × 400 KB: killed at 600 s holding 2 GB). Candidates now come from an inverted
index of keys; the work is counted here as scored pairs (no clock)."""

from __future__ import annotations

import importlib
import itertools
import random
from pathlib import Path

import pytest

from tui.compare.align import align

# `tui.compare.align` the attribute is the function; the module is reached by name
align_module = importlib.import_module("tui.compare.align")

ROOT = Path(__file__).resolve().parents[2]
LANG = {"000": "ru", "001": "ru", "002": "ru", "003": "ru", "004": "uk"}
SYLLABLES = ["ба", "ве", "го", "ду", "жи", "зо", "ка", "ли", "мо", "ну", "ро", "са", "ти", "фе"]
COMMON = [
    "Власти Казахстана сообщили, что",
    "По словам представителя министерства,",
    "Как заявили в акимате города,",
    "Источник агентства уточнил, что",
]


def _texts() -> list[tuple[str, str, str]]:
    seeds = [
        (p.name[:3], LANG[p.name[:3]], p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    data = ROOT / "tests" / "data" / "compare"
    seeds += [
        (p.stem, "uk" if "uk" in p.stem else "ru", p.read_text(encoding="utf-8"))
        for p in sorted(data.glob("*.txt"))
    ]
    return seeds


def test_blocked_candidates_align_the_seeds_exactly_as_scoring_every_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _texts()
    for (_, la, a), (_, lb, b) in itertools.product(texts, texts):
        whole = align(a, b, la, lb)
        monkeypatch.setattr(align_module, "EXACT_PAIRS", 0)  # force blocking and top-k
        blocked = align(a, b, la, lb)
        monkeypatch.setattr(align_module, "EXACT_PAIRS", 250_000)
        assert blocked == whole


def _invented(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = " ".join(rng.sample(vocab, 7))
    return f"{rng.choice(COMMON)} {words} в районе {rng.randint(100, 99999)}."


def test_long_texts_score_a_bounded_number_of_pairs_and_find_every_reused_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(17)
    vocab = _invented(rng, 4_000)
    a_sents = [_sentence(rng, vocab) for _ in range(1_500)]
    reused = rng.sample(range(len(a_sents)), 300)
    b_sents = [a_sents[i] for i in reused] + [_sentence(rng, vocab) for _ in range(1_200)]
    rng.shuffle(b_sents)
    text_a = "\n".join(" ".join(a_sents[i : i + 5]) for i in range(0, len(a_sents), 5))
    text_b = "\n".join(" ".join(b_sents[i : i + 5]) for i in range(0, len(b_sents), 5))
    scored = 0
    score_pair = align_module.score_pair

    def counting(*args):  # type: ignore[no-untyped-def]
        nonlocal scored
        scored += 1
        return score_pair(*args)

    monkeypatch.setattr(align_module, "score_pair", counting)
    pairs = align(text_a, text_b, "ru", "ru")
    # every sentence of A met at most TOP_K candidates, plus neighbours of aligned pairs
    assert scored <= (align_module.TOP_K + 2) * len(a_sents)
    same = {p.a.text for p in pairs if p.kind == "same" and p.a.text == p.b.text}
    assert same >= {a_sents[i] for i in reused}
