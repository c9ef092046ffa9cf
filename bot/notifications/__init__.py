"""Telling parents what changed: status notices by email, SMS and WhatsApp through the outbox."""
