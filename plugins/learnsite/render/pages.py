"""Markdown for the pages the site generates from data: programmes, audiences, modules,
sessions, checklists, the glossary and the translation status. Which pages there are, and their
anchors, load/generated_pages.py says; this module renders each kind. Adapters add them as
pages."""

from __future__ import annotations

import html
import json
from functools import cache
from typing import assert_never

from jinja2 import Environment, PackageLoader, StrictUndefined

from learnsite.load.generated_pages import (
    AudiencePage,
    ChecklistPage,
    GeneratedPage,
    GlossaryPage,
    ModulePage,
    ProgrammePage,
    SessionPage,
    TranslationsPage,
    pages_from_data,
)
from learnsite.load.mdscan import Block, Mark, replace_blocks, replace_marks, scan
from learnsite.model.catalogue import Catalogue, LoadedModule
from learnsite.model.checklist import Checklist
from learnsite.model.site import Contact, Programme
from learnsite.render.navigation import page_title
from learnsite.render.terms import link_terms
from learnsite.review import review_due_since, today
from learnsite.schedule import clock, schedule_programme
from learnsite.site_paths import (
    GLOSSARY,
    audience_path,
    checklist_path,
    module_path,
    programme_path,
    session_path,
)
from learnsite.strings import translator


@cache
def _env() -> Environment:
    return Environment(loader=PackageLoader("learnsite.render", "templates"), autoescape=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      undefined=StrictUndefined)


def _render(template: str, cat: Catalogue, **context: object) -> str:
    """Render a template with the catalogue's language's interface strings as `t`."""
    return _env().get_template(template).render(t=translator(cat.language), **context)


def generated_pages(cat: Catalogue) -> dict[str, str]:
    """Every page generated from data, by site path, in a stable order."""
    return {page.path: mark_untranslated(page_markdown(cat, page), cat, page.path)
            for page in pages_from_data(cat)}


