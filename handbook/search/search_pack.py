"""The handbook's search index: one compact file per language, loaded on first use of the search box.

Material's search plugin writes `search/search_index.json` (split per language by
handbook.search.search_split), with the text of every section segmented by jieba (the glossary in its
dictionary) and the words joined by zero-width spaces. Material's bundle downloads that file on
every page view. Here it is rewritten into two files:

- `search/search_index.json`: a stub of a few hundred bytes, all Material's bundle downloads when a
  page loads (it needs the configuration for highlighting `?h=` on the page a result leads to). Its
  `config.handbook.index` names the real index.
- `search/index.<hash>.json`: the head of the pack read by the handbook's search worker
  (handbook/search/search_worker.js) on first use: pages (location, title, tags), sections (page, anchor,
  title) and the vocabulary: every word of two or more Han characters that jieba cut the text into
  (and, for English, every Latin word, to be stemmed). The worker cuts the query by longest match
  against this vocabulary and finds its words in the text as they stand, so that index and query
  agree on what a word is. `texts` names the second file.
- `search/texts.<hash>.json`: the text of every section (without the zero-width spaces), in the
  order of the head's sections. It is six sevenths of the bytes: the worker answers from titles,
  headings and tags as soon as the head is in (on a slow phone link the whole pack takes over a
  second) and answers again, from everything, when the texts arrive.

The offline edition inlines the pack into `search/search_index.js` instead (handbook.export.offline).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from pathlib import Path

from handbook.search.search_split import INDEX

ZWSP = "\u200b"
# A word of the vocabulary: Han characters only, at least two (single characters are the worker's
# fallback and need no list).
_HAN_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
_TAG = re.compile(r"<[^>]*>")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
VERSION = 1


def _plain(text: str) -> str:
    """Text as the worker reads it: tags out, entities decoded, accents dropped, lower case."""
    text = html.unescape(_TAG.sub(" ", text))
    text = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def vocabulary(docs: list[dict], separator: str, latin: bool = False) -> list[str]:
    """The Han words of two characters or more that the build's segmentation produced, sorted;
    with `latin`, also every Latin word (lower case, no accents), which the worker stems once each
    instead of scanning the text for them."""
    split = re.compile(separator)
    words: set[str] = set()
    for doc in docs:
        for field in (doc.get("title", ""), _TAG.sub(" ", doc.get("text", ""))):
            for token in split.split(field):
                if _HAN_WORD.fullmatch(token):
                    words.add(token)
        if latin:
            words.update(_LATIN_WORD.findall(_plain(doc.get("title", "") + " " + doc.get("text", ""))))
            words.update(_LATIN_WORD.findall(_plain(" ".join(doc.get("tags") or []))))
    return sorted(words)


def pack(index: dict) -> dict:
    """The worker's pack made from one language's Material index (`{"config", "docs"}`)."""
    config = index["config"]
    pages: list[list] = []
    sections: list[list] = []
    by_page: dict[str, int] = {}
    for doc in index["docs"]:
        location = doc["location"]
        path, _, anchor = location.partition("#")
        title = doc.get("title", "").replace(ZWSP, "")
        text = doc.get("text", "").replace(ZWSP, "")
        if path not in by_page:
            by_page[path] = len(pages)
            pages.append([path, title, doc.get("tags") or []])
        sections.append([by_page[path], anchor, title, text])
    english = "en" in config.get("lang", ())
    return {
        "version": VERSION,
        "lang": config.get("lang", []),
        "words": " ".join(vocabulary(index["docs"], config["separator"], latin=english)),
        "pages": pages,
        "sections": sections,
    }


def stub(config: dict, index_url: str) -> dict:
    """What Material's bundle downloads on page load: configuration and the name of the pack."""
    return {"config": {**config, "handbook": {"index": index_url}}, "docs": []}


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write(site_dir: Path, prefixes: dict[str, str]) -> dict[str, Path]:
    """Replace each language's `search/search_index.json` by a stub and its pack; return the packs."""
    written: dict[str, Path] = {}
    for locale, prefix in (prefixes or {"": ""}).items():
        material = site_dir / prefix / INDEX
        if not material.is_file():
            continue
        index = json.loads(material.read_text(encoding="utf-8"))
        if "handbook" in index["config"]:
            continue  # already packed (a second on_post_build of the same build)
        whole = pack(index)
        texts = _dump([section[3] for section in whole["sections"]])
        texts_name = f"{prefix}search/texts.{_digest(texts)}.json"
        titles = [section[:3] for section in whole["sections"]]
        head = _dump({**whole, "sections": titles, "texts": texts_name})
        name = f"index.{_digest(head)}.json"
        for old in [*material.parent.glob("index.*.json"), *material.parent.glob("texts.*.json")]:
            old.unlink()
        (site_dir / texts_name).write_text(texts, encoding="utf-8")
        target = material.parent / name
        target.write_text(head, encoding="utf-8")
        config = {key: value for key, value in index["config"].items() if key != "pipeline"}
        material.write_text(_dump(stub(config, f"{prefix}search/{name}")), encoding="utf-8")
        written[locale] = target
    return written


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()[:10]


def read(site_dir: Path, prefix: str = "") -> dict:
    """The whole pack (head and texts joined, as `pack` made it) of the language under `prefix`
    ("" or "en/") of a built site."""
    stub_data = json.loads((site_dir / prefix / INDEX).read_text(encoding="utf-8"))
    head = site_dir / stub_data["config"]["handbook"]["index"]
    return join(site_dir, json.loads(head.read_text(encoding="utf-8")))


def join(site_dir: Path, head: dict) -> dict:
    """A head with its texts put back into its sections: the whole pack."""
    texts = json.loads((site_dir / head["texts"]).read_text(encoding="utf-8"))
    if len(texts) != len(head["sections"]):
        raise ValueError(f"{head['texts']}: {len(texts)} texts for {len(head['sections'])} sections")
    whole = {key: value for key, value in head.items() if key != "texts"}
    whole["sections"] = [[*section, text] for section, text in zip(head["sections"], texts, strict=True)]
    return whole


def locations(data: dict) -> list[str]:
    """Every section's location ("x/", "x/#anchor") of a pack, in order."""
    return [data["pages"][page][0] + (f"#{anchor}" if anchor else "")
            for page, anchor, _, _ in data["sections"]]


# Material's tags plugin writes its listing of every page by tag where this marker stands.
TAGS_LISTING = "<!-- material/tags -->"


def exclude_listing(markdown: str, meta: dict) -> None:
    """Keep the page listing every page by tag out of search: its text only repeats other pages'
    titles, so it would come first for any word of a title without being what anyone looks for."""
    if TAGS_LISTING in markdown:
        meta["search"] = {**(meta.get("search") or {}), "exclude": True}
