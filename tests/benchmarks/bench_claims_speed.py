"""What claims cost in extraction, against natasha's NER + morphology + normalisation, in one process.

    .venv/bin/python tests/benchmarks/bench_claims_speed.py [--eval-dir ../shared/eval] [--limit 300]

Documents: the claims test material (tests/data/claims, every split) and, when the eval folder is
there, the first `--limit` texts of factRuEval dev. Models are loaded and one document run before
timing; each runner goes over all documents three times and the best pass counts. Prints seconds
per pass and ratios for:

- `natasha`: segment, morphology tagging, NER tagging and normalising every span (the baseline);
- `extract`: `tui.facts.extract` (entities, dates, quantities, quotes, sources, claims);
- `claims only`: `tui.facts.claims.find_claims` on the already extracted facts (its own share).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tomllib  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def documents(eval_dir: Path, limit: int) -> list[tuple[str, str]]:
    docs = []
    for path in sorted((REPO / "tests" / "data" / "claims").glob("*/*.toml")):
        for art in tomllib.loads(path.read_text("utf-8")).get("article", []):
            docs.append((art["text"], art["lang"]))
    factru = eval_dir / "dev_factru.jsonl"
    if factru.is_file():
        with factru.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                docs.append((json.loads(line)["text"], "ru"))
    return docs


def best_pass(run, docs, rounds: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text, lang in docs:
            run(text, lang)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    docs = documents(args.eval_dir, args.limit)

    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger

    from tui.facts import extract, nlp
    from tui.facts.claims import find_claims

    morph_tagger = NewsMorphTagger(NewsEmbedding())
    vocab = MorphVocab()

    def natasha(text: str, lang: str) -> None:
        doc = Doc(text)
        doc.segment(nlp.segmenter())
        doc.tag_morph(morph_tagger)
        doc.tag_ner(nlp.ner_tagger())
        for span in doc.spans:
            span.normalize(vocab)

    facts = {}

    def full(text: str, lang: str) -> None:
        facts[text] = extract(text, lang)

    def claims_only(text: str, lang: str) -> None:
        f = facts[text]
        find_claims(text, lang, f.quantities, f.entities, f.dates, f.sources)

    for run in (natasha, full):  # warm up (models, dictionaries)
        run(*docs[0])
    t_nat = best_pass(natasha, docs)
    t_full = best_pass(full, docs)
    t_claims = best_pass(claims_only, docs)
    n = len(docs)
    print(f"{n} documents")
    print(f"natasha NER+morph+norm: {t_nat:.2f} s ({n / t_nat:.0f} docs/s)")
    print(
        f"extract (all facts):    {t_full:.2f} s ({n / t_full:.0f} docs/s), ×{t_full / t_nat:.2f}"
    )
    print(f"claims only:            {t_claims:.3f} s, {100 * t_claims / t_full:.1f} % of extract,"
          f" ×{t_claims / t_nat:.3f} of natasha")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
