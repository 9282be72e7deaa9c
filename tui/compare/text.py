"""Text features for comparing Russian and Ukrainian sentences.

Letters are folded so that the two languages meet (і/ї → и, є → е, ґ → г, ё/э → е, ы → и; soft and
hard signs and apostrophes dropped), words are reduced to base forms with pymorphy3 (Russian or
Ukrainian dictionary, cached), and base forms are cut to a short stem, so that «Токаеву» and
«Токаєву», «Алматы» and «Алмати», «митинги» and «мітинги» share a key.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import razdel

_FOLD = str.maketrans(
    {
        "ё": "е",
        "э": "е",
        "ы": "и",
        "і": "и",
        "ї": "и",
        "є": "е",
        "ґ": "г",
        "ь": None,
        "ъ": None,
        "'": None,
        "’": None,
        "ʼ": None,
    }
)

STEM_LENGTH = 5
"""Base forms are cut to this many letters: a cheap bridge between близкие ru/uk forms."""

WORD_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?|[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*"
)
"""Numbers (with space-grouped thousands) and words (with inner hyphens and apostrophes)."""

_SKIP_TAGS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED", "Apro"})


_DOUBLE_RE = re.compile(r"([^\W\d])\1")


def fold(word: str) -> str:
    """Lower-case, fold ru/uk letter differences away and undouble letters (террор/терор)."""
    return _DOUBLE_RE.sub(r"\1", word.lower().translate(_FOLD))


# Function words and news boilerplate in both languages (folded), ignored as content.
_STOP_WORDS = """
    и в во не на с со к ко у о об от по за из до для при без над под про через это этот тот
    такой который какой весь все всё свой его ее её их они он она оно мы вы я ты же ли бы
    быть есть был была были будет будут стать мочь также так как что чтобы где когда уже еще
    ещё или но а да то ни только очень более менее там тут здесь сам самый один кто год
    і й та що як цей той який весь усе все свій його її їх вони він вона воно ми ви я ти
    чи б би бути є був була були буде будуть стати могти також так де коли вже ще або але
    тощо лише дуже більш менш сам самий один хто із зі з від після перед між рік
    число страна країна ряд
    сообщать сообщить заявить говорить сказать отметить передавать данные фото время
    повідомляти повідомити заявити говорити сказати зазначити дані час
