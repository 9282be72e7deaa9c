"""The hand-written HTML and markdown passes against the libraries made for the job.

HTML: `tui.corpus.markup.html_to_text` (regular expressions, one pass) against selectolax (lexbor,
C) walking the parsed tree to the same text. Markdown: `tui.clean.lines.demarkdown` (bounded
regular expressions on each marked-up line) against markdown-it-py (which Textual ships) parsing
the line inline. Both on the pages of tests/data/sites written as HTML and as markdown, and on
hostile input, where time must grow linearly with the input's size.

Run: .venv/bin/python tests/benchmarks/bench_markup.py   (selectolax is optional: pip install it)
"""

from __future__ import annotations

import html
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sites_gold import gold_pages  # noqa: E402

from tui.clean.lines import demarkdown  # noqa: E402
from tui.corpus.markup import html_to_text  # noqa: E402

_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr",
    "section", "article", "header", "footer", "nav", "figure", "figcaption",
}  # fmt: skip


def selectolax_text(text: str) -> str:
    """The same text `html_to_text` gives, from selectolax's tree."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(text)
    tree.strip_tags(["script", "style", "noscript"])
    out: list[str] = []
    root = tree.body or tree.root
    for node in root.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            out.append(node.text_content or "")
        elif tag == "br":
            out.append("\n")
        elif tag in _BLOCKS:
            out.append("\n\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "".join(out))


def markdown_it_text(line: str, md=None) -> str:  # type: ignore[no-untyped-def]
    """A line's words by markdown-it-py: inline parse, text and image alt text joined."""

    md = md or _MD
    tokens = md.parseInline(line.lstrip("#> ").strip())
    parts: list[str] = []
    for token in tokens[0].children or []:
        if token.type in ("text", "code_inline") or token.type == "image":
            parts.append(token.content)
        elif token.type == "softbreak":
            parts.append(" ")
    return "".join(parts).strip()


try:
    from markdown_it import MarkdownIt

    _MD = MarkdownIt("commonmark")
except ImportError:  # pragma: no cover
    _MD = None


def as_html(raw: str) -> str:
    out = []
    for line in raw.split("\n"):
        if not line.strip():
            continue
        body = html.escape(line, quote=False)
        body = re.sub(r"«([^»]{1,40})»", r"&laquo;<b>\1</b>&raquo;", body)
        out.append(f"<p>{body}</p>" if len(line) > 60 else f"<div class='x'><a href='/n'>{body}</a></div>")
    return "<html><head><script>var a='<p>';</script></head><body>" + "\n".join(out) + "</body></html>"


def as_markdown(raw: str) -> list[str]:
    out = []
    for line in raw.split("\n"):
        if len(line) > 60:
            line = re.sub(r"«([^»]{1,40})»", r"**«\1»**", line)
            out.append(line)
        elif line.strip():
            out.append(f"[{line.strip()}](https://example.org/n)")
    out.append("![Фото: Reuters](https://example.org/a.jpg)")
    return out


def clock(fn, items, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    pages = [p.raw for p in gold_pages()]
    html_pages = [as_html(p) for p in pages]
    md_lines = [line for p in pages for line in as_markdown(p)]
    ours = clock(html_to_text, html_pages)
    print(f"HTML, {len(html_pages)} pages: html_to_text {ours / len(html_pages) * 1e6:.0f} µs/page", end="")
    try:
        theirs = clock(selectolax_text, html_pages)
        print(f", selectolax {theirs / len(html_pages) * 1e6:.0f} µs/page ({theirs / ours:.2f}×)")
        same = sum(
            " ".join(html_to_text(h).split()) == " ".join(selectolax_text(h).split()) for h in html_pages
        )
        print(f"  same words on {same}/{len(html_pages)} pages")
    except ImportError:
        print(", selectolax not installed")
    ours = clock(demarkdown, md_lines)
    theirs = clock(markdown_it_text, md_lines) if _MD else float("nan")
    print(
        f"markdown, {len(md_lines)} lines: demarkdown {ours / len(md_lines) * 1e6:.1f} µs/line, "
        f"markdown-it-py {theirs / len(md_lines) * 1e6:.1f} µs/line ({theirs / ours:.1f}×)"
    )
    same = sum(demarkdown(line) == markdown_it_text(line) for line in md_lines)
    print(f"  same text on {same}/{len(md_lines)} lines")
    print("hostile input (time for n and for 4n: linear when the ratio is near 4):")
    hostile = {
        "unclosed <script>": lambda n: "<p>x</p>" + "<script>" * n,
        "lone <": lambda n: "<p>a</p>" + "< " * n,
        "nested <div>": lambda n: "<div>" * n + "текст",
        "unclosed comments": lambda n: "<p>x</p>" + "<!-- " * n,
    }
    for name, make in hostile.items():
        row = f"  HTML {name:18s}"
        for label, fn in (("ours", html_to_text), ("selectolax", selectolax_text)):
            try:
                t1 = clock(fn, [make(10_000)], 3)
                t4 = clock(fn, [make(40_000)], 3)
                row += f" | {label} {t1 * 1000:.1f} → {t4 * 1000:.1f} ms ({t4 / t1:.1f}×)"
            except ImportError:
                pass
        print(row)
    for name, make in {
        "unclosed **": lambda n: "x " + "**a " * n,
        "unclosed ![": lambda n: "![" * n,
        "unclosed [": lambda n: "[a](" * n,
    }.items():
        row = f"  markdown {name:14s}"
        for label, fn in (("ours", demarkdown), ("markdown-it-py", markdown_it_text)):
            t1 = clock(fn, [make(5_000)], 1)
            t4 = clock(fn, [make(20_000)], 1)
            row += f" | {label} {t1 * 1000:.1f} → {t4 * 1000:.1f} ms ({t4 / t1:.1f}×)"
        print(row)


if __name__ == "__main__":
    main()
