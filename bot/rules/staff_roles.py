"""Staff roles of the console and what each may do: agents < reviewers < admins.

Agents work the hand-off inbox and tickets; reviewers also applications, documents and the
missed questions; admins also staff accounts and the exports. Each role includes the ones below it.
"""

from __future__ import annotations

from typing import Final

from bot.core.codes import Code


class Role(Code):
    """A staff member's role."""

    AGENT = "agent"
    REVIEWER = "reviewer"
    ADMIN = "admin"


#: Each role's rank: a page that needs a role is open to that role and every higher one.
RANK: Final[dict[Role, int]] = {Role.AGENT: 1, Role.REVIEWER: 2, Role.ADMIN: 3}

#: Everything a staff member must keep to sign in: an argon2 hash, a TOTP secret, an active status.
INVITED: Final = "invited"
ACTIVE: Final = "active"
DISABLED: Final = "disabled"


def parse_role(code: str | Role) -> Role | None:
    """The Role for a code ("Reviewer", " admin ") or None."""
    if isinstance(code, Role):
        return code
    try:
        return Role(code.strip().lower())
    except ValueError:
        return None


def role_allows(held: str | Role, needed: str | Role) -> bool:
    """True when a staff member holding ``held`` may open a page that needs ``needed``.

    An unknown role allows nothing (a made-up or damaged row never opens a page).
    """
    have, need = parse_role(held), parse_role(needed)
    if have is None or need is None:
        return False
    return RANK[have] >= RANK[need]
