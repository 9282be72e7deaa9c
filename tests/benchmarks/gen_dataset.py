"""Write the synthetic corpus of gen_corpus.py as one dataset file: a JSONL (.jsonl, .jsonl.gz,
.jsonl.zst) or Parquet file with one row per article — the same page texts the folder corpus of
the same size holds, with an id, a url and a date field as a scraper's dump has them.

    python tests/benchmarks/gen_dataset.py /tmp/sverka-1m.jsonl -n 1000000
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import pages  # noqa: E402


def rows(n: int, seed: int = 1):
    for i, suffix, text in pages(n, seed):
        yield {
            "id": f"{i:07d}_{suffix}",
            "url": f"https://news.example/{i // 1000:04d}/{suffix}.html",
            "date_publish": f"2022-01-{1 + i % 28:02d} 12:00:00",
            "text": text,
        }


def write(out: Path, n: int, seed: int = 1) -> None:
    """Write `n` rows to `out` (format by its suffix)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if out.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        batch: list[dict] = []
        for row in rows(n, seed):
            batch.append(row)
            if len(batch) == 10000:
                table = pa.Table.from_pylist(batch)
                writer = writer or pq.ParquetWriter(out, table.schema)
                writer.write_table(table)
                batch = []
        if batch:
            table = pa.Table.from_pylist(batch)
            writer = writer or pq.ParquetWriter(out, table.schema)
            writer.write_table(table)
        if writer:
            writer.close()
        return
    if out.name.endswith(".gz"):
        f = gzip.open(out, "wt", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    elif out.name.endswith(".zst"):
        import io

        import zstandard

        f = io.TextIOWrapper(zstandard.ZstdCompressor().stream_writer(open(out, "wb")), "utf-8")  # noqa: SIM115
    else:
        f = open(out, "w", encoding="utf-8")  # noqa: SIM115
    with f:
        for row in rows(n, seed):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            if row and int(row["id"][:7]) % 100000 == 0 and int(row["id"][:7]):
                print(f"  {row['id'][:7]} rows, {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
