"""Every interface string the templates and code ask for exists in every language, and no text a
reader sees is hard-coded outside them."""

from __future__ import annotations

import re
import string
from html import unescape
from pathlib import Path

import pytest

from conftest import REPO
from learnsite import offline
from learnsite.load.project import load_project
from learnsite.render.handbook.document import build_document
from learnsite.render.markdown import convert
from learnsite.render.navigation import navigation
from learnsite.render.pages import generated_pages
from learnsite.strings import STRINGS
from learnsite.webapp.pages import app_page, offline_page

_CALL = re.compile(r"""\bt\(\s*["']([a-z-]+)["']\s*[,)]""")


def test_every_string_used_is_defined_in_every_language() -> None:
    package = REPO / "plugins/learnsite"
    used = {key for path in [*package.rglob("*.py"), *package.rglob("*.j2")]
            for key in _CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 40
    for language, table in STRINGS.items():
        assert not used - set(table), (language, sorted(used - set(table)))


def test_languages_have_the_same_strings() -> None:
    assert set(STRINGS["ar"]) == set(STRINGS["en"])


PROPER_NAMES = {"PDF", "ZIP"}
"""File formats, named alike in every language."""


def _marked(text: str) -> str:
    """An interface string reduced to a mark and its fields, so no word of it shows."""
    fields = [f"{{{name}{':' + spec if spec else ''}}}"
              for _, name, spec, _ in string.Formatter().parse(text) if name]
    return " ".join(["⟪", *fields, "⟫"])


def _titles(nav: object) -> list[str]:
    """The titles of a navigation menu (its targets are paths, not text)."""
    if isinstance(nav, list):
        return [title for item in nav for title in _titles(item)]
    if isinstance(nav, dict):
        return [*nav, *_titles(list(nav.values()))]
    return []


def _shown_text(html: str) -> str:
    """What a reader sees of a page: no styles, scripts or tags."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_no_user_visible_text_is_hard_coded(bilingual: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With every interface string marked, every word left on the generated pages, the menu and
    the handbooks comes from the project's own files: none is hard-coded in Python or templates."""
    monkeypatch.setitem(STRINGS, "en", {key: _marked(text) for key, text in STRINGS["en"].items()})
    cat = load_project(bilingual).catalogue
    shown = [convert(page, cat.markdown, {}) for page in generated_pages(cat).values()]
    shown += _titles(navigation(cat))
    for handbook in cat.site.handbooks:
        document = build_document(cat, handbook)
        shown += [document.front(dict.fromkeys(document.anchors, 1)).html, document.numbers(1, 2)]
        shown += [document.part(part).html for part in document.parts]
    shown += [offline.marker_html("en", "", offline_copy=False), offline.human_size(5_000_000, "en")]
    shown += [app_page("en"), offline_page("en").split("---\n")[-1]]
    words = set(re.findall(r"[A-Za-z]{2,}", _shown_text("\n".join(shown))))
    sources = " ".join(f"{path} {path.read_text(encoding='utf-8')}" for path in bilingual.rglob("*.*"))
    assert words - set(re.findall(r"[A-Za-z]+", sources)) - PROPER_NAMES == set()
    assert "Day" not in words, "an untitled day is named by the interface string `day`"
