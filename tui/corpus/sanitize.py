"""Strip terminal control sequences and bidi overrides from untrusted text.

Article text, file names and notes come from outside. Nothing that could move the cursor, set a
hyperlink (OSC 8), write the clipboard (OSC 52) or reorder text on screen may reach any output.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL | ESC \), DCS/SOS/PM/APC
# (ESC P|X|^|_ ... ESC \), and two-character escapes (ESC + one char).
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?              # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC, terminated by BEL or ST (or unterminated)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?        # DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]?                     # other two-character escapes (and a lone ESC)
    | \x9b[0-?]*[ -/]*[@-~]?               # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?       # 8-bit OSC
    """,
    re.VERBOSE,
)

# C0 except TAB and LF, DEL, C1, bidi embeddings/overrides/isolates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize_text(text: str) -> str:
    """Return `text` without control characters, escape sequences or bidi overrides.

    TAB and LF are kept; CR should already have been normalised to LF by the reader, and any left
    is removed here.
    """
    if not text or not _CONTROLS.search(text):  # every escape starts with a control character
        return text
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def sanitize_line(text: str) -> str:
    """Sanitise and also flatten newlines and tabs to spaces (for one-line labels, file names)."""
    return " ".join(sanitize_text(text).split())


# What `escape_name` writes as a backslash escape: the backslash itself, C0/DEL/C1 controls, bidi
# controls, line/paragraph separators, the BOM, and lone surrogates (the undecodable bytes of a
# file name, as `os` hands them over: U+DC80..U+DCFF).
_NAME_UNSAFE = re.compile(
    "[\\\\\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ud800-\udfff]"
)
_NAME_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_name(name: str) -> str:
    r"""A file name (or any string) as printable text, the way `ls -b` and git show names: `\\`
    for a backslash, `\t` `\n` `\r`, and every other control, bidi control or undecodable byte
    as octal escapes of its bytes (`\033`, `\377`, `\342\200\256`).

    One-to-one (two different names never give the same text), so it can make ids; and it
    never raises, whatever the name holds — the result encodes in any UTF-8 output."""
    if not _NAME_UNSAFE.search(name):
        return name
    return _NAME_UNSAFE.sub(_escape_one, name)


def needs_escape(text: str) -> bool:
    """Does `escape_name` change `text`?"""
    return _NAME_UNSAFE.search(text) is not None


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    known = _NAME_ESCAPES.get(char)
    if known is not None:
        return known
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte under surrogateescape
        return f"\\{code - 0xDC00:03o}"
    return "".join(f"\\{b:03o}" for b in char.encode("utf-8", "surrogatepass"))
