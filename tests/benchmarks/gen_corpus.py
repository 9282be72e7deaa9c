"""Generate a synthetic corpus of N articles from the seeds' sentences (for bench_scale.py).

Each article borrows one seed's opening lines (so outlet detection and cleaning see real page
furniture), a headline and 20-60 sentences drawn from the seed of the same language, with variants
(numbers changed, sentences shuffled, names swapped) and a long Zipf tail of invented rare words, so
that some queries are very selective (a word in a handful of articles) and some match half the
corpus. Deterministic for a given --seed. Files go 1,000 per folder.

    python tests/benchmarks/gen_corpus.py /tmp/corpus-100k -n 100000
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_SENT = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZА-ЯЁІЇЄҐ0-9])")
_SYLLABLES_RU = [
    "ба",
    "ве",
    "го",
    "ду",
    "жи",
    "зо",
    "ка",
    "ли",
    "мо",
    "ну",
    "пы",
    "ро",
    "са",
    "ти",
    "ук",
    "фе",
    "хи",
    "це",
    "чо",
    "ша",
    "ще",
    "ар",
    "ел",
    "ин",
    "ов",
    "ус",
    "ям",
    "ор",
    "ан",
    "ек",
    "ит",
]
_SYLLABLES_UK = [
    "ба",
    "ві",
    "го",
    "ду",
    "жи",
    "зо",
    "ка",
    "лі",
    "мо",
    "ну",
    "пи",
    "ро",
    "са",
    "ті",
    "ук",
    "фе",
    "хі",
    "це",
    "чо",
    "ша",
    "ще",
    "ар",
    "ел",
    "ін",
    "ов",
    "ус",
    "ям",
    "ор",
    "ан",
    "єк",
    "їт",
]
_NAMES = ["Токаев", "Путин", "Лукашенко", "Блинкен", "Назарбаев", "Мамин", "Смаилов", "Байден",
          "Зеленский", "Масимов", "Трамп", "Шойгу"]  # fmt: skip
_ENDINGS_RU = ["", "а", "у", "ым", "е"]

# Sentences written for the benchmark in the style of agency reports (not copied from any page).
OTHER_LANGUAGES = {
    "be": [
        "У Алматы ў чацвер раніцай зноў пачулася страляніна, паведамляюць мясцовыя жыхары.",
        "Прэзідэнт Казахстана Касым-Жамарт Такаеў заявіў, што парадак у краіне ў асноўным адноўлены.",
        "Міністэрства ўнутраных спраў паведаміла пра затрыманне больш за 4 тысячы чалавек.",
        "Міратворцы АДКБ пачалі выхад з краіны пасля завяршэння аперацыі.",
        "Паводле афіцыйных даных, падчас беспарадкаў загінулі 164 чалавекі.",
        "У некалькіх рэгіёнах краіны аднавілі працу інтэрнэту і мабільнай сувязі.",
        "Аляксандр Лукашэнка правёў тэлефонную размову з кіраўніком Казахстана.",
        "Жыхары горада кажуць, што крамы і банкі ўжо пачалі адчыняцца.",
        "Надзвычайнае становішча ў Алматы было ўведзена да 19 студзеня.",
        "Эксперты лічаць, што пратэсты пачаліся з-за рэзкага росту коштаў на газ.",
    ],
    "kk": [
        "Алматыда бейсенбі күні таңертең қайтадан атыс естілді, деп хабарлайды жергілікті тұрғындар.",
        "Қазақстан Президенті Қасым-Жомарт Тоқаев елдегі тәртіп негізінен қалпына келтірілгенін мәлімдеді.",
        "Ішкі істер министрлігі 4 мыңнан астам адамның ұсталғанын хабарлады.",
        "ҰҚШҰ бітімгершілік күштері операция аяқталғаннан кейін елден шыға бастады.",
        "Ресми деректерге сәйкес, тәртіпсіздіктер кезінде 164 адам қаза тапты.",
        "Елдің бірнеше өңірінде интернет пен ұялы байланыс қайта іске қосылды.",
        "Қала тұрғындарының айтуынша, дүкендер мен банктер жұмысын қайта бастады.",
        "Алматыдағы төтенше жағдай 19 қаңтарға дейін енгізілді.",
        "Сарапшылар наразылықтар газ бағасының күрт өсуінен басталды деп есептейді.",
        "Әкімдік ғимараты маңында әскери техника тұр.",
    ],
    "en": [
        "Gunfire was heard again in Almaty on Thursday morning, local residents said.",
        "Kazakh President Kassym-Jomart Tokayev said order had largely been restored across the country.",
        "The interior ministry said more than 4,000 people had been detained.",
        "Peacekeepers from the CSTO began leaving the country after the operation ended.",
        "According to official figures, 164 people were killed during the unrest.",
        "Internet and mobile services were restored in several regions.",
        "Residents said shops and banks had started to reopen.",
        "A state of emergency was declared in Almaty until January 19.",
        "Analysts say the protests began after a sharp rise in fuel prices.",
        "Military vehicles were parked near the city administration building.",
    ],
}
_MONTHS = {"ru": "января", "uk": "січня", "be": "студзеня", "kk": "қаңтар", "en": "January"}
# A sentence naming the event's main names, in most articles (words most articles contain).
_EVENT_RU = [
    "Президент Казахстана Касым-Жомарт Токаев заявил, что ситуация в стране под контролем.",
    "Токаев поручил правительству снизить цены на газ в Казахстане.",
    "По словам Токаева, в Казахстане завершается контртеррористическая операция.",
]
_EVENT_UK = [
    "Президент Казахстану Касим-Жомарт Токаєв заявив, що ситуація в країні під контролем.",
    "Токаєв доручив уряду знизити ціни на газ у Казахстані.",
    "За словами Токаєва, у Казахстані завершується контртерористична операція.",
]
_SPEECH_RU = ["— заявил представитель МВД.", "— сказал аким города.", "— передает пресс-служба."]
_SPEECH_UK = ["— заявив представник МВС.", "— сказав аким міста.", "— повідомила прес-служба."]


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if len(line) < 40:
            continue
        out.extend(s.strip() for s in _SENT.split(line) if len(s.strip()) > 30)
    return out


def _vocab(rng: random.Random, syllables: list[str], n: int) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(3, 5))))
    return sorted(words)


def load_seeds() -> list[dict]:
    """Per seed: its head lines (page furniture), its sentences and its language."""
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        lines = text.splitlines()
        uk = sum(text.count(c) for c in "іїєґ") > sum(text.count(c) for c in "ыэъ")
        head = lines[:2] if lines and "Зеркала" in lines[0] else lines[:0]
        prefix = " date 2022-01 " if text.startswith(" date") else ""
        seeds.append({"head": head, "prefix": prefix, "sentences": _sentences(text), "uk": uk})
    return seeds


def _vary(rng: random.Random, sentence: str, rare: list[str], weights: list[float]) -> str:
    words = sentence.split()
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choices(rare, cum_weights=weights)[0])
    if rng.random() < 0.3:
        name = rng.choice(_NAMES) + rng.choice(_ENDINGS_RU)
        words.insert(rng.randrange(len(words) + 1), name)
    if rng.random() < 0.3:
        words = [str(rng.randint(2, 9999)) if w.isdigit() else w for w in words]
    return " ".join(words)


def _quote(rng: random.Random, sentence: str, uk: bool) -> str:
    """A sentence of the other language quoted in this one: «…», — said someone."""
    said = rng.choice(_SPEECH_UK if uk else _SPEECH_RU)
    return f"«{sentence.rstrip('.')}», {said}"


def _page(rng: random.Random, seeds: list[dict], vocab: dict, classic: bool) -> str:
    """The text of one generated article."""
    s = seeds[rng.randrange(len(seeds))]
    shape = (
        "single"
        if classic
        else rng.choices(
            ["single", "quotes", "bilingual", "be", "kk", "en"], weights=[60, 18, 7, 5, 5, 5]
        )[0]
    )
    if shape in OTHER_LANGUAGES:
        pool = OTHER_LANGUAGES[shape]
        body = [rng.choice(pool) for _ in range(rng.randint(8, 25))]
        body = [re.sub(r"\d+", lambda m: str(rng.randint(2, 9999)), b) if rng.random() < 0.3 else b
                for b in body]  # fmt: skip
        title = rng.choice(pool)[:160]
        day = f"{rng.randint(1, 28)} {_MONTHS[shape]} 2022"
        paras = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        return title + "\n\n" + day + "\n\n" + "\n\n".join(paras) + "\n"
    rare, weights = vocab["uk" if s["uk"] else "ru"]
    pool = s["sentences"]
    others = [o for o in seeds if o["uk"] != s["uk"]] or seeds
    title = _vary(rng, rng.choice(pool), rare, weights)[:160]
    body = [_vary(rng, rng.choice(pool), rare, weights) for _ in range(rng.randint(12, 40))]
    if not classic and rng.random() < 0.75:  # the event's main names, in most articles
        body.insert(
            rng.randrange(min(3, len(body)) + 1), rng.choice(_EVENT_UK if s["uk"] else _EVENT_RU)
        )
    if shape == "quotes":  # officials quoted in the other language
        for _ in range(rng.randint(1, 4)):
            quoted = rng.choice(rng.choice(others)["sentences"])
            body.insert(rng.randrange(len(body) + 1), _quote(rng, quoted, s["uk"]))
    elif shape == "bilingual":  # paragraphs alternate between the two languages
        other = rng.choice(others)
        body = [b if (j // 4) % 2 == 0 else _vary(rng, rng.choice(other["sentences"]), rare, weights)
                for j, b in enumerate(body)]  # fmt: skip
    paras = [" ".join(body[j : j + 4]) for j in range(0, len(body), 4)]
    day = f"{rng.randint(1, 28)} {'січня' if s['uk'] else 'января'} 2022"
    text = "\n".join(s["head"]) + ("\n" if s["head"] else "")
    return text + s["prefix"] + title + "\n\n" + day + "\n\n" + "\n\n".join(paras) + "\n"


def pages(n: int, seed: int = 1, classic: bool = False) -> Iterator[tuple[int, str, str]]:
    """(index, random suffix, page text) of `n` generated articles (what `generate` writes;
    `gen_dataset.py` writes the same pages as rows)."""
    rng = random.Random(seed)
    seeds = load_seeds()
    rare_ru = _vocab(rng, _SYLLABLES_RU, 60000)
    rare_uk = _vocab(rng, _SYLLABLES_UK, 20000)
    zipf_ru = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(rare_ru))))
    zipf_uk = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(rare_uk))))
    vocab = {"ru": (rare_ru, zipf_ru), "uk": (rare_uk, zipf_uk)}
    for i in range(n):
        text = _page(rng, seeds, vocab, classic)
        yield i, f"{rng.getrandbits(40):010x}", text


def generate(out: Path, n: int, seed: int = 1, classic: bool = False) -> None:
    """Write `n` articles under `out` (`classic`: only the single-language pages of old)."""
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for i, suffix, text in pages(n, seed, classic):
        folder = out / f"{i // 1000:04d}"
        if i % 1000 == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"{i:07d}_{suffix}.txt").write_text(text, "utf-8")
        if i and i % 20000 == 0:
            print(f"  {i} articles, {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--classic", action="store_true", help="single-language ru/uk pages only (the old shape)"
    )
    args = parser.parse_args()
    generate(args.out, args.n, args.seed, args.classic)


if __name__ == "__main__":
    main()
