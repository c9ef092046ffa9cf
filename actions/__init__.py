"""Custom actions: thin adapters between Rasa and bot/. They name responses, never hold text."""
