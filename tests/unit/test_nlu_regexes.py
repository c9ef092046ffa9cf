"""The NLU patterns and annotated entities agree with the rules the actions apply."""

import json
import re
from pathlib import Path

import yaml

from bot.rules.confirmation import CONFIRMATION_NUMBER_REGEX, parse_confirmation_number

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "data" / "nlu"
HELD_OUT = ROOT / "tests" / "nlu"
#: Read by bot.nlu.rule_entities, so never annotated for DIET to learn.
RULE_ENTITIES = ("confirmation_number", "email", "date", "grade")
# [text](entity) or [text]{"entity": ..., "value": ...}
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\(([^)]*)\)|(\{[^}]*\}))")
CANONICAL_GRADES = {"TK", "K", *(str(grade) for grade in range(1, 13))}


def annotations(entity: str, folders: tuple[Path, ...] = (TRAINING, HELD_OUT)) -> list[tuple[str, str, str]]:
    """(file, annotated text, value) for every annotation of `entity` in `folders`."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.yml")):
            for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
                for line in block.get("examples", "").splitlines() if "intent" in block else []:
                    for text, name, meta in ANNOTATION.findall(line):
                        spec = json.loads(meta) if meta else {"entity": name}
                        if spec["entity"] == entity:
                            found.append((path.name, text, str(spec.get("value", text))))
    return found


def test_the_nlu_regex_is_the_one_the_rules_use():
    blocks = yaml.safe_load((ROOT / "data" / "nlu" / "regexes.yml").read_text(encoding="utf-8"))
    regexes = {block["regex"]: block["examples"] for block in blocks["nlu"] if "regex" in block}
    patterns = [line.strip()[2:] for line in regexes["confirmation_number"].splitlines()]
    assert patterns == [CONFIRMATION_NUMBER_REGEX]


def test_annotated_confirmation_numbers_are_valid_and_match_the_regex():
    numbers = annotations("confirmation_number")
    assert len(numbers) >= 30  # both languages' held-out sets
    invalid = [n for n in numbers if parse_confirmation_number(n[1]) is None]
    unmatched = [n for n in numbers if not re.fullmatch(CONFIRMATION_NUMBER_REGEX, n[1])]
    assert (invalid, unmatched) == ([], [])


def test_grades_are_annotated_with_canonical_values():
    grades = annotations("grade")
    assert {value for _, _, value in grades} >= {"TK", "K", "5", "7", "9"}
    assert [g for g in grades if g[2] not in CANONICAL_GRADES] == []


def test_rule_entities_are_not_annotated_for_training():
    assert [(entity, annotations(entity, (TRAINING,))) for entity in RULE_ENTITIES] == [
        (entity, []) for entity in RULE_ENTITIES
    ]
