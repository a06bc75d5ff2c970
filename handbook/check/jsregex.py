"""Python `re` patterns rewritten for JavaScript's `u`-flag RegExp, so the browser matches the
same text the linter does.

Only what the linter's patterns use is translated; anything else raises `Untranslatable`, which
stops the build with the pattern named instead of letting the two runners drift apart quietly.
The differences that matter: Python's `\\d` and `\\w` are Unicode-aware (a full-width ３ is a
digit), JavaScript's are ASCII; `(?P<name>…)` is `(?<name>…)`; and the `u` flag refuses the
identity escapes that `re.escape` writes (`\\-`, `\\&`, `\\~`, `\\#`, `\\ `).
"""

from __future__ import annotations

import re

# Escapes with the same meaning in both (outside a class; \b is ASCII-only in JS, so not here).
_SAME = set("nrtfv0sS") | set("^$\\.*+?()[]{}|/")
_DIGIT = r"\p{Nd}"
_WORD = r"\p{L}\p{N}_"


class Untranslatable(ValueError):
    """A Python pattern that has no faithful JavaScript equivalent here."""


def flags(pattern: re.Pattern[str]) -> str:
    """The JavaScript flags: `u` always; `^`, `$` and `.` are rewritten by `translate`, so `m` and
    `s` are not needed (JavaScript's would also stop at \r and U+2028, Python's only at \n)."""
    return "ui" if pattern.flags & re.I else "u"


def compile_js(pattern: re.Pattern[str]) -> dict[str, str]:
    """{"re": source, "flags": flags} for `new RegExp(re, flags)`."""
    return {"re": translate(pattern.pattern, multiline=bool(pattern.flags & re.M),
                            dotall=bool(pattern.flags & re.S)),
            "flags": flags(pattern)}


def translate(source: str, *, multiline: bool = False, dotall: bool = False) -> str:
    """The JavaScript source of the Python pattern `source` (to be compiled with the `u` flag)."""
    out: list[str] = []
    i = 0
    in_class = False
    n = len(source)
    while i < n:
        char = source[i]
        if char == "\\":
            if i + 1 >= n:
                raise Untranslatable(f"trailing backslash in {source!r}")
            nxt = source[i + 1]
            i += 2
            if nxt == "d":
                out.append(_DIGIT)
            elif nxt == "w":
                out.append(_WORD if in_class else f"[{_WORD}]")
            elif nxt in "DWbBAZ":
                raise Untranslatable(f"\\{nxt} in {source!r}")
            elif nxt == "x":
                out.append("\\x" + source[i:i + 2])
                i += 2
            elif nxt == "u":
                out.append("\\u" + source[i:i + 4])
                i += 4
            elif nxt == "g":
                raise Untranslatable(f"\\g in a pattern: {source!r}")
            elif nxt.isdigit():
                out.append("\\" + nxt)
            elif nxt in _SAME or (in_class and nxt == "-"):
                out.append("\\" + nxt)
            elif nxt.isalnum():
                raise Untranslatable(f"\\{nxt} in {source!r}")
            elif nxt == "-" and not in_class:
                out.append("-")
            else:
                # An identity escape of a character that needs none (re.escape writes them).
                out.append(nxt if nxt not in "]" else "\\]")
            continue
        if in_class:
            if char == "]":
                in_class = False
            elif char == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(char)
            i += 1
            continue
        if char == "[":
            in_class = True
            out.append(char)
            if source.startswith("^", i + 1):
                out.append("^")
                i += 1
            if source.startswith("]", i + 1):
                out.append("\\]")
                i += 1
            i += 1
            continue
        if source.startswith("(?P<", i):
            out.append("(?<")
            i += 4
            continue
        if source.startswith("(?P=", i):
            end = source.index(")", i)
            out.append(f"\\k<{source[i + 4:end]}>")
            i = end + 1
            continue
        if source.startswith("(?", i) and i + 2 < n and source[i + 2] not in ":=!<":
            raise Untranslatable(f"inline group {source[i:i + 4]!r} in {source!r}")
        if char == ".":
            out.append("[\\s\\S]" if dotall else "[^\\n]")
            i += 1
            continue
        if char == "^":
            out.append("(?<![^\\n])" if multiline else "(?<![\\s\\S])")
            i += 1
            continue
        if char == "$":
            out.append("(?![^\\n])" if multiline else "(?=\\n?(?![\\s\\S]))")
            i += 1
            continue
        if char in "{}" and not _quantifier_brace(source, i):
            out.append("\\" + char)
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


_QUANT = re.compile(r"\{\d+(?:,\d*)?\}")


def _quantifier_brace(source: str, i: int) -> bool:
    """Whether the brace at `i` belongs to a {m,n} quantifier (Python reads other braces literally)."""
    if source[i] == "{":
        return _QUANT.match(source, i) is not None
    start = source.rfind("{", 0, i)
    return start != -1 and _QUANT.fullmatch(source, start, i + 1) is not None


_TEMPLATE = re.compile(r"\\(?:g<(\w+)>|(\d{1,2})|(.))", re.S)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def template(replace: str, pattern: re.Pattern[str]) -> list[str | int | list[str]]:
    """A `match.expand` template as parts: literal strings and group numbers (named groups
    resolved), which the browser joins with the match's groups."""
    parts: list[str | int | list[str]] = []
    position = 0
    for match in _TEMPLATE.finditer(replace):
        if match.start() > position:
            parts.append(replace[position:match.start()])
        name, number, other = match.groups()
        if name is not None:
            parts.append(int(name) if name.isdigit() else pattern.groupindex[name])
        elif number is not None:
            parts.append(int(number))
        elif other in _ESCAPES:
            parts.append(_ESCAPES[other])
        else:
            parts.append("\\" + other)
        position = match.end()
    if position < len(replace):
        parts.append(replace[position:])
    return parts
