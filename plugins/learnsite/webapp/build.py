"""After every language is built: the icons, each language's manifest, the precache list with
its size (stamped into the app pages, checked against the budget) and the service worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from learnsite.strings import human_size
from learnsite.webapp.icons import render_icons
from learnsite.webapp.manifest import AppLanguage, write_manifest
from learnsite.webapp.pages import OFFLINE_PAGE, stamp_space
from learnsite.webapp.precache import Kept, kept_files, write_worker

#: Default most the precache may hold, both languages together (the `app_budget_mb` option).
BUDGET_MB = 15.0


class AppTooLargeError(Exception):
    """The precache is over its budget; the message says by how much and what is largest."""


@dataclass(frozen=True)
class AppSummary:
    """What the build log says about the app."""

    version: str
    kept: list[Kept]

    @property
    def size(self) -> int:
        """What the app takes on the reader's device."""
        return sum(k.stored for k in self.kept)

    @property
    def pages(self) -> int:
        return sum(1 for k in self.kept if _is_page(k))

    def line(self) -> str:
        """One line for the build log: total, files, pages, and each language's share."""
        languages = dict.fromkeys(k.language for k in self.kept)
        shares = ", ".join(
            f"{code} {human_size(sum(k.stored for k in self.kept if k.language == code), 'en')}"
            for code in languages)
        return (f"app precache is {human_size(self.size, 'en')} on the device ({shares}; "
                f"{human_size(sum(k.size for k in self.kept), 'en')} uncompressed): "
                f"{len(self.kept)} files, {self.pages} pages; version {self.version}")


def _is_page(kept: Kept) -> bool:
    return kept.url.endswith(("/", ".html"))


def offline_pages(languages: list[AppLanguage]) -> dict[str, str]:
    """Language folder → the URL of its offline page (as listed in the precache)."""
    return {lang.folder: lang.folder + OFFLINE_PAGE.removesuffix(".md") + "/" for lang in languages}


def write_app(site_dir: Path, languages: list[AppLanguage], budget_mb: float = BUDGET_MB) -> AppSummary:
    """Write the app's files into the built site of every language; raise AppTooLargeError over the
    budget."""
    for language in languages:  # each language its own icons: its pages link no "../"
        render_icons(site_dir / language.folder)
        write_manifest(site_dir, language)
    codes = [lang.code for lang in languages]
    first = kept_files(site_dir, codes)
    stamp_space(site_dir, sum(k.stored for k in first), sum(1 for k in first if _is_page(k)))
    kept = kept_files(site_dir, codes)  # the app pages changed: their hashes did
    summary = AppSummary(write_worker(site_dir, kept, offline_pages(languages)), kept)
    if summary.size > budget_mb * 1024 * 1024:
        largest = sorted(kept, key=lambda k: -k.stored)[:5]
        raise AppTooLargeError(
            f"the app's precache is {human_size(summary.size, 'en')}, over its budget of "
            f"{budget_mb:g} MB (the learnsite plugin's app_budget_mb option); largest files: "
            + ", ".join(f"{k.url} ({human_size(k.stored, 'en')})" for k in largest))
    return summary
