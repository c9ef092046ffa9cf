"""Repeated misunderstandings lead to the office's contacts."""

from actions.fallback import consecutive_fallbacks


def user(intent: str) -> dict:
    return {"event": "user", "parse_data": {"intent": {"name": intent}}}


def test_counts_only_the_latest_run_of_fallbacks():
    bot = {"event": "bot"}
    assert consecutive_fallbacks([user("greet"), bot, user("nlu_fallback")]) == 1
    assert consecutive_fallbacks([user("nlu_fallback"), bot, user("nlu_fallback"), bot]) == 2
    assert consecutive_fallbacks([user("nlu_fallback"), user("greet"), user("nlu_fallback")]) == 1
    assert consecutive_fallbacks([]) == 0
