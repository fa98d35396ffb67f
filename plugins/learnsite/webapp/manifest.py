"""The web app manifest of each language: its name, home, direction and icons."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from learnsite.strings import translator
from learnsite.webapp.icons import ICONS

#: Material's default primary colour (indigo), which the site keeps: mkdocs.yml sets no palette.
THEME_COLOUR = "#4051b5"
MANIFEST = "manifest.webmanifest"


@dataclass(frozen=True)
class AppLanguage:
    """One language of the site as the app shows it."""

    code: str
    folder: str        # "" for the default language at the site root, else "<code>/"
    direction: str     # "ltr" or "rtl"
    name: str          # the site's title in that language


def web_manifest(language: AppLanguage) -> dict[str, object]:
    """The manifest at `<folder>manifest.webmanifest`: it starts at that language's home page
    and covers the whole site (so the language switcher stays in the app); its icons are in
    that language's own folder."""
    up = "../" * language.folder.count("/")
    t = translator(language.code)
    return {
        "id": "./", "name": language.name, "short_name": t("app-short-name"),
        "lang": language.code, "dir": language.direction,
        "start_url": "./", "scope": up or "./", "display": "standalone",
        "theme_color": THEME_COLOUR, "background_color": "#ffffff",
        "icons": [{"src": icon.path, "sizes": f"{icon.size}x{icon.size}",
                   "type": "image/png", "purpose": icon.purpose}
                  for icon in ICONS if icon.purpose != "apple-touch"],
    }


def write_manifest(site_dir: Path, language: AppLanguage) -> None:
    """Write one language's manifest into the built site."""
    target = site_dir / language.folder / MANIFEST
    target.write_text(json.dumps(web_manifest(language), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
