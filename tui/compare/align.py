"""Passage alignment: which sentences of two texts tell the same thing, verbatim or in other words.

Each sentence becomes a set of keys — stems of folded base forms of its content words, numbers,
and, when facts are given, the canonical keys of its entities and the ISO values of its dates.
Keys are weighted by how rare they are among the sentences of the two texts (a key found in every
sentence, like «Казахстан» in a story about Kazakhstan, weighs little); numbers, entities and
dates weigh more, as anchors. Two sentences are *similar* when their weighted overlap is high and
rests on enough distinct keys; they are the *same* when they also share long runs of identical
(folded) words. Every sentence is matched against every other that shares a key with it, so reuse
out of order is found; runs of parallel sentences then pull in neighbours that pass a lower bar.

Candidates come from an inverted index of B's keys, so only pairs sharing a key are scored. Up to
EXACT_PAIRS sentence pairs (two articles of ~500 sentences) that is every pair with a non-zero
score — the whole comparison. Beyond it (book-length texts), keys found in more than
STOP_SHARE of the sentences are not used to find candidates (they still count in the score) and
each sentence of A is scored against its TOP_K candidates with the most shared weight, so time and
memory grow linearly with the texts instead of with the product of their lengths.

A similar pair must also share something besides names (`MIN_EVIDENCE`): two reports of
different events name the same people and places, so a name alone is no shared statement.

Thresholds were set on the seeds with a negative control (seeds against unrelated texts, see
tests/unit/test_compare_align.py), and checked on invented Russian/Ukrainian report pairs
(tests/data/crossling, `tests/benchmarks/bench_crossling.py`): every report against every other
report of a different event must give no pair.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tui.cancel import check
from tui.compare.model import Pair, Span
from tui.compare.text import Sentence, sentences

SIMILAR_MIN = 0.40
"""Weighted overlap a pair needs on its own."""
HEAVY_MIN = 0.28
"""Weighted overlap enough when the shared keys weigh at least HEAVY_WEIGHT (long paraphrases)."""
HEAVY_WEIGHT = 18.0
"""Summed weight of shared keys (about six rare words) that makes chance unlikely."""
NEIGHBOUR_MIN = 0.30
"""Weighted overlap a pair needs when next to an aligned pair (parallel runs)."""
MIN_SHARED_KEYS = 2
"""Distinct shared keys a pair needs: two common words are chance, not reuse."""
SAME_MIN_RUN_SHARE = 0.6
"""Share of the shorter sentence's words covered by common runs of ≥ 3 words, for `same`."""
SAME_MIN_WORDS = 6
"""Words in common runs needed for `same`."""
MIN_SENTENCE_KEYS = 3
"""Sentences with fewer keys (captions, bylines) are not aligned."""
CONTAIN_MIN_KEYS = 6
"""A sentence needs this many keys before being contained in a longer one counts as reuse."""
MIN_EVIDENCE = 2
"""What a similar pair must share besides names: two words, or a telling number or a date."""
ANCHOR_WEIGHT = 2.0
"""Extra weight of numbers, entities and dates."""
EXACT_PAIRS = 250_000
"""Up to this many sentence pairs every pair sharing a key is scored (no blocking)."""
TOP_K = 24
"""Beyond EXACT_PAIRS: candidates scored per sentence of A (most shared rare-key weight first)."""
STOP_SHARE = 0.01
"""Beyond EXACT_PAIRS: keys in more than this share of all sentences (at least STOP_MIN) find
no candidates."""
STOP_MIN = 64
RUN_WORDS_MAX = 400
"""Words of each sentence compared for verbatim runs (an unpunctuated page of 20,000 words is
one sentence: its runs are looked for in its first words only)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A fact located in the text (entity key or date value) that becomes a sentence key."""

    start: int
    end: int
    key: str


def _add_anchors(sents: Sequence[Sentence], anchors: Iterable[Anchor]) -> dict[str, str]:
    """Put each anchor's key in the sentence holding it, in place of the words it covers.

    «10 января» becomes one date key and «Токаева» one entity key, so a date or a name counts
    once, not twice; names of several words also keep their words (an abbreviation on the
    other side still meets the entity key). Returns, for one-word entities, the word's key →
    the entity key (see `_name_words_as_entities`).
    """
    single: dict[str, str] = {}
    ordered = sorted(anchors, key=lambda x: x.start)
    i = 0
    covered: dict[int, list[Anchor]] = {}
    for anchor in ordered:
        while i < len(sents) and sents[i].end <= anchor.start:
            i += 1
        if i < len(sents) and sents[i].start <= anchor.start:
            covered.setdefault(i, []).append(anchor)
    for index, found in covered.items():
        sent = sents[index]
        inside: dict[Anchor, list[str]] = {a: [] for a in found}
        kept: set[str] = set()
        for start, end, key in sent.terms:
            holder = next((a for a in found if a.start <= start and end <= a.end), None)
            if holder is None:
                kept.add(key)
            else:
                inside[holder].append(key)
        names: set[str] = set()
        for anchor, words in inside.items():
            if anchor.key.startswith("@") and len(words) > 1:
                names.update(words)  # a long name keeps its words: «Организация Договора …»
            elif anchor.key.startswith("@") and len(words) == 1 and len(words[0]) >= 4:
                single.setdefault(words[0], anchor.key)
        sent.name_keys = names - kept
        sent.keys = kept | names | {a.key for a in found}
    return single


