"""Checklists as XLSForms for KoboToolbox and ODK Collect: every form converts to an ODK XForm
with pyxform, carries both languages, is the same bytes every time, and (in headless Chromium,
with the OpenRosa XPath evaluator that Enketo uses) computes the outcome and its reasons that
`learnsite screen` gives, for hundreds of answer sets per checklist."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser
from pyxform.xls2xform import convert

from conftest import REPO
from learnsite.load.project import load_project
from learnsite.model.catalogue import Catalogue
from learnsite.model.checklist import Checklist
from learnsite.render.pages import generated_pages
from learnsite.screening import screen
from learnsite.site_build import Options, SiteBuild
from learnsite.site_paths import checklist_form_path, checklist_path
from learnsite.xlsform import xpath
from learnsite.xlsform.workbook import xlsform_bytes

CHECKLISTS = ["forced-labour-indicators", "trafficking-indicators"]
RANDOM_SETS = 300
EVALUATOR = REPO / "node_modules" / "openrosa-xpath-evaluator"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_project(REPO).catalogue


def _sheet(data: bytes, name: str) -> list[dict[str, str]]:
    """A sheet of the workbook as rows keyed by the header."""
    book = load_workbook(io.BytesIO(data), read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    book.close()
    header = [str(cell) for cell in rows[0]]
    return [{h: str(v) for h, v in zip(header, row, strict=True) if v not in (None, "")}
            for row in rows[1:]]


def _xform(data: bytes) -> str:
    warnings: list[str] = []
    result = convert(xlsform=data, warnings=warnings, file_type=".xlsx")
    assert warnings == [], warnings
    return result.xform


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_every_form_converts_to_an_odk_xform(catalogue: Catalogue, checklist_id: str) -> None:
    xform = _xform(xlsform_bytes(catalogue, checklist_id))
    root = ElementTree.fromstring(xform)
    xf = "{http://www.w3.org/2002/xforms}"
    checklist = catalogue.checklists[checklist_id]
    calculated = {b.get("nodeset", "").rsplit("/", 1)[-1] for b in root.iter(f"{xf}bind")
                  if b.get("calculate")}
    assert {xpath.OUTCOME, xpath.UNKNOWN, xpath.PRESENT_COUNT} <= calculated
    assert {xpath.indicator_field(i.id) for i in checklist.indicators} <= calculated
    assert {xpath.why_field(e.id) for e in checklist.elements} <= calculated
    languages = {t.get("lang") for t in root.iter(f"{xf}translation")}
    assert languages == {"English (en)", "Arabic (ar)"}
    questions = [e.get("ref", "").rsplit("/", 1)[-1] for e in root.iter(f"{xf}select1")]
    assert questions == [q.id for q in checklist.questions] + [
        s.id for i in checklist.indicators for s in i.signs]


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_labels_and_hints_in_english_and_arabic(catalogue: Catalogue, checklist_id: str) -> None:
    data = xlsform_bytes(catalogue, checklist_id)
    survey = {row["name"]: row for row in _sheet(data, "survey") if row["type"] != "end_group"}
    arabic = catalogue.translations["ar"].checklists[checklist_id]
    english = catalogue.checklists[checklist_id]
    for indicator, translated in zip(english.indicators, arabic.indicators, strict=True):
        assert survey[f"group_indicator_{indicator.id}"]["label::Arabic (ar)"] == translated.title
        for sign, words in zip(indicator.signs, translated.signs, strict=True):
            row = survey[sign.id]
            assert row["type"] == "select_one answer"
            assert row["label::English (en)"] == sign.text
            assert row["label::Arabic (ar)"] == words.text
            if sign.prompt:
                assert sign.prompt in row["hint::English (en)"]
                assert words.prompt and words.prompt in row["hint::Arabic (ar)"]
    for outcome, words in zip(english.outcomes, arabic.outcomes, strict=True):
        note = survey[f"note_outcome_{outcome.id}"]
        assert words.title in note["label::Arabic (ar)"] and words.advice in note["label::Arabic (ar)"]
        assert note["relevant"] == f"${{{xpath.OUTCOME}}} = '{outcome.id}'"
    choices = _sheet(data, "choices")
    assert [(c["name"], c["label::English (en)"], c["label::Arabic (ar)"]) for c in choices] == [
        ("yes", "Yes", "نعم"), ("no", "No", "لا"), ("unknown", "Not sure", "لست متأكدًا")]
    settings = _sheet(data, "settings")[0]
    assert settings["form_id"] == checklist_id
    assert settings["default_language"] == "English (en)"


def test_workbook_is_the_same_bytes_every_time(catalogue: Catalogue) -> None:
    first = xlsform_bytes(catalogue, CHECKLISTS[0])
    assert xlsform_bytes(catalogue, CHECKLISTS[0]) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2, core


def test_cli_writes_the_form(learnsite, tmp_path: Path, catalogue: Catalogue) -> None:
    out = tmp_path / "form.xlsx"
    run = learnsite("--root", str(REPO), "export", "xlsform", CHECKLISTS[1], "--out", str(out))
    assert run.code == 0, run.err
    assert out.read_bytes() == xlsform_bytes(catalogue, CHECKLISTS[1])
    unknown = learnsite("--root", str(REPO), "export", "xlsform", "no-such-checklist")
    assert unknown.code == 2
    assert "trafficking-indicators" in unknown.err


def test_a_project_without_translations_gets_one_language(project: Path, learnsite) -> None:
    out = project / "mini.xlsx"
    assert learnsite("--root", str(project), "export", "xlsform", "mini", "--out", str(out)).code == 0
    columns = set().union(*_sheet(out.read_bytes(), "survey"))
    assert "label::English (en)" in columns
    assert not any("Arabic" in column for column in columns)
    _xform(out.read_bytes())


def test_the_site_publishes_each_form_beside_its_page(catalogue: Catalogue) -> None:
    downloads = dict(SiteBuild(REPO, Options(), serving=False).downloads())
    assert downloads == {checklist_form_path(c): xlsform_bytes(catalogue, c) for c in CHECKLISTS}
    for cat, words in ((catalogue, "Download the form"), (catalogue.translations["ar"], "نزّل النموذج")):
        pages = generated_pages(cat)
        for checklist_id in CHECKLISTS:
            page = pages[checklist_path(checklist_id)]
            assert f"]({checklist_id}.xlsx)" in page
            assert words in page and "KoboToolbox" in page


def test_an_id_that_is_no_xml_name_is_reported_not_renamed(project: Path, learnsite) -> None:
    checklist = project / "content" / "checklists" / "mini.yml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace(
        "id: debt-bondage-fees", "id: 1st-debt"), encoding="utf-8")
    run = learnsite("--root", str(project), "check", "--format", "json")
    found = [p for p in run.problems if p["rule"] == "xlsform-inexpressible"]
    assert [(p["path"], p["line"]) for p in found] == [("content/checklists/mini.yml", 26)]
    refused = learnsite("--root", str(project), "export", "xlsform", "mini", "--out",
                        str(project / "mini.xlsx"))
    assert refused.code == 1 and "xlsform-inexpressible" in refused.out
    assert not (project / "mini.xlsx").exists()


# The parity test: the form's own XPath, evaluated in Chromium by the OpenRosa XPath evaluator.

_LOADER = """
(function () {
  var sources = {%s};
  var cache = {};
  function resolve(from, name) {
    var parts = from.split("/").slice(0, -1);
    name.split("/").forEach(function (part) {
      if (part === "..") { parts.pop(); } else if (part !== ".") { parts.push(part); }
    });
    var path = parts.join("/");
    return /\\.js$/.test(path) ? path : path + ".js";
  }
  function load(path) {
    if (!(path in cache)) {
      if (!(path in sources)) { throw new Error("cannot find module " + path); }
      var module = {exports: {}};
      cache[path] = module;
      sources[path](module, module.exports, function (name) {
        return load(resolve(path, name));
      });
    }
    return cache[path].exports;
  }
  window.orxe = load("src/openrosa-xpath.js");
})();
"""

_RUN = """([xform, sets]) => {
  const XF = "http://www.w3.org/2002/xforms";
  const evaluator = window.orxe();
  const form = new DOMParser().parseFromString(xform, "text/xml");
  const model = form.getElementsByTagNameNS(XF, "model")[0];
  const primary = Array.from(model.getElementsByTagNameNS(XF, "instance"))
    .find((i) => !i.hasAttribute("id")).firstElementChild;
  const binds = Array.from(model.getElementsByTagNameNS(XF, "bind"));
  const calculates = binds.filter((b) => b.getAttribute("calculate"));
  const notes = binds.filter((b) => /\\/note_outcome_[^/]+$/.test(b.getAttribute("nodeset")));
  const copy = (doc, node) => {  // the instance without the XForms namespace, as Enketo uses it
    const element = doc.createElement(node.localName);
    Array.from(node.children).forEach((child) => element.appendChild(copy(doc, child)));
    return element;
  };
  const node = (doc, path) => evaluator.evaluate(path, doc, null,
    XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  const byName = {};
  binds.forEach((b) => { byName[b.getAttribute("nodeset").split("/").pop()] = b.getAttribute("nodeset"); });
  return sets.map((answers) => {
    const doc = document.implementation.createDocument(null, null, null);
    doc.appendChild(copy(doc, primary));
    Object.entries(answers).forEach(([id, value]) => { node(doc, byName[id]).textContent = value; });
    for (let pass = 0, changed = true; changed; pass++) {
      if (pass > 20) { throw new Error("calculations do not settle"); }
      changed = false;
      calculates.forEach((bind) => {
        const target = node(doc, bind.getAttribute("nodeset"));
        const value = evaluator.evaluate(bind.getAttribute("calculate"), target, null,
          XPathResult.STRING_TYPE, null).stringValue;
        if (target.textContent !== value) { target.textContent = value; changed = true; }
      });
    }
    const values = {};
    calculates.forEach((bind) => {
      const path = bind.getAttribute("nodeset");
      values[path.split("/").pop()] = node(doc, path).textContent;
    });
    const shown = notes.filter((bind) => evaluator.evaluate(bind.getAttribute("relevant"),
      node(doc, bind.getAttribute("nodeset")), null, XPathResult.BOOLEAN_TYPE, null).booleanValue)
      .map((bind) => bind.getAttribute("nodeset").split("/note_outcome_").pop());
    return {values: values, notes: shown};
  });
}"""


def _evaluator_script() -> str:
    """The evaluator's CommonJS files, wrapped so a page can load them without a bundler."""
    if not EVALUATOR.is_dir():
        pytest.fail("the OpenRosa XPath evaluator is not installed: run `make test` (or npm ci)")
    files = sorted((EVALUATOR / "src").rglob("*.js"))
    wrapped = ",\n".join(
        f'"{path.relative_to(EVALUATOR).as_posix()}": function (module, exports, require) {{\n'
        f"{path.read_text(encoding='utf-8')}\n}}" for path in files)
    return _LOADER % wrapped


def _answer_sets(checklist: Checklist) -> list[dict[str, str]]:
    """Edge cases, then random sets (some items left unanswered) weighted so every outcome comes
    up: sparse yeses reach the middle outcomes, many reach referral."""
    items = [q.id for q in checklist.questions] + [
        s.id for i in checklist.indicators for s in i.signs]
    sets: list[dict[str, str]] = [{}, dict.fromkeys(items, "no"), dict.fromkeys(items, "yes"),
                                  dict.fromkeys(items, "unknown")]
    rng = random.Random(f"xlsform-{checklist.id}")
    for _ in range(RANDOM_SETS):
        p_yes = rng.choice([0.0, 0.02, 0.05, 0.1, 0.2, 0.4])
        p_blank = rng.choice([0.0, 0.0, 0.05, 0.3])
        answers = {}
        for item in items:
            choice = rng.choices(["yes", "no", "unknown", None],
                                 [p_yes, 0.9 - p_yes, 0.1, p_blank])[0]
            if choice:
                answers[item] = choice
        sets.append(answers)
    return sets


@pytest.mark.browser
@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_form_computes_what_learnsite_screen_gives(browser: Browser, catalogue: Catalogue,
                                                  checklist_id: str) -> None:
    checklist = catalogue.checklists[checklist_id]
    xform = _xform(xlsform_bytes(catalogue, checklist_id))
    sets = _answer_sets(checklist)
    page = browser.new_page()
    page.set_content("<!doctype html><title>XPath</title>")
    page.add_script_tag(content=_evaluator_script())
    computed = page.evaluate(_RUN, [xform, sets])
    page.close()
    outcomes = set()
    for answers, form in zip(sets, computed, strict=True):
        expected = screen(checklist, answers)
        values = form["values"]
        outcomes.add(expected.outcome.id)
        assert values[xpath.OUTCOME] == expected.outcome.id, answers
        assert form["notes"] == [expected.outcome.id], answers
        for element in checklist.elements:
            assert values[xpath.why_field(element.id)].split() == list(
                expected.because.get(element.id, ())), (element.id, answers)
        states = {i.id: values[xpath.indicator_field(i.id)] for i in checklist.indicators}
        assert [i for i, s in states.items() if s == "present"] == list(expected.present), answers
        assert [i for i, s in states.items() if s == "unknown"] == list(expected.unknown), answers
        assert values[xpath.CONTEXT].split() == list(expected.context), answers
    assert len(sets) >= 200
    assert outcomes == {o.id for o in checklist.outcomes}, "every outcome comes up"
