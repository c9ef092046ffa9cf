"""document reviews (accepted, or rejected with a policy reason) and the missed-questions queue

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("reviewed_by", sa.String(length=80), nullable=False),
        sa.Column(
            "reviewed_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.ForeignKeyConstraint(["document_id"], ["application_documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("document_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_reviews_document_id"), ["document_id"], unique=False)

    op.create_table(
        "missed_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_key", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("masked_text", sa.Text(), nullable=False),
        sa.Column("guessed_intent", sa.String(length=80), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.Column("label", sa.String(length=80), nullable=True),
        sa.Column("labelled_by", sa.String(length=80), nullable=True),
        sa.Column("labelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("missed_questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_missed_questions_conversation_key"), ["conversation_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_missed_questions_created_at"), ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("missed_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_missed_questions_created_at"))
        batch_op.drop_index(batch_op.f("ix_missed_questions_conversation_key"))
    op.drop_table("missed_questions")
    with op.batch_alter_table("document_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_reviews_document_id"))
    op.drop_table("document_reviews")
