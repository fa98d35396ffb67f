"""The three sheets of a checklist's XLSForm (survey, choices, settings) as rows of text, in every
language the checklist is translated into: a yes / no / not sure question per sign, grouped by
element and indicator, the checklist's questions, the computed screening and a result page that
shows the outcome, its advice and the facts behind it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from learnsite.model.catalogue import Catalogue
from learnsite.model.checklist import Checklist, Indicator, Sign
from learnsite.model.site import Contact
from learnsite.site_paths import checklist_path
from learnsite.strings import translator
from learnsite.xlsform import xpath
from learnsite.xlsform.xpath import ref

ANSWERS = "answer"
"""The choice list of every question: the values `learnsite screen` reads."""
ANSWER_VALUES = ("yes", "no", "unknown")

#: XLSForm names a language "Name (code)"; ODK and Kobo show the name and match the code.
_LANGUAGE_NAMES = {"en": "English", "ar": "Arabic", "fr": "French", "es": "Spanish",
                   "hi": "Hindi", "ur": "Urdu", "bn": "Bengali", "ne": "Nepali", "tl": "Tagalog",
                   "si": "Sinhala", "ta": "Tamil", "ml": "Malayalam", "am": "Amharic"}

Row = dict[str, str]


@dataclass(frozen=True)
class Sheets:
    """The rows of each sheet, and the columns in the order they are written."""

    survey: list[Row]
    choices: list[Row]
    settings: list[Row]

    def columns(self, rows: list[Row]) -> list[str]:
        """Every column the rows use, in the order first used."""
        return list(dict.fromkeys(column for row in rows for column in row))


@dataclass(frozen=True)
class Wording:
    """One language's text of the checklist, its interface words and its referral contacts."""

    column: str
    checklist: Checklist
    t: Callable[..., str]
    contacts: list[Contact]


def language_column(code: str, name: str) -> str:
    """`English (en)`: how XLSForm columns name a language."""
    return f"{_LANGUAGE_NAMES.get(code, name)} ({code})"


def wordings(cat: Catalogue, checklist_id: str) -> list[Wording]:
    """The checklist in the source language, then in each language it is translated into."""
    languages = cat.site.languages if cat.site else []
    source = languages[0] if languages else None
    found = [Wording(language_column(source.code, source.name) if source else "English (en)",
                     cat.checklists[checklist_id], translator(cat.language),
                     cat.site.contacts if cat.site else [])]
    for language in languages[1:]:
        other = cat.translations.get(language.code)
        if other is None or not other.is_translated(checklist_path(checklist_id)):
            continue
        found.append(Wording(language_column(language.code, language.name),
                             other.checklists[checklist_id], translator(language.code),
                             other.site.contacts if other.site else []))
    return found


def form_version(cat: Catalogue, checklist_id: str) -> str:
    """A version that changes when the checklist or a translation changes (servers and phones
    replace a form only when its version changes) and never otherwise."""
    data = [w.checklist.model_dump(mode="json", by_alias=True) for w in wordings(cat, checklist_id)]
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return digest[:12]


def build_sheets(cat: Catalogue, checklist_id: str) -> Sheets:
    """The XLSForm of one checklist of the catalogue (the default language's)."""
    texts = wordings(cat, checklist_id)
    checklist = texts[0].checklist
    survey = _survey(checklist, texts)
    choices = [{"list_name": ANSWERS, "name": value,
                **{f"label::{w.column}": w.t(value) for w in texts}} for value in ANSWER_VALUES]
    settings = [{"form_title": checklist.title, "form_id": checklist.id,
                 "version": form_version(cat, checklist_id), "default_language": texts[0].column}]
    return Sheets(survey, choices, settings)


def _labels(texts: list[Wording], say: Callable[[Wording], str | None], column: str = "label",
            ) -> Row:
    return {f"{column}::{w.column}": text for w in texts if (text := say(w))}


def _survey(checklist: Checklist, texts: list[Wording]) -> list[Row]:
    rows: list[Row] = []

    def group(name: str, say: Callable[[Wording], str], inside: list[Row],
              relevant: str | None = None) -> None:
        rows.append({"type": "begin_group", "name": name, **_labels(texts, say),
                     **({"relevant": relevant} if relevant else {})})
        rows.extend(inside)
        rows.append({"type": "end_group", "name": name})

    def question(q: int) -> Row:
        return {"type": f"select_one {ANSWERS}", "name": checklist.questions[q].id,
                **_labels(texts, lambda w: w.checklist.questions[q].text),
                **_labels(texts, lambda w: w.checklist.questions[q].help, "hint")}

    def sign(i: int, s: int) -> Row:
        return {"type": f"select_one {ANSWERS}", "name": checklist.indicators[i].signs[s].id,
                **_labels(texts, lambda w: w.checklist.indicators[i].signs[s].text),
                **_labels(texts, lambda w: _hint(w, w.checklist.indicators[i],
                                                 w.checklist.indicators[i].signs[s]), "hint")}

    if checklist.questions:
        group("group_person", lambda w: w.t("about-person"),
              [question(q) for q in range(len(checklist.questions))])
    for e, element in enumerate(checklist.elements):
        inside: list[Row] = []
        for i, indicator in enumerate(checklist.indicators):
            if indicator.element != element.id:
                continue
            signs = [sign(i, s) for s in range(len(indicator.signs))]
            inside += [{"type": "begin_group", "name": f"group_indicator_{indicator.id}",
                        **_labels(texts, _indicator_title(i))},
                       *signs, {"type": "end_group", "name": f"group_indicator_{indicator.id}"}]
        group(f"group_element_{element.id}", _element_title(e), inside)
    rows += _calculations(checklist)
    group("group_result", lambda w: w.t("result"), _result(checklist, texts))
    return rows