def page_markdown(cat: Catalogue, page: GeneratedPage) -> str:
    """One generated page's Markdown, by its kind."""
    match page:
        case ProgrammePage():
            return programme_page(cat, page)
        case AudiencePage():
            return audience_page(cat, page)
        case ModulePage():
            return module_page(cat, page.module)
        case SessionPage():
            return expand_page(session_page(cat, page), cat, page.path)
        case ChecklistPage():
            return checklist_page(cat, page.checklist)
        case GlossaryPage():
            return _render("glossary.md.j2", cat, glossary=page.glossary)
        case TranslationsPage():
            return _render("translations.md.j2", cat, statuses=page.statuses,
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
    return (f'<p class="ls-untranslated" role="note">{notice}</p>\n\n'
            f'<div lang="en" dir="ltr" class="ls-source-language" markdown>\n\n{markdown}\n\n</div>\n')


def language_name(cat: Catalogue) -> str:
    """The name of the catalogue's language, as site_config.yml gives it."""
    names = {lang.code: lang.name for lang in cat.site.languages} if cat.site else {}
    return names.get(cat.language, cat.language)


def handbook_slot(handbook_id: str, language: str) -> str:
    """Where a handbook's page count and size go, in the page's language, once the handbook is
    built (see stamp_handbooks)."""
    return f"<!--ls-handbook-{language}-{handbook_id}-->"


def page_sources(cat: Catalogue) -> dict[str, str]:
    """The source file behind every page of the site, for "Edit this page" links."""
    sources = {page.site_path: f"content/{page.site_path}" for page in cat.pages}
    if cat.site is not None:
        sources.update({programme_path(p.id): "site_config.yml" for p in cat.site.programmes})
        sources.update({audience_path(a.id): "site_config.yml" for a in cat.site.audiences})
    for module in cat.modules.values():
        sources[module_path(module.record.id)] = str(module.path)
        sources.update({session_path(s.module_id, s.id): str(s.source.path)
                        for s in module.all_sessions})
    sources.update({checklist_path(c): f"content/checklists/{c}.yml" for c in cat.checklists})
    sources[GLOSSARY] = "content/glossary.yml"
    return sources


def programme_page(cat: Catalogue, page: ProgrammePage) -> str:
    """A programme: its days, the modules of each, objectives rolled up, total contact time."""
    programme = page.programme
    ids = dict.fromkeys(m for day in programme.days for m in day.modules if m in cat.modules)
    modules = [cat.modules[m] for m in ids]
    audiences = {a.id: a.title for a in cat.site.audiences} if cat.site else {}
    return _render(
        "programme.md.j2", cat, programme=programme, modules=cat.modules,
        audiences=[audiences.get(a, a) for a in programme.audiences],
        partners=cat.site.organisation.partners if cat.site else [],
        objectives=[o for m in modules for o in m.record.objectives],
        days=schedule_programme(programme, cat.modules), clock=clock,
        handbooks=page.handbooks,
        languages={lang.code: lang.name for lang in cat.site.languages} if cat.site else {},
        root="../../" if cat.translated is None else "../../../",
        slot=lambda handbook_id: handbook_slot(handbook_id, cat.language),
        total_minutes=sum(s.meta.minutes for m in modules for s in m.sessions),
    )


def module_page(cat: Catalogue, module: LoadedModule) -> str:
    """A module: summary, objectives, prerequisites, sessions with minutes and method, and a
    "review due" badge when the review policy says so."""
    months = cat.site.review.max_age_months if cat.site else None
    due = review_due_since(module.record.last_reviewed, months, today()) if months else None
    return _render("module.md.j2", cat, module=module.record, sessions=module.sessions,
                   assessment=module.assessment, modules=cat.modules, review_due=due,
                   programmes=_programmes_teaching(cat, module.record.id),
                   total_minutes=sum(s.meta.minutes for s in module.sessions))


def _programmes_teaching(cat: Catalogue, module_id: str) -> list[Programme]:
    return [p for p in (cat.site.programmes if cat.site else [])
            if any(module_id in day.modules for day in p.days)]


def audience_page(cat: Catalogue, page: AudiencePage) -> str:
    """Everything written for one audience: guidance pages, programmes, modules, checklists."""
    return _render("audience.md.j2", cat, audience=page.audience, pages=page.pages,
                   programmes=page.programmes, modules=[m.record for m in page.modules],
                   checklists=page.checklists, page_title=page_title)


def session_page(cat: Catalogue, page: SessionPage) -> str:
    """A session: its facts (minutes, method, objectives, materials) under its title."""
    title, body = page.title_and_body()
    return _render("session.md.j2", cat, session=page.session.meta, title=title, body=body)


def checklist_data(checklist: Checklist) -> str:
    """The checklist as JSON for the page's script: the very data Python screens with."""
    data = json.dumps(checklist.model_dump(mode="json", by_alias=True, exclude_none=True),
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return data.replace("</", "<\\/")


def checklist_page(cat: Catalogue, checklist: Checklist) -> str:
    """A checklist's own page: title, summary and the interactive form."""
    return _render("checklist.md.j2", cat, **_widget_context(cat, checklist, level=2, prefix=""))


def checklist_widget(cat: Catalogue, checklist: Checklist, level: int, prefix: str) -> str:
    """The interactive form, its live outcome and decision guide, with headings from `level`."""
    return _render("checklist_widget.md.j2", cat, **_widget_context(cat, checklist, level, prefix))


def _widget_context(cat: Catalogue, checklist: Checklist, level: int, prefix: str) -> dict[str, object]:
    choice = _env().get_template("choice.html.j2")
    t = translator(cat.language)
    kinds = {kind: t(kind) for kind in ("ask", "look")}
    answers = [(value, t(value)) for value in ("yes", "no", "unknown")]

    def render_choice(item_id: str, text: str, kind: str, help_text: str | None = None,
                      indicator: str | None = None) -> str:
        return choice.render(id=item_id, text=text, kind=kind, help=help_text,
                             indicator=indicator, labels=kinds, answers=answers).strip()

    return {"checklist": checklist, "choice": render_choice, "level": level, "prefix": prefix,
            "contacts": cat.site.contacts if cat.site else [], "data": checklist_data(checklist)}


def expand_embeds(markdown: str, cat: Catalogue) -> str:
    """Replace each `/// checklist | ID` block by that checklist's interactive form."""
    def widget(block: Block) -> str | None:
        checklist = cat.checklists.get(block.title or "")
        if checklist is None:
            return None
        return checklist_widget(cat, checklist, level=3, prefix=f"{checklist.id}-")

    return replace_blocks(markdown, "checklist", widget)


def contacts_markdown(cat: Catalogue, contacts: list[Contact]) -> str:
    """The referral contacts as a Markdown list; placeholders are marked for the reader."""
    return _render("contacts.md.j2", cat, contacts=contacts)


def _contact_mark(cat: Catalogue, mark: Mark) -> str | None:
    """`{{ contacts }}` becomes the list of all contacts, `{{ contact ID }}` that one contact."""
    contacts = cat.site.contacts if cat.site else []
    if mark.ref is None:
        return contacts_markdown(cat, contacts)
    chosen = [c for c in contacts if c.id == mark.ref]
    return contacts_markdown(cat, chosen).strip().removeprefix("- ") if chosen else None


def expand_page(markdown: str, cat: Catalogue, site_path: str) -> str:
    """Fill what authors may mark in a page or session: embedded checklists, referral contacts
    and glossary terms."""
    if "/// checklist" in markdown:
        markdown = expand_embeds(markdown, cat)
    marks = scan(markdown).contacts
    if marks:
        markdown = replace_marks(markdown, marks, lambda mark: _contact_mark(cat, mark))
    return link_terms(markdown, site_path, cat.glossary)
