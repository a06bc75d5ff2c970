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

from handbook import DATA
from handbook.data import DataError, glossary, read_yaml
from handbook.lint import suspect
from handbook.lint.findings import Finding
from handbook.lint.markdown_scan import Document
from handbook.lint.segment import Tokens

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
# A half-width mark that ends a line or stands before a closing quote, after Chinese text.
HALFWIDTH_END = {**HALFWIDTH, ".": "。"}
HALF_PUNCT_END = re.compile(
    rf"([,;:?!.])(?<=[{CJK}”’）》].)(?:(?=[ \t]*\r?$)|(?P<quote>(?=[”’])))", re.M)
HALF_PAREN = re.compile(rf"\(([^()\n\x00]{{0,60}}[{CJK}][^()\n\x00]{{0,60}})\)")
HALF_QUOTE = re.compile(rf"\"(?<=[{CJK}]\")|\"(?=[{CJK}])")
# `…` alone, three or more of them, `...` after Chinese text, or `。。。`; 【…】 is the placeholder
# notation of the templates (CONTRIBUTING §4), not an ellipsis.
ELLIPSIS = re.compile(rf"…(?<![…【]…)(?![…】])|……{{2,}}|\.(?<=[{CJK}，。、；：！？”’]\.)\.{{2,}}|。。{{2,}}")
YEAR_BAD = re.compile(r"[0OoО○◯零]")
# Four year digits (Chinese, Arabic or a look-alike zero) before 年, not preceded by a fifth.
YEAR_DIGIT = "[〇一二三四五六七八九零0OoО○◯]"
YEAR = re.compile(f"{YEAR_DIGIT}(?<!{YEAR_DIGIT}.){YEAR_DIGIT}{{3}}(?=年)")
# Each pattern below starts with a character (or set) it is about and looks behind only after it:
# `re` skips to such a character in C, while a leading lookbehind is tried at every position.
# The line-start patterns cannot begin so; a cheap search for their core (*_CORE) gates them.
# Line starts: a masked line (a fence's opening line, say) ends in NUL instead of a newline.
# The official-document hierarchy 一、（一）1.（1）(GB/T 9704): "1、" where "1." is meant.
NUMBERING = re.compile(r"(?:^|(?<=\x00))[ \t]*(?:[-*+][ \t]+)?(?:#{1,6}[ \t]+)?(?P<arabic>\d{1,2})、", re.M)
# Ordinals of every Chinese text (GB/T 15834 4.5.3.5, 4.9.3.4): 一、 not 一. ; （一） takes no mark.
ORDINAL_DOT = re.compile(
    r"(?:^|(?<=\x00))[ \t]*(?:[-*+>][ \t]+)?(?:#{1,6}[ \t]+)?(?P<number>[一二三四五六七八九十]{1,3})(?P<dot>[.．])(?![\d.．])",  # noqa: E501
    re.M)
ORDINAL_PAREN = re.compile(
    r"(?:^|(?<=\x00))[ \t]*(?:[-*+>][ \t]+)?(?:#{1,6}[ \t]+)?(?P<paren>[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])[、.．，,]",  # noqa: E501
    re.M)
NUMBERING_CORE = re.compile(r"\d、")
ORDINAL_DOT_CORE = re.compile(r"[一二三四五六七八九十][.．]")
ORDINAL_PAREN_CORE = re.compile(r"[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)][、.．，,]")
RANGE_PCT = re.compile(r"(\d(?<![\d.]\d)\d*(?:\.\d+)?)(%?)[ \t]*([-~〜—–－～])[ \t]*(\d+(?:\.\d+)?)%")
RANGE_UNIT = re.compile(r"(\d(?<![\d.]\d)\d*(?:\.\d+)?)(万|亿)?([-~〜—–－～])(\d+(?:\.\d+)?)(万|亿)")
# 3-5名: a hyphen between two numbers followed by a unit or measure word is a range.
RANGE_HYPHEN = re.compile(
    r"\d(?<![A-Za-z0-9.\-/:#_]\d)(?<![A-Za-z] \d)\d*(?:\.\d+)?(?P<dash>[-－])\d+(?:\.\d+)?"
    r"(?=[个名人次家处户条项所天年月日周岁时分秒元角万亿千百米里克吨亩倍层栋座辆台件份本页期批组类种篇届级位只头棵株间套张册])")
