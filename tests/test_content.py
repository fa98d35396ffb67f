"""The centre's own content meets its bar: every session is teachable as written, every
guidance page leads to a checklist and to the referral contacts, every timetable fits."""

from __future__ import annotations

import pytest

from conftest import REPO
from learnsite.load.mdscan import scan
from learnsite.load.project import load_project
from learnsite.schedule import schedule_programme


@pytest.fixture(scope="module")
def catalogue():
    result = load_project(REPO)
    assert not result.diagnostics.errors
    return result.catalogue


def test_every_session_has_objectives_and_an_activity(catalogue) -> None:
    for module in catalogue.modules.values():
        for session in module.sessions:
            where = session.source.path
            assert session.meta.objectives, where
            assert any(b.name == "activity" for b in scan(session.source.body).blocks), where


def test_every_guidance_page_links_to_a_checklist_and_the_referral_contacts(catalogue) -> None:
    guidance = [p for p in catalogue.pages if p.site_path.startswith("guidance/")]
    assert len(guidance) == 7
    for page in guidance:
        targets = {link.target.split("#")[0] for link in scan(page.source.body).links}
        assert any("checklists/" in target for target in targets), page.site_path
        assert "../referral.md" in targets, page.site_path


def test_every_timetable_fits_its_days(catalogue) -> None:
    for programme in catalogue.site.programmes:
        for day in schedule_programme(programme, catalogue.modules):
            assert day.overrun == 0, (programme.id, day.title)
    workshop = next(p for p in catalogue.site.programmes if p.id == "inspectors-forced-labour")
    day1, day2 = schedule_programme(workshop, catalogue.modules)
    for day in (day1, day2):
        assert day.slots[0].start == 8 * 60
        assert 15 * 60 <= day.end <= 16 * 60 + 30, day.title
        assert {"Lunch", "Noon prayer"} <= {slot.title for slot in day.slots if slot.kind == "break"}
    assert day1.slots[0].kind == "item" and "ground rules" in day1.slots[0].title
    assert day1.slots[-1].kind == "item" and day1.slots[-1].title == "Review of the day"
    assert day2.slots[0].kind == "item" and day2.slots[0].title == "Recap of day 1"


def test_every_participant_interviews_once_in_the_role_play(catalogue) -> None:
    """Groups of four, four rounds of a ten-minute interview: the session has the time."""
    session = next(s for s in catalogue.modules["interviewing-workers"].sessions
                   if s.id == "interview-role-play")
    assert session.meta.group_size == 4
    assert session.meta.minutes >= 4 * (10 + 5)
    assert "four rounds" in session.source.body.lower() or "round 4" in session.source.body.lower()


def test_the_workshop_has_a_pre_test_and_a_post_test_with_answers(catalogue) -> None:
    for module_id in ("workshop-pre-test", "workshop-post-test"):
        (session,) = catalogue.modules[module_id].sessions
        answers = [b for b in scan(session.source.body).blocks if b.name == "answer"]
        assert 10 <= len(answers) <= 15, module_id
