"""The search pack written from Material's index: stub, vocabulary, sections, listing pages left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.search import search_pack
from handbook.search.search_split import INDEX

ZWSP = "\u200b"
CONFIG = {"lang": ["zh"], "separator": r"[\s\u200b\-]+", "pipeline": [], "fields": {}}
DOCS = [
    {"location": "topics/x/", "title": f"黑{ZWSP}网吧{ZWSP}治理", "text": f"<p>查处{ZWSP}黑网吧{ZWSP}。</p>",
     "tags": ["县级部门"]},
    {"location": "topics/x/#a", "title": f"门前三包{ZWSP}责任书",
     "text": f"<p>签订{ZWSP}责任书 &amp; GB/T</p>", "tags": ["县级部门"]},
    {"location": "topics/y/", "title": "Café rules", "text": "<p>Inspections of cafés</p>"},
]


def test_pack_keeps_jieba_words_and_drops_zero_width_spaces() -> None:
    pack = search_pack.pack({"config": CONFIG, "docs": DOCS})
    words = pack["words"].split()
    assert {"网吧", "黑网吧", "治理", "门前三包", "责任书", "查处", "签订"} <= set(words)
    assert "黑" not in words  # single characters are the worker's fallback, not vocabulary
    assert ZWSP not in json.dumps(pack, ensure_ascii=False)
    assert pack["pages"] == [["topics/x/", "黑网吧治理", ["县级部门"]], ["topics/y/", "Café rules", []]]
    assert search_pack.locations(pack) == ["topics/x/", "topics/x/#a", "topics/y/"]


@pytest.mark.parametrize(("lang", "latin"), [
    (["zh"], set()),
    (["en"], {"cafe", "cafes", "inspections", "rules"}),
])
def test_english_packs_list_latin_words_without_accents(lang: list[str], latin: set[str]) -> None:
    pack = search_pack.pack({"config": {**CONFIG, "lang": lang}, "docs": DOCS})
    words = {w for w in pack["words"].split() if w.isascii()}
    assert latin <= words
    if not latin:
        assert not words


def test_write_replaces_the_index_by_a_stub_and_a_hashed_pack(tmp_path: Path) -> None:
    for prefix in ("", "en/"):
        target = tmp_path / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": CONFIG, "docs": DOCS}), encoding="utf-8")
    written = search_pack.write(tmp_path, {"zh": "", "en": "en/"})
    assert set(written) == {"zh", "en"}
    stub = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["handbook"]["index"].startswith("search/index.")
    assert json.loads((tmp_path / "en" / INDEX).read_text(encoding="utf-8"))["config"]["handbook"]["index"] \
        .startswith("en/search/index.")
    assert search_pack.read(tmp_path, "en/")["sections"][0][2] == "黑网吧治理"
    # A second call (static-i18n's nested build) leaves the packed index alone.
    assert search_pack.write(tmp_path, {"zh": "", "en": "en/"}) == {}


@pytest.mark.parametrize(("markdown", "excluded"), [
    ("# 标签\n\n<!-- material/tags -->\n", True),
    ("# 网吧\n\n正文\n", False),
])
def test_the_tags_listing_stays_out_of_search(markdown: str, excluded: bool) -> None:
    meta: dict = {}
    search_pack.exclude_listing(markdown, meta)
    assert bool(meta.get("search", {}).get("exclude")) is excluded
