"""Reports on whether the content can be traced and trusted: a source nothing cites, and each
statement the centre has still to confirm (notices: they never stop a build, and
`learnsite check --format json` lists them for the centre's review)."""

from __future__ import annotations

from collections.abc import Mapping

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.citing import citing_pages
from learnsite.load.layout import SOURCES_FILE
from learnsite.load.review_queue import open_items
from learnsite.load.source import YamlDoc
from learnsite.model.catalogue import Catalogue


def report_traceability(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics) -> None:
    """A notice per open to-confirm item, and per source that nothing cites."""
    for item in open_items(cat):
        what = f"“{item.title}”" if item.title else f"“{item.excerpt[:60]}…”"
        why = f": {item.reason}" if item.reason else ""
        yaml = docs.get(str(item.path))
        where = (Location(item.path, item.where, 1) if isinstance(item.where, int)
                 else yaml.at(item.where) if yaml is not None else Location(item.path))
        diags.add("to-confirm-open", where,
                  f"to be confirmed by the centre, {what} on {item.site_path}{why}")
    doc = docs.get(SOURCES_FILE)
    if doc is None:
        return
    cited = citing_pages(cat)
    for index, source in enumerate(cat.sources.sources):
        if source.id not in cited:
            diags.add("source-unused", doc.at(("sources", index, "id")),
                      f"nothing cites the source `{source.id}`")
