"""One embedded copy of each shipped font in a merged handbook.

Every unit WeasyPrint renders embeds its own subset of each font, so a handbook merged from
fifteen units would carry fifteen copies of Noto Sans. WeasyPrint subsets keeping glyph ids
(`retain_gids`), so the subsets of one font are interchangeable apart from which glyphs they
hold: the merge replaces them all by one subset of the shipped font holding the union of their
glyphs.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pikepdf

from learnsite.render.assets import FONTS
from learnsite.render.handbook.cache import RenderCache, write_atomically

_DROPPED_TABLES = ["BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GDEF", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT",
                   "SVG "]
"""What WeasyPrint drops from its subsets too: the PDF carries the shaped glyphs already."""


FontSlot = tuple[pikepdf.Dictionary, str, pikepdf.Dictionary]
"""A resource dictionary, a font's name in it, and the font."""


def font_slots(pdf: pikepdf.Pdf) -> Iterator[FontSlot]:
    """Every font the pages (and the forms they draw) use, where they name it. Walking the pages
    is much faster than looking at every object of a large book."""
    seen: set[tuple[int, int]] = set()

    def visit(resources: pikepdf.Object | None) -> Iterator[FontSlot]:
        if not isinstance(resources, pikepdf.Dictionary) or resources.objgen in seen:
            return
        if resources.is_indirect:  # shared by many pages: once is enough
            seen.add(resources.objgen)
        fonts = resources.get("/Font")
        if isinstance(fonts, pikepdf.Dictionary):
            for name, font in list(fonts.items()):
                if isinstance(font, pikepdf.Dictionary):
                    yield fonts, name, font
        for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
            yield from visit(xobject.get("/Resources"))

    for page in pdf.pages:
        yield from visit(page.obj.get("/Resources"))


def share_fonts(pdf: pikepdf.Pdf, slots: list[FontSlot], cache: RenderCache) -> None:
    """Point every subset of the same shipped font at one embedded subset holding all glyphs."""
    groups: dict[str, list[pikepdf.Dictionary]] = defaultdict(list)
    glyphs: dict[str, set[int]] = defaultdict(set)
    fonts = {font.objgen: font for _, _, font in slots}
    files: set[tuple[int, int]] = set()
    for _, font in sorted(fonts.items()):
        descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else None
        subset = descriptor.get("/FontFile2") if isinstance(descriptor, pikepdf.Dictionary) else None
        if not isinstance(descriptor, pikepdf.Dictionary) or not isinstance(subset, pikepdf.Stream):
            continue
        name, drawn = _read(subset, cache)
        groups[name].append(descriptor)
        if subset.objgen not in files:
            files.add(subset.objgen)
            glyphs[name] |= drawn
    for name, descriptors in sorted(groups.items()):
        original = _shipped().get(name)
        if len(descriptors) < 2 or original is None:
            continue  # a font of the system (a fallback glyph): left as WeasyPrint embedded it
        data = _subset(original, glyphs[name], cache)
        shared = pdf.make_stream(data)
        shared.Length1 = len(data)
        for descriptor in descriptors:
            descriptor.FontFile2 = shared


@cache
def _shipped() -> dict[str, Path]:
    """The shipped TrueType fonts by PostScript name, the name WeasyPrint embeds them under."""
    from fontTools.ttLib import TTFont

    names = {}
    for path in sorted(FONTS.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            names[font["name"].getDebugName(6)] = path
    return names


def _read(subset: pikepdf.Stream, cache: RenderCache) -> tuple[str, set[int]]:
    """An embedded subset's PostScript name and the ids of the glyphs it draws (with ids kept,
    the other slots are empty). Kept in the cache: a merge reads every unit's subsets again."""
    path = cache.file("glyphs", subset.read_raw_bytes())
    if path.is_file():
        name, glyphs = json.loads(path.read_text(encoding="utf-8"))
        return name, set(glyphs)
    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(subset.read_bytes()), lazy=True) as font:
        loca = font["loca"]
        drawn = {0} | {gid for gid in range(len(loca) - 1) if loca[gid + 1] > loca[gid]}
        name = str(font["name"].getDebugName(6))
    write_atomically(path, json.dumps([name, sorted(drawn)]).encode())
    return name, drawn


def _subset(original: Path, glyphs: set[int], cache: RenderCache) -> bytes:
    """The shipped font cut down to `glyphs`, ids kept; cached, as the set rarely changes."""
    path = cache.file("fonts", original.name.encode(), repr(sorted(glyphs)).encode())
    if path.is_file():
        return path.read_bytes()
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options(retain_gids=True, hinting=False, desubroutinize=True,
                             notdef_outline=True, passthrough_tables=True, ignore_missing_glyphs=True,
                             layout_closure=False)  # the glyphs are shaped already
    options.drop_tables += _DROPPED_TABLES
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(glyphs))
    with TTFont(original, recalcTimestamp=False) as font:  # no clock in the bytes
        for table in _DROPPED_TABLES:  # before subsetting, which would read them first
            if table in font:
                del font[table]
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    write_atomically(path, out.getvalue())
    return out.getvalue()
