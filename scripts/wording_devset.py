#!/usr/bin/env python3
"""The development set of the misspelling detector (rule wording-suspect), and its scores.

Cases are real sentences (the edited law texts of ../shared/corpora/official-edited and the
source reports) in which one common word or idiom is corrupted the way a pinyin input method
corrupts it: one character replaced by another common character with the same toneless pinyin
(the reading of that character in that word, from pypinyin), such that the result is no word
of jieba's dictionary. A case counts as

  flagged     when a wording-suspect finding covers the replaced character,
  corrected   when that finding's suggestion is the original text of its span,
  false alarm when the same sentence written correctly gets any wording-suspect finding.

The public lists are scored too: each wrong form of data/wording.yml taken from a public list
of frequent misspellings, in a carrier sentence, must be flagged by its list rule.

    python scripts/wording_devset.py [--cases 600] [--seed 2] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.lint import suspect, terms  # noqa: E402
from handbook.lint.segment import Tokens  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "official-edited"
REPORTS = ROOT.parent / "shared" / "sources"
SENTENCE = re.compile(r"[^。；！？\n]{8,80}[。；！？]")
COMMON_WORD = 2000  # a "common word": a jieba word of two characters at least this frequent
PUBLIC_SOURCES = ("ywjz-100", "ywjz-2006", "ywjz-2011", "ywjz-2013", "ywjz-2014", "ywjz-2016",
                  "ywjz-2018", "ywjz-2019", "ywjz")


@dataclass
class Case:
    right: str  # the sentence as written
    wrong: str  # the same sentence with one character replaced
    place: int  # offset of the replaced character
    word: str  # the word it belonged to


def _gb2312(char: str) -> bool:
    """Whether an input method offers `char` among its first candidates: a GB 2312 character."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def sentences() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.md"))
             if path.name != "_index.md"]
    texts += [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
    found: list[str] = []
    for text in texts:
        for match in SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            if sum("\u4e00" <= char <= "\u9fff" for char in sentence) >= 0.8 * len(sentence):
                found.append(sentence)
    return sorted(set(found))


def generate(count: int, seed: int) -> list[Case]:
    from pypinyin import Style, lazy_pinyin

    lex = suspect.lexicon()
    frequency = lex.frequency
    by_reading: dict[str, list[str]] = {}
    for char, readings in lex.readings.items():
        if frequency.get(char, 0) >= suspect.OFFERED and _gb2312(char):
            # An input method ranks a character first under its main reading.
            by_reading.setdefault(readings[0], []).append(char)
    rng = random.Random(seed)
    pool = sentences()
    rng.shuffle(pool)
    cases: list[Case] = []
    for sentence in pool:
        if len(cases) >= count:
            break
        tokens = Tokens(sentence)
        choices = [(index, word) for index, word in enumerate(tokens.words)
                   if (len(word) == 2 and frequency.get(word, 0) >= COMMON_WORD) or word in lex.idioms]
        if not choices:
            continue
        index, word = rng.choice(choices)
        start = tokens.start_of(index)
        place = rng.randrange(len(word))
        reading = lazy_pinyin(word, style=Style.NORMAL)[place].replace("ü", "v")
        options = [char for char in by_reading.get(reading, ()) if char != word[place]
                   and word[:place] + char + word[place + 1:] not in frequency]
        if not options:
            continue
        char = rng.choice(sorted(options))
        wrong = sentence[:start + place] + char + sentence[start + place + 1:]
        cases.append(Case(sentence, wrong, start + place, word))
    return cases


def score(cases: list[Case], show: int = 0) -> dict[str, float]:
    flagged = corrected = alarms = 0
    misses: list[str] = []
    false: list[str] = []
    for case in cases:
        hits = [hit for hit in terms.lint_text(case.wrong) if hit.rule == "wording-suspect"]
        on_spot = [hit for hit in hits if hit.offset <= case.place < hit.offset + hit.length]
        if on_spot:
            flagged += 1
            hit = on_spot[0]
            if case.right[hit.offset:hit.offset + hit.length] == hit.suggestion:
                corrected += 1
        elif len(misses) < show:
            misses.append(f"  miss {case.wrong}  ({case.word})")
        clean = [hit for hit in terms.lint_text(case.right) if hit.rule == "wording-suspect"]
        if clean:
            alarms += 1
            if len(false) < show:
                hit = clean[0]
                false.append(f"  false {case.right[hit.offset:hit.offset + hit.length]}→{hit.suggestion}"
                             f"  in {case.right}")
    total = max(1, len(cases))
    for line in misses + false:
        print(line)
    return {"cases": len(cases), "flagged": flagged / total, "corrected": corrected / total,
            "false_alarms": alarms / total}


def public_lists() -> tuple[int, int, list[str]]:
    """(flagged, total, missed) for the wrong forms taken from public lists."""
    data = terms.load_wording_data()
    entries = [item for item in data.get("entries", []) if item.get("source") in PUBLIC_SOURCES]
    missed = []
    for item in entries:
        text = f"经核对：{item['wrong']}。"
        offset = len("经核对：")
        if not any(hit.offset <= offset < hit.offset + hit.length and hit.rule != "wording-suspect"
                   for hit in terms.lint_text(text)):
            missed.append(item["wrong"])
    return len(entries) - len(missed), len(entries), missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    args = parser.parse_args(argv)
    cases = generate(args.cases, args.seed)
    result = score(cases, args.show)
    print(f"detector on {result['cases']} corrupted sentences: {result['flagged']:.1%} flagged on the spot, "
          f"{result['corrected']:.1%} with the right suggestion; {result['false_alarms']:.1%} of the same "
          f"sentences written correctly get a false alarm")
    flagged, total, missed = public_lists()
    print(f"public lists of frequent misspellings: {flagged}/{total} flagged ({flagged / max(1, total):.1%})"
          + (f"; missed: {'、'.join(missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
