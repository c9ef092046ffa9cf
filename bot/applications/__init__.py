"""Permit applications: submission, status, documents and deadlines (services over bot/store)."""