RANGE_TILDE = re.compile(r"[~〜](?<=\d.)(?=\d)")
DATE_PAD = re.compile(r"0(?<=\d年0)(?=[1-9]月)|0(?<=\d月0)(?=[1-9][日号])")
# 约 or 超过 and 左右 or 以上 around one quantity; a conjunction or 的 between them means two
# quantities (不超过一万元的罚款或者五日以上拘留), which is no redundancy.
REDUNDANT = re.compile(
    r"(?:大约|约)[^，。；！？、\n\x00的或和与及]{0,8}?[\d一二三四五六七八九十百千万两几][^，。；！？、\n\x00的或和与及]{0,6}?左右"  # noqa: E501
    r"|超过[^，。；！？、\n\x00的或和与及]{0,8}?[\d一二三四五六七八九十百千万两几][^，。；！？、\n\x00的或和与及]{0,6}?以上")  # noqa: E501
PAIRS = {"“": "”", "《": "》", "（": "）", "【": "】", "‘": "’"}
CLOSERS = {value: key for key, value in PAIRS.items()}
PAIR_CHARS = re.compile("[“”《》（）【】‘’]")
PARAGRAPH = re.compile(r"\n[ \t\r\x00]*\n")
# The pair marks and the paragraph breaks (a lone newline is matched too, and ignored).
MARKS_AND_BREAKS = re.compile(r"[“”《》（）【】‘’\n](?:(?<=\n)[ \t\r\x00]*\n)?")


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
    # A lookahead for any second character first: it turns away most positions in one C-level
    # step before the tree of lookbehinds is tried (half the time on running text).
    ahead = "" if min(map(len, words)) < 2 else "(?=" + _charset(sorted({word[1] for word in words})) + ")"
    return _charset(chars) + ahead + "(?:" + tree(chars) + ")"


def _excepted(text: str, start: int, entry: Entry) -> bool:
    for exception in entry.exceptions:
        offset = exception.find(entry.wrong)
        while offset != -1:
            begin = start - offset
            if begin >= 0 and text.startswith(exception, begin):
                return True
            offset = exception.find(entry.wrong, offset + 1)
    return False


@cache
def load_wording_data(path: Path = DATA / "wording.yml") -> dict[str, Any]:
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise DataError(f"{path}: must be a mapping of rule groups, not a {type(data).__name__}")
    return data


@cache
def _glossary_data() -> tuple[dict[str, Any], ...]:
    # Checked by handbook.data: a broken glossary is reported there, with its file and line.
    return tuple(glossary())


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


@dataclass(frozen=True)
class TextFinding:
    """One finding in a plain text: what `lint_text` returns and `check` turns into a Finding."""

    rule: str
    offset: int  # in characters (code points) from the start of the text
    length: int
    message: str
    suggestion: str | None = None
    severity: str = "error"
    fix: tuple[int, int, str] | None = None


def lint_text(text: str, *, locale: str = "zh", official_numbering: bool = True,
              detector: bool = True) -> list[TextFinding]:
    """The wording findings of a plain text (no Markdown: every character is prose), in order
    of offset. The same rules, data and algorithm as `check`, which runs them on a page's prose;
    this is the entry point that other front ends (the browser checker) must agree with."""
    doc = Document(path=Path("text.md"), text=text, prose=text, nocode=text, locale=locale, display="text")
    doc.line_starts = [0]
    return _findings(doc, official_numbering=official_numbering, detector=detector)


