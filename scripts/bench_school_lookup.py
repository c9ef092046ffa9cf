"""Time the chat's school and district lookups on the configured directory (target: < 20 ms each).

    .venv-actions/bin/python scripts/bench_school_lookup.py
Prints the one-off index build, then the median, 95th percentile and worst time per lookup over typical,
misspelt and nonsense inputs. A figure to read, not a test: CI machines vary.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.schools.directory import directory_path  # noqa: E402
from bot.schools.lookup import find_district, find_lausd_school, lausd_schools  # noqa: E402

SCHOOL_INPUTS = [
    "Hollywood High", "hollywod hihg", "eagle rock", "escuela primaria eagle rock", "122nd st elementary",
    "Roosvelt", "daniel pearl magnet", "la escuela de mi hijo es la secundaria mark twain", "eaglerock",
    "asdfgh qwerty zxcvb", "Thomas Starr King Middle School Film and Media Magnet", "los angeles academy",
]  # fmt: skip
DISTRICT_INPUTS = [
    "LAUSD",
    "Long Beach",
    "Compton USD",
    "torrence",
    "Whittier",
    "distrito escolar de glendale",
]
ROUNDS = 20


def _timed(function: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    function(text)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    """Print the figures."""
    start = time.perf_counter()
    count = len(lausd_schools())
    find_district("warm up")
    print(f"directory: {directory_path()}")
    print(f"index build: {(time.perf_counter() - start) * 1000:.0f} ms ({count} active LAUSD schools)")
    for label, function, inputs in (
        ("find_lausd_school", find_lausd_school, SCHOOL_INPUTS),
        ("find_district", find_district, DISTRICT_INPUTS),
    ):
        times = [_timed(function, text) for _ in range(ROUNDS) for text in inputs]
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"{label}: median {statistics.median(times):.2f} ms, 95th percentile {p95:.2f} ms, "
            f"worst {max(times):.2f} ms over {len(times)} lookups"
        )
    print(f"load average: {os.getloadavg()[0]:.1f} (other work on the machine inflates the worst case)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
