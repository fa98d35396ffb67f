"""Markdown for the pages the site generates from data: programmes, audiences, modules,
sessions, checklists (render/checklist_pages.py), the glossary, the sources, the review queue and
the translation status; and what authors mark in a page (embeds, contacts, terms, citations).
Which pages there are, and their anchors, load/generated_pages.py says; this module renders each
kind. Adapters add them as pages."""

from __future__ import annotations

import html
import posixpath
from typing import assert_never

from learnsite.load.generated_pages import (
    AudiencePage,
    ChecklistPage,
    DecisionPage,
    GeneratedPage,
    GlossaryPage,
    GuidePage,
    MaterialPage,
    ModulePage,
    ProgrammePage,
    ReviewQueuePage,
    SessionPage,
    SourcesPage,
    TranslationsPage,
    pages_from_data,
)
from learnsite.load.mdscan import Mark, replace_marks, scan
from learnsite.model.catalogue import Catalogue, LoadedModule
from learnsite.model.site import Contact, Programme
from learnsite.render.checklist_pages import (
    checklist_page,
    decision_markdown,
    expand_cases,
    expand_embeds,
)
from learnsite.render.citations import cite_tokens
from learnsite.render.guide import guide_markdown
from learnsite.render.materials import session_materials
from learnsite.render.page_templates import render
from learnsite.render.slides.files import programme_decks
from learnsite.render.terms import link_terms
from learnsite.review import review_due_since, today
from learnsite.schedule import clock, schedule_programme
from learnsite.site_paths import guide_path
from learnsite.strings import translator


def generated_pages(cat: Catalogue) -> dict[str, str]:
    """Every page generated from data, by site path, in a stable order; citations in the texts
    written in YAML (a glossary definition, an indicator's description) become notes too."""
    return {page.path: mark_untranslated(cite_tokens(page_markdown(cat, page), cat), cat, page.path)
            for page in pages_from_data(cat)}


def page_markdown(cat: Catalogue, page: GeneratedPage) -> str:
    """One generated page's Markdown, by its kind."""
    match page:
        case ProgrammePage():
            return programme_page(cat, page)
        case GuidePage():
            return expand_page(guide_markdown(cat, page.programme), cat, page.path)
        case MaterialPage():  # a material's headings are the whole of it
            return expand_page(page.heading_source(cat), cat, page.path)
        case AudiencePage():
            return audience_page(cat, page)
        case ModulePage():
            return module_page(cat, page.module)
        case SessionPage():
            return expand_page(session_page(cat, page), cat, page.path)
        case ChecklistPage():
            return checklist_page(cat, page.checklist)
        case DecisionPage():
            return decision_markdown(cat, page.checklist, level=2, page=True)
        case GlossaryPage():
            return render("glossary.md.j2", cat, glossary=page.glossary,
                          sources=cat.sources.by_id())
        case SourcesPage():
            return render("sources.md.j2", cat, sources=page.sources, cited_on=page.cited_on)
        case ReviewQueuePage():
            return render("review_queue.md.j2", cat, pages=page.pages(), items=len(page.items))
        case TranslationsPage():
            return render("translations.md.j2", cat, statuses=page.statuses,
                           rel=lambda path: path.relative_to(cat.root).as_posix())
        case _:
            assert_never(page)


def mark_untranslated(markdown: str, cat: Catalogue, site_path: str) -> str:
    """A page shown in the source language on another language's site says so, in the reader's
    language, and its text is marked as the source language so it reads left to right."""
    if cat.is_translated(site_path):
        return markdown
    t = translator(cat.language)
    notice = t("untranslated", language=html.escape(language_name(cat)), source=t("in-source-language"))
    source = cat.source_language
    return (f'<p class="ls-untranslated" role="note">{notice}</p>\n\n'
            f'<div lang="{source.code}" dir="{source.dir}" class="ls-source-language" markdown>\n\n'
            f'{markdown}\n\n</div>\n')


def language_name(cat: Catalogue) -> str:
    """The name of the catalogue's language, as site_config.yml gives it."""
    names = {lang.code: lang.name for lang in cat.site.languages} if cat.site else {}
    return names.get(cat.language, cat.language)


