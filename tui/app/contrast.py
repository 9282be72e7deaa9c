"""Can every colour the app draws be read? A WCAG 2.x contrast check of a theme.

`DRAWN` lists every foreground/background pair Sverka's own widgets draw, as the theme variables
their CSS uses (a background may be a variable with an alpha, «primary 40%», laid over another).
`check_theme(theme)` resolves them as Textual does — «auto 60%» is the contrast colour of the
background at 60 %, an alpha colour is blended over what lies below — and names each pair whose
contrast ratio is under 4.5:1 for text or 3:1 for muted text.

The shipped themes are checked by the test suite; a user's theme is checked when it loads, and
one that fails is not offered (the app warns and uses the default).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.color import Color
from textual.theme import Theme

TEXT_MINIMUM = 4.5
"""WCAG 2.x AA for body text."""

MUTED_MINIMUM = 3.0
"""For secondary text (metadata columns, status lines, removed lines): AA for large text."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One foreground/background combination the app draws."""

    what: str
    foreground: str
    background: str
    """A variable, optionally with an alpha («primary 40%»)."""
    under: str = "surface"
    """What `background` is laid over when it is translucent."""
    muted: bool = False

    @property
    def minimum(self) -> float:
        return MUTED_MINIMUM if self.muted else TEXT_MINIMUM


DRAWN: tuple[Pair, ...] = (
    # the article list and the reading view
    Pair("text", "foreground", "surface"),
    Pair("text on the screen", "foreground", "background"),
    Pair("list columns (outlet, language, date, words)", "foreground-muted", "surface", muted=True),
    Pair("list header", "foreground", "panel"),
    Pair("list cursor", "block-cursor-foreground", "block-cursor-background"),
    Pair(
        "list cursor (list not focused)",
        "block-cursor-blurred-foreground",
        "block-cursor-blurred-background",
    ),
    Pair("open article mark", "text-accent", "surface"),
    Pair("status lines", "text-muted", "panel", under="panel", muted=True),
    Pair("article title", "text-primary", "surface"),
    Pair("date line and URL", "foreground-muted", "surface", muted=True),
    Pair("removed lines (x)", "foreground-muted", "surface", muted=True),
    Pair("selected sentence", "foreground", "primary 35%"),
    Pair("fact mention", "foreground", "warning 40%"),
    Pair("search match", "foreground", "accent 40%"),
    Pair("noted passage", "foreground", "secondary 25%"),
    Pair("people", "text-accent", "surface"),
    Pair("organisations", "text-secondary", "surface"),
    Pair("places", "text-success", "surface"),
    Pair("dates and numbers", "text-warning", "surface"),
    Pair("cited sources", "text-error", "surface"),
    # the comparison screen
    Pair("compare: same passage", "foreground", "success 25%"),
    Pair("compare: similar passage", "foreground", "warning 25%"),
    Pair("compare: passage or number being looked at", "foreground", "accent 40%"),
    Pair("compare: conflicting numbers", "text-error", "surface"),
    # Textual's footer, as the app configures it
    Pair("footer keys", "footer-key-foreground", "footer-background", under="panel"),
    Pair(
        "footer descriptions", "footer-description-foreground", "footer-background", under="panel"
    ),
)


def relative_luminance(color: Color) -> float:
    """WCAG 2.x relative luminance of an opaque colour (0 black … 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2.x contrast ratio, 1 … 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def parse_value(value: str) -> Color:
    """A CSS colour value as Textual's variables hold it: `#1F5F994C`, `auto 60%`, `#fff 40%`."""
    value = value.strip()
    percent = 1.0
    head, _, tail = value.partition(" ")
    if tail.strip().endswith("%"):
        percent = float(tail.strip()[:-1]) / 100
        value = head
    if value == "auto":
        return Color(0, 0, 0, percent, auto=True)
    color = Color.parse(value)
    return color.multiply_alpha(percent) if percent != 1.0 else color


def over(color: Color, below: Color) -> Color:
    """`color` as drawn over the opaque `below` («auto» takes the contrasting black or white)."""
    if color.auto:
        color = below.get_contrast_text(color.a)
    if color.a >= 1:
        return color
    return below + color


def resolve(variables: dict[str, str], expression: str, below: Color | None = None) -> Color:
    """The colour of `expression` («panel», «primary 35%», «auto 87%»), opaque, over `below`."""
    name, _, alpha = expression.partition(" ")
    value = variables.get(name, name)
    color = parse_value(f"{value} {alpha}" if alpha and " " not in value else value)
    if alpha and " " in value:  # «auto 87%» given another alpha: multiply
        color = color.multiply_alpha(float(alpha.rstrip("%")) / 100)
    base = below if below is not None else Color(0, 0, 0)
    return over(color, base)


@dataclass(frozen=True, slots=True)
class Failure:
    """A pair under its minimum."""

    pair: Pair
    ratio: float
    foreground: Color
    background: Color

    def __str__(self) -> str:
        return (
            f"{self.pair.what}: {self.foreground.hex} on {self.background.hex} is "
            f"{self.ratio:.1f}:1, needs {self.pair.minimum:g}:1"
        )


def theme_variables(theme: Theme) -> dict[str, str]:
    """Every design variable of `theme`, as Textual generates them."""
    return dict(theme.to_color_system().generate())


def check_theme(theme: Theme) -> list[Failure]:
    """Every pair the app draws that `theme` makes hard to read (empty when all pass)."""
    variables = theme_variables(theme)
    failures: list[Failure] = []
    screen = resolve(variables, "background")
    for pair in DRAWN:
        under = resolve(variables, pair.under, screen)
        background = resolve(variables, pair.background, under)
        foreground = resolve(variables, pair.foreground, background)
        ratio = contrast_ratio(foreground, background)
        if ratio + 1e-9 < pair.minimum:
            failures.append(Failure(pair, ratio, foreground, background))
    return failures


_READABLE: dict[tuple[str, int], bool] = {}


def readable(theme: Theme) -> bool:
    """True when every pair of `theme` passes (remembered per theme object: the palette asks)."""
    key = (theme.name, id(theme))
    known = _READABLE.get(key)
    if known is None:
        known = _READABLE[key] = not check_theme(theme)
    return known