def check(doc: Document) -> list[Finding]:
    source_page = doc.page_type == "source"
    findings = []
    for hit in _findings(doc, official_numbering=_numbering_applies(doc), detector=True):
        if doc.is_disabled(hit.rule, "terms", hit.offset):
            continue
        severity = "warning" if source_page else hit.severity
        findings.append(doc.finding(hit.offset, hit.rule, severity, hit.message, hit.suggestion,
                                    fix=None if source_page else hit.fix))
    return findings


def _numbering_applies(doc: Document) -> bool:
    """Whether the GB/T 9704 numbering of official documents applies to the whole page: pages of
    the types and folders that data/wording.yml lists (templates, report writing, phrase bank).
    Template and phrase fences follow it on every page (see _findings)."""
    scope = load_wording_data().get("official_numbering") or {}
    if doc.page_type in (scope.get("types") or ()):
        return True
    folders = set(scope.get("folders") or ())
    return bool(folders) and any(part in folders for part in doc.path.parent.parts)


def _findings(doc: Document, *, official_numbering: bool, detector: bool) -> list[TextFinding]:
    hits: list[TextFinding] = []
    prose = doc.prose

    def add(offset: int, rule_id: str, message: str, suggestion: str | None = None,
            fix: tuple[int, int, str] | None = None, *, length: int = 1, severity: str = "error") -> None:
        if fix is not None:
            length = fix[1] - fix[0]
        hits.append(TextFinding(rule_id, offset, length, message, suggestion, severity, fix))

    engine = wording()
    chinese = doc.locale != "en" and _has_cjk(prose)
    tokens: Tokens | None = None
    for start, end, entry in engine.find(prose):
        if _quoted(prose, start, end):
            continue  # a mention, as in: 不写“截止目前”
        if len(entry.wrong) > 1 and _has_cjk(entry.wrong):
            if tokens is None:
                tokens = Tokens(prose)
            if tokens.straddles(start, end):
                continue  # 法定|婚龄: the listed form straddles two words
        rule_id = KIND_RULES.get(entry.kind, "wording-typo")
        message = f"“{entry.wrong}”"
        if entry.right:
            message += f"应为“{entry.right}”"
        if entry.note:
            message += f"：{entry.note}"
        if entry.source:
            message += f"（{entry.source}）"
        add(start, rule_id, message, entry.right,
            (start, end, entry.right) if entry.fixable and entry.right else None, length=end - start)
    if doc.locale == "en":
        _check_english(doc, add)
        return _ordered(hits, doc.text)
    if not chinese:
        return _ordered(hits, doc.text)
    # Patterns are Chinese grammar (既……又……, 截至 + a date, 40余人): Chinese pages only.
    for pattern in engine.patterns:
        for match in pattern.regex.finditer(prose):
            if _quoted(prose, match.start(), match.end()):
                continue
            replacement = match.expand(pattern.replace) if pattern.replace else None
            add(match.start(), KIND_RULES.get(pattern.kind, "wording-confusable"),
                f"“{match.group(0)}”：{pattern.note}（{pattern.source}）", replacement,
                (match.start(), match.end(), replacement) if replacement else None,
                length=match.end() - match.start())

    if detector:
        if tokens is None:
            tokens = Tokens(prose)
        listed = {hit.offset for hit in hits}
        for item in suspect.detect(prose, tokens):
            if item.start in listed or _quoted(prose, item.start, item.end):
                continue
            add(item.start, "wording-suspect",
                f"“{item.wrong}”疑为“{item.right}”之误（同音或形近字；不是误写时可忽略）", item.right,
                length=item.end - item.start, severity="warning")
    _check_punctuation(prose, add)
    _check_numbers(doc, add, official_numbering)
    _check_pairs(doc, add)
    return _ordered(hits, doc.text)


def _ordered(hits: list[TextFinding], text: str) -> list[TextFinding]:
    """The findings by offset, without those inside a URL (a web address written with Chinese
    characters in its path, as in https://zh.wikipedia.org/wiki/截止日期, is no prose)."""
    # Looked for once: testing the whole text per finding made a line of many findings quadratic.
    has_url = "://" in text
    kept = [hit for hit in hits if not has_url or not _in_url(text, hit.offset)]
    return sorted(kept, key=lambda hit: (hit.offset, hit.rule))


