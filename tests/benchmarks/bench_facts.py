"""Benchmark the named-entity extractor against plain natasha, in one process (not a pytest test).

    .venv/bin/python tests/benchmarks/bench_facts.py [--eval-dir ../shared/eval] [--sets factru,...]
                                                     [--full] [--limit N]

For each dev set (factRuEval, BSNLP uk, BSNLP ru) it prints exact-span and partial micro F1 and
documents per second for:

- `natasha`: `NewsNERTagger` as shipped on the text as given (the baseline);
- `sverka`:  `tui.facts.entities.find_entities` (spans, base forms and keys);
- with `--full`, also `tui.facts.extract` (entities + dates, quantities, quotes, sources).

Then, for BSNLP (whose gold carries `norm`, the base form, and `xid`, an id shared by one entity
across languages): how often `Entity.normal` equals the gold base form on exactly matched spans,
and how many entities seen in both the Russian and the Ukrainian set get one key in both.

Scores come from the shared scorer `score_ner.py` (its `score_exact`/`score_partial`), loaded from
the eval folder; the gold data is read from there and never copied. Models are loaded (and one
warm-up document run) before timing, so docs/s is the steady state, not model loading.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SETS = {
    "factru": "dev_factru.jsonl",
    "bsnlp_uk": "dev_bsnlp_uk.jsonl",
    "bsnlp_ru": "dev_bsnlp_ru.jsonl",
}
TYPES = ("PER", "LOC", "ORG")

Spans = list[tuple[int, int, str]]


def load_scorer(eval_dir: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_ner", eval_dir / "score_ner.py")
    assert spec and spec.loader, f"no score_ner.py in {eval_dir}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_docs(path: Path, limit: int | None) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return docs[:limit] if limit else docs


def natasha_spans() -> Callable[[str, str], Spans]:
    from natasha import Doc

    from tui.facts import nlp

    def run(text: str, lang: str) -> Spans:
        doc = Doc(text)
        doc.segment(nlp.segmenter())
        doc.tag_ner(nlp.ner_tagger())
        return [(s.start, s.stop, s.type) for s in doc.spans]

    return run


def sverka_spans() -> Callable[[str, str], Spans]:
    from tui.facts.entities import find_entities

    def run(text: str, lang: str) -> Spans:
        return [(e.start, e.end, e.type) for e in find_entities(text, lang)]

    return run


def sverka_full() -> Callable[[str, str], Spans]:
    from tui.facts import extract

    def run(text: str, lang: str) -> Spans:
        return [(e.start, e.end, e.type) for e in extract(text, lang).entities]

    return run


def evaluate(
    scorer: Any, docs: list[dict[str, Any]], lang: str, fn: Callable[[str, str], Spans]
) -> dict[str, float]:
    fn(docs[0]["text"], lang)  # warm-up: models and caches loaded before the clock starts
    preds: list[Spans] = []
    start = time.perf_counter()
    for d in docs:
        preds.append(fn(d["text"], lang))
    elapsed = time.perf_counter() - start
    out: dict[str, float] = {"docs_per_s": len(docs) / elapsed if elapsed else 0.0}
    for mode, score in (("exact", scorer.score_exact), ("partial", scorer.score_partial)):
        micro = scorer.PRF()
        for d, pred in zip(docs, preds, strict=True):
            for t in TYPES:
                g = [(e["start"], e["end"]) for e in d["entities"] if e["type"] == t]
                p = [(s, e) for s, e, typ in pred if typ == t]
                micro.add(*score(g, p))
        out[mode] = micro.values()[2]
    return out


def linking(eval_dir: Path, limit: int | None) -> None:
    """Base-form accuracy and ru↔uk key agreement on BSNLP (gold `norm` and `xid`)."""
    from collections import Counter, defaultdict

    from tui.facts.entities import find_entities

    keys_by_xid: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for name in ("bsnlp_ru", "bsnlp_uk"):
        lang = name[-2:]
        ok = n = 0
        for d in load_docs(eval_dir / SETS[name], limit):
            gold = {(e["start"], e["end"]): e for e in d["entities"]}
            for e in find_entities(d["text"], lang):
                g = gold.get((e.start, e.end))
                if not g:
                    continue
                if g.get("norm"):
                    n += 1
                    ok += e.normal.lower().replace("ё", "е") == g["norm"].lower().replace("ё", "е")
                if g.get("xid"):
                    keys_by_xid[g["xid"]][lang][e.key] += 1
        print(f"{name:10} base form = gold norm on matched spans: {ok / n if n else 0:.3f} ({n})")
    both = [x for x, by_lang in keys_by_xid.items() if len(by_lang) == 2]
    same = sum(
        keys_by_xid[x]["ru"].most_common(1)[0][0] == keys_by_xid[x]["uk"].most_common(1)[0][0]
        for x in both
    )
    print(f"ru↔uk: {same}/{len(both)} entities found in both languages share a key")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--full", action="store_true", help="also time the whole extract() pipeline")
    ap.add_argument("--limit", type=int, help="only the first N documents of each set")
    ap.add_argument("--no-linking", action="store_true", help="skip the base-form/key report")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.eval_dir)
    runners = {"natasha": natasha_spans(), "sverka": sverka_spans()}
    if args.full:
        runners["sverka extract()"] = sverka_full()
    print(f"{'set':10} {'system':17} {'exact F1':>9} {'partial F1':>11} {'docs/s':>8}")
    for name in args.sets.split(","):
        docs = load_docs(args.eval_dir / SETS[name], args.limit)
        lang = "uk" if name.endswith("_uk") else "ru"
        for label, fn in runners.items():
            r = evaluate(scorer, docs, lang, fn)
            print(
                f"{name:10} {label:17} {r['exact']:9.3f} {r['partial']:11.3f} {r['docs_per_s']:8.1f}",
                flush=True,
            )
    if not args.no_linking:
        linking(args.eval_dir, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
