"""How much article text the cleaner keeps on pages it has never seen.

Reads the NER gold sets in ../shared/eval/ (never copied into the repository): every document is
a news page, and every gold entity mention is article text. Reports the share of mentions whose
text is still in the cleaned document, what was removed and why, and the time per page.

Run: .venv/bin/python tests/benchmarks/bench_clean_eval.py [--show N]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.clean import clean_text  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
FILES = ["dev_bsnlp_ru.jsonl", "dev_bsnlp_uk.jsonl", "dev_factru.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N removed pieces per reason")
    args = parser.parse_args()
    for name in FILES:
        path = EVAL / name
        if not path.exists():
            print(f"{name}: not found under {EVAL}")
            continue
        docs = [json.loads(line) for line in path.open(encoding="utf-8")]
        kept = total = 0
        reasons: collections.Counter[str] = collections.Counter()
        examples: dict[str, list[str]] = collections.defaultdict(list)
        lost: list[tuple[str, str]] = []
        seconds = 0.0
        for doc in docs:
            start = time.perf_counter()
            cleaned = clean_text(doc["text"])
            seconds += time.perf_counter() - start
            flat = " ".join(cleaned.text.split())
            for entity in doc["entities"]:
                total += 1
                if " ".join(entity["text"].split()) in flat:
                    kept += 1
                else:
                    lost.append((doc["id"], entity["text"]))
            for item in cleaned.removed:
                reasons[item.reason] += 1
                if len(examples[item.reason]) < args.show:
                    examples[item.reason].append(item.text[:120])
        print(
            f"{name}: {len(docs)} pages, {kept}/{total} entity mentions kept "
            f"({kept / max(total, 1):.2%}), {seconds / len(docs) * 1000:.2f} ms/page"
        )
        print("  removed:", dict(reasons.most_common()))
        for reason, texts in examples.items():
            for text in texts:
                print(f"    {reason:16s} {text}")
        if args.show:
            for doc_id, text in lost[: args.show * 3]:
                print(f"    lost {doc_id}: {text}")


if __name__ == "__main__":
    main()
