"""Email to parents: composed from the catalogs, kept in an outbox until delivered."""
