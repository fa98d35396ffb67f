"""A handbook as HTML: cover, contents, then in the order the handbook lists them an overview, a
chapter per module (its assessment last), printable checklist forms, glossary and handouts, in the
handbook's edition and language.

Links between pages of the site become links inside the PDF when their target is in the
handbook, and plain text otherwise; a checklist embedded in a session points to its printable
form. Every part ends with an empty marker element, so the renderer can prove nothing was lost.

The handbook is rendered unit by unit (the front matter, then each part as its own document), so
a unit can be rendered in another process and reused while its HTML is unchanged. A unit keeps
links to anchors in other units through empty stand-in elements carrying those ids; the merge
points them at the real anchors.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial

from jinja2 import Environment

from learnsite.load.citing import citing_pages
from learnsite.load.materials import printed_materials
from learnsite.load.mdscan import Block, replace_blocks, scan
from learnsite.model.catalogue import Catalogue, LoadedModule, MaterialFile, Session
from learnsite.model.markdown_config import MarkdownConfig
from learnsite.model.site import Handbook
from learnsite.render.checklist_pages import counts_toward, decision_markdown
from learnsite.render.guide import guide_markdown
from learnsite.render.markdown import BLOCKS, convert
from learnsite.render.page_templates import html_templates
from learnsite.render.pages import expand_page, language_name
from learnsite.schedule import clock, schedule_programme
from learnsite.site_paths import (
    GLOSSARY,
    SOURCES,
    checklist_path,
    decision_path,
    guide_path,
    material_path,
    module_path,
    programme_path,
    session_path,
)
from learnsite.strings import translator

_HREF = re.compile(r'<a href="([^"#]*\.md)(#[^"]*)?"([^>]*)>(.*?)</a>', re.S)
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r' id="([^"]+)"')
_END_MARKER = re.compile(r' id="(end-[^"]+)"')
FRONT = "front"
"""The unit holding the cover and the contents, whichever of them the handbook includes."""


@dataclass(frozen=True)
class Part:
    """A top-level part of the handbook, with the sections listed in the contents."""

    id: str
    kind: str
    title: str
    html: str
    sections: tuple[tuple[str, str], ...] = ()
    foreign: frozenset[str] = frozenset()
    """The part's and sections' anchors whose titles and text are still in the source language:
    titles set left to right in a right-to-left handbook, marked so in the contents, and their
    pages counted as not translated."""
    untranslated: bool = False
    """Whether the part's text (under a title in the handbook's language) is still in the
    source language."""


@dataclass(frozen=True)
class Unit:
    """One separately rendered document of a handbook."""

    id: str
    html: str
    stand_ins: frozenset[str]
    """Ids present only to keep links to other units; their real anchors are elsewhere."""

    @property
    def end_markers(self) -> list[str]:
        """Ids of the markers closing each part and session: one missing was cut short."""
        return _END_MARKER.findall(self.html)


@dataclass
class HandbookDocument:
    """A handbook's parts and how to write each unit, and the page numbers, as HTML."""

    handbook: Handbook
    parts: list[Part]
    context: dict[str, object] = field(default_factory=dict)

    @property
    def has_front(self) -> bool:
        """Whether the handbook opens with a cover or contents."""
        return bool({"cover", "contents"} & set(self.handbook.include))

    def front(self, pages: dict[str, int]) -> Unit:
        """The cover and contents, the contents listing `pages` (anchor → page number)."""
        return self._unit(FRONT, units={"cover", "contents"}, pages=pages)

    def part(self, part: Part) -> Unit:
        """One part as a document of its own."""
        return self._unit(part.id, units={part.id}, pages={})

    def numbers(self, first: int, count: int) -> str:
        """`count` empty pages showing only their numbers, from `first`: stamped onto the rendered
        units afterwards, so a unit does not depend on where it lands in the book."""
        return _env().get_template("numbers.html.j2").render(
            first=first, count=count, paper=self.handbook.paper,
            language=self.context["language"], direction=self.context["direction"])

    @property
    def anchors(self) -> list[str]:
        """The anchors the contents lists, in order: each part and its sections."""
        return [anchor for part in self.parts for anchor in (part.id, *(s for s, _ in part.sections))]

    def label(self, anchor: str) -> str:
        """What a trainer would call the part or session at `anchor`: "Basics › Definitions"."""
        for part in self.parts:
            if anchor == part.id:
                return part.title
            for section, title in part.sections:
                if anchor == section:
                    return f"{part.title} › {title}"
        return anchor

    def _unit(self, unit_id: str, units: set[str], pages: dict[str, int]) -> Unit:
        html = _env().get_template("handbook.html.j2").render(
            parts=self.parts, units=units, pages=pages, **self.context)
        stand_ins = frozenset(_LOCAL_HREF.findall(html)) - set(_ID.findall(html))
        spans = "".join(f'<span class="elsewhere" id="{anchor}"></span>' for anchor in sorted(stand_ins))
        return Unit(unit_id, html.replace("</body>", f"{spans}</body>"), stand_ins)


