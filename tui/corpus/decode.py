"""Turn the bytes of an article file into text, and say which encoding they were in.

Order: a byte-order mark (UTF-8/16/32), UTF-16 without a BOM, strict UTF-8, UTF-8 with a few
invalid bytes (replaced by U+FFFD, and the encoding says how many: "utf-8 (1 invalid byte
replaced)"), then the legacy Cyrillic code pages (cp1251, koi8-r, koi8-u, cp866) chosen by how Russian/Ukrainian the decoded
letters look. General-purpose detectors misread short Cyrillic texts, so detection is restricted
to these candidates.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

LEGACY_ENCODINGS = ("cp1251", "koi8-r", "koi8-u", "cp866")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Letters of Russian and Ukrainian running text, most frequent first; weights fall with rank.
_COMMON = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіїєґ"
_WEIGHT = {ch: 3.0 - 2.5 * i / len(_COMMON) for i, ch in enumerate(_COMMON)}


class UndecodableError(ValueError):
    """The bytes are not text in any encoding Sverka reads (binary data)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text (LF newlines) and the name of the encoding it was read with."""

    text: str
    encoding: str


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 from the pattern of zero (Latin) or 0x04 (Cyrillic) high bytes."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    if (sample.count(0) + sample.count(4)) * 20 < len(sample) * 7:
        return None  # fewer than 35% such bytes in all: no half can have 70% (memchr-fast test)
    even, odd = sample[0::2], sample[1::2]

    def high_ratio(half: bytes) -> float:
        return (half.count(0x00) + half.count(0x04)) / max(len(half), 1)

    if high_ratio(odd) > 0.7 and high_ratio(even) < 0.3:
        return "utf-16-le"
    if high_ratio(even) > 0.7 and high_ratio(odd) < 0.3:
        return "utf-16-be"
    return None


def _legacy_score(text: str) -> float:
    """How much `text` looks like Russian/Ukrainian prose (higher is better)."""
    score = 0.0
    prev_lower = False
    for ch in text:
        weight = _WEIGHT.get(ch)
        if weight is not None:
            score += weight
            prev_lower = True
            continue
        if "А" <= ch <= "я" or ch in "ЁІЇЄҐ":
            # Capitals inside a word are rare in real text and common in a wrong code page.
            score += -1.5 if prev_lower else 0.3
            prev_lower = False
            continue
        prev_lower = False
        if ch.isascii() or ch.isspace() or ch in "«»—–…№":
            continue
        score -= 2.0  # box drawing, symbols: the mark of a wrong code page
    return score


def _decode_legacy(data: bytes) -> Decoded:
    sample = data[:65536]
    best: tuple[float, str] | None = None
    for encoding in LEGACY_ENCODINGS:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _legacy_score(text)
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is None:
        raise UndecodableError("not text in any supported encoding")
    encoding = best[1]
    return Decoded(_normalise_newlines(data.decode(encoding, errors="replace")), encoding)


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control bytes (after UTF-16/32 are ruled out)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > max(8, len(sample) // 50)


# Every byte value except the control bytes `looks_binary` counts (0-8, 14-31 but ESC): deleting
# these leaves just the control bytes, counted at C speed.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32 and b != 27))


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes, raising UndecodableError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(
                    _normalise_newlines(data[len(bom) :].decode(encoding)),
                    encoding.replace("-sig", "-bom"),
                )
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(_normalise_newlines(data.decode(utf16)), utf16)
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise UndecodableError("binary file")
    try:
        return Decoded(_normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    return _decode_legacy(data)


DAMAGE_RATIO = 20
"""UTF-8 with some invalid bytes is read as UTF-8 when its valid non-ASCII characters outnumber
the invalid sequences this many times. Legacy Cyrillic read as UTF-8 is almost all invalid
(a letter byte 0xC0–0xFF is rarely followed by a continuation byte), so the two never meet."""


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes (a stray byte, a file cut inside a character): each invalid
    sequence becomes U+FFFD in place and the encoding says how many there were; None when the
    bytes do not look like UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - text.count("\ufffd")
    if invalid <= 0 or valid < DAMAGE_RATIO * invalid:
        return None
    label = f"utf-8 ({invalid} invalid byte{'s' if invalid > 1 else ''} replaced)"
    return Decoded(_normalise_newlines(text), label)
