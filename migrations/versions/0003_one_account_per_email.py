"""one account per email: a unique canonical email key, duplicates flagged; pending registrations

Revision ID: 0003
Revises: 0002

Emails used to be compared as typed, so ``PARENT.ONE@example.com`` could open a second account
beside ``parent.one@example.com``. This revision adds ``accounts.email_key`` (trimmed, NFKC,
lower case) with a unique index. Accounts already stored that share a key are resolved first:

- the one kept is an active account if there is one, else the oldest (then the lowest id);
- every other one gets status ``duplicate`` and no key (it can no longer sign in or activate);
- applications and tickets of a duplicate move to the kept account when the kept one is active
  (the same mailbox activated both, so they are the same family's); an audit row records each
  flagged account so the office can review it.

It also adds ``pending_registrations``: the details typed in each registration of an account
still waiting for activation, applied only when the owner opens that registration's link.

Sign-in codes: ``account_id`` may now be null (a stand-in code for an address without an active
account, never mailed, so that a wrong code gets the same answer whatever the address), and
``address_key`` (a keyed digest of the canonical email) counts wrong guesses per address across
conversations.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ACCOUNTS = sa.table(
    "accounts",
    sa.column("id", sa.Integer),
    sa.column("email", sa.String),
    sa.column("email_key", sa.String),
    sa.column("status", sa.String),
    sa.column("created_at", sa.DateTime),
)
_APPLICATIONS = sa.table("applications", sa.column("account_id", sa.Integer))
_TICKETS = sa.table("tickets", sa.column("account_id", sa.Integer))
_AUDIT = sa.table(
    "audit_log",
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("subject", sa.String),
    sa.column("detail", sa.Text),
)


def _canonical(email: str) -> str:
    # Frozen copy of bot.rules.email_address.canonical_email as of this revision: a migration
    # must not change meaning when the application code changes later.
    folded = email
    for _ in range(4):
        again = unicodedata.normalize("NFKC", folded).strip().lower()
        if again == folded:
            break
        folded = again
    return folded


def upgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_key", sa.String(length=254), nullable=True))
    op.create_table(
        "pending_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=80), nullable=False),
        sa.Column("middle_name", sa.String(length=80), nullable=True),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pending_registrations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_registrations_account_id"), ["account_id"], unique=False)
    with op.batch_alter_table("sign_in_codes", schema=None) as batch_op:
        batch_op.alter_column("account_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("address_key", sa.String(length=64), nullable=True))
    _resolve_duplicates(op.get_bind())
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_email_key"), ["email_key"], unique=True)


def _resolve_duplicates(connection: sa.engine.Connection) -> None:
    rows = connection.execute(sa.select(_ACCOUNTS.c.id, _ACCOUNTS.c.email, _ACCOUNTS.c.status)).all()
    created = dict(connection.execute(sa.select(_ACCOUNTS.c.id, _ACCOUNTS.c.created_at)).all())
    by_key: dict[str, list[tuple[int, str]]] = {}
    for account_id, email, status in rows:
        by_key.setdefault(_canonical(email), []).append((account_id, status))
    for key, accounts in by_key.items():
        # Active first, then the oldest, then the lowest id.
        ordered = sorted(accounts, key=lambda row: (row[1] != "active", str(created[row[0]] or ""), row[0]))
        (kept_id, kept_status), others = ordered[0], ordered[1:]
        connection.execute(sa.update(_ACCOUNTS).where(_ACCOUNTS.c.id == kept_id).values(email_key=key))
        for duplicate_id, _ in others:
            _flag(connection, duplicate_id, kept_id, move=kept_status == "active")


def _flag(connection: sa.engine.Connection, duplicate_id: int, kept_id: int, *, move: bool) -> None:
    connection.execute(
        sa.update(_ACCOUNTS).where(_ACCOUNTS.c.id == duplicate_id).values(status="duplicate", email_key=None)
    )
    moved = 0
    if move:
        moved = connection.execute(
            sa.update(_APPLICATIONS)
            .where(_APPLICATIONS.c.account_id == duplicate_id)
            .values(account_id=kept_id)
        ).rowcount
        connection.execute(
            sa.update(_TICKETS).where(_TICKETS.c.account_id == duplicate_id).values(account_id=kept_id)
        )
    connection.execute(
        sa.insert(_AUDIT).values(
            actor="migration:0003",
            action="account_marked_duplicate",
            subject=f"account:{duplicate_id}",
            detail=f"same email as account:{kept_id}; applications moved: {moved}",
        )
    )


def downgrade() -> None:
    op.execute("DELETE FROM sign_in_codes WHERE account_id IS NULL")
    with op.batch_alter_table("sign_in_codes", schema=None) as batch_op:
        batch_op.drop_column("address_key")
        batch_op.alter_column("account_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_email_key"))
        batch_op.drop_column("email_key")
    with op.batch_alter_table("pending_registrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_registrations_account_id"))
    op.drop_table("pending_registrations")
    # Accounts flagged `duplicate` stay flagged: reopening a second account per mailbox is not undone.
