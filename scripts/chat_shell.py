"""`make shell`: chat in the terminal with the already running Rasa server (REST channel)."""

import asyncio
import os
import uuid

from rasa.core.channels.console import record_messages

if __name__ == "__main__":
    port = os.environ.get("RASA_PORT", "5005")
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    asyncio.run(record_messages(sender, server_url=f"http://localhost:{port}", use_response_stream=False))
