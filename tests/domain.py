"""The Rasa domain as one dict, merged from the files in domain/ (as Rasa merges them)."""

from pathlib import Path
from typing import Any

import yaml

DOMAIN_DIR = Path(__file__).resolve().parents[1] / "domain"


def load_domain() -> dict[str, Any]:
    """Lists (intents, entities, actions) are concatenated, mappings (slots, responses, forms) merged."""
    merged: dict[str, Any] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged[key] = value
    return merged
