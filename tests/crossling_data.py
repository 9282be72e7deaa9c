"""Readers of the hand-made cross-language dev sets in tests/data/crossling (see each file's header).

- `load_pairs(name)`: invented ru/uk reports of one event, with gold aligned sentence pairs;
- `load_names(name)`: (type, ru, uk, latin) names of one entity; `load_distinct()`: look-alikes
  of different entities;
- `load_ner(name)`: hand-annotated news as scorer-shaped documents (`entities` with offsets and
  the gold base form in `norm`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "crossling"


@dataclass
class PairDoc:
    """One ru/uk pair: texts, sentence offsets in each, and gold (ru sentence, uk sentence) pairs."""

    id: str
    topic: str
    ru: str = ""
    uk: str = ""
    ru_sents: list[tuple[int, int]] = field(default_factory=list)
    uk_sents: list[tuple[int, int]] = field(default_factory=list)
    gold: set[tuple[int, int]] = field(default_factory=set)


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]


def load_pairs(name: str) -> list[PairDoc]:
    """The pairs of `pairs_<name>.txt` ("dev" or "heldout")."""
    docs: list[PairDoc] = []
    units: list[list[tuple[str, str]]] = []

    def flush() -> None:
        if not docs:
            return
        doc = docs[-1]
        parts: dict[str, list[str]] = {"RU": [], "UK": []}
        sents: dict[str, list[tuple[int, int]]] = {"RU": [], "UK": []}
        for unit in units:
            idx: dict[str, list[int]] = {"RU": [], "UK": []}
            for side, sentence in unit:
                offset = sum(len(p) + 2 for p in parts[side])
                sents[side].append((offset, offset + len(sentence)))
                idx[side].append(len(sents[side]) - 1)
                parts[side].append(sentence)
            doc.gold |= {(i, j) for i in idx["RU"] for j in idx["UK"]}
        doc.ru, doc.uk = "\n\n".join(parts["RU"]), "\n\n".join(parts["UK"])
        doc.ru_sents, doc.uk_sents = sents["RU"], sents["UK"]
        units.clear()

    unit: list[tuple[str, str]] = []
    for line in _lines(DATA / f"pairs_{name}.txt"):
        if line.startswith("=== "):
            if unit:
                units.append(unit)
                unit = []
            flush()
            ident, _, topic = line[4:].partition("|")
            docs.append(PairDoc(ident.strip(), topic.strip()))
        elif line.strip() == "--":
            if unit:
                units.append(unit)
            unit = []
        elif line[:3] in ("RU:", "UK:"):
            unit.append((line[:2], line[3:].strip()))
    if unit:
        units.append(unit)
    flush()
    return docs


def load_names(name: str) -> list[tuple[str, str, str, str]]:
    """(type, ru, uk, latin) rows of `names_<name>.tsv`."""
    rows = []
    for line in _lines(DATA / f"names_{name}.tsv"):
        if line.strip():
            cells = (line.split("\t") + ["", "", "", ""])[:4]
            rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def load_distinct() -> list[tuple[str, str, str]]:
    """(type, a, b): names of different entities that must keep different keys."""
    rows = []
    for line in _lines(DATA / "names_distinct.tsv"):
        if line.strip():
            t, a, b = line.split("\t")
            rows.append((t, a, b))
    return rows


_MARK = re.compile(r"\[([^\[\]|]+)\|(PER|LOC|ORG)(?:\|([^\[\]|]+))?\]")


def load_ner(name: str) -> list[dict[str, Any]]:
    """Documents of `ner_<name>.txt` in the scorer's shape (offsets into the unmarked text)."""
    body = "\n".join(_lines(DATA / f"ner_{name}.txt"))
    docs = []
    for n, block in enumerate(re.split(r"^===[^\n]*$", body, flags=re.M)):
        block = block.strip()
        if not block:
            continue
        text, entities, pos = [], [], 0
        last = 0
        for m in _MARK.finditer(block):
            text.append(block[last : m.start()])
            pos += m.start() - last
            surface = m.group(1)
            entities.append(
                {
                    "start": pos,
                    "end": pos + len(surface),
                    "type": m.group(2),
                    "text": surface,
                    "norm": m.group(3) or surface,
                }
            )
            text.append(surface)
            pos += len(surface)
            last = m.end()
        text.append(block[last:])
        docs.append({"id": f"{name}/{n}", "text": "".join(text), "entities": entities})
    return docs