URL_STOP = re.compile(r"[\s，。；：！？、（）“”‘’《》【】<>\"'\[\]()]")


def _in_url(text: str, offset: int) -> bool:
    """Whether `offset` lies in a web address: going back from it, "://" (or "www.") comes
    before any white space, bracket, quote or Chinese punctuation mark."""
    window = text[max(0, offset - 300):offset]
    stops = [match.end() for match in URL_STOP.finditer(window)]
    word = window[stops[-1]:] if stops else window
    return "://" in word or word.startswith("www.")


def _check_punctuation(prose: str, add: Any) -> None:
    for match in HALF_PUNCT.finditer(prose):
        char = match.group(1)
        add(match.start(), "punct-halfwidth", f"中文行文中的半角“{char}”应为全角“{HALFWIDTH[char]}”",
            HALFWIDTH[char], (match.start(), match.end(), HALFWIDTH[char]))
    for match in HALF_PUNCT_END.finditer(prose):
        char = match.group(1)
        full = HALFWIDTH_END[char]
        where = "引号前" if match.group("quote") is not None else "行末"
        add(match.start(), "punct-halfwidth", f"中文行文{where}的半角“{char}”应为全角“{full}”",
            full, (match.start(), match.end(), full))
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
    for match in ORDINAL_DOT.finditer(prose) if ORDINAL_DOT_CORE.search(prose) else ():
        number = match.group("number")
        begin = match.start("number")
        add(begin, "punct-ordinal",
            f"序次语“{number}{match.group('dot')}”应为“{number}、”（GB/T 15834—2011）",
            f"{number}、", (begin, match.end(), f"{number}、"))
    for match in ORDINAL_PAREN.finditer(prose) if ORDINAL_PAREN_CORE.search(prose) else ():
        paren = match.group("paren")
        begin = match.start("paren")
        fixed = "（" + paren[1:-1] + "）"
        add(begin, "punct-ordinal", f"带括号的序次语“{paren}”后不再加标点（GB/T 15834—2011）", fixed,
            (begin, match.end(), fixed))


