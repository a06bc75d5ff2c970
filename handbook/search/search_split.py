"""Give each language its own search index, written compactly.

mkdocs-static-i18n merges the entries of every language into one index. A reader on `/` must
only find Chinese pages and a reader on `/en/` only English ones, and each index must use the
pipeline of its language: English needs lunr's stemmer on both the index and the query, Chinese
relies on the jieba segmentation done at build time.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def _belongs(location: str, prefix: str, other_prefixes: list[str]) -> bool:
    if prefix:
        return location.startswith(prefix)
    return not location.startswith(tuple(other_prefixes))


PIPELINES = {
    # lunr's English pipeline, stemmer included: the query is stemmed like the index.
    "en": ["trimmer", "stopWordFilter", "stemmer"],
}


def split_index(
    site_dir: Path, languages: dict[str, str], fallbacks: set[str] = frozenset()
) -> dict[str, int]:
    """Rewrite each language's index with only its own entries.

    `languages` maps a locale to its URL prefix ("" for the default language, "en/" …).
    `fallbacks` are page URLs (such as "en/x/") that show a default-language page under another
    language's prefix because it has no translation: they are left out of that index.
    Returns the number of entries written per locale.
    """
    merged = site_dir / INDEX
    if not merged.is_file():
        return {}
    data = json.loads(merged.read_text(encoding="utf-8"))
    docs = data["docs"]
    # Entries may come from both builds; later files under en/ also hold the English build's own.
    for prefix in languages.values():
        if prefix and (site_dir / prefix / INDEX).is_file():
            extra = json.loads((site_dir / prefix / INDEX).read_text(encoding="utf-8"))["docs"]
            known = {entry["location"] for entry in docs}
            docs.extend(entry for entry in extra if entry["location"] not in known)
    others = [prefix for prefix in languages.values() if prefix]
    counts: dict[str, int] = {}
    for locale, prefix in languages.items():
        entries = []
        for entry in docs:
            page_url = entry["location"].split("#", 1)[0]
            if not _belongs(entry["location"], prefix, others) or page_url in fallbacks:
                continue
            if prefix:
                # The English index is served from /en/, so its locations are relative to it.
                entry = {**entry, "location": entry["location"][len(prefix) :]}
            entries.append(entry)
        config = dict(data["config"])
        config["lang"] = [locale]
        if locale in PIPELINES:
            config["pipeline"] = PIPELINES[locale]
        else:
            # The stemmer would only touch the Latin words inside Chinese pages, and the query
            # side does not stem them for a non-English language: leave it out of both.
            config["pipeline"] = [fn for fn in config.get("pipeline", []) if fn != "stemmer"]
        out = site_dir / prefix / INDEX
        out.parent.mkdir(parents=True, exist_ok=True)
        # ensure_ascii=False: Chinese as UTF-8 costs 3 bytes a character, not 6 for a \\uXXXX escape.
        out.write_text(
            json.dumps({"config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
        counts[locale] = len(entries)
    return counts
