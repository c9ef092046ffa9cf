"""hand-offs: the keyed digest of the address a parent gave for an after-hours answer

The address itself stays sealed (reply_address_sealed, opened only by the Rasa server); its
digest lets the right to be forgotten find the hand-off from the email address.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_address_key", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_handoffs_reply_address_key"), ["reply_address_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handoffs_reply_address_key"))
        batch_op.drop_column("reply_address_key")
