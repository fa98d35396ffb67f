"""Translations: the Arabic site beside the English one, untranslated pages said to be so,
translation status and stale translations, and translation files that do not fit."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import edit
from learnsite.load.generated_pages import ProgrammePage
from learnsite.load.project import load_project
from learnsite.render.arabic_search import FORMS_OPEN
from learnsite.render.pages import programme_page

#: Rules whose located cases live here rather than in test_bad_inputs.py.
RULES_TESTED_HERE = ("translation-mismatch", "translation-stale", "handbook-untranslated")


def _html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_an_untitled_day_is_named_in_the_pages_language(bilingual: Path) -> None:
    edit(bilingual / "site_config.ar.yml", "    days:\n      - title: اليوم الأول\n", "")
    cat = load_project(bilingual).catalogue
    [programme] = cat.site.programmes
    assert "### Day 1 {: #day-1 }" in programme_page(cat, ProgrammePage(programme, ()))
    arabic = cat.translations["ar"]
    assert "### اليوم 1 {: #day-1 }" in programme_page(arabic, ProgrammePage(arabic.site.programmes[0], ()))


def test_arabic_pages_are_right_to_left_and_arabic(bilingual_site: Path) -> None:
    home = _html(bilingual_site, "ar/index.html")
    assert '<html lang="ar"' in home
    assert '<body dir="rtl"' in home
    assert "يحتجز صاحب العمل الوثائق" in home
    session = _html(bilingual_site, "ar/modules/indicators/signs/index.html")
    assert "<summary>للمدرّبين</summary>" in session
    assert "<strong>30 دقيقة</strong> · نقاش" in session
    assert "ls-untranslated" not in session
    checklist = _html(bilingual_site, "ar/checklists/mini/index.html")
    assert "ماذا دفعت للحصول على هذا العمل؟" in checklist
    assert "لست متأكدًا" in checklist and "لماذا هذه النتيجة" in checklist
    assert "<span>نعم</span>" in checklist and "<span>لست متأكدًا</span>" in checklist
    assert '"title":"أحِل الحالة"' in checklist, "the page screens with the translated data"


def test_untranslated_pages_say_so_and_keep_their_direction(bilingual_site: Path) -> None:
    page = _html(bilingual_site, "ar/modules/basics/definitions/index.html")
    assert "لم تُترجَم هذه الصفحة إلى العربية بعد" in page
    assert '<div class="ls-source-language" dir="ltr" lang="en">' in page
    nav = page.split('class="md-nav md-nav--primary"')[1]
    assert "Definitions (بالإنجليزية)" in nav
    assert "العلامات (بالإنجليزية)" not in nav


def test_language_switcher_leads_to_the_same_page(bilingual_site: Path) -> None:
    english = _html(bilingual_site, "modules/indicators/signs/index.html")
    arabic = _html(bilingual_site, "ar/modules/indicators/signs/index.html")
    assert 'href="../../../ar/modules/indicators/signs/" hreflang="ar"' in english
    assert 'href="../../../../modules/indicators/signs/" hreflang="en"' in arabic


def test_english_and_arabic_have_their_own_search_index(bilingual_site: Path) -> None:
    english = json.loads(_html(bilingual_site, "search/search_index.json"))
    arabic = json.loads(_html(bilingual_site, "ar/search/search_index.json"))
    assert not any("يحتجز" in doc["text"] for doc in english["docs"])
    home = [doc for doc in arabic["docs"] if doc["location"].split("#")[0] == ""]
    forms = {form for doc in home
             for form in " ".join(re.findall(f"{re.escape(FORMS_OPEN)}([^<]*)</span>", doc["text"])).split()}
    assert {"جواز", "وثائق", "اجور"} <= forms, "Arabic entries carry the forms search needs"


def test_translations_command_lists_missing_and_stale(bilingual: Path, learnsite) -> None:
    run = learnsite("--root", str(bilingual), "translations")
    assert run.out.splitlines()[0] == "ar (العربية): 5 of 11 translated; 0 stale, 6 missing"
    assert "  missing  modules/basics/definitions.md" in run.out
    edit(bilingual / "content/index.md", "# Home", "# Home page")
    stale = learnsite("--root", str(bilingual), "translations", "--format", "json")
    assert json.loads(stale.out)["ar"]["stale"] == ["content/index.ar.md"]
    github = learnsite("--root", str(bilingual), "translations", "--format", "github")
    assert github.out.startswith("::warning file=content/index.ar.md,line=1,title=translation-stale::")
    check = learnsite("--root", str(bilingual), "check", "--strict", "--format", "json")
    assert check.code == 1
    assert [(p["rule"], p["path"]) for p in check.problems] == [
        ("translation-stale", "content/index.ar.md")]
    stamped = learnsite("--root", str(bilingual), "translations", "--stamp",
                        str(bilingual / "content/index.ar.md"))
    assert stamped.code == 0 and "stamped content/index.ar.md" in stamped.out
    assert learnsite("--root", str(bilingual), "check", "--strict").code == 0


def test_translation_that_does_not_fit_its_source(bilingual: Path, learnsite) -> None:
    edit(bilingual / "content/checklists/mini.ar.yml", "  - id: deception\n", "  - id: deceptio\n")
    edit(bilingual / "content/glossary.ar.yml", "terms:", "glossary:\nterms:")  # not a key
    edit(bilingual / "modules/indicators/signs.ar.md", "minutes: 30", "minutes: 35")
    run = learnsite("--root", str(bilingual), "check", "--format", "json")
    found = {(p["rule"], p["path"], p["line"]) for p in run.problems}
    assert ("translation-mismatch", "content/checklists/mini.ar.yml", 12) in found  # stamped: +1
    assert ("schema-unknown-key", "content/glossary.ar.yml", 4) in found
    assert ("translation-mismatch", "modules/indicators/signs.ar.md", 1) in found
    assert run.code == 1


def test_arabic_pages_get_their_links_checked(bilingual: Path, learnsite) -> None:
    edit(bilingual / "modules/indicators/signs.ar.md", "../../checklists/mini.md",
         "../../checklists/mni.md")
    run = learnsite("--root", str(bilingual), "check", "--format", "json")
    assert ("link-broken", "modules/indicators/signs.ar.md", 14) in {
        (p["rule"], p["path"], p["line"]) for p in run.problems}


def test_an_english_page_on_the_arabic_site_links_to_translated_headings_by_their_ids(
        bilingual: Path, learnsite) -> None:
    """modules/basics/definitions.md is not translated: on the Arabic site its link to a heading
    of the translated signs page needs that heading to keep the source's anchor."""
    edit(bilingual / "modules/indicators/signs.ar.md", " {: #what-to-look-for }", "")
    run = learnsite("--root", str(bilingual), "check", "--format", "json")
    [found] = [p for p in run.problems if p["rule"] == "link-anchor-missing"]
    assert (found["path"], found["line"]) == ("modules/basics/definitions.md", 16)
    assert str(found["message"]).startswith("on the `ar` site, `modules/indicators/signs.md` has no "
                                            "heading with the anchor `#what-to-look-for`")
    assert "{: #what-to-look-for }" in str(found["hint"])


