"""`python -m bot.staff <command>`: the Office of Permits' tool for applications, tickets and deadlines.

Exit status: 0 done, 1 refused (unknown application, a move the status rules do not allow, no
database), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import make_url
from sqlalchemy.exc import OperationalError

from bot.applications.deadlines_job import run_deadlines
from bot.applications.status import (
    ApplicationNotFound,
    StatusUpdate,
    TransitionRefused,
    change_status,
    find_application,
    mark_release_received,
    start_provisional_enrollment,
)
from bot.core.settings import database_url
from bot.helpdesk.handoff_queue import open_queue
from bot.rules.email_address import canonical_email
from bot.rules.staff_roles import Role
from bot.rules.status import TRANSITIONS, Status, parse_status
from bot.staff import views
from bot.staff.accounts import SETUP_MAX_AGE_SECONDS, StaffAccountProblem, add_staff_user, disable_staff_user
from bot.staff.inbox_view import inbox_lines
from bot.store.database import unit_of_work

_REFUSALS = {
    "unknown_status": "'{to}' is not a status. Statuses: {all}.",
    "same_status": "The application is already {from_}.",
    "from_terminal": "The application is {from_}: a closed request does not change any more.",
    "not_allowed": "An application cannot go from {from_} to {to}. From {from_} it can go to: {allowed}.",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-command per staff task."""
    parser = argparse.ArgumentParser(prog="permits staff", description="Office of Permits staff tool.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="applications, newest first")
    listing.add_argument("--status", help="only this status (e.g. pending_documents)")
    listing.add_argument("--limit", type=int, default=200)
    show = commands.add_parser("show", help="one application: documents and history")
    show.add_argument("number", help="confirmation number, e.g. LA-7K3M-9QX2-R")
    set_status = commands.add_parser("set-status", help="move an application to another status")
    set_status.add_argument("number")
    set_status.add_argument("status", help="e.g. under_review, approved, denied")
    set_status.add_argument("--reason", required=True, help="why (kept in the history)")
    set_status.add_argument("--by", required=True, help="your name")
    release = commands.add_parser("release-received", help="the district of residence's release arrived")
    release.add_argument("number")
    release.add_argument("--by", required=True, help="your name")
    provisional = commands.add_parser("provisional-start", help="first day of provisional attendance")
    provisional.add_argument("number")
    provisional.add_argument("start", type=date.fromisoformat, help="YYYY-MM-DD")
    provisional.add_argument("--by", required=True, help="your name")
    tickets = commands.add_parser("tickets", help="open help-desk tickets")
    tickets.add_argument("--all", action="store_true", help="closed tickets too")
    commands.add_parser("inbox", help="conversations waiting for a person, and those held by an agent")
    add_user = commands.add_parser(
        "add-user", help="add a console account (or re-invite); prints its setup link"
    )
    add_user.add_argument("email")
    add_user.add_argument("--role", required=True, choices=[role.value for role in Role])
    disable_user = commands.add_parser("disable-user", help="disable a console account and end its sessions")
    disable_user.add_argument("email")
    deadlines = commands.add_parser("deadlines", help="warn, abandon and flag late decisions (daily job)")
    deadlines.add_argument(
        "--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today in Los Angeles)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one staff command; returns the exit status."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = _HANDLERS[args.command]
    try:
        return handler(args)
    except ApplicationNotFound as missing:
        print(f"No application {missing.args[0]}.", file=sys.stderr)
        return 1
    except TransitionRefused as refused:
        print(refusal_message(refused), file=sys.stderr)
        return 1
    except OperationalError as error:
        where = make_url(database_url()).render_as_string(hide_password=True)
        print(f"The database {where} is not reachable or not set up ({error.orig}).", file=sys.stderr)
        print("Run 'make run' once (it creates and upgrades it), or set DATABASE_URL.", file=sys.stderr)
        return 1


def refusal_message(refused: TransitionRefused) -> str:
    """Why the status rules refused a move, in a sentence staff can act on."""
    source = parse_status(refused.from_status)
    allowed = sorted(status.value for status in TRANSITIONS[source]) if source else []
    return "Refused: " + _REFUSALS.get(refused.problem, "{from_} -> {to} is not allowed.").format(
        from_=refused.from_status,
        to=refused.to_status,
        allowed=", ".join(allowed) or "nothing",
        all=", ".join(status.value for status in Status),
    )


def _print(lines: Sequence[str]) -> None:
    print("\n".join(lines))


def _updated(update: StatusUpdate) -> int:
    if update.changed:
        print(f"{update.confirmation_number}: {update.from_status} -> {update.to_status}")
    else:
        print(f"{update.confirmation_number}: status stays {update.to_status}")
    return 0


def _list(args: argparse.Namespace) -> int:
    status = parse_status(args.status) if args.status else None
    if args.status and status is None:
        print(
            f"'{args.status}' is not a status. Statuses: {', '.join(s.value for s in Status)}.",
            file=sys.stderr,
        )
        return 1
    with unit_of_work() as session:
        _print(views.application_list(session, status.value if status else None, args.limit))
    return 0


def _show(args: argparse.Namespace) -> int:
    with unit_of_work() as session:
        _print(views.application_detail(find_application(session, args.number)))
    return 0


def _set_status(args: argparse.Namespace) -> int:
    status = parse_status(args.status)
    return _updated(change_status(args.number, status or args.status, f"staff:{args.by}", args.reason))


def _release(args: argparse.Namespace) -> int:
    update = mark_release_received(args.number, f"staff:{args.by}")
    if not update.recorded:
        print(f"{update.confirmation_number}: the release was already recorded; nothing changed.")
        return 0
    print(f"{update.confirmation_number}: release recorded.")
    return _updated(update)


def _provisional(args: argparse.Namespace) -> int:
    return _updated(start_provisional_enrollment(args.number, args.start, f"staff:{args.by}"))


def _tickets(args: argparse.Namespace) -> int:
    with unit_of_work() as session:
        _print(views.ticket_list(session, include_closed=args.all))
    return 0


def _inbox(args: argparse.Namespace) -> int:
    _print(inbox_lines(open_queue()))
    return 0


def _deadlines(args: argparse.Namespace) -> int:
    report = run_deadlines(args.today)
    _print(views.deadlines_lines(report))
    return 1 if report.failed else 0


def _add_user(args: argparse.Namespace) -> int:
    try:
        link = add_staff_user(args.email, args.role, actor="cli")
    except StaffAccountProblem as problem:
        print(f"Refused: {problem.code} ({args.email!r}, role {args.role!r}).", file=sys.stderr)
        return 1
    print(
        f"Setup link for {canonical_email(args.email)} ({args.role}), valid {SETUP_MAX_AGE_SECONDS // 3600} hours, once:"
    )
    print(link)
    return 0


def _disable_user(args: argparse.Namespace) -> int:
    if not disable_staff_user(args.email, actor="cli"):
        print(f"No staff account {args.email}.", file=sys.stderr)
        return 1
    print(f"{args.email}: disabled; its sessions have ended.")
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _list,
    "show": _show,
    "set-status": _set_status,
    "release-received": _release,
    "provisional-start": _provisional,
    "tickets": _tickets,
    "inbox": _inbox,
    "deadlines": _deadlines,
    "add-user": _add_user,
    "disable-user": _disable_user,
}
