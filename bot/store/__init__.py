"""The application database (SQLAlchemy 2.0 models, Alembic migrations)."""
