"""End-to-end MkDocs builds: the same located messages as `learnsite check`, and a site that
carries its own fonts, keeps answers out, and loads nothing from other hosts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, edit, mkdocs_build

pytestmark = pytest.mark.pdf  # every whole-site build renders the handbooks too

_RESOURCE = re.compile(
    r"""<(?:script|img|link|source|iframe|video|audio)\b[^>]*?\s(?:src|href)=["']?((?:https?:)?//[^"'\s>]+)""",
    re.I)
_CSS_URL = re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')]+)""", re.I)


def test_broken_content_stops_the_build_with_located_messages(project: Path, tmp_path: Path,
                                                              learnsite) -> None:
    edit(project / "modules/basics/definitions.md", "minutes: 45", "minutes: -5")
    edit(project / "modules/basics/module.yml", "objectives:", "objetives:")
    check = learnsite("--root", str(project), "check")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "Traceback" not in build.stderr
    for line in check.out.splitlines()[:-1]:  # every diagnostic and hint, word for word
        assert line in build.stderr


def test_nested_builds_take_over_the_checked_catalogue(project: Path, tmp_path: Path) -> None:
    """`make site` loads and checks once: the builds the first one starts (here the offline
    copy) read the catalogue it handed over, not the sources; a file whose bytes do not match its
    name is not trusted."""
    edit(project / "site_config.yml", "    kind: phone\n", "    kind: phone\n    placeholder: true\n")
    done = mkdocs_build(project, tmp_path / "site", strict=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("notice[contact-placeholder]") == 1, "each diagnostic printed once"
    [handed] = (project / ".cache/catalogue").glob("*.pickle")
    (project / "site_config.yml").write_text("title: [broken\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LEARNSITE_NESTED": "1",
           "LEARNSITE_CATALOGUE": str(handed)}
    nested = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir",
                             str(tmp_path / "nested")], cwd=project, env=env, capture_output=True,
                            text=True, check=False)
    assert nested.returncode == 0, nested.stderr
    assert (tmp_path / "nested/checklists/mini/index.html").is_file()
    forged = handed.with_name("0" * 64 + ".pickle")
    handed.rename(forged)
    env["LEARNSITE_CATALOGUE"] = str(forged)
    refused = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir",
                              str(tmp_path / "forged")], cwd=project, env=env, capture_output=True,
                             text=True, check=False)
    assert refused.returncode == 1 and "site_config.yml:2:1: error[yaml-syntax]" in refused.stderr


