"""Comparing two articles: aligned passages and the difference of their facts (issue 5).

Never imports textual. `compare(a, b)` cleans both articles, gets their facts and returns a
`Comparison`; `align` works on any two texts.
"""

from tui.compare.align import align
from tui.compare.model import Comparison, EntityDiff, EntityRow, Pair, Span, Value, ValueGroup

__all__ = ["Comparison", "EntityDiff", "EntityRow", "Pair", "Span", "Value", "ValueGroup", "align"]
