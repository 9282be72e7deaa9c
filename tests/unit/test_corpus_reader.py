"""The corpus reader: every encoding decoded, every hostile file skipped with a reason."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from tui.corpus import CorpusError, Skipped, load_corpus, read_article
from tui.corpus.decode import decode_bytes
from tui.corpus.reader import MAX_BYTES

RU = (
    "Президент Казахстана заявил, что ситуация в стране стабилизировалась. "
    "Власти сообщили о задержании тысяч человек, объявлен день траура.\n"
    "Эксперты считают, что съезд партии пройдёт в январе.\n"
)
UK = (
    "Президент Казахстану заявив, що ситуація в країні стабілізувалася. "
    "Влада повідомила про затримання тисяч осіб, оголошено день жалоби.\n"
    "Експерти вважають, що з'їзд партії відбудеться в січні, а ґанок їхньої школи відремонтують.\n"
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("cp1251", RU, "cp1251"),
        ("koi8-r", RU, "koi8-r"),
        ("koi8-u", UK, "koi8-u"),
        ("cp866", RU, "cp866"),
        ("cp1251", UK, "cp1251"),
        ("utf-8", UK, "utf-8"),
        ("utf-16-le", RU, "utf-16-le"),
        ("utf-16-be", UK, "utf-16-be"),
    ],
)
def test_legacy_and_bomless_encodings_decode_to_the_original_text(
    encoding: str, text: str, expected: str
) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == expected


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_are_honoured_and_dropped(encoding: str) -> None:
    decoded = decode_bytes(UK.encode(encoding))
    assert decoded.text == UK
    assert decoded.encoding.startswith("utf-")


def test_crlf_and_cr_become_lf() -> None:
    assert decode_bytes("а\r\nб\rв\n".encode()).text == "а\nб\nв\n"


def test_seeds_list_five_articles_with_titles_outlets_and_languages(seeds_dir: Path) -> None:
    corpus = load_corpus(seeds_dir)
    by_id = {a.id[:3]: a for a in corpus.articles}
    assert sorted(by_id) == ["000", "001", "002", "003", "004"]
    assert [by_id[k].language for k in sorted(by_id)] == ["ru", "ru", "ru", "ru", "uk"]
    assert by_id["000"].outlet == by_id["002"].outlet == "zerkalo.io"
    assert by_id["003"].outlet == "kloop.kg"
    assert by_id["004"].outlet == "focus.ua"
    assert "Казахстан" in by_id["001"].outlet
    assert by_id["003"].date == "2022-01"
    for article in corpus.articles:
        assert article.title and not article.title.startswith(("Поддержать", "Беларусы на войне"))
        assert article.words > 100
        assert article.encoding == "utf-8"
    assert by_id["004"].title.startswith("Влада Казахстану проводить")
    assert corpus.skipped == []


def test_prefix_resolves_unique_ids_and_rejects_ambiguous_ones(seeds_dir: Path) -> None:
    corpus = load_corpus(seeds_dir)
    assert corpus.resolve("003").id == "003_2942b2d16e6a8a57"
    with pytest.raises(CorpusError, match="ambiguous"):
        corpus.resolve("00")
    with pytest.raises(CorpusError, match="no article"):
        corpus.resolve("zzz")


def test_missing_and_empty_folders_raise_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles"):
        load_corpus(tmp_path)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A folder holding every kind of file the reader must survive, plus three good articles."""
    root = tmp_path / "corpus"
    (root / "sub dir" / "вложенная").mkdir(parents=True)
    (root / "good.txt").write_text(RU, encoding="utf-8")
    (root / "sub dir" / "вложенная" / "статья с пробелами.txt").write_bytes(UK.encode("koi8-u"))
    (root / "evil\x1b[31m.md").write_text(
        "Заголовок\x1b]8;;http://x\x07ссылка\x1b]8;;\x07\n\u202eперевернуто\u202c текст \x1b]52;c;ZXZpbA==\x07 "
        + RU
        + "\x9b2J конец\x07\x7f",
        encoding="utf-8",
    )
    os.mkfifo(root / "pipe.txt")
    (root / "loop").symlink_to(root)
    (root / "dangling.txt").symlink_to(root / "missing-target.txt")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text(" \n\t\n\r\n", encoding="utf-8")
    with open(root / "huge.txt", "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "locked.txt").write_text(RU, encoding="utf-8")
    return root


def test_hostile_folder_loads_quickly_and_skips_each_bad_file_with_a_reason(
    hostile_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    started = time.monotonic()
    corpus = load_corpus(hostile_folder)
    assert time.monotonic() - started < 10
    assert sorted(a.path.name for a in corpus.articles) == [
        "evil\x1b[31m.md", "good.txt", "статья с пробелами.txt",
    ]  # fmt: skip
    reasons = {s.path.name: s.reason for s in corpus.skipped}
    assert reasons["pipe.txt"] == "not a regular file"
    assert reasons["dangling.txt"] == "broken symlink"
    assert reasons["image.txt"] == "binary file"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"].startswith("empty file")
    assert reasons["huge.txt"].startswith("larger than")
    assert reasons["locked.txt"].startswith("unreadable")
    assert any("symlink loop" in s.reason for s in corpus.skipped)
    summary = corpus.skipped_summary()
    assert summary and "skipped" in summary
    nested = next(a for a in corpus.articles if a.path.name.startswith("статья"))
    assert nested.encoding == "koi8-u" and nested.language == "uk"


def test_no_control_character_survives_into_text_ids_or_titles(hostile_folder: Path) -> None:
    corpus = load_corpus(hostile_folder)
    for article in corpus.articles:
        for value in (article.raw, article.id, article.title, article.outlet):
            assert not CONTROL.search(value.replace("\n", "").replace("\t", "")), value
    evil = next(a for a in corpus.articles if a.path.name.startswith("evil"))
    assert "ссылка" in evil.raw and "перевернуто" in evil.raw and "]52;" not in evil.raw
    assert evil.id == "evil\\033[31m"  # escaped as `ls -b` shows it: the id names one file


def test_ids_are_paths_so_files_of_one_name_in_two_folders_never_share_one(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "b" / "same.md").write_text(RU, encoding="utf-8")
    (tmp_path / "same.md").write_text(RU, encoding="utf-8")
    ids = sorted(a.id for a in load_corpus(tmp_path).articles)
    # the .txt keeps the stem beside a .md of the same name; a file alone keeps its stem
    assert ids == ["a/same", "b/same", "b/same.md", "same"]


def test_an_id_does_not_depend_on_what_else_the_folder_holds(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(RU, encoding="utf-8")
    before = {a.path: a.id for a in load_corpus(tmp_path).articles}
    (tmp_path / "a.txt").write_text(UK, encoding="utf-8")  # sorts first, at the top
    (tmp_path / "sub" / "a.md").write_text(UK, encoding="utf-8")  # ranks after the .txt
    after = {a.path: a.id for a in load_corpus(tmp_path).articles}
    assert all(after[path] == aid for path, aid in before.items())
    assert sorted(after.values()) == ["a", "sub/a", "sub/a.md"]


def test_a_nested_article_is_found_by_its_file_name_and_an_exact_id_wins(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "abc.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UK, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.resolve("ab").id == "sub/abc" and corpus.resolve("sub").id == "sub/abc"
    (tmp_path / "abc.txt").write_text(UK, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.resolve("abc").id == "abc" and corpus.resolve("sub/abc").id == "sub/abc"
    with pytest.raises(CorpusError, match="ambiguous"):
        corpus.resolve("ab")


def test_sidecar_overrides_metadata_and_a_broken_sidecar_is_reported(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "x.meta.toml").write_text(
        'title = "Свой заголовок"\noutlet = "example.org"\ndate = 2022-01-07\nurl = "https://example.org/1"\n',
        encoding="utf-8",
    )
    (tmp_path / "y.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "y.meta.toml").write_text("colour = 'red'\n", encoding="utf-8")
    result = read_article(tmp_path / "x.txt")
    assert not isinstance(result, Skipped)
    assert (result.title, result.outlet, result.date, result.url) == (
        "Свой заголовок", "example.org", "2022-01-07", "https://example.org/1",
    )  # fmt: skip
    bad = read_article(tmp_path / "y.txt")
    assert isinstance(bad, Skipped) and "unknown key `colour`" in bad.reason


def test_publication_date_comes_from_a_labelled_or_header_line_not_the_body(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Заголовок новости\n12.03.2023, 14:05\n\n" + RU, encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Заголовок\nОпубликовано: 5 января 2022\n" + RU, encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text(
        RU + "\nВ этой связи 10 января 2022 года объявлен траур, " * 3, encoding="utf-8"
    )
    by = {a.id: a.date for a in load_corpus(tmp_path).articles}
    assert by == {"a": "2023-03-12", "b": "2022-01-05", "c": None}


def test_loader_and_catalogue_give_colliding_files_the_same_ids(tmp_path: Path) -> None:
    from tui.index import Catalogue

    corpus = tmp_path / "c"
    for sub, name in (("a", "same.txt"), ("b", "same.md"), ("b", "same.txt"), ("", "same.md")):
        (corpus / sub).mkdir(parents=True, exist_ok=True)
        (corpus / sub / name).write_text(RU + sub + name, encoding="utf-8")
    loaded = {a.path.resolve(): a.id for a in load_corpus(corpus).articles}
    catalogue = Catalogue(corpus, db_path=tmp_path / "cat.sqlite")
    catalogue.refresh()
    view = catalogue.view("id", False, None, None, None)
    indexed = {Path(r.path).resolve(): r.id for r in view.rows(0, len(view))}
    assert indexed == loaded