def _hint(w: Wording, indicator: Indicator, sign: Sign) -> str:
    """How to establish a sign: the open prompt to ask, or where to look; and the element it
    counts toward when it is not its indicator's."""
    if sign.kind == "ask" and sign.prompt:
        hint = f"{w.t('ask')}: {w.t('quoted', text=sign.prompt)}"
    else:
        hint = w.t("look") if sign.kind == "look" else w.t("context")
    shows = indicator.element_of(sign)
    if shows is not None and shows != indicator.element:
        title = next(e.title for e in w.checklist.elements if e.id == shows)
        hint += f" · {w.t('counts-toward', element=title)}"
    return hint


def _calculations(checklist: Checklist) -> list[Row]:
    """The screening, field by field: each indicator's state, each element's facts (how many,
    and which), whether something is unknown, and the outcome."""
    def calculate(name: str, expression: str) -> Row:
        return {"type": "calculate", "name": name, "calculation": expression}

    rows = [calculate(xpath.indicator_field(i.id), xpath.indicator_state(checklist, i.id))
            for i in checklist.indicators]
    for element in checklist.elements:
        rows.append(calculate(xpath.element_field(element.id), xpath.element_count(checklist, element.id)))
        rows.append(calculate(xpath.why_field(element.id), xpath.element_why(checklist, element.id)))
    return [*rows,
            calculate(xpath.PRESENT_COUNT, xpath.present_count(checklist)),
            calculate(xpath.UNKNOWN, xpath.something_unknown(checklist)),
            calculate(xpath.CONTEXT, xpath.context_recorded(checklist)),
            calculate(xpath.OUTCOME, xpath.outcome(checklist))]


def _result(checklist: Checklist, texts: list[Wording]) -> list[Row]:
    """The result page: the outcome and its advice (and whom to refer to), then why: each element
    shown, with the findings that show it, and the context recorded."""
    def note(name: str, say: Callable[[Wording], str], relevant: str | None = None) -> Row:
        return {"type": "note", "name": name, **_labels(texts, say),
                **({"relevant": relevant} if relevant else {})}

    rows = []
    for o, outcome in enumerate(checklist.outcomes):
        rows.append(note(f"note_outcome_{outcome.id}", _outcome_text(o),
                         f"{ref(xpath.OUTCOME)} = '{outcome.id}'"))
    rows.append(note("note_why", lambda w: f"**{w.t('why')}**"))
    where = {s.id: (i, n) for i, ind in enumerate(checklist.indicators) for n, s in enumerate(ind.signs)}
    for e, element in enumerate(checklist.elements):
        rows.append(note(f"note_element_{element.id}", _element_title(e, bold=True),
                         f"{ref(xpath.element_field(element.id))} > 0"))
        for sign_id in xpath.showing(checklist, element.id):
            i, n = where[sign_id]
            rows.append(note(f"note_sign_{sign_id}", _finding(i, n), xpath.is_yes(sign_id)))
    context = [(i, n) for i, ind in enumerate(checklist.indicators)
               for n, s in enumerate(ind.signs) if s.kind == "context"]
    if context:
        rows.append(note("note_context", lambda w: f"**{w.t('context-recorded')}**",
                         f"{ref(xpath.CONTEXT)} != ''"))
        for i, n in context:
            sign = checklist.indicators[i].signs[n]
            rows.append(note(f"note_sign_{sign.id}", _finding(i, n), xpath.is_yes(sign.id)))
    return rows


def _indicator_title(i: int) -> Callable[[Wording], str]:
    return lambda w: w.checklist.indicators[i].title


def _element_title(e: int, *, bold: bool = False) -> Callable[[Wording], str]:
    return lambda w: f"**{w.checklist.elements[e].title}**" if bold else w.checklist.elements[e].title


def _finding(i: int, n: int) -> Callable[[Wording], str]:
    """A sign's finding, as a line of the result's reasons."""
    return lambda w: f"· {w.checklist.indicators[i].signs[n].text}"


def _outcome_text(o: int) -> Callable[[Wording], str]:
    return lambda w: _outcome_words(w, o)


def _outcome_words(w: Wording, o: int) -> str:
    """An outcome as the result shows it: its title, its advice, whom to refer to."""
    outcome = w.checklist.outcomes[o]
    text = f"**{w.t('result')}: {outcome.title}**\n\n{outcome.advice}"
    if outcome.refer and w.contacts:
        contacts = "\n".join(f"- {c.title}: {c.value}"
                             + (f" ({w.t('to-be-confirmed')})" if c.placeholder else "")
                             for c in w.contacts)
        text += f"\n\n{w.t('refer-to')}\n{contacts}"
    return text
