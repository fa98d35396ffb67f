"""Diagnostics as data: what went wrong, where, and how to fix it; printing lives in report.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from learnsite.rules import RULES, Severity

__all__ = ["Diagnostic", "Diagnostics", "Location", "Severity"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file: path relative to the project root, 1-based line and column."""

    path: PurePosixPath
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content, tied to a stable rule id."""

    rule_id: str
    severity: Severity
    location: Location
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[PurePosixPath, int, int, str]:
        """Order by file, then position, so reports read top to bottom."""
        loc = self.location
        return (loc.path, loc.line, loc.col, self.rule_id)


@dataclass
class Diagnostics:
    """Collects every problem of one run, so an author sees all of them at once.

    Severities can be overridden per rule (from site_config.yml); a rule set to `off`
    is dropped here, so no caller needs to know about the override.
    """

    overrides: dict[str, Severity] = field(default_factory=dict)
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, rule_id: str, location: Location, message: str, hint: str = "") -> None:
        """Record a problem under `rule_id` (which must be registered in rules.py)."""
        rule = RULES[rule_id]
        severity = self.overrides.get(rule_id, rule.severity)
        if severity is Severity.OFF:
            return
        self.items.append(Diagnostic(rule_id, severity, location, message, hint or rule.hint))

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic, in reading order, without duplicates."""
        return sorted(set(self.items), key=Diagnostic.sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        """The problems that stop a build."""
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The problems that stop a build only in strict mode."""
        return [d for d in self.items if d.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the run should fail: on errors, or on warnings too when strict."""
        return bool(self.errors or (strict and self.warnings))
