"""Catalogue: incremental scans, deletions, sorted/filtered views, a broken db file, threads."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tui.index import Catalogue, CatalogueError
from tui.index import scan as scan_mod

RU = "{title}\n\n{date} — В Алматы прошли митинги. Президент Токаев выступил с обращением к народу.\n"
UK = "{title}\n\n{date} — В Алмати пройшли мітинги. Президент Токаєв звернувся до народу України.\n"


def write(
    folder: Path, name: str, title: str, uk: bool = False, date: str = "9 января 2022"
) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((UK if uk else RU).format(title=title, date=date), "utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root, "a1.txt", "Бета: власти Казахстана ввели режим ЧП")
    write(root, "a2.txt", "Альфа: в Алматы снова стреляли")
    write(root, "sub/a3.txt", "Гамма: ОДКБ направила миротворцев в Казахстан")
    write(root, "a4.txt", "Дельта: у Казахстані скасували режим НС", uk=True)
    return root


@pytest.fixture
def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = scan_mod.read_article_text

    def counting(path: Path, root: Path | None = None, **options):  # type: ignore[no-untyped-def]
        reads.append(path.name)
        return real(path, root, **options)

    monkeypatch.setattr(scan_mod, "read_article_text", counting)
    return reads


def test_first_scan_reads_everything_and_reports_progress(
    corpus: Path, count_reads: list[str]
) -> None:
    seen: list[tuple[int, int]] = []
    with Catalogue(corpus) as cat:
        report = cat.refresh(progress=lambda d, t: seen.append((d, t)), workers=1)
        assert report.total == 4 and report.added == 4 and report.read == 4
        assert sorted(count_reads) == ["a1.txt", "a2.txt", "a3.txt", "a4.txt"]
        assert seen[0] == (0, 4) and seen[-1] == (4, 4)
        assert cat.db_path.parent == Path(os.environ["SVERKA_CACHE_DIR"])


def test_rescan_reads_only_new_and_changed_files(corpus: Path, count_reads: list[str]) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        count_reads.clear()
        report = cat.refresh(workers=1)
        assert count_reads == [] and report.unchanged == 4 and report.read == 0
        changed = write(corpus, "a2.txt", "Альфа: в Алматы стало тихо")
        os.utime(changed, ns=(1, 1_700_000_000_000_000_000))
        write(corpus, "a5.txt", "Эпсилон: новый премьер-министр")
        report = cat.refresh(workers=1)
        assert sorted(count_reads) == ["a2.txt", "a5.txt"]
        assert (report.added, report.updated, report.read) == (1, 1, 2)
        assert cat.row("a2").title == "Альфа: в Алматы стало тихо"
        # The changed article's old words are gone from the search index, the new ones are in.
        assert cat.search("стреляли ").total == 0
        assert [h.id for h in cat.search("тихо ").hits] == ["a2"]


def test_deleted_files_disappear(corpus: Path) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        (corpus / "sub" / "a3.txt").unlink()
        report = cat.refresh(workers=1)
        assert report.removed == 1 and report.total == 3
        assert cat.row("sub/a3") is None
        assert cat.search("миротворцев").total == 0
        assert "sub/a3" not in [r.id for r in cat.view().rows(0, 10)]


def test_unreadable_files_are_remembered_not_reread(corpus: Path, count_reads: list[str]) -> None:
    (corpus / "empty.txt").write_text("  \n", "utf-8")
    with Catalogue(corpus) as cat:
        report = cat.refresh(workers=1)
        assert [p for p, _ in report.skipped] == ["empty.txt"]
        count_reads.clear()
        again = cat.refresh(workers=1)
        assert count_reads == []
        assert again.skipped == []  # not newly skipped…
        assert [p for p, _ in cat.skipped_files(again)] == ["empty.txt"]  # …but still skipped
        (corpus / "empty.txt").unlink()
        assert cat.skipped_files(cat.refresh(workers=1)) == []


def test_views_sort_and_filter(corpus: Path) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        titles = [r.title[:5] for r in cat.view("title").rows(0, 10)]
        assert titles == ["Альфа", "Бета:", "Гамма", "Дельт"]
        view = cat.view("title", descending=True)
        assert [r.title[:5] for r in view.rows(1, 2)] == ["Гамма", "Бета:"]
        assert len(view) == 4 and view.rows(10, 5) == []
        assert [r.id for r in cat.view("id").rows(0, 4)] == ["a1", "a2", "a4", "sub/a3"]
        uk = cat.view("title", language="uk")
        assert [r.id for r in uk.rows(0, 10)] == ["a4"]
        assert [r.id for r in cat.view("title", text_filter="АЛМАТЫ").rows(0, 10)] == ["a2"]
        assert [r.id for r in cat.view("title", text_filter="a3").rows(0, 10)] == ["sub/a3"]
        assert dict(cat.languages()) == {"ru": 3, "uk": 1}
        assert sum(n for _, n in cat.outlets()) == 4
        outlet = cat.outlets()[0][0]
        assert len(cat.view("date", outlet=outlet)) == dict(cat.outlets())[outlet]
        assert cat.view("words").index_of("sub/a3") is not None
        row = cat.view("id").rows(3, 1)[0]
        assert row.path == (corpus / "sub" / "a3.txt").resolve() and row.words > 0
        with pytest.raises(CatalogueError):
            cat.view("colour")


def test_resolve_prefix(corpus: Path) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        assert cat.resolve("a4").id == "a4"
        with pytest.raises(CatalogueError, match="ambiguous"):
            cat.resolve("a")
        with pytest.raises(CatalogueError, match="no article"):
            cat.resolve("zz")


def test_colliding_file_names_get_distinct_ids(corpus: Path) -> None:
    write(corpus, "other/a1.txt", "Зета: другой файл с тем же именем")
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        ids = [r.id for r in cat.view("id").rows(0, 10)]
        assert len(ids) == len(set(ids)) == 5


def test_corrupt_db_is_rebuilt_with_a_message(corpus: Path) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        path = cat.db_path
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with Catalogue(corpus) as cat:
        assert cat.messages and "rebuilding" in cat.messages[0]
        assert cat.refresh(workers=1).total == 4


def test_reader_thread_while_scanning(corpus: Path) -> None:
    for i in range(30):
        write(corpus, f"more/b{i:02d}.txt", f"Статья номер {i} о событиях в Казахстане")
    errors: list[BaseException] = []
    counts: list[int] = []
    with Catalogue(corpus) as cat:
        stop = threading.Event()

        def reader() -> None:
            try:
                while not stop.is_set():
                    view = cat.view("date", descending=True)
                    counts.append(len(view))
                    view.rows(0, 20)
                    cat.search("Казахстан")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        thread = threading.Thread(target=reader)
        thread.start()
        try:
            cat.refresh(workers=1)
        finally:
            stop.set()
            thread.join()
        assert not errors
        assert counts and len(cat.view()) == 34
        assert cat.search("Казахстан", limit=100).total >= 30


def test_process_pool_gives_the_same_catalogue(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(12):
        write(corpus, f"pool/c{i:02d}.txt", f"Заметка {i}: Токаев и ОДКБ")
    monkeypatch.setattr(scan_mod, "POOL_THRESHOLD", 2)
    monkeypatch.setattr(scan_mod, "BATCH", 3)
    with Catalogue(corpus) as cat:
        report = cat.refresh(workers=2)
        assert report.total == 16 and report.read == 16
        assert cat.search("токаеву").total == 16


def test_cancelled_scan_keeps_what_it_stored(corpus: Path) -> None:
    with Catalogue(corpus) as cat:
        report = cat.refresh(workers=1, cancelled=lambda: True)
        assert report.cancelled
        assert cat.refresh(workers=1).total == 4


def test_facts_for_the_corpus_fill_entity_keys(corpus: Path) -> None:
    from tui.index.facts_pool import extract_all

    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        seen: list[tuple[int, int]] = []
        report = extract_all(cat, progress=lambda d, t: seen.append((d, t)), workers=1)
        assert report.done == 4 and report.failed == 0 and seen[-1] == (4, 4)
        assert cat.facts_status() == {"done": 4}
        keys = cat.entity_keys("a1")
        assert keys, "the article names Токаев and Алматы"
        assert "a1" in cat.articles_with_entity(keys[0])
        assert extract_all(cat, workers=1).done == 0  # nothing left to do


def test_the_scan_keeps_no_texts_facts_keep_theirs_and_an_edit_drops_the_stale_one(
    corpus: Path,
) -> None:
    from tui.index.facts_pool import extract_all

    def kept(cat: Catalogue) -> int:
        return cat.connection().execute("SELECT count(*) FROM doc").fetchone()[0]

    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        assert kept(cat) == 0
        hit = cat.search("миротворцев").hits[0]
        assert "миротворц" in hit.snippet.lower()  # read from the file
        extract_all(cat, workers=1)
        assert kept(cat) == 4
        assert "миротворц" in cat.search("миротворцев").hits[0].snippet.lower()
        path = corpus / "sub" / "a3.txt"
        path.write_text(path.read_text("utf-8") + "\nДобавлен абзац о миротворцах.\n", "utf-8")
        cat.refresh(workers=1)
        assert kept(cat) == 3


def test_lost_or_broken_search_index_is_rebuilt_from_the_files_keeping_ids(
    corpus: Path, count_reads: list[str]
) -> None:
    import shutil

    from tui.index.store import engine_path

    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        folder = engine_path(cat.db_path)
        before = {cat.rowid_of(i): i for i in ("a1", "a2", "sub/a3", "a4")}
    shutil.rmtree(folder)
    count_reads.clear()
    with Catalogue(corpus) as cat:
        report = cat.refresh(workers=1)
        assert sorted(count_reads) == ["a1.txt", "a2.txt", "a3.txt", "a4.txt"]
        assert report.updated == 4 and report.added == 0  # rows updated in place
        assert {cat.rowid_of(i): i for i in ("a1", "a2", "sub/a3", "a4")} == before
        assert [h.id for h in cat.search("миротворцев").hits] == ["sub/a3"]
    (folder / "meta.json").write_text("{broken")
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        assert any("search index" in m for m in cat.messages)
        assert cat.search("Казахстан").total == 3  # a1, a3 and the Ukrainian a4


def test_cached_views_follow_changes(corpus: Path) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        assert len(cat.view("date")) == 4 and len(cat.view("date")) == 4  # second one from cache
        assert dict(cat.languages()) == {"ru": 3, "uk": 1}
        write(corpus, "a6.txt", "Дзета: ще одна новина", uk=True)
        cat.refresh(workers=1)
        assert len(cat.view("date")) == 5
        assert [r.id for r in cat.view("id", descending=True).rows(0, 2)] == ["sub/a3", "a6"]
        assert dict(cat.languages()) == {"ru": 3, "uk": 2}
        (corpus / "a1.txt").unlink()
        cat.refresh(workers=1)
        assert "a1" not in [r.id for r in cat.view("date").rows(0, 10)]


def test_rescan_in_lookup_batches_sees_changes_across_nested_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count_reads: list[str]
) -> None:
    monkeypatch.setattr(scan_mod, "LOOKUP_BATCH", 2)  # several catalogue lookups per folder
    root = tmp_path / "deep"
    for i in range(5):
        write(root, f"top{i}.txt", f"Заголовок номер {i} о событиях")
        write(root, f"x/y/deep{i}.txt", f"Глубокий заголовок {i} о событиях")
        write(root, f"gone/g{i}.txt", f"Удалённый заголовок {i} о событиях")
    with Catalogue(root) as cat:
        assert cat.refresh(workers=1).total == 15
        count_reads.clear()
        for path in (root / "gone").iterdir():
            path.unlink()
        (root / "gone").rmdir()
        (root / "x/y/deep3.txt").unlink()
        edited = write(root, "x/y/deep1.txt", "Глубокий заголовок один, исправленный")
        os.utime(edited, ns=(1, 1_700_000_000_000_000_000))
        write(root, "x/new.txt", "Новый заголовок о событиях в стране")
        report = cat.refresh(workers=1)
        assert sorted(count_reads) == ["deep1.txt", "new.txt"]
        assert (report.added, report.updated, report.removed) == (1, 1, 6)
        assert report.unchanged == 8 and report.total == 10
        assert cat.row("x/y/deep1").title == "Глубокий заголовок один, исправленный"
        assert cat.row("gone/g0") is None and cat.row("x/y/deep3") is None
        assert cat.row("x/y/deep0") is not None and cat.row("x/new") is not None


def test_signature_is_taken_before_reading_so_a_later_edit_is_read_again(tmp_path: Path) -> None:
    root = tmp_path / "c"
    path = write(root, "a.txt", "Первый заголовок статьи о событиях")
    record = scan_mod.read_one(root, "a.txt")
    st = path.stat()
    assert record[0] == "a" and record[2][:2] == (st.st_size, st.st_mtime_ns)
    assert scan_mod.read_one(root, "missing.txt")[0] == "s"


def test_a_catalogue_of_an_older_format_is_rebuilt_from_the_files_with_a_message(
    corpus: Path, count_reads: list[str]
) -> None:
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1)
        db = cat.db_path
        cat.connection().execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    count_reads.clear()
    with Catalogue(corpus) as cat:
        assert any("older format" in m for m in cat.messages)
        report = cat.refresh(workers=1)
        assert report.added == 4 and len(count_reads) == 4
        assert cat.db_path == db and cat.search("Токаев").total == 4


def test_new_cleaning_rules_make_the_next_scan_read_every_file_again_in_place(
    corpus: Path, count_reads: list[str]
) -> None:
    from tui.clean import configure_rules

    write(corpus, "menu.txt", "Партнёрский материал о кредитах")
    try:
        with Catalogue(corpus) as cat:
            cat.refresh(workers=1)
            before = {r["id"]: r["title"] for r in cat.listing()}
            count_reads.clear()
            assert cat.refresh(workers=1).read == 0
            configure_rules([{"name": "promo", "pattern": "^Партнёрский материал"}])
            report = cat.refresh(workers=1)
            assert report.read == 5 and report.updated == 5 and report.added == 0
            assert before["menu"] == "Партнёрский материал о кредитах"
            assert cat.row("menu").title != before["menu"]
            assert {r["id"] for r in cat.listing()} == set(before)  # ids (and notes) stay
            count_reads.clear()
            assert cat.refresh(workers=1).read == 0
    finally:
        configure_rules(None)


def test_pool_workers_clean_with_the_configured_rules() -> None:
    from tui.clean import active_rules, configure_rules

    try:
        scan_mod.worker_init([{"name": "promo", "phrase": "Подпишитесь на канал"}])
        rule = active_rules().match("Подпишитесь на канал")
        assert rule is not None and rule.name == "promo"
    finally:
        configure_rules(None)


def test_facts_pool_workers_clean_with_the_configured_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.clean import active_rules, configure_rules
    from tui.facts import nlp
    from tui.index import facts_pool

    monkeypatch.setattr(nlp, "warm_up", lambda: None)  # the models are not the point here
    try:
        facts_pool._init_worker([{"name": "promo", "phrase": "Подпишитесь на канал"}])
        rule = active_rules().match("Подпишитесь на канал")
        assert rule is not None and rule.name == "promo"
    finally:
        configure_rules(None)


def test_a_large_first_scan_builds_the_late_indexes_at_its_end_and_a_later_scan_repairs_them(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.index.store import LATE_INDEXES

    def indexes(cat: Catalogue) -> set[str]:
        rows = cat.connection().execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in rows}

    seen_during: list[set[str]] = []
    monkeypatch.setattr(scan_mod, "LATE_INDEXES_FROM", 1)
    with Catalogue(corpus) as cat:
        cat.refresh(workers=1, progress=lambda d, t: seen_during.append(indexes(cat)))
        assert set(LATE_INDEXES) <= indexes(cat)
        assert any(not set(LATE_INDEXES) & names for names in seen_during)
        assert {"art_title", "art_date"} <= set.intersection(*seen_during)
        cat.connection().execute("DROP INDEX art_words")  # as if a first scan had been killed
        cat.refresh(workers=1)
        assert set(LATE_INDEXES) <= indexes(cat)
        assert [r.id for r in cat.view(sort="words").rows(0, 10)]


def test_broken_and_looping_symlinks_are_reported_not_silently_left_out(corpus: Path) -> None:
    (corpus / "dangling.txt").symlink_to(corpus / "gone.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    with Catalogue(corpus) as cat:
        report = cat.refresh(workers=1)
        assert report.total == 4
        assert dict(cat.skipped_files(report)) == {
            "dangling.txt": "broken symlink",
            "loop.txt": "broken symlink",
        }
