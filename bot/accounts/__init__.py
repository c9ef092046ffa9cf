"""Parent accounts: registration, activation links, password hashes."""
