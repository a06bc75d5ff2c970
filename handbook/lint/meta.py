"""Front matter: the schema of handbook/frontmatter.py per page, and translation metadata."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from handbook.frontmatter import OPTIONAL, REQUIRED, split_front_matter
from handbook.frontmatter import check as check_schema
from handbook.lint.findings import Finding
from handbook.lint.markdown_scan import Document

KNOWN = set(REQUIRED) | set(OPTIONAL)
MIRRORED = ("type", "topic", "sources")


def _key_offset(doc: Document, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}[ \t]*:", doc.text[: doc.body_start], re.M)
    return match.start() if match else 0


def _source_meta(source: Any, scanned: Mapping[str, Document] | None) -> dict[str, Any] | None:
    """Front matter of the Chinese source: from its scan when the caller has it (`scanned`,
    keyed by os.path.abspath), else read here."""
    doc = scanned.get(os.path.abspath(source)) if scanned else None
    if doc is not None and not doc.text.startswith("\ufeff") and not any(
            problem.rule == "file-too-large" for problem in doc.problems):
        # Read from the file by read_document: a file it could not read or decode, or whose
        # front matter does not parse, is what the fallback below turns into None too.
        if not doc.ok and not doc.text:
            return None
        if any(problem.rule == "meta-yaml" for problem in doc.problems):
            return None
        return doc.meta
    try:
        source_meta, _body, _ = split_front_matter(source.read_text(encoding="utf-8-sig"))
    except (ValueError, OSError, UnicodeDecodeError):
        source_meta = None
    return source_meta


def check(doc: Document, scanned: Mapping[str, Document] | None = None) -> list[Finding]:
    """Front matter of `doc`. `scanned`: documents already read from their files, by
    os.path.abspath of their path (the Chinese source of an English page is looked up there)."""
    findings: list[Finding] = []

    def add(offset: int, rule_id: str, severity: str, message: str, suggestion: str | None = None) -> None:
        if not doc.is_disabled(rule_id, "meta", offset):
            findings.append(doc.finding(offset, rule_id, severity, message, suggestion))

    if any(problem.rule == "meta-yaml" for problem in doc.problems):
        return findings  # reported by the scanner, with its line
    if doc.meta is None:
        add(0, "meta-missing", "error", "page has no front matter (--- title, type, topic, tags, sources, updated ---)")  # noqa: E501
    else:
        try:
            problems = check_schema(doc.meta, doc.locale)
        except Exception as error:  # noqa: BLE001 - odd values (e.g. unhashable tags) must not crash the run
            problems = []
            add(0, "meta-schema", "error", f"front matter cannot be checked: {error}")
        for problem in problems:
            rule_id = "meta-translation-hash" if problem.key == "translation_of" else "meta-schema"
            add(_key_offset(doc, problem.key), rule_id, "error", problem.message)
        for key in doc.meta:
            if key not in KNOWN:
                add(_key_offset(doc, str(key)), "meta-unknown-key", "warning",
                    f"unknown front matter key '{key}' (known: {', '.join(sorted(KNOWN))})")
    if doc.locale == "en":
        source = doc.path.with_name(doc.path.name[: -len(".en.md")] + ".md")
        if not source.is_file():
            add(0, "meta-translation-source", "error",
                f"English page without its Chinese source {source.name}")
        elif doc.meta is not None:
            source_meta = _source_meta(source, scanned)
            for key in MIRRORED:
                if source_meta and key in source_meta and key in doc.meta and doc.meta[key] != source_meta[key]:  # noqa: E501
                    add(_key_offset(doc, key), "meta-translation-mismatch", "error",
                        f"{key} is {doc.meta[key]!r} here but {source_meta[key]!r} in {source.name}",
                        str(source_meta[key]))
    return findings
