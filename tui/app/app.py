"""SverkaApp: wires config, themes, keymap, the main screen and the screens of other issues.

The app holds little state of its own: where the corpus is, which theme and keymap are in force,
and the notes store. Screens and widgets do the rest.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.command import Provider
from textual.constants import DEFAULT_THEME as TEXTUAL_THEME
from textual.dom import DOMNode
from textual.reactive import Initialize, Reactive
from textual.screen import Screen

from tui import paths
from tui.app.contrast import readable
from tui.app.keymap import bindings_for, validate_keymap
from tui.app.library import Library, LibraryPreload, RowSource
from tui.app.screens.main import MainScreen
from tui.app.state import read_state, write_state
from tui.app.themes import DEFAULT_THEME, load_themes
from tui.config import Config
from tui.corpus.sanitize import sanitize_line

LibraryOpener = Callable[[], Library]
"""Opens the corpus (called in a worker thread)."""


def _palette_commands() -> type[Provider]:
    """The command palette's provider, imported when the palette first opens (Textual accepts
    a callable in `COMMANDS`): the first frame does not need it."""
    from tui.app.commands import SverkaCommands

    return SverkaCommands


def apply_clean_rules(rules: Any) -> None:
    """Make the config's `[[clean.rules]]` the process-wide cleaning rules, as every command does
    (`tui.cli.common.apply_config`): the reading view, facts, notes and the catalogue's scan then
    clean alike. Without rules the cleaner is not imported before the first frame (only reset if
    an earlier app in this process configured some)."""
    if rules:
        from tui.clean.rules import configure_rules

        configure_rules(list(rules))
        return
    loaded = sys.modules.get("tui.clean.rules")
    if loaded is not None:
        loaded.configure_rules(None)


def apply_outlets(outlets: Any) -> None:
    """Make the config's `[[outlets]]` part of the process-wide outlet table (as every command
    does); without any, the outlet module is not imported before the first frame."""
    if outlets or "tui.corpus.outlets" in sys.modules:
        from tui.corpus.outlets import configure_outlets

        configure_outlets(list(outlets))


class SverkaApp(App[int]):
    """Sverka: read, check facts, compare and annotate news articles."""

    TITLE = "Sverka"
    CSS_PATH = "sverka.tcss"
    COMMANDS: ClassVar[set[Any]] = {_palette_commands}
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("app")

    def __init__(
        self,
        config: Config | None = None,
        corpus: Path | None = None,
        *,
        notes_path: Path | None = None,
        theme: str | None = None,
        open_library: LibraryOpener | None = None,
        theme_folders: list[Path] | None = None,
        remember: bool = True,
        cleaner: Callable[[Any], Any] | None = None,
        extractor: Callable[[Any, Any], Any] | None = None,
        preload: LibraryPreload | None = None,
        resume_gc: bool = False,
        startup_problems: list[str] | None = None,
    ) -> None:
        # App.__init__ asks for the theme (see `theme` below), which needs these.
        self.config = config or Config()
        apply_clean_rules(self.config.clean.rules)
        apply_outlets(self.config.outlets)
        paths.use_cache_dir(self.config.cache_dir)
        from tui.corpus.folder import configure_links

        configure_links(self.config.follow_symlinks_outside)
        self._cli_theme = theme
        self._theme_folders = theme_folders
        self.theme_names: list[str] = []
        self._theme_problems: list[str] = []
        self._startup_problems = list(startup_problems or [])
        """Problems found before the app was made (an unusable config file), shown at start."""
        super().__init__()
        self.corpus_path = corpus or self.config.corpus or Path("seeds")
        self.notes_path = notes_path
        self._opener = open_library
        self.remember = remember
        """Persist the chosen theme and the last article read (False in snapshot tests)."""
        self._cleaner = cleaner
        self._extractor = extractor
        self._preload = preload
        self._resume_gc = resume_gc
        """The CLI paused the garbage collector for start-up: resume it after the first frame."""
        self.keymap_in_force: dict[str, str] = {}
        self.main_screen: MainScreen | None = None

    # -- start-up -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        problems = self._startup_problems + self._theme_problems + self._setup_keymap()
        if problems:
            self.notify(
                "\n".join(sanitize_line(p) for p in problems),
                title="Some settings were ignored",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the app's base screen, not one pushed from `on_mount`.

        A screen pushed from `on_mount` is laid out and rendered while Textual is still inside
        its start-up batch, which throws that frame away; the footer then recomposes and the
        frame is rendered again (together about 60 ms before the first paint at 100k). The
        default screen is first rendered after the batch, once, and the footer fills in after.
        """
        self.main_screen = MainScreen()
        return self.main_screen

    def _initial_theme(self) -> str:
        """Register the theme files and choose the theme to start with (problems are kept for
        `on_mount` to show). Called by `App.__init__` when it first reads `theme`."""
        loaded = load_themes(self._theme_folders)
        for theme in loaded.themes.values():
            self.register_theme(theme)
        self.theme_names = sorted(name for name in self.available_themes if name != "textual-ansi")
        problems = [f"theme {p}" for p in loaded.problems]
        wanted, origin = self._wanted_theme()
        chosen = wanted
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.theme_names else TEXTUAL_THEME
        if wanted not in self.theme_names:
            if wanted in loaded.unreadable:
                problems.append(f"theme {wanted!r} ({origin}) is hard to read; using {fallback}")
            elif wanted:
                problems.append(f"unknown theme {wanted!r} ({origin}); using {fallback}")
            chosen = fallback
        elif wanted not in loaded.themes and not readable(self.available_themes[wanted]):
            # one of Textual's own themes: checked only when asked for (the palette offers
            # only those that pass)
            problems.append(f"theme {wanted!r} ({origin}) is hard to read; using {fallback}")
            chosen = fallback
        self._theme_problems = problems
        return chosen

    theme: Reactive[str] = Reactive(Initialize(_initial_theme))
    """The theme in force. Its first value comes from `_initial_theme`, before `App.__init__`
    builds the stylesheet's variables: the CSS is then parsed once, with the right colours.
    Setting `theme` from `on_mount` instead re-parsed every stylesheet twice before the first
    frame (about 8 ms)."""

    def _wanted_theme(self) -> tuple[str, str]:
        """--theme, else the remembered palette choice (unless the config changed since), else the config."""
        if self._cli_theme:
            return self._cli_theme, "--theme"
        state = read_state()
        remembered = state.get("theme")
        if isinstance(remembered, str) and state.get("config_theme") == self.config.theme:
            return remembered, "remembered choice"
        return self.config.theme, "config"

    def _setup_keymap(self) -> list[str]:
        keymap, problems = validate_keymap(self.config.keymap)
        self.keymap_in_force = keymap
        if keymap:
            self.set_keymap(keymap)
        return [f"keymap: {p}" for p in problems]

    def open_library(self) -> Library:
        """Open the corpus's catalogue (called from a worker thread; the screen refreshes it)."""
        if self._preload is not None:
            return self._preload.library()
        if self._opener is not None:
            return self._opener()
        from tui.app.library import CatalogueLibrary

        return CatalogueLibrary(self.corpus_path, self.config.cache_dir)

    def first_frame_painted(self) -> None:
        """Called once the main screen has painted: resume the garbage collector if the CLI
        paused it, freezing what start-up allocated (it lives as long as the app)."""
        if self._resume_gc:
            self._resume_gc = False
            gc.freeze()
            gc.enable()

    def preloaded_library(self, timeout: float = 0.0) -> tuple[Library, RowSource | None] | None:
        """The library (and the rows of the default sort) if opened before the app started, or
        within `timeout` seconds."""
        return self._preload.ready(timeout) if self._preload is not None else None

    def clean_article(self, article: Any) -> Any:
        """Article → `Document` (called from a worker thread)."""
        if self._cleaner is not None:
            return self._cleaner(article)
        from tui import pipeline

        return pipeline.document(article)

    def extract_facts(self, article: Any, document: Any) -> Any:
        """Article and its document → `Facts` (slow the first time: called from a worker thread)."""
        if self._extractor is not None:
            return self._extractor(article, document)
        from tui import pipeline

        return pipeline.facts(article, document)

    # -- the corpus folder ----------------------------------------------------------------------

    def ask_for_folder(self) -> None:
        """Ask for another corpus folder and open it."""
        from tui.app.screens.open_folder import OpenFolder

        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self.open_folder(folder)

        self.push_screen(OpenFolder(self.corpus_path), chosen)

    def open_folder(self, folder: Path) -> None:
        """Read `folder` as the corpus from now on (the list, the watcher, search)."""
        self.corpus_path = folder
        self._preload = None
        self._opener = None
        if self.main_screen is not None:
            self.main_screen.switch_corpus()
        self.notify(f"Opening {folder}", timeout=3, markup=False)

    # -- themes -------------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        """Switch theme and remember the choice in the state file."""
        self.theme = name
        if self.remember:
            write_state({"theme": name, "config_theme": self.config.theme})
        self.notify(f"Theme: {name}", timeout=2, markup=False)

    # -- actions ------------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key."""
        from tui.app.screens.help import HelpScreen, screen_groups

        screen = self.screen
        if not isinstance(screen, HelpScreen):
            where = getattr(screen, "HELP_TITLE", "")
            self.push_screen(HelpScreen(self.keymap_in_force, screen_groups(screen), where))

    def action_target(self, target: str) -> DOMNode | None:
        """Where a binding group's actions run (used by the command palette)."""
        if target == "app":
            return self
        screen = self.main_screen
        if screen is None:
            return None
        return {
            "main": screen,
            "list": screen.article_list,
            "reader": screen.reader,
            "facts": screen.facts_pane.facts_tree,
        }.get(target)

    # -- notes and comparison (their screens belong to issues 5 and 6) ------------------------

    def resolved_notes_path(self) -> Path:
        """The notes file: --notes, else the config, else the per-user default."""
        from tui.notes import resolve_notes_path

        return resolve_notes_path(self.notes_path, self.config.notes)

    def notes_store(self) -> Any:
        """The notes store (opened on first use)."""
        store = getattr(self, "_notes_store", None)
        if store is None:
            from tui.notes import NotesStore

            store = NotesStore(self.resolved_notes_path())
            store.load()
            self._notes_store = store
        return store

    def open_note_editor(self, article: Any, document: Any, span: tuple[int, int] | None) -> None:
        """Add a note to `article`, on the passage `span` of its cleaned text if given."""
        if article is None:
            self.notify("Open an article first (Enter).", severity="warning")
            return
        from tui.app.screens.note_editor import NoteEditor

        store = self._store_or_report()
        if store is None:
            return

        def saved(note: Any) -> None:
            if note is not None:
                if self.main_screen is not None:
                    self.main_screen.refresh_note_marks()
                where = "the selected passage" if span else "the article"
                self.notify(f"Note saved on {where}. N lists notes.", timeout=3, markup=False)

        self.push_screen(NoteEditor.for_article(store, article, document, span), saved)

    def open_notes(self) -> None:
        """Show the notes pane."""
        from tui.app.screens.notes import NotesScreen

        store = self._store_or_report()
        if store is None:
            return
        screen = self.main_screen
        article_id = screen.article.id if screen and screen.article else None

        def chosen(note: Any) -> None:
            if self.main_screen is None:
                return
            if note is not None:
                self.main_screen.open_note(note)
            else:
                self.main_screen.refresh_note_marks()

        self.push_screen(NotesScreen(store, article_id, self.document_text), chosen)

    def document_text(self, article_id: str) -> Any | None:
        """An article as it is now — cleaned text, content hash, title (`tui.notes.ArticleState`)
        — for checking and re-anchoring its notes; None when there is no library."""
        from tui.notes import ArticleState

        screen = self.main_screen
        if screen is None or screen.library is None:
            return None
        if (
            screen.article is not None
            and screen.article.id == article_id
            and screen.document is not None
        ):
            article, text = screen.article, str(screen.document.text)
        else:
            article = screen.library.article(article_id)
            text = str(self.clean_article(article).text)
        return ArticleState(text, getattr(article, "sha1", ""), getattr(article, "title", ""))

    def noted_spans(self, article_id: str) -> list[tuple[int, int]]:
        """The passages of `article_id` that carry a (not orphaned) note; [] if the notes file
        cannot be read (the notes screen says why)."""
        try:
            store = self.notes_store()
        except Exception:  # noqa: BLE001 - marks are a convenience
            return []
        return [
            (n.anchor.start, n.anchor.end)
            for n in store.list(article_id=article_id)
            if n.anchor is not None and not n.orphaned
        ]

    def _store_or_report(self) -> Any | None:
        try:
            return self.notes_store()
        except Exception as exc:  # noqa: BLE001 - NotesError and OSError become one message
            self.notify(
                sanitize_line(str(exc)),
                title="Cannot open the notes file",
                severity="error",
                markup=False,
            )
            return None

    def export_notes(self, fmt: str) -> None:
        """Write every note to `notes-export.<ext>` beside the notes file."""
        try:
            from tui.notes import export

            store = self.notes_store()
            text = export(store.list(), "md" if fmt == "markdown" else fmt)
            suffix = {
                "markdown": "md",
                "md": "md",
                "json": "json",
                "csv": "csv",
                "toml": "toml",
            }.get(fmt, fmt)
            target = self.resolved_notes_path().with_name(f"notes-export.{suffix}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 - reported, never a traceback
            self.notify(
                sanitize_line(str(exc)), title="Export failed", severity="error", markup=False
            )
            return
        self.notify(
            f"{len(store.list())} notes written to {target}", title="Notes exported", markup=False
        )

    def open_compare(self, article: Any) -> None:
        """Compare `article` with a second one (chosen on the comparison screen)."""
        if article is None:
            self.notify("Open an article first (Enter).", severity="warning")
            return
        from tui.app.library import CompareLibrary
        from tui.app.screens.compare import CompareScreen

        library = self.main_screen.library if self.main_screen else None
        self.push_screen(
            CompareScreen(article, CompareLibrary(library, article) if library else None)
        )