def _name_words_as_entities(sents: Sequence[Sentence], single: dict[str, str]) -> None:
    """A word that is a one-word entity elsewhere in either text, where the tagger missed it
    («Смаїлов» untagged beside «Смаилова» tagged in the other language), takes the entity key."""
    for sent in sents:
        found = sent.keys & single.keys()
        if found:
            sent.keys = (sent.keys - found) | {single[k] for k in found}


def _is_telling_number(key: str) -> bool:
    """Numbers above 31 or with a fraction identify a statement; 1–31 are days and list items."""
    try:
        value = float(key[1:])
    except ValueError:
        return False
    return value > 31 or not value.is_integer()


def _weights(a: Sequence[Sentence], b: Sequence[Sentence]) -> dict[str, float]:
    """Inverse sentence frequency of each key over both texts, anchors boosted."""
    df: Counter[str] = Counter()
    for sent in (*a, *b):
        df.update(sent.keys)
    total = len(a) + len(b) or 1
    weights: dict[str, float] = {}
    for key, count in df.items():
        w = math.log(1 + total / count)
        if key[0] in "@%" or (key[0] == "#" and _is_telling_number(key)):
            w *= ANCHOR_WEIGHT
        weights[key] = w
    return weights


def _run_share(x: Sentence, y: Sentence) -> tuple[float, int]:
    """(share of the shorter sentence in common runs of ≥ 3 words, words in such runs)."""
    if not x.surface or not y.surface:
        return 0.0, 0
    xs, ys = x.surface[:RUN_WORDS_MAX], y.surface[:RUN_WORDS_MAX]
    matcher = SequenceMatcher(None, xs, ys, autojunk=False)
    words = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 3)
    return words / min(len(xs), len(ys)), words


Score = tuple[float, int, float, int, float, int]
"""(weighted overlap, shared keys, verbatim run share, verbatim words, shared weight, evidence)."""


def score_pair(x: Sentence, y: Sentence, weights: dict[str, float]) -> Score:
    """(weighted overlap, shared keys, verbatim run share, verbatim words, shared weight, evidence).

    The overlap is the weighted Dice coefficient, raised towards the containment of the shorter
    sentence when one quotes part of the other. The evidence counts what the two sentences share
    besides names: words, and twice a telling number or a date («Зеленский посетил Варшаву» and
    «Зеленский осудил нападение» share a name and no statement).
    """
    shared = x.keys & y.keys
    if not shared:
        return 0.0, 0, 0.0, 0, 0.0, 0
    w_shared = sum(weights[k] for k in shared)
    w_x = sum(weights[k] for k in x.keys)
    w_y = sum(weights[k] for k in y.keys)
    dice = 2 * w_shared / (w_x + w_y)
    contain = w_shared / min(w_x, w_y)
    shorter = min(len(x.keys), len(y.keys))
    overlap = (
        max(dice, 0.85 * contain) if len(shared) >= 4 and shorter >= CONTAIN_MIN_KEYS else dice
    )
    run_share, run_words = (0.0, 0)
    if len(shared) >= 2:
        run_share, run_words = _run_share(x, y)
    evidence = sum(
        2 if k[0] == "%" or (k[0] == "#" and _is_telling_number(k)) else 1
        for k in shared - x.name_keys - y.name_keys
        if k[0] != "@"
    )
    return overlap, len(shared), run_share, run_words, w_shared, evidence


def _kind(score: Score, bar: float = SIMILAR_MIN) -> tuple[str, float] | None:
    """The pair's kind and score, or None when it does not pass `bar`."""
    overlap, shared, run_share, run_words, w_shared, evidence = score
    verbatim = run_words >= SAME_MIN_WORDS or (run_share == 1.0 and run_words >= 3)
    if run_share >= SAME_MIN_RUN_SHARE and verbatim:
        return "same", round(max(run_share, overlap), 3)
    if shared < MIN_SHARED_KEYS or evidence < MIN_EVIDENCE:
        return None
    if overlap >= bar or (w_shared >= HEAVY_WEIGHT and overlap >= HEAVY_MIN):
        return "similar", round(overlap, 3)
    return None


