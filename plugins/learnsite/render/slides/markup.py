"""A session converted in the slides edition, read as the pieces its slides are cut from.

A Markdown tree processor run last in the slides edition of the site's one Markdown
configuration (render/blocks.py registers it), so slides show text exactly as the web and print
do: the same extensions, glossary terms and blocks. By then the edition has dropped what a
projector must never show (trainer notes, answers, handouts, computed case results, statements
still to confirm); this reads what is left:

- each heading, with the key points under it: the items of its lists (a long one cut to its
  first sentence), the first sentence of each paragraph, a table's rows;
- each activity, case study, key-messages block and author's `/// slide`, in place, whole.

Citation marks and their notes, footnotes, permalinks and links are taken out: a projected
slide has nowhere to lead, and a number leading to no note would only puzzle.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

NAME = "learnsite-slides"
PRIORITY = -10
"""After every other tree processor, `unescape` (0) included: the text is final."""
KEY_POINT_CHARS = 130
"""A list item longer than this is cut to its first sentence on a heading's slide, and any
point to this length at a word (a slide shows key points; the handbook has the rest)."""
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_DROPPED = {"ls-cite", "ls-notes", "footnote", "footnote-ref", "headerlink"}
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)[^>]*?(/?)>")
_VOID = {"br", "img", "input", "hr", "wbr"}
_BOLD = {"strong", "b", "th", "dt"}
_SPACE = re.compile(r"\s+")
_ENDED = re.compile(r"[.!?؟][\"'”’»)]*$")
_BEGINS = re.compile(r"[\"'“‘«(]*[A-Z\u0621-\u064A]")
_CLOSING = set(".,;:!?)]»”’؟،؛…")
_CUT = " ,;:،؛"

Kind = Literal["heading", "activity", "case-study", "key-messages", "slide"]
Marker = Literal["ul", "ol", "p", "block"]
BLOCK_KINDS: tuple[Kind, ...] = ("activity", "case-study", "key-messages", "slide")
"""The blocks that are slides of their own (render/blocks.py drops the others in this edition)."""


@dataclass(frozen=True)
class Point:
    """One thing a slide shows: inline HTML, and what it was in the text (an item of a bulleted
    or numbered list, a paragraph, or an element kept as written, such as an author's table)."""

    html: str
    marker: Marker = "ul"
    number: int = 0
    """Its number, for an item of a numbered list."""

    @property
    def text(self) -> str:
        """The text alone, as it reads (its line breaks are spaces)."""
        return " ".join(plain(self.html).split())


@dataclass(frozen=True)
class Piece:
    """What a heading or a block of a session gives, before it is cut into slides that fit."""

    kind: Kind
    title: str
    """Inline HTML: the heading, or the block's own title (empty when it has none)."""
    points: tuple[Point, ...]
    label: str = ""
    """The block's name in the page's language ("Activity"); empty for a heading."""
    minutes: int | None = None


def sentences(text: str) -> list[str]:
    """Inline HTML cut after each sentence: at a space following a full stop, question or
    exclamation mark, before a capital or an Arabic letter ("No. 29", "e.g. the" stay whole),
    after two words at least (a label such as "**1.**" is no sentence), and only where no
    element is open, so that every piece is well-formed HTML."""
    return _cut(text, lambda before, after: bool(_ENDED.search(before) and _BEGINS.match(after)
                                                 and len(before.split()) > 1))


def clauses(text: str) -> list[str]:
    """Inline HTML cut after each colon or semicolon, where no element is open: how a sentence
    too long for one slide goes on to the next."""
    return _cut(text, lambda before, _: before.rstrip().endswith((":", ";", "؛")))


def _cut(text: str, cuts_after: Callable[[str, str], bool]) -> list[str]:
    """`text` cut at the spaces outside every element where `cuts_after(text before it since the
    last cut, text after it)`."""
    cuts = [0]
    for start, end in _spaces(text):
        if cuts_after(plain(text[cuts[-1]:start]), plain(text[end:])):
            cuts.append(end)
    return [text[start:stop].strip() for start, stop in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def shortened(text: str, fits: Callable[[str], bool]) -> str:
    """Inline HTML as it is if its text `fits`, else cut with an ellipsis at the last space where
    no element is open that leaves a text that fits (as it is when there is no such space)."""
    if fits(plain(text)):
        return text
    fitting = [start for start, _ in _spaces(text) if fits(f"{plain(text[:start])}…")]
    return f"{text[:fitting[-1]].rstrip(_CUT)}…" if fitting else text


def _spaces(text: str) -> Iterator[tuple[int, int]]:
    """Where each run of white space outside every element starts and ends."""
    depth, position = 0, 0
    for tag in [*_TAG.finditer(text), None]:
        if depth == 0:
            end = tag.start() if tag else len(text)
            yield from (space.span() for space in _SPACE.finditer(text, position, end))
        if tag is None:
            return
        closing, name, empty = tag.groups()
        depth += -1 if closing else 0 if empty or name.lower() in _VOID else 1
        position = tag.end()


def runs(text: str) -> list[tuple[str, bool]]:
    """Inline HTML as the runs of text it shows, each in bold or not: what its width depends on."""
    found, bold, position = [], 0, 0
    for tag in [*_TAG.finditer(text), None]:
        end = tag.start() if tag else len(text)
        if end > position:
            found.append((html.unescape(text[position:end]), bold > 0))
        if tag is None:
            return found
        closing, name, _ = tag.groups()
        if name.lower() in _BOLD:
            bold += -1 if closing else 1
        position = tag.end()
    return found


def plain(text: str) -> str:
    """Inline HTML as the text it shows."""
    return html.unescape(_TAG.sub("", text))


def _key(text: str) -> str:
    """A key point: the text when it is short, else its first sentence, at most KEY_POINT_CHARS."""
    def fits(shown: str) -> bool:
        return len(shown) <= KEY_POINT_CHARS

    return shortened(text if fits(plain(text)) else sentences(text)[0], fits)


def _classes(element: etree.Element) -> set[str]:
    return set(element.get("class", "").split())


class SlidesTreeprocessor(Treeprocessor):
    """Reads a converted session into `pieces`, in the order written."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.pieces: list[Piece] = []

    def run(self, root: etree.Element) -> None:
        """Take out what cannot be followed on a screen, then read the pieces."""
        _unclutter(root)
        found: list[tuple[etree.Element, list[Point]]] = []
        section: list[Point] | None = None
        for child in root:
            if child.tag in _HEADINGS:
                section = []
                found.append((child, section))
            elif _classes(child) & {f"ls-{kind}" for kind in BLOCK_KINDS}:
                found.append((child, list(self._whole(child))))
            elif section is not None:  # what comes before the first heading introduces the
                section.extend(self._key_points(child))  # session: its title slide does that
        self.pieces = [self._piece(element, points) for element, points in found]

    def _piece(self, element: etree.Element, points: list[Point]) -> Piece:
        if element.tag in _HEADINGS:
            return Piece("heading", self._inner(element), tuple(points))
        kind = next(k for k in BLOCK_KINDS if f"ls-{k}" in _classes(element))
        minutes = element.get("data-minutes")
        return Piece(kind, html.escape(element.get("data-title", "")), tuple(points),
                     element.get("data-label", ""), int(minutes) if minutes else None)

    def _key_points(self, element: etree.Element) -> Iterator[Point]:
        """What a heading's slide shows of one element under it."""
        if element.tag == "p":
            yield Point(_key(sentences(self._inner(element))[0]))
        elif element.tag in {"ul", "ol"}:
            for point in self._items(element, nested=False):
                yield replace(point, html=_key(point.html))
        elif element.tag == "table":
            yield from self._rows(element)

    def _whole(self, block: etree.Element) -> Iterator[Point]:
        """Everything a block shows but its title: paragraphs and list items one by one (so a long
        block can go on over several slides), anything else as written."""
        for element in block:
            if "admonition-title" in _classes(element):
                continue
            if element.tag == "p":
                yield Point(self._inner(element), "p")
            elif element.tag in {"ul", "ol"}:
                yield from self._items(element, nested=True)
            else:
                yield Point(self._html(element), "block")

    def _items(self, listing: etree.Element, nested: bool) -> Iterator[Point]:
        """A list's items; `nested` keeps the lists inside them, as points of their own after
        their item (so a long one can go on over slides). A loose item (paragraphs) gives its
        first paragraph, or all of them with `nested`."""
        marker: Marker = "ol" if listing.tag == "ol" else "ul"
        first = int(listing.get("start", "1")) if marker == "ol" else 0
        for index, item in enumerate(listing.iterfind("li")):
            number = first + index if marker == "ol" else 0
            inner = [child for child in item if child.tag in {"ul", "ol"}]
            kept = [child for child in item if child.tag not in {"ul", "ol"}]
            paragraphs = [child for child in kept if child.tag == "p"]
            if paragraphs and not nested:
                yield Point(self._inner(paragraphs[0]), marker, number)
                continue
            shown = etree.Element("li")
            shown.text = item.text
            shown.extend(kept)
            yield Point(self._inner(shown), marker, number)
            if nested:
                for sublist in inner:
                    yield from self._items(sublist, nested=True)

    def _rows(self, table: etree.Element) -> Iterator[Point]:
        """A table's rows as points: the first cell in bold, then the second's first sentence."""
        for row in table.iterfind("tbody/tr"):
            cells = [self._inner(cell) for cell in row]
            if not cells or not cells[0]:
                continue
            rest = f": {sentences(cells[1])[0]}" if len(cells) > 1 and cells[1] else ""
            yield Point(_key(f"<strong>{cells[0]}</strong>{rest}"))

    def _inner(self, element: etree.Element) -> str:
        """The HTML inside an element."""
        holder = etree.Element("div")
        holder.text = element.text
        holder.extend(element)
        return self._html(holder).removeprefix("<div>").removesuffix("</div>").strip()

    def _html(self, element: etree.Element) -> str:
        """An element as the converter writes it: serialized, then what extensions set aside
        (raw HTML, entities) put back by the postprocessors."""
        tail, element.tail = element.tail, None
        try:
            text = self.md.serializer(element)
        finally:
            element.tail = tail
        for postprocessor in self.md.postprocessors:
            text = postprocessor.run(text)
        return str(text).strip()


def _unclutter(root: etree.Element) -> None:
    """Take out citation marks and notes, footnotes and permalinks (with what they hold), and
    links (keeping their text)."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        footnote_mark = element.tag == "sup" and element.get("id", "").startswith("fnref")
        if _classes(element) & _DROPPED or footnote_mark:
            _replace(parents[element], element, keep=False)
        elif element.tag == "a" and element in parents:
            _replace(parents[element], element, keep=True)


def _replace(parent: etree.Element, element: etree.Element, keep: bool) -> None:
    """Take `element` out of `parent`, leaving its text and children in its place if `keep`, and
    the text that followed it in any case."""
    index = list(parent).index(element)
    inside = list(element) if keep else []
    text = (element.text or "") if keep else ""
    tail = element.tail or ""
    parent.remove(element)
    for offset, child in enumerate(inside):
        parent.insert(index + offset, child)
    if inside:
        inside[-1].tail = (inside[-1].tail or "") + tail
        tail = ""
    before = parent[index - 1] if index else None
    preceding = (parent.text if before is None else before.tail) or ""
    if not keep and (not tail.strip() or tail.lstrip()[0] in _CLOSING):
        preceding = preceding.rstrip()  # a mark sits after its word: "freely [@c29]." → "freely."
    preceding += text + tail
    if before is None:
        parent.text = preceding
    else:
        before.tail = preceding
