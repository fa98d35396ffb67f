"""The registry of diagnostic rules: stable kebab-case ids, default severity, and what each means.

Rule ids are part of the interface: authors silence or tune them in site_config.yml and CI
annotations name them, so an id is never renamed or reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is; `off` silences a rule through site_config.yml."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True)
class Rule:
    """One kind of problem: its id, category, default severity, description and generic hint."""

    id: str
    category: str
    severity: Severity
    description: str
    hint: str = ""


E, W = Severity.ERROR, Severity.WARNING

_RULES = [
    # Files: can the file be read at all?
    Rule("file-missing", "file", E, "A file the project needs does not exist."),
    Rule("file-empty", "file", E, "A YAML or Markdown file has no content.",
         "Fill in the file, or delete it if it is not needed."),
    Rule("file-encoding", "file", E, "A file is not valid UTF-8 text.",
         "Save the file as UTF-8 (in most editors: File > Save with encoding > UTF-8)."),
    Rule("yaml-syntax", "yaml", E, "The YAML cannot be parsed.",
         "Check indentation (spaces, not tabs) and put quotes around text containing ': '."),
    Rule("yaml-duplicate-key", "yaml", E, "The same key appears twice in one mapping.",
         "Keep one of the two; YAML would silently use only the last."),
    Rule("front-matter-missing", "yaml", E,
         "A session file does not start with a front matter block between '---' lines."),
    # Schema: do the values have the expected shape?
    Rule("schema-missing-field", "schema", E, "A required field is missing or empty."),
    Rule("schema-unknown-key", "schema", E, "A key is not one the format knows."),
    Rule("schema-wrong-type", "schema", E, "A value has the wrong type (text, number, list...)."),
    Rule("schema-invalid-value", "schema", E, "A value is out of range or not one of the choices."),
    # References between files.
    Rule("id-duplicate", "reference", E, "Two records of the same kind share one id."),
    Rule("id-mismatch", "reference", E, "A module's id differs from its folder name.",
         "Make the folder name and the `id:` the same."),
    Rule("ref-unknown-module", "reference", E, "A module id that no module.yml declares."),
    Rule("ref-unknown-audience", "reference", E,
         "An audience id not declared under `audiences:` in site_config.yml."),
    Rule("ref-unknown-programme", "reference", E,
         "A programme id not declared under `programmes:` in site_config.yml."),
    Rule("ref-unknown-language", "reference", E,
         "A language code not declared under `languages:` in site_config.yml."),
    Rule("ref-unknown-term", "reference", E, "A glossary term id that the glossary lacks."),
    Rule("ref-unknown-rule", "reference", E,
         "A rule id under `diagnostics:` in site_config.yml that learnsite does not have."),
    Rule("prerequisite-cycle", "reference", E, "Modules that are each other's prerequisites."),
    Rule("session-file-missing", "module", E, "A session listed in module.yml has no file."),
    Rule("session-file-unlisted", "module", W,
         "A Markdown file in a module folder is not listed under `sessions:`.",
         "Add its id to `sessions:` in module.yml, or delete the file."),
    # Markdown content.
    Rule("link-broken", "content", E, "A link points to a page or file that does not exist."),
    Rule("link-anchor-missing", "content", E,
         "A link's #anchor matches no heading on the target page."),
    Rule("block-unknown", "content", E, "A `///` block type that the site does not know."),
    Rule("block-unclosed", "content", E, "A `///` block has no closing `///` line.",
         "Add a line containing only `///` where the block ends."),
    Rule("content-unsafe-html", "content", E,
         "Raw HTML that runs code or embeds another page (<script>, <iframe>, on...= handlers).",
         "Remove it: pages must work without scripts of their own and stay safe to open."),
    Rule("content-external-resource", "content", E,
         "An image, style or media file loaded from another host.",
         "Save the file in the repository and link to it by a relative path; "
         "the site never loads anything from other hosts. Plain links (<a href>) are fine."),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
