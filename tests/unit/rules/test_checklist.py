from bot.core.codes import Direction
from bot.rules.checklist import checklist, missing_items


def test_incoming_parent_employment_needs_release_letter_and_pay_stub() -> None:
    codes = [item.code for item in checklist(Direction.INCOMING, "parent_employment") if item.required]
    assert codes == ["release_from_residence", "employer_letter", "pay_stub"]


def test_iep_is_on_the_list_but_never_missing() -> None:
    items = {item.code: item for item in checklist(Direction.INCOMING, "sibling")}
    assert items["iep_or_504"].required is False
    assert (
        missing_items(Direction.INCOMING, "sibling", ["release_from_residence", "sibling_enrollment"]) == ()
    )


def test_outgoing_needs_no_release_upload() -> None:
    assert missing_items(Direction.OUTGOING, "childcare", []) == ("childcare_affidavit", "provider_letter")


def test_missing_keeps_checklist_order_and_unknown_reason_is_empty() -> None:
    assert missing_items(Direction.INCOMING, "bullying", ["incident_reports"]) == (
        "release_from_residence",
        "administrative_recommendation",
    )
    assert checklist(Direction.INCOMING, "no_such_reason") == ()
