"""Boilerplate rules as data: the shipped `rules.toml` plus user rules from the config file.

A rule has a `name` (the reason shown for what it removed), an `action` and what it matches:
`phrases` are whole lines compared case-insensitively after trimming punctuation and bullets;
`patterns` are regular expressions searched (case-insensitively) in each stripped line.

Actions:
- `drop_line` — remove the matching line;
- `drop_with_next` — remove the line, and when it is a bare marker («Читайте также:») the
  linked headline(s) right after it;
- `drop_from_here` — remove the line and everything after it (a footer starts here); applied
  only when less article text follows than precedes it, so a stray match cannot eat the body.

`where = "edges"` limits a rule to lines above the first or below the last paragraph (section
names: a menu item there, a subheading inside the article).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Action = Literal["drop_line", "drop_with_next", "drop_from_here"]
ACTIONS: tuple[str, ...] = ("drop_line", "drop_with_next", "drop_from_here")
Where = Literal["anywhere", "edges"]
WHERES: tuple[str, ...] = ("anywhere", "edges")

RULES_FILE = Path(__file__).with_name("rules.toml")
CACHED_LINE_MAX = 200  # longer lines are article text, seldom seen twice
CACHE_LINES = 50_000
_UNSEEN = object()

_TRIM = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


def normalize_phrase(text: str) -> str:
    """Casefold, fold ё→е, collapse spaces and trim punctuation, bullets and symbols at both ends."""
    text = " ".join(text.casefold().replace("ё", "е").split())
    if text and text[0].isalnum() and text[-1].isalnum():
        return text
    return _TRIM.sub("", text)


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule: phrases and/or one pattern, an action, an optional line-length limit.

    Shipped patterns are written in lower case and matched against the lower-cased line (fast);
    user patterns are matched case-insensitively against the line as it is. `needs` lists
    substrings of which at least one must occur in the lower-cased line before the pattern runs.
    """

    name: str
    action: Action
    phrases: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    max_chars: int | None = None
    needs: tuple[str, ...] = ()
    shipped: bool = False
    where: Where = "anywhere"


class _Tier:
    """Rules matched together: one phrase dict, per length limit one combined regex of shipped
    ^-anchored patterns and a list of the rest."""

    def __init__(self, rules: list[Rule]) -> None:
        self.phrases: dict[str, Rule] = {}
        for rule in rules:
            for phrase in rule.phrases:
                self.phrases.setdefault(phrase, rule)
        # Phrases are compared after trimming; allow room for bullets and punctuation.
        self.longest_phrase = max((len(p) for p in self.phrases), default=0) * 2 + 8
        patterned = [rule for rule in rules if rule.pattern is not None]
        self.needles = sorted({n for rule in patterned for n in rule.needs})
        limits = sorted({r.max_chars for r in patterned if r.max_chars is not None})
        self.buckets: list[
            tuple[
                int,
                list[Rule],
                re.Pattern[str] | None,
                list[tuple[Rule, tuple[str, ...]]],
                tuple[tuple[str, tuple[str, ...]], ...],
                list[Rule],
            ]
        ] = []
        for limit in [*limits, None]:
            bucket = [
                r
                for r in patterned
                if r.max_chars is None or (limit is not None and r.max_chars >= limit)
            ]
            anchored = [
                r
                for r in bucket
                if r.shipped and not r.needs and _anchored(r.pattern.pattern)  # type: ignore[union-attr]
            ]
            combined = _combine(anchored)
            if combined is None:
                anchored = []
            others = [(r, r.needs) for r in bucket if r not in anchored]
            needles = _needle_gate({n for r, needs in others for n in needs})
            free = [r for r, needs in others if not needs]  # tried when no needle is present
            self.buckets.append((limit or 1 << 62, anchored, combined, others, needles, free))
        self.limits = [bucket[0] for bucket in self.buckets]  # ascending (the last is unlimited)
        # Longer lines meet no pattern here (every patterned rule has a smaller max_chars).
        self.patterns_up_to = max(
            (b[0] for b in self.buckets if b[2] is not None or b[3]), default=-1
        )

    def match(self, line: str, low: str) -> Rule | None:
        size = len(line)
        if size <= self.longest_phrase:
            rule = self.phrases.get(normalize_phrase(line))
            if rule is not None:
                return rule
        # The first bucket whose limit the line does not exceed.
        _, anchored, combined, others, needles, free = self.buckets[bisect_left(self.limits, size)]
        if others:
            # Which `needs` substrings the line holds, in one pass; none (the common case for
            # a paragraph): only the rules without `needs` are tried, in their order.
            present = _present(needles, low) if needles else None
            if present:
                for rule, needs in others:
                    if needs and present.isdisjoint(needs):
                        continue
                    if rule.pattern.search(low if rule.shipped else line):  # type: ignore[union-attr]
                        return rule
            else:
                for rule in free:
                    if rule.pattern.search(low if rule.shipped else line):  # type: ignore[union-attr]
                        return rule
        if combined is not None:
            found = combined.match(low)
            if found is not None:
                return anchored[int(found.lastgroup[1:])]  # type: ignore[index]
        return None


