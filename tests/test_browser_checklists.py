"""In headless Chromium on a 360-pixel screen: the checklist pages give the same outcome and the
same reasons as `learnsite screen` for hundreds of answer sets, and never send or store the
answers."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from conftest import REPO
from learnsite.diagnostics import Diagnostics
from learnsite.load.project import load_checklist
from learnsite.model.checklist import Checklist
from test_screening import ACCEPTANCE, answers_for, vignettes

ARTIFACTS = REPO / "test-artifacts"
CHECKLISTS = ["forced-labour-indicators", "trafficking-indicators"]
RANDOM_SETS = 150
PHONE = {"width": 360, "height": 760}


def _items(checklist: Checklist) -> list[str]:
    """The ids that have controls on the page: questions and signs."""
    return [q.id for q in checklist.questions] + [
        s.id for i in checklist.indicators for s in i.signs]


def _answer_sets(checklist: Checklist) -> list[dict[str, str]]:
    """Edge cases first, then random sets weighted so every outcome comes up often."""
    items = _items(checklist)
    signs = {i.id: [s.id for s in i.signs] for i in checklist.indicators}
    sets: list[dict[str, str]] = [{}, dict.fromkeys(items, "no"), dict.fromkeys(items, "yes"),
                                  dict.fromkeys(items, "unknown")]
    for indicator in checklist.indicators:  # each indicator alone, everything else answered no
        sets.append({**dict.fromkeys(items, "no"), signs[indicator.id][-1]: "yes"})
    for first in checklist.indicators:  # pairs across elements
        for second in checklist.indicators:
            if first.element < second.element:
                sets.append({signs[first.id][0]: "yes", signs[second.id][0]: "yes",
                             **{q.id: "no" for q in checklist.questions}})
    rng = random.Random(f"learnsite-{checklist.id}")
    for _ in range(RANDOM_SETS):
        p_yes = rng.choice([0.0, 0.02, 0.05, 0.1, 0.3])
        weights = [p_yes, 0.85 - p_yes, 0.05, 0.1]
        answers = {}
        for item in items:
            choice = rng.choices(["yes", "no", "unknown", None], weights)[0]
            if choice:
                answers[item] = choice
        sets.append(answers)
    return sets


def _fill(page: Page, answers: dict[str, str], widget: str = "") -> dict[str, object]:
    """Clear the form with its button, tick each answer's radio, and read the page's outcome and
    its reasons ("Why this result")."""
    page.locator(f"{widget} [data-action=clear]".strip()).click()
    return dict(page.evaluate(
        """([answers, widget]) => {
               const root = widget ? document.querySelector(widget) : document;
               for (const [id, value] of Object.entries(answers)) {
                   root.querySelector(`input[name="${id}"][value="${value}"]`).click(); }
               const because = {};
               for (const li of root.querySelectorAll(".ls-why-list li[data-element]")) {
                   because[li.dataset.element] = li.dataset.facts.split(" "); }
               const context = root.querySelector(".ls-why-context").dataset.facts;
               return {outcome: root.querySelector(".ls-outcome").dataset.outcome, because,
                       context: context ? context.split(" ") : []}; }""",
        [answers, widget]))


def _screen(learnsite, tmp_path: Path, checklist_id: str, answers: dict[str, str]) -> dict[str, object]:
    path = tmp_path / "answers.yml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in answers.items()) or "{}\n",
                    encoding="utf-8")
    run = learnsite("--root", str(REPO), "screen", checklist_id, str(path))
    assert run.code == 0, run.err
    result = json.loads(run.out)
    return {key: result[key] for key in ("outcome", "because", "context")}


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_page_outcome_equals_learnsite_screen(checklist_id: str, browser: Browser, site_url: str,
                                              learnsite, tmp_path: Path) -> None:
    checklist = load_checklist(REPO, checklist_id, Diagnostics())
    assert checklist is not None
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/checklists/{checklist_id}/", wait_until="networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    sets = _answer_sets(checklist)
    assert len(sets) >= RANDOM_SETS
    seen = set()
    for answers in sets:
        expected = _screen(learnsite, tmp_path, checklist_id, answers)
        assert _fill(page, answers) == expected, answers
        seen.add(expected["outcome"])
    assert seen == {o.id for o in checklist.outcomes}, "every outcome was exercised"

    storage = page.evaluate("""async () => ({
        local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
        idb: (await indexedDB.databases()).length })""")
    assert storage == {"local": 0, "session": 0, "cookie": "", "idb": 0}
    assert context.storage_state() == {"cookies": [], "origins": []}
    assert requests == [], f"answering made requests: {requests[:5]}"
    context.close()


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_checklist_is_usable_on_a_phone(checklist_id: str, browser: Browser,
                                        site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/checklists/{checklist_id}/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    label = page.locator("fieldset[data-indicator] .ls-choices label").first
    box = label.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    label.click()  # a real tap on the first sign's "Yes"
    assert page.locator(".ls-outcome").get_attribute("data-outcome") == "gather-more-information"
    assert page.locator(".ls-outcome-bar").inner_text().strip()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"checklist-{checklist_id}-360px.png"), full_page=True)
    page.close()


def test_acceptance_examples_and_vignettes_give_the_same_result_on_the_page(
        browser: Browser, site_url: str) -> None:
    cases = [(checklist_id, answers_for(checklist_id, yes, not_sure), outcome, None)
             for checklist_id, yes, not_sure, outcome in ACCEPTANCE]
    cases += [(v["checklist"], answers_for(v["checklist"], set(v.get("found", [])),
                                           set(v.get("not-sure", []))), v["outcome"], v.get("because"))
              for v in vignettes()]
    page = browser.new_page(viewport=PHONE)
    for checklist_id in CHECKLISTS:
        page.goto(f"{site_url}/checklists/{checklist_id}/", wait_until="networkidle")
        for _, answers, outcome, because in (c for c in cases if c[0] == checklist_id):
            shown = _fill(page, answers)
            assert shown["outcome"] == outcome, answers
            if because is not None:
                assert shown["because"] == because, answers
    page.close()


def test_refer_shows_the_referral_contacts_and_why(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/checklists/forced-labour-indicators/", wait_until="networkidle")
    contacts = page.locator(".ls-contacts")
    assert contacts.is_hidden()
    page.locator("input[name=passport-held-by-employer][value=yes]").click()
    page.locator("input[name=cannot-leave-employer][value=yes]").click()
    page.locator("input[name=no-local-language][value=yes]").click()
    assert page.locator(".ls-outcome").get_attribute("data-outcome") == "refer"
    assert contacts.is_visible()
    assert "National anti-trafficking hotline" in contacts.inner_text()
    why = page.locator(".ls-why").inner_text()
    assert "Why this result" in why
    assert "The worker cannot leave the job or change employer" in why
    assert "keeps the worker's passport" in why
    assert "Context, recorded but not counted: The worker does not speak the local language." in why
    page.close()


def test_export_downloads_the_answers_and_print_shows_them(browser: Browser,
                                                            site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{site_url}/checklists/trafficking-indicators/", wait_until="networkidle")
    page.locator("input[name=child][value=yes]").click()
    with page.expect_download() as info:
        page.locator("[data-action=export]").click()
    download = info.value
    assert download.suggested_filename == "trafficking-indicators-answers.json"
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == {"child": "yes"}
    assert exported["outcome"] == "incomplete"

    page.emulate_media(media="print")
    assert page.locator(".ls-tools").is_hidden()
    assert page.locator("input[name=child][value=yes]").is_visible()
    page.locator("[data-action=clear]").evaluate("button => button.click()")
    assert not page.locator("input[name=child][value=yes]").is_checked()
    context.close()


def test_a_checklist_embedded_in_a_session_works(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/modules/eleven-indicators/applying-the-indicators/",
              wait_until="networkidle")
    widget = page.locator(".ls-widget[data-checklist=forced-labour-indicators]")
    assert widget.count() == 1
    widget.locator("input[name=debt-binds-worker][value=yes]").click()
    assert widget.locator(".ls-outcome").get_attribute("data-outcome") == "gather-more-information"
    widget.locator("input[name=overtime-not-agreed][value=yes]").click()
    assert widget.locator(".ls-outcome").get_attribute("data-outcome") == "refer"
    decided = widget.get_by_role("link", name="How the result is decided, indicator by indicator")
    assert decided.get_attribute("href") == "../../../checklists/forced-labour-indicators-decision/"
    assert page.locator("#forced-labour-indicators-result").count() == 1
    page.close()
