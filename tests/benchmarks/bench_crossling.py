"""Cross-language figures on the hand-made sets in tests/data/crossling (not a pytest test).

    .venv/bin/python tests/benchmarks/bench_crossling.py [--only pairs,names,ner,speed]

- pairs: invented ru/uk reports of one event. For each split (dev, heldout): how many same-event
  pairs get at least one aligned passage, precision/recall of aligned sentence pairs against the
  gold units, and how many different-event pairs (every ru report against every other uk report)
  get any aligned passage at all (should be none).
- names: how many ru/uk/Latin names of one entity get one key; how many look-alikes of different
  entities wrongly do.
- ner: exact-span micro F1 (the shared scorer's definition) and base-form accuracy on the
  hand-annotated Ukrainian and Russian news.
- speed: comparing two 1,000-word articles (facts already extracted, as in the app), against
  `difflib` over the same words as a same-process baseline.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from crossling_data import load_distinct, load_names, load_ner, load_pairs  # noqa: E402

TYPES = ("PER", "LOC", "ORG")


def _prepared(ident: str, text: str, lang: str) -> Any:
    from tui.compare.prepare import Prepared
    from tui.facts import extract

    return Prepared(id=ident, text=text, language=lang, facts=extract(text, lang))


def _sentence_of(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    best, best_overlap = None, 0
    for i, (s, e) in enumerate(spans):
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def pairs() -> None:
    from tui.compare.comparison import compare_prepared

    for split in ("dev", "heldout", "loose_dev", "loose_heldout"):
        docs = load_pairs(split)
        prepared = {
            d.id: (_prepared(d.id + "/ru", d.ru, "ru"), _prepared(d.id + "/uk", d.uk, "uk"))
            for d in docs
        }
        hit = tp = n_pred = n_gold = 0
        for d in docs:
            ru, uk = prepared[d.id]
            comparison = compare_prepared(ru, uk)
            found = set()
            for p in comparison.pairs:
                i = _sentence_of(d.ru_sents, p.a.start, p.a.end)
                j = _sentence_of(d.uk_sents, p.b.start, p.b.end)
                if i is not None and j is not None:
                    found.add((i, j))
            hit += bool(found)
            tp += len(found & d.gold)
            n_pred += len(found)
            n_gold += len(d.gold)
        false_pairs = total_neg = 0
        for d in docs:
            for e in docs:
                if d.id == e.id:
                    continue
                total_neg += 1
                false_pairs += bool(compare_prepared(prepared[d.id][0], prepared[e.id][1]).pairs)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        print(
            f"pairs {split:13} same event with ≥1 passage {hit}/{len(docs)}  "
            f"sentence pairs P {p:.3f} R {r:.3f} ({tp}/{n_pred} pred, {n_gold} gold)  "
            f"different events with a passage {false_pairs}/{total_neg}",
            flush=True,
        )


def name_key(typ: str, name: str, lang: str) -> str:
    """The key an entity of this base form gets (as `entities.link` gives it)."""
    from tui.facts import keys
    from tui.facts.entities import link
    from tui.facts.spans import Span

    del keys  # the key functions are reached through `link`, as in the pipeline
    entity = link(name, [(Span(0, len(name), typ), name)])[0]  # type: ignore[arg-type]
    return entity.key


def names() -> None:
    for split in ("dev", "heldout"):
        rows = load_names(split)
        same = same_latin = n_latin = 0
        misses = []
        for typ, ru, uk, latin in rows:
            k_ru, k_uk = name_key(typ, ru, "ru"), name_key(typ, uk, "uk")
            ok = k_ru == k_uk
            same += ok
            if not ok:
                misses.append(f"{ru}={k_ru}/{uk}={k_uk}")
            if latin:
                n_latin += 1
                same_latin += name_key(typ, latin, "en") == k_ru
        print(
            f"names {split:8} ru=uk {same}/{len(rows)}  latin=ru {same_latin}/{n_latin}",
            flush=True,
        )
        if split != "heldout":
            print("   misses:", "; ".join(misses[:40]))
    wrong = [
        f"{a}/{b}" for t, a, b in load_distinct() if name_key(t, a, "ru") == name_key(t, b, "uk")
    ]
    print(f"names distinct look-alikes merged {len(wrong)}/{len(load_distinct())}: {wrong}")


def ner() -> None:
    from tui.facts.entities import find_entities

    for name in ("uk_dev", "uk_heldout", "ru_dev", "ru_heldout"):
        lang = name[:2]
        docs = load_ner(name)
        tp = n_pred = n_gold = 0
        per_type = {t: [0, 0, 0] for t in TYPES}
        norm_ok = norm_n = 0
        errors = []
        for d in docs:
            gold = {(e["start"], e["end"], e["type"]): e for e in d["entities"]}
            found = find_entities(d["text"], lang)
            pred = {(e.start, e.end, e.type): e for e in found}
            tp += len(gold.keys() & pred.keys())
            n_pred += len(pred)
            n_gold += len(gold)
            for t in TYPES:
                g = {k for k in gold if k[2] == t}
                p = {k for k in pred if k[2] == t}
                per_type[t][0] += len(g & p)
                per_type[t][1] += len(p)
                per_type[t][2] += len(g)
            for k in gold.keys() & pred.keys():
                norm_n += 1
                if pred[k].normal.lower() == gold[k]["norm"].lower():
                    norm_ok += 1
                else:
                    errors.append(f"norm {gold[k]['text']}→{pred[k].normal}")
            for k in gold.keys() - pred.keys():
                errors.append(f"FN {gold[k]['type']} {gold[k]['text']}")
            for k in pred.keys() - gold.keys():
                errors.append(f"FP {k[2]} {d['text'][k[0] : k[1]]}")
        f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
        types = "  ".join(
            f"{t} {2 * v[0] / (v[1] + v[2]) if v[1] + v[2] else 0:.2f}" for t, v in per_type.items()
        )
        print(
            f"ner {name:11} exact F1 {f1:.3f} ({types})  base form {norm_ok}/{norm_n}",
            flush=True,
        )
        if "heldout" not in name:  # held-out errors are not looked at (nothing is tuned on them)
            print("   ", "; ".join(errors[:60]))


def speed() -> None:
    from difflib import SequenceMatcher

    from tui.compare.comparison import compare_prepared

    docs = load_pairs("dev")
    ru_text = "\n\n".join(d.ru for d in docs)
    uk_text = "\n\n".join(d.uk for d in docs)
    ru_words, uk_words = ru_text.split()[:1000], uk_text.split()[:1000]
    ru_text, uk_text = " ".join(ru_words), " ".join(uk_words)
    a, b = _prepared("ru", ru_text, "ru"), _prepared("uk", uk_text, "uk")
    from tui.compare import text as text_mod
    from tui.facts import morph

    def clear(all_caches: bool) -> None:
        text_mod.lemma.cache_clear()
        text_mod.bridge_uk.cache_clear()
        if all_caches:
            morph.parses.cache_clear()

    rounds = 5
    compare_prepared(a, b)  # warm: models loaded
    results = {}
    for label, all_caches in (("after extraction", False), ("no word cache at all", True)):
        times = []
        for _ in range(rounds):
            a2, b2 = _prepared("ru", ru_text, "ru"), _prepared("uk", uk_text, "uk")
            clear(all_caches)
            t = time.perf_counter()
            compare_prepared(a2, b2)
            times.append(time.perf_counter() - t)
        results[label] = sorted(times)
    t = time.perf_counter()
    SequenceMatcher(None, ru_words, uk_words, autojunk=False).get_matching_blocks()
    base = time.perf_counter() - t
    for label, times in results.items():
        print(
            f"speed compare of two 1,000-word articles ({label}): best {times[0] * 1000:.0f} ms, "
            f"median {times[rounds // 2] * 1000:.0f} ms; difflib over the same words "
            f"{base * 1000:.1f} ms (ratio {times[0] / base if base else 0:.1f}x)"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", default="pairs,names,ner,speed")
    args = ap.parse_args(argv)
    for part in args.only.split(","):
        {"pairs": pairs, "names": names, "ner": ner, "speed": speed}[part]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
