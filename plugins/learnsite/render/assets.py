"""The static files every site needs from the package: fonts and the site stylesheet."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
#: The shipped fonts: woff2 for the web, TrueType for the PDF handbooks.
FONTS = ASSETS / "fonts"
#: Theme overrides (e.g. the language switcher), put before Material's own templates.
THEME = Path(__file__).parent / "theme"
SITE_PREFIX = "assets/learnsite"
PDF_FONT_FACES = (Path(__file__).parent / "pdf-fonts.css").read_text(encoding="utf-8")
"""The shipped TrueType fonts as `@font-face` rules, first in the stylesheet of every PDF (the
handbooks and the slides), which WeasyPrint resolves against FONTS."""


def site_assets() -> list[tuple[str, Path]]:
    """(site path, file) for the web's assets; the PDF-only TrueType files are left out."""
    return [(f"{SITE_PREFIX}/{path.relative_to(ASSETS).as_posix()}", path)
            for path in sorted(ASSETS.rglob("*"))
            if path.is_file() and path.suffix in {".css", ".woff2", ".js", ".txt"}]
