"""Scale: a SQLite catalogue of a corpus folder, sorted views for a virtual list, full-text search.

Core module: never imports textual. See `Catalogue` for the API the app and the CLI use.
"""

from tui.index.catalogue import ArticleView, Catalogue
from tui.index.model import SORTS, CatalogueError, Hit, Row, ScanReport, SearchResult

__all__ = [
    "SORTS",
    "ArticleView",
    "Catalogue",
    "CatalogueError",
    "Hit",
    "Row",
    "ScanReport",
    "SearchResult",
]