"""
_STOP = frozenset(fold(w) for w in _STOP_WORDS.split())


def number_key(token: str) -> str | None:
    """`#2500` for «2 500», `#7939` for «7939», `#2.5` for «2,5»; None for a word."""
    if not token[0].isdigit():
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", token).replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    return f"#{value:g}"


_ANALYZERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def _analyzer(lang: str) -> Any:
    """The pymorphy3 analyser for `lang` ("uk" or Russian for anything else), loaded once."""
    key = "uk" if lang == "uk" else "ru"
    with _LOCK:
        if key not in _ANALYZERS:
            import pymorphy3

            _ANALYZERS[key] = pymorphy3.MorphAnalyzer(lang=key)
        return _ANALYZERS[key]


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> tuple[str, bool]:
    """(folded base form, is_content_word) of one word, cached per language.

    Ukrainian base forms are bridged to Russian ones where a short lexicon or the Russian
    dictionary knows the counterpart (see `bridge_uk`), so both languages share keys.
    """
    low = word.lower()
    folded = fold(low)
    if folded in _STOP or len(folded) < 2:
        return folded, False
    parse = _analyzer(lang).parse(low)[0]
    tag = str(parse.tag)
    pos = parse.tag.POS
    normal_form = parse.normal_form
    if lang == "uk":
        normal_form = bridge_uk(normal_form)
    normal = fold(normal_form)
    if pos in _SKIP_TAGS or "Apro" in tag:
        return normal, False
    return normal, normal not in _STOP


@lru_cache(maxsize=50_000)
def bridge_uk(normal: str) -> str:
    """The Russian counterpart of a Ukrainian base form, or the form itself.

    First the lexicon of frequent news words that are not cognates (країна → страна); then, for
    words with «і», the Russian dictionary is asked about «і» → «о»/«е» (підготовка → подготовка).
    """
    if normal in UK_RU_LEXICON:
        return UK_RU_LEXICON[normal]
    if "і" in normal:
        ru = _analyzer("ru")
        for letter in ("о", "е"):
            candidate = normal.replace("і", letter)
            if ru.word_is_known(candidate):
                return candidate
    return normal


UK_RU_LEXICON: dict[str, str] = {
    pair.split(":")[0]: pair.split(":")[1]
    for pair in [
        "країна:страна",
        "влада:власть",
        "уряд:правительство",
        "місто:город",
        "село:село",
        "область:область",
        "людина:человек",
        "особа:человек",
        "люди:люди",
        "населення:население",
        "мешканець:житель",
        "затримати:задержать",
        "затримання:задержание",
        "заарештувати:арестовать",
        "вбити:убить",
        "загинути:погибнуть",
        "загиблий:погибший",
        "поранити:ранить",
        "постраждати:пострадать",
        "заворушення:беспорядки",
        "протестувальник:протестующий",
        "мітинг:митинг",
        "акція:акция",
        "звернутися:обратиться",
        "звернення:обращение",
        "допомога:помощь",
        "підтримка:поддержка",
        "оголосити:объявить",
        "заява:заявление",
        "заявити:заявить",
        "повідомлення:сообщение",
        "наголосити:подчеркнуть",
        "зазначити:отметить",
        "вважати:считать",
        "розповісти:рассказать",
        "збройний:вооруженный",
        "зброя:оружие",
        "військовий:военный",
        "військо:войско",
        "сила:сила",
        "безпека:безопасность",
        "договір:договор",
        "організація:организация",
        "колективний:коллективный",
        "попередній:предварительный",
        "даний:данный",
        "дані:данные",
        "досвід:опыт",
        "бойовий:боевой",
        "нападник:нападавший",
        "учасник:участник",
        "участь:участие",
        "угруповання:группировка",
        "переслідування:преследование",
        "зазнати:подвергнуться",
        "змушений:вынужденный",
        "жалоба:траур",
        "загальнонаціональний:общенациональный",
        "день:день",
        "тиждень:неделя",
        "січень:январь",
        "лютий:февраль",
        "березень:март",
        "квітень:апрель",
        "травень:май",
        "червень:июнь",
        "липень:июль",
        "серпень:август",
        "вересень:сентябрь",
        "жовтень:октябрь",
        "листопад:ноябрь",
        "грудень:декабрь",
        "рік:год",
        "тисяча:тысяча",
        "мільйон:миллион",
        "мільярд:миллиард",
        "понад:свыше",
        "майже:почти",
        "близько:около",
        "минулий:прошлый",
        "наступний:следующий",
        "розслідування:расследование",
        "правоохоронний:правоохранительный",
        "поліція:полиция",
        "прокуратура:прокуратура",
        "суд:суд",
        "міністерство:министерство",
        "закордонний:иностранный",
        "справа:дело",
        "голова:глава",
        "керівник:руководитель",
        "президент:президент",
        "прем'єр:премьер",
        "відставка:отставка",
        "вимога:требование",
        "вимагати:требовать",
        "ціна:цена",
        "газ:газ",
        "аеропорт:аэропорт",
        "будівля:здание",
        "адміністрація:администрация",
        "захопити:захватить",
        "стрілянина:перестрелка",
        "стріляти:стрелять",
        "вогонь:огонь",
        "наказ:приказ",
        "наказати:приказать",
        "миротворець:миротворец",
        "миротворчий:миротворческий",
        "направити:направить",
        "надіслати:отправить",
        "відправити:отправить",
        "вивести:вывести",
        "залишити:покинуть",
        "терорист:террорист",
        "терористичний:террористический",
        "загроза:угроза",
        "напад:нападение",
        "вилучити:изъять",
        "боєприпас:боеприпас",
        "одиниця:единица",
        "техніка:техника",
    ]
}
"""Ukrainian → Russian base forms of frequent news words that folding alone does not bridge."""


def stem(normal: str) -> str:
    """The comparison key of a folded base form."""
    return normal[:STEM_LENGTH]


@dataclass(slots=True)
class Sentence:
    """One sentence of a text, with offsets and the features used to compare it."""

    index: int
    start: int
    end: int
    text: str
    surface: list[str] = field(default_factory=list)
    """Folded surface tokens, stop words included (for verbatim reuse)."""
    keys: set[str] = field(default_factory=set)
    """Stems of content words, number keys (`#…`), entity keys (`@…`), date keys (`%…`)."""
    terms: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, key) of each content word or number, offsets into the whole text."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`: lines first (titles and paragraphs), then razdel inside each."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        for sent in razdel.sentenize(line):
            start = line_start + sent.start
            end = line_start + sent.stop
            if text[start:end].strip():
                spans.append((start, end))
    return spans


def sentences(text: str, lang: str | None) -> list[Sentence]:
    """Split `text` into sentences and compute their word features (entities are added later)."""
    out: list[Sentence] = []
    lang = lang or "ru"
    for i, (start, end) in enumerate(split_sentences(text)):
        chunk = text[start:end]
        sent = Sentence(index=i, start=start, end=end, text=chunk)
        for match in WORD_RE.finditer(chunk):
            token = match.group()
            num = number_key(token)
            where = (start + match.start(), start + match.end())
            if num is not None:
                sent.surface.append(num)
                sent.keys.add(num)
                sent.terms.append((*where, num))
                continue
            sent.surface.append(fold(token))
            normal, content = lemma(token, lang)
            if content:
                sent.keys.add(stem(normal))
                sent.terms.append((*where, stem(normal)))
        out.append(sent)
    return out
