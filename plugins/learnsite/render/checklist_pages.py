"""Markdown for what the checklists put on pages: a checklist's own page and the form embedded
in a session, the rule in words and its decision page, and the computed result of each case
study that names a checklist."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterable
from functools import partial

from learnsite.load.cases import screen_case, screened_cases
from learnsite.load.generated_pages import FORM_ANCHOR
from learnsite.load.mdscan import Block, replace_blocks, scan
from learnsite.model.catalogue import Catalogue
from learnsite.model.checklist import Checklist, Indicator, Question, Sign
from learnsite.render.citations import reference
from learnsite.render.page_templates import env, render
from learnsite.render.rule_words import outcome_rule
from learnsite.site_paths import checklist_form_path, checklist_path, decision_path
from learnsite.strings import translator


def checklist_data(checklist: Checklist) -> str:
    """The checklist as JSON for the page's script: the very data Python screens with."""
    data = json.dumps(checklist.model_dump(mode="json", by_alias=True, exclude_none=True),
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return data.replace("</", "<\\/")


def checklist_page(cat: Catalogue, checklist: Checklist) -> str:
    """A checklist's own page: title, summary, the interactive form and its XLSForm to download."""
    return render("checklist.md.j2", cat, **_widget_context(cat, checklist, level=2, prefix="",
                                                             site_path=checklist_path(checklist.id)),
                  form_anchor=FORM_ANCHOR,
                  form_link=_relative(checklist_form_path(checklist.id), "checklists"))


def checklist_widget(cat: Catalogue, checklist: Checklist, level: int, prefix: str,
                     site_path: str) -> str:
    """The interactive form, its live outcome and decision guide, with headings from `level`."""
    return render("checklist_widget.md.j2", cat,
                   **_widget_context(cat, checklist, level, prefix, site_path))


def _widget_context(cat: Catalogue, checklist: Checklist, level: int, prefix: str,
                    site_path: str) -> dict[str, object]:
    choice = env().get_template("choice.html.j2")
    t = translator(cat.language)
    kinds = {kind: t(kind) for kind in ("ask", "look", "context")}
    answers = [(value, t(value)) for value in ("yes", "no", "unknown")]

    def sign_choice(indicator: Indicator, sign: Sign) -> str:
        prompt = t("quoted", text=sign.prompt) if sign.prompt else None
        return choice.render(id=sign.id, text=sign.text, kind=sign.kind, prompt=prompt,
                             counts=counts_toward(t, checklist, indicator, sign), help=None,
                             indicator=indicator.id, labels=kinds, answers=answers).strip()

    def question_choice(question: Question) -> str:
        return choice.render(id=question.id, text=question.text, kind="question", prompt=None,
                             counts=None, help=question.help, indicator=None, labels=kinds,
                             answers=answers).strip()

    return {**_rule_context(cat, checklist, level, prefix, site_path), "choice": sign_choice,
            "question_choice": question_choice, "contacts": cat.site.contacts if cat.site else [],
            "data": checklist_data(checklist)}


def _rule_context(cat: Catalogue, checklist: Checklist, level: int, prefix: str,
                  site_path: str) -> dict[str, object]:
    """What the outcome list and the decision page need: the rule in words, the sources, and
    links (from the page at `site_path`) to the checklist and its decision page."""
    t = translator(cat.language)
    here = posixpath.dirname(site_path)
    return {"checklist": checklist, "level": level, "prefix": prefix,
            "rule": lambda outcome: outcome_rule(outcome, checklist, t),
            "sources": cat.sources.by_id(),
            "decision_link": _relative(decision_path(checklist.id), here),
            "checklist_link": _relative(checklist_path(checklist.id), here)}


def _relative(target: str, folder: str) -> str:
    """A link to the page at site path `target` from a page in `folder`."""
    return posixpath.relpath(target, folder or ".")


def counts_toward(t: Callable[..., str], checklist: Checklist, indicator: Indicator,
                  sign: Sign) -> str | None:
    """"Counts toward: …" for a sign that shows another element than its indicator's."""
    shows = indicator.element_of(sign)
    if shows is None or shows == indicator.element:
        return None
    title = next((e.title for e in checklist.elements if e.id == shows), shows)
    return t("counts-toward", element=title)


def decision_markdown(cat: Catalogue, checklist: Checklist, level: int, *, page: bool = False,
                      signs: bool = True, prefix: str = "") -> str:
    """How a checklist's result is decided, in words, from the rule data: the outcomes in order,
    what makes a fact, and each element's indicators with their sources (and their signs, where
    no printed form beside it lists them already)."""
    t = translator(cat.language)
    by = {"ask": t("by-asking"), "look": t("by-looking"), "context": t("by-context")}
    sources = cat.sources.by_id()

    def source(indicator: Indicator) -> str:
        title, rest = reference(sources[indicator.source or ""], None, t("list-comma"))
        return f"*{title}*{rest}"

    context = _rule_context(cat, checklist, level, prefix, decision_path(checklist.id))
    return render("decision.md.j2", cat, **context, page=page,
                   signs=signs, by=by, source=source,
                   counts=lambda indicator, sign: counts_toward(t, checklist, indicator, sign),
                   has_context=any(s.kind == "context" for i in checklist.indicators for s in i.signs))


def expand_embeds(markdown: str, cat: Catalogue, site_path: str) -> str:
    """Replace each `/// checklist | ID` block by that checklist's interactive form."""
    def widget(block: Block) -> str | None:
        checklist = cat.checklists.get(block.title or "")
        if checklist is None:
            return None
        return checklist_widget(cat, checklist, level=3, prefix=f"{checklist.id}-",
                                site_path=site_path)

    return replace_blocks(markdown, "checklist", widget)


def expand_cases(markdown: str, cat: Catalogue) -> str:
    """After each case study that names a checklist, what the checklist gives for the case and
    why: computed by the engine, so a case's outcome cannot drift from the checklist."""
    scanned = scan(markdown)
    lines = markdown.splitlines()
    for case in reversed(list(screened_cases(scanned))):
        checklist = cat.checklists.get(case.options.checklist or "")
        if checklist is None or case.block.end_line is None:
            continue
        result = screen_case(case.options, checklist)
        indent = " " * (case.block.col - 1)
        words = _wording(checklist)
        block = render("case_result.md.j2", cat, checklist=checklist, result=result, words=words,
                        not_sure=[i for i in case.options.not_sure if i not in result.questions],
                        say=partial(_say, words))
        lines[case.block.end_line:case.block.end_line] = [
            "", *(indent + line if line else line for line in block.splitlines())]
    return "\n".join(lines) + "\n"


def _say(words: dict[str, str], ids: Iterable[str]) -> str:
    """The findings or titles behind `ids`, one after the other."""
    return " · ".join(words[i] for i in ids)


def _wording(checklist: Checklist) -> dict[str, str]:
    """What each id of a checklist reads as: a sign's finding, an element's or indicator's
    title, a question's text."""
    words = {e.id: e.title for e in checklist.elements}
    words |= {q.id: q.text for q in checklist.questions}
    for indicator in checklist.indicators:
        words[indicator.id] = indicator.title
        words |= {sign.id: sign.text for sign in indicator.signs}
    return words