def test_strict_build_fails_on_a_warning(project: Path, tmp_path: Path) -> None:
    (project / "modules/basics/notes.md").write_text("---\ntitle: Notes\n---\n", encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "modules/basics/notes.md:1:1: warning[session-file-unlisted]" in build.stderr


def test_generated_pages_exist(built_site: Path) -> None:
    for page in ("index.html", "programmes/inspectors-forced-labour/index.html",
                 "modules/forced-labour-law/index.html", "modules/eleven-indicators/index.html",
                 "checklists/forced-labour-indicators/index.html",
                 "checklists/trafficking-indicators/index.html", "glossary/index.html"):
        assert (built_site / page).is_file(), page


def test_session_pages_show_their_facts_and_blocks(built_site: Path) -> None:
    html = (built_site / "modules/forced-labour-law/what-forced-labour-is/index.html").read_text()
    assert re.search(r"<strong>\d+ minutes</strong>", html)
    assert 'class="ls-block ls-trainer-notes"' in html
    assert "For trainers" in html
    assert "ls-activity" in html
    handout = (built_site / "modules/forced-labour-law/trafficking-in-persons/index.html").read_text()
    assert re.search(r'ls-handout">\s*<p class="admonition-title">Handout: [^<]+</p>\s*'
                     r'<p class="ls-pack-note">In the participant pack</p>', handout)
    assert "///" not in html, "a block was left as literal text"


def test_answers_are_absent_from_web_pages_and_search(built_site: Path) -> None:
    answers = []
    for source in sorted(REPO.glob("modules/*/*.md")):
        for body in re.findall(r"^/// answer[^\n]*\n(.*?)^///", source.read_text(), re.S | re.M):
            first = next(line for line in body.splitlines() if line.strip())
            answers.append(re.sub(r"[*_`]", "", first.strip("- ")).strip()[:40])
    assert answers, "the starter content should carry at least one answer block"
    html = "".join(p.read_text() for p in built_site.rglob("*.html"))
    index = (built_site / "search/search_index.json").read_text()
    for answer in answers:
        assert answer not in html
        assert answer not in index


def test_fonts_are_shipped_and_no_other_host_is_referenced(built_site: Path) -> None:
    assert (built_site / "assets/learnsite/fonts/NotoNaskhArabic-Regular.woff2").is_file()
    assert (built_site / "assets/learnsite/fonts/NotoSans-Regular.woff2").is_file()
    css = (built_site / "assets/learnsite/learnsite.css").read_text()
    assert 'url("fonts/NotoSans-Regular.woff2")' in css
    for path in [*built_site.rglob("*.html"), *built_site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        remote = _RESOURCE.findall(text) + _CSS_URL.findall(text)
        assert not remote, f"{path.relative_to(built_site)} loads {remote}"
    assert "fonts.googleapis.com" not in (built_site / "index.html").read_text()


def test_every_page_web_and_offline_states_its_policy_before_any_script(built_site: Path) -> None:
    pages = {str(path.relative_to(built_site)): path.read_text(encoding="utf-8")
             for path in built_site.rglob("*.html")}
    with zipfile.ZipFile(built_site / "offline.zip") as bundle:
        pages |= {f"offline.zip/{name}": bundle.read(name).decode("utf-8")
                  for name in bundle.namelist() if name.endswith(".html")}
    assert {"404.html", "ar/index.html", "offline.zip/ar/index.html"} <= set(pages)
    for name, html in pages.items():
        head = html.split("</head>", 1)[0]
        policy = head.find('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; ')
        assert 0 < policy < head.find("<script"), name
        assert "unsafe-inline" not in head and "unsafe-eval" not in head, name


def test_referral_contacts_are_filled_in(built_site: Path) -> None:
    html = (built_site / "referral/index.html").read_text()
    assert "{{ contacts }}" not in html
    assert "National anti-trafficking hotline" in html
    assert "to be confirmed by the centre" in html


def test_programme_page_links_its_handbooks_with_pages_and_size(built_site: Path) -> None:
    html = (built_site / "programmes/inspectors-forced-labour/index.html").read_text()
    links = re.findall(r'<a href="\.\./\.\./handbooks/([^"]+)\.pdf" download>[^<]+</a> '
                       r'\(<bdi>([^<]+)</bdi>, <bdi>([^<]+)</bdi>, <bdi>PDF</bdi>, (\d+) pages, '
                       r'<bdi>(\d+) KB</bdi>(?:; translated: [^)]+)?\)', html)
    assert {link[0] for link in links} >= {"inspectors-workshop-trainer",
                                           "inspectors-workshop-participant-ar"}
    for handbook, _edition, _language, pages, size in links:
        pdf = built_site / "handbooks" / f"{handbook}.pdf"
        assert int(pages) == len(PdfReader(pdf).pages)
        assert abs(pdf.stat().st_size / 1024 - int(size)) <= 1
    arabic = (built_site / "ar/programmes/inspectors-forced-labour/index.html").read_text()
    facts = re.findall(r"<bdi>PDF</bdi>، (\d+) صفحة، <bdi>(\d+) كيلوبايت</bdi>(?:؛ [^)]+)?\)", arabic)
    assert sorted(facts) == sorted((pages, size) for *_, pages, size in links), \
        "the Arabic page gives the same facts, in Arabic"


def test_each_checklist_has_a_decision_page_written_from_its_rule(built_site: Path) -> None:
    html = (built_site / "checklists/forced-labour-indicators-decision/index.html").read_text()
    assert "Forced labour indicators: how the result is decided" in html
    assert re.search(r"<strong>Refer</strong>, when there are signs of <em>Work the person did "
                     r"not freely agree to \(involuntariness\)</em> and <em>Threat or menace of a "
                     r"penalty \(coercion\)</em>, each shown by a different fact", html)
    assert "<strong>No indicators observed</strong>, in every other case" in html
    assert "Source: <em>Guidelines concerning the measurement of forced labour</em>" in html
    assert "<code>cannot-leave-employer</code>" in html
    assert "Context, not counted" in html and "<code>no-local-language</code>" in html
    trafficking = (built_site / "checklists/trafficking-indicators-decision/index.html").read_text()
    assert re.search(r"<strong>Refer \(treat as a child\)</strong>, when there are signs of "
                     r"<em>Act[^<]*</em> and <em>Purpose[^<]*</em>, each shown by a different "
                     r"fact and the answer to “Is the person under 18” is not <em>No</em>",
                     trafficking)
    arabic = (built_site / "ar/checklists/forced-labour-indicators-decision/index.html").read_text()
    assert "كيف تُحدَّد النتيجة" in arabic and "إحالة" in arabic
    assert "تدل على كلٍّ منها واقعةٌ مختلفة" in arabic


def test_checklist_signs_are_findings_with_open_prompts(built_site: Path) -> None:
    html = (built_site / "checklists/forced-labour-indicators/index.html").read_text()
    assert ("<span class=\"ls-prompt\">“Tell me about your passport. Where is it kept, and could "
            "you have it today if you asked?”</span>") in html
    assert "The employer, an agent or someone else keeps the worker&#39;s passport" in html
    assert "Not sure" in html and ">Unknown<" not in html
    assert "Counts toward: Work the person did not freely agree to (involuntariness)" in html
    assert "How the result is decided, indicator by indicator" in html


def test_a_screened_case_shows_its_computed_result_folded(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("modules/*/*/index.html")
             if "ls-case-result" in p.read_text()]
    assert len(pages) >= 3
    html = pages[0].read_text()
    assert re.search(r'<details class="ls-block ls-case-result">\s*<summary>What the checklist '
                     r"gives for this case</summary>", html)


def test_offline_download_gives_its_size_in_the_pages_language(built_site: Path) -> None:
    size = (built_site / "offline.zip").stat().st_size / (1024 * 1024)
    english = (built_site / "index.html").read_text(encoding="utf-8")
    arabic = (built_site / "ar/index.html").read_text(encoding="utf-8")
    assert f"(<bdi>ZIP</bdi>, <bdi>{size:.1f} MB</bdi>)" in english
    assert f"(<bdi>ZIP</bdi>، <bdi>{size:.1f} ميغابايت</bdi>)" in arabic


def test_every_handbook_cover_names_the_centre_as_it_is(built_site: Path) -> None:
    english = ("Regional Center of Excellence for Capacity Building in the Field of Combatting "
               "Trafficking in Persons")
    arabic = "المركز الإقليمي للتميز لبناء القدرات في مجال مكافحة الاتجار بالأشخاص"
    handbooks = sorted((built_site / "handbooks").glob("*.pdf"))
    assert len(handbooks) >= 7
    for handbook in handbooks:
        cover = " ".join(PdfReader(handbook).pages[0].extract_text().split())
        cover = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", cover)
        assert (arabic if handbook.stem.endswith("-ar") else english) in cover, handbook.name
        assert "RCE" not in cover


def test_open_items_are_queued_for_the_centre_and_absent_from_participant_handbooks(
        built_site: Path) -> None:
    queue = (built_site / "review-queue/index.html").read_text(encoding="utf-8")
    items = re.search(r"Open items: (\d+)\. Pages: (\d+)\.", queue)
    assert items is not None and int(items.group(1)) >= 8
    for title in ("Penalties of Law No. 1 of 2008", "Passport retention rules", "Absconding reports"):
        assert title in queue.replace("&#39;", "'"), title
    for name in ("inspectors-workshop-participant", "inspectors-workshop-participant-ar",
                 "inspectors-workshop-handouts", "pocket-checklists"):
        text = " ".join(page.extract_text() for page in PdfReader(
            built_site / "handbooks" / f"{name}.pdf").pages)
        assert "To be confirmed by the centre" not in text and "بانتظار تأكيد المركز" not in text, name
    trainer = " ".join(p.extract_text() for p in PdfReader(
        built_site / "handbooks/inspectors-workshop-trainer.pdf").pages)
    assert "To be confirmed by the centre" in trainer