@cache
def _env() -> Environment:
    """The handbook's templates."""
    return html_templates("learnsite.render.handbook")


def _scoped(html: str, scope: str) -> str:
    """The ids of one converted text, and the links to them, prefixed with `scope`: the sessions
    of a chapter share one document, and each may have a heading or footnote of the same name."""
    ids = set(_ID.findall(html))
    if not ids:
        return html
    html = _ID.sub(lambda match: f' id="{scope}-{match.group(1)}"', html)
    return _LOCAL_HREF.sub(lambda match: f'href="#{scope}-{match.group(1)}"'
                           if match.group(1) in ids else match.group(0), html)


def _untitled(markdown: str) -> str:
    """A page's Markdown without its `# ` title line: the part's title prints it."""
    return re.sub(r"^\s*# .*\n", "", markdown, count=1)


def _material_anchor(material: MaterialFile) -> str:
    """The id of a material's section among the handouts."""
    return f"mat-{material.module_id}-" + re.sub(r"[^a-z0-9]+", "-", material.file.lower()).strip("-")


def session_anchor(session: Session) -> str:
    """The id of a session's section in a handbook."""
    return f"s-{session.module_id}-{session.id}"


def to_html(text: str, config: MarkdownConfig, edition: str, language: str) -> str:
    """Session Markdown as HTML for print: the site's Markdown configuration in the handbook's
    edition and language, headings shifted so that a session title is an h2."""
    return convert(text, config, {"toc": {"baselevel": 2},
                                  BLOCKS: {"edition": edition, "language": language}})


Converter = Callable[[str, MarkdownConfig, str, str], str]
"""Markdown, configuration, edition and language to HTML: `to_html`, or a cached stand-in for it."""


