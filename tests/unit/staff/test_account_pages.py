"""Admins invite and disable staff in the console; the setup link shown works once."""

from __future__ import annotations

import html
import re

from bot.staff.accounts import setup_page_state
from tests.unit.staff.conftest import Console


def test_an_admin_invites_a_reviewer_and_the_link_shown_opens_the_setup_page(console: Console):
    page = console.post(
        "/staff/accounts/invite",
        "admin",
        data={"csrf": console.csrf("admin"), "email": "New.Reviewer@lausd.net", "role": "reviewer"},
    )
    assert page.status_code == 200
    link = re.search(r'<code id="setup-link">([^<]+)</code>', page.text).group(1)
    assert setup_page_state(link.rsplit("/", 1)[1]).email == "new.reviewer@lausd.net"
    listed = console.get("/staff/accounts", "admin").text
    assert "new.reviewer@lausd.net" in listed and "setup-link" not in listed  # shown once only


def test_an_admin_cannot_disable_their_own_account_but_can_disable_another(console: Console):
    from tests.unit.staff.helpers import make_staff

    make_staff(console.database, "leaver@lausd.net", "agent")
    own = console.post(
        "/staff/accounts/disable", "admin", data={"csrf": console.csrf("admin"), "email": "admin@lausd.net"}
    )
    assert own.status_code == 422 and "cannot disable your own account" in own.text
    other = console.post(
        "/staff/accounts/disable", "admin", data={"csrf": console.csrf("admin"), "email": "leaver@lausd.net"}
    )
    assert other.status_code == 303
    assert (
        "<td>leaver@lausd.net</td><td>agent</td><td>disabled</td>"
        in console.get("/staff/accounts", "admin").text
    )


def test_a_bad_address_is_explained(console: Console):
    page = console.post(
        "/staff/accounts/invite",
        "admin",
        data={"csrf": console.csrf("admin"), "email": "not an email", "role": "agent"},
    )
    assert page.status_code == 422 and "Type the person's work email address." in html.unescape(page.text)
