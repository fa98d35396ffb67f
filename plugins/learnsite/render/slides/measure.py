"""How many lines a text takes on a slide, from the advance widths of the shipped fonts: words
wrapped as WeasyPrint wraps them, without its shaping or kerning. Close enough that a deck's
slides fit at the first render; the renderer checks every slide anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from learnsite.render.assets import FONTS

_SPACE = re.compile(r"\s+")
SAFETY = 1.03
"""Widths are taken a little wider than measured: bold words in a line, and rounding."""


@dataclass(frozen=True)
class Face:
    """A text style of slides.css: its fonts (the first that has a character draws it), those of
    its bold, its size and its line height, in points."""

    fonts: tuple[str, ...]
    bold: tuple[str, ...]
    size: float
    line: float
    scale: float = 1.0
    """Measured widths times this: Arabic letters join, and their isolated forms, which are
    measured, run about a quarter wider than the shaped text (against WeasyPrint's own layout
    of the Arabic decks' points: 1.07 to 1.44 times, 1.29 on average)."""

    def lines(self, runs: Iterable[tuple[str, bool]], width: float) -> int:
        """How many lines a text takes in a column `width` points wide, given as runs of text
        each in bold or not (at least one line; a word wider than the column takes its own)."""
        words = [0.0]
        for text, bold in runs:
            for index, part in enumerate(_SPACE.split(text)):
                if index:
                    words.append(0.0)
                words[-1] += self.width(part, bold)
        space = self.width(" ", False)
        lines, used = 1, 0.0
        for needed in filter(None, words):
            if used and used + space + needed > width:
                lines, used = lines + 1, needed
            else:
                used += (space if used else 0) + needed
        return lines

    def width(self, text: str, bold: bool) -> float:
        """The width of `text` on one line, in points."""
        tables = [_advances(font) for font in (self.bold if bold else self.fonts)]
        em = sum(next((table[ord(char)] for table in tables if ord(char) in table), 0.6)
                 for char in text)
        return em * self.size * self.scale * SAFETY


@cache
def _advances(font: str) -> dict[int, float]:
    """Each character's advance width in a shipped font, in ems."""
    from fontTools.ttLib import TTFont

    with TTFont(FONTS / font, lazy=True) as ttf:
        metrics, per_em = ttf["hmtx"], ttf["head"].unitsPerEm
        return {code: metrics[glyph][0] / per_em for code, glyph in ttf.getBestCmap().items()}
