"""The probe of issue 20 replayed against `make run`'s servers (scripts/run-servers).

The action server refuses a made-up tracker without the shared secret, and the Rasa server lets
browsers call it from the site's own page only.
"""

import requests

from tests.privacy.conftest import ACTIONS_PORT, RASA_PORT, WEB_PORT


def test_a_made_up_tracker_sent_to_the_action_server_is_refused(var_dir):
    call = {
        "next_action": "action_start_status_check",
        "sender_id": "probe",
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": "probe",
            "slots": {"account_id": "7", "language": "en"},
            "latest_message": {"text": "status", "entities": []},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": None,
        },
    }
    response = requests.post(f"http://127.0.0.1:{ACTIONS_PORT}/webhook", json=call, timeout=30)
    assert response.status_code == 401 and "utter_" not in response.text
    assert requests.get(f"http://127.0.0.1:{ACTIONS_PORT}/health", timeout=10).ok
    token = (var_dir / "action-server.token").stat()
    assert token.st_mode & 0o077 == 0  # the secret is the owner's alone


def test_only_the_sites_own_origin_may_call_rasa_from_a_browser(var_dir):
    url = f"http://localhost:{RASA_PORT}/webhooks/rest/webhook"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    stranger = requests.options(url, headers={"Origin": "https://evil.example", **preflight}, timeout=30)
    assert stranger.headers.get("Access-Control-Allow-Origin") in (None, "")
    own = f"http://localhost:{WEB_PORT}"
    ours = requests.options(url, headers={"Origin": own, **preflight}, timeout=30)
    assert ours.headers.get("Access-Control-Allow-Origin") == own


def test_files_and_folders_of_the_running_servers_are_private(var_dir):
    for path in [var_dir / "log", var_dir / "run", *(var_dir / "log").iterdir(), var_dir / "tracker.db"]:
        assert path.stat().st_mode & 0o077 == 0, path
    assert (var_dir / "permits.db").stat().st_mode & 0o077 == 0
