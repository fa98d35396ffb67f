"""Which pages cite each source: the pages and sessions that cite it with `[@id]`, the pages that
show a text written in YAML citing it (a glossary definition, a checklist's description), and
the decision page of each checklist whose indicators name it. The sources page lists them, and a
source nothing cites is reported."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from learnsite.load.mdscan import scan
from learnsite.model.catalogue import Catalogue
from learnsite.site_paths import GLOSSARY, HOME, checklist_path, decision_path, module_path, session_path
from learnsite.strings import translator


def citing_pages(cat: Catalogue) -> dict[str, dict[str, str]]:
    """For each cited source id, the pages citing it: site path → title, in the site's order."""
    found: dict[str, dict[str, str]] = {}

    def cite(site_path: str, title: str, texts: Iterable[str]) -> None:
        for text in texts:
            for citation in scan(text).citations:
                found.setdefault(citation.source, {})[site_path] = title

    for page in cat.pages:
        cite(page.site_path, page.title, [page.source.body])
    if cat.site is not None:
        cite(HOME, cat.site.title or HOME, _texts(cat.site))
    for module in cat.modules.values():
        cite(module_path(module.record.id), module.record.title, _texts(module.record))
        for session in module.all_sessions:
            cite(session_path(module.record.id, session.id), session.meta.title, [session.source.body])
    for checklist in cat.checklists.values():
        cite(checklist_path(checklist.id), checklist.title, _texts(checklist))
        for indicator in checklist.indicators:
            if indicator.source:
                title = translator(cat.language)("decision-title", checklist=checklist.title)
                found.setdefault(indicator.source, {})[decision_path(checklist.id)] = title
    cite(GLOSSARY, translator(cat.language)("glossary"), _texts(cat.glossary))
    return found


def _texts(record: BaseModel) -> Iterator[str]:
    """Every text of a record, however deep (its ids too: they cite nothing)."""
    yield from _strings(record.model_dump())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
