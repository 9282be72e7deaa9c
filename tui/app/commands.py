"""The command palette (Ctrl+P): one provider listing every action of the app.

Commands are built from the same binding table as the keys and the help screen, plus the theme
switcher and the notes export, so everything a key can do can also be found by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.contrast import readable
from tui.app.keymap import KEYS, KeySpec, keys_for
from tui.app.screens.help import display_keys

if TYPE_CHECKING:
    from tui.app.app import SverkaApp


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One palette entry."""

    title: str
    help: str
    run: Callable[[], object]


class SverkaCommands(Provider):
    """Every action, every theme, notes export."""

    @property
    def sverka(self) -> SverkaApp:
        return self.app  # type: ignore[return-value]

    def commands(self) -> list[PaletteCommand]:
        """All palette entries, in a stable order."""
        app = self.sverka
        keymap = app.keymap_in_force
        entries: list[PaletteCommand] = []
        seen: set[tuple[str, str]] = set()
        for spec in KEYS:
            if not spec.in_palette or (spec.target, spec.action) in seen:
                continue
            seen.add((spec.target, spec.action))
            keys = display_keys(keys_for(spec, keymap))
            entries.append(
                PaletteCommand(spec.title, f"{keys} · {spec.id}", partial(_run_spec, app, spec))
            )
        for name in app.theme_names:
            if name != app.theme and not readable(app.available_themes[name]):
                continue  # some of Textual's own themes draw text Sverka's colours make faint
            marker = " (current)" if name == app.theme else ""
            entries.append(
                PaletteCommand(
                    f"Theme: {name}{marker}",
                    "Switch colour theme (remembered)",
                    partial(app.set_theme, name),
                )
            )
        entries.append(
            PaletteCommand(
                "Open folder…",
                f"Read another corpus folder (now {app.corpus_path})",
                app.ask_for_folder,
            )
        )
        entries.append(
            PaletteCommand(
                "Rescan the folder",
                "Bring the list up to date with the files (it also happens by itself)",
                partial(_rescan, app),
            )
        )
        for fmt, label in (("markdown", "Markdown"), ("json", "JSON"), ("csv", "CSV")):
            entries.append(
                PaletteCommand(
                    f"Export notes as {label}",
                    "Write every note to a file beside the notes file",
                    partial(app.export_notes, fmt),
                )
            )
        return entries

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)


def _rescan(app: SverkaApp) -> None:
    if app.main_screen is not None:
        app.main_screen.rescan()


def _run_spec(app: SverkaApp, spec: KeySpec) -> None:
    """Run a binding's action where it belongs (app, main screen or one of its panes)."""
    target = app.action_target(spec.target)
    if target is not None:
        app.call_later(app.run_action, spec.action, target)