class _Builder:
    """Collects the parts of one handbook."""

    def __init__(self, cat: Catalogue, handbook: Handbook, convert: Converter) -> None:
        self.convert = convert
        self.cat = cat
        self.handbook = handbook
        self.t = translator(cat.language)
        self.programme = cat.programme(handbook.programme)
        self.source = cat.source_language
        self.modules = cat.handbook_modules(handbook)
        self.anchors = {session_path(m.record.id, s.id): session_anchor(s)
                        for m in self.modules for s in m.all_sessions}
        self.anchors |= {module_path(m.record.id): f"m-{m.record.id}" for m in self.modules}
        self.anchors |= {checklist_path(c): f"c-{c}" for c in cat.checklists}
        if "glossary" in handbook.include:
            self.anchors[GLOSSARY] = "glossary"
        if "handouts" in handbook.include:
            self.anchors |= {material_path(m.module_id, m.file): _material_anchor(m)
                             for m in printed_materials(self.modules, handbook.edition)}
        if "guide" in handbook.include and self.programme and handbook.edition == "trainer":
            self.anchors[guide_path(self.programme.id)] = "guide"

    def markdown(self, text: str, site_path: str) -> str:
        """Convert Markdown of the page at `site_path`, with print-ready links and embeds. Text
        not yet translated stays in its own language and direction, its blocks' labels
        ("Activity", "Answer") too, so that each passage reads in one language."""
        language = self.cat.language if self.cat.is_translated(site_path) else self.source.code

        def form_note(block: Block) -> str:
            target = f"../../checklists/{block.title}.md"
            return f"*[{translator(language)('checklist-form')}]({target})*"

        text = replace_blocks(text, "checklist", form_note)
        html = self.convert(expand_page(text, self.cat, site_path), self.cat.markdown,
                            self.handbook.edition, language)
        return self.in_own_language(
            self._links(_scoped(html, self.anchors.get(site_path, "page")), site_path), site_path)

    def in_own_language(self, html: str, site_path: str) -> str:
        """Text not yet translated keeps its own language and direction inside the handbook."""
        if self.cat.is_translated(site_path):
            return html
        return (f'<div lang="{self.source.code}" dir="{self.source.dir}" class="source-language">'
                f'{html}</div>')

    def _links(self, html: str, site_path: str) -> str:
        def relink(match: re.Match[str]) -> str:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(site_path), match.group(1)))
            fragment = (match.group(2) or "").lstrip("#")
            anchor = self.anchors.get(target)
            if anchor is None:
                return match.group(4)
            if target == GLOSSARY and fragment:
                anchor = f"{anchor}-{fragment}"  # a term's id, scoped as the glossary's text is
            return f'<a href="#{anchor}"{match.group(3)}>{match.group(4)}</a>'

        return _HREF.sub(relink, html)

    def parts(self) -> Iterator[Part]:
        """The parts in the order `include` lists them, each as soon as it is written; a part
        with nothing to show is left out. (The cover and contents are the front matter, written
        once the parts' page numbers are known.)"""
        writers: dict[str, Callable[[], Iterator[Part]]] = {
            "overview": self.overview, "guide": self.guide, "modules": self.chapters,
            "checklists": self.checklists, "glossary": self.glossary, "handouts": self.handouts,
            "sources": self.sources}
        for name in self.handbook.include:
            if name in writers:
                yield from writers[name]()

    def overview(self) -> Iterator[Part]:
        if self.programme is None:
            return
        untranslated = not self.cat.is_translated(programme_path(self.programme.id))
        html = _env().get_template("overview.html.j2").render(
            programme=self.programme, days=schedule_programme(self.programme, self.cat.modules),
            clock=clock, t=self.t, source=self.source, untranslated=untranslated,
            translated=lambda slot: slot.kind != "session" or self.cat.is_translated(
                session_path(slot.module_id or "", slot.session_id or "")),
            objectives=[(o, self.cat.is_translated(module_path(m.record.id)))
                        for m in self.modules for o in m.record.objectives])
        yield Part("overview", "overview", self.t("overview"), html, untranslated=untranslated)

    def guide(self) -> Iterator[Part]:
        """The facilitator guide, as on the web: for trainers, so only in their edition."""
        if self.programme is None or self.handbook.edition != "trainer":
            return
        path = guide_path(self.programme.id)
        yield Part("guide", "guide", self.t("facilitator-guide"),
                   self.markdown(_untitled(guide_markdown(self.cat, self.programme)), path),
                   untranslated=not self.cat.is_translated(path))

    def chapters(self) -> Iterator[Part]:
        yield from (self.module(m) for m in self.modules)

    def glossary(self) -> Iterator[Part]:
        """The terms in order, their definitions rendered as on the web, in one text so that
        the sources they cite are listed once, under the glossary."""
        if self.cat.glossary.terms:
            terms = sorted(self.cat.glossary.terms, key=lambda term: term.term)
            text = _env().get_template("glossary.md.j2").render(
                terms=terms, sources=self.cat.sources.by_id(), t=self.t)
            yield Part("glossary", "glossary", self.t("glossary"),
                       self.markdown(text, GLOSSARY),
                       untranslated=not self.cat.is_translated(GLOSSARY))

    def sources(self) -> Iterator[Part]:
        """The bibliography: every source cited by what this handbook prints."""
        printed = set(self.anchors) - {checklist_path(c) for c in self.cat.checklists}
        if "checklists" in self.handbook.include:
            printed |= {path(c) for c in self.cat.checklists for path in (checklist_path, decision_path)}
        cited = citing_pages(self.cat)
        sources = [s for s in self.cat.sources.sources if printed & set(cited.get(s.id, {}))]
        if sources:
            html = _env().get_template("sources.html.j2").render(sources=sources, t=self.t)
            yield Part("sources", "sources", self.t("sources"), self.in_own_language(html, SOURCES),
                       untranslated=not self.cat.is_translated(SOURCES))

    def module(self, module: LoadedModule) -> Part:
        sessions = []
        for session in module.all_sessions:
            text = session.source.body.lstrip("\n")
            text = text.partition("\n")[2] if text.startswith("# ") else text  # title comes from meta
            path = session_path(module.record.id, session.id)
            sessions.append((session, self.markdown(text, path), self.cat.is_translated(path)))
        part_id = f"m-{module.record.id}"
        untranslated = not self.cat.is_translated(module_path(module.record.id))
        html = _env().get_template("module.html.j2").render(
            module=module.record, sessions=sessions, anchor=session_anchor, t=self.t,
            untranslated=untranslated, source=self.source)
        foreign = {session_anchor(s) for s, _, translated in sessions if not translated}
        return Part(part_id, "module", module.record.title, html,
                    tuple((session_anchor(s), s.meta.title) for s, _, _ in sessions),
                    frozenset(foreign | ({part_id} if untranslated else set())))

    def checklists(self) -> Iterator[Part]:
        """Each checklist as a form to fill in by hand, and how its result is decided (the form
        shows the signs, so the rule in words lists only the indicators)."""
        if not self.cat.checklists:
            return
        decisions = {c.id: self.markdown(decision_markdown(self.cat, c, level=3, signs=False,
                                                           prefix=f"c-{c.id}-"),
                                         decision_path(c.id))
                     for c in self.cat.checklists.values()}
        foreign = {f"c-{c}" for c in self.cat.checklists if not self.cat.is_translated(checklist_path(c))}
        html = _env().get_template("checklists.html.j2").render(
            checklists=list(self.cat.checklists.values()), t=self.t, decisions=decisions,
            counts=partial(counts_toward, self.t), foreign=foreign, source=self.source)
        yield Part("checklists", "checklists", self.t("checklists"), html,
                   tuple((f"c-{c.id}", c.title) for c in self.cat.checklists.values()),
                   frozenset(foreign))

    def handouts(self) -> Iterator[Part]:
        """Each session's handouts, then the material files it names that the edition prints
        (trainers' only in theirs): each on pages of its own, ready to copy, under a heading
        that the contents and bookmarks list, so a trainer finds the one to copy."""
        pages: list[tuple[str, str, str, str]] = []  # anchor, title, Markdown, site path
        printed = {(m.module_id, m.file): m for m in printed_materials(self.modules, self.handbook.edition)}
        for module in self.modules:
            for session in module.all_sessions:
                body = session.source.body.splitlines()
                path = session_path(module.record.id, session.id)
                pages += [(f"h-{module.record.id}-{session.id}-{block.line}",
                           block.title or self.t("handout"),
                           "\n".join(body[block.line - 1: block.end_line]), path)
                          for block in scan(session.source.body).closed("handout")]
                for file in session.meta.material_files:
                    material = printed.pop((module.record.id, file), None)
                    if material and material.source:
                        path = material_path(material.module_id, material.file)
                        pages.append((self.anchors[path], material.title, material.source.body, path))
        if not pages:
            return
        foreign = frozenset(anchor for anchor, _, _, path in pages if not self.cat.is_translated(path))
        html_pages = [f'<section class="handout-page" id="{anchor}">'
                      f'<h2{self._own_language(path)}>{html.escape(title)}</h2>'
                      f'{self.markdown(text, path)}</section>' for anchor, title, text, path in pages]
        yield Part("handouts", "handouts", self.t("handouts"), "\n".join(html_pages),
                   tuple((anchor, title) for anchor, title, _, _ in pages), foreign,
                   untranslated=len(foreign) == len(pages))

    def _own_language(self, site_path: str) -> str:
        """The attributes that keep an untranslated title in its own language and direction."""
        if self.cat.is_translated(site_path):
            return ""
        return f' lang="{self.source.code}" dir="{self.source.dir}"'


def build_document(cat: Catalogue, handbook: Handbook, convert: Converter = to_html,
                   written: Callable[[HandbookDocument, Part], None] | None = None) -> HandbookDocument:
    """The handbook's parts and their shared context (`cat` already in the handbook's language);
    `written` hears of each part as soon as it is written, so it can start rendering it. The
    print stylesheet is not part of the HTML: each renderer parses it once for all units."""
    builder = _Builder(cat, handbook, convert)
    dates = [m.record.last_reviewed for m in builder.modules]
    versions = sorted({m.record.version for m in builder.modules})
    direction = next((lang.dir for lang in cat.site.languages if lang.code == cat.language), "ltr") \
        if cat.site else "ltr"
    context: dict[str, object] = {
        "handbook": handbook, "programme": builder.programme, "t": builder.t,
        "organisation": cat.site.organisation if cat.site else None, "language": cat.language,
        "source": builder.source,
        "language_name": language_name(cat), "direction": direction,
        "date": max(dates).isoformat() if dates else "",
        "version": versions[-1] if versions else "1.0"}
    document = HandbookDocument(handbook, [], context)
    for part in builder.parts():
        document.parts.append(part)
        if written is not None:
            written(document, part)
    return document
