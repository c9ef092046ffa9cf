"""The dashboard page: the report's table, the charts' data and their vendored scripts."""

from __future__ import annotations

import json
import re

from tests.unit.staff.conftest import Console


def test_a_reviewer_sees_the_report_table_and_the_chart_data(console: Console):
    page = console.get("/staff/dashboard?from=2027-03-01&to=2027-03-10", "reviewer")
    assert page.status_code == 200
    assert "python -m bot.helpdesk.report --from 2027-03-01 --to 2027-03-10" in page.text
    assert '<tr data-segment="all/all"><td>all</td><td>all</td><td>0</td>' in page.text
    data = json.loads(
        re.search(
            r'<script type="application/json" id="dashboard-data">(.*?)</script>', page.text, re.S
        ).group(1)
    )
    assert len(data["days"]) == 10 and data["days"][0] == "2027-03-01"
    assert '<script src="/staff/static/dashboard.js" defer></script>' in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


def test_a_period_upside_down_or_too_long_falls_back_to_the_last_two_weeks(console: Console):
    page = console.get("/staff/dashboard?from=2027-03-10&to=2026-01-01", "reviewer")
    assert page.status_code == 200 and 'id="to" name="to" type="date" value="2026-01-01"' in page.text


def test_the_console_scripts_are_served_and_nothing_else(console: Console):
    script = console.get("/staff/static/dashboard.js")
    assert script.status_code == 200 and script.headers["Content-Type"].startswith("text/javascript")
    assert "Chart" in script.text
    assert console.get("/staff/static/..%2Fguard.py").status_code == 404
    assert console.get("/staff/static/secret.key").status_code == 404
