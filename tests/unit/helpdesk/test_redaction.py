"""Masked excerpts never show an email address or a phone number the parent typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.rules.redaction import mask_personal_data, masked_excerpt

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ ,.!?¿", max_size=40)
LOCAL = st.from_regex(r"[a-z][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True)
LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
EMAILS = st.builds(
    lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
    LOCAL,
    st.lists(LABEL, min_size=1, max_size=3),
    st.sampled_from(["com", "org", "net", "mx", "edu", "us", "gov"]),
)
PHONE_FORMATS = [
    "({a}) {b}-{c}",
    "{a}-{b}-{c}",
    "{a}.{b}.{c}",
    "{a}{b}{c}",
    "+1 {a} {b} {c}",
    "1-{a}-{b}-{c}",
]
PHONES = st.builds(
    lambda pattern, a, b, c: pattern.format(a=a, b=b, c=c),
    st.sampled_from(PHONE_FORMATS),
    st.from_regex(r"[2-9][0-9]{2}", fullmatch=True),
    st.from_regex(r"[2-9][0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{4}", fullmatch=True),
)


@given(before=WORDS, value=st.one_of(EMAILS, PHONES), after=WORDS, limit=st.integers(1, 200))
def test_no_email_or_phone_survives_masking_or_cutting(
    before: str, value: str, after: str, limit: int
) -> None:
    text = f"{before} {value} {after}"
    for shown in (mask_personal_data(text), masked_excerpt(text, limit)):
        assert "@" not in shown and not any(char.isdigit() for char in shown), (text, shown)
    assert len(masked_excerpt(text, limit)) <= limit


@given(st.text(max_size=300), st.integers(1, 200))
def test_an_excerpt_is_one_masked_line_within_the_limit(text: str, limit: int) -> None:
    shown = masked_excerpt(text, limit)
    assert len(shown) <= limit and "\n" not in shown
    assert mask_personal_data(shown.removesuffix("…")) == shown.removesuffix("…")
