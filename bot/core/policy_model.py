"""The permit policy as typed values: what bot/policy/permits.yml says, checked and frozen.

bot.core.policy reads the file into these; everything else reads only these.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.codes import Code, Direction


class Confidence(Code):
    """How sure we are of a fact; ``typical`` means the bot must say "usually"."""

    SEED = "seed"
    LAW = "law"
    DISTRICT = "district"
    TYPICAL = "typical"


class DocumentRequirement(Code):
    """Why a document is on a reason's list."""

    ALWAYS = "always"
    FOR_REASON = "for_reason"
    IF_APPLICABLE = "if_applicable"


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from, how sure we are, and whether to confirm it before release."""

    source: str
    confidence: Confidence
    verify: bool

    @property
    def hedged(self) -> bool:
        """True when the bot must say "usually" and point to the office."""
        return self.confidence is Confidence.TYPICAL or self.verify


@dataclass(frozen=True)
class Reason:
    """A permit reason code for one direction, with its reason-specific documents."""

    code: str
    direction: Direction
    documents: tuple[str, ...]
    provenance: Provenance


@dataclass(frozen=True)
class RequiredDocument:
    """One document a parent should upload for a reason."""

    code: str
    requirement: DocumentRequirement
    confidence: Confidence
    verify: bool

    @property
    def hedged(self) -> bool:
        """True when the bot must say "usually" and point to the office."""
        return self.confidence is Confidence.TYPICAL or self.verify


@dataclass(frozen=True)
class ClosingDay:
    """A yearly closing day (month/day) and the reasons still accepted after it."""

    month: int
    day: int
    except_reasons: frozenset[str]


@dataclass(frozen=True)
class ApplicationWindows:
    """The yearly opening day and, per direction, the closing day (None: no closing date)."""

    opens_month: int
    opens_day: int
    closing: Mapping[Direction, ClosingDay | None]


@dataclass(frozen=True)
class DecisionDeadlines:
    """EC 46600.2 numbers: what counts as a current-year request and the decision days."""

    current_year_request_days_before_instruction: int
    current_year_decision_days: int
    future_year_decision_days_after_instruction_starts: int


@dataclass(frozen=True)
class AppealRule:
    """One appeal stage: the body (a name, not a sentence), days allowed, provenance."""

    body: str
    days: int
    provenance: Provenance
    portal: str = ""  # where the appeal is filed online, when the body says


@dataclass(frozen=True)
class PasswordRules:
    """Length bounds and the longest allowed run of one character."""

    min_length: int
    max_length: int
    max_run: int


@dataclass(frozen=True)
class Contacts:
    """How parents reach the office (addresses, not sentences)."""

    email: str
    permits_email: str
    mailing_address: str


@dataclass(frozen=True)
class Processing:
    """How long a decision takes once complete, and when an incomplete application is abandoned."""

    decision_days_after_complete: int
    abandoned_after_days_incomplete: int


@dataclass(frozen=True)
class Browsers:
    """Browsers the district's portal supports (names as the district writes them)."""

    recommended: tuple[str, ...]
    unsupported: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    """The whole permit policy, typed."""

    windows: ApplicationWindows
    incoming_reasons: Mapping[str, Reason]
    outgoing_reasons: Mapping[str, Reason]
    documents: Mapping[str, Provenance]
    documents_always: tuple[str, ...]
    documents_if_applicable: tuple[str, ...]
    magnet_open_to_incoming: bool
    provisional_school_months: int
    school_month_weekdays: int
    decision_deadlines: DecisionDeadlines
    district_appeal: AppealRule
    county_appeal: AppealRule
    password_rules: PasswordRules
    processing: Processing
    contacts: Contacts
    portal_url: str
    browsers: Browsers

    @property
    def provisional_weekdays(self) -> int:
        """Counted weekdays of provisional enrollment (two school months = 40)."""
        return self.provisional_school_months * self.school_month_weekdays

    def reasons(self, direction: Direction) -> Mapping[str, Reason]:
        """The reasons for a direction, in the policy file's order."""
        if direction is Direction.INCOMING:
            return self.incoming_reasons
        return self.outgoing_reasons

    def is_reason(self, code: str, direction: Direction) -> bool:
        """True when ``code`` is a reason for ``direction``."""
        return code in self.reasons(direction)

    def documents_for(self, reason: str) -> tuple[RequiredDocument, ...]:
        """Documents for an incoming reason: always-needed first, then the reason's, then if-applicable.

        Raises KeyError for an unknown incoming reason code (a programming error: NLU
        entities are mapped to canonical codes before they reach the rules).
        """
        found = self.incoming_reasons[reason]
        listed: list[RequiredDocument] = []
        groups = (
            (DocumentRequirement.ALWAYS, self.documents_always),
            (DocumentRequirement.FOR_REASON, found.documents),
            (DocumentRequirement.IF_APPLICABLE, self.documents_if_applicable),
        )
        for requirement, codes in groups:
            for code in codes:
                doc = self.documents[code]
                reason_verify = requirement is DocumentRequirement.FOR_REASON and found.provenance.verify
                listed.append(
                    RequiredDocument(
                        code=code,
                        requirement=requirement,
                        confidence=doc.confidence,
                        verify=doc.verify or reason_verify,
                    )
                )
        return tuple(listed)
