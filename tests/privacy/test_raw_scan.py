"""After full conversations in both languages, the tracker store and the logs hold nothing readable.

Registration, activation, sign-in with an emailed code, an application with its upload, status
lookups (also typed in odd formats) and a password reset, through the real servers of tests/e2e
(their fixtures, their ports: E2E_RASA_PORT...). Then the raw SQLite tracker store and every log
file are searched for each email address, name, birth date, code, link token and confirmation
number that went through them.
"""

import re
import uuid

from tests.e2e.conftest import Mailbox, mailbox, say, servers, text_of  # noqa: F401 - fixtures
from tests.e2e.test_account_access import CODE, GOOD_PASSWORD
from tests.e2e.test_application import NUMBER
from tests.e2e.test_application import (
    test_a_spanish_parent_applies_uploads_and_checks_the_status as spanish_application_flow,
)
from tests.e2e.test_registration import register, set_password
from tests.privacy.stored_events import readable_events

LINK_TOKEN = re.compile(r"/(?:activate|reset|upload)/([A-Za-z0-9._~%-]{8,})")
ACTIVATION = re.compile(r"https?://\S+/activate/\S+")


def every_mail_text(box: Mailbox) -> str:
    return "\n".join(f"{message['Subject']}\n{message.get_content()}" for message in box.messages)


def english_parent(box: Mailbox) -> dict[str, str]:
    """Register, activate, sign in, ask the status, ask a reset: what the parent typed."""
    sender = f"scan-en-{uuid.uuid4().hex[:8]}"
    email = f"quenby.{uuid.uuid4().hex[:6]}@example.net"
    done = register(sender, email, "I want to create a parent account", "Quenby", "Thaddeus", "Zarahemla")
    assert "activation email" in done
    link = ACTIVATION.search(box.wait_for(email)[-1].get_content()).group(0)
    assert set_password(link, GOOD_PASSWORD).status_code == 200
    other = f"{sender}-2"
    say(other, "I want to sign in")
    say(other, email)
    code = CODE.search(box.wait_for(email, 2)[-1].get_content()).group(1)
    signed_in = text_of(say(other, code))
    assert "Quenby" in signed_in or "signed in" in signed_in.lower(), signed_in
    say(other, "what's the status of my application")  # signed in: every application of the account
    say(f"{sender}-3", "I forgot my password")
    say(f"{sender}-3", email.upper())
    return {"email": email, "first": "Quenby", "middle": "Thaddeus", "last": "Zarahemla", "code": code}


def test_full_conversations_leave_nothing_readable_in_the_store_or_the_logs(servers, mailbox):  # noqa: F811
    spanish_sender = f"scan-es-{uuid.uuid4().hex[:8]}"
    spanish_application_flow(servers, mailbox, spanish_sender)
    english = english_parent(mailbox)
    mail = every_mail_text(mailbox)
    [number] = {match for match in NUMBER.findall(mail)}
    dotted = number.replace("-", ".")
    say(f"scan-odd-{uuid.uuid4().hex[:6]}", f"status of {dotted}")  # odd formats from the probe
    odd = f"scan-odd2-{uuid.uuid4().hex[:6]}"
    say(odd, f"what is the status of {number}")
    say(odd, "march, 14, 2016")

    secrets = {
        "emails": sorted({address for message in mailbox.messages for address in [message["To"]]}),
        "names": ["Sofía", "Sof\\u00eda", english["first"], english["middle"], english["last"]],
        "birth dates": ["14 de marzo de 2016", "14/03/2016", "march, 14, 2016", "2016-03-14"],
        "confirmation numbers": [number, dotted, number.replace("-", "")],
        "link tokens": sorted(set(LINK_TOKEN.findall(mail))),
    }
    codes = sorted(set(CODE.findall(mail)))
    assert secrets["emails"] and secrets["link tokens"] and codes and english["code"] in codes

    stored = readable_events(servers.var_dir / "tracker.db")
    # the file and its write-ahead log (recent rows wait there until a checkpoint)
    raw_store = b"".join(path.read_bytes() for path in servers.var_dir.glob("tracker.db*"))
    logs = {path.name: path.read_text(errors="replace") for path in (servers.var_dir / "log").glob("*.log")}
    assert logs and stored
    found = []
    for kind, values in secrets.items():
        for value in values:
            if value.lower() in stored.lower() or value.encode() in raw_store:
                found.append(f"{kind}: {value!r} in the tracker store")
            found += [
                f"{kind}: {value!r} in {name}" for name, text in logs.items() if value.lower() in text.lower()
            ]
    for code in codes:  # whole numbers only: digits occur in timestamps and process ids by chance
        pattern = re.compile(rf"(?<!\d){code}(?!\d)")
        if pattern.search(stored):
            found.append(f"code {code} in the tracker store")
        found += [f"code {code} in {name}" for name, text in logs.items() if pattern.search(text)]
    assert not found, "\n".join(found)
    assert "[parent_email]" in stored and "[confirmation]" in stored  # masked, not dropped
