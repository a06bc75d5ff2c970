"""Internal links, images, reference definitions and nav entries, resolved as MkDocs resolves them.

The configuration is loaded with MkDocs' own loader (its hook modules are not executed: nothing
here calls them) and the file set comes from MkDocs' own `get_files` (so `exclude_docs` and dot
files behave as in the build). Anchors are what the configured Markdown extensions render: the
page is converted with
`markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)`
and every `id` (and `<a name>`) of the output counts. Explicit IDs of headings and of attribute
lists on their own line are accepted without rendering; any other anchor is confirmed by
rendering, once per file, and only for a file that some link asks such an anchor of.

What one page needs to know of another (its explicit IDs, its heading IDs, whether it could be
read) is a `PageIds`, taken from the page's one scan: the CLI hands over the pages it lints
(`Site.remember`), and any other link target is scanned once, on demand.

With mkdocs-static-i18n (suffix layout) a link in page.en.md to x.md means x.en.md when that file
exists, else the Chinese x.md (fallback); a link written to x.en.md is not resolved by the plugin.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import re
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from handbook.lint.findings import Finding, display_path
from handbook.lint.markdown_scan import Document, read_document

ID_ATTR = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
FAST_HEADING = re.compile(r"^#{1,6}[ \t].*?\{[^}\n]*?#([A-Za-z0-9_:.-]+)[^}\n]*\}[ \t]*\r?$", re.M)
FAST_ATTR_LINE = re.compile(r"^[ \t]*\{:?[ \t]*#([A-Za-z0-9_:.-]+)[ \t]*\}[ \t]*\r?$", re.M)
# The same after a newline: `re` searches for the "\n" fast, where "^" is tried at every position.
_FAST_HEADING_NL = re.compile("\n" + FAST_HEADING.pattern[1:], re.M)
_FAST_ATTR_LINE_NL = re.compile("\n" + FAST_ATTR_LINE.pattern[1:], re.M)
MD_SUFFIXES = (".md", ".markdown")


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class PageIds:
    """What links from other pages need of a page: whether it could be read, the explicit IDs of
    its headings and attribute lists (FAST_HEADING, FAST_ATTR_LINE on `nocode`) and the heading
    IDs the scanner found (compared between a page and its English twin)."""

    ok: bool
    explicit: frozenset[str]
    headings: frozenset[str]


def page_ids(doc: Document) -> PageIds:
    text = doc.nocode if doc.ok else ""
    explicit: set[str] = set()
    if "{" in text:
        for first, rest in ((FAST_HEADING, _FAST_HEADING_NL), (FAST_ATTR_LINE, _FAST_ATTR_LINE_NL)):
            match = first.match(text)  # the first line; every other line follows a "\n"
            if match:
                explicit.add(match.group(1))
            explicit.update(rest.findall(text))
    return PageIds(doc.ok, frozenset(explicit), frozenset(heading.id for heading in doc.headings))


@dataclass
class Site:
    config_file: Path
    docs_dir: Path
    config: Any
    files: dict[str, Any]  # src_uri -> mkdocs File
    lower: dict[str, str]
    i18n: bool
    levels: dict[str, int]
    nav: Any
    expand_markers: bool
    anchors: dict[str, set[str] | None] = field(default_factory=dict)
    pages: dict[str, PageIds] = field(default_factory=dict)  # src_uri -> what its one scan found
    _md: Any = None
    _root: str = ""

    @classmethod
    def load(cls, config_file: Path) -> Site:
        from mkdocs.config import load_config
        from mkdocs.exceptions import ConfigurationError
        from mkdocs.structure.files import get_files

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        try:
            with _hooks_not_imported():
                config = load_config(config_file=str(config_file))
        except (ConfigurationError, OSError, SystemExit, Exception) as error:  # noqa: BLE001
            raise ConfigError(f"{config_file}: cannot load the MkDocs configuration: {error}") from None
        files = {f.src_uri: f for f in get_files(config)}
        validation = config.validation
        levels = {
            "not_found": validation.links.not_found,
            "absolute_links": validation.links.absolute_links,
            "unrecognized_links": validation.links.unrecognized_links,
            "anchors": validation.links.anchors,
            "nav_not_found": validation.nav.not_found,
        }
        hooks = " ".join(str(hook) for hook in (config.hooks or []))
        return cls(
            config_file=config_file, docs_dir=Path(config.docs_dir), config=config, files=files,
            lower={uri.lower(): uri for uri in files}, i18n="i18n" in config.plugins,
            levels=levels, nav=config.nav, expand_markers="handbook_hooks" in hooks,
        )

    def exists(self, uri: str) -> bool:
        return uri in self.files

    def excluded(self, uri: str) -> bool:
        file = self.files.get(uri)
        return file is not None and file.inclusion.is_excluded()

    def uri_of(self, resolved: str) -> str | None:
        """src_uri of an already resolved absolute path, or None outside the docs."""
        if not self._root:
            self._root = str(self.docs_dir.resolve())
        root = self._root.rstrip("/")
        if os.sep == "/" and resolved.startswith(root + "/"):
            return resolved[len(root) + 1:]
        try:
            return Path(resolved).relative_to(self._root).as_posix()
        except ValueError:
            return None

    def remember(self, uri: str, ids: PageIds) -> None:
        """The IDs of a page the caller has scanned, so that it is not scanned again."""
        self.pages[uri] = ids

    def page(self, uri: str) -> PageIds:
        ids = self.pages.get(uri)
        if ids is None:
            ids = self.pages[uri] = page_ids(read_document(self.docs_dir / uri))
        return ids

    def has_anchor(self, uri: str, anchor: str) -> bool:
        if anchor in self.page(uri).explicit:
            return True
        return anchor in self.rendered_anchors(uri)

    def rendered_anchors(self, uri: str) -> set[str]:
        cached = self.anchors.get(uri)
        if cached is not None:
            return cached
        import markdown

        from handbook.frontmatter import FrontMatterError, split_front_matter

        ids: set[str] = set()
        try:
            text = (self.docs_dir / uri).read_text(encoding="utf-8-sig")
            try:
                _meta, body, _ = split_front_matter(text)
            except FrontMatterError:
                body = text
            if self.expand_markers:
                try:
                    from handbook.build.generate import expand

                    locale = "en" if uri.endswith(".en.md") else "zh"
                    body = expand(body, locale, self.docs_dir, uri)
                except Exception:  # noqa: BLE001 - a generator failure must not hide the page's own ids
                    pass
            if self._md is None:
                self._md = markdown.Markdown(extensions=self.config.markdown_extensions,
                                             extension_configs=self.config.mdx_configs)
            self._md.reset()
            output = self._md.convert(body)
            for match in ID_ATTR.finditer(output):
                ids.add(html.unescape(match.group(1) if match.group(1) is not None else match.group(2)))
        except (OSError, UnicodeDecodeError):
            pass
        except Exception:  # noqa: BLE001 - an extension crash: report the anchor as missing, not a traceback
            pass
        self.anchors[uri] = ids
        return ids


@contextmanager
def _hooks_not_imported() -> Iterator[None]:
    """Load the configuration without executing its hook modules.

    MkDocs' loader imports every file of `hooks:` (ours pulls in jieba, python-docx and the
    build's generators: a large part of a short run). The linters never call a hook: their
    names are all they need (`expand_markers`), and the `<!-- ... -->` markers are expanded with
    handbook.build.generate directly. The files must still exist, as MkDocs checks.
    """
    try:
        from mkdocs.config.config_options import Hooks
    except ImportError:
        yield
        return
    original = Hooks.__dict__.get("_load_hook")
    if original is None:
        yield
        return
    Hooks._load_hook = lambda _self, name, _path: types.ModuleType(str(name))  # type: ignore[method-assign]
    try:
        yield
    finally:
        Hooks._load_hook = original  # type: ignore[method-assign]


def src_uri(site: Site, path: Path, resolved: str | None = None) -> str | None:
    return site.uri_of(resolved if resolved is not None else str(path.resolve()))


def _locale(uri: str) -> str:
    return "en" if uri.endswith(".en.md") else "zh"


def _twin(uri: str) -> str:
    return uri[: -len(".md")] + ".en.md"


def check(doc: Document, site: Site, resolved: str | None = None) -> list[Finding]:
    """Links of `doc`; `resolved` is `doc.path.resolve()` when the caller knows it already."""
    findings: list[Finding] = []
    uri = src_uri(site, doc.path, resolved)
    if uri is None:
        # A page outside the docs: resolve its links against its own folder.
        base_uri = None
    else:
        base_uri = uri
    for link in doc.links:
        finding = _check_link(doc, site, base_uri, link.target, link.offset)
        if finding is not None and not doc.is_disabled(finding.rule, "links", link.offset):
            findings.append(finding)
    if site.i18n and uri is not None and uri.endswith(".en.md"):
        findings.extend(_check_ids(doc, site, uri))
    return findings


def _error(level: int) -> bool:
    return level >= logging.WARNING


def _check_link(doc: Document, site: Site, uri: str | None, url: str, offset: int) -> Finding | None:
    url = url.strip()
    if not url:
        return None
    try:
        scheme, netloc, path, _query, anchor = urlsplit(url)
    except ValueError:
        return doc.finding(offset, "link-not-found", "error", f"malformed link '{url}'", target=url)
    # Browsers decode a percent-encoded fragment before they look for the id (#egf-%E4%B8%AD = #egf-中).
    anchor = unquote(anchor)
    if scheme or netloc:
        return None
    if url.startswith(("/", "\\")):
        if _error(site.levels["absolute_links"]):
            return doc.finding(offset, "link-absolute", "error",
                               f"absolute link '{url}'; write it relative to this page", target=url)
        return None
    if "\x02amp\x03" in url:
        return None
    if not path:
        if anchor and uri is not None and _error(site.levels["anchors"]):
            if not site.has_anchor(uri, anchor):
                return doc.finding(offset, "link-anchor", "error",
                                   f"there is no anchor '#{anchor}' on this page", target=url)
        return None
    path = unquote(path)
    if uri is None:
        target_path = (doc.path.parent / path).resolve()
        target_uri = src_uri(site, target_path)
        if target_uri is None:
            return doc.finding(offset, "link-outside-docs", "error",
                               f"link '{url}' points outside the docs folder", target=url)
        base = "__outside__"
    else:
        target_uri = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path)).lstrip("/")
        base = uri
    if target_uri.startswith("../") or target_uri == "..":
        if _error(site.levels["not_found"]):
            return doc.finding(offset, "link-outside-docs", "error",
                               f"link '{url}' leaves the docs folder ({target_uri})", target=url)
        return None
    if site.i18n and target_uri.endswith(".en.md"):
        return doc.finding(offset, "link-i18n-suffix", "warning",
                           f"link '{url}' names the English file: it works, but it sends readers of "
                           f"both languages to the English page; link to '{path[: -len('.en.md')]}.md' "
                           "and the i18n plugin gives each reader their language",
                           suggestion=url.replace(".en.md", ".md", 1), target=url)
    resolved = target_uri
    if site.i18n and _locale(base) == "en" and target_uri.endswith(".md") and site.exists(_twin(target_uri)):
        resolved = _twin(target_uri)
    if not site.exists(resolved):
        last = posixpath.basename(path.rstrip("/"))
        if not posixpath.splitext(last)[1] or path.endswith("/"):
            if not _error(site.levels["unrecognized_links"]):
                return None
            guess = posixpath.join(target_uri, "index.md")
            suggestion = posixpath.join(path.rstrip("/"), "index.md") if site.exists(guess) else None
            return doc.finding(offset, "link-unrecognized", "error",
                               f"link '{url}' is not a file of the docs; link to the .md file",
                               suggestion=suggestion, target=url)
        if not _error(site.levels["not_found"]):
            return None
        actual = site.lower.get(target_uri.lower())
        if actual is not None:
            right = posixpath.relpath(actual, posixpath.dirname(base)) if uri else actual
            return doc.finding(offset, "link-not-found", "error",
                               f"link '{url}' differs in case from the file '{actual}'",
                               suggestion=right + (f"#{anchor}" if anchor else ""), target=url)
        return doc.finding(offset, "link-not-found", "error",
                           f"link '{url}': '{target_uri}' is not a file of the docs", target=url)
    if anchor and resolved.endswith(MD_SUFFIXES) and not site.excluded(resolved) and _error(site.levels["anchors"]):  # noqa: E501
        if not site.has_anchor(resolved, anchor):
            return doc.finding(offset, "link-anchor", "error",
                               f"'{resolved}' has no anchor '#{anchor}'", target=url)
    return None


def _check_ids(doc: Document, site: Site, uri: str) -> list[Finding]:
    source_uri = uri[: -len(".en.md")] + ".md"
    if not site.exists(source_uri):
        return []
    source = site.page(source_uri)
    if not source.ok:
        return []
    source_ids = source.headings
    own = {heading.id: heading.offset for heading in doc.headings}
    findings = []
    missing = sorted(source_ids - set(own))
    if missing:
        findings.append(doc.finding(0, "link-i18n-ids", "error",
                                    f"heading IDs of {source_uri} missing here: {', '.join('#' + m for m in missing)}"))  # noqa: E501
    for heading_id, offset in own.items():
        if heading_id not in source_ids:
            findings.append(doc.finding(offset, "link-i18n-ids", "error",
                                        f"heading ID '#{heading_id}' is not in {source_uri}"))
    return [f for f in findings if not doc.is_disabled(f.rule, "links", 0)]


def check_nav(site: Site) -> list[Finding]:
    """Entries of the nav of mkdocs.yml (none when the build hook generates the nav)."""
    if not site.nav:
        return []
    try:
        config_text = site.config_file.read_text(encoding="utf-8")
    except OSError:
        config_text = ""
    shown = display_path(site.config_file)
    findings: list[Finding] = []

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)
        elif isinstance(item, str):
            scheme, netloc, path, _q, _a = urlsplit(item)
            if scheme or netloc or item.startswith("/"):
                return
            uri = posixpath.normpath(unquote(path))
            if uri not in site.files and _error(site.levels["nav_not_found"]):
                index = config_text.find(item)
                line = config_text.count("\n", 0, index) + 1 if index >= 0 else 1
                column = index - (config_text.rfind("\n", 0, index) + 1) + 1 if index >= 0 else 1
                findings.append(Finding(shown, line, column, "link-nav", "error",
                                        f"nav entry '{item}' is not a file of the docs", target=item))

    walk(site.nav)
    return findings
