"""The site's navigation, generated from the catalogue so authors never maintain it by hand.

Content pages keep their folder order (index first, then files and folders by name); then come
the checklists, the training programmes (each with its facilitator guide and its modules, their
sessions and materials, so Material's breadcrumbs lead back to programme and module), the
audience pages and the glossary. A module taught in several programmes is listed under the
first; the others link to it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any, TypeAlias

from learnsite.model.catalogue import Catalogue, Page
from learnsite.site_paths import (
    GLOSSARY,
    REVIEW_QUEUE,
    SOURCES,
    TRANSLATIONS,
    audience_path,
    checklist_path,
    decision_path,
    guide_path,
    material_path,
    module_path,
    programme_path,
    session_path,
)
from learnsite.strings import translator

NavItem: TypeAlias = str | dict[str, Any]  # a path, or {title: path or list of NavItem}


def navigation(cat: Catalogue) -> list[NavItem]:
    """The whole navigation as MkDocs' `nav` structure: titles mapped to paths or sections.

    On another language's site, a page still in the source language says so in its title.
    """
    t = translator(cat.language)
    nav: list[NavItem] = _content_nav(cat.pages, "", t)
    if cat.checklists:
        nav.append({t("checklists"): [{c.title: [checklist_path(c.id),
                                                 {t("decision-nav"): decision_path(c.id)}]}
                                      for c in cat.checklists.values()]})
    training = _training_nav(cat)
    if training:
        nav.append({t("training"): training})
    if cat.site is not None and cat.site.audiences:
        nav.append({t("audiences"): [
            {t("audience-page", audience=a.title.lower()): audience_path(a.id)}
            for a in cat.site.audiences]})
    if cat.glossary.terms:
        nav.append({t("glossary"): GLOSSARY})
    if cat.sources.sources:
        nav.append({t("sources"): SOURCES})
    if cat.translated is None:
        nav.append({t("review-queue"): REVIEW_QUEUE})
    if cat.translated is None and cat.site is not None and len(cat.site.languages) > 1:
        nav.append({t("translation-status"): TRANSLATIONS})
    return _mark_untranslated(nav, cat)


def _mark_untranslated(nav: list[NavItem], cat: Catalogue) -> list[NavItem]:
    """Suffix the titles of pages not in the catalogue's language (recursively)."""
    if cat.translated is None:
        return nav
    suffix = f" ({translator(cat.language)('in-source-language')})"
    marked: list[NavItem] = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                marked.append({title: _mark_untranslated(value, cat)})
            else:
                marked.append({title + ("" if cat.is_translated(value) else suffix): value})
        else:
            marked.append(item)
    return marked


def _content_nav(pages: list[Page], folder: str, t: Callable[..., str]) -> list[NavItem]:
    """Pages of one folder: its index first, then pages and subfolders by name."""
    here = [p for p in pages if posixpath.dirname(p.site_path) == folder]
    subfolders = sorted({p.site_path[len(folder):].lstrip("/").split("/")[0] for p in pages
                         if p.site_path.startswith(f"{folder}/" if folder else "")
                         and "/" in p.site_path[len(folder):].lstrip("/")})
    entries: list[tuple[str, NavItem]] = []
    for page in here:
        name = posixpath.basename(page.site_path)
        key = "" if name == "index.md" else name
        section_index = name == "index.md" and folder
        entries.append((key, page.site_path if section_index else {page.title: page.site_path}))
    for sub in subfolders:
        path = posixpath.join(folder, sub)
        title = t(sub) if sub in ("guidance",) else sub.replace("-", " ").capitalize()
        entries.append((sub, {title: _content_nav(pages, path, t)}))
    return [item for _, item in sorted(entries, key=lambda entry: entry[0])]


def _training_nav(cat: Catalogue) -> list[NavItem]:
    placed: set[str] = set()
    nav: list[NavItem] = []
    for programme in cat.site.programmes if cat.site else []:
        children: list[NavItem] = [programme_path(programme.id),
                                   {translator(cat.language)("facilitator-guide"): guide_path(programme.id)}]
        for module_id in programme.module_ids:
            if module_id in cat.modules and module_id not in placed:
                placed.add(module_id)
                children.append(_module_nav(cat, module_id))
        nav.append({programme.title: children})
    others = [_module_nav(cat, m) for m in sorted(cat.modules) if m not in placed]
    if others:
        nav.append({translator(cat.language)("other-modules"): others})
    return nav


def _module_nav(cat: Catalogue, module_id: str) -> NavItem:
    module = cat.modules[module_id]
    children: list[NavItem] = [module_path(module_id)]
    children += [{s.meta.title: session_path(module_id, s.id)} for s in module.all_sessions]
    materials = [{m.title: material_path(module_id, m.file)} for m in module.materials.values()
                 if m.source]
    if materials:
        children.append({translator(cat.language)("materials"): materials})
    return {module.record.title: children}
