"""Translation tracking: which Chinese version an English page translates.

An English page `x.en.md` records in its front matter `translation_of: <hash>`, the content hash
of the Chinese `x.md` it translates. When the Chinese page changes, the hash no longer matches and
the English page is outdated. A translator who cannot update it at once may acknowledge the change
with `translation_deferred: <new hash>`: the page stays marked outdated, but the change is known.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from handbook.frontmatter import FrontMatterError, split_front_matter

HASH_LENGTH = 12
TRANSLATED, OUTDATED, MISSING, UNTRANSLATED = "translated", "outdated", "missing", "untranslated"
KEY = "translation_of"
DEFERRED = "translation_deferred"


def content_hash(text: str) -> str:
    """Hash of a Chinese page's content: its body and title, blind to line endings and `updated`."""
    try:
        meta, body, _ = split_front_matter(text)
    except FrontMatterError:
        meta, body = None, text
    title = (meta or {}).get("title", "")
    normalised = (str(title) + "\n" + body).replace("\r\n", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_LENGTH]


ENGLISH_SUFFIX = ".en.md"  # mkdocs-static-i18n's suffix layout: x.md and its English twin x.en.md


def is_english(path: Path | str) -> bool:
    """Whether a page file (path or docs-relative URI) is an English twin."""
    return str(path).endswith(ENGLISH_SUFFIX)


def twin_of(path: Path) -> Path:
    """The English twin of a Chinese page, or the Chinese source of an English page."""
    if is_english(path):
        return path.with_name(path.name[: -len(ENGLISH_SUFFIX)] + ".md")
    return path.with_name(path.stem + ENGLISH_SUFFIX)


def source_of(path: Path) -> Path:
    """The Chinese page a page belongs to: the page itself, or the source of an English twin."""
    return twin_of(path) if is_english(path) else path


@dataclass
class Status:
    source: Path
    translation: Path
    state: str
    current: str
    recorded: str | None
    deferred: str | None = None

    def paste_line(self) -> str:
        return f"{KEY}: {self.current}"


def status_of(source: Path) -> Status:
    current = content_hash(source.read_text(encoding="utf-8"))
    translation = twin_of(source)
    if not translation.is_file():
        return Status(source, translation, MISSING, current, None)
    try:
        meta, _body, _ = split_front_matter(translation.read_text(encoding="utf-8"))
    except FrontMatterError:
        meta = None
    meta = meta or {}
    recorded = meta.get(KEY)
    deferred = meta.get(DEFERRED)
    recorded = str(recorded) if recorded else None
    if recorded is None:
        state = UNTRANSLATED
    elif recorded == current:
        state = TRANSLATED
    else:
        state = OUTDATED
    return Status(source, translation, state, current, recorded, str(deferred) if deferred else None)


def chinese_pages(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if not is_english(p))


def stamp(translation: Path, value: str, key: str = KEY) -> bool:
    """Write `key: value` into the front matter of `translation`; return whether the file changed."""
    text = translation.read_text(encoding="utf-8")
    meta, _body, _ = split_front_matter(text)
    if meta is None:
        raise FrontMatterError(f"{translation}: no front matter to stamp", 1)
    # Quoted: a hash made only of digits would otherwise be read back as a number.
    line = f'{key}: "{value}"'
    pattern = re.compile(rf"^{re.escape(key)}:.*$", re.M)
    end = text.index("\n---", 3)
    head, tail = text[:end], text[end:]
    new_head = pattern.sub(line, head, count=1) if pattern.search(head) else head + "\n" + line
    if new_head == head:
        return False
    temporary = translation.with_name(translation.name + ".tmp")
    temporary.write_text(new_head + tail, encoding="utf-8")
    temporary.replace(translation)
    return True
