"""Policy facts as reply placeholders, written in the parent's language.

Dates, numbers and addresses in replies come from bot/policy/permits.yml, never from the
catalog text, so that the district can correct a fact without touching the translations.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.nlg.catalog import Catalog
from bot.policy import load_policy_file


def _permits() -> dict[str, Any]:
    return load_policy_file("permits")


def day_month(catalog: Catalog, locale: str, month: int, day: int) -> str:
    """'February 1' / '1 de febrero'."""
    month_name = catalog.text(f"format.month.{month}", locale)
    return catalog.text("format.day_month", locale, month=month_name, day=day)


def long_date(catalog: Catalog, locale: str, day: date) -> str:
    """'March 3, 2027' / '3 de marzo de 2027'."""
    month_name = catalog.text(f"format.month.{day.month}", locale)
    return catalog.text("format.long_date", locale, month=month_name, day=day.day, year=day.year)


def or_list(catalog: Catalog, locale: str, items: list[str]) -> str:
    """'A, B or C' / 'A, B o C'."""
    if len(items) == 1:
        return items[0]
    return catalog.text("format.or_join", locale, first=", ".join(items[:-1]), last=items[-1])


def bullets(catalog: Catalog, locale: str, items: list[str]) -> str:
    """One '• item' line per item."""
    return "\n".join(catalog.text("format.bullet", locale, item=item) for item in items)


def policy_facts(catalog: Catalog, locale: str) -> dict[str, str]:
    """Every general fact placeholder the catalogs use, rendered in `locale`."""
    policy = _permits()
    windows = policy["application_windows"]
    processing = policy["processing"]
    appeals = policy["appeals"]
    contacts = policy["contacts"]
    rules = policy["password_rules"]
    reasons = list(policy["incoming_reasons"])
    reason_lines = [
        f"{catalog.text(f'reasons.{code}.name', locale)}: {catalog.text(f'reasons.{code}.meaning', locale)}"
        for code in reasons
    ]
    return {
        "opens_on": day_month(catalog, locale, windows["opens"]["month"], windows["opens"]["day"]),
        "outgoing_closes_on": day_month(
            catalog, locale, windows["outgoing_closes"]["month"], windows["outgoing_closes"]["day"]
        ),
        "portal_url": policy["portal"]["url"],
        "contact_email": contacts["email"],
        "permits_email": contacts["permits_email"],
        "mailing_address": contacts["mailing_address"],
        "decision_days": str(processing["decision_days_after_complete"]),
        "abandon_days": str(processing["abandoned_after_days_incomplete"]),
        "provisional_months": str(policy["provisional_enrollment"]["max_school_months"]),
        "district_appeal_days": str(appeals["district"]["days"]),
        "county_appeal_days": str(appeals["county"]["days"]),
        "county_portal": appeals["county"]["portal"],
        "password_min": str(rules["min_length"]),
        "password_max": str(rules["max_length"]),
        "unsupported_browsers": or_list(catalog, locale, policy["browser"]["unsupported"]),
        "recommended_browsers": or_list(catalog, locale, policy["browser"]["recommended"]),
        "reason_list": bullets(catalog, locale, reason_lines),
        "always_documents": bullets(
            catalog,
            locale,
            [catalog.text(f"documents.{d['document']}", locale) for d in policy["documents_always"]],
        ),
    }


def reason_facts(catalog: Catalog, locale: str, reason: str) -> dict[str, str]:
    """Placeholders about one incoming permit reason (empty when the code is unknown)."""
    reasons = _permits()["incoming_reasons"]
    if reason not in reasons:
        return {}
    documents = [catalog.text(f"documents.{code}", locale) for code in reasons[reason]["documents"]]
    return {
        "reason_name": catalog.text(f"reasons.{reason}.name", locale),
        "reason_meaning": catalog.text(f"reasons.{reason}.meaning", locale),
        "reason_documents": bullets(catalog, locale, documents),
    }


def incoming_reason_codes() -> list[str]:
    """The eight incoming reasons, in the district's order."""
    return list(_permits()["incoming_reasons"])
