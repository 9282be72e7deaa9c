"""Glued sentences, date lines, titles from the lead, and one-line pages."""

from __future__ import annotations

import pytest

from tui.clean import clean_text
from tui.clean.dates import date_line_of
from tui.clean.glue import repair_glue
from tui.clean.titles import title_from_lead


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        (
            "задержаны почти 8 тысяч человекПрезидент Казахстана",
            "задержаны почти 8 тысяч человек. Президент Казахстана",
        ),
        (
            "сохраняется сложная ситуация.10 января объявили",
            "сохраняется сложная ситуация. 10 января объявили",
        ),
        ("так сказал он.«Это не так»", "так сказал он. «Это не так»"),
        ("пишет «Коммерсантъ»Президент", "пишет «Коммерсантъ» Президент"),
    ],
)
def test_glued_sentences_are_separated(glued: str, fixed: str) -> None:
    assert repair_glue(glued) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "действиям Президента К.Токаева",
        "в г.Алматы",
        "курс вырос на 3.5 процента",
        "клиенты ПриватБанка и МегаФона",
        "сайт zerkalo.io и Vlast.kz",
        "приложение ВКонтакте",
    ],
)
def test_initials_decimals_domains_and_brands_are_left_alone(text: str) -> None:
    assert repair_glue(text) == text


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("09.01.2022 14:35", "09.01.2022 14:35"),
        ("10 января 2022, 09:15", "10 января 2022, 09:15"),
        ("Понеділок, 10 січня 2022, 12:45", "Понеділок, 10 січня 2022, 12:45"),
        ("Опубликовано: 12 января 2022", "12 января 2022"),
        ("date 2022-01", "2022-01"),
        ("January 9, 2022", "January 9, 2022"),
    ],
)
def test_date_lines_are_recognised(line: str, date: str) -> None:
    assert date_line_of(line) == date


@pytest.mark.parametrize(
    "line",
    ["9 января в Алматы прошли митинги", "Токаев заявил о 10 января", "2022 год был трудным"],
)
def test_sentences_with_dates_are_not_date_lines(line: str) -> None:
    assert date_line_of(line) is None


def test_title_from_a_short_lead_is_its_first_sentence() -> None:
    assert title_from_lead("Власти объявили траур. Второе предложение.") == "Власти объявили траур"


def test_title_from_a_long_lead_is_cut_at_a_clause() -> None:
    lead = (
        "США просят Казахстан объясниться, почему власти страны обратились к странам Организации "
        "Договора о коллективной безопасности (ОДКБ) с просьбой предоставить им миротворцев."
    )
    assert title_from_lead(lead) == "США просят Казахстан объясниться"


def test_title_from_a_long_lead_without_clauses_ends_with_an_ellipsis() -> None:
    lead = "Очень " * 60 + "длинное предложение."
    title = title_from_lead(lead)
    assert title.endswith("…") and len(title) <= 161


def test_a_page_without_a_headline_takes_its_title_from_the_lead_not_from_a_menu() -> None:
    raw = (
        "Новости\nПолитика\nЭкономика\n"
        "Власти Казахстана объявили 10 января днем общенационального траура по погибшим. "
        "Об этом сообщила пресс-служба президента.\n"
    )
    doc = clean_text(raw)
    assert (
        doc.title
        == "Власти Казахстана объявили 10 января днем общенационального траура по погибшим"
    )


ONE_LINE_UK = (
    "Головна › Новини Дата: 14.01.2022 У Казахстані скасували режим надзвичайного стану в "
    "більшості регіонів країни. Про це повідомила пресслужба президента. «Ситуація "
    "стабілізувалася, правоохоронці контролюють усі стратегічні об'єкти», — йдеться в заяві. "
    "Мешканці Алмати розповідають, що в місті відкриваються магазини й кав'ярні. Громадський "
    "транспорт курсує за звичайним розкладом. Черга біля банку в Алмати. Фото: Reuters Банки "
    "відновили видачу готівки без обмежень. Економісти прогнозують повільне відновлення "
    "попиту. Що буде з цінами на пальне Уряд пообіцяв зберегти ціни на скраплений газ на "
    "рівні 50 тенге за літр ще пів року. Міністр енергетики заявив, що дефіциту пального "
    "немає. Нагадаємо, протести в Казахстані почалися 2 січня через подорожчання газу. "
    "Протести тривали кілька днів у багатьох містах країни. Влада запровадила комендантську "
    "годину в Алмати та інших великих містах. Знайшли помилку? Виділіть її та натисніть "
    "Ctrl+Enter "
)


