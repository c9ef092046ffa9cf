"""The permits page itself, rendered offline: language, configuration and Content-Security-Policy."""

from __future__ import annotations

import json
import re

from bot.web.widget_page import content_security_policy, render_widget_page


def config_of(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="permit-chat-config">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def test_the_page_is_in_the_requested_language_and_tells_the_widget() -> None:
    html = render_widget_page("es", "https://chat.lausd.example")
    assert '<html lang="es">' in html
    assert "Permisos entre distritos" in html
    assert 'href="/?lang=en"' in html
    config = config_of(html)
    assert config["language"] == "es"
    assert config["socketUrl"] == "https://chat.lausd.example"
    assert config["texts"]["input_label"] == "Su mensaje"
    assert config_of(render_widget_page("en", "http://localhost:5005"))["texts"]["send"] == "Send"


def test_the_policy_allows_our_script_and_the_rasa_socket_only() -> None:
    policy = content_security_policy("https://chat.lausd.example")
    assert "script-src 'self';" in policy
    assert "connect-src 'self' https://chat.lausd.example wss://chat.lausd.example;" in policy
    assert "unsafe-eval" not in policy
    assert "ws://localhost:5005" in content_security_policy("http://localhost:5005/")


def test_configuration_cannot_break_out_of_its_script_block() -> None:
    html = render_widget_page("en", "http://x.example/</script><script>alert(1)</script>")
    assert "<script>alert(1)" not in html
