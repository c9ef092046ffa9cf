"""Generate what every form repeats, from the tables below (the one source):

- data/rules/interruptions_<form>.yml: a question in the middle of any form is answered, then the
  form asks again; "stop" and "bye" end the form politely;
- in domain/*.yml, between the ">>> ... <<<" marker comments: each form's question slots (filled
  from the parent's typed text while the form asks for them, unless the message is one of the
  interrupting intents: `not_intent`), and each form's `required_slots`.

Run after changing a form, its questions or an interrupting intent:
    .venv-actions/bin/python scripts/build_form_rules.py
A unit test (tests/unit/test_form_rules.py) fails when the files differ from what this writes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.applications.questions import every_question  # noqa: E402

#: The answer to each question when it comes in the middle of a form (entry points give the how-to).
ANSWERS = {
    "ask_application_dates": "utter_application_dates",
    "apply_permit": "utter_how_to_apply",
    "upload_document": "utter_upload_documents",
    "ask_release": "utter_release",
    "ask_magnet": "utter_magnet",
    "ask_provisional_enrollment": "utter_provisional_enrollment",
    "ask_processing_time": "utter_processing_time",
    "check_status": "utter_check_status",
    "ask_renewal": "utter_renewal",
    "ask_appeal": "utter_appeal",
    "ask_transportation": "utter_transportation",
    "ask_browser": "utter_browser",
    "ask_password_rules": "utter_password_rules",
    "forgot_password": "utter_forgot_password",
    "ask_contact": "utter_contact",
    "ask_permit_reasons": "action_explain_reasons",
    "ask_documents": "action_explain_documents",
    "ask_why_needed": "action_explain_requested_slot",
    "bot_challenge": "utter_iamabot",
    "ask_capabilities": "utter_capabilities",
    "human_handoff": "action_hand_off",
    "switch_language": "utter_language_switched",
    "thank": "utter_you_are_welcome",
    "create_account": "utter_registration_intro",
    "activation_email_missing": "action_help_with_activation_email",
    "sign_in": "utter_sign_in_finish_first",
}

#: Intents that end a form (their rules are below) rather than being answered inside it.
CLOSINGS = ("stop", "goodbye")

#: Every intent that is not an answer to a form's question: the `not_intent` list of each form slot.
#: The same intents as ANSWERS and CLOSINGS (checked below); this order is the domain's, kept so
#: the trained model's domain does not change (a list's order counts in its fingerprint).
INTERRUPTIONS = (
    *("ask_application_dates", "apply_permit", "create_account", "ask_permit_reasons", "ask_documents"),
    *("upload_document", "ask_release", "ask_magnet", "ask_provisional_enrollment", "ask_processing_time"),
    *("check_status", "ask_renewal", "ask_appeal", "ask_transportation", "ask_browser", "ask_password_rules"),
    *("forgot_password", "ask_contact", "stop", "human_handoff", "switch_language", "ask_why_needed"),
    *("bot_challenge", "ask_capabilities", "goodbye", "thank", "activation_email_missing", "sign_in"),
)
if sorted(INTERRUPTIONS) != sorted((*ANSWERS, *CLOSINGS)):
    raise SystemExit("INTERRUPTIONS must list exactly the intents of ANSWERS and CLOSINGS")


@dataclass(frozen=True)
class Form:
    """One form: where it lives, what it asks, and how it ends."""

    #: The domain file that declares its slots and the form.
    domain: str
    #: The slots it fills from typed text, in asking order.
    questions: tuple[str, ...]
    #: Words in rule names ("stop during registration").
    label: str
    #: The action that ends it on "stop" or "bye": forgets its answers and says so (actions/stopping.py).
    stop: str
    #: When the form's validator chooses the questions (`required_slots` in the code), says where;
    #: the domain's `required_slots` is then empty.
    asked_by: str = ""


FORMS = {
    "registration_form": Form(
        "registration.yml",
        (
            *("parent_first_name", "parent_middle_name", "parent_last_name", "parent_email"),
            *("parent_email_again", "human_check", "registration_confirmed"),
        ),
        "registration",
        "action_stop_registration",
    ),
    "application_form": Form(
        "application.yml",
        every_question(),  # bot/applications/questions.py and bot/policy/application_questions.yml
        "the application",
        "action_stop_application",
        asked_by="ValidateApplicationForm.required_slots: per direction and reason",
    ),
    "sign_in_form": Form(
        "account_access.yml",
        ("signin_email", "signin_code"),
        "signing in",
        "action_stop_sign_in",
    ),
    "password_reset_form": Form(
        "account_access.yml",
        ("reset_email",),
        "the password reset",
        "action_stop_sign_in",
    ),
    "status_form": Form(
        "status.yml",
        ("status_number", "status_birthdate"),
        "the status check",
        "action_stop_status",
        asked_by="ValidateStatusForm.required_slots: the date of birth unless signed in",
    ),
}


def rules_for(form: str) -> str:
    """The YAML text of one form's interruption rules."""
    label, stop = FORMS[form].label, FORMS[form].stop
    lines = [
        "# Generated by scripts/build_form_rules.py - edit the script, not this file.",
        'version: "3.1"',
        "rules:",
    ]
    for intent, answer in ANSWERS.items():
        if form == "registration_form" and intent == "create_account":
            continue  # already registering
        lines += [
            f"  - rule: {intent} during {label}, then resume",
            "    condition:",
            f"      - active_loop: {form}",
            "    steps:",
            f"      - intent: {intent}",
            f"      - action: {answer}",
            f"      - action: {form}",
            f"      - active_loop: {form}",
        ]
    for intent in CLOSINGS:
        lines += [
            f"  - rule: {intent} during {label}",
            "    condition:",
            f"      - active_loop: {form}",
            "    steps:",
            f"      - intent: {intent}",
            f"      - action: {stop}",  # ends the form, forgets, says `stopped` or goodbye (actions/stopping.py)
            "      - active_loop: null",
        ]
    return "\n".join(lines) + "\n"


