"""Wording: glossary terms, the misused-words list (data/wording.yml) and the number and
punctuation norms of GB/T 15834-2011, GB/T 15835-2011 and GB/T 9704-2012 for report prose.

Everything runs on `Document.prose` (code, URLs, link targets and front matter keys masked), with
one regular expression that finds where any phrase starts (a charset prefix, then a binary tree of
one-character lookbehinds, so that a position is rejected in a few C-level steps) and a handful
of compiled regexes, so the cost is a few C-level passes over each page. Punctuation and number
rules apply to Chinese pages only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from handbook import DATA
from handbook.lint.findings import Finding
from handbook.lint.markdown_scan import Document

KIND_RULES = {
    "typo": "wording-typo",
    "variant": "wording-variant",
    "confusable": "wording-confusable",
    "redundant": "wording-redundant",
    "glossary": "term-deprecated",
}
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
LEFT = CJK + "”’》）】"
RIGHT = CJK + "“‘《（【"
HALFWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# The punctuation mark first, then the lookbehind (same matches as (?<=[LEFT])([,;:?!])…): a
# pattern that starts with a character set is searched for fast.
HALF_PUNCT = re.compile(rf"([,;:?!])(?<=[{LEFT}].)(?=[{RIGHT}])")
HALF_PAREN = re.compile(rf"\(([^()\n\x00]{{0,60}}[{CJK}][^()\n\x00]{{0,60}})\)")
HALF_QUOTE = re.compile(rf"(?<=[{CJK}])\"|\"(?=[{CJK}])")
# `…` alone, three or more of them, `...` after Chinese text, or `。。。`; 【…】 is the placeholder
# notation of the templates (CONTRIBUTING §4), not an ellipsis.
ELLIPSIS = re.compile(rf"(?<![…【])…(?![…】])|…{{3,}}|(?<=[{CJK}，。、；：！？”’])\.{{3,}}|。{{3,}}")
YEAR_DIGITS = frozenset("〇一二三四五六七八九零0OoО○◯")
YEAR_BAD = re.compile(r"[0OoО○◯零]")
NUMBERING = re.compile(
    r"^([ \t]*(?:[-*+][ \t]+)?)(?:(?P<arabic>\d{1,2})、|(?P<paren>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])[、.．，,])",  # noqa: E501
    re.M)
RANGE_PCT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(%?)[ \t]*([-~〜—–－～])[ \t]*(\d+(?:\.\d+)?)%")
RANGE_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?([-~〜—–－～])(\d+(?:\.\d+)?)(万|亿)")
RANGE_TILDE = re.compile(r"(?<=\d)[~〜](?=\d)")
DATE_PAD = re.compile(r"(?<=\d年)0(?=[1-9]月)|(?<=\d月)0(?=[1-9][日号])")
REDUNDANT = re.compile(
    r"(?:大约|约)[^，。；！？、\n\x00]{0,8}?[\d一二三四五六七八九十百千万两几][^，。；！？、\n\x00]{0,6}?左右"
    r"|超过[^，。；！？、\n\x00]{0,8}?[\d一二三四五六七八九十百千万两几][^，。；！？、\n\x00]{0,6}?以上")
PAIRS = {"“": "”", "《": "》", "（": "）", "【": "】", "‘": "’"}
CLOSERS = {value: key for key, value in PAIRS.items()}
PAIR_CHARS = re.compile("[“”《》（）【】‘’]")
PARAGRAPH = re.compile(r"\n[ \t\r\x00]*\n")


@dataclass
class Entry:
    wrong: str
    right: str | None
    kind: str
    note: str
    source: str
    exceptions: tuple[str, ...]
    fixable: bool


@dataclass
class Pattern:
    id: str
    regex: re.Pattern[str]
    replace: str | None
    kind: str
    note: str
    source: str


# Pages searched phrase by phrase (str.find) before the phrase regex is compiled.
FEW_TEXTS = 32


class Wording:
    """All phrases (wording list + glossary), found by one regex (see _phrase_regex)."""

    def __init__(self, entries: list[Entry], patterns: list[Pattern]) -> None:
        self.patterns = patterns
        grouped: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.wrong:
                grouped.setdefault(entry.wrong, []).append(entry)
        self.phrases = grouped
        self.lengths = sorted({len(wrong) for wrong in grouped})
        self.empty = not grouped
        self.regex: re.Pattern[str] | None = None
        self._texts = 0

    def prepare(self) -> None:
        """Compile the phrase regex now (before forking workers, say)."""
        if self.regex is None and not self.empty:
            self.regex = re.compile(_phrase_regex(list(self.phrases)))

    def starts(self, text: str) -> Iterator[int]:
        """Every position of `text` where some phrase starts, in order."""
        if self.regex is None:
            self._texts += 1
            if self._texts <= FEW_TEXTS:
                # Compiling the regex costs as much as this search in a few dozen pages.
                found: set[int] = set()
                for phrase in self.phrases:
                    position = text.find(phrase)
                    while position != -1:
                        found.add(position)
                        position = text.find(phrase, position + 1)
                yield from sorted(found)
                return
            self.prepare()
        assert self.regex is not None
        search = self.regex.search
        match = search(text)
        while match is not None:
            start = match.start()
            yield start
            match = search(text, start + 1)

    def find(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Leftmost-longest, non-overlapping matches that no exception covers."""
        if self.empty:
            return
        hits: list[tuple[int, int, Entry]] = []
        phrases = self.phrases
        lengths = self.lengths
        size = len(text)
        for start in self.starts(text):
            # Every phrase that starts here (a phrase may be a prefix of another).
            for length in lengths:
                if start + length > size:
                    break
                items = phrases.get(text[start:start + length])
                if items is None:
                    continue
                for entry in items:
                    if not _excepted(text, start, entry):
                        hits.append((start, start + length, entry))
                        break
        hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
        last_end = -1
        for hit in hits:
            if hit[0] >= last_end:
                last_end = hit[1]
                yield hit


