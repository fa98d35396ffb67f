"""The app's icons, rendered at build time from the one drawing in icon.svg.

CairoSVG renders them: it is CourtBouillon's (WeasyPrint's makers), pure Python over the cairo
library that the handbooks' Pango already brings, and gives the same PNG bytes on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).parent / "icon.svg"
#: Where the icons go, from the site root.
FOLDER = "assets/learnsite/app"
#: Corner radius of the ordinary icons' background (a maskable icon is cut by the device).
_ROUNDED = 'rx="96"'


@dataclass(frozen=True)
class Icon:
    """One icon file of the manifest (or the page head, for iOS)."""

    size: int
    purpose: str   # "any", "maskable", or "apple-touch" (iOS reads no manifest icons)

    @property
    def path(self) -> str:
        """Its path from the site root."""
        name = {"any": "icon", "maskable": "maskable", "apple-touch": "apple-touch-icon"}[self.purpose]
        return f"{FOLDER}/{name}-{self.size}.png"


#: The usual sizes: 192 and 512 for Android (each also maskable), 180 for iOS' home screen.
ICONS = (Icon(192, "any"), Icon(512, "any"), Icon(192, "maskable"), Icon(512, "maskable"),
         Icon(180, "apple-touch"))


def render_icons(site_dir: Path) -> None:
    """Write every icon of ICONS into the built site of one language."""
    import cairosvg  # only builds that write the app need it

    drawing = SOURCE.read_text(encoding="utf-8")
    for icon in ICONS:
        svg = drawing if icon.purpose == "maskable" else drawing.replace('rx="0"', _ROUNDED, 1)
        target = site_dir / icon.path
        target.parent.mkdir(parents=True, exist_ok=True)
        cairosvg.svg2png(bytestring=svg.encode(), write_to=str(target),
                         output_width=icon.size, output_height=icon.size)
