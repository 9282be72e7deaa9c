"""Symbolic links out of the corpus folder are not followed unless the config says so (issue 20,
item 10: a link to /etc/passwd was listed and shown as an article), and `index` reports symlink
loops and folders it cannot enter as `list` does (item 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.cli import main
from tui.corpus import load_corpus
from tui.corpus.folder import configure_links
from tui.index import Catalogue

TEXT = "Протесты в Алматы\n\nВ Алматы прошли протесты, задержаны сотни человек.\n"


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n" * 3, "utf-8")
    (outside / "folder" / "far.txt").write_text(TEXT, "utf-8")
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "real.txt").write_text(TEXT, "utf-8")
    (root / "own.txt").write_text(TEXT.replace("Алматы", "Астане"), "utf-8")
    (root / "inside.txt").symlink_to(root / "sub" / "real.txt")  # stays in the corpus: read
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "ext").symlink_to(outside / "folder")
    (root / "sub" / "loop").symlink_to(root)
    yield root
    configure_links(False)


def test_links_out_of_the_corpus_are_skipped_by_the_reader_and_the_catalogue(linked: Path) -> None:
    corpus = load_corpus(linked)
    assert sorted(a.id for a in corpus.articles) == ["inside", "own", "sub/real"]
    reasons = {p.name: r for p, r in ((s.path, s.reason) for s in corpus.skipped)}
    assert reasons["leak.txt"].startswith("symlink out of the corpus folder")
    assert reasons["ext"].startswith("symlink out of the corpus folder")
    with Catalogue(linked) as cat:
        report = cat.refresh(workers=1)
        assert sorted(r["id"] for r in cat.listing()) == ["inside", "own", "sub/real"]
        skipped = dict(cat.skipped_files(report))
        assert skipped["leak.txt"].startswith("symlink out") and skipped["ext"].startswith(
            "symlink out"
        )
        assert skipped["sub/loop"] == "symlink loop (folder already visited)"


def test_the_config_can_allow_links_out(
    linked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("follow_symlinks_outside = true\n", "utf-8")
    assert main(["--config", str(config), "list", str(linked), "--json"]) == 0
    import json

    ids = sorted(a["id"] for a in json.loads(capsys.readouterr().out))
    assert ids == ["ext/far", "inside", "leak", "own", "sub/real"]


def test_index_reports_links_out_loops_and_folders_it_cannot_enter(
    linked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a folder nested past PATH_MAX: made relative to open folders, as no path can name it
    fd = os.open(linked, os.O_RDONLY)
    try:
        for _ in range(18):
            name = "d" * 250
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    assert main(["list", str(linked)]) == 0
    listed = capsys.readouterr().err
    assert main(["index", str(linked), "--workers", "1"]) == 0
    indexed = capsys.readouterr().err
    for reason in ("symlink loop", "symlink out of the corpus folder", "unreadable folder"):
        assert reason in listed and reason in indexed, reason
