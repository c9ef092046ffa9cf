"""Run in the Rasa server's venv: the model's graph run without dask's scheduler
(bot/rasa_plugins/graph_runner.py) understands every held-out sentence exactly as Rasa's own runner.

Prints one JSON line: the sentences compared and how many parses differ (intent, ranking,
confidences, entities). usage: graph_runner_check.py MODEL
"""

import asyncio
import json
import logging
import sys

from rasa.engine.runner.dask import DaskGraphRunner

ORIGINAL = DaskGraphRunner.run  # before bot.rasa_plugins replaces it

from rasa.core.agent import load_agent  # noqa: E402
from rasa.shared.nlu.training_data.loading import load_data  # noqa: E402

import bot.rasa_plugins  # noqa: E402,F401 - applies the runner

FAST = DaskGraphRunner.run


async def parses(agent, texts: list[str]) -> list[str]:
    return [json.dumps(await agent.parse_message(text), sort_keys=True, default=str) for text in texts]


async def main() -> None:
    logging.disable(logging.WARNING)
    agent = await load_agent(model_path=sys.argv[1])
    texts = [m.get("text") for lang in ("en", "es") for m in load_data(f"tests/nlu/{lang}").intent_examples]
    DaskGraphRunner.run = FAST
    fast = await parses(agent, texts)
    DaskGraphRunner.run = ORIGINAL
    rasa = await parses(agent, texts)
    print(
        json.dumps(
            {
                "compared": len(texts),
                "differing": sum(a != b for a, b in zip(fast, rasa, strict=True)),
                "replaced": FAST is not ORIGINAL,
            }
        )
    )


asyncio.run(main())
