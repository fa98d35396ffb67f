"""The one Markdown configuration that web pages and handbooks render through: the extensions
and options of `markdown_extensions:` in mkdocs.yml, held as plain data.

Plain data (no callables) so that it can be compared, cached and hashed: a handbook's cached
conversions are keyed by its fingerprint, so editing mkdocs.yml's extensions renders them anew.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CALLABLE_OPTIONS = ("pymdownx.slugs.slugify",)
"""Functions that mkdocs.yml may call to compute an option (`!!python/object/apply:NAME`). Only
these are called: reading the settings must never run arbitrary code."""


@dataclass(frozen=True)
class Call:
    """An option computed by calling one of CALLABLE_OPTIONS, kept as the call itself."""

    function: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MarkdownConfig:
    """Extension names in order, and the options given to each (Call values still uncalled)."""

    extensions: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        """A hash of every extension and option, for the keys of cached conversions."""
        text = json.dumps({"extensions": self.extensions, "options": self.options},
                          sort_keys=True, default=_plain, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


def _plain(value: object) -> object:
    """A Call as JSON, so that the fingerprint covers it."""
    if isinstance(value, Call):
        return {"call": value.function, "args": list(value.args), "kwargs": dict(value.kwargs)}
    raise TypeError(f"{type(value).__name__} in a Markdown configuration")
