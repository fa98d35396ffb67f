"""The registry of diagnostic rules: stable kebab-case ids, default severity, and what each means.

Rule ids are part of the interface: authors silence or tune them in site_config.yml and CI
annotations name them, so an id is never renamed or reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is; `off` silences a rule through site_config.yml.

    Errors stop every build; warnings stop strict builds; notices are reported and never stop
    a build (for known, deliberate gaps such as a referral contact still to be confirmed).
    """

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"
    OFF = "off"


@dataclass(frozen=True)
class Rule:
    """One kind of problem: its id, category, default severity, description and generic hint."""

    id: str
    category: str
    severity: Severity
    description: str
    hint: str = ""


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTICE

_RULES = [
    # Files: can the file be read at all?
    Rule("file-missing", "file", E, "A file the project needs does not exist.",
         "Create the file, or fix the name that points to it."),
    Rule("file-empty", "file", E, "A YAML or Markdown file has no content.",
         "Fill in the file, or delete it if it is not needed."),
    Rule("file-encoding", "file", E, "A file is not valid UTF-8 text.",
         "Save the file as UTF-8 (in most editors: File > Save with encoding > UTF-8)."),
    Rule("yaml-syntax", "yaml", E, "The YAML cannot be parsed.",
         "Check indentation (spaces, not tabs) and put quotes around text containing ': '."),
    Rule("yaml-duplicate-key", "yaml", E, "The same key appears twice in one mapping.",
         "Keep one of the two; YAML would silently use only the last."),
    Rule("yaml-unsupported-tag", "yaml", E,
         "A YAML tag (`!...`) in mkdocs.yml's Markdown settings that learnsite does not read.",
         "learnsite reads mkdocs.yml without running code: use `!ENV`, or "
         "`!!python/object/apply:pymdownx.slugs.slugify`, or write the value plainly."),
    Rule("front-matter-missing", "yaml", E,
         "A session file does not start with a front matter block between '---' lines.",
         "Start the file with `---`, then `title:`, `minutes:` and `method:` lines, then `---`."),
    # Schema: do the values have the expected shape?
    Rule("schema-missing-field", "schema", E, "A required field is missing or empty.",
         "Add the field with a value; `learnsite schema` documents every field."),
    Rule("schema-unknown-key", "schema", E, "A key is not one the format knows.",
         "Check the spelling; the allowed keys are listed with the error."),
    Rule("schema-wrong-type", "schema", E, "A value has the wrong type (text, number, list...).",
         "Write the kind of value the field needs, as the message says."),
    Rule("schema-invalid-value", "schema", E, "A value is out of range or not one of the choices.",
         "Use one of the values the message lists, or a value in range."),
    # References between files.
    Rule("id-duplicate", "reference", E, "Two records of the same kind share one id.",
         "Ids must be unique: rename or remove one of them."),
    Rule("id-mismatch", "reference", E, "A module's or checklist's id differs from its folder or file name.",
         "Make the folder or file name and the `id:` the same."),
    Rule("ref-unknown-module", "reference", E, "A module id that no module.yml declares.",
         "Use the `id:` of a module under modules/, or create that module."),
    Rule("ref-unknown-session", "reference", E,
         "A programme names a session (`module/session`) that no module has.",
         "Write the module's id, a slash and the session's id, as in module.yml."),
    Rule("ref-unknown-audience", "reference", E,
         "An audience id not declared under `audiences:` in site_config.yml.",
         "Declare the audience in site_config.yml or use a declared id."),
    Rule("ref-unknown-programme", "reference", E,
         "A programme id not declared under `programmes:` in site_config.yml.",
         "Use the `id:` of a programme in site_config.yml."),
    Rule("ref-unknown-language", "reference", E,
         "A language code not declared under `languages:` in site_config.yml.",
         "Use a `code:` listed under `languages:` in site_config.yml."),
    Rule("ref-unknown-term", "reference", E, "A glossary term id that the glossary lacks.",
         "Use an `id:` from content/glossary.yml, or add the term there."),
    Rule("ref-unknown-checklist", "reference", E, "A checklist id with no file in content/checklists/.",
         "Use the `id:` of a checklist in content/checklists/."),
    Rule("ref-unknown-contact", "reference", E,
         "A `{{ contact ID }}` mark names no contact in site_config.yml.",
         "Use an `id:` from `contacts:` in site_config.yml."),
    Rule("ref-unknown-rule", "reference", E,
         "A rule id under `diagnostics:` in site_config.yml that learnsite does not have.",
         "Use an id printed by `learnsite rules`."),
    Rule("ref-unknown-element", "reference", E,
         "An element id that the checklist does not declare under `elements:`.",
         "Use an `id:` from the checklist's `elements:`, or declare the element there."),
    Rule("ref-unknown-indicator", "reference", E, "A rule names an indicator the checklist lacks.",
         "Use an `id:` from the checklist's `indicators:`."),
    Rule("ref-unknown-question", "reference", E, "A rule names a question the checklist lacks.",
         "Use an `id:` from the checklist's `questions:`, or add the question there."),
    Rule("ref-unknown-source", "reference", E,
         "A citation or an indicator names a source that content/sources.yml does not list.",
         "Use an `id:` from content/sources.yml, or add the source there."),
    Rule("citation-missing", "content", W,
         "A paragraph names an article of a law or treaty but cites no source.",
         "Cite the instrument in the same paragraph, e.g. `[@ilo-c29, art. 2(1)]`."),
    Rule("source-unused", "content", N,
         "A source in content/sources.yml that nothing cites.",
         "Cite it where the content relies on it, or remove it from content/sources.yml."),
    Rule("to-confirm-open", "content", N,
         "A statement the centre has still to confirm (a `/// to-confirm` block): listed on the "
         "review queue page and left out of participant handbooks.",
         "Once the centre confirms it, write the statement as fact (with its source) and remove "
         "the block."),
    Rule("sign-in-two-elements", "checklist", E,
         "One fact is listed under two elements (the same sign text or id), so it would count "
         "twice.",
         "Keep the fact under the one element it shows, and remove or reword the other sign."),
    Rule("sign-prompt-missing", "checklist", E,
         "An `ask` sign has no `prompt`, or a `look` or `context` sign has one.",
         "Give every `ask` sign an open prompt (\"Tell me about…\"); other signs need none."),
    Rule("sign-context-element", "checklist", E,
         "A `context` sign names an element, although context never counts toward one.",
         "Remove `element:` from the context sign, or make it an `ask` or `look` sign."),
    Rule("case-outcome-mismatch", "content", E,
         "A case study's model answer names an outcome other than the one the checklist gives "
         "for the case's answers.",
         "Correct the answer, or the case's `found:` list if the facts imply other signs."),
    Rule("case-outcome-typed", "content", W,
         "A model answer names a checklist outcome by hand, but its case study does not say "
         "which checklist and answers it implies, so nothing checks the outcome.",
         "Give the case study `checklist:` and `found:` options; the outcome is then computed."),
    Rule("outcome-unreachable", "checklist", E,
         "No set of answers can lead to an outcome: earlier outcomes always match first.",
         "Reorder the outcomes (more specific first) or change the conditions."),
    Rule("outcome-no-catch-all", "checklist", E,
         "The last outcome has a condition, so some answers would lead to no outcome.",
         "Remove `when:` from the last outcome so it catches every remaining case."),
    Rule("xlsform-inexpressible", "checklist", E,
         "Something in a checklist that an XLSForm cannot hold, so the checklist cannot be "
         "exported for KoboToolbox or ODK Collect as it is (the site publishes every checklist's "
         "form).",
         "Change what the message names, e.g. give a sign or question an id that starts with a "
         "letter."),
    Rule("prerequisite-cycle", "reference", E, "Modules that are each other's prerequisites.",
         "Remove one prerequisite so the modules can be taught in order."),
    Rule("session-file-missing", "module", E, "A session listed in module.yml has no file.",
         "Create the session file, or fix the id under `sessions:`."),
    Rule("session-file-unlisted", "module", W,
         "A Markdown file in a module folder is not listed under `sessions:`.",
         "Add its id to `sessions:` in module.yml, or delete the file."),
    Rule("list-indent", "markdown", W,
         "A list inside a list item is indented by fewer than four spaces, so it prints as items "
         "of the outer list.", "Indent a list inside a list item by four spaces."),
    Rule("material-missing", "module", W,
         "A session names a material file under `materials:` that does not exist.",
         "Write the file under the module's folder, or fix the path."),
    Rule("material-group-size", "module", W,
         "A material is given `per: group` in a session that states no `group_size:`.",
         "Add `group_size:` (people per group) to the session's front matter."),
    Rule("material-unused", "module", N,
         "A file under a module's `materials/` folder is named by none of its sessions.",
         "Name it under a session's `materials:`, or delete it."),
    # Programmes, modules and sessions.
    Rule("schedule-overrun", "schedule", W, "A programme day runs past its configured end time.",
         "Shorten or move sessions, shorten breaks, or change the day's `end:`."),
    Rule("review-due", "module", W,
         "A module's last review is older than the review policy in site_config.yml allows.",
         "Have a subject expert review the module, then update `last_reviewed:`."),
    Rule("activity-overrun", "module", W,
         "A session's activities add up to more minutes than the session has.",
         "Shorten the activities or raise the session's `minutes:`."),
    Rule("contact-placeholder", "site", N,
         "A referral contact is still a placeholder, and readers see it marked 'to be confirmed'.",
         "Replace the value with the confirmed one and remove `placeholder: true`."),
    Rule("handbook-render-warning", "handbook", W,
         "WeasyPrint warned while printing a handbook: an image it could not load, a style it "
         "ignored, an anchor defined twice.",
         "Fix what the message names (a session's image or link, or the print stylesheet "
         "render/handbook/print.css): the handbook was written without it."),
    # Markdown content.
    Rule("link-broken", "content", E, "A link points to a page or file that does not exist.",
         "Fix the path; links are relative to the page's place in the site."),
    Rule("link-anchor-missing", "content", E,
         "A link's #anchor matches no heading on the target page.",
         "Link to a heading's id: its text in lower case with spaces as hyphens."),
    Rule("block-unknown", "content", E, "A `///` block type that the site does not know.",
         "Use one of the block types listed with the error."),
    Rule("block-unclosed", "content", E, "A `///` block has no closing `///` line.",
         "Add a line containing only `///` where the block ends."),
    Rule("content-image-alt", "content", E,
         "An image without alternative text, so readers who cannot see it miss its content.",
         "Describe what the image shows in its alternative text."),
    Rule("content-link-text", "content", W,
         "Link text such as 'click here' that does not say where the link goes.",
         "Use the name of the target as the link text, e.g. [the referral contacts](referral.md)."),
    Rule("content-unsafe-html", "content", E,
         "Raw HTML that runs code or embeds another page (<script>, <iframe>, on...= handlers).",
         "Remove it: pages must work without scripts of their own and stay safe to open."),
    Rule("content-external-resource", "content", E,
         "An image, style or media file loaded from another host.",
         "Save the file in the repository and link to it by a relative path; "
         "the site never loads anything from other hosts. Plain links (<a href>) are fine."),
    # Translations.
    Rule("translation-mismatch", "translation", E,
         "A translation does not fit its source: a key or id the source lacks, or changed numbers.",
         "Translate only the text; copy keys, ids, minutes and methods from the source."),
    Rule("term-deprecated", "translation", W,
         "A wording the glossary lists as not to be used in this language (a term's `deprecated:`).",
         "Write the glossary's preferred term instead."),
    Rule("handbook-untranslated", "translation", W,
         "A handbook offered in a language prints sessions or other texts not yet translated "
         "into it.",
         "Translate the files the message names and stamp them, or offer the handbook in that "
         "language once they are translated."),
    Rule("translation-stale", "translation", W,
         "A translation may be out of date: its source changed after it was translated.",
         "Update the translation, then run `learnsite translations --stamp FILE`."),
    # A course's participants file and dates, given to `learnsite course`.
    Rule("participants-header", "course", E,
         "The participants file does not start with a header row naming the columns `name_en` and "
         "`name_ar` (and, if wanted, `organisation`), or names a column twice.",
         "Make the first line `name_en,name_ar,organisation`; keep both name columns even where "
         "some names are empty."),
    Rule("participants-column-unknown", "course", E,
         "A column of the participants file that learnsite does not read.",
         "Rename it to `name_en`, `name_ar` or `organisation`, or delete it: the paperwork needs "
         "nothing else about a participant."),
    Rule("participants-row-fields", "course", E,
         "A row of the participants file has more or fewer fields than its header.",
         "Put quotes around a name or organisation that contains a comma, e.g. "
         "\"Ministry of Labour, Inspection\", and close every quote."),
    Rule("participants-name-missing", "course", E,
         "A participant has neither an English nor an Arabic name.",
         "Write the name as the participant gives it, in English, in Arabic or both; learnsite "
         "never transliterates a name."),
    Rule("participants-name-script", "course", E,
         "A participant's English name holds Arabic letters, or their Arabic name none.",
         "Put each name in its own column: `name_en` in Latin letters, `name_ar` in Arabic; leave "
         "a column empty rather than transliterate."),
    Rule("participants-duplicate", "course", E,
         "The same participant is listed twice (the same names), so they would get two "
         "certificates with one verification code.",
         "Delete one of the rows; for two people of the same name, write each name in full."),
    Rule("participants-none", "course", E,
         "The participants file has a header but no participants.",
         "Add one row per participant under the header."),
    Rule("course-dates", "course", E,
         "The dates given for a course do not fit its programme: not one date per day, not a "
         "date written YYYY-MM-DD, or not each later than the one before.",
         "Give one date per programme day, in order, e.g. `--dates 2026-03-03 2026-03-04`."),
    # Answers given to `learnsite screen`.
    Rule("answer-unknown-id", "answers", E,
         "An answer (in an answers file or a case study) for an id that is not an indicator, "
         "sign or question of the checklist.",
         "Use the ids shown on the checklist's decision page (each indicator, sign and question "
         "has one)."),
    Rule("answer-invalid", "answers", E, "An answer other than yes, no or not sure.",
         "Write `yes`, `no` or `not sure` after the colon."),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
