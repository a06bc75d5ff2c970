"""Search from the header, in a real browser: Chinese words, English stemming, one language per index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browserkit import search

HAN = re.compile(r"[\u4e00-\u9fff]")


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
    """(middle word, heading, page path) of a Chinese heading whose middle word is rarest in the index.

    Words as the build's segmenter (jieba, with the glossary) cuts the heading."""
    import jieba

    from handbook import jieba_dict
    from handbook.search import search_pack

    jieba_dict.load_glossary_words()
    pack = search_pack.read(site)
    text = "".join(section[2] + section[3] for section in pack["sections"])
    candidates = []
    for location, (_, anchor, heading, _) in zip(search_pack.locations(pack), pack["sections"], strict=True):
        if not anchor or not all(HAN.match(ch) for ch in heading):
            continue
        tokens = jieba.lcut(heading)
        if len(tokens) >= 3 and len(tokens[1]) >= 2:
            candidates.append((text.count(tokens[1]), tokens[1], heading, location.split("#")[0]))
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
