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

from learnsite.render.handbook.fonts import FontSlot

_CMAP_PAIR = re.compile(r"<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>")
_W_ITEM = re.compile(r"(\d+)\s*(?:\[([^\]]*)\]|(\d+)\s+([\d.]+))")
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


def unify_faces(pdf: pikepdf.Pdf, slots: list[FontSlot]) -> None:
    """One font dictionary per face, with every unit's widths and text mapping, used in every
    slot: after `share_fonts`, the units' dictionaries of a face differ only in those."""
    faces: dict[str, dict[tuple[int, int], pikepdf.Dictionary]] = defaultdict(dict)
    for _, _, font in slots:
        if font.get("/Subtype") == "/Type0":
            faces[str(font.BaseFont)][font.objgen] = font
    replaced: dict[tuple[int, int], pikepdf.Dictionary] = {}
    for _, fonts in sorted(faces.items()):
        ordered = [font for _, font in sorted(fonts.items())]
        unified = _unified(pdf, ordered) if len(ordered) > 1 else None
        replaced |= {objgen: unified for objgen in fonts if unified is not None}
    for resources, name, font in slots:
        if font.objgen in replaced:
            resources[name] = replaced[font.objgen]


def _unified(pdf: pikepdf.Pdf, fonts: list[pikepdf.Dictionary]) -> pikepdf.Dictionary | None:
    """One Type0 font for `fonts`, or None when they disagree (then they are left alone)."""
    widths: dict[int, float] = {}
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


def _widths(w: pikepdf.Object) -> dict[int, float]:
    """A CID font's /W array (`first [w1 w2 …]` or `first last w`) as glyph id → width. Read
    from its text: walking the array object by object is ten times slower."""
    widths: dict[int, float] = {}
    for first, listed, last, width in _W_ITEM.findall(w.unparse().decode("ascii")):
        if listed:
            widths |= {int(first) + offset: _number(value) for offset, value in
                       enumerate(listed.split())}
        else:
            widths |= dict.fromkeys(range(int(first), int(last) + 1), _number(width))
    return widths


def _number(token: str) -> float:
    """A PDF number as written: an integer stays one, so the widths are written back unchanged."""
    return float(token) if "." in token else int(token)
