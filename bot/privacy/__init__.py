"""Privacy: what the conversation store keeps (redaction, sealed slots) and for how long (retention)."""
