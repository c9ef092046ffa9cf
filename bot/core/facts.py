"""Policy facts as reply placeholders, written in the parent's language.

Dates, numbers and addresses in replies come from bot/policy/permits.yml (through the one typed
loader, bot.core.policy), never from the catalog text, so that the district can correct a fact
without touching the translations.
"""

from __future__ import annotations

from datetime import date

from bot.core.codes import Direction
from bot.core.policy import Policy, load_policy
from bot.core.text import Catalog


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


#: The facts last rendered per catalog and language, with the catalog and policy they came from.
_rendered: dict[tuple[int, str], tuple[Catalog, Policy, dict[str, str]]] = {}


def policy_facts(catalog: Catalog, locale: str) -> dict[str, str]:
    """Every general fact placeholder the catalogs use, rendered in `locale`.

    Every reply needs them: they are rendered again only when the policy file was loaded again
    (``clear_policy_cache``) or another catalog asks.
    """
    policy = load_policy()
    remembered = _rendered.get((id(catalog), locale))
    if remembered is not None and remembered[0] is catalog and remembered[1] is policy:
        return dict(remembered[2])
    facts = _render_policy_facts(catalog, locale, policy)
    _rendered[(id(catalog), locale)] = (catalog, policy, facts)
    return dict(facts)


def _render_policy_facts(catalog: Catalog, locale: str, policy: Policy) -> dict[str, str]:
    windows = policy.windows
    outgoing_closes = windows.closing[Direction.OUTGOING]
    reason_lines = [
        f"{catalog.text(f'reasons.{code}.name', locale)}: {catalog.text(f'reasons.{code}.meaning', locale)}"
        for code in policy.incoming_reasons
    ]
    return {
        "opens_on": day_month(catalog, locale, windows.opens_month, windows.opens_day),
        "outgoing_closes_on": (
            day_month(catalog, locale, outgoing_closes.month, outgoing_closes.day) if outgoing_closes else ""
        ),
        "portal_url": policy.portal_url,
        "contact_email": policy.contacts.email,
        "permits_email": policy.contacts.permits_email,
        "mailing_address": policy.contacts.mailing_address,
        "decision_days": str(policy.processing.decision_days_after_complete),
        "abandon_days": str(policy.processing.abandoned_after_days_incomplete),
        "provisional_months": str(policy.provisional_school_months),
        "district_appeal_days": str(policy.district_appeal.days),
        "county_appeal_days": str(policy.county_appeal.days),
        "county_portal": policy.county_appeal.portal,
        "password_min": str(policy.password_rules.min_length),
        "password_max": str(policy.password_rules.max_length),
        "unsupported_browsers": or_list(catalog, locale, list(policy.browsers.unsupported)),
        "recommended_browsers": or_list(catalog, locale, list(policy.browsers.recommended)),
        "reason_list": bullets(catalog, locale, reason_lines),
        "outgoing_reason_list": bullets(
            catalog, locale, [catalog.text(f"reasons.{code}.name", locale) for code in policy.outgoing_reasons]
        ),
        "always_documents": bullets(
            catalog, locale, [catalog.text(f"documents.{code}", locale) for code in policy.documents_always]
        ),
    }


def reason_facts(catalog: Catalog, locale: str, reason: str) -> dict[str, str]:
    """Placeholders about one incoming permit reason (empty when the code is unknown)."""
    found = load_policy().incoming_reasons.get(reason)
    leaving = load_policy().outgoing_reasons.get(reason)
    outgoing = {"outgoing_documents": _outgoing_documents(catalog, locale, leaving.documents if leaving else ())}
    if found is None:
        return {"reason_name": catalog.text(f"reasons.{reason}.name", locale), **outgoing} if leaving else {}
    documents = [catalog.text(f"documents.{code}", locale) for code in found.documents]
    return {
        "reason_name": catalog.text(f"reasons.{reason}.name", locale),
        "reason_meaning": catalog.text(f"reasons.{reason}.meaning", locale),
        "reason_documents": bullets(catalog, locale, documents),
        **outgoing,
    }


def _outgoing_documents(catalog: Catalog, locale: str, codes: tuple[str, ...]) -> str:
    """The documents LAUSD usually asks for when leaving for one reason, as a sentence and bullets
    (empty when the policy lists none: then the other district says what it needs)."""
    if not codes:
        return ""
    items = bullets(catalog, locale, [catalog.text(f"documents.{code}", locale) for code in codes])
    return catalog.text("faq.outgoing_documents_usual", locale, documents=items)
