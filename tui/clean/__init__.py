"""Cleaning: raw page text → Document (title, date line, paragraphs, what was removed and why).

Core module: never imports textual. Rules are data (`rules.toml`), extended from the config file
through `rules_from_config`.
"""

from tui.clean.cleaner import clean_article, clean_text
from tui.clean.document import Block, Document, Removed
from tui.clean.rules import (
    Rule,
    Rules,
    active_rules,
    configure_rules,
    default_rules,
    rules_from_config,
)

__all__ = [
    "Block",
    "Document",
    "Removed",
    "Rule",
    "Rules",
    "active_rules",
    "clean_article",
    "clean_text",
    "configure_rules",
    "default_rules",
    "rules_from_config",
]
