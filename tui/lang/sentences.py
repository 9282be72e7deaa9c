"""Sentence splitting: razdel (rules made for Russian news, fine for Ukrainian and Belarusian).

- `split(text)` — sentence spans of a whole text: lines first (titles and paragraphs never run into
  each other), then razdel inside each line; blank sentences are skipped.
- `split_line(text)` — razdel's spans of one stretch of text as it is (`(start, stop, text)`).
"""

from __future__ import annotations

from razdel import sentenize


def split_line(text: str) -> list[tuple[int, int, str]]:
    """razdel's sentences of `text`: (start, stop, sentence text), offsets into `text`."""
    return [(s.start, s.stop, s.text) for s in sentenize(text)]


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`: lines first (titles and paragraphs), then razdel inside each."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        for sent in sentenize(line):
            start = line_start + sent.start
            end = line_start + sent.stop
            if text[start:end].strip():
                spans.append((start, end))
    return spans