def target(form: str) -> Path:
    """Where a form's rules live."""
    return ROOT / "data" / "rules" / f"interruptions_{form.removesuffix('_form')}.yml"


def domain_files() -> list[Path]:
    """The domain files that declare forms."""
    return [ROOT / "domain" / name for name in dict.fromkeys(form.domain for form in FORMS.values())]


def _begin(part: str) -> str:
    return f"  # >>> {part}: generated by scripts/build_form_rules.py (edit the script, then run it)\n"


def _end(part: str) -> str:
    return f"  # <<< {part}\n"


def _question_slots(forms: list[str]) -> str:
    lines: list[str] = []
    for form in forms:
        for slot in FORMS[form].questions:
            excluded = "*interruptions" if lines else f"&interruptions [{', '.join(INTERRUPTIONS)}]"
            lines += [
                f"  {slot}:",
                "    type: text",
                "    influence_conversation: false",
                "    mappings:",
                "      - type: from_text",
                f"        not_intent: {excluded}",
                "        conditions:",
                f"          - active_loop: {form}",
                f"            requested_slot: {slot}",
            ]
    return "\n".join(lines) + "\n"


def _forms(forms: list[str]) -> str:
    lines: list[str] = []
    for form in forms:
        lines.append(f"  {form}:")
        if FORMS[form].asked_by:
            lines.append(f"    required_slots: []   # {FORMS[form].asked_by}")
        else:
            lines += ["    required_slots:", *(f"      - {slot}" for slot in FORMS[form].questions)]
    return "\n".join(lines) + "\n"


def _replace(text: str, part: str, body: str, path: Path) -> str:
    begin, end = _begin(part), _end(part)
    start = text.find(begin)
    stop = text.find(end, start)
    if start < 0 or stop < 0:
        raise SystemExit(f"{path.relative_to(ROOT)}: the markers of the generated {part} are missing")
    return text[: start + len(begin)] + body + text[stop:]


def domain_text(path: Path, text: str) -> str:
    """`text` (the domain file at `path`) with its generated parts written from the tables above."""
    forms = [name for name, form in FORMS.items() if form.domain == path.name]
    text = _replace(text, "form questions", _question_slots(forms), path)
    return _replace(text, "forms", _forms(forms), path)


if __name__ == "__main__":
    for name in FORMS:
        target(name).write_text(rules_for(name), encoding="utf-8")
        print("wrote", target(name).relative_to(ROOT))
    for path in domain_files():
        # Read right before writing, and only the marked parts change: others may be editing the rest.
        path.write_text(domain_text(path, path.read_text(encoding="utf-8")), encoding="utf-8")
        print("wrote", path.relative_to(ROOT))
