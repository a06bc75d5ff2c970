"""The jieba user dictionary, generated from the glossary (terms and their aliases).

Loaded into jieba before Material's search plugin segments the pages, and written out as a
plain user-dictionary file for anyone who wants to inspect or reuse it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from handbook.data import glossary

# High enough that jieba keeps a glossary term whole instead of splitting it by its own counts.
FREQUENCY = 20000


def words() -> list[str]:
    seen: dict[str, None] = {}
    for entry in glossary():
        for form in [entry["term"], *(entry.get("aliases") or [])]:
            if form and " " not in form:
                seen.setdefault(form, None)
    return list(seen)


def user_dictionary() -> str:
    return "".join(f"{word} {FREQUENCY} n\n" for word in words())


def load_glossary_words() -> int:
    import jieba

    for word in words():
        jieba.add_word(word, freq=FREQUENCY)
    return len(words())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the jieba user dictionary made from data/glossary.yml."
    )
    parser.add_argument("output", type=Path, help="file to write, e.g. build/jieba_user_dict.txt")
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(user_dictionary(), encoding="utf-8")
    print(f"wrote {len(words())} words to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
