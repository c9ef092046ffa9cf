"""Staff roles: each role opens its own pages and those of the roles below it, nothing else."""

import pytest

from bot.rules.staff_roles import Role, parse_role, role_allows


@pytest.mark.parametrize(
    ("held", "needed", "allowed"),
    [
        ("agent", "agent", True),
        ("agent", "reviewer", False),
        ("agent", "admin", False),
        ("reviewer", "agent", True),
        ("reviewer", "reviewer", True),
        ("reviewer", "admin", False),
        ("admin", "agent", True),
        ("admin", "reviewer", True),
        ("admin", "admin", True),
    ],
)
def test_a_role_opens_its_own_pages_and_those_below_it(held, needed, allowed):
    assert role_allows(held, needed) is allowed


@pytest.mark.parametrize("held", ["", "root", "superuser", "Admin ", "agent;admin"])
def test_an_unknown_or_damaged_role_opens_nothing_except_case_and_spaces(held):
    expected = parse_role(held) is Role.ADMIN  # "Admin " is the admin role typed loosely
    assert role_allows(held, Role.AGENT) is expected
