"""Rendered handbook units kept on disk between builds, by a hash of everything that shapes them.

A unit's key hashes its whole HTML, the print stylesheet, the PDF variant, the WeasyPrint
version and the bytes of the shipped fonts, so an edited session, stylesheet, font or upgrade
renders anew and nothing else does. Entries are written beside their final name and
renamed, so a build stopped halfway leaves no half-written entry behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from learnsite.render.assets import FONTS

FORMAT = "learnsite-handbook-cache-2"
"""Changes whenever what a cache entry holds changes."""


@dataclass(frozen=True)
class Entry:
    """Where one rendered unit lives: its PDF and its facts (page count, anchors, warnings)."""

    pdf: Path
    facts: Path

    @property
    def exists(self) -> bool:
        return self.pdf.is_file() and self.facts.is_file()

    def read_facts(self) -> dict[str, object]:
        data: dict[str, object] = json.loads(self.facts.read_text(encoding="utf-8"))
        return data


@cache
def _fingerprint() -> str:
    """WeasyPrint's version and the shipped fonts: what every rendering depends on."""
    digest = hashlib.sha256(f"{FORMAT}\0{version('weasyprint')}".encode())
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.name.encode() + font.read_bytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """learnsite's own code and the Markdown libraries: what turning Markdown into HTML depends on."""
    digest = hashlib.sha256(f"{version('markdown')}\0{version('pymdown-extensions')}".encode())
    package = Path(__file__).resolve().parents[2]
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".j2", ".css"}:
            digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


class RenderCache:
    """A folder of rendered units (and merged fonts); a temporary one when none is given."""

    def __init__(self, folder: Path | None) -> None:
        self._temporary = folder is None
        self.folder = Path(tempfile.mkdtemp(prefix="learnsite-handbooks-")) if folder is None else folder
        self.used: set[str] = set()

    def close(self) -> None:
        if self._temporary:
            shutil.rmtree(self.folder, ignore_errors=True)

    def entry(self, html: str, css: str, variant: str) -> Entry:
        """The entry for a unit's HTML and stylesheet rendered as `variant`; marks it used."""
        key = self._key(variant.encode(), css.encode(), html.encode())
        units = self.folder / "units"
        return Entry(units / f"{key}.pdf", units / f"{key}.json")

    def file(self, kind: str, *parts: bytes) -> Path:
        """A cached file of `kind` (e.g. "fonts") named by the hash of `parts`; marks it used."""
        return self.folder / kind / self._key(*parts)

    def _key(self, *parts: bytes) -> str:
        """The name of what `parts` (with WeasyPrint and the fonts) make, noted as used."""
        digest = hashlib.sha256(_fingerprint().encode())
        for part in parts:
            digest.update(hashlib.sha256(part).digest())
        key = digest.hexdigest()
        self.used.add(key)
        return key

    def prune(self) -> None:
        """Drop entries this build did not use: after a full build, they are out of date."""
        for path in self.folder.glob("*/*"):
            if path.name.split(".")[0] not in self.used:
                path.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that no reader ever sees a partial file there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    partial.write_bytes(data)
    partial.replace(path)
