"""The project's own web pages: account activation (password creation)."""
