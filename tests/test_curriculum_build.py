"""Built pages for programmes, modules and sessions: the timetable, review badges, glossary
links, audience pages and breadcrumbs, as a reader sees them in the HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE, edit, mkdocs_build

pytestmark = pytest.mark.pdf  # every whole-site build renders the handbooks too

TIMED_MODULE = """id: timed
title: Timed module
summary: Sessions of known lengths.
version: "1.0"
status: published
last_reviewed: 2026-10-01
audiences: [labour-inspectors]
objectives: [Keep time.]
sessions: [one, two, three, four, five]
"""
TIMED_PROGRAMME = """  - id: timed
    title: Timed programme
    summary: A day with both kinds of break.
    days:
      - title: The long day
        start: "09:00"
        end: "12:00"
        modules: [timed]
        breaks:
          - title: Lunch
            at: "10:15"
            minutes: 30
          - title: Coffee
            every: 60
            minutes: 10
"""
MINUTES = {"one": 40, "two": 50, "three": 30, "four": 45, "five": 20}


def _timed_project(project: Path) -> None:
    folder = project / "modules/timed"
    folder.mkdir()
    (folder / "module.yml").write_text(TIMED_MODULE, encoding="utf-8")
    for session, minutes in MINUTES.items():
        (folder / f"{session}.md").write_text(
            f"---\ntitle: Session {session}\nminutes: {minutes}\nmethod: discussion\n---\n\n"
            f"# Session {session}\n\nText.\n", encoding="utf-8")
    edit(project / "site_config.yml", "handbooks:", TIMED_PROGRAMME + "handbooks:")


@pytest.fixture(scope="module")
def timed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("timed")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    _timed_project(project)
    done = mkdocs_build(project, root / "site", strict=False)
    assert done.returncode == 0, done.stderr
    return root / "site", done.stderr


def test_timetable_has_exact_times_for_sessions_and_both_kinds_of_break(timed_site) -> None:
    site, _ = timed_site
    html = (site / "programmes/timed/index.html").read_text(encoding="utf-8")
    row = (r'<td><span dir="ltr">(\d\d:\d\d–\d\d:\d\d)</span></td>\s*'
           r"<td>(?:<em>([^<]+)</em>|<a [^>]*>([^<]+)</a>)")
    times = re.findall(row, html.split('id="day-1"')[1].split("</table>")[0])
    assert [(t, brk or session) for t, brk, session in times] == [
        ("09:00–09:40", "Session one"),
        ("09:40–10:30", "Session two"),   # lunch is due at 10:15, mid-session: it waits
        ("10:30–11:00", "Lunch"),
        ("11:00–11:30", "Session three"),
        ("11:30–12:15", "Session four"),  # 75 minutes since lunch: coffee at the next boundary
        ("12:15–12:25", "Coffee"),
        ("12:25–12:45", "Session five"),
    ]
    assert "This day runs 45 minutes past its planned end at 12:00." in html
    timetable = html.split('id="day-1"')[1].split("</table>")[0]
    assert '<div class="ls-timetable">' in timetable and "{:" not in timetable, "no stray row"


def test_overrun_is_a_build_warning(timed_site) -> None:
    _, log = timed_site
    assert ("site_config.yml:34:14: warning[schedule-overrun]: programme `timed`, The long day: "
            "teaching ends at 12:45, 45 minutes past its end time 12:00") in log


def test_module_page_shows_facts_and_a_review_badge_when_due(project: Path, tmp_path: Path) -> None:
    edit(project / "modules/basics/module.yml", "last_reviewed: 2026-10-01", "last_reviewed: 2020-03-31")
    done = mkdocs_build(project, tmp_path / "site", strict=False)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site/modules/basics/index.html").read_text(encoding="utf-8")
    assert 'Version 1.0 · Published · Last reviewed <span dir="ltr">2020-03-31</span>' in html
    assert ('<span class="ls-badge ls-review-due">Review due since '
            '<span dir="ltr">2021-03-31</span></span>') in html
    fresh = (tmp_path / "site/modules/indicators/index.html").read_text(encoding="utf-8")
    assert "ls-review-due" not in fresh
    assert 'href="../basics/"' in fresh, "prerequisites link to their module"


def test_glossary_marks_link_with_a_tooltip(project: Path, tmp_path: Path) -> None:
    edit(project / "content/index.md", "## Referral", "Watch for [[debt bondage]] and "
         "[[debts that grow|debt-bondage]].\n\n## Referral")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert ('<a href="glossary/#debt-bondage" title="A debt used to tie a worker to an employer.">'
            "debt bondage</a>") in html
    assert ">debts that grow</a>" in html
    assert "[[" not in html


def test_audience_pages_list_what_is_written_for_them(built_site: Path) -> None:
    html = (built_site / "audiences/labour-inspectors/index.html").read_text(encoding="utf-8")
    assert "For labour inspectors" in html
    for target in ("guidance/labour-inspectors/", "checklists/forced-labour-indicators/",
                   "programmes/inspectors-forced-labour/", "modules/eleven-indicators/"):
        assert f'href="../../{target}"' in html, target


def test_session_breadcrumbs_lead_back_to_programme_and_module(built_site: Path) -> None:
    html = (built_site / "modules/eleven-indicators/how-indicators-combine/index.html").read_text()
    path = html.split('class="md-path"')[1].split("</nav>")[0]
    assert "Combating forced labour: workshop for labour inspectors" in path
    assert 'href="../../../programmes/inspectors-forced-labour/"' in path
    assert 'href="../"' in path and "The eleven indicators" in path


def test_trainer_notes_are_collapsed_and_answers_absent(built_site: Path) -> None:
    html = (built_site / "modules/forced-labour-law/what-forced-labour-is/index.html").read_text()
    notes = re.findall(r"<details[^>]*ls-trainer-notes[^>]*>\s*<summary>For trainers</summary>", html)
    assert notes and all("open" not in n for n in notes)
    assert "ls-answer" not in html
