"""Which language (English or Spanish) the conversation is in."""
