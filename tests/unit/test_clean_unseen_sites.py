"""Pages in the style of sites the cleaner had not seen (written for the held-out QA findings):
each checks a mechanism — a date inside a headline, read-also cues in other languages, a related
list introduced by a long marker, caption labels, «skip … and continue reading» embeds, one-line
pages with a menu and a donation appeal glued in — never one page's exact strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.clean import Document, clean_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

BODY = (
    "Власти области сообщили о новых ограничениях для грузового транспорта на трассе М-4. "
    "По данным ведомства, запрет будет действовать до конца недели.\n\n"
    "Водителям рекомендуют заранее планировать маршрут и следить за сообщениями дорожных служб."
)


def page(name: str) -> Document:
    return clean_text((PAGES / name).read_text(encoding="utf-8"))


def assert_gone(doc: Document, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment not in doc.text, f"should be removed: {fragment!r}"


def assert_kept(doc: Document, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in doc.text, f"should be kept: {fragment!r}"


@pytest.mark.parametrize(
    ("headline", "date_line"),
    [
        ("На трассе М-4 ограничили движение грузовиков до 25 февраля", "14:05, 20 февраля 2022"),
        ("Запуск спутника «Ионосфера» перенесли на 3 ноября", "14:05, 20 февраля 2022"),
        ("Уряд продовжив карантин до 31 березня", "14:05, 20 февраля 2022"),
        ("Talks on grain exports postponed until March 3", "14:05, 20 февраля 2022"),
    ],
)  # fmt: skip
def test_a_date_the_headline_speaks_of_stays_in_the_title(headline: str, date_line: str) -> None:
    doc = clean_text(f"Новости\nОбщество\n{headline}\n{date_line}\n\n{BODY}")
    assert doc.title == headline
    assert doc.date_line == date_line


def test_a_publication_date_or_time_after_the_headline_still_moves_to_the_date_line() -> None:
    doc = clean_text(f"На трассе М-4 ограничили движение грузовиков, 20 февраля 2022\n\n{BODY}")
    assert (doc.title, doc.date_line) == (
        "На трассе М-4 ограничили движение грузовиков",
        "20 февраля 2022",
    )


def test_belarusian_and_kazakh_read_also_cues_and_credit_go() -> None:
    be = clean_text(
        "Навіны\nГрамадства\nУ Гродне адкрылі новы мост праз Нёман пасля рамонту\n"
        "14.03.2022, 09:10\nФота: Гродзенская праўда\n\n"
        "Мост быў закрыты на рамонт амаль паўтара года. Рух па ім аднавілі ў панядзелак раніцай.\n\n"
        "Чытайце таксама:\nУ Мінску змяніўся расклад аўтобусаў\n\n"
        "Гарадскія ўлады абяцаюць, што да лета скончаць і рамонт набярэжнай побач з мостам."
    )
    assert be.title == "У Гродне адкрылі новы мост праз Нёман пасля рамонту"
    assert_gone(be, "Фота:", "Чытайце таксама", "У Мінску змяніўся расклад")
    assert_kept(be, "Рух па ім аднавілі", "рамонт набярэжнай")
    kk = clean_text(
        "Жаңалықтар\nАстанада жаңа мектеп ашылды\n14 наурыз 2022\n\n"
        "Астана қаласында бір мың оқушыға арналған жаңа мектеп ашылды. Бұл туралы қала әкімдігі хабарлады.\n\n"
        "Оқи отырыңыз:\nАлматыда жол жөндеу басталды\n\n"
        "Мектепте спорт залы мен кітапхана бар, сабақтар келесі аптадан басталады деп күтілуде."
    )
    assert_gone(kk, "Оқи отырыңыз", "Алматыда жол жөндеу басталды")
    assert_kept(kk, "жаңа мектеп ашылды. Бұл", "кітапхана бар")


def test_a_long_read_also_marker_takes_its_numbered_list_mid_article() -> None:
    doc = clean_text(
        "Энергорынок\nТарифы на тепло для предприятий вырастут с апреля\n02.03.2022 11:40\n\n"
        "Региональная энергетическая комиссия утвердила новые тарифы на тепло для предприятий. "
        "Рост составит в среднем семь процентов.\n\n"
        "Вам также может быть интересно:\n"
        "1. Как сэкономить на отоплении частного дома\n"
        "2. Власти назвали сроки ремонта теплотрассы на Северной улице\n"
        "3. Цены на уголь: что ждет потребителей весной\n\n"
        "Для населения тарифы в этом году не изменятся, уточнили в комиссии."
    )
    assert_gone(
        doc, "Вам также может быть интересно", "Как сэкономить", "теплотрассы", "Цены на уголь"
    )
    assert_kept(doc, "Рост составит", "Для населения тарифы")


def test_the_dates_of_linked_stories_go_with_them() -> None:
    doc = clean_text(
        "Новости\nВ порту Таганрога возобновили отгрузку зерна\n16:20, 3 марта 2022\n\n"
        "Отгрузку зерна в порту Таганрога возобновили после трехдневного перерыва, сообщили в "
        "администрации порта.\n\n"
        "Материалы по теме:\nЭкспорт пшеницы упал до минимума за пять лет\nВчера\n"
        "Минсельхоз ограничил вывоз подсолнечника\n1 марта\n\n"
        "Перерыв в работе порта был связан с сильным штормом на Азовском море."
    )
    assert_gone(doc, "Экспорт пшеницы", "Вчера", "подсолнечника", "1 марта\n")
    assert_kept(doc, "трехдневного перерыва", "сильным штормом")
    assert not doc.text.endswith("1 марта")
    assert "1 марта" not in [block.text for block in doc.blocks]


def test_caption_labels_and_a_skippable_embed_go() -> None:
    doc = clean_text(
        "Головна\nУ Львові відкрили музей трамваю\n3 березня 2022\n"
        "Автор фото,\nReuters\nПідпис до фото,\nСтарий трамвай біля входу до музею\n\n"
        "Музей розмістився у колишньому депо на вулиці Городоцькій. У ньому зібрано понад "
        "двадцять вагонів різних років.\n\n"
        "Пропустити Розсилку і продовжити читання.\nРозсилка\nГоловне за тиждень\nКінець Розсилку\n\n"
        "Вхід до музею у перший місяць буде безкоштовним, повідомили організатори."
    )
    assert doc.title == "У Львові відкрили музей трамваю"
    assert doc.blocks[0].text.startswith("Музей розмістився")
    assert_gone(doc, "Автор фото", "Reuters", "Підпис до фото", "Старий трамвай", "Пропустити",
                "Головне за тиждень", "Кінець Розсилку")  # fmt: skip
    assert_kept(doc, "двадцять вагонів", "буде безкоштовним")


def test_a_skip_line_without_its_end_takes_only_itself() -> None:
    doc = clean_text(
        "Заголовок статьи о погоде в Москве на выходные\n\n"
        "Синоптики обещают потепление до плюс пяти градусов в субботу.\n\n"
        "Skip Newsletter and continue reading.\n\n"
        "В воскресенье ожидается мокрый снег и гололедица на дорогах столицы."
    )
    assert_gone(doc, "Skip Newsletter")
    assert_kept(doc, "плюс пяти градусов", "гололедица на дорогах")


def test_photo_bank_alt_text_widgets_rights_footer_and_a_link_block_label_go() -> None:
    doc = page("photobank_site_ru.txt")
    assert doc.title == "В Ярославле запустили первый электробус на городской маршрут"
    assert_gone(
        doc, "Электробус на остановке - Агентство Север", "Перейти в фотобанк",
        "Лента добра", "реальный мир", "Premium", "Как выбрать зимние шины",
        "При цитировании материалов", "Використання матеріалів",
    )  # fmt: skip
    assert_kept(
        doc, "Новый электробус вышел на маршрут", "Проезд в нем стоит столько же",
        "до конца года город получит", "Что дальше",
    )  # fmt: skip


def test_an_english_byline_under_the_headline_is_not_joined_to_it() -> None:
    doc = clean_text(
        "Ports reopen as storm moves east\nby Jane Doe and John Roe\nMarch 3, 2022\n\n"
        "Ports along the southern coast reopened on Thursday after a two-day closure. "
        "Shipping companies said delays would last until the weekend."
    )
    assert doc.title == "Ports reopen as storm moves east"
    assert_gone(doc, "Jane Doe")


def test_one_line_page_menu_date_source_credit_appeal_and_related_tail_go() -> None:
    raw = (PAGES / "oneline_menu_donation_ru.txt").read_text(encoding="utf-8")
    doc = clean_text(raw)
    assert doc.title == "Эстония продлила компенсации за электроэнергию"
    assert doc.date_line == "09:45, 14 марта 2022"
    assert_gone(
        doc, "Балтика24", "Подкасты", "Источник:", "Petra Ilves", "Scanpix", "это вы!",
        "благодаря вашей поддержке", "Помогите нам", "Поддержите", "Материалы по теме",
        "Латвия снизила тарифы", "Что будет зимой?", "Поделиться",
    )  # fmt: skip
    assert_kept(
        doc, "Правительство Эстонии объявило", "Кроме того, власти обещают упростить",
        "Оппозиция раскритиковала решение", "а в Вашингтоне и Брюсселе следят за ценами",
    )  # fmt: skip
    assert doc.blocks[0].text.startswith("Правительство Эстонии объявило")
    assert raw[doc.blocks[0].raw_start :].startswith("Правительство Эстонии объявило")
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Petra Ilves / ERR / Scanpix"] == "photo-credit"
    assert reasons["Помогите нам работать дальше!"] == "donation-banner"


ADVICE = (
    "Жителей Новосибирска предупредили о сильном морозе на выходных, сообщили синоптики. "
    "Температура ночью опустится до минус тридцати пяти градусов, днем будет около минус "
    "двадцати восьми. Коммунальные службы переведены на усиленный режим работы, а школы "
    "могут перейти на дистанционное обучение. "
) * 4


def test_one_line_page_sentences_speaking_to_the_reader_stay_without_a_donation_banner() -> None:
    tail = (
        "Если вы заметили обледенение проводов, сообщите в аварийную службу. Врачи советуют "
        "вам не выходить на улицу без необходимости. Что делать?"
    )
    doc = clean_text(ADVICE + tail)
    assert_kept(doc, "Если вы заметили обледенение", "советуют вам не выходить", "Что делать?")
    assert not doc.removed


def test_one_line_page_a_capitalised_headline_start_is_not_taken_for_a_menu() -> None:
    doc = clean_text("Новосибирские Власти Закрыли Школы из-за мороза " + ADVICE)
    assert not [r for r in doc.removed if r.reason == "navigation"]
    assert_kept(doc, "Жителей Новосибирска предупредили")