def handbook_slot(handbook_id: str, language: str) -> str:
    """Where a handbook's page count and size, and how much of it is translated, go in the
    page's language once the handbook is built (see stamp_handbooks)."""
    return f"<!--ls-handbook-{language}-{handbook_id}-->"


def programme_page(cat: Catalogue, page: ProgrammePage) -> str:
    """A programme: its days, the modules of each, objectives rolled up, total contact time."""
    programme = page.programme
    modules = [cat.modules[m] for m in programme.module_ids if m in cat.modules]
    days = schedule_programme(programme, cat.modules)
    audiences = {a.id: a.title for a in cat.site.audiences} if cat.site else {}
    return render(
        "programme.md.j2", cat, programme=programme, modules=cat.modules,
        audiences=[audiences.get(a, a) for a in programme.audiences],
        partnership=cat.site.organisation.partnership if cat.site else None,
        objectives=[o for m in modules for o in m.record.objectives],
        days=days, clock=clock,
        handbooks=page.handbooks,
        languages={lang.code: lang.name for lang in cat.site.languages} if cat.site else {},
        root="../../" if cat.translated is None else "../../../",
        slot=lambda handbook_id: handbook_slot(handbook_id, cat.language),
        total_minutes=sum(day.teaching_minutes for day in days),
        guide=posixpath.basename(guide_path(programme.id)),
        decks=programme_decks(cat, programme.id),
    )


def module_page(cat: Catalogue, module: LoadedModule) -> str:
    """A module: summary, objectives, prerequisites, sessions with minutes and method, and a
    "review due" badge when the review policy says so."""
    months = cat.site.review.max_age_months if cat.site else None
    due = review_due_since(module.record.last_reviewed, months, today()) if months else None
    return render("module.md.j2", cat, module=module.record, sessions=module.sessions,
                   assessment=module.assessment, modules=cat.modules, review_due=due,
                   programmes=_programmes_teaching(cat, module.record.id),
                   total_minutes=sum(s.meta.minutes for s in module.sessions))


def _programmes_teaching(cat: Catalogue, module_id: str) -> list[Programme]:
    return [p for p in (cat.site.programmes if cat.site else [])
            if any(module_id in day.modules for day in p.days)]


def audience_page(cat: Catalogue, page: AudiencePage) -> str:
    """Everything written for one audience: guidance pages, programmes, modules, checklists."""
    return render("audience.md.j2", cat, audience=page.audience, pages=page.pages,
                   programmes=page.programmes, modules=[m.record for m in page.modules],
                   checklists=page.checklists)


def session_page(cat: Catalogue, page: SessionPage) -> str:
    """A session: its facts (minutes, method, objectives, materials) under its title."""
    title, body = page.title_and_body()
    session = page.session
    folder = posixpath.dirname(page.path)
    return render("session.md.j2", cat, session=session.meta, title=title, body=body,
                  materials=session_materials(cat, cat.modules[session.module_id], session),
                  link=lambda target: posixpath.relpath(target, folder))


def contacts_markdown(cat: Catalogue, contacts: list[Contact]) -> str:
    """The referral contacts as a Markdown list; placeholders are marked for the reader."""
    return render("contacts.md.j2", cat, contacts=contacts)


def _contact_mark(cat: Catalogue, mark: Mark) -> str | None:
    """`{{ contacts }}` becomes the list of all contacts, `{{ contact ID }}` that one contact."""
    contacts = cat.site.contacts if cat.site else []
    if mark.ref is None:
        return contacts_markdown(cat, contacts)
    chosen = [c for c in contacts if c.id == mark.ref]
    return contacts_markdown(cat, chosen).strip().removeprefix("- ") if chosen else None


def expand_page(markdown: str, cat: Catalogue, site_path: str) -> str:
    """Fill what authors may mark in a page or session: embedded checklists, the results of
    screened case studies, referral contacts, glossary terms and citations."""
    if "/// checklist" in markdown:
        markdown = expand_embeds(markdown, cat, site_path)
    if "/// case-study" in markdown:
        markdown = expand_cases(markdown, cat)
    marks = scan(markdown).contacts
    if marks:
        markdown = replace_marks(markdown, marks, lambda mark: _contact_mark(cat, mark))
    return cite_tokens(link_terms(markdown, site_path, cat.glossary), cat)