def test_a_deprecated_arabic_wording_is_reported_where_it_stands_with_the_preferred_term(
        bilingual: Path, learnsite) -> None:
    edit(bilingual / "content/glossary.ar.yml", "    term: العمل الجبري\n",
         "    term: العمل الجبري\n    synonyms: [السخرة أو الخدمة قسرًا]\n"
         "    deprecated: [العمل القسري]\n    term_source: ilo-indicators-2012\n")
    edit(bilingual / "modules/indicators/signs.ar.md", "يُعدّ جَوازُ السفر المحتجز علامةً مهمة.",
         "يُعدّ جَوازُ السفر المحتجز علامةً مهمة على العَمَلِ القَسْرِيّ.")
    run = learnsite("--root", str(bilingual), "check", "--format", "json")
    [found] = [p for p in run.problems if p["rule"] == "term-deprecated"]
    assert (found["path"], found["line"], found["col"]) == ("modules/indicators/signs.ar.md", 15, 44)
    assert found["message"] == "`العمل القسري` is a wording the glossary says not to use"
    assert found["hint"] == "Write `العمل الجبري`, the preferred term (ilo-indicators-2012)."


def test_records_without_ids_are_translated_in_order(bilingual_site: Path) -> None:
    programme = _html(bilingual_site, "ar/programmes/workshop/index.html")
    assert "<title>الورشة - مركز الاختبار</title>" in programme
    assert 'id="day-1">اليوم الأول' in programme


def test_a_translated_list_longer_than_its_source(bilingual: Path, learnsite) -> None:
    edit(bilingual / "site_config.ar.yml", "      - title: اليوم الأول\n",
         "      - title: اليوم الأول\n      - title: اليوم الثاني\n")
    run = learnsite("--root", str(bilingual), "check", "--format", "json")
    assert ("translation-mismatch", "site_config.ar.yml", 11) in {
        (p["rule"], p["path"], p["line"]) for p in run.problems}


ARABIC_HANDBOOK = """  - id: workshop-trainer-ar
    title: Workshop, Arabic
    programme: workshop
    edition: trainer
    language: ar
"""


def test_an_arabic_handbook_with_english_sessions_is_reported_naming_them(
        bilingual: Path, learnsite) -> None:
    edit(bilingual / "site_config.yml", "contacts:", ARABIC_HANDBOOK + "contacts:")
    check = learnsite("--root", str(bilingual), "check", "--format", "json")
    [problem] = [p for p in check.problems if p["rule"] == "handbook-untranslated"]
    lines = (bilingual / "site_config.yml").read_text(encoding="utf-8").splitlines()
    assert (problem["path"], problem["severity"]) == ("site_config.yml", "warning")
    assert lines[problem["line"] - 1].strip() == "language: ar", "located at the handbook's language"
    assert "1 of its 2 sessions" in problem["message"]
    assert "modules/basics/definitions.md" in problem["message"]
    assert "modules/indicators/signs.md" not in problem["message"], "translated, so not named"
    status = learnsite("--root", str(bilingual), "translations")
    assert "  programme workshop: 1 of 2 sessions; " in status.out
    coverage = json.loads(learnsite("--root", str(bilingual), "translations", "--format",
                                    "json").out)["ar"]["programmes"]["workshop"]
    assert (coverage["sessions"], coverage["translated_sessions"]) == (2, 1)
    assert "modules/basics/definitions.md" in coverage["untranslated"]
