"""The app's build steps on a small site folder: what is precached and how it is listed, the
manifests, the icons, the space stamped into the app pages, and the budget."""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import pytest

from learnsite.webapp.build import AppTooLargeError, write_app
from learnsite.webapp.icons import ICONS
from learnsite.webapp.manifest import AppLanguage, web_manifest
from learnsite.webapp.pages import app_page, offline_page
from learnsite.webapp.precache import PACKED, is_kept, page_url

LANGUAGES = [AppLanguage("en", "", "ltr", "Guidance"), AppLanguage("ar", "ar/", "rtl", "الإرشاد")]


def _site(folder: Path) -> Path:
    files = {
        "index.html": "<html>home</html>", "app/index.html": app_page("en"),
        "app/offline/index.html": offline_page("en"), "ar/app/index.html": app_page("ar"),
        "ar/app/offline/index.html": offline_page("ar"), "ar/guidance/index.html": "<p>دليل</p>",
        "search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr", "assets/javascripts/lunr/wordcut.js": "th",
        "assets/javascripts/bundle.js.map": "{}", "handbooks/guide.pdf": "%PDF", "offline.zip": "PK",
        "assets/learnsite/fonts/NotoSans-Regular.woff2": "woff2",
    }
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("path", "kept"), [
    ("guidance/index.html", True), ("ar/search/search_index.json", True),
    ("assets/learnsite/fonts/NotoSans-Regular.woff2", True),
    ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", True),
    ("ar/assets/javascripts/lunr/min/lunr.ar.min.js", True),
    ("assets/javascripts/lunr/min/lunr.fr.min.js", False), ("assets/javascripts/lunr/wordcut.js", False),
    ("handbooks/guide.pdf", False), ("modules/m/card.pdf", False), ("offline.zip", False),
    ("assets/javascripts/bundle.js.map", False), ("sitemap.xml.gz", False), ("sw.js", False),
])
def test_what_is_precached(path: str, kept: bool) -> None:
    assert is_kept(PurePosixPath(path), {"en", "ar"}) is kept


def test_pages_are_listed_as_they_are_asked_for() -> None:
    assert page_url(PurePosixPath("index.html")) == "./"
    assert page_url(PurePosixPath("ar/guidance/index.html")) == "ar/guidance/"
    assert page_url(PurePosixPath("404.html")) == "404.html"


def test_each_language_has_its_manifest() -> None:
    arabic = web_manifest(LANGUAGES[1])
    assert (arabic["lang"], arabic["dir"], arabic["name"]) == ("ar", "rtl", "الإرشاد")
    assert (arabic["start_url"], arabic["scope"]) == ("./", "../")
    icons = arabic["icons"]
    assert isinstance(icons, list)
    assert {(i["sizes"], i["purpose"]) for i in icons} == {
        ("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}
    assert all(i["src"].startswith("assets/learnsite/app/") for i in icons)
    assert web_manifest(LANGUAGES[0])["scope"] == "./"


def test_the_build_writes_the_app(tmp_path: Path) -> None:
    site = _site(tmp_path)
    summary = write_app(site, LANGUAGES)
    for icon in ICONS:
        assert (site / icon.path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (site / "ar" / icon.path).read_bytes() == (site / icon.path).read_bytes()
    assert json.loads((site / "ar/manifest.webmanifest").read_text(encoding="utf-8"))["lang"] == "ar"
    worker = (site / "sw.js").read_text(encoding="utf-8")
    listing = json.loads(re.search(r"const PRECACHE = (\{.*?\n\});", worker, re.S).group(1))  # type: ignore[union-attr]
    assert {"./", "app/", "ar/guidance/", "ar/manifest.webmanifest", "assets/learnsite/app/icon-192.png",
            "search/search_index.json"} <= set(listing)
    assert not [url for url in listing if url.endswith((".pdf", ".zip", ".map", "wordcut.js", "fr.min.js"))]
    assert f'const PACKED = {json.dumps(PACKED)};' in worker
    assert 'const OFFLINE = {"": "app/offline/", "ar/": "ar/app/offline/"};' in worker
    assert summary.pages == 6 and summary.size < sum(k.size for k in summary.kept)
    assert re.search(r"app precache is \d+ KB on the device \(en \d+ KB, ar \d+ KB;", summary.line())
    english = (site / "app/index.html").read_text(encoding="utf-8")
    arabic = (site / "ar/app/index.html").read_text(encoding="utf-8")
    assert "It keeps <bdi>" in english and " KB</bdi> on your device: 6 pages" in english
    assert "كيلوبايت</bdi>" in arabic and "(وعددها 6)" in arabic
    assert "<!--ls-app" not in english + arabic
    # the same files give the same worker
    assert write_app(site, LANGUAGES).version == summary.version


def test_a_precache_over_budget_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(AppTooLargeError, match=r"over its budget of 0.001 MB .*app_budget_mb.*largest"):
        write_app(_site(tmp_path), LANGUAGES, budget_mb=0.001)
