"""MkDocs hooks of the handbook. Thin: the logic lives in the `handbook` package."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook import DATA, jieba_dict
from handbook.build import csp, describe, docs_tree, head, notfound, page_check, sanitize
from handbook.build.cjk_lines import join_cjk_lines
from handbook.build.generate import expand
from handbook.build.glossary_md import GlossaryExtension
from handbook.build.nav import build_nav, hide_lone_sidebar, nav_translations
from handbook.check import bundle as check_bundle
from handbook.check import page as check_page
from handbook.data import DataError, glossary, reload_data, source_reports, tags, topic_map, topics
from handbook.export import offline, previews
from handbook.export.docx_export import export_page
from handbook.export.docx_render import RenderError
from handbook.frontmatter import FrontMatterError
from handbook.search import search_pack, search_scope, search_worker
from handbook.search.search_split import split_index
from handbook.tools.translations import OUTDATED, UNTRANSLATED, is_english, status_of, twin_of

log = logging.getLogger("mkdocs.hooks.handbook")
_glossary = GlossaryExtension([])
# URLs of pages shown under another language's prefix for want of a translation.
_fallback_urls: set[str] = set()


def on_startup(command: str, dirty: bool) -> None:
    # Material's search plugin silently skips Chinese segmentation without jieba; we refuse to build.
    try:
        import jieba  # noqa: F401
    except ImportError as error:
        raise PluginError(
            "jieba is not installed: Chinese search would be unsegmented. "
            "Install the pinned set: pip install -r requirements.txt"
        ) from error


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        # A new build, not static-i18n's nested one for another language: under `mkdocs serve`
        # the data files and the translations may have changed since the last build.
        reload_data()
        _fallback_urls.clear()
        previews.reset()
    try:
        _glossary.load(glossary())
        jieba_dict.load_glossary_words()
        # Read here, once, so that a broken file stops the build with its name and line instead of
        # a traceback from the navigation or the first page that needs it.
        topics()
        tags()
        source_reports()
        # Before MkDocs walks docs/ (following links): a link could publish a file from outside
        # it, and a loop would never end.
        docs_tree.refuse_symlinks(Path(config.docs_dir))
    except (DataError, docs_tree.SymlinkError) as error:
        raise PluginError(str(error)) from None
    if not config.nav:
        config.nav = build_nav(Path(config.docs_dir))
    if i18n is not None:
        for language in i18n.config.languages:
            if not language.default:
                merged = nav_translations()
                merged.update(language.nav_translations or {})
                language.nav_translations = merged
    if _glossary not in config.markdown_extensions:
        config.markdown_extensions.append(_glossary)
    if offline.enabled(config):
        offline.use_local_shim(config)
    # `mkdocs serve` rebuilds when the glossary, topics or tags change, not only the pages.
    if DATA.is_dir() and str(DATA) not in config.watch:
        config.watch.append(str(DATA))
    return config


def on_files(files, config: MkDocsConfig):
    """Every page file checked before MkDocs reads it (handbook/build/page_check.py)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return files  # checked once, by the first language's build
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        try:
            for warning in page_check.problems(Path(file.abs_src_path)):
                log.warning(warning)
        except (page_check.PageError, OSError) as error:
            raise PluginError(str(error)) from None
    return files


def _locale(page: Page) -> str:
    return getattr(page.file, "locale", None) or ("en" if is_english(page.file.src_uri) else "zh")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # Front matter comes from strangers and the theme prints parts of it unescaped.
    sanitize.clean_meta(page.meta)
    locale = _locale(page)
    search_pack.exclude_listing(markdown, page.meta)
    _glossary.locale = locale
    _glossary.enabled = page.meta.get("type") not in ("glossary",)
    i18n = config.plugins.get("i18n")
    if i18n is not None and locale != i18n.current_language:
        _fallback_urls.add(page.url)
        # Tags of an untranslated page would put Chinese entries into the English tag index.
        page.meta["tags"] = []
    else:
        _add_derived_tags(page, locale)
    if locale == "en" and page.file.abs_src_path:
        source = twin_of(Path(page.file.abs_src_path))
        if source.is_file():
            state = status_of(source).state
            page.meta["translation_state"] = state
            if state == UNTRANSLATED:
                # A scaffolded twin that nobody has translated yet stays out of English search.
                _fallback_urls.add(page.url)
            elif state == OUTDATED:
                log.debug("outdated translation: %s", page.file.src_uri)
    try:
        markdown = expand(markdown, locale, Path(config.docs_dir), page.file.src_uri)
    except FrontMatterError as error:
        # The template library reads the front matter of every template page.
        raise PluginError(str(error)) from None
    if check_page.is_check_page(page.file.src_uri):
        page.meta["template"] = check_page.TEMPLATE
    if page.meta.get("type") == "template":
        # Word and plain-text files of the template beside the page, linked under its text.
        markdown = export_page(markdown, page, locale)
    return markdown


