"""The source file behind each page of the site: where "Edit this page" leads, and the file an
author translates to bring a page into another language."""

from __future__ import annotations

from learnsite.load.layout import CHECKLISTS_DIR, GLOSSARY_FILE, SITE_CONFIG, SOURCES_FILE
from learnsite.model.catalogue import Catalogue
from learnsite.site_paths import (
    GLOSSARY,
    SOURCES,
    audience_path,
    checklist_path,
    decision_path,
    guide_path,
    material_path,
    module_path,
    programme_path,
    session_path,
)


def page_sources(cat: Catalogue) -> dict[str, str]:
    """The source file behind every page of the site (site path → file from the project root)."""
    sources = {page.site_path: str(page.source.path) for page in cat.pages}  # a translation's own file
    if cat.site is not None:
        sources.update({programme_path(p.id): SITE_CONFIG for p in cat.site.programmes})
        sources.update({guide_path(p.id): SITE_CONFIG for p in cat.site.programmes})
        sources.update({audience_path(a.id): SITE_CONFIG for a in cat.site.audiences})
    for module in cat.modules.values():
        sources[module_path(module.record.id)] = str(module.path)
        sources.update({session_path(s.module_id, s.id): str(s.source.path)
                        for s in module.all_sessions})
        sources.update({material_path(m.module_id, m.file): str(m.source.path)
                        for m in module.materials.values() if m.source})
    for checklist_id in cat.checklists:
        sources[checklist_path(checklist_id)] = f"{CHECKLISTS_DIR}/{checklist_id}.yml"
        sources[decision_path(checklist_id)] = f"{CHECKLISTS_DIR}/{checklist_id}.yml"
    sources[GLOSSARY] = GLOSSARY_FILE
    sources[SOURCES] = SOURCES_FILE
    return sources
