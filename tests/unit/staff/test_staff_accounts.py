"""Staff accounts and sign-in: setup link, password rules, TOTP, sessions, limits and the audit log."""

from datetime import datetime, timedelta, timezone

import pyotp
from sqlalchemy import select

from bot.staff.accounts import add_staff_user, complete_setup, disable_staff_user, setup_page_state
from bot.staff.sessions import IDLE_MINUTES, sign_in, sign_out, staff_for_cookie
from bot.store.database import unit_of_work
from bot.store.service_models import AuditEntry
from bot.store.staff_models import StaffUser
from tests.unit.staff.helpers import PASSWORD, code_at, make_staff, next_code, token_of


def audit_actions(database: str) -> list[tuple[str, str]]:
    with unit_of_work(database) as session:
        return [
            (row.actor, row.action) for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def test_the_setup_link_shows_a_qr_code_and_works_once(database):
    link = add_staff_user("M.Garcia@LAUSD.net ", "reviewer", database_url=database)
    assert link.startswith("https://permits.example.org/staff/setup/")
    state = setup_page_state(token_of(link), database_url=database)
    assert state.code == "ready" and state.email == "m.garcia@lausd.net"
    assert state.qr_svg.startswith("<svg") and "QR code" in state.qr_svg
    assert setup_page_state(token_of(link), database_url=database).secret == state.secret  # stable on reload
    code = code_at(state.secret, datetime.now(timezone.utc))
    done = complete_setup(token_of(link), PASSWORD, PASSWORD, code, database_url=database)
    assert done.code == "done"
    assert setup_page_state(token_of(link), database_url=database).code == "invalid"
    with unit_of_work(database) as session:
        user = session.scalar(select(StaffUser))
        assert user.status == "active" and user.role == "reviewer"
        assert user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash
    assert ("cli", "staff_invited") in audit_actions(database)


def test_setup_lists_every_problem_and_keeps_the_link_usable(database):
    token = token_of(add_staff_user("ana@lausd.net", "agent", database_url=database))
    result = complete_setup(token, "ana@lausd.net", "other", "000000", database_url=database)
    assert result.code == "problems"
    assert {"same_as_user_id", "mismatch", "totp"} <= set(result.problems)
    assert setup_page_state(token, database_url=database).code == "ready"


def test_a_newer_link_replaces_the_older_one_and_a_forged_one_does_nothing(database):
    first = token_of(
        add_staff_user(
            "ana@lausd.net", "agent", database_url=database, now=datetime(2026, 1, 1, tzinfo=timezone.utc)
        )
    )
    second = token_of(add_staff_user("ana@lausd.net", "agent", database_url=database))
    assert setup_page_state(first, database_url=database).code == "invalid"
    assert setup_page_state(second, database_url=database).code == "ready"
    assert setup_page_state(second[:-2] + "xx", database_url=database).code == "invalid"


def test_signing_in_needs_all_three_factors_and_a_code_works_once(database):
    secret = make_staff(database, "ana@lausd.net", "agent")
    code = next_code(secret)
    assert (
        sign_in("ana@lausd.net", "Wrong12Password", code, "10.0.0.1", database_url=database).code == "refused"
    )
    assert sign_in("ana@lausd.net", PASSWORD, "123456", "10.0.0.1", database_url=database).code == "refused"
    assert sign_in("nobody@lausd.net", PASSWORD, code, "10.0.0.1", database_url=database).code == "refused"
    signed = sign_in("ANA@lausd.net", PASSWORD, code, "10.0.0.1", database_url=database)
    assert signed.code == "signed_in" and signed.cookie
    staff = staff_for_cookie(signed.cookie, database_url=database)
    assert staff is not None and staff.email == "ana@lausd.net" and staff.role.value == "agent"
    # The same code a second time (someone looking over the shoulder) is refused.
    assert sign_in("ana@lausd.net", PASSWORD, code, "10.0.0.1", database_url=database).code == "refused"
    actions = audit_actions(database)
    assert ("staff:ana@lausd.net", "staff_signed_in") in actions
    assert ("anonymous", "staff_sign_in_refused") in actions
    with unit_of_work(database) as session:
        details = " ".join(row.detail for row in session.scalars(select(AuditEntry)))
    assert "nobody@lausd.net" not in details  # a mistyped address is kept only as a digest


def test_a_session_ends_when_idle_at_sign_out_and_when_the_account_is_disabled(database):
    secret = make_staff(database, "ana@lausd.net", "agent")
    start = datetime.now(timezone.utc) + timedelta(seconds=30)
    cookie = sign_in(
        "ana@lausd.net", PASSWORD, code_at(secret, start), "10.0.0.1", database_url=database, now=start
    ).cookie
    assert staff_for_cookie(cookie, database_url=database, now=start + timedelta(minutes=IDLE_MINUTES - 1))
    later = start + timedelta(minutes=2 * IDLE_MINUTES)
    assert staff_for_cookie(cookie, database_url=database, now=later) is None  # idle too long
    again = start + timedelta(seconds=30)
    cookie = sign_in(
        "ana@lausd.net", PASSWORD, code_at(secret, again), "10.0.0.1", database_url=database, now=again
    ).cookie
    assert staff_for_cookie(cookie, database_url=database, now=again) is not None
    sign_out(cookie, database_url=database)
    assert staff_for_cookie(cookie, database_url=database) is None
    third = again + timedelta(seconds=30)
    cookie = sign_in(
        "ana@lausd.net", PASSWORD, code_at(secret, third), "10.0.0.1", database_url=database, now=third
    ).cookie
    assert disable_staff_user("ana@lausd.net", database_url=database)
    assert staff_for_cookie(cookie, database_url=database, now=third) is None
    assert staff_for_cookie("made-up-cookie", database_url=database) is None


def test_sign_in_tries_are_limited_per_address_even_with_the_right_password(database):
    secret = make_staff(database, "ana@lausd.net", "agent")
    for _ in range(10):
        sign_in("ana@lausd.net", "Wrong12Password", "000000", "10.0.0.2", database_url=database)
    right = sign_in("ana@lausd.net", PASSWORD, next_code(secret), "10.0.0.2", database_url=database)
    assert right.code == "limited"
    assert pyotp.TOTP(secret).now()  # the secret itself is untouched


def test_a_staff_address_written_differently_is_the_same_account(database):
    # The staff console compares addresses in the parents' canonical form (trim, NFKC, lower case).
    secret = make_staff(database, "ana@lausd.net", "agent")
    full_width = "ＡＮＡ＠ｌａｕｓｄ．ｎｅｔ\u3000"  # a full-width keyboard, an ideographic space
    signed = sign_in(full_width, PASSWORD, next_code(secret), "10.0.0.1", database_url=database)
    assert signed.code == "signed_in"
    assert disable_staff_user(" Ana@LAUSD.net", database_url=database)
