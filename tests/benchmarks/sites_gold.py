"""Read the annotated pages of tests/data/sites (see its README): the page text and its gold."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SITES = Path(__file__).resolve().parents[1] / "data" / "sites"


@dataclass
class GoldPage:
    """One annotated page: its raw text and what a reader should get from it."""

    name: str
    raw: str
    outlet: str
    date: str | None
    title: str
    body: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    held_out: bool = False


def parse_page(path: Path) -> GoldPage:
    """The page of one `*.page` file (tags stripped) and its gold."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = dict(item.split("=", 1) for item in lines[0].removeprefix("#!").split())
    raw: list[str] = []
    page = GoldPage(
        name=path.stem,
        raw="",
        outlet=header["outlet"],
        date=None if header.get("date", "none") == "none" else header["date"],
        title="",
        held_out=path.name.startswith("h"),
    )
    for line in lines[1:]:
        if not line.strip():
            raw.append("")
            continue
        tag, text = line[:1], line[2:]
        raw.append(text)
        if tag == "=":
            page.title = text.strip()
        elif tag == "+":
            page.body.append(text.strip())
        elif tag == "-":
            page.boilerplate.append(text.strip())
    page.raw = "\n".join(raw).strip("\n") + "\n"
    return page


def gold_pages(held_out: bool | None = None) -> list[GoldPage]:
    """Every annotated page (only the held-out or only the dev ones when asked)."""
    pages = [parse_page(p) for p in sorted(SITES.glob("*.page"))]
    return [p for p in pages if held_out is None or p.held_out == held_out]