class Rules:
    """An ordered set of rules with fast line matching. User rules are tried before the shipped
    ones, so a user rule can take over a line the shipped rules would also remove."""

    def __init__(self, rules: list[Rule], stopwords: frozenset[str] = frozenset()) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.stopwords = stopwords
        user = [rule for rule in self.rules if not rule.shipped]
        shipped = [rule for rule in self.rules if rule.shipped]
        self._tiers = [_Tier(tier) for tier in (user, shipped) if tier]
        # Menus, footers and banners repeat on every page of an outlet: their short lines are
        # matched once per process (the shipped rules live as long as the process does).
        self._seen: dict[str, Rule | None] = {}
        # Lines longer than this meet no pattern (only phrases, which normalise the line
        # themselves): they are not lower-cased (the shipped rules stop at 600 characters).
        self._lower_up_to = max((tier.patterns_up_to for tier in self._tiers), default=-1)

    def __len__(self) -> int:
        return len(self.rules)

    def __add__(self, other: Rules) -> Rules:
        return Rules(list(self.rules) + list(other.rules), self.stopwords | other.stopwords)

    def match(self, line: str) -> Rule | None:
        """The first rule matching the stripped `line`, or None."""
        if len(line) <= CACHED_LINE_MAX:
            found = self._seen.get(line, _UNSEEN)
            if found is not _UNSEEN:
                return found  # type: ignore[return-value]
        low = line.lower() if len(line) <= self._lower_up_to else ""  # "": no pattern reads it
        found = None
        for tier in self._tiers:
            found = tier.match(line, low)
            if found is not None:
                break
        if len(line) <= CACHED_LINE_MAX:
            if len(self._seen) >= CACHE_LINES:
                self._seen.clear()
            self._seen[line] = found
        return found


# Characters of Russian and Ukrainian text, the most frequent first (Latin letters after them, in
# English order); anything else («©», «@», digits) is rarer still.
_FREQUENT = " оеаинтсрвлкмдпуяіыьгзбчйхжшюцщэфїєґъё.,-etaoinshrdlcumwfgypbvkjxqz"


def _rarest(needle: str) -> str:
    """The character of `needle` least frequent in news text (the first of equally rare ones)."""
    return max(needle, key=lambda char: _FREQUENT.find(char) % (len(_FREQUENT) + 1))


