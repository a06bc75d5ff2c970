"""Read a page once and split it into what the linters need, without a full Markdown parse.

A line scanner tracks front matter, fenced code, HTML comments and lint directives; one inline
regex masks code spans, HTML tags, link targets, URLs and attribute lists. The result keeps every
offset of the original text: `prose` has the same length as `text`, with everything that is not
prose replaced by NUL, so that a match in `prose` is a position in the file.

Fences with the language `template` or `phrase` hold plain text that readers copy into their own
reports (CONTRIBUTING §4): they count as prose.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.frontmatter import FENCE, FrontMatterError, split_front_matter
from handbook.lint.findings import Finding

MAX_BYTES = 2_000_000
PROSE_FENCES = frozenset({"template", "phrase"})
MASK = "\x00"

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*?)[ \t]*\r?$")
FENCE_LANG = re.compile(r"^\{?\s*\.?([\w+-]+)")
REF_DEF = re.compile(r"^[ ]{0,3}\[(?P<label>(?:[^\]\\]|\\.)+)\]:[ \t]*(?:<(?P<t1>[^>\n]*)>|(?P<t2>\S+))")
ADMONITION = re.compile(r"^(?P<mark>[ \t]*(?:!!!|\?\?\?\+?|===\+?!?)[ \t]*[\w-]*(?:[ \t]+[\w-]+)*[ \t]*)"
                        r"(?:(?P<q1>\")(?P<title>[^\"\n]*)(?P<q2>\"))?")
ABBR_DEF = re.compile(r"^\*\[[^\]\n]*\]:")
FOOTNOTE_DEF = re.compile(r"^[ ]{0,3}\[\^[^\]\n]+\]:[ \t]?")
# Lines that open a block whose indented lines are its content, not code.
CONTAINER = re.compile(r"^[ ]{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|!!!|\?\?\?|===|\[\^[^\]\n]+\]:)")
HEADING_ID = re.compile(r"^#{2,6}[ \t].*?\{[^}\n]*?#(?P<id>[A-Za-z0-9_:.-]+)[^}\n]*\}[ \t]*\r?$")
# What ends an HTML comment for a browser: "-->", or "--!>".
COMMENT_END = re.compile(r"--!?>")
COMMENT_DIRECTIVE = re.compile(
    r"<!--\s*lint-(?P<verb>disable-next-line|disable|enable)\b(?P<rules>[^>]*?)-->")

_LINK_BODY = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
_TARGET = r"(?:<[^>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
_BRANCHES = [
    # A backslash-escaped backtick opens no code span (Python-Markdown prints it as a backtick).
    r"(?P<code>(?<!\\)(?P<tick>`+)(?!`).+?(?<!`)(?P=tick)(?!`))",
    # A comment ends at the first "-->" and is not looked for past the next "<!--": a line of many
    # unclosed ones would otherwise be scanned to its end from each (quadratic).
    # "<!-->" and "<!--->" are whole (empty) comments to a browser, and "--!>" ends one too.
    r"(?P<comment><!--(?:-?>|(?:(?!<!--).)*?--!?>))",
    # TeX math as pymdownx.arithmatex reads it: $$…$$, \(…\), and $…$ whose opening $ is not
    # followed and closing $ not preceded by a space, the closing one not followed by a digit
    # (so "$5 and $10" stays text).
    r"(?P<math>\$\$.+?\$\$|\$(?=[^\s$])(?:[^$\n\\]|\\.)*?(?<=[^\s$\\])\$(?!\d)|\\\(.+?\\\))",
    r"(?P<auto><(?:https?|ftp|mailto):[^<>\s]*>)",
    r"(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>)",
    r"(?P<link>(?P<bang>!?)\[" + _LINK_BODY + r"\]\((?P<lt>[ \t]*(?P<target>" + _TARGET + r")"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*)\))",
    r"(?P<refuse>\[" + _LINK_BODY + r"\](?P<label>\[[^\]\n]*\]))",
    r"(?P<foot>\[\^[^\]\n]+\])",
    r"(?P<attr>\{[ \t]*[:#.][^{}\n]*\})",
    r"(?P<url>(?:https?|ftp)://[^\s<>\"'（）【】，。；：！？“”‘’、\u4e00-\u9fff]+|www\.[A-Za-z0-9-]+\.[^\s<>\"'（）【】，。；：！？“”‘’、\u4e00-\u9fff]+)",  # noqa: E501
    # Only from the start of a run of address characters: tried at every position of a long run
    # without "@", it would take time quadratic in the run's length.
    r"(?P<email>(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
    r"(?P<entity>&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);)",
    r"(?P<emoji>:[a-z0-9_+-]+(?:-[a-z0-9_+]+)+:)",
]
# The leading lookahead names every character a match can start with: one cheap test rejects
# every other position instead of trying each branch there.
INLINE = re.compile(r"(?=[`<!\[{&:$\\A-Za-z0-9._%+-])(?:" + "|".join(_BRANCHES) + ")", re.S)
# The same without the url and email branches, for a line in which neither can match (no
# PLAIN_TRIGGER in it): letters and digits then cannot start a match, so prose is skipped fast.
INLINE_LOCAL = re.compile(
    r"(?=[`<!\[{&:$\\])(?:" + "|".join(b for b in _BRANCHES if not b.startswith(("(?P<url>", "(?P<email>")))
    + ")", re.S)
# A quick test: lines without any of these characters need no inline masking.
INLINE_TRIGGER = re.compile(r"[`<\[{:&@$]|\\\(|https?:|ftp:|www\.")
PLAIN_TRIGGER = re.compile(r"https?:|ftp:|www\.|@")


@dataclass
class Link:
    offset: int  # where the target starts in the text
    target: str  # as written (without <>)
    kind: str  # inline | image | reference


@dataclass
class Heading:
    offset: int
    id: str


@dataclass
class Document:
    path: Path
    text: str = ""
    prose: str = ""
    nocode: str = ""
    meta: dict[str, Any] | None = None
    locale: str = "zh"
    had_bom: bool = False
    ok: bool = True
    body_start: int = 0
    line_starts: list[int] = field(default_factory=lambda: [0])
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    # (start, end) offsets of the text inside each template or phrase fence.
    prose_fences: list[tuple[int, int]] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    disabled: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)
    file_disabled: frozenset[str] = frozenset()
    display: str = ""
    # (start, end) of the template and phrase fences: report text whatever the page is
    prose_fences: list[tuple[int, int]] = field(default_factory=list)

    def in_prose_fence(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.prose_fences)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    @property
    def page_type(self) -> str | None:
        value = (self.meta or {}).get("type")
        return value if isinstance(value, str) else None

    def is_disabled(self, rule_id: str, linter: str, offset: int) -> bool:
        if _matches(self.file_disabled, rule_id, linter):
            return True
        for start, end, rules in self.disabled:
            if start <= offset < end and (rules is None or _matches(rules, rule_id, linter)):
                return True
        return False

    def finding(self, offset: int, rule_id: str, severity: str, message: str,
                suggestion: str | None = None, target: str | None = None,
                fix: tuple[int, int, str] | None = None) -> Finding:
        line, column = self.position(offset)
        return Finding(self.display, line, column, rule_id, severity, message, suggestion, target, fix)


def _matches(names: frozenset[str], rule_id: str, linter: str) -> bool:
    if not names:
        return False
    if rule_id in names or linter in names or "all" in names:
        return True
    return any(name.endswith("*") and rule_id.startswith(name[:-1]) for name in names)


def locale_of(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "zh"


def read_document(path: Path, display: str | None = None, text: str | None = None) -> Document:
    """Scan one file. Never raises for bad content: problems become findings."""
    doc = Document(path=path, locale=locale_of(path), display=display or path.as_posix())
    if text is None:
        try:
            raw = path.read_bytes()
        except OSError as error:
            doc.ok = False
            doc.problems.append(Finding(doc.display, 1, 1, "file-encoding", "error",
                                        f"cannot read file: {error.strerror or error}"))
            return doc
        if len(raw) > MAX_BYTES:
            doc.ok = False
            doc.problems.append(Finding(
                doc.display, 1, 1, "file-too-large", "error",
                f"file is {len(raw):,} bytes, above the {MAX_BYTES:,}-byte limit for a page; split it"))
            return doc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            doc.ok = False
            line = raw[: error.start].count(b"\n") + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            doc.problems.append(Finding(
                doc.display, line, column, "file-encoding", "error",
                f"not UTF-8: invalid byte 0x{raw[error.start]:02x} at byte {error.start} "
                "(GBK or another legacy encoding?); save the file as UTF-8"))
            return doc
    if text.startswith("\ufeff"):
        doc.had_bom = True
        text = text[1:]
    doc.text = text
    _scan(doc)
    return doc


def _scan(doc: Document) -> None:
    text = doc.text
    starts = [0]
    find = text.find
    position = find("\n")
    while position != -1:
        starts.append(position + 1)
        position = find("\n", position + 1)
    doc.line_starts = starts
    pieces: list[str] = []  # prose
    nocode: list[str] = []  # everything except code
    body_start = _front_matter(doc, pieces, nocode)
    doc.body_start = body_start

    fence: tuple[str, int, bool, int] | None = None  # (char, length, prose?, line index)
    fence_start = 0
    in_comment = False
    in_math = False  # a $$ display block
    # Indented code blocks (CommonMark): four spaces of indent after a blank line, unless the
    # line belongs to a list item, an admonition, a content tab or a footnote (`container`).
    blank_before = True
    container = False
    in_code = False
    next_line_rules: list[tuple[int, frozenset[str] | None]] = []
    open_rules: dict[frozenset[str] | None, int] = {}
    first = bisect_right(starts, body_start) - 1 if body_start else 0
    n_lines = len(starts)
    for index in range(first, n_lines):
        start = starts[index]
        end = starts[index + 1] if index + 1 < n_lines else len(text)
        if end <= start:
            continue
        if start < body_start:
            continue
        line = text[start:end]
        for _offset, rules in next_line_rules:
            doc.disabled.append((start, end, rules))
        next_line_rules = []
        if fence is not None:
            stripped = line.strip()
            char, length, prose_fence, _ = fence
            if stripped and stripped[0] == char and set(stripped) == {char} and len(stripped) >= length:
                if prose_fence:
                    doc.prose_fences.append((starts[fence[3] + 1], start))
                fence = None
                if prose_fence:
                    doc.prose_fences.append((fence_start, start))
                _mask(pieces, nocode, len(line), keep_nocode=False)
            elif prose_fence:
                _plain(line, pieces, nocode)
            else:
                _mask(pieces, nocode, len(line), keep_nocode=False)
            continue
        if in_comment:
            end = COMMENT_END.search(line)
            if end is None:
                _mask(pieces, nocode, len(line), keep_nocode=False)
                continue
            in_comment = False
            _mask(pieces, nocode, end.end(), keep_nocode=False)
            rest = line[end.end():]
            _inline(doc, rest, start + end.end(), pieces, nocode, open_rules, next_line_rules)
            continue
        if in_math:
            if "$$" in line:
                in_math = False
            _mask(pieces, nocode, len(line), keep_nocode=False)
            continue
        stripped = line.strip()
        if not stripped:
            blank_before = True
            pieces.append(line)
            nocode.append(line)
            continue
        indent = _indent(line)
        if indent >= 4 and (in_code or (blank_before and not container)):
            in_code = True
            blank_before = False
            _mask(pieces, nocode, len(line), keep_nocode=False)
            continue
        if indent < 4:
            in_code = False
            container = CONTAINER.match(line) is not None or (container and not blank_before)
        blank_before = False
        if stripped.startswith("$$") and "$$" not in stripped[2:]:
            in_math = True
            _mask(pieces, nocode, len(line), keep_nocode=False)
            continue
        if (not INLINE_TRIGGER.search(line) and "~" not in line
                             and line.lstrip()[:1] not in "#!?=*"):
            # Prose with nothing to mask: what _line would keep as it is.
            pieces.append(line)
            nocode.append(line)
            continue
        if "`" in line or "~" in line:
            match = FENCE_OPEN.match(line)
            if match and not (match.group("fence")[0] == "`" and "`" in match.group("info")):
                info = match.group("info")
                lang_match = FENCE_LANG.match(info)
                lang = lang_match.group(1).lower() if lang_match else ""
                fence = (match.group("fence")[0], len(match.group("fence")), lang in PROSE_FENCES, index)
                fence_start = end
                _mask(pieces, nocode, len(line), keep_nocode=False)
                continue
        opened = line.rfind("<!--")
        if opened != -1 and COMMENT_END.search(line, opened + 2) is None:
            # A comment that continues on the next lines.
            _inline(doc, line[:opened], start, pieces, nocode, open_rules, next_line_rules)
            _directive(doc, line[opened:], start + opened, open_rules, next_line_rules)
            _mask(pieces, nocode, len(line) - opened, keep_nocode=False)
            in_comment = True
            continue
        _line(doc, line, start, pieces, nocode, open_rules, next_line_rules)
    if fence is not None:
        if fence[2] and fence[3] + 1 < n_lines:
            doc.prose_fences.append((starts[fence[3] + 1], len(text)))
        doc.problems.append(Finding(doc.display, fence[3] + 1, 1, "file-unclosed-fence", "error",
                                    f"code fence opened here with {fence[0] * fence[1]} is never closed"))
    for rules, begin in open_rules.items():
        doc.disabled.append((begin, len(text), rules))
    doc.prose = "".join(pieces)
    doc.nocode = "".join(nocode)
    assert len(doc.prose) == len(text), (len(doc.prose), len(text))


def _front_matter(doc: Document, pieces: list[str], nocode: list[str]) -> int:
    text = doc.text
    if not text.startswith("---"):
        return 0
    try:
        meta, body = _split_front_matter(text)
    except FrontMatterError as error:
        doc.problems.append(Finding(doc.display, error.line, 1, "meta-yaml", "error", str(error)))
        meta, body = None, None
        close = re.search(r"^(?:---|\.\.\.)[ \t]*\r?$", text[3:], re.M)
        end = (3 + close.end()) if close else text.find("\n") + 1 or len(text)
        if end < len(text) and text[end] == "\n":
            end += 1
        _mask(pieces, nocode, end, keep_nocode=False)
        return end
    if meta is None:
        return 0
    doc.meta = meta
    disabled = meta.get("lint-disable")
    if isinstance(disabled, str):
        disabled = [disabled]
    if isinstance(disabled, list):
        doc.file_disabled = frozenset(str(item) for item in disabled)
    end = len(text) - len(body)
    newline = text.find("\n", end)
    end = len(text) if newline == -1 else newline + 1
    # Only the values of title and description are prose; keys and other values are not.
    block = text[:end]
    position = 0
    for line in block.splitlines(keepends=True):
        match = re.match(r"^(title|description):[ \t]*", line)
        if match:
            value = line[match.end():].rstrip("\r\n")
            lead = match.end()
            quote = value[:1] if value[:1] in "\"'" and value.endswith(value[:1]) and len(value) > 1 else ""
            if quote:
                _mask(pieces, nocode, lead + 1, keep_nocode=True, source=line)
                pieces.append(value[1:-1])
                nocode.append(value[1:-1])
                tail = line[lead + len(value) - 1:]
                _mask(pieces, nocode, len(tail), keep_nocode=True, source=tail)
            else:
                _mask(pieces, nocode, lead, keep_nocode=True, source=line)
                pieces.append(value)
                nocode.append(value)
                tail = line[lead + len(value):]
                _mask(pieces, nocode, len(tail), keep_nocode=True, source=tail)
        else:
            _mask(pieces, nocode, len(line), keep_nocode=True, source=line)
        position += len(line)
    return end


# Front matter of the simple shape nearly every page has (`key: plain text`, `key: [a, b]`,
# `key: 2025-01-01`, one per line) is read here; anything else goes to PyYAML
# (handbook.frontmatter.split_front_matter), whose result this one equals where it applies.
_SIMPLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): (\S(?:.*\S)?)")
# Plain scalars without any character that YAML could read as syntax: in block context, and
# inside a flow sequence (where ,?[]{} end a scalar too).
_PLAIN_FIRST = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"
_BLOCK_SCALAR = re.compile(_PLAIN_FIRST + r"[^:#\t]*")
_FLOW_SCALAR = re.compile(_PLAIN_FIRST + r"[^:#\t,?\[\]{}]*")
_SIMPLE_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_simple_yaml: Any = None  # (resolver, ScalarNode) once checked, False when the loader is customised


def _plain_string(value: str, scalar: re.Pattern[str]) -> bool:
    """Whether YAML reads `value`, written plain, as this very string."""
    global _simple_yaml
    if not scalar.fullmatch(value) or value != value.strip() or not value.isprintable():
        return False
    if _simple_yaml is None:
        import yaml
        from yaml.constructor import SafeConstructor

        from handbook import frontmatter

        # The loader split_front_matter uses, with PyYAML's own resolvers and constructors.
        loader = getattr(frontmatter, "_LOADER", None)
        plain = loader is not None and not loader.yaml_path_resolvers and all(
            loader.yaml_constructors.get(f"tag:yaml.org,2002:{tag}") is method for tag, method in (
                ("str", SafeConstructor.construct_yaml_str), ("seq", SafeConstructor.construct_yaml_seq),
                ("map", SafeConstructor.construct_yaml_map),
                ("timestamp", SafeConstructor.construct_yaml_timestamp)))
        if plain:
            resolver = type("_Resolver", (yaml.resolver.Resolver,), {
                "yaml_implicit_resolvers": loader.yaml_implicit_resolvers,
                "yaml_path_resolvers": loader.yaml_path_resolvers})()
            _simple_yaml = (resolver, yaml.nodes.ScalarNode)
        else:
            _simple_yaml = False
    if not _simple_yaml:
        return False
    resolver, node = _simple_yaml
    return resolver.resolve(node, value, (True, False)) == "tag:yaml.org,2002:str"


def _simple_front_matter(block: str) -> dict[str, Any] | None:
    if not block.endswith("\n"):
        return None
    meta: dict[str, Any] = {}
    for line in block[:-1].split("\n"):
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            return None
        key, value = match.groups()
        if key in meta or not _plain_string(key, _BLOCK_SCALAR):
            return None
        if value.startswith("[") and value.endswith("]"):
            items = value[1:-1].split(", ") if len(value) > 2 else []
            if not all(_plain_string(item, _FLOW_SCALAR) for item in items):
                return None
            meta[key] = items
            continue
        date = _SIMPLE_DATE.fullmatch(value)
        if date:
            try:
                meta[key] = dt.date(int(date.group(1)), int(date.group(2)), int(date.group(3)))
            except ValueError:
                return None  # PyYAML's own error, with its line
            if not _plain_string("x", _BLOCK_SCALAR):  # the loader is customised
                return None
            continue
        if not _plain_string(value, _BLOCK_SCALAR):
            return None
        meta[key] = value
    return meta


def _split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    match = FENCE.match(text)
    if match:
        meta = _simple_front_matter(match.group(1))
        if meta is not None:
            return meta, text[match.end():]
    meta, body, _consumed = split_front_matter(text)
    return meta, body


def _indent(line: str) -> int:
    """Columns of leading white space (a tab to the next multiple of four)."""
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _mask(pieces: list[str], nocode: list[str], length: int, *, keep_nocode: bool,
          source: str = "") -> None:
    if length <= 0:
        return
    pieces.append(MASK * length)
    nocode.append(source[:length] if keep_nocode else MASK * length)


def _plain(line: str, pieces: list[str], nocode: list[str]) -> None:
    """Text of a template or phrase fence: prose, except URLs and e-mail addresses."""
    nocode.append(line)
    if not PLAIN_TRIGGER.search(line):
        pieces.append(line)
        return
    position = 0
    for match in INLINE.finditer(line):
        if match.lastgroup in ("url", "email"):
            pieces.append(line[position:match.start()])
            pieces.append(MASK * (match.end() - match.start()))
            position = match.end()
    pieces.append(line[position:])


def _line(doc: Document, line: str, start: int, pieces: list[str], nocode: list[str],
          open_rules: dict[frozenset[str] | None, int],
          next_line_rules: list[tuple[int, frozenset[str] | None]]) -> None:
    first = line.lstrip()[:1]
    if first == "[":
        match = FOOTNOTE_DEF.match(line)
        if match:
            # A footnote: its marker is masked, its text is prose with links of its own.
            _mask(pieces, nocode, match.end(), keep_nocode=True, source=line)
            _inline(doc, line[match.end():], start + match.end(), pieces, nocode, open_rules, next_line_rules)
            return
        match = REF_DEF.match(line)
        if match:
            target = match.group("t1") if match.group("t1") is not None else match.group("t2")
            offset = start + (match.start("t1") if match.group("t1") is not None else match.start("t2"))
            doc.links.append(Link(offset, target, "reference"))
            _mask(pieces, nocode, len(line), keep_nocode=True, source=line)
            return
    elif first == "#":
        match = HEADING_ID.match(line)
        if match:
            doc.headings.append(Heading(start + match.start("id"), match.group("id")))
    elif first in "!?=":
        match = ADMONITION.match(line)
        if match and match.group("mark").strip()[:3] in ("!!!", "???", "==="):
            mark_end = match.end("mark")
            _mask(pieces, nocode, mark_end, keep_nocode=True, source=line)
            if match.group("q1"):
                _mask(pieces, nocode, 1, keep_nocode=True, source='"')
                title = match.group("title")
                pieces.append(title)
                nocode.append(title)
                _mask(pieces, nocode, 1, keep_nocode=True, source='"')
                rest_start = match.end()
            else:
                rest_start = mark_end
            _inline(doc, line[rest_start:], start + rest_start, pieces, nocode, open_rules, next_line_rules)
            return
    elif first == "*" and ABBR_DEF.match(line.lstrip()):
        lead = len(line) - len(line.lstrip())
        marker = ABBR_DEF.match(line.lstrip())
        assert marker is not None
        _mask(pieces, nocode, lead + marker.end(), keep_nocode=True, source=line)
        rest = line[lead + marker.end():]
        _inline(doc, rest, start + lead + marker.end(), pieces, nocode, open_rules, next_line_rules)
        return
    _inline(doc, line, start, pieces, nocode, open_rules, next_line_rules)


def _inline(doc: Document, line: str, start: int, pieces: list[str], nocode: list[str],
            open_rules: dict[frozenset[str] | None, int],
            next_line_rules: list[tuple[int, frozenset[str] | None]]) -> None:
    if not INLINE_TRIGGER.search(line):
        pieces.append(line)
        nocode.append(line)
        return
    position = 0
    inline = INLINE if PLAIN_TRIGGER.search(line) else INLINE_LOCAL
    for match in inline.finditer(line):
        kind = match.lastgroup
        if kind == "tick":
            kind = "code"
        m_start, m_end = match.start(), match.end()
        pieces.append(line[position:m_start])
        nocode.append(line[position:m_start])
        if kind in ("code", "math"):
            _mask(pieces, nocode, m_end - m_start, keep_nocode=False)
        elif kind == "comment":
            _directive(doc, match.group(0), start + m_start, open_rules, next_line_rules)
            _mask(pieces, nocode, m_end - m_start, keep_nocode=False)
        elif kind in ("link", "bang", "lt", "target"):
            target_start = match.start("lt") - 2  # the "](" before the target
            # Link text stays prose; "](target)" is masked. The text itself may hold code spans.
            text_part = line[m_start:target_start]
            sub_pieces: list[str] = []
            sub_nocode: list[str] = []
            _inline(doc, text_part, start + m_start, sub_pieces, sub_nocode, open_rules, next_line_rules)
            pieces.extend(sub_pieces)
            nocode.extend(sub_nocode)
            _mask(pieces, nocode, m_end - target_start, keep_nocode=True, source=line[target_start:m_end])
            target = match.group("target")
            offset = start + match.start("target")
            if target.startswith("<") and target.endswith(">"):
                target, offset = target[1:-1], offset + 1
            doc.links.append(Link(offset, target, "image" if match.group("bang") else "inline"))
        elif kind in ("refuse", "label"):
            label_start = match.start("label")
            pieces.append(line[m_start:label_start])
            nocode.append(line[m_start:label_start])
            _mask(pieces, nocode, m_end - label_start, keep_nocode=True, source=line[label_start:m_end])
        elif kind in ("url", "email", "auto", "tag"):
            _mask(pieces, nocode, m_end - m_start, keep_nocode=True, source=match.group(0))
        else:  # attr, foot, entity, emoji
            _mask(pieces, nocode, m_end - m_start, keep_nocode=True, source=match.group(0))
        position = m_end
    pieces.append(line[position:])
    nocode.append(line[position:])


def _directive(doc: Document, comment: str, offset: int,
               open_rules: dict[frozenset[str] | None, int],
               next_line_rules: list[tuple[int, frozenset[str] | None]]) -> None:
    match = COMMENT_DIRECTIVE.match(comment) if "lint-" in comment else None
    if not match:
        return
    names = frozenset(part for part in re.split(r"[\s,]+", match.group("rules")) if part)
    rules: frozenset[str] | None = names or None
    verb = match.group("verb")
    if verb == "disable":
        open_rules.setdefault(rules, offset)
    elif verb == "disable-next-line":
        next_line_rules.append((offset, rules))
    else:
        if rules is None:
            for key, begin in list(open_rules.items()):
                doc.disabled.append((begin, offset, key))
            open_rules.clear()
        else:
            for key, begin in list(open_rules.items()):
                if key == rules or (key is not None and key <= rules):
                    doc.disabled.append((begin, offset, key))
                    del open_rules[key]
