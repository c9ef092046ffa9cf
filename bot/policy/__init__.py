"""The district's policy data files (YAML, each fact with its source), loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

POLICY_DIR = Path(__file__).resolve().parent


@cache
def load_policy_file(name: str) -> dict[str, Any]:
    """The parsed contents of `bot/policy/<name>.yml`."""
    with open(POLICY_DIR / f"{name}.yml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"policy file {name}.yml must hold a mapping")
    return data
