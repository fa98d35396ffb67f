"""`learnsite new`: scaffolds that tell the author what to fill in, and never overwrite."""

from __future__ import annotations

from pathlib import Path

from conftest import edit

FILLED_MODULE = {
    "title:              # the module's name, e.g. Interviewing workers safely": "title: Interviewing",
    "summary:            # one or two sentences: what the module is for": "summary: How to ask.",
    "last_reviewed:      # date of the last expert review, written YYYY-MM-DD":
        "last_reviewed: 2026-11-01",
    "audiences: []": "audiences: [labour-inspectors]",
    "objectives: []": "objectives: [Ask safely.]",
}
FILLED_SESSION = {
    "title:          # the session's name": "title: Introduction",
    "minutes:        # how long it takes, a whole number, e.g. 45": "minutes: 30",
    "method:         # presentation | discussion | case-study | role-play | exercise | assessment":
        "method: discussion",
}


def test_new_module_reports_every_empty_field_then_passes(project: Path, learnsite) -> None:
    made = learnsite("--root", str(project), "new", "module", "interviewing")
    assert made.code == 0, made.err
    assert "created modules/interviewing/module.yml" in made.out
    assert "created modules/interviewing/introduction.md" in made.out
    assert "Fill in title, summary, last_reviewed, audiences and objectives" in made.out

    run = learnsite("--root", str(project), "check", "--format", "json")
    assert run.code == 1
    found = {(p["path"], p["line"], p["rule"], str(p["message"]).split("`")[1]) for p in run.problems}
    module, session = "modules/interviewing/module.yml", "modules/interviewing/introduction.md"
    assert found == {
        (module, 4, "schema-missing-field", "title"),
        (module, 5, "schema-missing-field", "summary"),
        (module, 8, "schema-missing-field", "last_reviewed"),
        (module, 9, "schema-missing-field", "audiences"),
        (module, 10, "schema-missing-field", "objectives"),
        (session, 2, "schema-missing-field", "title"),
        (session, 3, "schema-missing-field", "minutes"),
        (session, 4, "schema-invalid-value", "method"),
    }

    for old, new in FILLED_MODULE.items():
        edit(project / module, old, new)
    for old, new in FILLED_SESSION.items():
        edit(project / session, old, new)
    passed = learnsite("--root", str(project), "check", "--strict")
    assert passed.code == 0, passed.out


def test_new_session_is_listed_in_its_module(project: Path, learnsite) -> None:
    run = learnsite("--root", str(project), "new", "session", "basics", "case-studies")
    assert run.code == 0, run.err
    assert (project / "modules/basics/case-studies.md").is_file()
    assert (project / "modules/basics/module.yml").read_text().endswith(
        "  - definitions\n  - case-studies\n")
    check = learnsite("--root", str(project), "check", "--format", "json")
    assert {p["path"] for p in check.problems} == {"modules/basics/case-studies.md"}


def test_new_checklist_gives_a_file_to_fill_in(project: Path, learnsite) -> None:
    run = learnsite("--root", str(project), "new", "checklist", "domestic-work")
    assert run.code == 0, run.err
    text = (project / "content/checklists/domestic-work.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/checklist.schema.json")
    assert "labour-inspectors" in text
    check = learnsite("--root", str(project), "check", "--format", "json")
    assert {p["path"] for p in check.problems} == {"content/checklists/domestic-work.yml"}


def test_new_never_overwrites_and_rejects_bad_ids(project: Path, learnsite) -> None:
    before = (project / "modules/basics/module.yml").read_text()
    again = learnsite("--root", str(project), "new", "module", "basics")
    assert again.code == 1 and "already exists" in again.err
    assert (project / "modules/basics/module.yml").read_text() == before
    session = learnsite("--root", str(project), "new", "session", "basics", "definitions")
    assert session.code == 1 and "never overwrites" in session.err
    bad = learnsite("--root", str(project), "new", "module", "Interviewing Workers")
    assert bad.code == 1 and "not a valid module id" in bad.err
    missing = learnsite("--root", str(project), "new", "session", "nope", "intro")
    assert missing.code == 1 and "learnsite new module nope" in missing.err
