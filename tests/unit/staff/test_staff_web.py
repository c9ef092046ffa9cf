"""The console's sign-in and its guard, through the real server: no page or file under /staff/ gives
anything to an unauthenticated, made-up or wrong-role request."""

from __future__ import annotations

import re

import pytest

from bot.web.app import create_app
from tests.unit.staff.conftest import FORM_TOKEN, Console

#: Routes anyone may open: the sign-in form and the one-time setup link (checked by its signature).
PUBLIC = {"staff/sign-in", "staff/setup/<token:str>"}
SAMPLE = {"token": "made-up", "number": "LA-7K3M-9QX2-R", "document_id": "1", "miss_id": "1", "user_id": "1"}


def staff_routes() -> list[tuple[str, str, str]]:
    """(path with sample values, method, role needed) for every guarded /staff/ route."""
    app = create_app("staff_route_probe")
    found = []
    for route in app.router.routes:
        if (
            not route.path.startswith("staff")
            or route.path in PUBLIC
            or route.path.startswith("staff/static")
        ):
            continue
        role = getattr(route.handler, "staff_role", None)
        assert role is not None, f"/{route.path} has no @staff_page guard"
        path = "/" + re.sub(r"<(\w+):?[^>]*>", lambda m: SAMPLE.get(m.group(1), "1"), route.path)
        found += [
            (path if path != "/staff" else "/staff/", method, role.value)
            for method in route.methods
            if method != "HEAD"
        ]
    return sorted(found)


ROUTES = staff_routes()
LOWER = {"agent": [], "reviewer": ["agent"], "admin": ["agent", "reviewer"]}


def assert_no_data(response, *words: str) -> None:
    """No parent's or application's data (a signed-in person still sees their own email)."""
    assert response.headers.get("Cache-Control") == "no-store"
    for word in ("LA-", "Luis", "Núñez", "@example.com", *words):
        assert word not in response.text


@pytest.mark.parametrize(("path", "method", "role"), ROUTES)
def test_without_a_session_every_page_redirects_to_sign_in_or_refuses(console: Console, path, method, role):
    for headers in ({}, {"Cookie": "permits_staff=made-up.value"}):
        response = (
            console.get(path, headers=headers) if method == "GET" else console.post(path, headers=headers)
        )
        if method == "GET":
            assert response.status_code == 303
            assert response.headers["location"].startswith("/staff/sign-in?next=")
        else:
            assert response.status_code == 401
        assert_no_data(response, "@lausd.net")


@pytest.mark.parametrize(("path", "method", "role"), [r for r in ROUTES if r[2] != "agent"])
def test_a_lower_role_is_refused_every_higher_page(console: Console, path, method, role):
    for lower in LOWER[role]:
        data = {"csrf": console.csrf(lower)}
        response = console.get(path, lower) if method == "GET" else console.post(path, lower, data=data)
        assert response.status_code == 403
        assert_no_data(response)


@pytest.mark.parametrize(("path", "method", "role"), [r for r in ROUTES if r[1] != "GET"])
def test_every_form_without_the_session_token_is_refused(console: Console, path, method, role):
    response = console.post(path, role, data={"csrf": "forged"})
    assert response.status_code == 403
    assert_no_data(response)


def test_the_session_cookie_is_http_only_strict_secure_and_staff_pages_are_never_cached(console: Console):
    from tests.unit.staff.helpers import make_staff

    secret = make_staff(console.database, "cookie@lausd.net", "agent")
    response = console.sign_in("cookie@lausd.net", secret)
    assert response.status_code == 303 and response.headers["location"] == "/staff/"
    cookie = response.headers["set-cookie"].lower()
    assert (
        "httponly" in cookie
        and "samesite=strict" in cookie
        and "secure" in cookie
        and "path=/staff" in cookie
    )
    home = console.get("/staff/", "agent")
    assert home.status_code == 200 and "agent@lausd.net" in home.text
    assert home.headers["Cache-Control"] == "no-store" and home.headers["X-Content-Type-Options"] == "nosniff"
    assert console.get("/staff/sign-in").headers["Cache-Control"] == "no-store"


def test_a_wrong_code_keeps_the_person_out_and_says_so_without_naming_the_factor(console: Console):
    form = FORM_TOKEN.search(console.get("/staff/sign-in").text).group(1)
    fields = {
        "email": "agent@lausd.net",
        "password": "Consola42Permisos",
        "code": "000000",
        "form_token": form,
    }
    response = console.post("/staff/sign-in", data=fields)
    assert response.status_code == 401 and "set-cookie" not in response.headers
    assert "The email, password or code is not right" in response.text


def test_sign_in_without_the_form_token_is_refused(console: Console):
    fields = {"email": "agent@lausd.net", "password": "Consola42Permisos", "code": "000000"}
    assert console.post("/staff/sign-in", data=fields).status_code == 403


def test_after_sign_in_the_person_returns_to_the_page_asked_for_but_never_to_another_site(console: Console):
    from tests.unit.staff.helpers import make_staff

    secret = make_staff(console.database, "next@lausd.net", "agent")
    form = FORM_TOKEN.search(console.get("/staff/sign-in?next=https://evil.example/").text).group(1)
    fields = {
        "email": "next@lausd.net",
        "password": "Consola42Permisos",
        "form_token": form,
        "next": "//evil.example/",
    }
    from tests.unit.staff.helpers import next_code

    response = console.post("/staff/sign-in", data={**fields, "code": next_code(secret)})
    assert response.status_code == 303 and response.headers["location"] == "/staff/"


def test_sign_out_ends_the_session_on_the_server(console: Console):
    from tests.unit.staff.helpers import make_staff

    secret = make_staff(console.database, "leaving@lausd.net", "agent")
    cookie = re.search(
        r"permits_staff=([^;]+)", console.sign_in("leaving@lausd.net", secret).headers["set-cookie"]
    ).group(1)
    headers = {"Cookie": f"permits_staff={cookie}"}
    csrf = re.search(r'name="csrf" value="([^"]+)"', console.get("/staff/", headers=headers).text).group(1)
    assert console.post("/staff/sign-out", headers=headers, data={"csrf": csrf}).status_code == 303
    assert console.get("/staff/", headers=headers).status_code == 303  # the old cookie opens nothing


def test_the_setup_page_shows_the_qr_code_inline(console: Console):
    from bot.staff.accounts import add_staff_user

    link = add_staff_user("new@lausd.net", "agent", database_url=console.database)
    page = console.get("/staff/setup/" + link.rsplit("/", 1)[1])
    assert page.status_code == 200 and "<svg" in page.text and 'for="code"' in page.text
    assert console.get("/staff/setup/made-up").status_code == 410