def _check_numbers(doc: Document, add: Any, official_numbering: bool) -> None:
    prose = doc.prose
    for match in YEAR.finditer(prose):
        year = match.group(0)
        start, position = match.start(), match.end()
        if (YEAR_BAD.search(year) and re.search("[一二三四五六七八九]", year)
                and not _quoted(prose, start, position + 1)):
            fixed = YEAR_BAD.sub("〇", year)
            add(start, "number-year-zero", f"汉字数字年份“{year}年”中的零应写作“〇”", fixed + "年",
                (start, position, fixed))
    for match in NUMBERING.finditer(prose) if NUMBERING_CORE.search(prose) else ():
        if not (official_numbering or doc.in_prose_fence(match.start())):
            continue
        number = match.group("arabic")
        begin = match.start("arabic")
        add(begin, "numbering-order", f"层次序数“{number}、”应为“{number}.”（GB/T 9704—2012）",
            f"{number}.", (begin, begin + len(number) + 1, f"{number}."))
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
        seen_ranges.add(match.start())
        fixed = f"{first}{unit2}～{second}{unit2}"
        unambiguous = unit1 in (None, unit2)
        add(match.start(), "number-range", f"数值范围“{match.group(0)}”应写作“{fixed}”", fixed,
            (match.start(), match.end(), fixed) if unambiguous else None, length=match.end() - match.start())
    for match in RANGE_HYPHEN.finditer(prose) if "-" in prose or "－" in prose else ():
        if match.start() in seen_ranges:
            continue
        dash = match.start("dash")
        add(dash, "number-range", f"数值范围“{match.group(0)}”用浪纹线“～”连接，不用连字符", "～",
            (dash, dash + 1, "～"))
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
        add(match.start(), "wording-redundant", f"“{text}”成分赘余：{advice}", length=len(text))


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
    """Quotes, brackets and title marks pair up within a paragraph, with the two spans GB/T
    15834—2011 allows: a quotation of several paragraphs opens each paragraph with “ and closes
    only the last (4.1.3.x), and a quotation or bracket may run over the items of a list. An
    opener left open at the end of a paragraph is carried into the next one when that paragraph
    starts with the same quote mark (which then continues it instead of opening a new one), or
    when this paragraph or the next one is a list item."""
    prose = doc.prose
    if _every_paragraph_balanced(prose):
        return
    position = 0
    stack: list[tuple[str, int]] = []
    # Openers the previous paragraph left open: a closer of their kind that this paragraph
    # lacks an opener for is their other half (a title split over two paragraphs), one finding.
    pending: list[tuple[str, int]] = []
    separators = [*PARAGRAPH.finditer(prose), None]
    for number, separator in enumerate(separators):
        end = separator.start() if separator else len(prose)
        continued = False
        first = _first_mark(prose, position, end) if stack else None
        if first is not None and first[0] in "“‘" and any(item[0] == first[0] for item in stack):
            continued = True  # this paragraph's opening quote continues the carried quotation
        for match in PAIR_CHARS.finditer(prose, position, end):
            char = match.group(0)
            if char == "’" and _apostrophe(prose, match.start()):
                continue
            if char in PAIRS:
                if continued and first is not None and match.start() == first[1]:
                    continued = False
                    continue
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
                    split = next((item for item in reversed(pending) if item[0] == opener), None)
                    if split is None:
                        add(match.start(), "punct-pair", f"“{char}”没有对应的“{opener}”")
                    else:
                        pending.remove(split)
                        add(split[1], "punct-pair", f"“{opener}”和对应的“{char}”分在两段：标号不跨段")
        following = separator.end() if separator else len(prose)
        next_end = separators[number + 1].start() if separator and separators[number + 1] else len(prose)
        if stack and separator is not None and _carries(prose, position, end, following, next_end, stack):
            position = following
            continue
        for bad, offset in pending + (stack if separator is None else []):
            add(offset, "punct-pair", f"“{bad}”没有对应的“{PAIRS[bad]}”")
        pending = stack if separator is not None else []
        stack = []
        position = following


def _every_paragraph_balanced(prose: str) -> bool:
    """Whether every paragraph's marks pair up, properly nested, by themselves (most pages): then
    _check_pairs has nothing to say, and this costs a few C-level passes instead of its loop."""
    marks = "".join(mark if len(mark) == 1 else "|" for mark in MARKS_AND_BREAKS.findall(prose)
                    if mark != "\n")
    if "‘" in marks or "’" in marks:
        return False  # ’ may be an apostrophe: the loop decides
    while True:
        reduced = marks.replace("“”", "").replace("（）", "").replace("《》", "").replace("【】", "")
        if reduced == marks:
            return not marks.replace("|", "")
        marks = reduced


LIST_ITEM = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]")
LEADING = re.compile(r"[ \t>\x00]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")


def _first_mark(prose: str, start: int, end: int) -> tuple[str, int] | None:
    """The first character of a paragraph after its list or quote markers, and its offset."""
    match = LEADING.match(prose, start, end)
    offset = match.end() if match else start
    return (prose[offset], offset) if offset < end else None


def _carries(prose: str, start: int, end: int, following: int, next_end: int,
             stack: list[tuple[str, int]]) -> bool:
    first = _first_mark(prose, following, next_end)
    if first is not None and first[0] in "“‘" and all(item[0] == first[0] for item in stack):
        return True
    last_line = prose.rfind("\n", start, end) + 1
    return bool(LIST_ITEM.match(prose, max(start, last_line), end)
                or LIST_ITEM.match(prose, following, next_end))


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
