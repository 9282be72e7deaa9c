"""Generate a synthetic corpus of N articles from the seeds' sentences (for bench_scale.py).

Each article borrows one seed's opening lines (so outlet detection and cleaning see real page
furniture), a headline and 20-60 sentences drawn from the seed of the same language, with variants
(numbers changed, sentences shuffled, names swapped) and a long Zipf tail of invented rare words, so
that some queries are very selective (a word in a handful of articles) and some match half the
corpus. Deterministic for a given --seed. Files go 1,000 per folder.

    python tests/benchmarks/gen_corpus.py /tmp/corpus-100k -n 100000
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_SENT = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZА-ЯЁІЇЄҐ0-9])")
_SYLLABLES_RU = [
    "ба",
    "ве",
    "го",
    "ду",
    "жи",
    "зо",
    "ка",
    "ли",
    "мо",
    "ну",
    "пы",
    "ро",
    "са",
    "ти",
    "ук",
    "фе",
    "хи",
    "це",
    "чо",
    "ша",
    "ще",
    "ар",
    "ел",
    "ин",
    "ов",
    "ус",
    "ям",
    "ор",
    "ан",
    "ек",
    "ит",
]
_SYLLABLES_UK = [
    "ба",
    "ві",
    "го",
    "ду",
    "жи",
    "зо",
    "ка",
    "лі",
    "мо",
    "ну",
    "пи",
    "ро",
    "са",
    "ті",
    "ук",
    "фе",
    "хі",
    "це",
    "чо",
    "ша",
    "ще",
    "ар",
    "ел",
    "ін",
    "ов",
    "ус",
    "ям",
    "ор",
    "ан",
    "єк",
    "їт",
]
_NAMES = ["Токаев", "Путин", "Лукашенко", "Блинкен", "Назарбаев", "Мамин", "Смаилов", "Байден",
          "Зеленский", "Масимов", "Трамп", "Шойгу"]  # fmt: skip
_ENDINGS_RU = ["", "а", "у", "ым", "е"]


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if len(line) < 40:
            continue
        out.extend(s.strip() for s in _SENT.split(line) if len(s.strip()) > 30)
    return out


def _vocab(rng: random.Random, syllables: list[str], n: int) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(3, 5))))
    return sorted(words)


def load_seeds() -> list[dict]:
    """Per seed: its head lines (page furniture), its sentences and its language."""
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        lines = text.splitlines()
        uk = sum(text.count(c) for c in "іїєґ") > sum(text.count(c) for c in "ыэъ")
        head = lines[:2] if lines and "Зеркала" in lines[0] else lines[:0]
        prefix = " date 2022-01 " if text.startswith(" date") else ""
        seeds.append({"head": head, "prefix": prefix, "sentences": _sentences(text), "uk": uk})
    return seeds


def _vary(rng: random.Random, sentence: str, rare: list[str], weights: list[float]) -> str:
    words = sentence.split()
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choices(rare, cum_weights=weights)[0])
    if rng.random() < 0.3:
        name = rng.choice(_NAMES) + rng.choice(_ENDINGS_RU)
        words.insert(rng.randrange(len(words) + 1), name)
    if rng.random() < 0.3:
        words = [str(rng.randint(2, 9999)) if w.isdigit() else w for w in words]
    return " ".join(words)


def generate(out: Path, n: int, seed: int = 1) -> None:
    """Write `n` articles under `out`."""
    rng = random.Random(seed)
    seeds = load_seeds()
    rare_ru = _vocab(rng, _SYLLABLES_RU, 60000)
    rare_uk = _vocab(rng, _SYLLABLES_UK, 20000)
    zipf_ru = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(rare_ru))))
    zipf_uk = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(rare_uk))))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for i in range(n):
        s = seeds[rng.randrange(len(seeds))]
        rare, weights = (rare_uk, zipf_uk) if s["uk"] else (rare_ru, zipf_ru)
        pool = s["sentences"]
        title = _vary(rng, rng.choice(pool), rare, weights)[:160]
        body = [_vary(rng, rng.choice(pool), rare, weights) for _ in range(rng.randint(12, 40))]
        paras = [" ".join(body[j : j + 4]) for j in range(0, len(body), 4)]
        day = f"{rng.randint(1, 28)} {'січня' if s['uk'] else 'января'} 2022"
        text = "\n".join(s["head"]) + ("\n" if s["head"] else "")
        text += s["prefix"] + title + "\n\n" + day + "\n\n" + "\n\n".join(paras) + "\n"
        folder = out / f"{i // 1000:04d}"
        if i % 1000 == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"{i:07d}_{rng.getrandbits(40):010x}.txt").write_text(text, "utf-8")
        if i and i % 20000 == 0:
            print(f"  {i} articles, {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
