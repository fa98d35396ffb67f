"""Every kind of author mistake gives a located, explained diagnostic (table of cases).

Each case breaks the valid fixture in one way and names the rule, file and line it expects.
test_every_rule_has_a_case keeps the table complete as rules are added.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ARABIC, edit
from learnsite.rules import RULES, Severity
from test_course import RULES_TESTED_HERE as COURSE_RULES
from test_handbooks import RULES_TESTED_HERE as HANDBOOK_RULES
from test_screening import ANSWER_CASES
from test_translations import RULES_TESTED_HERE

SESSION = "modules/basics/definitions.md"
MODULE = "modules/basics/module.yml"
SITE = "site_config.yml"
INDEX = "content/index.md"
CHECKLIST = "content/checklists/mini.yml"
MKDOCS = "mkdocs.yml"


@dataclass(frozen=True)
class Case:
    """One way to break the project, and the diagnostic it must give."""

    name: str
    rule: str
    path: str
    line: int
    change: Callable[[Path], None]
    message: str = ""


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / path, old, new)


def write(path: str, text: str | bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return change


def append(path: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return change


def copy_module(root: Path) -> None:
    shutil.copytree(root / "modules/basics", root / "modules/basics-copy")


def in_arabic(path: str, old: str, new: str) -> Callable[[Path], None]:
    """Add the Arabic translations of the fixture, then change one of them."""
    def change(root: Path) -> None:
        shutil.copytree(ARABIC, root, dirs_exist_ok=True)
        edit(root / SITE, "    name: English\n", "    name: English\n  - code: ar\n    name: العربية\n")
        edit(root / path, old, new)
    return change


CASES = [
    Case("yaml that does not parse", "yaml-syntax", MODULE, 4,
         replace(MODULE, "summary: The basics.", "summary: [The basics."),
         "a flow sequence started at line 3"),
    Case("tab indentation", "yaml-syntax", MODULE, 9,
         replace(MODULE, "  - Participants", "\t- Participants"), "tab"),
    Case("empty yaml file", "file-empty", MODULE, 1, write(MODULE, "")),
    Case("file not utf-8", "file-encoding", MODULE, 2,
         write(MODULE, b"id: basics\ntitle: Caf\xe9\n"), "byte 0xe9"),
    Case("duplicate key", "yaml-duplicate-key", MODULE, 3,
         replace(MODULE, "summary: The basics.", "title: Again"), "`title` is given twice"),
    Case("missing required field", "schema-missing-field", MODULE, 1,
         replace(MODULE, "summary: The basics.\n", ""), "missing required field `summary`"),
    Case("empty required field", "schema-missing-field", MODULE, 3,
         replace(MODULE, "summary: The basics.", "summary:"), "`summary` has no value"),
    Case("session without minutes", "schema-missing-field", SESSION, 2,
         replace(SESSION, "minutes: 45\n", ""), "missing required field `minutes`"),
    Case("minutes not a number", "schema-wrong-type", SESSION, 3,
         replace(SESSION, "minutes: 45", "minutes: abc"), "must be a whole number"),
    Case("negative minutes", "schema-invalid-value", SESSION, 3,
         replace(SESSION, "minutes: 45", "minutes: -5"), "greater than 0"),
    Case("zero minutes", "schema-invalid-value", SESSION, 3,
         replace(SESSION, "minutes: 45", "minutes: 0"), "greater than 0"),
    Case("method not in the list", "schema-invalid-value", SESSION, 4,
         replace(SESSION, "method: presentation", "method: lecture"), "'presentation'"),
    Case("misspelt key", "schema-unknown-key", MODULE, 8,
         replace(MODULE, "objectives:", "objetives:"), "did you mean `objectives`?"),
    Case("unknown module in a programme", "ref-unknown-module", SITE, 27,
         replace(SITE, "modules: [basics, indicators]", "modules: [basics, indicator]"),
         "did you mean `indicators`?"),
    Case("unknown prerequisite", "ref-unknown-module", "modules/indicators/module.yml", 10,
         replace("modules/indicators/module.yml", "[basics]", "[basic]"), "unknown module `basic`"),
    Case("unknown audience", "ref-unknown-audience", MODULE, 7,
         replace(MODULE, "audiences: [labour-inspectors]", "audiences: [inspectors]"),
         "unknown audience `inspectors`"),
    Case("unknown handbook programme", "ref-unknown-programme", SITE, 31,
         replace(SITE, "programme: workshop", "programme: workshops"), "did you mean `workshop`?"),
    Case("unknown handbook language", "ref-unknown-language", SITE, 33,
         replace(SITE, "language: en", "language: fr"), "unknown language `fr`"),
    Case("unknown related term", "ref-unknown-term", "content/glossary.yml", 5,
         replace("content/glossary.yml", "[forced-labour]", "[forced-labor]"),
         "did you mean `forced-labour`?"),
    Case("handbook parts before the cover", "schema-invalid-value", SITE, 34,
         replace(SITE, "    language: en\n", "    language: en\n    include: [modules, cover]\n"),
         "the cover and then the contents open the handbook: list them first"),
    Case("handbook part listed twice", "schema-invalid-value", SITE, 34,
         replace(SITE, "    language: en\n", "    language: en\n    include: [modules, glossary, modules]\n"),
         "list each part once"),
    Case("a handbook part no renderer builds", "schema-invalid-value", SITE, 34,
         replace(SITE, "    language: en\n", "    language: en\n    include: [cover, assessments]\n"),
         "got `assessments`"),
    Case("unknown rule in diagnostics", "ref-unknown-rule", SITE, 40,
         append(SITE, "diagnostics:\n  no-such-rule: off\n"), "`no-such-rule`"),
    Case("two modules with one id", "id-duplicate", "modules/basics-copy/module.yml", 1,
         copy_module, "also used by modules/basics/module.yml"),
    Case("module id differs from folder", "id-mismatch", "modules/basics-copy/module.yml", 1,
         copy_module, "differs from its folder `basics-copy`"),
    Case("prerequisite cycle", "prerequisite-cycle", MODULE, 10,
         replace(MODULE, "prerequisites: []", "prerequisites: [indicators]"),
         "basics → indicators → basics"),
    Case("session file missing", "session-file-missing", MODULE, 13,
         append(MODULE, "  - case-studies\n"), "no file modules/basics/case-studies.md"),
    Case("session file not listed", "session-file-unlisted", "modules/basics/extra.md", 1,
         write("modules/basics/extra.md", "---\ntitle: Extra\n---\n"), "`extra.md`"),
    Case("session without front matter", "front-matter-missing", SESSION, 1,
         write(SESSION, "# Definitions\n\nText.\n"), "front matter is absent"),
    Case("site_config.yml missing", "file-missing", SITE, 1,
         lambda root: (root / SITE).unlink(), "site_config.yml is missing"),
    Case("mkdocs.yml missing", "file-missing", MKDOCS, 1,
         lambda root: (root / MKDOCS).unlink(), "mkdocs.yml is missing"),
    Case("a tag in mkdocs.yml that would run code", "yaml-unsupported-tag", MKDOCS, 49,
         replace(MKDOCS, "!!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower",
                 "!!python/name:os.system"), "cannot read the tag `!!python/name:os.system`"),
    Case("a function mkdocs.yml may not call", "yaml-unsupported-tag", MKDOCS, 49,
         replace(MKDOCS, "pymdownx.slugs.slugify", "os.system"), "does not call `os.system`"),
    Case("Markdown extensions not a list", "schema-wrong-type", MKDOCS, 41,
         replace(MKDOCS, "  - abbr\n", "  - [abbr]\n"), "must be an extension name"),
    Case("broken link", "link-broken", SESSION, 16,
         replace(SESSION, "../indicators/signs.md#", "../indicators/sign.md#"),
         "did you mean `../indicators/signs.md`?"),
    Case("missing anchor", "link-anchor-missing", SESSION, 16,
         replace(SESSION, "#what-to-look-for", "#what-to-look"), "did you mean `#what-to-look-for`?"),
    Case("broken link in a content page", "link-broken", INDEX, 8,
         replace(INDEX, "programmes/workshop/index.md", "programmes/workshp/index.md"), "does not exist"),
    Case("unknown block type", "block-unknown", SESSION, 25,
         replace(SESSION, "/// answer", "/// answers"), "did you mean `answer`?"),
    Case("unclosed block", "block-unclosed", SESSION, 18,
         replace(SESSION, "three parts.\n///", "three parts."), "never closed"),
    Case("activity minutes not a number", "schema-wrong-type", SESSION, 19,
         replace(SESSION, "minutes: 15", "minutes: twenty"), "`minutes` must be a whole number"),
    Case("activity options malformed", "schema-wrong-type", SESSION, 18,
         replace(SESSION, "    minutes: 15\n    method: exercise", "    minutes 15"),
         "options of `activity` must be `key: value` lines"),
    Case("activity option unknown", "schema-unknown-key", SESSION, 20,
         replace(SESSION, "method: exercise", "methd: exercise"), "did you mean `method`?"),
    Case("image without alternative text", "content-image-alt", INDEX, 14,
         lambda root: (write("content/chart.png", b"png")(root),
                       append(INDEX, "\n![](chart.png)\n")(root)), "`chart.png` has no alternative"),
    Case("img tag without alt", "content-image-alt", INDEX, 14,
         lambda root: (write("content/chart.png", b"png")(root),
                       append(INDEX, '\n<img src="chart.png">\n')(root)), "no alternative text"),
    Case("vague link text", "content-link-text", INDEX, 14,
         append(INDEX, "\nFor the workshop [click here](programmes/workshop/index.md).\n"),
         "`click here` does not say where"),
    Case("script tag", "content-unsafe-html", INDEX, 14,
         append(INDEX, "\n<script>alert(1)</script>\n"), "<script>"),
    Case("iframe", "content-unsafe-html", INDEX, 14,
         append(INDEX, "\n<iframe src=\"/x\"></iframe>\n"), "<iframe>"),
    Case("inline event handler", "content-unsafe-html", INDEX, 14,
         append(INDEX, "\n<p onclick=\"go()\">Hi</p>\n"), "`onclick=`"),
    Case("event handler in a block's attrs", "content-unsafe-html", SESSION, 21,
         replace(SESSION, "    method: exercise", '    method: exercise\n    attrs: {onclick: "go()"}'),
         "`onclick=`"),
    Case("remote image tag", "content-external-resource", INDEX, 14,
         append(INDEX, "\n<img src=\"https://example.org/a.png\" alt=\"A\">\n"), "another host"),
    Case("remote markdown image", "content-external-resource", INDEX, 14,
         append(INDEX, "\n![A chart](https://example.org/a.png)\n"), "another host"),
    Case("remote css url", "content-external-resource", INDEX, 14,
         append(INDEX, "\n<div style=\"background: url(//cdn.example/x.png)\">x</div>\n"),
         "another host"),
    Case("script in a glossary definition", "content-unsafe-html", "content/glossary.yml", 4,
         replace("content/glossary.yml", "A debt used", "A debt <script>alert(2)</script> used"),
         "<script>"),
    Case("event handler in a module objective", "content-unsafe-html", MODULE, 9,
         replace(MODULE, "can define", 'can <b onmouseover="go()">define</b>'), "`onmouseover=`"),
    Case("remote image in an indicator's description", "content-external-resource", CHECKLIST, 24,
         replace(CHECKLIST, "Tied by a debt.", "Tied by a debt ![a debt](https://example.org/d.png)."),
         "another host"),
    Case("iframe in the organisation's name", "content-unsafe-html", SITE, 2,
         replace(SITE, "name: Test Centre", "name: Test <iframe src=x></iframe>Centre"), "<iframe>"),
    Case("script in a session's front matter", "content-unsafe-html", SESSION, 8,
         replace(SESSION, "- State the definition.", "- State <script>x()</script> it."), "<script>"),
    Case("broken link in a module summary", "link-broken", MODULE, 3,
         replace(MODULE, "summary: The basics.", "summary: See [the signs](../indicators/sign.md)."),
         "did you mean `../indicators/signs.md`?"),
    Case("script in a translated glossary definition", "content-unsafe-html",
         "content/glossary.ar.yml", 9,
         in_arabic("content/glossary.ar.yml", "عمل يُنتزع", "عمل <script>alert(2)</script> يُنتزع"),
         "<script>"),
    Case("embedded checklist that does not exist", "ref-unknown-checklist",
         "modules/indicators/signs.md", 19,
         replace("modules/indicators/signs.md", "/// checklist | mini", "/// checklist | mni"),
         "did you mean `mini`?"),
    Case("placeholder contact", "contact-placeholder", SITE, 37,
         append(SITE, "    placeholder: true\n"), "shown as 'to be confirmed' on: checklists/mini.md, "
         "index.md, modules/indicators/signs.md"),
    Case("unknown contact", "ref-unknown-contact", INDEX, 14,
         append(INDEX, "\nCall {{ contact hotlne }} now.\n"), "did you mean `hotline`?"),
    Case("unknown glossary term", "ref-unknown-term", INDEX, 14,
         append(INDEX, "\nSee [[debt bondge]].\n"), "did you mean `[[debt bondage]]`?"),
    Case("day longer than planned", "schedule-overrun", SITE, 21,
         replace(SITE, 'end: "16:00"', 'end: "09:30"'),
         "programme `workshop`, Day 1: teaching ends at 10:35, 65 minutes past its end time 09:30"),
    Case("review overdue", "review-due", MODULE, 6,
         replace(MODULE, "last_reviewed: 2026-10-01", "last_reviewed: 2020-01-01"),
         "a review has been due since 2021-01-01"),
    Case("activities longer than the session", "activity-overrun", SESSION, 18,
         replace(SESSION, "minutes: 15", "minutes: 50"), "add up to 50 minutes, but the session has 45"),
    Case("checklist rule names an unknown element", "ref-unknown-element", CHECKLIST, 40,
         replace(CHECKLIST, "- present: coercion", "- present: coersion"),
         "did you mean `coercion`?"),
    Case("indicator of an unknown element", "ref-unknown-element", CHECKLIST, 23,
         replace(CHECKLIST, "element: coercion", "element: force"), "unknown element `force`"),
    Case("checklist rule names an unknown question", "ref-unknown-question", CHECKLIST, 47,
         replace(CHECKLIST, "some-present: true",
                 "answer:\n        question: child\n        is: yes"), "unknown question `child`"),
    Case("checklist rule names an unknown indicator", "ref-unknown-indicator", CHECKLIST, 46,
         replace(CHECKLIST, "some-present: true", "indicator: debt-bondge"),
         "did you mean `debt-bondage`?"),
    Case("unknown condition", "schema-unknown-key", CHECKLIST, 46,
         replace(CHECKLIST, "some-present: true", "everything: true"),
         "`everything` is not a condition"),
    Case("outcome that can never be reached", "outcome-unreachable", CHECKLIST, 47,
         lambda root: (replace(CHECKLIST, "some-present: true", "unknown: false")(root),
                       replace(CHECKLIST, "      unknown: true", "      unknown: false")(root)),
         "`incomplete`"),
    Case("outcome after the catch-all", "outcome-unreachable", CHECKLIST, 51,
         replace(CHECKLIST, "    when:\n      unknown: true\n", ""), "`no-indicators`"),
    Case("no catch-all outcome", "outcome-no-catch-all", CHECKLIST, 53,
         append(CHECKLIST, "    when:\n      unknown: false\n"), "`no-indicators` has a `when:`"),
    Case("indicator and sign share an id", "id-duplicate", CHECKLIST, 26,
         replace(CHECKLIST, "id: debt-bondage-fees", "id: deception"), "`deception` is used twice"),
    Case("checklist id differs from its file", "id-mismatch", CHECKLIST, 1,
         replace(CHECKLIST, "id: mini", "id: mini-checklist"), "differs from its file name"),
    Case("citation of an unknown source", "ref-unknown-source", INDEX, 14,
         append(INDEX, "\nForced labour is defined in law [@ilo-indicators-2021, p. 3].\n"),
         "`[@ilo-indicators-2021, p. 3]` names no source in content/sources.yml; did you mean "
         "`ilo-indicators-2012`?"),
    Case("an article named with no citation", "citation-missing", INDEX, 14,
         append(INDEX, "\nArticle 2 of the Convention says what forced labour is.\n"),
         "names an article (`Article 2…`) but cites no source"),
    Case("a source that nothing cites", "source-unused", "content/sources.yml", 7,
         append("content/sources.yml", "  - id: spare\n    title: A spare source\n"
                "    author: Nobody\n    year: 2020\n    kind: report\n"),
         "nothing cites the source `spare`"),
    Case("a wording the glossary says not to use", "term-deprecated", SESSION, 15,
         lambda root: (append("content/glossary.yml", "    deprecated: [menace of a pnalty]\n")(root),
                       replace(SESSION, "work exacted under menace of a penalty",
                               "work exacted under menace of a pnalty")(root)),
         "`menace of a pnalty` is a wording the glossary says not to use"),
    Case("a statement the centre must confirm", "to-confirm-open", INDEX, 14,
         append(INDEX, "\n/// to-confirm | The hotline's hours\n    reason: not yet known\n\n"
                "The hotline answers day and night.\n///\n"),
         "to be confirmed by the centre, “The hotline's hours” on index.md: not yet known"),
    Case("indicator names an unknown source", "ref-unknown-source", CHECKLIST, 14,
         replace(CHECKLIST, "source: ilo-indicators-2012", "source: ilo-indicatrs-2012"),
         "did you mean `ilo-indicators-2012`?"),
    Case("one fact under two elements", "sign-in-two-elements", CHECKLIST, 29,
         replace(CHECKLIST, "text: A debt for the job's fees keeps the worker in it.",
                 "text: The work differs from the job the worker was promised."),
         "`debt-bondage-fees` states the same fact as `deception-different-job`, but under "
         "`coercion` instead of `involuntariness`"),
    Case("ask sign without a prompt", "sign-prompt-missing", CHECKLIST, 26,
         replace(CHECKLIST, "        prompt: What did you pay to get this job?\n", ""),
         "the ask sign `debt-bondage-fees` has no `prompt`"),
    Case("context sign with an element", "sign-context-element", CHECKLIST, 33,
         replace(CHECKLIST, "outcomes:\n", "      - id: owes-fee\n        kind: context\n"
                 "        text: The worker owes a fee.\n        element: coercion\noutcomes:\n"),
         "the context sign `owes-fee` names the element `coercion`"),
    Case("sign id no XLSForm field can have", "xlsform-inexpressible", CHECKLIST, 30,
         replace(CHECKLIST, "outcomes:\n", "      - id: 2-jobs\n        kind: look\n"
                 "        text: The worker holds two jobs.\noutcomes:\n"),
         "`2-jobs` cannot name a field of an XLSForm"),
    Case("model answer contradicts the checklist", "case-outcome-mismatch",
         "modules/indicators/signs.md", 32,
         replace("modules/indicators/signs.md", "**Refer.**", "**Gather more information.**"),
         "the model answer says **Gather more information**, but `mini` gives **Refer**"),
    Case("model answer of an unscreened case names an outcome", "case-outcome-typed",
         "modules/indicators/signs.md", 30,
         replace("modules/indicators/signs.md",
                 "    checklist: mini\n    found: [deception-different-job, debt-bondage-fees]\n", ""),
         "names the outcome **Refer** by hand"),
    Case("case study answers an unknown sign", "answer-unknown-id",
         "modules/indicators/signs.md", 26,
         replace("modules/indicators/signs.md", "debt-bondage-fees]", "debt-bondage-fee]"),
         "`debt-bondage-fee` is not a sign or question of `mini`; did you mean `debt-bondage-fees`?"),
    Case("nested list indented by three spaces", "list-indent", SESSION, 30,
         append(SESSION, "\n1. Round one:\n   - the inspector asks\n   - the observer notes\n"),
         "indented by 3 spaces, so it prints as more items of the list above"),
    Case("session names a material that does not exist", "material-missing", SESSION, 6,
         replace(SESSION, "file: materials/part-cards.md", "file: materials/part-card.md"),
         "material `materials/part-card.md` does not exist in modules/basics/"),
    Case("material per group without a group size", "material-group-size", SESSION, 5,
         replace(SESSION, "group_size: 3\n", ""),
         "the session states no group size"),
    Case("material file named by no session", "material-unused", "modules/basics/materials/spare.md", 1,
         write("modules/basics/materials/spare.md", "---\ntitle: Spare\n---\n\nSpare cards.\n"),
         "no session of module `basics` names `materials/spare.md`"),
    Case("material path outside the module", "schema-invalid-value", SESSION, 6,
         replace(SESSION, "file: materials/part-cards.md", "file: ../indicators/signs.md"),
         "materials"),
    Case("programme names an unknown session", "ref-unknown-session", SITE, 15,
         replace(SITE, "evaluation: indicators/signs", "evaluation: indicators/sign"),
         "unknown session `indicators/sign`; did you mean `indicators/signs`?"),
    Case("case study names an unknown checklist", "ref-unknown-checklist",
         "modules/indicators/signs.md", 25,
         replace("modules/indicators/signs.md", "checklist: mini", "checklist: mnii"),
         "unknown checklist `mnii`"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_located_and_explained(case: Case, project: Path, learnsite) -> None:
    case.change(project)
    run = learnsite("--root", str(project), "check", "--strict", "--format", "json")
    assert run.code == (0 if RULES[case.rule].severity is Severity.NOTICE else 1)
    matches = [p for p in run.problems if p["rule"] == case.rule and p["path"] == case.path]
    assert matches, f"no {case.rule} in {case.path}: {run.problems}"
    assert any(p["line"] == case.line for p in matches), matches
    assert any(case.message in str(p["message"]) for p in matches), matches
    assert all(p["hint"] for p in matches), "every diagnostic says how to fix it"


def test_every_rule_has_a_case() -> None:
    covered = ({case.rule for case in CASES} | {rule for rule, *_ in ANSWER_CASES}
               | set(RULES_TESTED_HERE) | set(HANDBOOK_RULES) | set(COURSE_RULES))
    assert set(RULES) <= covered | {"yaml-syntax"}, set(RULES) - covered


def test_every_rule_is_described() -> None:
    for rule in RULES.values():
        assert rule.description.endswith("."), rule.id
        assert rule.id == rule.id.lower() and " " not in rule.id
        assert rule.category
        assert rule.hint, f"{rule.id} needs a default hint"
