"""Citations as numbered notes: `[@source-id, art. 3]` in a page or session becomes a number that
leads to the full reference, listed under the page (on the web) or the session (in print).

Two steps, so that only what an edition shows is numbered (a citation inside a model answer is
not on the web, and leaves no note there): while filling a page, each citation is replaced by a
token carrying its reference in the page's language (`cite_tokens`); then, in the site's one
Markdown configuration, a pattern turns each token into a note mark and a tree processor numbers
the marks the edition kept and lists their references.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it
from collections.abc import Callable

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from learnsite.load.mdscan import scan
from learnsite.model.catalogue import Catalogue
from learnsite.model.sources import Source
from learnsite.strings import translator

_OPEN, _SEP, _CLOSE = "\u2983cite", "\u2999", "\u2984"
_TOKEN = rf"{_OPEN}{_SEP}([^{_SEP}{_CLOSE}]*){_SEP}([^{_SEP}{_CLOSE}]*){_SEP}([^{_SEP}{_CLOSE}]*){_CLOSE}"
_MARK = "ls-cite"
PATTERN_PRIORITY = 200
"""Before every other inline pattern, so no emphasis or link reads inside a token."""
TREE_PRIORITY = 15
"""After the inline patterns (20) made the marks."""


def reference(source: Source, locator: str | None, comma: str) -> tuple[str, str]:
    """A source as a note gives it: its title, then the issuing body, the year and the place
    cited (an article, a paragraph), each after `comma` (the page's language's)."""
    rest = "".join(f"{comma}{part}" for part in
                   [source.author, str(source.year), *([locator] if locator else [])])
    return source.title, f"{rest}."


def cite_tokens(markdown: str, cat: Catalogue) -> str:
    """Each citation of a known source replaced by a token carrying its reference in the
    catalogue's language (unknown ones stay as written: `learnsite check` reports them)."""
    sources = cat.sources.by_id()
    citations = [c for c in scan(markdown).citations if c.source in sources]
    if not citations:
        return markdown
    comma = translator(cat.language)("list-comma")
    lines = markdown.split("\n")
    for citation in sorted(citations, key=lambda c: (c.line, c.col), reverse=True):
        title, rest = reference(sources[citation.source], citation.locator, comma)
        token = _SEP.join([_OPEN, citation.source, _clean(title), _clean(rest)]) + _CLOSE
        line = lines[citation.line - 1]
        start = citation.col - 1
        lines[citation.line - 1] = line[:start] + token + line[start + len(citation.raw):]
    return "\n".join(lines)


def _clean(text: str) -> str:
    return text.replace(_SEP, " ").replace(_CLOSE, " ")


class _Mark(InlineProcessor):
    """A token as a note mark holding its reference until the marks are numbered."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # noqa: N802
        mark = etree.Element("sup", {"class": _MARK, "data-source": m.group(1),
                                     "data-title": m.group(2), "data-rest": m.group(3)})
        return mark, m.start(0), m.end(0)


class _Notes(Treeprocessor):
    """Numbers the marks in reading order (one number per reference) and lists the references
    under the text."""

    def __init__(self, md: Markdown, heading: Callable[[], str]) -> None:
        super().__init__(md)
        self.heading = heading

    def run(self, root: etree.Element) -> None:
        numbers: dict[tuple[str, str], int] = {}
        for mark in [e for e in root.iter("sup") if e.get("class") == _MARK]:
            key = (mark.attrib.pop("data-title"), mark.attrib.pop("data-rest"))
            number = numbers.setdefault(key, len(numbers) + 1)
            link = etree.SubElement(mark, "a", {"href": f"#ls-note-{number}"})
            link.text = str(number)
        if not numbers:
            return
        notes = etree.SubElement(root, "div", {"class": "ls-notes"})
        title = etree.SubElement(notes, "p", {"class": "ls-notes-title"})
        title.text = self.heading()
        listing = etree.SubElement(notes, "ol")
        for (source_title, rest), number in numbers.items():
            item = etree.SubElement(listing, "li", {"id": f"ls-note-{number}"})
            emphasis = etree.SubElement(item, "em")
            emphasis.text = AtomicString(source_title)
            emphasis.tail = AtomicString(rest)


def register(md: Markdown, heading: Callable[[], str]) -> None:
    """Add the note marks and the numbering to a Markdown converter; `heading` titles the list."""
    md.inlinePatterns.register(_Mark(_TOKEN, md), "learnsite-cite", PATTERN_PRIORITY)
    md.treeprocessors.register(_Notes(md, heading), "learnsite-notes", TREE_PRIORITY)