def test_a_ukrainian_one_line_page_is_restored_into_paragraphs() -> None:
    doc = clean_text(ONE_LINE_UK * 1)
    assert doc.date_line == "14.01.2022"
    assert doc.title.startswith("У Казахстані скасували режим надзвичайного стану")
    for gone in ("Головна", "Черга біля банку", "Фото: Reuters", "Ctrl+Enter", "Знайшли помилку"):
        assert gone not in doc.text
    assert "Банки відновили видачу готівки без обмежень." in doc.text
    assert "Влада запровадила комендантську годину в Алмати" in doc.text
    assert ("subheading", "Що буде з цінами на пальне") in [(b.kind, b.text) for b in doc.blocks]
    assert sum(b.kind == "paragraph" for b in doc.blocks) >= 3


@pytest.mark.parametrize(
    "sentence",
    [
        "В сложившейся ситуации Казахстан был вынужден обратиться за помощью к ОДКБ.",
        "У казахстанському місті Алмати протягом минулої доби було затримано 1 925 осіб.",
        "Председатель правления крупнейшего банка страны Герман Греф заявил о росте ставок.",
        "Госсекретарь США Энтони Блинкен заявил, что осуждает приказ стрелять без предупреждения.",
        "А глава внешнеполитической службы Евросоюза Жозеп Боррель 8 января заявил о поддержке.",
        "Свое согласие на участие в кампании ОДКБ в Казахстане высказали пять стран.",
        "Следует отметить поддержку решениям и действиям Президента К.Токаева по восстановлению мира.",
    ],
)
def test_ordinary_sentences_are_not_split_as_glued_subheadings(sentence: str) -> None:
    from tui.clean.morph import Morph
    from tui.clean.sentences import _heading_cut, language_of

    assert _heading_cut(sentence, Morph(language_of(sentence))) is None


def test_a_short_one_line_page_gets_its_headline_date_and_caption_sorted_out() -> None:
    raw = (
        "Новости / Казахстан Опубликовано: 12.01.2022 Токаев назначил нового премьер-министра "
        "Президент Казахстана Касым-Жомарт Токаев назначил Алихана Смаилова премьер-министром "
        "страны. Кандидатуру поддержали депутаты мажилиса. Смаилов ранее занимал пост первого "
        "вице-премьера. Алихан Смаилов. Фото: Akorda.kz Новое правительство должно быть "
        "сформировано в течение недели, заявил президент."
    )
    doc = clean_text(raw)
    assert doc.title == "Токаев назначил нового премьер-министра"
    assert doc.date_line == "12.01.2022"
    assert doc.paragraphs[0].startswith("Президент Казахстана Касым-Жомарт Токаев назначил")
    assert doc.paragraphs[-1] == (
        "Новое правительство должно быть сформировано в течение недели, заявил президент."
    )
    assert [(r.reason, r.text) for r in doc.removed] == [
        ("navigation", "Новости / Казахстан"),
        ("caption", "Алихан Смаилов."),
        ("photo-credit", "Фото: Akorda.kz"),
    ]


def test_a_headline_glued_to_its_date_and_lead_is_split_apart() -> None:
    raw = (
        "Оправданная в Пакистане христианка хочет приехать в Германию 11.11.2018 По словам "
        "адвоката Асии Биби, его подзащитная хочет переехать в Германию. Об этом сообщает агентство."
        "\n\nВторой абзац статьи о событиях, который идет следом."
    )
    doc = clean_text(raw)
    assert doc.title == "Оправданная в Пакистане христианка хочет приехать в Германию"
    assert doc.date_line == "11.11.2018"
    first = doc.blocks[0]
    assert first.text.startswith("По словам адвоката Асии Биби")
    assert raw[first.raw_start :].startswith("По словам адвоката")


@pytest.mark.parametrize(
    ("first_line", "title", "date"),
    [
        ("11:57 Исламисты заблокировали дороги и потребовали смерти христианки",
         "Исламисты заблокировали дороги и потребовали смерти христианки", "11:57"),
        ("Министр иностранных дел Великобритании Борис Джонсон ушел в отставку 17:36",
         "Министр иностранных дел Великобритании Борис Джонсон ушел в отставку", "17:36"),
    ],
)  # fmt: skip
def test_a_time_at_either_end_of_the_headline_becomes_the_date_line(
    first_line: str, title: str, date: str
) -> None:
    doc = clean_text(first_line + "\n\nИсламисты в Пакистане заблокировали дороги, требуя казни.")
    assert (doc.title, doc.date_line) == (title, date)
