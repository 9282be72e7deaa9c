"""Sentence splitting: razdel (rules made for Russian news, fine for Ukrainian and Belarusian), run
in linear time.

- `split(text)` — sentence spans of a whole text: lines first (titles and paragraphs never run into
  each other), then razdel inside each line; blank sentences are skipped.
- `split_line(text)` — razdel's spans of one stretch of text as it is (`(start, stop, text)`).
- `sentenize(text)` / `tokenize(text)` — razdel's own results (`Substring(start, stop, text)`).

razdel's `Segmenter.segment` grows the sentence it is building with `buffer + delimiter + right`
while the split it hands to its rules keeps a reference to the old buffer, so every join copies
the whole sentence so far: a line of N delimiters that all join («. . . …», «т. е. т. е. …»)
costs O(N²) (146 KB took 1.5 s, 1.17 MB 33 s); its tokenizer does the same with a token of N
joined parts («1.1.1.…», «a-a-a-…»). Here the same splits and the same rules build each sentence
(token) as a list of parts joined once. The only sentence rule that reads the buffer (a list item
«1.», «а)») looks at it only while it is at most razdel's BULLET_SIZE characters long, so the
rules are handed the buffer in full while it is that short and a prefix one character longer
than that afterwards — which every rule treats exactly as the whole buffer.
"""

from __future__ import annotations

from collections.abc import Iterator

from razdel.segmenters.sentenize import BULLET_SIZE, SentSegmenter
from razdel.segmenters.tokenize import TokenSegmenter
from razdel.substring import Substring

# razdel's tokenizer reads its buffer only in `SMILE.match(buffer + right)`, a pattern anchored at
# both ends that matches at most five characters («:-)))»): any prefix longer than that is as good.
_SMILE_HEAD = 8


class _LinearSentSegmenter(SentSegmenter):
    def segment(self, parts):  # type: ignore[override]
        buffer = next(parts, None)
        if buffer is None:
            return
        pieces = [buffer]
        size = len(buffer)
        # the buffer as the rules see it: whole while short, a prefix past BULLET_SIZE
        head = buffer if size <= BULLET_SIZE else buffer[: BULLET_SIZE + 1]
        for split in parts:
            right = next(parts)
            split.buffer = head
            if self.join(split):
                pieces.append(split.delimiter)
                pieces.append(right)
                if size <= BULLET_SIZE:  # once past it, the head no longer changes
                    size += len(split.delimiter) + len(right)
                    head = "".join(pieces)[: BULLET_SIZE + 1]
            else:
                pieces.append(split.delimiter)
                yield "".join(pieces)
                pieces = [right]
                size = len(right)
                head = right if size <= BULLET_SIZE else right[: BULLET_SIZE + 1]
        yield "".join(pieces)


class _LinearTokenSegmenter(TokenSegmenter):
    def segment(self, parts):  # type: ignore[override]
        buffer = next(parts, None)
        if buffer is None:
            return
        pieces = [buffer]
        head = buffer[:_SMILE_HEAD]
        for split in parts:
            right = next(parts)
            split.buffer = head
            if not split.delimiter and self.join(split):
                pieces.append(right)
                if len(head) < _SMILE_HEAD:
                    head = (head + right)[:_SMILE_HEAD]
            else:
                yield "".join(pieces)
                pieces = [right]
                head = right[:_SMILE_HEAD]
        yield "".join(pieces)


_SEGMENTER = _LinearSentSegmenter()
_TOKENIZER = _LinearTokenSegmenter()


def sentenize(text: str) -> Iterator[Substring]:
    """Sentences of `text` with their offsets: razdel's result, in time linear in the text."""
    return _SEGMENTER(text)


def tokenize(text: str) -> Iterator[Substring]:
    """Tokens of `text` with their offsets: razdel's result, in time linear in the text."""
    return _TOKENIZER(text)


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
