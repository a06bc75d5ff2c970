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
PATTERNS = ("HALF_PUNCT", "HALF_PAREN", "HALF_QUOTE", "ELLIPSIS", "YEAR_BAD", "NUMBERING", "RANGE_PCT",
            "RANGE_UNIT", "RANGE_TILDE", "DATE_PAD", "REDUNDANT", "PAIR_CHARS", "PARAGRAPH")
CONSTANTS = ("CJK", "HALFWIDTH", "YEAR_DIGITS", "PAIRS", "KIND_RULES")
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
