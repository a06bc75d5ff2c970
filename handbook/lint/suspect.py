"""A detector of misspellings that no list names (rule `wording-suspect`, a warning).

A pinyin input method turns 心甘情愿 into 心杆情愿 and 改善 into 该善: the wrong character sounds
like the right one, and the result is no word. jieba then cuts it into single characters
(心|杆|情愿, 该|善). The detector looks for exactly that, deterministically:

1. Segment the text (handbook.lint.segment: jieba's dictionary, no HMM, glossary terms added).
2. Every token of one Han character that is not a numeral, nor among the most frequent
   characters (function words mostly), and that an input method offers early (OFFERED) is a
   suspect. For every span of whole tokens that holds the suspect and is 2 to 4 characters
   long (4 only when the replacement is an idiom), and is not itself a word of jieba's
   dictionary, look up the words that equal the span except at the suspect's place, where they
   have a character with one of the suspect's readings (toneless pinyin from pypinyin's
   character table, every reading of a polyphone). Candidate words are the words of jieba's
   dictionary of 2 to 4 characters with a frequency of at least MIN_FREQUENCY, and the idioms
   of data/idioms.txt.
3. Score a candidate by how much likelier jieba's unigram model finds the corrected span as one
   word than the original tokens: score = ln f(word) - sum(ln f(token)) + (n - 1) ln F, with f
   the dictionary frequency (an idiom missing from the dictionary counts IDIOM_FREQUENCY; a
   token missing counts 1), n the number of tokens in the span and F the sum of all
   frequencies. A span is reported when its best candidate scores at least THRESHOLD; among
   candidates of one span the highest score wins, ties going to the word first in Unicode
   order; overlapping reports keep the leftmost, then the highest scoring.

The thresholds are set on a development set (scripts/wording_devset.py: real sentences with
one word corrupted the way input methods do) and its false alarms on the same sentences written
correctly; `make bench` prints both.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from itertools import compress
from pathlib import Path

from handbook import DATA
from handbook.lint.segment import Tokens

MIN_FREQUENCY = 200
IDIOM_FREQUENCY = 50
THRESHOLD = 8.5
STOP_FREQUENCY = 40000
# The characters an input method offers among its first candidates for a reading: single-character
# words at least this frequent. A slip of the input method puts one of them in a word, so a rarer
# character (储 of 储血, 蚤 of 蚤类) is taken as written; the development set corrupts with these too.
OFFERED = 500
SURE = 10.5  # a score reported even when the form recurs in the text
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Suspect:
    start: int
    end: int
    wrong: str
    right: str
    score: float


@dataclass
class Lexicon:
    frequency: dict[str, int]
    log_total: float
    readings: dict[str, tuple[str, ...]]
    # (span with "?" at one place, toneless reading of that place) -> candidate words
    index: dict[tuple[str, str], tuple[str, ...]]
    idioms: frozenset[str]
    # A suspect's reading with the character before it ("x" + reading) or after it (reading +
    # "|" + "x") as some candidate word has them: a suspect with neither has no candidate.
    beside: frozenset[str]
    stop: frozenset[str]  # the most frequent characters, function words mostly: never suspects
    suspects: frozenset[str]  # the characters that are suspects when they are a token of their own
    quiet_before: frozenset[str]  # a span followed by one of these words is a name (data/wording.yml)


def _jieba_dictionary_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed (pip install -r requirements.txt)")
    return Path(spec.origin).with_name("dict.txt")


def _jieba_dictionary() -> dict[str, int]:
    path = _jieba_dictionary_path()
    frequency: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split(" ", 2)
            if len(parts) >= 2:
                frequency[parts[0]] = int(parts[1])
    return frequency


def load_idioms(path: Path = DATA / "idioms.txt") -> frozenset[str]:
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


# Toned pinyin vowels to plain letters (ü as v, as typed on a keyboard).
TONELESS = str.maketrans({**{char: "a" for char in "āáǎà"}, **{char: "e" for char in "ēéěèế"},
                          **{char: "i" for char in "īíǐì"}, **{char: "o" for char in "ōóǒò"},
                          **{char: "u" for char in "ūúǔù"}, **{char: "v" for char in "üǖǘǚǜ"},
                          **{char: "n" for char in "ńňǹ"}, "ḿ": "m"})


def _readings() -> dict[str, tuple[str, ...]]:
    """Every toneless reading of every CJK character, from pypinyin's character table."""
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, tuple[str, ...]] = {}
    for code, value in pinyin_dict.items():
        if 0x4E00 <= code <= 0x9FFF:
            table[chr(code)] = tuple(dict.fromkeys(value.translate(TONELESS).split(",")))
    return table


# Built tables are kept in .cache/ (about 13 MB): loading them takes a fifth of building them.
CACHE = DATA.parent / ".cache"
CACHE_VERSION = 2


