"""Simulated parents talk to the real assistant; each language must complete 95 % of its conversations.

Conversations: tests/parents/<lang>/*.yml (format: tests/parents/README.md). Transcripts:
var/results/parents/<lang>-all.md and <lang>-failures.md. PARENTS_MIN_COMPLETION (0.95) is the
bar, PARENTS_AT_ONCE (4) how many conversations run at the same time, PARENTS_ONLY a
comma-separated list of conversation names to play (for working on a few).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.parents.conftest import _RESULTS
from tests.parents.conversations import LANGUAGES, load_language
from tests.parents.runner import Target, play_all
from tests.parents.transcript import write_reports

RESULTS_DIR = Path(__file__).resolve().parents[2] / "var" / "results" / "parents"
MIN_COMPLETION = float(os.environ.get("PARENTS_MIN_COMPLETION", "0.95"))
AT_ONCE = int(os.environ.get("PARENTS_AT_ONCE", "4"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_parents_complete_their_conversations(language: str, target: Target) -> None:
    conversations = load_language(language)
    only = {n.strip() for n in os.environ.get("PARENTS_ONLY", "").split(",") if n.strip()}
    if only:
        conversations = [c for c in conversations if c.name in only]
    if not conversations:
        pytest.skip(f"no conversations in tests/parents/{language}/")
    results = play_all(conversations, target, AT_ONCE)
    # A partial run (PARENTS_ONLY) never overwrites the whole run's transcripts.
    _, failing = write_reports(f"{language}-only" if only else language, results, RESULTS_DIR)
    complete = sum(r.complete for r in results)
    rate = complete / len(results)
    line = f"parents {language}: {complete}/{len(results)} = {rate:.3f}"
    _RESULTS[language] = line
    print(line)
    failed = "\n".join(f"  {r.conversation.name}: {r.problems[0]}" for r in results if not r.complete)
    assert rate >= MIN_COMPLETION, f"{line} (under {MIN_COMPLETION}); transcripts: {failing}\n{failed}"
