"""Hand-written pages in the style of other Russian and Ukrainian news sites (tests/data/pages):
menus, breadcrumbs, «Читайте также» with a linked headline, share buttons, ads, tags, cookie
banners, comment prompts, copyright footers, Ctrl+Enter prompts, hard-wrapped and one-line text."""

from __future__ import annotations

from pathlib import Path

from tui.clean import Document, clean_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def page(name: str) -> Document:
    return clean_text((PAGES / name).read_text(encoding="utf-8"))


def assert_gone(doc: Document, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment not in doc.text, f"should be removed: {fragment!r}"


def assert_kept(doc: Document, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in doc.text, f"should be kept: {fragment!r}"


def removed_as(doc: Document, reason: str) -> list[str]:
    return [r.text for r in doc.removed if r.reason == reason]


def test_agency_page_menu_breadcrumbs_related_link_ad_tags_footer_go() -> None:
    doc = page("agency_ru.txt")
    assert doc.title == "Токаев заявил о завершении контртеррористической операции в Алма-Ате"
    assert doc.date_line == "09.01.2022 14:35"
    assert_gone(
        doc, "Лента новостей", "Главная / В мире", "2431", "Поделиться", "Читайте также",
        "Как протесты в Казахстане переросли в беспорядки", "Реклама", "© Агентство",
        "Полицейские на улице Алма-Аты", "Теги:", "Ctrl+Enter", "Комментарии",
        "авторизуйтесь", "Все права защищены", "cookie", "Принять",
    )  # fmt: skip
    assert_kept(
        doc,
        "АЛМА-АТА, 9 янв — Агентство. Президент Казахстана Касым-Жомарт Токаев заявил",
        "«Конституционный порядок в целом восстановлен во всех регионах страны»",
        "Ведомство сообщило о возбуждении более 120 уголовных дел.",
        "Власти также пообещали восстановить доступ к интернету в течение недели.",
    )
    assert ("subheading", "Что известно о задержанных") in [(b.kind, b.text) for b in doc.blocks]
    assert removed_as(doc, "related-link") == [
        "Читайте также:",
        "Как протесты в Казахстане переросли в беспорядки",
    ]


def test_ukrainian_portal_byline_related_ad_caption_share_subscribe_footer_go() -> None:
    doc = page("portal_uk.txt")
    assert doc.title == "Токаєв назвав протести в Казахстані спробою державного перевороту"
    assert doc.date_line == "Понеділок, 10 січня 2022, 12:45"
    assert_gone(
        doc, "Головна › Новини", "Політика Економіка", "Автор: Ольга Коваль", "Читайте також",
        "Росія перекинула до Казахстану десантників", "Реклама", "Getty Images",
        "Токаєв під час засідання", "Теги", "Поділитися", "Facebook", "Telegram-канал",
        "Ctrl+Enter", "Всі права захищено", "Використання матеріалів",
    )  # fmt: skip
    assert_kept(
        doc,
        "Президент Казахстану Касим-Жомарт Токаєв заявив, що масові заворушення",
        "– сказав Токаєв.",
        "миротворчі сили ОДКБ залишаться в країні доти",
        "Раніше МОЗ Казахстану повідомило про 164 загиблих",
    )
    assert [b.text for b in doc.blocks if b.kind == "subheading"] == ["Що відомо про загиблих"]


def test_business_page_banner_headline_list_and_comment_prompts_go() -> None:
    doc = page("business_ru.txt")
    assert doc.title == "Биржа Казахстана возобновила торги после недельной паузы"
    assert doc.date_line == "10 января 2022, 09:15"
    assert_gone(
        doc, "оформите подписку", "Меню", "Фото: Reuters", "Скопировать ссылку", "Реклама 18+",
        "Популярное", "Курс доллара на неделю", "Пенсионные накопления", "Читайте нас в Telegram",
        "Оставьте свой комментарий", "All rights reserved",
    )  # fmt: skip
    assert_kept(
        doc,
        "Казахстанская фондовая биржа KASE возобновила торги в понедельник",
        "Ограничения на снятие наличных сняты.",
        "— сказал аналитик инвестиционной компании Алибек Нурланов.",
    )
    assert ("subheading", "Курс тенге") in [(b.kind, b.text) for b in doc.blocks]
    assert len(removed_as(doc, "headline-list")) == 4


def test_hard_wrapped_page_is_rejoined_and_its_chrome_goes() -> None:
    doc = page("wrapped_ru.txt")
    assert doc.title == "В Казахстане продолжаются задержания участников протестов"
    assert doc.date_line == "11 января 2022"
    assert_gone(doc, "Поддержите нас", "Подкасты", "Война в Украине", "VK", "#протесты")
    assert len(doc.blocks) == 3
    assert doc.blocks[0].text == (
        "Власти Казахстана сообщили о задержании почти десяти тысяч человек за время "
        "беспорядков, которые начались в первые дни января. По данным МВД, большинство из них "
        "отпущены после проверки документов."
    )
    assert doc.blocks[1].text.endswith("после наступления комендантского часа.")


def test_regional_page_related_news_list_and_english_menu_go() -> None:
    doc = page("regional_uk.txt")
    assert doc.title == "Російські десантники почали виходити з Казахстану"
    assert doc.date_line == "13 січня 2022, 18:20"
    assert_gone(
        doc, "Усі новини", "Home / News", "Menu", "УНІАН", "Колона військової техніки",
        "Дивіться також", "фоторепортаж з Алмати", "Related news", "Вас може зацікавити",
        "Війна в Україні: головне", "ЄС готує нові санкції", "Залиште свій коментар",
        "Надіслати", "Ctrl+Enter", "Передрук",
    )  # fmt: skip
    assert [b.text for b in doc.blocks] == [
        "Російські військові, які прибули до Казахстану у складі миротворчого контингенту ОДКБ, "
        "почали виїжджати з країни. Про це повідомило Міністерство оборони Росії.",
        "За даними відомства, першими країну залишили підрозділи, які охороняли аеропорт Алмати.",
        "Повне виведення контингенту має завершитися до 19 січня, заявив раніше президент "
        "Казахстану.",
    ]


def test_one_line_page_loses_breadcrumbs_caption_and_prompt_keeps_every_sentence() -> None:
    doc = page("oneline_ru.txt")
    assert doc.date_line == "12.01.2022"
    assert doc.title.startswith("В Алма-Ате возобновили работу общественного транспорта")
    assert_gone(
        doc, "Главная / Общество", "Опубликовано", "Автобус на улице", "Vlast.kz", "Ctrl+Enter"
    )
    assert_kept(
        doc,
        "В Алма-Ате возобновили работу общественного транспорта",
        "В понедельник в городе открылись и крупные торговые центры",
        "Банки предложили отсрочку по кредитам малому бизнесу на три месяца.",
        "Напомним, беспорядки в Казахстане начались 2 января",
    )
    assert ("subheading", "Ремонт займет несколько месяцев") in [
        (b.kind, b.text) for b in doc.blocks
    ]
    assert sum(b.kind == "paragraph" for b in doc.blocks) >= 4


def test_zerkalo_style_page_with_a_headline_after_the_list_takes_that_headline() -> None:
    doc = page("zerkalo_style_with_headline_ru.txt")
    assert doc.title == "В Казахстане задержаны более 7 тысяч человек"
    assert doc.date_line == "9 января 2022, 11:20"
    assert_gone(
        doc, "Поддержать", "Минсвязи", "обновлено", "Источник: Reuters", "Полицейский патруль"
    )
    assert [b.text for b in doc.blocks] == [
        "В Казахстане после массовых беспорядков задержаны более 7 тысяч человек, сообщает МВД страны.",
        "Ведомство уточнило, что среди задержанных есть иностранцы.",
        "Ранее президент Токаев заявил, что конституционный порядок восстановлен.",
    ]
    assert ("date-line", "обновлено: 9 января 2022, 12:05") in [
        (r.reason, r.text) for r in doc.removed
    ]


def test_wire_page_related_headlines_after_a_bare_marker_and_rights_footer_go() -> None:
    doc = page("wire_ru.txt")
    assert doc.title == "Токаев назвал число погибших в ходе беспорядков"
    assert_gone(
        doc, "Мнения", "Генпрокуратура Казахстана опубликовала", "фонд помощи", "Все права", "18+"
    )
    assert doc.blocks[0].text.startswith("Москва. 15 января. INTERFAX.RU - Президент Казахстана")
    assert doc.blocks[-1].text == "Ранее власти сообщали о 164 погибших."
    assert removed_as(doc, "related-link") == [
        "Читайте также",
        "Генпрокуратура Казахстана опубликовала данные о погибших",
        "Токаев поручил создать фонд помощи пострадавшим",
    ]


def test_three_headlines_in_a_row_inside_the_body_are_a_link_block() -> None:
    raw = (PAGES / "agency_ru.txt").read_text(encoding="utf-8")
    raw = raw.replace(
        "Реклама\n",
        "Реклама\nСША призвали Казахстан к сдержанности\nКак работает ОДКБ\nЦены на газ снизят до 50 тенге\n",
    )
    doc = clean_text(raw)
    assert removed_as(doc, "link-list") == [
        "США призвали Казахстан к сдержанности",
        "Как работает ОДКБ",
        "Цены на газ снизят до 50 тенге",
    ]
    assert "Что известно о задержанных" in doc.text  # a lone subheading stays


def test_a_list_introduced_by_a_colon_inside_the_body_stays() -> None:
    raw = (
        "Протестующие выдвинули требования к властям страны\n\n"
        "Участники митинга на площади в Жанаозене зачитали список требований к правительству:\n"
        "Снижение цены на газ до 50 тенге\nОтставка правительства Казахстана\nВозвращение Конституции 1993 года\n"
        "Власти пообещали рассмотреть требования в течение недели, сообщил аким области.\n"
    )
    doc = clean_text(raw)
    assert_kept(doc, "Снижение цены на газ", "Отставка правительства", "Конституции 1993 года")


def test_a_comments_section_goes_with_its_heading_and_the_article_stays() -> None:
    raw = (
        "Власти объявили траур по погибшим в Казахстане\n\n"
        "Президент объявил 10 января днем общенационального траура по погибшим.\n\n"
        "Флаги будут приспущены по всей стране, развлекательные мероприятия отменены.\n\n"
        "Комментарии (3)\nИван: Ужас какой, соболезную всем.\nПётр: Согласен с автором, это трагедия.\n"
        "Ответить\n"
    )
    doc = clean_text(raw)
    assert doc.paragraphs == [
        "Президент объявил 10 января днем общенационального траура по погибшим.",
        "Флаги будут приспущены по всей стране, развлекательные мероприятия отменены.",
    ]
    assert len(removed_as(doc, "comments")) == 4


def test_energy_portal_cookie_banner_reading_time_captions_and_footer_lists_go() -> None:
    doc = page("energy_portal_ru.txt")
    assert doc.title == "Цены на сжиженный газ в Казахстане снизят до 50 тенге за литр"
    assert doc.date_line == "Сегодня, 09:41"
    assert_gone(
        doc, "cookies", "Понятно", "Вы здесь", "Мария Иванова", "Время чтения", "просмотров",
        "Реклама", "Токаев отправил правительство", "Фото из открытых", "Очередь на заправке",
        "Теги", "Поделиться", "Одноклассники", "Нравится", "Комментарии", "Написать",
        "Как изменились цены на бензин", "Деловой портал",
    )  # fmt: skip
    assert doc.paragraphs == [
        "Правительство Казахстана приняло решение снизить цену на сжиженный газ в Мангистауской "
        "области до 50 тенге за литр. Об этом сообщила пресс-служба кабмина.",
        "Решение принято после массовых протестов, которые начались 2 января в Жанаозене.",
        "«Цена будет зафиксирована на 180 дней», — говорится в заявлении правительства.",
        "Что будет дальше",
        "Эксперты ожидают, что временная мера не решит проблему дефицита газа в регионе.",
    ]
    assert doc.blocks[3].kind == "subheading"


def test_ukrainian_news_site_menus_language_switch_update_line_and_footer_go() -> None:
    doc = page("news_site_uk.txt")
    assert doc.title == "Токаєв призначив нового прем'єр-міністра Казахстану"
    assert doc.date_line == "11 січня 2022, 15:20"
    assert_gone(
        doc, "Головна", "УКР | РУС", "Оновлено", "Поділитися", "Читайте також", "Akorda",
        "Аліхан Смаїлов", "Реклама", "Теги", "Ctrl+Enter", "Telegram", "Коментарі",
        "Новини партнерів", "Всі права",
    )  # fmt: skip
    assert doc.paragraphs == [
        "Президент Казахстану Касим-Жомарт Токаєв запропонував кандидатуру Аліхана Смаїлова на "
        "посаду прем'єр-міністра. Мажиліс підтримав кандидатуру.",
        "Смаїлов раніше обіймав посаду першого віцепрем'єра. До цього він очолював Комітет з "
        "статистики.",
        "Новий уряд має бути сформований протягом тижня.",
        "Нагадаємо, попередній уряд пішов у відставку 5 січня на тлі масових протестів.",
    ]


def test_interview_replies_that_look_like_buttons_stay() -> None:
    raw = (
        "Интервью с министром энергетики Казахстана\n\n"
        "— Что дальше?\n"
        "— Цены на газ вырастут в этом году?\n"
        "— Нет, цены будут заморожены на полгода, это решение правительства.\n"
        "— Понятно.\n"
        "— Мы будем следить за ситуацией на рынке и при необходимости вмешаемся.\n"
    )
    doc = clean_text(raw)
    assert doc.removed == []
    assert "— Понятно." in doc.paragraphs
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("paragraph", "— Что дальше?")


def test_a_credit_glued_to_a_paragraph_goes_and_the_paragraph_stays() -> None:
    raw = (
        "Власти заявили о восстановлении порядка\n\n"
        "Власти заявили о восстановлении порядка во всех регионах страны и об отмене "
        "комендантского часа. Фото: Reuters\n\n"
        "Здание администрации Алматы. Фото: Reuters\n\n"
        "Жители города возвращаются к обычной жизни, открываются магазины и кафе.\n"
    )
    doc = clean_text(raw)
    assert doc.paragraphs == [
        "Власти заявили о восстановлении порядка во всех регионах страны и об отмене "
        "комендантского часа.",
        "Жители города возвращаются к обычной жизни, открываются магазины и кафе.",
    ]
    assert [(r.reason, r.text) for r in doc.removed] == [
        ("photo-credit", "Фото: Reuters"),
        ("photo-credit", "Здание администрации Алматы. Фото: Reuters"),
    ]


def test_section_names_are_menu_items_at_the_edges_but_subheadings_inside_the_article() -> None:
    raw = (
        "Политика\nЭкономика\nСпорт\n"
        "Итоги недели: главное в политике и экономике\n\n"
        "Неделя выдалась насыщенной на события в Казахстане и соседних странах региона.\n\n"
        "Политика\n\nПрезидент Токаев назначил новое правительство, его возглавил Алихан Смаилов.\n\n"
        "Экономика\n\nНацбанк сохранил базовую ставку, курс тенге стабилизировался.\n\n"
        "Культура\nСпорт\n"
    )
    doc = clean_text(raw)
    assert doc.title == "Итоги недели: главное в политике и экономике"
    assert [(b.kind, b.text) for b in doc.blocks if b.kind == "subheading"] == [
        ("subheading", "Политика"),
        ("subheading", "Экономика"),
    ]
    assert "Культура" not in doc.text and "Спорт" not in doc.text


def test_a_question_headline_is_the_title_not_the_first_paragraph() -> None:
    raw = (
        "Новости\nЧто будет с ценами на газ в Казахстане после протестов?\n12 января 2022\n\n"
        "Правительство Казахстана зафиксировало цены на сжиженный газ на полгода.\n\n"
        "Эксперты ожидают роста цен после окончания моратория.\n"
    )
    doc = clean_text(raw)
    assert doc.title == "Что будет с ценами на газ в Казахстане после протестов?"
    assert doc.date_line == "12 января 2022"
    assert doc.paragraphs[0].startswith("Правительство Казахстана")


def test_kloop_date_header_glued_before_a_headline_line_is_the_date_not_the_title() -> None:
    doc = clean_text(
        " date 2022-01 США просят Казахстан объяснить обращение к ОДКБ\n\n"
        "Госсекретарь США Энтони Блинкен заявил, что Вашингтон ждёт объяснений, почему власти"
        " Казахстана обратились к странам ОДКБ с просьбой прислать миротворцев.\n"
    )
    assert doc.title == "США просят Казахстан объяснить обращение к ОДКБ"
    assert doc.date_line == "2022-01"
