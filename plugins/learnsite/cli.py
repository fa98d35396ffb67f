"""The `learnsite` command: check content, write schemas, list rules.

Exit codes: 0 clean, 1 content problems, 2 bad usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from learnsite import __version__
from learnsite.load.project import SITE_CONFIG, load_project
from learnsite.report import default_format, render
from learnsite.rules import RULES
from learnsite.schema import write_schemas


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding site_config.yml (else `start`)."""
    for folder in (start, *start.parents):
        if (folder / SITE_CONFIG).is_file():
            return folder
    return start


def _cmd_check(args: argparse.Namespace) -> int:
    result = load_project(args.root)
    diagnostics = result.diagnostics.sorted()
    print(render(diagnostics, args.format or default_format(), result.files))
    return 1 if result.diagnostics.failed(strict=args.strict) else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out or args.root / "schemas"):
        print(f"wrote {path}")
    return 0


def _cmd_rules(args: argparse.Namespace) -> int:
    for rule in RULES.values():
        print(f"{rule.id:28} {rule.severity.value:8} {rule.description}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="learnsite", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"learnsite {__version__}")
    parser.add_argument("--root", type=Path, default=None,
                        help="project folder (default: the nearest one with site_config.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content without rendering")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=["text", "github", "json"],
                       help="report format (default: github inside GitHub Actions, else text)")
    check.set_defaults(run=_cmd_check)

    schema = commands.add_parser("schema", help="write JSON Schemas for the YAML formats")
    schema.add_argument("--out", type=Path, help="folder to write into (default: schemas/)")
    schema.set_defaults(run=_cmd_schema)

    rules = commands.add_parser("rules", help="list the diagnostic rules and their severities")
    rules.set_defaults(run=_cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    args.root = (args.root or find_root(Path.cwd())).resolve()
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
