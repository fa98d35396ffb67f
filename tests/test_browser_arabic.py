"""In headless Chromium: the Arabic site reads right to left, and its search finds words the way
Arabic is written (attached prefixes, hamza and other letter variants, diacritics)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page

from conftest import REPO, _serve, search_titles
from learnsite.render.arabic_search import forms

ARTIFACTS = REPO / "test-artifacts"
HOME = "الرئيسية"
SESSION = "العلامات"


def _arabic_home(browser: Browser, site: str) -> Iterator[Page]:
    """The Arabic home page of `site`, on a desktop-sized screen."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site}/ar/", wait_until="networkidle")
    yield page
    page.close()


@pytest.fixture
def arabic(browser: Browser, bilingual_url: str) -> Iterator[Page]:
    yield from _arabic_home(browser, bilingual_url)


#: Queries whose words the pages write otherwise, and the pages each must find, on either engine.
SPELLINGS = [
    ("جواز", {HOME, SESSION}),       # written بجواز on one page, جَوازُ on the other
    ("والجواز", {HOME, SESSION}),    # a prefix in the query too
    ("وثائق", {HOME}),               # written الوثائق and بالوثائق
    ("اجور", {HOME}),                # written الأجور, typed without hamza
    ("جَوَاز", {HOME, SESSION}),     # typed with diacritics
]


@pytest.mark.parametrize(("query", "expected"), SPELLINGS)
def test_arabic_search_matches_arabic_spelling(arabic: Page, query: str, expected: set[str]) -> None:
    assert expected <= set(search_titles(arabic, query))


@pytest.fixture(scope="session")
def zensical_bilingual_url(zensical_bilingual_site: Path) -> Iterator[str]:
    yield from _serve(zensical_bilingual_site)


@pytest.fixture(scope="module")
def zensical_bilingual_arabic(browser: Browser, zensical_bilingual_url: str) -> Iterator[Page]:
    """The Arabic home page of the bilingual fixture as `learnsite build --engine zensical`
    makes it; one page for all queries, its search dialog staying open."""
    yield from _arabic_home(browser, zensical_bilingual_url)


@pytest.mark.parametrize(("query", "expected"), SPELLINGS)
def test_arabic_search_matches_arabic_spelling_on_zensical(
        zensical_bilingual_arabic: Page, query: str, expected: set[str]) -> None:
    assert expected <= set(search_titles(zensical_bilingual_arabic, query))


def test_zensical_shows_no_added_forms_and_asks_no_other_host(
        browser: Browser, zensical_bilingual_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(f"{zensical_bilingual_url}/ar/", wait_until="networkidle")
    results = search_titles(page, "جواز")
    assert results, "the added forms are found"
    forms_shown = page.locator("dialog[open] [role=listbox] .ls-search-forms")
    assert forms_shown.count()
    assert not any(forms_shown.nth(i).is_visible() for i in range(forms_shown.count()))
    assert hosts == {zensical_bilingual_url.split("/")[2]}
    page.close()


def test_arabic_results_come_from_arabic_pages_and_english_search_works(
        browser: Browser, bilingual_url: str, arabic: Page) -> None:
    assert search_titles(arabic, "الرئيسية")[0] == HOME
    english = browser.new_page(viewport={"width": 1280, "height": 900})
    english.goto(f"{bilingual_url}/", wait_until="networkidle")
    assert "Definitions" in search_titles(english, "definition")
    english.close()


def test_python_and_browser_make_the_same_forms(arabic: Page) -> None:
    words = ["بجواز", "والجواز", "بالوثائق", "الأجور", "أجور", "جَوَازُ", "للعمال", "ولد",
             "الشرطة", "مستشفى", "وبالأجور", "كالعادة"]
    assert arabic.evaluate("words => words.map(w => window.learnsiteArabicForms(w))", words) == [
        forms(word) for word in words]


def test_arabic_page_reads_right_to_left(arabic: Page, bilingual_url: str) -> None:
    arabic.goto(f"{bilingual_url}/ar/modules/indicators/signs/", wait_until="networkidle")
    assert arabic.evaluate("getComputedStyle(document.body).direction") == "rtl"
    content = arabic.locator("article").bounding_box()
    heading = arabic.locator("article h1").bounding_box()
    assert content and heading
    assert heading["x"] + heading["width"] > content["x"] + content["width"] - 40, "starts at the right"
    notes = arabic.locator("details.ls-trainer-notes summary")
    assert notes.inner_text() == "للمدرّبين"
    ARTIFACTS.mkdir(exist_ok=True)
    arabic.screenshot(path=str(ARTIFACTS / "arabic-session.png"), full_page=True)
    arabic.goto(f"{bilingual_url}/ar/modules/basics/definitions/", wait_until="networkidle")
    source = arabic.locator(".ls-source-language")
    assert source.get_attribute("lang") == "en"
    assert source.evaluate("node => getComputedStyle(node).direction") == "ltr"
    assert "لم تُترجَم هذه الصفحة" in arabic.locator(".ls-untranslated").inner_text()


def test_switcher_reaches_the_twin_page_and_back(browser: Browser, bilingual_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{bilingual_url}/modules/indicators/signs/", wait_until="networkidle")
    for language, expected in (("ar", "/ar/modules/indicators/signs/"),
                               ("en", "/modules/indicators/signs/")):
        link = page.locator(f".md-select__link[hreflang={language}]")
        assert link.inner_text().strip() in ("English", "العربية")
        page.goto(urljoin(page.url, link.get_attribute("href") or ""), wait_until="networkidle")
        assert page.url == f"{bilingual_url}{expected}"
        assert page.locator("html").get_attribute("lang") == language
    page.close()


@pytest.fixture
def arabic_site(browser: Browser, site_url: str) -> Iterator[Page]:
    """The repository's own Arabic site."""
    yield from _arabic_home(browser, site_url)


@pytest.mark.parametrize(("query", "expected"), [
    ("العامله", "التحدث مع العاملة المنزلية بأمان"),   # ta marbuta typed as ha
    ("بالعاملة", "الوصول إلى العمال المنزليين حيث لا يستطيع التفتيش الدخول"),  # written بالعاملة
    ("للمريض", "رؤية المريض على انفراد، بموافقته"),     # a prefix on the query
    ("الايواء", "إرشادات لموظفي دور الإيواء"),          # typed without hamza
    ("والمطارات", "إرشادات لموظفي الهجرة والمطارات"),
    ("طفلا", "عندما قد يكون الشخص طفلًا"),               # written with tanwin
])
def test_arabic_search_finds_the_translated_guidance_and_workshop(
        arabic_site: Page, query: str, expected: str) -> None:
    assert expected in search_titles(arabic_site, query)


def test_an_arabic_session_reads_well_on_a_phone(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{site_url}/ar/modules/domestic-workers/talking-with-a-domestic-worker/",
              wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert not page.locator(".ls-untranslated").count(), "the session is translated"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing runs off the side"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "arabic-session-360px.png"), full_page=True)
    page.close()
