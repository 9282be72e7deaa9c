"""Cleaning: raw page text → Document (title, date line, paragraphs, what was removed and why).

Core module: never imports textual.

    from tui.clean import clean_text, clean_article, configure_rules
    doc = clean_text(raw)             # Document(title, date_line, blocks, removed, text)
    configure_rules(config.clean.rules)  # once per process: the user's [[clean.rules]] too

How a page is cleaned (`cleaner.py`):
1. Lines are matched against the rules (`rules.toml`, plus the user's): menus, related links,
   credits, ads, share buttons, tags, cookie notices, comment prompts, copyright, promos.
2. Heuristics that need no words: repeated lines, numbered headline lists at the edges, captions
   touching a photo credit, hard-wrapped paragraphs rejoined, blocks of three or more headlines
   inside the body.
3. The body runs from the first to the last line of running text. Above it the title and the
   date line are picked and the rest goes (a standfirst under the title stays); below it short
   unpunctuated lines, headline runs and tag clouds go. Nothing between is dropped by position.
4. Long lines (pages scraped into one line) are cleaned sentence by sentence (`sentences.py`,
   razdel + pymorphy3): credits and captions out, glued subheadings split (`headings.py`),
   paragraphs regrouped.
5. Glued sentences are repaired («человекПрезидент» → «человек. Президент»).
Everything removed is kept in `Document.removed` with its reason and raw offsets.
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
