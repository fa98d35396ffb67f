"""Texts written in YAML are content: found through the model's `Text` fields wherever they
sit, and each problem located at its own line and column in the YAML file."""

from __future__ import annotations

from pathlib import PurePosixPath

from pydantic import Field

from learnsite.diagnostics import Diagnostics
from learnsite.load.frontmatter import split
from learnsite.load.source import parse_yaml
from learnsite.load.text_checks import texts
from learnsite.model.base import Record, Text
from learnsite.model.checklist import Checklist
from learnsite.model.site import SiteConfig

YAML = PurePosixPath("x.yml")


class Sign(Record):
    prompt: Text | None = None
    kind: str = "ask"


class Future(Record):
    """A record as the model may grow: texts in lists, mappings and optional nested records."""

    label: Text
    signs: list[Sign] = Field(default_factory=list)
    notes: dict[str, Text] = Field(default_factory=dict)
    extra: list[Text] | None = None


def test_every_text_field_is_found_however_deep() -> None:
    data = {"label": "L", "signs": [{"prompt": "P", "kind": "look"}], "notes": {"a": "N"},
            "extra": ["E"], "unknown": "U"}
    assert dict(texts(Future, data)) == {("label",): "L", ("signs", 0, "prompt"): "P",
                                         ("notes", "a"): "N", ("extra", 0): "E"}


def test_the_real_model_texts_are_found_and_ids_are_not() -> None:
    data = {"id": "c", "title": "T", "summary": "S", "audiences": ["a"],
            "elements": [{"id": "e", "title": "E"}],
            "indicators": [{"id": "i", "title": "I", "element": "e", "description": "D",
                            "signs": [{"id": "s", "kind": "ask", "text": "Q"}]}],
            "outcomes": [{"id": "o", "title": "O", "advice": "A", "when": {"not": {"present": "e"}}}]}
    found = dict(texts(Checklist, data))
    assert found[("indicators", 0, "signs", 0, "text")] == "Q"
    assert found[("outcomes", 0, "advice")] == "A"
    assert set(found.values()) == {"T", "S", "E", "I", "D", "Q", "O", "A"}
    settings = {"organisation": {"name": "N", "partnership": "P"},
                "contacts": [{"id": "h", "title": "H", "value": "V", "note": "X"}]}
    assert set(dict(texts(SiteConfig, settings)).values()) == {"N", "P", "H", "V", "X"}


def _where(yaml_text: str, key: tuple[str | int, ...], line: int, col: int, offset: int = 0):
    doc = parse_yaml(yaml_text, YAML, Diagnostics(), line_offset=offset)
    assert doc is not None
    found = doc.text_at(key, line, col)
    return found.line, found.col


def test_a_place_in_a_text_is_found_in_the_file() -> None:
    assert _where("a: some <b>\n", ("a",), 1, 6) == (1, 9), "plain"
    assert _where("a: 'some <b>'\n", ("a",), 1, 6) == (1, 10), "quoted"
    assert _where("x: 1\na: |\n  one\n  two <b>\n", ("a",), 2, 5) == (4, 7), "lines kept"
    assert _where("a:\n  - first\n  - second <b>\n", ("a", 1), 1, 8) == (3, 12), "list item"
    assert _where("a: >\n  one\n  two <b>\n", ("a",), 1, 9) == (2, 3), "folded: the text's start"


def test_front_matter_texts_are_located_in_the_markdown_file() -> None:
    parts = split("---\ntitle: A <script>\n---\n# A\n", PurePosixPath("s.md"), Diagnostics())
    assert parts.meta is not None
    found = parts.meta.text_at(("title",), 1, 3)
    assert (found.line, found.col) == (2, 10)
