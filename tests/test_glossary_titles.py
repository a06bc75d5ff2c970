"""One English title per law or regulation: the glossary's.

A glossary entry with `document: true` is the title of a public document (data/glossary.yml). On an
English page, an English title that names the same document in other words, such as "Regulations on
Hygiene in Public Places" beside the glossary's "Regulations on Hygiene Management in Public Places",
leaves readers unsure whether two pages cite one regulation. Two titles name the same document when
their distinctive words agree: the words left once the words every translator varies or adds
(Regulations/Law/Rules, Administration/Management, "of the People's Republic of China", the small
joining words) are set aside.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.data import glossary
from tests.sitebuild import ROOT

DOCS = ROOT / "docs"

# The word a document title turns on: "Regulations on …", "Law of … on …", "Measures for …".
HEAD = re.compile(r"\b(?:Regulations?|Laws?|Measures|Provisions|Rules|Opinions?|Decisions?|Outline|"
                  r"Guidelines?|Standards?)\s+(?:on|of|for|concerning|governing)\b")
SMALL = {"of", "on", "in", "the", "for", "and", "to", "at", "by", "with", "against", "a", "an",
         "concerning", "governing"}
# Words that translations of one Chinese title add, drop or swap (管理 is "administration" or
# "management"; 条例 "regulation(s)"; 中华人民共和国 "of the People's Republic of China").
GENERIC = {"regulation", "regulations", "law", "laws", "measures", "provisions", "rules", "administration",
           "management", "people's", "people’s", "republic", "china", "prc"}
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _is_title_word(word: str) -> bool:
    return word[0].isupper() or word.lower() in SMALL


def distinctive(title: str) -> frozenset[str]:
    """The words of a title that say which document it is."""
    return frozenset(w.lower() for w in WORD.findall(title)
                     if w.lower() not in SMALL and w.lower() not in GENERIC)


def titles(text: str) -> list[str]:
    """Every English document title in a text.

    From each head word the title runs on over capitalised and small words, one space apart, and
    back over capitalised words just before it ("Food Safety Law of …", "Implementing Rules of …").
    """
    found = []
    for head in HEAD.finditer(text):
        end = head.end()
        for word in WORD.finditer(text, head.end()):
            if text[end:word.start()] != " " or not _is_title_word(word.group(0)):
                break
            end = word.end()
        title = text[head.start():end]
        while title.rsplit(None, 1)[-1].lower() in SMALL and " " in title:
            title = title.rsplit(None, 1)[0]
        start = head.start()
        while (previous := re.search(r"([A-Z][\w'’-]*) $", text[max(0, start - 40):start])) is not None:
            start -= min(start, 40) - previous.start(1)
        found.append(text[start:head.start()] + title)
    return found


def short_forms(english: str) -> set[str]:
    """The glossary title and its usual short form without "of the People's Republic of China"."""
    return {english, re.sub(r"\s+of the People['’]s Republic of China", "", english)}


def misnamed(text: str, english: str) -> list[str]:
    """Titles in a text that name the document whose glossary title is `english`, in other words."""
    key, accepted = distinctive(english), short_forms(english)
    wrong = []
    for title in titles(text):
        if distinctive(title) != key or title in english or any(form in title for form in accepted):
            continue
        wrong.append(title)
    return wrong


def _document_entries() -> list[dict]:
    return [entry for entry in glossary() if entry.get("document")]


def _english_texts() -> list[tuple[str, str]]:
    texts = [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
             for path in sorted(DOCS.rglob("*.en.md"))]
    texts += [(f"data/glossary.yml: {entry['id']}", entry.get("en_definition") or "") for entry in glossary()]
    return texts


def test_glossary_names_document_titles() -> None:
    entries = _document_entries()
    assert entries, "no glossary entry carries document: true"
    for entry in entries:
        assert "《" not in entry["term"], entry["term"]
        assert HEAD.search(entry["en"]), f"{entry['en']}: not recognisable as a document title"
        assert distinctive(entry["en"]), entry["en"]


@pytest.mark.parametrize("entry", _document_entries(), ids=lambda e: e["id"])
def test_english_pages_use_the_glossary_title(entry: dict) -> None:
    problems = [f"{where}: “{found}” (glossary: “{entry['en']}”)"
                for where, text in _english_texts() for found in misnamed(text, entry["en"])]
    assert not problems, "\n".join(problems)


GLOSSARY_TITLE = "Regulations on Hygiene Management in Public Places"


@pytest.mark.parametrize(("text", "expected"), [
    ("Key points of the Regulations on Hygiene in Public Places",
     ["Regulations on Hygiene in Public Places"]),
    ("see the *Regulations on the Administration of Hygiene in Public Places* (《公共场所卫生管理条例》)",
     ["Regulations on the Administration of Hygiene in Public Places"]),
    ("No: Hygiene Regulations of Public Places, see page 3", ["Hygiene Regulations of Public Places"]),
    ("the Public Places Hygiene Management Regulations on file",
     ["Public Places Hygiene Management Regulations"]),
    # The glossary title itself, also inside a longer title or before other words.
    ("the Regulations on Hygiene Management in Public Places and their implementing rules", []),
    ("Implementing Rules of the Regulations on Hygiene Management in Public Places", []),
    # Another document: report 3's short name, which the pages quote as written.
    ('Report 3 writes "Regulations on Public Places Management"', []),
    ("the Regulations on the Administration of Business Sites of Internet Access Services", []),
])
def test_misnamed_finds_other_renderings_of_the_same_title(text: str, expected: list[str]) -> None:
    assert misnamed(text, GLOSSARY_TITLE) == expected


LAW_TITLE = "Law of the People's Republic of China on the Protection of Minors"


@pytest.mark.parametrize(("text", "expected"), [
    ("Article 58 of the Law on the Protection of Minors", []),  # the usual short form
    (f"the {LAW_TITLE}", []),
    ("the Minors Protection Law of the People's Republic of China",
     ["Minors Protection Law of the People's Republic of China"]),
    ("the Law on Protecting Minors", []),  # "protecting" is another word: not recognised, not flagged
])
def test_short_forms_of_law_titles_pass(text: str, expected: list[str]) -> None:
    assert misnamed(text, LAW_TITLE) == expected


def test_the_test_reads_every_english_page() -> None:
    pages = [where for where, _ in _english_texts() if where.endswith(".en.md")]
    assert len(pages) == len(list(Path(DOCS).rglob("*.en.md"))) > 100
