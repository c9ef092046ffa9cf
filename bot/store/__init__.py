"""Persistence of the application data (SQLAlchemy 2.x): accounts, outgoing mail, used links."""
