"""The wording rules as the browser loads them: `assets/check/rules.js`, written at build time
from `data/wording.yml`, `data/glossary.yml`, the rule registry and the linter's own patterns.

Nothing here is a second copy of a rule: phrases, exceptions, notes and sources come from the
data files through `handbook.lint.terms.wording()` (so the page and the CLI read the same list
the same way), and the punctuation and number patterns are the compiled regexes of
`handbook.lint.terms`, translated by `handbook.check.jsregex`. What the browser implements by
hand is only the control flow around them (handbook/check/js/engine.js).
"""

from __future__ import annotations

import json
import re
from typing import Any

from handbook.check import jsregex
from handbook.lint import terms
from handbook.lint.rules import RULES

# The linter's module-level patterns the engine uses, by name (a rename in terms.py fails here).
PATTERNS = ("HALF_PUNCT", "HALF_PUNCT_END", "HALF_PAREN", "HALF_QUOTE", "ELLIPSIS", "YEAR", "YEAR_BAD",
            "NUMBERING", "ORDINAL_DOT", "ORDINAL_PAREN", "RANGE_PCT", "RANGE_UNIT", "RANGE_HYPHEN",
            "RANGE_TILDE", "DATE_PAD", "REDUNDANT", "PAIR_CHARS", "PARAGRAPH", "LIST_ITEM", "LEADING",
            "URL_STOP")
CONSTANTS = ("CJK", "HALFWIDTH", "HALFWIDTH_END", "PAIRS", "KIND_RULES")
GLOBAL = "HANDBOOK_CHECK_RULES"


def _regex(pattern: re.Pattern[str], name: str) -> dict[str, str]:
    try:
        return jsregex.compile_js(pattern)
    except jsregex.Untranslatable as error:
        raise jsregex.Untranslatable(f"{name}: {error}") from None


def _constant(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return "".join(sorted(value))
    return value


def rules_data() -> dict[str, Any]:
    """Everything the browser engine needs, as JSON-ready data."""
    engine = terms.wording()
    entries = []
    for phrase, items in engine.phrases.items():
        for entry in items:
            entries.append([phrase, entry.right, terms.KIND_RULES.get(entry.kind, "wording-typo"),
                            entry.note, entry.source, list(entry.exceptions), entry.fixable])
    patterns = []
    for pattern in engine.patterns:
        patterns.append({
            "id": pattern.id, **_regex(pattern.regex, f"wording.yml pattern {pattern.id}"),
            "replace": jsregex.template(pattern.replace, pattern.regex) if pattern.replace else None,
            "rule": terms.KIND_RULES.get(pattern.kind, "wording-confusable"),
            "note": pattern.note, "source": pattern.source,
        })
    rules = {
        rule.id: {"zh": rule.rationale, "en": rule.rationale_en or rule.rationale, "wrong": rule.wrong,
                  "right": rule.right, "severity": rule.severity}
        for rule in RULES.values() if rule.linter == "terms"
    }
    return {
        "entries": entries,
        "patterns": patterns,
        "regex": {name: _regex(getattr(terms, name), name) for name in PATTERNS},
        "constants": {name: _constant(getattr(terms, name)) for name in CONSTANTS},
        "rules": rules,
    }


def rules_script(data: dict[str, Any] | None = None) -> str:
    """`rules.js`: a classic script (it must load from file:// too, where fetch() is refused)."""
    payload = json.dumps(data if data is not None else rules_data(), ensure_ascii=False,
                         separators=(",", ":"))
    # "</" never occurs inside a script file's string, but U+2028/9 did break old parsers.
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"self.{GLOBAL}={payload};\n"


LEXICON_GLOBAL = "HANDBOOK_CHECK_LEXICON"


def lexicon_data() -> dict[str, Any]:
    """What word segmentation and the misspelling detector need: jieba's dictionary (word and
    frequency), the glossary's terms as the segmenter adds them, the readings of every Han
    character and the idioms; the browser builds its indexes from these as suspect.lexicon() does."""
    from handbook import jieba_dict
    from handbook.lint import suspect

    lex = suspect.lexicon()
    try:
        glossary_words = list(jieba_dict.words())
    except Exception:  # noqa: BLE001 - the segmenter goes without them too (handbook/lint/segment.py)
        glossary_words = []
    return {
        "words": "\n".join(f"{word} {count}" for word, count in lex.frequency.items()),
        "glossary": glossary_words,
        "glossaryFrequency": jieba_dict.FREQUENCY,
        "readings": "\n".join(char + ",".join(values) for char, values in lex.readings.items()),
        "idioms": "\n".join(sorted(lex.idioms)),
        "numerals": "".join(sorted(suspect.NUMERALS)),
        "minFrequency": suspect.MIN_FREQUENCY,
        "idiomFrequency": suspect.IDIOM_FREQUENCY,
        "threshold": suspect.THRESHOLD,
        "sure": suspect.SURE,
        "stop": sorted(lex.stop),
        "offered": suspect.OFFERED,
        "quietBefore": sorted(lex.quiet_before),
    }


def lexicon_script(data: dict[str, Any] | None = None) -> str:
    """`lexicon.js`, loaded by the page after its first result (about 5 MB, 2 MB compressed)."""
    payload = json.dumps(data if data is not None else lexicon_data(), ensure_ascii=False,
                         separators=(",", ":"))
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"self.{LEXICON_GLOBAL}={payload};\n"
