"""The widget's socket.io channel caps messages as the REST channel does (issue 20).

Run in the Rasa server's venv: what bot.rasa_plugins.live_socketio lets through to Rasa.
"""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import asyncio, json, sys
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from bot.rasa_plugins.live_socketio import LiveSocketIOInput, capped_messages
from bot.rules.chat_requests import MAX_BODY_BYTES

seen = []
async def rasa(message):
    seen.append({"text": message.text, "metadata": message.metadata})
handle = capped_messages(rasa)
def message(text, metadata):
    return UserMessage(text, CollectingOutputChannel(), "widget-1", input_channel="socketio", metadata=metadata)
async def main():
    await handle(message("hola", {"language": "es", "account_id": "7"}))
    await handle(message("x" * 10000, {"language": "en", "big": "y" * 5000}))
    channel = LiveSocketIOInput()
    channel.blueprint(rasa)
    print(json.dumps({"seen": seen, "buffer": channel.sio.eio.max_http_buffer_size, "cap": MAX_BODY_BYTES}))
asyncio.run(main())
"""


def test_socketio_messages_are_cut_and_keep_only_the_language():
    completed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", SCRIPT],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["seen"] == [
        {"text": "hola", "metadata": {"language": "es"}},
        {"text": "x" * 2000, "metadata": {}},  # metadata over 1 kB: dropped whole
    ]
    assert report["buffer"] == report["cap"]
