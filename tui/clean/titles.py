"""Choose the page's headline among the lines above the body, or derive one from the lead."""

from __future__ import annotations

import re

from tui.clean.lines import Line, headline_like, title_case_ratio

_SEPARATORS = re.compile(r"\s[/|›»>→•·]\s|\s[|•·]\s?")
_FIRST_SENTENCE = re.compile(r"^.+?[.!?…](?:[»\"”)]+)?(?=\s+[«\"A-ZА-ЯЁІЇЄҐ0-9]|$)", re.DOTALL)
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[—–]\s")
TITLE_MAX = 160
# « | РБК», « — Новости Казахстана»: a site name after the headline (after a dash, two to four
# words: «… — ЗМІ» is the headline's own attribution).
_SITE_SUFFIX = re.compile(
    r"(?<![,:])\s+(?:\|\s+(?:[^\s|—–:;,!?«»]+\s?){1,4}"
    r"|[—–-]\s+[A-ZА-ЯЁІЇЄҐ][^\s|—–:;,!?«»]*(?:\s[^\s|—–:;,!?«»-]+){1,3}\s?)$"
)
# «…, заявил МИД страны», «…, сообщает ТАСС»: the attribution is not part of a headline.
_ATTRIBUTION = re.compile(
    r",\s*(?:[—–-]\s*)?(?:заявил[аи]?|сообщает|сообщил[аи]?|сообщают|передает|передаёт|пишет|"
    r"говорится|отметил[аи]?|сказал[аи]?|считает|уточнил[аи]?|заявив|заявила|заявили|повідомляє|"
    r"повідомив|повідомила|повідомили|передає|пише|йдеться|зазначив|зазначила|сказав)"
    r"(?:\s+[^,.;:!?]{1,60})?$"
)
# A sentence ends inside the line: «Москва, 31 октября - АиФ. Верховный суд…» is a lead.
INNER_SENTENCE_END = re.compile(r"[а-яёіїєґa-z]{2}[.!?…] +[A-ZА-ЯЁІЇЄҐ]")


def strip_site_name(title: str) -> str:
    """«Токаев назвал протесты попыткой переворота | РБК» → the headline without the site name."""
    if "|" not in title and "—" not in title and "–" not in title and "-" not in title:
        return title  # the suffix starts with a bar or a dash (four one-character scans)
    found = _SITE_SUFFIX.search(title)
    if found and len(title[: found.start()].split()) >= 4:
        return title[: found.start()].rstrip()
    return title


def is_title_candidate(line: Line) -> bool:
    """Could be the headline: 4–30 words, no closing full stop, not a menu or breadcrumb (a
    site name after « | » is allowed: it is taken off the title)."""
    if line.words < 4 or len(line.text) < 20 or not headline_like(line, max_words=30):
        return False
    text = strip_site_name(line.text)
    if _SEPARATORS.search(text) or line.numbered is not None or line.bulleted:
        return False
    if line.text.endswith((":", ";", ",")):
        return False
    return line.words < 5 or title_case_ratio(text) < 0.8


def pick_title(lines: list[Line]) -> Line | None:
    """The headline above the body: the first single-sentence candidate of 5–20 words (the
    headline comes before the lead, captions and bylines), else the longest 4-word one."""
    candidates = [line for line in lines if line.kept and is_title_candidate(line)]
    for line in candidates:
        if 5 <= line.words <= 20 and not INNER_SENTENCE_END.search(line.text):
            return line
    if not candidates:
        return None
    return max(candidates, key=lambda line: (min(line.words, 12), -line.start))


def title_from_lead(text: str) -> str:
    """A title made from the lead's first sentence, cut at a clause or word boundary if long."""
    found = _FIRST_SENTENCE.match(text)
    sentence = (found.group() if found else text).strip().rstrip(".…")
    shorter = _ATTRIBUTION.sub("", sentence) if "," in sentence else sentence  # «, сообщает …»
    if len(shorter.split()) >= 4:
        sentence = shorter
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip(".… ") if sentence.endswith((".", "…")) else sentence
    head = sentence[:TITLE_MAX]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(head) if m.start() >= 25]
    if breaks:
        return head[: breaks[-1]].rstrip(" ,;:—–")
    return head[: head.rfind(" ")].rstrip(" ,;:—–") + "…"
