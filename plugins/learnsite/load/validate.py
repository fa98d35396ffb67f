"""Validating parsed YAML against the typed model, turning each pydantic error into a located,
explained diagnostic (with "did you mean" for misspelt keys)."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from learnsite.diagnostics import Diagnostics
from learnsite.load.source import Key, YamlDoc
from learnsite.load.suggest import did_you_mean

M = TypeVar("M", bound=BaseModel)

_WRONG_TYPE = {
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "string_type": "text",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping of `key: value` lines",
    "model_type": "a mapping of `key: value` lines",
    "model_attributes_type": "a mapping of `key: value` lines",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_type": "a date written YYYY-MM-DD",
}


def validate(doc: YamlDoc, model: type[M], diags: Diagnostics, base: Key = ()) -> M | None:
    """Validate `doc.data` (or the part of it at `base`) as `model`; report every error."""
    data: Any = doc.data
    for part in base:
        data = data[part]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            _report(doc, model, (*base, *error["loc"]), error, diags, len(base))
        return None


def _report(doc: YamlDoc, model: type[BaseModel], loc: Key, error: Any, diags: Diagnostics,
            skip: int) -> None:
    """Word one pydantic error for an author, at the position of the offending key or value."""
    kind: str = error["type"]
    path = _without_union_tags(loc)
    field = _field_name(path)
    value = error.get("input")
    if kind == "missing":
        parent = path[:-1]
        diags.add("schema-missing-field", doc.at(parent), f"missing required field `{path[-1]}`",
                  _describe(model, path[skip:]) or f"Add a line `{path[-1]}: …`.")
    elif kind == "extra_forbidden":
        allowed = _allowed_keys(model, path[skip:-1])
        guess = did_you_mean(str(path[-1]), allowed)
        diags.add("schema-unknown-key", doc.key_at(path), f"unknown key `{path[-1]}`{guess}",
                  f"Allowed keys here: {', '.join(sorted(allowed))}.")
    elif kind == "too_short" and not value:
        diags.add("schema-missing-field", doc.at(path), f"`{field}` is empty: give at least "
                  f"{error['ctx']['min_length']}", _describe(model, path[skip:]) or
                  f"List the values under `{field}:`, one per line starting with `- `.")
    elif value is None and kind in _WRONG_TYPE:
        diags.add("schema-missing-field", doc.at(path), f"`{field}` has no value",
                  _describe(model, path[skip:]) or f"Write a value after `{field}:`.")
    elif kind in _WRONG_TYPE:
        diags.add("schema-wrong-type", doc.at(path),
                  f"`{field}` must be {_WRONG_TYPE[kind]}, not `{_shown(value)}`",
                  _describe(model, path[skip:]))
    elif kind == "union_tag_invalid":
        tags = error["ctx"]["expected_tags"].replace("'", "`")
        diags.add("schema-unknown-key", doc.key_at((*path, str(error["ctx"]["tag"]))),
                  f"`{error['ctx']['tag']}` is not a condition this format knows",
                  f"Use one of: {tags}.")
    elif kind == "union_tag_not_found":
        diags.add("schema-wrong-type", doc.at(path),
                  f"`{field}` must be a mapping with exactly one key",
                  "For example `present: coercion` or `all:` followed by a list.")
    else:
        diags.add("schema-invalid-value", doc.at(path),
                  f"`{field}`: {_reword(error['msg'])}, got `{_shown(value)}`",
                  _describe(model, path[skip:]))


def _without_union_tags(loc: Key) -> Key:
    """Drop the tags pydantic inserts for discriminated unions: ('when', 'all', 'all', 0) names
    the key `all` twice, once as the union member and once as the field; the file has it once."""
    return tuple(p for i, p in enumerate(loc) if i + 1 == len(loc) or p != loc[i + 1])


def _field_name(path: Key) -> str:
    """The nearest named key of a location, e.g. `minutes` or `sessions[2]`."""
    for i in range(len(path) - 1, -1, -1):
        if isinstance(path[i], str):
            suffix = "".join(f"[{p}]" for p in path[i + 1:])
            return f"{path[i]}{suffix}"
    return "value"


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _reword(message: str) -> str:
    """Turn pydantic's "Input should be …" into an author's sentence."""
    message = message.replace("Input should be", "should be").replace("String should", "should")
    message = message.replace("List should", "the list should").replace(" after validation", "")
    message = message.replace("Value error, ", "")
    if "match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$'" in message:
        return "should be an id: lower-case letters and digits joined by hyphens"
    if "match pattern '^([01]" in message:
        return 'should be a time of day written HH:MM, e.g. "09:00"'
    return message[:1].lower() + message[1:]


def _annotation_at(model: type[BaseModel], path: Key) -> Any:
    """Follow a location through the model's annotations; None where it cannot be followed."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) or next(
                (f for f in current.model_fields.values() if f.alias == part), None)
            current = field.annotation if field else None
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return current


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated wrappers down to the first model or container type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation


def _allowed_keys(model: type[BaseModel], path: Key) -> list[str]:
    target = _unwrap(_annotation_at(model, path))
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or name for name, f in target.model_fields.items()]
    return []


def _describe(model: type[BaseModel], path: Key) -> str:
    """The field's own description from the model, used as the fix hint."""
    if not path or not isinstance(path[-1], str):
        return ""
    parent = _unwrap(_annotation_at(model, path[:-1]))
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = parent.model_fields.get(path[-1])
        if field is not None and field.description:
            return field.description
    return ""
