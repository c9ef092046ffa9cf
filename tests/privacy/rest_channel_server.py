"""Run by .venv's Python (the Rasa server's venv) from test_rest_channel_requests.py.

Serves bot.rasa_plugins.capped_rest.CappedRestInput on 127.0.0.1:argv[1] as Rasa mounts it, with a
stand-in for the agent that answers with what reached it (sender, text, metadata, channel), so the
test sees exactly what Rasa would have been given. A message starting with "FAIL" makes the
stand-in fail the way a broken turn does, with the message in the exception.
"""

import json
import sys

from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.rasa_plugins.capped_rest import CappedRestInput


async def what_rasa_would_get(message: UserMessage) -> None:
    if (message.text or "").startswith("FAIL"):
        raise RuntimeError(f"could not handle {message.text!r}")
    seen = {
        "sender": message.sender_id,
        "text": message.text,
        "metadata": message.metadata,
        "input_channel": message.input_channel,
    }
    await message.output_channel.send_text_message(message.sender_id, json.dumps(seen))


def main(port: int) -> None:
    app = Sanic("capped_rest_check")
    channel = CappedRestInput()
    app.blueprint(channel.blueprint(what_rasa_would_get), url_prefix=f"/webhooks/{channel.url_prefix()}")
    app.run(host="127.0.0.1", port=port, access_log=False)


if __name__ == "__main__":
    main(int(sys.argv[1]))
