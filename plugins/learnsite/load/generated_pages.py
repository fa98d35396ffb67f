"""The pages the site generates from data, known from the catalogue alone: what each shows,
where it sits and which anchors its headings get.

The link checks resolve links against these pages before anything is rendered, and
render/pages.py renders exactly these pages, one function per kind. So a new kind of page is
added here, with its headings: mypy then asks render/pages.py for its renderer, and
tests/test_generated_pages.py proves the headings listed here are those the rendered page has.

A page's headings are given as Markdown (`heading_source`) and scanned like any page, so
repeated and explicit ids follow the very rule the checks apply to written pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from learnsite.load.citing import citing_pages
from learnsite.load.mdscan import Block, replace_blocks, scan
from learnsite.load.review_queue import OpenItem, open_items
from learnsite.load.translations import LanguageStatus, translation_status
from learnsite.model.catalogue import Catalogue, LoadedModule, MaterialFile, Page, Session
from learnsite.model.checklist import Checklist
from learnsite.model.glossary import Glossary
from learnsite.model.site import Audience, Handbook, Programme
from learnsite.model.sources import Source
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


def _with_id(anchor: str) -> str:
    """A heading whose anchor is given explicitly (`{: #id }`), whatever its text."""
    return f"## {{: #{anchor} }}"


FORM_ANCHOR = "use-in-kobotoolbox-or-odk"
"""The heading, on a checklist's own page, of the section that offers its XLSForm."""


def checklist_widget_anchors(checklist: Checklist, prefix: str) -> list[str]:
    """The explicit anchors of a checklist's interactive form, in page order, each after
    `prefix` (a checklist embedded in a session prefixes its id, so two forms never clash)."""
    anchors = [f"{prefix}questions"] if checklist.questions else []
    for element in checklist.elements:
        anchors.append(f"{prefix}{element.id}")
        anchors += [f"{prefix}{i.id}" for i in checklist.indicators if i.element == element.id]
    return [*anchors, f"{prefix}result", f"{prefix}how-the-result-is-decided"]


@dataclass(frozen=True)
class ProgrammePage:
    """A programme: its days, the modules of each, objectives and the handbooks made from it."""

    programme: Programme
    handbooks: tuple[Handbook, ...]

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return programme_path(self.programme.id)

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order."""
        t = translator(cat.language)
        lines = [f"# {self.programme.title}"]
        lines += [f"## {t('handbooks')}"] if self.handbooks else []
        lines += [f"## {t('programme-objectives')}", f"## {t('timetable')}"]
        lines += [_with_id(f"day-{n}") for n in range(1, len(self.programme.days) + 1)]
        return "\n".join(lines)


@dataclass(frozen=True)
class AudiencePage:
    """Everything written for one audience: guidance pages, checklists, programmes, modules."""

    audience: Audience
    pages: tuple[Page, ...]
    checklists: tuple[Checklist, ...]
    programmes: tuple[Programme, ...]
    modules: tuple[LoadedModule, ...]

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return audience_path(self.audience.id)

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order."""
        t = translator(cat.language)
        sections = [("guidance", self.pages), ("checklists", self.checklists),
                    ("training-programmes", self.programmes), ("modules", self.modules)]
        return "\n".join([f"# {t('audience-page', audience=self.audience.title.lower())}",
                          *(f"## {t(key)}" for key, listed in sections if listed)])


@dataclass(frozen=True)
class ModulePage:
    """A module: summary, facts, objectives, prerequisites and its sessions."""

    module: LoadedModule

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return module_path(self.module.record.id)

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order."""
        t = translator(cat.language)
        before = [f"## {t('before-this-module')}"] if self.module.record.prerequisites else []
        return "\n".join([f"# {self.module.record.title}", f"## {t('objectives')}", *before,
                          f"## {t('sessions')}"])


@dataclass(frozen=True)
class SessionPage:
    """A session: its facts above its own Markdown, with embedded checklists filled in."""

    session: Session

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return session_path(self.session.module_id, self.session.id)

    def title_and_body(self) -> tuple[str, str]:
        """The page's title heading (the session's own `# ` line, else its front matter title)
        and the Markdown after it."""
        body = self.session.source.body.lstrip("\n")
        if body.startswith("# "):
            title, _, rest = body.partition("\n")
            return title, rest
        return f"# {self.session.meta.title}", body

    def heading_source(self, cat: Catalogue) -> str:
        """The session's own Markdown, each embedded checklist standing as its form's headings:
        the source, not the rendered page."""
        def form(block: Block) -> str | None:
            checklist = cat.checklists.get(block.title or "")
            return "\n".join(_with_id(anchor) for anchor in checklist_widget_anchors(
                checklist, prefix=f"{checklist.id}-")) if checklist else None

        title, body = self.title_and_body()
        return f"{title}\n{replace_blocks(body, 'checklist', form)}"


@dataclass(frozen=True)
class MaterialPage:
    """A module's Markdown material (role cards, a case pack, a form), as it is printed."""

    material: MaterialFile

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return material_path(self.material.module_id, self.material.file)

    def heading_source(self, cat: Catalogue) -> str:
        """The material's title and its own Markdown."""
        body = self.material.source.body if self.material.source else ""
        return f"# {self.material.title}\n{body}"


