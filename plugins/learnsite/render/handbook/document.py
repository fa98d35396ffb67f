"""A handbook as HTML: cover, contents, overview, a chapter per module, printable checklist
forms, glossary, handouts and assessments, in the handbook's edition and language.

Links between pages of the site become links inside the PDF when their target is in the
handbook, and plain text otherwise; a checklist embedded in a session points to its printable
form. Every part ends with an empty marker element, so the renderer can prove nothing was lost.

The handbook is rendered unit by unit (the front matter, then each part as its own document), so
a unit can be rendered in another process and reused while its HTML is unchanged. A unit keeps
links to anchors in other units through empty stand-in elements carrying those ids; the merge
points them at the real anchors.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined

from learnsite.load.mdscan import Block, replace_blocks, scan
from learnsite.model.catalogue import Catalogue, LoadedModule, Session
from learnsite.model.site import Handbook, Programme
from learnsite.render.pages import expand_page, language_name
from learnsite.schedule import clock, schedule_programme
from learnsite.site_paths import GLOSSARY, checklist_path, module_path, session_path
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
    """The print templates: every value is escaped unless marked `| safe` (the HTML rendered
    from Markdown), so an author's text prints as the text it is."""
    return Environment(loader=PackageLoader("learnsite.render.handbook", "templates"),
                       autoescape=True, trim_blocks=True, lstrip_blocks=True,
                       undefined=StrictUndefined)


def session_anchor(session: Session) -> str:
    """The id of a session's section in a handbook."""
    return f"s-{session.module_id}-{session.id}"


def to_html(text: str, edition: str, language: str) -> str:
    """Session Markdown as HTML for print, headings shifted so a session title is an h2."""
    converter = markdown.Markdown(
        extensions=["attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
                    "pymdownx.superfences", "pymdownx.blocks.admonition",
                    "pymdownx.blocks.details", "learnsite.render.blocks"],
        extension_configs={"toc": {"baselevel": 2, "permalink": False},
                           "learnsite.render.blocks": {"edition": edition, "language": language}})
    return str(converter.convert(text))


Converter = Callable[[str, str, str], str]
"""Markdown, edition and language to HTML: `to_html`, or a cached stand-in for it."""


class _Builder:
    """Collects the parts of one handbook."""

    def __init__(self, cat: Catalogue, handbook: Handbook, convert: Converter) -> None:
        self.convert = convert
        self.cat = cat
        self.handbook = handbook
        self.t = translator(cat.language)
        self.programme = next((p for p in cat.site.programmes if p.id == handbook.programme), None) \
            if cat.site else None
        ids = ([m for day in self.programme.days for m in day.modules] if self.programme
               else handbook.modules or [])
        self.modules = [cat.modules[m] for m in dict.fromkeys(ids) if m in cat.modules]
        self.anchors = {session_path(m.record.id, s.id): session_anchor(s)
                        for m in self.modules for s in m.sessions}
        self.anchors |= {module_path(m.record.id): f"m-{m.record.id}" for m in self.modules}
        self.anchors |= {checklist_path(c): f"c-{c}" for c in cat.checklists}
        if "glossary" in handbook.include:
            self.anchors[GLOSSARY] = "glossary"

    def markdown(self, text: str, site_path: str) -> str:
        """Convert Markdown of the page at `site_path`, with print-ready links and embeds."""
        def form_note(block: Block) -> str:
            target = f"../../checklists/{block.title}.md"
            return f"*[{self.t('checklist-form')}]({target})*"

        text = replace_blocks(text, "checklist", form_note)
        html = self.convert(expand_page(text, self.cat, site_path), self.handbook.edition,
                            self.cat.language)
        return self._links(html, site_path)

    def source_language(self, html: str, site_path: str) -> str:
        """Text not yet translated keeps its own language and direction inside the handbook."""
        if self.cat.is_translated(site_path):
            return html
        return f'<div lang="en" dir="ltr" class="source-language">{html}</div>'

    def _links(self, html: str, site_path: str) -> str:
        def relink(match: re.Match[str]) -> str:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(site_path), match.group(1)))
            fragment = (match.group(2) or "").lstrip("#")
            anchor = self.anchors.get(target)
            if anchor is None:
                return match.group(4)
            if target == GLOSSARY and fragment:
                anchor = f"g-{fragment}"
            return f'<a href="#{anchor}"{match.group(3)}>{match.group(4)}</a>'

        return _HREF.sub(relink, html)

    def parts(self) -> Iterator[Part]:
        """The parts in order, each as soon as it is written."""
        include = self.handbook.include
        if "overview" in include and self.programme is not None:
            yield self.overview(self.programme)
        if "modules" in include:
            yield from (self.module(m) for m in self.modules)
        if "checklists" in include and self.cat.checklists:
            yield self.checklists()
        if "glossary" in include and self.cat.glossary.terms:
            yield Part("glossary", "glossary", self.t("glossary"),
                       _env().get_template("glossary.html.j2").render(
                           terms=sorted(self.cat.glossary.terms, key=lambda term: term.term)))
        if "handouts" in include:
            handouts = self.handouts()
            if handouts:
                yield Part("handouts", "handouts", self.t("handouts"), handouts)

    def overview(self, programme: Programme) -> Part:
        html = _env().get_template("overview.html.j2").render(
            programme=programme, days=schedule_programme(programme, self.cat.modules), clock=clock,
            objectives=[(o, self.cat.is_translated(module_path(m.record.id)))
                        for m in self.modules for o in m.record.objectives], t=self.t)
        return Part("overview", "overview", self.t("overview"), html)

    def module(self, module: LoadedModule) -> Part:
        sessions = []
        for session in module.sessions:
            text = session.source.body.lstrip("\n")
            text = text.partition("\n")[2] if text.startswith("# ") else text  # title comes from meta
            path = session_path(module.record.id, session.id)
            sessions.append((session, self.source_language(self.markdown(text, path), path)))
        html = _env().get_template("module.html.j2").render(
            module=module.record, sessions=sessions, anchor=session_anchor, t=self.t,
            untranslated=not self.cat.is_translated(module_path(module.record.id)))
        return Part(f"m-{module.record.id}", "module", module.record.title, html,
                    tuple((session_anchor(s), s.meta.title) for s, _ in sessions))

    def checklists(self) -> Part:
        html = _env().get_template("checklists.html.j2").render(
            checklists=list(self.cat.checklists.values()), t=self.t)
        return Part("checklists", "checklists", self.t("checklists"), html,
                    tuple((f"c-{c.id}", c.title) for c in self.cat.checklists.values()))

    def handouts(self) -> str:
        pieces = []
        for module in self.modules:
            for session in module.sessions:
                body = session.source.body.splitlines()
                for block in scan(session.source.body).blocks:
                    if block.name == "handout" and block.end_line is not None:
                        text = "\n".join(body[block.line - 1: block.end_line])
                        pieces.append(self.markdown(text, session_path(module.record.id, session.id)))
        return "\n".join(pieces)


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
        "language_name": language_name(cat), "direction": direction,
        "date": max(dates).isoformat() if dates else "",
        "version": versions[-1] if versions else "1.0"}
    document = HandbookDocument(handbook, [], context)
    for part in builder.parts():
        document.parts.append(part)
        if written is not None:
            written(document, part)
    return document
