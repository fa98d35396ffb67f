"""The site as the link checks see it, computed from the catalogue without rendering a page:
every page with its anchors (content pages scanned from their source, generated pages from
load/generated_pages.py), the other files beside them, and the names marks may use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from learnsite.load.generated_pages import page_anchors, pages_from_data
from learnsite.load.mdscan import scan
from learnsite.model.catalogue import Catalogue
from learnsite.model.glossary import term_index


@dataclass(frozen=True)
class SiteMap:
    """The pages of the built site (path → heading anchors), its other files, and the names
    of glossary terms (case-folded), contact ids and source ids that marks in Markdown may use.

    `unverified` holds site paths (or folder prefixes ending in "/") of pages whose source
    failed to load: links to them are not checked, so one broken module.yml does not also
    report every link to that module as broken.
    """

    pages: Mapping[str, frozenset[str]]
    files: frozenset[str]
    unverified: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    contacts: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    language: str | None = None
    """The language of a translation's site (None for the source language's)."""

    def is_unverified(self, path: str) -> bool:
        """Whether `path` belongs to a source that failed to load."""
        return any(path == p or (p.endswith("/") and path.startswith(p)) for p in self.unverified)


def site_map(cat: Catalogue, files: frozenset[str], unverified: frozenset[str] = frozenset()) -> SiteMap:
    """Every page of the built site with its anchors, the static `files` beside them, and the
    glossary terms and contacts that marks may name."""
    pages = {page.path: page_anchors(cat, page) for page in pages_from_data(cat)}
    for page in cat.pages:
        pages[page.site_path] = frozenset(scan(page.source.body).anchors)
    contacts = frozenset(c.id for c in cat.site.contacts) if cat.site else frozenset()
    return SiteMap(pages, files, unverified, frozenset(term_index(cat.glossary)), contacts,
                   frozenset(source.id for source in cat.sources.sources),
                   None if cat.translated is None else cat.language)