def align_sentences(
    a: Sequence[Sentence], b: Sequence[Sentence]
) -> list[tuple[int, int, float, str]]:
    """Aligned (index in a, index in b, score, kind), sorted by position in a then b."""
    a_ok = [s for s in a if len(s.keys) >= MIN_SENTENCE_KEYS]
    b_ok = [s for s in b if len(s.keys) >= MIN_SENTENCE_KEYS]
    weights = _weights(a_ok, b_ok)
    scores: dict[tuple[int, int], Score] = {}
    passed: dict[tuple[int, int], tuple[str, float]] = {}
    for x, candidates in _candidates(a_ok, b_ok, weights):
        for y in candidates:
            s = score_pair(x, y, weights)
            if s[0] == 0.0:
                continue
            scores[(x.index, y.index)] = s
            verdict = _kind(s)
            if verdict:
                passed[(x.index, y.index)] = verdict
    by_a = {s.index: s for s in a_ok}
    by_b = {s.index: s for s in b_ok}

    def score_of(key: tuple[int, int]) -> Score | None:
        """The pair's score (scored now if blocking left it out), None when it shares nothing."""
        found = scores.get(key)
        if found is None and key[0] in by_a and key[1] in by_b:
            found = score_pair(by_a[key[0]], by_b[key[1]], weights)
            scores[key] = found
        return found if found is not None and found[0] != 0.0 else None

    # Keep, for each sentence, its best partner (a sentence may be reused more than once).
    # Ties (a sentence repeated, e.g. a title as the lead) go to the partner at the nearest
    # relative position, so repeated text pairs in parallel rather than all to the first copy.
    best_a: dict[int, tuple[float, float, int]] = {}
    best_b: dict[int, tuple[float, float, int]] = {}
    n_a, n_b = max(len(a), 1), max(len(b), 1)
    for (i, j), (_, score) in passed.items():
        near = -abs(i / n_a - j / n_b)
        if (score, near) > best_a.get(i, (-1.0, -9.0, -1))[:2]:
            best_a[i] = (score, near, j)
        if (score, near) > best_b.get(j, (-1.0, -9.0, -1))[:2]:
            best_b[j] = (score, near, i)
    kept = {(i, j) for i, (_, _, j) in best_a.items()} | {(i, j) for j, (_, _, i) in best_b.items()}
    chosen = {key: passed[key] for key in kept}
    # Parallel runs: a neighbour of an aligned pair passes a lower bar.
    taken_a = {i for i, _ in chosen}
    taken_b = {j for _, j in chosen}
    frontier = list(chosen)
    while frontier:
        i, j = frontier.pop()
        for di in (-1, 1):
            key = (i + di, j + di)
            if key in chosen or key[0] in taken_a or key[1] in taken_b:
                continue
            neighbour = score_of(key)
            if neighbour is None:
                continue
            verdict = _kind(neighbour, NEIGHBOUR_MIN)
            if verdict:
                chosen[key] = verdict
                taken_a.add(key[0])
                taken_b.add(key[1])
                frontier.append(key)
    return sorted((i, j, score, kind) for (i, j), (kind, score) in chosen.items())


def _candidates(
    a: Sequence[Sentence], b: Sequence[Sentence], weights: dict[str, float]
) -> Iterable[tuple[Sentence, list[Sentence]]]:
    """Each sentence of `a` with the sentences of `b` worth scoring against it, in `b`'s order.

    Found through an inverted index of `b`'s keys. Up to EXACT_PAIRS pairs: every sentence
    sharing a key (exactly the pairs whose score is not zero). Beyond: through keys in at most
    STOP_SHARE of the sentences only, the TOP_K with the most shared weight."""
    postings: dict[str, list[int]] = defaultdict(list)
    for pos, y in enumerate(b):
        for key in y.keys:
            postings[key].append(pos)
    if len(a) * len(b) <= EXACT_PAIRS:
        for x in a:
            found: set[int] = set()
            for key in x.keys:
                found.update(postings.get(key, ()))
            yield x, [b[pos] for pos in sorted(found)]
            check()
        return
    stop = max(STOP_MIN, int(STOP_SHARE * (len(a) + len(b))))
    for x in a:
        shared: dict[int, float] = defaultdict(float)
        for key in x.keys:
            posting = postings.get(key)
            if posting is None or len(posting) > stop:
                continue
            weight = weights[key]
            for pos in posting:
                shared[pos] += weight
        best = heapq.nlargest(TOP_K, shared.items(), key=lambda item: (item[1], -item[0]))
        yield x, [b[pos] for pos in sorted(pos for pos, _ in best)]
        check()


def align(
    text_a: str,
    text_b: str,
    lang_a: str | None = None,
    lang_b: str | None = None,
    anchors_a: Iterable[Anchor] = (),
    anchors_b: Iterable[Anchor] = (),
) -> list[Pair]:
    """Aligned passages of two texts (offsets into each), in reading order of `text_a`."""
    sa = sentences(text_a, lang_a)
    sb = sentences(text_b, lang_b)
    single = _add_anchors(sa, anchors_a)
    for word, key in _add_anchors(sb, anchors_b).items():
        single.setdefault(word, key)
    _name_words_as_entities(sa, single)
    _name_words_as_entities(sb, single)
    pairs: list[Pair] = []
    for i, j, score, kind in align_sentences(sa, sb):
        x, y = sa[i], sb[j]
        pairs.append(
            Pair(
                a=Span(x.start, x.end, x.text),
                b=Span(y.start, y.end, y.text),
                score=score,
                kind=kind,  # type: ignore[arg-type]
            )
        )
    return pairs
