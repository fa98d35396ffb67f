"""Scanning Markdown source line by line for what checks need: headings, links, `///` blocks and
raw HTML, each with its line and column. Fenced code and inline code are skipped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pymdownx.slugs import slugify

_slug = slugify(case="lower")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_LINK = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REF_DEF = re.compile(r"^\s{0,3}\[(?![\^@])[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")  # not `[^1]:`, `[@id]:`
_BLOCK_START = re.compile(r"^(\s*)(/{3,})\s*([A-Za-z][\w-]*)\s*(?:\|\s*(.*?))?\s*$")
_BLOCK_END = re.compile(r"^\s*/{3,}\s*$")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")
_ID_COUNT = re.compile(r"^(.*)_([0-9]+)$")
_TERM = re.compile(r"\[\[([^\]|\n]+?)(?:\|([^\]\n]+?))?\]\]")
_CONTACT = re.compile(r"\{\{\s*contacts?(?:\s+([\w-]+))?\s*\}\}")
_CITATION = re.compile(r"\[@([A-Za-z0-9][\w-]*)(?:\s*,\s*([^\]\n]*?))?\s*\](?![(\[])")
"""A citation wherever it stands, also at the start of a line before a colon (`[@id]:` is never
a link definition: no link is named with an @)."""


@dataclass(frozen=True)
class Link:
    """A Markdown link or image target."""

    target: str
    line: int
    col: int
    image: bool = False
    text: str = ""


@dataclass(frozen=True)
class Block:
    """The header of a `///` block, with its indented options (dedented) if any."""

    name: str
    title: str | None
    line: int
    col: int
    options: str = ""
    end_line: int | None = None

    @property
    def closed(self) -> bool:
        """Whether a closing `///` line was found."""
        return self.end_line is not None


@dataclass(frozen=True)
class Mark:
    """A `[[term]]` or `{{ contact ID }}` mark: its source text, what it shows and refers to."""

    raw: str
    text: str
    ref: str | None
    line: int
    col: int


@dataclass(frozen=True)
class Citation:
    """A `[@source-id]` or `[@source-id, locator]` citation: its text, the source it names and
    where in the source (an article, a paragraph), if said."""

    raw: str
    source: str
    locator: str | None
    line: int
    col: int


@dataclass(frozen=True)
class Scan:
    """What one Markdown text contains, with positions relative to its first line. Frozen: one
    scan of a text serves every check and renderer that asks for it."""

    anchors: frozenset[str]
    links: tuple[Link, ...]
    blocks: tuple[Block, ...]
    terms: tuple[Mark, ...]
    contacts: tuple[Mark, ...]
    citations: tuple[Citation, ...]
    code_free_lines: tuple[tuple[int, str], ...]

    def closed(self, name: str) -> list[Block]:
        """The `/// name` blocks that have their closing line, in order (an unclosed one is
        reported by the checks and used by nobody)."""
        return [block for block in self.blocks if block.name == name and block.closed]


def heading_slug(text: str) -> str:
    """The id Python-Markdown's toc gives a heading (mkdocs.yml uses the same slugify)."""
    return str(_slug(_INLINE_MARKUP.sub(r"\1", text), "-"))


def _unique(anchor: str, seen: set[str]) -> str:
    """Python-Markdown's rule for repeated headings: `x`, `x_1`, `x_2`..."""
    while anchor in seen or not anchor:
        match = _ID_COUNT.match(anchor)
        anchor = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{anchor}_1"
    seen.add(anchor)
    return anchor


def _lines_outside_code(text: str) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, line with inline code blanked) for lines not in a fence."""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


@lru_cache(maxsize=4096)
def scan(text: str) -> Scan:
    """Scan one Markdown body. The same text is asked for by the loader's checks, the site map,
    and the renderers (often several times a page), so each text is scanned once."""
    anchors: set[str] = set()
    links: list[Link] = []
    blocks: list[Block] = []
    terms: list[Mark] = []
    contacts: list[Mark] = []
    citations: list[Citation] = []
    lines = list(_lines_outside_code(text))
    open_blocks: list[int] = []
    for index, (number, line) in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            custom = _ATTR_ID.search(heading.group(2))
            title = _ATTR_ID.sub("", heading.group(2)).rstrip("# ").strip()
            _unique(custom.group(1) if custom else heading_slug(title), anchors)
        for match in _LINK.finditer(line):
            links.append(Link(match.group(3), number, match.start(3) + 1, bool(match.group(1)),
                              match.group(2)))
        terms += [Mark(m.group(0), m.group(1).strip(), (m.group(2) or "").strip() or None,
                       number, m.start() + 1) for m in _TERM.finditer(line)]
        contacts += [Mark(m.group(0), m.group(0), m.group(1), number, m.start() + 1)
                     for m in _CONTACT.finditer(line)]
        citations += [Citation(m.group(0), m.group(1), (m.group(2) or "").strip() or None, number,
                               m.start() + 1) for m in _CITATION.finditer(line)]
        ref = _REF_DEF.match(line)
        if ref:
            links.append(Link(ref.group(1), number, ref.start(1) + 1))
        start = _BLOCK_START.match(line)
        if start:
            options = _block_options(lines, index, len(start.group(1)))
            blocks.append(Block(start.group(3), start.group(4), number, len(start.group(1)) + 1,
                                options))
            open_blocks.append(len(blocks) - 1)
        elif _BLOCK_END.match(line) and open_blocks:
            opened = open_blocks.pop()
            blocks[opened] = replace(blocks[opened], end_line=number)
    return Scan(frozenset(anchors), tuple(links), tuple(blocks), tuple(terms), tuple(contacts),
                tuple(citations), tuple(lines))


def replace_marks(text: str, marks: Sequence[Mark], render: Callable[[Mark], str | None]) -> str:
    """Replace each mark (found by `scan`) with `render(mark)`; None leaves it as it is."""
    lines = text.split("\n")
    for mark in sorted(marks, key=lambda m: (m.line, m.col), reverse=True):
        replacement = render(mark)
        if replacement is not None:
            line = lines[mark.line - 1]
            start = mark.col - 1
            lines[mark.line - 1] = line[:start] + replacement + line[start + len(mark.raw):]
    return "\n".join(lines)


def replace_blocks(markdown: str, name: str, render: Callable[[Block], str | None]) -> str:
    """Replace each closed `/// name` block by `render(block)` (None leaves it as it is)."""
    lines = markdown.splitlines()
    for block in reversed(scan(markdown).closed(name)):
        replacement = render(block)
        if replacement is not None:
            lines[block.line - 1: block.end_line] = [replacement]
    return "\n".join(lines) + "\n"


def _block_options(lines: list[tuple[int, str]], index: int, indent: int) -> str:
    """The option lines under a block header: indented four spaces more, up to a blank line."""
    prefix = " " * (indent + 4)
    options: list[str] = []
    for _, line in lines[index + 1:]:
        if not line.strip() or not line.startswith(prefix):
            break
        options.append(line[len(prefix):])
    return "\n".join(options)