def _add_derived_tags(page: Page, locale: str) -> None:
    """Type and topic tags come from `type` and `topic`, never typed by hand."""
    names = list(page.meta.get("tags") or [])
    page_type = tags()["types"].get(page.meta.get("type"))
    if page_type and sanitize.text(page_type[locale]) not in names:
        names.append(sanitize.text(page_type[locale]))
    topic = topic_map().get(page.meta.get("topic"))
    if topic and sanitize.text(topic[locale]) not in names:
        names.append(sanitize.text(topic[locale]))
    if names:
        page.meta["tags"] = names


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return
    site_dir = Path(config.site_dir)
    # The nested builds of the other languages point site_dir at their own folder.
    root = site_dir.parent if site_dir.name in {lang.locale for lang in i18n.config.languages} else site_dir
    prefixes = _prefixes(config)
    counts = split_index(root, prefixes, _fallback_urls)
    log.info("search index split per language: %s", counts)
    # Each language's index becomes a stub (loaded with every page) and a pack (loaded on first use),
    # searched by the handbook's own worker (handbook/search/search_pack.py and search_worker.py).
    search_pack.write(root, prefixes)
    search_worker.write(root)
    check_bundle.write_assets(root)
    # Pictures of the Word files, after both languages have written theirs (one LibreOffice run).
    try:
        log.info("template previews: %s", previews.write_all())
    except RenderError as error:
        raise PluginError(f"template previews: {error}") from None
    if offline.enabled(config):
        offline.write_shim(root)
        offline.inline_indexes(root, prefixes)


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """Make the language switcher's links relative where static-i18n leaves them absolute.

    It does so for the home pages (`/` and `/en/`), which breaks the switcher on a site served from
    a sub-path (a GitHub Pages project site) and in the offline edition opened from disk.
    Also hides the left sidebar where it would hold a single link (handbook/build/nav.py).
    """
    # static-i18n sets `extra.alternate` as an attribute, which is what the theme reads.
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            # Site-root relative: the theme's `url` filter turns it into a page-relative link.
            alternate["link"] = link.lstrip("/") or "."
    if check_page.is_check_page(page.file.src_uri):
        # After the page's HTML was sanitised: the checker's controls come from the theme.
        tool = check_page.render_tool(config.theme.get_env(), _locale(page))
        page.content = check_page.insert_tool(page.content or "", tool)
    hide_lone_sidebar(page, config.theme.get("features") or [])
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    # Whatever the lint said: a page from a stranger keeps no script, style, form or outside
    # reference (handbook/build/sanitize.py). Before anything reads the HTML (description, search).
    html = sanitize.clean_html(html)
    # A title taken from the first heading, and the headings of the table of contents.
    page.title = sanitize.plain(page.title or "")
    sanitize.clean_toc(page.toc)
    # A line break between two Chinese characters would show as a space.
    html = join_cjk_lines(html)
    describe.ensure_description(page, html)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Pages under /en/ search the English index, all with the handbook's worker
    # (handbook/search/search_scope.py).
    prefixes = _prefixes(config)
    locale = search_scope.language_of(page.url, prefixes)
    output = head.drop_language_alternates(search_scope.scope(output, prefixes.get(locale, "")))
    # Last, so that the hashes cover the theme's inline scripts as they are served.
    return _add_policy(output, config, page.content or "")


def _add_policy(output: str, config: MkDocsConfig, body: str = "") -> str:
    if offline.enabled(config):
        return csp.add_policy(output, body, offline=True, scripts=(offline.shim_inline_script(),))
    return csp.add_policy(output, body)


def _prefixes(config: MkDocsConfig) -> dict[str, str]:
    """The URL prefix of each language: "" for the default one, "en/" for English; none without i18n."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {}
    return {lang.locale: "" if lang.default else f"{lang.locale}/" for lang in i18n.config.languages}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        output_content = _add_policy(output_content, config)
    return notfound.post_template(output_content, template_name, config)
