"""Separately rendered units into one handbook PDF, as if WeasyPrint had rendered it whole.

What a whole render would have given and a plain page copy loses is rebuilt here: a blank page
before a part that would start on a left-hand page, page numbers (stamped from a document of
numbered empty pages, marked as artifacts so screen readers skip them), one structure tree for
the tagged PDF, named destinations (links into other units were kept by stand-in anchors and
now point at the real ones), the outline, the metadata, and one copy of each font.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from learnsite.render.handbook.cache import RenderCache
from learnsite.render.handbook.faces import unify_faces
from learnsite.render.handbook.fonts import font_slots, share_fonts
from learnsite.render.handbook.worker import Facts

NUMBERS_PER_DOCUMENT = 128
"""Pages per document of page numbers: small enough to render in parallel and to share between
handbooks of one language and paper size."""
_NUMBER = Name("/LsPageNumber")
_PageMap = dict[tuple[int, int], int]
"""A unit's page (object id) to its index in the book."""


@dataclass(frozen=True)
class RenderedUnit:
    """A unit's PDF and what is known about it."""

    pdf: Path
    facts: Facts
    stand_ins: frozenset[str]
    part: bool
    """Parts start on a right-hand page; the front matter opens the book."""


def starts(units: list[tuple[int, bool]]) -> list[int]:
    """The first page number of each unit given (page count, is a part): a part goes on the next
    right-hand (odd) page, as `break-before: recto` would place it."""
    first, result = 1, []
    for pages, part in units:
        if part and first % 2 == 0:
            first += 1
        result.append(first)
        first += pages
    return result


def merge(units: list[RenderedUnit], numbers: list[Path], target: Path, cache: RenderCache,
          cover: bool, open_pdf: Callable[[Path], pikepdf.Pdf] = pikepdf.open) -> int:
    """Write the handbook to `target` and return its page count (a cover is not numbered).
    `open_pdf` may hand over units opened ahead; all are closed here."""
    out = pikepdf.new()
    sources = [open_pdf(unit.pdf) for unit in units]
    try:
        _copy_catalogue(out, sources[0])
        tree = _StructureTree(out)
        destinations: dict[str, Array] = {}
        outline: list[Bookmark] = []
        blank: set[int] = set()
        for unit, src, first in zip(units, sources, starts([(u.facts.pages, u.part) for u in units]),
                                    strict=True):
            while len(out.pages) < first - 1:
                size = out.pages[-1].mediabox
                out.add_blank_page(page_size=(float(size[2]), float(size[3])))
                blank.add(len(out.pages) - 1)
            offset = len(out.pages)
            tree.prepare(src)
            with warnings.catch_warnings():  # named destinations are rebuilt below, on purpose
                warnings.filterwarnings("ignore", "Copying pages", UserWarning)
                out.pages.extend(src.pages)
            tree.adopt(src)
            pages: _PageMap = {page.obj.objgen: offset + index for index, page in enumerate(src.pages)}
            for name, dest in _destinations(src):
                if name not in unit.stand_ins:
                    destinations[name] = _moved(out, dest, pages)
            outline += _outline(out, src.Root.get("/Outlines"), pages)
        _stamp_numbers(out, numbers, blank | ({0} if cover else set()))
        _write_destinations(out, destinations)
        _write_outline(out, outline)
        slots = list(font_slots(out))
        share_fonts(out, slots, cache)
        unify_faces(out, slots)
        out.save(target, deterministic_id=True, min_version=sources[0].pdf_version,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return len(out.pages)
    finally:
        for src in sources:
            src.close()
        out.close()


def _copy_catalogue(out: pikepdf.Pdf, first: pikepdf.Pdf) -> None:
    """Language, metadata, viewer preferences and document info: the same in every unit."""
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key in first.Root:
            out.Root[key] = _foreign(out, first, first.Root[key])
    out.trailer.Info = _foreign(out, first, first.trailer.Info)


def _foreign(out: pikepdf.Pdf, src: pikepdf.Pdf, obj: pikepdf.Object) -> pikepdf.Object:
    """`obj` of `src` copied into `out`, with what it refers to (qpdf copies indirect objects
    only; each source keeps one map, so pages copied earlier are referred to, not copied again)."""
    if isinstance(obj, Dictionary | Array | pikepdf.Stream):
        return out.copy_foreign(obj if obj.is_indirect else src.make_indirect(obj))
    return obj


class _StructureTree:
    """One structure tree for the merged book: each unit's elements under one Document."""

    def __init__(self, out: pikepdf.Pdf) -> None:
        self.out = out
        self.document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
        self.numbers = Array()
        self.next_key = 0
        root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([self.document]),
                                            ParentTree=Dictionary(Nums=self.numbers)))
        self.document.P = root
        out.Root.StructTreeRoot = root
        self.root = root

    def prepare(self, src: pikepdf.Pdf) -> None:
        """Shift the unit's parent-tree keys past those already used, before its pages are copied."""
        shift = self.next_key
        for page in src.pages:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + shift
            for annotation in page.obj.get("/Annots", Array()):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + shift

    def adopt(self, src: pikepdf.Pdf) -> None:
        """Move the unit's elements under the book's Document (after its pages were copied, so
        their page references land on the copies)."""
        root = src.Root.get("/StructTreeRoot")
        if root is None:
            return
        kids = Array([kid for top in root.K for kid in top.get("/K", Array())
                      if isinstance(kid, Dictionary)])
        for kid in kids:
            del kid["/P"]
        for copied in _foreign(self.out, src, kids):  # one copy: qpdf's per-call cost dominates
            copied.P = self.document
            self.document.K.append(copied)
        nums = root.ParentTree.Nums
        values = _foreign(self.out, src, Array([nums[i] for i in range(1, len(nums), 2)]))
        keys = [int(nums[i]) + self.next_key for i in range(0, len(nums), 2)]
        for key, value in zip(keys, values, strict=True):
            self.numbers.extend(Array([key, value]))
        self.next_key = max([self.next_key - 1, *keys]) + 1
        self.root.ParentTreeNextKey = self.next_key
        for name in ("/RoleMap", "/ClassMap"):
            if name in root and name not in self.root:
                self.root[name] = _foreign(self.out, src, root[name])


