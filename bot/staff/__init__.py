"""The staff command-line tool: `python -m bot.staff <command>` (or `scripts/permits staff <command>`)."""
