"""HTML a scraper left in a page («<p>…</p>», «<br>», «&nbsp;», «&laquo;») turned into plain text,
as part of decoding: block tags end a line (a paragraph tag leaves a blank line), other tags go,
script and style blocks go whole, character references become their characters.

Pages without tags or references (nearly all) are returned as they are after two scans; the
others are rare enough that the regular expressions below cost nothing overall."""

from __future__ import annotations

import html
import re

_HINT = re.compile(
    r"</?(?:p|br|div|span|a|b|i|u|em|strong|li|ul|ol|h[1-6]|blockquote|script|style|img|table|"
    r"tr|td|th|figure|figcaption|section|article|header|footer|nav)\b[^<>]*>",
    re.IGNORECASE,
)
_OPEN_BLOCK = re.compile(r"<(script|style|noscript)\b[^<>]*>|<!--", re.IGNORECASE)
_CLOSE_BLOCK = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript")
}
_PARAGRAPH = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|table|tr|section|article|header|footer|nav|figure|"
    r"figcaption)\b[^<>]*>",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*\b[^<>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def html_to_text(text: str) -> str:
    """`text` with HTML tags and character references turned into plain text (see module doc);
    text without either is returned unchanged."""
    tagged = "<" in text and _HINT.search(text) is not None
    if tagged:
        text = _drop_hidden(text)
        text = _PARAGRAPH.sub("\n\n", _BREAK.sub("\n", text))
        text = _BLANKS.sub("\n\n", _TAG.sub("", text))
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return text


def _drop_hidden(text: str) -> str:
    """`text` without script, style and noscript blocks and comments, in one pass: a block with no
    end is left to the tag pass (which drops its opening tag), and once an end is missing it is
    not looked for again — a page of a million unclosed «<script>» costs a scan, not minutes."""
    parts: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    while (m := _OPEN_BLOCK.search(text, pos)) is not None:
        name = (m.group(1) or "--").lower()
        if name in unclosed:
            parts.append(text[pos : m.end()])
            pos = m.end()
            continue
        if name == "--":
            end = text.find("-->", m.end())
            stop = -1 if end < 0 else end + 3
        else:
            close = _CLOSE_BLOCK[name].search(text, m.end())
            stop = -1 if close is None else close.end()
        if stop < 0:
            unclosed.add(name)
            parts.append(text[pos : m.end()])
            pos = m.end()
            continue
        parts.append(text[pos : m.start()])
        parts.append("" if name == "--" else "\n")  # a comment sits inside a line; a script not
        pos = stop
    parts.append(text[pos:])
    return "".join(parts)
