"""Tests on the built site: strictness, no third-party requests, front matter, search indexes, switcher."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from handbook.frontmatter import check, split_front_matter
from handbook.search import search_pack
from tests.sitebuild import ROOT, ensure_site

DOCS = ROOT / "docs"
HAN = re.compile(r"[\u4e00-\u9fff]")
ZWSP = "\u200b"


@pytest.fixture(scope="session")
def site() -> Path:
    return ensure_site()


@pytest.fixture(scope="session")
def html_pages(site: Path) -> dict[Path, BeautifulSoup]:
    return {
        path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")
    }


def _stub(site: Path, prefix: str) -> dict:
    """What Material's bundle downloads with every page: configuration and the name of the pack."""
    return json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def _index(site: Path, prefix: str) -> dict:
    """The language's search pack (handbook/search/search_pack.py), with its sections' locations as `docs`."""
    pack = search_pack.read(site, f"{prefix}/" if prefix else "")
    locations = search_pack.locations(pack)
    return {**pack, "docs": [{"location": location, "title": section[2]}
                             for location, section in zip(locations, pack["sections"], strict=True)]}


def _page_for(site: Path, prefix: str, location: str) -> Path:
    path = location.split("#", 1)[0]
    return site / prefix / path / "index.html" if not path.endswith(".html") else site / prefix / path


# --- strict build -------------------------------------------------------------------------------


