"""One id per article for the life of a corpus, shared by the CLI, the catalogue, search and the
app; notes stay with the article they were made on (issue 20, item 1).

The recipe of the issue: `c/sub/a.txt` (a zerkalo.io report) and `c/b.txt`; index; a note on `a`;
then a focus.ua report copied to `c/a.txt`; index again. Before, the CLI numbered articles afresh in
walk order while the catalogue kept the ids it gave: `show a` printed the focus.ua report,
`search` called it `a~2`, and the note made on the zerkalo report was shown on whichever article
held `a` in each face."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main

ZERKALO_WORD = "исламистов"  # only in seeds/000 (zerkalo.io)
FOCUS_TITLE_WORD = "зачистки"  # only in seeds/004 (focus.ua)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.fixture
def recipe(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    corpus = tmp_path / "c"
    (corpus / "sub").mkdir(parents=True)
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "sub" / "a.txt")
    shutil.copy(next(seeds_dir.glob("001_*.txt")), corpus / "b.txt")
    notes = str(tmp_path / "n.toml")
    _run(capsys, "index", "-q", str(corpus))
    first = _run(capsys, "--notes", notes, "notes", "add", "--corpus", str(corpus), "a",
                 "--text", "on X").strip()  # fmt: skip
    shutil.copy(next(seeds_dir.glob("004_*.txt")), corpus / "a.txt")
    _run(capsys, "index", "-q", str(corpus))
    return {"corpus": corpus, "notes": notes, "first": first}


def _notes(capsys: pytest.CaptureFixture[str], notes: str) -> list[dict]:
    data = json.loads(_run(capsys, "--notes", notes, "notes", "list", "--json"))
    return [
        {**n, "article": n["article_id"], "title": n["article"]["title"]} for n in data["notes"]
    ]


def _cli_ids(capsys: pytest.CaptureFixture[str], corpus: Path) -> dict[str, str]:
    rows = json.loads(_run(capsys, "list", str(corpus), "--json"))
    return {row["id"]: Path(row["path"]).relative_to(corpus).as_posix() for row in rows}


def test_cli_list_and_catalogue_give_every_article_the_same_id(
    recipe: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.index import Catalogue

    corpus = recipe["corpus"]
    with Catalogue(corpus) as cat:
        catalogue = {r["id"]: Path(str(r["path"])).relative_to(corpus.resolve()).as_posix()
                     for r in cat.listing()}  # fmt: skip
    assert _cli_ids(capsys, corpus) == catalogue
    assert sorted(catalogue.values()) == ["a.txt", "b.txt", "sub/a.txt"]


def test_the_first_note_stays_on_the_article_it_was_made_on(
    recipe: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, notes = recipe["corpus"], recipe["notes"]
    [note] = _notes(capsys, notes)
    shown = _run(capsys, "show", "--corpus", str(corpus), note["article"])
    assert ZERKALO_WORD in shown and FOCUS_TITLE_WORD not in shown
    assert _cli_ids(capsys, corpus)[note["article"]] == "sub/a.txt"


def test_search_names_each_article_by_the_id_show_uses(
    recipe: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = recipe["corpus"]
    for word, must_hold in ((FOCUS_TITLE_WORD, FOCUS_TITLE_WORD), (ZERKALO_WORD, ZERKALO_WORD)):
        hits = json.loads(_run(capsys, "search", word, "--corpus", str(corpus), "--json"))["hits"]
        assert hits, word
        for hit in hits:
            assert must_hold in _run(capsys, "show", "--corpus", str(corpus), hit["id"])


def test_a_second_note_does_not_pull_the_first_onto_another_article(
    recipe: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.app.library import CatalogueLibrary

    corpus, notes = recipe["corpus"], recipe["notes"]
    _run(capsys, "--notes", notes, "notes", "add", "--corpus", str(corpus), "a", "--text", "on Y")
    first, second = _notes(capsys, notes)
    assert first["article"] != second["article"]
    library = CatalogueLibrary(corpus)  # what the app shows for each note's article
    library.refresh(lambda done, total: None, lambda: False)
    for note in (first, second):
        article = library.article(note["article"])
        assert article.title == note["title"]
        cli = _run(capsys, "show", "--corpus", str(corpus), note["article"])
        assert cli.startswith(article.title)


def _statuses(capsys: pytest.CaptureFixture[str], notes: str, corpus: Path) -> list[str]:
    data = json.loads(
        _run(capsys, "--notes", notes, "notes", "list", "--corpus", str(corpus), "--json")
    )
    return [n["status"] for n in data["notes"]]


def test_a_note_whose_file_now_holds_another_article_is_orphaned_never_moved(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    zerkalo = next(seeds_dir.glob("000_*.txt"))
    shutil.copy(zerkalo, corpus / "b.txt")
    notes = str(tmp_path / "n.toml")
    add = ("--notes", notes, "notes", "add", "--corpus", str(corpus), "b")
    _run(capsys, *add, "--text", "whole article")
    _run(capsys, *add, "--text", "passage", "--quote", "Казахстане")  # also in the focus.ua text
    assert _statuses(capsys, notes, corpus) == ["article", "exact"]
    shutil.copy(next(seeds_dir.glob("004_*.txt")), corpus / "b.txt")  # another report, same name
    assert _statuses(capsys, notes, corpus) == ["orphaned", "orphaned"]
    listed = _run(capsys, "--notes", notes, "notes", "list", "--corpus", str(corpus))
    assert listed.count("orphaned: the article under this id is no longer") == 2
    # the notes file itself is untouched by listing: the passage still points into zerkalo's text
    saved = json.loads(_run(capsys, "--notes", notes, "notes", "list", "--json"))["notes"]
    assert [n["status"] for n in saved] == ["article", "exact"]
    shutil.copy(zerkalo, corpus / "b.txt")  # the article is back: so are its notes
    assert _statuses(capsys, notes, corpus) == ["article", "exact"]


def test_an_edited_article_keeps_its_notes(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    path = corpus / "b.txt"
    shutil.copy(next(seeds_dir.glob("000_*.txt")), path)
    notes = str(tmp_path / "n.toml")
    _run(capsys, "--notes", notes, "notes", "add", "--corpus", str(corpus), "b", "--text", "x")
    path.write_text(path.read_text("utf-8") + "\nДобавлен абзац в конце статьи.\n", "utf-8")
    assert _statuses(capsys, notes, corpus) == ["article"]


def test_reanchoring_never_moves_a_passage_into_another_article(tmp_path: Path) -> None:
    from tui.notes import ArticleMeta, ArticleState, NotesStore, make_anchor

    text = "Первый абзац.\n\nПротесты в Казахстане продолжились третий день подряд."
    store = NotesStore(tmp_path / "notes.toml")
    store.load()
    start = text.index("Протесты")
    meta = ArticleMeta(title="Протесты в Казахстане", sha1="aaa")
    note = store.add("b", "t", anchor=make_anchor(text, start, start + 30), article=meta)
    other = "Другая статья. Протесты в Казахстане продолжились третий день подряд, пишут."
    status = store.reanchor(note, ArticleState(other, sha1="bbb", title="Другая статья"))
    assert status == "orphaned" and store.get(note.id).detached
    assert store.get(note.id).anchor == note.anchor  # offsets and quote untouched
    store.save()
    again = NotesStore(tmp_path / "notes.toml")
    again.load()
    assert again.get(note.id).detached and again.get(note.id).article.sha1 == "aaa"
    status = again.reanchor(note.id, ArticleState(text, sha1="aaa", title="Протесты в Казахстане"))
    assert status == "exact" and not again.get(note.id).detached


def test_the_catalogue_follows_a_neighbour_taking_the_bare_name_in_one_scan(tmp_path: Path) -> None:
    from tui.corpus import load_corpus
    from tui.index import Catalogue

    root = tmp_path / "c"
    root.mkdir()
    (root / "a.md").write_text("Первая статья\n\nТекст первой статьи о протестах.\n", "utf-8")
    (root / "b.txt").write_text("Вторая статья\n\nТекст второй статьи о протестах.\n", "utf-8")

    def ids(cat: Catalogue) -> dict[str, str]:
        return {str(r["id"]): Path(str(r["path"])).name for r in cat.listing()}

    def cli() -> dict[str, str]:
        return {a.id: a.path.name for a in load_corpus(root).articles}

    with Catalogue(root) as cat:
        for workers in (1, 2):
            cat.refresh(workers=workers)
            assert ids(cat) == cli() == {"a": "a.md", "b": "b.txt"}
            (root / "a.txt").write_text("Третья статья\n\nТекст о выборах.\n", "utf-8")
            cat.refresh(workers=workers)
            assert ids(cat) == cli() == {"a": "a.txt", "a.md": "a.md", "b": "b.txt"}
            (root / "a.txt").unlink()
