"""The reasons a document can be sent back: from the policy file, each with a source and words in both languages."""

import pytest

from bot.core.data_file import DataFileError
from bot.core.text import catalog
from bot.rules.document_rejections import is_rejection_reason, rejection_reasons


def test_the_policy_lists_the_reasons_the_issue_names():
    assert {"illegible", "too_old", "not_on_letterhead", "wrong_student"} <= set(rejection_reasons())
    assert not is_rejection_reason("because I said so")


@pytest.mark.parametrize("locale", ["en", "es"])
def test_every_reason_has_words_for_parents_in_both_languages(locale):
    for code in rejection_reasons():
        words = catalog().text(f"rejections.reason.{code}", locale)
        assert words and code not in words


def test_a_reason_without_a_source_is_refused_at_load(tmp_path):
    path = tmp_path / "rejections.yml"
    path.write_text('source: "x"\nreasons:\n  illegible: {}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="illegible.source"):
        rejection_reasons(path)
