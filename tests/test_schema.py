"""JSON Schemas for editors: in sync with the model, wired for VS Code, and catching typos."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from conftest import REPO
from learnsite.schema import SCHEMAS, schema_text


def test_committed_schemas_match_the_model() -> None:
    for name, model in SCHEMAS.items():
        committed = (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(model), f"run `make schema`: {name} is out of date"


def test_schema_command_writes_every_schema(tmp_path: Path, learnsite) -> None:
    run = learnsite("schema", "--out", str(tmp_path))
    assert run.code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}.schema.json" for name in SCHEMAS)


def test_editors_are_wired_to_the_schemas() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    wired = settings["yaml.schemas"]
    for name in SCHEMAS:
        assert f"./schemas/{name}.schema.json" in wired


def test_schema_flags_a_misspelt_key_as_an_editor_would() -> None:
    schema = json.loads(schema_text(SCHEMAS["module"]))
    module = yaml.safe_load((REPO / "tests/fixtures/minimal/modules/basics/module.yml").read_text())
    module["last_reviewed"] = str(module["last_reviewed"])
    jsonschema.validate(module, schema)
    module["objetives"] = module.pop("objectives")
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(module)]
    assert any("objetives" in message for message in errors)
