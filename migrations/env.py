"""Alembic environment: migrates the database named by DATABASE_URL (or the config's URL)."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.store.database import database_url
from bot.store.all_models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or database_url()
config.set_main_option("sqlalchemy.url", url)

if context.is_offline_mode():
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}), poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
