"""Reading source files once per run: text, parsed YAML with positions, and the diagnostics
collected on the way. Every loader of the project goes through one reader, which also keeps each
YAML record it validates, so their texts can be checked once the whole site is known."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from pydantic import BaseModel

from learnsite.diagnostics import Diagnostics
from learnsite.load.source import YamlDoc, parse_yaml, read_text
from learnsite.load.validate import validate

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ReadRecord:
    """A YAML document read as `model`, and the page of the site that shows its texts."""

    doc: YamlDoc
    model: type[BaseModel]
    site_path: str


class SourceReader:
    """One loading run: the project root, the diagnostics and every parsed YAML document."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.diags = Diagnostics()
        self.docs: dict[str, YamlDoc] = {}
        self.files = 0
        self.unverified: set[str] = set()
        self.records: list[ReadRecord] = []

    def rel(self, path: Path) -> PurePosixPath:
        """A path as diagnostics show it: relative to the project root."""
        return PurePosixPath(path.relative_to(self.root).as_posix())

    def text(self, path: Path) -> str | None:
        """A file's text, or None once a `file-encoding` error is reported."""
        self.files += 1
        return read_text(path, self.rel(path), self.diags)

    def mapping(self, path: Path) -> YamlDoc | None:
        """Read and parse one YAML file that must be a mapping; None once the reason is reported."""
        text = self.text(path)
        if text is None:
            return None
        doc = parse_yaml(text, self.rel(path), self.diags)
        if doc is None:
            return None
        self.docs[str(doc.path)] = doc
        if not isinstance(doc.data, dict):
            self.diags.add("schema-wrong-type", doc.at(()), "the file must be a mapping of "
                           "`key: value` lines", "Start each top-level line with a key and a colon.")
            return None
        return doc

    def yaml(self, path: Path, model: type[M], site_path: str) -> M | None:
        """Read, parse and validate one YAML file as `model`, shown on the page at `site_path`."""
        doc = self.mapping(path)
        return self.validate(doc, model, site_path) if doc is not None else None

    def validate(self, doc: YamlDoc, model: type[M], site_path: str) -> M | None:
        """Validate `doc` as `model`, and keep it for the checks of its texts (valid or not)."""
        self.records.append(ReadRecord(doc, model, site_path))
        return validate(doc, model, self.diags)