def _charset(chars: list[str]) -> str:
    return "[" + "".join(re.escape(char) for char in chars) + "]"


def _trie(words: list[str]) -> str:
    """A regex matching any of `words` (none empty), factored by first character."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for char in sorted(groups):
        rests = groups[char]
        if "" in rests:
            branches.append(re.escape(char))  # this phrase ends here: any continuation is optional
        else:
            branches.append(re.escape(char) + "(?:" + _trie(rests) + ")")
    return "|".join(branches)


def _phrase_regex(words: list[str]) -> str:
    """A regex whose matches start exactly where some phrase of `words` starts.

    Its first element is the set of first characters, which `re` turns into a fast skip over
    every other position; the first character is then dispatched through a binary tree of
    lookbehind charsets to the trie of the rest of its phrases, instead of trying hundreds of
    alternatives in turn (a pyahocorasick automaton spends most of its time there).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])

    def tree(chars: list[str]) -> str:
        if len(chars) <= 4:
            branches = []
            for char in chars:
                rests = groups[char]
                rest = "" if "" in rests else "(?:" + _trie(rests) + ")"
                branches.append("(?<=" + re.escape(char) + ")" + rest)
            return "|".join(branches)
        middle = len(chars) // 2
        left, right = chars[:middle], chars[middle:]
        return (f"(?<={_charset(left)})(?:{tree(left)})"
                f"|(?<={_charset(right)})(?:{tree(right)})")

    chars = sorted(groups)
    return _charset(chars) + "(?:" + tree(chars) + ")"


def _excepted(text: str, start: int, entry: Entry) -> bool:
    for exception in entry.exceptions:
        offset = exception.find(entry.wrong)
        while offset != -1:
            begin = start - offset
            if begin >= 0 and text.startswith(exception, begin):
                return True
            offset = exception.find(entry.wrong, offset + 1)
    return False


