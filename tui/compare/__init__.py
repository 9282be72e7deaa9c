"""Comparing two articles: aligned passages and the difference of their facts (issue 5).

Never imports textual. `compare(a, b)` cleans both articles, gets their facts and returns a
`Comparison` (offsets into each article's cleaned `Document.text`); `compare_prepared` does the
same for already prepared articles; `align` works on any two texts. `matrix(corpus)` and
`rank_by_overlap(article, corpus)` give the corpus view.
"""

from tui.compare.align import align
from tui.compare.comparison import compare, compare_prepared
from tui.compare.corpus_view import (
    Matrix,
    MatrixRow,
    matrix,
    matrix_of,
    rank_by_overlap,
    rank_prepared,
)
from tui.compare.model import Comparison, EntityDiff, EntityRow, Pair, Span, Value, ValueGroup
from tui.compare.prepare import Prepared, prepare

__all__ = [
    "Comparison",
    "EntityDiff",
    "EntityRow",
    "Matrix",
    "MatrixRow",
    "Pair",
    "Prepared",
    "Span",
    "Value",
    "ValueGroup",
    "align",
    "compare",
    "compare_prepared",
    "matrix",
    "matrix_of",
    "prepare",
    "rank_by_overlap",
    "rank_prepared",
]
