"""A small, fixed app for snapshot tests (as posting's `posting_snapshot_app.py` does).

The snapshots show what a person sees, so they must not change when the cleaner or the fact
extractor improve: three hand-written articles, a paragraph-splitting cleaner and facts found by
a fixed word list stand in for the real pipeline here. The Pilot tests use the real one.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.app.app import SverkaApp
from tui.app.library import MemoryLibrary
from tui.clean.document import Block, Document, Removed
from tui.config import Config
from tui.corpus import Article
from tui.facts.model import Claim, DateFact, Entity, Facts, Quantity, Quote, Source

ARTICLES: list[tuple[str, str, str, str, str | None, str]] = [
    (
        "001_kloop",
        "США просят Казахстан объясниться",
        "kloop.kg",
        "ru",
        "2022-01-09",
        "Поддержать редакцию\n\n"
        "США просят Казахстан объясниться, почему власти страны обратились к странам ОДКБ. "
        "Об этом 9 января сообщил госсекретарь США Энтони Блинкен.\n\n"
        "«У нас есть реальные вопросы», — сказал Блинкен. По данным МВД Казахстана, задержаны "
        "5800 человек.\n\n"
        "Читайте также: другие новости",
    ),
    (
        "002_focus",
        "Влада Казахстану проводить масові зачистки",
        "focus.ua",
        "uk",
        "2022-01-10",
        "У місті Алмати протягом доби затримано 1 925 осіб, повідомляє Інтерфакс.\n\n"
        "Президент Казахстану Касим-Жомарт Токаєв заявив про відновлення порядку.",
    ),
    (
        "003_zerkalo",
        "[@click=app.quit]Нажми[/] — беспорядки в Алматы",
        "zerkalo.io",
        "ru",
        None,
        "В беспорядках в Алматы, по данным МВД, задержаны 7939 человек. "
        "Текст [b]с разметкой[/b] остаётся текстом.",
    ),
]

ENTITIES: dict[str, tuple[str, str, str]] = {
    "США": ("LOC", "США", "сша"),
    "Казахстан": ("LOC", "Казахстан", "казахстан"),
    "Казахстану": ("LOC", "Казахстан", "казахстан"),
    "Казахстана": ("LOC", "Казахстан", "казахстан"),
    "ОДКБ": ("ORG", "ОДКБ", "одкб"),
    "Энтони Блинкен": ("PER", "Энтони Блинкен", "блинкен"),
    "Блинкен": ("PER", "Энтони Блинкен", "блинкен"),
    "МВД": ("ORG", "МВД", "мвд"),
    "Алмати": ("LOC", "Алматы", "алматы"),
    "Алматы": ("LOC", "Алматы", "алматы"),
    "Касим-Жомарт Токаєв": ("PER", "Касым-Жомарт Токаев", "токаев"),
}


def articles(root: Path) -> list[Article]:
    """The fixed articles, as the corpus reader would give them."""
    return [
        Article(
            id=aid,
            path=root / f"{aid}.txt",
            raw=raw,
            encoding="utf-8",
            title=title,
            outlet=outlet,
            language=lang,
            date=date,
            words=len(raw.split()),
            size=len(raw.encode()),
            mtime=0.0,
            sha1="0" * 40,
        )
        for aid, title, outlet, lang, date, raw in ARTICLES
    ]


def clean(article: Article) -> Document:
    """Title, date line, one block per raw paragraph; short "Поддержать…/Читайте…" lines removed."""
    text = article.title
    date_line = article.date
    if date_line:
        text += "\n\n" + date_line
    blocks: list[Block] = []
    removed: list[Removed] = []
    for match in re.finditer(r"[^\n]+", article.raw):
        para = match.group()
        if para.startswith(("Поддержать", "Читайте")):
            removed.append(Removed(para, match.start(), match.end(), "boilerplate"))
            continue
        text += "\n\n"
        start = len(text)
        text += para
        blocks.append(Block("paragraph", para, start, len(text), match.start(), match.end()))
    return Document(article.title, date_line, blocks, removed, text)


def extract(article: Article, document: Document) -> Facts:
    """Facts from a fixed word list (longest names first), numbers and «quotes»."""
    text = document.text
    entities: list[Entity] = []
    taken: set[int] = set()
    for surface in sorted(ENTITIES, key=len, reverse=True):
        for m in re.finditer(re.escape(surface) + r"\b", text):
            if m.start() in taken:
                continue
            taken.update(range(m.start(), m.end()))
            kind, normal, key = ENTITIES[surface]
            entities.append(Entity(m.start(), m.end(), m.group(), kind, normal, key))  # type: ignore[arg-type]
    entities.sort(key=lambda e: e.start)
    dates = [
        DateFact(m.start(), m.end(), m.group(), f"2022-01-{int(m.group(1)):02d}")
        for m in re.finditer(r"(\d+) января", text)
    ]
    quantities = [
        Quantity(
            m.start(), m.end(), m.group(), float(m.group(1).replace(" ", "")), counted=m.group(2)
        )
        for m in re.finditer(r"(\d[\d ]*\d) (человек|осіб)", text)
    ]
    quotes = [
        Quote(m.start(), m.end(), m.group(), "Энтони Блинкен", "блинкен")
        for m in re.finditer(r"«[^»]+»", text)
    ]
    sources = [
        Source(m.start(), m.end(), m.group(), m.group(), "agency")
        for m in re.finditer(r"Інтерфакс", text)
    ]
    claims = [_claim(text, q, entities, sources) for q in quantities]
    return Facts(entities, dates, quantities, quotes, sources, claims)


def _claim(text: str, q: Quantity, entities: list[Entity], sources: list[Source]) -> Claim:
    """Every fixed number counts detained people; source and place from its paragraph."""
    start = text.rfind("\n", 0, q.start) + 1
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    cited = [s.name for s in sources if start <= s.start < end]
    cited += ["МВД"] if "МВД" in text[start:end] else []
    places = [e.normal for e in entities if e.type == "LOC" and start <= e.start < end]
    return Claim(
        q.start, q.end, q.text, "detained", q.value,
        attribution=cited[0] if cited else None, place=places[-1] if places else None,
        sentence_start=start, sentence_end=end,
    )  # fmt: skip


def snapshot_app(root: Path) -> SverkaApp:
    """The app on the fixed articles, with the fixed pipeline."""
    items = articles(root)

    def facts_of(article: Article) -> Facts:
        return extract(article, clean(article))

    library = MemoryLibrary(root, items, facts_of=facts_of)
    return SverkaApp(
        Config(),
        root,
        open_library=lambda: library,
        cleaner=clean,
        extractor=extract,
        remember=False,
    )
