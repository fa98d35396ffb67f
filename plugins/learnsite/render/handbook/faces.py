"""One font dictionary per face in a merged handbook.

After `fonts.share_fonts`, the units' dictionaries of one face (WeasyPrint names a face by a hash
of its description, so the name is the same in every unit) differ only in their widths and their
text mapping. Where the units agree, one dictionary with the union of both serves every page.
They can disagree: right-to-left text maps a mirrored glyph, such as a parenthesis, to the other
character, and a glyph shaped from several characters to what that unit's text held; such a
face keeps one dictionary per unit, so copied text stays right.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pikepdf

_CMAP_PAIR = re.compile(r"<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>")
_CMAP = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<< /Registry (Adobe)
/Ordering (UCS)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
{chars}endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def unify_faces(pdf: pikepdf.Pdf) -> None:
    """One font dictionary per face, with every unit's widths and text mapping, used by every
    page: after `share_fonts`, the units' dictionaries of a face differ only in those."""
    faces: dict[str, list[pikepdf.Dictionary]] = defaultdict(list)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/Type0":
            faces[str(obj.BaseFont)].append(obj)
    replaced: dict[tuple[int, int], pikepdf.Dictionary] = {}
    for _, fonts in sorted(faces.items()):
        unified = _unified(pdf, fonts) if len(fonts) > 1 else None
        replaced |= {font.objgen: unified for font in fonts if unified is not None}
    if replaced:
        _repoint(pdf, replaced)


def _unified(pdf: pikepdf.Pdf, fonts: list[pikepdf.Dictionary]) -> pikepdf.Dictionary | None:
    """One Type0 font for `fonts`, or None when they disagree (then they are left alone)."""
    widths: dict[int, int] = {}
    texts: dict[str, str] = {}
    descendants = [font.DescendantFonts[0] for font in fonts]
    if len({descendant.FontDescriptor.FontFile2.objgen for descendant in descendants}) != 1:
        return None
    for font, descendant in zip(fonts, descendants, strict=True):
        for gid, width in _widths(descendant.W).items():
            if widths.setdefault(gid, width) != width:
                return None
        for code, text in _CMAP_PAIR.findall(font.ToUnicode.read_bytes().decode("ascii")):
            if texts.setdefault(code, text) != text:
                return None
    descendant = pdf.make_indirect(pikepdf.Dictionary(dict(descendants[0].items())))
    descendant.W = pikepdf.Array([item for gid in sorted(widths) for item in (gid, [widths[gid]])])
    unified = pdf.make_indirect(pikepdf.Dictionary(dict(fonts[0].items())))
    unified.DescendantFonts = pikepdf.Array([descendant])
    unified.ToUnicode = pdf.make_stream(_cmap(texts))
    return unified


def _cmap(texts: dict[str, str]) -> bytes:
    """A ToUnicode CMap (as WeasyPrint writes them) mapping glyph codes to text; a block holds
    at most 100 entries."""
    codes = sorted(texts, key=lambda code: int(code, 16))
    blocks = [codes[start:start + 100] for start in range(0, len(codes), 100)]
    chars = "".join(f"{len(block)} beginbfchar\n"
                    + "".join(f"<{code}> <{texts[code]}>\n" for code in block) + "endbfchar\n"
                    for block in blocks)
    return _CMAP.format(chars=chars).encode("ascii")


def _widths(w: pikepdf.Object) -> dict[int, int]:
    """A CID font's /W array (`first [w1 w2 …]` or `first last w`) as glyph id → width."""
    items, index = list(w), 0
    widths: dict[int, int] = {}
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], pikepdf.Array):
            widths |= {first + offset: int(width) for offset, width in enumerate(items[index + 1])}
            index += 2
        else:
            widths |= dict.fromkeys(range(first, int(items[index + 1]) + 1), int(items[index + 2]))
            index += 3
    return widths


def _repoint(pdf: pikepdf.Pdf, replaced: dict[tuple[int, int], pikepdf.Dictionary]) -> None:
    """Make every resource dictionary (of pages and the forms they draw) use the unified fonts."""
    seen: set[tuple[int, int]] = set()

    def visit(resources: pikepdf.Object | None) -> None:
        if not isinstance(resources, pikepdf.Dictionary) or resources.objgen in seen:
            return
        if resources.is_indirect:  # shared by many pages: once is enough
            seen.add(resources.objgen)
        fonts = resources.get("/Font")
        if isinstance(fonts, pikepdf.Dictionary):
            for name, font in list(fonts.items()):
                if font.objgen in replaced:
                    fonts[name] = replaced[font.objgen]
        for xobject in resources.get("/XObject", pikepdf.Dictionary()).values():
            visit(xobject.get("/Resources"))

    for page in pdf.pages:
        visit(page.obj.get("/Resources"))
