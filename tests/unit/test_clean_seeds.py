"""The five seed pages: what the cleaner must remove and what it must keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.clean import Document, clean_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> tuple[str, Document]:
    """Raw text and cleaned document of the seed whose file name starts with `prefix`."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    raw = path.read_text(encoding="utf-8")
    return raw, clean_text(raw)


def reasons(doc: Document) -> set[str]:
    return {r.reason for r in doc.removed}


# --- 000: zerkalo.io, donation header, section link, 18-item headline list ---------------------


def test_zerkalo_header_section_link_and_headline_list_are_removed() -> None:
    _, doc = seed("000")
    for gone in (
        "Поддержать команду Зеркала",
        "Беларусы на войне",
        "Трамп: Украина готова вернуться за стол переговоров",
        "Кремль заявил о намерении воспользоваться решением США",
        "опубликовано:",
        "обновлено:",
        "Фото: Reuters",
        "Здание администрации Алматы",
    ):
        assert gone not in doc.text, gone
    assert "headline-list" in reasons(doc)
    assert sum(r.reason == "headline-list" for r in doc.removed) == 18


def test_zerkalo_title_comes_from_the_lead_not_from_the_headline_list() -> None:
    _, doc = seed("000")
    assert doc.title.startswith("В беспорядках, в которые переросли протесты в Казахстане")
    assert "Трамп" not in doc.title and doc.title != "Беларусы на войне"
    assert doc.date_line is None  # the page has only empty «опубликовано:» labels


def test_zerkalo_body_subheading_and_glued_sentences() -> None:
    raw, doc = seed("000")
    assert "«На Казахстане была опробована совершено другая модель»" in [
        b.text for b in doc.blocks if b.kind == "subheading"
    ]
    assert "задержаны почти 8 тысяч человек. Президент Казахстана" in doc.text
    assert "сложная ситуация. 10 января объявили днем" in doc.text
    assert "человекПрезидент" not in doc.text and "ситуация.10" not in doc.text
    assert doc.blocks[-1].text.endswith("днем общенационального траура в Казахстане.")
    assert doc.blocks[0].text.startswith("В беспорядках, в которые переросли протесты")


# --- 001: plain statement, one paragraph per line, no title ----------------------------------


def test_statement_keeps_every_line_and_derives_a_title() -> None:
    raw, doc = seed("001")
    assert doc.removed == []
    assert len(doc.blocks) == len([line for line in raw.splitlines() if line.strip()])
    assert all(b.kind == "paragraph" for b in doc.blocks)
    assert doc.title.startswith("Ряд публикаций в иностранных СМИ")
    assert "Президента К.Токаева" in doc.text  # initials are not a glued sentence


# --- 002: zerkalo.io, doubled photo credit, video credit --------------------------------------


def test_zerkalo_002_credits_and_list_go_body_stays() -> None:
    _, doc = seed("002")
    assert "Фото использовано в качестве иллюстрации" not in doc.text
    assert "Видео: телеграм-канал ТАСС" not in doc.text
    assert "Лукашенко назначил нового главу Минсвязи" not in doc.text
    assert "repeated" in reasons(doc) or sum(r.reason == "photo-credit" for r in doc.removed) == 2
    # a sentence without its full stop in the middle of the body is still body text
    assert "Военные заставили мирных жителей отойти на расстояние 100 метров" in doc.text
    assert doc.title.startswith("На площади перед мэрией в Алматы")
    assert doc.blocks[-1].text.startswith("Кроме того 6 января в Казахстане вновь ограничили")


# --- 003: one long line, date header, inline subheadings and captions --------------------------


def test_one_line_page_is_split_into_paragraphs_and_subheadings() -> None:
    _, doc = seed("003")
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    subheadings = [b.text for b in doc.blocks if b.kind == "subheading"]
    assert len(paragraphs) >= 10
    assert subheadings == [
        "Призывы отменить приказ стрелять без предупреждения",
        "Протесты и беспорядки в Казахстане",
    ]
    assert any(b.text.startswith("Блинкен также заявил, что осуждает") for b in paragraphs)
    assert any(b.text.startswith("Митинги в соседнем Казахстане начались") for b in paragraphs)


def test_one_line_page_date_header_becomes_the_date_line() -> None:
    _, doc = seed("003")
    assert doc.date_line == "2022-01"
    assert "date 2022-01" not in doc.text
    assert doc.title == "США просят Казахстан объясниться"


def test_one_line_page_captions_and_credits_are_removed_with_reasons() -> None:
    _, doc = seed("003")
    removed = {(r.reason, r.text) for r in doc.removed}
    assert ("caption", "Энтони Блинкен.") in removed
    assert ("photo-credit", "Фото: Wikimedia") in removed
    assert ("caption", "Касым-Жомарт Токаев делает обращение к нации 7 января.") in removed
    assert ("caption", "Протесты в Алматы 5 января.") in removed
    assert ("photo-credit", "Фото: Vlast.kz") in removed
    for gone in ("Фото:", "Скриншот с видео", "Энтони Блинкен. Фото"):
        assert gone not in doc.text
    # the sentences right after the credits survive
    assert "Блинкен уже говорил об этом и на онлайн-совещании" in doc.text
    assert "На фоне непрекращающихся протестов в стране президент" in doc.text
    assert "Он тогда назвал «глупостью» предложения" in doc.text


# --- 004: focus.ua, headline, photo alt + credit, related video -------------------------------


def test_focus_headline_is_the_title_and_photo_lines_go() -> None:
    _, doc = seed("004")
    assert doc.title == (
        'Влада Казахстану проводить масові "зачистки": за добу затримано майже 2 тис. осіб'
    )
    for gone in ("Силовики в Казахстані, Казахстан", "Фото: ТАСС", "Related video"):
        assert gone not in doc.text
    assert doc.blocks[0].text.startswith('"Зачищено" житлові масиви кількох районів Алмати.')
    assert doc.blocks[-1].text.endswith("понад 100 млрд дол.")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_body_sentence_of_a_seed_is_lost(prefix: str) -> None:
    """Every removed piece is boilerplate: short, or matched by a named rule."""
    _, doc = seed(prefix)
    for item in doc.removed:
        assert item.reason
        assert item.reason in {
            "headline-list", "zerkalo-header", "meta-label", "photo-credit", "caption",
            "media-stub", "repeated", "navigation", "top-edge",
        }, item  # fmt: skip
        assert len(item.text) <= 200 or item.reason == "headline-list"
