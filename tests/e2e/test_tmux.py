"""End to end: the real `sverka` console script in a real terminal (tmux), driven by keys.

tmux gets a clean environment: no LINES/COLUMNS (pytest's readline sets them and they would pin
the app's size), and the test's own config/data/cache folders. A private tmux server (`-L`) is
started and killed, so the tester's own tmux sessions are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

SVERKA = Path(sys.executable).with_name("sverka")
HOSTILE = (
    "Враждебный [@click=app.quit]Кликни[/] \x1b]0;OWNED\x07текст с \x1b[31mкрасным\x1b[0m и "
    "\x1b]52;c;ZXZpbA==\x07буфером обмена, который не должен дойти до терминала.\n\n"
    "Второе предложение для проверки, тоже с [b]разметкой[/b] внутри.\n"
)


class Tmux:
    """One private tmux server running one `sverka` session."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
        )

    def screen(self) -> str:
        result = self.run("capture-pane", "-p", "-t", "sverka", check=False)
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "sverka", key)
            time.sleep(0.15)

    def escape(self) -> str:
        """Press Escape and wait until the screen shows the app took it.

        An Escape still unread when the next key arrives reads as Alt+key (on a busy machine the
        app may not read its input for a while), so the next key waits for the screen to change."""
        before = self.settled()
        self.run("send-keys", "-t", "sverka", "Escape")
        return self.wait_for(lambda s: s != before)

    def settled(self, quiet: float = 0.6, timeout: float = 120.0) -> str:
        """The screen once it has stopped changing for `quiet` seconds (workers done painting),
        so a change after the next key is that key's doing."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while time.monotonic() < deadline:
            time.sleep(quiet)
            again = self.screen()
            if again == screen:
                return screen
            screen = again
        raise AssertionError(f"the screen never settled; it was:\n{screen}")

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 120.0) -> str:
        """Poll the screen until `predicate` holds (a generous ceiling: CI machines are busy)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out; the screen was:\n{screen}")

    def alive(self) -> bool:
        return self.run("has-session", "-t", "sverka", check=False).returncode == 0


@pytest.fixture
def tmux(tmp_path: Path, seeds_dir: Path) -> Iterator[tuple[Tmux, Path]]:
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "zz_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TMUX_TMPDIR": str(tmp_path),
        "OPENBLAS_NUM_THREADS": "1",
    }
    for name in ("SVERKA_CONFIG_DIR", "SVERKA_DATA_DIR", "SVERKA_CACHE_DIR"):
        env[name] = os.environ[name]
    session = Tmux(f"sverka-e2e-{os.getpid()}", env)
    command = f"{SVERKA} {corpus}"
    session.run("new-session", "-d", "-s", "sverka", "-x", "120", "-y", "40", command)
    try:
        yield session, corpus
    finally:
        session.run("kill-server", check=False)


def test_read_an_article_see_facts_help_and_quit(tmux: tuple[Tmux, Path]) -> None:
    term, _ = tmux
    screen = term.wait_for(lambda s: "6 articles" in s)
    assert "OWNED" not in screen
    # Open the article under the cursor: its status line shows the word count.
    term.keys("g", "Enter")
    screen = term.wait_for(lambda s: "words" in s)
    # Facts arrive from a worker; the pane groups them by kind.
    term.keys("f")
    screen = term.wait_for(lambda s: "Entities (" in s and "Dates (" in s)
    # The help screen is generated from the bindings.
    term.keys("?")
    screen = term.wait_for(lambda s: "main.toggle-facts" in s)
    screen = term.escape()
    screen = term.wait_for(lambda s: "main.toggle-facts" not in s)
    # The hostile article: opening it must not quit the app or reach the terminal.
    term.keys("/")
    term.wait_for(lambda s: "Search text" in s)
    for char in "Враждебный":
        term.keys(char)
    term.keys("Enter")
    term.wait_for(lambda s: "1 matching" in s)
    term.keys("Enter")
    screen = term.wait_for(lambda s: "красным" in s)
    assert "[@click=app.quit]Кликни[/]" in screen, "markup must show as text"
    assert "[b]разметкой[/b]" in screen
    assert "OWNED" not in screen and "\x1b" not in screen
    assert term.alive()
    term.escape()
    term.settled()
    term.keys("q")
    deadline = time.monotonic() + 120
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not term.alive(), f"q should quit the app; the screen was:\n{term.screen()}"


def test_narrow_terminal_collapses_panes(tmux: tuple[Tmux, Path]) -> None:
    term, _ = tmux
    term.run("resize-window", "-t", "sverka", "-x", "80", "-y", "24", check=False)
    screen = term.wait_for(lambda s: "6 articles" in s)
    width = max(len(line) for line in screen.splitlines())
    assert width <= 80
    term.keys("Enter")
    screen = term.wait_for(lambda s: "words" in s and "6 articles" not in s)
    term.escape()
    term.wait_for(lambda s: "6 articles" in s)
