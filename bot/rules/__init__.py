"""Decisions about a parent's input: pure functions driven by the policy data.

Nothing here imports Rasa, rasa_sdk, SQLAlchemy or Django, and nothing here builds a
sentence: every function returns codes, dates or small frozen dataclasses that the bot
renders in English or Spanish from its locale catalogs.
"""