def _tables() -> tuple[dict[str, int], dict[str, tuple[str, ...]],
                       dict[tuple[str, str], tuple[str, ...]], frozenset[str], frozenset[str]]:
    """jieba's frequencies, the readings, the candidate index, the idioms and the neighbours
    (Lexicon.beside), from the cache when its key (the inputs and the settings they are built
    with) still matches."""
    # Neither package is imported for the key: importing pypinyin loads its phrase table (seconds).
    idioms_path = DATA / "idioms.txt"
    dictionary = _jieba_dictionary_path()
    key = hashlib.sha256(repr((
        CACHE_VERSION, MIN_FREQUENCY, metadata.version("pypinyin"), dictionary.stat().st_size,
        hashlib.sha256(idioms_path.read_bytes()).hexdigest() if idioms_path.is_file() else "",
    )).encode()).hexdigest()[:16]
    path = CACHE / f"wording-lexicon-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - a file this module wrote, under the project's own .cache
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        pass
    frequency = _jieba_dictionary()
    idioms = load_idioms(idioms_path)
    readings = _readings()
    index: dict[tuple[str, str], list[str]] = {}
    words = [word for word, count in frequency.items()
             if 2 <= len(word) <= 3 and count >= MIN_FREQUENCY and HAN.fullmatch(word)]
    words += [word for word in idioms if len(word) in (3, 4)]
    for word in dict.fromkeys(words):
        for place, char in enumerate(word):
            mask = word[:place] + "?" + word[place + 1:]
            for reading in readings.get(char, ()):
                index.setdefault((mask, reading), []).append(word)
    beside: set[str] = set()
    for mask, reading in index:
        place = mask.index("?")
        if place:
            beside.add(mask[place - 1] + reading)
        if place + 1 < len(mask):
            beside.add(reading + "|" + mask[place + 1])
    tables = (frequency, readings, {key: tuple(sorted(value)) for key, value in index.items()}, idioms,
              frozenset(beside))
    try:
        CACHE.mkdir(exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(tables, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        for old in CACHE.glob("wording-lexicon-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout: build the tables every time
    return tables


@cache
def lexicon() -> Lexicon:
    frequency, readings, frozen, idioms, beside = _tables()
    total = sum(frequency.values())
    stop = frozenset(word for word, count in frequency.items() if len(word) == 1 and count >= STOP_FREQUENCY)
    # A suspect: a character with a reading, offered by an input method, not a numeral nor a stop
    # character, that is a token of its own.
    suspects = frozenset(char for char in readings if char not in stop and char not in NUMERALS
                         and frequency.get(char, 0) >= OFFERED)
    return Lexicon(frequency, math.log(total), readings, frozen, idioms, beside, stop, suspects,
                   _quiet_before())


def _quiet_before() -> frozenset[str]:
    from handbook.lint.terms import load_wording_data

    return frozenset(load_wording_data().get("suspect_quiet_before") or ())


def detect(text: str, tokens: Tokens | None = None) -> list[Suspect]:
    """Suspected misspellings in `text` (offsets into `text`), leftmost first."""
    lex = lexicon()
    tokens = tokens or Tokens(text)
    words = tokens.words
    if not words:
        return []
    frequency = lex.frequency
    readings = lex.readings
    index = lex.index
    idioms = lex.idioms
    quiet = lex.quiet_before
    beside = lex.beside
    after = ""
    found: list[Suspect] = []
    count = len(words)
    seen: dict[str, int] = {}
    # The suspect tokens, picked out in C (a set of single characters holds no longer token).
    for i in compress(range(count), map(lex.suspects.__contains__, words)):
        word = words[i]
        reading = readings[word][0]
        # A span that holds the token before (after) the suspect has a candidate only if some
        # candidate word has that character before (after) the suspect's reading.
        before = bool(i) and words[i - 1][-1] + reading in beside
        beyond = i + 1 < count and reading + "|" + words[i + 1][0] in beside
        if not (before or beyond):
            continue
        best: Suspect | None = None
        left = 0
        for first in range(i, max(-1, i - 4), -1):
            if first < i:
                if not before:
                    break
                size = len(words[first])
                if size > 3 or not _han(words[first]):
                    break
                left += size
                if left > 3:
                    break
            length = left
            for last in range(i, min(count, i + 4)):
                if last > i:
                    if not beyond:
                        break
                    size = len(words[last])
                    if size > 3 or not _han(words[last]):
                        break
                    length += size
                else:
                    length += 1
                if length > 4:
                    break
                if length < 2:
                    continue
                span = "".join(words[first:last + 1])
                if span in frequency:
                    continue
                mask = span[:left] + "?" + span[left + 1:]
                for candidate in index.get((mask, reading), ()):
                    if length == 4 and candidate not in idioms:
                        continue
                    score = _score(lex, candidate, words[first:last + 1])
                    if score >= THRESHOLD and (best is None or score > best.score):
                        ends = tokens.ends
                        best = Suspect(ends[first] - len(words[first]), ends[last], span, candidate, score)
                        after = words[last + 1] if last + 1 < count else ""
        if best is not None:
            if after in quiet:
                continue  # 琯头社区, 乌屿菜市场: a name before a place word
            repeats = seen.get(best.wrong)
            if repeats is None:
                repeats = seen[best.wrong] = text.count(best.wrong)
            if repeats > 1 and best.score < SURE:
                continue  # a form the text uses again is likely a term of its own, not a slip
            found.append(best)
    return _leftmost(found)


def _han(word: str) -> bool:
    return "\u4e00" <= word[0] <= "\u9fff"


def _score(lex: Lexicon, candidate: str, parts: list[str]) -> float:
    frequency = lex.frequency
    value = math.log(max(frequency.get(candidate, 0), IDIOM_FREQUENCY if candidate in lex.idioms else 1))
    for part in parts:
        value -= math.log(frequency.get(part, 1))
    return value + (len(parts) - 1) * lex.log_total


def _leftmost(found: list[Suspect]) -> list[Suspect]:
    found.sort(key=lambda item: (item.start, -item.score, item.right))
    kept: list[Suspect] = []
    last_end = -1
    for item in found:
        if item.start >= last_end:
            kept.append(item)
            last_end = item.end
    return kept
