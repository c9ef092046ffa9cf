"""Sign-in codes: mailed to the owner only, six digits, ten minutes, five tries, used once."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.accounts.registration import RegistrationRequest, register
from bot.accounts.sign_in import request_sign_in_code, typed_code, verify_sign_in_code
from bot.store.database import unit_of_work
from bot.store.service_models import SignInCode
from tests.unit.accounts.helpers import active_account, mailed_code, outbox

CHAT = "sender-1"


def spaced(code: str) -> str:
    return f"my code is {code[:3]} {code[3:]}"


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_code_is_mailed_to_the_owner_and_signs_the_conversation_in_once(database):
    account_id = active_account(database)
    assert request_sign_in_code("Ana@Example.com ", CHAT, "es").code == "sent"
    [message] = outbox(database)
    assert message.recipient == "ana@example.com"
    assert message.subject == "Su código para entrar al asistente de permisos del LAUSD"
    code = mailed_code(message)
    with unit_of_work(database) as session:
        stored = session.scalar(select(SignInCode))
        assert code not in stored.code_hash and CHAT not in stored.conversation_key
    result = verify_sign_in_code(CHAT, spaced(code))
    assert (result.code, result.account_id, result.first_name, result.language) == (
        "ok",
        account_id,
        "Ana",
        "en",
    )
    assert verify_sign_in_code(CHAT, code).code == "no_code"  # single use


def test_the_code_works_only_in_the_conversation_that_asked(database):
    active_account(database)
    request_sign_in_code("ana@example.com", CHAT, "en")
    assert verify_sign_in_code("someone-else", mailed_code(outbox(database)[0])).code == "no_code"
    assert verify_sign_in_code(CHAT, mailed_code(outbox(database)[0])).code == "ok"


def test_five_wrong_codes_kill_it(database):
    active_account(database)
    request_sign_in_code("ana@example.com", CHAT, "en")
    code = mailed_code(outbox(database)[0])
    answers = [verify_sign_in_code(CHAT, wrong(code)).code for _ in range(5)]
    assert answers == ["wrong"] * 4 + ["locked"]
    assert verify_sign_in_code(CHAT, code).code == "locked"


def test_a_wrong_code_reads_the_same_for_an_active_an_unknown_and_a_pending_address(database):
    # The probe: "You can try 4 more time(s)" for an active account, "can't be used" otherwise.
    active_account(database)
    register(RegistrationRequest("Luis", None, "Pérez", "luis@example.com", "es"))
    answers = {}
    for address in ["ana@example.com", "nobody@example.com", "luis@example.com"]:
        chat = f"probe-{address}"
        request_sign_in_code(address, chat, "en")
        answers[address] = [verify_sign_in_code(chat, f"{n:06d}").code for n in range(6)]
    assert answers["ana@example.com"] == answers["nobody@example.com"] == answers["luis@example.com"]
    assert answers["nobody@example.com"] == ["wrong"] * 4 + ["locked"] * 2


def test_wrong_guesses_are_capped_per_address_across_conversations(database):
    active_account(database)
    now = datetime.now(timezone.utc)
    for chat, guesses in [("guesser-1", 4), ("guesser-2", 4), ("guesser-3", 2)]:
        request_sign_in_code("ana@example.com", chat, "en", now=now)
        code = mailed_code(outbox(database)[-1])
        assert {verify_sign_in_code(chat, wrong(code), now=now).code for _ in range(guesses)} == {"wrong"}
    # Ten wrong guesses for this address this hour: even the right code waits.
    assert verify_sign_in_code("guesser-3", code, now=now).code == "locked"
    later = now + timedelta(hours=1, minutes=1)
    request_sign_in_code("ana@example.com", "owner", "en", now=later)
    assert verify_sign_in_code("owner", mailed_code(outbox(database)[-1]), now=later).code == "ok"


def test_text_without_six_digits_is_not_counted_as_a_try(database):
    active_account(database)
    request_sign_in_code("ana@example.com", CHAT, "en")
    code = mailed_code(outbox(database)[0])
    for text in ["I didn't get it", "12345", "1234567"]:
        assert verify_sign_in_code(CHAT, text).code == "not_a_code"
    assert verify_sign_in_code(CHAT, code).code == "ok"


def test_digits_are_read_forgivingly():
    assert typed_code("my code is 123 456") == "123456"
    assert typed_code("12-34-56, thanks") == "123456"
    assert typed_code("it says 0 1 2 3 4 5") == "012345"
    assert typed_code("123 4567") is None


def test_a_code_expires_after_ten_minutes(database):
    active_account(database)
    now = datetime.now(timezone.utc)
    request_sign_in_code("ana@example.com", CHAT, "en", now=now)
    code = mailed_code(outbox(database)[0])
    assert verify_sign_in_code(CHAT, code, now=now + timedelta(minutes=10, seconds=1)).code == "expired"
    assert verify_sign_in_code(CHAT, code, now=now + timedelta(minutes=9)).code == "ok"


def test_a_new_code_replaces_the_earlier_one(database):
    active_account(database)
    request_sign_in_code("ana@example.com", CHAT, "en")
    request_sign_in_code("ana@example.com", CHAT, "en")
    first, second = (mailed_code(message) for message in outbox(database))
    if first != second:
        assert verify_sign_in_code(CHAT, first).code == "wrong"
    assert verify_sign_in_code(CHAT, second).code == "ok"


def test_an_unknown_address_gets_the_same_answer_and_no_email(database):
    active_account(database)
    known = request_sign_in_code("ana@example.com", CHAT, "en")
    unknown = request_sign_in_code("nobody@example.com", "sender-2", "en")
    assert unknown == known
    assert [message.recipient for message in outbox(database)] == ["ana@example.com"]


def test_a_pending_account_gets_a_new_activation_email_instead_of_a_code(database):
    register(RegistrationRequest("Luis", None, "Pérez", "luis@example.com", "es"))
    assert request_sign_in_code("luis@example.com", CHAT, "es").code == "pending"
    first, resent = outbox(database)
    assert resent.subject == first.subject == "Active su cuenta de padre del LAUSD"
    assert resent.body != first.body  # a fresh link
    with unit_of_work(database) as session:  # a stand-in code, never mailed, for no account
        assert session.scalar(select(SignInCode.account_id)) is None


def test_requests_are_limited_per_address_and_per_conversation(database):
    active_account(database)
    answers = [request_sign_in_code("ana@example.com", f"chat-{n}", "en").code for n in range(4)]
    assert answers == ["sent", "sent", "sent", "limited"]
    assert len(outbox(database)) == 3
    probing = [request_sign_in_code(f"p{n}@example.com", "prober", "en").code for n in range(6)]
    assert probing == ["sent"] * 5 + ["limited"]
    later = datetime.now(timezone.utc) + timedelta(hours=1, minutes=1)
    assert request_sign_in_code("ana@example.com", "chat-9", "en", now=later).code == "sent"
