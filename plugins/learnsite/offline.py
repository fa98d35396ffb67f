"""The offline bundle: the whole site as one ZIP that works when unzipped and opened from disk.

Material's offline plugin makes the pages work from `file://` (plain file links, the search
index inlined as a script, and a Worker shim we ship instead of fetching it from a CDN). This
module packs that build reproducibly and tells readers the download's size.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from learnsite.strings import STRINGS, human_size, translator

BUNDLE_NAME = "offline.zip"
MARKER = "{{ offline }}"
_SIZE_SLOT = "<!--ls-offline-size-"
ENV = "LEARNSITE_OFFLINE"
#: 1980-01-01, the earliest time ZIP can store: entries carry no build time.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def is_offline_build() -> bool:
    """Whether this build is the one being packed for offline use."""
    return os.environ.get(ENV) == "true"


def marker_html(language: str, root: str, *, offline_copy: bool) -> str:
    """What `{{ offline }}` becomes: a download link online, a reassurance in the offline copy.
    `root` is the way from the page to the folder holding the bundle."""
    t = translator(language)
    if offline_copy:
        return f'<p class="ls-offline-note">{t("offline-copy")}</p>'
    return (f'<p class="ls-offline-note"><a href="{root}{BUNDLE_NAME}" download>'
            f'{t("offline-download")}</a> (<bdi>ZIP</bdi>{t("list-comma")}'
            f'<bdi>{_size_slot(language)}</bdi>): {t("offline-how")}</p>')


def _size_slot(language: str) -> str:
    """Where the bundle's size goes, in the page's language, once the bundle is packed."""
    return f"{_SIZE_SLOT}{language}-->"


def zip_folder(folder: Path, target: Path) -> int:
    """Pack `folder` into `target` (same bytes for the same files); return the ZIP's size."""
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=_ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, path.read_bytes())
    partial.replace(target)
    return target.stat().st_size


def stamp_size(html_file: Path, size: int) -> None:
    """Write the bundle's size, in the page's language, into a page that links to it."""
    text = html_file.read_text(encoding="utf-8")
    if _SIZE_SLOT in text:
        for language in STRINGS:
            text = text.replace(_size_slot(language), human_size(size, language))
        html_file.write_text(text, encoding="utf-8")