# libyaml's loader when PyYAML has it: the pure-Python one takes most of a short run's time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_wording_data(path: Path = DATA / "wording.yml") -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER) or {}  # noqa: S506 (a safe loader)


@cache
def _glossary_data() -> tuple[dict[str, Any], ...]:
    path = DATA / "glossary.yml"
    try:
        if not path.is_file():
            return ()
        with path.open(encoding="utf-8") as handle:
            return tuple(yaml.load(handle, Loader=_LOADER) or [])  # noqa: S506 (a safe loader)
    except Exception:  # noqa: BLE001 - handbook.data reports the error in its own words
        pass
    try:
        from handbook.data import glossary

        return tuple(glossary())
    except FileNotFoundError:
        return ()


def _glossary() -> list[dict[str, Any]]:
    return list(_glossary_data())


@cache
def wording() -> Wording:
    data = load_wording_data()
    sources = data.get("sources", {})
    entries: list[Entry] = []
    for item in data.get("entries", []):
        right = item.get("right")
        entries.append(Entry(
            wrong=item["wrong"], right=right, kind=item.get("kind", "typo"), note=item.get("note", ""),
            source=sources.get(item.get("source"), item.get("source", "")),
            exceptions=tuple(item.get("except", [])) + ((right,) if right and item["wrong"] in right else ()),
            fixable=bool(right) and item.get("fix", True) is not False,
        ))
    for item in _glossary():
        canonical = item.get("term")
        if not canonical:
            continue
        keep = [canonical, *(item.get("aliases") or [])]
        for wrong in item.get("deprecated") or []:
            if not wrong or wrong in keep:
                continue
            entries.append(Entry(
                wrong=wrong, right=canonical, kind="glossary",
                note=f"术语表规定的规范术语是“{canonical}”", source="data/glossary.yml",
                exceptions=tuple(form for form in keep if wrong in form), fixable=True))
    patterns = [
        Pattern(item["id"], re.compile(item["regex"]), item.get("replace"), item.get("kind", "confusable"),
                item.get("note", ""), sources.get(item.get("source"), item.get("source", "")))
        for item in data.get("patterns", [])
    ]
    return Wording(entries, patterns)


@cache
def _english_renderings() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str, str]]]:
    """Chinese term or alias -> English rendering; and known wrong English renderings."""
    renderings: dict[str, str] = {}
    wrong: list[tuple[re.Pattern[str], str, str]] = []
    for item in _glossary():
        english = item.get("en")
        if not english or not item.get("term"):
            continue
        for form in [item["term"], *(item.get("aliases") or [])]:
            renderings[form] = english
        for bad in item.get("en_deprecated") or []:
            wrong.append((re.compile(rf"(?<![\w-]){re.escape(bad)}(?![\w-])", re.I), bad, english))
    return renderings, wrong


def _normal(text: str) -> str:
    """Lower case, hyphens as spaces, one space: "Road-occupying  business" = "road occupying business"."""
    return " ".join(re.sub(r"[-\u2010-\u2014_*\"“”‘’']", " ", text.lower()).split())


EN_PAREN = re.compile(r"[(（]([^()（）\n\x00]{1,20})[)）]")


