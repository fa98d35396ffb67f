"""JSON Schemas of the authoring formats, so editors validate YAML while authors type."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from learnsite.model.checklist import Checklist
from learnsite.model.curriculum import Module
from learnsite.model.glossary import Glossary
from learnsite.model.site import SiteConfig
from learnsite.model.sources import Sources

SCHEMAS: dict[str, type[BaseModel]] = {
    "site_config": SiteConfig,
    "module": Module,
    "checklist": Checklist,
    "glossary": Glossary,
    "sources": Sources,
}


def schema_text(model: type[BaseModel]) -> str:
    """One model's JSON Schema, serialised stably (sorted keys, trailing newline)."""
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write `<name>.schema.json` for every format into `folder`; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
