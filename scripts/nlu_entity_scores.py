"""Held-out entity extraction per language: what the whole pipeline (DIET and the rule extractor)
finds in each annotated test message, scored per entity type. Runs in the Rasa venv.

    .venv/bin/python scripts/nlu_entity_scores.py MODEL tests/nlu/en var/results/nlu-en ...

An entity counts as found when the pipeline gives the same type over characters that overlap the
annotation, with the annotated value where the annotation names one (grades, reasons,
directions). Prints micro- and macro-F1 per language; exits 1 when macro-F1 is under
NLU_MIN_ENTITY_F1. Misses and extra entities go to <out>/entity_errors.json.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog

THRESHOLD = float(os.environ.get("NLU_MIN_ENTITY_F1", "0.85"))
# Values carried only by button payloads are not typed by parents, so not measured.
PAYLOAD_ONLY = {"school_cds", "district_cds", "app_field"}


def _matches(gold: dict[str, Any], found: dict[str, Any], text: str) -> bool:
    if gold["entity"] != found["entity"]:
        return False
    if not (gold["start"] < found["end"] and found["start"] < gold["end"]):
        return False
    annotated_value = gold.get("value")
    typed = text[gold["start"] : gold["end"]]
    if annotated_value is None or annotated_value == typed:
        return True  # annotated by span only
    return str(found.get("value")) == str(annotated_value)


async def _score(agent: Agent, folder: str) -> tuple[Counter[str], Counter[str], Counter[str], list[dict]]:
    true_pos: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    false_neg: Counter[str] = Counter()
    errors = []
    for example in load_data(folder).intent_examples:
        text = example.get("text")
        gold = [e for e in example.get("entities", []) if e["entity"] not in PAYLOAD_ONLY]
        parsed = await agent.parse_message(text)
        found = [e for e in parsed.get("entities", []) if e["entity"] not in PAYLOAD_ONLY]
        unmatched = list(found)
        missed = []
        for annotation in gold:
            match = next((f for f in unmatched if _matches(annotation, f, text)), None)
            if match is None:
                false_neg[annotation["entity"]] += 1
                missed.append(annotation)
            else:
                true_pos[annotation["entity"]] += 1
                unmatched.remove(match)
        for extra in unmatched:
            false_pos[extra["entity"]] += 1
        if missed or unmatched:
            errors.append(
                {
                    "text": text,
                    "missed": [_show(e, text) for e in missed],
                    "extra": [_show(e, text) for e in unmatched],
                }
            )
    return true_pos, false_pos, false_neg, errors


def _show(entity: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "entity": entity["entity"],
        "text": text[entity["start"] : entity["end"]],
        "value": entity.get("value"),
        "extractor": entity.get("extractor"),
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


async def main(model: str, pairs: list[tuple[str, str]]) -> int:
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)  # the parse of each message is logged at debug level
    agent = Agent.load(model)
    failed = False
    for folder, out in pairs:
        tp, fp, fn, errors = await _score(agent, folder)
        types = sorted(set(tp) | set(fn))  # types annotated in the held-out set
        per_type = {name: _f1(tp[name], fp[name], fn[name]) for name in types}
        macro = sum(per_type.values()) / len(per_type) if per_type else 0.0
        micro = _f1(sum(tp[t] for t in types), sum(fp[t] for t in types), sum(fn[t] for t in types))
        verdict = "ok" if macro >= THRESHOLD else f"FAIL (< {THRESHOLD})"
        support = sum(tp[t] + fn[t] for t in types)
        print(
            f"{Path(out).name} entities: {support} annotations, micro-F1 {micro:.3f}, macro-F1 {macro:.3f} "
            f"{verdict}; "
            + ", ".join(f"{name} {score:.2f} ({tp[name] + fn[name]})" for name, score in per_type.items())
        )
        Path(out).mkdir(parents=True, exist_ok=True)
        report = {
            "micro_f1": micro,
            "macro_f1": macro,
            "per_type": {t: {"f1": per_type[t], "tp": tp[t], "fp": fp[t], "fn": fn[t]} for t in types},
            "unscored_extra": {t: n for t, n in fp.items() if t not in per_type},
        }
        (Path(out) / "entity_scores.json").write_text(json.dumps(report, indent=2))
        (Path(out) / "entity_errors.json").write_text(json.dumps(errors, indent=2, ensure_ascii=False))
        failed |= macro < THRESHOLD
    return 1 if failed else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if len(arguments) < 3 or len(arguments) % 2 == 0:
        sys.exit(__doc__)
    pairs = list(zip(arguments[1::2], arguments[2::2], strict=True))
    sys.exit(asyncio.run(main(arguments[0], pairs)))