def check(doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    prose = doc.prose
    source_page = doc.page_type == "source"
    fixable_page = not source_page

    def add(offset: int, rule_id: str, message: str, suggestion: str | None = None,
            fix: tuple[int, int, str] | None = None) -> None:
        if doc.is_disabled(rule_id, "terms", offset):
            return
        findings.append(doc.finding(offset, rule_id, "warning" if source_page else "error", message,
                                    suggestion, fix=fix if fixable_page else None))

    engine = wording()
    for start, end, entry in engine.find(prose):
        if _quoted(prose, start, end):
            continue  # a mention, as in: 不写“截止目前”
        rule_id = KIND_RULES.get(entry.kind, "wording-typo")
        message = f"“{entry.wrong}”"
        if entry.right:
            message += f"应为“{entry.right}”"
        if entry.note:
            message += f"：{entry.note}"
        if entry.source:
            message += f"（{entry.source}）"
        add(start, rule_id, message, entry.right,
            (start, end, entry.right) if entry.fixable and entry.right else None)
    for pattern in engine.patterns:
        for match in pattern.regex.finditer(prose):
            replacement = match.expand(pattern.replace) if pattern.replace else None
            add(match.start(), KIND_RULES.get(pattern.kind, "wording-confusable"),
                f"“{match.group(0)}”：{pattern.note}（{pattern.source}）", replacement,
                (match.start(), match.end(), replacement) if replacement else None)

    if doc.locale == "en":
        _check_english(doc, add)
        return findings
    if not _has_cjk(prose):
        return findings
    for match in HALF_PUNCT.finditer(prose):
        char = match.group(1)
        add(match.start(), "punct-halfwidth", f"中文行文中的半角“{char}”应为全角“{HALFWIDTH[char]}”",
            HALFWIDTH[char], (match.start(), match.end(), HALFWIDTH[char]))
    for match in HALF_PAREN.finditer(prose):
        inner = match.group(1)
        fixed = f"（{inner}）"
        add(match.start(), "punct-halfwidth", "中文行文中的半角括号应为全角“（）”", fixed,
            (match.start(), match.end(), fixed))
    for match in HALF_QUOTE.finditer(prose) if '"' in prose else ():
        add(match.start(), "punct-quote-halfwidth", "中文行文用弯引号“”，不用直引号 \"", "“”")
    has_dots = "…" in prose or "..." in prose or "。。。" in prose
    for match in ELLIPSIS.finditer(prose) if has_dots else ():
        add(match.start(), "punct-ellipsis", f"省略号“{match.group(0)}”应为“……”", "……",
            (match.start(), match.end(), "……"))
    position = prose.find("年", 4)
    while position != -1:
        start = position - 4
        year = prose[start:position]
        if (all(char in YEAR_DIGITS for char in year) and (start == 0 or prose[start - 1] not in YEAR_DIGITS)
                and YEAR_BAD.search(year) and re.search("[一二三四五六七八九]", year)
                and not _quoted(prose, start, position + 1)):
            fixed = YEAR_BAD.sub("〇", year)
            add(start, "number-year-zero", f"汉字数字年份“{year}年”中的零应写作“〇”", fixed + "年",
                (start, position, fixed))
        position = prose.find("年", position + 1)
    for match in NUMBERING.finditer(prose):
        if match.group("arabic"):
            number = match.group("arabic")
            begin = match.start("arabic")
            add(begin, "numbering-order", f"层次序数“{number}、”应为“{number}.”（GB/T 9704—2012）",
                f"{number}.", (begin, begin + len(number) + 1, f"{number}."))
        else:
            paren = match.group("paren")
            begin = match.start("paren")
            fixed = "（" + paren[1:-1] + "）"
            add(begin, "numbering-order", f"层次序数“{paren}”后不加标点（GB/T 9704—2012）", fixed,
                (begin, begin + len(paren) + 1, fixed))
    seen_ranges: set[int] = set()
    for match in RANGE_PCT.finditer(prose) if "%" in prose else ():
        first, pct, dash, second = match.group(1), match.group(2), match.group(3), match.group(4)
        if pct and dash == "～":
            continue
        fixed = f"{first}%～{second}%"
        seen_ranges.add(match.start())
        add(match.start(), "number-range", f"百分数范围“{match.group(0)}”应写作“{fixed}”", fixed,
            (match.start(), match.end(), fixed))
    for match in RANGE_UNIT.finditer(prose) if ("万" in prose or "亿" in prose) else ():
        first, unit1, dash, second, unit2 = match.groups()
        if unit1 == unit2 and dash == "～":
            continue
        if match.start() in seen_ranges:
            continue
        fixed = f"{first}{unit2}～{second}{unit2}"
        unambiguous = unit1 in (None, unit2)
        add(match.start(), "number-range", f"数值范围“{match.group(0)}”应写作“{fixed}”", fixed,
            (match.start(), match.end(), fixed) if unambiguous else None)
    for match in RANGE_TILDE.finditer(prose) if ("~" in prose or "〜" in prose) else ():
        if any(start <= match.start() < start + 30 for start in seen_ranges):
            continue
        add(match.start(), "number-range", "数值范围用浪纹线“～”", "～", (match.start(), match.end(), "～"))
    for match in DATE_PAD.finditer(prose) if ("年0" in prose or "月0" in prose) else ():
        add(match.start(), "date-zero-pad", "日期中的月、日不补零，如“2025年3月1日”", "",
            (match.start(), match.end(), ""))
    for match in REDUNDANT.finditer(prose) if ("左右" in prose or "以上" in prose) else ():
        text = match.group(0)
        advice = "删去“约”或“左右”之一" if text.endswith("左右") else "删去“超过”或“以上”之一"
        add(match.start(), "wording-redundant", f"“{text}”成分赘余：{advice}")
    _check_pairs(doc, add)
    return findings


def _quoted(text: str, start: int, end: int, limit: int = 20) -> bool:
    """Whether text[start:end] lies inside a short “…” quotation on its line: the wrong form is
    being mentioned (不写“台帐”), not used."""
    opener = text.rfind("“", max(0, start - limit), start + 1)
    if opener == -1 or "”" in text[opener + 1:start] or "\n" in text[opener:start]:
        return False
    closer = text.find("”", end - 1, end + limit)
    return closer != -1 and "\n" not in text[end:closer] and "“" not in text[end:closer]


def _has_cjk(text: str) -> bool:
    return re.search(f"[{CJK}]", text) is not None


def _check_pairs(doc: Document, add: Any) -> None:
    prose = doc.prose
    position = 0
    for separator in [*PARAGRAPH.finditer(prose), None]:
        end = separator.start() if separator else len(prose)
        stack: list[tuple[str, int]] = []
        for match in PAIR_CHARS.finditer(prose, position, end):
            char = match.group(0)
            if char == "’" and _apostrophe(prose, match.start()):
                continue
            if char in PAIRS:
                stack.append((char, match.start()))
            else:
                opener = CLOSERS[char]
                if stack and stack[-1][0] == opener:
                    stack.pop()
                elif any(item[0] == opener for item in stack):
                    while stack and stack[-1][0] != opener:
                        bad, offset = stack.pop()
                        add(offset, "punct-pair", f"“{bad}”没有对应的“{PAIRS[bad]}”")
                    stack.pop()
                else:
                    add(match.start(), "punct-pair", f"“{char}”没有对应的“{opener}”")
        for bad, offset in stack:
            add(offset, "punct-pair", f"“{bad}”没有对应的“{PAIRS[bad]}”")
        position = separator.end() if separator else end


def _apostrophe(text: str, offset: int) -> bool:
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    return before.isascii() and before.isalpha() and (after.isascii() and after.isalpha() or after == " ")


def _check_english(doc: Document, add: Any) -> None:
    renderings, wrong = _english_renderings()
    prose = doc.prose
    for pattern, _bad, english in wrong:
        for match in pattern.finditer(prose):
            add(match.start(), "term-en-rendering",
                f"“{match.group(0)}” is not the glossary's English rendering; use “{english}”", english)
    if not renderings:
        return
    for match in EN_PAREN.finditer(prose):
        chinese = match.group(1).strip()
        english = renderings.get(chinese)
        if not english:
            continue
        before = _normal(prose[max(0, match.start() - len(english) - 40): match.start()])
        if _normal(english) not in before:
            add(match.start(), "term-en-rendering",
                f"the glossary renders “{chinese}” as “{english}”; use it before the Chinese term",
                english)
