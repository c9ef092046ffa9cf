"""REST chat requests are checked before Rasa reads them (issue 20: body, sender, message, metadata)."""

import json

import pytest

from bot.rules.chat_requests import (
    MAX_BODY_BYTES,
    ChatRequest,
    RequestRefused,
    clean_metadata,
    parse_rest_body,
)


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def refusal(raw: bytes) -> RequestRefused:
    with pytest.raises(RequestRefused) as refused:
        parse_rest_body(raw)
    return refused.value


def test_a_plain_request_passes_with_its_language():
    request = parse_rest_body(body(sender="web-1", message="hola", metadata={"language": "es"}))
    assert request == ChatRequest("web-1", "hola", {"language": "es"})


@pytest.mark.parametrize("raw", [b"[]", b'"hello"', b"42", b"null", b"", b"{not json"])
def test_a_body_that_is_not_a_json_object_is_a_400(raw):
    assert refusal(raw).status == 400


@pytest.mark.parametrize("message", [None, 42, ["hi"], {"text": "hi"}, True])
def test_a_message_that_is_not_a_string_is_a_400(message):
    assert refusal(body(sender="web-1", message=message)).status == 400


@pytest.mark.parametrize("sender", [None, "", "   ", ["a"], {"id": 1}, "x" * 129, True])
def test_a_missing_or_odd_sender_is_a_400_not_the_shared_default_conversation(sender):
    fields = {"message": "hello"} | ({} if sender is None else {"sender": sender})
    assert refusal(json.dumps(fields).encode()).status == 400


def test_a_numeric_sender_is_read_as_text():
    assert parse_rest_body(body(sender=12345, message="hi")).sender == "12345"


def test_a_body_over_the_cap_is_a_413_before_it_is_parsed():
    raw = b'{"sender": "a", "message": "' + b"x" * MAX_BODY_BYTES + b'"}'
    assert refusal(raw).status == 413


def test_a_100_kb_message_is_still_accepted():
    assert len(parse_rest_body(body(sender="a", message="x" * 100_000)).message) == 100_000


def test_big_metadata_is_refused():
    assert refusal(body(sender="a", message="hi", metadata={"language": "x" * 5_000_000})).status == 413


def test_deep_metadata_is_refused():
    nested: dict = {"language": "es"}
    for _ in range(5):
        nested = {"k": nested}
    assert refusal(body(sender="a", message="hi", metadata=nested)).status == 400


def test_a_json_bomb_of_nesting_is_a_400_not_a_crash():
    assert refusal(
        b'{"sender": "a", "message": "hi", "metadata": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    ).status in (
        400,
        413,
    )


def test_only_the_allowed_keys_reach_the_tracker():
    kept = clean_metadata({"language": "es", "account_id": "7", "notes": "María, 3/14/2016"})
    assert kept == {"language": "es"}


@pytest.mark.parametrize("metadata", ["es", ["es"], 3])
def test_metadata_that_is_not_an_object_is_a_400(metadata):
    assert refusal(body(sender="a", message="hi", metadata=metadata)).status == 400
