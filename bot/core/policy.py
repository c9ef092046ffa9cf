"""The one typed, cached loader of the permit policy (``bot/policy/permits.yml``).

The district edits the YAML, not this code: every number and list the rules use is read
here. The loader checks the file's shape and cross-references (a reason naming an unknown
document is an error), so a bad edit fails at start-up rather than in a conversation.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from bot.core.codes import Direction
from bot.core.data_file import DataFileError, count, flag, mapping, month_day, read_yaml, text, text_list
from bot.core.policy_model import (
    AppealRule,
    ApplicationWindows,
    Browsers,
    ClosingDay,
    Confidence,
    Contacts,
    DecisionDeadlines,
    DocumentRequirement,
    PasswordRules,
    Policy,
    Processing,
    Provenance,
    Reason,
    RequiredDocument,
)
from bot.core.settings import PROJECT_ROOT

POLICY_DIR = PROJECT_ROOT / "bot" / "policy"
DEFAULT_POLICY_PATH = POLICY_DIR / "permits.yml"


def load_policy(path: Path | str | None = None) -> Policy:
    """Load and check the policy file once per path (cached); ``None`` means the shipped file."""
    return _load_policy_cached(Path(path or DEFAULT_POLICY_PATH).resolve())


def clear_policy_cache() -> None:
    """Forget loaded policies (after the district edits the file, or in tests)."""
    _load_policy_cached.cache_clear()


@lru_cache(maxsize=8)
def _load_policy_cached(path: Path) -> Policy:
    return parse_policy(read_yaml(path), where=str(path))


def parse_policy(raw: object, where: str = "policy") -> Policy:
    """Build a Policy from already-parsed YAML, raising DataFileError on any defect."""
    top = mapping(raw, where)
    documents = {
        code: _provenance(entry, f"{where}.documents.{code}")
        for code, entry in mapping(top.get("documents"), f"{where}.documents").items()
    }
    incoming = _reasons(top, "incoming_reasons", Direction.INCOMING, documents, where)
    outgoing = _reasons(top, "outgoing_reasons", Direction.OUTGOING, documents, where)
    always = _document_list(top, "documents_always", documents, where)
    if_applicable = _document_list(top, "documents_if_applicable", documents, where)

    windows_raw = mapping(top.get("application_windows"), f"{where}.application_windows")
    opens_month, opens_day = month_day(
        mapping(windows_raw.get("opens"), f"{where}.application_windows.opens"), f"{where}.opens"
    )
    windows = ApplicationWindows(
        opens_month=opens_month,
        opens_day=opens_day,
        closing=MappingProxyType(
            {
                direction: _closing_day(windows_raw, direction, reasons, f"{where}.application_windows")
                for direction, reasons in ((Direction.INCOMING, incoming), (Direction.OUTGOING, outgoing))
            }
        ),
    )
    for direction, closing in windows.closing.items():
        # Windows are read within one calendar year (see windows.py): closing follows opening.
        if closing and (closing.month, closing.day) < (windows.opens_month, windows.opens_day):
            raise DataFileError(f"{where}: {direction.value} closes before applications open")

    magnet = mapping(top.get("magnet_schools"), f"{where}.magnet_schools")
    provisional = mapping(top.get("provisional_enrollment"), f"{where}.provisional_enrollment")
    deadlines = mapping(top.get("decision_deadlines"), f"{where}.decision_deadlines")
    appeals = mapping(top.get("appeals"), f"{where}.appeals")
    passwords = mapping(top.get("password_rules"), f"{where}.password_rules")
    processing = mapping(top.get("processing"), f"{where}.processing")
    contacts = mapping(top.get("contacts"), f"{where}.contacts")
    browsers = mapping(top.get("browser"), f"{where}.browser")
    return Policy(
        windows=windows,
        incoming_reasons=MappingProxyType(incoming),
        outgoing_reasons=MappingProxyType(outgoing),
        documents=MappingProxyType(documents),
        documents_always=always,
        documents_if_applicable=if_applicable,
        magnet_open_to_incoming=flag(magnet.get("open_to_incoming_permits"), f"{where}.magnet_schools"),
        provisional_school_months=count(
            provisional.get("max_school_months"), f"{where}.provisional_enrollment"
        ),
        school_month_weekdays=count(
            provisional.get("school_month_weekdays"), f"{where}.provisional_enrollment"
        ),
        decision_deadlines=DecisionDeadlines(
            current_year_request_days_before_instruction=count(
                deadlines.get("current_year_request_days_before_instruction"), f"{where}.decision_deadlines"
            ),
            current_year_decision_days=count(
                deadlines.get("current_year_decision_days"), f"{where}.decision_deadlines"
            ),
            future_year_decision_days_after_instruction_starts=count(
                deadlines.get("future_year_decision_days_after_instruction_starts"),
                f"{where}.decision_deadlines",
            ),
        ),
        district_appeal=_appeal(appeals.get("district"), f"{where}.appeals.district"),
        county_appeal=_appeal(appeals.get("county"), f"{where}.appeals.county"),
        password_rules=PasswordRules(
            min_length=count(passwords.get("min_length"), f"{where}.password_rules.min_length"),
            max_length=count(passwords.get("max_length"), f"{where}.password_rules.max_length"),
            max_run=count(passwords.get("max_run"), f"{where}.password_rules.max_run"),
        ),
        processing=Processing(
            decision_days_after_complete=count(
                processing.get("decision_days_after_complete"), f"{where}.processing"
            ),
            abandoned_after_days_incomplete=count(
                processing.get("abandoned_after_days_incomplete"), f"{where}.processing"
            ),
        ),
        contacts=Contacts(
            email=text(contacts.get("email"), f"{where}.contacts.email"),
            permits_email=text(contacts.get("permits_email"), f"{where}.contacts.permits_email"),
            mailing_address=text(contacts.get("mailing_address"), f"{where}.contacts.mailing_address"),
        ),
        portal_url=text(mapping(top.get("portal"), f"{where}.portal").get("url"), f"{where}.portal.url"),
        browsers=Browsers(
            recommended=tuple(text_list(browsers.get("recommended"), f"{where}.browser.recommended")),
            unsupported=tuple(text_list(browsers.get("unsupported"), f"{where}.browser.unsupported")),
        ),
    )


def _reasons(
    top: Mapping[str, object], key: str, direction: Direction, documents: Mapping[str, Provenance], where: str
) -> dict[str, Reason]:
    reasons: dict[str, Reason] = {}
    for code, entry in mapping(top.get(key), f"{where}.{key}").items():
        here = f"{where}.{key}.{code}"
        body = mapping(entry, here)
        docs = tuple(text_list(body.get("documents", []), f"{here}.documents"))
        missing = [doc for doc in docs if doc not in documents]
        if missing:
            raise DataFileError(f"{here}: unknown documents {missing}")
        reasons[code] = Reason(
            code=code, direction=direction, documents=docs, provenance=_provenance(body, here)
        )
    if not reasons:
        raise DataFileError(f"{where}.{key}: no reasons")
    return reasons


def _document_list(
    top: Mapping[str, object], key: str, documents: Mapping[str, Provenance], where: str
) -> tuple[str, ...]:
    value = top.get(key, [])
    if not isinstance(value, list):
        raise DataFileError(f"{where}.{key}: expected a list")
    codes = tuple(
        text(mapping(item, f"{where}.{key}").get("document"), f"{where}.{key}.document") for item in value
    )
    missing = [code for code in codes if code not in documents]
    if missing:
        raise DataFileError(f"{where}.{key}: unknown documents {missing}")
    return codes


def _closing_day(
    windows: Mapping[str, object], direction: Direction, reasons: Mapping[str, Reason], where: str
) -> ClosingDay | None:
    here = f"{where}.{direction.value}_closes"
    body = mapping(windows.get(f"{direction.value}_closes"), here)
    if not flag(body.get("closes", True), f"{here}.closes"):
        return None
    late = frozenset(text_list(body.get("except_reasons", []), f"{here}.except_reasons"))
    unknown = late - set(reasons)
    if unknown:
        raise DataFileError(f"{here}.except_reasons: unknown reasons {sorted(unknown)}")
    month, day = month_day(body, here)
    return ClosingDay(month=month, day=day, except_reasons=late)


def _appeal(raw: object, where: str) -> AppealRule:
    body = mapping(raw, where)
    return AppealRule(
        body=text(body.get("body"), f"{where}.body"),
        days=count(body.get("days"), f"{where}.days"),
        provenance=_provenance(body, where),
        portal=text(body["portal"], f"{where}.portal") if "portal" in body else "",
    )


def _provenance(raw: object, where: str) -> Provenance:
    body = mapping(raw, where)
    confidence = text(body.get("confidence"), f"{where}.confidence")
    try:
        level = Confidence(confidence)
    except ValueError as error:
        raise DataFileError(f"{where}.confidence: unknown level {confidence!r}") from error
    return Provenance(
        source=text(body.get("source"), f"{where}.source"),
        confidence=level,
        verify=flag(body.get("verify", False), f"{where}.verify"),
    )


__all__ = [
    "DEFAULT_POLICY_PATH",
    "POLICY_DIR",
    "AppealRule",
    "ApplicationWindows",
    "Browsers",
    "ClosingDay",
    "Confidence",
    "Contacts",
    "DataFileError",
    "DecisionDeadlines",
    "Direction",
    "DocumentRequirement",
    "PasswordRules",
    "Policy",
    "Processing",
    "Provenance",
    "Reason",
    "RequiredDocument",
    "clear_policy_cache",
    "load_policy",
    "parse_policy",
]