def _destinations(src: pikepdf.Pdf) -> Iterator[tuple[str, pikepdf.Object]]:
    names = src.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return
    yield from pikepdf.NameTree(names.Dests).items()


def _moved(out: pikepdf.Pdf, dest: pikepdf.Object, pages: _PageMap) -> Array:
    """A destination of a unit, pointing at the copy of its page in the book."""
    return Array([out.pages[pages[dest[0].objgen]].obj, *list(dest)[1:]])


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: its title, where it leads, and the entries under it."""

    title: str
    dest: Array
    children: tuple[Bookmark, ...] = ()


def _children(parent: pikepdf.Object | None) -> Iterator[pikepdf.Object]:
    node = parent.get("/First") if parent is not None else None
    while node is not None:
        yield node
        node = node.get("/Next")


def read_outline(pdf: pikepdf.Pdf) -> list[tuple[str, list[str]]]:
    """The titles of a PDF's top-level bookmarks, each with the titles just under it."""
    return [(str(top.Title), [str(child.Title) for child in _children(top)])
            for top in _children(pdf.Root.get("/Outlines"))]


def _outline(out: pikepdf.Pdf, parent: pikepdf.Object | None, pages: _PageMap) -> list[Bookmark]:
    """A unit's bookmarks under `parent` (its outline root at first), moved to the book."""
    return [Bookmark(str(node.Title), _moved(out, node.Dest, pages), tuple(_outline(out, node, pages)))
            for node in _children(parent)]


def _write_outline(out: pikepdf.Pdf, bookmarks: list[Bookmark]) -> None:
    """The bookmarks as the book's outline, every entry open. Written directly: pikepdf's
    outline helper takes a tenth of a second for the 270 entries of a large book."""
    root = out.make_indirect(Dictionary(Type=Name.Outlines))
    root.Count = _link(out, root, bookmarks)
    out.Root.Outlines = root


def _link(out: pikepdf.Pdf, parent: Dictionary, bookmarks: list[Bookmark] | tuple[Bookmark, ...]) -> int:
    """Chain `bookmarks` under `parent`; returns how many entries show below it."""
    nodes = [out.make_indirect(Dictionary(Title=pikepdf.String(b.title), Dest=b.dest, Parent=parent))
             for b in bookmarks]
    if not nodes:
        return 0
    parent.First, parent.Last = nodes[0], nodes[-1]
    for before, after in pairwise(nodes):
        before.Next, after.Prev = after, before
    shown = len(nodes)
    for node, bookmark in zip(nodes, bookmarks, strict=True):
        below = _link(out, node, bookmark.children)
        if below:
            node.Count = below
        shown += below
    return shown


def _stamp_numbers(out: pikepdf.Pdf, numbers: list[Path], unnumbered: set[int]) -> None:
    """Draw each page's number from the numbers documents, except on the cover and blank pages.
    The page's own drawing is closed first so its transform cannot leak into the number."""
    opening = out.make_stream(b"q\n")
    closing = out.make_stream(b"Q\n/Artifact BMC\nq " + _NUMBER.unparse() + b" Do Q\nEMC\n")
    sources = [pikepdf.open(path) for path in numbers]
    try:
        for index, page in enumerate(out.pages):
            if index in unnumbered:
                continue
            chunk, position = divmod(index, NUMBERS_PER_DOCUMENT)
            form = out.copy_foreign(sources[chunk].pages[position].as_form_xobject())
            resources = Dictionary(dict(page.Resources.items()))
            xobjects = Dictionary(dict(resources.get("/XObject", Dictionary()).items()))
            xobjects[_NUMBER] = form
            resources.XObject = xobjects
            page.Resources = resources
            page.contents_add(opening, prepend=True)
            page.contents_add(closing)
    finally:
        for src in sources:
            src.close()


def _write_destinations(out: pikepdf.Pdf, destinations: dict[str, Array]) -> None:
    tree = pikepdf.NameTree.new(out)
    for name in sorted(destinations):
        tree[name] = destinations[name]
    out.Root.Names = Dictionary(Dests=tree.obj)