@dataclass(frozen=True)
class GuidePage:
    """A programme's facilitator guide: before the course, the materials, each day at a glance,
    after the course."""

    programme: Programme

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return guide_path(self.programme.id)

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order."""
        t = translator(cat.language)
        days = range(1, len(self.programme.days) + 1)
        return "\n".join([
            f"# {t('guide-title', programme=self.programme.title)}",
            f"## {t('before-the-course')}", f"### {t('room-and-equipment')}",
            f"## {t('materials-list')}", *(_with_id(f"materials-day-{n}") for n in days),
            f"## {t('day-at-a-glance')}", *(_with_id(f"day-{n}") for n in days),
            f"## {t('after-the-course')}"])


@dataclass(frozen=True)
class ChecklistPage:
    """A checklist's own page: title, summary and the interactive form."""

    checklist: Checklist

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return checklist_path(self.checklist.id)

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order."""
        anchors = [*checklist_widget_anchors(self.checklist, prefix=""), FORM_ANCHOR]
        return "\n".join([f"# {self.checklist.title}", *map(_with_id, anchors)])


@dataclass(frozen=True)
class DecisionPage:
    """How a checklist's result is decided, written from its rule: the outcomes in order, the
    questions, and each element's indicators with their sources and signs."""

    checklist: Checklist

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return decision_path(self.checklist.id)

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order."""
        checklist = self.checklist
        title = translator(cat.language)("decision-title", checklist=checklist.title)
        anchors = ["outcomes", *(["questions"] if checklist.questions else [])]
        for element in checklist.elements:
            anchors.append(element.id)
            anchors += [i.id for i in checklist.indicators if i.element == element.id]
        return "\n".join([f"# {title}", *map(_with_id, anchors)])


@dataclass(frozen=True)
class GlossaryPage:
    """Every glossary term with its definition, by term."""

    glossary: Glossary

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return GLOSSARY

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order: each term's is its id."""
        terms = sorted(self.glossary.terms, key=lambda term: term.term)
        return "\n".join([f"# {translator(cat.language)('glossary')}",
                          *(_with_id(term.id) for term in terms)])


@dataclass(frozen=True)
class SourcesPage:
    """Every source the content relies on, in full, with the pages that cite it."""

    sources: tuple[Source, ...]
    cited_on: dict[str, dict[str, str]]
    """For each source id, the pages citing it: site path → title."""

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return SOURCES

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order: each source's is its id."""
        return "\n".join([f"# {translator(cat.language)('sources')}",
                          *(_with_id(source.id) for source in self.sources)])


@dataclass(frozen=True)
class ReviewQueuePage:
    """For the centre, on the default language's site: every statement still to be confirmed,
    page by page, with why and who can confirm it."""

    items: tuple[OpenItem, ...]

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return REVIEW_QUEUE

    def pages(self) -> dict[str, list[OpenItem]]:
        """The items by the page that shows them, in the site's order."""
        grouped: dict[str, list[OpenItem]] = {}
        for item in self.items:
            grouped.setdefault(item.site_path, []).append(item)
        return grouped

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order: one per page with open items."""
        return "\n".join([f"# {translator(cat.language)('review-queue')}",
                          *(_with_id(f"q-{n}") for n in range(1, len(self.pages()) + 1))])


@dataclass(frozen=True)
class TranslationsPage:
    """For translators, on the default language's site: what each language still lacks."""

    statuses: tuple[LanguageStatus, ...]

    @property
    def path(self) -> str:
        """Where the page sits in the site."""
        return TRANSLATIONS

    def heading_source(self, cat: Catalogue) -> str:
        """Markdown with the page's headings, in order (the page is in English only)."""
        lines = ["# Translation status"]
        for status in self.statuses:
            lines.append(_with_id(status.language))
            lines += ["### Stale"] if status.with_status("stale", "unstamped") else []
            lines += ["### Missing"] if status.with_status("missing") else []
        return "\n".join(lines)


GeneratedPage = (ProgrammePage | GuidePage | AudiencePage | ModulePage | SessionPage | MaterialPage
                 | ChecklistPage | DecisionPage | GlossaryPage | SourcesPage | ReviewQueuePage
                 | TranslationsPage)


def pages_from_data(cat: Catalogue) -> Iterator[GeneratedPage]:
    """Every page generated from data, in a stable order."""
    site = cat.site
    if site is not None:
        for programme in site.programmes:
            yield ProgrammePage(programme, tuple(h for h in site.handbooks if h.programme == programme.id))
            yield GuidePage(programme)
        for audience in site.audiences:
            yield _audience_page(cat, audience)
    for module in cat.modules.values():
        yield ModulePage(module)
        yield from (SessionPage(session) for session in module.all_sessions)
        yield from (MaterialPage(m) for m in module.materials.values() if m.source)
    for checklist in cat.checklists.values():
        yield ChecklistPage(checklist)
        yield DecisionPage(checklist)
    if cat.glossary.terms:
        yield GlossaryPage(cat.glossary)
    if cat.sources.sources:
        yield SourcesPage(tuple(cat.sources.sources), citing_pages(cat))
    if cat.translated is None:
        yield ReviewQueuePage(tuple(open_items(cat)))
    if cat.translated is None and site is not None and len(site.languages) > 1:
        yield TranslationsPage(tuple(translation_status(cat)))


def _audience_page(cat: Catalogue, audience: Audience) -> AudiencePage:
    def written_for(audiences: list[str]) -> bool:
        return audience.id in audiences

    return AudiencePage(
        audience,
        pages=tuple(p for p in cat.pages if written_for(p.meta.audiences)),
        checklists=tuple(c for c in cat.checklists.values() if written_for(c.audiences)),
        programmes=tuple(p for p in cat.site.programmes if written_for(p.audiences)) if cat.site else (),
        modules=tuple(m for m in cat.modules.values() if written_for(m.record.audiences)))


def page_anchors(cat: Catalogue, page: GeneratedPage) -> frozenset[str]:
    """The anchors of a generated page's headings, without rendering it."""
    return frozenset(scan(page.heading_source(cat)).anchors)