def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path) -> None:
    """The site's validation settings turn a broken anchor into a failed strict build."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n[x](other.md#missing)\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Here {#here}\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\nmarkdown_extensions: [attr_list, toc]\nvalidation: {anchors: warn}\n", encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode != 0
    assert "#missing" in run.stderr
    site_config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+anchors: warn$", site_config, re.M)
    assert re.search(r"^strict: true$", site_config, re.M)


def test_site_was_built(site: Path) -> None:
    assert (site / "index.html").is_file()
    assert (site / "en" / "index.html").is_file()


# --- no third-party requests --------------------------------------------------------------------

LOADING = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
    "input": ["src"],
}
LINK_RELS_THAT_LOAD = {
    "stylesheet",
    "preload",
    "prefetch",
    "icon",
    "manifest",
    "modulepreload",
    "preconnect",
    "dns-prefetch",
    "apple-touch-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def _is_third_party(url: str) -> bool:
    url = url.strip().split()[0] if url.strip() else url
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme in {"http", "https"}


def test_no_page_loads_from_another_host(html_pages: dict[Path, BeautifulSoup]) -> None:
    offenders = []
    for path, soup in html_pages.items():
        for tag, attrs in LOADING.items():
            for element in soup.find_all(tag):
                for attr in attrs:
                    for value in (element.get(attr) or "").split(","):
                        if value.strip() and _is_third_party(value):
                            offenders.append(f"{path}: <{tag} {attr}={value.strip()}>")
        for element in soup.find_all("link"):
            rels = set(element.get("rel") or [])
            if rels & LINK_RELS_THAT_LOAD and _is_third_party(element.get("href", "")):
                offenders.append(f"{path}: <link rel={sorted(rels)} href={element['href']}>")
        for element in soup.find_all(style=True):
            for match in CSS_URL.finditer(element["style"]):
                if _is_third_party(match.group(1) or match.group(2)):
                    offenders.append(f"{path}: inline style loads {match.group(0)}")
        for style in soup.find_all("style"):
            for match in CSS_URL.finditer(style.get_text()):
                if _is_third_party(match.group(1) or match.group(2)):
                    offenders.append(f"{path}: <style> loads {match.group(0)}")
    assert not offenders, "\n".join(offenders[:20])


def test_no_stylesheet_loads_from_another_host(site: Path) -> None:
    offenders = [
        f"{css}: {match.group(0)}"
        for css in site.rglob("*.css")
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace"))
        if _is_third_party(match.group(1) or match.group(2))
    ]
    assert not offenders, "\n".join(offenders[:20])


def test_own_scripts_name_no_other_host() -> None:
    """Material's bundle is covered by the browser tests; our own scripts must not even name a host."""
    offenders = [
        f"{js}: {url}"
        for js in (DOCS / "assets").rglob("*.js")
        for url in re.findall(r"https?://[^\s'\"`)]+", js.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders


def test_theme_loads_no_web_font() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  font: false$", config, re.M)
    assert "navigation.instant" not in re.sub(r"#.*", "", config)


# --- front matter -------------------------------------------------------------------------------

CONTENT_PAGES = sorted(p for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", CONTENT_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_page_has_valid_front_matter(path: Path) -> None:
    meta, _body, _lines = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta is not None, "no front matter"
    locale = "en" if path.name.endswith(".en.md") else "zh"
    problems = check(meta, locale)
    assert not problems, [p.message for p in problems]


# --- search -------------------------------------------------------------------------------------


def test_each_language_has_its_own_index(site: Path) -> None:
    zh, en = _index(site, ""), _index(site, "en")
    # The worker stems English words only in an index whose language is English.
    assert zh["lang"] == ["zh"] and en["lang"] == ["en"]
    assert zh["docs"] and en["docs"]
    for prefix, lang in (("", "zh"), ("en", "en")):
        stub = _stub(site, prefix)
        # Every page view downloads the stub, not the index: a few hundred bytes.
        assert stub["config"]["lang"] == [lang] and stub["docs"] == []
        assert len(json.dumps(stub)) < 1000
        name = stub["config"]["handbook"]["index"]
        assert name.startswith(f"{prefix}/search/index." if prefix else "search/index."), name


def test_chinese_index_holds_no_english_page(site: Path) -> None:
    index = _index(site, "")
    for entry in index["docs"]:
        assert not entry["location"].startswith("en/"), entry["location"]
        page = _page_for(site, "", entry["location"])
        lang = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").html["lang"]
        assert lang.startswith("zh"), (entry["location"], lang)


def test_english_index_holds_no_chinese_page(site: Path) -> None:
    index = _index(site, "en")
    for entry in index["docs"]:
        page = _page_for(site, "en", entry["location"])
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "en", entry["location"]
        # A page shown in Chinese under /en/ for want of a translation carries the banner.
        assert not soup.select(".untranslated-banner"), entry["location"]


def test_index_is_written_without_unicode_escapes(site: Path) -> None:
    name = _stub(site, "")["config"]["handbook"]["index"]
    raw = (site / name).read_text(encoding="utf-8")
    assert "\\u" not in raw and ZWSP not in raw
    assert HAN.search(raw)


def test_headings_are_cut_into_words_of_the_vocabulary(site: Path) -> None:
    """jieba's words (the vocabulary the worker cuts queries with) cover the middle of headings."""
    index = _index(site, "")
    words = set(index["words"].split())
    headings = [entry["title"] for entry in index["docs"] if "#" in entry["location"]
                and len(entry["title"]) >= 6 and all(HAN.match(ch) for ch in entry["title"])]
    assert len(headings) >= 10, "too few Chinese headings to test segmentation on"
    # A word of two characters that neither starts nor ends the heading.
    inner = [h for h in headings if any(h[i:i + 2] in words for i in range(1, len(h) - 2))]
    assert len(inner) >= len(headings) * 0.9, "jieba did not segment the headings"


def test_glossary_terms_stay_whole_in_the_index(site: Path) -> None:
    from handbook.data import glossary

    index = _index(site, "")
    words = set(index["words"].split())
    text = "".join(section[2] + section[3] for section in index["sections"])
    used = [entry["term"] for entry in glossary()
            if entry["term"] in text and all(HAN.match(ch) for ch in entry["term"])]
    assert len(used) >= len(glossary()) // 2
    split = [term for term in used if term not in words]
    assert not split, f"glossary terms split apart by the segmenter: {split}"


# --- language switcher --------------------------------------------------------------------------


def _twin(site: Path, page: Path) -> Path:
    relative = page.relative_to(site)
    if relative.parts[0] == "en":
        return site.joinpath(*relative.parts[1:])
    return site / "en" / relative


def test_switcher_links_to_the_same_page_in_the_other_language(
    site: Path, html_pages: dict[Path, BeautifulSoup]
) -> None:
    checked = 0
    for path, soup in html_pages.items():
        if path.name == "404.html":
            continue
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        assert set(links) == {"zh", "en"}, path
        other = "zh" if soup.html["lang"] == "en" else "en"
        base = "file://" + str(path.parent) + "/"
        target = Path(urlparse(urljoin(base, links[other])).path)
        target = target / "index.html" if target.is_dir() or not target.suffix else target
        assert target.resolve() == _twin(site, path).resolve(), (path, links[other])
        checked += 1
    assert checked >= 20


# --- jieba and glossary -------------------------------------------------------------------------


def test_build_refuses_to_run_without_jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location("hooks_under_test", ROOT / "hooks" / "handbook_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(sys.modules, "jieba", None)
    with pytest.raises(PluginError, match="jieba"):
        module.on_startup(command="build", dirty=False)


def test_glossary_terms_get_tooltips(site: Path) -> None:
    from handbook.data import glossary

    definitions = {entry["definition"] for entry in glossary()}
    soup = BeautifulSoup(
        (site / "sources" / "report-2" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    titles = {abbr["title"] for abbr in soup.select("article abbr[title]")}
    assert titles & definitions
