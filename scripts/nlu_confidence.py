"""How often a held-out sentence would fall back: the top intent's confidence under the fallback
threshold, per language, for right and wrong predictions (issue 16: answers must not hang on a
borderline confidence).  Usage: .venv/bin/python scripts/nlu_confidence.py MODEL tests/nlu/en tests/nlu/es
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import yaml
from rasa.core.agent import Agent


def examples(folder: Path) -> list[tuple[str, str]]:
    """(text, intent) of every example in the NLU YAML files of `folder` (annotations removed)."""
    import re

    found = []
    for path in sorted(folder.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            for line in str(block.get("examples", "")).splitlines():
                text = re.sub(
                    r"\[([^\]]+)\]\{[^}]*\}|\[([^\]]+)\]\([^)]*\)", lambda m: m.group(1) or m.group(2), line
                )
                text = text.strip()[2:].strip() if line.strip().startswith("- ") else ""
                if text:
                    found.append((text, block["intent"]))
    return found


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)


async def main(model: str, folders: list[str]) -> None:
    agent = Agent.load(model)
    for folder in folders:
        pairs = examples(Path(folder))
        scored = []
        for text, intent in pairs:
            parsed = await agent.parse_message(text)
            ranking = [r for r in parsed.get("intent_ranking", []) if r.get("name") != "nlu_fallback"]
            top = ranking[0] if ranking else {"name": None, "confidence": 0.0}
            scored.append((top["name"] == intent, float(top["confidence"])))
        total = len(scored)
        wrong = sum(1 for right, _ in scored if not right) / total
        cells = ", ".join(
            f"{t:.2f}: {sum(1 for right, c in scored if right and c < t) / total:.3f}" for t in THRESHOLDS
        )
        print(
            f"{folder}: {total} sentences, wrong top intent {wrong:.3f}; right but under threshold {cells}",
            flush=True,
        )
        sys.stderr.write(f"done {folder}\n")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2:]))
