""""Did you mean" for near misses: one wording for every message that names a typo."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable


def did_you_mean(value: str, choices: Iterable[str], *, cutoff: float = 0.6,
                 show: Callable[[str], str] = lambda choice: f"`{choice}`") -> str:
    """"; did you mean `x`?" for the closest choice, or "" when none is close enough."""
    near = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=cutoff)
    return f"; did you mean {show(near[0])}?" if near else ""
