"""The held-out and blind NLU sets stay independent of the training data."""

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]
ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")


def normalise(text: str) -> str:
    text = ANNOTATION.sub(r"\1", text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w@ ]", " ", text).split())


def examples(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                for line in block["examples"].splitlines():
                    if line.strip().startswith("- "):
                        found[normalise(line.strip()[2:])] = block["intent"]
    return found


@pytest.mark.parametrize("test_set", ["nlu", "nlu_blind"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_no_held_out_utterance_is_in_the_training_data(language, test_set):
    training = examples(ROOT / "data" / "nlu" / language)
    held_out = examples(ROOT / "tests" / test_set / language)
    assert len(held_out) >= (15 if test_set == "nlu" else 8) * len(set(held_out.values()))
    # "thanks", "yes", "lost my password" come up in any two independent sets; a sentence must not.
    # The blind sets were written without seeing the training data, yet share short questions with
    # it by chance ("how long does it take"); the few of six words or more were dropped from them.
    words = 4 if test_set == "nlu" else 6
    shared = sorted(text for text in set(training) & set(held_out) if len(text.split()) >= words)
    assert shared == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_intent_has_held_out_examples(language):
    domain = load_domain()
    held_out = examples(ROOT / "tests" / "nlu" / language)
    counts = {intent: list(held_out.values()).count(intent) for intent in domain["intents"]}
    assert {intent: n for intent, n in counts.items() if n < 15} == {}
