"""Checks on the texts authors write in YAML: definitions, summaries, objectives, checklist
texts and advice, settings, front matter, and their translations. The site shows them as
Markdown or inside HTML, so each gets the same checks as a page (no script, nothing loaded from
another host, links that resolve...), located at its own line in the YAML file.

Which values are texts, the content model says: every field typed `Text` (model/base.py),
found by walking the model's annotations, so a field added later is checked without anyone
remembering to. Links in a text resolve from the page that shows it (for site_config.yml, the
home page).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from pydantic import BaseModel

from learnsite.diagnostics import Diagnostics
from learnsite.load.markdown_checks import check_text
from learnsite.load.reader import ReadRecord
from learnsite.load.site_map import SiteMap
from learnsite.load.source import Key
from learnsite.model.base import AuthorText


def check_texts(records: Iterable[ReadRecord], site: SiteMap, diags: Diagnostics) -> None:
    """Check every text of every record read, as Markdown on the page that shows it."""
    for record in records:
        for key, text in texts(record.model, record.doc.data):
            check_text(text, partial(record.doc.text_at, key), record.site_path, site, diags)


def texts(model: type[BaseModel], data: Any, key: Key = ()) -> Iterator[tuple[Key, str]]:
    """Each text value of `model`'s `Text` fields in parsed YAML `data` (valid or not: a record
    with a wrong value elsewhere still has its texts checked), with its key path."""
    if not isinstance(data, dict):
        return
    fields = {field.alias or name: field for name, field in model.model_fields.items()}
    for name, value in data.items():
        field = fields.get(name)
        if field is not None:
            marked = any(isinstance(m, AuthorText) for m in field.metadata)
            yield from _texts(str if marked else field.annotation, marked, value, (*key, name))


def _texts(annotation: Any, marked: bool, value: Any, key: Key) -> Iterator[tuple[Key, str]]:
    """The texts in `value`, a value of type `annotation` (`marked`: a `Text` itself)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        yield from _texts(args[0], marked or any(isinstance(m, AuthorText) for m in args[1:]),
                          value, key)
    elif origin in (typing.Union, types.UnionType):
        found: dict[Key, str] = {}  # a value fitting several members has its texts once
        for member in args:
            found.update(_texts(member, marked, value, key))
        yield from found.items()
    elif isinstance(value, str):
        if marked:
            yield key, value
    elif origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(args[0], False, item, (*key, index))
    elif origin is dict and isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(args[1], False, item, (*key, name))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from texts(annotation, value, key)
