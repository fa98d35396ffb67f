"""The two pages about the app, in each language: what it is (how to install it, how much space
it takes) and the page shown offline for anything not kept. The space is stamped in after every
language is built, when it is known."""

from __future__ import annotations

from pathlib import Path

from learnsite.strings import STRINGS, human_size, translator

APP_PAGE = "app/index.md"
OFFLINE_PAGE = "app/offline.md"
_SIZE_SLOT = "<!--ls-app-size-{language}-->"
_PAGES_SLOT = "<!--ls-app-pages-->"


def app_page(language: str) -> str:
    """What the app is, how to install it on Android and iOS, and the space it takes."""
    t = translator(language)
    size = f"<bdi>{_SIZE_SLOT.format(language=language)}</bdi>"
    return "\n\n".join([
        f"# {t('app')}", t("app-intro"),
        f"## {t('app-install')}",
        f"**{t('app-android')}:** {t('app-android-how')}",
        f"**{t('app-ios')}:** {t('app-ios-how')}",
        f"## {t('app-space')}",
        t("app-size", size=size, pages=_PAGES_SLOT), t("app-pdfs"), t("app-updates"),
    ]) + "\n"


def offline_page(language: str) -> str:
    """What the worker shows, offline, for a page it did not keep (left out of search)."""
    t = translator(language)
    return (f"---\nsearch:\n  exclude: true\n---\n\n# {t('app-offline')}\n\n{t('app-offline-text')}\n\n"
            f"[{t('app-offline-home')}](../index.md)\n")


def stamp_space(site_dir: Path, size: int, pages: int) -> None:
    """Write the precache's size and page count, in each page's language, into the app pages."""
    for page in [*site_dir.glob("app/index.html"), *site_dir.glob("*/app/index.html")]:
        text = page.read_text(encoding="utf-8")
        for language in STRINGS:
            text = text.replace(_SIZE_SLOT.format(language=language), human_size(size, language))
        page.write_text(text.replace(_PAGES_SLOT, str(pages)), encoding="utf-8")
