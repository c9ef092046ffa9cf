"""Registering in the chat, activating by email, creating the password on the web page."""

import re
import sqlite3
import uuid

import pytest
import requests

from tests.e2e.conftest import say, text_of

LINK = re.compile(r"https?://\S+/activate/\S+")


def register(sender: str, email: str, opening: str, first: str, middle: str, last: str) -> str:
    """Go through the form; returns the text of the bot's final answer."""
    text_of(say(sender, opening))
    say(sender, first)
    say(sender, middle)
    say(sender, last)
    say(sender, email)
    human_check = text_of(say(sender, email))
    digits = re.search(r"(\d) (\d) (\d) (\d)", human_check)
    assert digits, human_check
    summary = say(sender, "".join(digits.groups()))
    assert email in text_of(summary)
    confirm = next(b["payload"] for m in summary for b in m.get("buttons", []) if b["payload"] == "/affirm")
    return text_of(say(sender, confirm))


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def set_password(link: str, password: str, confirmation: str | None = None) -> requests.Response:
    """Open the page (as a browser does) and post the form with its CSRF field."""
    field = CSRF.search(requests.get(link, timeout=30).text)
    data = {
        "password": password,
        "confirmation": password if confirmation is None else confirmation,
        "csrf": field.group(1) if field else "",
    }
    return requests.post(link, data=data, timeout=30)


@pytest.mark.parametrize(
    ("language", "opening", "first", "middle", "last", "done_words", "page_words", "weak_words"),
    [
        (
            "en",
            "I want to create a parent account",
            "Maria",
            "none",
            "O'Brien",
            "activation email",
            "Create password",
            "too common",
        ),
        (
            "es",
            "quiero crear una cuenta de padre",
            "José Luis",
            "no tengo",
            "Núñez-García",
            "correo de activación",
            "Cree su contraseña",
            "demasiado común",
        ),
    ],
)
def test_register_activate_and_create_the_password(
    servers, mailbox, sender, language, opening, first, middle, last, done_words, page_words, weak_words
):
    email = f"parent-{uuid.uuid4().hex[:8]}@example.com"
    done = register(sender, email, opening, first, middle, last)
    assert done_words in done

    message = mailbox.wait_for(email)[0]
    body = message.get_content()
    link = LINK.search(body).group(0)
    page = requests.get(link, timeout=30)
    assert page.status_code == 200 and page_words in page.text
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]

    forged = requests.post(link, data={"password": "Lagarto42Verde", "confirmation": "Lagarto42Verde"}, timeout=30)
    assert forged.status_code == 403  # not posted from our page: no CSRF field
    weak = set_password(link, "password1")
    assert weak.status_code == 422 and weak_words in weak.text
    short = set_password(link, "ab1")
    assert short.status_code == 422 and 'role="alert"' in short.text
    mismatch = set_password(link, "Lagarto42Verde", "Lagarto42Verd")
    assert mismatch.status_code == 422

    good = set_password(link, "Lagarto42Verde")
    assert good.status_code == 200
    again = set_password(link, "Otra12Clave")
    assert again.status_code == 410  # single use

    with sqlite3.connect(servers.var_dir / "permits.db") as db:
        status, password_hash, stored_language = db.execute(
            "select status, password_hash, language from accounts where email = ?", (email,)
        ).fetchone()
    assert status == "active" and password_hash.startswith("$argon2") and stored_language == language
    for path in [
        *servers.var_dir.glob("tracker.db*"),  # the file and its write-ahead log
        servers.var_dir / "permits.db",
        *servers.var_dir.glob("log/*"),
    ]:
        assert b"Lagarto42Verde" not in path.read_bytes(), path


def test_an_existing_email_gets_the_same_chat_answer_and_the_owner_is_told(servers, mailbox):
    email = f"twice-{uuid.uuid4().hex[:8]}@example.com"
    first_answer = register(f"a-{uuid.uuid4().hex[:6]}", email, "create account", "Ana", "none", "Kim")
    link = LINK.search(mailbox.wait_for(email)[0].get_content()).group(0)
    assert set_password(link, "Lagarto42Verde").status_code == 200
    second_answer = register(f"b-{uuid.uuid4().hex[:6]}", email, "create account", "Ana", "none", "Kim")
    assert second_answer == first_answer
    notice = mailbox.wait_for(email, count=2)[1]
    assert "already exists" in notice.get_content()
    assert not LINK.search(notice.get_content())
