"""Search from the header, in a real browser: Chinese words, English stemming, one language per index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browserkit import search

HAN = re.compile(r"[\u4e00-\u9fff]")
ZWSP = "\u200b"


@pytest.mark.parametrize(("query", "expected", "within"), [
    ("黑网吧", "topics/internet-cafes/", 5),
    ("五小行业", "topics/five-small/", 10),
    ("志愿服务", "topics/volunteering/", 5),
    ("门前三包", "topics/cityscape/", 10),
])
def test_chinese_search_finds_the_topic(site_server: str, page, query: str, expected: str,
                                        within: int) -> None:
    results = search(page, site_server, query)
    assert results, f"no result for {query}"
    assert any(path.startswith(expected) for path in results[:within]), (query, results[:within])
    assert not any(path.startswith("en/") for path in results), results


def _rare_middle_word(site: Path) -> tuple[str, str, str]:
    """(middle word, heading, page path) of a Chinese heading whose middle word is rarest in the index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    counts: dict[str, int] = {}
    for entry in index["docs"]:
        for token in set(separator.split(entry["title"] + " " + entry["text"])):
            counts[token] = counts.get(token, 0) + 1
    candidates = []
    for entry in index["docs"]:
        if "#" not in entry["location"]:
            continue
        tokens = [t for t in separator.split(entry["title"]) if t]
        heading = entry["title"].replace(ZWSP, "")
        if len(tokens) >= 3 and all(HAN.match(ch) for ch in heading):
            middle = tokens[1]
            if len(middle) >= 2 and HAN.match(middle):
                candidates.append((counts.get(middle, 0), middle, heading, entry["location"].split("#")[0]))
    assert candidates, "no Chinese heading of three words or more"
    _, middle, heading, location = min(candidates)
    return middle, heading, location


def test_a_word_from_the_middle_of_a_heading_finds_it(built_site: Path, site_server: str, page) -> None:
    middle, heading, location = _rare_middle_word(built_site)
    results = search(page, site_server, middle)
    assert location in results, (middle, heading, location, results[:10])


def test_search_on_root_shows_only_chinese_pages(site_server: str, page) -> None:
    # An English word that occurs on English pages and, as a rendering, in the Chinese glossary.
    for query in ("volunteer", "志愿"):
        results = search(page, site_server, query)
        assert not any(path.startswith("en/") for path in results), (query, results)


@pytest.mark.parametrize("query", ["volunteer", "inspection", "market", "志愿服务"])
def test_search_on_en_shows_only_english_pages(site_server: str, page, query: str) -> None:
    results = search(page, site_server + "en/", query)
    assert all(path.startswith("en/") for path in results), (query, results)
    for path in results[:5]:
        page.goto(site_server + path)
        assert page.locator("html").get_attribute("lang") == "en", path
        assert page.locator(".untranslated-banner").count() == 0, path


@pytest.mark.parametrize(("words", "expected"), [
    (["volunteer", "volunteers", "volunteering"], "en/topics/volunteering/"),
    (["inspection", "inspections", "inspecting"], "en/topics/"),
    (["market", "markets"], "en/topics/markets/"),
])
def test_english_search_stems_words(site_server: str, page, words: list[str], expected: str) -> None:
    """Every form of a word finds the same pages: the index is stemmed and so is the query."""
    found = {word: search(page, site_server + "en/", word) for word in words}
    for word, results in found.items():
        assert any(path.startswith(expected) for path in results[:10]), (word, results[:10])
    first = found[words[0]]
    for word in words[1:]:
        assert set(found[word][:10]) == set(first[:10]), (words[0], word)
