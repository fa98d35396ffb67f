"""How long `learnsite check` (load + validate + cross-check, no rendering) takes per 100 files.

Run with `make bench`. Prints the median of several runs for corpora of growing size.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus

from learnsite.load.project import load_project

RUNS = 5


def main() -> None:
    print(f"{'files':>6} {'median s':>9} {'s per 100 files':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for modules, sessions in ((10, 5), (50, 5), (100, 8)):
            root = Path(tmp) / f"corpus-{modules}"
            files = make_corpus(root, modules, sessions)
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                result = load_project(root)
                times.append(time.perf_counter() - start)
            assert not result.diagnostics.errors, result.diagnostics.errors[:3]
            median = statistics.median(times)
            print(f"{files:>6} {median:>9.3f} {median / files * 100:>16.3f}")


if __name__ == "__main__":
    main()