def _needle_gate(needles: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The `needs` substrings grouped by their rarest character: (character, needles) pairs.

    Finding which needles a line holds is a test of each needle against the whole line (a few
    dozen scans of a paragraph that holds none of them, ~10 µs); testing first for one rare
    character («ф» of «фото», «©») is a one-character scan, several times faster, and a needle
    whose rare character is absent cannot be there."""
    groups: dict[str, list[str]] = {}
    for needle in sorted(needles):
        groups.setdefault(_rarest(needle), []).append(needle)
    return tuple((char, tuple(group)) for char, group in sorted(groups.items()))


def _present(gate: tuple[tuple[str, tuple[str, ...]], ...], low: str) -> set[str]:
    """The needles of `gate` that occur in `low` (same as testing each: `{n for n in needles if n
    in low}`), skipping the needles whose rarest character `low` lacks."""
    return {n for char, needles in gate if char in low for n in needles if n in low}


def _anchored(pattern: str) -> bool:
    """True when the pattern starts with ^ and has no top-level alternative (so match == search)."""
    if not pattern.startswith("^"):
        return False
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


def _combine(rules: list[Rule]) -> re.Pattern[str] | None:
    """Shipped patterns in one alternation, a named group per rule (None if they clash)."""
    if not rules:
        return None
    alternatives = [f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(rules)]  # type: ignore[union-attr]
    try:
        return re.compile("|".join(alternatives))
    except re.error:
        return None


def _compile(pattern: str, where: str, *, shipped: bool) -> re.Pattern[str]:
    try:
        return re.compile(pattern, 0 if shipped else re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: 'pattern' is not a valid regular expression ({exc})") from None


def _rule_from_table(table: dict[str, Any], where: str, *, shipped: bool) -> list[Rule]:
    allowed = {"name", "action", "phrase", "pattern", "max_chars", "where"}
    if shipped:
        allowed |= {"phrases", "patterns", "needs"}
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ValueError(
            f"{where}: unknown key {unknown[0]!r} (expected one of: {', '.join(sorted(allowed))})"
        )
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: 'name' must be a non-empty string")
    where = f"{where} ({name!r})"
    action = table.get("action", "drop_line")
    if action not in ACTIONS:
        raise ValueError(f"{where}: 'action' must be one of {', '.join(ACTIONS)}, not {action!r}")
    where_ = table.get("where", "anywhere")
    if where_ not in WHERES:
        raise ValueError(f"{where}: 'where' must be one of {', '.join(WHERES)}, not {where_!r}")
    max_chars = table.get("max_chars")
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0
    ):
        raise ValueError(f"{where}: 'max_chars' must be a positive integer")
    phrases: list[str] = []
    patterns: list[str] = []
    for key, bucket in (("phrase", phrases), ("pattern", patterns)):
        value = table.get(key)
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{where}: {key!r} must be a non-empty string")
            bucket.append(value)
    for key, bucket in (("phrases", phrases), ("patterns", patterns)):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"{where}: {key!r} must be a list of non-empty strings")
        bucket.extend(value)
    if not phrases and not patterns:
        raise ValueError(f"{where}: needs a 'phrase' or a 'pattern'")
    if not shipped and "phrase" in table and "pattern" in table:
        raise ValueError(f"{where}: give either 'phrase' or 'pattern', not both")
    phrase_set = frozenset(p for p in (normalize_phrase(p) for p in phrases) if p)
    if phrases and not phrase_set:
        raise ValueError(f"{where}: 'phrase' has no letters or digits")
    rules = [
        Rule(name, action, phrases=phrase_set, max_chars=max_chars, shipped=shipped, where=where_)
    ]
    if not phrase_set:
        rules = []
    needs = tuple(table.get("needs", ()))
    for pattern in patterns:
        compiled = _compile(pattern, where, shipped=shipped)
        if compiled.search(""):
            raise ValueError(f"{where}: 'pattern' {pattern!r} matches an empty line; anchor it")
        rules.append(
            Rule(
                name,
                action,
                pattern=compiled,
                max_chars=max_chars,
                needs=needs,
                shipped=shipped,
                where=where_,
            )
        )
    return rules


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The rules shipped in `tui/clean/rules.toml` (parsed once per process)."""
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    rules: list[Rule] = []
    for i, table in enumerate(data.get("rule", [])):
        rules.extend(_rule_from_table(table, f"{RULES_FILE.name} rule #{i + 1}", shipped=True))
    stopwords = frozenset(
        normalize_phrase(word) for words in data.get("stopwords", {}).values() for word in words
    )
    return Rules(rules, stopwords)


def rules_from_config(items: list[dict[str, Any]], base: Rules | None = None) -> Rules:
    """Validate the config file's `[[clean.rules]]` tables and return them ahead of `base`.

    Each table needs `name` and exactly one of `phrase` (a whole line, case-insensitive) or
    `pattern` (a regular expression searched in each line); `action` is one of `drop_line`
    (default), `drop_with_next`, `drop_from_here`; `max_chars` optionally limits the line length.
    `base` defaults to the shipped rules. Raises ValueError naming the rule and the bad key.
    """
    if not isinstance(items, list):
        raise ValueError("clean.rules: expected a list of tables ([[clean.rules]])")
    user: list[Rule] = []
    for i, table in enumerate(items):
        where = f"clean.rules[{i}]"
        if not isinstance(table, dict):
            raise ValueError(f"{where}: expected a table with 'name' and 'phrase' or 'pattern'")
        user.extend(_rule_from_table(table, where, shipped=False))
    return Rules(user) + (default_rules() if base is None else base)


_active: Rules | None = None
_active_items: list[dict[str, Any]] = []


def configure_rules(items: list[dict[str, Any]] | None) -> None:
    """Make the config's `[[clean.rules]]` (plus the shipped rules) the process-wide default of
    `clean_text`/`clean_article`, so every face (CLI, app, facts, notes) cleans alike and offsets
    into `Document.text` agree. Call once after loading the config; `None` or `[]` resets. The
    shipped rules are compiled when first used, not here (a command that cleans nothing — `sverka
    claims`, `search` — does not pay for their ~260 patterns)."""
    global _active, _active_items
    _active = rules_from_config(list(items)) if items else None
    _active_items = [dict(item) for item in items] if items else []


def configured_items() -> list[dict[str, Any]]:
    """The `[[clean.rules]]` tables last given to `configure_rules` (for worker processes, which
    must clean as this one does)."""
    return [dict(item) for item in _active_items]


def active_rules() -> Rules:
    """The rules `clean_text` uses when none are given: configured ones, else the shipped ones."""
    return _active if _active is not None else default_rules()
